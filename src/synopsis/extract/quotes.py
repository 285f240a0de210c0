"""Attributions (who said what): direct quotes and reported speech, with resolved speakers.

Rules over spaCy's dependency parse plus the quotation marks of the text.  textacy's
``direct_quotations`` (the baseline in bench/polnear.py) only sees quotation marks
next to a verb; news also attributes through "according to X", "X said that ...",
"as quoted by X", participles ("..., adding that ...") and quotes that run over
several sentences and paragraphs, so the rules here are our own.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Token

from synopsis.extract.quote_cues import (
    AS_BY_VERBS,
    CLOSING_MARKS,
    COGNITION_VERBS,
    GROUP_PRONOUNS,
    HEARSAY_PASSIVES,
    MALE_FEMALE_PRONOUNS,
    OPENING_MARKS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STRAIGHT_MARK,
)
from synopsis.extract.nlp import doc_text
from synopsis.records import Entity, Quote

SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents that belong to a speaker's noun phrase; appositions, relative clauses and
# participle phrases are left out ("Medinsky, who led the delegation, said" -> "Medinsky").
_NP_DEPS = frozenset(
    {"compound", "det", "amod", "poss", "case", "nmod", "nummod", "quantmod", "prep", "pobj",
     "predet", "preconj", "cc", "conj", "punct", "advmod", "npadvmod"}
)
# Dependents of a cue verb that may stand between the verb and a quotation:
# "said in a statement:", "told reporters on Tuesday,", "said on the other hand,".
_CUE_GAP_DEPS = frozenset(
    {"dobj", "dative", "prep", "advmod", "npadvmod", "prt", "nsubj", "nsubjpass", "agent",
     "aux", "auxpass", "neg", "punct", "mark", "cc", "attr", "oprd", "intj"}
)
_GAP_PUNCT = frozenset({",", ":", "—", "–", "-", "--", ";"})
_WH_SUBJECTS = frozenset({"who", "that", "which"})
# A quotation this short that no cue claims is a scare quote or a title, not a statement.
_MIN_ORPHAN_WORDS = 4
# How far (in tokens) a cue may sit from the quotation it introduces or closes.
_CUE_WINDOW = 12


@dataclass(slots=True)
class _Mark:
    """A quotation in the text: offsets of its marks and of its inner text."""

    start: int  # opening mark
    end: int  # after the closing mark (or end of paragraph when unclosed)
    inner_start: int
    inner_end: int


@dataclass(slots=True)
class _Found:
    kind: str
    content: tuple[int, int]
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    speaker_head: Token | None = None


def find_quotes(doc: Doc, entities: Sequence[Entity] = ()) -> list[Quote]:
    """Find direct quotes and reported speech in ``doc`` and resolve their speakers."""
    text = doc_text(doc)
    marks = find_quotation_marks(text)
    in_mark = _token_mark_index(doc, marks)
    ents = _speaker_entities(doc, entities)
    found: list[_Found] = []
    used_cues: set[int] = set()
    used_marks: set[int] = set()

    # 1. Quotations with a cue before or after them.
    for index, mark in enumerate(marks):
        if index in used_marks:
            continue
        hit = _attach_cue(doc, marks, index, in_mark)
        if hit is None:
            continue
        verb, _gap = hit
        parts = [index] + _split_continuations(doc, marks, index, verb, in_mark, used_marks)
        used_marks.update(parts)
        used_cues.add(verb.i)
        start = _inner_start(marks[parts[0]])
        end = _inner_end(text, marks[parts[-1]])
        found.extend(_with_speakers(doc, verb, "direct", (start, end), ents))

    # 2. "according to X, ...", "..., as quoted by X".
    for token in doc:
        if in_mark[token.i] >= 0:
            continue
        if token.lower_ == "according":
            found.extend(_according_to(doc, token, ents))
        elif token.lemma_ in AS_BY_VERBS and any(c.lower_ == "as" and c.dep_ == "mark" for c in token.children):
            found.extend(_as_by(doc, token, ents))

    # 2b. "NAME: words" at the start of a paragraph: interview transcripts and headlines.
    found.extend(_labelled_lines(doc, ents))

    # 3. Reported speech: a speech verb with a clausal complement.
    for token in doc:
        if token.i in used_cues or in_mark[token.i] >= 0 or not _is_cue_verb(token):
            continue
        content = _complement_span(doc, token)
        if content is None or content[1] - content[0] < 2:
            continue
        if any(_overlap(content, f.content) >= 0.5 * (content[1] - content[0]) for f in found if f.kind == "direct"):
            continue
        kind = "direct" if _is_whole_quotation(text, content, marks) else "indirect"
        found.extend(_with_speakers(doc, token, kind, content, ents))

    # 4. Quotations no cue claims that open a sentence right after another direct quote:
    # news continues a speaker's words this way ("“A,” he said. “B.”").
    found.sort(key=lambda f: f.content[0])
    for index, mark in enumerate(marks):
        if index in used_marks or _word_count(text[mark.inner_start:mark.inner_end]) < _MIN_ORPHAN_WORDS:
            continue
        if not _opens_sentence(text, mark.start):
            continue
        content = (_inner_start(mark), _inner_end(text, mark))
        found.append(_Found("direct", content, None, None))
        used_marks.add(index)

    found = _dedupe(found)
    return _resolve(doc, found, ents)


# ---------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------


def find_quotation_marks(text: str) -> list[_Mark]:
    """Outermost quotations of the text, following quotes across paragraphs and nesting."""
    # ASCII typesetting writes double quotes as two single ones (``...'' or ''...'',
    # the New York Times archive style): read them as one straight mark, keeping offsets.
    view = text.replace("``", '" ').replace("''", '" ')
    marks = _pair_marks(view)
    if view != text:
        for mark in marks:
            if text[mark.start:mark.start + 2] in ("``", "''"):
                mark.inner_start = mark.start + 2
            if text[mark.inner_end:mark.inner_end + 2] == "''":
                mark.end = mark.inner_end + 2
    return marks


def _pair_marks(text: str) -> list[_Mark]:
    marks: list[_Mark] = []
    # Open quotations, outermost first, as (offset, "curly" | "straight"); quotes nested
    # inside a quote (a speaker quoting someone) stay part of the outer one.
    stack: list[tuple[int, str]] = []
    paragraph_start = True
    last_text = 0  # index after the last non-space character seen
    for i, ch in enumerate(text):
        if ch == "\n":
            if stack and not _next_paragraph_opens_quote(text, i):
                # Unclosed quotation: it runs to the end of its paragraph.
                marks.append(_Mark(stack[0][0], last_text, stack[0][0] + 1, last_text))
                stack.clear()
            paragraph_start = True
            continue
        if ch.isspace():
            continue
        if ch in OPENING_MARKS or ch in CLOSING_MARKS or ch == STRAIGHT_MARK:
            kind = "straight" if ch == STRAIGHT_MARK else "curly"
            opens = ch in OPENING_MARKS or (kind == "straight" and not any(k == kind for _, k in stack))
            if stack and paragraph_start and (opens or kind == "straight"):
                pass  # a paragraph that goes on with an open quotation starts with a fresh mark
            elif opens:
                stack.append((i, kind))  # a paragraph end closes what a missing mark left open
            elif stack:
                while len(stack) > 1 and stack[-1][1] != kind and any(k == kind for _, k in stack):
                    stack.pop()
                opened = stack.pop()[0]
                if not stack:
                    marks.append(_Mark(opened, i + 1, opened + 1, i))
        paragraph_start = False
        last_text = i + 1
    if stack:
        marks.append(_Mark(stack[0][0], last_text, stack[0][0] + 1, last_text))
    return marks


def _next_paragraph_opens_quote(text: str, newline: int) -> bool:
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and (text[j] in OPENING_MARKS or text[j] == STRAIGHT_MARK)


def _inner_start(mark: _Mark) -> int:
    return mark.inner_start


def _inner_end(text: str, mark: _Mark) -> int:
    """End of the quoted words, without the comma that hands over to the cue."""
    end = mark.inner_end
    while end > mark.inner_start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return end


def _token_mark_index(doc: Doc, marks: list[_Mark]) -> list[int]:
    """For each token, the index of the quotation it lies inside (marks included), or -1."""
    starts = [m.start for m in marks]
    result = []
    for token in doc:
        k = bisect.bisect_right(starts, token.idx) - 1
        result.append(k if k >= 0 and token.idx < marks[k].end else -1)
    return result


def _is_whole_quotation(text: str, span: tuple[int, int], marks: list[_Mark]) -> bool:
    return any(m.inner_start <= span[0] and span[1] <= m.inner_end + 1 for m in marks)


def _opens_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ".!?\n:" or text[j] in CLOSING_MARKS or text[j] == STRAIGHT_MARK


def _word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# ---------------------------------------------------------------------------
# Cues
# ---------------------------------------------------------------------------


def _is_cue_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (token.lemma_ in SPEECH_VERBS or token.lemma_ in COGNITION_VERBS)


def _attach_cue(doc: Doc, marks: list[_Mark], index: int, in_mark: list[int]) -> tuple[Token, int] | None:
    """The speech verb that introduces or closes quotation ``index``, if any."""
    mark = marks[index]
    after = _cue_after(doc, mark, index, in_mark)
    before = _cue_before(doc, mark, index, in_mark)
    options = [c for c in (after, before) if c is not None]
    if not options:
        return None
    # the closer cue wins: '“A,” he said. She replied: “B.”' gives A to him and B to her
    return min(options, key=lambda c: c[1])


def _first_token_at(doc: Doc, char: int) -> int:
    """Index of the first token that starts at or after ``char``."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _cue_after(doc: Doc, mark: _Mark, index: int, in_mark: list[int]) -> tuple[Token, int] | None:
    """'“...,” he said' / '“...,” said Umerov': a speech verb just after the quotation."""
    first = _first_token_at(doc, mark.end)
    for i in range(first, min(len(doc), first + _CUE_WINDOW)):
        token = doc[i]
        if in_mark[i] >= 0 and in_mark[i] != index:
            return None
        if token.text in (".", "!", "?") or "\n" in token.text:
            return None
        if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            between = doc[first:i]
            allowed = _gap_tokens(token)
            if all(t.text in _GAP_PUNCT or t.i in allowed or t.is_space for t in between):
                return token, sum(1 for t in between if not t.is_punct)
            return None
    return None


