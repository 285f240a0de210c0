"""Results an older synopsis stored: ``reanalyze`` makes stale event profiles again, forms the
stories again as a fresh ingest would, keeps a user's corrections, and does nothing when all is current."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import synopsis.link.stored_stories as stored_stories
from synopsis.extract import EXTRACTION_METHOD
from synopsis.extract.embed import LEAD_MODEL_ID
from synopsis.jobs import ingest_inputs, reanalyze
from synopsis.link.event_profile import EVENT_METHOD
from synopsis.story_jobs import merge_stories
from synopsis.store.db import Store

# Four fictional events, each told by five outlets: enough stories for regrouping to have a choice.
TEMPLATE = (
    "{outlet} reports that {what} in {place} on {date}. "
    "{person} told reporters that {count} people were affected and that crews worked through the night. "
    "Residents of {place} described the scene to {outlet}. "
    "Officials in {place} said an inquiry would begin next week."
)
EVENTS = [
    ("a warehouse fire broke out", "Orlund", "12 April 2024", "Fire chief Pera Voss", 40),
    ("a ferry ran aground", "Kessa Bay", "2 May 2024", "Harbour master Ivo Lant", 120),
    ("floodwaters rose", "Maren Valley", "19 May 2024", "Mayor Dita Rusk", 900),
    ("a train derailed", "Holt Junction", "3 June 2024", "Rail inspector Sem Arvo", 65),
]
OUTLETS = ["Courier A", "Courier B", "Courier C", "Courier D", "Courier E"]


def _write_archive(folder: Path) -> None:
    folder.mkdir()
    for e, (what, place, date, person, number) in enumerate(EVENTS):
        for o, outlet in enumerate(OUTLETS):
            text = TEMPLATE.format(outlet=outlet, what=what, place=place, date=date, person=person, count=number + o)
            doc = {"title": f"{outlet}: in {place}, {what}", "text": text, "outlet": outlet}
            (folder / f"e{e}_{o}.json").write_text(json.dumps(doc), encoding="utf-8")


@pytest.fixture(scope="module")
def fresh_db(tmp_path_factory, reference_corpus) -> Path:
    """The archive and the reference corpus ingested by this synopsis: what a fresh ingest stores."""
    base = tmp_path_factory.mktemp("stale")
    _write_archive(base / "archive")
    path = base / "fresh.db"
    with Store.open(path) as store:
        result = ingest_inputs([str(reference_corpus), str(base / "archive")], store, workers=1)
        assert not result.errors and result.added == 25
    return path


@pytest.fixture
def db(fresh_db, tmp_path) -> Path:
    """A private copy of the fresh store (and its index file), for a test to age and repair."""
    for file in fresh_db.parent.iterdir():
        if file.name.startswith(fresh_db.name) and not file.name.endswith(("-wal", "-shm")):
            shutil.copy(file, tmp_path / file.name)
    return tmp_path / fresh_db.name


def _stories(store) -> dict[str, frozenset[str]]:
    return {s.id: frozenset(a.id for a in store.story_articles(s.id)) for s in store.list_stories()}


def _titles(store) -> dict[str, str]:
    return {s.id: s.title for s in store.list_stories()}


def _profiles(store) -> dict[str, tuple]:
    return {
        row[0]: tuple(row[1:])
        for row in store.conn.execute("SELECT article_id, method, day_ordinal, vector, profile_json FROM article_events")
    }


def _age_profiles(store, method: str = "synopsis.event/10", keep_content: bool = False) -> None:
    """Leave every event profile as an older recipe made it: another method, and (unless
    ``keep_content``) other names than this recipe reads."""
    for article_id, profile in store.conn.execute("SELECT article_id, profile_json FROM article_events").fetchall():
        data = json.loads(profile)
        if not keep_content:
            data["names"] = ["an older recipe's name"]
        store.conn.execute(
            "UPDATE article_events SET method = ?, profile_json = ? WHERE article_id = ?",
            (method, json.dumps(data), article_id),
        )


def _scatter_stories(store) -> dict[str, str]:
    """Each article in a story of its own, as stories formed from the older profiles might be;
    returns the story each article was put in."""
    placed = {}
    for (article_id,) in store.conn.execute("SELECT article_id FROM story_articles").fetchall():
        story = "sold" + article_id[:8]
        store.conn.execute("INSERT INTO stories (id, title, created, updated) VALUES (?, 'old', '', '')", (story,))
        store.conn.execute("UPDATE story_articles SET story_id = ? WHERE article_id = ?", (story, article_id))
        placed[article_id] = story
    return placed


def test_reanalyze_makes_older_profiles_again_and_the_stories_equal_a_fresh_ingests(fresh_db, db):
    with Store.open(fresh_db) as fresh:
        fresh_stories, fresh_titles, fresh_profiles = _stories(fresh), _titles(fresh), _profiles(fresh)
    assert len(fresh_stories) >= 5  # four events and the reference corpus's
    with Store.open(db) as store:
        _age_profiles(store)
        scattered = _scatter_stories(store)
        assert _stories(store) != fresh_stories
        assert store.stale_results(EXTRACTION_METHOD, EVENT_METHOD, LEAD_MODEL_ID) == (0, 25, False)
        result = reanalyze(store, workers=1)
        assert (result.reanalyzed, result.profiles, result.profiles_changed, result.regrouped) == (0, 25, 25, 25)
        assert _profiles(store) == fresh_profiles
        assert _stories(store) == fresh_stories
        assert _titles(store) == fresh_titles
        # The stories the older profiles formed lead to where their articles are now.
        for article_id, old_story in scattered.items():
            assert store.successor_story(old_story) == store.story_of(article_id)
        assert store.stale_results(EXTRACTION_METHOD, EVENT_METHOD, LEAD_MODEL_ID) == (0, 0, False)


def test_nothing_is_made_again_when_every_result_is_current(db, monkeypatch):
    made = {"profiles": 0, "leads": 0, "filed": 0}

    def counting(name, function):
        def count(*args, **kwargs):
            made[name] += len(args[0]) if name != "filed" else 1
            return function(*args, **kwargs)

        return count

    monkeypatch.setattr(stored_stories, "describe_events", counting("profiles", stored_stories.describe_events))
    monkeypatch.setattr(stored_stories, "embed_leads", counting("leads", stored_stories.embed_leads))
    monkeypatch.setattr(stored_stories, "assign_profile", counting("filed", stored_stories.assign_profile))
    with Store.open(db) as store:
        before, profiles = _stories(store), _profiles(store)
        result = reanalyze(store, workers=1)
        assert (result.reanalyzed, result.current, result.profiles, result.regrouped) == (0, 25, 0, 0)
        assert made == {"profiles": 0, "leads": 0, "filed": 0}
        assert _stories(store) == before and _profiles(store) == profiles
        # A recipe renamed whose profiles come out the same: made again (from the stored lead
        # vectors, nothing embedded), and the stories, which they did not form otherwise, stay.
        _age_profiles(store, keep_content=True)
        scattered = _scatter_stories(store)
        result = reanalyze(store, workers=1)
        assert (result.profiles, result.profiles_changed, result.regrouped) == (25, 0, 0)
        assert made == {"profiles": 25, "leads": 0, "filed": 0}
        assert {a: store.story_of(a) for a in scattered} == scattered


def test_a_users_merge_survives_the_stories_being_formed_again(fresh_db, db):
    with Store.open(fresh_db) as fresh:
        fresh_stories = _stories(fresh)
    with Store.open(db) as store:
        keep, other = sorted(fresh_stories, key=lambda s: (-len(fresh_stories[s]), s))[:2]
        merge_stories(store, keep, other)
        _age_profiles(store)
        result = reanalyze(store, workers=1)
        assert result.regrouped == 25 - len(fresh_stories[keep] | fresh_stories[other])
        stories = _stories(store)
        assert stories[keep] == fresh_stories[keep] | fresh_stories[other]
        assert other not in stories and store.successor_story(other) == keep
        assert {s: m for s, m in stories.items() if s != keep} == {
            s: m for s, m in fresh_stories.items() if s not in (keep, other)
        }


def test_a_stopped_regrouping_is_finished_by_the_next_run(fresh_db, db, monkeypatch):
    with Store.open(fresh_db) as fresh:
        fresh_stories = _stories(fresh)
    calls = 0
    file_article = stored_stories.assign_profile

    def stop_midway(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls > 10:
            raise KeyboardInterrupt
        return file_article(*args, **kwargs)

    monkeypatch.setattr(stored_stories, "REGROUP_BATCH", 4)  # batches of 4 committed: stopped in the third
    with Store.open(db) as store:
        _age_profiles(store)
        _scatter_stories(store)
        monkeypatch.setattr(stored_stories, "assign_profile", stop_midway)
        with pytest.raises(KeyboardInterrupt):
            reanalyze(store, workers=1)
        assert len(store.regrouping_left()) == 17
        assert store.stale_results(EXTRACTION_METHOD, EVENT_METHOD, LEAD_MODEL_ID) == (0, 0, True)
    monkeypatch.setattr(stored_stories, "assign_profile", file_article)
    with Store.open(db) as store:
        result = reanalyze(store, workers=1)
        assert (result.profiles, result.regrouped) == (0, 17)
        assert _stories(store) == fresh_stories
        assert not store.regrouping_needed()


def test_reanalyze_reads_again_the_metadata_an_older_recipe_read(tmp_path):
    from synopsis.ingest.meta import METADATA_METHOD

    folder = tmp_path / "news"
    folder.mkdir()
    dated = folder / "dated.txt"
    dated.write_text(
        "Title: Orlund warehouse fire\nPublished: 2024-04-13\nSource: Courier A\n\n"
        "A warehouse fire broke out in Orlund yesterday. Fire chief Pera Voss said 40 people were "
        "evacuated and that crews worked through the night.\n",
        encoding="utf-8",
    )
    gone = folder / "gone.txt"
    gone.write_text(
        "Title: Kessa Bay ferry aground\n\nA ferry ran aground in Kessa Bay on 2 May 2024. Harbour "
        "master Ivo Lant said 120 passengers were taken ashore.\n",
        encoding="utf-8",
    )
    with Store.open(tmp_path / "news.db") as store:
        assert ingest_inputs([str(folder)], store, workers=1).added == 2
        ids = {Path(a.source).name: a.id for a in store.list_articles()}
        current = store.get_analysis(ids["dated.txt"])
        assert current.article.published.startswith("2024-04-13") and current.article.outlet.name == "Courier A"
        assert {t.value for t in current.times} >= {"2024-04-12"}  # "yesterday", from the date read
        # As an older recipe left them: no metadata recipe, and a date and an outlet it did not read.
        for article_id in ids.values():
            payload = json.loads(store.conn.execute("SELECT analysis_json FROM articles WHERE id = ?", (article_id,)).fetchone()[0])
            payload.update(published=None, published_precision=None, outlet=None)
            store.conn.execute(
                "UPDATE articles SET analysis_json = ?, published = NULL, outlet = NULL, metadata = NULL WHERE id = ?",
                (json.dumps(payload), article_id),
            )
        gone.unlink()  # its input is no longer there to read again
        assert store.stale_results(EXTRACTION_METHOD, EVENT_METHOD, LEAD_MODEL_ID)[0] == 2
        result = reanalyze(store, workers=1)
        assert (result.reread, result.metadata_changed, result.unreadable, result.reanalyzed) == (1, 1, 1, 1)
        again = store.get_analysis(ids["dated.txt"])
        assert again.article.published == current.article.published and again.article.outlet == current.article.outlet
        assert again.times == current.times  # analysed again against the date read again
        assert store.conn.execute("SELECT published, outlet FROM articles WHERE id = ?", (ids["dated.txt"],)).fetchone() == (
            current.article.published, "Courier A")
        assert store.get_analysis(ids["gone.txt"]).article.published is None  # kept what it had
        assert store.stale_results(EXTRACTION_METHOD, EVENT_METHOD, LEAD_MODEL_ID) == (0, 0, False)
        # Both current now (one read again, one that cannot be): nothing is read twice.
        result = reanalyze(store, workers=1)
        assert (result.reread, result.unreadable, result.reanalyzed) == (0, 0, 0)
        marks = dict(store.conn.execute("SELECT id, metadata FROM articles").fetchall())
        assert marks[ids["dated.txt"]] == METADATA_METHOD and marks[ids["gone.txt"]] != METADATA_METHOD
