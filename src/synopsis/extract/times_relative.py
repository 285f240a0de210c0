"""Time rules for dates counted from the anchor or from the text.

Weekdays, "yesterday", "last week", seasons, quarters, "the next day", "two
years ago" and the comparisons of results reports ("a year earlier").
"""

from __future__ import annotations

import datetime as dt
import re

from synopsis.extract import times_grammar as g
from synopsis.extract.times_rules import (
    _NEXT_RELS,
    _PART_MODS,
    _PAST_RELS,
    _POD,
    _Context,
    _Hit,
    _rel,
    _rule,
    _year_of,
    attach_triggers,
)
from synopsis.extract.times_values import (
    _amount_mod,
    _duration,
    _shift_value,
    _unit_value,
)


# "extended the deadline until 9 a.m. Tuesday": a deadline runs to a coming day (but a
# sentence that opens "Until Thursday, they had ..." looks back).
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:[\w.:]+\s+){0,3}$")


# "a premium of 32 percent to Brightwater's closing price on Friday", "up 3 percent from
# Thursday's close", "the previous session on Friday": a price or session a deal or a move is
# measured from has already been set, whatever the sentence's verb promises ("will pay ...").
# The weekday belongs to that noun phrase, so its direction is the noun's, not the clause's.
# "close" only as a noun (after a determiner or a possessive): "the deal will close on Friday" is to come.
_PAST_REFERENCE = re.compile(
    r"(?:\b(?:closing|opening|share|stock|market)\s+(?:share\s+)?(?:price|prices|level|value|bell)"
    r"|\b(?:the|its|their|[\w-]+['’]s|previous|prior|last)\s+close"
    r"|\b(?:previous|prior|last)\s+(?:trading\s+)?(?:session|trading\s+day))\s+(?:on|of|from)\s+$",
    re.IGNORECASE)


def _weekday_date(ctx: _Context, weekday: int, rel: str | None, pos: int) -> str:
    """Date of a weekday relative to the anchor: the past one unless the sentence looks ahead."""
    d = ctx.date
    if d is None:
        return f"XXXX-WXX-{weekday}"
    today = d.isoweekday()
    if rel is None and _PAST_REFERENCE.search(ctx.text, max(0, pos - 60), pos):
        shift = -((today - weekday) % 7)
    elif rel in _PAST_RELS:
        shift = -((today - weekday) % 7 or 7)
    elif rel in _NEXT_RELS:
        shift = (weekday - today) % 7 or 7
    elif rel == "this":
        shift = weekday - today
    elif ctx.future(pos) or _UNTIL.search(ctx.text, max(0, pos - 25), pos):
        shift = (weekday - today) % 7
    else:
        shift = -((today - weekday) % 7)
    return (d + dt.timedelta(days=shift)).isoformat()


@_rule(
    r"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|coming|past|previous|the\s+following))\s+)?"
    rf"(?P<wd>{g.WEEKDAY})(?:\s+(?P<pod>{_POD})\b)?"
)
def _weekday(m: re.Match[str], ctx: _Context) -> _Hit:
    weekday = g.WEEKDAYS[m["wd"].lower()]
    rel = _rel(m["rel"])
    if rel is None and ctx.text.startswith(("'s", "’s"), m.end()):
        rel = "past"  # "Wednesday's ruling": an event already reported
        shift = (ctx.date.isoweekday() - weekday) % 7 if ctx.date else 0
        value = (ctx.date - dt.timedelta(days=shift)).isoformat() if ctx.date else f"XXXX-WXX-{weekday}"
    else:
        value = _weekday_date(ctx, weekday, rel, m.start())
    if m["pod"]:
        code = g.PARTS_OF_DAY[m["pod"].lower()]
        return _Hit(m.start(), m.end(), "TIME", "", "part-of-day", clock="T" + code, day=value)
    return _Hit(m.start(), m.end(), "DATE", value, "day", weekday=True)


_DEICTIC = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
            "the day after tomorrow": 2}  # fmt: skip


@_rule(
    r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight))"
    rf"(?:\s+(?P<pod>{_POD}))?\b"
)
def _deictic(m: re.Match[str], ctx: _Context) -> _Hit:
    word = _rel(m["w"])
    day = (ctx.date + dt.timedelta(days=_DEICTIC[word])).isoformat() if ctx.date else "XXXX-XX-XX"
    pod = m["pod"].lower() if m["pod"] else ("tonight" if word == "tonight" else None)
    if pod:
        return _Hit(m.start(), m.end(), "TIME", "", "part-of-day", clock="T" + g.PARTS_OF_DAY[pod], day=day)
    return _Hit(m.start(), m.end(), "DATE", day, "day")


