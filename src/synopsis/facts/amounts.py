"""Amounts: the numbers a passage states, in base units with their hedge, and when two passages'
numbers are one value (``amounts_incompatible``, for claim alignment) or the very same number
(``amounts_conflict``, for citations and the timeline). Disputes compare the same intervals
(``intervals.interval_from_quantity``), so an unqualified figure is read as the same rounding
everywhere (``intervals.rounding_margin``). An amount each of several parties gives or gets ("1,200 prisoners
from each side") is compared like with like (``shares``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from synopsis.extract.quantity_units import normalize_unit
from synopsis.facts.intervals import Interval, compatible, hedge_of, interval_from_quantity, stated_interval, within
from synopsis.facts.shares import PLAIN, Share, parties_between, scaled, share_of
from synopsis.records import Quantity


@dataclass(frozen=True, slots=True)
class Amount:
    """The numbers a quantity states, in its base unit ("40 minutes" -> second, (2400,)), with how
    they are meant (``intervals.hedge_of``), the values they allow (``intervals.interval_from_quantity``)
    and the numbers as written (``intervals.stated_interval``), for ``compatible_with``; ``each``
    when the number is each party's share (``shares``), with the number of parties if stated."""

    unit: str | None
    numbers: tuple[float, ...]
    text: str
    hedge: str = "exact"
    interval: Interval | None = None
    stated: Interval | None = None
    each: bool = False
    parties: int | None = None

    def whole(self, parties: int | None = None) -> Amount | None:
        """The total of a per-party amount: its share times the parties its passage counts ("1,200
        prisoners each" of "the two sides": 2,400), or times ``parties``; None when not a share
        or no number of parties is known."""
        n = parties or self.parties
        if not self.each or n is None:
            return None
        return Amount(self.unit, tuple(x * n for x in self.numbers), self.text, self.hedge,
                      scaled(self.interval, n), scaled(self.stated, n))

    def _readings(self, other: Amount, uncounted: bool = False) -> list[tuple[Amount, Amount]]:
        """The pairs to compare: like with like; a per-party amount and one not marked so (which
        may be a share too, or the whole) both as they are and as wholes, of the parties the
        passage counts, or with ``uncounted``, of the one number that could make them one
        (``shares.parties_between``)."""
        pairs = [(self, other)]
        if self.each != other.each:
            per, plain = (self, other) if self.each else (other, self)
            parties = per.parties or (parties_between(per.interval, plain.interval) if uncounted else None)
            if (whole := per.whole(parties)) is not None:
                pairs.append((whole, plain))
        return pairs

    def same_as(self, other: Amount) -> bool:
        """Whether the two write one number: a share and the whole of the parties its passage
        counts are one number too, one of parties it does not count is not (a citation must give
        the sentence's number, not one it might come to)."""
        return any(a._same_numbers(b) for a, b in self._readings(other))

    def given_by(self, other: Amount) -> bool:
        """Whether a passage writing ``other`` gives this amount, as a citation must: the same
        number(s) (``same_as``) meant the same way, or written plainly where this amount hedges
        it. "About 60" is given by "60", but "more than 60" is not given by "about 60", nor "60"
        or "about 60" by "more than 60": the number is the same, what the writer says of the value
        is not."""
        return self.same_as(other) and (self.hedge == other.hedge or (other.hedge == "exact" and self.admits(other)))

    def agrees_with(self, other: Amount) -> bool:
        """Whether a report writing ``other`` tells this amount, as a second witness of it must:
        the same number(s) (``same_as``), or a hedge that leaves room for the other's number
        (``admits``: "about 40 minutes" and "41 minutes", "less than an hour" and "40 minutes").
        Two figures written plainly that differ are two versions, however they round: "145 km/h"
        and "150 km/h", "1,187" and "1,200" evacuated (``compatible_with`` lets them report one
        fact, for alignment; neither report says the other's number)."""
        return self.same_as(other) or self.admits(other) or other.admits(self)

    def _same_numbers(self, other: Amount) -> bool:
        return self.unit == other.unit and len(self.numbers) == len(other.numbers) and all(
            math.isclose(a, b, rel_tol=1e-9) for a, b in zip(self.numbers, other.numbers)
        )

    def rounds(self, other: Amount) -> bool:
        """Whether this unqualified figure may be a rounding of the number the other writes."""
        return self.interval is not None and other.stated is not None and within(other.stated, self.interval)

    def admits(self, other: Amount) -> bool:
        """Whether this amount's hedge leaves room for the number(s) the other writes ("less than
        an hour" for the 40 of "about 40 minutes"), an unqualified figure read as the rounding it
        is (``intervals.rounding_margin``): "more than 15 percent" for "15 percent", which may be
        15.2, but not "more than 2 killed" for "2 killed"."""
        if self.hedge == "exact" or self.interval is None:
            return False
        if other.hedge == "exact" and other.interval is not None:
            return compatible(other.interval, self.interval)
        return other.stated is not None and within(other.stated, self.interval)

    def compatible_with(self, other: Amount) -> bool:
        """Whether two reports of one measure can give the same value (claim alignment).

        Compatible is not conflicting (DESIGN.md), but overlap alone is not agreement. A hedge is
        the writer saying the number is not the value ("about 40 minutes", "less than an hour",
        "more than 1,000"): a report agrees with it when the number it writes lies in the hedged
        interval, or, unqualified, may be a rounding of a value in it (``admits``). Two plain
        figures agree when one may be a rounding of the other's number ("1,200" / "1,187",
        "40" / "41 minutes"; ``rounds``), not otherwise ("40" / "45 minutes", "12" / "13 killed").
        Other figures of the same form that write different numbers are different figures,
        whatever their intervals: two ranges, or two bounds the same way ("at least 1,200 people" / "at least 1,000 on each
        side": both open upwards, so they overlap whatever the counts). Only approximations of the
        same form may differ ("about 40" / "about 45 minutes"), because each is a rounding of the
        value, and even they must contain the other's number, so "about 1,000" and "about 1,200"
        (whose ±15 % intervals overlap) stay apart.

        A per-party amount is compared like with like (``_readings``): "1,200 from each side"
        agrees with "1,200 prisoners each", and with "2,400 prisoners" as the whole of two sides.
        """
        return any(a._compatible(b) for a, b in self._readings(other, uncounted=True))

    def _compatible(self, other: Amount) -> bool:
        """``compatible_with`` for two amounts read alike (both shares, or both not)."""
        if self.hedge == other.hedge and self._same_numbers(other):
            return True
        if self.hedge == other.hedge == "exact":
            # Unqualified figures are read as the roundings they are (``intervals.rounding_margin``):
            # "1,200 residents evacuated" may be the 1,187 another report counted, and a dispute
            # does not set them against each other either; "12" and "13 killed" are two counts.
            return self.rounds(other) or other.rounds(self)
        if self.hedge == other.hedge and self.hedge != "approx":
            return False
        # The same number under another hedge is no exception: "more than 2 killed" is not "2
        # killed", while "more than 15 percent" may be the 15.2 that "15 percent" rounds.
        return self.admits(other) or other.admits(self)


