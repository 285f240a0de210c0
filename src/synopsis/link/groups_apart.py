"""Group rules: why two groups of articles, however alike report by report, report different events.

Clustering does not merge two groups (subtrees of its tree) that ``why_apart`` explains apart, and
``synopsis stories compare`` shows its reason for two stories.  The pair similarity these rules
overrule, and the pair damping rules they extend to groups (``ORDINAL_CONFLICT_FACTOR``,
``AMOUNT_CONFLICT_FACTOR``, ``PLACE_CONFLICT_FACTOR``), are in ``link.events``.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable, Sequence

from synopsis.link.event_profile import EventProfile
from synopsis.link.events import _apart_beyond, _few, _sums, amount_conflict, days_apart, lead_sums
from synopsis.link.names import key_token

# Two groups of articles each mostly about one person, and about different people,
# report different events (two arrests of players of one team, two resignations
# in one cabinet), however alike their words: a story-level check, since a
# single article's main person is too noisy a signal (see pair_features).  A
# person dominates a group when they are the main person of at least this share
# of its members (groups of at least PERSON_GROUP articles); the other group may
# still recall them in a few of its members (at most PERSON_STRAY).  Chosen on
# ECB+ topics 1-25 (bench/ecbplus.py): batch F1 0.867 -> 0.888 there.
PERSON_SHARE = 0.5
PERSON_STRAY = 0.1
PERSON_GROUP = 3


def dominant_person(group: Sequence[EventProfile]) -> str | None:
    """The main person of at least PERSON_SHARE of the group's articles, if any."""
    # Counted by spelling-proof key: "Selenskyj" and "Zelenskyy" are one main person.
    people = Counter(key_token(p.person) for p in group if p.person)
    if not people:
        return None
    key, count = people.most_common(1)[0]
    if count < PERSON_SHARE * len(group):
        return None
    return Counter(p.person for p in group if p.person and key_token(p.person) == key).most_common(1)[0][0]


# Unless both groups date the event to the same day (give or take SAME_DAY_TOLERANCE):
# then they are one event told from two sides (each side's outlets quote their own
# negotiator), not two events of one kind.  In a synthetic archive with leads worded
# three ways, three reports of a round of talks quoting the other side's envoy had come
# apart from the seven that agreed on its day; on ECB+ (topics 1-35) F1 is unchanged.
SAME_DAY_TOLERANCE = 1


# A group of several articles has a usual day only when at least USUAL_DAY_REPORTS of its leads
# give it: one lead's day may be a misreading (a coming ceremony's "March 2 broadcast" taken for
# the day of the announcement), and a group of two whose one dated lead is misread would be
# held apart from its own event's reports (``dated_apart``).  A lone article's day is all the
# evidence there is, so it stands.  On ECB+ topics 1-25 (bench/ecbplus.py) batch F1 0.940 ->
# 0.943 (two reports of an Oscars host announcement join the rest), the same at 3.
USUAL_DAY_REPORTS = 2


def usual_day(group: Sequence[EventProfile]) -> str | None:
    """The event day (calendar date, else part of day) at least half the group's leads give, and
    at least USUAL_DAY_REPORTS of them unless the group is one article."""
    days = Counter(p.day or p.time_day for p in group if p.day or p.time_day)
    if not days:
        return None
    day, count = days.most_common(1)[0]
    needed = 0.5 * len(group) if len(group) == 1 else max(0.5 * len(group), USUAL_DAY_REPORTS)
    return day if count >= needed else None


