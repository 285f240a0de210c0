"""Attributions (who said what): direct quotes and reported speech, with resolved speakers.

Rules over spaCy's dependency parse plus the quotation marks of the text.  textacy's
``direct_quotations`` (the baseline in bench/polnear.py) only sees quotation marks
next to a verb; news also attributes through "according to X", "X said that ...",
"as quoted by X", participles ("..., adding that ...") and quotes that run over
several sentences and paragraphs, so the rules here are our own.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.quote_cues import AS_BY_VERBS
from synopsis.extract.quote_marks import (
    MIN_ORPHAN_WORDS,
    attach_cue,
    find_quotation_marks,
    is_cue_verb,
    is_whole_quotation,
    opens_sentence,
    quoted_words_end,
    quoted_words_start,
    split_continuations,
    token_mark_index,
    word_count,
)
from synopsis.extract.quote_speakers import FoundAttribution, can_speak, with_speakers
from synopsis.extract.reported_speech import (
    according_to,
    as_by,
    complement_span,
    labelled_lines,
    not_yet_said,
    told_by_another,
    withheld,
)
from synopsis.extract.speaker_kinds import is_document
from synopsis.extract.speaker_resolution import resolve_speakers, speaker_entities
from synopsis.ingest.patterns import is_correction_note
from synopsis.records import Entity, Quote

# Re-exported so that callers keep importing these names from this module.
from synopsis.extract.speaker_resolution import SPEAKER_LABELS  # noqa: F401


def find_quotes(doc: Doc, entities: Sequence[Entity] = ()) -> list[Quote]:
    """Find direct quotes and reported speech in ``doc`` and resolve their speakers."""
    text = doc_text(doc)
    marks = find_quotation_marks(text)
    in_mark = token_mark_index(doc, marks)
    ents = speaker_entities(doc, entities)
    found: list[FoundAttribution] = []
    used_cues: set[int] = set()
    used_marks: set[int] = set()

    # 1. Quotations with a cue before or after them.
    for index, mark in enumerate(marks):
        if index in used_marks:
            continue
        hit = attach_cue(doc, marks, index, in_mark)
        if hit is None:
            continue
        verb, _gap = hit
        parts = [index] + split_continuations(doc, marks, index, verb, in_mark, used_marks)
        used_marks.update(parts)
        used_cues.add(verb.i)
        start = quoted_words_start(marks[parts[0]])
        end = quoted_words_end(text, marks[parts[-1]])
        quoted = [(marks[k].inner_start, marks[k].inner_end) for k in parts]
        found.extend(_voiced(doc, verb, "direct", (start, end), ents, in_mark, quoted))

    # 2. "according to X, ...", "..., as quoted by X".
    for token in doc:
        if in_mark[token.i] >= 0:
            continue
        if token.lower_ == "according":
            found.extend(according_to(doc, token, ents))
        elif token.lemma_ in AS_BY_VERBS and any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children):
            found.extend(as_by(doc, token, ents))

    # 2b. "NAME: words" at the start of a paragraph: interview transcripts and headlines.
    labelled = labelled_lines(doc, ents)
    found.extend(labelled)

    # 3. Reported speech: a speech verb with a clausal complement.
    for token in doc:
        if token.i in used_cues or in_mark[token.i] >= 0 or not is_cue_verb(token) or withheld(token):
            continue
        content = complement_span(doc, token)
        if content is None or content[1] - content[0] < 2:
            continue
        if told_by_another(doc, token, ents, in_mark) or not_yet_said(token):
            continue
        if any(_overlap(content, f.content) >= 0.5 * (content[1] - content[0]) for f in found if f.kind == "direct"):
            continue
        kind = "direct" if is_whole_quotation(text, content, marks) else "indirect"
        found.extend(_voiced(doc, token, kind, content, ents, in_mark))

    # A labelled paragraph that reports another speaker's words ("PESHAWAR: At least 21 people were
    # killed ..., rescue officials said.") is news under a dateline, not the label's turn.
    found = [f for f in found if not (f in labelled and any(
        other.cue is not None and other is not f and f.content[0] <= other.cue[0] < f.content[1] for other in found))]

    # ... and its words start after the dateline the parser may take into the reported clause.
    for f in found:
        if f.kind == "indirect" and (f.content[0] == 0 or text[f.content[0] - 1] == "\n"):
            label = _DATELINE.match(text, f.content[0], f.content[1])
            if label:
                f.content = (label.end(), f.content[1])

    # 4. Quotations no cue claims that open a sentence right after another direct quote:
    # news continues a speaker's words this way ("“A,” he said. “B.”").
    found.sort(key=lambda f: f.content[0])
    for index, mark in enumerate(marks):
        if index in used_marks or word_count(text[mark.inner_start:mark.inner_end]) < MIN_ORPHAN_WORDS:
            continue
        if not opens_sentence(text, mark.start):
            continue
        content = (quoted_words_start(mark), quoted_words_end(text, mark))
        found.append(FoundAttribution("direct", content, None, None))
        used_marks.add(index)

    found = _dedupe(_outside_correction_notes(doc, [f for f in map(lambda f: _speaking(f, ents), found) if f]))
    return resolve_speakers(doc, found, ents)


def _voiced(
    doc: Doc, verb: Token, kind: str, content: tuple[int, int], ents: list[Entity], in_mark: list[int],
    quoted: Sequence[tuple[int, int]] = (),
) -> list[FoundAttribution]:
    """The attributions of ``verb`` (quote_speakers.with_speakers), given to the speaker of the
    statement they are part of when their own subject is no voice: in 'Prosecutor X said the
    sentence showed that “no one is above the law”' the sentence shows nothing, X says it shows it,
    and the quoted words are X's.  Reported speech whose subject is a document ('the commission
    said the ruling showed that its work was paying off') is the outer speaker's reading of the
    document too; a quotation stays the document's, whose own words it may be."""
    found = with_speakers(doc, verb, kind, content, ents, quoted)
    if any(_is_voice(f, ents, documents=kind == "direct") for f in found):
        return found
    outer = _reporting_verb_above(verb, in_mark)
    if outer is None:
        return found
    theirs = [f for f in with_speakers(doc, outer, kind, content, ents, quoted) if _is_voice(f, ents, documents=False)]
    return theirs or found


