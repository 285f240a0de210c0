"""Similarities of article pairs, remembered for one incremental run of story assignment."""

from __future__ import annotations

from collections import OrderedDict
from typing import Sequence

import numpy as np

from synopsis.link.event_profile import EventProfile
from synopsis.link.events import compare_events

# Pairs an incremental run remembers, least recently used forgotten first: about
# 200 bytes each, so at most about 40 MB.
PAIR_MEMO = 200_000


class PairScores:
    """compare_events of article pairs, remembered for one incremental run.

    Each new article is scored against the members of its nearby stories, and its
    neighbourhood is then clustered again, which scores every pair in it: the same
    pairs, over and over, as a story grows (71% of the calls of a 400-article
    ingest were repeats; a neighbourhood of 96 articles is 4,560 pairs). Pairs are
    keyed by article id, which names one profile within a store and a run.
    """

    def __init__(self, capacity: int = PAIR_MEMO) -> None:
        self.capacity = capacity
        self._scores: OrderedDict[tuple[str, str], float] = OrderedDict()

    def score(self, a: EventProfile, b: EventProfile) -> float:
        """compare_events(a, b), computed once per pair (in a fixed order, so it is one value)."""
        if b.article_id < a.article_id:
            a, b = b, a
        key = (a.article_id, b.article_id)
        found = self._scores.get(key)
        if found is not None:
            self._scores.move_to_end(key)
            return found
        value = self._scores[key] = compare_events(a, b)
        if len(self._scores) > self.capacity:
            self._scores.popitem(last=False)
        return value

    def matrix(self, profiles: Sequence[EventProfile]) -> np.ndarray:
        """The pairs' scores as compare_matrix lays them out."""
        n = len(profiles)
        out = np.zeros((n, n), dtype=np.float64)
        for i in range(n):
            for j in range(i + 1, n):
                out[i, j] = out[j, i] = self.score(profiles[i], profiles[j])
        return out
