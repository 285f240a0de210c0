"""Who said it: one quotation given to different people by different outlets (our own sentences,
fictional outlets and people, read by the real extractor)."""

from __future__ import annotations

import pytest

from synopsis.compare.consensus import label_claims
from synopsis.compare.speaker_disputes import find_speaker_disputes
from synopsis.compare.independence import OriginInfo
from synopsis.link.align import ClaimGroup, ClaimMember
from synopsis.link.entities import resolve_entities
from tests.compare.dispute_builders import extracted

QUOTE = "The pier must be rebuilt before any passenger boards again"
MARKS = f'"{QUOTE},"'


def speaker_disputes(nlp, texts: dict[str, str]):
    analyses = extracted(nlp, texts)
    return analyses, find_speaker_disputes([], analyses, resolve_entities(analyses))


def test_one_quotation_given_to_two_people_is_a_dispute_with_each_versions_outlets(nlp) -> None:
    analyses, disputes = speaker_disputes(nlp, {
        "Alpha": f"Harbour master Ilse Marend closed the ferry line on Tuesday. {MARKS} she said.",
        "Bravo": f"The ferry line was closed on Tuesday. {MARKS} said Mayor Pavel Ostrik.",
        "Charlie": f"The ferry line closed on Tuesday. {MARKS} Marend said.",
    })
    [dispute] = disputes
    assert dispute.kind == "speaker"
    assert QUOTE in dispute.what
    versions = {v.value: v.sources for v in dispute.versions}
    # "she" (resolved in her article) and "Marend" are the one person the story calls Ilse Marend.
    assert versions == {"Ilse Marend": ("Alpha", "Charlie"), "Pavel Ostrik": ("Bravo",)}
    # Each version cites the sentences that give it.
    for version in dispute.versions:
        assert {e.outlet for e in version.evidence} == set(version.sources)
        assert all(QUOTE in e.text for e in version.evidence)
    assert "Bravo gives it to Pavel Ostrik" in dispute.explanation

    # The aligned quotation is disputed, not corroborated by the outlet naming someone else.
    members = []
    for analysis in analyses:
        index = next(i for i, c in enumerate(analysis.claims) if QUOTE in c.text)
        claim = analysis.claims[index]
        members.append(ClaimMember(analysis.article.id, index, claim.text, claim.start, claim.end))
    group = ClaimGroup("g", tuple(members), 0, members[0].text, 1.0)
    origins = {a.article.id: OriginInfo(a.article.id, a.article.outlet.name, a.article.outlet.name, False,
                                        claim_witnesses=(), claim_notes=()) for a in analyses}
    canonical = resolve_entities(analyses).canonical_name
    # Alpha and Charlie give the words to Marend and corroborate each other; Bravo's report, which
    # gives them to Ostrik, is no witness of theirs (``consensus.split_by_speakers``).
    labelled = label_claims([group], analyses, origins, canonical_name=canonical)
    assert [(c.status, c.sources) for c in labelled] == [("corroborated", ("Alpha", "Charlie")),
                                                          ("single-source", ("Bravo",))]
    labelled = label_claims([group], analyses, origins, disputes=disputes, canonical_name=canonical)
    assert [c.status for c in labelled] == ["disputed", "disputed"]


def test_one_person_under_a_surname_a_full_name_a_title_or_a_pronoun_is_no_dispute(nlp) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"Harbour master Ilse Marend closed the ferry line on Tuesday. {MARKS} she said.",
        "Bravo": f"Ilse Marend, the harbour master, spoke at the quay. {MARKS} the harbour master said.",
        "Charlie": f"{MARKS} said Ilse Marend, who runs the harbour.",
        "Delta": f"The ferry line closed on Tuesday. {MARKS} Marend said.",
    })
    assert disputes == []


def test_a_speaker_nothing_resolves_takes_no_side(nlp) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"The ferry line closed on Tuesday. {MARKS} an official said.",
        "Bravo": f"The ferry line closed on Tuesday. {MARKS} said Mayor Pavel Ostrik.",
    })
    assert disputes == []


@pytest.mark.parametrize("first, second", [
    # Reported speech: two sources of one fact, not a misattribution.
    ("Mayor Pavel Ostrik said the pier must be rebuilt before passengers board again.",
     "Harbour master Ilse Marend said the pier must be rebuilt before passengers board again."),
    # A short quotation two people may well both say.
    ('"We will rebuild," said Mayor Pavel Ostrik.', '"We will rebuild," said harbour master Ilse Marend.'),
])
def test_reported_speech_and_short_quotations_are_no_misattribution(nlp, first, second) -> None:
    _, disputes = speaker_disputes(nlp, {"Alpha": first, "Bravo": second})
    assert disputes == []


