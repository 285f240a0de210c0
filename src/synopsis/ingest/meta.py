"""Article metadata: title, author, outlet, origin, cited outlets, publication time, dateline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath

from synopsis.ingest import patterns as P
from synopsis.ingest.clean import Unit, clean_text, classify_unit, split_units
from synopsis.ingest.datelines import clutter_units, dateline_window, read_dateline
from synopsis.ingest.numeric_dates import Basis
from synopsis.ingest.outlet_mentions import find_cites, find_self_reference
from synopsis.ingest.outlets import OutletRegistry, default_registry, host_of, is_same_outlet, normalize_key
from synopsis.ingest.publication_dates import When, bad_date_warning, normalize_container_date, parse_when, settle_day_order
from synopsis.records import Outlet, RawDocument, Removed

# The recipe of the metadata readers (this module, publication_dates.py, datelines.py,
# outlet_mentions.py), stored with each article: raise it whenever they would read another outlet,
# date, dateline, title, author or cited outlets from a document, and ``synopsis reanalyze`` reads
# the stored articles' inputs again (``ingest.reread``).  Articles stored before it was recorded
# have none, and are read again once.
METADATA_METHOD = "synopsis.meta/2"  # 2: a dateline below page clutter (menus, a caption, a credit) is read
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
FOOTER_UNITS = 4
STRONG_DATE_LABELS = ("published", "posted", "first published", "released")


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


def resolve(name: str, registry: OutletRegistry) -> Outlet | None:
    """The registered outlet for a name, also trying it without a trailing headline or "news agency"."""
    name = name.strip().strip(".,;:")
    outlet = registry.lookup(name)
    if outlet is None:
        trimmed = re.sub(r"\s+(news agency|agency|news|television|tv|newspaper|website)$", "", name, flags=re.IGNORECASE)
        outlet = registry.lookup(trimmed) if trimmed != name else None
    return outlet


# What parts a site's name from the section a feed or page adds ("BBC News - World", "Reuters: World
# News", "NYT > World"); the hyphen only spaced, as in names it belongs to ("Al-Monitor").
_SECTION_SEPARATOR = re.compile(r"\s+[-–—|>]\s+|:\s+")


def resolve_site_name(name: str, registry: OutletRegistry) -> Outlet | None:
    """The registered outlet a container's site name gives, also without the section a feed title
    adds before or after it ("BBC News - World" and "World - BBC News" are the BBC)."""
    parts = _SECTION_SEPARATOR.split(name.strip())
    return resolve(name, registry) or resolve(parts[0], registry) or resolve(parts[-1], registry)


# What parts a byline: "Jane Roe | The Guardian | 23 July 2025", "Jane Roe – BBC News".  A comma
# may part names too ("Jane Roe, John Doe"): after one, only a registered outlet is cut off.
_BYLINE_SEPARATOR = re.compile(r"\s*[|•·]\s*|\s+[–—-]\s+")


def byline_parts(text: str) -> list[str]:
    """The parts of a byline, name first ("Maria Lopez | The Guardian | 23 July 2025")."""
    return [part for part in (piece.strip(" ,|-–—") for piece in _BYLINE_SEPARATOR.split(text)) if part]


def registered_outlet_in(parts: Sequence[str], registry: OutletRegistry) -> Outlet | None:
    """The first registered outlet among a byline's parts.  An unregistered part names no outlet:
    it may as well be a role ("Senior Correspondent") or a place."""
    return next((found for part in parts if (found := resolve(part, registry)) is not None), None)


def split_byline(text: str, registry: OutletRegistry) -> tuple[str, Outlet | None]:
    """The author's name a byline opens with, and the registered outlet a later part of it names
    ("Maria Lopez | The Guardian", "Maria Lopez, The Guardian")."""
    parts = byline_parts(text)
    if not parts:
        return text.strip(" ,|-–"), None
    name, outlet = parts[0], registered_outlet_in(parts[1:], registry)
    if "," in name and (named := resolve(name.rsplit(",", 1)[1], registry)) is not None:
        name, outlet = name.rsplit(",", 1)[0].strip(" ,"), outlet or named
    return name, outlet


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
    byline_outlet: Outlet | None = None  # "By Jane Roe | The Guardian | 23 July 2025"
    for unit in units:
        match = P.AUTHOR_DATE.match(unit.text)
        if match and len(P.words(unit.text)) <= 14:
            name, byline_outlet = split_byline(match.group("name"), registry)
            author = author or name
            author_when = parse_when(match.group("date"), match.group("time"))
            break
    author = author or labelled_author
    if author is None:
        for i in head:
            match = P.BYLINE.match(units[i].text)
            if match:
                # "By Jane Roe, Associated Press": the pattern reads a list of names there.
                author, named = split_byline(match.group("name").strip(), registry)
                byline_outlet = byline_outlet or named or registered_outlet_in(byline_parts(match.group("rest") or ""), registry)
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

    # Clutter spans: outlet names inside captions, credits and link blocks are not attributions,
    # and page furniture is no block a dateline is counted from.
    _, removed = clean_text(text, rules=not raw.is_extracted)
    window = dateline_window(head, header_fields, clutter_units(units, removed))
    dateline = read_dateline(text, units, window, header_year)
    if dateline is not None:
        metadata.extend(dateline.spans)
    dateline_agency = dateline.agency if dateline else None
    dateline_when = dateline.when if dateline else None

    skip = [(r.start, r.end) for r in removed if r.reason != "metadata line"]

    # The outlet, strongest cue first.
    outlet: Outlet | None = None
    basis: str | None = None
    if raw.outlet and raw.outlet.strip():
        outlet, basis = resolve_site_name(raw.outlet, registry) or Outlet(name=raw.outlet.strip()), "container"
    if outlet is None and url:
        found = registry.lookup_url(url)
        if found:
            outlet, basis = found, "url"
    if outlet is None and top_source is not None:
        outlet, basis = top_source, "source line"
    if outlet is None and byline_outlet is not None:
        outlet, basis = byline_outlet, "byline"
    agency_outlet = resolve(dateline_agency, registry) if dateline_agency else None
    if dateline_agency and agency_outlet is None:
        agency_outlet = Outlet(name=dateline_agency)
    if outlet is None and agency_outlet is not None:
        outlet, basis = agency_outlet, "dateline"
    elif agency_outlet is not None and origin is None and not is_same_outlet(agency_outlet, outlet):
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
    if origin is not None and outlet is not None and is_same_outlet(origin, outlet):
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
    # So does a date line under the headline, beside a dateline's day.
    weak_when = settle_day_order(weak_when, text, outlet.country)
    finer = weak_when is not None and weak_when.precision not in ("day", "month", "year")
    if when is not None and finer and when.precision == "day" and weak_when.iso[:10] == when.iso:
        when = When(weak_when.iso, weak_when.precision, weak_when.ambiguous or when.ambiguous)
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
        dateline=dateline.place if dateline else None,
        dateline_date=dateline.date if dateline else None,
        metadata=tuple(metadata),
        warnings=tuple(warnings),
    )
