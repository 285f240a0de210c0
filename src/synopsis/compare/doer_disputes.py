"""Doer disputes: one act (a proposal, an order, an attack) that outlets credit to different actors.

"Marwick proposed the water fund" and "Jaksybekov proposed the creation of a Dravel river fund"
tell one act with two doers: a fact-checker must see that the outlets disagree on who did it,
rather than read two single-source sentences. Like ``speaker_disputes`` for quotations, this finds
the act in each outlet's sentences and splits the outlets by whom they credit.

An act is a predicate of one class (``ACT_CLASSES``: "proposed", "suggested", "put forward", "put
on the table", "X's initiative", "the fund was X's idea"; "ordered"; "attacked", "carried out the
attack") with what it is done to (its object). Two acts are the same act when their classes are
the same and their objects are one thing (``_same_object``): the same head noun ("the water fund",
"the creation of a Dravel river fund": a noun of making is seen through), or a proposal named by
what it is about ("the water initiative") and an object that has that word. An "it" is the object
of the act of that class the article told just before ("The communique does not say which
government proposed the fund. ... Marwick put it forward"); nothing else resolves it.

Only acts that can have one doer are compared: announcing and signing are left out, since several
people announce or sign one thing and outlets naming different ones each tell one of them. Doers
are the story's entities (``link.entities``): persons, or countries. A doer that is a body (an
organisation, "the Commission") or a mix of a body and a person takes no side: a body acts through
its people, and "the EU proposed" is no contradiction of "the Commission president proposed". Nor
does a pronoun ("his proposal"), a title no one person of the story holds, or an act that is
negated ("did not propose"). One statement that credits two actors together ("Marwick and
Jaksybekov proposed", "proposed with Jaksybekov") joins their versions, as a joint statement joins
speakers; an outlet that credits each in a sentence of its own gives both versions and is listed
under both. Accepting, backing or agreeing to a proposal is no act of the class.

The sentences are parsed again here, as ``relative_clauses`` does: the extractor keeps one frame
per claim, its main predicate, while an act is often told in a clause ("a communique based on the
water initiative put forward by President X"). Only sentences with a word of an act class are
parsed, so the cost is a few sentences a story.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.compare.approach_disputes import find_approaches, opposite_approaches
from synopsis.compare.citations import name_outlet
from synopsis.compare.dispute_versions import join_names, unique_in_order
from synopsis.compare.speaker_disputes import persons_by_title, sides_between_outlets
from synopsis.link.actors import actor_key
from synopsis.link.entities import EntityResolution
from synopsis.link.entity_clustering import UnionFind
from synopsis.link.names import fold
from synopsis.records import ArticleAnalysis, Dispute, DisputeVersion, Evidence, StoryEntity

# Each class of act: the verbs (lemmas) that tell it, the nouns that name it with a possessive
# doer ("X's initiative"), and how a dispute words it.
ACT_CLASSES: dict[str, dict] = {
    "propose": {"verbs": frozenset({"propose", "suggest"}),
                "nouns": frozenset({"proposal", "initiative", "idea", "brainchild"}),
                "shown": "proposed"},
    "order": {"verbs": frozenset({"order"}), "nouns": frozenset(), "shown": "ordered"},
    "attack": {"verbs": frozenset({"attack"}), "nouns": frozenset({"attack"}), "shown": "attacked"},
}
# "put forward", "put on the table", "table" are proposing too; "put" needs its particle.
_PUT_FORWARD = "put"
# Words that name an act of a class: only sentences with one are parsed.
_CUES = re.compile(
    r"\b(?:propos\w*|suggest\w*|put\b|initiative|idea|brainchild|order(?:s|ed)?|attack\w*)\b", re.IGNORECASE)
# "the creation of a fund": what is proposed is the fund.
_MAKING = frozenset({"creation", "establishment", "setting", "launch", "formation", "founding", "set"})
# "proposed creating a fund", "proposed to set up a fund": the fund, for these verbs only
# ("proposed to enlarge the fund" is another act on the fund, not the fund).
_MAKING_VERBS = frozenset({"create", "set", "establish", "form", "launch", "found", "build", "hold", "open"})
# An object these words are tells nothing of what was done.
_PRONOUNS = frozenset({"it", "this", "that", "which", "what", "them", "they", "these", "those", "one"})
# "call the fund 'the president's initiative'", "describe it as X's initiative": verbs that
# predicate a name of their object.
_NAMING_VERBS = frozenset({"call", "describe", "present", "hail", "label", "portray", "credit", "tout", "praise"})
_PERSON_TYPES = frozenset({"PERSON", "person"})
_COUNTRY_TYPES = frozenset({"GPE", "place"})
# The object named in a dispute is cut after this many words.
SHOWN_WORDS = 8


@dataclass(frozen=True)
class _Act:
    """One act an article tells, with its doers as the story names them."""

    article_id: str
    outlet: str
    act: str  # key of ACT_CLASSES
    head: str | None  # the object's head lemma ("fund"); None when unknown
    words: frozenset[str]  # the object's content lemmas, head included
    phrase: str  # the object as written, determiners left out ("water fund")
    doers: tuple[StoryEntity, ...]  # every doer of this one statement (two: a joint act)
    evidence: Evidence


@dataclass(frozen=True)
class _Parsed:
    """An act as the parse reads it: character offsets relative to the parsed text."""

    act: str
    head: str | None
    words: frozenset[str]
    phrase: str
    pronoun_object: bool
    doers: tuple[tuple[int, int, str], ...]  # (start, end, text) of each doer's head word and phrase
    unnamed_doer: bool  # a doer the parse found that is no name ("his", "the partners")
    at: int  # where the act's word is


@functools.lru_cache(maxsize=4096)
def _parse_acts(text: str) -> tuple[_Parsed, ...]:
    """The acts a sentence tells (cached: the text alone decides them)."""
    if not _CUES.search(text):
        return ()
    from synopsis.extract.nlp import parse_sentence

    doc = parse_sentence(text)
    found = []
    for token in doc:
        act = _act_of(token)
        if act is None:
            continue
        if any(child.dep_ == "neg" for child in token.children) or any(
                child.dep_ == "neg" for child in token.head.children if token.dep_ in ("xcomp",)):
            continue
        if token.pos_ == "VERB" or token.tag_.startswith("VB"):
            doers, unnamed = _verb_doers(token)
            obj = _verb_object(token)
        else:
            doers, unnamed = _noun_doers(token)
            obj = _noun_object(token, act)
        head, words, phrase, pronoun = _object_key(obj, act)
        found.append(_Parsed(act, head, words, phrase, pronoun, doers, unnamed, token.idx))
    return tuple(found)


def _act_of(token) -> str | None:
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
        if lemma == _PUT_FORWARD:
            particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "advmod")}
            on_table = any(c.dep_ == "prep" and c.lower_ == "on" and any(g.lemma_.lower() == "table" for g in c.children)
                           for c in token.children)
            return "propose" if "forward" in particles or on_table else None
        return next((name for name, spec in ACT_CLASSES.items() if lemma in spec["verbs"]), None)
    if token.pos_ in ("NOUN", "PROPN"):
        return next((name for name, spec in ACT_CLASSES.items() if lemma in spec["nouns"]), None)
    return None


def _with_conjuncts(token) -> list:
    found, todo = [], [token]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(c for c in current.children if c.dep_ == "conj")
    return found


def _doer_span(token) -> tuple[int, int, str]:
    """A doer's words: its own modifiers before it ("President Arman Jaksybekov", "the president"),
    not what follows ("Marwick and X": the conjunct is a doer of its own)."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("case", "det", "poss") or t.i == token.i]
    words = [t for t in words if t.i >= min(w.i for w in words if w.dep_ != "punct")]
    start, end = words[0].idx, token.idx + len(token.text)
    return start, end, token.doc.text[start:end]


