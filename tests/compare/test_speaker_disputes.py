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
    assert label_claims([group], analyses, origins)[0].status == "corroborated"
    assert label_claims([group], analyses, origins, disputes=disputes)[0].status == "disputed"


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
