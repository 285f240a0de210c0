"""Approximate nearest-neighbour search over article vectors (hnswlib), with a time filter.

Finding the stories a new article may belong to must not mean comparing it with
every stored article: an HNSW graph answers in about log(n) distance
computations, and a filter on each stored article's day (a small int array kept
in memory) blocks candidates outside the time window during the search itself.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import OrderedDict
from pathlib import Path
from typing import Iterable

import numpy as np

# HNSW parameters: M=16 and ef_construction=200 are hnswlib's recommended
# defaults for 384-d sentence vectors (README "ann-benchmarks" settings); recall
# at ef=96 is >0.98 for k=32 in their measurements, and the clustering only needs
# the right story among the neighbours, not every neighbour.
GRAPH_DEGREE = 16
EF_CONSTRUCTION = 200
EF_SEARCH = 96
INITIAL_CAPACITY = 1024
NO_DAY = -1  # day ordinal of an article whose event day is unknown
# Below EXACT_BELOW * k articles in the time window, search them exhaustively.
EXACT_BELOW = 8
BULK_ADD = 1000
# hnswlib's get_items copies vectors out one at a time under a lock: ~22 us each,
# 5.7 ms for the 256 candidates of one exact search, more than the search. The
# vectors added or read most recently are kept here instead, bounded at
# RECENT_VECTORS x 1.5 KB (24 MB); a time window's candidates are mostly recent.
RECENT_VECTORS = 16_384


class VectorIndex:
    """Unit vectors under integer labels; query returns (label, cosine) best first.

    Not for concurrent use: a query updates the recent vectors kept in memory
    (each ingest opens an index of its own, under the store's write lock).
    """

    def __init__(self, dimensions: int, capacity: int = INITIAL_CAPACITY) -> None:
        import hnswlib

        self.dimensions = dimensions
        self.index = hnswlib.Index(space="ip", dim=dimensions)
        self.index.init_index(max_elements=capacity, ef_construction=EF_CONSTRUCTION, M=GRAPH_DEGREE, random_seed=7)
        self.index.set_ef(EF_SEARCH)
        # One thread: results then do not depend on thread scheduling.
        self.index.set_num_threads(1)
        self.days = np.full(capacity, NO_DAY, dtype=np.int32)
        self.present = np.zeros(capacity, dtype=bool)  # label is in the index and not deleted
        self.token = ""  # identifies the database the index was built from
        self.recent: OrderedDict[int, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return self.index.get_current_count() - len(self.deleted())

    def deleted(self) -> set[int]:
        return getattr(self, "_deleted", set())

    def labels(self) -> set[int]:
        """Every label in the index, deleted ones excluded."""
        return set(self.index.get_ids_list()) - self.deleted()

    def add(self, labels: Iterable[int], vectors: np.ndarray, days: Iterable[int]) -> None:
        """Add vectors under labels, with each one's event day ordinal (NO_DAY if unknown)."""
        labels = np.asarray(list(labels), dtype=np.int64)
        if not len(labels):
            return
        days = np.asarray(list(days), dtype=np.int32)
        needed = self.index.get_current_count() + len(labels)
        top = int(labels.max()) + 1
        if needed > self.index.get_max_elements():
            # Doubling keeps the number of (costly) resizes logarithmic.
            self.index.resize_index(max(needed, 2 * self.index.get_max_elements()))
        if top > len(self.days):
            grown = np.full(max(top, 2 * len(self.days)), NO_DAY, dtype=np.int32)
            grown[: len(self.days)] = self.days
            self.days = grown
            present = np.zeros(len(grown), dtype=bool)
            present[: len(self.present)] = self.present
            self.present = present
        self.days[labels] = days
        self.present[labels] = True
        # Bulk loads (a rebuild) use every core; single adds stay on one thread so
        # the graph, and so the results, do not depend on scheduling.
        threads = (os.cpu_count() or 1) if len(labels) >= BULK_ADD else 1
        vectors = np.asarray(vectors, dtype=np.float32)
        self.index.add_items(vectors, labels, num_threads=threads)
        self._remember(labels[-RECENT_VECTORS:].tolist(), vectors[-RECENT_VECTORS:])

    def _remember(self, labels: list[int], vectors: np.ndarray) -> None:
        for label, vector in zip(labels, vectors):
            # A copy of the row: a view would keep its whole source array alive.
            self.recent[label] = vector.copy()
            self.recent.move_to_end(label)
        while len(self.recent) > RECENT_VECTORS:
            self.recent.popitem(last=False)

    def remove(self, label: int) -> None:
        """Hide a label from queries (hnswlib marks it deleted)."""
        self.index.mark_deleted(label)
        self.present[label] = False
        self.recent.pop(label, None)
        self._deleted = self.deleted() | {label}

    def query(self, vector: np.ndarray, k: int, day: int = NO_DAY, window: int | None = None) -> list[tuple[int, float]]:
        """The k nearest labels; with day and window, only those within window days (or undated)."""
        count = len(self)
        if count == 0:
            return []
        k = min(k, count)
        if day == NO_DAY or window is None:
            return self._knn(vector, k, None)
        days = self.days
        passing = (days == NO_DAY) | (np.abs(days.astype(np.int64) - day) <= window)
        candidates = np.flatnonzero(passing & self.present[: len(days)])
        if len(candidates) <= EXACT_BELOW * k:
            # Few articles in the window: exact search over them is cheap, and a
            # filtered HNSW search fails when fewer than k pass its filter.
            return self._exact(vector, candidates, k)

        def filter_fn(label: int) -> bool:
            return bool(passing[label])

        try:
            return self._knn(vector, k, filter_fn)
        except RuntimeError:
            return self._exact(vector, candidates, k)

    def _knn(self, vector: np.ndarray, k: int, filter_fn) -> list[tuple[int, float]]:
        labels, distances = self.index.knn_query(np.asarray(vector, dtype=np.float32)[None, :], k=k, filter=filter_fn)
        return [(int(l), 1.0 - float(d)) for l, d in zip(labels[0], distances[0])]

    def _exact(self, vector: np.ndarray, candidates: np.ndarray, k: int) -> list[tuple[int, float]]:
        if not len(candidates):
            return []
        stored = self._vectors(candidates.tolist())
        scores = stored @ np.asarray(vector, dtype=np.float32)
        top = np.argsort(-scores, kind="stable")[:k]
        return [(int(candidates[i]), float(scores[i])) for i in top]

    def _vectors(self, labels: list[int]) -> np.ndarray:
        """The stored vectors of labels (one row each), read from the recent ones where possible."""
        if len(labels) > RECENT_VECTORS:
            return np.asarray(self.index.get_items(labels), dtype=np.float32)
        missing = []
        for label in labels:
            if label in self.recent:
                self.recent.move_to_end(label)
            else:
                missing.append(label)
        # Hits were moved to the end first, so remembering the misses can only
        # evict vectors that this call does not need.
        if missing:
            self._remember(missing, np.asarray(self.index.get_items(missing), dtype=np.float32))
        return np.stack([self.recent[label] for label in labels])

    def save(self, path: str | Path) -> None:
        """Write the graph and the day array atomically (a killed save leaves the old files)."""
        path = Path(path)
        # A name of its own per save: two threads or processes saving at once (the web
        # app files uploads concurrently) must not rename each other's files away.
        tmp = path.with_name(f"{path.name}.{uuid.uuid4().hex}.tmp")
        self.index.save_index(str(tmp))
        np.save(str(tmp) + ".days.npy", self.days)
        meta = {"dimensions": self.dimensions, "deleted": sorted(self.deleted()), "token": self.token}
        Path(str(tmp) + ".json").write_text(json.dumps(meta))
        os.replace(str(tmp) + ".days.npy", str(path) + ".days.npy")
        os.replace(str(tmp) + ".json", str(path) + ".json")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: str | Path) -> VectorIndex | None:
        """Read an index written by ``save``; None when missing or unreadable (then rebuild)."""
        import hnswlib

        path = Path(path)
        try:
            meta = json.loads(Path(str(path) + ".json").read_text())
            days = np.load(str(path) + ".days.npy")
            self = cls.__new__(cls)
            self.dimensions = meta["dimensions"]
            self.index = hnswlib.Index(space="ip", dim=self.dimensions)
            self.index.load_index(str(path), allow_replace_deleted=False)
            self.index.set_ef(EF_SEARCH)
            self.index.set_num_threads(1)
            self.days = days.astype(np.int32)
            self._deleted = set(meta.get("deleted", []))
            self.token = meta.get("token", "")
            self.recent = OrderedDict()
            self.present = np.zeros(len(self.days), dtype=bool)
            self.present[np.asarray(self.index.get_ids_list(), dtype=np.int64)] = True
            self.present[sorted(self._deleted)] = False
        except (OSError, ValueError, KeyError, RuntimeError, IndexError):
            # IndexError: graph and day array from two different saves; rebuild.
            return None
        return self
