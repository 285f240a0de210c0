"""Reported speech: clausal complements of speech verbs, "according to X", "as quoted by X" and "NAME: words" lines."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from synopsis.extract.entity_titles import OFFICE_WORDS
from synopsis.extract.nlp import doc_text
from synopsis.extract.quote_cues import (
    CLOSING_MARKS,
    COGNITION_VERBS,
    BODY_NOUNS,
    MEDIUM_NOUNS,
    ROLE_NOUNS,
    OPENING_MARKS,
    SPEECH_VERBS,
    STRAIGHT_MARK,
    WITHHOLDING_VERBS,
)
from synopsis.extract.quote_marks import MIN_ORPHAN_WORDS, is_cue_verb, word_count
from synopsis.extract.quote_speakers import (
    FoundAttribution,
    by_agent,
    can_speak,
    entity_at,
    named_in_role,
    paragraph_of,
    speaker_span,
    with_speakers,
)
from synopsis.records import Entity


def complement_span(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The clause a speech verb reports: its ccomp, or the host clause of a parenthetical."""
    infinitive = any(c.dep_ == "xcomp" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "ccomp":
            if not _is_reported_clause(child, verb) or _is_embedded_question(child):
                continue
            if infinitive and child.i < verb.i:
                # "A maintain that B; neither is expected to attend": the parser hung the clause
                # before on a verb that reports its own infinitive, not that clause
                continue
            tokens = list(child.subtree)
            if verb.dep_ == "ccomp" and verb.head.i > child.i > verb.i:
                # 'X told journalists that for A to meet, B would have to ...': the parser
                # made the reported clause the main one; English puts no main clause after
                # a reported one, so the content runs on to the end of that clause.  A clause
                # before its cue ("A, spokesman X told reporters, Reuters reported") ends before
                # the speaker: the run would take X's name into his words.
                tokens = [t for t in verb.head.subtree if t.i >= child.left_edge.i]
                if (cut := _reporter_after(verb.head, child)) is not None:
                    # "X said the service had found no sign ..., the agency reported": the words
                    # end where the one who reports X's statement is named
                    tokens = [t for t in tokens if t.i < cut]
            elif (taken := _subject_taken_for_object(verb, child)) is not None:
                # "said [the official name ...] risked delaying ...": the clause starts at its subject
                tokens = list(doc[taken.left_edge.i:child.right_edge.i + 1])
            return _trim_span(doc, tokens, verb)
    if (clause := _clause_taken_for_object(verb)) is not None:
        return _trim_span(doc, clause, verb)
    # "said in a statement that ...": the parser hangs the clause on the noun; and on the agent in
    # "it was agreed by the delegations that ..."
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent"):
            continue
        for noun in prep.children:
            if noun.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass") for c in noun.children):
                # "rejected the idea, with Medinsky stating that ...": the clause is what the other
                # verb reports, for a speaker of its own ("responded by stating that ..." has none,
                # and is the same speaker's)
                continue
            for clause in noun.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    return _trim_span(doc, list(clause.subtree), verb)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    # A parenthetical cue has nothing of its own after it ("the talks, he said, went well"); one
    # with an infinitive or an object ("neither is expected to attend") says something else.
    has_own_complement = any(c.dep_ in ("xcomp", "dobj") for c in verb.children)
    if has_subject and not has_own_complement and (
        verb.dep_ == "parataxis" or (verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i and _is_parenthetical(verb))
    ):
        host = verb.head
        tokens = [t for t in host.subtree if t not in set(verb.subtree)]
        return _trim_span(doc, tokens, verb)
    return None


# Clauses through which a reported clause hangs on the verb that reports it ("said [he had sold the
# goods and then [claimed] ...]", "said supply would return [once the service [confirmed] ...]").
_REPORTED_LINKS = frozenset({"ccomp", "conj", "advcl", "xcomp"})
# Bodies before which a trial's evidence is given: "the court heard that ...", "the jury was told".
_HEARING_BODIES = frozenset("court jury inquest tribunal hearing trial inquiry committee".split())


# Conjunctions of a clause that says when or whether something would happen: a statement in one
# has not been made ("must not return until the fire service says it is safe", "if the minister
# confirms the deal"). "once" too, with a verb in the present ("once the board agrees"); "once the
# board agreed" tells what happened.
_UNMADE_MARKS = frozenset({"until", "till", "unless", "if"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP", "VB"})


def not_yet_said(verb: Token) -> bool:
    """Whether a speech verb is in a clause of condition or of a time to come, and so reports
    nothing anyone has said (QA: "until the fire service says it is safe" listed the fire service
    saying "it is safe")."""
    if verb.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    return bool(marks & _UNMADE_MARKS) or ("once" in marks and verb.tag_ in _PRESENT_TAGS)


def _reporter_after(head: Token, clause: Token) -> int | None:
    """Where the subject of a speech verb that reports a whole statement after it starts ("[X said
    ...], the agency reported"), when the parser hung the statement's cue on that verb; else None."""
    if not is_cue_verb(head):
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
    return None if subject is None else subject.left_edge.i


def told_by_another(doc: Doc, verb: Token, ents: list[Entity], in_mark: list[int]) -> bool:
    """Whether a speech verb stands inside what another speaker is reported to say, and so tells
    that speaker's account rather than a statement of its own subject: in "The prosecution told the
    court that Reyvik had sold the goods and then claimed they had been destroyed" the claim is the
    prosecution's allegation, not words of Reyvik's (QA: listed as his statement); in "The company
    said supply would be restored once the fire service confirmed the lines were safe" the fire
    service has confirmed nothing yet (QA: given to it). Evidence a court heard is such an account
    too ("the court heard that he told ..."). A medium that reports another's words is no such
    speaker ("the agency reported", "Reuters said that the minister told ..."): there the inner
    speaker speaks. So do the outer speakers themselves, or the ones a pronoun takes up ("Zelensky
    said he expected ...": his own stance). Only a cue before the statement counts: one after it
    ("X promised that ..., ENT said") more often credits where X's words were read."""
    clause = verb
    for _ in range(4):
        if clause.dep_ not in _REPORTED_LINKS or clause.head == clause:
            return False
        if (clause.dep_ == "conj" and clause.tag_ in _FINITE_TAGS - {"MD"} and clause.head.tag_ == "VB"
                and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)):
            # "declared that he would not attend and announced that ...": a finite verb shares no
            # "would" of the verb before it; the parser hung it one clause too low
            return False
        clause = clause.head
        if in_mark[clause.i] >= 0:
            return False
        if clause.lemma_ == "hear" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _HEARING_BODIES
                                           for c in clause.children):
            return True
        if not is_cue_verb(clause) or withheld(clause):
            continue
        content = complement_span(doc, clause)
        if clause.i > verb.i or content is None or not content[0] <= verb.idx < content[1]:
            return False
        outer = [f.speaker_head for f in with_speakers(doc, clause, "indirect", content, ents)]
        outer = [head for head in outer if head is not None and can_speak(head, ents) and not _names_a_medium(head, ents)]
        inner = [f.speaker_head for f in with_speakers(doc, verb, "indirect", (verb.idx, verb.idx), ents)]
        return bool(outer) and not any(head is not None and _same_speaker(o, head, ents) for o in outer for head in inner)
    return False


_HE_SHE = frozenset({"he", "she", "him", "her"})
_BODY_PRONOUNS = frozenset({"it", "we", "they"})


def _same_speaker(outer: Token, inner: Token, ents: list[Entity]) -> bool:
    """Whether the speaker of a statement inside another's is that other speaker: the same words or
    name, or a pronoun that agrees with it ("X said he ...", "officials said they ...", "the ministry
    said it ..."). "The prosecution said he ..." and "prosecutors said he ..." name someone else."""
    if inner.i == outer.i or inner.lower_ == outer.lower_:
        return True
    outer_entity, inner_entity = entity_at(ents, outer), entity_at(ents, inner)
    if outer_entity is not None and inner_entity is not None:
        return outer_entity.text.split()[-1] == inner_entity.text.split()[-1]
    word = inner.lower_
    plural = outer.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in outer.children)
    if word in ("they", "we"):
        return plural or (outer_entity is not None and outer_entity.label != "PERSON") or outer.lemma_.lower() in BODY_NOUNS
    if word == "it":
        return not plural and ((outer_entity is not None and outer_entity.label != "PERSON")
                               or outer.lemma_.lower() in BODY_NOUNS)
    if word in _HE_SHE:
        person = (outer_entity is not None and outer_entity.label == "PERSON") or (
            outer.pos_ == "PROPN" and outer_entity is None) or outer.lower_ in _HE_SHE
        return not plural and (person or outer.lemma_.lower() in ROLE_NOUNS | OFFICE_WORDS)
    return False


