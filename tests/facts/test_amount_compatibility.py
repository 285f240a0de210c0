"""Claim alignment compares amounts as hedged intervals: compatible is not conflicting, but two
different figures of one form are two figures."""

from __future__ import annotations

import pytest

from synopsis.facts.amounts import Amount, amount_of, amounts_conflict, amounts_incompatible
from synopsis.records import Quantity


def amount(text: str, value: float | None, unit: str | None = None, qualifier: str | None = None,
           low: float | None = None, high: float | None = None) -> Amount:
    found = amount_of(Quantity(text, 0, len(text), value, low, high, unit, None, qualifier))
    assert found is not None
    return found


UNDER_AN_HOUR = amount("less than an hour", 1, "hour", "less than", 0, 1)
ABOUT_40_MIN = amount("about 40 minutes", 40, "minute", "about", 36, 44)
AT_LEAST_1200 = amount("at least 1,200", 1200, None, "at least", 1200, None)
AT_LEAST_1000 = amount("at least 1,000", 1000, None, "at least", 1000, None)


@pytest.mark.parametrize(
    "first, second",
    [
        (UNDER_AN_HOUR, ABOUT_40_MIN),
        (amount("more than 1,000", 1000, None, "more than", 1000, None), amount("1,200", 1200, None, None, 1200, 1200)),
        (amount("up to 48 hours", 48, "hour", "up to", 0, 48), amount("two days", 2, "day", None, 2, 2)),
        (amount("about 40 minutes", 40, "minute", "about"), amount("about 45 minutes", 45, "minute", "about")),
        (amount("nearly 300", 300, None, "nearly"), amount("290", 290, None, None, 290, 290)),
        (amount("24 to 48 hours", None, "hour", "range", 24, 48), amount("36 hours", 36, "hour", None, 36, 36)),
        # A round figure may be the rounding of a precise one: "1,200 evacuated" and "1,187 evacuated".
        (amount("1,200", 1200, None, None, 1200, 1200), amount("1,187", 1187, None, None, 1187, 1187)),
        (amount("1,000", 1000, None, None, 1000, 1000), amount("1,012", 1012, None, None, 1012, 1012)),
        (amount("40 minutes", 40, "minute", None, 40, 40), amount("41 minutes", 41, "minute", None, 41, 41)),
    ],
)
def test_a_number_inside_the_others_hedge_is_compatible(first: Amount, second: Amount) -> None:
    assert first.compatible_with(second) and second.compatible_with(first)
    assert not amounts_incompatible([first], [second])
    assert not amounts_incompatible([second], [first])


@pytest.mark.parametrize(
    "first, second",
    [
        # Two lower bounds overlap whatever their counts: different thresholds are different counts.
        (AT_LEAST_1200, AT_LEAST_1000),
        (AT_LEAST_1200, amount("more than 1,000", 1000, None, "more than", 1000, None)),
        (amount("under an hour", 1, "hour", "less than", 0, 1), amount("up to 45 minutes", 45, "minute", "up to", 0, 45)),
        # Two plain figures are two figures unless one may be a rounding of the other's number.
        (amount("40 minutes", 40, "minute", None, 40, 40), amount("45 minutes", 45, "minute", None, 45, 45)),
        (amount("40 minutes", 40, "minute", None, 40, 40), amount("42 minutes", 42, "minute", None, 42, 42)),
        (amount("12", 12, None, None, 12, 12), amount("13", 13, None, None, 13, 13)),
        (amount("1,000", 1000, None, None, 1000, 1000), amount("1,100", 1100, None, None, 1100, 1100)),
        (amount("a 30-day truce", 30, "day", None, 30, 30), amount("24 to 48 hours", None, "hour", "range", 24, 48)),
        (amount("24 to 48 hours", None, "hour", "range", 24, 48), amount("12 to 36 hours", None, "hour", "range", 12, 36)),
        # Approximations that overlap only at their edges round two different values.
        (amount("about 1,000", 1000, None, "about"), amount("about 1,200", 1200, None, "about")),
        (amount("at least 1,200", 1200, None, "at least"), amount("about 1,000", 1000, None, "about")),
    ],
)
def test_different_figures_of_one_measure_are_incompatible(first: Amount, second: Amount) -> None:
    assert not first.compatible_with(second) and not second.compatible_with(first)
    assert amounts_incompatible([first], [second])
    assert amounts_incompatible([second], [first])


