"""Days between two events' days, with or without their years."""

from __future__ import annotations

import pytest

from synopsis.link.events import days_apart
from synopsis.link.event_profile import is_day


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("2026-01-01", "2026-01-05", 4),
        # A day without its year is taken in the year nearest the other day.
        ("XXXX-04-03", "2026-04-10", 7),
        ("2026-04-10", "XXXX-04-03", 7),
        ("XXXX-12-31", "2026-01-01", 1),
        # Both without years: as near as any year allows, 29 February included.
        ("XXXX-01-01", "XXXX-12-30", 2),
        ("XXXX-02-29", "XXXX-03-01", 1),
    ],
)
def test_days_apart_with_or_without_years(first: str, second: str, apart: int) -> None:
    assert days_apart(first, second) == apart


@pytest.mark.parametrize(
    ("value", "day"),
    [("2026-04-03", True), ("XXXX-04-03", True), ("XXXX-02-29", True), ("XXXX-04-31", False),
     ("XXXX-WXX-5", False), ("2026-04", False)],
)
def test_only_days_that_exist_are_event_days(value: str, day: bool) -> None:
    """An impossible day ("April 31") would compare with no day at all, and so with every one."""
    assert is_day(value) is day
    if not day and value.startswith("XXXX-04"):
        with pytest.raises(ValueError):
            days_apart(value, "2026-04-10")
