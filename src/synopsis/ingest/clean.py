"""Cleaning already-extracted text (copy-pasted pages): drop page clutter, keep the paragraphs.

trafilatura removes boilerplate from HTML, but returns nothing useful for text
that was already copied out of a page (see MODELS.md), so these rules work on
lines.  Each rule is general (keyword lists in patterns.py) and each removed
piece is recorded with its reason and raw offsets, so a user can audit it.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.ingest import patterns as P
from synopsis.ingest.self_promotion import promotion_spans
from synopsis.records import Removed


@dataclass(slots=True)
class Unit:
    """A paragraph candidate: one line, or a block of hard-wrapped lines."""

    start: int  # raw offsets of the stripped content
    end: int
    text: str  # the content as it will appear in the clean text
    blank_before: bool  # a blank line separates it from the previous unit


def split_units(text: str) -> list[Unit]:
    """Split raw text into lines, or into blank-line blocks when the text is hard-wrapped."""
    lines: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lstripped = len(body) - len(body.lstrip())
        content = body.strip()
        if content:
            lines.append((position + lstripped, position + lstripped + len(content)))
        else:
            lines.append((position, position))  # blank marker
        position += len(line)
    units: list[Unit] = []
    wrapped = is_hard_wrapped(text, lines)
    blank = False
    block: list[tuple[int, int]] = []

    def flush() -> None:
        nonlocal blank
        if block:
            start, end = block[0][0], block[-1][1]
            joined = " ".join(text[s:e] for s, e in block)
            units.append(Unit(start, end, joined, blank))
            block.clear()
            blank = False

    for start, end in lines:
        if start == end:
            flush()
            blank = True
            continue
        line_text = text[start:end]
        # Header lines ("Title: ...", "Published: ...") stand alone even in wrapped text.
        if (
            wrapped
            and block
            and not P.BULLET.match(line_text)
            and not P.HEADER_LABEL_LINE.match(line_text)
            and not P.HEADER_LABEL_LINE.match(text[block[-1][0] : block[-1][1]])
        ):
            block.append((start, end))
            continue
        flush()
        block.append((start, end))
        if not wrapped:
            flush()
    flush()
    return units


def is_hard_wrapped(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """True for text wrapped at a fixed width (e-mail, Markdown, plain-text exports)."""
    lengths = sorted(end - start for start, end in lines if end > start)
    if len(lengths) < 6 or not any(start == end for start, end in lines):
        return False
    # Wrapped text has no line much longer than the wrap width (72-100 columns)
    # and most lines close to it; pasted web pages have paragraph-long lines.
    longest = lengths[int(len(lengths) * 0.95) - 1]
    median = lengths[len(lengths) // 2]
    return longest <= 100 and median >= 40


# --- unit rules --------------------------------------------------------------
# The unit rules are pure functions of a line's text, and each document's lines
# are judged twice (metadata detection cleans the text to find clutter spans,
# then build_article cleans it again with the metadata removed): memoised, the
# second pass is nearly free.  Measured: loading 1,000 synthetic articles took
# 16.1 s, classify_unit and normalized were 60% of it.
_UNIT_CACHE = 8192


# Correction notes run to a few sentences (what was wrong, what is right); a paragraph longer
# than this that opens like one is taken to be reporting.
CORRECTION_NOTE_WORDS = 120
# Reasons that apply to text trafilatura already cleaned too: its main text keeps metadata lines,
# credit lines and editors' notes.
EXTRACTED_REASONS = frozenset({"metadata line", "credit line", "correction note"})
# The reason recorded for the outlet speaking of itself (``self_promotion``); the report lists such
# pieces apart, as the outlet not reporting (``compare.coverage.NON_REPORTING_REASONS``).
SELF_PROMOTION = "self-promotion"


@functools.lru_cache(maxsize=_UNIT_CACHE)
def normalized(text: str) -> str:
    """Lower-case text without bullets and edge punctuation, for keyword matching."""
    text = P.BULLET.sub("", text)
    return re.sub(r"\s+", " ", text).strip(" \t:|·•-–—>»").casefold()


@functools.lru_cache(maxsize=_UNIT_CACHE)
def classify_unit(text: str) -> str | None:
    """The clutter reason for one unit on its own, or None."""
    key = normalized(text)
    count = len(P.words(text))
    if not key or P.LONE_BULLET.match(text):
        return "navigation"
    if any(p.search(text) for p in P.TRANSLATION_PATTERNS) and count <= 40:
        return "translation notice"
    if count <= CORRECTION_NOTE_WORDS and P.is_correction_note(text):
        return "correction note"
    if key in P.NAVIGATION_LINES or key in P.SECTION_WORDS:
        return "navigation"
    if count <= 24 and P.MENU_LINE.match(text) and not P.ends_sentence(text):
        return "navigation"
    if count <= 12 and any(p.search(key) for p in P.COMMENT_PATTERNS):
        return "comment prompt"
    if count <= 12 and (any(p.search(key) for p in P.AUTHOR_BOX_PATTERNS) or P.AUTHOR_DATE.match(text)):
        return "author box"
    if count <= 8 and (any(p.search(key) for p in P.WIDGET_PATTERNS) or P.GLUED_ICON.search(text)):
        return "site widget"
    if count <= 30 and P.PHOTO_CREDIT.match(text) and not P.ends_sentence(text):
        return "photo credit"
    if P.READ_MORE_INLINE.match(text):
        return "read-more block"
    if is_appeal(text):
        return "donation appeal"
    if count <= 20 and (
        P.DATE_LINE.match(text) or P.RELATIVE_TIME_LINE.match(text) or P.BYLINE.match(text) or P.SOURCE_LINE.match(text)
    ):
        return "metadata line"
    if count <= 40 and P.CREDIT_LINE.match(text):
        return "credit line"
    return None


def is_appeal(text: str) -> bool:
    """A donation/subscription appeal or an outlet's promotion of itself."""
    strong = sum(1 for p in P.APPEAL_STRONG if p.search(text))
    if not strong:
        return False
    weak = sum(1 for p in P.APPEAL_WEAK if p.search(text))
    # One imperative in a short unit is a button or a banner ("Donate today");
    # in a longer paragraph it needs the outlet's own voice ("we", "our") too,
    # so a news paragraph about a charity's appeal survives.
    return strong >= 2 or len(P.words(text)) <= 12 or weak >= 1


