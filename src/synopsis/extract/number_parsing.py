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
# "1,000-1,200", "10-12", "2-3 million": two digit numbers joined by a bare hyphen.  _DIGITS
# refuses a hyphen on either side (it keeps "COVID-19", "F-16", "202-555-0143" out), so
# the pair is read here and vetted by ``_hyphen_range``: scores, years and phone numbers
# have the same shape.
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_HYPHEN_PAIR = re.compile(
    r"(?<![\w.,:/\-–—])(" + _NUM + r")-(" + _NUM +
    r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|mln|tn|trn|b|m|k)\b)?)"
    r"(?![\d:/\-–—]|[.,]\d|[a-zA-Z]{1,2}\d)",
    re.IGNORECASE,
)
# Words that make "N-N" a score, a vote tally or a result, not a range.
_SCORE_BEFORE = re.compile(
    r"\b(?:won|wins?|winning|beat|beats|beaten|lost|lose|loses|losing|drew|draw|drawn|defeated|"
    r"scored?|scores|scoreline|leads?|led|trail(?:s|ed|ing)?|vote[ds]?|voting|tied|ties|final|"
    r"result|margin|record)\b[^.;\d]{0,25}$",
    re.IGNORECASE,
)
_SCORE_AFTER = re.compile(
    r"^\s*(?:win|wins|victory|victories|defeat|defeats|loss|losses|draw|lead|vote|votes|ruling|"
    r"decision|margin|scoreline|record|split|majority|result)\b",
    re.IGNORECASE,
)
_PHONE_WORDS = re.compile(r"\b(?:call|calls|calling|phone|tel|telephone|hotline|fax|dial|number|no\.?|ext)\b"
                          r"[^.;]{0,12}$", re.IGNORECASE)
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
    scale: float = 1.0  # the scale word or abbreviation written with it: 1e6 for "3 million", "3m"
    hyphen: bool = False  # one end of a hyphenated range "1,000-1,200" (vetted: not a score, year or phone)


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
    for m in _HYPHEN_PAIR.finditer(text):
        cores.extend(_hyphen_range(text, m))
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
        cores.append(NumberCore(m.start(), end, value, scale=_scale_of(m.group(0)[: end - m.start()], value)))
    for m in _WORD_CORE.finditer(text):
        cores.extend(_word_cores(text, m.start(), m.end()))
    cores.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[NumberCore] = []
    for core in cores:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _scale_of(raw: str, value: float | None) -> float:
    """The factor a scale word or abbreviation gave a digit number ("3 million" -> 1e6), else 1."""
    m = re.match(r"[\d,]+(?:\.\d+)?", raw)
    if value is None or not m or m.end() == len(raw.rstrip()):
        return 1.0
    base = float(m.group(0).replace(",", ""))
    return value / base if base else 1.0


def _hyphen_range(text: str, m: re.Match) -> list[NumberCore]:
    """The two ends of a hyphenated range "1,000-1,200 prisoners", or nothing when the pair is
    a score ("won 3-1", "lost 1-3"), a span of years ("2024-2025"), a phone number ("555-1234")
    or not increasing: none of those is an amount."""
    first_raw, second_raw = m.group(1), m.group(2)
    currency = bool(CURRENCY_RE.search(text[max(0, m.start() - 4):m.start()]))
    low = _parse_digits(first_raw, currency=currency)
    high = _parse_digits(second_raw, currency=currency)
    if low is None or high is None:
        return []
    second_end = m.end()
    # A trailing "m"/"k" that is not a money scale belongs to the unit ("10-12m" is metres).
    if re.search(r"\d[mk]$", second_raw, re.IGNORECASE) and not currency:
        second_end -= 1
        high = _parse_digits(second_raw[:-1], currency=False)
    scale = _scale_of(text[m.start(2):second_end], high)
    base_high = high / scale
    if not base_high > low:
        return []  # "3-1", "2-2": a score or a tally, not a range
    second_num = re.match(_NUM, second_raw).group(0)
    first_digits, second_digits = first_raw.replace(",", ""), second_num.replace(",", "")
    plain = "," not in first_raw + second_num and "." not in first_raw + second_num
    if plain and re.fullmatch(r"\d{4}", first_digits) and re.fullmatch(r"\d{4}", second_digits) \
            and 1800 <= low <= 2100 and 1800 <= base_high <= 2100 and base_high - low <= 50:
        return []  # "2024-2025", "1939-1945": years
    if plain and (
        re.match(r"0\d", first_digits) or re.match(r"0\d", second_digits)
        or (len(first_digits) + len(second_digits) >= 7 and int(base_high) % 10 != 0)
        or _PHONE_WORDS.search(text[max(0, m.start() - 25):m.start()])
    ):
        return []  # "555-1234", "call 020-7946": a phone number
    if plain and low >= 100 and _precision(base_high) >= 100 * _precision(low):
        return []  # "737-800": a model number; a range's ends are rounded alike ("300-400", "95-100")
    if _SCORE_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or _SCORE_AFTER.match(text[second_end:second_end + 20]):
        return []
    return [
        NumberCore(m.start(1), m.end(1), low, hyphen=True),
        NumberCore(m.start(2), second_end, high, scale=scale, hyphen=True),
    ]


def _precision(value: float) -> int:
    """The largest power of ten dividing a whole number: 1 for 737, 100 for 800."""
    number, power = int(value), 1
    if number != value or number == 0:
        return 1
    while number % (power * 10) == 0:
        power *= 10
    return power


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
    scale = SCALES[names[-1]] if len(names) > 1 and names[-1] in SCALES else 1.0
    return [NumberCore(s, e, value, spelled=True, scale=scale)]


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
