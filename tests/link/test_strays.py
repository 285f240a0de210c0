"""Strays: a lone article or small group that average linkage leaves on its own joins the story
it is clearly closest to (``link.stories.attach_strays``), in batch and in the stream."""

from __future__ import annotations

import numpy as np
import pytest

import synopsis.link.stories as stories
from synopsis.link.event_profile import EventProfile
from synopsis.link.events import compare_events
from synopsis.link.groups_apart import why_apart
from synopsis.link.stories import MERGE_SIMILARITY, StoryIndex, cluster_profiles
from tests.factories import EVENT_BASE as BASE
from tests.factories import event_profile as _profile
from tests.factories import unit_vector as _unit
from tests.link.test_stories import _group, _partition, _two_clusters_split_at


def _story_with_follow_up(drift: float = 0.08) -> list[EventProfile]:
    """Six alike reports of one event, then a follow-up that reads like them only in part: its
    mean similarity with them (about 0.2, or 0.16 with a drift of 0.095) is under the merge
    threshold."""
    centre = _unit(10, BASE, 0.02)
    cast = {"redport", "chargers", "arlen", "sarnow"}
    reports = [_profile(f"s{n}", _unit(11 + n, centre, 0.005), names={"redport", "chargers"}, cast=cast) for n in range(6)]
    follow_up = _profile("f", _unit(99, centre, drift), names={"arlen"}, cast={"arlen", "city attorney", "pell", "dorn"})
    return [*reports, follow_up]


def test_a_follow_up_left_alone_by_the_cut_joins_the_story_it_is_closest_to(monkeypatch):
    profiles = _story_with_follow_up()
    mean = np.mean([compare_events(profiles[-1], p) for p in profiles[:-1]])
    assert stories.ATTACH_SIMILARITY <= mean < MERGE_SIMILARITY
    assert len(set(cluster_profiles(profiles))) == 1
    monkeypatch.setattr(stories, "STRAY_SIZE", 0)  # no attachment: average linkage alone
    assert _two_clusters_split_at(cluster_profiles(profiles), 6)


@pytest.mark.parametrize("drift", [0.08, 0.095])
@pytest.mark.parametrize("order", ["first", "last", "middle"])
def test_streamed_follow_up_joins_its_story_as_in_batch(order, drift):
    *reports, follow_up = _story_with_follow_up(drift)
    stream = {"first": [follow_up, *reports], "last": [*reports, follow_up], "middle": [*reports[:3], follow_up, *reports[3:]]}[order]
    index = StoryIndex()
    for profile in stream:
        index.add(profile)
    assert _partition(index.stories().values()) == {frozenset(p.article_id for p in stream)}


def test_the_distant_follow_up_joins_in_batch_below_where_regrouping_once_looked():
    # Its mean with the story is under half the merge threshold, where regrouping once stopped
    # looking, but over what a stray needs to join: the story must be in the neighbourhood.
    *reports, follow_up = _story_with_follow_up(0.095)
    mean = np.mean([compare_events(follow_up, p) for p in reports])
    assert stories.ATTACH_SIMILARITY <= mean < MERGE_SIMILARITY / 2
    assert stories.REGROUP_SIMILARITY <= stories.ATTACH_SIMILARITY / stories.ATTACH_MARGIN
    assert len(set(cluster_profiles([*reports, follow_up]))) == 1


def _block_matrix(sizes: list[int], means: dict[tuple[int, int], float]) -> tuple[list[int], np.ndarray]:
    """Labels for groups of the given sizes, and a similarity matrix holding ``means`` between
    groups (1.0 within a group, 0.0 between groups not listed)."""
    labels = [g for g, size in enumerate(sizes) for _ in range(size)]
    matrix = np.array([[1.0 if x == y else means.get((min(x, y), max(x, y)), 0.0) for y in labels] for x in labels])
    np.fill_diagonal(matrix, 0.0)
    return labels, matrix


def _plain(count: int, prefix: str = "p") -> list[EventProfile]:
    return [_profile(f"{prefix}{n}", BASE, names={"redport"}) for n in range(count)]


@pytest.mark.parametrize(
    "sizes, means, joins",
    [
        ([6, 1], {(0, 1): 0.2}, True),  # clearly closest to one story
        ([6, 1], {(0, 1): 0.14}, False),  # under ATTACH_SIMILARITY
        ([6, 6, 1], {(0, 2): 0.2, (1, 2): 0.11}, False),  # not twice as close to one story as to the other
        ([6, 6, 1], {(0, 2): 0.2, (1, 2): 0.1}, True),  # exactly twice as close
        ([6, 4, 1], {(0, 2): 0.2, (1, 2): 0.9}, False),  # far closer to a group too small to join
        ([6, 6, 1], {(0, 2): 0.38, (1, 2): 0.3}, True),  # at the merge threshold, closer is enough
        ([6, 6, 1], {(0, 2): 0.38, (1, 2): 0.38}, False),  # but not a tie
        ([6, 6, 1], {(0, 2): 0.37, (1, 2): 0.3}, False),  # below it, the margin holds
        ([6, 1, 1], {(0, 1): 0.2, (0, 2): 0.2, (1, 2): 0.9}, True),  # another stray is no rival
        ([4, 1], {(0, 1): 0.3}, False),  # four articles are not yet a story to join
        ([6, 4], {(0, 1): 0.3}, False),  # four articles are more than a stray
        ([6, 3], {(0, 1): 0.3}, True),  # three still are
    ],
)
def test_strays_join_only_a_clearly_closest_story(sizes, means, joins):
    labels, matrix = _block_matrix(sizes, means)
    attached = stories.attach_strays(labels, matrix, _plain(len(labels)))
    stray = len(labels) - 1
    assert (attached[stray] == 0) is joins
    assert attached[: sizes[0]] == [0] * sizes[0]


