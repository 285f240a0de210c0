"""Quantities: numbers with what they count, their unit and their qualifier, as intervals.

A quantity is compared across outlets as an interval, never as a bare number
("more than 1,000" and "1,200" agree).  The rules that turn a qualifier into an
interval are in ``_QUALIFIERS`` and ``_VAGUE``; ``quantity_interval`` converts
an interval to base units so "about 40 minutes" and "less than an hour" meet.

Why not quantulum3 (installed): with the installed scikit-learn its unit
disambiguation classifier fails to unpickle ("40 minutes" raises
ModuleNotFoundError), it splits "1,000-for-1,000" into 1,000 and 0, it does
not know "hundreds of", it does not say what is counted, and it runs at about
250 sentences/s (docs/MODELS.md), slower than the spaCy pass it would follow.
The numeric core here is a regex over the text plus the spaCy tokens and
parse we already have; spelled-out numbers go to number-parser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from number_parser import parse_number
from spacy.tokens import Doc, Span, Token

from synopsis.records import Quantity

# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------

# Qualifier phrase -> (canonical qualifier, rule).  Rules:
#   "exact"  [v, v]
#   "about"  [0.9 v, 1.1 v]: journalists round to the nearest "round" number;
#            ±10 % keeps "about 40 minutes" [36, 44] inside "less than an hour"
#            and "about 1,200" [1080, 1320] compatible with "more than 1,000".
#   "nearly" [0.9 v, v]      "just over" [v, 1.1 v]
#   "more"   [v, None]: the interval cannot mark an open end; low is v itself.
#   "less"   [0, v]: news quantities (counts, durations, money) are not negative.
_QUALIFIERS: dict[str, tuple[str, str]] = {
    "more than": ("more than", "more"),
    "over": ("more than", "more"),
    "above": ("more than", "more"),
    "in excess of": ("more than", "more"),
    "upwards of": ("more than", "more"),
    "exceeding": ("more than", "more"),
    "greater than": ("more than", "more"),
    "at least": ("at least", "more"),
    "no fewer than": ("at least", "more"),
    "no less than": ("at least", "more"),
    "not less than": ("at least", "more"),
    "a minimum of": ("at least", "more"),
    "less than": ("less than", "less"),
    "fewer than": ("less than", "less"),
    "under": ("less than", "less"),
    "below": ("less than", "less"),
    "up to": ("up to", "less"),
    "at most": ("up to", "less"),
    "no more than": ("up to", "less"),
    "not more than": ("up to", "less"),
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
}
# Postfix qualifiers: "1,200 or more", "40 or so", "1,000-plus".
_POSTFIX = {"or more": ("at least", "more"), "or so": ("about", "about"), "plus": ("more than", "more"),
            "or fewer": ("up to", "less"), "or less": ("up to", "less")}
APPROX_FRACTION = 0.10

# Vague plural magnitudes ("hundreds of prisoners").  "Hundreds" means at least
# two hundred and fewer than a thousand, and so on; the value is None because no
# number was stated.  Qualifier "vague".
_VAGUE: dict[str, tuple[float, float]] = {
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

_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviated scales glued to digits: "2bn", "3.5mn", "$4m", "$10k".  "m" and "k"
# only count as scales after a currency sign (otherwise "12m" is metres).
_ABBREV_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "m": 1e6, "k": 1e3}

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

# Surface unit -> canonical unit.  Time units are singular English words.
_UNITS: dict[str, str] = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pct": "percent",
    "percentage point": "percentage point", "percentage points": "percentage point",
    "second": "second", "seconds": "second", "sec": "second", "secs": "second",
    "minute": "minute", "minutes": "minute", "min": "minute", "mins": "minute",
    "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "decade": "decade", "decades": "decade", "century": "century", "centuries": "century",
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "mile", "miles": "mile", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "km2": "km2", "sq km": "km2", "square kilometres": "km2", "square kilometers": "km2",
    "square miles": "sq mile", "hectares": "ha", "hectare": "ha",
    "kg": "kg", "kilogram": "kg", "kilograms": "kg", "tonne": "tonne", "tonnes": "tonne",
    "ton": "tonne", "tons": "tonne", "lb": "lb", "lbs": "lb",
    "barrel": "barrel", "barrels": "barrel", "litre": "litre", "litres": "litre",
    "liter": "litre", "liters": "litre", "km/h": "km/h", "mph": "mph",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB",
    "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH", "lira": "TRY", "liras": "TRY",
    "yuan": "CNY", "yen": "JPY", "pounds sterling": "GBP",
}
_CURRENCY_SIGNS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB",
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
    "km2": ("m2", 1e6), "ha": ("m2", 1e4), "sq mile": ("m2", 2_589_988.110336),
    "kg": ("kg", 1.0), "tonne": ("kg", 1000.0), "lb": ("kg", 0.45359237),
    "litre": ("litre", 1.0), "barrel": ("litre", 158.987294928),
    "km/h": ("km/h", 1.0), "mph": ("km/h", 1.609344),
}

# Nouns that name an exchange: in "a 1,000-for-1,000 prisoner swap" the number
# counts the compound modifier (prisoners), not the swap.
_EXCHANGE_NOUNS = {"swap", "exchange", "trade", "deal", "release", "handover"}
# Verbs of change: "expanded the delegation from 12 to 14 members" gives an old
# and a new value, not a range.
_CHANGE_VERBS = {
    "expand", "increase", "rise", "grow", "raise", "cut", "reduce", "fall", "drop", "decrease",
    "shrink", "climb", "jump", "lower", "boost", "slash", "double", "triple", "go", "swell",
    "soar", "plunge", "decline", "enlarge", "change",
}
# Verbs whose object is an amount of their subject ("casualties surpassed 1 million").
_AMOUNT_VERBS = {"exceed", "surpass", "reach", "top", "total", "number", "hit", "pass", "stand", "climb", "rise"}
_EXCESS_VERBS = {"exceed", "surpass", "top", "pass", "outnumber"}
# Verbs that link or report a number without saying what happened to the counted things
# ("there were 14", "officials said 14", "the delegation includes 12"): no predicate.
_LIGHT_VERBS = _AMOUNT_VERBS | _EXCESS_VERBS | {
    "be", "have", "say", "tell", "report", "include", "involve", "contain", "consist", "comprise",
    "become", "remain", "estimate", "add", "note", "state", "claim", "confirm", "announce", "show",
    "see", "make", "do", "get", "count", "put", "place", "cite", "quote", "accord",
}
# Nouns that name what happened to what follows their "of" ("the exchange of 1,200 prisoners",
# "the list of 339 children"); other nouns ("the remains of", "a group of") are passed through.
_EVENT_NOUNS = {
    "exchange", "swap", "trade", "release", "handover", "return", "repatriation", "transfer", "list",
    "death", "killing", "injury", "evacuation", "arrest", "detention", "deportation", "rescue",
    "capture", "abduction", "displacement", "transfer", "withdrawal", "deployment", "sale",
    "purchase", "delivery", "launch", "hire", "dismissal", "loss",
}
# What happened to counted things, by predicate lemma (from ``Quantity.predicate``): "killed two",
# "two died" and "two dead" state one count; "14 injured" is another slot. Lemmas not listed form
# their own class.
PREDICATE_CLASSES = {
    "die": "die", "kill": "die", "dead": "die", "death": "die", "killing": "die", "perish": "die",
    "fatality": "die", "murder": "die", "slay": "die", "drown": "die",
    "injure": "injure", "wound": "injure", "hurt": "injure", "injury": "injure", "maim": "injure",
    "evacuate": "evacuate", "evacuation": "evacuate", "move": "evacuate", "relocate": "evacuate",
    "displace": "evacuate", "displacement": "evacuate",
    "exchange": "exchange", "swap": "exchange", "trade": "exchange", "release": "exchange",
    "free": "exchange", "handover": "exchange", "hand": "exchange", "return": "exchange",
    "repatriate": "exchange", "repatriation": "exchange", "transfer": "exchange",
    "detain": "detain", "arrest": "detain", "capture": "detain", "detention": "detain",
    "abduct": "detain", "deport": "detain", "deportation": "detain",
    "rescue": "rescue", "save": "rescue", "list": "list",
    # durations: how long something went on vs how late it was
    "last": "length", "take": "length", "total": "length", "continue": "length", "run": "length", "long": "length",
    "delay": "delay", "postpone": "delay", "push": "delay",
}
# Participle adjectives that say what happened ("14 injured", "two dead"), with their verb.
_STATE_ADJECTIVES = {
    "injured": "injure", "wounded": "wound", "hurt": "hurt", "dead": "die", "killed": "kill",
    "missing": "miss", "evacuated": "evacuate", "detained": "detain", "displaced": "displace",
    "arrested": "arrest", "rescued": "rescue", "captured": "capture", "deported": "deport",
    "released": "release", "freed": "free", "listed": "list", "exchanged": "exchange",
}
# Capitalised words before a number that make it an identifier, not an amount.
_ID_WORDS = {"article", "section", "chapter", "resolution", "flight", "no.", "no", "number",
             "page", "room", "route", "paragraph", "clause", "item", "point", "protocol",
             "minsk", "unit", "brigade", "battalion", "regiment", "division", "corps", "army",
             "gate", "terminal", "channel", "phase", "step", "stage", "round", "level", "grade",
             "version", "model", "type", "class", "category", "tier", "su", "mig", "f", "s", "t"}
_NAME_LABELS = {"PERSON", "ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}
_CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|cet|cest|msk|edt|est|pdt|pst|o'clock|h\b|hrs\b)",
                          re.IGNORECASE)

def _norm(phrase: str) -> str:
    """Lower case with single spaces, the form of the lexicon keys."""
    return " ".join(phrase.lower().split())


def _phrase(words: str) -> str:
    """Regex for a phrase whose spaces may be any whitespace (cleaned text keeps no-break spaces)."""
    return r"\s+".join(re.escape(w) for w in words.split(" "))


_EXCHANGE_RE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)[\s\-–]*for[\s\-–]*(\d{1,3}(?:,\d{3})+|\d+)(?![\d,])"
)
_DIGITS = re.compile(
    r"(?<![\w.,:/\-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|trn|b|m|k)\b)?"
    r"(?![\d:/]|\.\d|,\d{3}|-\d|[a-zA-Z]{1,2}\d)",
    re.IGNORECASE,
)
_WORD_CORE = re.compile(
    r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|thousand|million|billion|trillion|dozen|half)\b(?:[\s\-]+(?:and[\s\-]+)?)?)+",
    re.IGNORECASE,
)
_VAGUE_RE = re.compile(
    r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|millions|billions)"
    r"(?=\s+of\b)",
    re.IGNORECASE,
)
_UNIT_RE = re.compile(
    r"^(?:\s*-\s*|\s*)(" + "|".join(sorted((_phrase(u) for u in _UNITS), key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_CURRENCY_RE = re.compile(
    r"(" + "|".join(re.escape(c) for c in sorted(_CURRENCY_SIGNS, key=len, reverse=True)) + r")\s?$",
    re.IGNORECASE,
)
_QUALIFIER_RE = re.compile(
    r"(?<![\w])(" + "|".join(_phrase(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)
_POSTFIX_RE = re.compile(r"^(?:\s+(or more|or so|or fewer|or less)\b|-?(plus)\b|\+)", re.IGNORECASE)
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s().\-]{7,}\d")


@dataclass
class _Core:
    """A number as written, before qualifiers, ranges and units are attached."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    spelled: bool = False
    vague: bool = False
    article: bool = False  # "an hour", "a year": number from the indefinite article
    exchange: bool = False  # "1,000-for-1,000"


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def find_quantities(doc: Doc) -> list[Quantity]:
    """Find numbers with their unit, what they count and their qualifier, as intervals."""
    text = doc.text
    cores = _find_cores(doc, text)
    quantities: list[Quantity] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        if core.exchange:
            # "a 1,000-for-1,000 swap": the same number each way; the interval is per side.
            q = _build(doc, text, core, core.end, core.value, core.value, core.value, "exchange")
            if q:
                quantities.append(q)
            i += 1
            continue
        if nxt is not None and _is_range(text, core, nxt):
            quantities.extend(_build_range(doc, text, core, nxt))
            i += 2
            continue
        q = _build(doc, text, core, core.end, core.value, core.low, core.high, None)
        if q:
            quantities.append(q)
        i += 1
    return quantities


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


