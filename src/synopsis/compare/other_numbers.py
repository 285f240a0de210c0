"""Whether two passages give other numbers for what they tell: the test by which a statement's
reports are kept apart (who said what), an outlet is not said to give a fact whose number it
gives otherwise (the brief), and an outlet giving another number is not said to leave it out
(coverage).

``facts.amounts`` compares numbers unit by unit, and counts of anything share one unit (none):
"a magnitude 6.4 earthquake ..., killing at least 12 people" and "a magnitude 6.7 earthquake ...,
killing at least 12 people" have the 12 in common, so by unit alone they give one value. Amounts
of the same counted thing ("earthquake", "seat") are compared on their own as well, so that a
number in common on another count does not hide the one they differ on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from synopsis.facts.amounts import Amount, amount_of, amounts_conflict, amounts_incompatible
from synopsis.facts.keys import lemmatize_noun
from synopsis.facts.shares import share_of
from synopsis.records import ArticleAnalysis

# An amount with the lemma of what it counts (None when the extractor found no counted noun).
CountedAmount = tuple[Amount, "str | None"]


def passage_amounts(analysis: ArticleAnalysis, start: int, end: int) -> tuple[CountedAmount, ...]:
    """The numbers stated between start and end, each with what it counts."""
    found = []
    for quantity in analysis.quantities:
        if start <= quantity.start and quantity.end <= end:
            amount = amount_of(quantity, share_of(analysis.article.text, quantity, start, end))
            if amount is not None:
                found.append((amount, lemmatize_noun(quantity.counted) if quantity.counted else None))
    return tuple(found)


def _differ(first: Iterable[CountedAmount], second: Iterable[CountedAmount],
            rule: Callable[[Iterable[Amount], Iterable[Amount]], bool]) -> bool:
    first, second = tuple(first), tuple(second)
    if rule((a for a, _ in first), (a for a, _ in second)):
        return True
    counted = {noun for _, noun in first if noun} & {noun for _, noun in second if noun}
    return any(rule((a for a, n in first if n == noun), (a for a, n in second if n == noun)) for noun in counted)


def numbers_incompatible(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the passages give numbers that cannot be one value (``amounts_incompatible``) in
    some unit, or for some thing both count: "turnout was 58.7 percent" / "61.3 percent", "a
    magnitude 6.4 earthquake" / "a magnitude 6.7 earthquake"; not "less than an hour" / "about 40
    minutes", which may be one duration."""
    return _differ(first, second, amounts_incompatible)


def numbers_conflict(first: Iterable[CountedAmount], second: Iterable[CountedAmount]) -> bool:
    """Whether the passages give, in some unit or for some thing both count, numbers none of which
    the other gives (``amounts_conflict``): "more than 170 people" / "173 people" too."""
    return _differ(first, second, amounts_conflict)


__all__ = ["CountedAmount", "numbers_conflict", "numbers_incompatible", "passage_amounts"]
