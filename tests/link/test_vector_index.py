"""The nearest-neighbour index of stored leads: time-window blocking, the graph for many vectors,
exact search of recent ones, and saving from several threads."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.link.index import VectorIndex
from tests.factories import EVENT_BASE as BASE
from tests.factories import unit_vector as _unit


def test_vector_index_filters_by_time_window():
    index = VectorIndex(384)
    index.add([1, 2, 3], np.stack([BASE, _unit(4, BASE, 0.02), _unit(5, BASE, 0.02)]), [1000, 1500, -1])
    found = {label for label, _ in index.query(BASE, 3, day=1001, window=30)}
    assert found == {1, 3}  # 2 is 500 days away; 3 is undated and may match
    assert {label for label, _ in index.query(BASE, 3)} == {1, 2, 3}


def test_vector_index_uses_the_graph_for_many_vectors():
    index = VectorIndex(384, capacity=16)  # grows while adding
    vectors = np.stack([_unit(100 + i) for i in range(400)])
    index.add(range(1, 401), vectors, [5000] * 400)
    hits = index.query(vectors[123], 5, day=5000, window=10)
    assert hits[0][0] == 124 and hits[0][1] == pytest.approx(1.0, abs=1e-4)


def test_vector_index_exact_search_reads_recent_vectors_within_the_bound(tmp_path, monkeypatch):
    from synopsis.link import index as index_module

    monkeypatch.setattr(index_module, "RECENT_VECTORS", 4)
    vectors = np.stack([_unit(500 + i, BASE, 0.5) for i in range(10)])
    # Three time windows of 3, 3 and 4 articles: each exact search needs at most 4 vectors.
    days = [9000] * 3 + [8000] * 3 + [7000] * 4
    index = VectorIndex(384)
    index.add(range(1, 11), vectors, days)
    assert list(index.recent) == [7, 8, 9, 10]  # the latest added, at most 4

    def brute_force(labels):
        scored = sorted(((label, float(vectors[label - 1] @ BASE)) for label in labels), key=lambda h: -h[1])
        return [h[0] for h in scored[:3]], [h[1] for h in scored[:3]]

    def search(day):
        hits = index.query(BASE, 3, day=day, window=5)
        return [h[0] for h in hits], [h[1] for h in hits]

    for day, labels, kept in (
        (9000, [1, 2, 3], {10, 1, 2, 3}),  # all three read from the graph, then kept
        (9000, [1, 2, 3], {10, 1, 2, 3}),  # all three from memory
        (7000, [7, 8, 9, 10], {7, 8, 9, 10}),  # 10 from memory, 7-9 from the graph
    ):
        found, scores = search(day)
        expected, expected_scores = brute_force(labels)
        assert found == expected
        assert scores == pytest.approx(expected_scores, abs=1e-6)
        assert set(index.recent) == kept
    assert all(np.array_equal(index.recent[label], vectors[label - 1]) for label in index.recent)

    index.remove(10)
    assert 10 not in index.recent and 10 not in search(7000)[0]
    # A loaded index starts with nothing in memory and reads the graph's copies.
    index.save(tmp_path / "ix.hnsw")
    loaded = VectorIndex.load(tmp_path / "ix.hnsw")
    assert not loaded.recent
    assert loaded.query(BASE, 3, day=9000, window=5) == index.query(BASE, 3, day=9000, window=5)


def test_vector_index_saves_at_once_from_several_threads(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    index = VectorIndex(384)
    index.add(range(1, 201), np.stack([_unit(300 + i) for i in range(200)]), [7000] * 200)
    path = tmp_path / "news.db.stories.hnsw"
    with ThreadPoolExecutor(8) as pool:  # the web app files uploads in parallel threads
        list(pool.map(lambda _: index.save(path), range(24)))
    loaded = VectorIndex.load(path)
    assert loaded is not None and loaded.labels() == set(range(1, 201))
    assert [p.name for p in tmp_path.iterdir() if ".tmp" in p.name] == []
