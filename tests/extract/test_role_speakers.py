"""A role noun as the speaker ("the captain said") is the person the article names with that title,
even for a role too rare to be a speaker noun of its own, and otherwise no one named (our own
sentences, fictional people)."""

from __future__ import annotations

import pytest

from synopsis.extract.pipeline import analyze_article
from tests.factories import make_article

WORDS = '"Everyone on board walked off that aircraft without a scratch,"'


def _speakers(nlp, text: str) -> list[tuple[str | None, str | None]]:
    analysis = analyze_article(make_article("id-a", "Alpha", text), nlp)
    return [(q.speaker, q.speaker_entity) for q in analysis.quotes if "without a scratch" in q.content]


def test_the_role_noun_is_the_person_titled_with_it(nlp) -> None:
    text = f"The jet landed on Tuesday. Brave captain Edda Frost was cheered by passengers. {WORDS} the captain said."
    assert _speakers(nlp, text) == [("the captain", "Edda Frost")]


@pytest.mark.parametrize("text", [
    # no one in the article holds the title: "the captain" is no one named (not the person last named)
    f"The jet landed on Tuesday. Edda Frost was cheered by passengers. {WORDS} the captain said.",
    # a plural role is no one person
    f"The jet landed on Tuesday. Brave captain Edda Frost was cheered. {WORDS} the captains said.",
])
def test_a_role_no_named_person_holds_gives_no_person(nlp, text) -> None:
    assert all(entity != "Edda Frost" for _, entity in _speakers(nlp, text))
