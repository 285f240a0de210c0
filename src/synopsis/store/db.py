"""SQLite store of article analyses: one transaction per article, searchable, safe to kill.

This module opens the database (locking, read-only files) and stores, replaces and reads
articles; their rows are laid out by ``article_rows``, listings and search are ``article_search``,
story tables ``stories``, event profiles ``event_profiles``."""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType

from synopsis.records import ArticleAnalysis, SynopsisError
from synopsis.extract import EXTRACTION_METHOD
from synopsis.ingest.meta import METADATA_METHOD
from synopsis.store.article_rows import (
    CHILD_TABLES, analysis_payload, insert_article, insert_children, load_analysis, update_analysis,
)
from synopsis.store.article_search import ArticleSearch, ArticleSummary
from synopsis.store.event_profiles import EventProfileTables
from synopsis.store.migrations import MIGRATIONS, applied_migrations, apply_migrations
from synopsis.store.stories import StoryArticle, StorySummary, StoryTables
from synopsis.store.transactions import ARTICLE_ORDER, now, starts_with, transaction
from synopsis.store.versions import Replaced, Stored, is_revision

# Wait this long for another process's write lock (parallel ingest workers share
# one file) before failing with "database is locked".
BUSY_TIMEOUT_MS = 10_000


class Store(StoryTables, EventProfileTables, ArticleSearch):
    """A SQLite database of ArticleAnalysis records; use ``Store.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.read_only = False  # opened read-only: the file, its folder or its mount cannot be written

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if needed) the database at path, or ":memory:", and migrate it; a database
        that cannot be written (a read-only file, folder or mount) is opened read-only
        (``read_only``), for the commands that only read it."""
        where = str(path)
        if where != ":memory:":
            folder = Path(where).parent
            if not folder.is_dir():
                why = "is a file, not a folder" if folder.exists() else "does not exist"
                raise SynopsisError(f"cannot open database {where}: the folder {folder} {why}")
            if Path(where).is_dir():
                # SQLite says only "unable to open database file" (QA25: `--db <folder>`).
                raise SynopsisError(
                    f"cannot open database {where}: it is a folder; --db names the database file in it (e.g. {Path(where) / 'news.db'})"
                )
            if Path(where).exists() and not is_writable(Path(where)):
                return cls.open_read_only(where)
        try:
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

    @classmethod
    def open_read_only(cls, where: str) -> Store:
        """Open an existing database that cannot be written (``is_writable``) for reading only.

        A WAL database is read through its -shm file, which a read-only folder cannot
        hold: SQLite then opens it only as ``immutable`` (changes made meanwhile by
        another process are not seen, and an unmerged -wal file is not read; where
        nothing can write the folder, nothing changes it).  Where the -shm file exists
        or can be made, ``mode=ro`` reads it as any reader does.
        """
        shared_memory = Path(where + "-shm")
        folder_writable = is_writable(Path(where).parent)
        flag = "mode=ro" if folder_writable or (shared_memory.exists() and is_writable(shared_memory)) else "immutable=1"
        uri = f"{Path(where).resolve().as_uri()}?{flag}"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            pending = [m.__name__ for m in MIGRATIONS if m.__name__ not in applied_migrations(conn)]
        except sqlite3.DatabaseError as exc:
            raise SynopsisError(f"cannot use database {where} (read-only): {exc}") from None
        if pending:
            conn.close()
            raise SynopsisError(
                f"database {where} is read-only and an older synopsis wrote it: copy it somewhere writable "
                "and open it once there to bring it up to date"
            )
        store = cls(conn, where)
        store.read_only = True
        return store

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
        return self.add_version(analysis).stored

    def add_version(
        self, analysis: ArticleAnalysis, item_key: str | None = None, legacy_source: str | None = None
    ) -> Stored:
        """Store one analysis in one transaction, as the current version of the input item
        ``item_key`` names (``store.versions.item_key``): stored articles of that item whose
        text the new one revises (``store.versions.is_revision``) are replaced by it, their
        extracted items and story membership deleted with them and their text kept in
        article_versions.  ``legacy_source`` also matches articles stored, without a key, under
        that source; a new version is stored with the time it replaced them as its ``updated``
        (records.Article), unless it has one.  Returns whether it was stored (not, changing
        nothing, if its id is stored or is a version already replaced), what it replaced, when,
        and what it left apart."""
        article = analysis.article
        payload = analysis_payload(analysis)
        replaced: list[Replaced] = []
        apart: list[str] = []
        with transaction(self.conn):
            # Checked inside the write transaction so two workers storing the
            # same article cannot both insert it.
            if self._has(article.id) or self.replaced_by(article.id):
                return Stored(False)
            at = now()
            for old_id, source, text, story, by_user in self.same_item(item_key, legacy_source):
                if not is_revision(text, article.text):
                    apart.append(old_id)
                    continue
                self.conn.execute(
                    "INSERT INTO article_versions (old_id, new_id, item_key, source, title, url, text, story_id, "
                    "placed_by_user, added_at, replaced_at) SELECT id, ?, item_key, source, title, url, text, ?, ?, "
                    "added_at, ? FROM articles WHERE id = ?",
                    (article.id, story, bool(by_user), at, old_id),
                )
                self.conn.execute("UPDATE article_versions SET new_id = ? WHERE new_id = ?", (article.id, old_id))
                self.conn.execute("DELETE FROM articles WHERE id = ?", (old_id,))
                replaced.append(Replaced(old_id, source, story, bool(by_user)))
            if replaced and article.updated is None:
                analysis = dataclasses.replace(analysis, article=dataclasses.replace(article, updated=at))
                payload = analysis_payload(analysis)
            insert_article(self.conn, analysis, payload, item_key)
            insert_children(self.conn, analysis)
        return Stored(True, tuple(replaced), tuple(apart), analysis.article.updated if replaced else None)

    def same_item(self, item_key: str | None, legacy_source: str | None = None) -> list[tuple[str, str, str, str | None, bool]]:
        """(id, source, text, story, placed by a user) of the stored articles of one input item: of
        this key, or stored without one under ``legacy_source``."""
        select = (
            "SELECT a.id, a.source, a.text, m.story_id, m.assigned_by = 'user' FROM articles AS a "
            "LEFT JOIN story_articles AS m ON m.article_id = a.id WHERE "
        )
        rows = []
        if item_key:
            rows += self.conn.execute(select + "a.item_key = ?", (item_key,)).fetchall()
        if legacy_source:
            rows += self.conn.execute(select + "a.item_key IS NULL AND a.source = ?", (legacy_source,)).fetchall()
        return rows

    def replaced_by(self, article_id: str) -> str | None:
        """The id of the current version of an article a newer version replaced, None if it was not replaced."""
        row = self.conn.execute("SELECT new_id FROM article_versions WHERE old_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def past_versions(self, article_id: str) -> list[tuple[str, str, str]]:
        """(id, source, replaced_at) of the versions an article replaced, oldest first."""
        return self.conn.execute(
            "SELECT old_id, source, replaced_at FROM article_versions WHERE new_id = ? ORDER BY replaced_at, old_id",
            (article_id,),
        ).fetchall()

    def add_analyses(self, analyses: Iterable[ArticleAnalysis]) -> int:
        """Store each analysis in its own transaction; return how many were new."""
        return sum(self.add_analysis(analysis) for analysis in analyses)

    def has_article(self, article_id: str) -> bool:
        """Return True if an article with exactly this id is stored."""
        return self._has(article_id)

    def rename_item_source(self, article_id: str, source: str) -> bool:
        """Give a stored article the name its input item goes by now, when the stored name is an
        older name of an item of the same container ("a.json#0", numbered from 0 before items
        were numbered from 1, or an item that moved within its file); return True if renamed.
        The content is the same (same id), so only the name changes, in the row and its analysis."""
        container, mark, number = source.rpartition("#")
        if not mark or not number.isdigit() or container == "<stdin>":
            return False
        with transaction(self.conn):
            row = self.conn.execute("SELECT source, analysis_json FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None or row[0] == source:
                return False
            stored_container, stored_mark, stored_number = row[0].rpartition("#")
            if not stored_mark or stored_container != container or not stored_number.isdigit():
                return False
            payload = json.loads(row[1])
            payload["source"] = source
            self.conn.execute(
                "UPDATE articles SET source = ?, analysis_json = ? WHERE id = ?",
                (source, json.dumps(payload, ensure_ascii=False, separators=(",", ":")), article_id),
            )
        return True

    def remove_article(self, article_id: str) -> bool:
        """Delete an article and everything extracted from it; return False if it was not stored."""
        with transaction(self.conn):
            deleted = self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
        return deleted > 0

    def resolve_id(self, id_or_prefix: str) -> str:
        """Return the one stored id equal to or starting with id_or_prefix; raise SynopsisError otherwise."""
        if not id_or_prefix:
            raise SynopsisError("no article id given")
        if self._has(id_or_prefix):
            return id_or_prefix
        matching, bounds = starts_with("id", id_or_prefix)
        rows = self.conn.execute(f"SELECT id FROM articles WHERE {matching} ORDER BY id LIMIT 4", bounds).fetchall()
        if not rows:
            replaced, bounds = starts_with("old_id", id_or_prefix)
            newer = self.conn.execute(
                f"SELECT old_id, new_id FROM article_versions WHERE {replaced} ORDER BY old_id LIMIT 2", bounds
            ).fetchall()
            if len(newer) == 1:
                raise SynopsisError(
                    f"article {newer[0][0][:12]} was replaced by a newer version of the same file or address: {newer[0][1][:12]}"
                )
            raise SynopsisError(f"no article matches {id_or_prefix!r}")
        if len(rows) > 1:
            (count,) = self.conn.execute(f"SELECT COUNT(*) FROM articles WHERE {matching}", bounds).fetchone()
            # The candidates, as story prefixes are listed: the user picks one and types more of it.
            shown = ", ".join(row[0][:12] for row in rows[:3]) + (f", or {count - 3} more" if count > 3 else "")
            raise SynopsisError(f"{id_or_prefix!r} is ambiguous: {count} articles, it could be {shown}")
        return rows[0][0]

    def get_analysis(self, id_or_prefix: str) -> ArticleAnalysis:
        """Return the stored analysis whose id is, or uniquely starts with, id_or_prefix."""
        article_id = self.resolve_id(id_or_prefix)
        row = self.conn.execute(
            "SELECT schema, analysis_json FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return load_analysis(article_id, row[0], row[1])

    def iter_analyses(self, ids: Iterable[str] | None = None) -> Iterator[ArticleAnalysis]:
        """Yield stored analyses: the given ids (or unique prefixes) in order, else all chronologically."""
        if ids is None:
            wanted = [row[0] for row in self.conn.execute(f"SELECT a.id FROM articles AS a {ARTICLE_ORDER}")]
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
                yield load_analysis(article_id, row[0], row[1])

    def outdated_ids(self) -> list[str]:
        """Ids of the articles analysed by another extraction recipe than this synopsis's
        (``extract.pipeline.EXTRACTION_METHOD``), oldest first."""
        return [
            row[0]
            for row in self.conn.execute(
                f"SELECT a.id FROM articles AS a WHERE a.extraction IS NULL OR a.extraction != ? {ARTICLE_ORDER}",
                (EXTRACTION_METHOD,),
            )
        ]

    def replace_analysis(self, analysis: ArticleAnalysis, metadata: str | None = None) -> bool:
        """Store a new analysis of an article already stored (same id, same text), replacing its
        extracted items and its metadata columns in one transaction and marking its event profile
        outdated (``mark_events_outdated``); ``metadata`` records the recipe that read its metadata
        again (``reread_metadata``).  Its story, versions and corrections stay.  False when the
        article is no longer stored."""
        article = analysis.article
        payload = analysis_payload(analysis)
        with transaction(self.conn):
            if not update_analysis(self.conn, analysis, payload, metadata):
                return False
            for table in CHILD_TABLES:
                self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article.id,))
            insert_children(self.conn, analysis)
            # Its event profile was made from the analysis replaced: made again next.
            self.mark_events_outdated(article.id)
        return True

    def outdated_metadata(self) -> list[tuple[str, str | None]]:
        """(id, item key) of the articles whose metadata another recipe read (``METADATA_METHOD``),
        oldest first; not those whose input could not be read again by this recipe (``mark_metadata``)."""
        return self.conn.execute(
            "SELECT a.id, a.item_key FROM articles AS a WHERE a.metadata IS NULL OR a.metadata NOT IN (?, ?) "
            + ARTICLE_ORDER,
            (METADATA_METHOD, UNREAD_PREFIX + METADATA_METHOD),
        ).fetchall()

    def mark_metadata(self, article_ids: Sequence[str], reread: bool) -> None:
        """Record that this recipe read the articles' metadata again and found it unchanged
        (``reread``), or could not read their inputs again (a URL, standard input, a file gone):
        they keep what an older recipe read, and are tried again only by a newer recipe."""
        value = METADATA_METHOD if reread else UNREAD_PREFIX + METADATA_METHOD
        with transaction(self.conn):
            self.conn.executemany("UPDATE articles SET metadata = ? WHERE id = ?", [(value, i) for i in article_ids])

    def write_lock(self) -> AbstractContextManager[None]:
        """A write transaction held across several steps (read, decide, write), so another
        process writing to the same database waits instead of interleaving."""
        return transaction(self.conn)

    def _has(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


class DeferredStore:
    """A database not made yet, made by the first use of the store (``Store.open``): an ingest of
    inputs none of which is stored (not English, too short to be an article) leaves no empty
    database behind, which `synopsis serve` would then serve as if it were one."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._store: Store | None = None

    @property
    def opened(self) -> bool:
        return self._store is not None

    def __getattr__(self, name: str):
        # Only for what this class lacks: everything a Store has, the database made on the way.
        if name.startswith("__") or name == "_store":
            raise AttributeError(name)
        if self._store is None:
            self._store = Store.open(self.path)
        return getattr(self._store, name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

    def __enter__(self) -> DeferredStore:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close()


def is_writable(path: Path) -> bool:
    """Whether this process may write the file or folder: access(2) asks the kernel, so a read-only
    mount counts even for root, whom file permissions do not stop."""
    return os.access(path, os.W_OK)


# Marks the metadata recipe that could not read an article's input again (``Store.mark_metadata``).
UNREAD_PREFIX = "unread by "

__all__ = ["ArticleSummary", "Store", "StoryArticle", "StorySummary"]
