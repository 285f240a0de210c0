"""A database that cannot be written (a read-only file, folder or mount) is read, not refused;
a missing folder is an error, not made."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from synopsis.records import SynopsisError
from synopsis.store import db as store_db
from synopsis.store.db import Store


def filled(path: Path, analyses) -> Path:
    with Store.open(path) as store:
        store.add_analyses(analyses)
    return path


def pretend_unwritable(monkeypatch, *unwritable: Path) -> None:
    """What access(2) answers on a read-only mount or for a non-root user of a chmod-ed file: tests
    run as root in CI, whom permissions do not stop, so the answer is given here; the connection
    opened on it is really read-only, and SQLite refuses writes through it even to root."""
    refused = {p.resolve() for p in unwritable}
    monkeypatch.setattr(store_db, "is_writable", lambda path: Path(path).resolve() not in refused)


@pytest.mark.parametrize("folder_writable", [True, False])
def test_an_unwritable_database_is_opened_read_only_and_read(monkeypatch, tmp_path, sample_analyses, folder_writable):
    path = filled(tmp_path / "news.db", sample_analyses)
    pretend_unwritable(monkeypatch, path, *([] if folder_writable else [tmp_path]))
    with Store.open(path) as store:
        assert store.read_only
        assert {row.id for row in store.list_articles()} == {a.article.id for a in sample_analyses}
        assert store.get_analysis(sample_analyses[0].article.id[:8]).article.title == sample_analyses[0].article.title
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM articles")


def test_a_writable_database_is_not_read_only(tmp_path, sample_analyses):
    with Store.open(filled(tmp_path / "news.db", sample_analyses)) as store:
        assert not store.read_only


def test_a_database_in_a_missing_folder_is_an_error_not_made(tmp_path):
    with pytest.raises(SynopsisError, match=r"the folder .*nowhere does not exist"):
        Store.open(tmp_path / "nowhere" / "news.db")
    assert not (tmp_path / "nowhere").exists()
