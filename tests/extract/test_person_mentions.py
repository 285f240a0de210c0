"""The name an article gives a person: a surname or a possessive is the fullest mention of the same
person, and an entity span that swallowed a title gives way to the plain name. Invented people,
mentions built by hand."""

from __future__ import annotations

from synopsis.extract.person_mentions import PersonMention, best_name, full_name, name_words, without_possessive


def _mention(name: str, start: int, titles: tuple[str, ...] = ()) -> PersonMention:
    return PersonMention(name, start, name_words(name), frozenset(titles))


def test_possessives_and_punctuation_are_not_part_of_a_name():
    assert without_possessive("Orlov’s") == "Orlov"
    assert without_possessive("Orlov's") == "Orlov"
    assert name_words("Dr. Pavel Orlov's,") == ("dr", "pavel", "orlov")


def test_a_surname_is_the_usual_full_name_of_the_person_mentioned_before():
    people = [_mention("Pavel Orlov", 0), _mention("Irena Kos", 40), _mention("Orlov", 90)]
    assert full_name(("orlov",), 90, people, []) == "Pavel Orlov"
    assert full_name(("kos",), 90, people, []) == "Irena Kos"
    assert full_name(("hale",), 90, people, []) is None


def test_a_span_that_swallowed_a_title_gives_way_to_the_plain_name():
    people = [_mention("Council Secretary Pavel Orlov", 0), _mention("Pavel Orlov", 60), _mention("Pavel Orlov", 120)]
    assert best_name("Council Secretary Pavel Orlov", 0, people, []) == "Pavel Orlov"
    assert best_name("Orlov's", 150, people, []) == "Pavel Orlov"