def _names_a_medium(head: Token, ents: list[Entity]) -> bool:
    """Whether a speaker's head names a news medium: a registered or masthead name ("Valley Wire"),
    or a noun a medium is called by ("the agency")."""
    from synopsis.extract.speaker_kinds import names_outlets

    entity = entity_at(ents, head)
    if entity is not None:
        return names_outlets(entity.text)
    return head.lemma_.lower() in MEDIUM_NOUNS or names_outlets(head.text)


def withheld(verb: Token) -> bool:
    """Whether a speech verb says that its subject did not say what follows it: "She did not say
    whether the plant would stay open", "Officials have not said what will happen", "declined to
    say whether", "would not confirm that", "left without saying whether". Not saying something
    is no statement of it (QA: the clause was listed as her words). Each negation up the chain of
    infinitives flips it, so "did not hesitate to say that ..." does say it. Only verbs of saying:
    a negated belief is still one ("did not expect him to ...": English says "does not think X"
    for "thinks X is not so"), and PolNeAR's annotators count it."""
    if verb.lemma_ not in SPEECH_VERBS:
        return False
    negations = 0
    clause = verb
    for _ in range(4):
        negations += sum(1 for c in clause.children if c.dep_ == "neg")
        if clause is not verb and clause.lemma_ in WITHHOLDING_VERBS:
            negations += 1
        if clause.dep_ == "pcomp" and clause.head.lower_ == "without":
            negations += 1
        if clause.dep_ != "xcomp" or clause.head is clause:
            break
        clause = clause.head
    return negations % 2 == 1


