"""Sentences and claims: the statements later stages compare across outlets.

A claim is a sentence (or an independent clause of a long sentence joined by
";") that asserts something: it has a finite verb, is not a question, heading,
command or the outlet speaking about itself, and has at least ``MIN_WORDS``
words, or fewer when it gives a number, date or name.  Each claim points to the entities, quantities, times and quotes whose
spans fall inside it, so comparison can work on structured facts and still
cite the words.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Span

from synopsis.extract.claim_frames import describe_frame
from synopsis.extract.nlp import doc_text
from synopsis.ingest.patterns import is_correction_note
from synopsis.records import Claim, Entity, Quantity, Quote, Sentence, TimeRef

# Five words: shorter "sentences" in news pages are captions, bylines and
# labels ("Source: Meduza", "Explore More:"). A shorter sentence is still a
# claim when it states something checkable: a finite verb and a number, date or
# name ("Rescuers saved 173 people.", "Peskov denied the report."), with at
# least ``MIN_SHORT_WORDS`` words; headings, bylines and "Read more" fail the
# other tests (final stop, finite verb, boilerplate) whatever their length.
MIN_WORDS = 5
MIN_SHORT_WORDS = 3
# A whole line without final punctuation is a heading, caption or teaser
# ("Istanbul talks bring limited progress"), however long: body paragraphs end
# with a stop after cleaning, and teaser headlines in the reference corpus run
# to 25 words.  List items ("- Talks end without a deal.") are exempt.

# Page furniture and appeals that pass the grammar test; matched at the start
# of a sentence, case-insensitively.
_BOILERPLATE = re.compile(
    r"^(?:read more|read also|see also|related|explore more|subscribe|sign up|follow us|share this|"
    r"click here|donate|join us|support us|advertisement|listen to|watch:|watch the|"
    r"all rights reserved|copyright|©|source:|published:|updated:|photo:|image:|video:|"
    r"this article|this story|this content|we use cookies|skip to)",
    re.IGNORECASE,
)
_TERMINAL = tuple('.!?…"”’\')')
_FIRST_PERSON = frozenset({"i", "we", "us", "our", "ours", "my", "me", "mine", "ourselves"})
# Quotations within one paragraph; a quotation that spans sentences is still one region.
_QUOTE_PAIRS = re.compile(r"“[^”\n]*(?:”|$)|\"[^\"\n]*(?:\"|$)|«[^»\n]*(?:»|$)", re.MULTILINE)
_BULLET = re.compile(r"^[\-–—•*·▪►]\s+")


def split_sentences(doc: Doc) -> list[Sentence]:
    """Sentences from spaCy, also split at line breaks it runs across, with whitespace trimmed."""
    text = doc_text(doc)
    sentences: list[Sentence] = []
    for sent in doc.sents:
        for start, end in _split_lines(text, sent.start_char, sent.end_char):
            piece = text[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            s = start + (len(piece) - len(piece.lstrip()))
            e = s + len(stripped)
            sentences.append(Sentence(start=s, end=e, text=text[s:e]))
    return sentences


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a character range at paragraph breaks, and at line breaks that end a line of its own.

    Cleaned articles keep one paragraph per line (or a blank line between
    paragraphs); a single line break inside a sentence only happens in
    hard-wrapped text, where the line before ends in the middle of a sentence
    and is long.  So a single break splits when the line before ends with final
    punctuation or is short (a heading, a caption, a list item).
    """
    pieces: list[tuple[int, int]] = []
    cursor = start
    for m in re.finditer(r"\n", text[start:end]):
        pos = start + m.start()
        line = text[cursor:pos].strip()
        if not line:
            cursor = pos + 1
            continue
        next_blank = text[pos + 1:pos + 2] == "\n"
        if next_blank or line.endswith(_TERMINAL) or line.endswith(":") or len(line) < 60:
            pieces.append((cursor, pos))
            cursor = pos + 1
    pieces.append((cursor, end))
    return pieces


