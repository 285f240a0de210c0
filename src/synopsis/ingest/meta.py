"""Article metadata: title, author, outlet, origin, cited outlets, publication time, dateline."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

import dateparser
from dateparser.timezone_parser import pop_tz_offset_from_string

from synopsis.ingest import patterns as P
from synopsis.ingest.clean import Unit, clean_text, classify_unit, split_units
from synopsis.ingest.numeric_dates import MONTH_FIRST_COUNTRIES, Basis, swap, text_reading, weekday_reading
from synopsis.ingest.outlets import OutletRegistry, default_registry, host_of, normalize_key
from synopsis.ingest.places import is_town
from synopsis.records import Outlet, RawDocument, Removed

# An article that names no outlet of its own and attributes its content to at
# least this many different outlets is a round-up of other people's reporting.
AGGREGATOR_MIN_CITES = 3
# Metadata sits in the first lines of a page (title, byline, date, source) and
# sometimes in the last ones (source of a rewrite).  Eight units cover a title,
# a caption, a credit, a byline and a date line in the pages we have seen.
HEADER_UNITS = 8
# A "Title:" header is the headline whatever its length: long ones (SEO headlines, South Asian
# papers' summary headlines) run to 250-300 characters, the longest in our corpora to 66.  Past
# this it is a paragraph pasted under the label: the title keeps its first words, with a warning.
MAX_TITLE_CHARS = 400
DATELINE_UNITS = 3  # a dateline opens one of the first blocks after the header lines
FOOTER_UNITS = 4
# Words that mark an outlet mention as an attribution ("According to X", "X reported").
ATTRIBUTION_CUE = re.compile(
    r"\b(according to|as reported by|reported|reports|reporting|report|said|says|told|cited|citing|cite|"
    r"quoted|quoting|as per|per|noted|notes|wrote|writes|confirmed|coverage|as detailed by|as noted by|"
    r"observed|chronicled|via|in an interview with|broadcast|aired|published|learned|claimed|stated|"
    r"announced|described|journalists? from|correspondent)\b",
    re.IGNORECASE,
)
# How pages speak of their own outlet ("a source told TASS", "Join Meduza").
SELF_REFERENCE = (
    r"\b(?:told|speaking to|said to|in an interview with)\s+{name}\b",
    r"\b{name}\s+(?:has|have)\s+(?:learned|gathered|condemned|contacted|reached out|asked|obtained|seen)\b",
    r"\b(?:join|support|donate to|subscribe to)\s+{name}\b",
    r"\b{name}\s+(?:could not|was unable to|cannot) (?:independently )?(?:verify|confirm)\b",
    r"\b{name}(?:'s|’s) (?:correspondent|reporter|editorial|newsroom)\b",
    r"©\s*(?:\d{{4}}\s+)?{name}\b",
)
STRONG_DATE_LABELS = ("published", "posted", "first published", "released")
UPDATE_DATE_LABELS = ("updated", "last updated", "modified")


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What metadata detection found, and which raw spans were metadata."""

    title: str | None = None
    author: str | None = None
    url: str | None = None  # the container's, or a labelled "URL: ..." header line's
    outlet: Outlet | None = None
    outlet_basis: str | None = None  # how the outlet was found: "container", "url", "source line", ...
    origin: Outlet | None = None
    cites: tuple[str, ...] = ()
    published: str | None = None
    published_precision: str | None = None
    published_ambiguous: Basis | None = None  # see When.ambiguous
    dateline: str | None = None
    dateline_date: str | None = None  # records.Article.dateline_date
    metadata: tuple[Removed, ...] = ()  # raw spans to take out of the body (title line, ...)
    warnings: tuple[str, ...] = ()  # dates given but impossible (article.build_article_warned)


@dataclass(frozen=True, slots=True)
class When:
    """A parsed point in time as ISO 8601 with its precision."""

    iso: str
    precision: str
    # A numeric date whose day and month could be the other way round ("05/02/2024"): what
    # settled its reading (numeric_dates.Basis; "default" is day-first, still open to the
    # text and the outlet's country).  None when only one reading is a date.
    ambiguous: Basis | None = None


