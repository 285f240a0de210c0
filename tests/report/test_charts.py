"""The report's inline SVG charts: what each date value spans on the timeline axis."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from synopsis.records import TimelineEvent
from synopsis.report.charts import date_span, timeline_svg


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025-W29", dt.date(2025, 7, 14), dt.date(2025, 7, 20)),  # ISO week: Monday to Sunday
        ("2025-W29-WE", dt.date(2025, 7, 19), dt.date(2025, 7, 20)),
        ("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        ("2025-H1", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
        ("2025-SU", dt.date(2025, 6, 1), dt.date(2025, 8, 31)),
        ("2025-WI", dt.date(2025, 12, 1), dt.date(2026, 2, 28)),  # winter runs into the next year
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2025-02", dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
        ("2025-07-23TNI", dt.date(2025, 7, 23), dt.date(2025, 7, 23)),  # a part of a day is its day
        ("2025-W29/2025-08", dt.date(2025, 7, 14), dt.date(2025, 8, 31)),
    ],
)
def test_date_span_covers_what_the_value_names(value: str, first: dt.date, last: dt.date) -> None:
    assert date_span(value) == (first, last)


@pytest.mark.parametrize("value", ["XXXX-WXX", "2025-W60", "2025-02-30", "soon"])
def test_date_span_of_an_unplaceable_value_is_none(value: str) -> None:
    assert date_span(value) is None


def test_a_week_is_a_week_long_bar_and_the_axis_ends_at_the_last_event() -> None:
    events = [
        TimelineEvent("2025-07-02", "day", "Talks resumed.", ("Alpha", "Bravo"), ()),
        TimelineEvent("2025-W29", "week", "A warning was issued last week.", ("Alpha",), ()),
        TimelineEvent("2025-07-23", "day", "Delegations met.", ("Bravo",), ()),
    ]
    svg = timeline_svg(events)
    assert ">2025-07-23</text>" in svg and "2025-12-31" not in svg  # the axis's right end
    (x, width), = [(float(a), float(b)) for a, b in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)]
    plot_days = (dt.date(2025, 7, 23) - dt.date(2025, 7, 2)).days
    # Six days of a 21-day axis (drawn from Monday to Sunday), not a year.
    assert width == pytest.approx(330 * 6 / plot_days, abs=0.2)
