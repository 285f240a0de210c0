"""The speaker phrase of an attribution: the subject of its cue verb, trimmed to a noun phrase."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.entity_titles import OFFICE_WORDS
from synopsis.extract.quote_cues import AGENT_SUFFIXES, DOCUMENT_NOUNS, NOT_AGENTS, ROLE_NOUNS, SPEAKER_NOUNS
from synopsis.records import Entity


# Dependents that belong to a speaker's noun phrase; appositions, relative clauses and
# participle phrases are left out ("Medinsky, who led the delegation, said" -> "Medinsky").
_NP_DEPS = frozenset(
    {"compound", "det", "amod", "poss", "case", "nmod", "nummod", "quantmod", "prep", "pobj",
     "predet", "preconj", "cc", "conj", "punct", "advmod", "npadvmod"}
)
_WH_SUBJECTS = frozenset({"who", "that", "which"})


@dataclass(slots=True)
class FoundAttribution:
    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_head: Token | None = None
    # "It was agreed that ...": a passive that names no one who said it; the outlet reports it in
    # its own voice (Quote.speaker_kind "outlet" with no speaker), it is no unnamed source.
    own_reporting: bool = False


def with_speakers(
    doc: Doc, verb: Token, kind: str, content: tuple[int, int], ents: list[Entity],
    quoted: Sequence[tuple[int, int]] = (),
) -> list[FoundAttribution]:
    """One attribution per speaker of ``verb``: "Umerov and Medinsky said" and "Ukrainian officials
    and President X said" give two, each with its own speaker span, so that each is counted as a
    voice of the statement.  ``quoted`` are the character spans of the quotation's own words: no
    word in them is its speaker."""
    cue = _cue_span(verb)
    subject = _subject_of(verb, quoted)
    if subject is None and _is_passive(verb):
        # "In remarks made on behalf of the commission, it was stressed that ...": the
        # passive names no agent, but whom the words were said for.
        subject = _spoken_for(verb, content, ents)
        if subject is None:
            # "It was proposed that ..." names no one: the outlet's own reporting.  "He was told
            # that ..." and "“...,” it was said" do have a speaker, one the text does not name.
            own = kind != "direct" and _is_impersonal(verb)
            return [FoundAttribution(kind, content, cue, None, own_reporting=own)]
    if subject is None and quoted and _subject_of(verb) is not None:
        # the only subject parsed is a word of the quotation: a quote whose speaker goes unnamed
        return [FoundAttribution(kind, content, cue, None)]
    if subject is None:
        return []
    start, end = paragraph_of(verb)
    subject = _in_paragraph(subject, start, verb, ents)
    subject = named_in_role(subject, ents) or titled_person(subject, ents) or named_after_roles(subject, ents) or subject
    # A conjunct inside the subject's own name is no second speaker ("The [Ethics] and
    # Anti-Corruption Commission": the parse coordinates the words of one body's name).
    conjuncts = [t for t in _co_speakers(subject, ents) if start <= t.i < end and not _one_name(subject, t, ents)]
    if conjuncts and all(_is_own_speaker(t, ents) for t in [subject, *conjuncts]):
        spans = [_clipped(doc, speaker_span(doc, h, ents, with_conj=False), start) for h in [subject, *conjuncts]]
        return [
            FoundAttribution(kind, content, cue, span, speaker_head=h)
            for h, span in zip([subject, *conjuncts], spans)
        ]
    span = _clipped(doc, speaker_span(doc, subject, ents, with_conj=True), start)
    return [FoundAttribution(kind, content, cue, span, speaker_head=subject)]


def _one_name(first: Token, second: Token, ents: list[Entity]) -> bool:
    """Whether two tokens are words of one entity's name."""
    entity = entity_at(ents, second)
    return entity is not None and entity_at(ents, first) is entity