# Tags of a finite verb: a clause headed by one says who does what, and so has a subject.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _is_reported_clause(head: Token, verb: Token) -> bool:
    """Whether a complement the parser hung on a speech verb is a clause that reports something.
    Not a small clause, which has no verb, no "to be" and no "that", after a verb of saying ("the
    court found [him guilty]": a verdict, not words reported; "found that he was guilty" is, and
    so is "said he was [justified]", where the parser may make the adjective the head); nor a finite verb without a
    subject after the cue, which is the main clause the parser took for a complement when it read
    a participle as the verb ("The state of emergency declared on Tuesday [covers 14 districts]"),
    unless the parser took that subject for the cue's object."""
    if head.pos_ in ("ADJ", "NOUN"):
        # a stance is one still: "he considered the delegation inadequate" is what he thinks
        return verb.lemma_ in COGNITION_VERBS or any(c.dep_ in _CLAUSE_MARKERS for c in head.children)
    if head.pos_ not in ("VERB", "AUX"):
        return True  # a headline's verb in capitals is tagged a name: "X Hid Y, Doctor Says"
    if head.i < verb.i or head.tag_ not in _FINITE_TAGS or any(c.dep_ in _CLAUSE_SUBJECTS for c in head.children):
        return True
    # "explaining [the firings] amounted to 1 percent": the parser took the clause's subject for
    # the cue's object, and the clause is there
    return any(c.dep_ == "dobj" and verb.i < c.i < head.i for c in verb.children)


# Words that open an embedded question: "explain what was happening", "asked whether ...".
_QUESTION_WORDS = frozenset("what which who whom whose when where why how whether if".split())
_OWN_CLAUSES = frozenset({"advcl", "ccomp", "csubj", "csubjpass", "relcl", "conj", "acl", "parataxis", "xcomp"})


def _is_embedded_question(clause: Token) -> bool:
    """Whether a complement is a question or a topic, not a statement: "to explain [what was
    happening]", "have yet to say [when they will pass on the cut]", "asked [whether the deal would
    hold]" report no claim of the speaker's (QA: "the captain: 'what was happening'"). The question
    word opens the clause and belongs to its verb, directly or through the noun or adverb it
    modifies ("what guarantees it had received", "how much it would cost"). A clause whose subject
    is itself such a clause states something ("said [what he wanted] was peace"), and a question
    word that opens a clause inside it ("said [when the storm hit], the roof fell") is not its own."""
    opening = clause.left_edge
    if opening.lower_ not in _QUESTION_WORDS or any(c.dep_ in ("csubj", "csubjpass") for c in clause.children):
        return False
    if opening.i < clause.head.i:
        # "savings of 180 million euros, which analysts say will mean job cuts": a relative
        # pronoun before the cue, the subject of what is said (QA: the words before it were taken)
        return False
    if _is_exclamative(opening, clause):
        return False
    head = opening.head
    # one word between, not a clause of its own (the parse may tag "guarantees" a verb)
    if head != clause and head.head == clause and head.dep_ not in _OWN_CLAUSES:
        head = clause
    return head == clause


