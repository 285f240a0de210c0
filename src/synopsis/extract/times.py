"""Time expressions: find them in text and normalise them to TimeML (TIMEX3) values.

A rule-based grammar in the manner of HeidelTime and SUTime: each rule is one
compiled regex over the text plus a function that turns its match into a TIMEX3
type/value; overlapping matches are resolved longest-first, then a few passes
add "the end of"/"early"/"mid-" modifiers, attach clock times to the date of
their sentence and infer zones from "8:37 p.m. (5:37 p.m. GMT)".

Why not dateparser for the parsing: the grammar already isolates day, month and
year, so parsing them is a table lookup; dateparser costs ~1 ms a call (the
budget is >2,000 sentences/s), misreads "of August" as a day in search mode and
fails on "the end of August", "mid-August" and "last October" (docs/MODELS.md).
It remains the baseline of bench/tempeval3.py.
"""

from __future__ import annotations

import datetime as dt
import re

from synopsis.extract import times_grammar as g
from synopsis.extract.quantity_units import remainder_factor
# Importing the rule modules registers their rules, in this order (ties between
# equally long matches go to the earlier rule).
from synopsis.extract import times_dates, times_relative, times_durations, times_clock  # noqa: F401, I001
from synopsis.extract.times_rules import _PART_MODS, _POD, _RULES, _Context, _Hit
from synopsis.extract.times_values import _shift_value, _unit_value, _zone_text
from synopsis.records import TimeRef

__all__ = ["find_times"]


# ---------------------------------------------------------------------------
# Passes over the chosen hits
# ---------------------------------------------------------------------------

# "the end of", "early", "mid-" before a date: TimeML includes them in the
# extent and records them as the modifier.
_PART_LEFT = re.compile(
    r"(?:\b(?:[Tt]he\s+)?(?P<p>(?i:end|beginning|start|middle|close|latter\s+part|early\s+part|dawn))\s+(?i:of)\s+"
    r"|\b(?P<e>(?i:early|late|mid|middle))(?:\s*[-–]\s*|\s+))$"
)
_POD_LEFT = re.compile(rf"\b(?:[Tt]he\s+)?(?P<pod>{_POD})\s+(?i:of)\s+$")
_PARTABLE = {"month", "year", "day", "week", "decade", "century", "season", "quarter"}


def _extend_parts(hits: list[_Hit], ctx: _Context) -> None:
    """Widen dates over a preceding "the end of"/"early"/"mid-" and "the morning of"."""
    for hit in hits:
        if not hit.part_ok:
            continue
        window = ctx.text[max(0, hit.start - 30) : hit.start]
        if hit.type == "DATE" and hit.precision in _PARTABLE:
            m = _PART_LEFT.search(window)
            if m:
                word = " ".join((m["p"] or m["e"]).lower().split())
                hit.start -= len(window) - m.start()
                hit.modifier = _PART_MODS[word]
                hit.precision = "part-of-" + hit.precision
                continue
        if hit.type == "DATE" and hit.precision == "day":
            m = _POD_LEFT.search(window)
            if m:
                hit.start -= len(window) - m.start()
                hit.type, hit.day, hit.value = "TIME", hit.value, ""
                hit.clock, hit.precision = "T" + g.PARTS_OF_DAY[m["pod"].lower()], "part-of-day"


def _merge_time_dates(hits: list[_Hit], ctx: _Context) -> list[_Hit]:
    """Join a clock time and the day right after it ("10 p.m. Wednesday") into one TIME."""
    out: list[_Hit] = []
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.weekday
            and hit.type == "DATE"
            and hit.precision == "day"
            and re.fullmatch(r",?\s{1,3}(?:the\s+)?", ctx.text[prev.end : hit.start])
        ):
            # "Monday, Oct. 26": the stated date settles which Monday.
            if prev.type == "TIME":  # "the night of Friday, Oct. 23"
                prev.day = hit.value
            else:
                prev.value = hit.value
            prev.end, prev.weekday = hit.end, False
            continue
        if (
            prev is not None
            and prev.type == "TIME"
            and prev.day is None
            and prev.minutes is not None
            and hit.type == "DATE"
            and hit.precision == "day"
            and re.fullmatch(r",?\s{1,3}", ctx.text[prev.end : hit.start])
        ):
            prev.day, prev.end = hit.value, hit.end
            continue
        out.append(hit)
    return out


_DAY_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$")


def _attach_days(hits: list[_Hit], ctx: _Context) -> None:
    """Give each clock time the day of its sentence (or the one before), else the anchor's day."""
    days = [h for h in hits if h.type == "DATE" and _DAY_VALUE.match(h.value)]
    for hit in hits:
        if hit.type != "TIME" or hit.day is not None:
            continue
        start, end = ctx.sentence(hit.start)
        if not any(start <= d.start < end for d in days) and start > 0:
            start = ctx.sentence(start - 1)[0]
        near = [d for d in days if start <= d.start < end]
        if near:
            # Prefer the nearest preceding day ("On Wednesday ... at 8 p.m.").
            near.sort(key=lambda d: (d.start > hit.start, abs(d.start - hit.start)))
            hit.day = near[0].value
        elif ctx.date is None:
            hit.day = "XXXX-XX-XX"
        elif _is_day_before(hit, hits, ctx, start, end):
            hit.day = (ctx.date - dt.timedelta(days=1)).isoformat()
        else:
            hit.day = ctx.date.isoformat()


