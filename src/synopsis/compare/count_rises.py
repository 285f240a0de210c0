"""Figures of a running count, and how far a later report's figure may have risen from an earlier one.

Kept apart from ``running_counts`` (which reads a slot's versions once slots are made) because slots
are made with it: ``dispute_slots`` asks whether two figures far apart may still be one count.
"""

from __future__ import annotations

import re
from datetime import timedelta

from synopsis.compare.dispute_facts import Fact
from synopsis.facts.dates import as_of_stamp
from synopsis.facts.emergency_counts import DEPLOY

# A version whose reports all appeared this much before every report of another version may have
# been overtaken by events (breaking news is corrected within hours).
EARLIER_GAP = timedelta(hours=1)

# What happened to people that outlets count as the day goes on: a toll of the dead or injured
# rises as the injured die and the missing are found, and each outlet reports it as of its hour.
TOLL_PREDICATES = frozenset({"die", "injure"})
# Counts that grow while an event unfolds, whatever verb a sentence counts them with: the sick of
# an outbreak ("87 cases registered" on Sunday, "150 cases" on Monday), the arrested, the evacuated,
# and the resources committed to an operation (``emergency_counts.DEPLOY``: 300 firefighters and
# four aircraft on Monday, 350 and six on Tuesday, as more are called in). One outlet's figure of a
# leak or a crowd beside another's is no such count.
ACCUMULATING_PREDICATES = TOLL_PREDICATES | frozenset(
    {"arrest", "detain", "evacuate", "infect", "displace", "rescue", DEPLOY})
ACCUMULATING_NOUNS = frozenset({"case", "infection", "death", "casualty", "fatality", "arrest", "evacuee"})


def is_running_figure(fact: Fact) -> bool:
    """Whether the fact is a figure of a count that changes as the day goes on (a toll; a count some
    sentence revises or tells day by day)."""
    return fact.kind == "count" and (fact.key[0] in ACCUMULATING_PREDICATES or fact.noun in ACCUMULATING_NOUNS
                                     or fact.revised or fact.count_day is not None)


# How far apart two figures of one running count may be when the higher one is a later report's.
# Two outlets giving one count at one moment differ by a few tens of percent at most
# (``dispute_slots.COUNT_RATIO``); a count that grows does more between reports a day apart:
# evacuations that nearly triple overnight (1,200 on Monday, 3,400 on Tuesday), a toll that goes
# from 2 to 5. Held to COUNT_RATIO, such figures were never compared, and the rise never shown.
LATER_RATIO = 4.0
# A later sentence that says the count rose ("has risen to", "rose to", "now", "has grown") tells
# itself that it updates an earlier figure; the bound only keeps out a count of another group
# (20 people evacuated from one street beside 19,000 from a city).
RISEN_RATIO = 10.0
_RISE_WORDS = re.compile(
    r"\b(?:risen|rose|rises|rising|grown|grew|grows|climbed|climbs|jumped|increased|swelled|soared|now)\b", re.I)


def rose_between(a: Fact, b: Fact) -> bool:
    """Whether two figures of one running count (``is_running_figure``) may be its figure at two
    times: the higher one given by a report that stood later (by ``EARLIER_GAP``), within
    LATER_RATIO of the lower, or RISEN_RATIO when its sentence says the count rose. Figures of one
    moment, or a later lower one, are held to the ratio of one count misreported."""
    if not (is_running_figure(a) and is_running_figure(b)):
        return False
    low, high = sorted((a, b), key=lambda f: _typical(f))
    x, y = _typical(low), _typical(high)
    if x <= 0 or y <= x:
        return False
    earlier, later = as_of_stamp(low.article), as_of_stamp(high.article)
    if earlier is None or later is None or not earlier.before(later, EARLIER_GAP):
        return False
    ratio = RISEN_RATIO if _RISE_WORDS.search(high.evidence.text) else LATER_RATIO
    return y / x <= ratio


def _typical(fact: Fact) -> float:
    interval = fact.intervals[0]
    return interval.low if interval.high == float("inf") else (interval.low + interval.high) / 2
