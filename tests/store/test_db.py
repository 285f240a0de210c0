"""Tests for the SQLite store: migrations, idempotent ingest, lookup, search, crash safety."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from synopsis.records import SynopsisError
from synopsis.report.article_json import analysis_to_dict
from synopsis.store import migrations
from synopsis.store.db import ArticleSummary, Store



def test_open_applies_all_migrations_in_order(store):
    rows = store.conn.execute("SELECT name FROM _migrations ORDER BY rowid").fetchall()
    assert [r[0] for r in rows] == [m.__name__ for m in migrations.MIGRATIONS]


def test_open_file_uses_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "s.db") as db:
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopen_applies_nothing_twice(tmp_path):
    path = tmp_path / "s.db"
    Store.open(path).close()
    with Store.open(path) as db:
        count = db.conn.execute("SELECT COUNT(*) FROM _migrations").fetchone()[0]
    assert count == len(migrations.MIGRATIONS)


def test_new_migration_runs_on_old_database(tmp_path, monkeypatch, sample_analyses):
    path = tmp_path / "s.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, migrations.MIGRATIONS[:1])
    conn.close()
    monkeypatch.undo()
    with Store.open(path) as db:
        names = [r[0] for r in db.conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
        assert names == [m.__name__ for m in migrations.MIGRATIONS]
        assert names[:2] == ["m001_initial", "m002_article_search"]
        db.add_analysis(sample_analyses[0])
        assert [s.id for s in db.search_articles("aground")] == [sample_analyses[0].article.id]


def test_failing_migration_rolls_back_and_is_not_recorded():
    conn = sqlite3.connect(":memory:", isolation_level=None)

    def m001_ok(c):
        c.execute("CREATE TABLE a (x)")

    def m002_broken(c):
        c.execute("CREATE TABLE b (x)")
        c.execute("THIS IS NOT SQL")

    with pytest.raises(sqlite3.OperationalError):
        migrations.apply_migrations(conn, [m001_ok, m002_broken])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "a" in tables and "b" not in tables
    assert migrations.applied_migrations(conn) == {"m001_ok"}


def test_database_from_newer_version_is_refused(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as db:
        db.conn.execute("INSERT INTO _migrations VALUES ('m999_future', '2030-01-01')")
    with pytest.raises(SynopsisError, match="newer synopsis"):
        Store.open(path)


def test_not_a_database_is_a_clean_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is a text file, not SQLite " * 50)
    with pytest.raises(SynopsisError, match="cannot"):
        Store.open(path)


def test_add_and_get_round_trips_exactly(store, sample_analyses):
    for analysis in sample_analyses:
        assert store.add_analysis(analysis) is True
    for analysis in sample_analyses:
        assert store.get_analysis(analysis.article.id) == analysis


def test_add_is_idempotent_and_changes_nothing(store, sample_analyses):
    first = sample_analyses[0]
    assert store.add_analysis(first)
    before = store.conn.execute("SELECT added_at, analysis_json FROM articles").fetchall()
    changed = dataclasses.replace(first, claims=())  # same id, different content: still a no-op
    assert store.add_analysis(changed) is False
    assert store.add_analysis(first) is False
    assert store.conn.execute("SELECT added_at, analysis_json FROM articles").fetchall() == before
    assert store.count_articles() == 1
    assert store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == len(first.claims)
    assert store.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == 1


def test_add_analyses_counts_only_new(store, sample_analyses):
    assert store.add_analyses(sample_analyses[:2]) == 2
    assert store.add_analyses(sample_analyses) == 1


def test_has_article_needs_exact_id(store, sample_analyses):
    analysis = sample_analyses[0]
    store.add_analysis(analysis)
    assert store.has_article(analysis.article.id)
    assert not store.has_article(analysis.article.id[:6])
    assert not store.has_article("0" * 16)


def test_child_rows_carry_offsets_into_text(store, sample_analyses):
    analysis = sample_analyses[0]
    store.add_analysis(analysis)
    text = analysis.article.text
    for table in ("sentences", "entities", "quantities", "times", "claims"):
        rows = store.conn.execute(f'SELECT text, start, "end" FROM {table} WHERE article_id = ? ORDER BY idx', (analysis.article.id,)).fetchall()
        assert len(rows) == len(getattr(analysis, table)) > 0, table
        assert all(text[start:end] == item for item, start, end in rows), table
    speaker, content, cs, ce = store.conn.execute(
        "SELECT speaker, content, content_start, content_end FROM quotes"
    ).fetchone()
    assert (speaker, content, text[cs:ce]) == ("Brann", "We were lucky", "We were lucky")
    assert store.conn.execute("SELECT reason FROM removed").fetchone()[0] == "share buttons"


def test_get_by_unique_prefix(store, build_analysis):
    a = build_analysis("First text about the bridge.", article_id="abc123")
    b = build_analysis("Second text about the bridge.", article_id="abd456")
    store.add_analyses([a, b])
    assert store.get_analysis("abc").article.id == "abc123"
    assert store.get_analysis("abd456") == b


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("zzz", "no article matches 'zzz'"),
        ("ab", "'ab' is ambiguous: 3 articles, it could be abc1, abc2, abd3"),
        ("", "no article id given"),
    ],
)
def test_get_errors_are_clean(store, query, message, build_analysis):
    for i, aid in enumerate(["abc1", "abc2", "abd3", "xyz4"]):
        store.add_analysis(build_analysis(f"Article number {i} text.", article_id=aid))
    with pytest.raises(SynopsisError) as info:
        store.get_analysis(query)
    assert str(info.value) == message


def test_an_ambiguous_prefix_names_a_few_of_its_many_articles(store, build_analysis):
    for i, aid in enumerate(["cd1", "cd2", "cd3", "cd4", "cd5"]):
        store.add_analysis(build_analysis(f"Article number {i} text.", article_id=aid))
    with pytest.raises(SynopsisError, match=r"^'cd' is ambiguous: 5 articles, it could be cd1, cd2, cd3, or 2 more$"):
        store.get_analysis("cd")


def test_list_articles_is_chronological_with_counts(store, sample_analyses):
    store.add_analyses(sample_analyses)
    listing = store.list_articles()
    assert [s.id for s in listing] == [
        sample_analyses[1].article.id,  # 2 March
        sample_analyses[0].article.id,  # 3 March
        sample_analyses[2].article.id,  # undated last
    ]
    first = sample_analyses[0]
    assert listing[1] == ArticleSummary(
        id=first.article.id,
        source=first.article.source,
        outlet="Test Wire",
        published=first.article.published,
        title=first.article.title,
        entities=len(first.entities),
        quantities=len(first.quantities),
        times=len(first.times),
        quotes=len(first.quotes),
        claims=len(first.claims),
    )
    assert listing[1].quotes == 1 and listing[1].quantities == 1
    assert listing[2].outlet is None


def test_iter_analyses_all_and_selected(store, sample_analyses):
    store.add_analyses(sample_analyses)
    assert [a.article.id for a in store.iter_analyses()] == [s.id for s in store.list_articles()]
    wanted = [sample_analyses[2].article.id, sample_analyses[0].article.id[:8]]
    got = list(store.iter_analyses(wanted))
    assert got == [sample_analyses[2], sample_analyses[0]]
    with pytest.raises(SynopsisError, match="no article matches"):
        list(store.iter_analyses(["nope"]))


@pytest.mark.parametrize(
    ("query", "expected_outlets"),
    [
        ("aground", ["Test Wire"]),
        ("ferry", ["Test Wire", "Coast Radio"]),
        ("rescue", ["Coast Radio"]),  # title only
        ("ferry AND hour", ["Coast Radio"]),
        ("lighthouse", [None]),
        ("Kelso-Point", ["Test Wire"]),  # FTS5 syntax error: falls back to literal terms
        ('"unbalanced', []),
        ("submarine", []),
        ("   ", []),
    ],
)
def test_search_articles(store, sample_analyses, query, expected_outlets):
    store.add_analyses(sample_analyses)
    assert sorted(map(str, (s.outlet for s in store.search_articles(query)))) == sorted(map(str, expected_outlets))


def test_search_ranks_title_hits_first(store, build_analysis):
    store.add_analysis(build_analysis("The tunnel was closed. A bridge is nearby.", title="Tunnel closed", article_id="t1"))
    store.add_analysis(build_analysis("Traffic moved slowly all day.", title="Bridge reopens", article_id="b1"))
    assert [s.id for s in store.search_articles("bridge")] == ["b1", "t1"]


@pytest.mark.parametrize(
    "name_part, expected_outlets",
    [
        ("coast radio", ["Coast Radio"]),  # any case
        ("  Test   wire ", ["Test Wire"]),  # any spacing
        ("radio", ["Coast Radio"]),  # part of the name
        ("Kelso", []),  # in an article's text, not in an outlet's name
        ("   ", []),
    ],
)
def test_articles_by_outlet(store, sample_analyses, name_part, expected_outlets):
    store.add_analyses(sample_analyses)
    by_outlet = {a.article.id: a.article.outlet.name for a in sample_analyses if a.article.outlet}
    assert sorted(by_outlet[i] for i in store.articles_by_outlet(name_part)) == expected_outlets


def test_remove_cascades_and_unindexes(store, sample_analyses):
    store.add_analyses(sample_analyses)
    target = sample_analyses[0].article.id
    assert store.remove_article(target) is True
    assert store.remove_article(target) is False
    for table in ("sentences", "entities", "quantities", "times", "quotes", "claims", "removed"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (target,)).fetchone()[0] == 0
    assert store.search_articles("aground") == []
    assert store.add_analysis(sample_analyses[0]) is True  # can be stored again


def test_failed_insert_leaves_nothing_behind(store, monkeypatch, sample_analyses):
    import synopsis.store.db as db_module

    def broken(conn, analysis):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(db_module, "insert_children", broken)
    with pytest.raises(RuntimeError):
        store.add_analysis(sample_analyses[0])
    assert store.count_articles() == 0
    assert store.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == 0
    assert not store.conn.in_transaction


CHILD = textwrap.dedent(
    """
    import sys, time
    sys.path.insert(0, {tests_dir!r})
    import synopsis.store.db as db_module
    from store.conftest import build_analysis

    path, hang_at = sys.argv[1], int(sys.argv[2])
    analyses = [build_analysis(f"Report number {{i}} on the harbour. 12 people were hurt.", article_id=f"art{{i:02d}}")
                for i in range(8)]
    original = db_module.insert_children

    def insert_then_hang(conn, analysis):
        original(conn, analysis)
        if analysis.article.id == f"art{{hang_at:02d}}":
            # Rows are written but not committed: the parent kills us here.
            print("HANGING", flush=True)
            time.sleep(600)

    db_module.insert_children = insert_then_hang
    with db_module.Store.open(path) as store:
        for analysis in analyses:
            added = store.add_analysis(analysis)
            print("ADDED" if added else "SKIPPED", analysis.article.id, flush=True)
    """
)


def run_child(script: Path, db: Path, hang_at: int, kill: bool) -> list[str]:
    """Run the ingest child; if kill, SIGKILL it once it hangs inside a transaction."""
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db), str(hang_at)], stdout=subprocess.PIPE, text=True
    )
    lines = []
    for line in proc.stdout:
        lines.append(line.strip())
        if kill and line.startswith("HANGING"):
            proc.kill()
            break
    proc.wait()
    proc.stdout.close()
    return lines


def test_killed_ingest_keeps_committed_and_resumes(tmp_path, build_analysis):
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(tests_dir=str(Path(__file__).resolve().parents[1])))
    db = tmp_path / "store.db"

    lines = run_child(script, db, hang_at=3, kill=True)
    assert lines == ["ADDED art00", "ADDED art01", "ADDED art02", "HANGING"]

    with Store.open(db) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [s.id for s in store.list_articles()] == ["art00", "art01", "art02"]
        for s in store.list_articles():
            analysis = store.get_analysis(s.id)
            assert analysis == build_analysis(analysis.article.text, article_id=s.id)
        # The uncommitted fourth article left no child or search rows.
        assert store.conn.execute("SELECT COUNT(*) FROM claims WHERE article_id = 'art03'").fetchone()[0] == 0
        assert store.conn.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == 3

    lines = run_child(script, db, hang_at=99, kill=False)
    assert lines == ["SKIPPED art00", "SKIPPED art01", "SKIPPED art02"] + [f"ADDED art{i:02d}" for i in range(3, 8)]
    with Store.open(db) as store:
        assert store.count_articles() == 8


def test_stored_payload_is_valid_article_json(store, sample_analyses):
    from synopsis.report.article_json import SCHEMA_ID, validate_article_json

    store.add_analyses(sample_analyses)
    payloads = [json.loads(row[0]) for row in store.conn.execute("SELECT analysis_json FROM articles")]
    validate_article_json({"schema": SCHEMA_ID, "generator": "test", "articles": payloads})
    assert {p["id"] for p in payloads} == {a.article.id for a in sample_analyses}


def test_m006_keys_stored_articles_by_url_and_adds_the_version_history(tmp_path, build_analysis):
    """A database written before m006: its articles get item keys from their URLs (a home page
    or no URL gives none), and a new version of one of them replaces it."""
    path = tmp_path / "s.db"
    before = migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations.m006_article_versions)]
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, before)
    text = "A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt in the crash."
    rows = {
        "https://Gazette.example/ferry#top": "url:https://gazette.example/ferry",
        "https://gazette.example/": None,
        None: None,
    }
    for number, url in enumerate(rows):
        analysis = build_analysis(f"{text} Report {number}.", source=f"a.json#{number}")
        conn.execute(
            "INSERT INTO articles (id, source, url, text, schema, analysis_json, content_hash, added_at) "
            "VALUES (?, ?, ?, ?, 'synopsis.article/1', '{}', '', '2026-01-01')",
            (analysis.article.id, analysis.article.source, url, analysis.article.text),
        )
    conn.close()
    with Store.open(path) as db:
        assert "m006_article_versions" in migrations.applied_migrations(db.conn)
        keys = dict(db.conn.execute("SELECT url, item_key FROM articles").fetchall())
        assert keys == rows
        newer = build_analysis(f"{text} Report 0. Two of them are still in hospital.", source="b.json#1")
        outcome = db.add_version(newer, "url:https://gazette.example/ferry")
        assert outcome.stored and [r.source for r in outcome.replaced] == ["a.json#0"]
        assert db.count_articles() == 3
        assert db.replaced_by(outcome.replaced[0].id) == newer.article.id


def test_a_new_version_replaces_the_stored_one_with_its_items_and_an_unrelated_text_does_not(store, build_analysis):
    key = "file:/news/ferry.txt"
    first = build_analysis('A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt. "We were lucky," said Brann.')
    second = build_analysis('A ferry ran aground near Kelso Point on Tuesday. Officials said 15 people were hurt. "We were lucky," said Brann.')
    other = build_analysis("The council approved the harbour budget on Monday after a long debate about taxes and roads.")
    assert store.add_version(first, key).stored
    outcome = store.add_version(second, key)
    assert outcome.stored and [r.id for r in outcome.replaced] == [first.article.id]
    assert not store.has_article(first.article.id) and store.has_article(second.article.id)
    # The old version's extracted items went with it; its text is kept in the history.
    for table in ("sentences", "entities", "quantities", "claims", "quotes"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (first.article.id,)).fetchone() == (0,)
    assert [s.id for s in store.search_articles("12")] == []
    assert store.past_versions(second.article.id)[0][0] == first.article.id
    # The older text again: nothing stored, nothing replaced back (re-running is idempotent).
    assert not store.add_version(first, key).stored
    assert store.count_articles() == 1
    with pytest.raises(SynopsisError, match=f"replaced by a newer version .*{second.article.id[:12]}"):
        store.resolve_id(first.article.id[:10])
    # Another article under the same name is kept beside it, and said to be.
    outcome = store.add_version(other, key)
    assert outcome.stored and outcome.replaced == () and outcome.apart == (second.article.id,)
    assert store.count_articles() == 2


def test_an_ambiguous_publication_date_is_listed_and_kept_and_older_stores_read_on(tmp_path, build_analysis):
    """m007: the listing says how an ambiguous numeric date was read; a store from before it
    opens with NULL for its articles, whose raw dates were not kept."""
    path = tmp_path / "s.db"
    before = migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations.m007_published_ambiguous)]
    old = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt.")
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, before)
    conn.execute(
        "INSERT INTO articles (id, source, text, published, schema, analysis_json, content_hash, added_at) "
        "VALUES (?, ?, ?, '2026-03-03', 'synopsis.article/1', ?, '', '2026-01-01')",
        (old.article.id, old.article.source, old.article.text, json.dumps(analysis_to_dict(old))),
    )
    conn.close()
    new = build_analysis("Rescuers reached the stranded ferry within the hour. Harbour master Ilse Varga counted 15 injured.")
    new = dataclasses.replace(new, article=dataclasses.replace(new.article, published_ambiguous="text"))
    with Store.open(path) as db:
        assert db.add_analysis(new)
        listed = {s.id: s.published_ambiguous for s in db.list_articles()}
        assert listed == {old.article.id: None, new.article.id: "text"}
        assert db.get_analysis(new.article.id).article.published_ambiguous == "text"
        assert db.get_analysis(old.article.id).article.published_ambiguous is None


def test_a_new_version_is_dated_by_its_update_and_keeps_its_publication(store, build_analysis):
    key = "url:https://gazette.example/ferry"
    first = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt.")
    second = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 15 people were hurt.")
    assert store.add_version(first, key).updated is None
    assert store.get_analysis(first.article.id).article.updated is None
    outcome = store.add_version(second, key)
    [(_, _, replaced_at)] = store.past_versions(second.article.id)
    assert outcome.updated == replaced_at
    stored = store.get_analysis(second.article.id).article
    assert (stored.published, stored.updated) == (second.article.published, replaced_at)


def test_m008_dates_new_versions_stored_before_it(tmp_path, build_analysis):
    path = tmp_path / "s.db"
    before = migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations.m008_updated_versions)]
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, before)
    conn.close()
    key = "url:https://gazette.example/ferry"
    first = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt.")
    second = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 15 people were hurt.")
    with Store.open(path) as db:
        db.add_version(first, key)
        db.add_version(second, key)
        # As the version before m008 stored it: no update time in the payload.
        db.conn.execute("UPDATE articles SET analysis_json = ?", (json.dumps(analysis_to_dict(second)),))
        db.conn.execute("UPDATE article_versions SET replaced_at = '2026-01-02T03:04:05+00:00'")
        db.conn.execute("DELETE FROM _migrations WHERE name = 'm008_updated_versions'")
    with Store.open(path) as db:
        assert db.get_analysis(second.article.id).article.updated == "2026-01-02T03:04:05+00:00"


def _file_in_story(store, article_id: str, story: str, by_user: bool) -> None:
    """Give a stored article a story as ingest (or, by_user, a user's correction) would."""
    store.record_story_assignment(
        article_id, story, title="Ferry", method="test", day_ordinal=0, vector=b"", profile_json="{}", lead_model="test", by_user=by_user
    )


@pytest.mark.parametrize("by_user", [True, False])
def test_a_replaced_version_keeps_whether_a_user_had_placed_it(store, build_analysis, by_user):
    key = "url:https://gazette.example/ferry"
    first = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt.")
    second = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 15 people were hurt.")
    store.add_version(first, key)
    _file_in_story(store, first.article.id, "sferry", by_user)
    outcome = store.add_version(second, key)
    assert [(r.story_id, r.placed_by_user) for r in outcome.replaced] == [("sferry", by_user)]
    # Kept in the history too: a run killed before placing the new version still knows it.
    row = store.conn.execute("SELECT story_id, placed_by_user FROM article_versions WHERE old_id = ?", (first.article.id,))
    assert row.fetchone() == ("sferry", int(by_user))


def test_m010_counts_versions_replaced_before_it_as_placed_automatically(tmp_path, build_analysis):
    path = tmp_path / "s.db"
    before = migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations.m010_version_placements)]
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, before)
    conn.execute(
        "INSERT INTO article_versions (old_id, new_id, source, text, story_id, added_at, replaced_at) "
        "VALUES ('old', 'new', 'a.txt', 'Old text.', 'sferry', '2026-01-01', '2026-01-02')"
    )
    conn.close()
    with Store.open(path) as db:
        assert "m010_version_placements" in migrations.applied_migrations(db.conn)
        row = db.conn.execute("SELECT story_id, placed_by_user FROM article_versions WHERE old_id = 'old'").fetchone()
        assert row == ("sferry", 0)