def test_a_quotation_carried_in_a_longer_one_is_the_same_quotation(nlp) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f'"{QUOTE}. Repairs will take weeks," said harbour master Ilse Marend.',
        "Bravo": f"The ferry line was closed on Tuesday. {MARKS} said Mayor Pavel Ostrik.",
    })
    [dispute] = disputes
    assert {v.value: v.sources for v in dispute.versions} == {"Ilse Marend": ("Alpha",), "Pavel Ostrik": ("Bravo",)}
    # The dispute names the words both give, not one outlet's longer quotation.
    assert "Repairs" not in dispute.what


def test_a_speaker_written_as_a_title_is_the_one_person_of_the_story_holding_it(nlp) -> None:
    budget = '"The budget must be passed before the summer recess begins,"'
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"Prime Minister Anton Velk met the unions on Tuesday. {budget} he said.",
        # No name in this article: the title says who, through the story's other articles.
        "Bravo": f"The unions met the government on Tuesday. {budget} the prime minister said.",
        "Charlie": f"{budget} said Finance Minister Lena Sobrin.",
    })
    [dispute] = disputes
    assert {v.value: v.sources for v in dispute.versions} == {"Anton Velk": ("Alpha", "Bravo"), "Lena Sobrin": ("Charlie",)}


def test_the_story_report_shows_who_said_it_as_disputed_and_the_brief_states_neither_speaker(nlp) -> None:
    from synopsis.compare.story import build_story_report
    from synopsis.records import Story

    analyses = extracted(nlp, {
        "Alpha": f"Harbour master Ilse Marend closed the Orvik ferry line on Tuesday after a storm damaged the pier. "
                 f"{MARKS} she said.",
        "Bravo": f"The Orvik ferry line was closed on Tuesday after a storm damaged the pier. {MARKS} said Mayor Pavel Ostrik.",
        "Charlie": f"A storm damaged the pier in Orvik on Tuesday and the ferry line was closed. {MARKS} Marend said.",
    })
    report = build_story_report(Story("s", "t", tuple(a.article.id for a in analyses)), analyses)
    [dispute] = [d for d in report.disputes if d.kind == "speaker"]
    assert {v.value: v.sources for v in dispute.versions} == {"Ilse Marend": ("Alpha", "Charlie"),
                                                              "Pavel Ostrik": ("Bravo",)}
    quoted = [c for c in report.claims if QUOTE in c.text]
    assert quoted and all(c.status == "disputed" for c in quoted)
    [line] = [s.text for s in report.brief if QUOTE in s.text]
    assert line.startswith("Accounts differ on speaker of the quotation")


@pytest.mark.parametrize("first", [
    # "she" after men and one woman named, who is only mentioned: she is the one the pronoun fits.
    "Mayor Pavel Ostrik met union leader Tomas Brin at the quay. Defence of the plan came from Treasurer "
    "Nadia Kell, who spoke after lawyer Boris Feld. \"The fund cannot pay for a second harbour wall this "
    "decade,\" she said.",
    # "he" after two men named: either may be meant, so it takes no side.
    "Mayor Pavel Ostrik met union leader Tomas Brin at the quay. "
    "\"The fund cannot pay for a second harbour wall this decade,\" he said afterwards.",
    # "she" after a person whose gender the article does not give: a guess, no side.
    "Harbour master Okon Marend warned that the pier was unsafe. "
    "\"The fund cannot pay for a second harbour wall this decade,\" she said.",
])
def test_a_speaker_only_an_unchecked_pronoun_names_cannot_start_a_dispute(nlp, first) -> None:
    analyses, disputes = speaker_disputes(nlp, {
        "Alpha": first,
        "Bravo": "\"The fund cannot pay for a second harbour wall this decade,\" said Treasurer Nadia Kell.",
    })
    assert disputes == []


@pytest.mark.parametrize("first", [
    # "she" right after a man is named: the one woman named before is who the pronoun fits.
    "Harbour master Ilse Marend warned that the pier was unsafe. Mayor Pavel Ostrik agreed. "
    "\"The fund cannot pay for a second harbour wall this decade,\" she said.",
    # a pronoun the one person nearby fits, by a role noun
    "Port spokeswoman Okon Marend warned that the pier was unsafe. "
    "\"The fund cannot pay for a second harbour wall this decade,\" she said.",
])
def test_a_pronoun_that_agrees_with_one_person_takes_their_side(nlp, first) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": first,
        "Bravo": "\"The fund cannot pay for a second harbour wall this decade,\" said Mayor Pavel Ostrik.",
    })
    [dispute] = disputes
    marend = next(v.value for v in dispute.versions if v.value.endswith("Marend"))
    assert {v.value: v.sources for v in dispute.versions} == {marend: ("Alpha",), "Pavel Ostrik": ("Bravo",)}


