"""Whether two passages give other numbers for what they tell: the test by which a statement's
reports are kept apart (who said what), an outlet is not said to give a fact whose number it
gives otherwise (the brief), and an outlet giving another number is not said to leave it out
(coverage).

``facts.amounts`` compares numbers unit by unit, and counts of anything share one unit (none):
"a magnitude 6.4 earthquake ..., killing at least 12 people" and "a magnitude 6.7 earthquake ...,
killing at least 12 people" have the 12 in common, so by unit alone they give one value. Amounts
of the same counted thing ("earthquake", "seat") are compared on their own as well, so that a
number in common on another count does not hide the one they differ on. Whether a passage gives
another number for the very thing another measures (``measure_conflict``, for coverage, which
looks beyond the reports alignment grouped) is asked of those measures alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from synopsis.facts.amounts import Amount, amount_of, amounts_differ, amounts_incompatible
from synopsis.extract.quantity_units import TIME_UNITS, normalize_unit
from synopsis.extract.vote_splits import VOTE_SPLIT
from synopsis.facts.keys import PENALTY
from synopsis.facts.keys_money import TERM
from synopsis.facts.tallies import ACQUIRE
from synopsis.facts.measures import measure_at, tally_holder
from synopsis.facts.shares import share_of
from synopsis.link.names import fold
from synopsis.records import ArticleAnalysis, Quantity


@dataclass(frozen=True, slots=True)
class CountedAmount:
    """An amount with the lemma of what it counts and the class of what happened to it ("seven
    years" of "sentenced to seven years": no noun, "sentence"), each None when not found."""

    amount: Amount
    noun: str | None = None
    predicate: str | None = None
    holder: str | None = None  # who a tally went to ("31 seats" of the alliance), folded; None when unnamed
    body: str | None = None  # whose vote a vote split is ("the committee"), as a dispute's slot keys it
    start: int | None = field(default=None, compare=False)  # where the number stands in its article's text

    def other_body(self, other: CountedAmount) -> bool:
        """Whether the two are votes of two bodies the passages name ("the committee voted 9-4",
        "parliament passed it 212 to 150"): two votes, not two numbers of one. A split naming no
        body may be either's (``measures.measure_at``)."""
        return self.body is not None and other.body is not None and self.body != other.body

    def measures(self) -> tuple[tuple[str | None, ...], ...]:
        """What the number is a value of, as far as its passage says: the thing it counts ("seat"),
        and for a measure in a unit, what the unit measures of ("year", "sentence")."""
        found: list[tuple[str | None, ...]] = []
        if self.noun:
            found.append(("counted", self.noun))
        if self.amount.unit is not None and self.predicate:
            found.append(("measured", self.amount.unit, self.predicate))
        return tuple(found)

    def same_measure(self, other: CountedAmount) -> bool:
        """Whether the two are values of one thing (``measures``) that the same thing happened to,
        as a dispute's slot keys them (``dispute_facts``: "173 people rescued" / "10 people died",
        "left 200 people homeless" / "left 40 people injured" are two counts). A value nothing
        is said to have happened to names no slot, and is the same measure as none."""
        if self.predicate is None or self.predicate != other.predicate:
            return False
        if self.holder is not None and other.holder is not None and self.holder != other.holder:
            return False  # one party's tally and another's, as a dispute keys them by holder
        if self.other_body(other):
            return False
        return bool(set(self.measures()) & set(other.measures()))


def passage_amounts(analysis: ArticleAnalysis, start: int, end: int) -> tuple[CountedAmount, ...]:
    """The numbers stated between start and end, each with what it counts."""
    found = []
    text = analysis.article.text
    for quantity in analysis.quantities:
        if start <= quantity.start and quantity.end <= end:
            amount = amount_of(quantity, share_of(text, quantity, start, end))
            if amount is not None:
                noun, predicate, body = _slot_of(text[start:end], quantity, start, amount.unit in TIME_UNITS)
                holder = tally_holder(analysis, start, end, quantity.start) if predicate == ACQUIRE else None
                found.append(CountedAmount(amount, noun, predicate, fold(holder).lower() if holder else None, body,
                                           quantity.start))
    return tuple(found)


def _slot_of(passage: str, quantity: Quantity, start: int,
             timed: bool = False) -> tuple[str | None, str | None, str | None]:
    """(what the quantity counts, what happened to it or what it is the value of, the body whose
    vote it is), read as a dispute's slot reads it (``measures.measure_at``): a penalty's or an
    agreement's term is a term of that penalty or agreement ("penalty prison"), a percentage or a
    sum of the measure it names ("turnout", "price", "stake"), a crowd or job cuts one count
    whatever the verb, a vote split the vote of the body named (the slot's noun)."""
    unit = normalize_unit(quantity.unit)[0]
    slot = measure_at(passage, quantity.start - start, quantity.end - start, unit,
                      quantity.counted, quantity.predicate, timed)
    if unit == VOTE_SPLIT:
        return None, slot.measure, slot.noun
    if slot.predicate in {PENALTY, TERM}:
        return slot.noun, f"{slot.predicate} {slot.measure}", None
    if slot.measure is not None:
        return None, slot.measure, None  # "a fee of 45 million euros": the price, in its own unit (no noun to share)
    return slot.noun, slot.predicate, None


def _differ_by(first: tuple[CountedAmount, ...], second: tuple[CountedAmount, ...],
               rule: Callable[[Iterable[Amount], Iterable[Amount]], bool]) -> bool:
    """Whether, for some measure both passages give a number of, the numbers differ by ``rule``.

    A measure is taken with what happened to it, as a dispute's slot keys it (``same_measure``):
    "320 people were moved out" and "19 people were injured and 320 residents were moved out"
    share the noun "person", but the 19 are injured, so they are no other number of the moved
    out. A number nothing is said to have happened to may be of any of them."""
    shared = {m for c in first for m in c.measures()} & {m for c in second for m in c.measures()}
    for measure in shared:
        mine = [c for c in first if measure in c.measures()]
        theirs = [c for c in second if measure in c.measures()]
        predicates = {c.predicate for c in mine + theirs} - {None} or {None}
        for predicate in predicates:
            first_amounts = [c.amount for c in mine if c.predicate in (predicate, None)]
            second_amounts = [c.amount for c in theirs if c.predicate in (predicate, None)]
            if first_amounts and second_amounts and rule(first_amounts, second_amounts):
                return True
    return False


def _differ(first: Iterable[CountedAmount], second: Iterable[CountedAmount],
            rule: Callable[[Iterable[Amount], Iterable[Amount]], bool]) -> bool:
    first, second = tuple(first), tuple(second)
    first, second = _same_votes(first, second), _same_votes(second, first)
    return rule((c.amount for c in first), (c.amount for c in second)) or _differ_by(first, second, rule)


def _same_votes(mine: tuple[CountedAmount, ...], theirs: tuple[CountedAmount, ...]) -> tuple[CountedAmount, ...]:
    """``mine`` without the votes of a body none of ``theirs`` may be a vote of (``other_body``): a
    committee's 9-4 has no other number in a passage that tells only parliament's 212 to 150."""
    votes = [other for other in theirs if other.amount.unit == VOTE_SPLIT]
    return tuple(c for c in mine if not (votes and all(c.other_body(other) for other in votes)))


def numbers_incompatible(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the passages give numbers that cannot be one value (``amounts_incompatible``) in
    some unit, or for something both measure: "turnout was 58.7 percent" / "61.3 percent", "a
    magnitude 6.4 earthquake" / "a magnitude 6.7 earthquake"; not "less than an hour" / "about 40
    minutes", which may be one duration."""
    return _differ(first, second, amounts_incompatible)


def numbers_differ(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the passages give other numbers (``amounts_differ``) in some unit, or for something
    both measure: "winds reached 150 km/h" / "145 km/h"; not "about 40 minutes" / "41 minutes"."""
    return _differ(first, second, amounts_differ)


def measure_conflict(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the second passage gives a value of something the first measures
    (``CountedAmount.same_measure``), but not the first's number (``Amount.same_as``): "31 seats"
    / "32 seats", "sentenced to seven years" / "sentenced to nine years", "173 people rescued" /
    "more than 170 people rescued"; not "3,000 soldiers" / "four regions", nor "after seven
    weeks" / "a 50-day deadline", which share only a unit, nor "173 people rescued" / "10 people
    died"."""
    second = tuple(second)
    for mine in first:
        theirs = [other.amount for other in second if mine.same_measure(other)]
        if theirs and not any(mine.amount.same_as(amount) for amount in theirs):
            return True
    return False


def measure_agreement(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the second passage gives the first's number for something the first measures
    (``CountedAmount.same_measure``), and another for nothing it measures (``measure_conflict``):
    "sentenced to four years" / "jailed for 4 years", "came second with 31 seats" / "took 31
    seats"."""
    first, second = tuple(first), tuple(second)
    agrees = any(mine.same_measure(other) and mine.amount.same_as(other.amount) for mine in first for other in second)
    return agrees and not measure_conflict(first, second)


__all__ = ["CountedAmount", "measure_agreement", "measure_conflict", "numbers_differ", "numbers_incompatible",
           "passage_amounts"]
