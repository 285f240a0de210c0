"""Markdown to plain text, keeping one paragraph per block."""

from __future__ import annotations

import functools

from markdown_it import MarkdownIt
from markdown_it.token import Token

from synopsis.ingest import patterns as P
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
    parser = markdown_parser()
    env: dict = {}
    tokens = parser.parse(source, env)
    for token in tokens:
        if token.type == "inline" and token.children:
            keep_header_lines(token.children)
    return html_to_text(parser.renderer.render(tokens, parser.options, env))


def keep_header_lines(children: list[Token]) -> None:
    """Turn the soft line breaks around "Published: 2025-06-02"-style header lines into hard ones.

    CommonMark joins consecutive lines into one paragraph, so a header block
    ("Title: ...", "Published: ...", "Source: ...") became one line whose date
    and source metadata detection could no longer read.  Only lines that start
    with a label metadata detection knows (``P.HEADER_LABEL_LINE``) are kept
    apart; other wrapped prose is still joined as CommonMark says.
    """
    lines: list[list[Token]] = [[]]
    breaks: list[Token] = []
    for child in children:
        if child.type == "softbreak":
            breaks.append(child)
            lines.append([])
        else:
            lines[-1].append(child)
    if not breaks:
        return
    is_header = [
        bool(P.HEADER_LABEL_LINE.match("".join(t.content for t in line if t.type in ("text", "code_inline"))))
        for line in lines
    ]
    for i, soft in enumerate(breaks):  # the break between lines i and i + 1
        if is_header[i] or is_header[i + 1]:
            soft.type, soft.tag = "hardbreak", "br"