def _cue_before(doc: Doc, mark: _Mark, index: int, in_mark: list[int]) -> tuple[Token, int] | None:
    """'X said: “...”' / 'X told reporters, “...”': a speech verb just before the quotation."""
    last = _first_token_at(doc, mark.start) - 1
    for i in range(last, max(-1, last - _CUE_WINDOW), -1):
        token = doc[i]
        if in_mark[i] >= 0:
            return None
        if token.text in (".", "!", "?") or "\n" in token.text:
            return None
        if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            between = doc[i + 1:last + 1]
            allowed = _gap_tokens(token)
            if all(
                t.text in _GAP_PUNCT or t.i in allowed or t.is_space or t.lower_ == "that"
                for t in between
            ):
                # A quoted fragment inside a reported clause is not a direct quote:
                # 'said Russia proposed “humanitarian pauses”' is reported speech.
                if between and not any(t.text in _GAP_PUNCT or t.lower_ == "that" for t in between[-2:]):
                    if any(t.dep_ == "dobj" and t.head == token for t in between):
                        return None
                # 'proposed “short pauses”': a few quoted words run into the verb are
                # its object (a scare quote), not a statement of their own
                if not any(t.text in _GAP_PUNCT for t in between) and _word_count(
                    doc_text(doc)[mark.inner_start:mark.inner_end]
                ) < _MIN_ORPHAN_WORDS:
                    return None
                return token, sum(1 for t in between if not t.is_punct)
            return None
    return None


