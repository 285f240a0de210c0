"""Timeline: the dated events of a story, merged across outlets and sorted by date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from synopsis.compare.disputes import STOP_WORDS, list_members, states_date
from synopsis.facts.intervals import interval_from_time
from synopsis.facts.support import Amount, amount_of, amounts_conflict
from synopsis.ingest.outlets import outlet_name
from synopsis.records import ArticleAnalysis, Evidence, TimeRef, TimelineEvent

# Two statements with the same date report one event when this share of the shorter one's content
# words also appears in the other (overlap coefficient). 0.5 joins "Delegations met in Geneva on
# 3 March" with "On 3 March the delegations met in Geneva for talks" and keeps apart two different
# things that happened on one day, which share a word or two ("talks", "Geneva") at most.
SAME_EVENT_OVERLAP = 0.5
MIN_SHARED_WORDS = 2
# A sentence with fewer content words than this besides its date is a header, caption or byline
# ("Published: 23 July 2025 – 4:50 PM"), not an event.
MIN_EVENT_WORDS = 3
DEFAULT_LIMIT = 30
HEADER_CUES = re.compile(r"^\W*(published|updated|posted|last updated|date|first published|modified)\b", re.I)
# Precisions from fine to coarse, to order events that start together (a day before its month).
PRECISION_RANK = {"minute": 0, "hour": 1, "part-of-day": 2, "day": 3, "week": 4, "part-of-month": 5,
                  "month": 6, "quarter": 7, "season": 8, "half": 9, "year": 10, "decade": 11}
_DATELINE = re.compile(r"(^|\n|\.\s)\s*[A-Z][A-Z .'’-]{2,},\s*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Clause boundaries for narrowing a sentence with several dates to the clause of one date.
_CLAUSE = re.compile(r";|:|, (?:and|but|while|after|before|when|as|then|whereas)\b|\. ")


def _content_words(text: str) -> frozenset[str]:
    words = (w.lower().replace("’", "'") for w in _WORD.findall(text))
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in STOP_WORDS)


def _date_of(time: TimeRef) -> tuple[str, str | None, str | None] | None:
    """The calendar value, precision and modifier a DATE/TIME ref puts an event on (clock times by their day)."""
    kind = (time.type or "").upper()
    value = (time.value or "").strip()
    if kind not in {"DATE", "TIME"} or not value or "X" in value.split("T")[0]:
        return None
    if kind == "TIME" or "T" in value:
        if not states_date(time):  # "at 12:30": the day was filled in from the publication date
            return None
        day = _DAY.match(value)
        return (day.group(0), "day", None) if day else None
    if interval_from_time(time) is None:
        return None
    precision = time.precision
    if precision is None:
        precision = {4: "year", 7: "month", 10: "day"}.get(len(value))
    if precision in {"minute", "hour", "second"}:
        precision = "day"
    modifier = (time.modifier or "").upper() or None
    if modifier in {"START", "MID", "END", "EARLY", "LATE"} and precision == "month":
        precision = "part-of-month"
    return value, precision, modifier


def _is_dateline(text: str, start: int) -> bool:
    """A date right after an upper-case place ("KYIV, March 4") is the report's dateline, not an event."""
    return bool(_DATELINE.search(text[max(0, start - 40) : start]))


def _clause(text: str, offset: int, start: int, end: int, others: int) -> tuple[int, int]:
    """The clause of a sentence around one date when the sentence has several dates."""
    if others <= 1:
        return offset, offset + len(text)
    cuts = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text)]
    rel_start, rel_end = start - offset, end - offset
    low = max(c for c in cuts if c <= rel_start)
    high = min((c for c in cuts if c >= rel_end), default=len(text))
    while low < high and text[low] in " ,;:":
        low += 1
    return offset + low, offset + high


def _is_header(analysis: ArticleAnalysis, text: str, time_texts: Sequence[str]) -> bool:
    if HEADER_CUES.search(text):
        return True
    rest = text
    for time_text in time_texts:
        rest = rest.replace(time_text, " ")
    return len(_content_words(rest)) < MIN_EVENT_WORDS


