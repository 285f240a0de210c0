"""Time rules for durations, sets ("every week", "daily") and vague references ("now", "recently")."""

from __future__ import annotations

import re

from synopsis.extract import times_grammar as g
from synopsis.extract.times_rules import (
    _POD,
    _NUMSTRICT,
    _Context,
    _Hit,
    _rel,
    _rule,
    attach_triggers,
)
from synopsis.extract.times_values import (
    _amount_mod,
    _duration,
    _shift_value,
)


# A duration's unit is a whole word after a space or hyphen ("six hours", "15-minute"):
# triggering on the word, not on its letters anywhere, skips "minister", "security",
# "Monday" and "today", a third of the windows in news text.
_UNIT_TRIGGER = r"[\s-](?:" + "|".join(sorted(g.UNIT_WORDS, key=len, reverse=True)) + r")\b"


_RELATIVE_RIGHT = re.compile(r"\s+(?:earlier|later|ago|before|after)\b", re.IGNORECASE)
# Before a number: the amount is a rate ("$5 a year", "twice a day").
_RATE_LEFT = re.compile(r"(?:\d[\d,.]*%?|percent|once|twice|times)(?:\s+[A-Za-z]+){0,2}\s*$", re.IGNORECASE)


# "a second round", "a second group": the ordinal, not the unit, when a noun follows.
_ORDINAL_SECOND = re.compile(r"\s+(?!(?:and|or|to|ago|later|earlier|before|after|of|in|per|longer|more|less)\b)[a-z]")


def _is_ordinal_second(m: re.Match[str], ctx: _Context, amount_group: str) -> bool:
    return (
        m["u"].lower() == "second"
        and m[amount_group].lower() in ("a", "an")
        and _ORDINAL_SECOND.match(ctx.text, m.end()) is not None
    )


@_rule(rf"\b(?P<a>(?i:per|a|an))\s+(?P<u>(?i:second|minute|hour|day|night|week|month|quarter|year))\b")
def _rate(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if _is_ordinal_second(m, ctx, "a"):
        return None
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


# A verb of change, with at most an amount or an adverb after it, before "over" and a length of
# time: the length is the period of the change ("rose 4% over six months", "doubled over two
# years"), not a bound ("lasted over six months"). Text only, as the time rules are; the quantity
# reader asks the parse (``quantities._over_is_period``) and also reads "bought bonds over six months".
_CHANGED_BEFORE = re.compile(
    r"\b(?:r[io]se[ns]?|rising|f[ae]ll(?:en|s|ing)?|gr[eo]wn?|grows|growing|(?:in|de)creas(?:ed|es|ing)"
    r"|declin(?:ed|es|ing)|dropp(?:ed|ing)|climb(?:ed|s|ing)|doubl(?:ed|es|ing)|tripl(?:ed|es|ing)"
    r"|halv(?:ed|es|ing)|gain(?:ed|s|ing)|jump(?:ed|s|ing)|surg(?:ed|es|ing)|slump(?:ed|s|ing)"
    r"|soar(?:ed|s|ing)|plung(?:ed|es|ing)|slid(?:es|ing)?|eas(?:ed|es|ing))"
    r"(?:\s+(?:by\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+)?[\d.,]+\s*(?:%|per\s*cent|percent)?"
    r"|\s+(?:sharply|steadily|slightly|strongly|gradually|rapidly|by\s+half))?\s+$",
    re.IGNORECASE,
)


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
    if not m["suffix"] and _is_ordinal_second(m, ctx, "n"):
        return None
    amount = g.parse_amount(m["n"])
    if amount is not None:
        amount += 0.5 if (m["half"] or m["half2"]) else 0
    start = m.start()
    mod = _amount_mod(m["mod"])
    if m["mod"] and m["the"] and m["mod"].lower() == "over":
        start, mod = m.start("the"), None  # "over the past two years" is "during"
    elif m["mod"] and m["mod"].lower() == "over" and _CHANGED_BEFORE.search(ctx.text, max(0, start - 60), start):
        mod = None  # "prices rose 4% over six months": the period of the rise, not more than it
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
    value, precision = _duration(None, unit)
    return _Hit(m.start(), m.end(), "DURATION", value, precision)


@_rule(
    r"\b(?P<w>(?i:now|currently|nowadays|at\s+present|presently|these\s+days|right\s+now|the\s+present))\b"
    r"|\b(?P<p>(?i:recently|lately|then\s+current)|(?<=\b[Ii]n\s)the\s+past(?!\s+(?:\w+\s+)?(?i:[a-z]+s)\b))\b"
    # "current" as an adjective is a present reference in TimeML ("the current
    # weakness", "his current post"); "current account" is an economic term.
    r"|\b(?P<c>[Cc]urrent)\b(?=\s+(?:[a-z]|\d))(?!\s+accounts?\b)"
    r"|\b(?P<f>(?i:the\s+(?:near\s+|distant\s+|foreseeable\s+)?future|the\s+(?:short|long|near|medium)\s+term"
    r"|the\s+long\s+run))\b"
)
def _reference(m: re.Match[str], ctx: _Context) -> _Hit | None:
    if m["w"] and m["w"] == "now" and ctx.text[m.end() : m.end() + 1] == "-":
        return None  # "now-defunct"
    value = "PRESENT_REF" if m["w"] or m["c"] else "PAST_REF" if m["p"] else "FUTURE_REF"
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

# Triggers of the rules above that have none (see ``times_rules._Rule``), by handler, in rule order.
attach_triggers({
    "_rate": [(r"sec|min|hour|day|night|week|month|quarter|year", 6, 2)],
    "_vague_duration": [(r"seconds|minutes|hours|days|weeks|months|years|decades|centuries", 30, 2)],
    "_reference": [(r"now|current|present|recent|lately|future|term|run|days|past", 20, 2)],
    "_set_word": [(r"ly\b", 14, 0)],
    "_every": [(r"every|each", 0, 30)],
    "_frequency": [(r"once|twice|thrice|times", 40, 20)],
    "_weekday_set": [(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days", 0, 15)],
})
