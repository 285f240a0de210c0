"""Definite descriptions: what a bare "the delegation" or "the spokesman" refers back to.

News names a body or an unnamed official once in full ("the Ukrainian delegation, led by
Rustem Umerov", "Russia's delegation", "a Kremlin spokesman") and then shortens it to the
head noun alone ("the delegation said ..."). The shortened phrase is the latest earlier
mention of the same noun that says which one it is: by a modifier (a nationality, a country
or other name, a possessor) or by who leads or what it represents ("the delegation led by X",
"the delegation representing the Russian Federation")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.quote_speakers import entity_at
from synopsis.records import Entity

# How far back (characters) a bare description looks for its antecedent: about three
# paragraphs, as quote_speakers' bodies do (speaker_resolution._BODY_REACH). Beyond that an
# article has usually moved on to another delegation or ministry.
DESCRIPTION_REACH = 1500

# Verbs of a participle that says whose or what a body is: "led by X", "representing X".
_LEADING = frozenset({"lead", "head", "chair"})
_REPRESENTING = frozenset({"represent"})


def is_bare(head: Token) -> bool:
    """Whether a noun phrase is only "the"/"this"/"that" and the noun: "the delegation" says
    nothing of which delegation it is, "the Marrovian delegation" or "its delegation" does."""
    lefts = list(head.lefts)
    return (
        len(lefts) == 1
        and lefts[0].dep_ == "det"
        and lefts[0].lower_ in ("the", "this", "that")
        and _postmodifier(head) is None
    )


def described_antecedent(doc: Doc, head: Token, position: int, ents: list[Entity]) -> tuple[int, str] | None:
    """The latest mention before ``position`` of the same singular noun that says which one it
    is, as (its position, the phrase as written, from "the"); None when there is none within
    reach, or when the latest is one of two coordinated ("the Russian delegation and the
    Ukrainian delegation"), where the bare noun could be either."""
    lemma = head.lemma_.lower()
    for token in reversed(doc[: head.i]):
        if token.idx >= position:
            continue
        if position - token.idx > DESCRIPTION_REACH:
            return None
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN" or token.tag_ == "NNS":
            continue
        if entity_at(ents, token) is not None or _names_a_person(token, ents):
            # a name's own word ("Ministry of Defense", an ORG) is matched as that name; a title
            # next to a name ("Kremlin spokesman Dmitry Peskov") is that person's
            continue
        named = named_body_beside(token, ents)
        if named is not None:
            # "Power company Northgrid has cut ... The company said": the company named there
            return token.idx, named
        phrase = _specific_phrase(doc, token, ents)
        if phrase is None:
            continue
        if _coordinated_with_same_noun(token):
            return None
        return token.idx, phrase
    return None


def _specific_phrase(doc: Doc, noun: Token, ents: list[Entity]) -> str | None:
    """The mention from "the" to what makes it specific, or None for a mention that is not:
    "the Ukrainian delegation", "Russia's delegation", "the delegation led by Rustem Umerov"."""
    text = doc_text(doc)
    premodifiers = [t for t in noun.lefts if _specifies(t, ents)]
    if premodifiers:
        if any(t.conjuncts for t in premodifiers):
            return None  # "the Russian and Ukrainian delegation": which one is not said
        start = min(t.left_edge.idx for t in noun.lefts if t.dep_ != "det")
        end = noun.idx + len(noun)
        # a name's "of" part belongs to it: "the Harbour Ministry of Defence"
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None and any(t.pos_ == "PROPN" for t in of.subtree):
            end = of.right_edge.idx + len(of.right_edge)
        possessed = any(t.dep_ == "poss" for t in premodifiers)
        return ("" if possessed else "the ") + text[start:end]
    post = _postmodifier(noun)
    if post is None:
        return None
    end = post.right_edge.idx + len(post.right_edge)
    return "the " + text[noun.idx:end]


def _specifies(modifier: Token, ents: list[Entity]) -> bool:
    """A modifier that tells one body or official from another: a name or nationality
    ("Ukrainian", "Kremlin", "Russia's") or a noun of what it does ("defence ministry")."""
    if modifier.dep_ == "poss":
        return modifier.pos_ != "PRON"
    if modifier.dep_ == "compound":
        return modifier.pos_ in ("NOUN", "PROPN")
    if modifier.dep_ in ("amod", "nmod"):
        return modifier.text[:1].isupper() or entity_at(ents, modifier) is not None
    return False


def _postmodifier(noun: Token) -> Token | None:
    """A participle that names who leads a body or what it represents ("led by Rustem Umerov",
    "representing the Russian Federation"), or "of"/"from" and a name ("the delegation of
    Ukraine"): the part of a mention that says which body it is."""
    for child in noun.rights:
        if child.dep_ == "acl" and child.lemma_.lower() in _LEADING:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None and any(t.pos_ == "PROPN" for t in agent.subtree):
                return child
        if child.dep_ == "acl" and child.lemma_.lower() in _REPRESENTING:
            if any(c.dep_ == "dobj" and any(t.pos_ == "PROPN" for t in c.subtree) for c in child.children):
                return child
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            if any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children):
                return child
    return None


_BODY_LABELS = frozenset({"ORG"})


def named_body_beside(noun: Token, ents: list[Entity]) -> str | None:
    """The organisation a noun describes where the two are written together: before its name
    ("power company Northgrid") or in apposition ("the power company, Northgrid,"; "Northgrid, the
    power company,"), else None."""
    if noun.tag_ != "NN":
        return None  # "White House officials" are people of the body, not the body
    # a name compounded into the noun names what it belongs to ("the Kremlin spokesman"), not it
    beside = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in ("compound", "appos") and noun.head.i != noun.i:
        beside.insert(0, noun.head)
    for token in beside:
        entity = entity_at(ents, token)
        if entity is not None and entity.label in _BODY_LABELS and token.i != noun.i:
            return entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
    return None


def _names_a_person(noun: Token, ents: list[Entity]) -> bool:
    """Whether a role noun is a named person's title: "Kremlin spokesman Dmitry Peskov",
    "Dmitry Peskov, the Kremlin spokesman", "the Kremlin spokesman, Dmitry Peskov"."""
    def person(token: Token) -> bool:
        entity = entity_at(ents, token)
        return entity is not None and entity.label == "PERSON"

    if noun.dep_ in ("compound", "appos") and person(noun.head):
        return True
    return any(c.dep_ in ("appos", "compound") and person(c) for c in noun.children)


def _coordinated_with_same_noun(noun: Token) -> bool:
    return any(c.lemma_.lower() == noun.lemma_.lower() for c in noun.conjuncts)
