"""Values compared as intervals: hedges, ranges, durations, dates and clock times."""

from __future__ import annotations

import math

import pytest

from synopsis.extract.quantity_units import POSTFIX, QUALIFIERS
from synopsis.facts.intervals import (
    Interval,
    compatible,
    describe,
    hedge_of,
    interval_from_quantity,
    interval_from_time,
)
from synopsis.records import Quantity, TimeRef


def qty(text: str, value: float | None, unit: str | None = None, qualifier: str | None = None,
        low: float | None = None, high: float | None = None, counted: str | None = None) -> Quantity:
    return Quantity(text=text, start=0, end=len(text), value=value, low=low, high=high, unit=unit,
                    counted=counted, qualifier=qualifier)


def tref(text: str, value: str, kind: str = "DATE", modifier: str | None = None,
         precision: str | None = None) -> TimeRef:
    return TimeRef(text=text, start=0, end=len(text), type=kind, value=value, precision=precision,
                   modifier=modifier)


LESS_THAN_HOUR = qty("less than an hour", 1, "hour", "less than")
ABOUT_40_MIN = qty("about 40 minutes", 40, "minute", "about")
ABOUT_3_5_H = qty("about three and a half hours", 3.5, "hour", "about")
THREE_AND_HALF_H = qty("three and a half hours", 3.5, "hour")
MORE_THAN_1000 = qty("more than 1,000", 1000, None, "more than")
EXACT_1200 = qty("1,200", 1200)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (LESS_THAN_HOUR, ABOUT_40_MIN, True),
        (MORE_THAN_1000, EXACT_1200, True),
        (qty("339", 339), qty("329", 329), False),
        (ABOUT_40_MIN, ABOUT_3_5_H, False),
        (LESS_THAN_HOUR, THREE_AND_HALF_H, False),
        (qty("24 to 48 hours", 24, "hour", "range", 24, 48), qty("two days", 2, "day"), True),
        (qty("at least 1,200", 1200, None, "at least"), qty("1,200", 1200), True),
        (qty("at least 1,200", 1200, None, "at least"), qty("1,000", 1000), False),
        (qty("over 6,000", 6000, None, "over"), qty("6,000", 6000), True),  # 6,000 is round: ±5 %
        (qty("more than 339", 339, None, "more than"), qty("339", 339), False),  # open bound
        (qty("hundreds", None), qty("250", 250), True),
        (qty("hundreds", None), qty("1,200", 1200), False),
        (qty("nearly an hour", 1, "hour", "nearly"), ABOUT_40_MIN, False),
        (qty("almost an hour", 1, "hour", "almost"), qty("55 minutes", 55, "minute"), True),
        # "nearly 190" counted more than 175 (else "nearly 180"): 186 fits it, 168 does not.
        (qty("nearly 190", 190, None, "nearly"), qty("186", 186), True),
        (qty("nearly 190", 190, None, "nearly"), qty("168", 168), False),
        (qty("just under 190", 190, None, "just under"), qty("190", 190), True),
        (qty("almost 2,000", 2000, None, "almost"), qty("1,750", 1750), True),
        (qty("1,000", 1000), qty("1,012", 1012), True),  # round number, implicit tolerance
        (qty("1,000", 1000), EXACT_1200, False),
        (qty("up to 500", 500, None, "up to"), qty("500", 500), True),
        (qty("40 minutes", 40, "minute"), qty("40", 40), False),  # different units never agree
        # An unqualified measure is rounded to its last digit: 15 percent may be 15.3.
        (qty("15 percent", 15, "percent"), qty("more than 15 percent", 15, "percent", "more than"), True),
        (qty("15 percent", 15, "percent"), qty("15.3 percent", 15.3, "percent"), True),
        (qty("15 percent", 15, "percent"), qty("16 percent", 16, "percent"), False),
        (qty("15 percent", 15, "percent"), qty("more than 16 percent", 16, "percent", "more than"), False),
        (qty("2.5 km", 2.5, "km"), qty("less than 2.5 km", 2.5, "km", "less than"), True),
        # A small count is exact: two dead are not "more than two".
        (qty("2", 2), qty("more than 2", 2, None, "more than"), False),
        (qty("10,000", 10_000), qty("more than 10,000", 10_000, None, "more than"), True),
        # One table of units for every comparison: kilometres and metres are one distance.
        (qty("12 km", 12, "km"), qty("12,000 metres", 12_000, "m"), True),
        (qty("12 km", 12, "km"), qty("5 miles", 5, "mile"), False),
        (qty("a decade", 1, "decade"), qty("10 years", 10, "year"), True),
    ],
)
def test_quantities_compare_as_intervals(a: Quantity, b: Quantity, expected: bool) -> None:
    ia, ib = interval_from_quantity(a), interval_from_quantity(b)
    assert ia is not None and ib is not None
    assert compatible(ia, ib) is expected
    assert compatible(ib, ia) is expected


