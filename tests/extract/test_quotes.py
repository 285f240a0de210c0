"""Attribution finding: patterns, speaker resolution, offsets, and the reference corpus."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from synopsis.extract.nlp import load_nlp
from synopsis.extract.quote_marks import attach_cue, token_mark_index
from synopsis.extract.quotes import find_quotation_marks, find_quotes
from synopsis.records import Entity, Quote

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "istanbul-2025"


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def _only(quotes: list[Quote]) -> Quote:
    assert len(quotes) == 1, [(q.speaker, q.cue, q.content) for q in quotes]
    return quotes[0]


# (sentence, speaker, cue, content, kind)
PATTERNS = [
    # quote, then cue
    ("“We will not give up,” Anna Berg said.", "Anna Berg", "said", "We will not give up", "direct"),
    ('"The plan is dead," said Anna Berg.', "Anna Berg", "said", "The plan is dead", "direct"),
    ("“Prices will rise next year,” the minister warned.", "the minister", "warned", "Prices will rise next year", "direct"),
    # cue, then quote
    ("Anna Berg said: “We will not give up on this plan.”", "Anna Berg", "said", "We will not give up on this plan.", "direct"),
    ('The mayor told reporters, "The bridge stays shut until May."', "The mayor", "told", "The bridge stays shut until May.", "direct"),
    # a quotation over two sentences
    (
        "“The talks were hard. Nobody left the room happy,” the envoy said.",
        "the envoy", "said", "The talks were hard. Nobody left the room happy", "direct",
    ),
    # split quotation: one attribution covering both parts
    (
        "“We tried,” he said, “but the other side would not move.”",
        "he", "said", "We tried,” he said, “but the other side would not move.", "direct",
    ),
    # reported speech
    ("The mayor said that the bridge would reopen in May.", "The mayor", "said", "the bridge would reopen in May", "indirect"),
    ("Tom Reed told reporters the budget was balanced.", "Tom Reed", "told", "the budget was balanced", "indirect"),
    ("The governor told journalists that the road would close.", "The governor", "told", "the road would close", "indirect"),
    ("The minister warned that prices would rise.", "The minister", "warned", "prices would rise", "indirect"),
    ("The senator stated that the vote was fair.", "The senator", "stated", "the vote was fair", "indirect"),
    ("The company claimed that its profits had doubled.", "The company", "claimed", "its profits had doubled", "indirect"),
    ("The judge noted that the law was unclear.", "The judge", "noted", "the law was unclear", "indirect"),
    ("The army announced that the drill had ended.", "The army", "announced", "the drill had ended", "indirect"),
    ("The coach added that the team was tired.", "The coach", "added", "the team was tired", "indirect"),
    ("The ministry confirmed that two ships had docked.", "The ministry", "confirmed", "two ships had docked", "indirect"),
    ("The lawyer insisted that her client was innocent.", "The lawyer", "insisted", "her client was innocent", "indirect"),
    ("The firm denied that it had paid any bribes.", "The firm", "denied", "it had paid any bribes", "indirect"),
    ("The professor argued that the policy had failed.", "The professor", "argued", "the policy had failed", "indirect"),
    ("The doctor explained that the virus spreads quickly.", "The doctor", "explained", "the virus spreads quickly", "indirect"),
    ("The chief stressed that nobody was hurt.", "The chief", "stressed", "nobody was hurt", "indirect"),
    ("The report emphasized that water levels were falling.", "The report", "emphasized", "water levels were falling", "indirect"),
    ("The mayor's spokesman said the plan was dead.", "The mayor's spokesman", "said", "the plan was dead", "indirect"),
    ("A source told TASS that the talks had stalled.", "A source", "told", "the talks had stalled", "indirect"),
    ("The ministry said in a statement that the strike hit a depot.", "The ministry", "said", "the strike hit a depot", "indirect"),
    ("The governor said on Telegram that the fire was out.", "The governor", "said", "the fire was out", "indirect"),
    # according to / as quoted by
    ("According to Anna Berg, the bridge will reopen in May.", "Anna Berg", "According to", "the bridge will reopen in May", "indirect"),
    ("The bridge will reopen in May, according to the city council.", "the city council", "according to", "The bridge will reopen in May", "indirect"),
    ("The talks went well, as quoted by Reuters.", "Reuters", "as quoted", "The talks went well", "indirect"),
    # hearsay without a source
    ("It was reported that the talks had stalled.", None, "reported", "the talks had stalled", "indirect"),
    # a role before the person, the name hung on the body the role is of (QA: Dawn)
    ("According to senior superintendent of police Lena Hartwig, the driver was around 40 years old.",
     "Lena Hartwig", "According to", "the driver was around 40 years old", "indirect"),
    ("A spokesman for Rescue 1122, Tomas Verhoeven, said the death toll had risen.",
     "Tomas Verhoeven", "said", "the death toll had risen", "indirect"),
    # bodies named by their function, and media (QA: AP, Al Jazeera)
    ("Four workers were hurt, the inspectorate said.", "the inspectorate", "said", "Four workers were hurt", "indirect"),
    ("Firefighters needed less than an hour to contain the flames, according to the regional emergency inspectorate.",
     "the regional emergency inspectorate", "according to", "Firefighters needed less than an hour to contain the flames",
     "indirect"),
    ("Talks resumed in Marlow on Monday, according to Arvenian state media.", "Arvenian state media", "according to",
     "Talks resumed in Marlow on Monday", "indirect"),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), PATTERNS)
def test_finds_attribution_pattern(nlp, text, speaker, cue, content, kind):
    quote = _only(find_quotes(nlp(text)))
    assert (quote.speaker, quote.cue, quote.content, quote.kind) == (speaker, cue, content, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was closed for repairs in May.",
        "That said, the bridge will reopen soon.",
        "He called the plan a “disaster” and left.",  # a scare quote with no speech cue
        "The council denied the permit on Monday.",  # speech verb without a reported clause
        # Correction notes: no speaker ("Correction" is a label), and what they repeat was wrong.
        "Correction: An earlier version of this article said the bridge would reopen in May.",
        "CORRECTION: The bridge will reopen in June, not in May as first reported.",
    ],
)
def test_finds_no_attribution(nlp, text):
    assert find_quotes(nlp(text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A dateline opening the story is never a speaker (QA: "QUETTA:" became "Quetta").
        ("MARLOW: Nine people were killed when a bomb exploded at the market on Tuesday, police said.",
         [("police", "said", "Nine people were killed when a bomb exploded at the market on Tuesday")]),
        ("MARLOW: Three houses burned down on Sunday night in the old town.", []),
        # The parser takes the dateline for a second subject of the cue.
        ("KELLTOWN: At least 21 people were killed and 40 injured when a bomber blew himself up at the "
         "General Bus Stand on Tuesday, rescue officials said.",
         [("rescue officials", "said", "At least 21 people were killed and 40 injured when a bomber blew himself "
           "up at the General Bus Stand on Tuesday")]),
        ("The fire spread fast.\nMARLOW: Three houses burned down on Sunday, the fire service said.",
         [("the fire service", "said", "Three houses burned down on Sunday")]),
        # Not even below an introduction, when the paragraph reports another speaker's words.
        ("The storm hit overnight.\nKELLTOWN: Nine people were killed in the flood on Tuesday, rescue officials said.",
         [("rescue officials", "said", "Nine people were killed in the flood on Tuesday")]),
    ],
)
def test_a_dateline_is_not_a_speaker(nlp, text, expected):
    found = [(q.speaker, q.cue, q.content) for q in find_quotes(nlp(text))]
    assert found == expected


def test_a_sentence_final_cue_inside_a_reported_clause_keeps_the_speaker_out_of_the_words(nlp):
    """"A, spokesman X told reporters, Reuters reported": X's words stop before his title (QA: fire)."""
    text = ("Firefighters brought the blaze under control after about 40 minutes, fire service spokesman "
            "Tomas Verhoeven told reporters, Harbor Wire reported.")
    [spokesman] = [q for q in find_quotes(nlp(text)) if q.speaker == "Tomas Verhoeven"]
    assert spokesman.content == "Firefighters brought the blaze under control after about 40 minutes"


