"""Correction and editors' notes are not reporting: no claims, no speakers; the corrected text counts."""

from __future__ import annotations

from synopsis.extract.pipeline import analyze_article
from synopsis.ingest.article import build_article
from synopsis.records import RawDocument

REPORT = "\n\n".join([
    "The delegations of Norland and Estmark met in Vantor on Tuesday for a fourth round of talks. "
    "The meeting lasted about 40 minutes, officials said.",
    "Foreign Minister Ilse Varga said the two sides agreed to exchange 250 prisoners of war next week. "
    "CORRECTION: The exchange will take place at the northern border crossing, not at the port.",
    "Correction: An earlier version of this article said the meeting lasted two hours. It lasted about 40 minutes.",
    "This article has been updated to include comments from the Norland foreign ministry.",
    "Editor's note: An earlier version of this story said the sides would exchange 205 prisoners.",
])


def test_correction_notes_give_no_claims_or_speakers(nlp) -> None:
    analysis = analyze_article(build_article(RawDocument(source="alpha.txt", content=REPORT)), nlp)
    speakers = {c.attributed_to for c in analysis.claims} | {q.speaker for q in analysis.quotes}
    assert not {s for s in speakers if s and ("correction" in s.lower() or "version" in s.lower())}, speakers
    claims = [c.text for c in analysis.claims]
    assert not [c for c in claims if "two hours" in c or "205" in c or "updated" in c], claims
    # The corrected report still counts, including the corrected detail left inside a paragraph.
    assert "The meeting lasted about 40 minutes, officials said." in claims
    assert any("northern border crossing" in c for c in claims)
    assert [r.reason for r in analysis.article.removed].count("correction note") == 3
