"""SQLite store of article analyses: one transaction per article, searchable, safe to kill."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType

from synopsis.records import ArticleAnalysis, SynopsisError
from synopsis.report.article_json import SCHEMA_ID, analysis_from_dict, analysis_to_dict
from synopsis.store.migrations import apply_migrations

# Wait this long for another process's write lock (parallel ingest workers share
# one file) before failing with "database is locked".
BUSY_TIMEOUT_MS = 10_000

# Highest Unicode code point: "prefix" <= id < "prefix" + this bounds every id that
# starts with prefix, so prefix lookup uses the primary-key index instead of LIKE,
# which would need escaping and ignores the index for case-sensitive text.
_MAX_CHAR = "\U0010ffff"


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


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One stored story as a listing shows it."""

    id: str
    title: str
    first: str | None  # earliest publication among its articles
    last: str | None
    articles: int
    created: str
    updated: str


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article of a stored story."""

    id: str
    source: str
    outlet: str | None
    published: str | None
    title: str | None
    assigned_by: str  # "auto" or "user"


_SUMMARY_SELECT = """
    SELECT a.id, a.source, a.outlet, a.published, a.title,
        (SELECT COUNT(*) FROM entities WHERE article_id = a.id),
        (SELECT COUNT(*) FROM quantities WHERE article_id = a.id),
        (SELECT COUNT(*) FROM times WHERE article_id = a.id),
        (SELECT COUNT(*) FROM quotes WHERE article_id = a.id),
        (SELECT COUNT(*) FROM claims WHERE article_id = a.id)
    FROM articles AS a
