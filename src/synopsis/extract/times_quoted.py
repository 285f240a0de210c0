"""Dates inside a direct quotation, counted from when the speaker said them.

Time expressions are resolved against the report's publication date (``times.find_times``). A
word inside a quotation is the speaker's: '"Tonight, they are home," she said on Thursday' means
Thursday night, whether the report runs on Thursday or on Saturday. Quotations are found after
the times (``quotes.find_quotes`` needs the parse), so this is a second pass over the times that
fall inside one: each is resolved again from the day the report says the words were said ("said
on Thursday", ``facts.dates.is_statement_time``). When the report does not say when, a word that
only that day could place ("tonight", "on Friday", "last year") dates nothing: it is left with an
unknown day (TIMEX3 "X"), as the extractor leaves a relative word in an undated article. A date
that names its month ("on 3 May") keeps the year the report's date gives it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from synopsis.extract.times import find_times
from synopsis.facts.dates import is_statement_time
from synopsis.records import Quote, TimeRef

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
# A value whose month the words themselves give ("XXXX-05-03", "XXXX-05"): only its year was
# taken from the report's date.
_MONTH_GIVEN = re.compile(r"^XXXX-\d\d")
# What may stand before a date that opens a sentence and so dates its main clause, the saying.
_OPENS = re.compile(r"^\W*(?:(?:late|early)\s+)?(?:on|in|at)?\s*$", re.I)
# A sentence's end: its stop, a closing quotation mark after it, and the space or line after.
_SENTENCE_END = re.compile(r"[.!?][\"”’]?(?:\s|$)|\n")


def _sentence_bounds(text: str, quote: Quote) -> tuple[int, int]:
    """The stretch of text around a quotation and its attribution, up to the sentence ends
    outside it: where the report says when the words were said ('..., she said on Thursday.')."""
    low, high = min(quote.start, quote.content_start), max(quote.end, quote.content_end)
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, low)]
    after = _SENTENCE_END.search(text, high)
    return (before[-1] if before else 0), (after.start() + 1 if after else len(text))


def _saying_day(text: str, quote: Quote, quotations: Sequence[Quote], times: Sequence[TimeRef]) -> dt.date | None:
    """The day the report says the quoted words were said: in the quotation's sentence, outside
    every quotation, a date after a reporting verb ("said on Thursday", "told reporters on 6 May")
    or one the sentence opens with ('On 12 March, the president said: "..."')."""
    start, end = _sentence_bounds(text, quote)
    for time in times:
        if not (start <= time.start and time.end <= end) or (time.type or "").upper() not in {"DATE", "TIME"}:
            continue
        if any(q.content_start <= time.start < q.content_end for q in quotations):
            continue
        day = _DAY.match(time.value or "")
        if day is not None and (is_statement_time(text, time.start, time.end) or _OPENS.match(text[start : time.start])):
            try:
                return dt.date(int(day[1]), int(day[2]), int(day[3]))
            except ValueError:
                return None
    return None


def _counted_from_the_report(value: str) -> bool:
    """Whether an unanchored value needed the report's date for more than its year ("XXXX-XX-XXTNI",
    "XXXX-WXX-5", "XXXX" for "last year"), as "XXXX-05-03" ("3 May") does not."""
    return value.startswith("XXXX") and not _MONTH_GIVEN.match(value)


def date_quoted_times(text: str, times: Sequence[TimeRef], quotes: Sequence[Quote]) -> list[TimeRef]:
    """``times`` with those inside a direct quotation resolved from the day it was said (see the module's doc)."""
    quotations = [q for q in quotes if q.kind == "direct" and q.content_end > q.content_start]
    replaced: dict[tuple[int, int], TimeRef] = {}
    for quote in quotations:
        inside = [t for t in times if quote.content_start <= t.start and t.end <= quote.content_end
                  and (t.type or "").upper() in {"DATE", "TIME"}]
        if not inside:
            continue
        day = _saying_day(text, quote, quotations, times)
        words = text[quote.content_start : quote.content_end]
        again = {(t.start + quote.content_start, t.end + quote.content_start): t for t in find_times(words, day)}
        unanchored = again if day is None else {
            (t.start + quote.content_start, t.end + quote.content_start): t for t in find_times(words, None)}
        for time in inside:
            found = again.get((time.start, time.end))
            if found is None or (found.value or "").split("T")[0] == (time.value or "").split("T")[0]:
                continue
            if day is None and not _counted_from_the_report(unanchored[(time.start, time.end)].value or ""):
                continue
            # Only the day changes: the clock time and zone the report gave stay (the quotation
            # read alone has no dateline to zone it by).
            value = found.value
            if "T" in value and "T" in (time.value or ""):
                value = value.split("T")[0] + "T" + time.value.split("T", 1)[1]
            replaced[(time.start, time.end)] = dataclasses.replace(
                time, type=found.type, value=value, precision=found.precision, modifier=found.modifier)
    return [replaced.get((t.start, t.end), t) for t in times]
