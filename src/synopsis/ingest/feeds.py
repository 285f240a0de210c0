"""RSS and Atom feeds: one document per entry that carries text."""

from __future__ import annotations

import re
import time

import feedparser

from synopsis.ingest.pages import html_to_text
from synopsis.records import RawDocument


class FeedError(Exception):
    """A feed that cannot be read; the message is a short reason."""


FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)


def looks_like_feed(text: str) -> bool:
    """Sniff RSS/Atom/RDF from the first kilobytes."""
    return bool(FEED_ROOT.search(text[:4096]))


def entry_published(entry) -> str | None:
    """An entry's publication time as ISO 8601 (UTC when the feed gives a zone)."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
    return entry.get("published") or entry.get("updated")


def read_feed(text: str, source: str) -> list[RawDocument]:
    """Parse a feed; raises FeedError when it is malformed and yields no entries."""
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        reason = str(getattr(parsed, "bozo_exception", "") or "parse error").splitlines()[0].lower()
        raise FeedError(f"malformed feed: {reason}")
    if not parsed.entries:
        raise FeedError("feed has no entries")
    feed_title = parsed.feed.get("title") or None
    documents = []
    # Entries are numbered from 1 (feed.xml#1 is the first), as JSON items and JSON Lines lines are.
    for number, entry in enumerate(parsed.entries, start=1):
        html = ""
        if entry.get("content"):
            html = max((c.get("value", "") for c in entry.content), key=len)
        if not html.strip():
            html = entry.get("summary", "") or entry.get("description", "")
        body = html_to_text(html)
        if not body:
            continue
        documents.append(
            RawDocument(
                source=f"{source}#{number}",
                content=body,
                title=html_to_text(entry.get("title", "")) or None,
                url=entry.get("link") or None,
                outlet=feed_title,
                published=entry_published(entry),
                author=entry.get("author") or None,
                is_extracted=True,
            )
        )
    if not documents:
        if parsed.bozo:
            reason = str(getattr(parsed, "bozo_exception", "") or "parse error").splitlines()[0].lower()
            raise FeedError(f"malformed feed: {reason}")
        raise FeedError("feed entries have no text")
    return documents
