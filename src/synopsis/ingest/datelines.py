"""Datelines: the place (and agency, and date) a report is filed under, at the start of one of
its first paragraphs ("ISTANBUL, July 23 (Reuters) -", "KYIV — ", "QUETTA: ")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.ingest import patterns as P
from synopsis.ingest.clean import Unit
from synopsis.ingest.lexicon import is_ordinary_word
from synopsis.ingest.places import is_major_place, is_town
from synopsis.ingest.publication_dates import When, parse_when
from synopsis.records import Removed

DATELINE_UNITS = 3  # a dateline opens one of the first blocks after the header lines


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline gives: its place, the agency it credits, its date, and the raw spans to
    take out of the body."""

    place: str
    agency: str | None = None
    when: When | None = None  # the date with its year (given, or the header's)
    date: str | None = None  # records.Article.dateline_date
    spans: tuple[Removed, ...] = ()


def dateline_window(head: Sequence[int], header_fields: set[int], clutter: set[int] = frozenset()) -> list[int]:
    """The header units a dateline may open: up to the DATELINE_UNITS-th unit that was neither
    read as metadata nor is page clutter. Counting after the metadata lines, not a fixed number of
    units from the top, finds it below any number of "Title:", "Published:", "Source:" lines of a
    text export; and not counting ``clutter`` (the units the cleaner removes: menus, a photo
    caption and its credit) finds it below a page's furniture, which holds no story block.
    Metadata and clutter units stay in the window: a unit read as a header may still open with a
    dateline."""
    window = []
    others = 0
    for i in head:
        window.append(i)
        others += i not in header_fields and i not in clutter
        if others == DATELINE_UNITS:
            break
    return window


def clutter_units(units: Sequence[Unit], removed: Sequence[Removed]) -> set[int]:
    """The units wholly taken out by the cleaner (``removed``, from ``clean.clean_text`` of the
    same text): a unit that only lost a prefix (a dateline, a date label) is still a block."""
    spans = [(r.start, r.end) for r in removed]
    return {i for i, unit in enumerate(units) if any(start <= unit.start and unit.end <= end for start, end in spans)}


def is_label(place: str) -> bool:
    """Whether the capitals a dateline would take for its place are a kicker or section
    label instead ("UPDATE", "DEAL", "BREAKING NEWS"): ordinary English words, unless a capital or
    a large city bears the name ("BERLIN", "MANILA", "BOSTON" are words too).  A smaller town
    named by a word ("UNION", "TEMPLE", "DEAL") is read as a label: a kicker is far more often met
    than such a town's dateline without a date or an agency, and the wrong place costs more (it
    joins the story's places, a New Jersey town in a story from Karachi) than a dateline missed
    (the place stays the paragraph's first word)."""
    words = re.split(r"[\s\-]+", place.strip())
    if len(words) == 1:
        return is_ordinary_word(words[0]) and not is_major_place(place)
    return all(is_ordinary_word(word) for word in words) and not is_town(place)


def find_dateline(text: str) -> tuple[re.Match[str], int] | None:
    """A dateline at the start of a paragraph (after an optional date label), with its offset."""
    offset = 0
    label = P.DATE_PREFIX_LINE.match(text)
    if label:
        offset = label.end()
    rest = text[offset:]
    match = P.DATELINE.match(rest)
    if match is None and (plain := P.PLAIN_DATELINE.match(rest)):
        # "KYIV — ...", never "UPDATE — ..." nor "EXCLUSIVE — ...".
        match = plain if plain.group("date") or not is_label(plain.group("place")) else None
    if match is None and (colon := P.COLON_DATELINE.match(rest)):
        # "QUETTA: Eight people were killed ...", never "UPDATE: ..." nor "WATCH: ...": a known
        # town's name, before at least a few words of the story (as clean.trim_prefixes asks).
        # Nor "UNION: ..." nor "DEAL: ...", towns too, unless a date says it is a dateline.
        place = colon.group("place")
        if is_town(place) and len(P.words(rest[colon.end() :])) >= 4 and (colon.group("date") or not is_label(place)):
            match = colon
    return (match, offset) if match else None


def colon_dateline_spans(text: str, unit: Unit, match: re.Match[str], offset: int) -> list[Removed]:
    """The raw spans of a colon dateline (and of a date label before it) to take out of the body:
    the patterns ``clean.trim_prefixes`` cuts on every paragraph have no colon form, since a line
    opening "PARIS: ..." far down a transcript is a speaker's turn, not a dateline."""
    pieces = [(0, offset, "metadata line")] if offset else []
    pieces.append((offset + match.start("place"), offset + match.end("colon"), "dateline"))
    spans = []
    for start, end, reason in pieces:
        raw = text[unit.start + start : unit.start + end]
        if raw.split() != unit.text[start:end].split():
            return []  # the unit's text joined lines unevenly there: no offsets to trust
        start += len(raw) - len(raw.lstrip())
        spans.append(Removed(raw.strip(), reason, unit.start + start, unit.start + start + len(raw.strip())))
    return spans



def read_dateline(text: str, units: Sequence[Unit], window: Sequence[int], header_year: int | None) -> Dateline | None:
    """The dateline opening one of the ``window`` units; a date without a year takes the
    header's (``header_year``)."""
    for i in window:
        found = find_dateline(units[i].text)
        if not found:
            continue
        match, offset = found
        place = match.group("place").strip()
        spans: list[Removed] = []
        if match.re is P.COLON_DATELINE:
            spans.extend(colon_dateline_spans(text, units[i], match, offset))
        agency = match.groupdict().get("slash") or match.groupdict().get("paren")
        dateline_when: When | None = None
        dateline_date: str | None = None
        if match.group("date"):
            year_given = re.search(r"\d{4}", match.group("date"))
            year = int(year_given.group()) if year_given else header_year
            if year is not None:
                date_text = match.group("date") if year_given else f"{match.group('date')}, {year}"
                dateline_when = parse_when(date_text)
                dateline_date = dateline_when.iso[:10] if dateline_when else None
            else:
                # No year anywhere: the day and month still tell two reports a week apart
                # apart (read in a leap year, so "Feb. 29" parses; the year is then dropped).
                leap = parse_when(f"{match.group('date')}, 2000")
                dateline_date = f"XXXX{leap.iso[4:10]}" if leap and leap.precision == "day" else None
        return Dateline(place, agency.strip() if agency else None, dateline_when, dateline_date, tuple(spans))
    return None
