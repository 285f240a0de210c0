"""Small hand-built records for unit tests (no spaCy needed)."""

from __future__ import annotations

from synopsis.records import (
    AlignedClaim,
    Article,
    ArticleAnalysis,
    Evidence,
    Outlet,
    Quote,
    Removed,
)


def make_article(article_id: str, outlet: str, text: str, kind: str = "newspaper", **extra) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=Outlet(outlet, kind), **extra)


def make_quote(text: str, content: str, speaker: str, kind: str = "direct") -> Quote:
    """A quote whose content and speaker are located in ``text`` by search."""
    c = text.index(content)
    s = text.index(speaker)
    return Quote(
        kind=kind,
        content=content,
        content_start=c,
        content_end=c + len(content),
        speaker=speaker,
        speaker_start=s,
        speaker_end=s + len(speaker),
        cue="said",
        cue_start=None,
        cue_end=None,
        start=min(c, s),
        end=max(c + len(content), s + len(speaker)),
        speaker_entity=speaker,
    )


def evidence_for(analysis: ArticleAnalysis, sentence: str) -> Evidence:
    start = analysis.article.text.index(sentence)
    return Evidence(analysis.article.id, analysis.article.outlet.name, start, start + len(sentence), sentence)


def make_claim(claim_id: str, status: str, evidence: list[Evidence]) -> AlignedClaim:
    outlets = tuple(dict.fromkeys(e.outlet for e in evidence))
    return AlignedClaim(
        id=claim_id,
        text=evidence[0].text,
        status=status,
        sources=outlets,
        independent_sources=outlets,
        evidence=tuple(evidence),
    )


def removed(text: str, reason: str) -> Removed:
    return Removed(text=text, reason=reason, start=0, end=len(text))
