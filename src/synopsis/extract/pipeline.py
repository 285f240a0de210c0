"""Per-article extraction: one spaCy pass, then every extractor over the same Doc."""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Iterator

from spacy.language import Language

from synopsis.extract.claims import find_claims, split_sentences
from synopsis.extract.entities import find_entities
from synopsis.extract.nlp import load_nlp, remember_text
from synopsis.extract.match_minutes import drop_countdown_durations
from synopsis.extract.quantities import find_quantities
from synopsis.extract.quotes import find_quotes
from synopsis.extract.times import find_times
from synopsis.extract.times_attachment import mark_clauses, mark_noun_modifiers
from synopsis.extract.times_local import zone_local_times
from synopsis.extract.times_quoted import date_quoted_times
from synopsis.extract.times_sections import dated_by_section
from synopsis.records import Article, ArticleAnalysis

# Batch size for nlp.pipe: spaCy's CPU models gain little beyond a few dozen
# documents per batch, and news articles are long, so keep memory flat.
PIPE_BATCH_SIZE = 16

_FULL_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},\s+\d{4}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}\b"
)


def anchor_date(article: Article) -> dt.datetime | dt.date | None:
    """The date relative expressions are resolved against: publication, else the first full date."""
    if article.published:
        try:
            return dt.datetime.fromisoformat(article.published)
        except ValueError:
            try:
                return dt.date.fromisoformat(article.published[:10])
            except ValueError:
                pass
    # Without a publication date, the first full date in the lead is the best
    # available anchor: news leads state the day of the event they report.
    match = _FULL_DATE.search(article.text[:3000])
    if match:
        import dateparser  # deferred: only needed on this fallback path

        parsed = dateparser.parse(match.group(0), languages=["en"])
        if parsed:
            return parsed.date()
    return None


def analyze_doc(article: Article, doc) -> ArticleAnalysis:
    """Run every extractor over an already parsed Doc of ``article.text``."""
    remember_text(doc, article.text)
    sentences = split_sentences(doc)
    entities = find_entities(doc)
    quantities = find_quantities(doc)
    times = dated_by_section(article, sentences, find_times(article.text, anchor_date(article)))
    times = zone_local_times(article.text, times, entities)
    times = mark_clauses(doc, mark_noun_modifiers(doc, times))
    times = drop_countdown_durations(times, quantities)
    quotes = find_quotes(doc, entities)
    times = date_quoted_times(article.text, times, quotes)
    claims = find_claims(doc, sentences, entities, quantities, times, quotes)
    return ArticleAnalysis(
        article=article,
        sentences=tuple(sentences),
        entities=tuple(entities),
        quantities=tuple(quantities),
        times=tuple(times),
        quotes=tuple(quotes),
        claims=tuple(claims),
    )


def analyze_article(article: Article, nlp: Language | None = None) -> ArticleAnalysis:
    """Extract sentences, entities, quantities, times, quotes and claims from one article."""
    nlp = nlp or load_nlp()
    return analyze_doc(article, nlp(article.text))


def analyze_articles(articles: Iterable[Article], nlp: Language | None = None) -> Iterator[ArticleAnalysis]:
    """Analyse many articles in one process, batching the spaCy pass with ``nlp.pipe``."""
    nlp = nlp or load_nlp()
    pending = list(articles)
    docs = nlp.pipe((a.text for a in pending), batch_size=PIPE_BATCH_SIZE)
    for article, doc in zip(pending, docs):
        yield analyze_doc(article, doc)