def _gap_tokens(verb: Token) -> set[int]:
    """Tokens that may stand between a cue verb and its quotation (subject, object, adverbials)."""
    allowed: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CUE_GAP_DEPS:
            allowed.update(t.i for t in child.subtree)
    return allowed


def _split_continuations(
    doc: Doc, marks: list[_Mark], index: int, verb: Token, in_mark: list[int], used: set[int]
) -> list[int]:
    """'“Part one,” he said, “part two.”': the later quotations that the same cue splits."""
    text = doc_text(doc)
    first = marks[index]
    parts: list[int] = []
    if verb.idx < first.start:
        return parts  # cue before the quotation: nothing splits it
    following = index + 1
    if following >= len(marks) or following in used:
        return parts
    nxt = marks[following]
    between = doc.char_span(first.end, nxt.start, alignment_mode="expand")
    if between is None:
        return parts
    allowed = _gap_tokens(verb) | {verb.i}
    gap_ok = all(t.text in _GAP_PUNCT or t.i in allowed or t.is_space for t in between)
    comma = text[first.end:nxt.start].rstrip().endswith((",", ":"))
    if gap_ok and comma and "\n" not in text[first.end:nxt.start]:
        parts.append(following)
    return parts


# ---------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------


def _with_speakers(
    doc: Doc, verb: Token, kind: str, content: tuple[int, int], ents: list[Entity]
) -> list[_Found]:
    """One attribution per speaker of ``verb`` ("Umerov and Medinsky said" gives two)."""
    cue = _cue_span(verb)
    subject = _subject_of(verb)
    if subject is None:
        if not _is_passive(verb):
            return []
        return [_Found(kind, content, cue, None)]
    heads = [subject]
    conjuncts = [c for c in subject.conjuncts if c.i > subject.i]
    if conjuncts and all(_entity_at(ents, t) is not None for t in [subject, *conjuncts]):
        heads = [subject, *conjuncts]
        return [
            _Found(kind, content, cue, _speaker_span(doc, h, ents, with_conj=False), speaker_head=h)
            for h in heads
        ]
    return [_Found(kind, content, cue, _speaker_span(doc, subject, ents, with_conj=True), speaker_head=subject)]


