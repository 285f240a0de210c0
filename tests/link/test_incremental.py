"""Incremental story assignment during ingest: equals batch, lists and explains stories, keeps corrections."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from synopsis.jobs import ingest_inputs
from synopsis.story_jobs import current_stories, merge_stories, split_article
from synopsis.link.stories import cluster_stories
from synopsis.records import SynopsisError
from synopsis.store.db import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "harbor-bridge"


def _partition(groups) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, reference_corpus) -> Path:
    """Reference and example corpora ingested once (stories assigned incrementally)."""
    path = tmp_path_factory.mktemp("stories") / "news.db"
    with Store.open(path) as store:
        result = ingest_inputs([str(reference_corpus), str(EXAMPLES)], store, workers=1)
        assert not result.errors and result.added >= 9
    return path


@pytest.fixture
def db(corpus_db, tmp_path) -> Path:
    """A private copy of the ingested database (and its index files) for tests that change it."""
    for file in corpus_db.parent.iterdir():
        if file.name.startswith(corpus_db.name) and not file.name.endswith(("-wal", "-shm")):
            shutil.copy(file, tmp_path / file.name)
    # WAL content is in the main file only after a checkpoint.
    with sqlite3.connect(corpus_db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(corpus_db, tmp_path / corpus_db.name)
    return tmp_path / corpus_db.name


def test_incremental_equals_batch_on_the_fixed_corpus(corpus_db, reference_corpus):
    with Store.open(corpus_db) as store:
        incremental = _partition(s.article_ids for s in current_stories(store))
        analyses = list(store.iter_analyses())
    batch = _partition(s.article_ids for s in cluster_stories(analyses))
    assert incremental == batch
    reference = frozenset(a.article.id for a in analyses if a.article.source.startswith(str(reference_corpus)))
    assert reference in incremental and len(incremental) == 2


def test_given_lead_vectors_stay_with_their_articles_when_some_are_skipped(tmp_path, reference_corpus):
    """assign(analyses, vectors): rows belong to analyses, so skipping an assigned article shifts nothing."""
    import numpy as np

    from synopsis.link.stored_stories import StoredStories, stored_profile

    with Store.open(tmp_path / "v.db") as store:
        ingest_inputs([str(reference_corpus)], store, workers=1, stories=False)
        analyses = list(store.iter_analyses())[:3]
        vectors = np.eye(3, 384, dtype=np.float32)  # one distinct unit vector per article
        assigner = StoredStories(store)
        assigner.assign(analyses[:1], vectors[:1])
        assigner.assign(analyses, vectors)  # the first is skipped: it has a story
        for analysis, vector in zip(analyses, vectors):
            np.testing.assert_array_equal(stored_profile(store, analysis.article.id).vector, vector)


def test_listing_gives_ids_titles_spans_and_sources(corpus_db):
    from click.testing import CliRunner

    from synopsis.cli.main import cli

    out = CliRunner().invoke(cli, ["stories", "--db", str(corpus_db), "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)["stories"]
    assert len(rows) == 2
    for row in rows:
        assert row["id"].startswith("s") and row["title"] and row["first"] <= row["last"]
        assert all(a["id"] and a["source"] for a in row["articles"])


def test_listing_and_corrections_count_a_lone_article_in_the_singular(db):
    from click.testing import CliRunner

    from synopsis.cli.main import cli

    with Store.open(db) as store:
        story = max(current_stories(store), key=lambda s: len(s.article_ids))
    split = CliRunner().invoke(cli, ["stories", "split", story.id, story.article_ids[0], "--db", str(db)])
    assert split.exit_code == 0, split.output
    listing = CliRunner().invoke(cli, ["stories", "--db", str(db)]).output.splitlines()
    counts = [line.split()[2:4] for line in listing]
    assert ["1", "article"] in counts and ["1", "articles"] not in counts
    assert all(word == ("article" if n == "1" else "articles") for n, word in counts)
    lone = next(line.split()[0] for line in listing if line.split()[2] == "1")
    merged = CliRunner().invoke(cli, ["stories", "merge", story.id, lone, "--db", str(db)])
    assert "moved 1 article into" in merged.output


def _cli_json(*args):
    from click.testing import CliRunner

    from synopsis.cli.main import cli

    out = CliRunner().invoke(cli, list(args))
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def test_compare_explains_what_the_stories_were_built_on(corpus_db):
    from synopsis.link.events import compare_events
    from synopsis.link.stored_stories import stored_profile
    from synopsis.link.stories import MERGE_SIMILARITY

    rows = _cli_json("stories", "--db", str(corpus_db), "--format", "json")["stories"]
    one, other = ([a["id"] for a in row["articles"]] for row in rows)
    same = _cli_json("stories", "compare", one[0][:10], one[1], "--db", str(corpus_db), "--format", "json")
    apart = _cli_json("stories", "compare", one[0], other[0], "--db", str(corpus_db), "--format", "json")
    assert same["articles"][0]["story"] == same["articles"][1]["story"] == rows[0]["id"]
    assert apart["articles"][1]["story"] == rows[1]["id"]
    assert apart["similarity"] < MERGE_SIMILARITY <= same["similarity"]
    with Store.open(corpus_db) as store:
        a, b = stored_profile(store, one[0]), stored_profile(store, other[0])
    assert apart["similarity"] == pytest.approx(compare_events(a, b), abs=1e-4)
    # The product of the rules applied to the model's value is the similarity.
    product = apart["model_similarity"]
    for rule in apart["rules"]:
        product *= rule["multiplier"]
    assert apart["similarity"] == pytest.approx(product, abs=1e-3)


def test_compare_gives_no_group_reason_for_stories_too_unlike_to_merge(corpus_db):
    from synopsis.link.stories import MERGE_SIMILARITY

    rows = _cli_json("stories", "--db", str(corpus_db), "--format", "json")["stories"]
    one, other = ([a["id"] for a in row["articles"]] for row in rows)
    apart = _cli_json("stories", "compare", one[0], other[0], "--db", str(corpus_db), "--format", "json")
    # Two unrelated events, each with names of its own: the low similarity is the reason.
    assert apart["stories_similarity"] < MERGE_SIMILARITY and apart["stories_apart"] is None
    same = _cli_json("stories", "compare", one[0], one[1], "--db", str(corpus_db), "--format", "json")
    assert same["stories_similarity"] is None and same["stories_apart"] is None
    # The table says so in words, and which date each article is shown by.
    from click.testing import CliRunner

    from synopsis.cli.main import cli

    table = CliRunner().invoke(cli, ["stories", "compare", one[0], other[0], "--db", str(corpus_db)]).output
    assert (
        f"the two stories are too unlike to merge: {apart['stories_similarity']:.3f} on average between their "
        f"articles, under {MERGE_SIMILARITY}"
    ) in table
    assert table.count(" (event)") + table.count(" (published)") == 2


def test_compare_says_why_look_alike_stories_stay_apart(tmp_path):
    from click.testing import CliRunner

    from synopsis.cli.main import cli
    from synopsis.link.stories import MERGE_SIMILARITY
    from tests.factories import named_group, store_as_stories

    ship, pirates = named_group("s", [{"ins varuna"}] * 5, 10), named_group("p", [{"pelago"}] * 5, 20)
    with Store.open(tmp_path / "news.db") as store:
        store_as_stories(store, {"sship": ship, "spirates": pirates})
    args = ["stories", "compare", "s0", "p1", "--db", str(tmp_path / "news.db")]
    out = _cli_json(*args, "--format", "json")
    assert [a["story"] for a in out["articles"]] == ["sship", "spirates"]
    assert out["stories_similarity"] >= MERGE_SIMILARITY
    assert out["stories_apart"] == "as groups, each keeps naming what the other hardly names (ins varuna / pelago)"
    table = CliRunner().invoke(cli, args).output
    assert f"articles) but stay apart: {out['stories_apart']}" in table


def test_compare_names_a_users_correction_as_why_alike_stories_stay_apart(tmp_path):
    from tests.factories import named_group, store_as_stories

    alike = named_group("a", [set()] * 6, 10)  # one event's reports, no marks of their own
    with Store.open(tmp_path / "news.db") as store:
        store_as_stories(store, {"sevent": alike})
        alone = split_article(store, "sevent", "a5")  # the user's call, however alike it reads
    out = _cli_json("stories", "compare", "a0", "a5", "--db", str(tmp_path / "news.db"), "--format", "json")
    assert out["articles"][1]["story"] == alone
    assert out["stories_apart"] == f"a user corrected {alone} (a merge or a split), and regrouping leaves corrected stories alone"


def test_compare_gives_every_reason_that_applies_and_says_when_there_is_none(tmp_path):
    from tests.factories import named_group, store_as_stories

    ship = named_group("s", [{"ins varuna"}] * 6, 10)
    pirates = named_group("p", [{"pelago"}] * 5, 20)
    one_event = named_group("a", [set()] * 5, 30), named_group("b", [set()] * 5, 30)
    with Store.open(tmp_path / "news.db") as store:
        store_as_stories(store, {"sship": ship[:3], "sship2": ship[3:], "spirates": pirates, "sa": one_event[0], "sb": one_event[1]})
        merge_stories(store, "sship", "sship2")  # a user's correction, on a story that is also marked
    db = str(tmp_path / "news.db")
    both = _cli_json("stories", "compare", "s0", "p0", "--db", db, "--format", "json")["stories_apart"]
    assert both.startswith("as groups, each keeps naming what the other hardly names (ins varuna / pelago); ")
    assert "a user corrected sship" in both
    # Two stories of one event filed apart (as if no new article ever bridged them): nothing but that.
    none = _cli_json("stories", "compare", "a0", "b0", "--db", db, "--format", "json")
    assert none["stories_apart"].startswith("nothing keeps them apart but that regrouping never weighed them together")
    assert "`synopsis stories merge` joins them" in none["stories_apart"]


def test_show_flags_articles_that_do_not_fit_their_story(db):
    before = _cli_json("stories", "show", "--db", str(db), "--format", "json", _story_ids(db)[0])
    with Store.open(db) as store:
        keep, other = _story_ids(db)
        merge_stories(store, keep, other)  # a wrong correction: two unrelated events in one story
    after = _cli_json("stories", "show", keep, "--db", str(db), "--format", "json")
    fit_before = {a["id"]: a["fit"] for a in before["articles"]}
    fit_after = {a["id"]: a["fit"] for a in after["articles"]}
    assert len(fit_after) > len(fit_before)
    assert all(0 <= f <= 1 for f in fit_after.values())
    assert all(fit_after[i] < fit_before[i] for i in fit_before)


def test_fit_of_large_stories_uses_a_bounded_sample_and_lone_articles_have_none(db, monkeypatch):
    import synopsis.link.stories as stories
    from synopsis.story_jobs import story_member_fit
    from synopsis.link.stored_stories import StoreState, stored_profile
    from synopsis.link.events import compare_events

    monkeypatch.setattr(stories, "MAX_MEMBERS", 2)
    with Store.open(db) as store:
        story = _story_ids(db)[0]
        ids = [a.id for a in store.story_articles(story)]
        profiles = {i: stored_profile(store, i) for i in ids}
        sample = [p.article_id for p in StoreState(store).members(story, 2)]
        fit = story_member_fit(store, story)
        assert set(fit) == set(ids) and len(ids) > 2
        for i in ids:
            others = [o for o in sample if o != i]
            assert fit[i] == pytest.approx(sum(compare_events(profiles[i], profiles[o]) for o in others) / len(others))
        alone = split_article(store, story, ids[-1])
        assert story_member_fit(store, alone) == {}
    shown = _cli_json("stories", "show", alone, "--db", str(db), "--format", "json")
    assert [a["fit"] for a in shown["articles"]] == [None]


def _story_ids(db: Path) -> list[str]:
    return [row["id"] for row in _cli_json("stories", "--db", str(db), "--format", "json")["stories"]]


NEW_BRIDGE_ARTICLE = {
    "title": "Divers search harbour after Corran Bridge collapse in Port Vellan",
    "text": (
        "Police divers searched the harbour of Port Vellan on Wednesday, a day after part of the Corran "
        "Bridge fell into the water. Mayor Talbrook said the span had been closed for inspection twice. "
        "Engineers from Vellan Technical University are examining the remaining piers."
    ),
    "published": "2026-03-04T10:00:00+01:00",
    "outlet": "Harbour Gazette",
}


def test_merge_and_split_survive_a_further_ingest(db, tmp_path):
    with Store.open(db) as store:
        stories = current_stories(store)
        bridge = next(s for s in stories if "Port Vellan" in s.title or "Corran" in s.title or "bridge" in s.title.lower())
        other = next(s for s in stories if s.id != bridge.id)
        # Split one bridge article out, then merge the two original stories.
        moved_out = bridge.article_ids[1]
        split_id = split_article(store, bridge.id, moved_out[:10])
        merge_stories(store, bridge.id, other.id[:8])

    new = tmp_path / "new.json"
    new.write_text(json.dumps(NEW_BRIDGE_ARTICLE), encoding="utf-8")
    with Store.open(db) as store:
        # The same corpus again (nothing new) plus one new article about the bridge.
        result = ingest_inputs([str(EXAMPLES), str(new)], store, workers=1)
        assert result.added == 1
        after = {s.id: set(s.article_ids) for s in current_stories(store)}
        new_id = result.analyses[-1].article.id if result.analyses else None
        # The split article stays out; the merged stories stay merged.
        assert moved_out in after[split_id] and moved_out not in after[bridge.id]
        assert set(other.article_ids) | (set(bridge.article_ids) - {moved_out}) <= after[bridge.id]
        assert other.id not in after
        # The new article joined a story about the bridge (a new article may join a split-off story).
        assert new_id in after[bridge.id] | after[split_id]
        by = {a.id: a.assigned_by for a in store.story_articles(split_id)}
        assert by[moved_out] == "user" and set(by.values()) <= {"user", "auto"}
        assert store.story_of(new_id) in {bridge.id, split_id}


def test_regrouping_moves_only_what_no_user_placed(db):
    with Store.open(db) as store:
        bridge, other = sorted(current_stories(store), key=lambda s: -len(s.article_ids))[:2]
        kept, placed = bridge.article_ids[:2]
        split_id = split_article(store, bridge.id, placed)
        assert store.story_has_corrections(split_id) and not store.story_has_corrections(bridge.id)
        moved = store.move_story_articles({kept: "snew", placed: other.id})
        # The user's split stands; the automatic member moved into a story created for it.
        assert moved == 1
        assert store.story_of(placed) == split_id and store.story_of(kept) == "snew"
        assert "snew" in {s.id for s in store.list_stories()}


def test_an_emptied_story_leads_to_where_its_articles_went(db):
    with Store.open(db) as store:
        small, large = sorted(current_stories(store), key=lambda s: len(s.article_ids))[:2]
        assert store.move_story_articles({a: large.id for a in small.article_ids}) == len(small.article_ids)
        assert small.id not in {s.id for s in store.list_stories()}
        assert store.resolve_story_id(small.id) == large.id
        assert store.resolve_story_id(small.id[:9]) == large.id
        assert store.successor_story(large.id) is None
        # Corrections name live stories only: a stale id must not merge its successor.
        with pytest.raises(SynopsisError, match=f"story '{small.id}' holds no articles now: they are in {large.id}"):
            merge_stories(store, large.id, small.id)
        with pytest.raises(SynopsisError, match="no story matches"):
            merge_stories(store, large.id, "szzz")


def test_a_story_id_that_is_ambiguous_or_an_articles_says_so(db):
    with Store.open(db) as store:
        stories = sorted(s.id for s in current_stories(store))
        assert len(stories) >= 2
        with pytest.raises(SynopsisError, match=f"'s' is ambiguous: it could be {stories[0]}, {stories[1]}"):
            store.resolve_story_id("s")
        article = current_stories(store)[0].article_ids[0]
        with pytest.raises(SynopsisError, match=f"article {article[:12]} does, in story {store.story_of(article)}"):
            store.resolve_story_id(article[:10])


def test_a_split_retitles_the_story_the_titling_article_left(db):
    from synopsis.link.stored_stories import stored_profile

    with Store.open(db) as store:
        story = max(current_stories(store), key=lambda s: len(s.article_ids))
        titled_by = next(a for a in story.article_ids if " ".join(stored_profile(store, a).title.split()) == story.title)
        split_article(store, story.id, titled_by)
        rest = [stored_profile(store, a) for a in story.article_ids if a != titled_by]
        titles = {s.id: s.title for s in current_stories(store)}
        assert titles[story.id] != story.title
        assert titles[story.id] in {" ".join(p.title.split()) for p in rest}
        # A further ingest with nothing new (so nothing joins the story) keeps the new title.
        assert ingest_inputs([str(EXAMPLES)], store, workers=1).added == 0
        assert {s.id: s.title for s in current_stories(store)}[story.id] == titles[story.id]


def test_a_merged_story_keeps_its_own_title_whichever_way_round(db):
    """QA: `stories merge KEEP OTHER` renamed KEEP after an article of OTHER.  The user merged
    OTHER into KEEP: KEEP keeps its title, whichever of the two stories is kept."""
    reversed_db = db.parent / "reversed.db"
    shutil.copy(db, reversed_db)  # its index file is rebuilt from the database
    for path, way in ((db, 1), (reversed_db, -1)):
        with Store.open(path) as store:
            keep, other = sorted(current_stories(store), key=lambda s: (len(s.article_ids), s.id))[:2][::way]
            assert keep.title != other.title
            merge_stories(store, keep.id, other.id)
            merged = {s.id: s for s in current_stories(store)}[keep.id]
            assert merged.title == keep.title and set(other.article_ids) <= set(merged.article_ids)


def test_splitting_the_only_article_of_a_story_is_refused(db):
    with Store.open(db) as store:
        story = max(current_stories(store), key=lambda s: len(s.article_ids))
        lone = split_article(store, story.id, story.article_ids[0])
        with pytest.raises(SynopsisError, match=f"is the only article of story {lone}: nothing to split"):
            split_article(store, lone, story.article_ids[0])
        assert store.story_of(story.article_ids[0]) == lone




















def test_two_processes_ingesting_into_one_database_share_stories(db, nlp):
    """Two assigners opened on one database before either stores anything: the second sees
    the first's new story (the nearest-neighbour index of each is only a cache)."""
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.link.stored_stories import StoredStories
    from synopsis.records import Article

    texts = [
        "Fire crews fought a blaze at the Orlund grain terminal on Tuesday, 12 March 2024. Fire chief Pera Voss "
        "said 40 people were evacuated from the Orlund docks and the terminal's silos were lost.",
        "A fire destroyed the grain terminal in Orlund on Tuesday, 12 March 2024, and 40 people left the docks, "
        "fire chief Pera Voss told reporters at the Orlund terminal.",
    ]
    articles = [
        Article(id=f"orlund{n}", source=f"orlund{n}.txt", text=text, title="Fire at the Orlund grain terminal",
                published="2024-03-12T18:00:00+00:00")
        for n, text in enumerate(texts)
    ]
    first, second = list(analyze_articles(articles, nlp))
    with Store.open(db) as one, Store.open(db) as two:
        one.add_analysis(first)
        two.add_analysis(second)
        assigner_one, assigner_two = StoredStories(one), StoredStories(two)
        (a,) = assigner_one.assign([first])
        (b,) = assigner_two.assign([second])
        assert a.is_new and not b.is_new
        assert one.story_of("orlund0") == two.story_of("orlund1") == a.story_id