# A clock time this much later than the publication time is not read as a zone difference between
# where the report was stamped and where it happened (Europe to UTC: 1-3 hours).
CLOCK_AHEAD_MARGIN = 180


def _is_day_before(hit: _Hit, hits: list[_Hit], ctx: _Context, start: int, end: int) -> bool:
    """Whether a clock time with no day in its text was yesterday's, in a report published earlier.

    "We heard a bang around 11 p.m.", in a report published at 10:30 that morning: the same
    time today has not come yet, so what the past verb tells of was the evening before.  Not so
    for a time within the margin of the publication time, a sentence without a past verb ("will
    vote at 11 p.m.", "polls close at 8 p.m.") or one with a part of a day the rules dated
    ("at 11 p.m. tonight").
    """
    if ctx.minutes is None or hit.minutes is None:
        return False
    minutes = hit.minutes
    if hit.zone is not None and ctx.zone is not None:
        minutes += ctx.zone - hit.zone
    if minutes - ctx.minutes <= CLOCK_AHEAD_MARGIN:
        return False
    if any(o is not hit and o.type == "TIME" and o.day is not None and start <= o.start < end for o in hits):
        return False
    return ctx.past(hit.start)


_PAREN = re.compile(r"\s*[(\[]\s*|\s*,\s*or\s+|\s*/\s*|\s+or\s+")


def _infer_zones(hits: list[_Hit], ctx: _Context) -> None:
    """"8:37 p.m. (5:37 p.m. GMT)": the local time's offset follows from the difference."""
    for a, b in zip(hits, hits[1:]):
        if (
            a.type == b.type == "TIME"
            and a.zone is None
            and b.zone is not None
            and a.minutes is not None
            and b.minutes is not None
            and _PAREN.fullmatch(ctx.text[a.end : b.start])
        ):
            offset = b.zone + a.minutes - b.minutes
            offset = (offset + 720) % 1440 - 720  # into -12:00..+11:59
            if offset % 15 == 0:
                a.zone = offset


_CONCRETE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


# "the ministry said on Thursday", "the Cabinet said today": when a report has a date of its own
# the event has another one, and "two days later" in what follows counts from the event.
_REPORTED = re.compile(
    r"\b(?:said|says|told(?:\s+[\w'’-]+){0,2}|announced|reported|confirmed|stated|added)\s+(?:on\s+|late\s+|early\s+)?$",
    re.IGNORECASE)


def _is_report_date(hit: _Hit, hits: list[_Hit], ctx: _Context) -> bool:
    """A date that only says when a statement was made, in a sentence that dates its event too."""
    if not _REPORTED.search(ctx.text, max(0, hit.start - 40), hit.start):
        return False
    start, end = ctx.sentence(hit.start)
    return any(
        other is not hit and start <= other.start < end and other.type in ("DATE", "TIME") and other.anaphor is None
        and _CONCRETE.match(other.day or other.value or "")
        for other in hits
    )


