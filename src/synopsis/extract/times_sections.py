"""Relative dates in an entry that goes date by date: "today" is the day of its passage.

An encyclopedia entry (or any page whose publication date says when it was first written,
``facts.dates.UNDATED_KINDS``) tells events section by section, each opening with its own date:
"On May 15, 2025, Trump said: 'I am fully booked today and tomorrow'".  Resolved against the
page's date, as a news report's words are, that "today" became the day the page was started.
Here a relative expression is resolved against the date of the passage it stands in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from synopsis.extract.times import find_times
from synopsis.facts.dates import UNDATED_KINDS, passage_openers
from synopsis.records import Article, Sentence, TimeRef

_FULL_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
# A date that names its month and day ("23 July", "May 15, 2025", "16.05.2025") may date a passage;
# "the following day" or "Friday" is read from the passage's date, not a new one.
_CALENDAR_DATE = re.compile(
    r"(?=.*\d)(?=.*\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b", re.I)


# A date in the expression's own sentence anchors it ("On May 15, Trump said he was busy today"),
# unless it dates someone ("born on 4 April 1960") or sits in brackets.
_ASIDE_BEFORE = re.compile(r"\b(?:born|died|founded)\s+(?:on\s+|in\s+)?$", re.I)


def dated_by_section(article: Article, sentences: Sequence[Sentence], times: Sequence[TimeRef]) -> list[TimeRef]:
    """``times`` (found against the publication date) with every expression that depends on
    that date resolved again against the date of its passage, in an article of an undated kind:
    the last calendar date before it in its sentence, else the last one before it that gives a
    passage its date (``facts.dates.passage_openers``, as ``section_dates`` dates a section;
    "the talks begun on 16 May" looks back and anchors nothing).  Other articles' times unchanged."""
    if article.outlet is None or article.outlet.kind not in UNDATED_KINDS:
        return list(times)
    text = article.text

    def sentence_of(position: int) -> int | None:
        return next((n for n, s in enumerate(sentences) if s.start <= position < s.end), None)

    def aside(number: int, start: int) -> bool:
        before = text[sentences[number].start : start]
        return bool(_ASIDE_BEFORE.search(before)) or before.count("(") > before.count(")")

    # Calendar dates (a year left out is the page's, as before), each with its sentence.
    calendar = [(t, number) for t in times if t.type == "DATE" and _FULL_DAY.match(t.value or "")
                and _CALENDAR_DATE.search(t.text) and (number := sentence_of(t.start)) is not None]
    openers = set()
    for number in {n for _, n in calendar}:
        openers |= passage_openers(text, sentences, number, [t.start for t, n in calendar if n == number])
    stated = [(t.end, dt.date.fromisoformat(t.value), number, t.start in openers, aside(number, t.start))
              for t, number in calendar]
    if not stated:
        return list(times)
    # Expressions that read otherwise without an anchor depend on it; those of one sentence with
    # one anchor are resolved together, in their sentence alone.
    unanchored = {(t.start, t.end): t.value for t in find_times(text, None)}
    groups: dict[tuple[int, dt.date], list[int]] = defaultdict(list)
    for index, time in enumerate(times):
        number = sentence_of(time.start)
        if number is None or unanchored.get((time.start, time.end)) == time.value:
            continue
        before = [day for end, day, at, opening, set_aside in stated
                  if end <= time.start and ((at == number and not set_aside) or (at < number and opening))]
        if before:
            groups[(number, before[-1])].append(index)
    out = list(times)
    for (number, anchor), indices in groups.items():
        sentence = sentences[number]
        again = {(t.start + sentence.start, t.end + sentence.start): t for t in find_times(sentence.text, anchor)}
        for index in indices:
            found = again.get((times[index].start, times[index].end))
            if found is not None:
                out[index] = dataclasses.replace(times[index], value=found.value, precision=found.precision)
    return out