@dataclass
class _Event:
    date: str
    precision: str | None
    modifier: str | None
    items: list[tuple[str, Evidence, frozenset[str]]] = field(default_factory=list)  # (outlet, evidence, words)
    amounts: dict[Evidence, tuple[Amount, ...]] = field(default_factory=dict)  # the numbers each statement gives
    groups: set[int] = field(default_factory=set)

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(outlet for outlet, _, _ in self.items))


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= MIN_SHARED_WORDS and shared / max(1, min(len(a), len(b))) >= SAME_EVENT_OVERLAP


def _candidates(analyses: Sequence[ArticleAnalysis], group_of: dict[tuple[str, int], int]):
    for analysis in analyses:
        article = analysis.article
        outlet = outlet_name(article)
        for index, claim in enumerate(analysis.claims):
            refs = [analysis.times[i] for i in claim.times if 0 <= i < len(analysis.times)]
            dated = [(ref, _date_of(ref)) for ref in refs if not _is_dateline(article.text, ref.start)]
            dated = [(ref, d) for ref, d in dated if d is not None]
            if not dated or _is_header(analysis, claim.text, [ref.text for ref in refs]):
                continue
            seen: set[tuple[str, str | None]] = set()
            for ref, (value, precision, modifier) in dated:
                if (value, modifier) in seen:
                    continue
                seen.add((value, modifier))
                start, end = _clause(claim.text, claim.start, ref.start, ref.end, len(dated))
                text = article.text[start:end]
                words = _content_words(text.replace(ref.text, " "))
                evidence = Evidence(article.id, outlet, start, end, text)
                amounts = tuple(
                    a for a in (amount_of(q) for q in analysis.quantities if start <= q.start and q.end <= end)
                    if a is not None
                )
                yield value, precision, modifier, outlet, evidence, words, amounts, group_of.get((article.id, index))


def _representative(event: _Event) -> str:
    """The statement sharing most words with the others (ties: the shortest), as the event's text."""
    def score(item: tuple[str, Evidence, frozenset[str]]) -> tuple[int, int]:
        return (sum(len(item[2] & other[2]) for other in event.items if other is not item), -len(item[1].text))
    return max(event.items, key=score)[1].text.strip()


def _start(event: _Event) -> float:
    interval = interval_from_time(TimeRef(event.date, 0, 0, "DATE", event.date, event.precision, event.modifier))
    return interval.low if interval is not None else float("inf")


def build_timeline(
    analyses: Sequence[ArticleAnalysis], groups: Sequence[Any] | None = None, limit: int = DEFAULT_LIMIT
) -> list[TimelineEvent]:
    """Merge the dated statements of all outlets into events, keep the `limit` best supported, sort by date."""
    group_of: dict[tuple[str, int], int] = {}
    for number, group in enumerate(groups or ()):
        for member in list_members(group):
            group_of.setdefault(member, number)
    events: list[_Event] = []
    by_date: dict[tuple[str, str | None], list[_Event]] = {}
    for value, precision, modifier, outlet, evidence, words, amounts, group in _candidates(analyses, group_of):
        for event in by_date.get((value, modifier), []):
            # "On Monday, 40 homes were destroyed" and "On Monday, 55 homes were destroyed" share
            # their words but not their number: an outlet listed under one does not say the other.
            if any(amounts_conflict(amounts, other) for other in event.amounts.values()):
                continue
            if (group is not None and group in event.groups) or any(_similar(words, w) for _, _, w in event.items):
                break
        else:
            event = _Event(value, precision, modifier)
            events.append(event)
            by_date.setdefault((value, modifier), []).append(event)
        if any(e == evidence for _, e, _ in event.items):
            continue
        event.items.append((outlet, evidence, words))
        event.amounts[evidence] = amounts
        if group is not None:
            event.groups.add(group)
    # Best supported first for the cut (more outlets, then more statements), then by date; within
    # one start, finer precision first (a day before the month it opens).
    kept = sorted(events, key=lambda e: (-len(e.outlets), -len(e.items)))[:limit]
    kept.sort(key=lambda e: (_start(e), PRECISION_RANK.get(e.precision or "", 12), _representative(e)))
    return [
        TimelineEvent(
            date=event.date, precision=event.precision, text=_representative(event),
            sources=tuple(event.outlets), evidence=tuple(e for _, e, _ in event.items),
        )
        for event in kept
    ]
