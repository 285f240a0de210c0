"""Write transactions, timestamps and SQL fragments shared by the store's tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

# Highest Unicode code point: "prefix" <= id < "prefix" + this bounds every id that
# starts with prefix, so prefix lookup uses the primary-key index instead of LIKE,
# which would need escaping and ignores the index for case-sensitive text.
MAX_CHAR = "\U0010ffff"


def starts_with(column: str, prefix: str) -> tuple[str, tuple[str, str]]:
    """The SQL condition that the column's text starts with prefix, and its parameters
    (``MAX_CHAR``): ``f"... WHERE {condition}", bounds``."""
    return f"{column} >= ? AND {column} < ?", (prefix, prefix + MAX_CHAR)


# Articles oldest first, undated last; ties by id so listings are stable.
ARTICLE_ORDER = "ORDER BY a.published IS NULL, a.published, a.id"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
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
