"""Time rules for dates named outright.

ISO and numeric dates, day-month-year, months, years, decades, centuries,
holidays, quarter codes and halves.
"""

from __future__ import annotations

import re

from synopsis.extract import times_grammar as g
from synopsis.extract.quantity_units import TIME_UNITS, UNITS, phrase_pattern
from synopsis.extract.times_rules import (
    _NEXT_RELS,
    _PAST_RELS,
    _Context,
    _Hit,
    _rel,
    _rule,
    _year_of,
    attach_triggers,
)
from synopsis.extract.times_values import (
    _holiday_date,
    _nearest_month_year,
    _nearest_year,
    _safe_date,
)


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
_SINCE = re.compile(r"\b[Ss]ince\s+$")
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
        since = _SINCE.search(ctx.text, max(0, m.start() - 8), m.start())  # "since March" is past
        year = _nearest_month_year(ctx.date, month, not since and ctx.future(m.start()))
    return _Hit(m.start(), m.end(), "DATE", f"{year:04d}-{month:02d}", "month")


# A four-digit number that counts something is no year: "about 2000 people a day", "1999 votes
# were cast", "between 1500 and 2000 troops", "1800 tonnes".  What follows the number (or the
# range it opens) says so: a plural noun or a unit of measure.  Words ending in "s" that are no
# plural nouns are left out, and so are the plurals a year usually names without "the" before it
# ("ahead of 2024 elections", "compared with 1989 earnings"): events and accounts, not things counted.
_NOT_PLURAL = ("this", "thus", "plus", "does", "goes", "always", "perhaps", "across", "unless", "besides",
               "whereas", "towards", "afterwards", "onwards", "nevertheless", "sometimes", "various", "news",
               "elections", "polls", "primaries", "midterms", "games", "olympics", "championships", "finals",
               "talks", "protests", "riots", "attacks", "floods", "reforms", "accords", "results",
               "earnings", "sales", "figures", "levels", "profits", "accounts", "budgets", "forecasts")
_MEASURES = sorted((u for u, unit in UNITS.items() if unit not in TIME_UNITS and unit != "percent"),
                   key=len, reverse=True)
_RANGE_TAIL = r"(?:\s*(?:-|–|to|and|or)\s*\d[\d,.]*)?[ \t]+"
# Nouns that count people or things in the news: what a number in the years' range (1900-2099)
# must be followed by to be a count; any plural will not do there ("after 2014 sanctions were
# imposed", "he said 2024 brings change" are years).
_COUNTED_NOUNS = (
    "people", "persons", "children", "men", "women", "troops", "soldiers", "officers", "police", "votes",
    "ballots", "voters", "residents", "protesters", "demonstrators", "workers", "employees", "families",
    "homes", "houses", "households", "jobs", "students", "patients", "migrants", "refugees", "prisoners",
    "detainees", "passengers", "fans", "visitors", "tourists", "cases", "deaths", "casualties", "victims",
)
_COUNTED_AFTER = re.compile(
    _RANGE_TAIL + r"(?:people|persons|children|men|women|" + "|".join(phrase_pattern(u) for u in _MEASURES) + r""
    rf"|(?!(?:{'|'.join(_NOT_PLURAL)})\b)[a-z]{{2,}}[^\Wsui]s)\b"
)
_RANGE_START = re.compile(r"\b(\d{1,2},?\d{3})\s*(?:-|–|to|and|or)\s*$")
_COUNTED_AFTER_YEARLIKE = re.compile(
    _RANGE_TAIL + r"(?:" + "|".join(_COUNTED_NOUNS) + "|" + "|".join(phrase_pattern(u) for u in _MEASURES) + r")\b"
)
# ... unless what comes before makes the number a year that modifies the noun: a determiner or
# possessive ("the 2020 elections", "Russia's 2024 budget"), a preposition of time ("in 2000
# voters chose", "by 2030 emissions must fall"), a prefix ("post-1959 politics"), or the start of a sentence, where
# news style spells a count out ("Two thousand people") but writes a year in digits ("2019
# brings ..."). An "'s" after "there", "here", "it", "that", "what" or "who" is "is", not a
# possessive: "there's 2000 people" counts them (a year there would need "the": "there's the
# 2024 budget").
_YEAR_BEFORE = re.compile(
    r"(?:\b(?i:the|this|that|its|their|his|her|our|your|my|whose|in|since|until|till|during|fiscal|calendar"
    r"|by|after|before|from|of|for|through|as\s+of)"
    r"|\w(?<!\b[Tt]here)(?<!\b[Hh]ere)(?<!\b[Ii]t)(?<!\b[Tt]hat)(?<!\b[Ww]hat)(?<!\b[Ww]ho)['’]s?"
    r"|[A-Za-z]-|^|[.!?][\"'”’)]*|\n)[\s\"“‘(]*$"
)

