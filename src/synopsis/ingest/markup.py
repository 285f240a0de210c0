"""Markdown to plain text, keeping one paragraph per block."""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt

from synopsis.ingest.pages import html_to_text


@functools.lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """CommonMark parser with tables; raw HTML in the source is kept and stripped later."""
    return MarkdownIt("commonmark").enable("table")


def markdown_to_text(source: str) -> str:
    """Strip Markdown markup (emphasis, links, headings, lists, images) down to its text."""
    # Rendering to HTML and reading the text back lets a real CommonMark parser
    # decide what is markup; hand-written regexes get nested emphasis and
    # reference links wrong.
    html = markdown_parser().render(source)
    return html_to_text(html)
