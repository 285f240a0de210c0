"""From a raw document to a validated, cleaned Article with its metadata."""

from __future__ import annotations

import hashlib
import itertools
import re

from synopsis.ingest.clean import clean_text
from synopsis.ingest.language import detect_language
from synopsis.ingest.meta import detect_metadata
from synopsis.ingest.outlets import OutletRegistry, default_registry
from synopsis.records import Article, RawDocument, SynopsisError

HANDLED_LANGUAGES = frozenset({"en"})
# Below this many letters lingua guesses; short English snippets pass unchecked.
MIN_LETTERS_FOR_LANGUAGE = 40
# A text of fewer words than one claim (``extract.claims.MIN_WORDS``) states nothing a report can
# compare or cite: "short", a lone heading, a test upload.  A one-sentence news flash passes ("The
# Dorvale bridge reopened on Friday after repairs.", 8 words; the shortest ECB+ document has 17,
# the shortest of our corpora and bench data 38).
MIN_ARTICLE_WORDS = 5
WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word has a letter: "2025" or "1,200" alone is none
# spaCy's tokenizer splits leading and trailing punctuation off a token one character at a time,
# rescanning the rest each time, so its time grows with the square of a run of brackets, quotes
# or currency signs: 10,000 ")" took 8 s, 100,000 would take some 15 minutes (one upload would
# hold the server's write lock that long).  Text has no such runs; 1,000 take under 0.1 s.
SYMBOL_RUN = re.compile(r"[^\w\s]{1000,}")


def content_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of the SHA-256 of its clean text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def has_letters(text: str, minimum: int) -> bool:
    """True when the text holds at least ``minimum`` letters (counting stops there: counting
    every letter of a 3,000-character article cost 1.5 ms, 13% of building it)."""
    letters = (c for c in text if c.isalpha())
    return sum(1 for _ in itertools.islice(letters, minimum)) >= minimum


def count_words(text: str, enough: int) -> int:
    """The words of the text, counted up to ``enough`` (a whole article need not be counted)."""
    return sum(1 for _ in itertools.islice(WORD.finditer(text), enough))


def build_article(raw: RawDocument, registry: OutletRegistry | None = None) -> Article:
    """Validate, clean and describe one document; raises SynopsisError with a short reason."""
    return build_article_warned(raw, registry)[0]


def build_article_warned(raw: RawDocument, registry: OutletRegistry | None = None) -> tuple[Article, tuple[str, ...]]:
    """``build_article``, with what had to be left out of the document while it was read, one short
    reason each, for the user (``jobs.OnWarning``): a malformed field, an impossible publication
    date.  Apart from the Article, which is what is stored and written out."""
    if not raw.content or not raw.content.strip():
        raise SynopsisError("empty document")
    registry = registry or default_registry()
    meta = detect_metadata(raw, registry)
    names = (meta.outlet.name, *meta.outlet.aliases) if meta.outlet is not None else ()
    text, removed = clean_text(raw.content, drop=meta.metadata, rules=not raw.is_extracted, outlet_names=names)
    if not text.strip():
        raise SynopsisError("no text left after cleaning")
    if run := SYMBOL_RUN.search(text):
        raise SynopsisError(f"not article text: a run of {len(run.group())} symbols without a space")
    if (words := count_words(text, MIN_ARTICLE_WORDS)) < MIN_ARTICLE_WORDS:
        raise SynopsisError(
            f"too short to be an article: {words} word{'' if words == 1 else 's'} (an article has at least {MIN_ARTICLE_WORDS})"
        )
    language = "en"
    if has_letters(text, MIN_LETTERS_FOR_LANGUAGE):
        language, name = detect_language(text)
        if language not in HANDLED_LANGUAGES and language != "und":
            seen = f"looks like {name}" if name else "is not English"
            raise SynopsisError(f"language {seen}, only English is handled")
    article = Article(
        id=content_id(text),
        source=raw.source,
        text=text,
        title=meta.title,
        author=meta.author,
        url=meta.url,
        outlet=meta.outlet,
        origin=meta.origin,
        cites=meta.cites,
        published=meta.published,
        published_precision=meta.published_precision,
        published_ambiguous=meta.published_ambiguous,
        dateline=meta.dateline,
        dateline_date=meta.dateline_date,
        language=language,
        removed=tuple(removed),
    )
    return article, raw.warnings + meta.warnings
