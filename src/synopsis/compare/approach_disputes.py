"""Approach disputes: which of two parties made the first move towards the other.

"Haldor first approached Veltrix in October" and "the Veltrix board approached Haldor last autumn"
tell one act between the same two parties with the doer and the one approached swapped: outlets
disagree on who sought the deal, a point readers of a takeover, a peace process or a transfer care
about. Unlike the acts of ``doer_disputes`` (a proposal whose doers may be a body and its head),
an approach is between two sides, and companies and other organisations are its usual parties: a
body acting through its organ ("the Veltrix board", "Veltrix's chairman") is that body.

Only opposite doers of one act between the same two parties are versions: "Haldor approached
Veltrix" and "Karavayev approached Veltrix" are no dispute (the chief executive acts for his
company), nor is an act whose doer or counterpart is a pronoun, a joint doer ("Haldor and Veltrix
opened talks"), or a negated act ("Veltrix did not approach Haldor").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.compare.citations import name_outlet
from synopsis.link.entities import EntityResolution
from synopsis.link.names import key_text
from synopsis.link.place_names import strip_name
from synopsis.records import ArticleAnalysis, Evidence

# Verbs that are themselves the first move towards their object ("approached Veltrix", "courted").
APPROACH_VERBS = frozenset({"approach", "court"})
# Verbs of starting or making something with a noun of a first move ("made the first move", "made
# an approach to X", "opened talks with X", "initiated contact with X", "offered X a deal").
_MAKING = frozenset({"make", "initiate", "open", "start", "begin", "launch"})
MOVE_NOUNS = frozenset({"move", "approach", "overture", "contact", "talks", "talk", "negotiation",
                        "discussion", "offer", "bid"})
# "made the first move" is a first move; "made a move" could be any.
_FIRST_ONLY = frozenset({"move"})
_COUNTERPART_PREPS = frozenset({"to", "with", "towards", "toward", "for"})
_CUES = re.compile(r"\b(?:approach\w*|court(?:ed|ing|s)\b|first\s+move|overture|initiat\w*|opened\s+talks"
                   r"|offer\w*|contact\w*)", re.IGNORECASE)
_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "them", "us", "him", "her", "its", "their", "our",
                       "his", "who", "which", "that", "each", "other"})


@dataclass(frozen=True)
class Approach:
    """One outlet's telling of a first move: who made it towards whom, each as name words."""

    outlet: str
    doer: frozenset[str]  # name keys of the doer ("veltrix")
    counterpart: frozenset[str]
    doer_name: str  # the story's name for the doer
    counterpart_name: str
    evidence: Evidence


@dataclass(frozen=True)
class _Parsed:
    doer: tuple[int, int]  # characters of the doer's name word(s) in the parsed text
    counterpart: tuple[int, int]


@functools.lru_cache(maxsize=4096)
def _parse_approaches(text: str) -> tuple[_Parsed, ...]:
    """The first moves a sentence tells with a named doer and counterpart (cached: the text decides)."""
    if not _CUES.search(text):
        return ()
    from synopsis.extract.nlp import parse_sentence

    doc = parse_sentence(text)
    found = []
    for verb in doc:
        if not (verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB")):
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        counterpart = _counterpart(verb)
        if counterpart is None:
            continue
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not doers and verb.dep_ == "conj":
            doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if len(doers) != 1 or any(c.dep_ == "conj" for c in doers[0].children):
            continue  # no doer, or a joint one: no side
        found.append(_Parsed(_party(doers[0]), _party(counterpart)))
    return tuple(found)


def _counterpart(verb):
    """Whom the verb's first move is towards, or None when it tells none."""
    lemma = verb.lemma_.lower()
    if lemma in APPROACH_VERBS:
        return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if lemma == "offer":  # "offered Veltrix a deal", "offered a deal to Veltrix"
        dative = next((c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")), None)
        return dative or _prepositional(verb) or _prepositional(
            next((c for c in verb.children if c.dep_ == "dobj"), None))
    if lemma in _MAKING:
        move = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in MOVE_NOUNS), None)
        if move is None:
            return None
        if move.lemma_.lower() in _FIRST_ONLY and not any(c.lower_ == "first" for c in move.children):
            return None
        return _prepositional(move) or _prepositional(verb)
    return None


def _prepositional(token):
    """The object of a "to", "with", "towards" or "for" phrase of the token."""
    if token is None:
        return None
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in _COUNTERPART_PREPS:
            found = next((g for g in child.children if g.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


def _party(token) -> tuple[int, int]:
    """The characters naming a party: its head, or the name its head belongs to ("the Veltrix
    board", "Veltrix's chairman": a body's organ acts for the body)."""
    words = [token] + [c for c in token.children if c.dep_ in ("compound", "poss", "nmod") and c.i < token.i]
    start = min(w.left_edge.idx for w in words)
    return start, token.idx + len(token.text)


def _names(analysis: ArticleAnalysis, resolution: EntityResolution, start: int, end: int) -> tuple[frozenset[str], str]:
    """The name keys and the story's name of the entities between start and end (empty if none)."""
    keys, names = set(), []
    for index, entity in enumerate(analysis.entities):
        if start <= entity.start and entity.end <= end:
            resolved = resolution.entity(analysis.article.id, index)
            name = resolved.name if resolved is not None else strip_name(entity.text)
            names.append(name)
            keys |= set(key_text(strip_name(entity.text)).split()) | set(key_text(strip_name(name)).split())
    return frozenset(keys), " ".join(dict.fromkeys(names))


def find_approaches(analyses: Sequence[ArticleAnalysis], resolution: EntityResolution) -> list[Approach]:
    """Every first move the articles' claims tell between two named parties."""
    found = []
    for analysis in analyses:
        outlet = name_outlet(analysis)
        for claim in analysis.claims:
            for parsed in _parse_approaches(claim.text):
                if claim.text[slice(*parsed.doer)].lower() in _PRONOUNS:
                    continue
                doer, doer_name = _names(analysis, resolution, claim.start + parsed.doer[0], claim.start + parsed.doer[1])
                counterpart, counterpart_name = _names(
                    analysis, resolution, claim.start + parsed.counterpart[0], claim.start + parsed.counterpart[1])
                if not doer or not counterpart or doer & counterpart:
                    continue
                evidence = Evidence(analysis.article.id, outlet, claim.start, claim.end, claim.text)
                found.append(Approach(outlet, doer, counterpart, doer_name, counterpart_name, evidence))
    return found


def opposite_approaches(approaches: Sequence[Approach]) -> list[tuple[list[Approach], list[Approach]]]:
    """Pairs of versions, each a list of approaches made the one way between the same two parties,
    where the other version has them made the other way."""
    sides: list[tuple[list[Approach], list[Approach]]] = []
    for approach in approaches:
        for one_way, other_way in sides:
            lead = one_way[0]
            if approach.doer & lead.doer and approach.counterpart & lead.counterpart:
                one_way.append(approach)
                break
            if approach.doer & lead.counterpart and approach.counterpart & lead.doer:
                other_way.append(approach)
                break
        else:
            sides.append(([approach], []))
    return [(one, other) for one, other in sides if one and other]


__all__ = ["APPROACH_VERBS", "Approach", "MOVE_NOUNS", "find_approaches", "opposite_approaches"]
