"""Comparing two event profiles: is it the same real-world event?

``compare_events`` scores two ``EventProfile``s (``link.event_profile``); it is
the one similarity both the batch and the incremental story clustering use, so
they agree.  The rules that keep whole groups of articles apart are in
``link.groups_apart``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterator, Sequence

import numpy as np

from synopsis.facts.story_years import nearest_year
from synopsis.link.event_profile import EventProfile
from synopsis.extract.gazetteer import apart_in_one_country, country_name
from synopsis.facts.keys_money import is_currency
from synopsis.link.identifiers import identifier_conflict
from synopsis.link.names import key_token

# The similarity is a logistic model of "same event" over seven measures:
# cosine of the lead embeddings (what kind of event), overlap of the key names
# (|A & B| / min(|A|, |B|)), Jaccard of all names mentioned (how much of the
# cast is shared), cosine of the key words of the whole text, and three
# conflicts, where both articles fill a slot differently: the month of the first
# date, the first year spelled out, the person the article is most about (two
# arrests of players of one team; two patches in different months).  Fitted on
# same-topic pairs of ECB+ topics 1-25 only (bench/ecbplus.py --fit; other
# topics never seen).
FEATURE_NAMES = ("cosine", "key_names", "all_names", "terms", "month_conflict", "year_conflict", "person_conflict")
# What each measure is, in the words `synopsis stories compare` shows.
FEATURE_LABELS = {
    "cosine": "meaning of title and lead (embedding cosine)",
    "key_names": "key names shared (share of the shorter list)",
    "all_names": "all names shared (Jaccard)",
    "terms": "key words of the whole text (cosine)",
    "month_conflict": "first dates in different months (1 = yes)",
    "year_conflict": "years spelled out differ (1 = yes)",
    "person_conflict": "about different people (1 = yes)",
}
FEATURE_WEIGHTS = (4.71, -0.13, 6.21, 4.80, -0.44, -0.15, -1.00)
INTERCEPT = -4.61
# Two leads whose event days are further apart than this report different
# events (a follow-up round of talks, another quake): news leads date the event
# itself, and "yesterday"/"on Tuesday" resolve to the same day across outlets,
# so a few days cover time zones and late reports.
DAY_TOLERANCE = 3
# When the only date known is publication, a gap wider than this only damps the
# similarity: follow-ups, analyses and overviews appear weeks after the event.
PUBLISHED_TOLERANCE = 14
DISTANT_FACTOR = 0.85
# Candidates further apart in time than this are not looked at (blocking); wide
# enough for overviews of an event, narrow enough to bound the search.
TIME_WINDOW = 120
# Multiplier of the similarity when the leads name places and share none
# (two earthquakes in different regions); soft, because outlets name the same
# place at different levels ("Istanbul" vs "Turkey").
PLACE_CONFLICT_FACTOR = 0.8
# Multiplier when the towns and cities the two leads name (``EventProfile.spots``) are all
# more than PLACES_APART_KM apart, even when the leads share the country: two earthquakes
# two days apart in one country, written to one wire template, share every word but the
# province.  Only within a country one of the leads names (``gazetteer.apart_in_one_country``).
# Damped, not excluded: one storm or wave of protests can be reported from towns far apart,
# and the other reports of it tie them together.  The factor takes even two reports written
# to one template (0.99) below MERGE_SIMILARITY, so two quakes reported once each stay
# apart.  On ECB+ (topics 1-35) it fires on 14 pairs of look-alike events and on no pair of
# one event; F1 is unchanged there at 0.5 and 0.3 (bench/ecbplus.py).
PLACES_APART_KM = 300
PLACES_APART_FACTOR = 0.3
# Multiplier when both articles name at least DISJOINT_CAST names (people,
# places, organisations) and share none: reports of one event almost always
# share some.  On ECB+ (topics 1-35) 3% of same-event pairs are disjoint so,
# against 47% of look-alike pairs of one topic; it is what tells apart two rounds
# of different talks on one day written alike.  Set on ECB+ 1-25 and the 1,000-
# article synthetic archive (bench/ecbplus.py, bench/scale.py ingest).
DISJOINT_CAST = 3
DISJOINT_CAST_FACTOR = 0.5
# Multiplier when both leads number the event in a series and the numbers differ
# ("the third round of talks" against "the fourth round of talks"): rounds of one series of
# talks can be days apart, with the same cast, places and words (the series nouns are
# ``link.series_ordinals.ORDINAL_NOUNS``). The factor takes even near-duplicate wording
# (similarity 0.9) well below MERGE_SIMILARITY.  On ECB+ (topics 1-35) it fires on one
# pair, two boxing matches of one champion; scores are unchanged (bench/ecbplus.py).
ORDINAL_CONFLICT_FACTOR = 0.25
# Multiplier when one lead dates the event by a calendar date and the other only by a part
# of day ("on Tuesday evening", "this morning") more than DAY_TOLERANCE days away: a next-day
# report of one round of talks against the next round's reports, a week later.  Only a
# damping, not the exclusion two calendar dates get: a part of day resolved against
# publication also dates follow-ups ("service was restored this morning"), which ECB+ counts
# as the event's own reports (30ecbplus).  The largest damping that leaves ECB+ unchanged
# (bench/ecbplus.py: 0.5 costs 0.004 on 26-35, 0.3 costs 0.008).
PART_OF_DAY_FACTOR = 0.7
# Multiplier when both leads give an identifier of one kind and share no value of it
# (``link.identifiers``: bulletin "MS08-078" against "MS13-009", "Windows 7" against
# "Windows 8", "the 81st" against "the 86th Academy Awards"): two events of one kind share
# cast and words, and differ in such numbers.  Soft, since reports of one event may each
# give a different one of its identifiers.  On ECB+ topics 1-25 it fires on 0 of 3,141
# same-event pairs of one topic and 5 of 3,156 look-alike pairs, with F1 unchanged at any
# factor from 0.3 to 0.7 (0.924); 0.5 was set before looking at topics 26-35, where it
# fires on 2 of 1,350 same-event pairs and 21 of 1,410 look-alike pairs (F1 0.940 -> 0.943;
# bench/ecbplus.py).  Shared identifiers are no evidence the other way: on topics 1-25, 60
# look-alike pairs share one (a team's "76ers") against 130 same-event pairs.  Designators
# (flight "MA 2291" / "BT 608", ``link.identifiers``) conflict across their letters; on ECB+
# topics 1-25 they conflict on no pair of one topic.
IDENTIFIER_CONFLICT_FACTOR = 0.5
# Multiplier when both leads state sums of money in one currency and every sum of one is more
# than AMOUNT_RATIO times off every sum of the other: what a heist took, a contract is worth or
# a fire cost identifies the event ("85 million euros" against "2 million euros" from one
# city's jewellers five years apart).  An order of magnitude, since outlets round, convert
# and revise estimates, and a lead may give a yearly figure beside a contract's total ("$21
# million" a year of "$160 million"); one currency only, since rates are not in the text
# (``quantity_units`` converts none).  Any sum in common clears the pair, so a lead recalling
# the earlier heist's sum beside its own is no conflict.  Sums under MIN_AMOUNT are left out:
# in leads they are mostly a sum the tagger cut from its "million" ("$ 137-million" read as
# 137) or a ticket's price.  On ECB+ topics 1-25 it fires on 3 of 3,141 same-event pairs of
# one topic and 31 of 3,156 look-alike pairs (at a ratio of 3: 9 and 39); F1 there is the
# same at ratios 2-10 and factors 0.5-0.3 (0.7 or the group rule alone: 0.934), and on no
# pair of topics 26-35 (bench/ecbplus.py).
AMOUNT_RATIO = 10.0
MIN_AMOUNT = 1000.0
AMOUNT_CONFLICT_FACTOR = 0.5


@functools.lru_cache(maxsize=65536)
def lead_sums(numbers: frozenset[str]) -> dict[str, tuple[float, ...]]:
    """The sums of money among a lead's key numbers (``EventProfile.numbers``, "8.5e+07 EUR"),
    by currency, at least MIN_AMOUNT each."""
    sums: dict[str, list[float]] = defaultdict(list)
    for number in numbers:
        value, _, unit = number.partition(" ")
        if is_currency(unit) and (amount := float(value)) >= MIN_AMOUNT:
            sums[unit].append(amount)
    return {unit: tuple(sorted(values)) for unit, values in sums.items()}


def amount_conflict(a: EventProfile, b: EventProfile) -> tuple[str, tuple[float, ...], tuple[float, ...]] | None:
    """(currency, a's sums, b's sums) when both leads state sums in a currency and none of
    a's is within AMOUNT_RATIO of one of b's, in any currency they share; None otherwise."""
    if not a.numbers or not b.numbers:
        return None
    mine, theirs = lead_sums(a.numbers), lead_sums(b.numbers)
    shared = sorted(mine.keys() & theirs.keys())
    if not shared:
        return None
    for unit in shared:
        if any(max(x, y) <= AMOUNT_RATIO * min(x, y) for x in mine[unit] for y in theirs[unit]):
            return None
    return shared[0], mine[shared[0]], theirs[shared[0]]


def _sums(unit: str, values: Sequence[float]) -> str:
    """Sums as a reader writes them: "2.6 million USD"."""
    def one(value: float) -> str:
        for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
            if value >= size:
                return f"{value / size:g} {word}"
        return f"{value:g}"
    return "/".join(one(v) for v in values[:3]) + f" {unit}"


def ordinal_conflict(a: EventProfile, b: EventProfile) -> bool:
    """True when both leads number the same kind of event and share no number (third vs fourth round)."""
    for noun in {o.partition(":")[0] for o in a.ordinals}:
        mine = {o for o in a.ordinals if o.startswith(noun + ":")}
        theirs = {o for o in b.ordinals if o.startswith(noun + ":")}
        if theirs and not (mine & theirs):
            return True
    return False


def days_apart(a: str, b: str) -> int:
    """Whole days between two ISO dates.  A day without its year ("XXXX-04-03") is taken in the
    year that brings it closest to the other day: two events whose days and months are further
    apart are further apart in any year, and ones that share them may be years apart, which
    nothing here can tell.  ValueError for a day that does not exist."""
    if a.startswith("XXXX") and not b.startswith("XXXX"):
        a, b = b, a
    first = dt.date.fromisoformat(a[:10].replace("XXXX", "2000", 1))  # both yearless: a leap year
    if not b.startswith("XXXX"):
        return abs((dt.date.fromisoformat(b[:10]) - first).days)
    month, day = int(b[5:7]), int(b[8:10])
    year = nearest_year(month, day, first, within=None)
    if year is None:
        raise ValueError(f"no such day: {b}")
    return abs((dt.date(year, month, day) - first).days)


def event_days(a: EventProfile, b: EventProfile) -> tuple[str, str] | None:
    """The days both leads date the event by, when they can be compared: both leads' calendar
    dates, or, when neither has one, both leads' parts of day ("Monday afternoon")."""
    if a.day and b.day:
        return a.day, b.day
    if not a.day and not b.day and a.time_day and b.time_day:
        return a.time_day, b.time_day
    return None


