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
from dataclasses import dataclass

from synopsis.facts.amounts import Amount, amount_of, amounts_conflict, amounts_incompatible
from synopsis.facts.keys import classify_predicate, lemmatize_noun
from synopsis.facts.shares import share_of
from synopsis.link.claim_features import KNOWN_PREDICATES
from synopsis.records import ArticleAnalysis

@dataclass(frozen=True, slots=True)
class CountedAmount:
    """An amount with the lemma of what it counts and the class of what happened to it ("seven
    years" of "sentenced to seven years": no noun, "sentence"), each None when not found."""

    amount: Amount
    noun: str | None = None
    predicate: str | None = None

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
        """Whether the two are values of one thing (``measures``), unless what happened to it
        differs, as alignment tells happenings apart (``KNOWN_PREDICATES``: "173 people rescued"
        / "10 people died"; "took 32 seats" / "came second with 31 seats" are one count)."""
        if (self.predicate in KNOWN_PREDICATES and other.predicate in KNOWN_PREDICATES
                and self.predicate != other.predicate):
            return False
        return bool(set(self.measures()) & set(other.measures()))


def passage_amounts(analysis: ArticleAnalysis, start: int, end: int) -> tuple[CountedAmount, ...]:
    """The numbers stated between start and end, each with what it counts."""
    found = []
    for quantity in analysis.quantities:
        if start <= quantity.start and quantity.end <= end:
            amount = amount_of(quantity, share_of(analysis.article.text, quantity, start, end))
            if amount is not None:
                found.append(CountedAmount(amount, lemmatize_noun(quantity.counted) if quantity.counted else None,
                                           classify_predicate(quantity.predicate)))
    return tuple(found)


def _differ_by(first: tuple[CountedAmount, ...], second: tuple[CountedAmount, ...],
               rule: Callable[[Iterable[Amount], Iterable[Amount]], bool]) -> bool:
    """Whether, for some measure both passages give a number of, the numbers differ by ``rule``."""
    shared = {m for c in first for m in c.measures()} & {m for c in second for m in c.measures()}
    return any(rule((c.amount for c in first if measure in c.measures()),
                    (c.amount for c in second if measure in c.measures())) for measure in shared)


def _differ(first: Iterable[CountedAmount], second: Iterable[CountedAmount],
            rule: Callable[[Iterable[Amount], Iterable[Amount]], bool]) -> bool:
    first, second = tuple(first), tuple(second)
    return rule((c.amount for c in first), (c.amount for c in second)) or _differ_by(first, second, rule)


def numbers_incompatible(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the passages give numbers that cannot be one value (``amounts_incompatible``) in
    some unit, or for something both measure: "turnout was 58.7 percent" / "61.3 percent", "a
    magnitude 6.4 earthquake" / "a magnitude 6.7 earthquake"; not "less than an hour" / "about 40
    minutes", which may be one duration."""
    return _differ(first, second, amounts_incompatible)


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


__all__ = ["CountedAmount", "measure_conflict", "numbers_incompatible", "passage_amounts"]