def _verb_doers(verb) -> tuple[tuple[tuple[int, int, str], ...], bool]:
    """The verb's doers: its active subject, or its passive "by" phrase; and the pobj of "with"
    ("proposed the fund together with X": a joint act). A subject shared with a verb it is
    joined to ("X met Y and proposed ...") is found through the head verb."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for child in verb.children:
        if child.dep_ == "agent":
            subjects += [g for g in child.children if g.dep_ == "pobj"]
    if not subjects and verb.dep_ == "conj":
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    doers = [d for s in subjects for d in _with_conjuncts(s)]
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with":
            doers += [d for g in child.children if g.dep_ == "pobj" for d in _with_conjuncts(g)]
    return tuple(_doer_span(d) for d in doers), False


def _noun_doers(noun) -> tuple[tuple[tuple[int, int, str], ...], bool]:
    """A proposal noun's doer: its possessive ("Marwick's own idea", "the president's initiative",
    "his proposal"), or its "by" phrase ("the attack by X")."""
    doers = [d for c in noun.children if c.dep_ == "poss" for d in _with_conjuncts(c)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            doers += [d for g in child.children if g.dep_ == "pobj" for d in _with_conjuncts(g)]
    return tuple(_doer_span(d) for d in doers), False


def _verb_object(verb):
    """What the act is done to: the direct object, the passive subject, the noun a participle or
    relative clause tells of ("the fund proposed by X", "a fund that X proposed"), or the object of
    a verb of making it takes ("proposed creating a fund")."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            if child.lower_ in ("that", "which") and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in _MAKING_VERBS:
            return next((g for g in child.children if g.dep_ == "dobj"), None)
    return None


