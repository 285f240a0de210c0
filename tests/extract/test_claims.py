"""Sentences and claims: filtering, clause splitting, item indices, attribution; reference corpus."""

from __future__ import annotations

import pytest

from synopsis.extract.claims import find_claims, split_sentences
from synopsis.extract.entities import find_entities
from synopsis.extract.quantities import find_quantities
from synopsis.extract.quotes import find_quotes
from synopsis.records import Quote, TimeRef


def _claims(nlp, text, times=(), quotes=()):
    doc = nlp(text)
    sentences = split_sentences(doc)
    entities = find_entities(doc)
    quantities = find_quantities(doc)
    return sentences, entities, quantities, find_claims(doc, sentences, entities, quantities, list(times), list(quotes))


@pytest.mark.parametrize(
    "text,is_claim",
    [
        ("The council approved the new budget on Tuesday.", True),
        ("Police said 40 people were detained after the march.", True),
        ("Why did the council approve the budget so late?", False),
        ("Harbour bridge reopens after repairs", False),  # heading: a line without a final stop
        ("Sign up for our newsletter to get the news first.", False),
        ("Donate today to support independent journalism.", False),
        ("We are committed to reporting fairly on the strike.", False),  # the outlet about itself
        ("Read more about the strike on our website.", False),
        ("The budget vote.", False),  # too short
        ("A list of forty names and addresses of the victims.", False),  # no finite verb
        ("Here is what the two mayors said about the deal.", False),
        ("The mayor insisted: “We will not give up on the bridge.”", True),  # first person inside a quote
        # Correction notes inside a paragraph: the outlet about its article, repeating the wrong value.
        ("Correction: An earlier version of this article said the council approved the budget on Monday.", False),
        ("An earlier version of this story gave the wrong date for the budget vote.", False),
        ("The council corrected the budget figures on Tuesday.", True),
        # Short sentences: a complete fact with a number, date or name is a claim; fragments are not.
        ("Rescuers saved 173 people.", True),
        ("Lind resigned on Friday.", True),
        ("The ferry sank.", False),  # nothing to check it against
        ("By Marta Lind", False),  # byline
        ("Read more here.", False),
        ("Bridge reopens in May", False),  # headline: no final stop
        ("Photo: Marta Lind/Reuters.", False),
        ("Two killed.", False),  # no finite verb
        # The parser makes the subject the root after an aside between commas; the verb still counts.
        ("The ferry Silver Heron, carrying 200 passengers, overturned at 8:15 a.m. near the pier.", True),
        ("The tanker Nordic Dawn, loaded with crude oil, ran aground near the harbour on Sunday.", True),
        ("The ferry Silver Heron, carrying 200 passengers.", False),  # still a fragment
        ("Rescuers at the scene, pictured on Monday.", False),  # a caption: no aside before the participle
        ("The wreckage of the ferry, photographed from a helicopter near the harbour on Tuesday.", False),
    ],
)
def test_claim_filter(nlp, text, is_claim):
    _, _, _, claims = _claims(nlp, text)
    assert bool(claims) is is_claim


@pytest.mark.parametrize(
    "text,sentence,is_claim",
    [
        # The small model hangs the verb on its subject as a participle ("crowd" the root,
        # "watched" a modifier): in running text it is the sentence's verb.
        ("The final ended 2-1. A crowd of 18,000 watched at the stadium.", "A crowd of 18,000", True),
        ("The final ended 2-1. A crowd of 18,000 watched at the stadium.", "The final", True),
        # Standing alone on its line, or after a comma, it is a caption.
        ("The final ended 2-1.\n\nFans at the stadium, pictured on Sunday.", "Fans at", False),
    ],
)
def test_participle_parsed_as_a_modifier_is_the_verb_in_running_text(nlp, text, sentence, is_claim):
    _, _, _, claims = _claims(nlp, text)
    assert any(c.text.startswith(sentence) for c in claims) is is_claim


def test_split_sentences_at_paragraph_breaks_and_trims(nlp):
    text = "  Storm hits the coast\n\nThe storm hit the coast on Monday and cut power to 300 homes.  \nOfficials said repairs would take a week.\n"
    doc = nlp(text)
    sentences = split_sentences(doc)
    assert [s.text for s in sentences] == [
        "Storm hits the coast",
        "The storm hit the coast on Monday and cut power to 300 homes.",
        "Officials said repairs would take a week.",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text


def test_indices_of_items_inside_each_claim(nlp):
    text = (
        "Mayor Anna Berg said the bridge would reopen after 40 days. "
        "The repairs cost $2 million, according to the city council."
    )
    times = [TimeRef("40 days", text.index("40 days"), text.index("40 days") + 7, "DURATION", "P40D")]
    sentences, entities, quantities, claims = _claims(nlp, text, times=times)
    assert len(claims) == 2
    first, second = claims
    assert first.sentence == 0 and second.sentence == 1
    assert {entities[i].text for i in first.entities} == {"Anna Berg"}
    assert [quantities[i].text for i in first.quantities] == ["40 days"]
    assert first.times == (0,) and second.times == ()
    assert [quantities[i].text for i in second.quantities] == ["$2 million"]
    assert {entities[i].text for i in second.entities} == {"city council"} or all(
        entities[i].start >= second.start for i in second.entities
    )
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text


def test_attribution_from_overlapping_quote(nlp):
    text = "The strike will end on Friday, union leader Tom Reyes said. The port stayed closed all day."
    s = text.index("The strike will end on Friday")
    e = text.index(" union")
    sp = text.index("Tom Reyes")
    cue = text.index("said")
    quote = Quote(
        kind="indirect", content=text[s:e - 1], content_start=s, content_end=e - 1, speaker="Tom Reyes",
        speaker_start=sp, speaker_end=sp + 9, cue="said", cue_start=cue, cue_end=cue + 4,
        start=s, end=cue + 4, speaker_entity="Tom Reyes",
    )
    _, _, _, claims = _claims(nlp, text, quotes=[quote])
    assert [(c.quote, c.attributed_to) for c in claims] == [(0, "Tom Reyes"), (None, None)]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a group and a named person: the claim is both of theirs, as the two quotes are
        ("Harbour officials and Mayor Marta Lind said that the pier would reopen in May.",
         [("Harbour officials", "Marta Lind")]),
        ("Marta Lind and her aides insisted that the pier would reopen in May.", [("Marta Lind", "her aides")]),
        # two statements by two speakers in a row are no joint statement
        ("The mayor and the port authority said on Monday that the ferry would resume service. "
         "Tom Berg said the ferry was safe.",
         [("The mayor", "the port authority"), ("Tom Berg",)]),
    ],
)
def test_claim_over_a_joint_statement_credits_every_speaker(nlp, text, speakers):
    doc = nlp(text)
    sentences, entities = split_sentences(doc), find_entities(doc)
    quotes = find_quotes(doc, entities)
    claims = find_claims(doc, sentences, entities, find_quantities(doc), [], quotes)
    assert [(c.attributed_to, *c.co_speakers) for c in claims] == speakers
    for claim in claims:
        # every speaker credited has a quote of the claim's words, with its own span
        own = [q for q in quotes if q.content == quotes[claim.quote].content]
        assert {q.speaker_entity or q.speaker for q in own} == {claim.attributed_to, *claim.co_speakers}