# ... but a round hundred before "people" counts them even there: "In 2000 people gathered" is
# a crowd (news counts crowds in round numbers, and dates a year before "people" with a comma:
# "In 2000, people ..."), where "In 2000 voters chose" and "In 2019 people" stay years.
_PEOPLE_AFTER = re.compile(_RANGE_TAIL + r"(?:people|persons)\b(?!['’])")


def counts_things(text: str, start: int, end: int) -> bool:
    """Whether the four-digit number at ``start:end`` counts what follows it rather than naming a
    year (the quantity extractor asks too, so that the two agree on what a year is)."""
    digits = text[start:end]
    if not digits.isdigit():
        return False  # "five": a number in words is no year
    # A range is judged by its first number: "between 1500 and 2000 runners" counts runners.
    first = _RANGE_START.search(text, max(0, start - 16), start)
    number = int(first.group(1).replace(",", "")) if first else int(digits)
    after = _COUNTED_AFTER_YEARLIKE if 1900 <= number <= 2099 else _COUNTED_AFTER
    if not after.match(text, end):
        return False
    if number % 100 == 0 and _PEOPLE_AFTER.match(text, end):
        return True
    return not _YEAR_BEFORE.search(text, max(0, start - 12), start)


@_rule(rf"(?P<y>{g.YEAR_FREE})")
def _year(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if counts_things(ctx.text, m.start(), m.end()):
        return None
    return _Hit(m.start(), m.end(), "DATE", m["y"], "year")


@_rule(rf"(?<![\w$£€#.,/-])(?P<y1>{g.YEAR4})\s*[-–/]\s*(?P<y2>\d{{4}}|\d{{2}})(?![\w%]|[.,]\d)")
def _year_range(m: re.Match[str], ctx: _Context) -> list[_Hit] | None:
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 // 100 * 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 100 or not 1600 <= y1 <= 2099 or counts_things(ctx.text, m.start(), m.end()):
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

_MONTH_TRIGGER = (r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", 40, 30)
# Triggers of the rules above that have none (see ``times_rules._Rule``), by handler, in rule order.
attach_triggers({
    "_iso": [(r"\d-[01]\d-", 6, 40)],
    "_numeric_date": [(r"\d[/.]\d", 3, 10)],
    "_day_month_year": [_MONTH_TRIGGER, _MONTH_TRIGGER],
    "_day_range": [_MONTH_TRIGGER, _MONTH_TRIGGER],
    "_month_year": [_MONTH_TRIGGER],
    "_month": [_MONTH_TRIGGER],
    "_year_range": [(r"\d\d\d\d\s*[-–/]", 1, 8)],
    "_decade": [(r"\d0['’]?s", 10, 2)],
    "_century": [(r"century", 30, 0)],
    "_holiday": [(r"christmas|new year|eve\b|day\b|easter|friday|thanksgiving|halloween", 40, 12)],
    "_spelled_year": [(r"nineteen|eighteen|two thousand", 10, 30)],
    "_quarter_code": [(r"q[1-4]", 6, 6)],
    "_half": [(r"half|h[12]", 12, 25)],
})
