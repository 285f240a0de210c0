"""Dates inside a noun's modifier: "the agreement reached during the June 2 talks" dates the
agreement, not the event the sentence reports ("the swap was in accordance with ...").

Time expressions are found by rules over the text (``times.py``); which event one dates is a
question for the parse.  A date whose attachment climbs, through prepositions and nouns, into a
clause that modifies a noun (spaCy's ``acl``: "the deal signed on 5 May"; ``relcl``: "the
members who met on 16 May") before it reaches a clause of the sentence's own is recorded with
the span of that noun phrase (``TimeRef.noun_phrase_start``/``_end``), so that the timeline files
the noun's event under it, cited as such, and not the whole sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from synopsis.extract.claim_frames import MODAL_VERBS, REPORTING
from synopsis.extract.nlp import doc_text
from synopsis.records import TimeRef

# Dependencies of a clause that modifies a noun.
_NOUN_CLAUSES = frozenset({"acl", "relcl"})
# A verb on one of these is a clause of the sentence's own: the date dates that clause's event.
_CLAUSES = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"})
# Steps from a date up to its clause: "the [June 2] peace talks" (nmod) -> during (pobj) ->
# reached (prep) is three; the cap only guards against a malformed parse.
_MAX_STEPS = 12
_TRAILING = " ,;:–—-"
_QUOTES = (("“", "”"),)  # not ‘ ’: ’ is as often an apostrophe ("Russia’s")


# What a participle that has a clause of its own would have: "the ceasefire [they] agreed in March".
_CLAUSE_MARKS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"})


# Verbs that take a clause without "that" ("said the parties agreed last week"): after them a
# noun and a past verb are a clause of its own, not a noun and its participle.
_CLAUSE_TAKERS = REPORTING | frozenset(MODAL_VERBS) | frozenset({
    "agree", "decide", "find", "feel", "fear", "hear", "see", "suggest", "learn", "understand",
    "realise", "realize", "mean", "ensure", "suspect", "doubt", "worry", "allege", "assume", "guess",
    "admit", "insist", "promise", "suppose", "estimate", "conclude", "notice", "discover", "prove"})
_OBJECTS = frozenset({"dobj", "obj", "dative", "attr", "oprd"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})


def _reduced_relative(token):
    """The noun a participle right after it modifies, where the parser took the participle for an
    adverbial clause ("Rebels broke the ceasefire agreed in March": ``agreed`` advcl of
    ``broke``): one without a subject, an auxiliary or a conjunction of its own.

    Or for a clause with that noun as its subject ("accused the RSF of violating the aid
    corridors agreed last week": ``corridors`` nsubj of ``agreed``, ccomp of ``violating``) where
    the verb above takes no clause and the participle has no object: a passive participle has none.
    """
    if token.tag_ not in {"VBN", "VBD"} or token.i == 0:
        return None
    before = token.doc[token.i - 1]
    if before.pos_ not in {"NOUN", "PROPN"} or before.sent != token.sent:
        return None
    if token.dep_ == "ccomp" and before.head == token and before.dep_ in {"nsubj", "nsubjpass"}:
        if token.head.lemma_.lower() in _CLAUSE_TAKERS or any(c.dep_ in _OBJECTS for c in token.children):
            return None
        marks = _CLAUSE_MARKS - {"nsubj", "nsubjpass"}
        if any(child.dep_ in marks or (child.dep_ in {"nsubj", "nsubjpass"} and child != before)
               for child in token.children):
            return None
        return before
    if token.dep_ != "advcl":
        return None
    if any(child.dep_ in _CLAUSE_MARKS for child in token.children):
        return None
    return before


def _number(token) -> str | None:
    """Sing or Plur: of a noun by its tag, of a relative clause by its finite verb ("which was")."""
    if token.tag_ in {"NN", "NNP"}:
        return "Sing"
    if token.tag_ in {"NNS", "NNPS"}:
        return "Plur"
    for word in [token, *(c for c in token.children if c.dep_ in {"aux", "auxpass"})]:
        if word.morph.get("VerbForm") == ["Fin"] and word.morph.get("Number"):
            return word.morph.get("Number")[0]
    return None


def _agreeing_noun(noun, clause):
    """The noun a relative clause agrees with: "the release of 1000 prisoners which was
    implemented in May" is the release's, though the parser hangs it on the nearest noun."""
    wanted = _number(clause) if clause.dep_ == "relcl" else None
    while wanted is not None and _number(noun) not in {None, wanted}:
        # up "of" to the noun before it: release <- of <- prisoners
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in {"NOUN", "PROPN"}:
            break
        noun = noun.head.head
    return noun


def _modified_noun(token):
    """The noun whose modifier clause ``token`` sits in (with that clause), or None when it
    reaches a clause of the sentence's own first."""
    for _ in range(_MAX_STEPS):
        # Not on a number: "Twelve were hurt, three of them seriously, when a flight hit
        # turbulence on Monday" is a clause of the sentence the parser hung on "three".
        if token.dep_ in _NOUN_CLAUSES and token.head != token and token.head.pos_ != "NUM":
            return _agreeing_noun(token.head, token), token
        if (noun := _reduced_relative(token)) is not None:
            return noun, token
        if token.head == token or (token.pos_ in {"VERB", "AUX"} and token.dep_ in _CLAUSES):
            return None
        token = token.head
    return None


def _phrase(noun, clause, date_end: int) -> tuple[int, int] | None:
    """The noun with what precedes it and its modifier clause: "the agreement reached during the
    June 2 peace talks" (through the date, which the parser may hang elsewhere)."""
    if noun.dep_ in {"ROOT", "attr"}:
        # A headline's noun ("Talks held on 23 July"), or what the subject is said to be ("The
        # Istanbul talks are negotiations held in May"): its event is the statement's own.
        return None
    start = noun.left_edge.idx
    last = clause.right_edge
    end = max(last.idx + len(last.text), date_end)
    text = doc_text(noun.doc)
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    # A quotation the parser split ("the “all for all” principle agreed upon ..." from "all”"):
    # the phrase starts at its opening mark.
    for opening, closing in _QUOTES:
        inside = text[start:end]
        if inside.count(closing) > inside.count(opening) and (at := text.rfind(opening, noun.sent.start_char, start)) >= 0:
            start = at
    return start, end


def mark_noun_modifiers(doc, times: Sequence[TimeRef]) -> list[TimeRef]:
    """``times`` with each date or time inside a noun's modifier clause given that noun phrase's
    span; and, unless the noun is its clause's subject, that span as its clause (``mark_clauses``):
    a value outside the phrase is not dated by it."""
    out = []
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        found = None
        if (time.type or "").upper() in {"DATE", "TIME"} and span is not None and len(span):
            # The tokens the parser hangs outside the expression ("5" on "on", "May" on "deal"):
            # one of them leading into a noun's modifier is enough.
            for token in (t for t in span if not (span.start <= t.head.i < span.end) or t.head == t):
                attached = _modified_noun(token)
                if attached is not None:
                    found = _phrase(*attached, time.end)
                    if found is not None and found[0] <= time.start:
                        break
                    found = None
        if found is not None:
            time = dataclasses.replace(time, noun_phrase_start=found[0], noun_phrase_end=found[1])
            if attached[0].dep_ not in _SUBJECTS:
                # The noun is not what the sentence tells of: "voted seven to two at the end of a
                # two-day meeting that began on Tuesday" dates the meeting's start, not the vote.
                # On the subject ("The talks held on 16 May lasted two hours") it is the event's own.
                time = dataclasses.replace(time, clause_start=found[0], clause_end=found[1])
        out.append(time)
    return out


# Clauses inside a sentence that a date may date alone: a complement ("said [41 percent were on
# strike]"), an infinitive ("ready [to talk tomorrow]"), a conjoined or adverbial clause.  A date
# climbing to the sentence's root dates the whole sentence; one in a noun's modifier climbs on
# (``mark_noun_modifiers`` records that noun phrase for the timeline).
_INNER_CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"})


def _inner_clause(token):
    """The verb heading the clause inside its sentence that ``token`` dates, or None for the sentence's own."""
    for _ in range(_MAX_STEPS):
        if token.head == token:
            return None
        if token.pos_ in {"VERB", "AUX"} and token.dep_ in _INNER_CLAUSES:
            return token
        token = token.head
    return None


def mark_clauses(doc, times: Sequence[TimeRef]) -> list[TimeRef]:
    """``times`` with each date or time that dates only a clause inside its sentence given that
    clause's span, so that a value elsewhere in the sentence is not dated by it: in "Lopes said 41
    percent were on strike and that the minister was ready to talk tomorrow" tomorrow is the talks',
    not the turnout's. The parse says which clause a date hangs on; the words alone do not."""
    out = []
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if (time.type or "").upper() in {"DATE", "TIME"} and span is not None and len(span):
            outside = [t for t in span if not (span.start <= t.head.i < span.end) or t.head == t]
            verb = _inner_clause(outside[0]) if outside else None
            # A noun's modifier (``mark_noun_modifiers``) is narrower than any clause it sits in.
            if verb is not None and time.clause_start is None:
                last = verb.right_edge
                start = min(verb.left_edge.idx, time.start)
                end = max(last.idx + len(last.text), time.end)
                time = dataclasses.replace(time, clause_start=start, clause_end=end)
        out.append(time)
    return out
