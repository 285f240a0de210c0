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


def zone_local_times(text: str, times: Sequence[TimeRef], entities: Sequence[Entity]) -> list[TimeRef]:
    """``times`` with each dated clock time said to be local given the offset, on its day, of the
    last town or city named before it in its paragraph (none when no such place is known)."""
    out = list(times)
    for index, time in enumerate(times):
        match = _WALL_CLOCK.match(time.value or "")
        if time.type != "TIME" or match is None or not _says_local(text, time):
            continue
        begin = max(text.rfind("\n", 0, time.start) + 1, time.start - PLACE_LOOKBACK)
        places = [e for e in entities if e.label in PLACE_LABELS and begin <= e.start and e.end <= time.start]
        zone = next((z for e in reversed(places) if (z := time_zone(e.text))), None)
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