# ---------------------------------------------------------------------------
# Finding numeric cores
# ---------------------------------------------------------------------------


def _find_cores(doc: Doc, text: str) -> list[_Core]:
    """Every number as written: digits, spelled-out numbers, vague plurals; sorted, non-overlapping."""
    cores: list[_Core] = []
    for m in _VAGUE_RE.finditer(text):
        key = re.sub(r"\s+", " ", m.group(0).lower())
        low, high = _VAGUE[key]
        cores.append(_Core(m.start(), m.end(), None, low, high, spelled=True, vague=True))
    for m in _EXCHANGE_RE.finditer(text):
        if m.group(1) == m.group(2):
            value = float(m.group(1).replace(",", ""))
            cores.append(_Core(m.start(), m.end(), value, exchange=True))
    for m in _DIGITS.finditer(text):
        value = _parse_digits(m.group(0), currency=bool(_CURRENCY_RE.search(text[max(0, m.start() - 4):m.start()])))
        if value is None:
            continue
        end = m.end()
        # A trailing "m"/"k" that is not a money scale belongs to the unit, not to the number.
        if re.search(r"\d[mk]$", m.group(0), re.IGNORECASE) and not _CURRENCY_RE.search(
            text[max(0, m.start() - 4):m.start()]
        ):
            end -= 1
        cores.append(_Core(m.start(), end, value))
    for m in _WORD_CORE.finditer(text):
        cores.extend(_word_cores(text, m.start(), m.end()))
    cores.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Core] = []
    for core in cores:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _parse_digits(raw: str, currency: bool) -> float | None:
    """Value of a digit number with an optional scale word or abbreviation."""
    m = re.match(r"([\d,]+(?:\.\d+)?)\s*([a-zA-Z]*)$", raw)
    if not m:
        return None
    value = float(m.group(1).replace(",", ""))
    scale = m.group(2).lower()
    if scale in _SCALES:
        value *= _SCALES[scale]
    elif scale in ("m", "k"):
        if currency:
            value *= _ABBREV_SCALES[scale]
    elif scale:
        value *= _ABBREV_SCALES[scale]
    return value


