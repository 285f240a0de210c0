"""Vote splits: "voted seven to two", "a 7-2 vote", "by six votes to three", "a 5–4 ruling".

A split is one value, the tally for and against taken together: an outlet that says the board voted
"seven to two" and one that says it "split six votes to three" disagree about one thing, which
neither number alone says ("six" votes agrees with nothing and disputes nothing). The number reader
refuses "7-2" as a range (a score or a tally) and reads "seven to two" as two bare numbers; this
module reads the pair as a measure in the unit ``VOTE_SPLIT``, so that splits compare as values
like match minutes do (``match_minutes``).

Only a pair that words of voting name is a split ("voted", "the vote", "ballot", "ruling",
"decision", "majority", "in favour ... against"): "won 3-1" is a match score, "ages 18-25" and
"from 2-4pm" are ranges. The majority comes first in every way newsrooms write a split, so a pair
whose first number is the smaller ("voted to extend it by 30 to 60 days") is a range, not a split.
Hand-written over the text, as the match minutes are: no library reads tallies, and the parse
gives "seven to two" no structure of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from synopsis.extract.number_parsing import _parse_words
from synopsis.records import Quantity

VOTE_SPLIT = "vote split"
# A split is stored as one number, majority * SPLIT_BASE + minority (7-2 -> 7002), so that it is
# compared as an exact value on one axis: 7-2 and 6-3 differ, two reports of 7-2 agree. The base
# only has to exceed any minority a body reports (a parliament's 312 to 198 fits).
SPLIT_BASE = 100_000

_WORD_NUMBER = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five"
                r"|six|seven|eight|nine))?|zero|nil|one|two|three|four|five|six|seven|eight|nine|ten|eleven"
                r"|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})?|{_WORD_NUMBER})"
# "7-2", "7–2", "seven to two", "six votes to three", "7 votes in favour and 2 against",
# "nine in favour, four against".
_PAIR = re.compile(
    rf"(?<![\w.,:/–-])(?P<first>{_NUMBER})"
    rf"(?:\s*[-–—]\s*|\s+(?:votes?\s+)?to\s+|(?:\s+votes?)?\s+in\s+favou?r\s*(?:,|and|to|with)?\s*)"
    rf"(?P<second>{_NUMBER})(?P<against>(?:\s+votes?)?\s+against)?(?![\w–-]|[.,:]\d)",
    re.IGNORECASE,
)
# Words of voting before the pair ("voted seven to two", "the vote was 6-3", "by a vote of 7 to 2",
# "split six votes to three"), within a few words and no sentence or clause break.
_VOTE_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot(?:ed|s)?|split|passed|approved|rejected|adopted|carried|upheld|struck\s+down"
    r"|ruled|decided)\b(?:\s+[\w,'’-]+){0,4}?\s*(?:by\s+)?(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)
# Words of voting after the pair ("a 5–4 ruling", "a 7-2 vote", "a six-to-three majority").
_VOTE_AFTER = re.compile(r"\s*(?:vote|votes|ruling|decision|verdict|majority|split|ballot)\b", re.IGNORECASE)
# Measures after the pair make it a range whatever the verb ("voted to extend it by 30 to 60 days").
_UNIT_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent|days?|weeks?|months?|years?|hours?|minutes?|[ap]\.?m\b"
                         r"|basis\s+points?|points?|seats?)", re.IGNORECASE)


def _number(text: str) -> float | None:
    text = text.replace(",", "")
    if text.isdigit():
        return float(text)
    if text.lower() == "nil":
        return 0.0
    return _parse_words(re.split(r"[-\s]+", text.lower()))


def find_vote_splits(text: str) -> list[Quantity]:
    """The vote splits of ``text``, in text order: each the pair's words, its value majority *
    ``SPLIT_BASE`` + minority, in the unit ``VOTE_SPLIT``."""
    found: list[Quantity] = []
    for match in _PAIR.finditer(text):
        first, second = _number(match.group("first")), _number(match.group("second"))
        if first is None or second is None or first < second or first == 0:
            continue
        cued_in_favour = match.group("against") is not None and "favo" in match.group(0).lower()
        before = text[max(0, match.start() - 60):match.start()]
        if not (cued_in_favour or _VOTE_BEFORE.search(before) or _VOTE_AFTER.match(text, match.end())):
            continue
        if _UNIT_AFTER.match(text, match.end()) or (first == second == 50):
            continue  # a range with its unit, or "split 50-50" (an even share of anything)
        value = first * SPLIT_BASE + second
        found.append(Quantity(match.group(0), match.start(), match.end(), value, value, value, VOTE_SPLIT, None))
    return found


def split_of(value: float) -> str:
    """A split's value as written with digits: 7002 -> "7–2"."""
    majority, minority = divmod(int(round(value)), SPLIT_BASE)
    return f"{majority}–{minority}"


def merge_vote_splits(quantities: Sequence[Quantity], text: str) -> list[Quantity]:
    """``quantities`` with the text's vote splits in place of the numbers read inside them."""
    splits = find_vote_splits(text)
    if not splits:
        return list(quantities)
    return sorted(_outside(quantities, splits) + splits, key=lambda q: q.start)


def _outside(quantities: Iterable[Quantity], splits: Sequence[Quantity]) -> list[Quantity]:
    return [q for q in quantities if not any(s.start < q.end and q.start < s.end for s in splits)]
