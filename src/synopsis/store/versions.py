"""Versions of one article: what identifies an input item across edits, and whether a changed
text is a revision of the stored one or another article that reuses its name or address."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# A new text is a revision of the stored one when at least this share of the word
# pairs of the shorter of the two is found in the other: corrections, added
# paragraphs and rewritten leads keep most of an article's word pairs, while two
# different articles share well under a tenth of them (stock phrases only).
REVISION_OVERLAP = 0.3
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Replaced:
    """A stored article that a newer version of the same item replaced."""

    id: str
    source: str
    story_id: str | None
    placed_by_user: bool = False  # a user put it in its story (split or merge): the new version stays there


@dataclass(frozen=True, slots=True)
class Stored:
    """What storing one analysis did: whether it was stored, the versions it replaced, and the
    stored articles of the same item it left alone because its text is no revision of theirs."""

    stored: bool
    replaced: tuple[Replaced, ...] = ()
    apart: tuple[str, ...] = ()
    # When it replaced them: the stored article's ``updated`` (records.Article), None if it replaced none.
    updated: str | None = None


def url_key(url: str | None) -> str | None:
    """The key of an article by its address: the URL without its #fragment; None for no URL or a
    site's home page (feeds and exports give that for every item, so it identifies none)."""
    if not url or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc or (parts.path in ("", "/") and not parts.query):
        return None
    return "url:" + urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, ""))


def file_key(source: str) -> str | None:
    """The key of an article by the file it was read from (its absolute path), None when the
    source is no whole file (standard input, an item inside a file, a URL)."""
    if source == "<stdin>" or "#" in source or "://" in source:
        return None
    path = Path(source).expanduser()
    if not path.is_file():
        return None
    return "file:" + str(path.resolve())


def item_key(url: str | None, source: str, files: bool) -> str | None:
    """What identifies the input item an article came from across edits: its URL, else (with
    ``files``: the source is a path read on this machine) its file."""
    return url_key(url) or (file_key(source) if files else None)


def word_pairs(text: str) -> set[tuple[str, str]]:
    words = _WORD.findall(text.casefold())
    return set(zip(words, words[1:]))


def is_revision(old_text: str, new_text: str) -> bool:
    """Whether new_text reads as a revised version of old_text (see REVISION_OVERLAP)."""
    old, new = word_pairs(old_text), word_pairs(new_text)
    if not old or not new:
        return False
    return len(old & new) / min(len(old), len(new)) >= REVISION_OVERLAP
