"""A new version of a stored article that a killed ingest stored but did not place yet: the next
run puts it where its old version was, as the run would have had it reached the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.jobs import assign_pending, ingest_inputs
from synopsis.link.stored_stories import StoredStories
from synopsis.store.db import Store
from synopsis.story_jobs import merge_stories, split_article

WIRE = """RIVERTON, May 4 /EXAMPLE WIRE/ - Floodwater forced about 1,200 people from their homes in Riverton on Monday, the city's emergency office said.

Mayor Hana Okafor told reporters that the river peaked at 6:30 p.m. local time. "We have never seen it rise this fast," she said.
"""
PAPER = """The river in Riverton burst its banks on Monday and more than 1,000 residents left their homes, officials said.

According to Mayor Hana Okafor, the water peaked in the early evening. Schools will stay closed for three days.
"""
MINE = """Rescuers in the mountain town of Velka freed 14 miners trapped underground on Thursday after a tunnel collapse, the mining company said.

Company spokesman Tomas Berg said the miners were taken to hospital. "All of them walked out on their own," he said.
"""

FERRY = """A ferry ran aground near Kelso Point on Tuesday and 12 passengers were hurt, the coast guard said.

Captain Ilse Varga said the vessel lost power in high winds. "We drifted onto the rocks," she said.
"""


def ingest(store, *paths: Path):
    return ingest_inputs([str(p) for p in paths], store, workers=1)


def update_killed_before_placing(store, wire: Path, monkeypatch) -> str:
    """Revise wire.txt and ingest it, killed after the new version is stored, before it takes its
    old version's place; returns the new version's id."""

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt

    wire.write_text(WIRE.replace("about 1,200 people", "about 1,500 people"), encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(StoredStories, "place_versions", killed)
        with pytest.raises(KeyboardInterrupt):
            ingest(store, wire)
    (new_id,) = [a.id for a in store.list_articles() if a.source == str(wire)]
    assert store.story_of(new_id) is None  # stored, not placed: what the kill left
    return new_id


def resume_by_listing(store, folder: Path) -> None:
    assign_pending(store)  # what `synopsis stories` and the web app run first


def resume_by_ingesting(store, folder: Path) -> None:
    ferry = folder / "ferry.txt"
    ferry.write_text(FERRY, encoding="utf-8")
    assert ingest(store, ferry).added == 1  # the next ingest, of something else


RESUMES = pytest.mark.parametrize("resume", [resume_by_listing, resume_by_ingesting], ids=["listing", "next ingest"])


@pytest.fixture
def news(tmp_path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "paper.md").write_text(PAPER, encoding="utf-8")
    return folder


def members(store, story: str) -> dict[str, str]:
    return {a.id: a.assigned_by for a in store.story_articles(story)}


@RESUMES
def test_a_new_version_left_unplaced_goes_back_to_its_old_versions_story(tmp_path, news, monkeypatch, resume):
    wire = news / "wire.txt"
    with Store.open(tmp_path / "news.db") as store:
        ingest(store, wire)
        (old_id,) = [a.id for a in store.list_articles()]
        story = store.story_of(old_id)
        new_id = update_killed_before_placing(store, wire, monkeypatch)
        resume(store, news)
        # In its old story, not in one opened for it: the story's id keeps naming the article.
        assert store.story_of(new_id) == story
        assert members(store, story) == {new_id: "auto"}
        assert store.resolve_story_id(story) == story


@RESUMES
def test_a_new_version_left_unplaced_stays_where_a_user_put_the_old_one(tmp_path, news, monkeypatch, resume):
    wire = news / "wire.txt"
    with Store.open(tmp_path / "news.db") as store:
        ingest(store, news)
        (story,) = {store.story_of(a.id) for a in store.list_articles()}
        old_id = next(a.id for a in store.list_articles() if a.source == str(wire))
        split = split_article(store, story, old_id)
        new_id = update_killed_before_placing(store, wire, monkeypatch)
        resume(store, news)
        # Where the user split it out, still as the user's placement (regrouping leaves it there);
        # grouped afresh it would rejoin the report of the same flood.
        assert members(store, split) == {new_id: "user"}
        assert new_id not in members(store, story)


@RESUMES
def test_a_new_version_left_unplaced_follows_its_old_story_into_the_story_a_user_merged_it_into(
    tmp_path, news, monkeypatch, resume
):
    wire, paper, mine = news / "wire.txt", news / "paper.md", news / "mine.txt"
    mine.write_text(MINE, encoding="utf-8")
    with Store.open(tmp_path / "news.db") as store:
        ingest(store, wire, paper, mine)
        ids = {a.source: a.id for a in store.list_articles()}
        flood, mining = store.story_of(ids[str(paper)]), store.story_of(ids[str(mine)])
        assert flood == store.story_of(ids[str(wire)]) and flood != mining
        new_id = update_killed_before_placing(store, wire, monkeypatch)
        merge_stories(store, mining, flood)  # the flood story's other article is the user's placement now
        resume(store, news)
        # The new version joins where its old story went, as the user's placement: had the run
        # placed it before the merge, the merge would have moved it too.
        assert members(store, mining) == {ids[str(paper)]: "user", ids[str(mine)]: "auto", new_id: "user"}
        assert store.resolve_story_id(flood) == mining


def test_versions_left_unplaced_each_go_home_when_one_of_them_is_gone(tmp_path, news, monkeypatch):
    # Two new versions stored and not placed (what a kill leaves); the first of them is removed
    # (another process) before they are loaded: the other still goes to its own old story.
    from synopsis.extract.pipeline import analyze_article
    from synopsis.ingest.article import build_article
    from synopsis.records import RawDocument
    from synopsis.store.versions import item_key

    wire, mine = news / "wire.txt", news / "mine.txt"
    mine.write_text(MINE, encoding="utf-8")
    with Store.open(tmp_path / "news.db") as store:
        ingest(store, wire, mine)
        homes = {}
        for path, text in ((wire, WIRE.replace("about 1,200", "about 1,500")), (mine, MINE.replace("14 miners", "15 miners"))):
            story = store.story_of(next(a.id for a in store.list_articles() if a.source == str(path)))
            analysis = analyze_article(build_article(RawDocument(source=str(path), content=text)))
            assert store.add_version(analysis, item_key(None, str(path), True)).replaced
            homes[analysis.article.id] = story
        assert len(set(homes.values())) == 2 and all(store.story_of(i) is None for i in homes)
        loaded, gone = Store.iter_analyses, []

        def first_removed(self, ids):
            gone.append(ids[0])
            return loaded(self, list(ids[1:]))

        monkeypatch.setattr(Store, "iter_analyses", first_removed)
        assign_pending(store)
        (kept,) = set(homes) - {gone[0]}
        assert store.story_of(kept) == homes[kept]