@_rule(rf"\b(?P<rel>(?i:this|last|(?:early|earlier|late|later)\s+this|late\s+last))\s+(?P<pod>{_POD})\b")
def _part_of_day(m: re.Match[str], ctx: _Context) -> _Hit:
    rel = _rel(m["rel"])
    back = rel.endswith("last")
    day = (ctx.date - dt.timedelta(days=back)).isoformat() if ctx.date else "XXXX-XX-XX"
    mod = "START" if rel.startswith("early") else "END" if rel.startswith("late") else None
    clock = "T" + g.PARTS_OF_DAY[m["pod"].lower()]
    return _Hit(m.start(), m.end(), "TIME", "", "part-of-day", mod, clock=clock, day=day)


_CAL_UNIT = r"(?i:week|weekend|month|year|quarter|decade|century)"


@_rule(
    r"\b(?:(?P<ear>(?i:earlier|later))\s+)?(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|the\s+past|past|"
    r"the\s+coming|coming|the\s+previous|previous|the\s+following|following|the\s+current|current|the\s+next|"
    rf"the\s+last))\s+(?:(?i:fiscal)\s+)?(?P<u>{_CAL_UNIT})\b"
)
def _relative_unit(m: re.Match[str], ctx: _Context) -> _Hit:
    rel = _rel(m["rel"])
    unit = m["u"].lower()
    # "the past year" and "the coming weeks" are stretches of time (TimeBank
    # annotates them as durations); "last year" and "next week" name a period.
    if rel in ("the past", "past", "the coming", "coming", "the last") and unit != "weekend" and not m["ear"]:
        value, precision = _duration(1, unit)
        return _Hit(m.start(), m.end(), "DURATION", value, precision)
    n = -1 if rel in _PAST_RELS else 1 if rel in _NEXT_RELS else 0
    value, precision = _unit_value(ctx.date, unit, n)
    return _Hit(m.start(), m.end(), "DATE", value, precision)


@_rule(r"\b(?P<the>(?i:the))\s+(?P<u>(?i:weekend))\b")
def _the_weekend(m: re.Match[str], ctx: _Context) -> _Hit:
    if ctx.date is None:
        return _Hit(m.start(), m.end(), "DATE", "XXXX-WXX-WE", "week")
    weekday = ctx.date.isoweekday()
    if ctx.future(m.start()):
        n = 0 if weekday <= 6 else 1
    else:
        n = 0 if weekday >= 6 else -1
    return _Hit(m.start(), m.end(), "DATE", _unit_value(ctx.date, "weekend", n)[0], "week")


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@_rule(
    r"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|past|coming|the))\s+)?"
    rf"(?P<s>(?i:summer|winter|spring|autumn|fall))(?:(?:\s+of)?\s+(?P<y>{g.YEAR4}))?\b"
)
def _season(m: re.Match[str], ctx: _Context) -> _Hit | None:
    rel = _rel(m["rel"])
    word = m["s"].lower()
    code = g.SEASONS[word]
    if not m["y"] and word in ("fall", "spring") and rel in (None, "the"):
        return None  # "the fall of", "a spring offensive"
    if m["y"]:
        year: int | None = int(m["y"])
    elif ctx.date is None:
        year = None
    else:
        year = ctx.date.year
        start = _SEASON_START[code]
        if rel in _PAST_RELS:
            year -= ctx.date.month < start + 3
        elif rel in _NEXT_RELS:
            year += ctx.date.month >= start
    value = f"{year:04d}-{code}" if year is not None else f"XXXX-{code}"
    return _Hit(m.start(), m.end(), "DATE", value, "season")


@_rule(
    r"\b(?:(?P<the>(?i:the))\s+)?(?:(?P<rel>(?i:last|next|this|current|previous|latest|same|fiscal))\s+)?"
    r"(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final))[-\s]+(?i:quarter)\b"
    rf"(?:,?\s+(?:(?i:of)\s+)?(?:(?P<y>{g.YEAR4})|(?P<yrel>(?i:this|last|next))\s+(?i:year)))?"
)
def _quarter(m: re.Match[str], ctx: _Context) -> _Hit | None:
    q = g.ORDINALS[m["ord"].lower()]
    year = _year_of(m, ctx)
    if not m["y"] and not m["yrel"] and ctx.date is not None and not ctx.future(m.start()):
        year -= q > (ctx.date.month - 1) // 3 + 1  # a past quarter not yet reached is last year's
    value = f"{year:04d}-Q{q}" if year is not None else f"XXXX-Q{q}"
    return _Hit(m.start(), m.end(), "DATE", value, "quarter")


