"""Who says a quotation: a surname, pronoun or role noun resolved to the person named before it,
and what is a speaker at all (not an abstract subject, an outlet relaying the words, a heading),
a document speaking for its issuer, a definite noun or "it" for the body it can name."""

from __future__ import annotations

import pytest

from synopsis.extract.quotes import find_quotes
from synopsis.records import Entity
from tests.extract.quote_checks import only_quote


# --- speaker resolution ------------------------------------------------------


def _resolved(nlp, text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.speaker_entity) for q in find_quotes(nlp(text))]


def test_surname_resolves_to_earlier_full_name(nlp):
    text = "Anna Berg arrived in the capital on Monday. Berg said that the talks had been useful."
    assert _resolved(nlp, text) == [("Berg", "Anna Berg")]


def test_pronoun_resolves_to_previous_speaker(nlp):
    text = (
        "Tom Reed said that the budget was balanced. "
        "“We did not cut a single school,” he said."
    )
    assert _resolved(nlp, text) == [("Tom Reed", "Tom Reed"), ("he", "Tom Reed")]


def test_pronoun_follows_the_most_recent_person(nlp):
    text = (
        "Tom Reed said that the budget was balanced. Anna Berg disagreed with the figures. "
        "She said that the deficit had grown."
    )
    assert _resolved(nlp, text)[-1] == ("She", "Anna Berg")


def test_role_noun_resolves_by_written_title(nlp):
    text = (
        "Kremlin aide Vladimir Medinsky led the delegation. Tom Reed spoke for the other side. "
        "Later the Kremlin aide told journalists that no deal was near."
    )
    assert _resolved(nlp, text)[-1] == ("the Kremlin aide", "Vladimir Medinsky")


def test_role_noun_without_title_takes_most_recent_person(nlp):
    text = "Anna Berg opened the session. The minister said that the budget would pass."
    assert _resolved(nlp, text) == [("The minister", "Anna Berg")]


def test_given_entities_are_used_for_resolution(nlp):
    text = "Pavel Orlov arrived on Monday. Orlov said the talks were useful."
    entities = [Entity("Pavel Orlov", "PERSON", 0, 11), Entity("Orlov", "PERSON", 31, 36)]
    assert _resolved(nlp, text) == [("Orlov", "Pavel Orlov")]
    assert find_quotes(nlp(text), entities)[0].speaker_entity == "Pavel Orlov"


def test_uncued_quote_continues_previous_speaker(nlp):
    text = "“The talks were useful,” Anna Berg said. “We will meet again in the spring and finish the work.”"
    quotes = find_quotes(nlp(text))
    assert [q.speaker_entity for q in quotes] == ["Anna Berg", "Anna Berg"]
    assert quotes[1].speaker is None and quotes[1].cue is None


def test_anonymous_source_stays_unresolved(nlp):
    assert _resolved(nlp, "Anna Berg left. A source told TASS that the talks had stalled.") == [("A source", None)]


# --- what is a speaker --------------------------------------------------------


# A speaker is a person, a body of people or a pronoun for one: the subject of a reporting verb
# that names a thing ("progress shows", "statements suggest") attributes nothing.
@pytest.mark.parametrize(
    "text",
    [
        "Marrow’s limited progress shows how far apart both sides still are.",
        "Both the nature of the delegations and their records suggest the meeting cannot settle anything.",
        "The agenda of the talks was shaped according to each party’s priorities.",
        "The ongoing exchanges suggest that some channels are still open between the two towns.",
    ],
)
def test_no_speaker_in_an_abstract_subject(nlp, text):
    assert find_quotes(nlp(text)) == []


def test_role_noun_in_apposition_with_a_name_is_that_person(nlp):
    quote = only_quote(find_quotes(nlp("Borovia’s lead negotiator, Ivan Petrenko, confirmed that a larger exchange was planned.")))
    assert quote.speaker_entity == "Ivan Petrenko"