def test_transcript_label_is_a_speaker(nlp):
    text = "The interview went on.\nPENCE: Well, the debate tomorrow night will be about the economy."
    quote = _only(find_quotes(nlp(text)))
    assert (quote.speaker, quote.cue) == ("PENCE", ":")
    assert quote.content.startswith("Well, the debate")


def test_dash_label_with_quotation_is_a_speaker(nlp):
    text = "The poll closed on Friday.\nMaria Lopez ― “I will vote for the first time this year.”"
    quote = _only(find_quotes(nlp(text)))
    assert (quote.speaker, quote.kind, quote.content) == ("Maria Lopez", "direct", "I will vote for the first time this year.")


def test_coordinated_speakers_give_one_attribution_each(nlp):
    text = "Both Anna Berg and Tom Reed stated that the bridge would reopen."
    quotes = find_quotes(nlp(text))
    assert sorted(q.speaker for q in quotes) == ["Anna Berg", "Tom Reed"]
    assert {q.content for q in quotes} == {"the bridge would reopen"}


def test_partial_quote_inside_reported_speech_is_indirect(nlp):
    text = "The mayor said that the city had proposed “short pauses” in the work."
    quote = _only(find_quotes(nlp(text)))
    assert quote.kind == "indirect"
    assert quote.content == "the city had proposed “short pauses” in the work"


