"""Who said what from extracted text: co-speakers each count, passives that name no one do not."""

from __future__ import annotations

import pytest

from synopsis.compare.voices import count_voices, group_quotes
from synopsis.extract.nlp import load_nlp
from synopsis.extract.pipeline import analyze_article
from tests.factories import make_article

TEXT = (
    "Ana Ruiz arrived on Monday. Harbour officials and Ana Ruiz said that the pier would reopen in May. "
    "It was proposed that the ferry run twice a day. "
    "A source said that the cranes would arrive in June."
)


@pytest.fixture(scope="module")
def analysis():
    return analyze_article(make_article("a1", "Daily A", TEXT), load_nlp())


def test_each_co_speaker_is_a_voice_and_a_passive_with_no_one_named_is_none(analysis):
    voices = dict(count_voices(analysis))
    assert voices.get("Ana Ruiz") == 1
    assert voices.get("Harbour officials") == 1
    # "a source" is a voice the article does not name; "it was proposed" is the outlet's own
    assert voices.get("unnamed source") == 1


def test_who_said_what_lists_the_statement_under_each_co_speaker(analysis):
    grouped = group_quotes([analysis])
    pier = sorted(q.speaker for q in grouped if "pier" in q.text)
    assert pier == ["Ana Ruiz", "Harbour officials"]
    assert not any("ferry" in q.text for q in grouped)
    # each co-speaker's evidence points at the same words in the article
    spans = {(e.start, e.end) for q in grouped if "pier" in q.text for e in q.evidence}
    assert len(spans) == 1 and TEXT[slice(*spans.pop())] == "the pier would reopen in May"