def _cue_span(verb: Token) -> tuple[int, int]:
    end = verb.idx + len(verb)
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            end = child.idx + len(child)
    return verb.idx, end


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _subject_of(verb: Token) -> Token | None:
    """The speaker token of a cue verb, following conjunctions, participles and 'as saying'."""
    seen = 0
    while seen < 6:
        seen += 1
        for child in verb.children:
            if child.dep_ == "csubj" and child.tag_ == "VBG":
                # "Speaking at a press conference, Secretary X, who ..., said": the small
                # model takes the participle for the subject and X for an apposition in it
                named = [t for t in child.subtree if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN")]
                return named[-1] if named else None
            if child.dep_ in ("nsubj", "csubj"):
                if child.lower_ in ("that", "this") and verb.lower_ == "said" and child.i == verb.i - 1:
                    return None  # "That said, ..." is an idiom, not an attribution
                if child.lower_ in _WH_SUBJECTS and verb.dep_ == "relcl":
                    return verb.head
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
            quoted = head.head
            if quoted.lemma_ in ("quote", "cite"):
                for child in quoted.children:
                    if child.dep_ in ("dobj", "nsubjpass"):
                        return child
            verb = quoted
        else:
            return None
    return None


def _speaker_span(doc: Doc, head: Token, ents: list[Entity], *, with_conj: bool) -> tuple[int, int]:
    """Character span of the speaker phrase, keeping a person's name rather than the title."""
    entity = _entity_at(ents, head)
    if entity is not None and entity.label == "PERSON" and not with_conj:
        return entity.start, _strip_possessive(doc_text(doc), entity.start, entity.end)
    tokens = _np_tokens(head, with_conj)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    if entity is not None and entity.label == "PERSON" and not head.conjuncts:
        # "Former President Bill Clinton" -> "Bill Clinton": the title is not the speaker.
        start = max(start, entity.start)
        end = min(end, entity.end) if end > entity.end and head.idx < entity.end else end
    while end > start and doc_text(doc)[end - 1] in ",;:—– ":
        end -= 1
    return start, end


def _np_tokens(head: Token, with_conj: bool) -> list[Token]:
    tokens = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ not in _NP_DEPS:
                continue
            if child.dep_ in ("conj", "cc") and not with_conj:
                continue
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


# ---------------------------------------------------------------------------
# Content spans
# ---------------------------------------------------------------------------


def _complement_span(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The clause a speech verb reports: its ccomp, or the host clause of a parenthetical."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            tokens = list(child.subtree)
            if verb.dep_ == "ccomp" and verb.head.i > child.i:
                # 'X told journalists that for A to meet, B would have to ...': the parser
                # made the reported clause the main one; English puts no main clause after
                # a reported one, so the content runs on to the end of that clause.
                tokens = [t for t in verb.head.subtree if t.i >= child.left_edge.i]
            return _trim_span(doc, tokens, verb)
    # "said in a statement that ...": the parser hangs the clause on the noun
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            for clause in noun.children:
                if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
                ):
                    return _trim_span(doc, list(clause.subtree), verb)
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if has_subject and (
        verb.dep_ == "parataxis" or (verb.dep_ in ("ccomp", "advcl") and verb.i > verb.head.i and _is_parenthetical(verb))
    ):
        host = verb.head
        tokens = [t for t in host.subtree if t not in set(verb.subtree)]
        return _trim_span(doc, tokens, verb)
    return None


def _is_parenthetical(verb: Token) -> bool:
    """'The talks, he said, went well' / 'The talks went well, he said'."""
    left = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return left is not None and left.text == ","


def _trim_span(doc: Doc, tokens: list[Token], verb: Token) -> tuple[int, int] | None:
    tokens = sorted(tokens, key=lambda t: t.i)
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


# A paragraph that opens with one to four capitalised words and a colon:
# "PENCE: Well, look, ..." (transcripts), "Jane Doe: We will appeal" (headlines).
_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)[ \t]*([:―—–])[ \t]+(\S[^\n]*)"
)


