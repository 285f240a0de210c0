"""Listing and finding stored articles: summaries in chronological order, full-text search,
articles by outlet, and the openings a listing shows."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.store.transactions import ARTICLE_ORDER


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One stored article as a listing shows it."""

    id: str
    source: str
    outlet: str | None
    published: str | None
    title: str | None
    entities: int
    quantities: int
    times: int
    quotes: int
    claims: int
    published_ambiguous: str | None = None  # records.Article.published_ambiguous


_SUMMARY_SELECT = """
    SELECT a.id, a.source, a.outlet, a.published, a.title,
        (SELECT COUNT(*) FROM entities WHERE article_id = a.id),
        (SELECT COUNT(*) FROM quantities WHERE article_id = a.id),
        (SELECT COUNT(*) FROM times WHERE article_id = a.id),
        (SELECT COUNT(*) FROM quotes WHERE article_id = a.id),
        (SELECT COUNT(*) FROM claims WHERE article_id = a.id),
        a.published_ambiguous
    FROM articles AS a
"""


class ArticleSearch:
    """Listing and search methods of ``Store``, over its connection."""

    conn: sqlite3.Connection

    def list_articles(self) -> list[ArticleSummary]:
        """Return a summary of every stored article, oldest first (undated last)."""
        rows = self.conn.execute(f"{_SUMMARY_SELECT} {ARTICLE_ORDER}").fetchall()
        return [ArticleSummary(*row) for row in rows]

    def article_summaries(self, article_ids: Sequence[str]) -> list[ArticleSummary]:
        """Summaries of the stored articles among article_ids, in their order."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, ArticleSummary] = {}
        for start in range(0, len(ids), 500):  # under SQLite's limit on bound parameters
            chunk = ids[start : start + 500]
            rows = self.conn.execute(f"{_SUMMARY_SELECT} WHERE a.id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            found.update((row[0], ArticleSummary(*row)) for row in rows)
        return [found[i] for i in ids if i in found]

    def search_articles(self, query: str, limit: int | None = None) -> list[ArticleSummary]:
        """Return articles whose title or text match an FTS5 query, best match first."""
        if not query.strip():
            return []
        sql = (
            # Column weights (article_id, title, text): a word in the headline says
            # more about what an article is about than one in its body.
            "WITH hits AS (SELECT article_id, bm25(articles_fts, 0.0, 5.0, 1.0) AS score "
            "FROM articles_fts WHERE articles_fts MATCH ?) "
            f"{_SUMMARY_SELECT} JOIN hits ON hits.article_id = a.id "
            "ORDER BY hits.score, a.id"
        )
        params: tuple = (query,)
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            # Users type plain words with punctuation ("Port-Vellan", "9:40", a
            # stray quote) that FTS5 syntax rejects; retry with every word quoted
            # as a literal term, all required.
            literal = _quote_terms(query)
            if not literal:
                return []
            rows = self.conn.execute(sql, (literal,) + params[1:]).fetchall()
        return [ArticleSummary(*row) for row in rows]

    def articles_by_outlet(self, name_part: str) -> set[str]:
        """The ids of articles from outlets whose name contains ``name_part``, in any case and
        spacing ("meduza" finds Meduza's articles, whose text may never name the outlet)."""
        needle = " ".join(name_part.split()).casefold()
        if not needle:
            return set()
        outlets = [row[0] for row in self.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")]
        chosen = [name for name in outlets if needle in name.casefold()]
        if not chosen:
            return set()
        marks = ",".join("?" * len(chosen))
        return {row[0] for row in self.conn.execute(f"SELECT id FROM articles WHERE outlet IN ({marks})", chosen)}

    def article_openings(self, article_ids: list[str], length: int = 160) -> dict[str, str]:
        """The first characters of each article's clean text, whitespace collapsed: what a
        listing shows for an article that has no title."""
        openings = {}
        for start in range(0, len(article_ids), 500):  # SQLite caps the parameters of one query
            chunk = article_ids[start : start + 500]
            rows = self.conn.execute(
                f"SELECT id, substr(text, 1, ?) FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                (length, *chunk),
            ).fetchall()
            openings.update({article_id: " ".join(text.split()) for article_id, text in rows})
        return openings

    def count_articles(self) -> int:
        """Return the number of stored articles."""
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def _quote_terms(query: str) -> str:
    """Turn free text into an FTS5 query of quoted literal terms."""
    terms = [term.replace('"', '""') for term in query.split()]
    return " ".join(f'"{term}"' for term in terms if term.strip('"'))
