"""The statements a source sentence joins: where it is cut into parts, whether the fact's other
reports give each part, and the first statement of a sentence whose rest gives a disputed value."""

from __future__ import annotations

import functools
import re
from typing import Sequence

import numpy as np

from synopsis.compare.disputed_wording import points_given
from synopsis.compare.neutral_wording import stands_alone
from synopsis.compare.pronoun_antecedents import dangling_pronoun
from synopsis.compare.relative_clauses import RELATIVE_OPENING, embedded_relatives, set_off_clauses
from synopsis.extract.claim_frames import REPORTING
from synopsis.facts.support import MIN_SHARED_WORDS, MIN_SHARED_WORDS_WITH_NUMBERS, SupportCheck
from synopsis.records import Dispute, Evidence

# Where a sentence joins one statement to another: a semicolon, a dash, or a comma before a
# participle, a relative or a conjunction ("..., making this the largest exchange to date",
# "..., and the Kremlin has said ..."). Each part is a statement the reader takes as reported.
_PART_BREAK = re.compile(
    r";\s+|\s*[—–]\s*|,\s+(?=(?:which|who|whom|whose|where|while|whereas|although|though|but|and|as)\b)"
    r"|,\s+(?=[a-z]+ing\b)"
)
# A part with fewer content words (outside names) than this names or places something ("Kremlin
# spokesman Dmitry Peskov, speaking on Monday, said ..."); it states nothing of its own to check.
MIN_PART_WORDS = 3
# A first statement cut from a sentence whose rest gives a disputed value (``undisputed_lead``)
# must say what happened, not only name someone: "A suicide bomber struck a bus station in
# Peshawar on Tuesday" has seven content words outside names; "Officials in Kerova" none.
MIN_LEAD_WORDS = 4
# What a modifier of a sentence adds ("for weeks", "as some investors questioned the price", "in
# search of a buyer"), or a clause joined by "and" ("her client had not received a fair trial and
# ..."), must be given by the reports the sentence is cited to: at least this share of its words
# (outside names and days, weighted by rarity) in their sentences between them. A modifier is a few
# words, so what it adds is either there or not: "for weeks" shares nothing with "set the fire
# deliberately to collect insurance money", "on the Ostberg exchange" all of "in Ostberg".
MIN_MODIFIER_SHARE = 0.5
# Words in this share of a story's sentences or more, and in TOPIC_WORD_SENTENCES at least, are
# what the story is about ("fire" in a story of an arson, "talks" in one of peace talks): "paid
# out after the fire" adds nothing the reader does not know, where "for weeks" does.
TOPIC_WORD_SHARE = 0.1
TOPIC_WORD_SENTENCES = 5
# Prepositions of time whose day is a limit the outlet states ("remain suspended until at least
# March 10", "in custody since April"), not when the fact happened: its day counts as words.
_LIMIT_PREPOSITIONS = frozenset({"until", "till", "since", "through"})
# Dependents that add a circumstance to what a verb says: a prepositional phrase, an adverbial
# clause ("as ...", "because ...", "before ..."), an adverbial noun phrase ("last week").
_MODIFIERS = frozenset({"prep", "advcl", "npadvmod"})
# Prepositions of place and setting are left out: outlets name one place in words the shared-word
# test cannot match ("pulled survivors from the water" / "searched the wreckage", "at the third
# round of talks" / "in Istanbul"), and where a thing happened is the story's setting more often
# than a claim of its own; how long, why, when and how ("for weeks", "as a precaution", "before
# claiming ...", "with an informal offer") are what one outlet adds. Checked with places, most
# modifiers caught on the reference corpus and examples/harbor-bridge were places the cited
# reports word otherwise ("from the water", "under the northern approach", "at the third round of
# talks"); without them, its brief changes in one sentence ("..., and the port authority closed
# the inner basin to shipping", which no cited report gives).
_PLACE_PREPOSITIONS = frozenset({
    "in", "into", "on", "onto", "at", "from", "under", "across", "near", "inside", "outside", "out", "off",
    "along", "to", "toward", "towards", "above", "below", "beneath", "behind", "beside", "between", "around",
    "within", "past", "through", "throughout", "up", "down", "upon", "among", "amid", "opposite"})
# A period a sentence sets its statement in ("have struggled for goals this season"): when it is
# said of, as a place is where, left out as places are; the story's dates are checked as dates.
# (Adverbs such as "so far" and "yet" are no modifier ``_MODIFIERS`` reads.)
_TIME_SETTING = re.compile(r"(?:this|that|last|next|the\s+same)(?:\s+\w+)?\s+(?:season|year|week|month|day|morning|"
                           r"afternoon|evening|night|weekend|quarter|term|spring|summer|autumn|fall|winter|time)",
                           re.IGNORECASE)