def day_against_part_of_day(a: EventProfile, b: EventProfile) -> tuple[str, str] | None:
    """(calendar day, part-of-day day) when one lead has only the first and the other only the second."""
    if a.day and not b.day and b.time_day:
        return a.day, b.time_day
    if b.day and not a.day and a.time_day:
        return b.day, a.time_day
    return None


def compatible_times(a: EventProfile, b: EventProfile) -> bool:
    """False when both leads date the event and the days are too far apart for one event.

    Publication dates alone never exclude a pair, however far apart (unlike the
    incremental method's TIME_WINDOW blocking): a hard rule on them split ECB+
    events whose crawled publication dates are off by a year or two (topics 13,
    16, 18, 22, 27 and 33; F1 0.922 -> 0.915 on 26-35).  Two leads dating their
    news by part of day ("this morning", "Monday afternoon") are same-day reports,
    so they are held to their days (two fires in one city a week apart); one
    lead's part of day against another's calendar date only damps the pair
    (PART_OF_DAY_FACTOR): excluding it split follow-ups from their event on ECB+
    (30ecbplus, F1 0.940 -> 0.929 on 26-35) for no gain on 1-25.
    """
    days = event_days(a, b)
    if days is None:
        return True
    try:
        return days_apart(*days) <= DAY_TOLERANCE
    except ValueError:
        return True