def is_link_like(text: str) -> bool:
    """A line in a link list: a short headline without sentence punctuation."""
    body = P.BULLET.sub("", text)
    return 0 < len(P.words(body)) <= 30 and not P.ends_sentence(body)


def is_toc_entry(text: str) -> bool:
    """A line of a table of contents: a date, a heading or a bullet with either."""
    body = P.BULLET.sub("", text).strip()
    if not body:
        return True
    return bool(P.DATE_LINE.match(body)) or (len(P.words(body)) <= 20 and not P.ends_sentence(body))


def mark_blocks(units: list[Unit], reasons: list[str | None]) -> None:
    """Read-more blocks and tables of contents: the heading and the entries under it."""
    i = 0
    while i < len(units):
        text = units[i].text
        key = normalized(text)
        if P.READ_MORE_HEADING.match(key) and len(P.words(text)) <= 8:
            reasons[i] = "read-more block"
            j = i + 1
            while j < len(units) and (reasons[j] is not None or is_link_like(units[j].text)):
                if reasons[j] is None:
                    reasons[j] = "read-more block"
                j += 1
            i = j
            continue
        if P.CONTENTS_HEADING.match(key) and len(P.words(text)) <= 5:
            j = i + 1
            entries = 0
            while j < len(units) and (reasons[j] is not None or is_toc_entry(units[j].text)):
                entries += reasons[j] is None
                j += 1
            if entries >= 2:  # a lone "Contents" before a paragraph is just a heading
                for k in range(i, j):
                    if reasons[k] is None or k == i:
                        reasons[k] = "table of contents"
                i = j
                continue
        i += 1