def find_claims(
    doc: Doc,
    sentences: Sequence[Sentence],
    entities: Sequence[Entity],
    quantities: Sequence[Quantity],
    times: Sequence[TimeRef],
    quotes: Sequence[Quote],
) -> list[Claim]:
    """Claims (asserting sentences or clauses) with the items that fall inside them."""
    claims: list[Claim] = []
    text = doc_text(doc)  # Doc.text joins every token on each call: read it once
    quoted = [(m.start(), m.end()) for m in _QUOTE_PAIRS.finditer(text)]
    quoted += [(q.content_start, q.content_end) for q in quotes if q.kind == "direct"]
    for index, sentence in enumerate(sentences):
        for start, end in _clauses(doc, text, sentence):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not _is_claim(text, span, start, end, sentence, quoted):
                continue
            if _word_count(span) < MIN_WORDS and not _states_checkable(span, start, end, entities, quantities, times):
                continue
            quote_index = _overlapping_quote(quotes, start, end)
            speakers = _statement_speakers(quotes, quote_index)
            claims.append(
                Claim(
                    text=text[start:end],
                    start=start,
                    end=end,
                    sentence=index,
                    entities=_inside(entities, start, end),
                    quantities=_inside(quantities, start, end),
                    times=_inside(times, start, end),
                    quote=quote_index,
                    attributed_to=speakers[0] if speakers else None,
                    frame=describe_frame(span, entities),
                    co_speakers=speakers[1:],
                )
            )
    return claims


