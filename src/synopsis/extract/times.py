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

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, TU, relativedelta

from synopsis.extract import times_grammar as g
from synopsis.records import TimeRef

__all__ = ["find_times"]


@dataclass(slots=True)
class _Hit:
    """A candidate expression; TIME parts stay separate until the date is known."""

    start: int
    end: int
    type: str
    value: str
    precision: str | None = None
    modifier: str | None = None
    clock: str | None = None  # "T20:37" or "TMO" for TIMEs
    minutes: int | None = None  # clock time in minutes after midnight, for zone arithmetic
    zone: int | None = None  # UTC offset in minutes
    day: str | None = None  # the TIME's own date, if it states one
    part_ok: bool = True  # may take "the end of"/"early" in front
    weekday: bool = False  # a bare weekday, resolved by tense
    anaphor: tuple[float, str] | None = None  # ("the next", "day") -> (1, "day"): relative to the last date


class _Context:
    """The text, the anchor date and cheap sentence bounds for tense and date context."""

    # A sentence ends at . ! ? before a capital, or at a line break.  Wire copy
    # abbreviates months ("Aug. 7"), so a digit after the stop does not end one.
    _END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n")
    # Future cues: with them a bare "Friday" is the coming one; news mostly
    # reports the past, so the past is the default.
    # The verb nearest before the expression decides ("said Friday he will go"
    # is past); with none before it, the first one after.
    _TENSE = re.compile(
        r"(?P<f>\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|scheduled|expected|plans?\s+to|"
        r"planned|set\s+to|due|would|should|must|could|might|may|as\s+soon\s+as|upcoming|intends?\s+to|"
        r"aims?\s+to|hopes?\s+to|tomorrow)\b|'ll\b)"
        r"|(?P<p>\b(?:was|were|had|did|said|says|told|ago|yesterday|last|\w{3,}ed)\b)",
        re.IGNORECASE,
    )

    def __init__(self, text: str, anchor: dt.datetime | dt.date | None):
        self.text = text
        self.date: dt.date | None = None
        self.zone: int | None = None
        if isinstance(anchor, dt.datetime):
            self.date = anchor.date()
            offset = anchor.utcoffset()
            self.zone = int(offset.total_seconds() // 60) if offset is not None else None
        elif isinstance(anchor, dt.date):
            self.date = anchor
        self.bounds = [m.end() for m in self._END.finditer(text)]

    def sentence(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence around ``pos``."""
        i = bisect.bisect_right(self.bounds, pos)
        start = self.bounds[i - 1] if i else 0
        end = self.bounds[i] if i < len(self.bounds) else len(self.text)
        return start, end

    def future(self, pos: int) -> bool:
        """True when the sentence around ``pos`` talks about the future."""
        start, end = self.sentence(pos)
        before = after = None
        for m in self._TENSE.finditer(self.text, start, end):
            if m.start() < pos:
                before = m
            elif after is None and m.start() > pos + 3:
                after = m
                break
        cue = before or after
        return cue is not None and cue["f"] is not None


# ---------------------------------------------------------------------------
# Value helpers
# ---------------------------------------------------------------------------


def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(anchor: dt.date, month: int, day: int, future: bool = False) -> int:
    """Year that puts month/day nearest the anchor, leaning 90 days towards the tense."""

    def cost(year: int) -> int:
        d = _safe_date(year, month, day) or dt.date(year, month, 28)
        gap = (d - anchor).days
        return abs(gap) + (180 if (gap > 0 and not future) or (gap < 0 and future) else 0)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)


def _nearest_month_year(anchor: dt.date, month: int, future: bool) -> int:
    """Year of a bare month: the nearest one, leaning six months towards the tense.

    "in December" in a July report of the past is last December, but "by the end
    of August" in a July report is this August whatever the tense of the verb.
    """
    def cost(year: int) -> int:
        gap = (year - anchor.year) * 12 + month - anchor.month
        return abs(gap) + (6 if (gap > 0 and not future) or (gap < 0 and future) else 0)

    # Ties go to the anchor's year, as TimeBank's annotators read bare months.
    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)


def _unit_value(d: dt.date | None, unit: str, n: int) -> tuple[str, str]:
    """Value and precision of the calendar unit ``n`` steps from the anchor ("last month")."""
    unit = unit.lower()
    if unit in ("day", "night"):
        return ((d + dt.timedelta(days=n)).isoformat() if d else "XXXX-XX-XX"), "day"
    if unit in ("week", "fortnight"):
        return (_week(d + dt.timedelta(weeks=n)) if d else "XXXX-WXX"), "week"
    if unit == "weekend":
        return (_week(d + dt.timedelta(weeks=n)) + "-WE" if d else "XXXX-WXX-WE"), "week"
    if unit == "month":
        return ((d + relativedelta(months=n)).strftime("%Y-%m") if d else "XXXX-XX"), "month"
    if unit == "quarter":
        if not d:
            return "XXXX-QX", "quarter"
        q = d + relativedelta(months=3 * n)
        return f"{q.year:04d}-Q{(q.month - 1) // 3 + 1}", "quarter"
    if unit == "year":
        return (f"{d.year + n:04d}" if d else "XXXX"), "year"
    if unit == "decade":
        return (f"{(d.year + 10 * n) // 10:03d}" if d else "XXX"), "decade"
    if unit in ("century", "centurie"):
        return (f"{(d.year + 100 * n) // 100:02d}" if d else "XX"), "century"
    raise KeyError(unit)


def _shift_value(d: dt.date | None, unit: str, amount: float) -> tuple[str, str]:
    """Value of the date ``amount`` units from the anchor ("two days ago": amount -2)."""
    unit = unit.lower()
    designator, is_time, _precision = g.unit_of(unit)
    if not d:
        return _unit_value(None, {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year",
                                  "DE": "decade", "CE": "century"}.get(designator, "day"), 0)  # fmt: skip
    if is_time:
        # A date-only anchor cannot place "an hour ago" closer than its day.
        return d.isoformat(), "day"
    days = {"D": 1, "W": 7}.get(designator)
    if days:
        target = d + dt.timedelta(days=round(amount * days * (2 if unit.startswith("fortnight") else 1)))
        return (target.isoformat(), "day") if designator == "D" else (_week(target), "week")
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[designator]
    target = d + relativedelta(months=round(amount * months))
    if designator == "M":
        return target.strftime("%Y-%m"), "month"
    if designator == "Q":
        return f"{target.year:04d}-Q{(target.month - 1) // 3 + 1}", "quarter"
    if designator == "Y":
        return f"{target.year:04d}", "year"
    if designator == "DE":
        return f"{target.year // 10:03d}", "decade"
    return f"{target.year // 100:02d}", "century"


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


# Fractions of a unit are written in the next smaller unit where TimeML has one
# ("half an hour" -> PT30M), as TimeBank does ("a minute and a half" -> PT1M30S).
_SMALLER = {("H", True): (60, "M", True), ("M", True): (60, "S", True), ("D", False): (24, "H", True),
            ("Y", False): (12, "M", False), ("W", False): (7, "D", False)}  # fmt: skip


_YEARS_PER = {"DE": 10, "CE": 100, "ML": 1000}


def _duration(amount: float | None, unit: str) -> tuple[str, str]:
    """TIMEX3 duration value and precision ("three and a half", "hours" -> PT3.5H)."""
    designator, is_time, precision = g.unit_of(unit)
    if unit.lower().startswith("fortnight") and amount is not None:
        amount *= 2
    if amount is None:
        return ("PTX" if is_time else "PX") + designator, precision
    # Decades and centuries as years: ISO 8601 has no designator for them.
    if designator in _YEARS_PER:
        amount, designator = amount * _YEARS_PER[designator], "Y"
    if amount < 1 and (designator, is_time) in _SMALLER:
        factor, designator, is_time = _SMALLER[(designator, is_time)]
        amount *= factor
    return ("PT" if is_time else "P") + _number(amount) + designator, precision


def _zone_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _amount_mod(text: str | None) -> str | None:
    return g.AMOUNT_MODS.get(" ".join(text.lower().split())) if text else None


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

_Handler = Callable[[re.Match[str], _Context], "_Hit | list[_Hit] | None"]



@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    # Python's re tries a pattern at every position of the text; patterns that
    # open with optional modifiers and number words cost ~1 ms per 2,000
    # characters each.  A cheap trigger (the unit word, "ago", a clock digit)
    # finds the few places worth trying; the pattern then runs only within
    # ``back`` characters before and ``fwd`` after each trigger.  Triggers are
    # lower-case literals run on the lower-cased text: case-insensitive
    # alternations defeat re's literal search and cost 25x more.
    trigger: re.Pattern[str] | None = None
    back: int = 0
    fwd: int = 0

    def finditer(self, text: str, lowered: str) -> list[re.Match[str]]:
        if self.trigger is None:
            return list(self.pattern.finditer(text))
        windows: list[list[int]] = []
        for t in self.trigger.finditer(lowered):
            lo, hi = max(0, t.start() - self.back), min(len(text), t.end() + self.fwd)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        return [m for lo, hi in windows for m in self.pattern.finditer(text, lo, hi)]


_RULES: list[_Rule] = []


def _rule(pattern: str, trigger: str | None = None, back: int = 0, fwd: int = 0) -> Callable[[_Handler], _Handler]:
    """Register a handler for a pattern (compiled once, at import), optionally behind a trigger."""
    # Only word starts can begin an expression: checking that first lets re
    # reject most positions before it tries the long alternations.
    compiled = re.compile(r"(?<!\w)(?=[\w'’])(?:" + pattern + ")")
    compiled_trigger = re.compile(trigger) if trigger else None

    def register(handler: _Handler) -> _Handler:
        _RULES.append(_Rule(compiled, handler, compiled_trigger, back, fwd))
        return handler

    return register


_PAST_RELS = {"last", "past", "this past", "previous", "the previous", "the past", "the last"}
_NEXT_RELS = {"next", "coming", "this coming", "following", "the following", "the next", "the coming"}


def _rel(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def _time_hit(m: re.Match[str], ctx: _Context, hour: int, minute: int) -> _Hit:
    """A TIME hit from a clock time, with its zone and modifier if given."""
    zone = None
    groups = m.groupdict()
    month = ctx.date.month if ctx.date else None
    if groups.get("zabbr"):
        zone = g.zone_offset(groups["zabbr"], month)
        if zone is not None and groups.get("zoff"):
            sign = -1 if groups["zoff"][0] == "-" else 1
            digits = groups["zoff"][1:].replace(":", "")
            hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
            zone += sign * (int(hours) * 60 + int(mins))
    elif groups.get("zname") and groups["zname"].lower() != "local":
        zone = g.zone_offset(m.group(0)[m.start("zname") - m.start():], month)
    mod = g.TIME_MODS.get(" ".join(groups["mod"].lower().split())) if groups.get("mod") else None
    clock = "T24:00" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    return _Hit(m.start(), m.end(), "TIME", "", "minute", mod, clock=clock, minutes=hour * 60 + minute, zone=zone)


@_rule(
    r"(?<![\w.-])(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)"
    r"(?::\d\d(?:\.\d+)?)?(?P<z>Z|[+-]\d\d:?\d\d)?)?(?![\w-])"
)
def _iso(m: re.Match[str], ctx: _Context) -> _Hit | None:
    day = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if day is None:
        return None
    if m["h"] is None:
        return _Hit(m.start(), m.end(), "DATE", day.isoformat(), "day")
    hit = _Hit(m.start(), m.end(), "TIME", "", "minute", clock=f"T{m['h']}:{m['mi']}", day=day.isoformat())
    if m["z"]:
        z = m["z"]
        hit.zone = 0 if z == "Z" else (1 if z[0] == "+" else -1) * (int(z[1:3]) * 60 + int(z[-2:]))
    return hit


@_rule(r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)")
def _numeric_date(m: re.Match[str], ctx: _Context) -> _Hit | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        if m["sep"] == ".":
            return None  # "1.2.25" is as likely a version number as a date
        y += 2000 if y < 50 else 1900
    # Dotted dates are European (day.month.year); slashed ones American
    # (month/day/year) unless the first number cannot be a month.
    day, month = (a, b) if m["sep"] == "." or a > 12 else (b, a)
    d = _safe_date(y, month, day)
    return _Hit(m.start(), m.end(), "DATE", d.isoformat(), "day") if d else None


def _day_month_year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    month = g.month_number(m["mo"])
    day = int(re.match(r"\d+", m["d"]).group(0))
    if not month or day > 31:
        return None
    if m["y"]:
        d = _safe_date(int(m["y"]), month, day)
        return _Hit(m.start(), m.end(), "DATE", d.isoformat(), "day") if d else None
    if ctx.date is None:
        return _Hit(m.start(), m.end(), "DATE", f"XXXX-{month:02d}-{day:02d}", "day")
    rel = _rel(m.groupdict().get("rel"))
    future = rel in _NEXT_RELS if rel in _NEXT_RELS | _PAST_RELS else ctx.future(m.start())
    d = _safe_date(_nearest_year(ctx.date, month, day, future), month, day)
    return _Hit(m.start(), m.end(), "DATE", d.isoformat(), "day") if d else None


_rule(
    rf"\b(?:(?i:the)\s+)?(?P<d>{g.DAY})(?:\s+of)?\s+(?P<mo>{g.MONTH})"
    rf"(?:,?\s+(?P<y>{g.YEAR4}))?"
)(_day_month_year)
_rule(
    rf"\b(?:(?P<rel>(?i:last|this|next|this\s+past|this\s+coming))\s+)?(?P<mo>{g.MONTH})\s+(?:the\s+)?(?P<d>{g.DAY})"
    rf"(?:,?\s+(?P<y>{g.YEAR4}))?"
)(_day_month_year)


def _day_range(m: re.Match[str], ctx: _Context) -> list[_Hit] | None:
    """"July 23-24" and "23-24 July 2025": two dates, each with its own span."""
    month = g.month_number(m["mo"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if not month or not d1 < d2 <= 31:
        return None
    if m["y"]:
        year: int | None = int(m["y"])
    else:
        year = _nearest_year(ctx.date, month, d1) if ctx.date else None
    hits = []
    for day, (s, e) in ((d1, m.span("d1")), (d2, m.span("d2"))):
        value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"
        if year and _safe_date(year, month, day) is None:
            return None
        hits.append(_Hit(s, e, "DATE", value, "day"))
    # The month (and year) belong to both dates: widen the outer spans over them.
    if m.start("mo") < m.start("d1"):
        hits[0].start = m.start()
    else:
        hits[1].end = m.end()
    if m["y"]:
        hits[1].end = m.end()
    return hits


_RANGE = r"(?:\s*[-–]\s*|\s+(?:and|to|through|or)\s+)"
_rule(rf"\b(?P<mo>{g.MONTH})\s+(?P<d1>\d{{1,2}}){_RANGE}(?P<d2>\d{{1,2}})(?![\d:])(?:,?\s+(?P<y>{g.YEAR4}))?")(
    _day_range
)
_rule(rf"\b(?P<d1>\d{{1,2}}){_RANGE}(?P<d2>\d{{1,2}})\s+(?P<mo>{g.MONTH})(?:,?\s+(?P<y>{g.YEAR4}))?")(_day_range)


@_rule(rf"\b(?P<mo>{g.MONTH}),?\s+(?:of\s+)?(?:(?P<y>{g.YEAR4})|(?P<yrel>(?i:this|last|next))\s+(?i:year)\b)")
def _month_year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    month = g.month_number(m["mo"])
    year = _year_of(m, ctx)
    value = f"{year:04d}-{month:02d}" if year is not None else f"XXXX-{month:02d}"
    return _Hit(m.start(), m.end(), "DATE", value, "month") if month else None


# Words after which a bare month name is a month ("in May", "since March").
_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|through|to|before|after|during|early|late|mid|end|"
    r"between|last|next|this|each|every)[\s-]+|[-–]\s*)$",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"\s+[A-Z][a-z]")
_NAME_OF = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")  # "the March of the Mothers"


@_rule(rf"\b(?:(?P<rel>(?i:last|next|this|this\s+past|this\s+coming|past|coming))\s+)?(?P<mo>{g.MONTH})")
def _month(m: re.Match[str], ctx: _Context) -> _Hit | None:
    month = g.month_number(m["mo"])
    rel = _rel(m["rel"])
    if not month:
        return None
    if rel is None:
        before = ctx.text[max(0, m.start() - 12) : m.start()]
        if not _MONTH_CONTEXT.search(before):
            word = m["mo"].rstrip(".")
            # "April Ryan", "May said", "Jan Smith": names and the modal verb.
            if (
                len(word) <= 3
                or word.lower() == "may"
                or _CAPITALISED.match(ctx.text, m.end())
                or _NAME_OF.match(ctx.text, m.end())
            ):
                return None
    if ctx.date is None:
        return _Hit(m.start(), m.end(), "DATE", f"XXXX-{month:02d}", "month")
    year = ctx.date.year
    now = ctx.date.month
    if rel in _PAST_RELS:
        year -= month >= now
    elif rel in _NEXT_RELS:
        year += month <= now
    elif rel is None:
        year = _nearest_month_year(ctx.date, month, ctx.future(m.start()))
    return _Hit(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", "month")


@_rule(rf"(?P<y>{g.YEAR_FREE})")
def _year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    return _Hit(m.start(), m.end(), "DATE", m["y"], "year")


@_rule(rf"(?<![\w$£€#.,/-])(?P<y1>{g.YEAR4})\s*[-–/]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d)")
def _year_range(m: re.Match[str], ctx: _Context) -> list[_Hit] | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 100 or not 1600 <= y1 <= 2099:
        return None
    return [
        _Hit(m.start("y1"), m.end("y1"), "DATE", f"{y1:04d}", "year"),
        _Hit(m.start("y2"), m.end("y2"), "DATE", f"{y2:04d}", "year"),
    ]


@_rule(r"(?:\b(?P<the>(?i:the))\s+)?(?:\b(?P<c>1[0-9]|20)(?P<dd>\d)0|['’](?P<dd2>\d)0)['’]?s\b")
def _decade(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["c"]:
        value = m["c"] + m["dd"]
    else:
        if not m["the"]:
            return None
        century = 19 if ctx.date is None or int(m["dd2"]) * 10 > ctx.date.year % 100 else 20
        value = f"{century}{m['dd2']}"
    return _Hit(m.start(), m.end(), "DATE", value, "decade")


@_rule(
    r"\b(?:(?i:the)\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:" + g._alt(list(g.CENTURY_ORDINALS)) + r"))[\s-]+(?i:century)\b"
)
def _century(m: re.Match[str], ctx: _Context) -> _Hit | None:
    n = m["n"].lower()
    number = int(n[:-2]) if n[0].isdigit() else g.CENTURY_ORDINALS[" ".join(n.split())]
    return _Hit(m.start(), m.end(), "DATE", f"{number - 1:02d}", "century")


def _weekday_date(ctx: _Context, weekday: int, rel: str | None, pos: int) -> str:
    """Date of a weekday relative to the anchor: the past one unless the sentence looks ahead."""
    d = ctx.date
    if d is None:
        return f"XXXX-WXX-{weekday}"
    today = d.isoweekday()
    if rel in _PAST_RELS:
        shift = -((today - weekday) % 7 or 7)
    elif rel in _NEXT_RELS:
        shift = (weekday - today) % 7 or 7
    elif rel == "this":
        shift = weekday - today
    elif ctx.future(pos):
        shift = (weekday - today) % 7
    else:
        shift = -((today - weekday) % 7)
    return (d + dt.timedelta(days=shift)).isoformat()


_POD = r"(?i:morning|afternoon|evening|night)"


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
    rf"the\s+last))\s+(?P<u>{_CAL_UNIT})\b"
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


def _year_of(m: re.Match[str], ctx: _Context, group: str = "y", rel_group: str = "yrel") -> int | None:
    if m.groupdict().get(group):
        return int(m[group])
    rel = _rel(m.groupdict().get(rel_group))
    if ctx.date is None:
        return None
    return ctx.date.year + (-1 if rel == "last" else 1 if rel == "next" else 0)


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


@_rule(r"\b(?i:the)\s+(?:(?P<rel>(?i:latest|most\s+recent|recent|current|just-ended|just\s+ended))\s+)?(?i:quarter)\b(?!\s+(?i:of|century))")
def _the_quarter(m: re.Match[str], ctx: _Context) -> _Hit:
    """"the latest quarter" in business news is the last one reported: the one before the anchor's."""
    rel = _rel(m["rel"])
    if ctx.date is None:
        return _Hit(m.start(), m.end(), "DATE", "XXXX-QX", "quarter")
    back = 0 if rel == "current" or (rel is None and ctx.future(m.start())) else -1
    return _Hit(m.start(), m.end(), "DATE", _unit_value(ctx.date, "quarter", back)[0], "quarter")


def _holiday_date(name: str, year: int) -> dt.date:
    """Date of a holiday in a year (fixed dates, Easter-based, and nth-weekday US holidays)."""
    fixed = g.HOLIDAYS_FIXED.get(name)
    if fixed:
        return dt.date(year, *fixed)
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "easter monday":
        return easter(year) + dt.timedelta(days=1)
    if name in ("thanksgiving", "thanksgiving day"):
        return dt.date(year, 11, 1) + relativedelta(weekday=TH(4))
    if name == "labor day":
        return dt.date(year, 9, 1) + relativedelta(weekday=MO(1))
    if name == "memorial day":
        return dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))
    if name == "election day":  # US: the Tuesday after the first Monday of November
        return dt.date(year, 11, 2) + relativedelta(weekday=TU(1))
    raise KeyError(name)