@pytest.mark.parametrize(
    "exact, bound",
    [
        # A measure written without a hedge is a rounding: 15 percent may be 15.2.
        (amount("15 percent", 15, "percent", None, 15, 15), amount("more than 15 percent", 15, "percent", "more than", 15, None)),
        (amount("15 percent", 15, "percent", None, 15, 15), amount("less than 15 percent", 15, "percent", "less than", 0, 15)),
        (amount("$1.5 million", 1.5e6, "USD", None, 1.5e6, 1.5e6),
         amount("more than $1.52 million", 1.52e6, "USD", "more than", 1.52e6, None)),
        (amount("40 minutes", 40, "minute", None, 40, 40), amount("more than 40 minutes", 40, "minute", "more than", 40, None)),
        (amount("one hour", 1, "hour", None, 1, 1), amount("more than an hour", 1, "hour", "more than", 1, None)),
        # A large round count is a rounding too.
        (amount("10,000", 10_000, None, None, 10_000, 10_000), amount("more than 10,000", 10_000, None, "more than", 10_000, None)),
    ],
)
def test_an_unqualified_figure_is_compatible_with_a_bound_its_rounding_covers(exact: Amount, bound: Amount) -> None:
    assert exact.compatible_with(bound) and bound.compatible_with(exact)
    assert not amounts_incompatible([exact], [bound]) and not amounts_incompatible([bound], [exact])


@pytest.mark.parametrize(
    "exact, bound",
    [
        # A small count is what was counted: two dead are not "more than two".
        (amount("2", 2, None, None, 2, 2), amount("more than 2", 2, None, "more than", 2, None)),
        (amount("339", 339, None, None, 339, 339), amount("more than 339", 339, None, "more than", 339, None)),
        # The rounding of the last digit does not reach the bound.
        (amount("15 percent", 15, "percent", None, 15, 15), amount("more than 16 percent", 16, "percent", "more than", 16, None)),
        (amount("14.9 percent", 14.9, "percent", None, 14.9, 14.9), amount("more than 15 percent", 15, "percent", "more than", 15, None)),
        (amount("1,000", 1000, None, None, 1000, 1000), amount("more than 1,200", 1200, None, "more than", 1200, None)),
        # Nor does a rounding wider than 5 %: "one hour" is not 80 minutes.
        (amount("one hour", 1, "hour", None, 1, 1), amount("more than 80 minutes", 80, "minute", "more than", 80, None)),
    ],
)
def test_a_bound_beyond_the_figures_rounding_is_incompatible(exact: Amount, bound: Amount) -> None:
    assert not exact.compatible_with(bound) and not bound.compatible_with(exact)
    assert amounts_incompatible([exact], [bound]) and amounts_incompatible([bound], [exact])


def test_a_figure_within_the_others_rounding_is_one_value_but_not_its_citation() -> None:
    fifteen, more_precise = amount("15 percent", 15, "percent", None, 15, 15), amount("15.2 percent", 15.2, "percent", None, 15.2, 15.2)
    # As a dispute reads them: "15 percent" may be the 15.2 another report gives.
    assert fifteen.compatible_with(more_precise) and not amounts_incompatible([fifteen], [more_precise])
    # A citation needs the very number, rounding or not.
    assert amounts_conflict([fifteen], [more_precise])
    assert not amounts_conflict([fifteen], [amount("15 percent", 15, "percent", None, 15, 15)])


def test_the_same_number_is_compatible_whatever_the_hedge() -> None:
    assert AT_LEAST_1200.compatible_with(amount("1,200", 1200, None, None, 1200, 1200))
    assert AT_LEAST_1200.compatible_with(AT_LEAST_1200)


def test_amounts_in_different_units_are_never_compatible() -> None:
    percent = amount("about 40 percent", 40, "percent", "about")
    assert not ABOUT_40_MIN.compatible_with(percent) and not percent.compatible_with(ABOUT_40_MIN)
    assert not UNDER_AN_HOUR.compatible_with(amount("40", 40, None, None, 40, 40))
    # Different units are not one measure: neither compatible nor in conflict.
    assert not amounts_incompatible([ABOUT_40_MIN], [percent])


def test_one_compatible_number_per_unit_is_enough() -> None:
    # "12 died when the ferry with 200 passengers capsized" / "more than ten died".
    twelve, passengers = amount("12", 12, None, None, 12, 12), amount("200", 200, None, None, 200, 200)
    assert not amounts_incompatible([twelve, passengers], [amount("more than ten", 10, None, "more than", 10, None)])
    assert amounts_incompatible([twelve, passengers], [amount("19", 19, None, None, 19, 19)])


def test_a_duration_written_in_parts_is_compared_whole(nlp) -> None:
    from synopsis.extract.quantities import find_quantities

    [whole] = find_quantities(nlp("The hearing lasted about one hour and 45 minutes."))
    assert whole.text == "about one hour and 45 minutes"
    found = amount_of(whole)
    assert found is not None and found.numbers == (6300.0,) and found.hedge == "approx"
    # The remainder alone would agree with "about 40 minutes"; the whole does not.
    assert amounts_incompatible([found], [amount("about 40 minutes", 40, "minute", "about")])
    assert not amounts_incompatible([found], [amount("about two hours", 2, "hour", "about")])
