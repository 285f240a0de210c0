"""Numeric dates whose day and month could be swapped ("05/02/2024"): the two readings, and
the evidence in an article that picks one.

"05/02/2024" is 5 February to most of the world and May 2 in the United States.  When both
readings are valid dates, what decides, strongest first:
- a weekday named with the date ("Thursday, 05/02/2024"): only one reading falls on it;
- the text spelling the day out ("on Thursday, May 2", "2 May 2024"), for one reading only;
- the outlet's country (MONTH_FIRST_COUNTRIES write month first);
- else day-first, the convention of most countries (and of the non-US outlets that are most
  of outlets.yaml).
What decided is recorded with the date (``Basis``), so a reader sees the date was ambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from synopsis.ingest import patterns as P

# What settled the reading of an ambiguous numeric date (see the module docstring).
Basis = Literal["weekday", "text", "outlet country", "default"]

MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW"})

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Case-sensitive: "may 2" and "march 5" in running text are a verb and a number.
_MONTH_WORD = P.MONTH
_SPELLED_MDY = re.compile(
    rf"(?:\b(?P<weekday>{P.WEEKDAY}),?\s+)?\b(?P<month>{_MONTH_WORD})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    r"(?!\s*[:.]\d)(?:,?\s+(?P<year>\d{4})\b)?"
)
_SPELLED_DMY = re.compile(
    rf"(?:\b(?P<weekday>{P.WEEKDAY}),?\s+)?(?:the\s+)?\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_WORD})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?"
)
# A numeric date with its weekday in running text or a header line: "Thu, 05/02/2024".
_WEEKDAY_NUMERIC = re.compile(
    rf"\b(?P<weekday>{P.WEEKDAY}),?\s+(?P<first>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<second>\d{{1,2}})\s*(?P=sep)\s*(?P<year>\d{{4}})\b"
)


def swap(day: dt.date) -> dt.date:
    """The other reading of an ambiguous date: day and month swapped (both are 12 or less)."""
    return day.replace(month=day.day, day=day.month)


def weekday_number(name: str) -> int | None:
    """Monday 0 ... Sunday 6, from a weekday name or its abbreviation."""
    key = name[:3].casefold()
    return _WEEKDAYS.index(key) if key in _WEEKDAYS else None


def weekday_reading(day: dt.date, weekday: str) -> dt.date | None:
    """Of an ambiguous date's two readings, the one that falls on the named weekday (None if
    neither or, impossible for two different days of one week apart, both)."""
    number = weekday_number(weekday)
    fits = [d for d in (day, swap(day)) if d.weekday() == number]
    return fits[0] if len(fits) == 1 else None


def text_reading(day: dt.date, text: str) -> dt.date | None:
    """The reading of an ambiguous date that the text supports, None when it supports neither
    or both.  Mentions with a weekday that is right for the reading ("Thursday, May 2") or a
    numeric date with its weekday are strong; a day spelled out without one ("May 2") counts
    only when no strong mention decides.  A mention with a weekday wrong for the reading, or
    another year, is about some other day.  (Reports also name days other than their own,
    a scheduled vote on "May 2" in an article of 5 February; that risk is taken only when the
    text names just one of the two days.)"""
    readings = (day, swap(day))
    strong: set[dt.date] = set()
    weak: set[dt.date] = set()
    for pattern in (_SPELLED_MDY, _SPELLED_DMY):
        for match in pattern.finditer(text):
            month = _MONTHS.index(match.group("month")[:3].casefold()) + 1
            found = _mention(readings, month, int(match.group("day")), match.group("year"), match.group("weekday"))
            if found is not None:
                (strong if match.group("weekday") else weak).add(found)
    for match in _WEEKDAY_NUMERIC.finditer(text):
        first, second = int(match.group("first")), int(match.group("second"))
        for month, dom in ((second, first), (first, second)):  # either way round: the weekday tells
            found = _mention(readings, month, dom, match.group("year"), match.group("weekday"))
            if found is not None:
                strong.add(found)
    for evidence in (strong, weak):
        if len(evidence) == 1:
            return next(iter(evidence))
        if evidence:
            return None  # the text names both days: no evidence either way
    return None


def _mention(readings: tuple[dt.date, ...], month: int, dom: int, year: str | None, weekday: str | None) -> dt.date | None:
    """The reading a mention of a day names, if any."""
    for reading in readings:
        if (reading.month, reading.day) != (month, dom) or (year is not None and int(year) != reading.year):
            continue
        if weekday is not None and weekday_number(weekday) != reading.weekday():
            continue
        return reading
    return None