def test_a_stray_group_naming_its_own_place_stays_apart():
    # Three reports of a hotel fire in Dravor City near eight of a hotel fire in Lando.
    lando = [_profile(f"l{n}", BASE, names={"hotel", "lando"}) for n in range(8)]
    dravor = [_profile(f"d{n}", BASE, names={"hotel", "dravor city"}) for n in range(3)]
    labels, matrix = _block_matrix([8, 3], {(0, 1): 0.3})
    assert stories.attach_strays(labels, matrix, lando + dravor) == labels
    assert why_apart(dravor, lando, name_group=stories.STRAY_NAME_GROUP) == (
        "each keeps naming what the other hardly names (dravor city / lando)"
    )
    # One such article alone is not judged by its names: nearly every article names something its story does not.
    labels, matrix = _block_matrix([8, 1], {(0, 1): 0.3})
    assert stories.attach_strays(labels, matrix, lando + dravor[:1]) == [0] * 9


@pytest.mark.parametrize("stray_person, joins", [("sarnow", False), ("arlen", True)])
def test_a_stray_group_about_another_person_stays_apart(stray_person, joins):
    arlen, stray = _group("a", ["arlen"] * 6, 10), _group("s", [stray_person] * 3, 20)
    labels, matrix = _block_matrix([6, 3], {(0, 1): 0.3})
    assert (stories.attach_strays(labels, matrix, arlen + stray) == [0] * 9) is joins


def _scored_by_group(monkeypatch, means: dict[str, float]) -> None:
    """Score every pair by the groups its article ids start with ("h", "r", "s"): ``means["hr"]``
    between a host and a rival member, 0.9 within a group, 0 for pairs not listed."""

    def score(a: EventProfile, b: EventProfile, cosine: float | None = None) -> float:
        pair = "".join(sorted(a.article_id[0] + b.article_id[0]))
        return 0.9 if pair[0] == pair[1] else means.get(pair, 0.0)

    for module in ("synopsis.link.events", "synopsis.link.pair_scores", "synopsis.link.stories"):
        monkeypatch.setattr(f"{module}.compare_events", score, raising=False)


def test_a_streamed_stray_is_judged_against_rivals_outside_the_neighbourhood(monkeypatch):
    # A lone report as close to a story of five as to a story of six, by half: batch keeps it
    # apart.  Streamed after the five, each new member of the six re-clusters its neighbourhood,
    # which holds the lone report but not the five (too far from the six): it used to join there.
    _scored_by_group(monkeypatch, {"hs": 0.2, "rs": 0.11})
    host = [_profile(f"h{n}", _unit(n, BASE, 0.01), names={"redport"}) for n in range(6)]
    rival = [_profile(f"r{n}", _unit(10 + n, BASE, 0.01), names={"redport"}) for n in range(5)]
    stray = _profile("s", _unit(20, BASE, 0.01), names={"redport"})
    labels = cluster_profiles([*host, *rival, stray])
    assert len(set(labels)) == 3 and labels.count(labels[-1]) == 1
    index = StoryIndex()
    for profile in [*rival, stray, *host]:
        index.add(profile)
    assert _partition(index.stories().values()) == {
        frozenset(p.article_id for p in host),
        frozenset(p.article_id for p in rival),
        frozenset({"s"}),
    }


def _dated(prefix: str, days: list[str | None]) -> list[EventProfile]:
    return [_profile(f"{prefix}{n}", BASE, names={"redport"}, day=day) for n, day in enumerate(days)]


@pytest.mark.parametrize(
    "stray_days, joins",
    [
        (["2025-03-02", None], True),  # one report misreads a coming day: no day for the pair
        (["2025-03-02", "2025-03-02"], False),  # two reports agree on a day months away
        (["2025-03-02"], False),  # a lone report's day is all there is: it stands
        (["2025-08-03", None], True),  # the story's day, give or take one
    ],
)
def test_a_stray_group_is_dated_by_the_day_two_of_its_reports_give(stray_days, joins):
    # Six reports of an announcement on 2 August; a stray whose one dated report took the
    # ceremony it announces ("the March 2 broadcast") for the day of the news.
    host = _dated("h", ["2025-08-02"] * 6)
    stray = _dated("s", stray_days)
    labels, matrix = _block_matrix([6, len(stray)], {(0, 1): 0.3})
    attached = stories.attach_strays(labels, matrix, host + stray)
    assert (attached == [0] * len(attached)) is joins
    assert (why_apart(stray, host, name_group=stories.STRAY_NAME_GROUP) is None) is joins
