"""Speaker disputes: one quotation that outlets give to different people.

A quotation's words belong to one speaker: two outlets that print the same words, each as said by
someone else, cannot both be right, and a fact-checker must see that rather than read the words
as corroborated by both. Reported speech is not compared this way: "police said 12 died" and
"the ministry said 12 died" are two sources of one fact, not a misattribution.

Two direct quotations are the same quotation when they share a sentence of the same content words
in the same order, negators kept ("no plans" is not "plans"; at least ``MIN_QUOTED_WORDS`` of them
or ``MIN_QUOTED_LENGTH`` words in all; verbatim copies and a longer quotation holding a shorter
one), or when the aligner put their sentences in one claim group, most of the shorter one's
content words are in the longer (``SAME_QUOTATION_SHARE``) and both are negated or neither. Blocking on the sentences' words and on the
groups keeps this linear in the number of quotations.

Speakers are compared as the story's entities (``link.entities``): "Petraitis", "Tomas
Petraitis" and "the prime minister" (a title only one person of the story holds) are one person.
A speaker the story cannot resolve to a person (a pronoun nothing resolves, "a source", a body)
takes no side: it contradicts no one. Nor does a side only unchecked pronouns give: without
gender evidence the extractor resolves "she" to the person named last, and with another person of
that gender named in between it cannot tell which, so such a pronoun may join the version of the
person it resolves to but cannot make one. A pronoun the extractor resolved to the one person
nearby whose known gender agrees (``Quote.pronoun_agrees``: "Ana Ribeiro ... she said") is as good
as the name. A spokesman reading someone's statement ("on behalf
of X") or someone repeating X's words gives X's words: X is one of their speakers. Outlets that give the quotation to two people together
("X and Y said") agree with an outlet that names only one of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from synopsis.compare.citations import name_outlet
from synopsis.compare.dispute_versions import join_names, unique_in_order
from synopsis.compare.quoted_wording import is_pronoun
from synopsis.facts.words import content_words
from synopsis.link.entities import EntityResolution
from synopsis.link.entity_clustering import UnionFind
from synopsis.link.names import fold
from synopsis.link.person_names import given_names_compatible, surnames_match
from synopsis.records import ArticleAnalysis, Dispute, DisputeVersion, Evidence, Quote, StoryEntity

# A quoted sentence of fewer content words ("We will appeal", "No comment") may well be said by
# two people: only longer ones identify a quotation, or ones of this many words in all ("We will
# not go back to the classrooms on our knees" has three content words but is no stock phrase).
MIN_QUOTED_WORDS = 4
MIN_QUOTED_LENGTH = 8
# Quotations in one aligned claim group are one quotation when this share of the shorter one's
# content words is in the longer (a word changed or left out in copying).
SAME_QUOTATION_SHARE = 0.8
# The quotation named in a dispute is cut after this many words.
SHOWN_WORDS = 14

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Words that turn a statement into its opposite: "We have no plans to close the line" and "We have
# plans to close the line" are two statements, however many words they share.
_NEGATORS = frozenset({"not", "no", "never", "nothing", "none", "nor", "neither", "cannot"})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_NOT = re.compile(r"n[’']t\b", re.IGNORECASE)
# Someone who reads out another's words: "reading a statement on behalf of Minister X", "a
# spokesman for X", "a statement from X". The words are X's, so X is a speaker of them too.
_SPEAKS_FOR = re.compile(
    r"\b(?:on behalf of|speaking for|spokes(?:man|woman|person) for|statement (?:from|by|of))\s+(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)")
_PERSON_TYPES = frozenset({"PERSON", "person"})


@dataclass(frozen=True)
class _Quotation:
    """One direct quotation of one article, with whom the story takes its speaker to be."""

    article_id: str
    outlet: str
    content: str
    words: frozenset[str]  # content words and negators
    sentences: tuple[tuple[str, ...], ...]  # each quoted sentence's words (``_sequence``), long enough to identify it
    speaker: StoryEntity | None
    evidence: tuple[Evidence, ...]  # the article's sentences that carry the quotation
    # Only a pronoun names the speaker ('"…," she said') and the extractor could not check it by
    # gender: its guess at whom it refers to may be any person named before, so it cannot make a
    # side of its own.
    by_pronoun: bool = False
    speaks_for: frozenset[str] = frozenset()  # the people whose words the speaker reads out


def _sequence(text: str) -> tuple[str, ...]:
    """A statement's content words in order, negators kept: what identifies its wording."""
    text = _NOT.sub(" not", text)
    kept = content_words(text) | _NEGATORS
    return tuple(w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w in kept)


