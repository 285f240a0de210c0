"""Which label a name takes from how the article writes it (``extract.person_relabelling``)."""

from __future__ import annotations

import re

import pytest

from synopsis.extract.entities import find_entities


def _tagged_everywhere(nlp, text: str, ents: list[tuple[str, str]]):
    """The parsed text with every occurrence of each name tagged as the small model mis-tags it."""
    doc = nlp(text)
    doc.ents = sorted((doc.char_span(m.start(), m.end(), label=label)
                       for name, label in ents for m in re.finditer(re.escape(name), text)),
                      key=lambda span: span.start)
    return doc


def _labels(nlp, text: str, ents: list[tuple[str, str]], name: str) -> list[str]:
    return [e.label for e in find_entities(_tagged_everywhere(nlp, text, ents)) if e.text == name]


# A firm or club whose name opens with a given name, written in one sentence as a body's: every
# mention of it is the body's, whichever way the tagger read it (the body's own label or a person's).
_WRITTEN_AS_BODY = [
    # a word for its staff after the name
    "Hedda Lindqvist raised prices on Tuesday. Hedda Lindqvist chief executive Joaquim Quintela said demand held.",
    "Hedda Lindqvist lost at home. Hedda Lindqvist manager Joaquim Quintela blamed the referee.",
    # a verb that agrees with a plural: British English writes clubs and firms so
    "Hedda Lindqvist have signed a new striker. Hedda Lindqvist paid 12 million euros.",
    # an apposition naming a body
    "Hedda Lindqvist, the Swedish fashion house, raised prices. Hedda Lindqvist said costs rose.",
    # "which", and a possessive owner of stores
    "Hedda Lindqvist, which owns 40 stores, raised prices. Hedda Lindqvist said costs rose.",
    "Hedda Lindqvist raised prices. Hedda Lindqvist's stores in Oslo posted them on Tuesday.",
]


@pytest.mark.parametrize("text", _WRITTEN_AS_BODY)
@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_a_name_the_article_writes_as_a_bodys_is_an_organisation(nlp, text, label):
    ents = [("Hedda Lindqvist", label)] + ([("Joaquim Quintela", "PERSON")] if "Joaquim" in text else [])
    assert _labels(nlp, text, ents, "Hedda Lindqvist") == ["ORG", "ORG"]


@pytest.mark.parametrize("text", [
    # two people have: the plural is the pair's
    "Hedda Lindqvist and Rui Costa have left the club. Hedda Lindqvist thanked the fans.",
    # a person's apposition is a role, even one of a body's
    "Hedda Lindqvist, the club's new striker, scored. Hedda Lindqvist thanked the fans.",
    # "who" with a verb for one; an aide is a person's
    "Hedda Lindqvist, who has scored 12 goals, left. Hedda Lindqvist thanked the fans.",
    "Hedda Lindqvist aide Rui Costa said the talks went well. Hedda Lindqvist thanked him.",
])
def test_a_person_written_as_people_are_stays_a_person(nlp, text):
    ents = [("Hedda Lindqvist", "ORG")] + ([("Rui Costa", "PERSON")] if "Rui Costa" in text else [])
    assert _labels(nlp, text, ents, "Hedda Lindqvist") == ["PERSON", "PERSON"]


def test_a_given_name_spelled_otherwise_than_the_name_list_has_it_is_a_persons(nlp):
    # "Thiago" is not in the list; "Tiago" is (QA pass 21: a tabloid's "Thiago Nunes" stayed a place)
    text = "Aldermoor have signed Thiago Nunes. Thiago will wear the number 9."
    doc = _tagged_everywhere(nlp, text, [("Thiago", "GPE")])
    assert [(e.text, e.label) for e in find_entities(doc)] == [("Thiago Nunes", "PERSON"), ("Thiago", "PERSON")]


def test_a_club_the_tagger_took_for_a_place_is_an_organisation_but_a_known_place_stays_one(nlp):
    text = "Rivergate Albion have won five games in a row. Fans of Rivergate Albion cheered."
    assert _labels(nlp, text, [("Rivergate Albion", "GPE")], "Rivergate Albion") == ["ORG", "ORG"]
    text = "South Africa have won the toss. Rain fell across South Africa."
    assert _labels(nlp, text, [("South Africa", "GPE")], "South Africa") == ["GPE", "GPE"]