def _noun_object(noun, act: str):
    """What a proposal noun is of: the subject it is said of ("the fund was Marwick's idea"), the
    object a naming verb gives it to ("describe it as X's initiative", "calling the fund 'the
    president's initiative'"), what it is for ("X's proposal for a fund", "X's proposal to create
    a fund"); else the noun itself, named by its modifiers ("X's water initiative")."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_.lower() == "be":
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    verb = head.head if noun.dep_ == "pobj" and head.lower_ == "as" else head
    if (noun.dep_ in ("oprd", "xcomp", "ccomp", "dobj") or noun.dep_ == "pobj" and head.lower_ == "as") \
            and verb.lemma_.lower() in _NAMING_VERBS:
        found = [c for c in verb.children if c.dep_ == "dobj" and c.i != noun.i]
        if found:
            return found[0]
        # "calling the fund 'the president's initiative'": the parse may hang the name from the object
        if head.dep_ == "dobj" and head.head.lemma_.lower() in _NAMING_VERBS:
            return head
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "on"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "acl" and child.lemma_.lower() in _MAKING_VERBS:
            return next((g for g in child.children if g.dep_ == "dobj"), None)
    if act == "attack":
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against"):
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None
    return noun if any(c.dep_ in ("compound", "amod") for c in noun.children) else None


def _object_key(obj, act: str) -> tuple[str | None, frozenset[str], str, bool]:
    """The object's head lemma, content lemmas and written phrase, a noun of making seen through;
    the last is whether it is a pronoun (resolved from the article's earlier acts)."""
    if obj is None:
        return None, frozenset(), "", False
    if obj.lower_ in _PRONOUNS:
        return None, frozenset(), "", True
    if obj.lemma_.lower() in _MAKING:
        inner = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
        if inner is not None:
            obj = inner
    modifiers = [c for c in obj.children if c.dep_ in ("compound", "amod", "nmod") and c.i < obj.i]
    words = frozenset({obj.lemma_.lower()} | {m.lemma_.lower() for m in modifiers if m.is_alpha})
    first = min([obj.i] + [m.left_edge.i for m in modifiers])
    phrase = obj.doc[first:obj.i + 1].text
    head = obj.lemma_.lower()
    if head in ACT_CLASSES[act]["nouns"]:
        head = None  # "the water initiative": the proposal, named by what it is about
        words = words - ACT_CLASSES[act]["nouns"]
    return head, words, phrase, False


def _same_object(first: _Act, second: _Act) -> bool:
    """One thing: the same head noun, or a proposal named by a word the other object has."""
    if first.act != second.act:
        return False
    if first.head is not None and second.head is not None:
        return first.head == second.head
    if first.head is None and second.head is None:
        return bool(first.words & second.words)
    named, other = (first, second) if first.head is None else (second, first)
    return bool(named.words & other.words)


def _doer_entity(analysis: ArticleAnalysis, start: int, end: int, text: str, resolution: EntityResolution,
                 titled: dict[str, list[StoryEntity]]) -> StoryEntity | None:
    """The story's entity a doer's words name: the article's entity at its head word, else a title
    only one person of the story holds ("the president")."""
    for index, entity in enumerate(analysis.entities):
        if entity.start <= end - 1 < entity.end and entity.end > start:
            return resolution.entity(analysis.article.id, index)
    holders = titled.get(re.sub(r"^(?:the|a|an)\s+", "", fold(text)), [])
    return holders[0] if len(holders) == 1 else None


def _acts(analyses: Sequence[ArticleAnalysis], resolution: EntityResolution) -> list[_Act]:
    found = []
    titled = persons_by_title(resolution)
    for analysis in analyses:
        outlet = name_outlet(analysis)
        # the object each class's latest act was of, for an "it" after it
        latest: dict[str, tuple[str | None, frozenset[str], str]] = {}
        for claim in analysis.claims:
            for parsed in _parse_acts(claim.text):
                head, words, phrase = parsed.head, parsed.words, parsed.phrase
                if parsed.pronoun_object:
                    head, words, phrase = latest.get(parsed.act, (None, frozenset(), ""))
                if head is None and not words:
                    continue
                latest[parsed.act] = (head, words, phrase)
                doers = [_doer_entity(analysis, claim.start + s, claim.start + e, t, resolution, titled)
                         for s, e, t in parsed.doers]
                # Every doer must be named, and all persons or all countries (a body and its head
                # are no two versions).
                if not doers or any(d is None for d in doers):
                    continue
                if not (all(d.type in _PERSON_TYPES for d in doers) or all(d.type in _COUNTRY_TYPES for d in doers)):
                    continue
                evidence = Evidence(analysis.article.id, outlet, claim.start, claim.end, claim.text)
                found.append(_Act(analysis.article.id, outlet, parsed.act, head, words, phrase,
                                  tuple(doers), evidence))
    return found


def _doer_key(entity: StoryEntity) -> str:
    return entity.name if entity.type in _PERSON_TYPES else actor_key(entity.name)


def _versions(acts: list[_Act]) -> list[list[_Act]]:
    """The act's reports split by doer: one statement's doers together (a joint act), statements
    whose doers overlap in one version."""
    joined = UnionFind(len(acts))
    first_with: dict[str, int] = {}
    for number, act in enumerate(acts):
        for doer in act.doers:
            joined.union(number, first_with.setdefault(_doer_key(doer), number))
    versions: dict[int, list[_Act]] = {}
    for number, act in enumerate(acts):
        versions.setdefault(joined.find(number), []).append(act)
    return list(versions.values())


def _shown_object(acts: Sequence[_Act]) -> str:
    """The object as a dispute names it: the first written phrase of the head most reports give."""
    heads = [a.head for a in acts if a.head is not None]
    common = max(heads, key=heads.count) if heads else None
    phrase = next((a.phrase for a in acts if a.head == common and a.phrase), acts[0].phrase)
    words = phrase.split()
    return " ".join(words[:SHOWN_WORDS]) + ("…" if len(words) > SHOWN_WORDS else "")


def find_doer_disputes(analyses: Sequence[ArticleAnalysis], resolution: EntityResolution) -> list[Dispute]:
    """Acts that outlets credit to different persons (or countries) of the story, every version
    with its outlets; an outlet that credits both sides is listed under both and said to."""
    acts = _acts(analyses, resolution)
    joined = UnionFind(len(acts))
    for i in range(len(acts)):
        for j in range(i):
            if _same_object(acts[i], acts[j]):
                joined.union(i, j)
    clusters: dict[int, list[_Act]] = {}
    for number, act in enumerate(acts):
        clusters.setdefault(joined.find(number), []).append(act)
    disputes = []
    for reports in clusters.values():
        versions = sides_between_outlets(_versions(reports))
        if len(versions) < 2:
            continue
        records = []
        for version in versions:
            names = unique_in_order(sorted({d.name for a in version for d in a.doers}))
            ordered = sorted(version, key=lambda a: (a.outlet, a.evidence.start))
            records.append(DisputeVersion(
                value=" and ".join(names), normalized=" and ".join(names),
                sources=tuple(unique_in_order(a.outlet for a in ordered)),
                evidence=tuple(dict.fromkeys(a.evidence for a in ordered)),
            ))
        records.sort(key=lambda v: (-len(v.sources), v.normalized))
        shown = ACT_CLASSES[reports[0].act]["shown"]
        obj = _shown_object([a for v in versions for a in v])
        what = f"who {shown} the {obj}" if not obj.lower().startswith(("the ", "a ", "an ")) else f"who {shown} {obj}"
        both = [o for o in unique_in_order(o for v in records for o in v.sources)
                if sum(o in v.sources for v in records) > 1]
        parts = [f"{join_names(list(v.sources))} {'credits' if len(v.sources) == 1 else 'credit'} it to {v.value}"
                 for v in records]
        note = (f" {join_names(both)} {'reports' if len(both) == 1 else 'report'} more than one version."
                if both else "")
        disputes.append(Dispute(
            what=what, kind="actor", versions=tuple(records),
            explanation=f"Outlets disagree on {what}: " + "; ".join(parts) + "." + note,
        ))
    return disputes + find_approach_disputes(analyses, resolution)


def find_approach_disputes(analyses: Sequence[ArticleAnalysis], resolution: EntityResolution) -> list[Dispute]:
    """First moves between two parties that outlets credit to opposite sides
    (``approach_disputes``), every version with its outlets."""
    disputes = []
    for one_way, other_way in opposite_approaches(find_approaches(analyses, resolution)):
        versions = sides_between_outlets([one_way, other_way])
        if len(versions) < 2:
            continue
        records = []
        for version in versions:
            ordered = sorted(version, key=lambda a: (a.outlet, a.evidence.start))
            records.append(DisputeVersion(
                value=version[0].doer_name, normalized=version[0].doer_name,
                sources=tuple(unique_in_order(a.outlet for a in ordered)),
                evidence=tuple(dict.fromkeys(a.evidence for a in ordered)),
            ))
        records.sort(key=lambda v: (-len(v.sources), v.normalized))
        first, second = (v.normalized for v in records)
        what = f"who made the first approach, {first} or {second}"
        parts = [f"{join_names(list(v.sources))} {'credits' if len(v.sources) == 1 else 'credit'} it to {v.value}"
                 for v in records]
        disputes.append(Dispute(what=what, kind="actor", versions=tuple(records),
                                explanation=f"Outlets disagree on {what}: " + "; ".join(parts) + "."))
    return disputes


__all__ = ["ACT_CLASSES", "find_approach_disputes", "find_doer_disputes"]
