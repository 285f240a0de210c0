"""Alignment reads who does what (claim frames): same words, different fact, are not one fact.

Each article is one sentence run through the real extraction, so the frame comes from the parse.
"""

from __future__ import annotations

import pytest

from synopsis.extract.embed import Embedder
from synopsis.extract.pipeline import analyze_article
from synopsis.link.align import align_claims
from synopsis.link.entities import resolve_entities
from tests.factories import make_article


@pytest.fixture(scope="module")
def embedder():
    return Embedder.load()


def aligned(nlp, embedder, first: str, second: str) -> bool:
    """Whether the two sentences, from two outlets, land in one group (as a story report aligns them)."""
    analyses = [
        analyze_article(make_article("alpha", "Alpha Times", first), nlp),
        analyze_article(make_article("beta", "Beta Post", second), nlp),
    ]
    assert all(len(a.claims) == 1 for a in analyses)
    resolution = resolve_entities(analyses)
    return len(align_claims(analyses, embedder, canonical=resolution.canonical)) == 1


@pytest.mark.parametrize(
    "first, second",
    [
        # Opposite actors: each demands the other's withdrawal.
        ("Germany is demanding the full withdrawal of French troops from the border region.",
         "France has demanded the full withdrawal of German troops from the border region."),
        # An expectation and the event.
        ("The two prime ministers are expected to sign the fisheries agreement in Oslo.",
         "The two prime ministers signed the fisheries agreement in Oslo."),
        # A hope and an announcement by the same speaker.
        ("Minister Anna Berg said she hoped the fisheries talks would resume in Oslo.",
         "Minister Anna Berg said the fisheries talks would resume in Oslo."),
        # One asserts what the other denies: a dispute, not agreement.
        ("Prime Minister Lars Holm attended the fisheries summit in Oslo on Friday.",
         "Prime Minister Lars Holm did not attend the fisheries summit in Oslo on Friday."),
    ],
)
def test_same_words_different_frame_do_not_align(nlp, embedder, first, second):
    assert not aligned(nlp, embedder, first, second)


@pytest.mark.parametrize(
    "first, second",
    [
        # The same denial, worded twice.
        ("Prime Minister Lars Holm did not attend the fisheries summit in Oslo on Friday.",
         "Lars Holm, the prime minister, did not attend Friday's fisheries summit in Oslo."),
        # The same demand by the same party, its capital standing for it.
        ("Germany is demanding the full withdrawal of French troops from the border region.",
         "Berlin is demanding the full withdrawal of French troops from the border region."),
        # The same expectation.
        ("The two prime ministers are expected to sign the fisheries agreement in Oslo.",
         "Both prime ministers are expected to sign the fisheries agreement in Oslo."),
    ],
)
def test_same_frame_still_aligns(nlp, embedder, first, second):
    assert aligned(nlp, embedder, first, second)
