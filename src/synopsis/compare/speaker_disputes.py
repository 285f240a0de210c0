"""Speaker disputes: one quotation that outlets give to different people.

A quotation's words belong to one speaker: two outlets that print the same words, each as said by
someone else, cannot both be right, and a fact-checker must see that rather than read the words
as corroborated by both. Reported speech is not compared this way: "police said 12 died" and
"the ministry said 12 died" are two sources of one fact, not a misattribution.

Two direct quotations are the same quotation when they share a sentence of the same content words
(at least ``MIN_QUOTED_WORDS``; verbatim copies and a longer quotation holding a shorter one), or
when the aligner put their sentences in one claim group and most of the shorter one's content
words are in the longer (``SAME_QUOTATION_SHARE``). Blocking on the sentences' words and on the
groups keeps this linear in the number of quotations.

Speakers are compared as the story's entities (``link.entities``): "Petraitis", "Tomas
Petraitis" and "the prime minister" (a title only one person of the story holds) are one person.
A speaker the story cannot resolve to a person (a pronoun nothing resolves, "a source", a body)
takes no side: it contradicts no one. Outlets that give the quotation to two people together
("X and Y said") agree with an outlet that names only one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from synopsis.compare.citations import name_outlet
from synopsis.compare.dispute_versions import join_names, unique_in_order
from synopsis.compare.quoted_wording import is_pronoun
from synopsis.compare.voices import content_words
from synopsis.link.entities import EntityResolution
from synopsis.link.names import fold
from synopsis.records import ArticleAnalysis, Dispute, DisputeVersion, Evidence, Quote, StoryEntity

# A quoted sentence of fewer content words ("We will appeal", "No comment") may well be said by
# two people: only longer ones identify a quotation.
MIN_QUOTED_WORDS = 4
# Quotations in one aligned claim group are one quotation when this share of the shorter one's
# content words is in the longer (a word changed or left out in copying).
SAME_QUOTATION_SHARE = 0.8
# The quotation named in a dispute is cut after this many words.
SHOWN_WORDS = 14

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PERSON_TYPES = frozenset({"PERSON", "person"})


@dataclass(frozen=True)
class _Quotation:
    """One direct quotation of one article, with whom the story takes its speaker to be."""

    article_id: str
    outlet: str
    content: str
    words: frozenset[str]
    sentences: tuple[frozenset[str], ...]  # each quoted sentence's content words, long enough to identify it
    speaker: StoryEntity | None
    evidence: tuple[Evidence, ...]  # the article's sentences that carry the quotation


def _titled(resolution: EntityResolution) -> dict[str, list[StoryEntity]]:
    """The story's persons by each title outlets give them, folded ("prime minister")."""
    found: dict[str, list[StoryEntity]] = {}
    for entity in resolution.entities:
        if entity.type in _PERSON_TYPES:
            for title in {fold(t.text) for t in entity.titles}:
                found.setdefault(title, []).append(entity)
    return found


def speaker_entity(quote: Quote, resolution: EntityResolution,
                   titled: dict[str, list[StoryEntity]] | None = None) -> StoryEntity | None:
    """The person of the story a quotation's speaker is, or None when unresolved or no person.
    A speaker written as a title ("the prime minister") is the one person of the story holding it
    (``titled``: ``_titled(resolution)``, worked out once per story)."""
    if quote.speaker_kind is not None:  # an outlet or a document: no voice of its own
        return None
    for name in (quote.speaker_entity, quote.speaker):
        if not name or is_pronoun(name):
            continue
        entity = resolution.find(name)
        if entity is None:
            holders = (titled if titled is not None else _titled(resolution)).get(
                re.sub(r"^(?:the|a|an)\s+", "", fold(name)), [])
            entity = holders[0] if len(holders) == 1 else None
        if entity is not None:
            return entity if entity.type in _PERSON_TYPES else None
    return None


def _quotations(analyses: Sequence[ArticleAnalysis], resolution: EntityResolution) -> list[_Quotation]:
    found = []
    titled = _titled(resolution)
    for analysis in analyses:
        outlet = name_outlet(analysis)
        for index, quote in enumerate(analysis.quotes):
            if quote.kind != "direct" or quote.speaker_kind is not None:
                continue
            sentences = tuple(words for part in _SENTENCE_END.split(quote.content)
                              if len(words := content_words(part)) >= MIN_QUOTED_WORDS)
            words = content_words(quote.content)
            if len(words) < MIN_QUOTED_WORDS:
                continue
            evidence = tuple(Evidence(analysis.article.id, outlet, c.start, c.end, c.text)
                             for c in analysis.claims if c.quote == index)
            if not evidence:
                text = analysis.article.text[quote.start:quote.end]
                evidence = (Evidence(analysis.article.id, outlet, quote.start, quote.end, text),)
            found.append(_Quotation(analysis.article.id, outlet, quote.content, words, sentences,
                                    speaker_entity(quote, resolution, titled), evidence))
    return found


def _same_words(first: _Quotation, second: _Quotation) -> bool:
    shorter, longer = sorted((first.words, second.words), key=len)
    return len(shorter & longer) >= SAME_QUOTATION_SHARE * len(shorter)