def _identifies(text: str, sequence: tuple[str, ...]) -> bool:
    return len(sequence) >= MIN_QUOTED_WORDS or len(_WORD.findall(text)) >= MIN_QUOTED_LENGTH


# Someone who repeats another's words: "repeated the harbour master's warning", "quoting Marend's words".
_REPEATS = re.compile(
    r"\b(?:repeat|quot|cit|echo|read)\w*\s+(?:the\s+|a\s+)?((?:\w[\w.-]*\s+){0,4}?\w[\w.-]*)['’]s?\s+"
    r"(?:warning|words|statement|remarks?|comments?|message|appeal|call|pledge|promise|letter)\b",
    re.IGNORECASE)


def _spoken_for(evidence: Sequence[Evidence], resolution: EntityResolution,
                titled: dict[str, list[StoryEntity]]) -> frozenset[str] | None:
    """The people of the story the sentences say the speaker speaks for or repeats
    (``_SPEAKS_FOR``, ``_REPEATS``): a name, or a title only one person of the story holds. None
    when they say the words are someone else's but not whose ("repeated the harbour master's
    warning", no one of the story known by that title)."""
    found = set()
    matches = [m for e in evidence for m in [*_SPEAKS_FOR.finditer(e.text), *_REPEATS.finditer(e.text)]]
    for match in matches:
        words = match.group(1).split()
        # "Education Minister Rui Tavares": the longest tail of the phrase that is a person
        for start in range(len(words)):
            tail = " ".join(words[start:])
            entity = resolution.find(tail)
            holders = titled.get(fold(tail), []) if entity is None else []
            entity = entity or (holders[0] if len(holders) == 1 else None)
            if entity is not None and entity.type in _PERSON_TYPES:
                found.add(entity.name)
                break
    return None if matches and not found else frozenset(found)


def persons_by_title(resolution: EntityResolution) -> dict[str, list[StoryEntity]]:
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
    (``titled``: ``persons_by_title(resolution)``, worked out once per story)."""
    if quote.speaker_kind is not None:  # an outlet or a document: no voice of its own
        return None
    for name in (quote.speaker_entity, quote.speaker):
        if not name or is_pronoun(name):
            continue
        entity = resolution.find(name)
        if entity is None:
            holders = (titled if titled is not None else persons_by_title(resolution)).get(
                re.sub(r"^(?:the|a|an)\s+", "", fold(name)), [])
            entity = holders[0] if len(holders) == 1 else None
        if entity is not None:
            return entity if entity.type in _PERSON_TYPES else None
    return None


def _quotations(analyses: Sequence[ArticleAnalysis], resolution: EntityResolution) -> list[_Quotation]:
    found = []
    titled = persons_by_title(resolution)
    for analysis in analyses:
        outlet = name_outlet(analysis)
        for index, quote in enumerate(analysis.quotes):
            if quote.kind != "direct" or quote.speaker_kind is not None:
                continue
            sentences = tuple(words for part in _SENTENCE_END.split(quote.content)
                              if _identifies(part, words := _sequence(part)))
            if not _identifies(quote.content, _sequence(quote.content)):
                continue
            words = frozenset(_sequence(quote.content))
            evidence = tuple(Evidence(analysis.article.id, outlet, c.start, c.end, c.text)
                             for c in analysis.claims if c.quote == index)
            if not evidence:
                text = analysis.article.text[quote.start:quote.end]
                evidence = (Evidence(analysis.article.id, outlet, quote.start, quote.end, text),)
            speaks_for = _spoken_for(evidence, resolution, titled)
            # Someone else's words, and the story cannot say whose: no side (like an unresolved speaker).
            speaker = speaker_entity(quote, resolution, titled) if speaks_for is not None else None
            found.append(_Quotation(analysis.article.id, outlet, quote.content, words, sentences, speaker,
                                    evidence, by_pronoun=is_pronoun(quote.speaker) and not quote.pronoun_agrees,
                                    speaks_for=speaks_for or frozenset()))
    return found


def _same_words(first: _Quotation, second: _Quotation) -> bool:
    """Most of the shorter one's words in the longer, and the same negation."""
    if first.words & _NEGATORS != second.words & _NEGATORS:
        return False
    shorter, longer = sorted((first.words, second.words), key=len)
    return len(shorter & longer) >= SAME_QUOTATION_SHARE * len(shorter)


