"""Counts of an unfolding emergency told with different verbs are one count: the resources at work
on it, and the people forced from their homes. Our own sentences."""

from __future__ import annotations

import pytest

from synopsis.facts.emergency_counts import DEPLOY, EVACUATE
from synopsis.facts.measures import counted_lemma, measure_at


def _slot(sentence: str, value: str, counted: str, lemma: str):
    position = sentence.index(value)
    return measure_at(sentence, position, position + len(value), "count", counted, lemma)


@pytest.mark.parametrize(("sentence", "value", "counted", "lemma"), [
    ("Five helicopters were working on the blaze overnight.", "Five", "helicopters", "work"),
    ("About 200 firefighters are fighting the fire.", "About 200", "firefighters", "fight"),
    ("Eight rescue crews are now deployed in the valley.", "Eight", "crews", "deploy"),
    ("The army sent 400 soldiers to the flooded district.", "400", "soldiers", "send"),
])
def test_responders_at_work_with_any_verb_are_one_deployment(sentence, value, counted, lemma) -> None:
    assert _slot(sentence, value, counted, lemma).predicate == DEPLOY


@pytest.mark.parametrize(("sentence", "value", "counted", "lemma"), [
    ("About 300 workers work at the sawmill.", "300", "workers", "work"),  # no responders
    ("Two firefighters were treated for smoke inhalation.", "Two", "firefighters", "treat"),  # no deployment verb
])
def test_other_counts_keep_their_verb(sentence, value, counted, lemma) -> None:
    assert _slot(sentence, value, counted, lemma).predicate != DEPLOY


@pytest.mark.parametrize("sentence", [
    "The floods have forced 900 people to leave their homes.",
    "The number of people forced from their homes reached 900.",
])
def test_people_forced_from_their_homes_were_evacuated(sentence: str) -> None:
    assert _slot(sentence, "900", "people", "force").predicate == EVACUATE


def test_people_forced_to_do_anything_else_were_not_evacuated() -> None:
    sentence = "The strike forced 900 commuters to take buses."
    assert _slot(sentence, "900", "commuters", "force").predicate != EVACUATE


@pytest.mark.parametrize("counted", ["number", "total", "figures"])
def test_a_word_naming_the_count_names_nothing_counted(counted: str) -> None:
    assert counted_lemma(counted) is None
    assert counted_lemma("people") == "person"
