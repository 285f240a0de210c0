"""Vote splits: "voted seven to two", "a 7-2 vote", "by six votes to three", "a 5–4 ruling".

A split is one value, the tally for and against taken together: an outlet that says the board voted
"seven to two" and one that says it "split six votes to three" disagree about one thing, which
neither number alone says ("six" votes agrees with nothing and disputes nothing). The number reader
refuses "7-2" as a range (a score or a tally) and reads "seven to two" as two bare numbers; this
module reads the pair as a measure in the unit ``VOTE_SPLIT``, so that splits compare as values
like match minutes do (``match_minutes``).

Only a pair that words of voting name is a split ("voted", "the vote", "ballot", "ruling",
"decision", "majority", "in favour ... against", "by nine votes to four"): "won 3-1" is a match score, "ages 18-25" and
"from 2-4pm" are ranges. The majority comes first in every way newsrooms write a split, so a pair
whose first number is the smaller ("voted to extend it by 30 to 60 days") is a range, not a split.
A split told side by side ("nine members voted in favour and four against", "with four against and
nine in favour") is read when each side's number comes with its side's words; two numbers that
only share a sentence ("nine members, four of them new") are none. "Voted unanimously" gives no
number, so it is no split: it would need a tally with an open majority, which no interval holds.
Hand-written over the text, as the match minutes are: no library reads tallies, and the parse
gives "seven to two" no structure of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from synopsis.extract.number_parsing import _parse_words
from synopsis.records import Quantity, spans_overlap

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
# A split told by sides, in either order: "Nine members voted in favour and four against", "nine
# in favour, four against", "with four against and nine in favour", "212 votes in favour, 150
# against". Each side is a number, up to three words of who ("members", "of the board", "MPs
# voted") and its side's words; the sides are joined by a comma or "and"/"with"/"while".
_WHO = r"(?:\s+(?!(?:and|with|while|but|against|in|opposed)\b)[A-Za-z'’-]+){0,3}?"
_FOR_WORDS = r"\s+in\s+favou?r(?:\s+of(?:\s+(?:the|a|an))?\s+[\w-]+)?"
_AGAINST_WORDS = r"\s+(?:against|opposed)\b"
_JOIN = r"\s*(?:,\s*(?:and\s+|with\s+|while\s+)?|;\s*|\s+(?:and|with|while|but)\s+)"


def _side(name: str, words: str) -> str:
    return rf"(?P<{name}>{_NUMBER}){_WHO}{words}"


_SIDES = re.compile(
    rf"(?<![\w.,:/–-])(?:{_side('for1', _FOR_WORDS)}{_JOIN}{_side('against1', _AGAINST_WORDS)}"
    rf"|{_side('against2', _AGAINST_WORDS)}{_JOIN}{_side('for2', _FOR_WORDS)})",
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
    found = _splits_by_sides(text)
    for match in _PAIR.finditer(text):
        if any(s.start < match.end() and match.start() < s.end for s in found):
            continue  # "nine in favour, four against", read by sides already
        first, second = _number(match.group("first")), _number(match.group("second"))
        if first is None or second is None or first < second or first == 0:
            continue
        cued_in_favour = match.group("against") is not None and "favo" in match.group(0).lower()
        # "by 9 votes to 4": the pair names its votes itself.
        cued_by_votes = re.search(r"\bvotes?\s+to\b", match.group(0), re.IGNORECASE) is not None
        before = text[max(0, match.start() - 60):match.start()]
        if not (cued_in_favour or cued_by_votes or _VOTE_BEFORE.search(before)
                or _VOTE_AFTER.match(text, match.end())):
            continue
        if _UNIT_AFTER.match(text, match.end()) or (first == second == 50):
            continue  # a range with its unit, or "split 50-50" (an even share of anything)
        found.append(_split(match, first, second))
    return sorted(found, key=lambda q: q.start)


def _splits_by_sides(text: str) -> list[Quantity]:
    """The splits told side by side (``_SIDES``): the larger side is the majority, whichever
    comes first, as "7-2" says the majority without saying which way it went."""
    found: list[Quantity] = []
    for match in _SIDES.finditer(text):
        in_favour = _number(match.group("for1") or match.group("for2"))
        against = _number(match.group("against1") or match.group("against2"))
        if in_favour is None or against is None or max(in_favour, against) == 0:
            continue
        found.append(_split(match, max(in_favour, against), min(in_favour, against)))
    return found


def _split(match: re.Match[str], majority: float, minority: float) -> Quantity:
    value = majority * SPLIT_BASE + minority
    return Quantity(match.group(0), match.start(), match.end(), value, value, value, VOTE_SPLIT, None)


# The bodies that vote, by the words that name them or their members: a committee's vote and a
# parliament's on the same day are two votes, and "MPs" and "parliament" name one body. The
# chambers of a legislature are one body but for a senate, which votes apart from its lower house
# ("the House passed it 220-210; the Senate 52-48"). A member with no body ("nine members") names
# none, nor does an institution that does not itself vote (a bank, a government).
_BODIES = {
    "committee": "committee", "committees": "committee", "subcommittee": "committee",
    "panel": "panel", "board": "board", "directors": "board", "council": "council",
    "councillors": "council", "councilors": "council", "cabinet": "cabinet", "ministers": "cabinet",
    "commission": "commission", "commissioners": "commission", "court": "court", "justices": "court",
    "judges": "court", "jury": "jury", "jurors": "jury", "senate": "senate", "senators": "senate",
    "parliament": "legislature", "house": "legislature", "assembly": "legislature",
    "congress": "legislature", "legislature": "legislature", "chamber": "legislature",
    "lawmakers": "legislature", "legislators": "legislature", "mps": "legislature",
    "deputies": "legislature", "parliamentarians": "legislature", "shareholders": "shareholders",
    "stockholders": "shareholders", "delegates": "delegates", "members": None,
}
_BODY_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_BODIES, key=len, reverse=True))})\b", re.IGNORECASE)


def voting_body(sentence: str, start: int, end: int) -> str | None:
    """The body whose vote the split at ``start`` to ``end`` of ``sentence`` is: the last body
    named before it ("the committee voted seven to two", "parliament passed it 212 to 150 after the
    committee's 9-4 vote" has two), else the first after it ("a 7-2 vote of the board"); None
    when the sentence names none."""
    before = [m for m in _BODY_WORD.finditer(sentence, 0, start) if _BODIES[m.group(0).lower()]]
    if before:
        return _BODIES[before[-1].group(0).lower()]
    after = next((m for m in _BODY_WORD.finditer(sentence, end) if _BODIES[m.group(0).lower()]), None)
    return _BODIES[after.group(0).lower()] if after else None


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
    return [q for q in quantities if not any(spans_overlap(s, q) for s in splits)]