def paragraph_of(token: Token) -> tuple[int, int]:
    """The token range (start, end) of the paragraph ``token`` is in. A line break ends a
    paragraph (ingest joins hard-wrapped lines), and nothing said is parsed across one: the small
    model runs an unpunctuated heading into the sentence after it ("Agenda of talks\n\nSpokesman
    X said ..." makes "Agenda" the subject and X its object)."""
    doc = token.doc
    start = token.i
    while start > 0 and not _is_line_break(doc[start - 1]):
        start -= 1
    end = token.i + 1
    while end < len(doc) and not _is_line_break(doc[end]):
        end += 1
    return start, end


def _is_line_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def _in_paragraph(subject: Token, start: int, verb: Token, ents: list[Entity]) -> Token:
    """The speaker of a verb whose parsed subject lies in the paragraph before it (a heading): the
    topmost word of that subject's phrase in the verb's own paragraph, when it can speak."""
    if subject.i >= start or subject.i > verb.i:
        return subject
    # the parser may give the verb a second subject, the one in its own paragraph
    second = [c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass") and start <= c.i < verb.i]
    if second and can_speak(second[0], ents):
        return second[0]
    words = [t for t in subject.subtree if start <= t.i < verb.i and not t.is_space]
    tops = [t for t in words if t.head not in words or t.head == t]
    if len(tops) == 1 and can_speak(tops[0], ents):
        return tops[0]
    return subject


def _clipped(doc: Doc, span: tuple[int, int], start: int) -> tuple[int, int]:
    """A speaker span cut to start in the cue's paragraph (a heading's words are no speaker's)."""
    if start == 0 or span[0] >= doc[start].idx or span[1] <= doc[start].idx:
        return span
    return doc[start].idx, span[1]


# "on behalf of X", "in the name of X", "on the part of X", "in the words of X": the preposition and
# noun that make X the one a statement is said for.
_SAID_FOR = {"behalf": ("on", "in"), "name": ("in",), "part": ("on",), "words": ("in",)}


def _spoken_for(verb: Token, content: tuple[int, int], ents: list[Entity]) -> Token | None:
    """Whom an agentless passive statement is made for: X in "on behalf of X" (or "in the name
    of X", ...) anywhere in the passive's clause but in what it reports, even inside a phrase
    ("In remarks made on behalf of the commission, it was stressed that ..."); or the issuer
    of the document it was said in ("In a statement by the ministry, it was stressed ...")."""
    for token in verb.subtree:
        if content[0] <= token.idx < content[1] or token.dep_ != "pobj":
            continue
        if token.head.lower_ in _SAID_FOR.get(token.lower_, ()):
            source = _object_of(token, ("of",))
        elif token.head.lower_ == "in" and token.head.head == verb and token.lemma_.lower() in DOCUMENT_NOUNS:
            source = _object_of(token, ("by", "from"))
        else:
            continue
        if source is not None and can_speak(source, ents):
            return source
    return None


def _object_of(noun: Token, prepositions: tuple[str, ...]) -> Token | None:
    """The object of the first of ``prepositions`` after a noun ("behalf [of the delegation]")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _co_speakers(subject: Token, ents: list[Entity]) -> list[Token]:
    """The heads coordinated with a speaker's head, in text order.  In "A, B, and C said" the small
    model often hangs B on A as an apposition (and C on B); a name is no description of another
    name of the same kind, so such an apposition in a list is one more speaker."""
    conjuncts = [c for c in subject.conjuncts if c.i > subject.i]
    entity = entity_at(ents, subject)
    if entity is None:
        return conjuncts
    for child in subject.children:
        named = entity_at(ents, child) if child.dep_ == "appos" else None
        if named is None or named.label != entity.label or named == entity:
            continue
        listed = [c for c in child.conjuncts if c.i > child.i]
        if listed or any(c.i > child.i for c in conjuncts):
            conjuncts += [child, *listed]
    return sorted(set(conjuncts), key=lambda t: t.i)


def _is_own_speaker(conjunct: Token, ents: list[Entity]) -> bool:
    """Whether a conjunct of a speaker names someone of its own: a name, a pronoun, a plural ("Ukrainian
    officials") or a noun with its own determiner ("the governor", "his aides").  A bare singular
    noun after another shares its determiner and is a second title of the same person ("the former
    minister and current envoy said")."""
    if entity_at(ents, conjunct) is not None:
        return True
    if conjunct.dep_ == "conj" and conjunct.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss", "predet") for c in conjunct.children
    ):
        return False
    return can_speak(conjunct, ents)


def _cue_span(verb: Token) -> tuple[int, int]:
    end = verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child)
    return verb.idx, end


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_impersonal(verb: Token) -> bool:
    """A passive whose subject is the placeholder "it" or missing: "It was agreed that ...", "as
    was proposed".  "The envoy was told that ..." is not: the envoy heard it from someone."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj", "expl")]
    return all(c.lower_ == "it" for c in subjects)


def _subject_of(verb: Token, quoted: Sequence[tuple[int, int]] = ()) -> Token | None:
    """The speaker token of a cue verb, following conjunctions, participles and 'as saying'.
    A subject the parser found inside the quotation is none: in '“Not a soldier came,” said X' the
    small model gives "said" two subjects, "soldier" and X, and the quote's own words never name
    who says them."""
    seen = 0
    while seen < 6:
        seen += 1
        named = _named_after_description(verb)
        if named is not None:
            return named
        for child in verb.children:
            if any(start <= child.idx < end for start, end in quoted):
                continue
            if child.dep_ == "csubj" and child.tag_ == "VBG":
                # "Speaking at a press conference, Secretary X, who ..., said": the small
                # model takes the participle for the subject and X for an apposition in it
                named = [t for t in child.subtree if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN")]
                return named[-1] if named else None
            if child.dep_ in ("nsubj", "csubj"):
                if _is_label(child) and any(c.dep_ == "nsubj" and c.i > child.i for c in verb.children):
                    continue  # "PESHAWAR: ..., rescue officials said": the dateline is no subject
                if child.lower_ in ("that", "this") and verb.lower_ == "said" and child.i == verb.i - 1:
                    return None  # "That said, ..." is an idiom, not an attribution
                if child.lower_ in _WH_SUBJECTS and verb.dep_ == "relcl":
                    return _antecedent(verb.head, child)
                if child.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children) and _is_passive(verb):
                    return None
                return child
        if _is_passive(verb):
            for child in verb.children:
                if child.dep_ == "agent":
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            # "X was quoted as saying": the passive subject of "quote" is the speaker
            if verb.lemma_ not in ("quote", "cite"):
                return None
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    return child
            return None
        head = verb.head
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            verb = head
        elif verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VB", "VBN"):
            verb = head
        elif verb.dep_ == "pcomp" and head.lower_ == "as":
            quoting = head.head
            if quoting.lemma_ in ("quote", "cite"):
                for child in quoting.children:
                    if child.dep_ in ("dobj", "nsubjpass"):
                        return child
            verb = quoting
        else:
            return None
    return None


def _antecedent(head: Token, relative: Token) -> Token:
    """Who "who" of a relative clause is: the noun right before it. The parser may hang the clause
    on the first of a list of witnesses ("31 witnesses, among them a fire investigator who found
    petrol residue, and a mobile network engineer who said ..."; QA: the engineer's words were given
    to the investigator too); the conjunct nearest before the relative pronoun is the one it
    describes."""
    before = [c for c in head.conjuncts if c.i < relative.i and c.right_edge.i < relative.i]
    nearest = max(before, key=lambda c: c.i, default=None)
    return nearest if nearest is not None and nearest.i > head.i else head


def _is_label(token: Token) -> bool:
    """A word set before a colon at the start of a line: a dateline ("QUETTA:") or a speaker tag,
    which the parser may hang on the paragraph's verb as a second subject."""
    doc = token.doc
    return (token.i + 1 < len(doc) and doc[token.i + 1].text == ":"
            and (token.left_edge.i == 0 or "\n" in doc[token.left_edge.i - 1].text_with_ws))


def _named_after_description(verb: Token) -> Token | None:
    """'State news agency TASS confirmed': the parser gives the verb two subjects, the description
    and the name right after it; the name is the speaker."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if len(subjects) == 2 and subjects[1].pos_ == "PROPN" and subjects[1].i == subjects[0].right_edge.i + 1:
        return subjects[1]
    return None


def speaker_span(doc: Doc, head: Token, ents: list[Entity], *, with_conj: bool) -> tuple[int, int]:
    """Character span of the speaker phrase, keeping a person's name rather than the title."""
    entity = entity_at(ents, head)
    if entity is not None and entity.label == "PERSON" and not with_conj:
        return entity.start, _strip_possessive(doc_text(doc), entity.start, entity.end)
    tokens = _np_tokens(head, with_conj)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    if entity is not None and entity.label == "PERSON" and not any(c.dep_ == "conj" for c in head.children):
        # "Former President Bill Clinton" -> "Bill Clinton": the title is not the speaker; nor is
        # a role coordinated before the name ("Her friend and colleague Jonas Ek").
        start = max(start, entity.start)
        end = min(end, entity.end) if end > entity.end and head.idx < entity.end else end
    while end > start and doc_text(doc)[end - 1] in ",;:—– ":
        end -= 1
    # a list item's bullet is no part of who speaks: "- Russia demands ..."
    while start < end and doc_text(doc)[start] in _BULLETS:
        start += 1
    return start, end


_BULLETS = frozenset("-–—•*·▪ \t")


def _np_tokens(head: Token, with_conj: bool) -> list[Token]:
    tokens = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ not in _NP_DEPS:
                continue
            if child.dep_ in ("conj", "cc", "preconj") and not with_conj:
                continue  # one conjunct alone: "Both Russia and Ukraine said" -> "Russia"
            if child.dep_ == "punct" and child.text not in (".", "'", "’", "-"):
                continue
            tokens.append(child)
            stack.append(child)
    # keep the contiguous run around the head (a stray dependent after a comma is not the NP)
    ids = sorted(t.i for t in tokens)
    lo = hi = ids.index(head.i)
    while lo > 0 and ids[lo - 1] == ids[lo] - 1:
        lo -= 1
    while hi < len(ids) - 1 and ids[hi + 1] == ids[hi] + 1:
        hi += 1
    keep = set(ids[lo:hi + 1])
    return [t for t in tokens if t.i in keep]


def _strip_possessive(text: str, start: int, end: int) -> int:
    for suffix in ("'s", "’s"):
        if text[start:end].endswith(suffix):
            return end - len(suffix)
    return end


def entity_at(ents: list[Entity], token: Token) -> Entity | None:
    starts = [e.start for e in ents]
    k = bisect.bisect_right(starts, token.idx) - 1
    if k >= 0 and ents[k].start <= token.idx < ents[k].end:
        return ents[k]
    return None


# Entity labels that can speak: people, organisations, countries and groups ("Ukraine said").
_SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def can_speak(head: Token, ents: list[Entity]) -> bool:
    """Whether a speaker phrase's head names someone who can speak: a named person,
    organisation or country, a pronoun, or a common noun for people or a body of them
    (quote_cues.SPEAKER_NOUNS). "Istanbul's limited progress shows", "the exchanges suggest"
    and "according to each party's priorities" attribute nothing to anyone."""
    entity = entity_at(ents, head)
    if entity is not None:
        return entity.label in _SPEAKING_LABELS
    if head.pos_ in ("PRON", "PROPN") or is_known_surname(head, ents):
        return True
    if speaking_appositive(head, ents) is not None:
        return True
    lemma = head.lemma_.lower()
    if lemma in SPEAKER_NOUNS or head.lower_ in SPEAKER_NOUNS:
        return True
    if is_definite_office(head):
        return True
    return len(lemma) > 4 and lemma.endswith(AGENT_SUFFIXES) and lemma not in NOT_AGENTS


def is_definite_office(head: Token) -> bool:
    """A definite office ("the captain", "the colonel") too rare for the speaker nouns: one person
    who speaks, whom person_mentions.title_match finds when the article names them with that
    title ("Hero captain Oren Vasquez"). Named or not, the role is a speaker: the brief must not
    cite '"…," the captain said' for words another outlet gives to someone else
    (quoted_wording.gives_words_to_another). "The press" is the media, no one person."""
    if head.pos_ != "NOUN" or head.tag_ == "NNS" or head.lemma_.lower() not in OFFICE_WORDS - _MEDIA_WORDS:
        return False
    return is_definite(head)


def is_definite(noun: Token) -> bool:
    """Whether "the", "this" or "that" determines a noun ("the ministry", not "a ministry")."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


_MEDIA_WORDS = frozenset({"press"})


def is_known_surname(token: Token, ents: list[Entity]) -> bool:
    """A capitalised word the parse did not take for a name ("Trump, speaking on ..., insisted":
    tagged ADJ) that is the last word of a person named in the article."""
    if not token.text[:1].isupper() or not token.is_alpha or len(token.text) < 3:
        return False
    return any(e.label == "PERSON" and len(e.text.split()) >= 2 and e.text.split()[-1] == token.text for e in ents)


def named_in_role(head: Token, ents: list[Entity]) -> Token | None:
    """The person a role phrase ends with, named after the body the role is of: "senior
    superintendent of police Kashif Aftab", "a spokesman for Rescue 1122, Bilal Faizi" (the parse
    hangs the name on the body, so the role noun heads the phrase). None unless the head is a
    common noun and the last word of its phrase is a person's."""
    if head.pos_ != "NOUN" or entity_at(ents, head) is not None:
        return None
    last = head.right_edge
    while last.i > head.i and last.is_punct:
        last = head.doc[last.i - 1]
    if last.i <= head.i:
        return None
    entity = entity_at(ents, last)
    if entity is None or entity.label != "PERSON":
        return None
    # The name hangs on the role through its prepositional phrase, not a clause of its own.
    token = last
    while token.i != head.i:
        if token.dep_ not in ("pobj", "prep", "appos", "compound"):
            return None
        token = token.head
    return last