@_rule(
    rf"\b(?i:the)\s+(?P<y>{g.YEAR4})\s+(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th|final))[-\s]+)?"
    r"(?P<p>(?i:quarter|period))\b"
)
def _year_quarter(m: re.Match[str], ctx: _Context) -> _Hit:
    """"the 1988 third quarter"; "the 1988 period" in results is the reported quarter of that year."""
    year = int(m["y"])
    if m["ord"]:
        return _Hit(m.start(), m.end(), "DATE", f"{year:04d}-Q{g.ORDINALS[m['ord'].lower()]}", "quarter")
    return _Hit(m.start(), m.end(), "DATE", f"{year:04d}-QX", "quarter", report=year)


@_rule(
    r"\b(?i:the)\s+(?P<rel>(?i:latest|most\s+recent|just-ended|just\s+ended))\s+(?i:period)\b"
    r"|\b(?i:the)\s+(?:(?i:corresponding|comparable|same)\s+)?(?:(?i:quarter|period)\s+)"
    r"(?i:a\s+year\s+(?:ago|earlier)|(?:one|a)\s+year\s+before|(?:of\s+)?last\s+year)\b"
    r"|\b(?i:last\s+year['’]s\s+quarter)\b"
)
def _reported_period(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """"the latest period" of a results report: the quarter it reports on (or that quarter a year back)."""
    if ctx.date is None:
        return None
    value, _ = _unit_value(ctx.date, "quarter", -1)
    if m["rel"]:
        return _Hit(m.start(), m.end(), "DATE", value, "quarter", report=0)
    year, q = int(value[:4]) - 1, value[-1]
    return _Hit(m.start(), m.end(), "DATE", f"{year:04d}-Q{q}", "quarter", year_ago=True)


@_rule(r"\b(?i:the)\s+(?:(?P<rel>(?i:latest|most\s+recent|recent|current|just-ended|just\s+ended))\s+)?(?i:quarter)\b(?!\s+(?i:of|century))")
def _the_quarter(m: re.Match[str], ctx: _Context) -> _Hit:
    """"the latest quarter" in business news is the last one reported: the one before the anchor's."""
    rel = _rel(m["rel"])
    if ctx.date is None:
        return _Hit(m.start(), m.end(), "DATE", "XXXX-QX", "quarter")
    back = 0 if rel == "current" or (rel is None and ctx.future(m.start())) else -1
    return _Hit(m.start(), m.end(), "DATE", _unit_value(ctx.date, "quarter", back)[0], "quarter")


_ANAPHOR_STEP = {"that": 0, "the same": 0, "the next": 1, "the following": 1, "the previous": -1,
                 "the preceding": -1}  # fmt: skip


@_rule(
    r"\b(?:(?P<ear>(?i:earlier|later))\s+)?(?P<det>(?i:that|the\s+same|the\s+next|the\s+following|"
    rf"the\s+previous|the\s+preceding))\s+(?P<u>(?i:day|week|month|year)|{_POD})\b"
)
def _anaphor(m: re.Match[str], ctx: _Context) -> _Hit:
    """"the next day", "later that year": counted from the last date the text mentions."""
    step = _ANAPHOR_STEP[_rel(m["det"])]
    unit = m["u"].lower()
    if unit in g.PARTS_OF_DAY:
        return _Hit(m.start(), m.end(), "TIME", "", "part-of-day", clock="T" + g.PARTS_OF_DAY[unit],
                    anaphor=(step, "day"))  # fmt: skip
    return _Hit(m.start(), m.end(), "DATE", "", unit, anaphor=(step, unit))


@_rule(
    r"\b(?:(?i:the)\s+)?(?P<p>(?i:end|beginning|start|middle|close))\s+(?i:of)\s+"
    r"(?P<rel>(?i:the|this|last|next))\s+(?P<u>(?i:week|month|year|decade|century|quarter))\b"
)
def _part_of_unit(m: re.Match[str], ctx: _Context) -> _Hit:
    rel = _rel(m["rel"])
    value, precision = _unit_value(ctx.date, m["u"], -1 if rel == "last" else 1 if rel == "next" else 0)
    return _Hit(m.start(), m.end(), "DATE", value, "part-of-" + precision, _PART_MODS[m["p"].lower()], part_ok=False)


@_rule(
    rf"(?:\b(?P<mod>{g.AMOUNT_MOD})\s+)?(?P<n>\b{g.NUMBER}|\b(?i:{g.VAGUE}))(?P<half>\s+(?i:and\s+a\s+half))?"
    rf"[\s-]+(?P<u>{g.UNIT})\s+(?P<dir>(?i:ago|from\s+now|hence))\b",
    trigger=r"\bago\b|\bhence\b|\bfrom\s+now\b",
    back=90,
)
def _ago(m: re.Match[str], ctx: _Context) -> _Hit:
    amount = g.parse_amount(m["n"])
    future = not m["dir"].lower().startswith("ago")
    mod = _amount_mod(m["mod"])
    if amount is None:
        return _Hit(m.start(), m.end(), "DATE", "FUTURE_REF" if future else "PAST_REF", None, mod)
    amount += 0.5 if m["half"] else 0
    value, precision = _shift_value(ctx.date, m["u"], amount if future else -amount)
    year_ago = not future and amount == 1 and mod is None and g.unit_of(m["u"])[0] == "Y"
    return _Hit(m.start(), m.end(), "DATE", value, precision, mod, year_ago=year_ago)


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)


