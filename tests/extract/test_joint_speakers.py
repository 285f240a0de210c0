"""Attribution of joint statements and of passives: each co-speaker of "officials and President X
said" is a speaker, "they" after them is all of them, and a passive with no one named is the
outlet's own reporting unless said on behalf of someone."""

from __future__ import annotations

import pytest

from synopsis.extract.quotes import find_quotes
from synopsis.records import Entity
from tests.extract.quote_checks import only_quote


# --- co-speakers and passives with no one named --------------------------------


def _named(text: str, **names: list[str]) -> list[Entity]:
    """The entities the pipeline would give: each name, by label, where the text has it."""
    found = [Entity(name, label, text.index(name), text.index(name) + len(name))
             for label, listed in names.items() for name in listed if name in text]
    return sorted(found, key=lambda e: e.start)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a group and a named person
        ("Harbour officials and Mayor Ana Ruiz said that the pier would reopen in May.",
         ["Harbour officials", "Ana Ruiz"]),
        # two common nouns, each with its own determiner, and a possessor
        ("The mayor and the governor said that the pier would reopen in May.", ["The mayor", "the governor"]),
        ("Ana Ruiz and her aides said that the pier would reopen in May.", ["Ana Ruiz", "her aides"]),
        # "both ... and": the preconjunction belongs to neither speaker
        ("Both Marrovia and Borovia said that the pier would reopen in May.", ["Marrovia", "Borovia"]),
        # a passive's agent can be coordinated too
        ("It was proposed by harbour officials and Mayor Ana Ruiz that the pier reopen in May.",
         ["harbour officials", "Ana Ruiz"]),
    ],
)
def test_each_co_speaker_has_an_attribution_of_its_own(nlp, text, speakers):
    quotes = find_quotes(nlp(text), _named(text, PERSON=["Ana Ruiz"], GPE=["Marrovia", "Borovia"]))
    assert [q.speaker for q in quotes] == speakers
    assert len({q.content for q in quotes}) == 1 and "pier" in quotes[0].content
    for quote in quotes:
        assert text[quote.speaker_start:quote.speaker_end] == quote.speaker


def test_second_title_of_one_person_is_no_second_speaker(nlp):
    # "the former minister and current envoy": one person, the determiner is shared
    quote = only_quote(find_quotes(nlp("The former harbour minister and current envoy said that the pier would reopen.")))
    assert quote.speaker == "The former harbour minister and current envoy"


@pytest.mark.parametrize(
    "text",
    [
        'Her friend and colleague Tom Berg told the paper: "She is thin and tired, but she is still Ana."',
        "His brother and business partner Tom Berg said that the shop would reopen in May.",
    ],
)
def test_roles_coordinated_before_a_name_are_that_person(nlp, text):
    # a bare noun after "and" shares the first role's determiner: both roles are the named person's
    quote = only_quote(find_quotes(nlp(text), _named(text, PERSON=["Tom Berg"])))
    assert (quote.speaker, quote.speaker_entity) == ("Tom Berg", "Tom Berg")
    assert text[quote.speaker_start:quote.speaker_end] == "Tom Berg"


def test_a_role_with_its_own_determiner_before_a_name_is_another_speaker(nlp):
    text = "Her sister and Tom Berg said that the shop would reopen in May."
    quotes = find_quotes(nlp(text), _named(text, PERSON=["Tom Berg"]))
    assert [q.speaker for q in quotes] == ["Her sister", "Tom Berg"]


def test_co_speaker_is_not_resolved_to_another_in_the_list(nlp):
    text = "Ana Ruiz, Tom Berg and the mayor said that the pier would reopen in May."
    quotes = find_quotes(nlp(text), _named(text, PERSON=["Ana Ruiz", "Tom Berg"]))
    assert [(q.speaker, q.speaker_entity) for q in quotes] == [
        ("Ana Ruiz", "Ana Ruiz"), ("Tom Berg", "Tom Berg"), ("the mayor", None)]


def test_a_name_the_parser_took_for_an_apposition_in_a_list_is_a_co_speaker(nlp):
    # the small model hangs "Tom Berg" on "Ana Ruiz" as an apposition
    text = "Ana Ruiz, Tom Berg, and Ivo Lind said that the pier would reopen in May."
    quotes = find_quotes(nlp(text), _named(text, PERSON=["Ana Ruiz", "Tom Berg", "Ivo Lind"]))
    assert [q.speaker for q in quotes] == ["Ana Ruiz", "Tom Berg", "Ivo Lind"]


