"""Gender evidence for a named person: pronouns, honorifics, gendered role nouns and given names;
what none of them settles stays unknown."""

from __future__ import annotations

import pytest

from synopsis.extract.person_gender import (
    agreed,
    given_name_gender,
    honorific_gender,
    pronoun_gender,
    role_gender,
)


@pytest.mark.parametrize(("word", "gender"), [
    ("she", "female"), ("Her", "female"), ("herself", "female"),
    ("he", "male"), ("His", "male"), ("him", "male"),
    ("they", None), ("it", None), ("we", None),
])
def test_pronoun_gender(word, gender):
    assert pronoun_gender(word) == gender


@pytest.mark.parametrize(("words", "gender"), [
    (["port", "spokeswoman"], "female"),
    (["mother"], "female"),
    (["actress"], "female"),
    (["board", "chairman"], "male"),
    (["son"], "male"),
    # roles either gender holds say nothing
    (["spokesperson"], None),
    (["harbour", "master"], None),
    (["actor"], None),
    ([], None),
    # words that disagree settle nothing
    (["mother", "son"], None),
])
def test_role_gender(words, gender):
    assert role_gender(words) == gender


@pytest.mark.parametrize(("text", "name", "gender"), [
    ("The ferry was late, Mrs Tonkin said.", "Tonkin", "female"),
    ("Talks with Mr. Arvela ended.", "Arvela", "male"),
    ("The bridge was opened by Dame Quen Sefar.", "Quen Sefar", "female"),
    ("Sir Okon Tafari spoke first.", "Okon Tafari", "male"),
    # the honorific inside the entity's span
    ("Ms Dunmore left.", "Ms Dunmore", "female"),
    # a lower-case word is no honorific ("a miss")
    ("It was a near miss Tonkin said.", "Tonkin", None),
    ("Tonkin spoke first.", "Tonkin", None),
])
def test_honorific_gender(text, name, gender):
    assert honorific_gender(text, text.index(name), name) == gender


@pytest.mark.parametrize(("words", "gender"), [
    (("irena", "kos"), "female"),
    (("pavel", "novak"), "male"),
    # a name the list gives to either gender, or does not know, stays unknown
    (("kim", "arvo"), None),
    (("okon", "tafari"), None),
    # a spelling the list lacks, with an "h" after "t" or "ph" for "f", as the spelling it has
    (("Thiago", "Nunes"), "male"),
    (("Phelipe", "Arruda"), "male"),
    # ... but no other word becomes a name so
    (("Thornton", "Bay"), None),
    # a lone word may be a surname: never looked up
    (("irena",), None),
    (("novak",), None),
])
def test_given_name_gender(words, gender):
    assert given_name_gender(words) == gender


def test_without_the_names_extra_a_given_name_tells_nothing(monkeypatch):
    from synopsis.extract import person_gender

    assert given_name_gender(("Ana", "Ribeiro")) == "female"  # the extra is installed for the tests
    monkeypatch.setattr(person_gender, "_detector", lambda: None)
    assert given_name_gender(("Ana", "Ribeiro")) is None


def test_agreed_evidence_is_one_gender_or_none():
    assert agreed(["female", None, "female"]) == "female"
    assert agreed([None, None]) is None
    assert agreed(["female", "male"]) is None