def mark_link_lists(units: list[Unit], reasons: list[str | None]) -> None:
    """Runs of bullets that are all short headlines without punctuation."""
    i = 0
    while i < len(units):
        if reasons[i] is None and P.BULLET.match(units[i].text) and is_link_like(units[i].text):
            j = i
            while j < len(units) and reasons[j] is None and P.BULLET.match(units[j].text) and is_link_like(units[j].text):
                j += 1
            if j - i >= 2:
                for k in range(i, j):
                    reasons[k] = "link list"
            i = max(j, i + 1)
            continue
        i += 1


def is_caption_like(text: str) -> bool:
    """A line that reads like a photo caption or credit."""
    if P.PHOTO_CREDIT.match(text):
        return True
    count = len(P.words(text))
    return count <= 30 and bool(re.search(rf"{P.ANY_DATE}\.?$", text))


def mark_repeats(units: list[Unit], reasons: list[str | None]) -> None:
    """Lines that occur more than once (photo captions, repeated teasers), and captions next to them."""
    counts = Counter(normalized(u.text) for u in units)
    repeated = [counts[normalized(u.text)] > 1 and len(normalized(u.text)) >= 12 for u in units]
    for i, unit in enumerate(units):
        if repeated[i] and reasons[i] is None:
            if P.is_heading_like(unit.text) and not P.ends_sentence(unit.text):
                reasons[i] = "heading"  # a section heading repeated in a table of contents
            else:
                reasons[i] = "repeated caption" if len(P.words(unit.text)) <= 40 else "repeated paragraph"
    for i, unit in enumerate(units):
        if reasons[i] is not None:
            continue
        near = [j for j in (i - 1, i + 1) if 0 <= j < len(units) and repeated[j]]
        if near and is_caption_like(unit.text):
            reasons[i] = "repeated caption"


def mark_headings(units: list[Unit], reasons: list[str | None]) -> None:
    """Short unpunctuated lines followed by a paragraph (or by another heading)."""
    next_is_text = False  # scanning backwards: is the next kept unit text or a heading?
    for i in range(len(units) - 1, -1, -1):
        if reasons[i] is not None:
            continue
        text = P.BULLET.sub("", units[i].text)
        follows = next((units[j].text for j in range(i + 1, len(units)) if reasons[j] is None), "")
        leads_in = follows[:1] in "\"“«‘'" or follows[:1].islower()
        if P.is_heading_like(text) and next_is_text and not leads_in and not P.BULLET.match(units[i].text):
            reasons[i] = "heading"
            continue  # a heading above a heading is still a heading
        next_is_text = P.is_paragraph_like(text) or (P.BULLET.match(units[i].text) is not None and P.ends_sentence(text))


# --- main entry ----------------------------------------------------------------
def clean_text(
    text: str,
    *,
    drop: Sequence[Removed] = (),
    rules: bool = True,
    outlet_names: Sequence[str] = (),
) -> tuple[str, list[Removed]]:
    """Remove page clutter from already-extracted text; return the clean text and what was removed.

    ``drop`` are spans found by metadata detection (title, source line, dateline)
    that must go too; ``rules=False`` applies only those and the EXTRACTED_REASONS
    rules (for text trafilatura already cleaned). The outlet speaking of itself
    (``self_promotion``; by ``outlet_names``, the publishing outlet's names, too) goes
    either way: extractors keep it as part of the article.
    """
    units = split_units(text)
    removed: list[Removed] = []
    units = apply_drops(text, units, drop, removed)
    units = trim_prefixes(text, units, removed)
    # Clutter of a known kind keeps its own reason ("Become a member and get our newsletter" is an appeal).
    promotion = [Removed(text[low:high], SELF_PROMOTION, low, high) for unit in units if classify_unit(unit.text) is None
                 for low, high in promotion_spans(text, unit.start, unit.end, outlet_names)]
    units = apply_drops(text, units, promotion, removed)
    reasons: list[str | None] = [None] * len(units)
    for i, unit in enumerate(units):
        reason = classify_unit(unit.text)
        if reason is not None and (rules or reason in EXTRACTED_REASONS):
            reasons[i] = reason
    if rules:
        mark_blocks(units, reasons)
        mark_repeats(units, reasons)
        mark_link_lists(units, reasons)
        mark_headings(units, reasons)
    kept: list[str] = []
    previous_kept = -2
    for i, (unit, reason) in enumerate(zip(units, reasons)):
        if reason is None:
            body = P.BULLET.sub("", unit.text, count=1) if P.BULLET.match(unit.text) else unit.text
            body = normalize_spaces(body)
            if previous_kept == i - 1 and kept and continues(kept[-1], body):
                kept[-1] = f"{kept[-1].rstrip()} {body.lstrip()}"
            else:
                kept.append(body)
            previous_kept = i
        else:
            removed.append(Removed(text=text[unit.start : unit.end], reason=reason, start=unit.start, end=unit.end))
    removed.sort(key=lambda r: (r.start, r.end))
    return "\n\n".join(k.strip() for k in kept if k.strip()), removed