@_rule(
    rf"\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>{g.HOLIDAY})(?:,?\s+(?P<y>{g.YEAR4}))?"
)
def _holiday(m: re.Match[str], ctx: _Context) -> _Hit:
    name = " ".join(m["h"].lower().replace("’", "'").split())
    if m["y"]:
        return _Hit(m.start(), m.end(), "DATE", _holiday_date(name, int(m["y"])).isoformat(), "day")
    if ctx.date is None:
        return _Hit(m.start(), m.end(), "DATE", "XXXX-XX-XX", "day")
    rel = _rel(m["rel"])
    if rel in ("last", "next"):
        candidates = [_holiday_date(name, y) for y in (ctx.date.year - 1, ctx.date.year, ctx.date.year + 1)]
        if rel == "last":
            d = max(c for c in candidates if c < ctx.date)
        else:
            d = min(c for c in candidates if c > ctx.date)
    else:
        this_year = _holiday_date(name, ctx.date.year)
        future = rel == "this" or ctx.future(m.start())
        year = _nearest_year(ctx.date, this_year.month, this_year.day, future)
        d = _holiday_date(name, year)
    return _Hit(m.start(), m.end(), "DATE", d.isoformat(), "day")


_SPELLED_YEAR = re.compile(r"(?i:nineteen|eighteen|twenty|two\s+thousand(?:\s+and)?)")