def dated_alike(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> bool:
    """True when both groups mostly date the event to the same day (SAME_DAY_TOLERANCE)."""
    day_a, day_b = usual_day(a), usual_day(b)
    try:
        return bool(day_a and day_b and days_apart(day_a, day_b) <= SAME_DAY_TOLERANCE)
    except ValueError:
        return False


# Two groups that mostly date the event to days further apart than this are two events,
# however many undated reports (interviews, profiles) sit between them: average linkage let
# such reports join two signings of one player two years apart.  Pairs already need days
# within DAY_TOLERANCE; a group's usual day is looser (a follow-up weeks later is told with
# its event in ECB+), so only a gap of months keeps groups apart.  ECB+ batch F1 at 3 / 14 /
# 60 days: 0.912 / 0.918 / 0.920 on topics 1-25, 0.930 / 0.940 / 0.940 on 26-35 (0.920
# and 0.940 without the rule).
DATED_APART_DAYS = 60


def dated_apart(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> str | None:
    """Why two groups, each mostly dating the event to one day, report different events: the days
    are further apart than DATED_APART_DAYS (None otherwise)."""
    day_a, day_b = usual_day(a), usual_day(b)
    if day_a and day_b and _apart_beyond((day_a, day_b), DATED_APART_DAYS):
        return f"they date the event to different days ({day_a} / {day_b})"
    return None


def about_other_people(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> bool:
    """True when groups a and b (each of at least PERSON_GROUP articles) are each dominated by a different
    person, and are not dated to the same day."""
    if len(a) < PERSON_GROUP or len(b) < PERSON_GROUP or dated_alike(a, b):
        return False
    person_a, person_b = dominant_person(a), dominant_person(b)
    if person_a is None or person_b is None or key_token(person_a) == key_token(person_b):
        return False
    stray_b_in_a = sum(p.person is not None and key_token(p.person) == key_token(person_b) for p in a) / len(a)
    stray_a_in_b = sum(p.person is not None and key_token(p.person) == key_token(person_a) for p in b) / len(b)
    return stray_b_in_a <= PERSON_STRAY and stray_a_in_b <= PERSON_STRAY


# Two groups that each keep naming someone or something the other hardly names
# report different events: two pirate attacks foiled by one navy in one gulf,
# one group naming the warship, the other the merchant ship attacked.  A name
# marks a group when at least NAME_SHARE of its articles mention it (their
# cast) and at most NAME_STRAY of the other's do; both groups need such a name,
# and NAME_GROUP articles each, since a few articles' casts are too thin to
# speak for an event.  Chosen on ECB+ topics 1-25 (bench/ecbplus.py --sweep):
# batch F1 0.889 -> 0.902 there, flat for NAME_GROUP 4-8 and NAME_SHARE 0.5-0.7
# (0.901-0.902); a stray share of 0.2 already costs 0.006.
NAME_SHARE = 0.7
NAME_STRAY = 0.1
NAME_GROUP = 5


def marking_names(group: Sequence[EventProfile], other: Sequence[EventProfile]) -> list[str]:
    """Names in at least NAME_SHARE of group's articles and at most NAME_STRAY of other's,
    the most frequent in the group first."""
    return marking(group, other, lambda p: p.cast, lambda p: p.cast, NAME_SHARE, NAME_STRAY)


def marking(
    group: Sequence[EventProfile],
    other: Sequence[EventProfile],
    own: Callable[[EventProfile], Iterable[str]],
    seen: Callable[[EventProfile], Iterable[str]],
    share: float,
    stray: float,
) -> list[str]:
    """What ``own`` gives for at least ``share`` of group's articles and ``seen`` for at most
    ``stray`` of other's, the most frequent in the group first."""
    mine = Counter(item for p in group for item in own(p))
    theirs = Counter(item for p in other for item in seen(p))
    found = [(count, item) for item, count in mine.items() if count >= share * len(group) and theirs[item] <= stray * len(other)]
    return [item for _, item in sorted(found, key=lambda m: (-m[0], m[1]))]


def both_marked(a: Sequence[EventProfile], b: Sequence[EventProfile], marks: Callable) -> tuple[list[str], list[str]] | None:
    """What marks each group against the other (``marks(group, other)``), when both have something."""
    marks_a = marks(a, b)
    marks_b = marks(b, a) if marks_a else []
    return (marks_a, marks_b) if marks_b else None


# Average linkage can still merge two rounds of one series: a round's reports that do not
# number it are as close to the other round's as to their own, and they outvote the
# few pairs ORDINAL_CONFLICT_FACTOR damps.  So two groups whose reports mostly give
# different numbers stay apart as groups (the numbers most of each group's numbering
# reports give; a report recalling the previous round does not change them).


def series_numbers(group: Sequence[EventProfile]) -> dict[str, set[str]]:
    """For each series noun the group's reports number, the numbers most of those reports give."""
    counts: dict[str, Counter] = {}
    for profile in group:
        for ordinal in profile.ordinals:
            noun, _, number = ordinal.partition(":")
            counts.setdefault(noun, Counter())[number] += 1
    return {noun: {n for n, c in numbers.items() if c == max(numbers.values())} for noun, numbers in counts.items()}


def numbered_apart(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> str | None:
    """Why two groups are different events of one series (the third round / the second), or None."""
    mine, theirs = series_numbers(a), series_numbers(b)
    for noun in sorted(mine.keys() & theirs.keys()):
        if not (mine[noun] & theirs[noun]):
            return f"they number the event differently ({noun} {'/'.join(sorted(mine[noun]))} / {noun} {'/'.join(sorted(theirs[noun]))})"
    return None


# Two groups that each name a place in most of their leads that the other never names,
# anywhere in its text, report events in different places: two fires in two towns a day
# apart, written alike.  The pair rule (PLACE_CONFLICT_FACTOR) is soft because one
# event's reports name it at different levels; a group whose leads keep naming a place
# the other group's texts never mention is stronger evidence, so it takes only
# PLACE_GROUP articles a side.  Chosen on ECB+ topics 1-25: F1 unchanged on 1-25 and
# 26-35 at a share of 0.7 (0.5 costs 0.015 on 1-25); on the 10,000-article synthetic
# archive (bench/synth.py, streamed) 1,190 stories -> 1,197 of 1,200, F1 0.994 -> 0.996.
PLACE_SHARE = 0.7
PLACE_STRAY = 0.1
PLACE_GROUP = 2


def marking_places(group: Sequence[EventProfile], other: Sequence[EventProfile]) -> list[str]:
    """Places in the leads of at least PLACE_SHARE of group's articles and in the text of at most
    PLACE_STRAY of other's, the most frequent first."""
    return marking(group, other, lambda p: p.places, lambda p: p.cast | p.places, PLACE_SHARE, PLACE_STRAY)


def placed_apart(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> str | None:
    """Why two groups report events in different places (``marking_places``), or None."""
    if len(a) < PLACE_GROUP or len(b) < PLACE_GROUP or not (marked := both_marked(a, b, marking_places)):
        return None
    return f"each places the event where the other never does ({_few(marked[0])} / {_few(marked[1])})"


# Two groups each mostly about an organisation (``EventProfile.subject``: the airline whose
# flight it was, the company whose plant burned), in at least SUBJECT_SHARE of their leads,
# that the other group's leads never name, report different events, however alike their words:
# two turbulence diversions a day apart over one mountain range, by two airlines.  Only leads
# are looked at, so a report recalling the other incident in its body does not tie them.  A
# share of a half, since a tabloid's lead or a follow-up may name the operator only once (no
# subject); groups of three, so one outlet calling the airline by its parent company, with an
# unnamed report beside it, is no group of its own.  Groups only, not pairs: one report's subject is too noisy (a club, a source, a
# person tagged an organisation), and damping pairs whose subjects differ cost F1 on ECB+ (by
# 0.8: 0.943 -> 0.920 on topics 26-35), while this rule leaves ECB+ unchanged (0.940 on 1-25,
# 0.943 on 26-35, at a share of 0.5 or 0.7; bench/ecbplus.py).
SUBJECT_SHARE = 0.5
SUBJECT_STRAY = 0.1
SUBJECT_GROUP = 3


def same_organisation(a: str, b: str) -> bool:
    """True when one name's words hold the other's ("meridian" / "meridian airways")."""
    words_a, words_b = set(a.split()), set(b.split())
    return words_a <= words_b or words_b <= words_a


def marking_subjects(group: Sequence[EventProfile], other: Sequence[EventProfile]) -> list[str]:
    """Organisations that are the subject of at least SUBJECT_SHARE of group's leads and named in
    at most SUBJECT_STRAY of other's leads."""
    return marking(group, other, lambda p: (p.subject,) if p.subject else (), lambda p: p.organisations, SUBJECT_SHARE, SUBJECT_STRAY)


def run_by_others(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> str | None:
    """Why two groups report events of different organisations (``marking_subjects``), or None."""
    if len(a) < SUBJECT_GROUP or len(b) < SUBJECT_GROUP or not (marked := both_marked(a, b, marking_subjects)):
        return None
    if any(same_organisation(x, y) for x in marked[0] for y in marked[1]):
        return None
    return f"each is about an organisation the other's leads never name ({_few(marked[0])} / {_few(marked[1])})"


# Average linkage can still merge two events whose sums of money differ: most of their leads
# state none, and those outvote the pairs AMOUNT_CONFLICT_FACTOR damps.  So two groups each
# with at least SUM_GROUP leads stating sums in a currency they share, at least SUM_SHARE of
# whose cross pairs of such leads conflict (``amount_conflict``), stay apart.  On ECB+ topics
# 1-25 this parts two jewel heists in one city five years apart (topic 24; batch F1 0.924 ->
# 0.940 with the pair damping), the same at SUM_GROUP 2 or 3 and SUM_SHARE 0.5 or 0.7.
SUM_GROUP = 2
SUM_SHARE = 0.5


def summed_apart(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> str | None:
    """Why two groups report events of different sums of money (most pairs of their sum-stating
    leads are AMOUNT_RATIO apart), or None."""
    with_a = [p for p in a if p.numbers and lead_sums(p.numbers)]
    with_b = [p for p in b if p.numbers and lead_sums(p.numbers)]
    if len(with_a) < SUM_GROUP or len(with_b) < SUM_GROUP:
        return None
    compared = conflicting = 0
    example = None
    for x in with_a:
        sums_x = lead_sums(x.numbers)
        for y in with_b:
            if not (sums_x.keys() & lead_sums(y.numbers).keys()):
                continue
            compared += 1
            if found := amount_conflict(x, y):
                conflicting += 1
                example = example or found
    if not compared or conflicting < SUM_SHARE * compared or example is None:
        return None
    return f"their leads state sums of money far apart ({_sums(example[0], example[1])} / {_sums(example[0], example[2])})"


def why_apart(a: Sequence[EventProfile], b: Sequence[EventProfile], name_group: int | None = None) -> str | None:
    """Why two groups, however alike article by article, report different events; None when
    nothing at the group level keeps them apart.  Clustering does not merge two groups
    (subtrees of its tree) this explains; `synopsis stories compare` shows it for two stories.
    The name rule judges groups of at least ``name_group`` articles (NAME_GROUP, read when called)."""
    if dated := dated_apart(a, b):
        return dated
    if about_other_people(a, b):
        return f"one is about {dominant_person(a)}, the other about {dominant_person(b)}"
    if numbered := numbered_apart(a, b):
        return numbered
    if placed := placed_apart(a, b):
        return placed
    if summed := summed_apart(a, b):
        return summed
    if run_by := run_by_others(a, b):
        return run_by
    name_group = NAME_GROUP if name_group is None else name_group
    if len(a) < name_group or len(b) < name_group or not (marked := both_marked(a, b, marking_names)):
        return None
    return f"each keeps naming what the other hardly names ({_few(marked[0])} / {_few(marked[1])})"
