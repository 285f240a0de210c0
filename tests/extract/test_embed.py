"""Tests for the ONNX MiniLM embedder."""

import numpy as np
import pytest

from synopsis.extract import embed
from synopsis.extract.embed import Embedder
from synopsis.records import SynopsisError


@pytest.fixture(scope="session")
def embedder():
    return Embedder.load()


@pytest.mark.parametrize(
    "a, b, unrelated",
    [
        ("The mayor resigned on Monday.", "The mayor stepped down on Monday.", "Heavy rain is expected in the north."),
        ("The fire destroyed 40 homes in the village.", "Forty houses burned down in the village fire.",
         "The central bank raised interest rates."),
        ("Both sides agreed to swap 500 prisoners.", "The two parties settled on an exchange of 500 captives.",
         "The film won three awards at the festival."),
    ],
)
def test_paraphrases_score_higher_than_unrelated(embedder, a, b, unrelated):
    va, vb, vu = embedder.embed([a, b, unrelated])
    assert float(va @ vb) > 0.6
    assert float(va @ vb) > float(va @ vu) + 0.3


def test_shape_dtype_and_unit_norm(embedder):
    vectors = embedder.embed(["One.", "A much longer sentence about a meeting in a city that lasted an hour.", ""])
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_deterministic_and_independent_of_batching(embedder):
    texts = [f"Sentence number {i} talks about item {i * 7}." for i in range(10)] + ["short", "a bit longer text"]
    embedder._memo.clear()
    first = embedder.embed(texts, batch_size=3)
    embedder._memo.clear()
    second = embedder.embed(list(reversed(texts)), batch_size=64)[::-1]
    assert np.allclose(first, second, atol=1e-5)
    embedder._memo.clear()
    assert np.array_equal(first, embedder.embed(texts, batch_size=3))


def test_padded_batches_keep_order_size_and_token_budget():
    lengths = [5, 5, 10, 20, 40, 40, 100, embed.BATCH_TOKENS + 50]
    texts = [f"t{i}" for i in range(len(lengths))]
    runs = list(embed._padded_batches(texts, lengths, batch_size=3))
    assert [t for run in runs for t in run] == texts
    width = dict(zip(texts, lengths))
    for run in runs:
        assert len(run) <= 3
        # Padded to the run's longest member, a run stays within the budget
        # unless it is a single text longer than the budget on its own.
        assert len(run) * max(width[t] for t in run) <= embed.BATCH_TOKENS or len(run) == 1
    assert runs[0] == ["t0", "t1", "t2"]
    assert runs[-1] == [texts[-1]]


@pytest.mark.parametrize("length, sizes", [(96, [4, 1]), (77, [4, 2]), (128, [3, 2])])
def test_padded_batches_fill_the_budget_exactly(length, sizes):
    # 4 x 96 = 384 fits the budget exactly; a fifth text of 96 tokens would not.
    count = sum(sizes)
    runs = list(embed._padded_batches([f"t{i}" for i in range(count)], [length] * count, batch_size=16))
    assert [len(run) for run in runs] == sizes


def test_embed_sends_batches_within_the_token_budget(embedder, monkeypatch):
    shapes = []
    real = embedder._embed_batch

    def recording(token_ids):
        shapes.append((len(token_ids), max(len(row) for row in token_ids)))
        return real(token_ids)

    monkeypatch.setattr(embedder, "_embed_batch", recording)
    embedder._memo.clear()
    texts = [f"Lead {i}: " + "the delegations met again in the city and agreed on a further exchange " * 5 for i in range(12)]
    texts += [f"Claim {i} is short." for i in range(20)]
    vectors = embedder.embed(texts)
    assert vectors.shape == (32, 384)
    assert sum(rows for rows, _ in shapes) == 32
    assert all(rows * width <= embed.BATCH_TOKENS or rows == 1 for rows, width in shapes)
    assert max(rows for rows, _ in shapes) == embed.BATCH_SIZE  # short claims still go 16 at a time


def test_batch_size_must_be_positive(embedder):
    with pytest.raises(ValueError, match="batch_size"):
        embedder.embed(["text"], batch_size=0)


def test_long_text_is_truncated_not_failing(embedder):
    vector = embedder.embed(["word " * 2000])
    assert vector.shape == (1, 384)


def test_empty_input(embedder):
    assert embedder.embed([]).shape == (0, 384)


def test_load_is_cached():
    assert Embedder.load() is Embedder.load()


def test_missing_package_names_the_pip_package():
    with pytest.raises(SynopsisError, match="pip install no-such-pkg"):
        embed.find_package_file("no_such_pkg_synopsis", "no-such-pkg", "model.onnx")