def test_semicolon_splits_independent_clauses(nlp):
    text = "The council approved the new budget on Tuesday; the mayor vetoed the plan on Friday."
    _, _, _, claims = _claims(nlp, text)
    assert [c.text for c in claims] == [
        "The council approved the new budget on Tuesday",
        "the mayor vetoed the plan on Friday.",
    ]
    assert all(c.sentence == 0 for c in claims)


def test_bullet_marker_is_not_part_of_the_claim(nlp):
    text = "Summary\n- The council approved the new budget after a long debate.\n"
    _, _, _, claims = _claims(nlp, text)
    assert [c.text for c in claims] == ["The council approved the new budget after a long debate."]


def test_corpus_claims(nlp, reference_corpus):
    for path in sorted(reference_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences, entities, quantities, claims = _claims(nlp, text)
        assert claims, path.name
        assert len(claims) < len(sentences)  # headings, captions and appeals are left out
        for claim in claims:
            assert text[claim.start:claim.end] == claim.text
            assert not claim.text.rstrip().endswith("?")
            for i in claim.entities:
                assert claim.start <= entities[i].start and entities[i].end <= claim.end
            for i in claim.quantities:
                assert claim.start <= quantities[i].start and quantities[i].end <= claim.end
        if path.name.startswith("000"):
            # The outlet's own appeal is not a claim; the 339 children are.
            assert not any("Donate" in c.text or "we are committed" in c.text for c in claims)
            assert any(quantities[i].value == 339 for c in claims for i in c.quantities)


# Claim frames: the predicate, who acts, negation and modality, read from the parse.
# (sentence, predicate, agent entity text or None, negated, modality)
@pytest.mark.parametrize(
    "text,predicate,agent,negated,modality",
    [
        ("The mayor of Lyon resigned on Monday after the vote.", "resign", None, False, "asserted"),
        ("Berlin is demanding the withdrawal of the inspectors from the plant.", "demand", "Berlin", False, "demanded"),
        ("France demanded that Germany withdraw its inspectors from the plant.", "withdraw", "France", False, "demanded"),
        ("Chancellor Weber did not attend the summit in Oslo.", "attend", "Weber", True, "asserted"),
        ("Chancellor Weber decided not to attend the summit in Oslo.", "attend", "Weber", True, "asserted"),
        ("Chancellor Weber is expected to attend the summit in Oslo.", "attend", "Weber", False, "expected"),
        ("Neither Weber nor Laurent is expected to attend the summit.", "attend", None, True, "expected"),
        # Reported speech: the frame is the reported content's; the speaker is the claim's attribution.
        ("The ministry said that Weber would not attend the summit in Oslo.", "attend", "Weber", True, "future"),
        ("Officials said they hoped the talks would resume next week.", "resume", None, False, "hoped"),
        ("The talks are scheduled to take place in Oslo on Friday.", "take", None, False, "planned"),
        ("Norway offered to host the next round of talks in Oslo.", "host", "Norway", False, "proposed"),
        ("The Norwegian side indicated its readiness to host the next round of talks.", "host", "Norwegian", False, "proposed"),
        ("The delegation was led by Foreign Minister Anna Berg.", "lead", "Anna Berg", False, "asserted"),
    ],
)
def test_claim_frame(nlp, text, predicate, agent, negated, modality):
    _, entities, _, claims = _claims(nlp, text)
    assert len(claims) == 1
    frame = claims[0].frame
    assert frame is not None
    assert (frame.predicate, frame.negated, frame.modality) == (predicate, negated, modality)
    found = entities[frame.agent_entity].text if frame.agent_entity is not None else None
    if agent is None:
        assert found is None
    else:
        assert found is not None and agent in found


def test_claim_frame_of_a_joint_agent_names_no_one_entity(nlp):
    _, _, _, claims = _claims(nlp, "France and Germany signed the treaty in Oslo on Friday.")
    assert claims[0].frame.predicate == "sign" and claims[0].frame.agent_entity is None