def distant_publication(a: EventProfile, b: EventProfile) -> bool:
    """True when, lacking event days, the best known dates are far apart (a hint, not proof:
    overviews and follow-ups are published long after the event)."""
    if a.day and b.day:
        return False
    when_a, when_b = a.when(), b.when()
    try:
        return bool(when_a and when_b and days_apart(when_a, when_b) > PUBLISHED_TOLERANCE)
    except ValueError:
        return False


def _apart_beyond(days: tuple[str, str], tolerance: int) -> bool:
    try:
        return days_apart(*days) > tolerance
    except ValueError:
        return False


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_features(a: EventProfile, b: EventProfile, cosine: float | None = None) -> tuple[float, ...]:
    """The measures the similarity model weighs (in the order of FEATURE_WEIGHTS)."""
    if cosine is None:
        cosine = float(np.dot(a.vector, b.vector))
    key = len(a.name_keys & b.name_keys) / min(len(a.name_keys), len(b.name_keys)) if a.names and b.names else 0.0
    # Only shared words contribute: the key-view intersection runs in C, a
    # tenth of a generator over all 60 words (this runs for every compared pair).
    terms = sum(a.terms[t] * b.terms[t] for t in a.terms.keys() & b.terms.keys())
    # Conflicts: both articles fill the same slot and fill it differently.
    month = float(a.month is not None and b.month is not None and a.month != b.month)
    year = float(a.year is not None and b.year is not None and a.year != b.year)
    person = float(
        a.person is not None
        and b.person is not None
        and key_token(a.person) != key_token(b.person)
        # Both sides must ignore the other's main person: requiring only one
        # (a report of a second arrest recalls the first) fired on too many
        # same-event pairs on topics 1-25 (F1 0.878 against 0.889).
        and key_token(a.person) not in b.cast_keys
        and key_token(b.person) not in a.cast_keys
    )
    return (cosine, key, jaccard(a.cast_keys, b.cast_keys), terms, month, year, person)