def _is_voice(found: FoundAttribution, ents: list[Entity], *, documents: bool) -> bool:
    head = found.speaker_head
    return head is not None and can_speak(head, ents) and (documents or not is_document(head, ents))


def _reporting_verb_above(verb: Token, in_mark: list[int]) -> Token | None:
    """The speech verb whose reported clause ``verb`` is in ('X said [the sentence showed ...]'),
    up a clause or two ('X said the ruling was fair and showed ...'), outside any quotation."""
    clause = verb
    for _ in range(3):
        if clause.dep_ not in ("ccomp", "conj") or clause.head == clause:
            return None
        clause = clause.head
        if is_cue_verb(clause) and in_mark[clause.i] < 0:
            return None if withheld(clause) else clause
    return None


# An all-capitals place and a colon opening a paragraph: "KELLTOWN: ...", "NEW MARLOW: ...".
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}[ \t]*:[ \t]+")


def _speaking(found: FoundAttribution, ents: list[Entity]) -> FoundAttribution | None:
    """The attribution with a speaker that can speak: reported speech whose subject names no one
    ("progress shows that ...") is no attribution; a quotation stays, without the wrong speaker."""
    if found.speaker_head is None or can_speak(found.speaker_head, ents):
        return found
    if found.kind != "direct":
        return None
    return FoundAttribution(found.kind, found.content, found.cue, None)


def _outside_correction_notes(doc: Doc, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Drop attributions inside correction notes: "Correction: An earlier version of this article
    said ..." has no speaker (the parse offers "Correction"), and what it reports was wrong."""
    notes = [(s.start_char, s.end_char) for s in doc.sents if is_correction_note(s.text)]
    if not notes:
        return found

    def in_note(span: tuple[int, int] | None) -> bool:
        return span is not None and any(start <= span[0] < end for start, end in notes)

    return [f for f in found if not (in_note(f.speaker) or in_note(f.cue))]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dedupe(found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Keep one finding per (content, speaker); a direct one wins over an indirect one."""
    result: list[FoundAttribution] = []
    # Findings with a speaker first: the same words found again without one add nothing.
    for f in sorted(found, key=lambda f: (f.kind != "direct", f.speaker is None, f.content)):
        if any(
            _overlap(f.content, g.content) >= 0.8 * (f.content[1] - f.content[0])
            and (f.speaker == g.speaker or f.speaker is None)
            for g in result
        ):
            continue
        result.append(f)
    return result