def test_title_is_not_part_of_the_speaker(nlp):
    quote = _only(find_quotes(nlp("Former President Bill Clinton said that the law was broken.")))
    assert quote.speaker == "Bill Clinton"


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


# --- quotation marks and offsets ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A” and “B”", ["“A”", "“B”"]),
        ('He said "yes" twice.', ['"yes"']),
        ("“Outer “inner” words” end", ["“Outer “inner” words”"]),
        ('"Outer “inner” words" end', ['"Outer “inner” words"']),
        ("“First paragraph.\n\n“Second paragraph,” she said.", ["“First paragraph.\n\n“Second paragraph,”"]),
        ("“Never closed\n\nNext paragraph.", ["“Never closed"]),
        ("He said ''we won'' today.", ["''we won''"]),
    ],
)
def test_pairs_quotation_marks(text, expected):
    assert [text[m.start:m.end] for m in find_quotation_marks(text)] == expected


def test_ascii_double_single_quotes_are_direct_quotes(nlp):
    quote = _only(find_quotes(nlp("''We have never been edited,'' Anna Berg said.")))
    assert (quote.kind, quote.content, quote.speaker) == ("direct", "We have never been edited", "Anna Berg")


OFFSET_TEXTS = [text for text, *_ in PATTERNS] + [
    "“A long day,” said Anna Berg. “We will be back.”\n\nAccording to the ministry, the port stays open.",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_offsets_point_into_the_text(nlp, text):
    doc = nlp(text)
    for q in find_quotes(doc):
        assert text[q.content_start:q.content_end] == q.content
        if q.speaker is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
            assert q.start <= q.speaker_start and q.speaker_end <= q.end
        if q.cue is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
            assert q.start <= q.cue_start and q.cue_end <= q.end
        assert q.start <= q.content_start and q.content_end <= q.end


# --- the reference corpus ------------------------------------------------------


def _clean(raw: str) -> str:
    if importlib.util.find_spec("synopsis.ingest.clean") is not None:
        from synopsis.ingest.clean import clean_text

        cleaned = clean_text(raw)
        return cleaned[0] if isinstance(cleaned, tuple) else cleaned  # (text, removed)
    return raw


def test_reference_article_resolves_both_delegation_heads(nlp):
    path = next(CORPUS.glob("000_*.txt"))
    text = _clean(path.read_text(encoding="utf-8"))
    doc = nlp(text)
    quotes = find_quotes(doc)
    resolved = {q.speaker_entity for q in quotes}
    assert "Vladimir Medinsky" in resolved
    assert "Rustem Umerov" in resolved
    # surnames and pronouns are resolved, not just the full-name mentions
    assert any(q.speaker in ("he", "He") and q.speaker_entity == "Vladimir Medinsky" for q in quotes)
    assert any(q.speaker == "Umerov" and q.speaker_entity == "Rustem Umerov" for q in quotes)
    assert any(q.kind == "direct" for q in quotes) and any(q.kind == "indirect" for q in quotes)
    for q in quotes:
        assert text[q.content_start:q.content_end] == q.content


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
    quote = _only(find_quotes(nlp("Borovia’s lead negotiator, Ivan Petrenko, confirmed that a larger exchange was planned.")))
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
    quote = _only(find_quotes(nlp(text)))
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
    assert _only(find_quotes(nlp(text))).speaker_kind is None


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
    quote = _only(find_quotes(nlp(text)))
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
    quote = _only(find_quotes(nlp(text)))
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
    quote = _only(find_quotes(nlp(text)))
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
    quote = _only(find_quotes(nlp(text)))
    assert (quote.speaker_entity, quote.speaker_kind) == ("Anna Kohl", None)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the parser runs an unpunctuated heading into the sentence after it: the heading is the
        # subject and the speaker its object
        ("The talks ended.\n\nAgenda of talks\n\nHarbour Spokesman Ivo Lind said on Monday that the two towns "
         "would discuss the draft plans.", "Ivo Lind", "the two towns would discuss the draft plans"),
        # or the verb gets two subjects, the heading's first
        ("The talks ended.\n\nStatement on the Possibility of the Mayor’s Participation in the Talks\n\nOn May 15, "
         "Mayor Ivo Lind stated that he had considered attending the talks.", "Ivo Lind",
         "he had considered attending the talks"),
        # what was said does not start in the heading either
        ("The talks ended.\n\nAgreements\n\nMarrovia and Tessia agreed to swap prisoners, a source told "
         "reporters.", "a source", "Marrovia and Tessia agreed to swap prisoners"),
    ],
)
def test_a_heading_is_neither_speaker_nor_words(nlp, text, speaker, content):
    named = [Entity("Ivo Lind", "PERSON", text.index("Ivo"), text.index("Ivo") + 8)] if "Ivo" in text else []
    quote = _only(find_quotes(nlp(text), named))
    assert (quote.speaker, quote.content) == (speaker, content)
    assert text[quote.speaker_start:quote.speaker_end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "President Ivo Lind celebrated the return of more than 1,000 sailors, saying on Telegram:\n"
        "“Bringing all our people back is a priority for the state. We will go on.”",
        "President Ivo Lind, speaking on state radio, insisted:\n“Get to the table right now, before it is too late.”",
    ],
)
def test_a_line_ending_in_a_colon_introduces_the_quotation_on_the_next(nlp, text):
    # web pages set a long quotation apart on a line of its own: the cue is the line before it
    quote = _only(find_quotes(nlp(text), [Entity("Ivo Lind", "PERSON", 10, 18)]))
    assert (quote.speaker_entity, quote.kind) == ("Ivo Lind", "direct")
    assert quote.content == text[text.index("“") + 1:text.rindex("”")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Local sources say\n“The mayor is unmoved by the protests and will keep the pier closed.”", "say"),
        ("The mayor said on the radio:\n“We will keep the pier closed until the council agrees.”", "said"),
        # a line that says nothing introduces nothing
        ("The talks went on all night\n“We will keep the pier closed until the council agrees.”", None),
        ("Local sources say so.\n“The mayor is unmoved by the protests and will keep the pier closed.”", None),
    ],
)
def test_cue_of_a_quotation_set_apart_on_its_own_line(nlp, text, cue):
    marks = find_quotation_marks(text)
    doc = nlp(text)
    hit = attach_cue(doc, marks, 0, token_mark_index(doc, marks))
    assert (hit[0].text if hit else None) == cue