def test_a_new_version_left_without_a_story_is_listed_with_where_its_old_versions_stories_are_now(store, build_analysis):
    """What a run needs to place the new versions a killed ingest stored but did not place: the
    story each replaced version was in, followed to where its articles went since, and whether a
    user put them there (the old version, or a user's merge on the way)."""
    from synopsis.jobs import version_home

    key = "url:https://gazette.example/ferry"
    first = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt.")
    second = build_analysis("A ferry ran aground near Kelso Point on Tuesday. Officials said 15 people were hurt.")
    rescue = build_analysis("Rescuers reached the stranded ferry within the hour. Harbour master Ilse Varga counted 15 injured.")
    harbour = build_analysis("The harbour reopened on Friday after divers cleared the channel of debris.")
    store.add_version(first, key)
    store.add_analyses([rescue, harbour])
    for analysis, story in ((first, "sferry"), (rescue, "sferry"), (harbour, "sharbour")):
        _file_in_story(store, analysis.article.id, story, by_user=False)
    assert store.unplaced_versions() == []
    store.add_version(second, key)  # and killed before placing it
    new_id = second.article.id

    def homes():
        return [(article_id, [(r.id, r.story_id, r.placed_by_user) for r in replaced]) for article_id, replaced in store.unplaced_versions()]

    assert homes() == [(new_id, [(first.article.id, "sferry", False)])]
    # Regrouping moved the story's other article away: the story leads there now.
    store.move_story_articles({rescue.article.id: "srescue"})
    assert homes() == [(new_id, [(first.article.id, "srescue", False)])]
    # A user merged that story into another: its articles are the user's placements there.
    store.merge_stories("sharbour", "srescue")
    assert homes() == [(new_id, [(first.article.id, "sharbour", True)])]
    assert store.story_now("sferry") == ("sharbour", True) and store.story_now("sharbour") == ("sharbour", False)
    # A story no longer stored, or leading to no story with articles (its former articles are
    # known nowhere, and its merges lead to no story), is no home: the new version is then grouped
    # like a new article.
    store.conn.execute("UPDATE stories SET merged_into = 'sgone' WHERE id = 'sferry'")
    store.conn.execute("DELETE FROM story_memberships WHERE story_id = 'sferry'")
    assert store.story_now("sferry") is None and store.story_now("sgone") is None
    assert version_home(store.unplaced_versions()[0][1]) is None
    # Once placed, it is no longer listed.
    _file_in_story(store, new_id, "sharbour", by_user=True)
    assert store.unplaced_versions() == []


