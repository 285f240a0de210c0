"""Metadata detection: dates, datelines, source lines, outlets and their kinds."""

from __future__ import annotations

import pytest

from synopsis.ingest.meta import detect_metadata, parse_when
from synopsis.records import RawDocument

PARA = (
    "Two ferries collided in thick fog near the pier on Monday, the harbour authority said, and nobody "
    "was hurt in the crash according to the coastguard, which sent two boats."
)


@pytest.mark.parametrize(
    ("date", "time", "iso", "precision"),
    [
        ("July 23, 2025", "4:50 PM PST", "2025-07-23T16:50:00-08:00", "minute"),
        ("July 23, 2025", "4:50 PM", "2025-07-23T16:50:00", "minute"),
        ("23 July 2025", None, "2025-07-23", "day"),
        ("2025-07-23", None, "2025-07-23", "day"),
        ("March 3, 2024", "9:15 a.m. GMT+3", "2024-03-03T09:15:00+03:00", "minute"),
        ("Jul. 4, 2024", "20:37 MSK", "2024-07-04T20:37:00+03:00", "minute"),
    ],
)
def test_parse_when(date: str, time: str | None, iso: str, precision: str) -> None:
    when = parse_when(date, time)
    assert (when.iso, when.precision) == (iso, precision)


def meta(content: str, **fields):
    return detect_metadata(RawDocument(source="t.txt", content=content, **fields))


def test_agency_dateline_gives_outlet_place_and_date_with_header_year(registry) -> None:
    m = meta(f"date 2024-03-03 PORTO NUEVO, March 4. /Xinhua/. {PARA}")
    assert m.outlet.name == "Xinhua" and m.outlet.kind == "state media"
    assert m.dateline == "PORTO NUEVO"
    assert (m.published, m.published_precision) == ("2024-03-04", "day")


def test_reuters_style_dateline() -> None:
    m = meta(f"LISBON, March 4 (Reuters) - {PARA}", published="2024-03-04T08:00:00Z")
    assert m.outlet.name == "Reuters" and m.dateline == "LISBON"


def test_source_line_at_top_is_the_outlet() -> None:
    m = meta(f"Ferries collide in the fog near the pier\n\nSource: Deutsche Welle\n\n{PARA}")
    assert m.outlet.name == "Deutsche Welle"
    assert m.title == "Ferries collide in the fog near the pier"
    assert m.origin is None


def test_rewrite_with_source_at_the_end_is_a_blog() -> None:
    m = meta(f"Ferries collide\nPublished: March 4, 2024 – 9:15 AM EST\n{PARA}\nSource: BBC – Two ferries collide in fog")
    assert m.outlet.name.startswith("unidentified blog (") and m.outlet.kind == "blog"
    assert m.origin.name == "BBC"
    assert m.published == "2024-03-04T09:15:00-05:00"


def test_roundup_of_three_outlets_is_an_aggregator_citing_them() -> None:
    text = (
        f"{PARA}\nAccording to Euronews, the pier was closed. France 24 reported that the ferries were old.\n"
        "As noted by The Guardian, fog is common in March."
    )
    m = meta(text, url="https://roundup.example/ferries")
    assert m.outlet.kind == "aggregator" and m.outlet.name == "roundup.example"
    assert m.cites == ("Euronews", "France 24", "The Guardian")


def test_no_name_is_never_invented() -> None:
    m = meta(PARA)
    assert m.outlet.name.startswith("unidentified outlet (") and m.outlet.kind == "unknown" and m.cites == ()


def test_container_fields_win() -> None:
    m = meta(PARA, outlet="Harbour Gazette", title="Ferries", author="Ana Ruiz", published="2024-03-04")
    assert (m.outlet.name, m.title, m.author, m.published) == ("Harbour Gazette", "Ferries", "Ana Ruiz", "2024-03-04")


def test_url_domain_identifies_outlet() -> None:
    m = meta(PARA, url="https://www.dw.com/en/ferries/a-1")
    assert m.outlet.name == "Deutsche Welle"


def test_author_box_gives_author_and_time() -> None:
    m = meta(f"Ferry Collision (2024)\n\nMarch 3, 2024\n\n{PARA}\n\nAuthor Information\n\nAvatar\nAuthorJonas WeberMarch 3, 2024 at 9:15 AM")
    assert m.author == "Jonas Weber"
    assert m.published == "2024-03-03T09:15:00"
    assert m.title == "Ferry Collision (2024)"


def test_self_reference_identifies_outlet() -> None:
    m = meta(f"{PARA} The coastguard captain told Meduza that the radar had failed.")
    assert m.outlet.name == "Meduza"