# Non-breaking and typographic spaces (pasted pages are full of them) become
# plain spaces and zero-width characters go, so later stages can match words.
ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize_spaces(text: str) -> str:
    """Plain spaces for typographic ones, no zero-width characters."""
    return ZERO_WIDTH.sub("", ODD_SPACES.sub(" ", text))


def continues(previous: str, line: str) -> bool:
    """True when a line goes on from the previous one (a quote after "said:", a lower-case start)."""
    if not line or not previous:
        return False
    if line[0].islower():
        return True
    last = previous.rstrip().split()[-1].casefold().strip("'’\"“”") if previous.strip() else ""
    lead_in = previous.rstrip().endswith(":") or last in P.CONTINUATION_WORDS
    return lead_in and line[0] in "\"“«‘'"


def apply_drops(text: str, units: list[Unit], drop: Sequence[Removed], removed: list[Removed]) -> list[Unit]:
    """Cut the given spans out of units; a unit left empty disappears."""
    if not drop:
        return units
    spans = sorted((d.start, d.end, d.reason) for d in drop if d.end > d.start)
    out: list[Unit] = []
    for unit in units:
        start, end = unit.start, unit.end
        hit = False
        for d_start, d_end, reason in spans:
            if d_end <= start or d_start >= end:
                continue
            hit = True
            if d_start <= start and d_end >= end:
                removed.append(Removed(text[start:end], reason, start, end))
                start = end
                break
            if d_start <= start < d_end:  # prefix
                removed.append(Removed(text[start:d_end], reason, start, d_end))
                start = d_end
            elif d_start < end <= d_end:  # suffix
                removed.append(Removed(text[d_start:end], reason, d_start, end))
                end = d_start
        if not hit:
            out.append(unit)
            continue
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Unit(start, end, re.sub(r"\s*\n\s*", " ", text[start:end]), unit.blank_before))
    return out


def trim_prefixes(text: str, units: list[Unit], removed: list[Removed]) -> list[Unit]:
    """Cut date labels and datelines off the start of a paragraph ("date 2025-07-23 ISTANBUL, July 24. /TASS/. ...")."""
    out = []
    for unit in units:
        start = unit.start
        for pattern, reason in ((P.DATE_PREFIX_LINE, "metadata line"), (P.DATELINE, "dateline"), (P.PLAIN_DATELINE, "dateline")):
            match = pattern.match(text[start : unit.end])
            if match and match.end() < unit.end - start:
                rest = text[start + match.end() : unit.end]
                if len(P.words(rest)) >= 4:
                    cut = start + match.end()
                    piece = text[start:cut].rstrip()
                    lead = len(text[start:cut]) - len(text[start:cut].lstrip())
                    removed.append(Removed(piece.strip(), reason, start + lead, start + lead + len(piece.strip())))
                    start = cut
        if start != unit.start:
            out.append(Unit(start, unit.end, text[start : unit.end].replace("\n", " "), unit.blank_before))
        else:
            out.append(unit)
    return out
