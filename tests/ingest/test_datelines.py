"""Datelines below a page's furniture: menus, a photo caption and its credit are no story blocks."""

from __future__ import annotations

from synopsis.ingest.clean import Unit
from synopsis.ingest.datelines import DATELINE_UNITS, clutter_units, dateline_window
from synopsis.ingest.meta import detect_metadata
from synopsis.records import RawDocument, Removed

STORY = (
    "KABRIN, June 2 /HWS/ - Two ferries collided in thick fog near the north pier on Monday morning, "
    "the harbour authority said, and nobody was hurt in the crash according to the coastguard.\n\n"
    "The coastguard sent two boats and towed both ferries back to the terminal before noon, where "
    "inspectors found a dented bow on one of them and a broken railing on the other.\n\n"
    "Ferry services on the northern route were suspended for the rest of the day while the "
    "harbour authority checked the radar equipment of every vessel that sails it."
)


def test_a_dateline_below_menus_a_caption_and_a_credit_is_found() -> None:
    """A page copied as text: the menu lines and a photo's caption and credit sit between the
    headline and the dateline; they used to fill the window the dateline is looked for in."""
    page = (
        "Harbour Wire Service\n"
        "Home | World | Business | Photos | Video\n"
        "Search\n\n"
        "Ferries collide in fog off the north pier\n"
        "June 2, 2025 9:10 AM GMT+1\n\n"
        "Crews inspect the bow of a ferry at the north pier in Kabrin.\n"
        "Photo: Lena Sorvik / HWS\n\n"
        f"{STORY}\n\n"
        "Crews inspect the bow of a ferry at the north pier in Kabrin.\n"
        "Photo: Lena Sorvik / HWS\n"
    )
    m = detect_metadata(RawDocument(source="page.txt", content=page))
    assert m.dateline == "KABRIN"
    assert m.dateline_date == "2025-06-02"
    # The dateline gives the day; the date line under the headline the same day with its time.
    assert (m.published, m.published_precision) == ("2025-06-02T09:10:00+01:00", "minute")


def test_clutter_does_not_count_toward_the_window_but_stays_in_it() -> None:
    units = [Unit(i * 10, i * 10 + 5, f"u{i}", True) for i in range(6)]
    removed = [Removed("nav", "navigation", 10, 15), Removed("x", "photo credit", 20, 25), Removed("P", "dateline", 30, 32)]
    clutter = clutter_units(units, removed)
    assert clutter == {1, 2}  # unit 3 only lost a prefix: still a block
    assert DATELINE_UNITS == 3
    assert dateline_window(range(6), set(), clutter) == [0, 1, 2, 3, 4]
    assert dateline_window(range(6), set()) == [0, 1, 2]