def _word_cores(text: str, start: int, end: int) -> list[_Core]:
    """Spelled-out numbers inside a run of number words ("three and a half", "a dozen", "an")."""
    words = [(m.group(0).lower(), start + m.start(), start + m.end()) for m in re.finditer(r"[A-Za-z]+", text[start:end])]
    # A leading article belongs to the number only before a scale, "dozen" or "half".
    while len(words) > 1 and words[0][0] in ("a", "an") and words[1][0] not in (
        "dozen", "hundred", "thousand", "million", "billion", "trillion", "half"
    ):
        words = words[1:]
    while words and words[-1][0] in ("and", "a", "an") and len(words) > 1:
        words = words[:-1]
    if not words or words[0][0] == "and":
        return []
    s, e = words[0][1], words[-1][2]
    names = [w for w, _, _ in words]
    if names in (["a"], ["an"]):
        return [_Core(s, e, 1.0, spelled=True, article=True)]
    if names[0] == "half" and len(names) == 1 and re.match(r"\s+an?\b", text[e:e + 4], re.I):
        # "half an hour": the article is part of the number
        am = re.match(r"\s+an?\b", text[e:e + 4], re.I)
        return [_Core(s, e + am.end(), 0.5, spelled=True)]
    value = _parse_words(names)
    if value is None:
        return []
    return [_Core(s, e, value, spelled=True)]


