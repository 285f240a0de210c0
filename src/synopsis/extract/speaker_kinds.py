"""Speakers that are no participant's voice: news outlets that report a statement, and documents.

"according to Al Arabiya", "as reported by ... for Reuters", "according to coverage by Al Jazeera
and Euronews": the outlet tells what happened, it takes no part in it, so it is recorded as where
the statement was read (Quote.speaker_kind "outlet"), not as a voice. "X told Reuters" is
different: there X speaks. "the decree says", "the statement read": a document speaks for whoever
issued it; where the text names the issuer ("Ukraine's statement", "a statement by the ministry",
"the decree issued by the Office", "The ministry issued a statement. The statement said ...") the
issuer is the speaker, else the document stays the source (speaker_kind "document").
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.quote_cues import (
    COVERAGE_NOUNS,
    DOCUMENT_NOUNS,
    ISSUE_VERBS,
    MEDIA_NOUN_PATTERN,
    REPORTING_VERBS,
    SPEAKER_NOUNS,
)
from synopsis.extract.quote_speakers import entity_at, is_definite
from synopsis.ingest.outlets import default_registry, normalize_key
from synopsis.records import Entity

_ISSUER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# At the end of the name: its head says what it is ("State news agency officials" are people).
_MEDIA_NAME = re.compile(MEDIA_NOUN_PATTERN + r"$", re.IGNORECASE)
# The last word of a capitalised name that says it is a paper or a news service ("Harbour News",
# "the Marrow Times"), as in mastheads; "Press" is left out ("Press Secretary").
_MASTHEAD = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+)+(?:News|Times|Post|Herald|Tribune|Gazette|Journal|Telegraph|Daily|Wire|Chronicle|Courier)$"
)
# "as reported by X", "as first published by X": X is who reported it (a journalist or a medium).
_REPORTED_BY = re.compile(r"(?i)^as\s+(?:first\s+)?(?:reported|published|broadcast)\b")
# "as quoted by X", "as cited by X": X relays the words; an outlet, or someone of one.
_QUOTED_BY = re.compile(r"(?i)^as\s+(?:quoted|cited)\b")
# How far back (characters) a definite "the statement" looks for the statement it refers to: the
# paragraph or two news gives a document before quoting it.
ANTECEDENT_REACH = 1200


def is_document(head: Token, ents: list[Entity]) -> bool:
    """Whether a speaker phrase's head is a document ("the decree", "a statement"), not a name."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS and entity_at(ents, head) is None


def document_issuer(head: Token, ents: list[Entity]) -> Token | None:
    """The token naming who issued the document ``head``, from its own phrase or, for a definite
    document ("the statement"), from the earlier mention it refers to."""
    issuer = _issuer_in_phrase(head, ents)
    if issuer is not None or not is_definite(head):
        return issuer
    lemma = head.lemma_.lower()
    for earlier in reversed(head.doc[:head.i]):
        if head.idx - earlier.idx > ANTECEDENT_REACH:
            break
        if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
            return _issuer_in_phrase(earlier, ents)
    return None


def _issuer_in_phrase(head: Token, ents: list[Entity]) -> Token | None:
    for child in head.children:
        # "Ukraine's statement", "the Kremlin decree"
        if child.dep_ == "poss" or (child.dep_ == "compound" and _names_someone(child, ents, named_only=True)):
            if _names_someone(child, ents):
                return child
    for child in head.children:
        # "a statement by the ministry", "a letter from Anna Kohl", "the decree of the President"
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and _names_someone(obj, ents, named_only=child.lower_ == "of"):
                    return obj
        # "the decree issued by the Office of the President", "a statement signed by both sides"
        if child.dep_ == "acl":
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj" and _names_someone(obj, ents):
                            return obj
    # "The ministry issued a statement (saying) ...", "Putin signed a decree that ..."
    verb = head.head
    if head.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in ISSUE_VERBS:
        for child in verb.children:
            if child.dep_ == ("nsubj" if head.dep_ == "dobj" else "agent"):
                subject = child if child.dep_ == "nsubj" else next((g for g in child.children if g.dep_ == "pobj"), None)
                if subject is not None and _names_someone(subject, ents):
                    return subject
    return None


