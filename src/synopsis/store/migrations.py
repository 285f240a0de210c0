"""Numbered schema migrations for the SQLite store, recorded in a ``_migrations`` table.

Each migration is a function ``mNNN_name(conn)`` that only issues statements;
``apply_migrations`` runs every pending one in order, each in its own
transaction, and records its name, so a database made by any older version is
brought up to date on open and a failed migration leaves no half-changed schema.
Never edit a released migration: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from synopsis.records import SynopsisError

Migration = Callable[[sqlite3.Connection], None]


def m001_initial(conn: sqlite3.Connection) -> None:
    """Create the articles table and one child table per kind of extracted item."""
    statements = [
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            outlet TEXT,
            outlet_kind TEXT,
            outlet_country TEXT,
            origin TEXT,
            origin_kind TEXT,
            cites_json TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            published_precision TEXT,
            dateline TEXT,
            title TEXT,
            author TEXT,
            url TEXT,
            language TEXT,
            text TEXT NOT NULL,
            schema TEXT NOT NULL,
            analysis_json TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            added_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX articles_published ON articles (published)",
        "CREATE INDEX articles_outlet ON articles (outlet)",
        "CREATE INDEX articles_content_hash ON articles (content_hash)",
        # Offsets of removed text point into the raw input, not into articles.text.
        """
        CREATE TABLE removed (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """,
        """
        CREATE TABLE sentences (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """,
        """
        CREATE TABLE entities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            title TEXT,
            title_start INTEGER,
            title_end INTEGER,
            PRIMARY KEY (article_id, idx)
        )
        """,
        "CREATE INDEX entities_text ON entities (text)",
        """
        CREATE TABLE quantities (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            value REAL,
            low REAL,
            high REAL,
            unit TEXT,
            counted TEXT,
            qualifier TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """,
        """
        CREATE TABLE times (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            precision TEXT,
            modifier TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """,
        """
        CREATE TABLE quotes (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            kind TEXT NOT NULL,
            speaker TEXT,
            speaker_entity TEXT,
            cue TEXT,
            content TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            speaker_start INTEGER,
            speaker_end INTEGER,
            cue_start INTEGER,
            cue_end INTEGER,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            PRIMARY KEY (article_id, idx)
        )
        """,
        "CREATE INDEX quotes_speaker ON quotes (speaker_entity)",
        """
        CREATE TABLE claims (
            article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            entities_json TEXT NOT NULL,
            quantities_json TEXT NOT NULL,
            times_json TEXT NOT NULL,
            quote INTEGER,
            attributed_to TEXT,
            PRIMARY KEY (article_id, idx)
        )
        """,
    ]
    for statement in statements:
        conn.execute(statement)


def m002_article_search(conn: sqlite3.Connection) -> None:
    """Add full-text search over article title and text, kept in sync by triggers."""
    # A standalone FTS5 table keyed by article_id rather than an external-content
    # table on articles.rowid: articles has a TEXT primary key, so its rowids are
    # not stable across VACUUM (sqlite.org/lang_vacuum.html), which would silently
    # point search hits at the wrong article.  The cost is a second copy of the text.
    statements = [
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            article_id UNINDEXED,
            title,
            text,
            tokenize = 'unicode61 remove_diacritics 2'
        )
        """,
        """
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text);
        END
        """,
        """
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            DELETE FROM articles_fts WHERE article_id = old.id;
        END
        """,
        """
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, text ON articles BEGIN
            DELETE FROM articles_fts WHERE article_id = old.id;
            INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text);
        END
        """,
        # Index rows of articles stored before this migration existed.
        "INSERT INTO articles_fts (article_id, title, text) SELECT id, title, text FROM articles",
    ]
    for statement in statements:
        conn.execute(statement)


def m003_stories(conn: sqlite3.Connection) -> None:
    """Add persistent stories: membership with who assigned it, event profiles with vectors, corrections."""
    statements = [
        """
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )
        """,
        # One story per article; 'user' rows come from corrections and are
        # never changed by automatic assignment.
        """
        CREATE TABLE story_articles (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories (id),
            assigned_by TEXT NOT NULL CHECK (assigned_by IN ('auto', 'user')),
            score REAL,
            assigned_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX story_articles_story ON story_articles (story_id)",
        # label is the article's key in the nearest-neighbour index; the vector
        # is float32 little-endian, so the index can always be rebuilt from here.
        # AUTOINCREMENT: a label is never reused, so an index file never
        # mistakes a new article for a removed one.
        """
        CREATE TABLE article_events (
            label INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
            method TEXT NOT NULL,
            day_ordinal INTEGER NOT NULL,
            vector BLOB NOT NULL,
            profile_json TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE story_corrections (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
            story_id TEXT NOT NULL,
            other_story_id TEXT,
            article_id TEXT,
            at TEXT NOT NULL
        )
        """,
    ]
    for statement in statements:
        conn.execute(statement)


def m004_story_successors(conn: sqlite3.Connection) -> None:
    """Remember where an emptied story's articles went, so its id still leads to them."""
    # Set when regrouping or a user's merge moves a story's last articles away:
    # bookmarks, API clients and notes keep working after the story is absorbed.
    conn.execute("ALTER TABLE stories ADD COLUMN merged_into TEXT")


def m005_lead_models(conn: sqlite3.Connection) -> None:
    """Record which model embedded each stored lead, so that vectors of another model are redone."""
    # Rows stored before this migration were embedded by the float MiniLM (the
    # name is written out: a migration must not change when the code's constants do).
    conn.execute("ALTER TABLE article_events ADD COLUMN lead_model TEXT NOT NULL DEFAULT 'all-MiniLM-L6-v2-onnx-int8'")


def m006_article_versions(conn: sqlite3.Connection) -> None:
    """Key articles by the input item they came from, and keep the texts a newer version replaced."""
    statements = [
        # What identifies an article across edits: "url:<address>", or "file:<absolute path>"
        # for a file without one; NULL when neither (pasted text, items of a file without a URL).
        "ALTER TABLE articles ADD COLUMN item_key TEXT",
        "CREATE INDEX articles_item_key ON articles (item_key)",
        # A replaced version: its id, text and names, and the id of the version that
        # replaced it (always the current one: chains are kept flat).
        """
        CREATE TABLE article_versions (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL,
            item_key TEXT,
            source TEXT NOT NULL,
            title TEXT,
            url TEXT,
            text TEXT NOT NULL,
            story_id TEXT,
            added_at TEXT NOT NULL,
            replaced_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX article_versions_new ON article_versions (new_id)",
    ]
    for statement in statements:
        conn.execute(statement)
    # Articles stored before are keyed by their URL, as store.versions.url_key keys them
    # (written out here: a migration must not change when the code does).  Their
    # paths were stored as typed, relative to a folder no longer known, so ingest
    # matches those by source instead.
    from urllib.parse import urlsplit, urlunsplit

    keys = []
    for article_id, url in conn.execute("SELECT id, url FROM articles WHERE url IS NOT NULL").fetchall():
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            continue
        if parts.netloc and (parts.path not in ("", "/") or parts.query):
            keys.append(("url:" + urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, "")), article_id))
    conn.executemany("UPDATE articles SET item_key = ? WHERE id = ?", keys)


def m007_published_ambiguous(conn: sqlite3.Connection) -> None:
    """Record, for listings, whether an article's publication date was a numeric date that reads both ways."""
    # What settled the reading ("weekday", "text", "outlet country", "default"); NULL when the
    # date was not ambiguous, and for articles stored before this migration, whose raw dates
    # were not kept (their analysis JSON lacks the field too).
    conn.execute("ALTER TABLE articles ADD COLUMN published_ambiguous TEXT")


def m008_updated_versions(conn: sqlite3.Connection) -> None:
    """Date the current text of each article that replaced an earlier version: its ``updated``."""
    # Stored since, a new version carries the time it replaced the old one in its analysis JSON
    # (reports order its values by it, not by its first publication); versions stored before
    # get the same time from article_versions.  Only the payload changes: no column.
    import json

    rows = conn.execute(
        "SELECT a.id, a.analysis_json, MAX(v.replaced_at) FROM articles AS a "
        "JOIN article_versions AS v ON v.new_id = a.id GROUP BY a.id"
    ).fetchall()
    updates = []
    for article_id, payload, replaced_at in rows:
        try:
            data = json.loads(payload)
        except ValueError:
            continue  # unreadable already; the store names it when it is read
        if isinstance(data, dict) and not data.get("updated"):
            data["updated"] = replaced_at
            updates.append((json.dumps(data, ensure_ascii=False, separators=(",", ":")), article_id))
    conn.executemany("UPDATE articles SET analysis_json = ? WHERE id = ?", updates)


def m009_extraction_method(conn: sqlite3.Connection) -> None:
    """Record the extraction recipe of each stored analysis (``extract.pipeline.EXTRACTION_METHOD``);
    articles stored before have none, and ``synopsis reanalyze`` re-extracts them."""
    conn.execute("ALTER TABLE articles ADD COLUMN extraction TEXT")


def m010_version_placements(conn: sqlite3.Connection) -> None:
    """Record, for each replaced version, whether a user had placed it in its story, so that a new
    version a killed ingest stored but did not place still goes where the user put the old one."""
    # Versions replaced before this migration did not record it: unknown, so they count as
    # placed automatically (a new version one of them left unplaced joins its story as an
    # automatic member, which later regrouping may move).
    conn.execute("ALTER TABLE article_versions ADD COLUMN placed_by_user INTEGER NOT NULL DEFAULT 0")


def m011_complete_items(conn: sqlite3.Connection) -> None:
    """Give the item tables a column for every field of their records that they lacked, filled
    from each article's stored analysis, so SQL over the tables sees what reports see."""
    # The analysis JSON (what every report reads) always held these fields; the tables, kept for
    # SQL across articles, did not: a clause's span, a quantity's predicate, a claim's frame.
    # One ALTER TABLE per column: SQLite adds a column without copying the table.  The fill
    # reads each article's JSON once and writes only rows with a value other than the
    # column's default: an article row holds its text and JSON, so rewriting every one would
    # copy the whole database (4 GB of log for a 4 GB store of 20,000 articles, measured).
    # An outlet's aliases get no column: registry data, the same in every article of the
    # outlet, kept in the analysis.  Fields an older recipe did not extract are absent from its
    # JSON and stay NULL (or the default), as the records read from it have them; `synopsis
    # reanalyze` extracts those articles again.  (Written out here, not taken from store.db: a
    # migration must not change when the code does.)
    import json

    columns = {
        "articles": [("dateline_date", "TEXT"), ("updated", "TEXT"), ("origin_country", "TEXT")],
        "quantities": [("predicate", "TEXT")],
        "times": [("noun_phrase_start", "INTEGER"), ("noun_phrase_end", "INTEGER"), ("clause_start", "INTEGER"), ("clause_end", "INTEGER")],
        "quotes": [("speaker_kind", "TEXT"), ("pronoun_agrees", "INTEGER NOT NULL DEFAULT 0")],
        "claims": [("frame_json", "TEXT"), ("co_speakers_json", "TEXT NOT NULL DEFAULT '[]'")],
    }
    for table, added in columns.items():
        for column, kind in added:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def item_values(table: str, item: dict) -> tuple | None:
        """The new columns' values of one item, None when they are all the defaults."""
        if table == "claims":
            frame = item.get("frame")
            values = (json.dumps(frame, ensure_ascii=False) if frame else None, json.dumps(item.get("co_speakers") or [], ensure_ascii=False))
            return values if values != (None, "[]") else None
        if table == "quotes":
            values = (item.get("speaker_kind"), int(bool(item.get("pronoun_agrees"))))
            return values if values != (None, 0) else None
        values = tuple(item.get(column) for column, _ in columns[table])
        return values if any(value is not None for value in values) else None

    updates: dict[str, list[tuple]] = {table: [] for table in columns}

    def write_updates() -> None:
        for table, rows in updates.items():
            assignments = ", ".join(f"{column} = ?" for column, _ in columns[table])
            where = "id = ?" if table == "articles" else "article_id = ? AND idx = ?"
            conn.executemany(f"UPDATE {table} SET {assignments} WHERE {where}", rows)
            rows.clear()

    for (article_id,) in conn.execute("SELECT id FROM articles").fetchall():
        if sum(map(len, updates.values())) > 10_000:  # memory stays flat however large the store
            write_updates()
        (payload,) = conn.execute("SELECT analysis_json FROM articles WHERE id = ?", (article_id,)).fetchone()
        try:
            data = json.loads(payload)
        except ValueError:
            continue  # unreadable already; the store names it when it is read
        if not isinstance(data, dict):
            continue
        origin = data.get("origin") if isinstance(data.get("origin"), dict) else {}
        article = (data.get("dateline_date"), data.get("updated"), origin.get("country"))
        if any(value is not None for value in article):
            updates["articles"].append((*article, article_id))
        for table in ("quantities", "times", "quotes", "claims"):
            items = data.get(table)
            for idx, item in enumerate(items if isinstance(items, list) else ()):
                if isinstance(item, dict) and (values := item_values(table, item)) is not None:
                    updates[table].append((*values, article_id, idx))
    write_updates()


def m012_reanalysis(conn: sqlite3.Connection) -> None:
    """Record the articles whose stories are to be formed again (their event profiles were made
    again by ``synopsis reanalyze``), with the story each was in, so a stopped regrouping resumes
    and an emptied story's id leads to where its articles went; record the recipe that read each
    article's metadata; and index the recipe columns, so every command can tell cheaply whether a
    store holds results of an older synopsis."""
    conn.execute(
        """
        CREATE TABLE story_regrouping (
            article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            old_story_id TEXT
        )
        """
    )
    # Without these, counting stale rows reads every article row (its text and JSON): gigabytes.
    conn.execute("CREATE INDEX articles_extraction ON articles (extraction)")
    # The recipe that read each article's metadata (``ingest.meta.METADATA_METHOD``): none before.
    conn.execute("ALTER TABLE articles ADD COLUMN metadata TEXT")
    conn.execute("CREATE INDEX articles_metadata ON articles (metadata)")
    conn.execute("CREATE INDEX article_events_method ON article_events (method, lead_model)")


def m013_story_memberships(conn: sqlite3.Connection) -> None:
    """Record every story each article has been in, so the id of a story left without its articles
    leads to the stories now holding most of them, however they got there (QA25: after a merge, the
    merged articles split out and merged elsewhere, the id still led along ``merged_into`` to the
    story it was first merged into, which held none of them)."""
    statements = [
        # No foreign key: the row outlives an article a newer version replaced (article_versions
        # leads from it to the version that did).
        """
        CREATE TABLE story_memberships (
            story_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (story_id, article_id)
        ) WITHOUT ROWID
        """,
        "CREATE INDEX story_memberships_article ON story_memberships (article_id)",
        # Triggers, so that every way an article joins or moves (ingest, regrouping, merge, split,
        # a new version's placement) is recorded, including ways added later.
        """
        CREATE TRIGGER story_articles_joined AFTER INSERT ON story_articles BEGIN
            INSERT OR IGNORE INTO story_memberships (story_id, article_id) VALUES (NEW.story_id, NEW.article_id);
        END
        """,
        """
        CREATE TRIGGER story_articles_moved AFTER UPDATE OF story_id ON story_articles BEGIN
            INSERT OR IGNORE INTO story_memberships (story_id, article_id) VALUES (NEW.story_id, NEW.article_id);
        END
        """,
        # What the store tells of the past: the current memberships, the articles each user's
        # merge took from a story and each split took out of one, the stories of replaced
        # versions, and those of articles taken out to be grouped again.
        "INSERT OR IGNORE INTO story_memberships SELECT story_id, article_id FROM story_articles",
        """
        INSERT OR IGNORE INTO story_memberships SELECT other_story_id, article_id FROM story_corrections
        WHERE kind = 'merge' AND other_story_id IS NOT NULL AND article_id IS NOT NULL
        """,
        """
        INSERT OR IGNORE INTO story_memberships SELECT story_id, article_id FROM story_corrections
        WHERE kind = 'split' AND article_id IS NOT NULL
        """,
        "INSERT OR IGNORE INTO story_memberships SELECT story_id, old_id FROM article_versions WHERE story_id IS NOT NULL",
        "INSERT OR IGNORE INTO story_memberships SELECT old_story_id, article_id FROM story_regrouping WHERE old_story_id IS NOT NULL",
    ]
    for statement in statements:
        conn.execute(statement)


MIGRATIONS: list[Migration] = [
    m001_initial,
    m002_article_search,
    m003_stories,
    m004_story_successors,
    m005_lead_models,
    m006_article_versions,
    m007_published_ambiguous,
    m008_updated_versions,
    m009_extraction_method,
    m010_version_placements,
    m011_complete_items,
    m012_reanalysis,
    m013_story_memberships,
]


def apply_migrations(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
    """Apply pending migrations in order, one transaction each; return the names applied."""
    # The connection must be in autocommit mode (isolation_level=None) so that
    # BEGIN/COMMIT here are the only transaction boundaries.
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    known = {migration.__name__ for migration in migrations}
    done_before = applied_migrations(conn)
    unknown = sorted(done_before - known)
    if unknown:
        raise SynopsisError(
            f"the database was written by a newer synopsis (unknown migration {unknown[-1]}); upgrade synopsis"
        )
    applied = []
    for migration in [m for m in migrations if m.__name__ not in done_before]:
        # BEGIN IMMEDIATE takes the write lock before checking, so two processes
        # opening a new database at once cannot both apply the same migration.
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.__name__,)).fetchone()
            if done is None:
                migration(conn)
                conn.execute(
                    "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                    (migration.__name__, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                )
                applied.append(migration.__name__)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return applied


def applied_migrations(conn: sqlite3.Connection) -> set[str]:
    """Return the names of the migrations recorded in the database."""
    return {row[0] for row in conn.execute("SELECT name FROM _migrations")}


__all__ = [
    "MIGRATIONS",
    "apply_migrations",
    "applied_migrations",
    "m001_initial",
    "m002_article_search",
    "m003_stories",
    "m004_story_successors",
    "m005_lead_models",
    "m006_article_versions",
    "m007_published_ambiguous",
    "m008_updated_versions",
    "m009_extraction_method",
    "m010_version_placements",
    "m011_complete_items",
    "m012_reanalysis",
    "m013_story_memberships",
]
