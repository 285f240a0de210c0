"""Reading stored articles' inputs again, for their metadata: what ``synopsis reanalyze`` does
after the metadata readers changed (``ingest.meta.METADATA_METHOD``).

The store keeps an article's clean text, not the document it came from: the labelled header
lines, HTML metadata and JSON fields that gave its outlet and date are read again from the input
item, where it still is on this machine.  A URL is not fetched again (the page may have changed,
and reanalysis makes no network requests), nor is standard input kept anywhere.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from synopsis.ingest.article import build_article
from synopsis.ingest.outlets import OutletRegistry
from synopsis.ingest.readers import read_inputs
from synopsis.records import Article, InputError, RawDocument, SynopsisError

# The fields the metadata readers give; the rest (id, text, source, language, what cleaning
# removed, when a version replaced another) are the stored article's.
METADATA_FIELDS = (
    "title",
    "author",
    "outlet",
    "origin",
    "cites",
    "published",
    "published_precision",
    "published_ambiguous",
    "dateline",
    "dateline_date",
)


def input_file(source: str, item_key: str | None) -> tuple[str, str] | None:
    """(the file to read, the name its item has there) for a stored article's source: the file
    itself, or the file of an item inside one ("a.jsonl#8"); None for a URL or standard input."""
    if source == "<stdin>" or "://" in source:
        return None
    container, mark, number = source.rpartition("#")
    if mark and number.isdigit():
        return (container, source) if container != "<stdin>" and "://" not in container else None
    # A whole file: where the ingest found it (its key holds the absolute path), else as typed.
    if item_key and item_key.startswith("file:"):
        return item_key[len("file:") :], None
    return source, None


def reread_metadata(
    stored: Iterable[tuple[Article, str | None]], registry: OutletRegistry
) -> dict[str, Article | None]:
    """For each stored (article, item key): the article with the metadata its input gives now,
    read by this synopsis's readers (``METADATA_FIELDS``), or None when the input cannot be read
    again (a URL, standard input, a file moved or deleted) or no longer gives the stored text.
    Each file is read once, however many of its items are asked for."""
    wanted: dict[str, dict[str | None, Article]] = defaultdict(dict)
    found: dict[str, Article | None] = {}
    for article, item_key in stored:
        found[article.id] = None
        where = input_file(article.source, item_key)
        if where:
            wanted[where[0]][where[1]] = article
    for path, items in wanted.items():
        if not Path(path).is_file():
            continue
        for document in _documents(path):
            # A whole file has one document; an item is named by its number in the file.
            article = items.get(None) if None in items else items.get(document.source)
            if article is None:
                continue
            try:
                fresh = build_article(dataclasses.replace(document, source=article.source), registry)
            except SynopsisError:
                continue
            if fresh.id == article.id:
                found[article.id] = dataclasses.replace(
                    article, **{name: getattr(fresh, name) for name in METADATA_FIELDS}
                )
    return found


def _documents(path: str) -> Iterator[RawDocument]:
    """The documents of one file, a line at a time for JSON Lines (an archive may be any size)."""
    return (item for item in read_inputs([path]) if not isinstance(item, InputError))
