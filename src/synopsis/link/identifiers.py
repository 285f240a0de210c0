"""Identifiers a lead gives its event or what the event concerns: codes, numbered names, "Nth" names.

Two events of one kind (two security bulletins, two product launches, two arrests on
different highways) share their cast and words; what tells them apart is often an
identifier of the same shape with another value: bulletin "MS08-078" against
"MS13-009", "Windows 7" against "Windows 8", "the 81st Academy Awards" against "the
86th", "Route 52" against "Route 94".  An identifier is kept as "kind=value", the kind
saying which identifiers are comparable (``identifier_conflict``).

Patterns rather than the parse: titles are not parsed, and the shapes are lexical.
"""

from __future__ import annotations

import re
from collections import defaultdict

# A token holding a digit and a letter, in hyphen-joined parts: "MS08-078", "CVE-2008-4250",
# "A380", "AK-47", "KB958644".
_CODE = re.compile(r"(?<![\w.-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-])")
# A part that is a number with a unit or suffix is a measure or an ordinal, not a code:
# "11th", "6am", "60km", "1.7m", "1950s", "20mm".
_MEASURE = re.compile(
    r"^\d+(?:st|nd|rd|th|s|am|pm|km|kg|m|mm|cm|ft|mph|kph|bn|b|k|mb|gb|mw|g|lb|lbs|in|yr|yrs|h|hr|hrs|min|mins|x\d+)$",
    re.IGNORECASE,
)
# A code followed by (or ending in) a magnitude is an amount whose currency sign was
# written as a letter ("e80 million", "R26m").
_AMOUNT_AFTER = re.compile(r"\s*(?:million|billion|thousand|trillion|m|bn|mn)\b", re.IGNORECASE)
_AMOUNT_END = re.compile(r"(?:million|billion|m|bn)$", re.IGNORECASE)
# A capitalised name and the number it is given: "Windows 7", "Route 52", "Flight 447".
# Not after a sentence's end (a capital there need not be a name), and not when the number
# counts something or starts a date or an amount ("Over 2 million", "May 2, 2008").
_NUMBERED_NAME = re.compile(
    r"(?<![.!?:]\s)\b([A-Z][A-Za-z]+)\s+(\d{1,4}(?:\.\d+)*)\b(?![.,]?\d)"
    r"(?!\s*(?:%|percent|million|billion|thousand|people|persons|years?|days?|months?|weeks?|hours?|minutes?|times?)\b)"
)
# An ordinal numeral and the capitalised name it numbers: "81st Academy Awards", "67th Precinct".
_NTH_NAME = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:[Aa]nnual\s+)?([A-Z][A-Za-z]+)")
# Capitalised words that are not names a number identifies: calendar words (a date), and
# words a sentence or title opens with ("The 36-year-old", "Over 20").
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
)
# A designator: a short code of capitals and a number, spaced or not: flight "MA 2291" or
# "MH17", "COP28".  Its kind is its shape, whatever the code's letters and the number's
# length, so two flights of two carriers ("MA 2291" / "BT 608") conflict, and "MH 17" meets
# "MH17".  Two or three capitals: airline and airport codes, conference names; one capital
# and digits ("A321", "G20") stays a code compared by its whole shape.
_DESIGNATOR = re.compile(r"^[A-Z]{2,3}$")
_DESIGNATOR_CODE = re.compile(r"^([A-Z]{2,3})(\d{1,4})$")
# A decimal part after it makes it a measure's name ("PM2.5"), not a designator.
_DECIMAL = re.compile(r"\.\d")


def _designator(letters: str, number: str) -> str:
    """A designator as "designator/AA=ma2291": the kind is the count of its capitals."""
    return f"designator/{'A' * len(letters)}={letters.lower()}{int(number)}"


def _shape(code: str) -> str:
    """A code's shape: letters as A, digits as # ("MS08-078" -> "AA##-###"), whatever the case
    (a headline in capitals writes the codes its lead writes)."""
    return re.sub(r"\d", "#", re.sub(r"[A-Za-z]", "A", code))


def _is_code(code: str, after: str) -> bool:
    """True for a letter-and-digit identifier, not a measure, a compound ("35-year-old") or an amount."""
    if _AMOUNT_AFTER.match(after) or _AMOUNT_END.search(code):
        return False
    parts = code.split("-")
    for part in parts:
        # Words in a hyphenated compound are lower case ("year-old", "magnitude-5"); the
        # letter parts of a code are capitals ("CVE-2008-4250", "AK-47").
        if part.isalpha() and not part.isupper():
            return False
    mixed = [part for part in parts if not part.isalpha() and not part.isdigit()]
    return bool(mixed or len(parts) > 1) and not any(_MEASURE.match(part) for part in mixed)


def title_cased(text: str) -> bool:
    """True when most longer words are capitalised ("Quake Kills 10 In Iran"): capitals mark no names there."""
    words = [w for w in re.findall(r"[A-Za-z]{4,}", text)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def lead_identifiers(text: str, stop_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The identifiers of one title or sentence, as "kind=value" ("code/AA##-###=ms08-078",
    "numbered/windows=7", "designator/AA=ma2291", "nth/academy=81").  ``stop_words`` are words that name nothing
    ("We 4" is no name)."""
    found = set()
    for match in _CODE.finditer(text):
        code = match.group(0)
        if not _is_code(code, text[match.end() : match.end() + 12]):
            continue
        if (designator := _DESIGNATOR_CODE.match(code)) and not _DECIMAL.match(text, match.end()):
            found.add(_designator(*designator.groups()))
        else:
            found.add(f"code/{_shape(code)}={code.lower()}")
    for match in _NUMBERED_NAME.finditer(text) if not title_cased(text) else ():
        if match.start() == 0:
            continue  # a sentence's first word is capitalised whatever it is
        name = match.group(1).lower()
        if name in _NOT_NAMES or name in stop_words:
            continue
        if _DESIGNATOR.match(match.group(1)) and match.group(2).isdigit():
            found.add(_designator(match.group(1), match.group(2)))
        else:
            found.add(f"numbered/{name}={match.group(2)}")
    for match in _NTH_NAME.finditer(text):
        name = match.group(2).lower()
        if name not in _NOT_NAMES:
            found.add(f"nth/{name}={int(match.group(1))}")
    return frozenset(found)


def identifier_conflict(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str, str]]:
    """The kinds of identifier both sets give with no value in common, as (kind, a's values,
    b's values): "MS08-078" against "MS13-009", "Windows 7" against "Windows 8".  A lead
    listing several ("Windows 7 and 8") conflicts only with one sharing none of them."""
    if not a or not b:
        return []  # most pairs: checked for every pair compared
    mine: dict[str, set[str]] = defaultdict(set)
    theirs: dict[str, set[str]] = defaultdict(set)
    for identifier in a:
        kind, _, value = identifier.partition("=")
        mine[kind].add(value)
    for identifier in b:
        kind, _, value = identifier.partition("=")
        theirs[kind].add(value)
    return [
        (kind, "/".join(sorted(mine[kind])), "/".join(sorted(theirs[kind])))
        for kind in sorted(mine.keys() & theirs.keys())
        if not (mine[kind] & theirs[kind])
    ]
