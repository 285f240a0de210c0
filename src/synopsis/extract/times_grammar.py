"""Lexicon and regex fragments of the English grammar of time used by ``times.py``.

The fragments are plain strings so that rules in ``times.py`` can compose them
(HeidelTime and SUTime are built the same way: small named patterns combined into
rules); every rule is compiled once at import.
"""

from __future__ import annotations

import functools
import re

from number_parser import parse_number

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

# Part of day -> TIMEX3 code.
PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI",
}  # fmt: skip

# Unit word (singular, lower case) -> (TIMEX3 designator, is a time unit (after "T"), precision).
UNITS = {
    "second": ("S", True, "second"),
    "sec": ("S", True, "second"),
    "minute": ("M", True, "minute"),
    "min": ("M", True, "minute"),
    "hour": ("H", True, "hour"),
    "hr": ("H", True, "hour"),
    "day": ("D", False, "day"),
    "night": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),  # value doubled in unit_amount()
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "yr": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
    "centurie": ("CE", False, "century"),
    "millennium": ("ML", False, "millennium"),
    "millennia": ("ML", False, "millennium"),
}

# Time zone abbreviations and names -> UTC offset in minutes.  A pair means
# (standard, summer) and is resolved by the month (see zone_offset()).
ZONES: dict[str, int | tuple[int, int]] = {
    "gmt": 0, "utc": 0, "z": 0, "bst": 60, "cet": 60, "cest": 120, "eet": 120, "eest": 180,
    "msk": 180, "trt": 180, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
    "mdt": -360, "pst": -480, "pdt": -420, "akst": -540, "hst": -600, "jst": 540, "kst": 540,
    "aest": 600, "sgt": 480, "hkt": 480,
    "et": (-300, -240), "ct": (-360, -300), "mt": (-420, -360), "pt": (-480, -420),
    "moscow": 180, "istanbul": 180, "turkish": 180, "ankara": 180, "minsk": 180,
    "kyiv": (120, 180), "kiev": (120, 180), "ukrainian": (120, 180), "london": (0, 60),
    "british": (0, 60), "paris": (60, 120), "berlin": (60, 120), "brussels": (60, 120),
    "central european": (60, 120), "eastern european": (120, 180),
    "eastern": (-300, -240), "central": (-360, -300), "mountain": (-420, -360),
    "pacific": (-480, -420), "beijing": 480, "tokyo": 540, "greenwich mean": 0,
    "universal": 0, "coordinated universal": 0,
}  # fmt: skip