def _labelled_lines(doc: Doc, ents: list[Entity]) -> list[_Found]:
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
        if _word_count(doc_text(doc)[content_start:content_end]) < _MIN_ORPHAN_WORDS:
            continue
        head = doc.char_span(label_start, label_end, alignment_mode="expand")
        if head is None:
            continue
        entity = _entity_at(ents, head.root)
        # A capitalised label is a speaker only if it is a name: a person or organisation
        # the NER found, or an all-capitals transcript tag ("Source: Reuters" and
        # "Photo: AP" are neither).
        if not (label.isupper() and len(label) > 1) and (entity is None or entity.label not in ("PERSON", "ORG")):
            continue
        colon = match.start(2)
        kind = "indirect"
        if _is_quoted_text(doc_text(doc)[content_start:content_end]):
            kind, content_start, content_end = "direct", content_start + 1, content_end - 1
        result.append(
            _Found(kind, (content_start, content_end), (colon, colon + 1), (label_start, label_end), speaker_head=head.root)
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
        return True
    if first.lower_ == "that" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in first.head.children
    ):
        return True  # 'told journalists that the road would close': parsed as an object
    follower = tokens[1].lower_ if len(tokens) > 1 else ""
    return first.lower_ == "that" and follower in ("for", "if", "when", "while", "because", "although", "as", "despite", "in")


def _according_to(doc: Doc, according: Token, ents: list[Entity]) -> list[_Found]:
    """'According to X, ...' and '..., according to X.'"""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None and according.i + 1 < len(doc) and doc[according.i + 1].lower_ == "to":
        to = doc[according.i + 1]
    if to is None:
        return []
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return []
    phrase = {t.i for t in according.subtree} | {t.i for t in to.subtree}
    sentence = according.sent
    host = according.head if according.head != according else sentence.root
    base = host.subtree if host.sent == sentence and host.i not in phrase else sentence
    tokens = [t for t in base if t.i not in phrase]
    content = _trim_edges(doc, tokens, phrase)
    if content is None:
        return []
    cue = (according.idx, to.idx + len(to))
    return [_Found("indirect", content, cue, _speaker_span(doc, source, ents, with_conj=True), speaker_head=source)]