def named_after_roles(head: Token, ents: list[Entity]) -> Token | None:
    """The person a coordination of roles names: "Her friend and colleague Jonas Ek" is one person
    (QA: shown as two voices, "Her friend" and "Jonas Ek", for the same words). The parser makes
    the name a conjunct of the first role; a bare singular noun opening the conjunct ("colleague",
    no determiner of its own) shares the first role's determiner, so both roles are the name's
    titles, as "the former minister and current envoy" is one person (_is_own_speaker). A first
    role that is an office ("the mayor and council member X") may be someone else, and stays so."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or entity_at(ents, head) is not None:
        return None
    if head.lemma_.lower() in ROLE_NOUNS | OFFICE_WORDS:
        return None
    for conjunct in head.conjuncts:
        entity = entity_at(ents, conjunct)
        if conjunct.i < head.i or entity is None or entity.label != "PERSON":
            continue
        opening = conjunct.left_edge
        if (opening.pos_ == "NOUN" and opening.tag_ == "NN" and opening.text.islower()
                and opening.idx < entity.start and not any(c.dep_ in ("det", "poss") for c in opening.children)):
            return conjunct
    return None


def titled_person(head: Token, ents: list[Entity]) -> Token | None:
    """The person whose title, written before the name, holds a speaker word the parser took for
    the subject: in "WHO representative Elena Moravec said" the small model reads "WHO" as "who"
    and makes "representative" the subject (QA: the speaker was shown as "representative")."""
    if entity_at(ents, head) is not None:
        return None
    for entity in ents:
        if (entity.label == "PERSON" and entity.title_start is not None and entity.title_end is not None
                and entity.title_start <= head.idx < entity.title_end <= entity.start):
            name = head.doc.char_span(entity.start, entity.end, alignment_mode="expand")
            return name[-1] if name is not None else None
    return None


def speaking_appositive(head: Token, ents: list[Entity]) -> Token | None:
    """The named person a role noun is in apposition with ("Russia's lead negotiator, X, said")."""
    for child in head.children:
        if child.dep_ == "appos":
            entity = entity_at(ents, child)
            if entity is not None and entity.label == "PERSON":
                return child
    return None


def by_agent(noun: Token) -> Token | None:
    """Who a noun of reporting is by ("coverage by Al Jazeera" -> Al Jazeera)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return obj
    return None