def _names_someone(token: Token, ents: list[Entity], *, named_only: bool = False) -> bool:
    """A name of a person, body or country, a pronoun, or (unless ``named_only``) a noun for people."""
    entity = entity_at(ents, token)
    if entity is not None:
        return entity.label in _ISSUER_LABELS
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "this", "that", "which", "what")
    if token.pos_ == "PROPN":
        return True
    if named_only:
        return False
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and lemma in SPEAKER_NOUNS and lemma not in DOCUMENT_NOUNS


def is_outlet_source(cue: str | None, cue_lemma: str | None, speaker: str | None, resolved: str | None,
                     label: str | None, head: Token | None) -> bool:
    """Whether the speaker of an attribution is a news medium reporting it rather than speaking.

    Only with a cue of reporting ("according to", "reported", "said", "wrote"): an outlet that
    argues, denies or demands (a newspaper suing a government) takes part in the story."""
    if cue and _REPORTED_BY.match(cue.strip()):
        return True
    if head is not None and _credited_coverage(head):
        return True
    if cue and _QUOTED_BY.match(cue.strip()) and head is not None:
        # "as quoted by Al Jazeera's Sinem Koseoglu": a correspondent relays the words (the
        # speaker span drops the title: read the phrase up to the head)
        phrase = doc_text(head.doc)[head.left_edge.idx:head.idx + len(head)]
        if any(_outlet_staff(text) for text in (speaker, phrase) if text):
            return True
    if label == "PERSON" or not (cue and cue.lower().startswith("according") or cue_lemma in REPORTING_VERBS):
        return False
    # A medium by its name ("State news agency", "the Harbour Times") only when the head is a name
    # or ends the phrase: "anyone on the business side of TV" is a person.
    generic = head is not None and (
        head.pos_ == "PROPN" or (speaker is not None and speaker.rstrip().endswith(head.text)))
    if any(name and names_outlets(name, generic=generic) for name in (resolved, speaker)):
        return True
    # "State news agency Marrpress confirmed": the description before the name says what it is
    description = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i < head.i), None) if head else None
    if description is not None and description.right_edge.i + 1 == head.i:
        text = doc_text(head.doc)[description.left_edge.idx:description.idx + len(description)]
        return names_outlets(text)
    return False


def _outlet_staff(speaker: str) -> bool:
    """'Al Jazeera's Sinem Koseoglu', 'Reuters correspondent Jane Roe': someone of a registered outlet."""
    match = re.match(r"^(?:the\s+)?(.+?)(?:'s|’s)\s", speaker, re.IGNORECASE)
    if match and normalize_key(match.group(1)) in _outlet_keys():
        return True
    words = speaker.split()
    return any(normalize_key(" ".join(words[:n])) in _outlet_keys() for n in range(1, min(4, len(words)))) and bool(
        re.search(r"(?i)\b(?:correspondent|reporter|journalist|editor|staff|bureau|anchor|host)\b", speaker))


def _credited_coverage(head: Token) -> bool:
    """'according to coverage by X': X reported it."""
    by = head.head
    return head.dep_ == "pobj" and by.lower_ == "by" and by.head.lemma_.lower() in COVERAGE_NOUNS


def names_outlets(name: str, *, generic: bool = True) -> bool:
    """Whether a speaker name is one news outlet or several ("Al Jazeera and Euronews"): registered
    outlets (ingest/outlets.yaml) or, when ``generic``, names that say they are a medium ("State
    news agency", "the Harbour Times")."""
    parts = [p for p in re.split(r"\s*(?:,|\band\b|&)\s*", name.strip()) if p]
    return bool(parts) and all(_is_outlet(part, generic) for part in parts)


def _is_outlet(part: str, generic: bool) -> bool:
    part = re.sub(r"^(?i:the)\s+", "", part.strip())
    part = re.sub(r"(?:'s|’s)$", "", part).strip()
    if not part:
        return False
    if normalize_key(part) in _outlet_keys():
        return True
    return generic and bool(_MEDIA_NAME.search(part) or _MASTHEAD.match(part))


@functools.lru_cache(maxsize=1)
def _outlet_keys() -> frozenset[str]:
    """Registered news outlets' names and unambiguous aliases, folded ("AP" or "Time" alone are
    common words; government sites are official sources, whose statements are voices)."""
    keys = set()
    for entry in default_registry().entries:
        if entry.outlet.kind == "government":
            continue
        for name in (entry.outlet.name, *entry.outlet.aliases):
            if name in entry.ambiguous or name.startswith("@") or len(name) < 3:
                continue
            keys.add(normalize_key(name))
    keys.discard("")
    return frozenset(keys)