def _as_by(doc: Doc, verb: Token, ents: list[Entity]) -> list[_Found]:
    """'..., as quoted by X' / 'as reported by X'."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if source is None:
        return []
    phrase = {t.i for t in verb.subtree}
    host = verb.head if verb.head != verb else verb.sent.root
    tokens = [t for t in host.subtree if t.i not in phrase]
    content = _trim_edges(doc, tokens, phrase)
    if content is None:
        return []
    as_token = next(c for c in verb.children if c.lower_ == "as")
    cue = (as_token.idx, verb.idx + len(verb))
    return [_Found("indirect", content, cue, _speaker_span(doc, source, ents, with_conj=True), speaker_head=source)]


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


# ---------------------------------------------------------------------------
# Speaker resolution
# ---------------------------------------------------------------------------


def _speaker_entities(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """Entities that can speak, from the caller or else from spaCy's NER, in text order."""
    if entities:
        chosen = [e for e in entities if e.label in SPEAKER_LABELS]
        return sorted(chosen, key=lambda e: e.start)
    chosen = [Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents if e.label_ in SPEAKER_LABELS]
    # The small English model misses many foreign names ("Pavel Orlov arrived" gets no
    # entity); a run of two or more capitalised proper nouns outside any entity is taken
    # as a person's name so that later surnames and pronouns can resolve to it.
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or token.dep_ == "compound":
            continue
        run = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i not in taken]
        if len(run) == 0 or run[0].i + len(run) != token.i or not all(t.text[:1].isupper() for t in [*run, token]):
            continue
        start = run[0].idx
        chosen.append(Entity(doc_text(doc)[start:token.idx + len(token)], "PERSON", start, token.idx + len(token)))
    return sorted(chosen, key=lambda e: e.start)


def _entity_at(ents: list[Entity], token: Token) -> Entity | None:
    starts = [e.start for e in ents]
    k = bisect.bisect_right(starts, token.idx) - 1
    if k >= 0 and ents[k].start <= token.idx < ents[k].end:
        return ents[k]
    return None


@dataclass(slots=True)
class _Person:
    name: str  # as mentioned
    start: int
    words: tuple[str, ...]
    titles: frozenset[str]  # lower-case words of attached titles ("kremlin", "aide")


def _name_words(name: str) -> tuple[str, ...]:
    name = name.replace("’s", "").replace("'s", "")
    return tuple(w.strip(".,").lower() for w in name.split() if w.strip(".,"))


