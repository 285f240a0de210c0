"""Clock times given in "local time": the offset of the place the passage names.

"The meeting began around 18:00 local time" after "… at the Çırağan Palace in Istanbul" is
15:00 UTC.  Left without its zone it could only be compared as a wall clock, and a dispute
showed "18:00 local" beside "17:37 UTC", hiding a gap of 2 h 37 min.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from synopsis.extract.gazetteer import time_zone
from synopsis.extract.times_values import _zone_text
from synopsis.records import Entity, TimeRef

# How far back a "local time" looks for the place it is local to: its paragraph, at most this many
# characters (a place named pages earlier may not be where the event is).
PLACE_LOOKBACK = 400
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_WALL_CLOCK = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)$")


def _says_local(text: str, time: TimeRef) -> bool:
    return "local" in time.text.lower() or bool(re.match(r"\s*\(?\s*local\b", text[time.end : time.end + 20], re.I))


# "local time in Istanbul": a place this close after the clock is the one it is local to.
PLACE_AFTER = 30


def _zone_of(text: str, time: TimeRef, entities: Sequence[Entity]) -> str | None:
    """The zone a local clock time is in: of the town named right after it ("12:30 local time in
    Istanbul"), else of the towns named before it in its paragraph when they are all in one zone
    ("talks in Istanbul … began at 18:00 local time"); None when they are in several ("the blast
    in Kabul was reported by officials in London at 8:15 a.m. local time")."""
    places = [e for e in entities if e.label in PLACE_LABELS]
    after = [e for e in places if time.end <= e.start <= time.end + PLACE_AFTER and "\n" not in text[time.end : e.start]]
    for entity in after:
        if zone := time_zone(entity.text):
            return zone
    begin = max(text.rfind("\n", 0, time.start) + 1, time.start - PLACE_LOOKBACK)
    zones = {zone for e in places if begin <= e.start and e.end <= time.start and (zone := time_zone(e.text))}
    return zones.pop() if len(zones) == 1 else None


def zone_local_times(text: str, times: Sequence[TimeRef], entities: Sequence[Entity]) -> list[TimeRef]:
    """``times`` with each dated clock time said to be local given the offset, on its day, of the
    place it is local to (``_zone_of``; unchanged when that is not known)."""
    out = list(times)
    for index, time in enumerate(times):
        match = _WALL_CLOCK.match(time.value or "")
        if time.type != "TIME" or match is None or not _says_local(text, time):
            continue
        zone = _zone_of(text, time, entities)
        if zone is None:
            continue
        try:
            wall = dt.datetime.fromisoformat(time.value)
            offset = ZoneInfo(zone).utcoffset(wall)
        except (ValueError, ZoneInfoNotFoundError):
            continue
        if offset is not None:
            out[index] = dataclasses.replace(time, value=time.value + _zone_text(int(offset.total_seconds() // 60)))
    return out