"""
# Chronological, undated last, id as tie-break so listings are deterministic.
_ORDER = "ORDER BY a.published IS NULL, a.published, a.id"


class Store:
    """A SQLite database of ArticleAnalysis records; use ``Store.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the database at path, or ":memory:", and migrate it."""
        where = str(path)
        try:
            if where != ":memory:":
                Path(where).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: the sqlite3 module starts no hidden
            # transactions; every transaction here is an explicit BEGIN ... COMMIT.
            conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except (OSError, sqlite3.Error) as exc:
            raise SynopsisError(f"cannot open database {where}: {exc}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            # WAL: readers (the web app) never block the ingest writer, and a
            # killed writer leaves committed transactions intact.
            conn.execute("PRAGMA journal_mode = WAL")
            # FULL also survives power loss; its fsync per commit is small next
            # to the NLP time per article (tens of milliseconds and up).
            conn.execute("PRAGMA synchronous = FULL")
            apply_migrations(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise SynopsisError(f"cannot use database {where}: {exc}") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, where)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def add_analysis(self, analysis: ArticleAnalysis) -> bool:
        """Store one analysis in one transaction; return False (changing nothing) if its id is stored."""
        article = analysis.article
        payload = json.dumps(analysis_to_dict(analysis), ensure_ascii=False, separators=(",", ":"))
        with _transaction(self.conn):
            # Checked inside the write transaction so two workers storing the
            # same article cannot both insert it.
            if self._has(article.id):
                return False
            _insert_article(self.conn, analysis, payload)
            _insert_children(self.conn, analysis)
        return True

    def add_analyses(self, analyses: Iterable[ArticleAnalysis]) -> int:
        """Store each analysis in its own transaction; return how many were new."""
        return sum(self.add_analysis(analysis) for analysis in analyses)

    def has_article(self, article_id: str) -> bool:
        """Return True if an article with exactly this id is stored."""
        return self._has(article_id)

    def remove_article(self, article_id: str) -> bool:
        """Delete an article and everything extracted from it; return False if it was not stored."""
        with _transaction(self.conn):
            deleted = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        return deleted > 0

    def resolve_id(self, id_or_prefix: str) -> str:
        """Return the one stored id equal to or starting with id_or_prefix; raise SynopsisError otherwise."""
        if not id_or_prefix:
            raise SynopsisError("no article id given")
        if self._has(id_or_prefix):
            return id_or_prefix
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (id_or_prefix, id_or_prefix + _MAX_CHAR),
        ).fetchall()
        if not rows:
            raise SynopsisError(f"no article matches {id_or_prefix!r}")
        if len(rows) > 1:
            (count,) = self.conn.execute(
                "SELECT COUNT(*) FROM articles WHERE id >= ? AND id < ?",
                (id_or_prefix, id_or_prefix + _MAX_CHAR),
            ).fetchone()
            raise SynopsisError(f"{id_or_prefix!r} is ambiguous: {count} articles")
        return rows[0][0]

    def get_analysis(self, id_or_prefix: str) -> ArticleAnalysis:
        """Return the stored analysis whose id is, or uniquely starts with, id_or_prefix."""
        article_id = self.resolve_id(id_or_prefix)
        row = self.conn.execute(
            "SELECT schema, analysis_json FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return _load_analysis(article_id, row[0], row[1])

    def iter_analyses(self, ids: Iterable[str] | None = None) -> Iterator[ArticleAnalysis]:
        """Yield stored analyses: the given ids (or unique prefixes) in order, else all chronologically."""
        if ids is None:
            wanted = [row[0] for row in self.conn.execute(f"SELECT a.id FROM articles AS a {_ORDER}")]
        else:
            # Resolve all first so a bad id fails before any work is done on the others.
            wanted = [self.resolve_id(article_id) for article_id in ids]
        for article_id in wanted:
            # One query per article keeps memory flat for large stores and lets
            # the caller write to the store while iterating.
            row = self.conn.execute(
                "SELECT schema, analysis_json FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is not None:  # removed meanwhile
                yield _load_analysis(article_id, row[0], row[1])

    def list_articles(self) -> list[ArticleSummary]:
        """Return a summary of every stored article, oldest first (undated last)."""
        rows = self.conn.execute(f"{_SUMMARY_SELECT} {_ORDER}").fetchall()
        return [ArticleSummary(*row) for row in rows]

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

    def count_articles(self) -> int:
        """Return the number of stored articles."""
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- stories ---------------------------------------------------------------

    def record_story_assignment(
        self,
        article_id: str,
        story_id: str,
        *,
        title: str,
        method: str,
        day_ordinal: int,
        vector: bytes,
        profile_json: str,
        score: float | None = None,
    ) -> int:
        """Store an article's event profile and its story in one transaction; return its index label.

        An article that already has a story keeps it (a user's correction, or
        another process that got there first); its profile is stored once.
        """
        now = _now()
        with _transaction(self.conn):
            row = self.conn.execute("SELECT label FROM article_events WHERE article_id = ?", (article_id,)).fetchone()
            if row is None:
                label = self.conn.execute(
                    "INSERT INTO article_events (article_id, method, day_ordinal, vector, profile_json) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (article_id, method, day_ordinal, vector, profile_json),
                ).lastrowid
            else:
                label = row[0]
            if self.conn.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (article_id,)).fetchone() is None:
                self.conn.execute(
                    "INSERT INTO stories (id, title, created, updated) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, merged_into = NULL",
                    (story_id, title, now, now),
                )
                self.conn.execute(
                    "INSERT INTO story_articles (article_id, story_id, assigned_by, score, assigned_at) "
                    "VALUES (?, ?, 'auto', ?, ?)",
                    (article_id, story_id, score, now),
                )
        return label

    def story_events(self, labels: Iterable[int]) -> list[tuple[int, str, bytes, str, str | None]]:
        """(label, article_id, vector, profile_json, story_id) of indexed articles."""
        labels = list(labels)
        if not labels:
            return []
        marks = ",".join("?" * len(labels))
        return self.conn.execute(
            "SELECT e.label, e.article_id, e.vector, e.profile_json, m.story_id FROM article_events AS e "
            f"LEFT JOIN story_articles AS m ON m.article_id = e.article_id WHERE e.label IN ({marks})",
            labels,
        ).fetchall()

    def story_member_events(self, story_id: str, limit: int) -> list[tuple[int, str, bytes, str]]:
        """(label, article_id, vector, profile_json) of up to limit members of a story, earliest first."""
        return self.conn.execute(
            "SELECT e.label, e.article_id, e.vector, e.profile_json FROM story_articles AS m "
            "JOIN article_events AS e ON e.article_id = m.article_id WHERE m.story_id = ? "
            "ORDER BY e.label LIMIT ?",
            (story_id, limit),
        ).fetchall()

    def iter_event_vectors(self, after_label: int = 0, batch: int = 4096) -> Iterator[list[tuple[int, int, bytes]]]:
        """(label, day_ordinal, vector) of every stored event profile, in batches, by label."""
        while True:
            rows = self.conn.execute(
                "SELECT label, day_ordinal, vector FROM article_events WHERE label > ? ORDER BY label LIMIT ?",
                (after_label, batch),
            ).fetchall()
            if not rows:
                return
            yield rows
            after_label = rows[-1][0]

    def event_vectors(self, labels: Iterable[int]) -> list[tuple[int, int, bytes]]:
        """(label, day_ordinal, vector) of the given labels."""
        labels = list(labels)
        rows = []
        # SQLite limits bound parameters (32,766 by default since 3.32); stay well below.
        for begin in range(0, len(labels), 900):
            chunk = labels[begin : begin + 900]
            rows += self.conn.execute(
                f"SELECT label, day_ordinal, vector FROM article_events WHERE label IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return rows

    def story_index_token(self) -> str:
        """An identifier of this database's story tables, so an index file from another database is not reused."""
        row = self.conn.execute("SELECT applied_at FROM _migrations WHERE name = 'm003_stories'").fetchone()
        first = self.conn.execute("SELECT article_id FROM article_events ORDER BY label LIMIT 1").fetchone()
        return f"{row[0] if row else ''}/{first[0] if first else ''}"

    def write_lock(self) -> AbstractContextManager[None]:
        """A write transaction held across several steps (read, decide, write), so another
        process writing to the same database waits instead of interleaving."""
        return _transaction(self.conn)

    def event_labels(self) -> set[int]:
        """Labels of every stored event profile."""
        return {row[0] for row in self.conn.execute("SELECT label FROM article_events")}

    def unassigned_article_ids(self) -> list[str]:
        """Stored articles without a story (stored by a run killed before assigning), chronologically."""
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT a.id FROM articles AS a LEFT JOIN story_articles AS m ON m.article_id = a.id "
                f"WHERE m.article_id IS NULL {_ORDER}"
            )
        ]

    def list_stories(self) -> list[StorySummary]:
        """Every story with its time span and size, newest first."""
        rows = self.conn.execute(
            "SELECT s.id, s.title, MIN(a.published), MAX(a.published), COUNT(*), s.created, s.updated "
            "FROM stories AS s JOIN story_articles AS m ON m.story_id = s.id JOIN articles AS a ON a.id = m.article_id "
            "GROUP BY s.id ORDER BY MAX(a.published) IS NULL, MAX(a.published) DESC, s.id"
        ).fetchall()
        return [StorySummary(*row) for row in rows]

    def story_articles(self, story_id: str) -> list[StoryArticle]:
        """The articles of one story, oldest first."""
        rows = self.conn.execute(
            "SELECT a.id, a.source, a.outlet, a.published, a.title, m.assigned_by FROM story_articles AS m "
            f"JOIN articles AS a ON a.id = m.article_id WHERE m.story_id = ? {_ORDER}",
            (story_id,),
        ).fetchall()
        return [StoryArticle(*row) for row in rows]

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to, if assigned."""
        row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def resolve_story_id(self, id_or_prefix: str, follow: bool = True) -> str:
        """Return the one story id equal to or starting with id_or_prefix (or, with follow, the
        story that absorbed it, see ``successor_story``); raise SynopsisError otherwise.

        Corrections pass follow=False: merging a stale id must not merge its successor,
        which may hold many other articles."""
        rows = self.conn.execute(
            "SELECT id FROM stories WHERE id >= ? AND id < ? AND EXISTS "
            "(SELECT 1 FROM story_articles WHERE story_id = stories.id) ORDER BY id LIMIT 2",
            (id_or_prefix, id_or_prefix + _MAX_CHAR),
        ).fetchall()
        if follow and id_or_prefix and not rows and (successor := self.successor_story(id_or_prefix)):
            return successor
        if not id_or_prefix or not rows:
            raise SynopsisError(f"no story matches {id_or_prefix!r}")
        if len(rows) > 1 and rows[0][0] != id_or_prefix:
            raise SynopsisError(f"{id_or_prefix!r} is ambiguous: several stories match")
        return rows[0][0]

    def successor_story(self, id_or_prefix: str) -> str | None:
        """The current story holding the articles of an emptied story (merged by a user or
        regrouped), following successive merges; None when the id names no emptied story."""
        if not id_or_prefix:
            return None
        rows = self.conn.execute(
            "SELECT id, merged_into FROM stories WHERE id >= ? AND id < ? AND merged_into IS NOT NULL ORDER BY id LIMIT 2",
            (id_or_prefix, id_or_prefix + _MAX_CHAR),
        ).fetchall()
        if not rows or (len(rows) > 1 and rows[0][0] != id_or_prefix):
            return None
        seen = {rows[0][0]}
        story = rows[0][1]
        while story not in seen:
            if self.conn.execute("SELECT 1 FROM story_articles WHERE story_id = ? LIMIT 1", (story,)).fetchone():
                return story
            seen.add(story)
            row = self.conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story,)).fetchone()
            if row is None or row[0] is None:
                return None
            story = row[0]
        return None

    def merge_stories(self, keep: str, other: str) -> int:
        """Move every article of story other into story keep (as a user correction); return how many moved."""
        if keep == other:
            raise SynopsisError("cannot merge a story with itself")
        now = _now()
        with _transaction(self.conn):
            moved = self.conn.execute(
                "UPDATE story_articles SET story_id = ?, assigned_by = 'user', assigned_at = ? WHERE story_id = ?",
                (keep, now, other),
            ).rowcount
            self.conn.execute("UPDATE stories SET updated = ? WHERE id = ?", (now, keep))
            self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (keep, other))
            self.conn.execute(
                "INSERT INTO story_corrections (kind, story_id, other_story_id, at) VALUES ('merge', ?, ?, ?)",
                (keep, other, now),
            )
        return moved

    def split_article(self, article_id: str, new_story_id: str, title: str) -> str:
        """Move one article out of its story into a new story of its own (a user correction)."""
        now = _now()
        with _transaction(self.conn):
            row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
            if row is None:
                raise SynopsisError(f"article {article_id} has no story yet")
            self.conn.execute(
                "INSERT INTO stories (id, title, created, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, merged_into = NULL",
                (new_story_id, title, now, now),
            )
            self.conn.execute(
                "UPDATE story_articles SET story_id = ?, assigned_by = 'user', assigned_at = ? WHERE article_id = ?",
                (new_story_id, now, article_id),
            )
            self.conn.execute(
                "INSERT INTO story_corrections (kind, story_id, other_story_id, article_id, at) "
                "VALUES ('split', ?, ?, ?, ?)",
                (row[0], new_story_id, article_id, now),
            )
        return new_story_id

    def story_has_corrections(self, story_id: str) -> bool:
        """True when a user put any of the story's articles there (a merge or a split)."""
        row = self.conn.execute(
            "SELECT 1 FROM story_articles WHERE story_id = ? AND assigned_by = 'user' LIMIT 1", (story_id,)
        ).fetchone()
        return row is not None

    def move_story_articles(self, moves: dict[str, str]) -> int:
        """Move automatically assigned articles (id -> story id) to other stories, creating
        stories as needed; articles a user placed stay.  Returns how many moved."""
        now = _now()
        moved = 0
        with _transaction(self.conn):
            for story_id in sorted(set(moves.values())):
                self.conn.execute(
                    "INSERT INTO stories (id, title, created, updated) VALUES (?, '', ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, merged_into = NULL",
                    (story_id, now, now),
                )
            received: dict[str, Counter] = defaultdict(Counter)  # old story -> where its articles went
            for article_id, story_id in moves.items():
                row = self.conn.execute(
                    "SELECT story_id FROM story_articles WHERE article_id = ? AND assigned_by = 'auto'", (article_id,)
                ).fetchone()
                if row is None or row[0] == story_id:
                    continue
                self.conn.execute(
                    "UPDATE story_articles SET story_id = ?, assigned_at = ? WHERE article_id = ?", (story_id, now, article_id)
                )
                received[row[0]][story_id] += 1
                moved += 1
            for old, targets in received.items():
                if self.conn.execute("SELECT 1 FROM story_articles WHERE story_id = ? LIMIT 1", (old,)).fetchone() is None:
                    successor = max(sorted(targets), key=lambda s: targets[s])
                    self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (successor, old))
        return moved

    def set_story_title(self, story_id: str, title: str) -> None:
        """Replace a story's title."""
        with _transaction(self.conn):
            self.conn.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))

    def _has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def hash_text(text: str) -> str:
    """Return the SHA-256 hex digest of text (UTF-8)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction: commit if it returns, roll back if it raises.

    Inside a transaction already open (``Store.write_lock``) the block joins it:
    the outer one commits or rolls back everything.
    """
    if conn.in_transaction:
        yield
        return
    # IMMEDIATE takes the write lock up front; a deferred transaction that reads
    # then writes can fail with SQLITE_BUSY despite busy_timeout.
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        # SQLite may already have rolled back (e.g. disk full); a second
        # ROLLBACK would hide the real error.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _quote_terms(query: str) -> str:
    """Turn free text into an FTS5 query of quoted literal terms."""
    terms = [term.replace('"', '""') for term in query.split()]
    return " ".join(f'"{term}"' for term in terms if term.strip('"'))