def _people(doc: Doc, ents: list[Entity]) -> list[_Person]:
    """Person mentions with the titles written next to them ("Kremlin aide X", "X, the aide")."""
    people = []
    for entity in ents:
        if entity.label != "PERSON":
            continue
        titles: set[str] = set()
        if entity.title:
            titles.update(_name_words(entity.title))
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is not None:
            root = span.root
            for t in root.subtree:
                if t.i < span.start and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("compound", "amod", "nmod"):
                    titles.add(t.lower_)
                    titles.add(t.lemma_.lower())
            for child in root.children:
                if child.dep_ == "appos":
                    titles.update(t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ"))
                    titles.update(t.lemma_.lower() for t in child.subtree if t.pos_ == "NOUN")
        people.append(_Person(entity.text, entity.start, _name_words(entity.text), frozenset(titles)))
    return people


def _full_name(person_words: tuple[str, ...], position: int, people: list[_Person], speakers: list[str]) -> str | None:
    """The fullest mention of the same person: earlier ones first, prior speakers preferred."""
    if not person_words:
        return None
    candidates = [
        p for p in people
        if len(p.words) > len(person_words) and _contains_words(p.words, person_words)
    ]
    if not candidates:
        return None
    spoken = {s.lower() for s in speakers}

    def rank(p: _Person) -> tuple:
        return (p.start < position, " ".join(p.words) in spoken, p.start if p.start < position else -p.start)

    best = max(candidates, key=rank)
    # the usual full form of that person's name: among the mentions of two words or more
    # that contain it, the most frequent, then the shortest (an entity span that
    # swallowed a title, "Defense Council Secretary X Y", is rarer and longer)
    same = [p for p in people if len(p.words) >= 2 and _contains_words(p.words, person_words)]
    same = [p for p in same if _contains_words(best.words, p.words) or _contains_words(p.words, best.words)]
    counts: dict[tuple[str, ...], int] = {}
    for p in same:
        counts[p.words] = counts.get(p.words, 0) + 1
    chosen = max(same, key=lambda p: (counts[p.words], -len(p.words), -p.start))
    return chosen.name.replace("’s", "").replace("'s", "")


def _contains_words(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    return all(w in longer for w in shorter)


def _canonical(entity: Entity, position: int, people: list[_Person], speakers: list[str]) -> str:
    name = entity.text.replace("’s", "").replace("'s", "")
    if entity.label != "PERSON":
        return name[4:] if name.lower().startswith("the ") else name
    return _best_name(name, position, people, speakers)


def _best_name(name: str, position: int, people: list[_Person], speakers: list[str]) -> str:
    """Canonical form of a person's name as the article writes it."""
    words = _name_words(name)
    # an entity span that swallowed a title ("Defense Council Secretary Ruslan Umerov")
    # gives way to the plain name written elsewhere in the article
    inner = [p for p in people if 2 <= len(p.words) < len(words) and _contains_words(words, p.words)]
    if inner:
        return max(inner, key=lambda p: (sum(q.words == p.words for q in people), -len(p.words))).name
    return _full_name(words, position, people, speakers) or name


def _resolve(doc: Doc, found: list[_Found], ents: list[Entity]) -> list[Quote]:
    """Turn findings into Quote records, resolving each speaker to an in-article name."""
    text = doc_text(doc)
    people = _people(doc, ents)
    contents = [f.content for f in found]
    # Salience: person subjects of clauses outside reported content, by position
    # (a simple rule: the most recent person who acted or spoke is "he"/"she"/"the aide").
    subjects: list[tuple[int, str, str]] = []
    for token in doc:
        if token.dep_ in _SUBJECTS and not any(s <= token.idx < e for s, e in contents):
            entity = _entity_at(ents, token)
            if entity is not None and (
                entity.label == "PERSON" or _full_name(_name_words(entity.text), token.idx, people, []) is not None
            ):
                subjects.append((token.idx, entity.text, "PERSON"))
    history: list[tuple[int, str, str]] = []  # (position, canonical, label) of resolved speakers
    spoken: list[str] = []
    quotes: list[Quote] = []
    for f in sorted(found, key=lambda f: (f.content[0] if f.speaker is None else min(f.speaker[0], f.content[0]))):
        speaker_text = text[f.speaker[0]:f.speaker[1]] if f.speaker else None
        position = f.speaker[0] if f.speaker else f.content[0]
        resolved, label = None, None
        if f.speaker_head is not None:
            resolved, label = _resolve_speaker(doc, f.speaker_head, f.speaker, position, ents, people, spoken, history, subjects)
        elif f.cue is None and quotes:
            resolved, label = _carried_over(text, quotes[-1], f.content[0]), "PERSON"
        if resolved:
            history.append((position, resolved, label or "PERSON"))
            spoken.append(resolved)
        spans = [f.content] + ([f.cue] if f.cue else []) + ([f.speaker] if f.speaker else [])
        quotes.append(
            Quote(
                kind=f.kind,  # type: ignore[arg-type]
                content=text[f.content[0]:f.content[1]],
                content_start=f.content[0],
                content_end=f.content[1],
                speaker=speaker_text,
                speaker_start=f.speaker[0] if f.speaker else None,
                speaker_end=f.speaker[1] if f.speaker else None,
                cue=text[f.cue[0]:f.cue[1]] if f.cue else None,
                cue_start=f.cue[0] if f.cue else None,
                cue_end=f.cue[1] if f.cue else None,
                start=min(s for s, _ in spans),
                end=max(e for _, e in spans),
                speaker_entity=resolved,
            )
        )
    return sorted(quotes, key=lambda q: (q.start, q.content_start))


def _resolve_speaker(
    doc: Doc,
    head: Token,
    span: tuple[int, int] | None,
    position: int,
    ents: list[Entity],
    people: list[_Person],
    spoken: list[str],
    history: list[tuple[int, str, str]],
    subjects: list[tuple[int, str, str]],
) -> tuple[str | None, str | None]:
    entity = _entity_at(ents, head)
    if entity is not None and entity.label != "PERSON":
        # the small model often labels a lone surname ORG: check known people first
        as_person = _full_name(_name_words(entity.text), position, people, spoken)
        if as_person is not None:
            return as_person, "PERSON"
    if entity is not None:
        return _canonical(entity, position, people, spoken), entity.label
    lower = head.lower_
    if lower in MALE_FEMALE_PRONOUNS:
        return _salient_person(position, history, subjects, people, spoken), "PERSON"
    if lower in GROUP_PRONOUNS:
        return _latest(history, position, "GROUP"), "ORG"
    if head.pos_ == "NOUN" and _is_definite(head):
        modifiers = {t.lower_ for t in head.subtree if t.i < head.i and t.pos_ in ("PROPN", "NOUN", "ADJ")}
        match = _title_match(head, modifiers, position, people, spoken)
        if match is not None:
            return match, "PERSON"
        if head.lemma_.lower() in ROLE_NOUNS and not any(c.dep_ == "poss" for c in head.children):
            return _salient_person(position, history, subjects, people, spoken), "PERSON"
    return None, None


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _title_match(head: Token, modifiers: set[str], position: int, people: list[_Person], spoken: list[str]) -> str | None:
    """The most recent earlier person whose written title has this role noun."""
    role = {head.lower_, head.lemma_.lower()}
    best: tuple[int, int] | None = None
    best_person = None
    for p in people:
        if p.start >= position or not (role & p.titles):
            continue
        score = (len(modifiers & p.titles), p.start)
        if best is None or score > best:
            best, best_person = score, p
    if best_person is None:
        return None
    return _best_name(best_person.name, position, people, spoken)


def _salient_person(
    position: int,
    history: list[tuple[int, str, str]],
    subjects: list[tuple[int, str, str]],
    people: list[_Person],
    spoken: list[str],
) -> str | None:
    """Most recent person speaker or person clause subject before ``position``."""
    last_speaker = max(((p, n) for p, n, label in history if label == "PERSON" and p < position), default=None)
    last_subject = max(((p, n) for p, n, _ in subjects if p < position), default=None)
    options = [o for o in (last_speaker, last_subject) if o is not None]
    if not options:
        return None
    pos, name = max(options)
    if (pos, name) == last_subject:
        return _best_name(name.replace("’s", "").replace("'s", ""), pos + 1, people, spoken)
    return name


def _latest(history: list[tuple[int, str, str]], position: int, label: str) -> str | None:
    wanted = ("PERSON",) if label == "PERSON" else ("ORG", "GPE", "NORP")
    earlier = [(p, n) for p, n, lab in history if lab in wanted and p < position]
    return max(earlier)[1] if earlier else None


def _carried_over(text: str, previous: Quote, start: int) -> str | None:
    """An uncued quotation right after a quote goes on with that quote's speaker."""
    gap = text[previous.end:start]
    if previous.end > start or gap.count("\n") > 2 or len(gap) > 300:
        return None
    return previous.speaker_entity or previous.speaker


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dedupe(found: list[_Found]) -> list[_Found]:
    """Keep one finding per (content, speaker); a direct one wins over an indirect one."""
    result: list[_Found] = []
    for f in sorted(found, key=lambda f: (f.kind != "direct", f.content)):
        if any(
            _overlap(f.content, g.content) >= 0.8 * (f.content[1] - f.content[0]) and f.speaker == g.speaker
            for g in result
        ):
            continue
        result.append(f)
    return result
