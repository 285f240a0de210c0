"""Running counts: figures that grow while an event unfolds (a death toll, the injured, cases,
arrests, evacuations), which each outlet reports as of its hour.

Two reports of such a count a few hours apart are no disagreement when the later figure is the
higher one: the count rose. This module says which slots are running counts, whether a slot's
versions only rose (a revised figure, reported apart from disputes), when each figure was first
reported, and where a value that fits several figures stands once its report's time is known.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import tzinfo
from itertools import combinations

from synopsis.compare.count_rises import EARLIER_GAP, is_running_figure
from synopsis.compare.dispute_facts import Fact
from synopsis.compare.dispute_slots import agrees_with
from synopsis.facts.dates import Stamp, as_of_stamp
from synopsis.records import DisputeVersion

def is_running_count(slot: Sequence[Fact]) -> bool:
    """Whether the slot is a count that changes as the day goes on (a toll; a count some sentence
    revises or tells day by day; resources committed to an operation), so that a later report's
    figure updates an earlier one (``count_rises.is_running_figure``). Other values (a meeting's
    length, another outlet's estimate of a leak) are one reading against another."""
    return any(is_running_figure(f) for f in slot)


def higher(earlier: Sequence[Fact], later: Sequence[Fact]) -> bool:
    """Whether every figure of the later version is above every figure of the earlier one: a toll
    overtakes its earlier figures by rising. A lower figure after a higher one (12, then 20 from
    another outlet, then 17 revised from 12) leaves the higher one a rival, not an earlier figure;
    a count revised down says so itself (``Fact.revised``)."""
    highest = max((iv.high for f in earlier for iv in f.intervals), default=None)
    lowest = min((iv.low for f in later for iv in f.intervals), default=None)
    return highest is not None and lowest is not None and lowest > highest


def first_reported(version: Sequence[Fact]) -> float:
    """When the first report of a version stood (``as_of_stamp``), as a POSIX time; infinity if none is dated."""
    stamps = [stamp.moment.timestamp() for f in version if (stamp := as_of_stamp(f.article)) is not None]
    return min(stamps, default=math.inf)


def only_rose(versions: Sequence[Sequence[Fact]]) -> bool:
    """Whether a running count's versions only rose: every report dated, and of any two reports
    giving different versions one stood before the other (``Stamp.before``, by ``EARLIER_GAP``)
    and gave the lower figure. One outlet's later figure may overtake another's (2 dead at 09:10,
    3 at 12:30, 5 at 20:30); a figure that falls, or two figures given at about the same time,
    are rival readings, still a dispute. A figure open upwards ("at least 20") is overtaken by any
    later figure from its bound up ("about 30"): its open end says no more than that."""
    reports = []
    for number, version in enumerate(versions):
        for fact in version:
            stamp = as_of_stamp(fact.article)
            if stamp is None:
                return False
            reports.append((number, stamp, fact.intervals[0]))
    for (i, a, x), (j, b, y) in combinations(reports, 2):
        if i == j:
            continue
        if b.before(a, EARLIER_GAP):
            x, y = y, x
        elif not a.before(b, EARLIER_GAP):
            return False
        if not (x.low <= y.low and (x.high <= y.high or math.isinf(x.high))):
            return False
    return True


def place_by_time(versions: list[list[Fact]], fitting: Sequence[Fact]) -> tuple[list[list[Fact]], list[Fact]]:
    """Of values set aside as fitting several versions of a running count ("at least 20 hurt"
    beside 35 and 38), those whose report's time tells which figure they are compared with: the
    figure current when the report stood, given by the latest report before it (by
    ``EARLIER_GAP``), or by the only figure given at about the same time. A value that fits the
    current figure joins its version; one that does not is a figure of its own as of that hour
    (above the 17 injured of 09:10, "at least 20" at 12:30 is how the count stood then), for
    ``only_rose`` to tell a rise from a dispute. A value reported before any other figure, or
    beside rival figures of its hour, or where a report is undated, still takes no side.

    Returns the versions and the values still set aside."""
    versions = [list(version) for version in versions]
    left: list[Fact] = []
    for fact in fitting:
        current, same_hour = _current_figure(versions, as_of_stamp(fact.article))
        if current is None:
            left.append(fact)
        elif agrees_with(fact, versions[current]):
            versions[current].append(fact)
        elif same_hour:
            left.append(fact)  # another figure of its own hour: a rival, for which it takes no side
        else:
            versions.append([fact])
    return versions, left


def _current_figure(versions: Sequence[Sequence[Fact]], stamp: Stamp | None) -> tuple[int | None, bool]:
    """The version that was the count's figure when a report stood as of ``stamp``, if one is, and
    whether it was given at about that time (by ``EARLIER_GAP``) rather than before it."""
    if stamp is None:
        return None, False
    reports = [(number, as_of_stamp(fact.article)) for number, version in enumerate(versions) for fact in version]
    if any(other is None for _, other in reports):
        return None, False
    same = {number for number, other in reports
            if not other.before(stamp, EARLIER_GAP) and not stamp.before(other, EARLIER_GAP)}
    if same:
        return (next(iter(same)) if len(same) == 1 else None), True
    earlier = [(number, other) for number, other in reports if other.before(stamp, EARLIER_GAP)]
    if not earlier:
        return None, False
    latest = max((other for _, other in earlier), key=lambda other: other.moment)
    # Figures given within the hour of the latest earlier one are rivals: none of them is current.
    current = {number for number, other in earlier if not other.before(latest, EARLIER_GAP)}
    return (next(iter(current)) if len(current) == 1 else None), False


def in_sentence(value: str) -> str:
    """A figure as it reads inside a sentence: "Three" or "At least 21", capitalised only because
    it opened its own ("Three people were killed"), is "three" or "at least 21"."""
    return value[0].lower() + value[1:] if re.fullmatch(r"[A-Z][a-z]+(?:[- ][a-z]+|\s[\d.,]+)*", value) else value


def _clock(stamp: Stamp, zone: tzinfo | None, one_day: bool) -> str:
    """When a report stood, in the zone of the first report so that the times compare; the hour
    alone when every report is of one day, a date alone when the report gave only its date."""
    if stamp.day_only:
        return stamp.moment.date().isoformat()
    moment = stamp.moment.astimezone(zone)
    return moment.strftime("%H:%M") if one_day else moment.strftime("%Y-%m-%d %H:%M")


def _first_stamps(version: Sequence[Fact]) -> dict[str, Stamp]:
    """Each outlet of a version with when its first report of it stood, in the order first reported."""
    earliest: dict[str, Stamp] = {}
    dated = [(f.outlet, stamp) for f in version if (stamp := as_of_stamp(f.article)) is not None]
    for outlet, stamp in sorted(dated, key=lambda pair: pair[1].moment):
        earliest.setdefault(outlet, stamp)
    return earliest


def _zone(versions: Sequence[Sequence[Fact]]) -> tzinfo | None:
    """The zone of the count's first report: every time of the count is shown in it."""
    stamps = [stamp for version in versions for f in version if (stamp := as_of_stamp(f.article)) is not None]
    return min(stamps, key=lambda stamp: stamp.moment).moment.tzinfo if stamps else None


def reported_at(sources: Sequence[str], version: Sequence[Fact], versions: Sequence[Sequence[Fact]]) -> tuple[str, ...]:
    """When each of ``sources`` (a version's outlets) first gave the version, as ISO 8601 in the
    zone of the count's first report, to the minute (a date alone for a report dated by its day);
    empty where a report is undated."""
    zone = _zone(versions)
    stamps = _first_stamps(version)
    if any(outlet not in stamps for outlet in sources):
        return ()
    return tuple(stamps[outlet].shown() if stamps[outlet].day_only
                 else stamps[outlet].moment.astimezone(zone).isoformat(timespec="minutes") for outlet in sources)


def explain_rise(what: str, records: Sequence[DisputeVersion], versions: Sequence[Sequence[Fact]]) -> str:
    """A running count that rose (``only_rose``) as it went: each figure, in the order first
    reported, with each outlet that gave it and when its first report of it stood."""
    stamps = [_first_stamps(version) for version in versions]
    zone = _zone(versions)
    days = {stamp.moment.astimezone(zone).date() for version in stamps for stamp in version.values()}
    steps = []
    for record, version in zip(records, stamps):
        given = "; ".join(f"{outlet}, {_clock(stamp, zone, len(days) == 1)}" for outlet, stamp in version.items())
        steps.append(f"{in_sentence(record.value)} ({given})")
    over = "over the day" if len(days) == 1 else "from report to report"
    return f"The {what} rose {over}: " + " → ".join(steps) + "."