def _clause_taken_for_object(verb: Token) -> list[Token] | None:
    """The reported clause the parser read as the speech verb's object: in "argued that price
    growth of 2.4 per cent left room to act" it took "that" for a determiner, "left" for an
    adjective and "room" for what was argued (QA: the governor's argument was not found). A verb
    with a subject of its own in front of a noun is a clause, never a modifier of the noun."""
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.i < verb.i:
            continue
        opening = noun.left_edge
        if opening.i != verb.i + 1 or opening.lower_ != "that" or opening.dep_ != "det":
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.i < noun.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
               for t in noun.subtree):
            return list(noun.subtree)[1:]  # without the "that"
    return None


# Verbs that take only questions: what follows them is asked, whatever its shape.
_ASKING_VERBS = frozenset("ask wonder question inquire enquire query".split())
# Degree words after "how" that ask for a measure ("how much it would cost", "how long the delay
# would last"); an exclamative "how much" goes with a verb of feeling or weight instead.
_MEASURE_WORDS = frozenset("much many long far old soon often big large high low fast".split())
_FEELING_VERBS = frozenset("matter mean love miss care appreciate value suffer regret hate enjoy admire respect".split())


def _is_exclamative(opening: Token, clause: Token) -> bool:
    """Whether a clause that opens with "how" tells how much something is so rather than asking
    it: "told him how proud she was", "said how much it mattered" state her pride and its weight
    (QA: the first was dropped with the indirect questions), while "asked how the bridge would be
    paid for", "explained how the plane would land" and "said how much it would cost" give a
    question or a topic."""
    degree = opening.head
    if opening.lower_ != "how" or degree == clause or degree.pos_ not in ("ADJ", "ADV"):
        return False
    verb = clause.head
    if verb.lemma_ in _ASKING_VERBS or verb.lemma_ == "explain":
        return False
    if degree.lower_ in _MEASURE_WORDS:
        return degree.lower_ == "much" and clause.lemma_ in _FEELING_VERBS
    return True


def _subject_taken_for_object(verb: Token, clause: Token) -> Token | None:
    """The object the parser hung on a speech verb that is the subject of the clause after it
    ("explaining [the firings] amounted to ...": the clause has no subject of its own)."""
    if clause.i < verb.i or any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)


# Dependents that make a verbless head a clause: "was", "be", "that".
_CLAUSE_MARKERS = frozenset({"aux", "auxpass", "cop", "mark"})


def _is_parenthetical(verb: Token) -> bool:
    """'The talks, he said, went well' / 'The talks went well, he said'."""
    left = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return left is not None and left.text == ","


def _trim_span(doc: Doc, tokens: list[Token], verb: Token) -> tuple[int, int] | None:
    # what a verb reports starts in its paragraph, not in the heading the parser ran into the
    # sentence; it may go on into the next ("X said on Telegram:\n“...”")
    first = paragraph_of(verb)[0]
    low, high = _semicolon_bounds(doc, verb)
    tokens = sorted((t for t in tokens if t.i >= first and low < t.i < high), key=lambda t: t.i)
    # keep the side of the verb the clause is on: a complement never includes the cue
    if tokens and tokens[0].i < verb.i < tokens[-1].i:
        left = [t for t in tokens if t.i < verb.i]
        right = [t for t in tokens if t.i > verb.i]
        tokens = right if len(right) >= len(left) else left
    while tokens and (tokens[0].is_punct or tokens[0].is_space or _is_complementizer(tokens)):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or (tokens[-1].is_punct and tokens[-1].text not in ("”", '"', ")", "?", "!"))):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _semicolon_bounds(doc: Doc, verb: Token) -> tuple[int, int]:
    """The token indices of the semicolons around a cue in its sentence (outside quotation marks),
    or the document's edges (a reported quotation may go on past the sentence): a semicolon joins two statements, and what a verb reports stays on
    its side (QA: "Berg was arrested in March; Karvia had demanded a fine" credited the arrest to
    Karvia, and "demanded that Berg pay a fine ...; under the deal, the fine was waived" the
    waiver). The parser hangs either clause on the other's verb, so its tree does not say this."""
    sentence = verb.sent
    low, high = -1, len(doc)
    open_marks = 0
    for token in sentence:
        if token.text in OPENING_MARKS:
            open_marks += 1
        elif token.text in CLOSING_MARKS:
            open_marks = max(0, open_marks - 1)
        elif token.text == STRAIGHT_MARK:
            open_marks = 1 - min(open_marks, 1)
        elif token.text == ";" and not open_marks:
            if token.i < verb.i:
                low = token.i
            elif token.i > verb.i:
                high = token.i
                break
    return low, high


