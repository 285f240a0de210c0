"""Charts as inline SVG: they travel inside a self-contained HTML file and need no script."""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import Sequence

from synopsis.facts.intervals import calendar_span
from synopsis.records import AlignedClaim, TimelineEvent

# The colours of the report's status pills (white text on each at least 4.5:1, WCAG AA).
STATUS_COLOURS = {"corroborated": "#2f855a", "single-source": "#4a5568", "disputed": "#c05621"}
# Widest a character of the 11px chart text is drawn, on average over a label, in a sans-serif
# font (DejaVu Sans, Helvetica, Segoe UI: 0.55-0.63 em); the SVG is sized by it so a label is
# never cut at its right edge (QA: "(Küre E" at the edge of a 960px timeline).
CHAR_WIDTH = 11 * 0.66
TIMELINE_LABEL = 80  # characters of an event's text and outlets beside the axis
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TimeML date value covers ("A/B" from A to B): a day (a time or part of
    a day as its day), or a week, weekend, month, quarter, half, season or year, as
    ``facts.intervals.calendar_span`` reads it."""
    if value and "/" in value:
        first_part, last_part = value.split("/", 1)
        first, last = date_span(first_part), date_span(last_part)
        return (first[0], last[1]) if first and last and first[0] <= last[1] else first
    day = _DAY.match(value or "")
    weekend = _WEEKEND.match(value or "")
    try:
        if day:
            first = dt.date(int(day[1]), int(day[2]), int(day[3]))
            return first, first
        if weekend:
            # ISO weeks start on Monday: the weekend is their sixth and seventh days.
            saturday = dt.date.fromisocalendar(int(weekend[1]), int(weekend[2]), 6)
            return saturday, saturday + dt.timedelta(days=1)
        span = calendar_span(value or "")
    except ValueError:
        return None
    if span is None:
        return None
    # calendar_span gives naive seconds with an exclusive end: the last day is the one before it.
    first = dt.datetime.fromtimestamp(span[0], dt.timezone.utc).date()
    return first, dt.datetime.fromtimestamp(span[1], dt.timezone.utc).date() - dt.timedelta(days=1)


def timeline_svg(events: Sequence[TimelineEvent], width: int = 960, row: int = 24) -> str:
    """Events on a date axis, one row each; a bar where the date is a month or a year."""
    spans = [(event, date_span(event.date)) for event in events]
    spans = [(e, s) for e, s in spans if s]
    if not spans:
        return ""
    first = min(s[0] for _, s in spans)
    last = max(s[1] for _, s in spans)
    days = max((last - first).days, 1)
    labels = [f"{_shorten(event.text, 60)} ({', '.join(event.sources)})" for event, _ in spans]
    labels = [_shorten(label, TIMELINE_LABEL) for label in labels]
    # The date column as wide as the longest date ("2025-05-16/2025-07-23" is 21 characters).
    left = max(110, round(max(len(event.date) for event, _ in spans) * CHAR_WIDTH) + 12)
    plot = 330
    width = max(width, round(left + plot + 12 + max(map(len, labels)) * CHAR_WIDTH) + 8)
    height = row * len(spans) + 40

    def x(day: dt.date) -> float:
        return left + plot * (day - first).days / days

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="Timeline of {len(spans)} events">',
        f'<line x1="{left}" y1="20" x2="{left + plot}" y2="20" stroke="#999"/>',
        f'<text x="{left}" y="14" font-size="11" fill="#555">{first.isoformat()}</text>',
        f'<text x="{left + plot}" y="14" font-size="11" fill="#555" text-anchor="end">{last.isoformat()}</text>',
    ]
    for index, ((event, (start, end)), label) in enumerate(zip(spans, labels)):
        y = 40 + index * row
        colour = "#2b6cb0" if len(event.sources) > 1 else "#718096"
        if end > start:
            parts.append(
                f'<rect x="{x(start):.1f}" y="{y - 5}" width="{max(x(end) - x(start), 3):.1f}" height="10" '
                f'fill="{colour}" opacity="0.45"/>'
            )
        else:
            parts.append(f'<circle cx="{x(start):.1f}" cy="{y}" r="5" fill="{colour}"/>')
        parts.append(f'<text x="4" y="{y + 4}" font-size="11" fill="#333">{escape(event.date)}</text>')
        parts.append(
            f'<text x="{left + plot + 12}" y="{y + 4}" font-size="11" fill="#222"><title>{escape(event.text)}</title>'
            f"{escape(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def coverage_svg(claims: Sequence[AlignedClaim], outlets: Sequence[str], cell: int = 18) -> str:
    """Outlet-by-fact matrix: a filled cell where the outlet reports the fact, coloured by status.

    The cells come first and each fact's text after them, so a phone screen (390px, the chart
    scrolling in its box) shows every cell and the start of every fact, not only the texts."""
    if not claims or not outlets:
        return ""
    left, top, label_chars = 4, 130, 62
    cells_end = left + cell * len(outlets)
    labels_at = cells_end + 8
    # Room on the right for the last outlet's name, drawn rising at 55 degrees from its column,
    # and for the longest fact text.
    longest = max(len(_shorten(outlet, 22)) for outlet in outlets)
    widest_label = max(len(_shorten(claim.text, label_chars)) for claim in claims)
    width = max(cells_end + 20 + round(longest * CHAR_WIDTH * 0.58), labels_at + round(widest_label * CHAR_WIDTH) + 8)
    height = top + cell * len(claims) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-label="Which outlet reports which fact">'
    ]
    for column, outlet in enumerate(outlets):
        cx = left + column * cell + cell / 2
        parts.append(
            f'<text transform="translate({cx + 4:.1f},{top - 6}) rotate(-55)" font-size="11" fill="#333">'
            f"{escape(_shorten(outlet, 22))}</text>"
        )
    for row_index, claim in enumerate(claims):
        y = top + row_index * cell
        parts.append(
            f'<text x="{labels_at}" y="{y + cell * 0.7:.1f}" font-size="11" fill="#222">'
            f"<title>{escape(claim.text)}</title>{escape(_shorten(claim.text, label_chars))}</text>"
        )
        colour = STATUS_COLOURS.get(claim.status, "#718096")
        for column, outlet in enumerate(outlets):
            x = left + column * cell
            reported = outlet in claim.sources
            fill = colour if reported else "none"
            parts.append(
                f'<rect x="{x + 2}" y="{y + 2}" width="{cell - 4}" height="{cell - 4}" fill="{fill}" '
                f'stroke="{colour if reported else "#cbd5e0"}"><title>{escape(outlet)}: '
                f'{"reports" if reported else "does not report"} this</title></rect>'
            )
    parts.append("</svg>")
    return "".join(parts)