def _members(group) -> list[tuple[str, int]]:
    """The (article_id, claim_index) members of an aligned group (pairs, or objects with those fields)."""
    return [(m.article_id, m.claim_index) if hasattr(m, "article_id") else tuple(m)
            for m in getattr(group, "members", group)]


def _same_quotations(quotations: list[_Quotation], groups: Iterable, analyses: Sequence[ArticleAnalysis],
                     names: frozenset[str] = frozenset()) -> list[list[int]]:
    """The quotations grouped into one per quotation, by shared sentences (``names``: the words of
    the story's names, whose spellings may differ, ``_join_name_variants``) and by claim groups."""
    joined = UnionFind(len(quotations))
    first_with: dict[tuple[str, ...], int] = {}
    for number, quotation in enumerate(quotations):
        for sentence in quotation.sentences:
            joined.union(number, first_with.setdefault(sentence, number))
    _join_name_variants(quotations, names, joined)
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
                joined.union(number, inside[0])
    clusters: dict[int, list[int]] = {}
    for number in range(len(quotations)):
        clusters.setdefault(joined.find(number), []).append(number)
    return [members for members in clusters.values() if len(members) > 1]


def _join_name_variants(quotations: list[_Quotation], names: frozenset[str], joined: UnionFind) -> None:
    """Join quotations whose sentences differ only in the spelling of one name: one outlet's
    "Tiago is exactly the kind of striker we need" is another's "Thiago is ..." (QA: the words given
    to two people were no dispute). Only a word of a name of the story counts, and only a spelling
    ``link.person_names`` takes for the same given name or surname. Blocking on each sentence with
    that one word left out keeps this linear."""
    by_rest: dict[tuple[tuple[str, ...], int], list[tuple[str, int]]] = {}
    for number, quotation in enumerate(quotations):
        for sentence in quotation.sentences:
            for at, word in enumerate(sentence):
                if word in names:
                    by_rest.setdefault((sentence[:at] + sentence[at + 1:], at), []).append((word, number))
    for spellings in by_rest.values():
        for word, number in spellings[1:]:
            first, other = spellings[0]
            if word != first and (given_names_compatible(word, first) or surnames_match(word, first)):
                joined.union(number, other)


def _name_words(resolution: EntityResolution) -> frozenset[str]:
    """The words of every name the story's outlets give its entities, folded as ``_sequence`` folds."""
    return frozenset(w.lower() for e in resolution.entities for alias in e.aliases for w in _WORD.findall(alias.text))


def _versions(quotations: list[_Quotation]) -> list[list[_Quotation]]:
    """The quotation's reports split by speaker: each article's speakers together (a joint
    statement, or a spokesman and whom he speaks for), articles whose speakers overlap in one
    version; unresolved speakers left out, and a version only pronouns give (one that joins no
    named speaker's) too."""
    speakers: dict[str, set[str]] = {}
    for q in quotations:
        if q.speaker is not None:
            speakers.setdefault(q.article_id, set()).update({q.speaker.name, *q.speaks_for})
    articles = list(speakers)
    joined = UnionFind(len(articles))
    for i, first in enumerate(articles):
        for j in range(i):
            if speakers[first] & speakers[articles[j]]:
                joined.union(i, j)
    versions: dict[int, list[_Quotation]] = {}
    for i, article in enumerate(articles):
        versions.setdefault(joined.find(i), []).extend(q for q in quotations if q.article_id == article and q.speaker)
    return [v for v in versions.values() if not all(q.by_pronoun for q in v)]


