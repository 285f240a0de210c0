"""How an article analysis is laid out in the store: the articles row, one row per extracted item
(for SQL queries across articles), and the stored analysis read back."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3

from synopsis.extract import EXTRACTION_METHOD
from synopsis.ingest.meta import METADATA_METHOD
from synopsis.records import Article, ArticleAnalysis, SynopsisError
from synopsis.report.article_json import SCHEMA_ID, analysis_from_dict, analysis_to_dict
from synopsis.store.transactions import now

# The tables of extracted items, one row per item (``insert_children``).
CHILD_TABLES = ("removed", "sentences", "entities", "quantities", "times", "quotes", "claims")


def hash_text(text: str) -> str:
    """Return the SHA-256 hex digest of text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def analysis_payload(analysis: ArticleAnalysis) -> str:
    """The analysis as the compact JSON its ``analysis_json`` column holds."""
    return json.dumps(analysis_to_dict(analysis), ensure_ascii=False, separators=(",", ":"))


def load_analysis(article_id: str, schema: str, payload: str) -> ArticleAnalysis:
    """Decode a stored analysis, refusing payloads of a schema this version cannot read."""
    if schema != SCHEMA_ID:
        raise SynopsisError(f"article {article_id} is stored as {schema!r}, which this synopsis cannot read")
    return analysis_from_dict(json.loads(payload), where=f"article {article_id}")


def metadata_columns(article: Article) -> dict[str, object]:
    """The articles row's columns its metadata fills (outlet, origin, citations, dates, title,
    author): written when the article is stored (``insert_article``) and again when its metadata
    is read again (``update_analysis``)."""
    outlet, origin = article.outlet, article.origin
    return {
        "title": article.title,
        "author": article.author,
        "outlet": outlet.name if outlet else None,
        "outlet_kind": outlet.kind if outlet else None,
        "outlet_country": outlet.country if outlet else None,
        "origin": origin.name if origin else None,
        "origin_kind": origin.kind if origin else None,
        "origin_country": origin.country if origin else None,
        "cites_json": json_list(article.cites),
        "published": article.published,
        "published_precision": article.published_precision,
        "published_ambiguous": article.published_ambiguous,
        "dateline": article.dateline,
        "dateline_date": article.dateline_date,
    }


def analysis_columns(payload: str) -> dict[str, object]:
    """The articles row's columns of its analysis (``analysis_payload``) and the recipe that made it."""
    return {"schema": SCHEMA_ID, "analysis_json": payload, "extraction": EXTRACTION_METHOD}


def insert_article(conn: sqlite3.Connection, analysis: ArticleAnalysis, payload: str, item_key: str | None = None) -> None:
    """Insert the articles row (the FTS row follows by trigger)."""
    article = analysis.article
    columns = {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "text": article.text,
        "content_hash": hash_text(article.text),
        "added_at": now(),
        "item_key": item_key,
        "updated": article.updated,
        "metadata": METADATA_METHOD,
        **metadata_columns(article),
        **analysis_columns(payload),
    }
    conn.execute(
        f"INSERT INTO articles ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        tuple(columns.values()),
    )


def update_analysis(conn: sqlite3.Connection, analysis: ArticleAnalysis, payload: str, metadata: str | None) -> bool:
    """Write a new analysis of a stored article into its articles row, with its metadata columns;
    ``metadata`` (when given) records the recipe that read its metadata again.  False when no
    article of its id is stored."""
    article = analysis.article
    columns = {**analysis_columns(payload), **metadata_columns(article)}
    assignments = ", ".join(f"{name} = ?" for name in columns)
    return conn.execute(
        f"UPDATE articles SET {assignments}, metadata = COALESCE(?, metadata) WHERE id = ?",
        (*columns.values(), metadata, article.id),
    ).rowcount > 0


def insert_children(conn: sqlite3.Connection, analysis: ArticleAnalysis) -> None:
    """Insert one row per extracted item, for SQL queries across articles: a column per field of its
    record (``NAME_json`` for a tuple or a nested record), as tests/store/test_complete_items.py checks."""
    aid = analysis.article.id
    conn.executemany(
        'INSERT INTO removed (article_id, idx, text, reason, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
        [(aid, i, r.text, r.reason, r.start, r.end) for i, r in enumerate(analysis.article.removed)],
    )
    conn.executemany(
        'INSERT INTO sentences (article_id, idx, text, start, "end") VALUES (?, ?, ?, ?, ?)',
        [(aid, i, s.text, s.start, s.end) for i, s in enumerate(analysis.sentences)],
    )
    conn.executemany(
        'INSERT INTO entities (article_id, idx, text, label, start, "end", title, title_start, title_end) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, e.text, e.label, e.start, e.end, e.title, e.title_start, e.title_end)
            for i, e in enumerate(analysis.entities)
        ],
    )
    conn.executemany(
        "INSERT INTO quantities (article_id, idx, text, value, low, high, unit, counted, qualifier, predicate, "
        'start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (aid, i, q.text, q.value, q.low, q.high, q.unit, q.counted, q.qualifier, q.predicate, q.start, q.end)
            for i, q in enumerate(analysis.quantities)
        ],
    )
    conn.executemany(
        'INSERT INTO times (article_id, idx, text, type, value, precision, modifier, start, "end", '
        "noun_phrase_start, noun_phrase_end, clause_start, clause_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, i, t.text, t.type, t.value, t.precision, t.modifier, t.start, t.end,
                t.noun_phrase_start, t.noun_phrase_end, t.clause_start, t.clause_end,
            )
            for i, t in enumerate(analysis.times)
        ],
    )  # fmt: skip
    conn.executemany(
        'INSERT INTO quotes (article_id, idx, kind, speaker, speaker_entity, speaker_kind, pronoun_agrees, cue, content, '
        'start, "end", speaker_start, speaker_end, cue_start, cue_end, content_start, content_end) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, i, q.kind, q.speaker, q.speaker_entity, q.speaker_kind, q.pronoun_agrees, q.cue, q.content,
                q.start, q.end, q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, q.content_start, q.content_end,
            )
            for i, q in enumerate(analysis.quotes)
        ],
    )  # fmt: skip
    conn.executemany(
        'INSERT INTO claims (article_id, idx, text, start, "end", sentence, entities_json, quantities_json, '
        "times_json, quote, attributed_to, frame_json, co_speakers_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, i, c.text, c.start, c.end, c.sentence, json_list(c.entities), json_list(c.quantities),
                json_list(c.times), c.quote, c.attributed_to,
                json.dumps(dataclasses.asdict(c.frame), ensure_ascii=False) if c.frame is not None else None,
                json_list(c.co_speakers),
            )
            for i, c in enumerate(analysis.claims)
        ],
    )  # fmt: skip


def json_list(values: tuple) -> str:
    """A tuple of plain values as the JSON array its ``*_json`` column holds."""
    return json.dumps(list(values), ensure_ascii=False)