def test_a_pronoun_speaker_still_joins_the_version_of_the_person_it_resolves_to(nlp) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"Harbour master Ilse Marend closed the ferry line on Tuesday. {MARKS} she said.",
        "Bravo": f"The ferry line was closed on Tuesday. {MARKS} said Mayor Pavel Ostrik.",
        "Charlie": f"The ferry line closed on Tuesday. {MARKS} Marend said.",
    })
    [dispute] = disputes
    assert {v.value: v.sources for v in dispute.versions} == {"Ilse Marend": ("Alpha", "Charlie"),
                                                              "Pavel Ostrik": ("Bravo",)}


@pytest.mark.parametrize("spokesman", [
    "port spokesman Arne Dahl said, reading a statement on behalf of Mayor Pavel Ostrik.",
])
def test_a_spokesman_reading_someones_words_is_no_second_speaker(nlp, spokesman) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"{MARKS} Mayor Pavel Ostrik said in a statement.",
        "Bravo": f"The city would not reopen the line. {MARKS} {spokesman}",
    })
    assert disputes == []


@pytest.mark.parametrize("first, second", [
    ("We have no plans to close the ferry line this winter.", "We have plans to close the ferry line this winter."),
    ("The pier will not be rebuilt before the summer season.", "The pier will be rebuilt before the summer season."),
    ("The pier won't be rebuilt before the summer season.", "The pier will be rebuilt before the summer season."),
])
def test_a_quotation_and_its_negation_are_two_statements(nlp, first, second) -> None:
    texts = {"Alpha": f'Mayor Pavel Ostrik said: "{first}"',
             "Bravo": f'Harbour master Ilse Marend said: "{second}"'}
    analyses, disputes = speaker_disputes(nlp, texts)
    assert disputes == []
    # Nor in one aligned claim group (the aligner may put a statement and its denial together).
    group = [(a.article.id, i) for a in analyses for i, c in enumerate(a.claims) if '"' in c.text]
    assert find_speaker_disputes([group], analyses, resolve_entities(analyses)) == []


def test_a_reworded_copy_in_one_claim_group_is_disputed_in_each_outlets_own_words(nlp) -> None:
    first = "The pier must be rebuilt before any passenger boards again"
    second = "The pier must be rebuilt before a single passenger boards again"
    analyses = extracted(nlp, {
        "Alpha": f'"{first}," said harbour master Ilse Marend.',
        "Bravo": f'"{second}," said Mayor Pavel Ostrik.',
    })
    resolution = resolve_entities(analyses)
    # Not the same sentence: only the aligner's group makes them one quotation.
    assert find_speaker_disputes([], analyses, resolution) == []
    group = [(a.article.id, i) for a in analyses for i, c in enumerate(a.claims) if '"' in c.text]
    [dispute] = find_speaker_disputes([group], analyses, resolution)
    assert {v.value: v.sources for v in dispute.versions} == {"Ilse Marend": ("Alpha",), "Pavel Ostrik": ("Bravo",)}
    # Neither outlet's wording is shown as the other's.
    assert first not in dispute.what and second not in dispute.what
    assert f"Alpha gives “{first}” to Ilse Marend" in dispute.explanation
    assert f"Bravo gives “{second}” to Pavel Ostrik" in dispute.explanation


def test_a_long_quotation_of_few_content_words_given_to_two_named_people_is_a_dispute(nlp) -> None:
    words = "We will not go back to the yards on our knees"
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f'Union leader Ilse Marend spoke at the gates. "{words}," Marend said.',
        "Bravo": f'Mayor Pavel Ostrik spoke at the gates. "{words}," Ostrik said.',
    })
    [dispute] = disputes
    assert {v.value: v.sources for v in dispute.versions} == {"Ilse Marend": ("Alpha",), "Pavel Ostrik": ("Bravo",)}
    assert words in dispute.what


def test_a_cut_quotation_shows_no_quotation_mark_left_open(nlp) -> None:
    inner = 'The mayor had "treated the port as his private garden for many long years and more" before the vote'
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f'“{inner},” said harbour master Ilse Marend.',
        "Bravo": f'“{inner},” said Mayor Pavel Ostrik.',
    })
    [dispute] = disputes
    assert dispute.what.count('"') % 2 == 0


@pytest.mark.parametrize("repeated", [
    "Harbour master Ilse Marend repeated Ostrik's warning:",
    # Whose warning the story cannot tell: no side either.
    "Harbour master Ilse Marend repeated the ferry captain's warning:",
])
def test_someone_repeating_anothers_words_is_no_second_speaker(nlp, repeated) -> None:
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"{MARKS} Mayor Pavel Ostrik said on Tuesday.",
        "Bravo": f'{repeated} "{QUOTE}."',
    })
    assert disputes == []


