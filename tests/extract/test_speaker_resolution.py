"""Speaker resolution of definite descriptions, of pronouns after lists and of bodies named with
their country: "the delegation" is the delegation described last ("the Ukrainian delegation, led
by X"), "it" is never a list nor one of its members, "they" after a list is all of it, and "the
UK's Ministry of Defence" is not any "Ministry of Defence"."""

from __future__ import annotations

import re

import pytest

from synopsis.extract.quotes import find_quotes
from synopsis.records import Entity
from tests.extract.test_joint_speakers import _named


def _last(nlp, text: str, **names: list[str]):
    quotes = find_quotes(nlp(text), _named(text, **names))
    return [q for q in quotes if q.content == quotes[-1].content]


# --- a bare description takes up the latest mention that says which one ---------------------


@pytest.mark.parametrize(
    ("text", "speaker", "resolved"),
    [
        # a nationality, with a named leader after it
        ("The Marrovian delegation, led by Ivo Lind, arrived on Monday. Officials met at noon. "
         "The delegation said that a summit was needed.", "The delegation", "the Marrovian delegation"),
        # a country's possessive
        ("Marrovia's delegation arrived on Monday. Officials met at noon. The delegation said that a "
         "summit was needed.", "The delegation", "Marrovia's delegation"),
        # only a leader
        ("A delegation led by Ivo Lind arrived on Monday. The delegation said that a summit was needed.",
         "The delegation", "the delegation led by Ivo Lind"),
        # the latest of two
        ("Marrovia's delegation arrived on Monday. The Tessian delegation came later. The delegation "
         "said that a summit was needed.", "The delegation", "the Tessian delegation"),
        # the issuer of a document
        ("The Tessian delegation conveyed its priorities. In statements made on behalf of the delegation, "
         "it was emphasized that talks must go on.", "the delegation", "the Tessian delegation"),
        # a ministry the model does not name as an organisation
        ("Officials of the Tessian defence ministry met on Monday. The harbour was closed. The ministry "
         "said that more swaps would follow.", "The ministry", "the Tessian defence ministry"),
        # an unnamed official, not the person named since
        ("A Kremlin spokesman said on Monday that talks would continue. President Ivo Lind met the envoy. "
         "The spokesman added that no date was set.", "The spokesman", "the Kremlin spokesman"),
    ],
)
def test_bare_description_is_the_latest_that_says_which(nlp, text, speaker, resolved):
    quote = _last(nlp, text, PERSON=["Ivo Lind"])[-1]
    assert (quote.speaker, quote.speaker_entity) == (speaker, resolved)
    # the speaker's span is still the words written
    assert text[quote.speaker_start:quote.speaker_end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # nothing earlier says which delegation
        "The delegation arrived on Monday. The delegation said that a summit was needed.",
        # two coordinated: either could be meant
        "The Marrovian delegation and the Tessian delegation met. The delegation said that a summit was needed.",
        # a plural mention is not one delegation
        "Marrovian and Tessian delegations met. The delegation said that a summit was needed.",
        # a title next to a name is that person's, not a body's
        "Delegation head Ivo Lind arrived. The delegation said that a summit was needed.",
    ],
)
def test_bare_description_without_a_clear_antecedent_stays_unresolved(nlp, text):
    assert _last(nlp, text, PERSON=["Ivo Lind"])[-1].speaker_entity is None


def test_description_that_says_which_is_left_as_written(nlp):
    text = "Marrovia's delegation arrived on Monday. The Tessian delegation said that a summit was needed."
    assert _last(nlp, text)[-1].speaker_entity is None


# --- "it" and "they" after a list -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        # a list of countries is not "it", nor is its first or last member
        ("Marrovia and Tessia held talks on Wednesday. It said that the swap would go ahead.", None),
        ("Marrovia and Tessia said that the swap would go ahead. It added that more swaps would follow.", None),
        # the latest body that was alone is
        ("The ministry said the talks had ended. Marrovia and Tessia held talks on Wednesday. "
         "It said that the swap would go ahead.", "The ministry"),
        ("Borovia hosted the talks. Marrovia and Tessia agreed to a swap. It said that the swap would go ahead.",
         "Borovia"),
    ],
)
def test_it_after_a_list_is_never_the_list_nor_a_member(nlp, text, resolved):
    quotes = _last(nlp, text, GPE=["Marrovia", "Tessia", "Borovia"])
    assert [(q.speaker, q.speaker_entity) for q in quotes] == [("It", resolved)]


@pytest.mark.parametrize(
    "text",
    [
        # a list that spoke
        "Marrovia and Tessia said that the swap would go ahead. They added that more swaps would follow.",
        # a list that only acted
        "Marrovia and Tessia held talks on Wednesday. They said that the swap would go ahead.",
    ],
)
def test_they_after_a_list_is_all_of_it(nlp, text):
    quotes = _last(nlp, text, GPE=["Marrovia", "Tessia"])
    assert [q.speaker_entity for q in quotes] == ["Marrovia", "Tessia"]
    assert all(text[q.speaker_start:q.speaker_end] == "They" for q in quotes)