# A paragraph that opens with one to four capitalised words and a colon:
# "PENCE: Well, look, ..." (transcripts), "Jane Doe: We will appeal" (headlines).
_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]*([:―—–])[ \t]+(\S[^\n]*)"
)


def labelled_lines(doc: Doc, ents: list[Entity]) -> list[FoundAttribution]:
    """Paragraphs attributed by a leading speaker label and a colon."""
    result = []
    for match in _LABEL_LINE.finditer(doc_text(doc)):
        label_start, label_end = match.span(1)
        label = match.group(1)
        content_start, content_end = match.span(3)
        if match.group(2) != ":" and not _is_quoted_text(match.group(3).strip()):
            continue  # "Name ― “...”" (vox pops) counts only with a quotation after the dash
        while content_end > content_start and doc_text(doc)[content_end - 1].isspace():
            content_end -= 1
        if word_count(doc_text(doc)[content_start:content_end]) < MIN_ORPHAN_WORDS:
            continue
        head = doc.char_span(label_start, label_end, alignment_mode="expand")
        if head is None:
            continue
        entity = entity_at(ents, head.root)
        # A capitalised label is a speaker only if it is a name: a person or organisation
        # the NER found, or an all-capitals transcript tag ("Source: Reuters" and
        # "Photo: AP" are neither).
        if not (label.isupper() and len(label) > 1) and (entity is None or entity.label not in ("PERSON", "ORG")):
            continue
        # "QUETTA: Nine people were killed ..." opening a story is a dateline, never a speaker: a
        # transcript's first turn follows at least a line of introduction, a dateline opens the text.
        if (entity is None or entity.label != "PERSON") and not doc_text(doc)[:label_start].strip():
            continue
        colon = match.start(2)
        kind = "indirect"
        if _is_quoted_text(doc_text(doc)[content_start:content_end]):
            kind, content_start, content_end = "direct", content_start + 1, content_end - 1
        result.append(
            FoundAttribution(kind, (content_start, content_end), (colon, colon + 1), (label_start, label_end), speaker_head=head.root)
        )
    return result


def _is_quoted_text(text: str) -> bool:
    return len(text) > 1 and (text[0] in OPENING_MARKS or text[0] == STRAIGHT_MARK) and (
        text[-1] in CLOSING_MARKS or text[-1] == STRAIGHT_MARK
    )


def _is_complementizer(tokens: list[Token]) -> bool:
    """A leading 'that' that introduces the reported clause rather than being its subject."""
    first = tokens[0]
    if first.lower_ not in ("that", "whether", "if"):
        return False
    if first.dep_ == "mark":
        # "said if the talks fail, sanctions follow": the "if" of a condition inside what is said
        # is part of it (QA: the content read "the talks fail, sanctions follow")
        return first.lower_ == "that" or first.head.dep_ != "advcl"
    if first.lower_ == "that" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in first.head.children
    ):
        return True  # 'told journalists that the road would close': parsed as an object
    follower = tokens[1].lower_ if len(tokens) > 1 else ""
    return first.lower_ == "that" and follower in ("for", "if", "when", "while", "because", "although", "as", "despite", "in")


