"""Who acted on whom in a passage: each verb with the names of its doer and of the one it was done to.

"Haldor approached Veltrix" and "the Veltrix board approached Haldor" share every word and every
name, so a check by words and names takes the one for support of the other; they tell opposite
facts. The parse tells them apart: the doer is the verb's subject (or its passive "by" phrase), the
one acted on its object (or its passive subject). The extractor keeps one frame a claim with its
doer only (``extract.claim_frames``), and a brief sentence may be a cut of a claim, so the passage
is parsed here, as ``compare.doer_disputes`` does; only passages naming two parties are parsed.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from synopsis.link.names import key_text
from synopsis.link.place_names import strip_name
from synopsis.records import Entity

# Verbs whose subject and object say nothing of who acted on whom ("X is Y's rival", "X has Y").
_NO_ROLES = frozenset({"be", "have", "become", "remain", "seem"})


@dataclass(frozen=True, slots=True)
class ParsedRole:
    """A verb with the character spans (relative to the parsed text) of its doer and of the one acted on."""

    lemma: str
    verb: str  # as written ("approached")
    agent: tuple[int, int]
    patient: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Role:
    """A verb with the names of its doer and of the one acted on, each as name keys (``party_keys``)."""

    lemma: str
    verb: str
    agent: frozenset[str]
    patient: frozenset[str]
    agent_text: str
    patient_text: str


@functools.lru_cache(maxsize=4096)
def parse_roles(text: str) -> tuple[ParsedRole, ...]:
    """The verbs of a passage that have both a doer and one acted on, not negated (cached: the text decides)."""
    from synopsis.extract.nlp import parse_sentence

    doc = parse_sentence(text)
    found = []
    for verb in doc:
        if not (verb.pos_ in ("VERB", "AUX") or verb.tag_.startswith("VB")) or verb.lemma_.lower() in _NO_ROLES:
            continue
        if any(c.dep_ == "neg" for c in verb.children):
            continue
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
        agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        patients = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not agents and verb.dep_ == "conj":  # "X met Y and approached Z": the subject of the first verb
            agents = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if len(agents) != 1 or len(patients) != 1:
            continue
        found.append(ParsedRole(verb.lemma_.lower(), verb.text, _phrase(agents[0]), _phrase(patients[0])))
    return tuple(found)


def _phrase(token) -> tuple[int, int]:
    """A noun phrase's characters up to its head and the modifiers before it ("the Veltrix board"),
    its conjuncts included ("Haldor and Veltrix": a joint party), what follows the head otherwise not."""
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("conj", "cc") or t.head.dep_ == "conj"]
    start = min(t.idx for t in words)
    end = max(t.idx + len(t.text) for t in words)
    return start, end


def party_keys(entities: Iterable[Entity], start: int, end: int) -> frozenset[str]:
    """The name words of the named entities between start and end, by transliteration key: "the
    Veltrix board" and "Veltrix Logistics" share "veltrix"."""
    return frozenset(word for e in entities if start <= e.start and e.end <= end
                     for word in key_text(strip_name(e.text)).split())


def roles_in(text: str, offset: int, entities: Iterable[Entity]) -> tuple[Role, ...]:
    """The roles of a passage (``text`` starts at ``offset`` of its article) whose doer and whose
    one acted on both name someone, each by its name keys."""
    entities = tuple(entities)
    roles = []
    for parsed in parse_roles(text):
        agent = party_keys(entities, offset + parsed.agent[0], offset + parsed.agent[1])
        patient = party_keys(entities, offset + parsed.patient[0], offset + parsed.patient[1])
        if agent and patient and not agent & patient:
            roles.append(Role(parsed.lemma, parsed.verb, agent, patient, text[slice(*parsed.agent)], text[slice(*parsed.patient)]))
    return tuple(roles)


def reversed_role(stated: Iterable[Role], given: Iterable[Role]) -> tuple[Role, Role] | None:
    """A role the first passage states that the second states the other way round ("A approached
    B" / "B approached A"), as (stated, given), else None. A passage that also tells it the first
    way round, or a party on both sides (a joint act), is no reversal."""
    given = tuple(given)
    for role in stated:
        same = [g for g in given if g.lemma == role.lemma]
        if any(g.agent & role.agent and g.patient & role.patient for g in same):
            continue
        for other in same:
            if other.agent & role.patient and other.patient & role.agent \
                    and not other.agent & role.agent and not other.patient & role.patient:
                return role, other
    return None


__all__ = ["ParsedRole", "Role", "parse_roles", "party_keys", "reversed_role", "roles_in"]