def test_a_line_ending_in_a_speech_verb_introduces_the_quotation_on_the_next(nlp):
    text = ("Local sources, as cited by the Harbour Post, say\n“The mayor is unmoved by the protests and will keep "
            "the pier closed,”\nsuggesting the city’s own plans remain.")
    quotes = find_quotes(nlp(text))
    quote = next(q for q in quotes if q.kind == "direct")
    assert (quote.speaker, quote.cue) == ("Local sources", "say")
    assert quote.content == "The mayor is unmoved by the protests and will keep the pier closed"
    # and no second, uncued copy of the same words
    assert [q for q in quotes if "mayor" in q.content] == [quote]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the clause is what the participle with its own subject reports, not the verb it hangs on
        ("Marrovia immediately rejected the plan, with Lind stating that such a meeting should only happen after a "
         "peace framework has been established.", ["Lind"]),
        # a participle with no subject of its own says the same speaker's words
        ("Mayor Ivo Lind responded to the offer by stating in a public address that he supported direct talks.",
         ["Ivo Lind"]),
    ],
)
def test_a_clause_is_reported_by_the_verb_whose_subject_says_it(nlp, text, speakers):
    assert [q.speaker for q in find_quotes(nlp(text))] == speakers


@pytest.mark.parametrize("bullet", ["- ", "• ", "* "])
@pytest.mark.parametrize("item", ["Marrovia says that Tessia must withdraw its boats.", "Marrovia said the talks had failed."])
def test_a_list_items_bullet_is_no_part_of_the_speaker(nlp, bullet, item):
    text = f"Key points:\n{bullet}{item}\n{bullet}Talks go on."
    quote = _only(find_quotes(nlp(text)))
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Marrovia", "Marrovia")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the clause before a semicolon is the outlet's, not what the verb after it reports
        ("Vell was arrested in March; Marrovia had demanded a fine of 2m dollars from him.", []),
        ("The envoy said the deal was fair; critics disagreed.", [("The envoy", "said", "the deal was fair")]),
        # and what a verb reports ends at the semicolon after it
        ("Marrovia had also demanded that Vell pay a fine of $2 million; under the deal, the fine was waived.",
         [("Marrovia", "demanded", "Vell pay a fine of $2 million")]),
        # inside a quotation a semicolon is the speaker's own
        ('The envoy said: "We won; they lost."', [("The envoy", "said", "We won; they lost.")]),
    ],
)
def test_a_semicolon_ends_what_a_verb_reports(nlp, text, expected):
    found = [(q.speaker, q.cue, q.content) for q in find_quotes(nlp(text))]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # QA pass 23: the parser read "that price growth ... left room" as a noun phrase, the
        # object of "argued", and the governor's argument was lost
        ("Dr Vorhagen, the governor, argued that price growth of 2.4 per cent in September left room to act.",
         "price growth of 2.4 per cent in September left room to act"),
        ("Dr Vorhagen, the governor, contended that inflation had peaked.", "inflation had peaked"),
    ],
)
def test_a_speaker_with_an_appositive_title_argues_a_clause(nlp, text, content):
    found = [(q.speaker, q.content) for q in find_quotes(nlp(text))]
    assert ("Dr Vorhagen", content) in found, found


def test_a_speech_verb_with_a_that_noun_object_reports_nothing(nlp):
    # "that" as a determiner of a plain object is no clause
    assert not find_quotes(nlp("The governor denied that claim at the meeting."))