# --- dates ---------------------------------------------------------------------
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


# --- helpers -----------------------------------------------------------------------
def header_units(units: Sequence[Unit]) -> list[int]:
    """Indexes of units before the body starts (and at most HEADER_UNITS of them).  The first
    long unit starts the body, unless it is a labelled header line: a 30-word "Title: ..." is a
    long headline, and the "Source:" and "Published:" lines below it are still the header."""
    out = []
    for i, unit in enumerate(units[:HEADER_UNITS]):
        out.append(i)
        if len(P.words(unit.text)) >= 25 and classify_unit(unit.text) is None and not is_labelled_header(unit.text):
            break
    return out


def is_labelled_header(text: str) -> bool:
    """A "Title: ..." or "Source: ..." line, which is metadata however long its value."""
    return bool(P.TITLE_LINE.match(text) or P.SOURCE_LABEL.match(text))


def cut_title(title: str) -> str:
    """A title longer than MAX_TITLE_CHARS cut at a word boundary, with an ellipsis."""
    cut = title[: MAX_TITLE_CHARS - 1]
    if (space := cut.rfind(" ")) >= MAX_TITLE_CHARS * 2 // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def dateline_window(head: Sequence[int], header_fields: set[int]) -> list[int]:
    """The header units a dateline may open: up to the DATELINE_UNITS-th unit that was not read
    as metadata. Counting after the metadata lines, not a fixed number of units from the top,
    finds it below any number of "Title:", "Published:", "Source:" lines of a text export.
    Metadata units stay in the window: a unit read as a header may still open with a dateline."""
    window = []
    others = 0
    for i in head:
        window.append(i)
        others += i not in header_fields
        if others == DATELINE_UNITS:
            break
    return window


def resolve(name: str, registry: OutletRegistry) -> Outlet | None:
    """The registered outlet for a name, also trying it without a trailing headline or "news agency"."""
    name = name.strip().strip(".,;:")
    outlet = registry.lookup(name)
    if outlet is None:
        trimmed = re.sub(r"\s+(news agency|agency|news|television|tv|newspaper|website)$", "", name, flags=re.IGNORECASE)
        outlet = registry.lookup(trimmed) if trimmed != name else None
    return outlet


def find_dateline(text: str) -> tuple[re.Match[str], int] | None:
    """A dateline at the start of a paragraph (after an optional date label), with its offset."""
    offset = 0
    label = P.DATE_PREFIX_LINE.match(text)
    if label:
        offset = label.end()
    rest = text[offset:]
    match = P.DATELINE.match(rest) or P.PLAIN_DATELINE.match(rest)
    if match is None and (colon := P.COLON_DATELINE.match(rest)):
        # "QUETTA: Eight people were killed ...", never "UPDATE: ..." nor "WATCH: ...": a known
        # town's name, before at least a few words of the story (as clean.trim_prefixes asks).
        if is_town(colon.group("place")) and len(P.words(rest[colon.end() :])) >= 4:
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


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding a span."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1]


def find_cites(text: str, registry: OutletRegistry, skip: Sequence[tuple[int, int]], own: Outlet | None) -> tuple[str, ...]:
    """Registered outlets the article attributes content to, in order of first mention."""
    cites: list[str] = []
    for outlet, start, end in registry.find_mentions(text):
        if outlet.kind == "government" or (own is not None and outlet.name == own.name):
            continue
        if any(s <= start < e for s, e in skip):
            continue
        if ATTRIBUTION_CUE.search(sentence_around(text, start, end)) and outlet.name not in cites:
            cites.append(outlet.name)
    return tuple(cites)


def find_self_reference(text: str, registry: OutletRegistry, skip: Sequence[tuple[int, int]]) -> Outlet | None:
    """The registered outlet the text speaks of as itself, if exactly one does."""
    found: dict[str, Outlet] = {}
    mentioned = {o.name: o for o, s, e in registry.find_mentions(text) if not any(a <= s < b for a, b in skip)}
    for outlet in mentioned.values():
        entry = registry.entry(outlet)
        names = (outlet.name, *outlet.aliases)
        if entry:
            names = tuple(n for n in names if n not in entry.ambiguous)
        alternatives = "|".join(re.escape(n) for n in names if len(n) > 1)
        if not alternatives:
            continue
        for template in SELF_REFERENCE:
            if re.search(template.format(name=f"(?:{alternatives})"), text):
                found[outlet.name] = outlet
                break
    return next(iter(found.values())) if len(found) == 1 else None


