"""Story clustering: group rules for look-alike events, batch and streamed clustering, regrouping
in the store, remembered pair scores and story titles."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from synopsis.link.event_profile import EventProfile
from synopsis.link.events import compare_events
from synopsis.link.groups_apart import about_other_people, marking_names, why_apart
from synopsis.link.index import VectorIndex
from synopsis.link.stories import MERGE_SIMILARITY, StoryIndex, cluster_profiles
from synopsis.records import Article, ArticleAnalysis
from tests.factories import EVENT_BASE as BASE
from tests.factories import event_profile as _profile
from tests.factories import named_group
from tests.factories import partition as _partition
from tests.factories import unit_vector as _unit


def _group(prefix: str, people: list[str | None], seed: int) -> list[EventProfile]:
    """Articles with one shared cast and alike leads (closest within the group), differing in their main person."""
    cast = {"redport", "arlen", "sarnow", "chargers"}
    centre = _unit(seed, BASE, 0.02)
    return [
        dataclasses.replace(
            _profile(f"{prefix}{n}", _unit(seed + n + 1, centre, 0.005), names={"redport", "chargers"}, cast=cast),
            person=person,
        )
        for n, person in enumerate(people)
    ]


def _two_clusters_split_at(labels: list[int], first: int) -> bool:
    """True when the labels form two clusters: the first ``first`` items, and the rest."""
    return len(set(labels[:first])) == 1 and len(set(labels[first:])) == 1 and labels[0] != labels[first]


def test_groups_about_different_people_are_other_events():
    arlen, sarnow = _group("a", ["arlen"] * 4, 10), _group("s", ["sarnow", "sarnow", "sarnow", None], 20)
    assert about_other_people(arlen, sarnow)
    assert why_apart(arlen, sarnow) == "one is about arlen, the other about sarnow"
    # Each article alone names both people, so the pair similarity cannot tell them apart:
    assert compare_events(arlen[0], sarnow[0]) > MERGE_SIMILARITY
    assert _two_clusters_split_at(cluster_profiles(arlen + sarnow), 4)


@pytest.mark.parametrize(
    ("days_a", "days_b", "apart"),
    [
        ("2024-02-14", "2024-02-14", False),  # one day: one event told from two sides
        ("2024-02-14", "2024-02-15", False),  # a day apart: time zones, late reports
        ("2024-02-14", "2024-03-20", True),  # other days: other events (two arrests)
        (None, "2024-02-14", True),  # one group undated: the people decide
    ],
)
def test_groups_about_different_people_on_one_day_are_one_event(days_a, days_b, apart):
    arlen = [dataclasses.replace(p, day=days_a) for p in _group("a", ["arlen"] * 4, 10)]
    # The other group dates its event by part of day only, as same-day reports do.
    sarnow = [dataclasses.replace(p, time_day=days_b) for p in _group("s", ["sarnow"] * 3 + [None], 20)]
    assert about_other_people(arlen, sarnow) is apart
    assert (why_apart(arlen, sarnow) is not None) is apart


@pytest.mark.parametrize(
    "other_people",
    [
        ["arlen", "arlen", "arlen"],  # the same person: one event
        ["sarnow", "arlen", None],  # nobody dominates the other group
        ["sarnow", "sarnow"],  # too few articles to speak for a group
        ["arlenn", "arlenn", "arlenn"],  # the same person, spelled another way
    ],
)
def test_groups_stay_together_without_two_dominant_people(other_people):
    arlen, other = _group("a", ["arlen"] * 4, 10), _group("o", other_people, 20)
    assert not about_other_people(arlen, other)
    assert len(set(cluster_profiles(arlen + other))) == 1


def test_groups_each_naming_what_the_other_lacks_are_other_events():
    ship = named_group("s", [{"ins varuna"}] * 4 + [set()], 10)  # the ship in 4 of 5 articles
    pirates = named_group("p", [{"pelago"}] * 5, 20)
    assert marking_names(ship, pirates) == ["ins varuna"] and marking_names(pirates, ship) == ["pelago"]
    assert why_apart(ship, pirates) == "each keeps naming what the other hardly names (ins varuna / pelago)"
    # Article by article the two groups are alike enough to merge:
    assert compare_events(ship[0], pirates[0]) > MERGE_SIMILARITY
    assert _two_clusters_split_at(cluster_profiles(ship + pirates), 5)


@pytest.mark.parametrize(
    "ship_marks, pirate_marks",
    [
        ([{"ins varuna"}] * 5, [set()] * 5),  # only one group has a name of its own
        ([{"ins varuna"}] * 5, [{"pelago"}] * 4 + [{"pelago", "ins varuna"}]),  # named across: 1 in 5 is too many
        ([{"ins varuna"}] * 3 + [set()] * 2, [{"pelago"}] * 5),  # 3 of 5 does not mark a group
        ([{"ins varuna"}] * 4, [{"pelago"}] * 4),  # too few articles to speak for a group
    ],
)
def test_groups_stay_together_without_names_marking_each(ship_marks, pirate_marks):
    ship, pirates = named_group("s", ship_marks, 10), named_group("p", pirate_marks, 20)
    assert why_apart(ship, pirates) is None
    assert len(set(cluster_profiles(ship + pirates))) == 1


def _early_look_alike() -> list[EventProfile]:
    """Alike leads throughout: three articles about a fire (Voss, March), one naming both casts,
    then four about a ferry (Lant, May).  Batch clustering keeps the fire articles apart: as a
    stray group they are about another person than the ferry story."""
    fire = [
        dataclasses.replace(_profile(aid, BASE, names={"voss", "orlund"}), person="voss", month=3) for aid in "agh"
    ]
    both = _profile("b", BASE, names={"voss", "lant", "kessa"})
    ferry = [
        dataclasses.replace(_profile(aid, BASE, names={"lant", "kessa"}), person="lant", month=5) for aid in "cdef"
    ]
    return [*fire, both, *ferry]


@pytest.mark.parametrize("order", ["aghbcdef", "fedcbhga", "bcagdehf", "cdefabgh"])
def test_streamed_stories_equal_batch_whatever_the_arrival_order(order):
    profiles = {p.article_id: p for p in _early_look_alike()}
    labels = cluster_profiles(list(profiles.values()))
    batch = _partition([[aid for aid, label in zip(profiles, labels) if label == n] for n in set(labels)])
    assert batch == {frozenset("agh"), frozenset("bcdef")}
    index = StoryIndex()
    for aid in order:
        index.add(profiles[aid])
    # Fed "aghbcdef", the bridging article joins the fire story while it is small and
    # the ferry articles follow it there: regrouping the neighbourhood undoes that.
    assert _partition(index.stories().values()) == batch


@pytest.mark.parametrize("seed", range(4))
def test_streamed_articles_keep_groups_marked_by_their_own_names_apart(seed):
    ship = named_group("s", [{"ins varuna"}] * 5, 10)
    pirates = named_group("p", [{"pelago"}] * 5, 20)
    profiles = ship + pirates
    index = StoryIndex()
    for i in np.random.default_rng(seed).permutation(len(profiles)):
        index.add(profiles[i])
    assert _partition(index.stories().values()) == {frozenset(p.article_id for p in ship), frozenset(p.article_id for p in pirates)}


def test_a_story_too_large_to_load_whole_still_lets_a_look_alike_event_out():
    # The ship's story holds more than MAX_MEMBERS articles before the pirate reports
    # arrive; the first of them joins it (nothing else is near), and the later ones must
    # still gather apart, as the batch method puts them.
    from synopsis.link.stories import MAX_MEMBERS

    ship = named_group("s", [{"ins varuna"}] * (MAX_MEMBERS + 6), 10)
    pirates = named_group("p", [{"pelago"}] * 6, 20)
    index = StoryIndex()
    for profile in ship + pirates:
        index.add(profile)
    expected = {frozenset(p.article_id for p in ship), frozenset(p.article_id for p in pirates)}
    assert _partition(index.stories().values()) == expected
    assert _two_clusters_split_at(cluster_profiles(ship + pirates), len(ship))


def test_names_mark_a_group_at_exactly_the_shares_set():
    # 7 of 10 articles name the ship (NAME_SHARE 0.7); 1 of 10 pirate reports names it too (NAME_STRAY 0.1).
    ship = named_group("s", [{"ins varuna"}] * 7 + [set()] * 3, 10)
    pirates = named_group("p", [{"pelago"}] * 9 + [{"pelago", "ins varuna"}], 20)
    assert marking_names(ship, pirates) == ["ins varuna"] and marking_names(pirates, ship) == ["pelago"]
    assert why_apart(ship, pirates) is not None
    one_more_stray = named_group("p", [{"pelago"}] * 8 + [{"pelago", "ins varuna"}] * 2, 20)
    assert marking_names(ship, one_more_stray) == [] and why_apart(ship, one_more_stray) is None


def test_marking_names_come_most_frequent_first():
    ship = named_group("s", [{"ins varuna", "zarand"}] * 4 + [{"zarand"}], 10)
    pirates = named_group("p", [{"pelago"}] * 5, 20)
    assert marking_names(ship, pirates) == ["zarand", "ins varuna"]  # 5 of 5 before 4 of 5


def test_regrouping_leaves_corrected_stories_alone():
    index = StoryIndex()
    index.state.is_fixed = lambda story: True  # as if a user had corrected every story
    for profile in _early_look_alike():
        index.add(profile)
    assert _partition(index.stories().values()) == {frozenset("aghbcdef")}


def test_regrouping_in_the_store_moves_members(tmp_path):
    from synopsis.link.stored_stories import StoreState
    from synopsis.link.stories import assign_profile
    from synopsis.store.db import Store

    with Store.open(tmp_path / "news.db") as store:
        profiles = _early_look_alike()
        for profile in profiles:
            text = f"Article {profile.article_id} about the harbour."
            store.add_analysis(ArticleAnalysis(article=Article(id=profile.article_id, source=f"{profile.article_id}.txt", text=text)))
        state, index = StoreState(store), VectorIndex(384)
        assignments = [assign_profile(profile, index, state) for profile in profiles]
        opened = assignments[0].story_id  # the story the first (fire) article opened
        fire, ferry = {store.story_of(aid) for aid in "agh"}, {store.story_of(aid) for aid in "bcdef"}
        # "d" splits the story three against three: the group holding its earliest article
        # keeps the story id, and the ferry reports move to a new story.
        assert fire == {opened} and len(ferry) == 1 and ferry != fire
        assert sorted(s.articles for s in store.list_stories()) == [3, 5]
        assert any(fire | ferry <= a.touched for a in assignments)
        assert all(row.assigned_by == "auto" for aid in "bcdef" for row in store.story_articles(store.story_of(aid)))


def test_stories_regrouping_creates_are_titled_in_the_store(tmp_path):
    from synopsis.link.stored_stories import StoredStories
    from synopsis.store.db import Store

    titles = {aid: "Fire at the Orlund grain terminal" for aid in "agh"} | {
        aid: "Lant ferry strike enters its second week" for aid in "bcdef"
    }
    profiles = [dataclasses.replace(p, title=titles[p.article_id]) for p in _early_look_alike()]
    with Store.open(tmp_path / "news.db") as store:
        for aid in "aghbcdef":
            store.add_analysis(ArticleAnalysis(article=Article(id=aid, source=f"{aid}.txt", text=f"Article {aid}.", title=titles[aid])))
        # In arrival order: the fire articles open the first story, and the ferry reports follow them there.
        StoredStories(store).assign_profiles(profiles)
        listed = {s.title: s.articles for s in store.list_stories()}
        # Regrouping moved the fire articles to a story of their own, created by the move.
        assert listed == {"Fire at the Orlund grain terminal": 3, "Lant ferry strike enters its second week": 5}


def test_a_failed_retitle_leaves_neither_the_article_nor_its_index_label(tmp_path, monkeypatch):
    from synopsis.link.stored_stories import StoredStories
    from synopsis.store.db import Store

    profiles = _early_look_alike()
    with Store.open(tmp_path / "news.db") as store:
        for p in profiles:
            store.add_analysis(ArticleAnalysis(article=Article(id=p.article_id, source=f"{p.article_id}.txt", text="x")))
        assigner = StoredStories(store)
        assigner.assign_profiles(profiles[:2])  # "g" joins "a": the next assignments retitle

        def fail(story):
            raise OSError("disk full")

        monkeypatch.setattr(assigner, "retitle", fail)
        with pytest.raises(OSError):
            assigner.assign_profiles(profiles[2:3])
        assert store.story_of("h") is None
        assert len(assigner.index.labels()) == 2  # the rolled-back article's label is not searchable


def test_an_incremental_run_scores_each_pair_once(monkeypatch):
    import synopsis.link.pair_scores as pair_scores

    scored = []
    real = pair_scores.compare_events

    def counting(a, b, cosine=None):
        scored.append(frozenset((a.article_id, b.article_id)))
        return real(a, b, cosine)

    monkeypatch.setattr(pair_scores, "compare_events", counting)
    index = StoryIndex()
    for profile in _early_look_alike():
        index.add(profile)
    # Each arrival is ranked against the stories nearby and then its neighbourhood is
    # clustered again: every earlier pair would be scored again without the memo.
    assert len(scored) == len(set(scored)) == 28  # all pairs of the eight articles
    assert _partition(index.stories().values()) == {frozenset("agh"), frozenset("bcdef")}


def test_remembered_pair_scores_are_the_similarity_and_bounded():
    from synopsis.link.events import compare_events, compare_matrix
    from synopsis.link.pair_scores import PairScores

    profiles = _early_look_alike()
    scores = PairScores()
    np.testing.assert_allclose(scores.matrix(profiles), compare_matrix(profiles), atol=1e-6)
    a, b, c = profiles[:3]
    assert scores.score(b, a) == scores.score(a, b) == pytest.approx(compare_events(a, b), abs=1e-6)
    small = PairScores(capacity=2)
    small.score(a, b), small.score(a, c), small.score(b, c)
    assert len(small._scores) == 2 and ("a", "g") not in small._scores  # the least recently used went first


def test_the_name_rule_reads_its_group_size_when_called(monkeypatch):
    import synopsis.link.groups_apart as groups_apart

    ship, pirates = named_group("s", [{"ins varuna"}] * 5, 10), named_group("p", [{"pelago"}] * 5, 20)
    assert why_apart(ship, pirates) is not None
    monkeypatch.setattr(groups_apart, "NAME_GROUP", 6)  # as bench/ecbplus.py --sweep sets it
    assert why_apart(ship, pirates) is None


def _theft_reports() -> tuple[list[EventProfile], EventProfile, EventProfile]:
    """Two close reports of a museum theft, a side report of the reopening that names more
    names but fits them less, and a late report that fits them less than they fit each other."""
    theft = {"lyon", "museum"}
    core = [
        dataclasses.replace(_profile(aid, _unit(n, BASE, 0.02), names=theft), title=title)
        for n, (aid, title) in enumerate(
            [("a", "Thieves steal jewelled clock from Lyon museum"), ("b", "Jewelled clock stolen in Lyon museum raid")], start=10
        )
    ]
    side = dataclasses.replace(
        _profile("c", _unit(20, BASE, 0.08), names=theft | {"reopening", "louvel"}), title="Lyon museum reopens after clock theft"
    )
    late = dataclasses.replace(_profile("d", _unit(30, BASE, 0.09), names=theft), title="Clock theft leaves Lyon museum shaken")
    return core, side, late


def test_a_story_is_titled_by_its_best_fitting_member_in_any_order():
    """QA: "Lyon museum reopens after clock theft" titled a story of theft reports although it
    fitted them least (0.33 against 0.60): it named the most names.  The best-fitting member
    titles the story, whatever order the members come in, and an article that joins without
    becoming the centre leaves the title as it was."""
    import itertools

    from synopsis.link.stories import member_fit, title_from_profiles

    core, side, late = _theft_reports()
    fit = member_fit([*core, side])
    assert fit["c"] < min(fit["a"], fit["b"])
    centre = max(core, key=lambda p: fit[p.article_id]).title
    for order in itertools.permutations([*core, side]):
        assert title_from_profiles(order) == centre
    assert title_from_profiles([*core, side, late]) == centre


def test_a_merge_keeps_the_kept_storys_title(tmp_path):
    """QA: `stories merge KEEP OTHER` kept KEEP's id but took the title of OTHER's article; the
    user merged OTHER into KEEP, which keeps its title."""
    from synopsis.link.stored_stories import StoreState, retitle_story
    from synopsis.link.stories import title_from_profiles
    from synopsis.store.db import Store
    from synopsis.story_jobs import merge_stories

    core, side, _ = _theft_reports()
    with Store.open(tmp_path / "news.db") as store:
        for p in [*core, side]:
            store.add_analysis(ArticleAnalysis(article=Article(id=p.article_id, source=f"{p.article_id}.txt", text=f"Article {p.article_id}.", title=p.title)))
        state = StoreState(store)
        for p, story in ((core[0], "s-keep"), (core[1], "s-keep"), (side, "s-other")):
            state.record(p, story, is_new=False)
        retitle_story(store, "s-keep")
        kept_title = title_from_profiles(core)
        retitle_story(store, "s-other")
        merge_stories(store, "s-keep", "s-other")
        ((story, title),) = [(s.id, s.title) for s in store.list_stories()]
        assert story == "s-keep" and title == kept_title and title != side.title
