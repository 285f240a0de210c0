"""Numeric cores: numbers written in digits or words, with scales, exchanges and ranges."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from number_parser import parse_number
from spacy.tokens import Doc

from synopsis.extract.quantity_units import CURRENCY_RE, VAGUE, VAGUE_RE


SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

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
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.IGNORECASE)
PHONE = re.compile(r"\+?\d[\d\s().\-]{7,}\d")


@dataclass
class NumberCore:
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


def find_cores(doc: Doc, text: str) -> list[NumberCore]:
    """Every number as written: digits, spelled-out numbers, vague plurals; sorted, non-overlapping."""
    cores: list[NumberCore] = []
    for m in VAGUE_RE.finditer(text):
        key = re.sub(r"\s+", " ", m.group(0).lower())
        low, high = VAGUE[key]
        cores.append(NumberCore(m.start(), m.end(), None, low, high, spelled=True, vague=True))
    for m in _EXCHANGE_RE.finditer(text):
        if m.group(1) == m.group(2):
            value = float(m.group(1).replace(",", ""))
            cores.append(NumberCore(m.start(), m.end(), value, exchange=True))
    for m in _DIGITS.finditer(text):
        value = _parse_digits(m.group(0), currency=bool(CURRENCY_RE.search(text[max(0, m.start() - 4):m.start()])))
        if value is None:
            continue
        end = m.end()
        # A trailing "m"/"k" that is not a money scale belongs to the unit, not to the number.
        if re.search(r"\d[mk]$", m.group(0), re.IGNORECASE) and not CURRENCY_RE.search(
            text[max(0, m.start() - 4):m.start()]
        ):
            end -= 1
        cores.append(NumberCore(m.start(), end, value))
    for m in _WORD_CORE.finditer(text):
        cores.extend(_word_cores(text, m.start(), m.end()))
    cores.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[NumberCore] = []
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
    if scale in SCALES:
        value *= SCALES[scale]
    elif scale in ("m", "k"):
        if currency:
            value *= _ABBREV_SCALES[scale]
    elif scale:
        value *= _ABBREV_SCALES[scale]
    return value


def _word_cores(text: str, start: int, end: int) -> list[NumberCore]:
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
        return [NumberCore(s, e, 1.0, spelled=True, article=True)]
    if names[0] == "half" and len(names) == 1 and re.match(r"\s+an?\b", text[e:e + 4], re.I):
        # "half an hour": the article is part of the number
        am = re.match(r"\s+an?\b", text[e:e + 4], re.I)
        return [NumberCore(s, e + am.end(), 0.5, spelled=True)]
    value = _parse_words(names)
    if value is None:
        return []
    return [NumberCore(s, e, value, spelled=True)]


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
    if any(w not in _WORD_NUMBERS and w not in SCALES and w != "and" for w in words):
        return None
    if all(w in SCALES for w in words):
        return None  # "hundred", "million" alone: not a stated number
    parsed = _parse_number(" ".join(words))
    if parsed is None:
        return None
    return float(parsed) + half


def is_range(text: str, first: NumberCore, second: NumberCore) -> bool:
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