def compare_events(a: EventProfile, b: EventProfile, cosine: float | None = None) -> float:
    """Similarity of two articles' events in [0, 1]; 0 when their dates exclude one event."""
    if not compatible_times(a, b):
        return 0.0
    score = model_similarity(pair_features(a, b, cosine))
    for multiplier, _ in damping_rules(a, b):
        score *= multiplier
    return max(0.0, min(1.0, score))


def model_similarity(features: Sequence[float]) -> float:
    """The logistic model's "same event" probability for a pair's measures."""
    logit = INTERCEPT + sum(w * x for w, x in zip(FEATURE_WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-logit))


def damping_rules(a: EventProfile, b: EventProfile) -> Iterator[tuple[float, Callable[[], str]]]:
    """The rules that lower a pair's similarity, as (multiplier, why) for each that applies.

    One list for ``compare_events`` and ``explain_events``, so an explanation
    always names exactly what the score used.  ``why`` is called only to explain:
    the place rule fires for most pairs of different stories, and compare_events
    runs for every pair a clustering looks at.
    """
    if a.places and b.places and not (a.places & (b.places | b.names)) and not (b.places & a.names):
        yield PLACE_CONFLICT_FACTOR, lambda: f"the leads name different places ({_few(sorted(a.places))} / {_few(sorted(b.places))})"
    if (apart := apart_in_one_country(a.spots, a.places, b.spots, b.places)) and apart[1] > PLACES_APART_KM:
        yield PLACES_APART_FACTOR, lambda: (
            f"the leads place the event in {country_name(apart[0])} at least {apart[1]:,.0f} km apart "
            f"({_few([s.name for s in a.spots])} / {_few([s.name for s in b.spots])})"
        )
    if distant_publication(a, b):
        yield DISTANT_FACTOR, lambda: (
            f"the leads do not both date the event, and the best known days are more than "
            f"{PUBLISHED_TOLERANCE} days apart ({a.when()} / {b.when()})"
        )
    if len(a.cast) >= DISJOINT_CAST and len(b.cast) >= DISJOINT_CAST and not (a.cast_keys & b.cast_keys):
        yield DISJOINT_CAST_FACTOR, lambda: "the articles share no name of a person, place or organisation"
    if (days := day_against_part_of_day(a, b)) and _apart_beyond(days, DAY_TOLERANCE):
        yield PART_OF_DAY_FACTOR, lambda: (
            f"one lead dates the event {days[0]}, the other's part of day falls on {days[1]}, "
            f"{days_apart(*days)} days away"
        )
    if conflicts := identifier_conflict(a.identifiers, b.identifiers):
        yield IDENTIFIER_CONFLICT_FACTOR, lambda: "the leads give different identifiers of one kind (" + "; ".join(
            f"{_identifier(kind, mine)} / {_identifier(kind, theirs)}" for kind, mine, theirs in conflicts[:3]
        ) + ")"
    if sums := amount_conflict(a, b):
        yield AMOUNT_CONFLICT_FACTOR, lambda: (
            f"the leads state sums of money far apart ({_sums(sums[0], sums[1])} / {_sums(sums[0], sums[2])})"
        )
    if ordinal_conflict(a, b):
        yield ORDINAL_CONFLICT_FACTOR, lambda: (
            f"the leads number the event differently ({_few(sorted(a.ordinals)).replace(':', ' ')} / "
            f"{_few(sorted(b.ordinals)).replace(':', ' ')})"
        )


