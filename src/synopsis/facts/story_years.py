"""Years for the yearless dates of undated articles, taken from the story they belong to.

An article without a publication date (a pasted text, a page whose metadata was
stripped) leaves "July 23" as ``XXXX-07-23``: extraction alone has no year to
give it, and the timeline, disputes and brief would ignore the date.  Within a
story the other outlets' publication days say when the story happened, so the
year that puts the date nearest to them is the one a reader would assume.  Only
dates within four months of the story's middle day get a year; a date further
off (a "March 10" in a July story, often an earlier year's background) stays
yearless rather than guessed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from statistics import median_low

from synopsis.records import ArticleAnalysis, TimeRef

# How far from the story's middle day a completed date may fall: a story's own
# dates (earlier rounds, deadlines) lie within weeks; with half a year every
# month-day would be near some year.
MAX_DAYS_FROM_STORY = 120
_YEARLESS = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?(?=$|T)")


def story_middle_day(analyses: Sequence[ArticleAnalysis]) -> dt.date | None:
    """The median publication day of the story's dated articles, if any is dated."""
    days = []
    for analysis in analyses:
        try:
            days.append(dt.date.fromisoformat((analysis.article.published or "")[:10]))
        except ValueError:
            continue
    return median_low(days) if days else None


def nearest_year(month: int, day: int, middle: dt.date, within: int | None = MAX_DAYS_FROM_STORY) -> int | None:
    """The year that puts month/day nearest to the middle day, if within ``within`` days of it."""
    best = None
    for year in (middle.year - 1, middle.year, middle.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - middle).days)
        except ValueError:  # 29 February of a common year
            continue
        if (within is None or distance <= within) and (best is None or distance < best[0]):
            best = (distance, year)
    return best[1] if best else None


def complete_time(time: TimeRef, middle: dt.date) -> TimeRef:
    """The time with its missing year filled in from the story, or unchanged."""
    match = _YEARLESS.match(time.value or "")
    if not match:
        return time
    month, day = int(match.group(1)), int(match.group(2) or 15)
    if not 1 <= month <= 12:
        return time
    year = nearest_year(month, day, middle)
    return dataclasses.replace(time, value=f"{year}{time.value[4:]}") if year else time


def complete_years(analyses: Sequence[ArticleAnalysis]) -> list[ArticleAnalysis]:
    """The analyses, with each undated article's yearless dates given the story's year."""
    middle = story_middle_day(analyses)
    if middle is None:
        return list(analyses)
    completed = []
    for analysis in analyses:
        if analysis.article.published or not any(_YEARLESS.match(t.value or "") for t in analysis.times):
            completed.append(analysis)
            continue
        completed.append(dataclasses.replace(analysis, times=tuple(complete_time(t, middle) for t in analysis.times)))
    return completed
