"""Dates written in an article's metadata (container fields, header lines, bylines, datelines)
read as ISO 8601 with their precision."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser
from dateparser.timezone_parser import pop_tz_offset_from_string

from synopsis.ingest import patterns as P
from synopsis.ingest.numeric_dates import MONTH_FIRST_COUNTRIES, Basis, swap, text_reading, weekday_reading

UPDATE_DATE_LABELS = ("updated", "last updated", "modified")


@dataclass(frozen=True, slots=True)
class When:
    """A parsed point in time as ISO 8601 with its precision."""

    iso: str
    precision: str
    # A numeric date whose day and month could be the other way round ("05/02/2024"): what
    # settled its reading (numeric_dates.Basis; "default" is day-first, still open to the
    # text and the outlet's country).  None when only one reading is a date.
    ambiguous: Basis | None = None


# Numeric dates (see numeric_dates for which way round an ambiguous one goes):
# - a number above 12 settles it: "11/28/05" is month-first (told day-first,
#   dateparser would read it as 2028-05-11), "28/11/05" day-first;
# - dots ("05.02.2024") are day-first: month-first writers use slashes;
# - otherwise it is ambiguous (When.ambiguous): read day-first unless a weekday named
#   with it fits the other reading, and settled in detect_metadata by the text or the
#   outlet's country (settle_day_order).
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*[/.-]\s*\d{2,4}\b")
# A weekday named with a date ("Thursday, 05/02/2024", "05/02/2024 (Thu)"); dateparser reads
# a numeric date after a word month-first whatever its weekday, so it is taken out first.
_NAMED_WEEKDAY = re.compile(rf"\(?\b({P.WEEKDAY})\b\.?\)?,?", re.IGNORECASE)


def parse_when(
    date_text: str, time_text: str | None = None, *, year: int | None = None, full_date: bool = False
) -> When | None:
    """Parse a date (and time, with zone when given) into ISO 8601.

    With ``full_date``, a date missing its day, month or year, or a relative one,
    gives None rather than one completed from today (dateparser's default): an
    archive's "APR 28" is not this year's.
    """
    text = f"{date_text} {time_text or ''}".strip()
    text = re.sub(r"\s+at\s+|\s*[–—|]\s*", " ", text)
    text = re.sub(r"(\d)\.(\d{2})\s*([ap]\.?m)", r"\1:\2 \3", text, flags=re.IGNORECASE)
    text = re.sub(r"\b([ap])\.\s?m\.?", r"\1m", text, flags=re.IGNORECASE)
    stripped, zone = pop_tz_offset_from_string(text)
    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY"}
    ambiguous = False
    weekday = None
    if (named := _NAMED_WEEKDAY.search(stripped)) and _NUMERIC_DATE.match(without := _NAMED_WEEKDAY.sub(" ", stripped, count=1)):
        weekday, stripped = named.group(1), without
    if re.match(r"^\s*[A-Za-z]", stripped):
        settings["DATE_ORDER"] = "MDY"
    elif numeric := _NUMERIC_DATE.match(stripped):
        first, separator, second = int(numeric.group(1)), numeric.group(2), int(numeric.group(3))
        if second > 12:
            settings["DATE_ORDER"] = "MDY"
        ambiguous = separator != "." and first != second and 0 < first <= 12 and 0 < second <= 12
    if full_date:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
        # Nor relative dates ("3 hours ago"): relative to an unknown crawl time.
        settings["PARSERS"] = ["timestamp", "custom-formats", "absolute-time"]
    if year is not None:
        settings["RELATIVE_BASE"] = dt.datetime(year, 7, 1)
    try:
        parsed = dateparser.parse(stripped.strip(), languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None:
        return None
    basis: Basis | None = None
    if ambiguous:
        basis = "default"
        if weekday is not None and (fits := weekday_reading(parsed.date(), weekday)) is not None:
            parsed, basis = dt.datetime.combine(fits, parsed.time()), "weekday"
    has_time = bool(time_text) or bool(re.search(r"\d{1,2}:\d{2}", stripped))
    if not has_time:
        return When(parsed.date().isoformat(), "day", basis)
    iso = parsed.replace(microsecond=0).isoformat(timespec="seconds")
    if zone is not None:
        offset = zone.utcoffset(parsed)
        if offset is not None:
            iso = parsed.replace(tzinfo=dt.timezone(offset), microsecond=0).isoformat(timespec="seconds")
    return When(iso, "minute", basis)


def read_as(when: When, day: dt.date, basis: Basis) -> When:
    """The same moment on another day (the other reading of an ambiguous date), with what settled it."""
    return When(day.isoformat() + when.iso[10:], when.precision, basis)


def settle_day_order(when: When | None, text: str, country: str | None) -> When | None:
    """An ambiguous numeric date that nothing settled yet (read day-first by default) read as the
    text supports, else as the outlet's country writes dates (numeric_dates)."""
    if when is None or when.ambiguous != "default":
        return when
    day = dt.date.fromisoformat(when.iso[:10])
    if (supported := text_reading(day, text)) is not None:
        return read_as(when, supported, "text")
    if country in MONTH_FIRST_COUNTRIES:
        return read_as(when, swap(day), "outlet country")  # "05/02/2024" from a US outlet is May 2
    return when


def normalize_container_date(value: str | None) -> When | None:
    """A container's date (ISO, RFC 822, free text) as ISO 8601."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return When(value, "day")
        return When(parsed.replace(microsecond=0).isoformat(timespec="seconds"), "minute")
    except ValueError:
        pass
    return parse_when(value, full_date=True) or embedded_date(value)


_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# The date inside a longer metadata string ("Posted on November 15, 2011 6 : 07 : 15 PM
# GMT+01 : 0", "TNN Nov 12, 2011, 05.51AM IST MUMBAI :", "2013 - 09 - 26 Parliament
# has ..."): crawlers store such strings, dateparser gives up on the whole, and its
# search mode misreads words ("of August") as days, so the date part is cut out first.
_EMBEDDED_DATE = re.compile(
    rf"\b{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*,?\s+\d{{4}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_NAME}\s*,?\s+\d{{4}}\b"
    r"|\b\d{4}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}\b",
    re.IGNORECASE,
)


def embedded_date(value: str) -> When | None:
    """The first full date (day, month and year) inside a longer string, at day precision."""
    match = _EMBEDDED_DATE.search(value)
    if not match:
        return None
    text = re.sub(r"\s*([-./])\s*", r"\1", match.group(0))
    if re.match(r"\d{4}[-./]", text):
        year, month, day = (int(part) for part in re.split(r"[-./]", text))
        try:
            return When(dt.date(year, month, day).isoformat(), "day")
        except ValueError:
            return None
    return parse_when(text)


def bad_date_warning(value: str, label: str | None = None) -> str:
    """The warning for a date that was given but is no date ("2026-13-45", "yesterday-ish")."""
    kind = "update" if (label or "").casefold() in UPDATE_DATE_LABELS else "publication"
    value = " ".join(value.split())
    shown = value if len(value) <= 60 else value[:59] + "…"
    return f"{kind} date '{shown}' is not a valid date; ignored"