def test_an_ingest_in_small_windows_files_the_same_stories_and_counts(tmp_path, reference_corpus, monkeypatch):
    import synopsis.jobs as jobs

    inputs = [str(reference_corpus), str(EXAMPLES), str(EXAMPLES / "corvan-wire.txt")]  # the last is a duplicate
    outcomes = {}
    for window in (jobs.INGEST_WINDOW, 3):
        monkeypatch.setattr(jobs, "INGEST_WINDOW", window)
        with Store.open(tmp_path / f"w{window}.db") as store:
            reported = []
            result = ingest_inputs(inputs, store, workers=1, keep_analyses=False, on_progress=lambda *p: reported.append(p))
            # Full windows may be followed by more inputs: no total until the last one.
            assert reported[-1] == (result.added, result.added)
            if window == 3:
                assert reported[0] == (1, None) and all(total is None for _, total in reported[:-3])
            else:
                assert [total for _, total in reported] == [result.added] * len(reported)
            again = ingest_inputs([str(reference_corpus)], store, workers=1, include_stored=True)
            outcomes[window] = (
                (result.added, result.already_stored, result.duplicates, len(result.errors), len(result.analyses)),
                (again.added, again.already_stored, len(again.analyses)),
                _partition(s.article_ids for s in current_stories(store)),
                (result.added_ids, result.known_ids, again.known_ids, [a.article.id for a in again.analyses]),
            )
    assert outcomes[3] == outcomes[jobs.INGEST_WINDOW]
    counts, repeat, stories, ids = outcomes[3]
    assert counts[0] >= 9 and counts[2] == 1 and counts[4] == 0  # keep_analyses=False holds none
    assert repeat == (0, 5, 5)  # the reference corpus again: all stored, their analyses returned
    # The ids the web app reports are kept like the analyses: none here, and the
    # known articles of the second ingest in input order.
    added_ids, known_ids, known_again, analysed_again = ids
    assert added_ids == known_ids == []
    assert known_again == analysed_again and len(set(known_again)) == 5
    assert len(stories) >= 2


