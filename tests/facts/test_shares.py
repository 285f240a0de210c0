"""Per-party amounts ("1,200 prisoners from each side") are compared like with like: a share
agrees with the same share and with its whole, never disputes an equivalent total."""

from __future__ import annotations

import pytest

from synopsis.facts.amounts import Amount, amounts_conflict, amounts_in, amounts_incompatible
from synopsis.facts.shares import Share, share_of
from synopsis.records import Quantity


def quantity(sentence: str, written: str, value: float | None, qualifier: str | None = None,
             low: float | None = None, high: float | None = None) -> Quantity:
    """The quantity ``written`` (its first occurrence) in ``sentence``, counting what follows it."""
    start = sentence.index(written)
    low = value if low is None and qualifier is None else low
    high = value if high is None and qualifier is None else high
    return Quantity(written, start, start + len(written), value, low, high, None, "prisoners", qualifier)


def amount(sentence: str, written: str, value: float, qualifier: str | None = None) -> Amount:
    [found] = amounts_in([quantity(sentence, written, value, qualifier)], sentence)
    return found


@pytest.mark.parametrize(
    "sentence, written, qualifier, share",
    [
        ("A larger exchange may involve over 1,200 prisoners from each side.", "over 1,200", "more than", Share(True)),
        ("The sides agreed to exchange 1,000 prisoners each.", "1,000", None, Share(True)),
        ("The sides agreed to exchange 1,000 prisoners each, officials said.", "1,000", None, Share(True)),
        ("At least 1,000 on each side were returned.", "At least 1,000", "at least", Share(True)),
        ("They swapped 250 prisoners of war from each side at the border.", "250", None, Share(True)),
        ("The sides exchanged 1,200 prisoners per side.", "1,200", None, Share(True)),
        ("The two countries freed 90 captives apiece.", "90", None, Share(True, 2)),
        ("Both sides released 84 prisoners each.", "84", None, Share(True, 2)),
        ("Each of the two sides handed back 300 bodies.", "300", None, Share(True, 2)),
        ("Each side will release 1,200 prisoners.", "1,200", None, Share(True)),
        ("Russia and Ukraine will each free 1,200 prisoners.", "1,200", None, Share(True)),
        ("The sides agreed to a 1,000-for-1,000 swap.", "1,000-for-1,000", "exchange", Share(True, 2)),
        # Not a share: a total, "each" of something else, "both sides" with no share.
        ("Both sides agreed on the exchange of approximately 1,200 prisoners.", "approximately 1,200", "about", Share()),
        ("The sides exchanged 1,200 prisoners, each of whom was held for months.", "1,200", None, Share()),
        ("The ferry carries 300 passengers each day.", "300", None, Share()),
        ("Each year 1,200 people die on the roads.", "1,200", None, Share()),
        ("They freed 1,200 prisoners and each side's wounded.", "1,200", None, Share()),
        ("The sides exchanged 1,200 prisoners in total.", "1,200", None, Share()),
    ],
)
def test_share_of_reads_whether_a_number_is_each_partys(sentence, written, qualifier, share) -> None:
    assert share_of(sentence, quantity(sentence, written, 1, qualifier)) == share


PER_SIDE = amount("A larger exchange may involve over 1,200 prisoners from each side.", "over 1,200", 1200, "more than")
EXACT_PER_SIDE = amount("They will exchange 1,200 prisoners from each side.", "1,200", 1200)
TWO_SIDES_EACH = amount("The two sides will exchange 1,200 prisoners each.", "1,200", 1200)


@pytest.mark.parametrize(
    "first, second",
    [
        # The whole of two sides' shares.
        (PER_SIDE, amount("The sides will exchange 2,400 prisoners.", "2,400", 2400)),
        (PER_SIDE, amount("More than 2,400 prisoners will be freed.", "More than 2,400", 2400, "more than")),
        (EXACT_PER_SIDE, amount("The sides will exchange 2,400 prisoners.", "2,400", 2400)),
        (EXACT_PER_SIDE, amount("The sides will exchange about 2,400 prisoners.", "about 2,400", 2400, "about")),
        (TWO_SIDES_EACH, amount("The sides will exchange 2,400 prisoners.", "2,400", 2400)),
        (amount("The sides agreed to a 1,000-for-1,000 swap.", "1,000-for-1,000", 1000, "exchange"),
         amount("The sides will exchange 2,000 prisoners.", "2,000", 2000)),
        # The same share, marked or not: "the sides swapped 1,200 prisoners" is often 1,200 each.
        (EXACT_PER_SIDE, amount("The sides will exchange 1,200 prisoners each.", "1,200", 1200)),
        (EXACT_PER_SIDE, amount("The sides will exchange 1,200 prisoners.", "1,200", 1200)),
    ],
)
def test_a_share_agrees_with_the_same_share_and_with_its_whole(first: Amount, second: Amount) -> None:
    assert first.compatible_with(second) and second.compatible_with(first)
    assert not amounts_incompatible([first], [second]) and not amounts_incompatible([second], [first])


@pytest.mark.parametrize(
    "first, second",
    [
        # Neither the share nor the whole of any number of sides.
        (EXACT_PER_SIDE, amount("The sides will exchange 1,500 prisoners.", "1,500", 1500)),
        # Like with like: two shares are compared as shares.
        (EXACT_PER_SIDE, amount("The sides will exchange 1,000 prisoners each.", "1,000", 1000)),
        (EXACT_PER_SIDE, amount("The sides will exchange 2,400 prisoners each.", "2,400", 2400)),
        # Two sides counted: 3,600 is not their whole (three sides' would be).
        (TWO_SIDES_EACH, amount("The sides will exchange 3,600 prisoners.", "3,600", 3600)),
        # Sides not counted are two: three or six shares would make any figure a whole.
        (EXACT_PER_SIDE, amount("The sides will exchange 3,600 prisoners.", "3,600", 3600)),
        (amount("Each side will free 100 prisoners.", "100", 100),
         amount("The sides will exchange 600 prisoners.", "600", 600)),
        # Two lower bounds with different numbers stay two figures, as shares or as a whole.
        (amount("At least 1,000 on each side were returned.", "At least 1,000", 1000, "at least"),
         amount("At least 1,200 people will be exchanged.", "At least 1,200", 1200, "at least")),
    ],
)
def test_a_share_is_incompatible_with_what_is_neither_it_nor_its_whole(first: Amount, second: Amount) -> None:
    assert not first.compatible_with(second) and not second.compatible_with(first)
    assert amounts_incompatible([first], [second])


@pytest.mark.parametrize(
    "first, second, same",
    [
        (EXACT_PER_SIDE, amount("The sides will exchange 1,200 prisoners each.", "1,200", 1200), True),
        # The whole of the sides the sentence counts is the same number, written otherwise.
        (TWO_SIDES_EACH, amount("The sides will exchange 2,400 prisoners.", "2,400", 2400), True),
        # Sides not counted: a citation giving 2,400 does not give the sentence's number.
        (EXACT_PER_SIDE, amount("The sides will exchange 2,400 prisoners.", "2,400", 2400), False),
        (EXACT_PER_SIDE, amount("The sides will exchange 2,400 prisoners each.", "2,400", 2400), False),
    ],
)
def test_a_share_is_the_same_number_as_its_counted_whole(first: Amount, second: Amount, same: bool) -> None:
    assert first.same_as(second) is same and second.same_as(first) is same
    assert amounts_conflict([first], [second]) is not same