def test_a_role_noun_speaker_is_the_person_the_article_gives_that_title(nlp) -> None:
    # "captain" is no speaker noun of its own; the article names its captain, so "the captain" is her.
    landing = '"Everyone on board walked off that aircraft without a scratch,"'
    _, disputes = speaker_disputes(nlp, {
        "Alpha": f"The jet landed safely on Tuesday. Brave captain Edda Frost was cheered. {landing} the captain said.",
        "Bravo": f"The jet landed safely on Tuesday. {landing} said airline chief executive Tomas Wren.",
    })
    [dispute] = disputes
    assert {v.value: v.sources for v in dispute.versions} == {"Edda Frost": ("Alpha",), "Tomas Wren": ("Bravo",)}


def test_a_quotation_differing_only_in_a_names_spelling_is_one_quotation(nlp) -> None:
    texts = {
        "Alpha": 'The club signed Tomasz Rudak on Monday. "Tomasz is exactly the kind of defender we have lacked," '
                 "said manager Ilse Marend.",
        "Bravo": 'The club signed Tomas Rudak on Monday. "Tomas is exactly the kind of defender we have lacked," '
                 "said director Pavel Ostrik.",
    }
    [dispute] = speaker_disputes(nlp, texts)[1]
    assert {v.value for v in dispute.versions} == {"Ilse Marend", "Pavel Ostrik"}
    # Each outlet's own spelling is shown, as no wording is shared by both.
    assert "“Tomasz is exactly" in dispute.explanation and "“Tomas is exactly" in dispute.explanation
    # Another name in that place is another quotation (one about another player), no misattribution.
    texts["Bravo"] = texts["Bravo"].replace("Tomas Rudak", "Henrik Salo").replace('"Tomas', '"Henrik')
    assert speaker_disputes(nlp, texts)[1] == []


@pytest.mark.parametrize("phrase, disputed", [("Dorota Kaminska", True), ("Port Kaminska", False)])
def test_a_given_name_before_a_surname_the_model_took_for_a_place_names_a_person(nlp, phrase, disputed) -> None:
    from synopsis.extract.pipeline import analyze_doc
    from tests.factories import make_article

    words = '"Workers are paying the price for a deal that will make bankers rich,"'
    texts = {
        "Alpha": f"The dairy was sold on Monday. {words} said {phrase}.",
        "Bravo": f"The dairy was sold on Monday. {words} said chief executive Paul Ashvale.",
    }
    analyses = []
    for outlet, text in texts.items():
        doc = nlp(text)
        if outlet == "Alpha":
            # The small model sometimes labels such a surname a place: give it that label whatever
            # it found; the extractor reads the name as written.
            start = text.index("Kaminska")
            doc.ents = [doc.char_span(start, start + len("Kaminska"), label="GPE")]
        analyses.append(analyze_doc(make_article(f"id-{outlet}", outlet, text, published="2026-03-04T09:00:00+00:00"), doc))
    disputes = find_speaker_disputes([], analyses, resolve_entities(analyses))
    assert [sorted(v.value for v in d.versions) for d in disputes] == ([[phrase, "Paul Ashvale"]] if disputed else [])


def test_words_given_to_an_unnamed_role_are_not_corroborated_by_an_outlet_naming_someone_else(nlp) -> None:
    from synopsis.compare.story import build_story_report
    from synopsis.records import Story

    landing = '"Everyone on board walked off that aircraft without a scratch,"'
    texts = {
        "Alpha": f"A jet made an emergency landing at Orvik airport on Tuesday. {landing} the captain said.",
        "Bravo": f"A jet made an emergency landing at Orvik airport on Tuesday. {landing} "
                 "airline chief executive Tomas Wren told reporters.",
    }
    analyses = extracted(nlp, texts)
    report = build_story_report(Story("s", "t", tuple(a.article.id for a in analyses)), analyses)
    # No one in the story is "the captain", so there is no dispute of who said it; but neither
    # report may be cited in the brief for the other's speaker.
    assert not [s for s in report.brief if "without a scratch" in s.text]
    # The same words given to the same person by both are corroborated, as before.
    texts["Alpha"] = texts["Alpha"].replace("the captain said", "said Tomas Wren, the airline's chief executive")
    analyses = extracted(nlp, texts)
    report = build_story_report(Story("s", "t", tuple(a.article.id for a in analyses)), analyses)
    assert [len(s.citations) for s in report.brief if "without a scratch" in s.text] == [2]
