"""Claim frames: the main predicate of a claim, who does it, whether it is denied, and whether it
happened or is only expected, planned, hoped for, demanded or proposed.

Two sentences about one meeting can share nearly every word and still report different facts:
"Moscow demands Ukraine's withdrawal" / "Kyiv demands Russia's withdrawal" (opposite actors),
"Putin is expected to attend" / "Putin decided not to attend" (expectation, then a denied
event).  Embeddings score such pairs as paraphrases; the dependency parse tells them apart.

The frame is read from spaCy's parse of the claim: through reporting verbs ("Peskov said that
...") into what is reported, and through verbs and adjectives of modality ("expected to",
"hope that", "ready to") into what is expected or hoped, whose modality they set.
"""

from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span, Token

from synopsis.records import ClaimFrame, Entity

# Verbs that introduce what someone says: the fact is in their clause complement.
REPORTING = frozenset({
    "say", "tell", "state", "add", "note", "announce", "report", "claim", "explain", "clarify",
    "confirm", "declare", "stress", "emphasize", "emphasise", "indicate", "maintain", "reiterate",
    "write", "argue", "assert", "acknowledge", "reveal", "mention", "remark", "comment", "recall",
    "warn", "believe", "think", "know", "show", "signal", "reply",
    "respond", "post", "tweet", "deny",
})
# "X denied that Y happened": the reported content is negated.
DENYING = frozenset({"deny"})

# Verbs whose complement is not (yet) a fact, and the modality they give it.
MODAL_VERBS = {
    "expect": "expected", "anticipate": "expected", "predict": "expected", "forecast": "expected",
    "hope": "hoped", "wish": "hoped",
    "plan": "planned", "intend": "planned", "schedule": "planned", "aim": "planned", "prepare": "planned",
    "set": "planned",
    "demand": "demanded", "want": "demanded", "seek": "demanded", "urge": "demanded", "insist": "demanded", "require": "demanded", "ask": "demanded",
    "call": "demanded",  # "called for", "called on X to"
    "propose": "proposed", "offer": "proposed", "suggest": "proposed", "recommend": "proposed",
    "promise": "proposed", "pledge": "proposed",
}
# Verbs whose complement happened ("decided to attend" = attended) or did not ("refused to").
IMPLICATIVE = frozenset({"decide", "agree", "manage", "continue", "keep", "begin", "start", "choose", "try", "vote"})
NEGATIVE_IMPLICATIVE = frozenset({"refuse", "fail", "decline", "reject", "avoid", "cease", "stop"})
# Adjectives and nouns of modality with a to-infinitive: "ready to hand over", "its readiness to".
MODAL_WORDS = {
    "ready": "proposed", "willing": "proposed", "readiness": "proposed", "willingness": "proposed",
    "offer": "proposed", "proposal": "proposed", "likely": "expected", "unlikely": "expected",
    "expected": "expected", "due": "planned", "plan": "planned", "intention": "planned",
    "demand": "demanded", "call": "demanded", "hope": "hoped",
}
# Modal auxiliaries of the main predicate.
AUXILIARIES = {
    "will": "future", "shall": "future", "'ll": "future", "would": "future", "wo": "future",
    "could": "possible", "may": "possible", "might": "possible",
    # "should" is as often an opinion ("the meeting should be the final stage") as a demand.
    "must": "demanded",
}
# Who acts must be one of these to be compared as an entity.
AGENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_MAX_DEPTH = 5  # clauses followed from the root: "officials indicated they expected talks to take place"


def describe_frame(span: Span, entities: Sequence[Entity]) -> ClaimFrame | None:
    """The frame of a claim's span; None when the span has no verbal predicate (a caption)."""
    predicate = _main_verb(span)
    if predicate is None:
        return None
    modality: str | None = None
    negated = False
    inherited: Token | None = None  # a subject passed down to an infinitive ("Putin decided not to attend")
    # Who holds a demand or proposal: "Russia demands that Ukraine withdraw" is Russia's act,
    # whoever the demand is that acts.
    holder: Token | None = None
    for _ in range(_MAX_DEPTH):
        lemma = predicate.lemma_.lower()
        complement = _complement(predicate, span)
        subject = _subject(predicate) or inherited
        if complement is None:
            word = _modal_word(predicate, span)
            if word is not None:
                # "indicated its readiness to hand over", "is ready to host": the infinitive is
                # what is offered or expected.
                modal, verb = word
                if modality is None:
                    modality, holder = modal, subject
                negated ^= _is_negated(predicate)
                predicate, inherited = verb, subject
                continue
            break
        if lemma in REPORTING:
            negated ^= lemma in DENYING
            predicate, inherited = complement, None
            continue
        if lemma in MODAL_VERBS:
            if modality is None:
                modality, holder = MODAL_VERBS[lemma], subject
        elif lemma in NEGATIVE_IMPLICATIVE:
            negated = not negated
        elif lemma not in IMPLICATIVE:
            break
        negated ^= _is_negated(predicate)
        predicate, inherited = complement, subject
    lemma = predicate.lemma_.lower()
    if modality is None and _complement(predicate, span) is None and lemma in MODAL_VERBS:
        # "Moscow is demanding Ukraine's withdrawal": the demand itself, with its object.
        modality = MODAL_VERBS[lemma]
    negated ^= _is_negated(predicate)
    subject = _subject(predicate) or inherited
    if subject is not None and _denies_subject(subject):
        negated = not negated
    if modality is None:
        modality = _auxiliary_modality(predicate) or "asserted"
    agent_token = _agent(predicate) or subject
    if modality in ("demanded", "proposed") and holder is not None:
        agent_token = holder
    agent, agent_entity = _describe_agent(agent_token, entities) if agent_token is not None else (None, None)
    return ClaimFrame(lemma, agent, agent_entity, negated, modality)