# A date the text denies ("first noticed it on February 27, not March 2 as the company has said",
# "on Monday rather than Tuesday") is no date anything happened on: "three days later" after it
# counts from the date before it.
_DENIED = re.compile(r"\b(?:not|rather\s+than|instead\s+of)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)


# Units an anaphor counts in ("the next day", "that week", "two months later"), fine to coarse.
_ANAPHOR_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def _resolve_anaphors(hits: list[_Hit], ctx: _Context) -> None:
    """Count "the next day" from the last concrete date before it, else from the anchor."""
    last: dt.date | None = ctx.date
    last_precision = "day"
    quarter: tuple[int, str] | None = None  # the last quarter mentioned: the one the results are for
    now = (ctx.date.year, (ctx.date.month + 2) // 3) if ctx.date else (0, 0)
    for hit in hits:
        if hit.year_ago and quarter is not None:
            # Quarterly results compare a quarter with the same one a year
            # before: after "third-quarter profit", "a year earlier" is last
            # year's third quarter (TimeBank annotates 45 of its 73 "a year
            # ago/earlier" and "year-ago" so; most of the rest are a year).
            hit.value, hit.precision, hit.anaphor = f"{quarter[0] - 1:04d}-Q{quarter[1]}", "quarter", None
            continue
        if hit.report is not None and quarter is not None:
            # "the latest period", "the 1988 period": the quarter being reported.
            hit.value = f"{hit.report or quarter[0]:04d}-Q{quarter[1]}"
            continue
        q = _QUARTER.match(hit.value or "")
        # Results are reported for a quarter already begun; a forecast's quarter is not the one compared.
        if q and hit.type == "DATE" and (ctx.date is None or (int(q[1]), int(q[2])) <= now):
            quarter = (int(q[1]), q[2])
        if hit.anaphor is not None:
            step, unit = hit.anaphor
            # "that week" after "in April 2025" names no one week of April: a unit finer than the
            # last date's precision cannot be counted from it (no date beats a guessed one).
            finer = _ANAPHOR_RANK.get(unit, len(_ANAPHOR_RANK)) < _ANAPHOR_RANK[last_precision]
            base = None if finer else last
            if float(step).is_integer() and unit in ("day", "week", "month", "year"):
                value, precision = _unit_value(base, unit, int(step))
            else:
                value, precision = _shift_value(base, unit, step)
            if hit.type == "TIME":
                hit.day = value
            else:
                hit.value, hit.precision = value, precision
            continue
        m = _CONCRETE.match(hit.day or hit.value or "")
        if m and hit.type in ("DATE", "TIME") and (
                _is_report_date(hit, hits, ctx) or _DENIED.search(ctx.text, max(0, hit.start - 20), hit.start)):
            continue
        if m and hit.type in ("DATE", "TIME"):
            last = dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            last_precision = "day" if m[3] else "month" if m[2] else "year"


# A duration of one unit as the rules write it: "PT45M", "P2D".
_ONE_UNIT = re.compile(r"^P(?P<t>T?)(?P<n>\d+(?:\.\d+)?)(?P<d>[YMWDHS])$")
_DESIGNATOR_UNITS = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day",
                     ("T", "H"): "hour", ("T", "M"): "minute", ("T", "S"): "second"}


def _join_compound_durations(hits: list[_Hit], ctx: _Context) -> list[_Hit]:
    """Join a duration written in parts ("one hour and 45 minutes") into one DURATION, PT1H45M,
    with the modifier of its first part (the same rule as the quantities', ``remainder_factor``)."""
    out: list[_Hit] = []
    for hit in hits:
        whole = out[-1] if out else None
        first = _ONE_UNIT.match(whole.value) if whole is not None and whole.type == "DURATION" else None
        part = _ONE_UNIT.match(hit.value) if hit.type == "DURATION" and not hit.modifier else None
        if whole is None or first is None or part is None or remainder_factor(
            _DESIGNATOR_UNITS[first["t"], first["d"]], _DESIGNATOR_UNITS[part["t"], part["d"]], float(part["n"]),
            ctx.text, whole.end, hit.start, hit.end,
        ) is None:
            out.append(hit)
            continue
        # The whole is in the larger unit: its date part (if any) comes before the time part.
        date_parts = "".join(f"{m['n']}{m['d']}" for m in (first, part) if not m["t"])
        time_parts = "".join(f"{m['n']}{m['d']}" for m in (first, part) if m["t"])
        whole.value = "P" + date_parts + ("T" + time_parts if time_parts else "")
        whole.end, whole.precision = hit.end, hit.precision
    return out


def _choose(hits: list[_Hit]) -> list[_Hit]:
    """Longest hits win; among equals, the earlier rule."""
    chosen: list[_Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: h.start - h.end):  # stable: rule order breaks ties
        if any(hit.start < e and s < hit.end for s, e in taken):
            continue
        chosen.append(hit)
        taken.append((hit.start, hit.end))
    return sorted(chosen, key=lambda h: h.start)


def _to_ref(hit: _Hit, text: str) -> TimeRef:
    value = hit.value
    if hit.type == "TIME":
        value = (hit.day or "XXXX-XX-XX") + (hit.clock or "")
        if hit.zone is not None and hit.minutes is not None:
            value += _zone_text(hit.zone)
    return TimeRef(
        text=text[hit.start : hit.end],
        start=hit.start,
        end=hit.end,
        type=hit.type,
        value=value,
        precision=hit.precision,
        modifier=hit.modifier,
    )


def find_times(text: str, anchor: dt.datetime | dt.date | None = None) -> list[TimeRef]:
    """Find time expressions in ``text`` and normalise them to TIMEX3 values relative to ``anchor``."""
    ctx = _Context(text, anchor)
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") lower-case to two
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits: list[_Hit] = []
    for rule in _RULES:
        for m in rule.finditer(text, lowered):
            result = rule.handler(m, ctx)
            if result is None:
                continue
            for hit in result if isinstance(result, list) else [result]:
                hits.append(hit)
    chosen = _join_compound_durations(_choose(hits), ctx)
    _extend_parts(chosen, ctx)
    chosen = _merge_time_dates(chosen, ctx)
    _resolve_anaphors(chosen, ctx)
    _attach_days(chosen, ctx)
    _infer_zones(chosen, ctx)
    return [_to_ref(hit, text) for hit in chosen]
