"""HTML to article text and metadata (trafilatura), and HTML fragments to plain text."""

from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from synopsis.ingest.json_text import load_json
from synopsis.records import RawDocument


class PageError(Exception):
    """An HTML page without article text; the message is a short reason."""


# Tags after which a fragment's text starts a new paragraph.
BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer figure figcaption hr dd dt".split()
)
MIN_ARTICLE_WORDS = 5
# Where pages state their publication time with a time of day and zone;
# trafilatura's date (via htmldate) keeps only the day.
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "date",
)


def looks_like_html(text: str) -> bool:
    """Sniff HTML from the first kilobyte."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(head|body|article|p|div)[\s>]", head))


def looks_truncated(text: str) -> bool:
    """True when an HTML document stops before its closing tags."""
    tail = text[-2048:].lower()
    return "</html>" not in tail and "</body>" not in tail


def find_published_time(tree) -> str | None:
    """A full timestamp from meta tags, JSON-LD or <time datetime>, if the page gives one."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in PUBLISHED_META and meta.get("content") and "T" in meta.get("content"):
            return meta.get("content").strip()
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = load_json(script.text)
        except ValueError:  # JSONTooDeep too
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
                return item["datePublished"].strip()
    for node in tree.iter("time"):
        value = node.get("datetime")
        if value and "T" in value:
            return value.strip()
    return None


def extract_page(html: str, source: str, url: str | None = None) -> RawDocument:
    """Main text and metadata of an article page; raises PageError when there is none."""
    if not html.strip():
        raise PageError("empty html")
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(document, "text", None) or "").strip() if document else ""
    # trafilatura falls back to any text it finds (a lone "Home" link) on pages
    # without an article; fewer words than a one-sentence brief is no article.
    if len(text.split()) < MIN_ARTICLE_WORDS:
        if looks_truncated(html):
            raise PageError("html looks truncated and has no article text")
        raise PageError("no article text found in html")
    published = None
    try:
        published = find_published_time(lxml_html.fromstring(html))
    except (ParserError, ValueError):
        published = None
    return RawDocument(
        source=source,
        content=text,
        title=getattr(document, "title", None) or None,
        url=url or getattr(document, "url", None) or None,
        outlet=getattr(document, "sitename", None) or None,
        published=published or getattr(document, "date", None) or None,
        author=getattr(document, "author", None) or None,
        is_extracted=True,
    )


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed entry), one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    pieces: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in BLOCK_TAGS:
            pieces.append("\n\n")
        if node.text:
            pieces.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
        if tag in BLOCK_TAGS:
            pieces.append("\n\n")

    walk(root)
    text = "".join(pieces)
    paragraphs = [re.sub(r"[ \t\r\f\v\n]+", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
