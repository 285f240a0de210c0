"""Where the id of a story that holds none of its articles now leads: to the story (or stories)
holding most of the articles it held, however they got there (merges, splits, regrouping)."""

from __future__ import annotations

import sqlite3

import pytest

from synopsis.store import migrations
from synopsis.store.db import Store
from synopsis.store.stories import StoryScattered

TEXTS = {
    "b1": "A section of the Marlow road bridge fell into the river on Monday morning.",
    "b2": "Divers searched the river below the Marlow bridge for a second day.",
    "t1": "Negotiators from both sides met in the old palace for a first round of talks.",
    "t2": "The talks in the old palace ended after two hours with a prisoner exchange agreed.",
    "t3": "Both delegations said they would meet again within a month to continue the talks.",
    "t4": "Observers called the palace talks a modest step forward.",
    "h1": "A summary of the peace talks held this spring, round by round.",
}


@pytest.fixture
def filed(store, build_analysis):
    """The articles of TEXTS stored; ``file(name, story)`` gives one a story as ingest would."""
    ids = {}
    for name, text in TEXTS.items():
        analysis = build_analysis(text)
        store.add_analyses([analysis])
        ids[name] = analysis.article.id

    def file(name: str, story: str) -> None:
        store.record_story_assignment(
            ids[name], story, title=name, method="test", day_ordinal=0, vector=b"", profile_json="{}", lead_model="test"
        )

    return ids, file


def move_by_user(store, article_id: str, to_story: str, via: str) -> None:
    """What a user does to move one article: split it out (into story ``via``), merge that into ``to_story``."""
    store.split_article(article_id, via, "")
    store.merge_stories(to_story, via)


def test_an_old_id_leads_to_where_its_articles_went_not_along_its_first_merge(store, filed):
    """QA25: `stories merge sbridge stalks`, then each talks article split out and merged into
    shistory: `stalks` led to the bridge story, which holds none of its articles."""
    ids, file = filed
    for name in ("b1", "b2"):
        file(name, "sbridge")
    for name in ("t1", "t2", "t3"):
        file(name, "stalks")
    file("h1", "shistory")
    store.merge_stories("sbridge", "stalks")
    for number, name in enumerate(("t1", "t2", "t3")):
        move_by_user(store, ids[name], "shistory", f"ssplit{number}")
    assert store.resolve_story_id("stalks") == "shistory"
    assert store.resolve_story_id("stal") == "shistory"  # a prefix too
    assert store.successor_story("stalks") == "shistory"
    assert store.story_now("stalks") == ("shistory", True)  # the user's corrections took them there
    assert store.where_they_went("stalks") == "they are in shistory"
    # The stories the splits made on the way lead there too, each by its one article.
    assert store.resolve_story_id("ssplit1") == "shistory"
    with pytest.raises(Exception, match="holds no articles now: they are in shistory, name that story"):
        store.resolve_story_id("stalks", follow=False)  # a correction names a live story


def test_an_old_id_whose_articles_went_to_several_stories_leads_to_the_one_holding_most(store, filed):
    ids, file = filed
    for name in ("t1", "t2", "t3", "t4"):
        file(name, "stalks")
    file("b1", "sbridge")
    file("h1", "shistory")
    store.merge_stories("sbridge", "stalks")  # all four in sbridge now
    for number, name in enumerate(("t1", "t2", "t3")):
        move_by_user(store, ids[name], "shistory", f"ssplit{number}")
    # Three of its four articles are in shistory, one still in sbridge.
    assert store.resolve_story_id("stalks") == "shistory"
    assert store.where_they_went("stalks") == "they went to 2 stories: 3 are in shistory, 1 in sbridge"


def test_an_old_id_whose_articles_went_to_several_stories_alike_names_them_all(store, filed):
    ids, file = filed
    for name in ("t1", "t2", "t3", "t4"):
        file(name, "stalks")
    file("b1", "sbridge")
    file("h1", "shistory")
    store.merge_stories("sbridge", "stalks")
    for number, name in enumerate(("t1", "t2")):
        move_by_user(store, ids[name], "shistory", f"ssplit{number}")
    # Two in shistory, two in sbridge: no one story to lead to.
    with pytest.raises(StoryScattered) as raised:
        store.resolve_story_id("stalks")
    assert raised.value.stories == ("sbridge", "shistory") and raised.value.story_id == "stalks"
    assert str(raised.value) == "story stalks holds none of its articles now: they went to 2 stories: 2 are in sbridge, 2 in shistory; name one"
    # Where a new version of one of its articles goes: the first of them, deterministically.
    assert store.story_now("stalks") == ("sbridge", True)


def test_regrouping_that_scatters_a_story_leads_its_id_to_the_largest_part(store, filed):
    ids, file = filed
    for name in ("t1", "t2", "t3"):
        file(name, "stalks")
    store.move_story_articles({ids["t1"]: "sone", ids["t2"]: "stwo", ids["t3"]: "stwo"})
    assert store.resolve_story_id("stalks") == "stwo"
    assert store.story_now("stalks") == ("stwo", False)  # regrouping, not a user, moved them


def test_m013_recovers_where_articles_went_from_the_corrections_already_stored(tmp_path, build_analysis):
    """A database written before m013: a user's merge and the splits and merges after it are in
    story_corrections, which the migration reads, so the old id leads where its articles are."""
    path = tmp_path / "s.db"
    before = migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations.m013_story_memberships)]
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, before)
    conn.close()
    with Store(sqlite3.connect(path, isolation_level=None), str(path)) as store:  # the older schema, as it was
        ids = {}
        for name in ("b1", "t1", "t2", "h1"):
            analysis = build_analysis(TEXTS[name])
            store.add_analyses([analysis])
            ids[name] = analysis.article.id
        for name, story in (("b1", "sbridge"), ("t1", "stalks"), ("t2", "stalks"), ("h1", "shistory")):
            store.record_story_assignment(
                ids[name], story, title=name, method="test", day_ordinal=0, vector=b"", profile_json="{}", lead_model="test"
            )
        store.merge_stories("sbridge", "stalks")
        for number, name in enumerate(("t1", "t2")):
            move_by_user(store, ids[name], "shistory", f"ssplit{number}")
    with Store.open(path) as store:
        assert "m013_story_memberships" in migrations.applied_migrations(store.conn)
        assert store.resolve_story_id("stalks") == "shistory"


def test_an_article_a_user_split_out_of_a_story_is_no_longer_one_of_its_own(store, filed):
    """Split out of stalks, t1 is not where stalks went when stalks is merged away later: the id
    leads to t2's story alone, not to a tie between the two."""
    ids, file = filed
    for name in ("t1", "t2"):
        file(name, "stalks")
    file("b1", "sbridge")
    store.split_article(ids["t1"], "sout", "")
    store.merge_stories("sbridge", "stalks")
    assert store.successor_stories("stalks") == ("sbridge",)
    assert store.where_they_went("stalks") == "they are in sbridge"