def _load_analysis(article_id: str, schema: str, payload: str) -> ArticleAnalysis:
    """Decode a stored analysis, refusing payloads of a schema this version cannot read."""
    if schema != SCHEMA_ID:
        raise SynopsisError(f"article {article_id} is stored as {schema!r}, which this synopsis cannot read")
    return analysis_from_dict(json.loads(payload), where=f"article {article_id}")


def _insert_article(conn: sqlite3.Connection, analysis: ArticleAnalysis, payload: str) -> None:
    """Insert the articles row (the FTS row follows by trigger)."""
    article = analysis.article
    conn.execute(
        """
        INSERT INTO articles (id, source, outlet, outlet_kind, outlet_country, origin, origin_kind,
            cites_json, published, published_precision, dateline, title, author, url, language, text,
            schema, analysis_json, content_hash, added_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            article.id,
            article.source,
            article.outlet.name if article.outlet else None,
            article.outlet.kind if article.outlet else None,
            article.outlet.country if article.outlet else None,
            article.origin.name if article.origin else None,
            article.origin.kind if article.origin else None,
            json.dumps(list(article.cites), ensure_ascii=False),
            article.published,
            article.published_precision,
            article.dateline,
            article.title,
            article.author,
            article.url,
            article.language,
            article.text,
            SCHEMA_ID,
            payload,
            hash_text(article.text),
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
        ),
    )


def _insert_children(conn: sqlite3.Connection, analysis: ArticleAnalysis) -> None:
    """Insert one row per extracted item, for SQL queries across articles."""
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
        "INSERT INTO quantities (article_id, idx, text, value, low, high, unit, counted, qualifier, start, "
        '"end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [
            (aid, i, q.text, q.value, q.low, q.high, q.unit, q.counted, q.qualifier, q.start, q.end)
            for i, q in enumerate(analysis.quantities)
        ],
    )
    conn.executemany(
        'INSERT INTO times (article_id, idx, text, type, value, precision, modifier, start, "end") '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (aid, i, t.text, t.type, t.value, t.precision, t.modifier, t.start, t.end)
            for i, t in enumerate(analysis.times)
        ],
    )
    conn.executemany(
        'INSERT INTO quotes (article_id, idx, kind, speaker, speaker_entity, cue, content, start, "end", '
        "speaker_start, speaker_end, cue_start, cue_end, content_start, content_end) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, i, q.kind, q.speaker, q.speaker_entity, q.cue, q.content, q.start, q.end,
                q.speaker_start, q.speaker_end, q.cue_start, q.cue_end, q.content_start, q.content_end,
            )
            for i, q in enumerate(analysis.quotes)
        ],
    )  # fmt: skip
    conn.executemany(
        'INSERT INTO claims (article_id, idx, text, start, "end", sentence, entities_json, quantities_json, '
        "times_json, quote, attributed_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                aid, i, c.text, c.start, c.end, c.sentence, json.dumps(list(c.entities)),
                json.dumps(list(c.quantities)), json.dumps(list(c.times)), c.quote, c.attributed_to,
            )
            for i, c in enumerate(analysis.claims)
        ],
    )  # fmt: skip


__all__ = ["ArticleSummary", "Store", "StoryArticle", "StorySummary", "hash_text"]