class _Joined:
    """Union-find over quotation numbers."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, first: int, second: int) -> None:
        self.parent[self.find(first)] = self.find(second)


def _members(group) -> list[tuple[str, int]]:
    """The (article_id, claim_index) members of an aligned group (pairs, or objects with those fields)."""
    return [(m.article_id, m.claim_index) if hasattr(m, "article_id") else tuple(m)
            for m in getattr(group, "members", group)]


def _same_quotations(quotations: list[_Quotation], groups: Iterable, analyses: Sequence[ArticleAnalysis]) -> list[list[int]]:
    """The quotations grouped into one per quotation, by shared sentences and by claim groups."""
    joined = _Joined(len(quotations))
    first_with: dict[frozenset[str], int] = {}
    for number, quotation in enumerate(quotations):
        for sentence in quotation.sentences:
            joined.join(number, first_with.setdefault(sentence, number))
    # Claim groups: the quotations whose sentences the aligner found to report the same thing.
    at: dict[tuple[str, int, int], list[int]] = {}
    for number, quotation in enumerate(quotations):
        for e in quotation.evidence:
            at.setdefault((e.article_id, e.start, e.end), []).append(number)
    claims = {a.article.id: a.claims for a in analyses}
    for group in groups:
        inside = []
        for article_id, index in _members(group):
            article_claims = claims.get(article_id, ())
            if index is not None and 0 <= index < len(article_claims):
                claim = article_claims[index]
                inside.extend(at.get((article_id, claim.start, claim.end), ()))
        for number in inside[1:]:
            if _same_words(quotations[inside[0]], quotations[number]):
                joined.join(number, inside[0])
    clusters: dict[int, list[int]] = {}
    for number in range(len(quotations)):
        clusters.setdefault(joined.find(number), []).append(number)
    return [members for members in clusters.values() if len(members) > 1]


def _versions(quotations: list[_Quotation]) -> list[list[_Quotation]]:
    """The quotation's reports split by speaker: each article's speakers together (a joint
    statement), articles whose speakers overlap in one version; unresolved speakers left out."""
    speakers: dict[str, set[str]] = {}
    for q in quotations:
        if q.speaker is not None:
            speakers.setdefault(q.article_id, set()).add(q.speaker.name)
    articles = list(speakers)
    joined = _Joined(len(articles))
    for i, first in enumerate(articles):
        for j in range(i):
            if speakers[first] & speakers[articles[j]]:
                joined.join(i, j)
    versions: dict[int, list[_Quotation]] = {}
    for i, article in enumerate(articles):
        versions.setdefault(joined.find(i), []).extend(q for q in quotations if q.article_id == article and q.speaker)
    return list(versions.values())


def _shown(quotations: Sequence[_Quotation]) -> str:
    """The quotation as a dispute names it: its shortest report, cut after ``SHOWN_WORDS`` words."""
    content = min((q.content for q in quotations), key=lambda c: (len(c), c)).strip().rstrip(".,;: ")
    words = content.split()
    return " ".join(words[:SHOWN_WORDS]) + ("…" if len(words) > SHOWN_WORDS else "")


def find_speaker_disputes(groups: Iterable, analyses: Sequence[ArticleAnalysis],
                          resolution: EntityResolution) -> list[Dispute]:
    """Quotations that outlets give to different people of the story, every version with its outlets.

    ``groups`` are aligned claim groups (``link.align.ClaimGroup`` or sequences of
    ``(article_id, claim_index)``); ``resolution`` tells who each speaker is across spellings.
    """
    quotations = _quotations(analyses, resolution)
    disputes = []
    for members in _same_quotations(quotations, groups, analyses):
        reports = [quotations[n] for n in members]
        versions = _versions(reports)
        outlets = [{q.outlet for q in version} for version in versions]
        # An outlet that gives the words to two people in two articles contradicts itself, not the
        # others: a version only such outlets give is no side of a dispute between outlets.
        versions = [v for v, mine in zip(versions, outlets)
                    if any(all(o not in theirs for theirs in outlets if theirs is not mine) for o in mine)]
        if len(versions) < 2:
            continue
        records = []
        for version in versions:
            names = unique_in_order(sorted({q.speaker.name for q in version}))
            ordered = sorted(version, key=lambda q: (q.outlet, q.evidence[0].start))
            records.append(DisputeVersion(
                value=" and ".join(names), normalized=" and ".join(names),
                sources=tuple(unique_in_order(q.outlet for q in ordered)),
                evidence=tuple(dict.fromkeys(e for q in ordered for e in q.evidence)),
            ))
        records.sort(key=lambda v: (-len(v.sources), v.normalized))
        shown = _shown(reports)
        parts = [f"{join_names(list(v.sources))} {'gives' if len(v.sources) == 1 else 'give'} it to {v.value}"
                 for v in records]
        disputes.append(Dispute(
            what=f"speaker of the quotation “{shown}”", kind="speaker", versions=tuple(records),
            explanation=f"Outlets disagree on who said “{shown}”: " + "; ".join(parts) + ".",
        ))
    return disputes


__all__ = ["MIN_QUOTED_WORDS", "SAME_QUOTATION_SHARE", "find_speaker_disputes", "speaker_entity"]