# number-parser rebuilds its accent-stripped vocabulary on every call (about 15 ms
# here); the same few number phrases recur in every article, so remember them.
_parse_number = functools.lru_cache(maxsize=4096)(parse_number)


def _parse_words(words: list[str]) -> float | None:
    """Value of spelled-out number words; number-parser does integers, halves are added here."""
    half = 0.0
    if words[-1] == "half":
        # "three and a half", "two and half", "half"
        words = words[:-1]
        half = 0.5
        while words and words[-1] in ("a", "an", "and"):
            words = words[:-1]
        if not words:
            return 0.5
    if words in (["a", "dozen"], ["dozen"]):
        return 12.0 + half
    if words[0] in ("a", "an"):
        words = ["one", *words[1:]]
    if words[-1] == "dozen":
        base = _parse_words(words[:-1])
        return None if base is None else base * 12 + half
    if any(w not in _WORD_NUMBERS and w not in _SCALES and w != "and" for w in words):
        return None
    if all(w in _SCALES for w in words):
        return None  # "hundred", "million" alone: not a stated number
    parsed = _parse_number(" ".join(words))
    if parsed is None:
        return None
    return float(parsed) + half


def _is_range(text: str, first: _Core, second: _Core) -> bool:
    """Whether two adjacent numbers form a range ("24 to 48", "between 3 and 5", "10-12")."""
    if first.vague or second.vague or first.value is None or second.value is None:
        return False
    between = text[first.end:second.start]
    if not _RANGE_SEP.match(between):
        return False
    sep = between.strip().lower()
    if sep == "and":
        return bool(re.search(r"\bbetween\s+(?:\S+\s?)?$", text[max(0, first.start - 20):first.start], re.I))
    if re.search(r"\bfrom\s+$", text[max(0, first.start - 6):first.start], re.I):
        return True  # "from 40 to 25": a change may go down
    return second.value > first.value