@pytest.mark.parametrize(
    ("text", "they"),
    [
        # "they" after a joint statement is all of its speakers, not the last one named
        ("Port officials and union leaders said on Monday that the strike would end soon. "
         "They said the talks had gone well.", ["Port officials", "union leaders"]),
        # people too: a plural pronoun takes up the whole coordinated subject
        ("Ana Ruiz and Tom Berg said that the pier would reopen in May. They said the ferry would run again.",
         ["Ana Ruiz", "Tom Berg"]),
        # and again in the next sentence
        ("Port officials and union leaders said that the strike would end soon. They said the talks had "
         "gone well. They added that the port would reopen.", ["Port officials", "union leaders"]),
        # a group that spoke after the list is who "they" is
        ("Port officials and union leaders said that the strike would end soon. Fishermen said that "
         "the harbour was empty. They added that the boats had been sold.", ["Fishermen"]),
    ],
)
def test_they_after_a_joint_statement_is_each_of_its_speakers(nlp, text, they):
    quotes = find_quotes(nlp(text), _named(text, PERSON=["Ana Ruiz", "Tom Berg"]))
    last = [q for q in quotes if q.content == quotes[-1].content]
    assert [q.speaker_entity for q in last] == they
    # each is a quote of its own, with the pronoun's span
    assert all(text[q.speaker_start:q.speaker_end] == "They" for q in last)


@pytest.mark.parametrize(
    ("first", "issuers"),
    [
        ("Harbour officials said", ["Harbour officials"]),
        ("Port officials and union leaders said", ["Port officials", "union leaders"]),
    ],
)
@pytest.mark.parametrize(
    ("then", "speaker"),
    [
        ("They later issued a statement. The statement said that the pier would reopen.", "The statement"),
        ("According to their statement, the pier would reopen.", "their statement"),
        ("In a statement by them, it was stressed that the pier would reopen.", "them"),
    ],
)
def test_a_document_they_issued_is_theirs(nlp, first, issuers, then, speaker):
    text = f"{first} that the talks had ended. {then}"
    quotes = [q for q in find_quotes(nlp(text)) if q.speaker == speaker]
    assert [(q.speaker_entity, q.speaker_kind) for q in quotes] == [(issuer, None) for issuer in issuers]


@pytest.mark.parametrize(
    "text",
    [
        "It was proposed that the two sides exchange their prisoners before winter.",
        "At the meeting it was agreed that the ferry would run twice a day.",
        "It was also noted that the harbour needs new cranes.",
    ],
)
def test_passive_that_names_no_one_is_the_outlets_own_reporting(nlp, text):
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.speaker_entity, quote.speaker_kind) == (None, None, "outlet")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("It was proposed by the Borovian side that the two sides exchange their prisoners.", "the Borovian side"),
        # the parser hangs the clause on the agent: it is still what the agent proposed
        ("In Marrow, it was agreed by the two delegations that prisoners would be swapped.", "the two delegations"),
    ],
)
def test_passive_with_an_agent_is_the_agents_statement(nlp, text, speaker):
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.speaker_kind) == (speaker, None)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the words were said for someone: theirs, not the outlet's own reporting
        ("In remarks delivered on behalf of the harbour commission, it was stressed that the pier would reopen "
         "in May.", ["the harbour commission"]),
        # the one it was said for is not the one the reported words mention
        ("In remarks made on behalf of the commission, it was noted that talks on behalf of the union would "
         "resume.", ["the commission"]),
        ("On behalf of the harbour board, it was announced that the pier would reopen in May.", ["the harbour board"]),
        ("“We will rebuild the pier,” it was said on behalf of the council.", ["the council"]),
        ("It was stressed on behalf of Marrovia and Borovia that the ferry would run twice a day.",
         ["Marrovia", "Borovia"]),
        # said in a document whose issuer the sentence names
        ("In a statement by the ministry, it was stressed that the pier would reopen in May.", ["the ministry"]),
        # already so: "according to X" in the same sentence
        ("According to the harbour board, it was stressed that the pier would reopen in May.", ["the harbour board"]),
    ],
)
def test_agentless_passive_said_on_behalf_of_someone_is_theirs(nlp, text, speakers):
    quotes = find_quotes(nlp(text), _named(text, GPE=["Marrovia", "Borovia"]))
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [(s, None) for s in speakers]
    for quote in quotes:
        assert text[quote.speaker_start:quote.speaker_end] == quote.speaker


@pytest.mark.parametrize(
    "text",
    [
        # "on behalf of" inside what is reported names no one who said it
        "It was noted that talks on behalf of the union would resume in May.",
        # a document whose issuer is not named
        "In a statement, it was stressed that the pier would reopen in May.",
    ],
)
def test_agentless_passive_said_for_no_one_named_stays_own_reporting(nlp, text):
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.speaker_kind) == (None, "outlet")


@pytest.mark.parametrize(
    "text",
    [
        "A source said that the ferry would run twice a day.",
        # someone told the envoy; the text does not say who
        "The envoy was told that the ferry would run twice a day.",
    ],
)
def test_unnamed_source_stays_a_voice(nlp, text):
    quote = only_quote(find_quotes(nlp(text)))
    assert quote.speaker_kind is None