def according_to(doc: Doc, according: Token, ents: list[Entity]) -> list[FoundAttribution]:
    """'According to X, ...' and '..., according to X.'"""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None and according.i + 1 < len(doc) and doc[according.i + 1].lower_ == "to":
        to = doc[according.i + 1]
    if to is None:
        return []
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return []
    source = named_in_role(source, ents) or source  # "according to senior superintendent of police X"
    if not can_speak(source, ents):
        # "according to reporting by The New York Times": the outlet is the source.
        source = by_agent(source)
        if source is None or not can_speak(source, ents):
            return []
    phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree}
    sentence = according.sent
    host = according.head if according.head != according else sentence.root
    base = host.subtree if host.sent == sentence and host.i not in phrase else sentence
    if _speaks_itself(host, phrase):
        # "The government said ... final, as ... about 20,000 people marched, according to city
        # police": the sentence's statement is the government's; the credit at its end is for
        # the clause it follows, the crowd, not for what the government said.
        clause = _last_clause_before(host, according)
        if clause is None:
            return []
        base = clause.subtree
    tokens = [t for t in base if t.i not in phrase]
    content = _trim_edges(doc, tokens, phrase)
    if content is None:
        return []
    cue = (according.idx, to.idx + len(to))
    return [FoundAttribution("indirect", content, cue, speaker_span(doc, source, ents, with_conj=True), speaker_head=source)]


def _speaks_itself(verb: Token, phrase: set[int]) -> bool:
    """Whether a verb is a speech verb with a speaker of its own (a subject outside the credit
    ``phrase``; not the "it" of "it was stressed", which says no one)."""
    return (verb.lemma_ in SPEECH_VERBS or verb.lemma_ in COGNITION_VERBS) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i not in phrase and c.lower_ not in ("it", "there")
        for c in verb.children)


def _last_clause_before(verb: Token, before: Token) -> Token | None:
    """The last clause under ``verb`` ending right before ``before`` (a verb of its own: "as ...
    people marched"), None when the words before it are the verb's own statement."""
    clauses = [t for t in verb.subtree if t.i < before.i and t is not verb and t.pos_ in ("VERB", "AUX")
               and t.dep_ in ("advcl", "conj", "relcl") and max(x.i for x in t.subtree) < before.i]
    return max(clauses, key=lambda t: (max(x.i for x in t.subtree), -t.i), default=None)


def as_by(doc: Doc, verb: Token, ents: list[Entity]) -> list[FoundAttribution]:
    """'..., as quoted by X' / 'as reported by X'."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None:
        return []
    phrase = {t.i for t in verb.subtree}
    host = verb.head if verb.head != verb else verb.sent.root
    # "X told reporters, as quoted by Al Jazeera, ..." and "Russian sources, as cited by Reuters,
    # say ...": X is the speaker and the outlet only where the words were read; the speech verb
    # gives the attribution.
    speech = host.head if host.dep_ in ("nsubj", "nsubjpass") else host
    if (speech.lemma_ in SPEECH_VERBS or speech.lemma_ in COGNITION_VERBS) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i not in phrase for c in speech.children
    ):
        return []
    # "..., according to X, as quoted by Al Jazeera's Y": the words are X's (an attribution of
    # their own); Y only relayed them.
    if host.lower_ == "according" or any(c.lower_ == "according" for c in host.children):
        return []
    tokens = [t for t in host.subtree if t.i not in phrase]
    content = _trim_edges(doc, tokens, phrase)
    if content is None:
        return []
    as_token = next(c for c in verb.children if c.lower_ == "as")
    cue = (as_token.idx, verb.idx + len(verb))
    return [FoundAttribution("indirect", content, cue, speaker_span(doc, source, ents, with_conj=True), speaker_head=source)]


def _trim_edges(doc: Doc, tokens: list[Token], phrase: set[int]) -> tuple[int, int] | None:
    """Content of a clause around an attribution phrase: the side(s) that hold the clause."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return None
    lo, hi = min(phrase), max(phrase)
    before = [t for t in tokens if t.i < lo]
    after = [t for t in tokens if t.i > hi]
    words = lambda ts: sum(1 for t in ts if not t.is_punct)  # noqa: E731
    if words(before) and words(after):
        chosen = tokens if min(words(before), words(after)) > 2 else (after if words(after) > words(before) else before)
    else:
        chosen = after if words(after) else before
    while chosen and (chosen[0].is_punct or chosen[0].is_space):
        chosen = chosen[1:]
    while chosen and (chosen[-1].is_punct or chosen[-1].is_space) and chosen[-1].text not in ("”", '"'):
        chosen = chosen[:-1]
    if words(chosen) < 2:
        return None
    return chosen[0].idx, chosen[-1].idx + len(chosen[-1])