def _alt(words: list[str]) -> str:
    """Regex alternation, longest first so that "Sept" wins over "Sep"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTH_FULL = [m.capitalize() for m in ("january february march april may june july august "
                                        "september october november december").split()]  # fmt: skip
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]

# Months are matched case-sensitively (capitalised or all caps): lower-case "may",
# "march" and "august" are almost always other words.  Abbreviations take an
# optional full stop ("Aug."), as wire copy writes them.
MONTH = (
    rf"(?:(?:{_alt(_MONTH_FULL + [m.upper() for m in _MONTH_FULL])})\b"
    rf"|(?:{_alt(_MONTH_ABBR + [m.upper() for m in _MONTH_ABBR])})(?:\.|\b))"
)
_WD = [w.capitalize() for w in WEEKDAYS]
WEEKDAY = rf"(?:{_alt(_WD + [w.upper() for w in _WD])})\b"
WEEKDAYS_PLURAL = rf"(?:{_alt([w + 's' for w in _WD])})\b"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"(?:1\d\d\d|20\d\d)(?![\d%])"
# A free-standing year: 1600-2099, not part of a number, amount or identifier.
YEAR_FREE = r"(?<![\w$£€#.,/:])(?<!\d-)(?:1[6-9]\d\d|20\d\d)(?![\w%:]|[.,/]\d|-\d|\s*(?i:percent|per\s+cent))"

_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()  # fmt: skip
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_NUMWORD = rf"(?:{_alt(_TENS)})(?:[- ](?:{_alt(_SMALL[1:10])}))?\b|(?:{_alt(_SMALL)})\b"
NUMWORD = rf"(?:{_NUMWORD})(?:\s+(?:hundred|thousand)(?:\s+(?:and\s+)?(?:{_NUMWORD}))?)?"
# Vague amounts become "X" in TIMEX3 values ("PXD").
VAGUE = r"(?:a\s+few|a\s+couple\s+of|a\s+couple|couple\s+of|few|several|many|some|dozens\s+of|hundreds\s+of|a\s+number\s+of)"
# The last two digits of a spelled-out year: "ninety-six", "oh five", "twelve".
NUMWORD_YEAR = rf"(?i:(?:{_alt(_TENS)})(?:[- ](?:{_alt(_SMALL[1:10])}))?|{_alt(_SMALL[10:])}|ten|oh[- ](?:{_alt(_SMALL[1:10])}))"
NUMBER = rf"(?:\d+(?:\s+1/2|½)|\d+(?:[.,]\d+)?|(?i:{NUMWORD})|(?i:an?|one|a\s+dozen|half\s+a|half\s+an|a\s+half)\b)"

UNIT_WORDS = [
    "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour", "hrs",
    "hr", "days", "day", "weeks", "week", "fortnights", "fortnight", "months", "month", "quarters",
    "quarter", "years", "year", "yrs", "yr", "decades", "decade", "centuries", "century",
    "millennium", "millennia", "nights", "night",
]  # fmt: skip
UNIT = rf"(?i:{_alt(UNIT_WORDS)})\b"
UNIT_PLURAL = r"(?i:seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b"

# Modifiers of amounts, as TimeML "mod" values.  TimeBank annotates "nearly" and
# "almost" as LESS_THAN and includes the modifier in the extent.
AMOUNT_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "just under": "LESS_THAN", "just short of": "LESS_THAN", "barely": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "well over": "MORE_THAN", "longer than": "MORE_THAN", "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "as many as": "EQUAL_OR_LESS",
    "as much as": "EQUAL_OR_LESS", "as long as": "EQUAL_OR_LESS", "as few as": "EQUAL_OR_MORE",
    "a little over": "MORE_THAN", "a little more than": "MORE_THAN", "a little under": "LESS_THAN",
    "a little less than": "LESS_THAN", "slightly more than": "MORE_THAN",
    "slightly less than": "LESS_THAN", "an estimated": "APPROX",
}  # fmt: skip
AMOUNT_MOD = rf"(?i:{_alt(list(AMOUNT_MODS))})"

TIME_MODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "shortly after": "AFTER", "just after": "AFTER",
    "shortly before": "BEFORE", "just before": "BEFORE", "after": "AFTER", "before": "BEFORE",
}  # fmt: skip
TIME_MOD = rf"(?i:{_alt([m for m in TIME_MODS if m not in ('after', 'before')])})"

_ZONE_ABBR = [z.upper() for z in ZONES if len(z) <= 4 and z.isalpha() and " " not in z and z not in
              ("z", "moscow", "kyiv", "kiev", "minsk", "paris")]  # fmt: skip
_ZONE_NAMES = [z for z in ZONES if z not in {a.lower() for a in _ZONE_ABBR} and z != "z"]
ZONE = (
    rf"(?:(?P<zabbr>{_alt(_ZONE_ABBR)}|Z)(?P<zoff>[+-]\d{{1,2}}(?::?\d\d)?)?\b"
    rf"|(?P<zname>(?i:{_alt(_ZONE_NAMES)}|local))(?:\s+(?i:standard|summer|daylight))?\s+(?i:time)\b)"
)

HOLIDAYS_FIXED = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "valentine's day": (2, 14), "boxing day": (12, 26), "independence day": (7, 4),
}  # fmt: skip
_HOLIDAY_NAMES = list(HOLIDAYS_FIXED) + [
    "easter", "easter sunday", "easter monday", "good friday", "thanksgiving", "thanksgiving day",
    "labor day", "memorial day", "election day",
]  # fmt: skip
# Capitalised as names are ("Election Day", "New Year's Eve"); ’ and ' both occur.
HOLIDAY = "(?:" + "|".join(
    sorted((re.escape(" ".join(w.capitalize() for w in h.split())).replace("'", "['’]") for h in _HOLIDAY_NAMES), key=len, reverse=True)
) + r")\b"

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "last": 4, "final": 4}  # fmt: skip

CENTURY_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip


def month_number(word: str) -> int | None:
    """Month number of a month name or abbreviation ("Aug." -> 8)."""
    return MONTHS.get(word.lower().rstrip("."))


def unit_of(word: str) -> tuple[str, bool, str]:
    """TIMEX3 designator, time-unit flag and precision of a unit word ("hours" -> H)."""
    w = word.lower()
    if w in UNITS:
        return UNITS[w]
    if w.endswith("s") and w[:-1] in UNITS:
        return UNITS[w[:-1]]
    if w.endswith("ies") and w[:-3] + "y" in UNITS:
        return UNITS[w[:-3] + "y"]
    raise KeyError(word)


@functools.lru_cache(maxsize=4096)
def parse_amount(text: str) -> float | None:
    """Number in digits or words; None for vague amounts ("several")."""
    t = " ".join(text.lower().replace(",", "").split())
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t == "a dozen":
        return 12.0
    if t in ("a couple of", "a couple", "couple of"):
        return 2.0
    fraction = re.fullmatch(r"(\d+)(?:\s+|-)?(1/2|½)", t)
    if fraction:
        return int(fraction.group(1)) + 0.5
    try:
        return float(t)
    except ValueError:
        pass
    # number-parser reads spelled-out numbers ("twenty-five", "two thousand");
    # it is slow (~1 ms a call), hence the cache.
    value = parse_number(t)
    return float(value) if value is not None else None


def zone_offset(word: str, month: int | None) -> int | None:
    """UTC offset in minutes of a zone word; summer time from April to October."""
    key = " ".join(word.lower().split())
    for suffix in (" standard time", " summer time", " daylight time", " time"):
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    off = ZONES.get(key)
    if off is None:
        return None
    if isinstance(off, tuple):
        if "standard" in word.lower():
            return off[0]
        if "summer" in word.lower() or "daylight" in word.lower():
            return off[1]
        # Approximate: EU and US summer time both run from late March/mid March
        # to late October/early November; the weeks at the edges can be off by an hour.
        return off[1] if month is not None and 4 <= month <= 10 else off[0]
    return off