def _main_verb(span: Span) -> Token | None:
    root = span.root
    if root.pos_ in ("VERB", "AUX"):
        # "is ready to ...", "was not clear": a copula root keeps its own predicate.
        return root
    # A headline-like claim whose root the parser put on a noun: its first verb with a subject.
    for token in span:
        if token.pos_ == "VERB" and any(c.dep_ in _SUBJECTS for c in token.children):
            return token
    return None


def _complement(verb: Token, span: Span) -> Token | None:
    """The clause a verb governs: its clausal complement, else an infinitive, else (for a
    reporting verb the parser attached elsewhere) a "that" clause below it."""
    for dep in ("ccomp", "xcomp"):
        for child in verb.children:
            if child.dep_ == dep and child.pos_ in ("VERB", "AUX") and span.start <= child.i < span.end:
                return child
    if verb.lemma_.lower() in REPORTING:
        # "Peskov said ahead of the meeting that Moscow and Kiev would discuss": the small
        # model hangs the clause on "meeting"; its "that" still marks it.
        for token in verb.subtree:
            if token.dep_ == "mark" and token.lower_ == "that" and token.head.pos_ in ("VERB", "AUX") \
                    and token.head is not verb and span.start <= token.head.i < span.end:
                return token.head
    if verb.lemma_.lower() == "call":
        # "called on Russia to withdraw", "called for talks to resume"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "on"):
                for pobj in child.children:
                    for grandchild in pobj.children:
                        if grandchild.dep_ in ("xcomp", "ccomp", "acl") and grandchild.pos_ == "VERB" \
                                and any(c.dep_ == "aux" and c.lower_ == "to" for c in grandchild.children):
                            return grandchild
    return None


def _modal_word(verb: Token, span: Span) -> tuple[str, Token] | None:
    """("proposed", hand) for "indicated its readiness to hand over", "is ready to hand over"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "acomp", "attr", "oprd") and child.lemma_.lower() in MODAL_WORDS:
            for grandchild in child.children:
                if grandchild.dep_ in ("xcomp", "acl", "ccomp") and grandchild.pos_ == "VERB" \
                        and span.start <= grandchild.i < span.end:
                    return MODAL_WORDS[child.lemma_.lower()], grandchild
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    return None


def _agent(verb: Token) -> Token | None:
    """The doer of a passive verb: "was led by Medinsky" -> Medinsky."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _denies_subject(subject: Token) -> bool:
    """"Neither Putin nor Zelensky attended", "No delegation attended"."""
    return any(c.lower_ in ("neither", "no", "none") and c.dep_ in ("det", "preconj", "cc") for c in subject.children) \
        or subject.lower_ in ("none", "nobody", "neither")


def _auxiliary_modality(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "aux":
            found = AUXILIARIES.get(child.lower_.replace("’", "'"))
            if found:
                return found
            # "is going to attend", "is to attend" (not "is heading to Istanbul")
            if child.lower_ == "going" or (child.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
                return "future"
    return None


def _describe_agent(token: Token, entities: Sequence[Entity]) -> tuple[str, int | None]:
    """The agent's head text, and the index of the one named entity it is, if any.

    "The Kiev administration" and "Russia's delegation" act for Kiev and Russia: a name in a
    compound, adjective or possessive of the head counts.  A joint agent ("Russia and Ukraine",
    "Russian and Ukrainian delegations") is no one entity.
    """
    text = token.lower_
    candidates = [token] + [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "appos")]
    # "Russia-Ukraine negotiations": a compound of a compound names a second party.
    candidates += [g for c in candidates[1:] for g in c.children if g.dep_ in ("compound", "amod")]
    found: list[int] = []
    for candidate in candidates:
        if any(c.dep_ == "conj" for c in candidate.children):
            return text, None
        for index, entity in enumerate(entities):
            if entity.label in AGENT_LABELS and entity.start <= candidate.idx < entity.end and index not in found:
                found.append(index)
    # The head's own entity decides: "Turkish President Recep Tayyip Erdogan" is Erdogan,
    # whatever the nationality or title around his name.
    own = [i for i in found if entities[i].start <= token.idx < entities[i].end]
    if own:
        return text, own[0]
    # A head that names no one acts for the one name around it ("President Putin's envoy" is
    # still the envoy's act, but it is Putin's side); two different names are a joint agent.
    return text, found[0] if len(found) == 1 else None


__all__ = ["describe_frame"]