@_rule(
    r"\b(?:(?i:the\s+year)\s+)?(?P<c>(?i:nineteen|eighteen))[\s-]+(?P<r>" + g.NUMWORD_YEAR + r")\b"
    r"|\b(?i:the\s+year)\s+(?P<t>(?i:two\s+thousand)(?:(?:\s+and)?\s+(?P<r2>" + g.NUMWORD_YEAR + r"))?)\b"
)
def _spelled_year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    """Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    if m["c"]:
        rest = g.parse_amount(m["r"].replace("oh ", "").replace("oh-", ""))
        if rest is None or rest >= 100:
            return None
        year = (19 if m["c"].lower() == "nineteen" else 18) * 100 + int(rest)
    else:
        rest = g.parse_amount(m["r2"]) if m["r2"] else 0
        if rest is None or rest >= 100:
            return None
        year = 2000 + int(rest)
    return _Hit(m.start(), m.end(), "DATE", f"{year:04d}", "year")


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


@_rule(rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{g.YEAR4}))?\b|\b(?P<y2>{g.YEAR4})\s+Q(?P<q2>[1-4])\b")
def _quarter_code(m: re.Match[str], ctx: _Context) -> _Hit:
    q = m["q"] or m["q2"]
    year = m["y"] or m["y2"] or (f"{ctx.date.year:04d}" if ctx.date else "XXXX")
    return _Hit(m.start(), m.end(), "DATE", f"{year}-Q{q}", "quarter")


@_rule(
    r"\b(?:(?i:the)\s+)?(?P<ord>(?i:first|second|1st|2nd|latter))\s+(?i:half)\s+(?i:of)\s+"
    rf"(?:(?P<y>{g.YEAR4})|(?P<yrel>(?i:the|this|last|next))\s+(?i:year))"
    rf"|\bH(?P<h>[12])\s+(?P<y2>{g.YEAR4})\b"
)
def _half(m: re.Match[str], ctx: _Context) -> _Hit:
    half = int(m["h"]) if m["h"] else (1 if m["ord"].lower() in ("first", "1st") else 2)
    year = int(m["y2"]) if m["y2"] else _year_of(m, ctx)
    value = f"{year:04d}-H{half}" if year is not None else f"XXXX-H{half}"
    return _Hit(m.start(), m.end(), "DATE", value, "half")


_PART_MODS = {"end": "END", "close": "END", "late": "END", "latter part": "END", "beginning": "START",
              "start": "START", "early": "START", "early part": "START", "middle": "MID", "mid": "MID",
              "dawn": "START"}  # fmt: skip


@_rule(
    r"\b(?:(?i:the)\s+)?(?P<p>(?i:end|beginning|start|middle|close))\s+(?i:of)\s+"
    r"(?P<rel>(?i:the|this|last|next))\s+(?P<u>(?i:week|month|year|decade|century|quarter))\b"
)
def _part_of_unit(m: re.Match[str], ctx: _Context) -> _Hit:
    rel = _rel(m["rel"])
    value, precision = _unit_value(ctx.date, m["u"], -1 if rel == "last" else 1 if rel == "next" else 0)
    return _Hit(m.start(), m.end(), "DATE", value, "part-of-" + precision, _PART_MODS[m["p"].lower()], part_ok=False)


_NUMSTRICT = rf"(?:\d+(?:[.,]\d+)?|(?i:{g.NUMWORD}))"


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
    return _Hit(m.start(), m.end(), "DATE", value, precision, mod)


_UNIT_TRIGGER = r"sec|min|hour|hr|day|night|week|fortnight|month|quarter|year|yr|decade|centur|millenni"

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
    step = -amount if m["dir"].lower() == "earlier" else amount
    unit = g.unit_of(m["u"])[2]
    return _Hit(m.start(), m.end(), "DATE", "", unit, _amount_mod(m["mod"]), anaphor=(step, unit))


_RELATIVE_RIGHT = re.compile(r"\s+(?:earlier|later|ago|before|after)\b", re.IGNORECASE)
# Before a number: the amount is a rate ("$5 a year", "twice a day").
_RATE_LEFT = re.compile(r"(?:\d[\d,.]*%?|percent|once|twice|times)(?:\s+[A-Za-z]+){0,2}\s*$", re.IGNORECASE)


@_rule(rf"\b(?P<a>(?i:per|a|an))\s+(?P<u>(?i:second|minute|hour|day|night|week|month|quarter|year))\b")
def _rate(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["a"].lower() != "per" and (
        not _RATE_LEFT.search(ctx.text, max(0, m.start() - 40), m.start())
        or _RELATIVE_RIGHT.match(ctx.text, m.end())
    ):
        return None
    value, precision = _duration(1, m["u"])
    return _Hit(m.start(), m.end(), "SET", value, precision)


@_rule(
    rf"(?:\b(?P<mod>{g.AMOUNT_MOD})\s+)?(?:(?i:between)\s+)?(?P<n1>\b{_NUMSTRICT})\s*(?:-|–|\s(?i:to|or|and)\s)\s*"
    rf"(?P<n2>{_NUMSTRICT})(?:\s+|-)(?P<u>{g.UNIT})",
    trigger=_UNIT_TRIGGER,
    back=90,
    fwd=1,
)
def _duration_range(m: re.Match[str], ctx: _Context) -> list[_Hit] | None:
    a, b = g.parse_amount(m["n1"]), g.parse_amount(m["n2"])
    if a is None or b is None or a >= b:
        return None
    first, precision = _duration(a, m["u"])
    second, _ = _duration(b, m["u"])
    start = m.start("mod") if m["mod"] else m.start("n1")
    return [
        _Hit(start, m.end("n1"), "DURATION", first, precision, "EQUAL_OR_MORE"),
        _Hit(m.start("n2"), m.end(), "DURATION", second, precision, "EQUAL_OR_LESS"),
    ]


@_rule(
    rf"(?:\b(?P<mod>{g.AMOUNT_MOD})\s+)?(?:\b(?P<the>(?i:the|its|their|his|her))\s+)?"
    r"(?:(?P<rel>(?i:past|last|next|first|final|previous|coming|following|remaining|initial|entire|whole|"
    r"full|additional|same|latest|recent))\s+)?"
    rf"(?P<n>\b{g.NUMBER}|\b(?i:{g.VAGUE}))(?P<half>\s+(?i:and\s+a\s+half))?(?:\s+|-)"
    r"(?:(?P<adj>(?i:more|additional|full|straight|consecutive|long|successive|further|extra))\s+)?"
    rf"(?P<u>{g.UNIT})(?P<half2>\s+(?i:and\s+a\s+half))?(?P<suffix>-(?i:long|old)\b|\s+(?i:old)\b)?",
    trigger=_UNIT_TRIGGER,
    back=90,
    fwd=16,
)
def _duration_rule(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["suffix"] and "old" in m["suffix"].lower():
        return None  # ages ("a 47-year-old man") are not time expressions in TimeML
    amount = g.parse_amount(m["n"])
    if amount is not None:
        amount += 0.5 if (m["half"] or m["half2"]) else 0
    start = m.start()
    mod = _amount_mod(m["mod"])
    if m["mod"] and m["the"] and m["mod"].lower() == "over":
        start, mod = m.start("the"), None  # "over the past two years" is "during"
    value, precision = _duration(amount, m["u"])
    if (
        amount is not None
        and not m["the"]
        and not m["rel"]
        and not m["mod"]
        and re.search(r"\bin\s+$", ctx.text[max(0, start - 4) : start], re.IGNORECASE)
        and ctx.future(start)
    ):
        # "talks will resume in three weeks": a date counted from the anchor.
        value, precision = _shift_value(ctx.date, m["u"], amount)
        return _Hit(start, m.end(), "DATE", value, precision)
    return _Hit(start, m.end(), "DURATION", value, precision, mod)


@_rule(
    r"\b(?P<q>(?i:the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+past|the\s+last|"
    rf"the\s+next|coming|recent|upcoming))\s+(?P<u>{g.UNIT_PLURAL})|(?<=\b[Ff]or\s)(?P<u2>{g.UNIT_PLURAL})"
)
def _vague_duration(m: re.Match[str], ctx: _Context) -> _Hit:
    q = _rel(m["q"]) or ""
    unit = m["u"] or m["u2"]
    if q == "recent":
        return _Hit(m.start(), m.end(), "DATE", "PAST_REF", None)
    value, precision = _duration(None, unit)
    return _Hit(m.start(), m.end(), "DURATION", value, precision)


@_rule(
    r"\b(?P<w>(?i:now|currently|nowadays|at\s+present|presently|these\s+days|right\s+now|the\s+present))\b"
    r"|\b(?P<p>(?i:recently|lately))\b"
    r"|\b(?P<f>(?i:the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:short|long|near|medium)\s+term"
    r"|the\s+long\s+run))\b"
)
def _reference(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["w"] and m["w"] == "now" and ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "now-defunct"
    value = "PRESENT_REF" if m["w"] else "PAST_REF" if m["p"] else "FUTURE_REF"
    return _Hit(m.start(), m.end(), "DATE", value, None, part_ok=False)


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W",
              "fortnightly": "P2W", "bimonthly": "P2M", "biannually": "P6M", "semiannually": "P6M",
              "semi-annually": "P6M"}  # fmt: skip


@_rule(rf"\b(?P<w>(?i:{g._alt(list(_SET_WORDS))}))\b")
def _set_word(m: re.Match[str], ctx: _Context) -> _Hit:
    value = _SET_WORDS[m["w"].lower()]
    return _Hit(m.start(), m.end(), "SET", value, None, part_ok=False)


@_rule(
    r"\b(?P<q>(?i:every|each))\s+(?:(?P<other>(?i:other))\s+)?(?:(?P<n>" + _NUMSTRICT + r")\s+)?"
    rf"(?:(?P<u>{g.UNIT})|(?P<wd>{g.WEEKDAY})|(?P<mo>{g.MONTH})|(?P<pod>{_POD}\b)|(?P<we>(?i:weekend)\b)"
    r"|(?P<s>(?i:summer|winter|spring|autumn|fall)\b))"
)
def _every(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["u"]:
        amount = g.parse_amount(m["n"]) if m["n"] else 1.0
        value, precision = _duration((amount or 1.0) * (2 if m["other"] else 1), m["u"])
    elif m["wd"]:
        value, precision = f"XXXX-WXX-{g.WEEKDAYS[m['wd'].lower()]}", "day"
    elif m["mo"]:
        value, precision = f"XXXX-{g.month_number(m['mo']):02d}", "month"
    elif m["pod"]:
        value, precision = f"XXXX-XX-XXT{g.PARTS_OF_DAY[m['pod'].lower()]}", "part-of-day"
    elif m["we"]:
        value, precision = "XXXX-WXX-WE", "week"
    else:
        value, precision = f"XXXX-{g.SEASONS[m['s'].lower()]}", "season"
    return _Hit(m.start(), m.end(), "SET", value, precision, part_ok=False)


@_rule(
    rf"\b(?P<f>(?i:once|twice|thrice)|{_NUMSTRICT}\s+(?i:times))\s+(?i:a|an|per|every|each)\s+(?P<u>{g.UNIT})"
)
def _frequency(m: re.Match[str], ctx: _Context) -> _Hit:
    value, precision = _duration(1, m["u"])
    return _Hit(m.start(), m.end(), "SET", value, precision, part_ok=False)


@_rule(rf"\b(?P<wd>{g.WEEKDAYS_PLURAL})(?:\s+(?P<pod>(?i:mornings|afternoons|evenings|nights))\b)?")
def _weekday_set(m: re.Match[str], ctx: _Context) -> _Hit:
    value = f"XXXX-WXX-{g.WEEKDAYS[m['wd'][:-1].lower()]}"
    if m["pod"]:
        value += "T" + g.PARTS_OF_DAY[m["pod"][:-1].lower()]
    return _Hit(m.start(), m.end(), "SET", value, "day", part_ok=False)


_AMPM = r"(?P<ap>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm))(?![\w])"


def _clock(m: re.Match[str], ctx: _Context) -> _Hit | None:
    hour = int(m["h"])
    minute = int(m["mi"]) if m.groupdict().get("mi") else 0
    ap = (m.groupdict().get("ap") or "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return None
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
    elif hour > 24 or (hour == 24 and minute):
        return None
    return _time_hit(m, ctx, hour, minute)


_rule(
    rf"(?:\b(?P<mod>{g.TIME_MOD})\s+)?(?<![\w:.,$£€])(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}"
    rf"(?:\s*(?:{g.ZONE}))?"
)(_clock)
_rule(
    rf"(?:\b(?P<mod>{g.TIME_MOD})\s+)?(?<![\w:.,$£€])(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    rf"(?:\s*(?:{g.ZONE}|(?i:hours|hrs)\b))?"
)(_clock)
_rule(rf"(?<![\w:.,$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:\s+(?i:hours|hrs))?\s*(?:{g.ZONE})")(_clock)


@_rule(rf"(?:\b(?P<mod>{g.TIME_MOD})\s+)?\b(?P<w>(?i:noon|midnight|midday|mid-day))\b")
def _noon(m: re.Match[str], ctx: _Context) -> _Hit:
    return _time_hit(m, ctx, 24 if m["w"].lower() == "midnight" else 12, 0)


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


_GAP_DATE = re.compile(r",?\s+$|,?\s+(?:on\s+)?$")


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
            prev.value, prev.end, prev.weekday = hit.value, hit.end, False
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
        else:
            hit.day = ctx.date.isoformat() if ctx.date else "XXXX-XX-XX"


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


_MONTH_TRIGGER = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", 40, 30)
_CLOCK_TAIL = 45  # "p.m. Eastern Standard Time"
# Triggers of the rules that have none above, by handler, in rule order.
_TRIGGERS: dict[str, list[tuple[str, int, int]]] = {
    "_iso": [(r"\d-[01]\d-", 6, 40)],
    "_numeric_date": [(r"\d[/.]\d", 3, 10)],
    "_day_month_year": [_MONTH_TRIGGER, _MONTH_TRIGGER],
    "_day_range": [_MONTH_TRIGGER, _MONTH_TRIGGER],
    "_month_year": [_MONTH_TRIGGER],
    "_month": [_MONTH_TRIGGER],
    "_year_range": [(r"\d\d\d\d\s*[-–/]", 1, 8)],
    "_decade": [(r"\d0['’]?s", 10, 2)],
    "_century": [(r"century", 30, 0)],
    "_weekday": [(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", 30, 12)],
    "_deictic": [(r"today|yesterday|tomorrow|tonight", 25, 12)],
    "_part_of_day": [(r"morning|afternoon|evening|night", 20, 0)],
    "_relative_unit": [(r"week|month|year|quarter|decade|century", 40, 2)],
    "_the_weekend": [(r"weekend", 5, 0)],
    "_season": [(r"summer|winter|spring|autumn|fall", 25, 12)],
    "_quarter": [(r"quarter", 40, 25)],
    "_quarter_code": [(r"q[1-4]", 6, 6)],
    "_anaphor": [(r"day|week|month|year|morning|afternoon|evening|night", 40, 0)],
    "_holiday": [(r"christmas|new year|eve\b|day\b|easter|friday|thanksgiving|halloween", 40, 12)],
    "_spelled_year": [(r"nineteen|eighteen|two thousand", 10, 30)],
    "_the_quarter": [(r"quarter", 30, 0)],
    "_half": [(r"half|h[12]", 12, 25)],
    "_part_of_unit": [(r"week|month|year|decade|century|quarter", 50, 2)],
    "_rate": [(r"sec|min|hour|day|night|week|month|quarter|year", 6, 2)],
    "_vague_duration": [(r"seconds|minutes|hours|days|weeks|months|years|decades|centuries", 30, 2)],
    "_reference": [(r"now|current|present|recent|lately|future|term|run|days", 20, 2)],
    "_set_word": [(r"ly\b", 14, 0)],
    "_every": [(r"every|each", 0, 30)],
    "_frequency": [(r"once|twice|thrice|times", 40, 20)],
    "_weekday_set": [(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days", 0, 15)],
    "_clock": [(r"\d\s*[ap]\.?m", 25, _CLOCK_TAIL), (r"\d:\d\d", 25, _CLOCK_TAIL), (r"\d\d\d\d\s", 1, _CLOCK_TAIL)],
    "_noon": [(r"noon|midnight|midday|mid-day", 25, 2)],
}


def _attach_triggers() -> None:
    """Give every rule its trigger (see ``_Rule``)."""
    seen: dict[str, int] = {}
    for i, rule in enumerate(_RULES):
        name = rule.handler.__name__
        if rule.trigger is None and name in _TRIGGERS:
            trigger, back, fwd = _TRIGGERS[name][seen.get(name, 0)]
            seen[name] = seen.get(name, 0) + 1
            _RULES[i] = _Rule(rule.pattern, rule.handler, re.compile(trigger), back, fwd)


_attach_triggers()


_CONCRETE = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?$")


def _resolve_anaphors(hits: list[_Hit], ctx: _Context) -> None:
    """Count "the next day" from the last concrete date before it, else from the anchor."""
    last: dt.date | None = ctx.date
    last_precision = "day"
    for hit in hits:
        if hit.anaphor is not None:
            step, unit = hit.anaphor
            base = last if unit != "day" or last_precision == "day" else None
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
        if m and hit.type in ("DATE", "TIME"):
            last = dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
            last_precision = "day" if m[3] else "month" if m[2] else "year"


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
    chosen = _choose(hits)
    _extend_parts(chosen, ctx)
    chosen = _merge_time_dates(chosen, ctx)
    _resolve_anaphors(chosen, ctx)
    _attach_days(chosen, ctx)
    _infer_zones(chosen, ctx)
    return [_to_ref(hit, text) for hit in chosen]