@pytest.mark.parametrize(
    ("quantity", "low", "high", "low_open", "high_open"),
    [
        (LESS_THAN_HOUR, 0, 3600, False, True),
        (ABOUT_40_MIN, 40 * 60 * 0.85, 40 * 60 * 1.15, False, False),
        (qty("nearly 40 minutes", 40, "minute", "nearly"), 40 * 60 * 0.85, 2400, False, False),
        # Just below by as much as the figure's roundness allows: 1.5 steps of its last digit.
        (qty("nearly 190", 190, None, "nearly"), 175, 190, False, False),
        (qty("almost 1.25 million", 1.25e6, None, "almost"), 1.235e6, 1.25e6, False, False),
        (MORE_THAN_1000, 1000, math.inf, True, True),
        (qty("at least 1,200", 1200, None, "at least"), 1200, math.inf, False, True),
        (qty("339", 339), 339, 339, False, False),
        # Half a unit of the last significant digit, open above so that 15 and 16 do not meet.
        (qty("15 percent", 15, "percent"), 14.5, 15.5, False, True),
        (qty("15.3 percent", 15.3, "percent"), 15.25, 15.35, False, True),
        (qty("$1.5 million", 1.5e6, "USD"), 1.45e6, 1.55e6, False, True),
        (qty("45 minutes", 45, "minute"), 44.5 * 60, 45.5 * 60, False, True),
        # ... but no more than 5 % of the figure: "40 minutes" is 38 to 42, not 35 to 45.
        (qty("40 minutes", 40, "minute"), 38 * 60, 42 * 60, False, True),
        (qty("one hour", 1, "hour"), 57 * 60, 63 * 60, False, True),
        (qty("10,000", 10_000), 9_500, 10_500, False, True),
        # "4.1 million" parses to 4.1 * 1e6 = 4099999.9999999995: still rounded to the 100,000s.
        (qty("4.1 million", 4.1 * 1e6, counted="records"), 4.05e6, 4.15e6, False, True),
    ],
)
def test_quantity_bounds(quantity: Quantity, low: float, high: float, low_open: bool, high_open: bool) -> None:
    interval = interval_from_quantity(quantity)
    assert interval is not None
    assert interval.low == pytest.approx(low)
    assert interval.high == pytest.approx(high)
    assert (interval.low_open, interval.high_open) == (low_open, high_open)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (tref("less than an hour", "PT1H", "DURATION", "LESS_THAN"), tref("about 40 minutes", "PT40M", "DURATION", "APPROX"), True),
        (tref("about 40 minutes", "PT40M", "DURATION", "APPROX"), tref("three and a half hours", "PT3H30M", "DURATION", "APPROX"), False),
        (tref("two days", "P2D", "DURATION"), tref("48 hours", "PT48H", "DURATION"), True),
        (tref("24 to 48 hours", "PT24H/PT48H", "DURATION"), tref("two days", "P2D", "DURATION"), True),
        # the same instant written in two zones
        (tref("8:37 p.m. local time (UTC+3)", "2025-07-23T20:37+03:00", "TIME"), tref("5:37 p.m. GMT", "2025-07-23T17:37Z", "TIME"), True),
        (tref("8:37 p.m. (UTC+3)", "T20:37+03:00", "TIME"), tref("5:37 p.m. GMT", "T17:37+00:00", "TIME"), True),
        (tref("18:00 local time", "2025-07-23T18:00", "TIME"), tref("8:37 p.m. local time", "2025-07-23T20:37", "TIME"), False),
        (tref("8:37 p.m. local time", "2025-07-23T20:37", "TIME"), tref("8:38 p.m. local time", "2025-07-23T20:38", "TIME"), True),
        # a zone-less local time is not compared with a UTC instant
        (tref("8:37 p.m. local time", "2025-07-23T20:37", "TIME"), tref("5:37 p.m. GMT", "2025-07-23T17:37Z", "TIME"), False),
        (tref("July 23", "2025-07-23"), tref("July", "2025-07", precision="month"), True),
        (tref("July 23", "2025-07-23"), tref("July 24", "2025-07-24"), False),
        (tref("the end of August", "2025-08", modifier="END"), tref("August 25", "2025-08-25"), True),
        (tref("the end of August", "2025-08", modifier="END"), tref("August 5", "2025-08-05"), False),
        (tref("summer 2025", "2025-SU"), tref("July 23", "2025-07-23"), True),
        (tref("the third quarter", "2025-Q3"), tref("October 1", "2025-10-01"), False),
        (tref("week 30", "2025-W30"), tref("July 23", "2025-07-23"), True),
    ],
)
def test_times_compare_as_intervals(a: TimeRef, b: TimeRef, expected: bool) -> None:
    ia, ib = interval_from_time(a), interval_from_time(b)
    assert ia is not None and ib is not None
    assert compatible(ia, ib) is expected