# --- main entry ----------------------------------------------------------------
def unnamed_outlet(kind: str, source: str) -> str:
    """A name for an outlet we could not identify, distinct per input so two unknowns never merge."""
    label = "outlet" if kind == "unknown" else kind
    return f"unidentified {label} ({PurePath(source.split('#')[0]).name or source})"


def is_masthead(units: Sequence[Unit], i: int, text: str) -> bool:
    """Whether unit i is an outlet's name atop the page rather than a headline: it reads like
    one ("Corvan News Agency", ``P.MASTHEAD``), only page furniture stands above it, and the
    page bears it out, with navigation right below it or the name again further down (a
    copyright line, "told the Gazette").  Headlines such as "Storm Brings Hard Times" read
    like mastheads too, but are followed by a standfirst or the story."""
    unit = units[i]
    if not P.MASTHEAD.match(unit.text) or any(classify_unit(units[j].text) is None for j in range(i)):
        return False
    if i + 1 < len(units) and classify_unit(units[i + 1].text) is not None:
        return True
    return unit.text.casefold() in text[unit.end :].casefold()


def detect_metadata(raw: RawDocument, registry: OutletRegistry | None = None) -> ArticleMeta:
    """Find title, author, outlet, origin, cited outlets, publication time and dateline of a document."""
    registry = registry or default_registry()
    text = raw.content
    units = split_units(text)
    head = header_units(units)
    footer = set(range(max(len(head), len(units) - FOOTER_UNITS), len(units)))
    metadata: list[Removed] = []
    warnings: list[str] = []

    # Labelled "Author: ..." and "URL: ..." header lines of a text export: read, and
    # taken out of the body (and never mistaken for a headline below).
    url = raw.url.strip() if raw.url and raw.url.strip() else None
    labelled_author: str | None = None
    labelled: set[int] = set()
    for i in head:
        unit = units[i]
        if match := P.URL_LINE.match(unit.text):
            url = url or match.group("url")
            reason = "url"
        elif (match := P.AUTHOR_LINE.match(unit.text)) and not P.AUTHOR_DATE.match(unit.text):
            labelled_author = labelled_author or match.group("name").strip(" ,|-–")
            reason = "author"
        else:
            continue
        labelled.add(i)
        metadata.append(Removed(text[unit.start : unit.end], reason, unit.start, unit.end))
    head_lines = [i for i in head if i not in labelled]
    # Header units read as metadata below (title, masthead, byline, date and source
    # lines): the dateline is looked for in the blocks after them.
    header_fields = set(labelled)

    # Title: the container's, a labelled "Title: ..." header line, or the first headline-like line at the top.
    title = raw.title.strip() if raw.title and raw.title.strip() else None
    for i in head_lines:
        unit = units[i]
        title_line = P.TITLE_LINE.match(unit.text)
        if title_line:
            # A header line like "Published: ..." and "Source: ...": its label is no part
            # of the headline, and the line no part of the body.
            headline = " ".join(title_line.group("title").split())
            if title is None and len(headline) > MAX_TITLE_CHARS:
                warnings.append(
                    f"'Title:' line of {len(headline)} characters is too long for a headline; "
                    f"the title keeps its first {MAX_TITLE_CHARS} characters"
                )
                headline = cut_title(headline)
            title = title or headline
            metadata.append(Removed(text[unit.start : unit.end], "title", unit.start, unit.end))
            header_fields.add(i)
            break
    masthead: Unit | None = None  # an unregistered outlet's name atop a page copied as text
    for i in head_lines:
        unit = units[i]
        if title is not None:
            if normalize_key(unit.text) == normalize_key(title):
                metadata.append(Removed(text[unit.start : unit.end], "title", unit.start, unit.end))
                header_fields.add(i)
                break
            continue
        if (
            classify_unit(unit.text) is None
            and P.is_heading_like(unit.text)
            and len(P.words(unit.text)) >= 3
            # Pages print the headline once more as a caption; a line seen three
            # or more times is a caption or a widget, not the headline.
            and sum(1 for u in units if u.text == unit.text) <= 2
            # A masthead ("Example News Agency") names the outlet, not the story.
            and registry.lookup(unit.text) is None
        ):
            if masthead is None and is_masthead(units, i, text):
                masthead = unit  # the headline, if any, comes below it
                header_fields.add(i)
                continue
            title = unit.text
            metadata.append(Removed(text[unit.start : unit.end], "title", unit.start, unit.end))
            header_fields.add(i)
            break
    if title is None and masthead is not None:
        # No other headline below it: the line may be one after all.
        title = masthead.text
        metadata.append(Removed(text[masthead.start : masthead.end], "title", masthead.start, masthead.end))
        masthead = None

    # Author: container, author box, labelled author line, byline.
    author = raw.author.strip() if raw.author and raw.author.strip() else None
    author_when: When | None = None
    for unit in units:
        match = P.AUTHOR_DATE.match(unit.text)
        if match and len(P.words(unit.text)) <= 14:
            author = author or match.group("name").strip(" ,|-–")
            author_when = parse_when(match.group("date"), match.group("time"))
            break
    author = author or labelled_author
    if author is None:
        for i in head:
            match = P.BYLINE.match(units[i].text)
            if match:
                author = match.group("name").strip()
                header_fields.add(i)
                break

    # Dates: labelled lines, datelines, header dates.
    strong_when: When | None = None
    weak_when: When | None = None
    header_year: int | None = None
    for i in head:
        unit = units[i]
        match = P.DATE_LINE.match(unit.text) or P.DATE_PREFIX_LINE.match(unit.text)
        if not match:
            continue
        when = parse_when(match.group("date"), match.group("time"))
        if when is None:
            # Written as a date ("Published: 2026-13-45") but none: lost, so the user hears of it.
            given = " ".join(part for part in (match.group("date"), match.group("time")) if part)
            warnings.append(bad_date_warning(given, match.group("label")))
            continue
        if match.re is P.DATE_LINE:
            header_fields.add(i)  # a date line of its own, not a label before the story's first words
        header_year = header_year or int(when.iso[:4])
        label = (match.group("label") or "").casefold()
        if label in STRONG_DATE_LABELS and strong_when is None:
            strong_when = when
        elif weak_when is None:
            weak_when = when
    container_when = normalize_container_date(raw.published)
    if container_when is None and raw.published and raw.published.strip():
        warnings.append(bad_date_warning(raw.published))
    if header_year is None and container_when is not None:
        header_year = int(container_when.iso[:4])

    # Source lines: at the top they name the outlet, at the bottom the origin.
    top_source: Outlet | None = None
    origin: Outlet | None = None
    for i, unit in enumerate(units):
        at_top = i in head
        # A labelled "Source:" header may be long (a publication's full name, a headline after it).
        labelled_top = at_top and P.SOURCE_LABEL.match(unit.text)
        if len(P.words(unit.text)) > 25 and not labelled_top:
            continue
        match = P.SOURCE_LINE.match(unit.text)
        if not match:
            if labelled_top:
                value = " ".join(unit.text.split(":", 1)[1].split())
                shown = value if len(value) <= 60 else value[:59] + "…"
                warnings.append(f"'Source:' line '{shown}' names no outlet (a name of at most {P.SOURCE_NAME_CHARS} characters); ignored")
            continue
        name = match.group("name")
        outlet = resolve(name, registry)
        if at_top:
            header_fields.add(i)
            if labelled_top:
                # Read here, so out of the body whatever its length (short ones clean_text drops too).
                metadata.append(Removed(text[unit.start : unit.end], "metadata line", unit.start, unit.end))
        # A plain "Source: X" header names the outlet that published the text, registered
        # or not; other labels ("via X", "originally published by X") name whom it rewrites.
        if at_top and outlet is None and match.group("label").casefold() in ("source", "sources"):
            outlet = Outlet(name=" ".join(name.split()))
        if at_top and outlet is not None and top_source is None and not match.group("headline"):
            top_source = outlet
        elif i in footer or match.group("headline") or not at_top:
            origin = origin or outlet or Outlet(name=name.strip())
        elif at_top and outlet is None:
            origin = origin or Outlet(name=name.strip())

    dateline_place = None
    dateline_agency = None
    dateline_when: When | None = None
    dateline_date: str | None = None
    for i in dateline_window(head, header_fields):
        found = find_dateline(units[i].text)
        if not found:
            continue
        match, offset = found
        dateline_place = match.group("place").strip()
        if match.re is P.COLON_DATELINE:
            metadata.extend(colon_dateline_spans(text, units[i], match, offset))
        agency = match.groupdict().get("slash") or match.groupdict().get("paren")
        dateline_agency = agency.strip() if agency else None
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
        break

    # Clutter spans: outlet names inside captions, credits and link blocks are not attributions.
    _, removed = clean_text(text, rules=not raw.is_extracted)
    skip = [(r.start, r.end) for r in removed if r.reason != "metadata line"]

    # The outlet, strongest cue first.
    outlet: Outlet | None = None
    basis: str | None = None
    if raw.outlet and raw.outlet.strip():
        outlet, basis = resolve(raw.outlet, registry) or Outlet(name=raw.outlet.strip()), "container"
    if outlet is None and url:
        found = registry.lookup_url(url)
        if found:
            outlet, basis = found, "url"
    if outlet is None and top_source is not None:
        outlet, basis = top_source, "source line"
    agency_outlet = resolve(dateline_agency, registry) if dateline_agency else None
    if dateline_agency and agency_outlet is None:
        agency_outlet = Outlet(name=dateline_agency)
    if outlet is None and agency_outlet is not None:
        outlet, basis = agency_outlet, "dateline"
    elif agency_outlet is not None and origin is None and agency_outlet.name != outlet.name:
        origin = agency_outlet  # a republished wire story keeps the agency's dateline
    if outlet is None:
        cues = registry.find_cues(text)
        if cues:
            outlet, basis = cues[0][0], "registry cue"
    cites = find_cites(text, registry, skip, outlet)
    if outlet is None:
        found = find_self_reference(text, registry, skip)
        # "told X" in a round-up of many outlets is an attribution, not a self-reference.
        if found and len([c for c in cites if c != found.name]) < 2:
            outlet, basis = found, "self-reference"
            cites = tuple(c for c in cites if c != found.name)
    if masthead is not None:
        metadata.append(Removed(text[masthead.start : masthead.end], "masthead", masthead.start, masthead.end))
        if outlet is None:
            outlet, basis = Outlet(name=" ".join(masthead.text.split())), "masthead"
    if origin is not None and outlet is not None and origin.name == outlet.name:
        origin = None
    if outlet is None:
        if len(set(cites)) >= AGGREGATOR_MIN_CITES:
            kind, basis = "aggregator", "attributions"
        elif origin is not None:
            kind, basis = "blog", "rewrite"
        else:
            kind, basis = "unknown", None
        outlet = Outlet(name=(host_of(url) if url else None) or unnamed_outlet(kind, raw.source), kind=kind)

    when = settle_day_order(strong_when or container_when or dateline_when or author_when or weak_when, text, outlet.country)
    author_when = settle_day_order(author_when, text, outlet.country)
    # An author box often gives the same day as a header date with the time of day too.
    if when is not None and author_when is not None and when.precision == "day" and author_when.iso[:10] == when.iso:
        when = When(author_when.iso, author_when.precision, author_when.ambiguous or when.ambiguous)
    return ArticleMeta(
        # Pages use non-breaking spaces in headlines to control line breaks.
        title=" ".join(title.split()) if title else None,
        author=author,
        url=url,
        outlet=outlet,
        outlet_basis=basis,
        origin=origin,
        cites=cites,
        published=when.iso if when else None,
        published_precision=when.precision if when else None,
        published_ambiguous=when.ambiguous if when else None,
        dateline=dateline_place,
        dateline_date=dateline_date,
        metadata=tuple(metadata),
        warnings=tuple(warnings),
    )
