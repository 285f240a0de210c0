"""Per-party amounts: a number each of several parties gives or gets, not the whole.

"over 1,200 prisoners from each side" is 1,200 from each of two sides, over 2,400 in all; an
outlet that writes "2,400 prisoners" reports the same exchange, and one that writes "1,200
prisoners each" the same share. Compared as plain numbers, the first two dispute each other. A
per-party amount is compared like with like: with another per-party amount as it is; with an
amount not marked per party (which may be either: "the sides swapped 1,200 prisoners" is often
1,200 each) both as a share and, when the passage says how many parties there are ("the two
sides", "both", "either side", a "1,000-for-1,000" swap), as the whole. When it does not say,
as the whole of the one number of parties that could make the two figures one (``parties_between``).

The marks are read from the article text around the quantity at comparison time (like
``keys.ADDITIONAL``), so stored analyses need no new extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from synopsis.facts.intervals import Interval
from synopsis.records import Quantity

# Who shares an amount: the words outlets use for the parties to an exchange or an agreement.
_PARTY = r"(?:sides?|part(?:y|ies)|countr(?:y|ies)|nations?|delegations?|teams?|states?)"
# Words after "each" that make it something else: "each other", "each of whom", "each week".
_NOT_DISTRIBUTIVE = r"(?:other|of\s+(?:whom|which|them|these|those)|year|month|week|day|night|time)\b"
# After the number and what it counts ("1,200 prisoners of war ..."), before the clause or a
# coordinated phrase ends ("1,200 prisoners and each side's wounded" gives no share).
_AFTER = re.compile(
    r"^(?:\s+(?!(?:and|or|but|while|as|plus)\b)[^\s,.;:!?()]+){0,4}?\s+(?:"
    rf"(?:from|on|for|to|by|in)\s+(?:each|either)(?:\s+of\s+the\s+\w+)?\s+{_PARTY}\b"  # "from each side"
    rf"|per\s+{_PARTY}\b"  # "per side"
    rf"|each\b(?!\s+{_NOT_DISTRIBUTIVE})"  # "1,200 prisoners each"
    r"|apiece\b)",
    re.IGNORECASE,
)
# Before the number in its clause: "each side will release 1,200", "the sides will each free 1,200".
_BEFORE = re.compile(
    rf"(?:\beach(?:\s+of\s+the\s+\w+)?\s+{_PARTY}\b[^,.;:!?]*"
    rf"|\beach\s+(?!{_NOT_DISTRIBUTIVE})[a-z]+\s+)$",
    re.IGNORECASE,
)
# How many parties a passage names as such: "the two sides", "both countries", "either side".
_COUNTED_PARTIES = re.compile(rf"\b(both|either|two|three|four|five|\d)\s+(?:of\s+the\s+)?(?:warring\s+)?{_PARTY}\b",
                              re.IGNORECASE)
_PARTY_NUMBERS = {"both": 2, "either": 2, "two": 2, "three": 3, "four": 4, "five": 5}
# How far back in its clause a mark before the number may stand.
_BEFORE_WINDOW = 60


@dataclass(frozen=True, slots=True)
class Share:
    """Whether an amount is each party's share, and how many parties the passage says there are."""

    each: bool = False
    parties: int | None = None  # None: the passage does not say


PLAIN = Share()


def share_of(text: str, quantity: Quantity, start: int = 0, end: int | None = None) -> Share:
    """Whether ``quantity`` is a per-party amount, read from ``text`` between ``start`` and ``end``
    (its sentence), and the number of parties the sentence gives ("the two sides"), if any."""
    end = len(text) if end is None else end
    if (quantity.qualifier or "").lower() == "exchange":
        return Share(True, 2)  # "a 1,000-for-1,000 swap": the same number each way, two ways
    before = text[max(start, quantity.start - _BEFORE_WINDOW):quantity.start]
    if not (_AFTER.match(text[quantity.end:end]) or _BEFORE.search(before)):
        return PLAIN
    # One number of parties, said once or more; two different ones ("the two sides ... all three
    # countries") leave it unsaid.
    counted = {int(word) if word.isdigit() else _PARTY_NUMBERS[word.lower()]
               for word in (m.group(1) for m in _COUNTED_PARTIES.finditer(text[start:end]))}
    parties = next(iter(counted)) if len(counted) == 1 else None
    return Share(True, parties if parties is not None and parties > 1 else None)


def scaled(interval: Interval | None, factor: int) -> Interval | None:
    """The interval of ``factor`` equal shares of it: the whole of a per-party amount."""
    if interval is None:
        return None
    return Interval(interval.low * factor, interval.high * factor, interval.low_open, interval.high_open, interval.unit)


def _typical(interval: Interval) -> float:
    """A value standing for the interval: its middle, or its least value when open above."""
    return interval.low if interval.high == float("inf") else (interval.low + interval.high) / 2


# A share whose passage does not count the parties is taken as one of two sides: a swap, talks,
# a match.  Any other count would let "100 from each side" agree with 300, 600 or 1,000
# prisoners, however the outlets disagree.
UNCOUNTED_PARTIES = 2


def parties_between(share: Interval | None, whole: Interval | None) -> int | None:
    """The number of parties whose equal ``share`` would make ``whole``, or None: for a share whose
    passage does not count the parties, two (UNCOUNTED_PARTIES) when two shares come near the whole
    ("1,200 from each side" / "2,400"). Whether they are then one value is for the caller's own
    comparison: "at least 1,000 on each side" and "at least 1,200" make no whole."""
    if share is None or whole is None or share.unit != whole.unit or _typical(share) <= 0:
        return None
    parties = round(_typical(whole) / _typical(share))
    return parties if parties == UNCOUNTED_PARTIES else None


__all__ = ["PLAIN", "Share", "parties_between", "scaled", "share_of"]
