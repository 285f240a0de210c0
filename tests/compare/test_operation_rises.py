"""Counts of an ongoing operation across reports a day apart: the resources committed to it, told
with any verb of being at work, and evacuations that nearly triple overnight, are figures that
rose, not disputes, and are compared though far apart; figures of one moment are held to the
ratio of one count misreported. Our own sentences about a fictional flood, from fictional outlets."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from tests.compare.dispute_builders import Q, S, build

MONDAY = "2026-03-09T09:00:00+00:00"
TUESDAY = "2026-03-10T15:00:00+00:00"


def _boats(outlet: str, sentence: str, value: str, number: float, verb: str, published: str):
    return build(outlet, [S(sentence, [Q(value, number, counted="boats", predicate=verb)])], published=published)


def _rescue_story(later: str = TUESDAY):
    return [
        _boats("Alpha", "Five rescue boats were working in the flooded streets, the coast guard said.", "Five", 5,
               "work", MONDAY),
        _boats("Bravo", "Five boats were searching the flooded streets.", "Five", 5, "search", MONDAY),
        _boats("Charlie", "Nine rescue boats are now deployed in the flooded streets.", "Nine", 9, "deploy", later),
        _boats("Delta", "Nine boats are fighting the flood in the streets.", "Nine", 9, "fight", later),
    ]


GROUP = [[("id-Alpha", 0), ("id-Bravo", 0), ("id-Charlie", 0), ("id-Delta", 0)]]


def test_resources_at_work_with_any_verb_rose_from_report_to_report() -> None:
    [dispute] = find_disputes(GROUP, _rescue_story())
    assert dispute.rose
    assert [(v.value, set(v.sources)) for v in dispute.versions] == [
        ("Five", {"Alpha", "Bravo"}), ("Nine", {"Charlie", "Delta"})]
    assert "boats deployed" in dispute.what


def test_resources_given_two_ways_at_one_hour_are_still_disputed() -> None:
    [dispute] = find_disputes(GROUP, _rescue_story(later="2026-03-09T09:20:00+00:00"))
    assert not dispute.rose
    assert {v.value for v in dispute.versions} == {"Five", "Nine"}


def _evacuated(outlet: str, sentence: str, value: str, number: float, published: str, verb: str = "evacuate"):
    return build(outlet, [S(sentence, [Q(value, number, counted="people", predicate=verb)])], published=published)


EARLY = _evacuated("Alpha", "The floods forced 1,500 people to leave their homes in Marrow.", "1,500", 1500, MONDAY,
                   verb="force")


@pytest.mark.parametrize(("sentence", "value", "number"), [
    ("About 4,200 people were evacuated from Marrow.", "About 4,200", 4200),  # nearly three times: a later report
    ("The number of people evacuated from Marrow has risen to 12,000.", "12,000", 12000),  # said to have risen
])
def test_evacuations_a_later_report_gives_far_higher_rose(sentence: str, value: str, number: float) -> None:
    later = _evacuated("Bravo", sentence, value, number, TUESDAY)
    [dispute] = find_disputes([], [EARLY, later])
    assert dispute.rose
    assert [v.sources for v in dispute.versions] == [("Alpha",), ("Bravo",)]


@pytest.mark.parametrize(("sentence", "value", "number", "published"), [
    # One moment: outlets of one hour do not differ threefold about one count; another count.
    ("About 4,200 people were evacuated from Marrow.", "About 4,200", 4200, "2026-03-09T09:30:00+00:00"),
    # A later report far higher without a word that the count rose: another count.
    ("About 12,000 people were evacuated from Marrow.", "About 12,000", 12000, TUESDAY),
])
def test_figures_far_apart_otherwise_are_not_compared(sentence: str, value: str, number: float, published: str) -> None:
    other = _evacuated("Bravo", sentence, value, number, published)
    assert find_disputes([], [EARLY, other]) == []