def _clauses(doc: Doc, text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """The sentence, or its parts at ";" when each part is a clause of its own; bullets trimmed."""
    start, end = sentence.start, sentence.end
    bullet = _BULLET.match(text[start:end])
    if bullet:
        start += bullet.end()
    parts: list[tuple[int, int]] = []
    cursor = start
    for m in re.finditer(";", text[start:end]):
        pos = start + m.start()
        if _inside_quotes(text[start:pos]):
            continue
        parts.append((cursor, pos))
        cursor = pos + 1
    parts.append((cursor, end))
    if len(parts) > 1:
        spans = [doc.char_span(s, e, alignment_mode="contract") for s, e in parts]
        # Split only if every part can stand alone; otherwise a ";" list stays one claim.
        if not all(sp is not None and _has_finite_verb(sp) and _word_count(sp) >= MIN_WORDS for sp in spans):
            return [(start, end)]
        trimmed = []
        for s, e in parts:
            piece = text[s:e]
            s2 = s + len(piece) - len(piece.lstrip())
            e2 = s2 + len(piece.strip())
            trimmed.append((s2, e2))
        return trimmed
    return [(start, end)]


def _inside_quotes(prefix: str) -> bool:
    """Whether the end of ``prefix`` lies inside an open quotation."""
    return prefix.count("“") > prefix.count("”") or prefix.count('"') % 2 == 1


def _word_count(span: Span) -> int:
    return sum(1 for t in span if t.is_alpha or t.like_num)


def _has_finite_verb(span: Span) -> bool:
    """A finite verb: past or present tense, or a modal (the parse's morphology says which)."""
    for tok in span:
        if tok.pos_ in ("VERB", "AUX") and ("Fin" in tok.morph.get("VerbForm") or tok.tag_ in ("VBD", "VBZ", "VBP", "MD")):
            return True
        # The small model often tags a simple past as a participle ("the parties
        # reconvened in Istanbul" -> VBN): a participle root with a subject and no
        # auxiliary is finite.
        if tok.tag_ == "VBN" and tok.dep_ == "ROOT":
            deps = {c.dep_ for c in tok.children}
            if "nsubj" in deps and not deps & {"aux", "auxpass"}:
                return True
        # After an aside between commas it parses the main verb as a participle modifying the
        # subject, which becomes the root ("The ferry Silver Heron, carrying 200 passengers,
        # overturned at 8:15 a.m."): the sentence was dropped, and outlets that reported its
        # facts were said to leave them out.  A participle right after an aside closed by a comma
        # (a comma opens it after the noun root it modifies) is the sentence's verb; one after a
        # single comma is a caption ("Rescuers at the scene, pictured on Monday.").
        if (tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and tok.head.dep_ == "ROOT"
                and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i and tok.nbor(-1).text == ","
                and any(t.text == "," for t in tok.doc[tok.head.i + 1 : tok.i - 1])):
            return True
    return False


def _participle_as_verb(span: Span) -> bool:
    """Whether the small model's parse hangs the verb on its subject as a participle ("A crowd of
    24,000 watched at the stadium": "crowd" the root, "watched" a modifier of it), with no comma
    between them; after a comma the participle is a caption's ("Rescuers at the scene, pictured
    on Monday")."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    for tok in span:
        if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "acl" and tok.head == root and root.i < tok.i:
            return not any(t.text in (",", ";", ":", "(", "—", "–") for t in tok.doc[root.i + 1:tok.i])
    return False


def _in_running_text(text: str, sentence: Sentence) -> bool:
    """Whether the sentence shares its line with another one: a caption or heading stands alone."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end == -1 else line_end
    return bool(text[line_start:sentence.start].strip() or text[sentence.end:line_end].strip())


def _is_claim(
    full_text: str, span: Span, start: int, end: int, sentence: Sentence, quoted: list[tuple[int, int]]
) -> bool:
    """Whether a sentence or clause asserts something worth comparing."""
    text = full_text[start:end]
    if _word_count(span) < MIN_SHORT_WORDS:
        return False
    if text.rstrip('"”’\' )').endswith("?"):
        return False
    if _BOILERPLATE.match(text):
        return False
    # A correction note left inside a paragraph (cleaning removes those on a line of their own)
    # repeats the wrong value and is not reporting; the corrected text around it still counts.
    if is_correction_note(text):
        return False
    if not _has_finite_verb(span) and not (_in_running_text(full_text, sentence) and _participle_as_verb(span)):
        return False
    if _is_heading(full_text, sentence, span):
        return False
    if _is_imperative(span):
        return False
    if _is_self_reference(span, quoted):
        return False
    # "Here is what ... had to say": the article introducing itself.
    if re.match(r"^here(?:'s|’s| is| are)\b", text, re.IGNORECASE):
        return False
    return True


def _states_checkable(
    span: Span, start: int, end: int, entities: Sequence[Entity], quantities: Sequence[Quantity], times: Sequence[TimeRef]
) -> bool:
    """Whether a short claim gives a number, a date or a name a report can be checked against."""
    if any(_inside(items, start, end) for items in (entities, quantities, times)):
        return True
    return any(t.like_num or t.ent_type_ in ("DATE", "TIME") for t in span)


def _is_heading(text: str, sentence: Sentence, span: Span) -> bool:
    """A whole line with no final punctuation and few words: a heading or caption, not a claim."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    line_end = text.find("\n", sentence.end)
    line_end = len(text) if line_end == -1 else line_end
    whole_line = not text[line_start:sentence.start].strip() and not text[sentence.end:line_end].strip()
    return whole_line and not sentence.text.rstrip().endswith(_TERMINAL) and not _BULLET.match(sentence.text)


def _is_imperative(span: Span) -> bool:
    """A command to the reader ("Join us", "Donate today"): a bare-infinitive root with no subject."""
    root = span.root
    if root.tag_ != "VB" or root.i != span.start or root.lower_ in ("be",):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)


def _is_self_reference(span: Span, quoted: list[tuple[int, int]]) -> bool:
    """The outlet speaking in the first person outside any quotation (mission statements, appeals)."""
    for tok in span:
        if tok.lower_ not in _FIRST_PERSON or (tok.pos_ != "PRON" and tok.tag_ != "PRP$"):
            continue
        if any(s <= tok.idx < e for s, e in quoted):
            continue
        return True
    return False


def _overlapping_quote(quotes: Sequence[Quote], start: int, end: int) -> int | None:
    """The quote that overlaps the claim most, if any."""
    best, best_overlap = None, 0
    for i, q in enumerate(quotes):
        overlap = min(end, q.end) - max(start, q.start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _statement_speakers(quotes: Sequence[Quote], index: int | None) -> tuple[str, ...]:
    """Who made the statement of ``quotes[index]``: its speaker first, then, for a joint statement,
    every co-speaker in text order.  "Officials and President X said that ..." gives one quote per
    speaker (quote_speakers.with_speakers), all with the same words and cue; the claim over those
    words is each speaker's, not only the one whose quote overlaps it most."""
    if index is None:
        return ()
    lead = quotes[index]
    joint = [q for q in quotes if q is not lead and _same_statement(q, lead)]
    joint.sort(key=lambda q: (q.speaker_start if q.speaker_start is not None else q.start))
    names = [q.speaker_entity or q.speaker for q in [lead, *joint]]
    return tuple(dict.fromkeys(name for name in names if name))


def _same_statement(a: Quote, b: Quote) -> bool:
    """Two attributions of one statement by two speakers: the same words, the same cue."""
    return (
        a.cue_start is not None
        and (a.content_start, a.content_end, a.cue_start, a.cue_end)
        == (b.content_start, b.content_end, b.cue_start, b.cue_end)
    )


def _inside(items: Sequence[Entity | Quantity | TimeRef], start: int, end: int) -> tuple[int, ...]:
    """Indices of the items whose span lies within [start, end)."""
    return tuple(i for i, item in enumerate(items) if item.start >= start and item.end <= end)