def _folded_words(text: str) -> str:
    return " " + " ".join(m.group(0).lower() for m in _WORD.finditer(_NOT.sub(" not", text))) + " "


def _cut(content: str) -> str:
    words = content.strip().rstrip(".,;: ").split()
    shown = " ".join(words[:SHOWN_WORDS]) + ("…" if len(words) > SHOWN_WORDS else "")
    # a quotation holding a quotation whose closing mark the cut left out ('Kamau had "treated…')
    return shown.replace('"', "'") if shown.count('"') % 2 else shown


def _shown(quotations: Sequence[_Quotation]) -> str | None:
    """The quotation as a dispute names it: the shortest report whose words every other report
    prints too, cut after ``SHOWN_WORDS`` words; None when no report's words are in all (a word
    changed in copying): then each version is shown in its own words."""
    folded = [_folded_words(q.content) for q in quotations]
    shared = [q.content for q, mine in zip(quotations, folded) if all(mine in theirs for theirs in folded)]
    return _cut(min(shared, key=lambda c: (len(c), c))) if shared else None


def sides_between_outlets(versions: list[list[Any]]) -> list[list[Any]]:
    """The versions that are sides of a dispute between outlets: a version only outlets that give
    another version too give is an outlet contradicting itself, or reporting both claims, and no
    side. Each report has an ``outlet``."""
    outlets = [{report.outlet for report in version} for version in versions]
    return [v for v, mine in zip(versions, outlets)
            if any(all(o not in theirs for theirs in outlets if theirs is not mine) for o in mine)]


def find_speaker_disputes(groups: Iterable, analyses: Sequence[ArticleAnalysis],
                          resolution: EntityResolution) -> list[Dispute]:
    """Quotations that outlets give to different people of the story, every version with its outlets.

    ``groups`` are aligned claim groups (``link.align.ClaimGroup`` or sequences of
    ``(article_id, claim_index)``); ``resolution`` tells who each speaker is across spellings.
    """
    quotations = _quotations(analyses, resolution)
    disputes = []
    for members in _same_quotations(quotations, groups, analyses, _name_words(resolution)):
        reports = [quotations[n] for n in members]
        # An outlet that gives the words to two people in two articles contradicts itself, not the
        # others (``sides_between_outlets``).
        versions = sides_between_outlets(_versions(reports))
        if len(versions) < 2:
            continue
        paired = []
        for version in versions:
            names = unique_in_order(sorted({q.speaker.name for q in version}))
            ordered = sorted(version, key=lambda q: (q.outlet, q.evidence[0].start))
            paired.append((DisputeVersion(
                value=" and ".join(names), normalized=" and ".join(names),
                sources=tuple(unique_in_order(q.outlet for q in ordered)),
                evidence=tuple(dict.fromkeys(e for q in ordered for e in q.evidence)),
            ), version))
        paired.sort(key=lambda pair: (-len(pair[0].sources), pair[0].normalized))
        records = tuple(record for record, _ in paired)
        shown = _shown(reports)
        # Words an outlet never printed are never shown as its quotation: with no wording every
        # report shares, each version is named with its own.
        parts = [f"{join_names(list(v.sources))} {'gives' if len(v.sources) == 1 else 'give'} "
                 + (f"it to {v.value}" if shown is not None
                    else f"“{_shown(version) or _cut(version[0].content)}” to {v.value}")
                 for v, version in paired]
        disputes.append(Dispute(
            what=f"speaker of the quotation “{shown}”" if shown is not None else "speaker of a quotation",
            kind="speaker", versions=records,
            explanation=(f"Outlets disagree on who said “{shown}”: " if shown is not None
                         else "Outlets disagree on who said one quotation: ") + "; ".join(parts) + ".",
        ))
    return disputes


__all__ = ["MIN_QUOTED_WORDS", "SAME_QUOTATION_SHARE", "find_speaker_disputes", "persons_by_title", "speaker_entity"]