# ---------------------------------------------------------------------------
# Building records
# ---------------------------------------------------------------------------


def _build_range(doc: Doc, text: str, first: _Core, second: _Core) -> list[Quantity]:
    """A range "24 to 48 hours", or an old and a new value "from 12 to 14 members"."""
    before = text[max(0, first.start - 6):first.start].lower()
    if re.search(r"\bfrom\s+$", before):
        head = _token_at(doc, first.start)
        verb = head
        for _ in range(6):
            if verb is None or verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head if verb.head is not verb else None
        if verb is not None and verb.lemma_.lower() in _CHANGE_VERBS:
            old = _build(doc, text, first, first.end, first.value, first.value, first.value, "changed from",
                         unit_from=second.end, counted_from=second)
            new = _build(doc, text, second, second.end, second.value, second.value, second.value, "changed to")
            return [q for q in (old, new) if q]
        # A "from X to Y" that is not a change is still a range.
    q = _build(doc, text, first, second.end, None, first.value, second.value, "range", second=second)
    return [q] if q else []


def _build(
    doc: Doc,
    text: str,
    core: _Core,
    end: int,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str | None,
    second: _Core | None = None,
    unit_from: int | None = None,
    counted_from: _Core | None = None,
) -> Quantity | None:
    """Attach currency, unit, qualifier and counted noun to a core; None when it is not an amount."""
    start = core.start
    last = second or core
    if _skip(doc, text, core, last, end):
        return None

    unit = None
    # Currency sign before the number ("$2 billion", "US$ 3m").
    cur = _CURRENCY_RE.search(text[max(0, start - 4):start])
    if cur and not core.spelled:
        unit = _CURRENCY_SIGNS[cur.group(1).lower()]
        start = start - (len(text[max(0, start - 4):start]) - cur.start())
    # Unit after the number ("40 minutes", "50%", "50-day").  For "from 12 to 14
    # members" the old value takes its unit from after the new one.
    unit_end = end
    um = _UNIT_RE.match(text[unit_from if unit_from is not None else end:][:40])
    if um and unit is None:
        unit = _UNITS[_norm(um.group(1))]
        if unit_from is None:
            unit_end = end + um.end()
    elif um and unit is not None and _UNITS[_norm(um.group(1))] == unit and unit_from is None:
        unit_end = end + um.end()  # "$2 billion dollars" (rare, harmless)

    # An indefinite article is a number only with a unit and a qualifier ("less than an hour").
    if core.article and (unit not in TIME_UNITS):
        return None

    # Qualifier before the number (or before the currency sign).
    q_rule = "exact"
    qm = _QUALIFIER_RE.search(text[max(0, start - 25):start])
    if qualifier is None and qm:
        qualifier, q_rule = _QUALIFIERS[_norm(qm.group(1))]
        start = start - (len(text[max(0, start - 25):start]) - qm.start())
    elif qualifier is None:
        pm = _POSTFIX_RE.match(text[unit_end:unit_end + 12])
        if pm and (pm.group(1) or pm.group(2) or pm.group(0) == "+"):
            qualifier, q_rule = _POSTFIX[_norm(pm.group(1) or pm.group(2) or "plus")]
            unit_end += pm.end()
    if core.article and qualifier is None:
        return None
    if core.vague:
        qualifier = qualifier or "vague"
    elif value is not None and qualifier not in ("range", "exchange"):
        low, high = _apply_rule(q_rule, value)

    counted = None
    if unit is None or unit not in TIME_UNITS:
        counted = _counted(doc, counted_from or last, unit)
    predicate = _predicate(doc, counted_from or last, unit)
    if qualifier is None and value is not None and _object_of_excess(doc, core):
        qualifier, (low, high) = "more than", _apply_rule("more", value)
    if core.spelled and not core.vague and unit is None and counted is None:
        return None  # "one of them", "the two": spelled numbers need something to count
    if core.spelled and value is not None and value <= 2 and unit is None and _definite_before(text, core.start):
        return None  # "the two sides" refers, it does not report a count
    span_end = max(unit_end, end)
    return Quantity(
        text=text[start:span_end],
        start=start,
        end=span_end,
        value=value,
        low=low,
        high=high,
        unit=unit,
        counted=counted,
        qualifier=qualifier,
        predicate=predicate,
    )


