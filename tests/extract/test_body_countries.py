"""The country a government body's name is written with (extract.body_countries), as speaker
resolution and entity resolution both read it."""

from __future__ import annotations

import pytest

from synopsis.extract.body_countries import with_country
from synopsis.records import Entity


def places_in(text: str, *names: str, label: str = "GPE") -> list[Entity]:
    """The tagger's places, as it would give them: each name where the text first writes it."""
    return [Entity(name, label, text.index(name), text.index(name) + len(name)) for name in names]


@pytest.mark.parametrize(
    ("text", "body", "places", "shown"),
    [
        # A country the gazetteer knows, written before the name or after it.
        ("Poland's Ministry of Foreign Affairs summoned the envoy.", "Ministry of Foreign Affairs", (),
         "Poland's Ministry of Foreign Affairs"),
        ("The Turkish Defence Ministry closed the strait.", "Defence Ministry", (), "Turkish Defence Ministry"),
        ("The Ministry of Foreign Affairs of the Republic of Turkey announced the venue.",
         "Ministry of Foreign Affairs", (), "Ministry of Foreign Affairs of the Republic of Turkey"),
        # Cut at the end of its sentence: the next paragraph's capitalised words are not the state's.
        ("The Ministry of Defence of Ukraine.\n\nKremlin officials said nothing.", "Ministry of Defence", (),
         "Ministry of Defence of Ukraine"),
        # An abbreviation's full stop ends no sentence.
        ("The U.S. Defense Department said nothing.", "Defense Department", (), "U.S. Defense Department"),
        # A place the tagger found counts though no gazetteer knows it.
        ("Marrovia’s Ministry of Defence now estimates that losses have doubled.", "Ministry of Defence",
         ("Marrovia",), "Marrovia’s Ministry of Defence"),
        ("The Ministry of Foreign Affairs of the Republic of Marrovia announced the talks.",
         "Ministry of Foreign Affairs", ("Republic of Marrovia",),
         "Ministry of Foreign Affairs of the Republic of Marrovia"),
        # The small model's span may end in the "of" itself.
        ("The Ministry of Foreign Affairs of the Republic of Marrovia announced the talks.",
         "Ministry of Foreign Affairs of", ("Republic of Marrovia",),
         "Ministry of Foreign Affairs of the Republic of Marrovia"),
    ],
)
def test_a_body_is_shown_with_the_country_written_beside_it(text, body, places, shown):
    start = text.index(body)
    assert with_country(text, start, start + len(body), places=places_in(text, *places)) == shown


@pytest.mark.parametrize(
    ("text", "body", "places"),
    [
        # Capitalised words that name no country, and an unknown one the tagger did not find.
        ("On Monday Ministry of Defence officials met.", "Ministry of Defence", ()),
        ("Marrovia’s Ministry of Defence now estimates that losses have doubled.", "Ministry of Defence", ()),
        # A place that ends the sentence or line before is no qualifier of the next one's body.
        ("Four flights were diverted to Port Halden. Kestrel Airways said it would fly them on.", "Kestrel Airways", ()),
        ("Four flights were diverted to Port Halden.\n\nKestrel Airways said it would fly them on.",
         "Kestrel Airways", ()),
        ("Were the flights sent to Port Halden? Kestrel Airways said they were.", "Kestrel Airways", ()),
        # A tagged word that is no place (a person) owns no body.
        ("Marrovia’s Ministry of Defence now estimates that losses have doubled.", "Ministry of Defence",
         ("Marrovia",)),
    ],
)
def test_a_body_with_no_country_beside_it_gets_none(text, body, places):
    start = text.index(body)
    assert with_country(text, start, start + len(body), places=places_in(text, *places, label="PERSON")) is None


def test_the_name_given_is_kept_and_the_country_added_as_written():
    text = "The UK's Ministry of Defence estimated losses."
    start = text.index("Ministry")
    assert with_country(text, start, start + len("Ministry of Defence"), "MoD") == "UK's MoD"