def test_they_refers_to_an_unnamed_group_that_spoke(nlp):
    quotes = find_quotes(nlp("After the talks, harbour officials announced that the pier had reopened. "
                             "However, they clarified that the ferry would not run until May."))
    assert [q.speaker_entity for q in quotes][-1] == "harbour officials"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Anna Kohl told reporters in Marrow, as quoted by the Harbour Post,\n\n“We will rebuild the pier by summer.”",
         "Anna Kohl"),
        ("Local sources, as cited by the Harbour Post and Lake Radio, say “the pier will stay closed for a month.”",
         "Local sources"),
    ],
)
def test_outlet_that_relays_a_quote_is_not_its_speaker(nlp, text, speaker):
    quotes = find_quotes(nlp(text))
    assert [q.speaker for q in quotes] == [speaker]


def test_possessor_of_statements_is_the_speaker(nlp):
    quotes = find_quotes(nlp("Mayor Anna Kohl visited the pier. According to her statements, the ferry will not run until May."))
    assert [q.speaker_entity for q in quotes] == ["Anna Kohl"]


# Outlets credited with a statement report it: they are where the words were read, not a voice.
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The pier will stay closed until May, according to Al Arabiya.", "Al Arabiya"),
        ("The pier will stay closed until May, according to Harbour News and Al Arabiya.", "Harbour News and Al Arabiya"),
        ("The Harbour Times reported that the pier would stay closed until May.", "The Harbour Times"),
        ("Officials met in Marrow on Monday, according to coverage by Al Jazeera and Euronews.", "Al Jazeera and Euronews"),
        ("The delegates arrived late, as reported by Jane Roe and Reuters staff for Al-Monitor.",
         "Jane Roe and Reuters staff for Al-Monitor"),
        ("The ferry will not run until May, according to the Harbour Times.", "the Harbour Times"),
        ("State news agency officials confirmed that the two sides had agreed to meet.", None),
        ("State news agency Marrpress confirmed that the two sides had agreed to meet.", "Marrpress"),
        # a correspondent relaying words: the outlet's, not a voice
        ("The team was chosen to balance the other side, as quoted by Al Jazeera’s Sinem Koseoglu.",
         "Al Jazeera’s Sinem Koseoglu"),
    ],
)
def test_outlet_credited_with_a_statement_is_its_source_not_a_voice(nlp, text, speaker):
    quote = only_quote(find_quotes(nlp(text)))
    if speaker is None:
        assert quote.speaker_kind is None  # "news agency officials" are people speaking
        return
    assert (quote.speaker, quote.speaker_kind) == (speaker, "outlet")


@pytest.mark.parametrize(
    "text",
    [
        "Anna Kohl told Reuters that the pier would reopen in May.",
        "Al Jazeera's Sinem Koseoglu said that the talks had ended.",
        "The Harbour Authority said that the pier had reopened.",
        "The city agency said that the pier had reopened.",
        # a newspaper that argues (in court, in an editorial) takes part in the story
        "The Harbour Times argued that the ban on its reporters was unlawful.",
        "The talks were technical, as quoted by her spokesman Tom Reed.",
    ],
)
def test_people_and_bodies_speaking_to_the_press_are_voices(nlp, text):
    assert only_quote(find_quotes(nlp(text))).speaker_kind is None


@pytest.mark.parametrize(
    ("text", "speaker", "issuer"),
    [
        ("The Kremlin's decree says that the delegation will have four members.", "The Kremlin's decree", "Kremlin"),
        ("Marrovia's statement said that the talks had stalled.", "Marrovia's statement", "Marrovia"),
        ("According to the presidential decree issued by the Harbour Council, the delegation includes two generals.",
         "the presidential decree", "Harbour Council"),
        ("According to a statement by the Harbour Ministry of Defence, 300 soldiers were released.",
         "a statement by the Harbour Ministry of Defence", "Harbour Ministry of Defence"),
    ],
)
def test_document_speaks_for_its_named_issuer(nlp, text, speaker, issuer):
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.speaker_entity, quote.speaker_kind) == (speaker, issuer, None)


def test_the_document_refers_back_to_its_issuer(nlp):
    text = ("According to a statement by the Harbour Ministry of Defence, 300 soldiers were released. "
            "The ferry left at noon. The statement indicated that 120 civilians were exchanged.")
    quotes = find_quotes(nlp(text))
    assert [q.speaker_entity for q in quotes] == ["Harbour Ministry of Defence"] * 2