# How a clause of time or condition relates to the statement ("before the turbulence struck",
# "if regulators do not block it"): outlets word the event or condition each their own way ("before
# the jolt", "subject to approval by competition authorities"), so one with a clause of the same
# relation gives it when the two clauses say much the same (``SIMILAR_CLAUSE``). "as" is left out:
# it is more often why ("as some investors questioned the price") than when.
_RELATIONS = {
    "before": "before", "prior to": "before", "ahead of": "before",
    "after": "after", "following": "after", "once": "after",
    "when": "when", "while": "when", "during": "when", "whenever": "when",
    "if": "if", "unless": "if", "provided": "if", "providing": "if", "subject to": "if", "pending": "if",
    "conditional on": "if", "depending on": "if",
}
_RELATION_CLAUSE = re.compile(r"\b(" + "|".join(sorted((re.escape(m) for m in _RELATIONS), key=len, reverse=True))
                              + r")\s+([^,;:.—–()]+?)(?=\s+and\s+|\s*[,;:.—–()]|$)", re.IGNORECASE)
# The MiniLM cosine (``extract.embed``) at which two clauses of one relation say the same, each
# with its opening word: measured, "before the turbulence struck" / "before the jolt" 0.58, "if
# competition regulators do not block it" / "subject to approval by competition authorities"
# 0.64, while "before the fire started" / "before the vote" 0.48, "if the board approves it" / "if
# shareholders reject it" 0.50. Events worded alike but not the same can pass ("before the flight
# landed" 0.63): the clause's relation and the rest of the sentence are checked, its event only
# as far as an embedding tells.
SIMILAR_CLAUSE = 0.55
# "according to X", "in a statement", "in an interview": who or what says it, not what happened.
_ATTRIBUTING = re.compile(r"(?:according|as\s+(?:reported|quoted|cited)|in\s+(?:a|an|the|his|her|their|its)\s+"
                          r"(?:statement|interview|speech|post|briefing|report))\b", re.IGNORECASE)
# Which values of a statement (``facts.support.Statement``) give a version of a dispute of each kind.
VALUE_KINDS = {"count": "amounts", "amount": "amounts", "duration": "amounts", "date": "dates", "time": "dates"}


def content_parts(wording: Evidence) -> list[Evidence]:
    """The statements a source sentence joins (``_PART_BREAK``), each as a span of its own.

    A relative clause set off inside its main clause is no statement of the sentence's telling:
    "Umerov, who led the Ukrainian delegation, said ..." is one, and cut at ", who" its subject
    would be checked apart from what he said (``relative_clauses.embedded_relatives``, from the
    parse; ``parts_supported`` checks the clause apart). A clause set off at the end of the
    sentence ("..., a step some analysts described as easing by another name") is a part: the
    sentence without it still says what happened. A relative clause the main clause goes on after
    holds no break, wherever it opens.
    """
    text = wording.text
    breaks = [(found.start(), found.end()) for found in _PART_BREAK.finditer(text)]
    # Not only a break before "who": one inside a relative clause with no comma before it ("The
    # man who set fire to the depot in March, killing two workers, will spend ...") ends no
    # statement either, and cut there the sentence's subject would be shown as one.
    if breaks and RELATIVE_OPENING.search(text):
        inside = embedded_relatives(text)
        breaks = [(start, end) for start, end in breaks
                  if not any(end >= low and start < high for low, high in inside)]
    for low, high in set_off_clauses(text):
        comma = text.rfind(",", 0, low)
        if not text[high:].strip(" .!?\"”’'") and comma >= 0 and not any(start <= comma < end for start, end in breaks):
            breaks.append((comma, low))
    parts, begin = [], 0
    for start, end in sorted(breaks):
        if start < begin:
            continue
        parts.append((begin, start))
        begin = end
    parts.append((begin, len(wording.text)))
    return [_span(wording, low, high) for low, high in parts if wording.text[low:high].strip()]


def _span(wording: Evidence, low: int, high: int) -> Evidence:
    """The part of a wording from character ``low`` to ``high`` of its text, as a span of its article."""
    return Evidence(wording.article_id, wording.outlet, wording.start + low, wording.start + high, wording.text[low:high])


