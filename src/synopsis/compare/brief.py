"""A short neutral brief built from source sentences, every sentence cited to its evidence."""

from __future__ import annotations

import re
from typing import Sequence

from synopsis.compare.voices import content_words, word_overlap
from synopsis.records import AlignedClaim, ArticleAnalysis, BriefSentence, Dispute, Evidence

MAX_FACTS = 6
MAX_DISPUTES = 4
# Sentences longer than this read as paragraphs in a brief; prefer a shorter
# version of the same fact when an outlet gives one.
MAX_WORDS = 45
# Two facts whose sentences share more than half their content words say the
# same thing twice; the brief keeps the first.
REDUNDANT_OVERLAP = 0.5
# Outlets whose own reporting is preferred as the wording shown, in this order
# (wire copy is written to be neutral and reusable); every outlet is still cited.
PREFERRED_KINDS = ("wire service", "broadcaster", "newspaper", "independent")


# A sentence that opens with a pronoun or a connective leans on the sentence
# before it in its article; out of context, in a brief, it reads as nonsense.
_DEPENDENT_OPENING = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|however|also|meanwhile|"
    r"still|yet|then|there|here)\b",
    re.IGNORECASE,
)


def stands_alone(text: str) -> bool:
    """Whether a source sentence can be read without the sentence before it."""
    return not _DEPENDENT_OPENING.match(text.lstrip("“\"'‘ "))


def _wording(claim: AlignedClaim, kinds: dict[str, str]) -> Evidence:
    """The evidence whose sentence reads best as a neutral statement of the fact."""

    def rank(evidence: Evidence) -> tuple:
        words = len(evidence.text.split())
        quoted = any(mark in evidence.text for mark in '“”"')
        kind = kinds.get(evidence.outlet)
        preference = PREFERRED_KINDS.index(kind) if kind in PREFERRED_KINDS else len(PREFERRED_KINDS)
        return (not stands_alone(evidence.text), quoted, words > MAX_WORDS, preference, abs(words - 25))

    return min(claim.evidence, key=rank)


def _position(claim: AlignedClaim, lengths: dict[str, int]) -> float:
    """How early the fact comes in the articles that report it (leads state the main facts)."""
    return min(e.start / max(lengths.get(e.article_id, 1), 1) for e in claim.evidence)


def write_brief(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[AlignedClaim],
    disputes: Sequence[Dispute] = (),
    max_facts: int = MAX_FACTS,
) -> list[BriefSentence]:
    """Corroborated facts in source wording, then the disputed points with every version."""
    kinds = {a.article.outlet.name: a.article.outlet.kind for a in analyses if a.article.outlet}
    lengths = {a.article.id: len(a.article.text) for a in analyses}
    ranked = sorted(
        (c for c in claims if c.status == "corroborated" and c.evidence),
        key=lambda c: (-len(c.independent_sources), -len(c.sources), _position(c, lengths)),
    )
    chosen: list[tuple[AlignedClaim, Evidence]] = []
    seen_words: list[frozenset[str]] = []
    for claim in ranked:
        if not any(stands_alone(e.text) for e in claim.evidence):
            continue
        wording = _wording(claim, kinds)
        words = content_words(wording.text)
        if any(word_overlap(words, other) > REDUNDANT_OVERLAP for other in seen_words):
            continue
        chosen.append((claim, wording))
        seen_words.append(words)
        if len(chosen) == max_facts:
            break
    chosen.sort(key=lambda item: _position(item[0], lengths))

    brief = [
        BriefSentence(
            text=" ".join(wording.text.split()),
            # The chosen wording first, then every other outlet's report of the fact.
            citations=(wording,) + tuple(e for e in claim.evidence if e != wording),
        )
        for claim, wording in chosen
    ]
    for dispute in list(disputes)[:MAX_DISPUTES]:
        versions = "; ".join(f"{v.value} ({', '.join(v.sources)})" for v in dispute.versions)
        brief.append(
            BriefSentence(
                text=f"Accounts differ on {dispute.what}: {versions}.",
                citations=tuple(e for v in dispute.versions for e in v.evidence),
            )
        )
    return [sentence for sentence in brief if sentence.citations]