def test_a_new_version_is_homed_by_an_earlier_version_when_the_latest_it_replaced_had_no_story(store, build_analysis):
    """Versions replaced one after another: when the latest replaced version had no story yet (a
    run killed before placing it), the story of the one before it is where the newest goes."""
    key = "url:https://gazette.example/ferry"
    texts = [f"A ferry ran aground near Kelso Point on Tuesday. Officials said {n} people were hurt." for n in (12, 15, 17)]
    first, second, third = (build_analysis(text) for text in texts)
    store.add_version(first, key)
    _file_in_story(store, first.article.id, "sferry", by_user=True)
    store.add_version(second, key)  # killed before placing it
    store.add_version(third, key)  # a run without stories
    [(article_id, replaced)] = store.unplaced_versions()
    assert article_id == third.article.id
    assert [(r.id, r.story_id, r.placed_by_user) for r in replaced] == [(first.article.id, "sferry", True)]


def test_a_deferred_store_makes_its_database_at_its_first_use(tmp_path):
    """An ingest that stores nothing leaves no empty database behind (QA21)."""
    from synopsis.store.db import DeferredStore

    path = tmp_path / "news.db"
    with DeferredStore(path) as store:
        assert not store.opened
    assert not path.exists()
    with DeferredStore(path) as store:
        assert store.count_articles() == 0 and store.opened
    assert path.exists()