def parts_supported(wording: Evidence, others: Sequence[Evidence], check: SupportCheck) -> bool:
    """Whether every statement the wording joins is given by one of the other reports cited for it.

    The support check reads a sentence as a whole, so a report that gives its main statement
    supports it even when the sentence goes on with one outlet's own addition: its evaluation
    ("..., making this one of the most comprehensive agreements to date"), or a further statement
    no other report makes. Shown as the fact, that addition would read as what every cited outlet
    reports. Each part must share as much of its own words with one report as a citation must of
    a whole sentence (``MIN_SHARED_WORDS``, half as much when it states numbers, which the whole
    sentence's check already found in every report). A clause set off by commas inside the
    sentence ("Ostrand, who has pushed for cheaper borrowing for months, was ...") is such a
    statement too, checked on its own (``relative_clauses.set_off_clauses``).
    """
    if others and unsupported_modifier(wording, others, check) is not None:
        return False
    parts = content_parts(wording)
    parts += [clause for clause in (_span(wording, low, high) for low, high in set_off_clauses(wording.text))
              if all((clause.start, clause.end) != (p.start, p.end) for p in parts)]
    if len(parts) < 2:
        return True
    for part in parts:
        if len(check.statement(part).words) < MIN_PART_WORDS:
            continue
        needed = MIN_SHARED_WORDS_WITH_NUMBERS if check.statement(part).amounts else MIN_SHARED_WORDS
        if not any(check.shared_words(part, other) >= needed for other in others):
            return False
    return True