def _identifier(kind: str, values: str) -> str:
    """An identifier as a reader knows it: "ms08-078", "windows 7", "academy #81"."""
    family, _, name = kind.partition("/")
    if family == "numbered":
        return f"{name} {values}"
    if family == "nth":
        return f"{name} #{values}"
    return values


def _few(items: Sequence[str], at_most: int = 3) -> str:
    """The first few of the items, in their order, and an ellipsis when there are more."""
    return ", ".join(items[:at_most]) + (", …" if len(items) > at_most else "")


@dataclass(frozen=True)
class EventComparison:
    """Why two articles are (not) taken for reports of one event: what ``compare_events`` computed."""

    score: float  # the similarity stories are built on
    measures: dict[str, float]  # the logistic model's inputs, by FEATURE_NAMES
    model: float  # the model's similarity before the rules below
    rules: tuple[tuple[float, str], ...]  # (multiplier, why) of each rule that applied; 0 excludes the pair


def explain_events(a: EventProfile, b: EventProfile) -> EventComparison:
    """``compare_events`` with its workings, for a user checking why two articles share a story or not."""
    measures = pair_features(a, b)
    model = model_similarity(measures)
    if not compatible_times(a, b):
        day_a, day_b = event_days(a, b)
        why = f"the leads date the event {days_apart(day_a, day_b)} days apart ({day_a} / {day_b}; one event allows {DAY_TOLERANCE})"
        rules: tuple[tuple[float, str], ...] = ((0.0, why),)
    else:
        rules = tuple((multiplier, why()) for multiplier, why in damping_rules(a, b))
    score = model * math.prod(m for m, _ in rules)
    return EventComparison(
        score=max(0.0, min(1.0, score)),
        measures=dict(zip(FEATURE_NAMES, measures)),
        model=model,
        rules=rules,
    )


def compare_matrix(profiles: Sequence[EventProfile]) -> np.ndarray:
    """compare_events for every pair, with the cosines computed in one product (the diagonal is 0:
    an article is not compared with itself)."""
    n = len(profiles)
    out = np.zeros((n, n), dtype=np.float64)
    if not n:
        return out
    vectors = np.stack([p.vector for p in profiles])
    cosine = vectors @ vectors.T
    for i in range(n):
        for j in range(i + 1, n):
            out[i, j] = out[j, i] = compare_events(profiles[i], profiles[j], float(cosine[i, j]))
    return out

