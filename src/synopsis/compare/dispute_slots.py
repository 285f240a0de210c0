"""Slots: facts about the same thing, grouped into versions of mutually compatible values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from synopsis.compare.count_rises import rose_between
from synopsis.compare.dispute_facts import (
    Fact,
    episodes_agree,
    fact_relation,
    is_measured_physical,
    is_measured_sum,
    is_penalty,
    is_rival_estimate,
    is_term,
    nouns_agree,
    voice_key,
)
from synopsis.extract.vote_splits import VOTE_SPLIT
from synopsis.facts.dates import calendar_day, publication_day
from synopsis.facts.intervals import Interval, compatible
from synopsis.facts.keys import MAGNITUDE

Claim = tuple[str, int]  # (article id, claim index)


# Counts of one noun that are not aligned are compared only when within this factor of each other:
# outlets misreporting one figure differ by a few percent to a few tens of percent (339 / 329,
# 1,000 / 1,200), while "20 children" and "19,000 children" in one story are different groups.
COUNT_RATIO = 2.0
# Estimates of one crowd or one strike's turnout, by its organisers and by the police or the
# government, differ by far more: two to six times is common (15,000 / 60,000 marchers; 41 / 88
# percent of teachers on strike; police and union counts of large marches have differed up to
# sixfold). Further apart, one count is more likely a part of the other (3,000 away fans in a
# crowd of 30,000).
ESTIMATE_RATIO = 6.0


# One event's day as two articles give it: (article id, start of its day, other article id, start
# of the day the other gives), both ways round (``_days_told_apart``).
SameDays = set[tuple[str, float, str, float]]


def _contexts_agree(a: Fact, b: Fact, same_days: SameDays = frozenset(),
                    sections: bool = True) -> tuple[bool, bool]:
    """(no contradiction, explicitly the same dates) between two facts' time contexts.

    Explicit dates must overlap, or be the days two outlets give one event (``same_days``: "on
    Sunday" in one, "on Monday" in the other, and what each says next is about that day). A
    section date (from earlier in the article) must meet the other's explicit or section date,
    unless ``sections`` is False: between reports the aligner grouped as one statement, a day
    inherited from an earlier sentence (the vote on Sunday in one, the count on Monday in the
    other) is too weak to say they tell different days. The publication window is checked only
    against explicit dates, since entries edited long after they were first published carry
    misleading dates.
    """
    def meet(first: list[Interval], second: list[Interval]) -> bool:
        return any(compatible(x, y) or (a.claim[0], calendar_day(x).low, b.claim[0], calendar_day(y).low) in same_days
                   for x in first for y in second)

    if a.dates and b.dates:
        same = meet(a.dates, b.dates)
        return same, same
    a_known, b_known = (a.dates or a.section, b.dates or b.section) if sections else (a.dates, b.dates)
    if a_known and b_known:
        return meet(a_known, b_known), False
    if a.dates and b.recent is not None:
        return any(compatible(x, b.recent) for x in a.dates), False
    if b.dates and a.recent is not None:
        return any(compatible(a.recent, y) for y in b.dates), False
    return True, False


# Magnitudes of one event told by different outlets differ by tenths (6.4 / 6.7 / 6.9); a whole
# unit is some thirty times the energy: another shock.
MAGNITUDE_GAP = 1.0

# Base units of physical measures (``quantity_units``): a distance, area, weight, volume or speed.
MEASURE_UNITS = frozenset({"m", "m2", "kg", "litre", "km/h"})

# Frame words two measures of nothing named must share to be one slot across unaligned claims.
MEASURE_FRAME_WORDS = 2


def _unnamed_measure(fact: Fact) -> bool:
    """A physical measure whose sentence names nothing it counts ("agreed to demarcate 15
    kilometres of the border"): its key is incomplete, yet it is a value of something."""
    return fact.kind == "amount" and fact.key[0] in MEASURE_UNITS and not fact.key_known


def _comparable_across(fact: Fact) -> bool:
    return fact.key_known or _unnamed_measure(fact)


def name_lone_holders(facts: list[Fact]) -> list[Fact]:
    """The facts with each penalty that names no one given to the one person the story's other
    reports give a penalty of its kind: "The man who set fire to the depot will spend a decade
    behind bars" in one outlet and "Reyvik was sentenced to 12 years" in another are one man's
    term. A story whose reports name two people given a penalty of that kind leaves it unnamed
    (it may be either's), and so does an article naming the holder of such a penalty itself (its
    unnamed one may be an accomplice's, and the article's named one is compared already)."""
    holders: dict[str | None, set[str | None]] = {}
    named_in: set[tuple[str, str | None]] = set()
    for fact in facts:
        if is_penalty(fact) and fact.key_known:
            holders.setdefault(fact.key[0], set()).add(fact.key[2])
            named_in.add((fact.claim[0], fact.key[0]))

    def lone_holder(fact: Fact) -> str | None:
        if not is_penalty(fact) or fact.key[0] is None or fact.key[2] is not None:
            return None
        if (fact.claim[0], fact.key[0]) in named_in or len(holders.get(fact.key[0], ())) != 1:
            return None
        return next(iter(holders[fact.key[0]]))

    return [replace(fact, key=(*fact.key[:2], holder)) if (holder := lone_holder(fact)) else fact
            for fact in facts]


# A count told day by day: (key, counted noun) of the counts one article gives for two days or more.
RunningCounts = set[tuple[tuple[str | None, ...], str | None]]


def running_counts(facts: list[Fact]) -> RunningCounts:
    """The counts some article gives as a running count: "The ministry had reported 150 cases on
    Monday and 87 cases on Sunday" tells how the count rose, each value with its own day
    (``Fact.count_day``). Outlets giving such a count on different days tell of different days."""
    days: dict[tuple[str, tuple[str | None, ...], str | None], set[float]] = {}
    for fact in facts:
        if fact.kind == "count" and fact.count_day is not None:
            days.setdefault((fact.claim[0], fact.key, fact.noun), set()).add(fact.count_day.low)
    return {(key, noun) for (_, key, noun), found in days.items() if len(found) > 1}


def _count_day(fact: Fact) -> float | None:
    """The day a count is given for: the one its sentence ties it to, else the one date it is near,
    else (undated) the day its report came out, which cannot tell a later day's count."""
    if fact.count_day is not None:
        return fact.count_day.low
    if fact.dates:
        days = {calendar_day(d).low for d in fact.dates if d.high - d.low <= 86400}
        return days.pop() if len(days) == 1 and len(fact.dates) == 1 else None
    if fact.section:
        return None
    day = publication_day(fact.article)
    return day.low if day is not None else None


def days_apart(a: Fact, b: Fact, running: RunningCounts) -> bool:
    """Whether two values of a running count (``running_counts``) are given for different days:
    87 cases by Sunday and 150 by Monday are how the count rose, not two versions of it."""
    # The series' own key may be unknown ("had reported 150 cases on Monday": reported is no
    # predicate of the count), as aligned groups take it: then its noun says what is counted.
    if a.kind != "count" or not any(noun in {a.noun, b.noun} and (key == a.key or None in key)
                                    for key, noun in running):
        return False
    x, y = _count_day(a), _count_day(b)
    return x is not None and y is not None and x != y


def _same_slot_across(a: Fact, b: Fact, same_days: SameDays = frozenset(), running: RunningCounts = frozenset()) -> bool:
    if a.kind != b.kind or a.key != b.key or not _comparable_across(a) or a.kind == "date":
        return False
    if days_apart(a, b, running):
        return False
    if a.additional or b.additional or not nouns_agree(a, b) or not episodes_agree(a, b):
        return False
    if is_term(a):
        return _terms_dated_alike(a, b)
    agree, same_dates = _contexts_agree(a, b, same_days)
    if not agree and not (is_penalty(a) and _dates_near(a, b)):
        return False
    # A strike's turnout is a percentage too, but sources estimate it apart (``is_rival_estimate``):
    # it is compared as estimates are, below.
    if (is_measured_sum(a) or is_measured_physical(a)
            or (a.kind == "amount" and a.key[0] == "percent" and not is_rival_estimate(a))):
        return _measured_values_close(a, b)
    if _unnamed_measure(a):
        # Without a noun the key says only "a distance": outlets on one day with the same words
        # around it ("15 kilometres of the border" / "a 12-kilometre stretch of their border")
        # measure one thing; a distance told of something else shares fewer of them.
        return same_dates and len(a.frame & b.frame) >= MEASURE_FRAME_WORDS and values_close(a, b)
    if a.kind == "amount" and a.key[0] == VOTE_SPLIT:
        # A story's vote is one split however the sentences go on ("voted seven to two for the cut"
        # / "cut the rate ..., even though the committee split six votes to three"): another vote
        # is dated otherwise or of another episode, which the tests above keep apart.
        return True
    if a.kind == "amount" and a.key[0] == MAGNITUDE:
        # The magnitude of the story's earthquake is one value however the sentence goes on; a
        # shock a whole unit apart (an aftershock, an earlier quake) is another event.
        return abs(_typical(a.intervals[0]) - _typical(b.intervals[0])) <= MAGNITUDE_GAP
    if a.kind in {"count", "amount"}:
        # The same happening to the same named things ("three firefighters were injured" / "four
        # firefighters were hurt") is one count however differently the sentences go on.
        same_thing = a.kind == "count" and a.noun is not None and a.noun == b.noun
        # A revised figure names the count it revises ("the number of injured"): the story's count
        # of that, whatever words the other sentence goes on with.
        revised = a.revised or b.revised
        # A running count a later report gives higher may have risen further than outlets of one
        # moment ever differ (``count_rises.rose_between``): its figures are compared, and
        # ``running_counts.only_rose`` then tells the rise from a dispute.
        return ((same_dates or same_thing or revised or bool(a.frame & b.frame))
                and (values_close(a, b) or rose_between(a, b)))
    return True


# Sums of one named measure (a price, a revenue) that outlets misreport differ by more than counts
# do: a transfer fee confused with the player's earlier one (45 / 12 million euros) or a deal
# value read in other units. Another sum of the same kind in a story (an earlier fee, last year's
# revenue) is dated otherwise, which keeps it apart (``_contexts_agree``).
MONEY_RATIO = 5.0


def _measured_values_close(a: Fact, b: Fact) -> bool:
    """Sums of one measure (``is_measured_sum``) within MONEY_RATIO; percentages of one measure
    ("a premium of 32 percent" / "23 percent") and physical measures ("winds reached 140 km/h" /
    "150 km/h", ``is_measured_physical``) within COUNT_RATIO, as counts are: the measure named is
    one value, however differently the sentences go on."""
    return _within(a, b, MONEY_RATIO if is_measured_sum(a) else COUNT_RATIO)


def _terms_dated_alike(a: Fact, b: Fact) -> bool:
    """Terms of one agreement (``is_term``) are one value unless both claims give days and none
    meet: the date a term runs until ("until June 2031") lies after the report, so the days a
    report covers are no test of it."""
    return not (a.dates and b.dates) or any(compatible(x, y) for x in a.dates for y in b.dates)


def _dates_near(a: Fact, b: Fact) -> bool:
    """Whether the explicit dates of two facts lie within RIVAL_DAYS of each other.  A penalty given
    to one named person is one sentencing: outlets that date it a day apart ("on Sunday" / "on
    Monday") misreport its day, they do not tell of two sentencings."""
    return bool(a.dates and b.dates) and any(
        max(x.low - y.high, y.low - x.high) <= RIVAL_DAYS * 86400 for x in a.dates for y in b.dates)


def _typical(interval: Interval) -> float:
    if interval.high == float("inf"):
        return interval.low
    return (interval.low + interval.high) / 2


def values_close(a: Fact, b: Fact) -> bool:
    """Unaligned counts of one noun within a factor of COUNT_RATIO (ESTIMATE_RATIO for rival
    estimates, ``is_rival_estimate``): the same thing misreported, or estimated apart."""
    return _within(a, b, ESTIMATE_RATIO if is_rival_estimate(a) and is_rival_estimate(b) else COUNT_RATIO)


def _within(a: Fact, b: Fact, ratio: float) -> bool:
    """Whether two facts' typical values lie within a factor of ``ratio`` (zero only meets zero)."""
    x, y = _typical(a.intervals[0]), _typical(b.intervals[0])
    if x <= 0 or y <= 0:
        return x == y
    return max(x, y) / min(x, y) <= ratio


def find_root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _may_share_key(a: Fact, b: Fact) -> bool:
    """Whether two values of one aligned group, one key or both partly unknown, may be one fact's:
    what each key knows (a unit, a predicate) must be the other's, and a physical measure that
    names nothing it measures ("struck 20 kilometres inland") is no value of a named one (a depth):
    distances in a report are of many things, and the words did not say this one's."""
    if a.key_known and b.key_known:
        return False
    if not _same_event_key(a.key, b.key):
        return False  # "3 percent" is no value of a price in EUR, whatever the claims share
    unnamed_beside_named = [f for f, other in ((a, b), (b, a)) if not f.key_known and other.key_known]
    return not any(_unnamed_measure(f) for f in unnamed_beside_named)


def group_slots(facts: list[Fact], day_rivals: Iterable[tuple[Claim, Claim]] = ()) -> list[list[Fact]]:
    """Cluster facts into slots (union-find over 'same slot' links), blocked by kind and key.
    ``day_rivals`` are pairs of claims told alike but for their days (``link.align.day_rivals``):
    the days they give the same event are versions of one day."""
    facts = name_lone_holders(facts)
    parent = list(range(len(facts)))
    running = running_counts(facts)

    def union(i: int, j: int) -> None:
        parent[find_root(parent, i)] = find_root(parent, j)

    # Inside aligned groups: the aligner already says these claims report one fact.
    by_group: dict[tuple[int, str], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.group is not None:
            by_group.setdefault((fact.group, fact.kind), []).append(i)
    # A value whose key is unknown is taken to be about the group's fact only when it is the one
    # value of its kind in its claim: in "the talks, the first in seven weeks, lasted less than an
    # hour" the claim's fact is the length, and "seven weeks" is something else.
    per_claim: dict[tuple[tuple[str, int], str], int] = {}
    for fact in facts:
        per_claim[(fact.claim, fact.kind)] = per_claim.get((fact.claim, fact.kind), 0) + 1

    def placeable(fact: Fact) -> bool:
        return fact.key_known or per_claim[(fact.claim, fact.kind)] == 1

    for indices in by_group.values():
        known_keys = {facts[i].key for i in indices if facts[i].key_known}
        for pos, i in enumerate(indices):
            for j in indices[pos + 1 :]:
                a, b = facts[i], facts[j]
                if a.claim[0] == b.claim[0] or not (placeable(a) and placeable(b)):
                    continue
                same_key = a.key == b.key or (len(known_keys) <= 1 and _may_share_key(a, b))
                # A date is its own time context: two days given for one aligned fact are versions
                # of its day, not a sign that the claims are about different days.
                in_context = a.kind == "date" or _contexts_agree(a, b, sections=False)[0]
                if same_key and nouns_agree(a, b) and episodes_agree(a, b) and in_context and not days_apart(a, b, running):
                    union(i, j)
    dates_of: dict[Claim, list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.kind == "date":
            dates_of.setdefault(fact.claim, []).append(i)
    for first, second in day_rivals:
        for i in dates_of.get(first, ()):
            for j in dates_of.get(second, ()):
                if _same_event_key(facts[i].key, facts[j].key) and _days_near(facts[i], facts[j]):
                    union(i, j)
    same_days = _days_told_apart(facts, lambda i: find_root(parent, i))
    # Across the story, blocked by (kind, key) so the work stays linear in practice.
    blocks: dict[tuple[str, tuple[str | None, ...]], list[int]] = {}
    for i, fact in enumerate(facts):
        if _comparable_across(fact):
            blocks.setdefault((fact.kind, fact.key), []).append(i)
    for indices in blocks.values():
        for pos, i in enumerate(indices):
            for j in indices[pos + 1 :]:
                if facts[i].claim[0] != facts[j].claim[0] and _same_slot_across(facts[i], facts[j], same_days, running):
                    union(i, j)
    slots: dict[int, list[Fact]] = {}
    for i, fact in enumerate(facts):
        slots.setdefault(find_root(parent, i), []).append(fact)
    return [slot for slot in slots.values() if len({f.outlet for f in slot}) >= 2]


# Outlets that misreport an event's day are off by a day or a few (time zones, "yesterday" read a
# day late); sentences told alike about days further apart are about other occasions of one
# kind: an encyclopedia's earlier rounds of the same talks, weeks apart, read as a dispute.  The
# tolerance is the one stories hold their reports' event days to (``link.events.DAY_TOLERANCE``).
RIVAL_DAYS = 3


def _days_told_apart(facts: list[Fact], root_of) -> SameDays:
    """The days two articles give one event: the days of one slot so far (an aligned fact, or day
    rivals: "sentenced on Sunday" / "on Monday"), and the days stated with one person's penalty
    (one sentencing, ``_dates_near``).  What each article goes on to say about its day ("the judge
    also ordered him to repay 2.4 million dinars") is then about the same day, and compared."""
    told: dict[object, list[tuple[str, float]]] = {}
    for i, fact in enumerate(facts):
        if fact.kind == "date":
            told.setdefault(("slot", root_of(i)), []).append((fact.claim[0], calendar_day(fact.intervals[0]).low))
        elif is_penalty(fact) and fact.key_known:
            for day in fact.own:
                told.setdefault(("penalty", fact.key), []).append((fact.claim[0], calendar_day(day).low))
    same: SameDays = set()
    for days in told.values():
        for article, day in days:
            for other, other_day in days:
                if article != other and day != other_day and abs(day - other_day) <= RIVAL_DAYS * 86400:
                    same.add((article, day, other, other_day))
    return same


def _days_near(a: Fact, b: Fact) -> bool:
    """Whether two date facts' days lie within RIVAL_DAYS of each other."""
    x, y = a.intervals[0], b.intervals[0]
    return max(x.low - y.high, y.low - x.high) <= RIVAL_DAYS * 86400


def _same_event_key(a: tuple[str | None, ...], b: tuple[str | None, ...]) -> bool:
    """Keys that may name one event: equal where both are known."""
    return all(x is None or y is None or x == y for x, y in zip(a, b))


def _width(fact: Fact) -> float:
    return min(i.high - i.low for i in fact.intervals)


def split_versions(slot: list[Fact]) -> list[list[Fact]]:
    """Group a slot's values into versions: a value joins a version it agrees with entirely."""
    versions: list[list[Fact]] = []
    # Narrow values first, so broad ones ("less than an hour") join the precise one they contain.
    for fact in sorted(slot, key=_width):
        for version in versions:
            if agrees_with(fact, version):
                version.append(fact)
                break
        else:
            versions.append([fact])
    return versions


def agrees_with(fact: Fact, version: list[Fact]) -> bool:
    """Whether a value agrees with every value of a version that it can be compared with, and with one at least."""
    relations = [fact_relation(fact, other) for other in version]
    return False not in relations and True in relations


def set_aside_fitting_several(versions: list[list[Fact]]) -> tuple[list[list[Fact]], list[Fact]]:
    """Versions without the values that fit another version as well as their own ("at least 10
    dead" beside "12" and "19"), and those values.  Counted on the side it joined first, such a
    report made one version look better attested than the other; it takes neither side."""
    fitting = [f for i, version in enumerate(versions) for f in version
               if len(version) > 1 and any(agrees_with(f, other) for j, other in enumerate(versions) if j != i)]
    if not fitting:
        return versions, []
    kept = [[f for f in version if f not in fitting] for version in versions]
    return [version for version in kept if version], fitting


def without_own_rivals(versions: list[list[Fact]]) -> list[list[Fact]]:
    """Versions without the values of an article that gives more than one of them.  An article that
    states two versions of one slot ("52 of the 141 seats" read as two tallies; a magnitude "of 6.7,
    higher than the 6.4 first reported"; a toll that "has risen to 31" after "19") tells a part and
    its whole, a correction or an update: it does not disagree with itself, and shown on two sides
    of one dispute it would.

    An estimate an outlet gives as one source's (``is_rival_estimate``: "Police said about 15,000
    ...; the organisers put the figure at 60,000") is that source's version: an outlet that reports
    the police's figure and the organisers' gives two versions, disagreeing with none; it is torn
    only when one source (or the outlet itself) gives two.
    """
    sides: dict[tuple[str, str | None], set[int]] = {}
    for i, version in enumerate(versions):
        for fact in version:
            sides.setdefault(_teller(fact), set()).add(i)
    torn = {side for side, found in sides.items() if len(found) > 1}
    kept = [[f for f in version if _teller(f) not in torn] for version in versions]
    return [version for version in kept if version]


def _teller(fact: Fact) -> tuple[str, str | None]:
    """Who gives the fact's value as of one moment: its article, and for a rival estimate the source
    it names. One outlet's stories of different hours ("two dead" at 09:10, "risen to five" at
    20:30) are how a running count went on, each a version; neither withdraws the other."""
    return fact.claim[0], _side(fact)[1]


def _side(fact: Fact) -> tuple[str, str | None]:
    """Who gives the fact's value: its outlet, and for a rival estimate the source it names."""
    return fact.outlet, voice_key(fact.given_by) if is_rival_estimate(fact) else None


def in_conflict(versions: list[list[Fact]]) -> list[list[Fact]]:
    """Keep versions that contradict another version given by a different outlet (or, for a rival
    estimate, by another source the same outlet names)."""
    kept = []
    for i, version in enumerate(versions):
        for j, other in enumerate(versions):
            if i == j:
                continue
            if any(fact_relation(a, b) is False and _side(a) != _side(b) for a in version for b in other):
                kept.append(version)
                break
    return kept
