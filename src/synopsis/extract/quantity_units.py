"""Qualifiers and units: the lexicons and rules that turn a stated number into an interval in base units."""

from __future__ import annotations

import re

from synopsis.records import Quantity


# Qualifier phrase -> (canonical qualifier, rule).  Rules:
#   "exact"  [v, v]
#   "about"  [0.9 v, 1.1 v]: journalists round to the nearest "round" number;
#            ±10 % keeps "about 40 minutes" [36, 44] inside "less than an hour"
#            and "about 1,200" [1080, 1320] compatible with "more than 1,000".
#   "nearly" [0.9 v, v]      "just over" [v, 1.1 v]
#   "more"   [v, None]: the interval cannot mark an open end; low is v itself.
#   "less"   [0, v]: news quantities (counts, durations, money) are not negative.
# "<comparative> than" and "no/not <comparative> than" are added below, as one family.
QUALIFIERS: dict[str, tuple[str, str]] = {
    "over": ("more than", "more"),
    "above": ("more than", "more"),
    "in excess of": ("more than", "more"),
    "upwards of": ("more than", "more"),
    "exceeding": ("more than", "more"),
    "at least": ("at least", "more"),
    "a minimum of": ("at least", "more"),
    "under": ("less than", "less"),
    "below": ("less than", "less"),
    "up to": ("up to", "less"),
    "at most": ("up to", "less"),
    "a maximum of": ("up to", "less"),
    "as many as": ("up to", "less"),
    "as much as": ("up to", "less"),
    "nearly": ("nearly", "nearly"),
    "almost": ("nearly", "nearly"),
    "close to": ("nearly", "nearly"),
    "just under": ("nearly", "nearly"),
    "just shy of": ("nearly", "nearly"),
    "just over": ("just over", "just over"),
    "just above": ("just over", "just over"),
    "slightly more than": ("just over", "just over"),
    "about": ("about", "about"),
    "around": ("about", "about"),
    "approximately": ("about", "about"),
    "approx.": ("about", "about"),
    "roughly": ("about", "about"),
    "some": ("about", "about"),
    "an estimated": ("about", "about"),
    "estimated": ("about", "about"),
    "circa": ("about", "about"),
    "an approximate": ("about", "about"),
    "approx": ("about", "about"),
    "short of": ("less than", "less"),
    "just short of": ("nearly", "nearly"),
    "just below": ("nearly", "nearly"),
    "well over": ("more than", "more"),
    "well above": ("more than", "more"),
    "well under": ("less than", "less"),
    "well below": ("less than", "less"),
}

# Comparatives bound a number whatever the adjective: "larger than 15 percent" is a lower bound
# like "more than 15 percent", and "no larger than" an upper one like "no more than".  Without
# the family, "larger than 15 percent" read as exactly 15 and disputed another outlet's
# "more than 15 percent".
_GREATER = ("more", "greater", "larger", "bigger", "higher", "longer")
_SMALLER = ("less", "fewer", "smaller", "lower", "shorter")


def _comparatives() -> dict[str, tuple[str, str]]:
    """Qualifier entries for "<comparative> than" and its negations "no/not <comparative> than"."""
    entries: dict[str, tuple[str, str]] = {}
    for words, bound, negated in ((_GREATER, ("more than", "more"), ("up to", "less")),
                                  (_SMALLER, ("less than", "less"), ("at least", "more"))):
        for word in words:
            entries[f"{word} than"] = bound
            entries[f"no {word} than"] = entries[f"not {word} than"] = negated
    return entries


QUALIFIERS |= _comparatives()

# Postfix qualifiers: "1,200 or more", "40 or so", "1,000-plus".
POSTFIX = {"or more": ("at least", "more"), "or so": ("about", "about"), "plus": ("more than", "more"),
            "or fewer": ("up to", "less"), "or less": ("up to", "less")}
APPROX_FRACTION = 0.10

# Vague plural magnitudes ("hundreds of prisoners").  "Hundreds" means at least
# two hundred and fewer than a thousand, and so on; the value is None because no
# number was stated.  Qualifier "vague".
VAGUE: dict[str, tuple[float, float]] = {
    # "A handful" is more than "a couple" and fewer than the ten or so a writer calls "a dozen".
    "a handful": (3, 9),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2e9, 999e9),
}

# Surface unit -> canonical unit.  Time units are singular English words.
UNITS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent", "pc": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "km2": "km2", "km²": "km2", "sq km": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "square kilometre": "km2", "square kilometer": "km2",
    "square miles": "sq mile", "square mile": "sq mile", "sq miles": "sq mile", "sq mi": "sq mile",
    "hectares": "ha", "hectare": "ha", "ha": "ha",
    # "11,900 acres of forest" is an area, not a count of acres: a fire's area is given in acres
    # by one outlet and in hectares by another, and only as one unit do the two meet.
    "acres": "acre", "acre": "acre",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "tonne": "tonne", "tonnes": "tonne",
    "ton": "tonne", "tons": "tonne", "lb": "lb", "lbs": "lb",
    "barrel": "barrel", "barrels": "barrel", "litre": "litre", "litres": "litre",
    "liter": "litre", "liters": "litre", "km/h": "km/h", "mph": "mph",
    # A speed written out is one unit, not a distance followed by words ("80 kilometres per hour"
    # is "80 km/h", not 80 kilometres); the longest phrase is matched first.
    "kph": "km/h", "kmh": "km/h", "kilometres per hour": "km/h", "kilometers per hour": "km/h",
    "kilometre per hour": "km/h", "kilometer per hour": "km/h", "km per hour": "km/h",
    "miles per hour": "mph", "mile per hour": "mph",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH", "lira": "TRY", "liras": "TRY",
    "yuan": "CNY", "yen": "JPY", "pounds sterling": "GBP",
}
CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
                   "₴": "UAH", "₺": "TRY", "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB",
                   "uah": "UAH"}
TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")

# Base unit and factor.  Time goes to seconds (the finest unit news gives);
# month and year are Gregorian averages (30.436875 and 365.2425 days).
# Currencies are not converted: exchange rates change and are not in the text.
_BASE_UNITS: dict[str, tuple[str, float]] = {
    "second": ("second", 1.0), "minute": ("second", 60.0), "hour": ("second", 3600.0),
    "day": ("second", 86_400.0), "week": ("second", 604_800.0), "month": ("second", 2_629_746.0),
    "year": ("second", 31_556_952.0), "decade": ("second", 315_569_520.0),
    "century": ("second", 3_155_695_200.0),
    "m": ("m", 1.0), "km": ("m", 1000.0), "mile": ("m", 1609.344),
    "km2": ("m2", 1e6), "ha": ("m2", 1e4), "sq mile": ("m2", 2_589_988.110336), "acre": ("m2", 4_046.8564224),
    "kg": ("kg", 1.0), "tonne": ("kg", 1000.0), "lb": ("kg", 0.45359237),
    "litre": ("litre", 1.0), "barrel": ("litre", 158.987294928),
    "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344),
}


def normalize_phrase(phrase: str) -> str:
    """Lower case with single spaces, the form of the lexicon keys."""
    return " ".join(phrase.lower().split())


def phrase_pattern(words: str) -> str:
    """Regex for a phrase whose spaces may be any whitespace (cleaned text keeps no-break spaces)."""
    return r"\s+".join(re.escape(w) for w in words.split(" "))


VAGUE_RE = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|a\s+handful|dozens|scores|hundreds|thousands|millions"
    r"|billions)"
    r"(?=\s+of\b)",
    re.IGNORECASE,
)
UNIT_RE = re.compile(
    r"^(?:\s*-\s*|\s*)(" + "|".join(sorted((phrase_pattern(u) for u in UNITS), key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
CURRENCY_RE = re.compile(
    r"(" + "|".join(re.escape(c) for c in sorted(CURRENCY_SIGNS, key=len, reverse=True)) + r")\s?$",
    re.IGNORECASE,
)
_QUALIFIER_ALTERNATIVES = "|".join(phrase_pattern(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
QUALIFIER_RE = re.compile(r"(?<![\w])(" + _QUALIFIER_ALTERNATIVES + r")\s+$", re.IGNORECASE)
# A quantity's span that opens with the writer's own hedge ("larger than 15 percent").
LEADING_QUALIFIER_RE = re.compile(r"(?:" + _QUALIFIER_ALTERNATIVES + r")\s", re.IGNORECASE)
POSTFIX_RE = re.compile(r"^(?:\s+(or more|or so|or fewer|or less)\b|-?(plus)\b|\+)", re.IGNORECASE)


# "one hour and 45 minutes", "2 hours, 10 minutes": what joins the parts of one duration.
_COMPOUND_JOINER = re.compile(r"\s*(?:,\s*and|,|and)\s*", re.I)
# "one hour, and 45 minutes later": the second part dates something else.
_OFFSET_AFTER = re.compile(r"\s*(?:later|earlier|after|before|ago)\b", re.I)


def remainder_factor(whole_unit: str | None, part_unit: str | None, part_value: float, text: str,
                     whole_end: int, part_start: int, part_end: int) -> float | None:
    """How many of ``part_unit`` make one ``whole_unit`` when the part (``text[part_start:part_end]``)
    is the remainder of a duration written in parts ("45 minutes" after "one hour and": 60), else
    None.

    The quantity and the time extractor both join such parts into one duration: the remainder
    alone ("45 minutes") is not a duration anybody reported, and it would agree with another
    outlet's "about 40 minutes". A part is a remainder when it is in a smaller time unit and less
    than one of the first part's units, with nothing but "and" or a comma between them.
    """
    if whole_unit not in TIME_UNITS or part_unit not in TIME_UNITS:
        return None
    big, small = normalize_unit(whole_unit)[1], normalize_unit(part_unit)[1]
    if small >= big or part_value * small >= big or not _COMPOUND_JOINER.fullmatch(text[whole_end:part_start]):
        return None
    if _OFFSET_AFTER.match(text, part_end):
        return None
    return big / small


def normalize_unit(unit: str | None) -> tuple[str | None, float]:
    """Base unit and the factor that converts ``unit`` to it ("minute" -> ("second", 60.0))."""
    if unit is None:
        return None, 1.0
    return _BASE_UNITS.get(unit, (unit, 1.0))


def quantity_interval(q: Quantity) -> tuple[float | None, float | None]:
    """The quantity's [low, high] in base units (time in seconds, distance in metres, ...)."""
    _, factor = normalize_unit(q.unit)
    low = None if q.low is None else round(q.low * factor, 6)
    high = None if q.high is None else round(q.high * factor, 6)
    return low, high


def apply_rule(rule: str, v: float) -> tuple[float | None, float | None]:
    """Interval for a stated value under a qualifier rule (see ``_QUALIFIERS``)."""
    if rule == "about":
        return round(v * (1 - APPROX_FRACTION), 6), round(v * (1 + APPROX_FRACTION), 6)
    if rule == "nearly":
        return round(v * (1 - APPROX_FRACTION), 6), v
    if rule == "just over":
        return v, round(v * (1 + APPROX_FRACTION), 6)
    if rule == "more":
        return v, None
    if rule == "less":
        return 0.0, v
    return v, v