def test_progress_without_a_total_is_closed_when_the_last_window_adds_nothing(tmp_path, monkeypatch):
    import synopsis.jobs as jobs

    monkeypatch.setattr(jobs, "INGEST_WINDOW", 2)
    texts = ["The ferry to Orlund was cancelled on Monday because of fog, the operator said.",
             "A new library opened in Vellan on Tuesday with 40,000 books, the mayor said."]
    for n, text in enumerate(texts):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "2-copy.txt").write_text(texts[0], encoding="utf-8")  # the last window: a repeat only
    reported = []
    with Store.open(tmp_path / "p.db") as store:
        result = ingest_inputs([str(tmp_path)], store, workers=1, on_progress=lambda *p: reported.append(p))
    assert (result.added, result.duplicates) == (2, 1)
    assert reported == [(1, None), (2, None), (2, 2)]
    assert result.added_ids == [a.article.id for a in result.analyses] and result.known_ids == [result.added_ids[0]]


def test_only_a_users_merge_or_split_counts_as_putting_articles_together(tmp_path):
    # A user-placed row without a correction of its story (a new version taking its old version's
    # place) is no merge; after a merge into that story, its moved articles are.
    from synopsis.story_jobs import together_by_user
    from tests.factories import named_group, store_as_stories

    ship, pirates = named_group("s", [{"ins varuna"}] * 3, 10), named_group("p", [{"pelago"}] * 3, 20)
    with Store.open(tmp_path / "news.db") as store:
        store_as_stories(store, {"sship": ship, "spirates": pirates})
        store.place_by_user("s1", "sship")
        assert together_by_user(store, "s0", "s1") is None
        store.merge_stories("sship", "spirates")
        assert together_by_user(store, "s0", "p0") == "merge"