def _apply_rule(rule: str, v: float) -> tuple[float | None, float | None]:
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


def _object_of_excess(doc: Doc, core: _Core) -> bool:
    """Whether the number is what something exceeded ("casualties surpassed 1 million")."""
    tok = _last_token(doc, core)
    return tok is not None and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in _EXCESS_VERBS


def _definite_before(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:the|these|those|both|its|their|our|his|her)\s+$", text[max(0, pos - 8):pos], re.I))


def _skip(doc: Doc, text: str, core: _Core, last: _Core, end: int) -> bool:
    """Whether a number is a date, year, clock time, ordinal, identifier or phone number."""
    tok = _token_at(doc, core.start)
    after = text[end:end + 14]
    before = text[max(0, core.start - 12):core.start]
    if tok is None:
        return True
    unit_follows = bool(_UNIT_RE.match(after))
    unit_is_time = unit_follows and _UNITS[_norm(_UNIT_RE.match(after).group(1))] in TIME_UNITS
    if tok.ent_type_ in ("DATE", "TIME") and not unit_is_time and not core.vague:
        # spaCy's DATE covers "July 23", "2025", "mid-2025"; keep only durations.
        if not unit_follows:
            return True
    if tok.ent_type_ in _NAME_LABELS:
        return True  # part of a name: "Bucharest Nine", "Channel 4"
    if core.spelled and core.value == 1 and not core.article and tok.dep_ != "nummod":
        return True  # "one of them", "no one": a pronoun, not a count
    if tok.ent_type_ == "ORDINAL" and not core.spelled and not re.search(r"\d", tok.text):
        return True
    if _CLOCK_AFTER.match(after) and not unit_follows:
        return True
    raw = text[core.start:core.end]
    if not core.spelled:
        digits = raw.replace(",", "")
        # A bare four-digit number from 1800 to 2100 with no unit is a year ("in 2022").
        if re.fullmatch(r"(18|19|20)\d\d|2100", digits) and not unit_follows and "," not in raw:
            head = tok.head
            if not (tok.dep_ == "nummod" and head.pos_ == "NOUN" and head.lower_ not in _MONTHS):
                return True
        if re.search(r"\d(?:st|nd|rd|th)\b", text[core.start:core.end + 2]):
            return True
        lo = max(0, core.start - 20)
        for m in _PHONE.finditer(text[lo:end + 20]):
            if m.start() + lo <= core.start and m.end() + lo >= core.end and sum(c.isdigit() for c in m.group(0)) >= 9:
                return True  # phone numbers and other long digit groups
    prev_word = re.search(r"([A-Za-z.]+)[\s\-]*$", before)
    if prev_word and not core.spelled:
        word = prev_word.group(1).lower()
        if word in _MONTHS:
            return True
        if word in _ID_WORDS and prev_word.group(1)[:1].isupper():
            return True
    if not core.spelled and re.match(r"(?:\s*(?:,|and|&|–|-)\s*\d{1,2}\b)+\s+(?:" + "|".join(_MONTHS) + r")\b",
                                     text[end:end + 60], re.IGNORECASE):
        return True  # "on 9, 10 and 12 June": a list of days
    next_word = re.match(r"[\s,]*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in _MONTHS and not core.spelled and (core.value or 0) <= 31:
        return True  # "23 July"
    if core.spelled and text[core.start:core.start + 1].isupper() and tok.i > tok.sent.start:
        prev = tok.doc[tok.i - 1]
        if prev.text[:1].isupper() and prev.pos_ == "PROPN":
            return True  # "Bucharest Nine": a spelled number inside a name
    if core.spelled and re.match(r"-(?:on|to|off|sided|way)\b", after, re.I):
        return True  # "one-on-one", "one-sided"
    return False


# ---------------------------------------------------------------------------
# What is counted
# ---------------------------------------------------------------------------


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token that contains character offset ``char`` (or the next one)."""
    span: Span | None = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def _last_token(doc: Doc, core: _Core) -> Token | None:
    span = doc.char_span(core.start, core.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # The rightmost token attached outside the span is the number phrase's link to
    # the sentence ("a dozen cars": "dozen", not the article, modifies "cars").
    outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head is t]
    return outside[-1] if outside else span.root


def _counted(doc: Doc, core: _Core, unit: str | None) -> str | None:
    """The noun the number counts, from the dependency parse ("the remains of 6,000 soldiers" -> soldiers)."""
    noun = _counted_noun(doc, core, unit)
    return _noun_phrase(noun) if noun is not None else None


def _counted_noun(doc: Doc, core: _Core, unit: str | None) -> Token | None:
    """The token of the noun the number counts, or None."""
    tok = _last_token(doc, core)
    if tok is None:
        return None
    core_idx = set(range(tok.i - 3, tok.i + 1))
    noun: Token | None = None
    head = tok.head
    if core.vague:
        noun = _of_complement(tok)
    elif unit is not None:
        return None
    elif tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and head.i > tok.i and head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        noun = head
        if noun.lower_ in _UNITS or noun.i in core_idx:
            noun = _of_complement(noun) if noun.lower_ in _SCALES else None
    elif tok.pos_ in ("NUM", "NOUN", "PRON", "PROPN", "ADJ") or tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "attr"):
        noun = _of_complement(tok)
        if noun is None:
            # "over 1,000 prisoners" parsed with the noun as a sibling right after the number.
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in _UNITS:
                noun = nxt
    if noun is None and tok.dep_ in ("dobj", "attr", "pobj") and unit is None:
        # "casualties have exceeded 1 million": the subject of a verb of amount is counted.
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        if verb.lemma_.lower() in _AMOUNT_VERBS:
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
            noun = subjects[0] if subjects else None
    if noun is None:
        # Last resort: the next plural noun right after the number ("1,200 Ukrainians").
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.lower_ not in _UNITS and nxt.lower_ not in _VAGUE:
            noun = nxt
    if noun is None or noun.pos_ in ("PRON", "DET"):
        return None
    if "\n" in doc[min(noun.i, tok.i):max(noun.i, tok.i) + 1].text or noun.sent.start != tok.sent.start:
        return None  # a heading's number does not count the next paragraph's noun
    return noun


# ---------------------------------------------------------------------------
# What happened to what is counted
# ---------------------------------------------------------------------------

# Steps up the dependency tree from the number to its predicate: "the remains of 3,000 soldiers
# were handed over" needs four (soldiers -> of -> remains -> handed); more reaches other clauses.
_PREDICATE_STEPS = 5


def _predicate(doc: Doc, core: _Core, unit: str | None) -> str | None:
    """Lemma of what happened to the counted things ("14 people were injured" -> "injure")."""
    tok = _last_token(doc, core)
    if tok is None:
        return None
    noun = _counted_noun(doc, core, unit) if unit is None or unit not in TIME_UNITS else None
    start = noun if noun is not None else tok
    if start.lemma_.lower() in _EVENT_NOUNS:  # "a 1,000-for-1,000 prisoner swap"
        return start.lemma_.lower()
    found = _modifier_predicate(start) or (_modifier_predicate(tok) if tok is not start else None)
    if found:
        return found
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) and noun is None else None
    if nxt is not None and nxt.lower_ in _STATE_ADJECTIVES:  # "14 injured" read as a noun phrase
        return _STATE_ADJECTIVES[nxt.lower_]
    cur = start
    for _ in range(_PREDICATE_STEPS):
        head = cur.head
        if head is cur:
            break
        if head.pos_ in ("VERB", "AUX") and cur.dep_ != "conj":
            lemma = head.lemma_.lower()
            # "totaling three hours": for a length of time, a verb of amount says it is the length.
            if lemma not in _LIGHT_VERBS or (unit in TIME_UNITS and lemma in _AMOUNT_VERBS):
                return _STATE_ADJECTIVES.get(head.lower_, lemma)
            # "two people are dead", "14 were injured" parsed with a copula: the complement says it.
            for child in head.children:
                if child.dep_ in ("acomp", "attr", "oprd") and child.lower_ in _STATE_ADJECTIVES:
                    return _STATE_ADJECTIVES[child.lower_]
            return None
        if head.pos_ == "ADJ" and head.lower_ in _STATE_ADJECTIVES:
            return _STATE_ADJECTIVES[head.lower_]
        if head.pos_ in ("NOUN", "PROPN") and cur.dep_ == "pobj" or (
            head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in _EVENT_NOUNS
        ):
            if head.lemma_.lower() in _EVENT_NOUNS:
                return head.lemma_.lower()
        cur = head
    return None


def predicate_class(lemma: str | None) -> str | None:
    """The class of a predicate lemma, so that synonyms compare ("kill", "die", "dead" -> "die")."""
    if not lemma:
        return None
    lemma = lemma.lower()
    return PREDICATE_CLASSES.get(lemma, lemma)


def _modifier_predicate(noun: Token) -> str | None:
    """A participle attached to the noun that says what happened: "children listed by", "injured people"."""
    for child in noun.children:
        if child.lower_ in _STATE_ADJECTIVES and child.dep_ in ("amod", "acl", "relcl", "appos", "conj"):
            return _STATE_ADJECTIVES[child.lower_]
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and child.i > noun.i:
            # "people who were injured", "329 children listed by Ukraine"
            lemma = child.lemma_.lower()
            if lemma not in _LIGHT_VERBS:
                return _STATE_ADJECTIVES.get(child.lower_, lemma)
    return None


def _of_complement(tok: Token) -> Token | None:
    """The object of an "of" attached to ``tok`` ("1,000 of our people" -> people)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def _noun_phrase(noun: Token) -> str:
    """Counted text: the head noun as written, with a bare "of" complement ("prisoners of war").

    Adjectives are left out ("339 Ukrainian children" -> "children") so that outlets
    that describe the same group differently still meet; an exchange noun gives way
    to what is exchanged ("prisoner swap" -> "prisoners").
    """
    if noun.lemma_.lower() in _EXCHANGE_NOUNS:
        compounds = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        if compounds:
            return _pluralize(compounds[-1].text)
    text = noun.text
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == noun.i + 1:
            objs = [o for o in child.children if o.dep_ == "pobj"]
            if (
                objs
                and objs[0].i == child.i + 1
                and objs[0].tag_ == "NN"
                and not any(c.dep_ in ("det", "poss", "nummod", "amod") for c in objs[0].children)
            ):
                text = f"{text} of {objs[0].text}"
    return text


def _pluralize(word: str) -> str:
    """English plural of a count noun; enough for the compounds of exchange nouns."""
    low = word.lower()
    if low.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
