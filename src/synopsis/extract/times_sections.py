"""Relative dates in an entry that goes date by date: "today" is the day of its passage.

An encyclopedia entry (or any page whose publication date says when it was first written,
``facts.dates.UNDATED_KINDS``) tells events section by section, each opening with its own date:
"On May 15, 2025, Trump said: 'I am fully booked today and tomorrow'".  Resolved against the
page's date, as a news report's words are, that "today" became the day the page was started.
Here a relative expression is resolved against the last date stated in full before it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from synopsis.extract.times import find_times
from synopsis.facts.dates import UNDATED_KINDS
from synopsis.records import Article, Sentence, TimeRef

_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
# A date that names its month and day ("23 July", "May 15, 2025", "16.05.2025") opens a passage;
# "the following day" or "Friday" is read from the passage's date, not a new one.
_CALENDAR_DATE = re.compile(
    r"(?=.*\d)(?=.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.I)


def dated_by_section(article: Article, sentences: Sequence[Sentence], times: Sequence[TimeRef]) -> list[TimeRef]:
    """``times`` (found against the publication date) with every expression that depends on
    that date resolved again against the last full date stated before it, in an article of an
    undated kind; other articles' times unchanged."""
    if article.outlet is None or article.outlet.kind not in UNDATED_KINDS:
        return list(times)
    # Expressions that read otherwise without an anchor depend on it; calendar dates open passages
    # (a year left out is the page's, as before).
    unanchored = {(t.start, t.end): t.value for t in find_times(article.text, None)}
    stated = [(t.end, dt.date.fromisoformat(t.value)) for t in times
              if t.type == "DATE" and _FULL_DAY.match(t.value or "") and _CALENDAR_DATE.search(t.text)]
    if not stated:
        return list(times)
    # Expressions of one sentence with one anchor are resolved together, in their sentence alone.
    groups: dict[tuple[int, dt.date], list[int]] = defaultdict(list)
    for index, time in enumerate(times):
        if unanchored.get((time.start, time.end)) == time.value:
            continue
        before = [day for end, day in stated if end <= time.start]
        sentence = next((n for n, s in enumerate(sentences) if s.start <= time.start < s.end), None)
        if before and sentence is not None:
            groups[(sentence, before[-1])].append(index)
    out = list(times)
    for (number, anchor), indices in groups.items():
        sentence = sentences[number]
        again = {(t.start + sentence.start, t.end + sentence.start): t for t in find_times(sentence.text, anchor)}
        for index in indices:
            found = again.get((times[index].start, times[index].end))
            if found is not None:
                out[index] = dataclasses.replace(times[index], value=found.value, precision=found.precision)
    return out