def amount_of(quantity: Quantity, share: Share = PLAIN) -> Amount | None:
    """The stated number (or both ends of a range) in base units; None when no number is stated.

    The stated value, not the interval: "at least 1,000" and "1,200" are compatible values of one
    count, but a report of the first does not say the second (``Amount.compatible_with`` says
    whether they can be one value). ``share``: whether it is each party's (``shares.share_of``).
    """
    unit, factor = normalize_unit(quantity.unit)
    numbers = (quantity.value,) if quantity.value is not None else (quantity.low, quantity.high)
    if any(n is None for n in numbers):
        return None
    return Amount(unit, tuple(n * factor for n in numbers), quantity.text, hedge_of(quantity),
                  interval_from_quantity(quantity), stated_interval(quantity), share.each, share.parties)


def amounts_conflict(first: Iterable[Amount], second: Iterable[Amount]) -> bool:
    """Whether two passages give different numbers in one unit, and no number in common: neither
    says the other's number (a citation, an outlet listed under a timeline event). Whether the
    numbers can be one value is ``amounts_incompatible``.

    "at least 1,200 people" and "at least 1,000 on each side", "a 30-day ceasefire" and "pauses of
    24 to 48 hours": neither passage says what the other says. A passage may give more numbers
    than the other ("12 died when the ferry with 200 passengers capsized" / "12 died"), and one
    that gives none leaves the number out rather than contradicting it.
    """
    return _some_unit_unmatched(first, second, Amount.same_as)


def amounts_incompatible(first: Iterable[Amount], second: Iterable[Amount]) -> bool:
    """Whether two passages give incompatible numbers in one unit (``Amount.compatible_with``): no
    number of one is compatible with a number of the other.

    The rule for claim alignment: "less than an hour" and "about 40 minutes" report one duration,
    "at least 1,200 people" and "at least 1,000 on each side", "a 30-day ceasefire" and "pauses of
    24 to 48 hours" do not. A citation needs more (``amounts_conflict``: the very number).
    """
    return _some_unit_unmatched(first, second, Amount.compatible_with)


def amounts_differ(first: Iterable[Amount], second: Iterable[Amount]) -> bool:
    """Whether, in some unit both passages give, no number of one tells a number of the other
    (``Amount.agrees_with``): "150 km/h" / "145 km/h" differ, "about 40 minutes" / "41 minutes"
    do not. The rule by which a report counts as a second witness of a number (consensus, who
    said what)."""
    return _some_unit_unmatched(first, second, Amount.agrees_with)


def _some_unit_unmatched(first: Iterable[Amount], second: Iterable[Amount], match) -> bool:
    """Whether, in some unit both passages give, no amount of one matches an amount of the other."""
    first, second = tuple(first), tuple(second)
    for unit in {a.unit for a in first} & {a.unit for a in second}:
        mine = [a for a in first if a.unit == unit]
        theirs = [a for a in second if a.unit == unit]
        if not any(match(a, b) for a in mine for b in theirs):
            return True
    return False


def amounts_in(quantities: Iterable[Quantity], text: str | None = None, start: int = 0,
               end: int | None = None) -> tuple[Amount, ...]:
    """The amounts of the quantities that state a number; given the article ``text`` and the
    bounds of their sentence, each read as a share or not (``shares.share_of``)."""
    amounts = (amount_of(q, share_of(text, q, start, end) if text is not None else PLAIN) for q in quantities)
    return tuple(a for a in amounts if a is not None)