# --- a body keeps the country written with it ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("The Tessian Ministry of Defence said on Monday that the port was shut. Marrovia’s Ministry of Defence "
         "now estimates that losses have doubled.", "Marrovia’s Ministry of Defence"),
        ("The Ministry of Foreign Affairs of the Republic of Marrovia announced that the talks would start in June.",
         "Ministry of Foreign Affairs of the Republic of Marrovia"),
        # and "the ministry" after it is the same
        ("Marrovia's Ministry of Defence reported that a swap had taken place. The ministry said that more swaps "
         "would follow.", "Marrovia's Ministry of Defence"),
    ],
)
def test_a_body_keeps_the_country_written_with_it(nlp, text, resolved):
    # many countries have a "Ministry of Defence": without its country the name says another's spoke
    names = {"ORG": ["Ministry of Defence", "Ministry of Foreign Affairs"], "GPE": ["Republic of Marrovia", "Marrovia"]}
    found: list[Entity] = []
    for label, listed in names.items():
        for name in listed:
            for match in re.finditer(re.escape(name), text):
                if not any(e.start <= match.start() < e.end for e in found):
                    found.append(Entity(name, label, match.start(), match.end()))
    quotes = find_quotes(nlp(text), sorted(found, key=lambda e: e.start))
    assert quotes[-1].speaker_entity == resolved


def test_claim_of_they_after_a_list_credits_all_of_it(nlp):
    from synopsis.extract.claims import find_claims, split_sentences
    from synopsis.extract.entities import find_entities
    from synopsis.extract.quantities import find_quantities

    text = "Marrovia and Tessia held talks on Wednesday. They said that the swap would go ahead."
    doc = nlp(text)
    entities = find_entities(doc)
    quotes = find_quotes(doc, entities)
    claims = find_claims(doc, split_sentences(doc), entities, find_quantities(doc), [], quotes)
    said = [c for c in claims if c.quote is not None]
    assert [(c.attributed_to, *c.co_speakers) for c in said] == [("Marrovia", "Tessia")]


@pytest.mark.parametrize(
    ("text", "they"),
    [
        # a plural group that only acted, after a list: the group, the latest
        ("Marrovia and Tessia met in Istanbul. Officials from both countries arrived later. They said that the "
         "swap would go ahead.", ["Officials from both countries"]),
        # a plural group that only acted, with no one before it
        ("Marrovian negotiators are heading to Istanbul. They said that the talks would be hard.",
         ["Marrovian negotiators"]),
        # a group acted on is not who spoke: the list before it is
        ("Marrovia and Tessia met in Istanbul. The prisoners were exchanged at noon. They said that the swap "
         "would go ahead.", ["Marrovia", "Tessia"]),
    ],
)
def test_they_is_the_latest_group_or_list_that_acted(nlp, text, they):
    assert [q.speaker_entity for q in _last(nlp, text, GPE=["Marrovia", "Tessia"])] == they


# --- a surname the NER found alone is widened over the given name the parse joins to it ------


@pytest.mark.parametrize(
    ("text", "person", "speaker"),
    [
        # QA (Dawn): "Bilal Faizi" was shown as "Faizi"
        ("A spokesman for Rescue 1122, Tomas Verhoeven, said the death toll had risen.", "Verhoeven", "Tomas Verhoeven"),
        # a title before the surname stays out
        ("Senator Verhoeven said the death toll had risen.", "Verhoeven", "Verhoeven"),
    ],
)
def test_a_lone_surname_takes_the_given_name_before_it(nlp, text, person, speaker):
    [quote] = find_quotes(nlp(text), _named(text, PERSON=[person]))
    assert (quote.speaker, quote.speaker_entity) == (speaker, speaker)


# --- a body speaking is the body, not the person whose title names it ---------------------------


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        # the body's word only qualifies her title: "Bank chief" is a chief
        ("The Reserve Bank of Marrovia cut rates on Monday. Bank chief Ilse Varga and her committee voted "
         "for it. The bank insists that it is independent.", "Reserve Bank of Marrovia"),
        # the same when no body is named before: no one, rather than her
        ("Bank chief Ilse Varga and her committee cut rates on Monday. The bank insists that it is independent.",
         None),
    ],
)
def test_a_body_noun_is_not_the_person_whose_title_it_qualifies(nlp, text, resolved):
    quote = _last(nlp, text, PERSON=["Ilse Varga"], ORG=["Reserve Bank of Marrovia"])[-1]
    assert quote.speaker == "The bank"
    assert quote.speaker_entity == resolved


def test_a_role_noun_still_finds_the_person_titled_with_it(nlp):
    text = ("Bank governor Ilse Varga cut rates on Monday. Officials met at noon. "
            "The governor said that more cuts could follow.")
    assert _last(nlp, text, PERSON=["Ilse Varga"])[-1].speaker_entity == "Ilse Varga"


def test_it_is_the_body_that_spoke_last_not_the_country_named_before(nlp):
    # the small model tags "ministry" here a proper noun; it is still the body "it" takes up
    text = ("In return, Marrovia released two citizens.\n\nThe Marrovian foreign ministry said the exchange showed "
            'that "dialogue is possible even in difficult times". It said Marrovia had always been ready for talks.')
    quote = _last(nlp, text, GPE=["Marrovia"], NORP=["Marrovian"])[-1]
    assert quote.speaker == "It"
    assert quote.speaker_entity == "The Marrovian foreign ministry"


@pytest.mark.parametrize("title", ["Governor", "Dr"])
def test_a_surname_tagged_a_body_after_a_title_is_a_person_she_can_refer_to(nlp, title):
    # the small model tags a lone unknown surname an organisation
    text = f"{title} Varga said the bank would buy bonds. She said the economy was on a firm footing."
    quotes = find_quotes(nlp(text), _named(text, ORG=["Varga"]))
    assert [(q.speaker, q.speaker_entity) for q in quotes] == [(f"{title} Varga", "Varga"), ("She", "Varga")]