@pytest.mark.parametrize(
    "text",
    [
        "The decree says that the delegation will have four members.",
        "The memorandum states that the ceasefire must hold for thirty days.",
    ],
)
def test_document_without_issuer_stays_the_source(nlp, text):
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker_entity, quote.speaker_kind) == (None, "document")


@pytest.mark.parametrize(
    ("text", "speaker", "resolved"),
    [
        # a plural role is not the one person with that title named last
        ("Mayor Pavel Orlov met the envoys. The presidents of Marrovia and Tessia emphasized that talks must begin.",
         "The presidents of Marrovia and Tessia", None),
        # a body is the body named last, not a person whose title has its word
        ("Harbour Ministry of Defence spokesperson Lena Marr spoke on Monday. The Harbour Ministry of Defence also "
         "confirmed the exchange. The ministry reported that a group of soldiers had returned.",
         "The ministry", "Harbour Ministry of Defence"),
        ("Ivan Petrenko, head of the Marrovian delegation, arrived on Monday. The Marrovian delegation noted that the "
         "exchange had been completed.", "The Marrovian delegation", None),
    ],
)
def test_definite_noun_resolves_only_to_what_it_can_name(nlp, text, speaker, resolved):
    assert _resolved(nlp, text)[-1] == (speaker, resolved)


def test_entity_that_swallowed_a_title_is_the_person_it_ends_with(nlp):
    text = "Defense Minister Oleg Marko led the talks. Council Secretary Oleg Marko stated that a summit was needed."
    entities = [Entity("Oleg Marko", "PERSON", 17, 27), Entity("Council Secretary Oleg Marko", "ORG", 43, 71)]
    assert text[43:71] == "Council Secretary Oleg Marko"
    assert find_quotes(nlp(text), entities)[0].speaker_entity == "Oleg Marko"


def test_surname_the_parse_misses_is_still_the_person(nlp):
    text = ("President Oleg Marko warned that sanctions would follow. Marko, speaking on state radio and to "
            "reporters during his tour, insisted: “Get to the table right now, before it is too late.”")
    entities = [Entity("Oleg Marko", "PERSON", 10, 20)]
    quotes = find_quotes(nlp(text), entities)
    assert [q.speaker_entity for q in quotes] == ["Oleg Marko", "Oleg Marko"]


def test_participle_after_a_quotation_does_not_take_it_from_the_speaker_before(nlp):
    text = ("Local sources, as cited by the Harbour Post, say “the mayor is unmoved by the protests and will keep "
            "the pier closed,” suggesting the city’s own plans remain.")
    quote = next(q for q in find_quotes(nlp(text)) if q.kind == "direct")
    assert (quote.speaker, quote.cue) == ("Local sources", "say")


def test_verb_with_an_infinitive_reports_no_clause_before_it(nlp):
    text = ("Harbour officials maintain that the pier will have to stay closed; neither the mayor nor the governor "
            "is expected to attend unless repairs are done.")
    assert [(q.speaker, q.cue) for q in find_quotes(nlp(text))] == [("Harbour officials", "maintain")]


def test_statement_issued_before_its_quoted_words_gives_them_to_the_issuer(nlp):
    text = "Following the talks, the Marrovian side issued a statement: “Marrovia is ready for a lasting ceasefire.”"
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.cue, quote.kind) == ("the Marrovian side", "issued", "direct")


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        # "it" is the country or body last acting, not a plural group that spoke before
        ("The presidents of Marrovia and Tessia emphasized that talks must begin. The Tessian administration "
         "demanded a withdrawal. It has also emphasized that the port must stay neutral.",
         "The Tessian administration"),
        ("Mayor Anna Kohl said the pier was safe. Marrovia continues to call for the return of the boats it says "
         "were seized.", "Marrovia"),
    ],
)
def test_it_is_the_latest_body_or_country(nlp, text, resolved):
    assert _resolved(nlp, text)[-1][1] == resolved


def test_words_relayed_by_a_correspondent_are_the_speakers_named_with_according_to(nlp):
    text = ("The team was chosen to balance the other side, according to President Anna Kohl, as quoted by "
            "Al Jazeera’s Sinem Koseoglu.")
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker_entity, quote.speaker_kind) == ("Anna Kohl", None)