def test_local_times_of_different_places_are_not_compared() -> None:
    a = interval_from_time(tref("8 p.m.", "2025-07-23T20:00", "TIME"), place="Istanbul")
    b = interval_from_time(tref("8 p.m.", "2025-07-23T20:00", "TIME"), place="Kyiv")
    assert a is not None and b is not None
    assert not compatible(a, b)


@pytest.mark.parametrize("value", ["XXXX-XX-XX", "XXXX-WXX-3", "", "PXH"])
def test_unplaceable_values_give_none(value: str) -> None:
    assert interval_from_time(tref("sometime", value)) is None


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(0, 3600, high_open=True, unit="s"), "[0, 60) min"),
        (Interval(1000, math.inf, True, True, "count"), "(1000, ∞)"),
        (Interval(339, 339, unit="count"), "339"),
        (Interval(3 * 3600, 4 * 3600, unit="s"), "[3, 4] h"),
    ],
)
def test_describe(interval: Interval, text: str) -> None:
    assert describe(interval) == text


@pytest.mark.parametrize(
    ("time", "text"),
    [
        (tref("July 23", "2025-07-23"), "2025-07-23"),
        (tref("5:37 p.m. GMT", "2025-07-23T17:37Z", "TIME"), "2025-07-23T17:37 UTC ± 1 min"),
        (tref("8:37 p.m. (UTC+3)", "2025-07-23T20:37+03:00", "TIME"), "2025-07-23T17:37 UTC ± 1 min"),
        (tref("the end of August", "2025-08", modifier="END"), "[2025-08-21, 2025-09-01)"),
        # A part of a day shows its hours: "[2025-07-23, 2025-07-23)" read as an empty day.
        (tref("Wednesday morning", "2025-07-23TMO"), "[2025-07-23 05:00, 2025-07-23 12:00)"),
    ],
)
def test_describe_times(time: TimeRef, text: str) -> None:
    interval = interval_from_time(time)
    assert interval is not None
    assert describe(interval) == text


_HEDGE_OF_RULE = {"more": "lower", "less": "upper", "about": "approx", "nearly": "approx", "just over": "lower"}


@pytest.mark.parametrize("phrase", sorted(QUALIFIERS | POSTFIX))
def test_every_qualifier_the_extractor_reads_is_read_the_same_way_here(phrase: str) -> None:
    """The extractor's lexicon is the one word list: a hedge it learns ("larger than", "exceeding")
    must not be read here as an exact value."""
    _, rule = (QUALIFIERS | POSTFIX)[phrase]
    assert hedge_of(qty(f"{phrase} 20", 20, qualifier=phrase)) == _HEDGE_OF_RULE[rule]