@functools.lru_cache(maxsize=4096)
def _modifier_spans(text: str) -> tuple[tuple[int, int, bool, tuple[tuple[int, int], ...], int | None], ...]:
    """The character spans of what a sentence's modifiers of its verbs add (``_MODIFIERS``: from
    after their preposition or conjunction), and of each clause joined to another by "and" (the
    first up to where the second begins), from the parse (cached: the text decides), each with
    whether its days count as words: a day a clause or an adverb gives ("on Monday", "last week") is
    checked as a date, and an outlet may leave it to its dateline, while one a preposition of time
    gives ("until at least March 10", "since April") is a limit the outlet states; and the spans of
    the relative clauses and appositions inside it, which say who someone is and are checked as
    clauses of their own (``relative_clauses.set_off_clauses``); and where the modifier opens, with
    its preposition or conjunction (None for a joined clause). Who says it ("according to X",
    ``_ATTRIBUTING``) and places (``_PLACE_PREPOSITIONS``) are left out."""
    from synopsis.extract.nlp import parse_sentence

    doc = parse_sentence(text)
    spans, attributing = [], []
    for token in doc:
        if token.head is token or token.head.pos_ not in ("VERB", "AUX"):
            continue
        low, high = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
        if token.dep_ in _MODIFIERS:
            # "according to X", and how someone said it ("Speaking to reporters on Friday, X said"):
            # who says it and when, not what happened.
            if _ATTRIBUTING.match(text[low:high]) or token.head.lemma_.lower() in REPORTING:
                attributing.append((low, high))
                continue
            if token.dep_ == "prep" and (token.lower_ in _PLACE_PREPOSITIONS or token.head.lemma_ == "be"):
                continue  # a place, or what a "be" predicates ("was in the works")
            if token.dep_ == "npadvmod" and _TIME_SETTING.fullmatch(text[low:high].strip()):
                continue  # when it is said of: "this season", as places are where
            first = token.left_edge
            # "for weeks": "weeks" says what it adds; an adverbial noun phrase has no such word
            # before it ("Tuesday, March 4" keeps its "March", so the date is read as one).
            if first.dep_ in ("prep", "mark") and first.i < token.right_edge.i:
                first = doc[first.i + 1]
            inside = tuple((t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in token.subtree
                           if t.dep_ in ("relcl", "appos") and t is not token)
            spans.append((first.idx, high, token.dep_ == "prep" and token.lower_ in _LIMIT_PREPOSITIONS, inside, low))
        elif token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") \
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            # "... had not received a fair trial and that the case rested on ...": two statements.
            spans.append((low, high, False, (), None))
            spans.append((token.head.left_edge.idx, low, False, (), None))
    return tuple(span for span in spans if not any(a <= span[0] and span[1] <= b for a, b in attributing))


def _topic_word(stem: str, check: SupportCheck) -> bool:
    """Whether the story is about what the word says (``TOPIC_WORD_SHARE``)."""
    having, sentences = check.sentences_with(stem)
    return having >= TOPIC_WORD_SENTENCES and having >= TOPIC_WORD_SHARE * sentences


def unsupported_modifier(wording: Evidence, others: Sequence[Evidence], check: SupportCheck) -> str | None:
    """A modifier or joined clause of the wording (``_modifier_spans``) whose words the other
    reports cited for it do not give between them (``MIN_MODIFIER_SHARE``), else None.

    The support check reads a sentence as a whole: a report sharing its main statement supports
    it even when the sentence adds how long ("planned the fire for weeks"), why ("as some investors
    questioned the price") or a second statement ("her client had not received a fair trial and
    ..."), and the reader would take that addition as what every cited outlet reports."""
    for low, high, days, inside, opening in _modifier_spans(wording.text):
        start, end = wording.start + low, wording.start + high
        skip = [(wording.start + a, wording.start + b) for a, b in inside]
        if not days:
            # A day or time as extraction reads it, though the parse cut it ("on Tuesday, March 4":
            # "March 4" its own modifier): checked as a date (``SupportCheck.own_words``).
            skip += [(max(t.start, start), min(t.end, end)) for t in check.analyses[wording.article_id].times
                     if t.type in ("DATE", "TIME") and t.start < end and start < t.end]
        words = frozenset(w for w in check.own_words(wording.article_id, start, end, days=days, skip=skip)
                          if not _topic_word(w, check))
        if any(start <= q.start and q.end <= end for q in check.analyses[wording.article_id].quantities):
            # Its number is in every cited report (``SupportCheck.problem``): "while Haldor shares
            # fell 3 percent" is given by "while Haldor slipped 3 percent", whatever the verb.
            continue
        if words and check.share_given(words, others) < MIN_MODIFIER_SHARE \
                and not (opening is not None and _same_clause_given(wording.text[opening:high], others, check)):
            return wording.text[low:high].strip()
    return None


def _relation_clauses(text: str) -> list[tuple[str, str]]:
    """The clauses of time or condition in a text (``_RELATIONS``), each as (relation, the clause
    with its opening word, up to a comma, a semicolon or an "and")."""
    return [(_RELATIONS[found.group(1).lower()], found.group(0).strip()) for found in _RELATION_CLAUSE.finditer(text)]


def _same_clause_given(modifier: str, others: Sequence[Evidence], check: SupportCheck) -> bool:
    """Whether a clause of time or condition ("before the turbulence struck") is given by a clause
    of the same relation in a cited report that says much the same (``SIMILAR_CLAUSE``)."""
    if (opened := _RELATION_CLAUSE.match(modifier)) is None:
        return False
    relation, clause = _RELATIONS[opened.group(1).lower()], opened.group(0).strip()
    given = [c for other in others for r, c in _relation_clauses(check.context(other).text) if r == relation]
    if not given:
        return False
    from synopsis.extract.embed import embed_texts

    vectors = embed_texts([clause, *given])
    vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return bool((vectors[1:] @ vectors[0]).max() >= SIMILAR_CLAUSE)


def first_statements(wording: Evidence, check: SupportCheck) -> list[Evidence]:
    """The wording cut after each statement it joins but the last (``content_parts``), longest
    first, where what is left says what happened (``MIN_LEAD_WORDS``): spans of the source, so
    every word shown is still the source's own."""
    parts = content_parts(wording)
    cuts = []
    for part in reversed(parts[:-1]):
        text = wording.text[:part.end - wording.start].rstrip(" ,;:")
        cut = _span(wording, 0, len(text))
        if stands_alone(text) and len(check.statement(cut).words) >= MIN_LEAD_WORDS:
            cuts.append(cut)
    return cuts


def undisputed_lead(wording: Evidence, disputes: Sequence[Dispute], check: SupportCheck) -> Evidence | None:
    """The wording's first statement (``content_parts``) when the disputed points it gives a version
    of all lie in the statements after it: "A suicide bomber struck a bus station in Peshawar on
    Tuesday" of "..., killing 14 people, police said", where outlets dispute the toll.  Every
    wording of such a fact gives a version of its number, so without it the brief would not say
    what happened at all, only that accounts of the toll differ; the number stays with the
    dispute.  A span of the source, as every wording is; None when there is no such statement."""
    parts = content_parts(wording)
    if len(parts) < 2:
        return None
    first = parts[0]
    text = first.text.rstrip(" ,;:")
    lead = Evidence(first.article_id, first.outlet, first.start, first.start + len(text), text)
    stated = check.statement(lead)
    if not stands_alone(text) or dangling_pronoun(text) is not None or len(stated.words) < MIN_LEAD_WORDS:
        return None
    # A dispute's evidence is the whole sentence that gives a version: the lead gives one only
    # when it states a value of the dispute's kind itself (or names someone with a disputed office;
    # a statement's dates are its sentence's, so a disputed day anywhere in it keeps the lead out).
    for number in points_given(lead, disputes, check):
        kind = disputes[number].kind
        if kind in VALUE_KINDS and (stated.amounts if VALUE_KINDS[kind] == "amounts" else stated.dates):
            return None
        if kind not in VALUE_KINDS:
            return None
    return lead


def incidental_points(points: Sequence[int], disputes: Sequence[Dispute]) -> bool:
    """Whether the disputed points a wording gives a version of are all someone's office: "NSDC
    Secretary Umerov proposed a summit" reports the proposal, and the office it gives him is said
    to be disputed beside it, where a disputed number or day is the fact itself."""
    return all(disputes[number].kind == "title" for number in points)