@_rule(
    rf"(?:\b(?P<mod>{g.AMOUNT_MOD})\s+)?(?P<n>\b{g.NUMBER})(?P<half>\s+(?i:and\s+a\s+half))?"
    r"[\s-]+(?P<u>(?i:days?|weeks?|months?|years?|decades?))\s+(?P<dir>(?i:earlier|later))\b",
    trigger=r"\bearlier\b|\blater\b",
    back=70,
)
def _earlier_later(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """"a year earlier", "two days later": counted from the last date the text mentions."""
    amount = g.parse_amount(m["n"])
    if amount is None:
        return None
    amount += 0.5 if m["half"] else 0
    mod = _amount_mod(m["mod"])
    if _THAN.match(ctx.text, m.end()):
        # "two days earlier than the date the ministry gave": a distance from what follows "than",
        # not a date counted from the last one the text mentions ("identified on 6 July, two days
        # earlier than ..." is not 4 July).
        value, precision = _duration(amount, m["u"])
        return _Hit(m.start(), m.end("u"), "DURATION", value, precision, mod)
    step = -amount if m["dir"].lower() == "earlier" else amount
    unit = g.unit_of(m["u"])[2]
    return _Hit(m.start(), m.end(), "DATE", "", unit, mod, anaphor=(step, unit),
                year_ago=step == -1 and unit == "year" and mod is None)  # fmt: skip


@_rule(
    r"\b(?:(?P<the>(?i:the))\s+(?:(?i:comparable|corresponding|same)\s+)?)?(?P<y>(?i:year-(?:ago|earlier)))"
    r"(?:\s+(?:(?P<ord>(?i:first|second|third|fourth))[-\s]+)?(?P<p>(?i:quarter|period))\b)?",
    trigger=r"year-(?:ago|earlier)",
    back=20,
    fwd=20,
)
def _year_ago_adjective(m: re.Match[str], ctx: _Context) -> _Hit:
    """"year-earlier profit", "the year-ago quarter": the results' period one year back.

    Business news compares a period with the same one a year before; TimeBank
    annotates the comparison as that period (a quarter when the report is about
    one, else the year).
    """
    # "the year-earlier profit": the article belongs to "profit", not to the time.
    start = m.start() if m["p"] else m.start("y")
    if m["ord"] and ctx.date is not None:
        q = g.ORDINALS[m["ord"].lower()]
        return _Hit(start, m.end(), "DATE", f"{ctx.date.year - 1:04d}-Q{q}", "quarter")
    value, precision = _unit_value(ctx.date, "year", -1)
    return _Hit(start, m.end(), "DATE", value, precision, year_ago=True)

# Triggers of the rules above that have none (see ``times_rules._Rule``), by handler, in rule order.
attach_triggers({
    "_weekday": [(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", 30, 12)],
    "_deictic": [(r"today|yesterday|tomorrow|tonight", 25, 12)],
    "_part_of_day": [(r"morning|afternoon|evening|night", 20, 0)],
    "_relative_unit": [(r"week|month|year|quarter|decade|century", 40, 2)],
    "_the_weekend": [(r"weekend", 5, 0)],
    "_season": [(r"summer|winter|spring|autumn|fall", 25, 12)],
    "_quarter": [(r"quarter", 40, 25)],
    "_year_quarter": [(r"quarter|period", 30, 0)],
    "_reported_period": [(r"period|year", 30, 16)],
    "_the_quarter": [(r"quarter", 30, 0)],
    "_anaphor": [(r"day|week|month|year|morning|afternoon|evening|night", 40, 0)],
    "_part_of_unit": [(r"week|month|year|decade|century|quarter", 50, 2)],
})
