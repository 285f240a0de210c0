"""Quotation marks in a text and the cue verbs that introduce or close a direct quotation."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.quote_cues import (
    CLOSING_MARKS,
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    ISSUE_VERBS,
    OPENING_MARKS,
    SPEECH_VERBS,
    STRAIGHT_MARK,
)


# Dependents of a cue verb that may stand between the verb and a quotation:
# "said in a statement:", "told reporters on Tuesday,", "said on the other hand,".
_CUE_GAP_DEPS = frozenset(
    {"dobj", "dative", "prep", "advmod", "npadvmod", "prt", "nsubj", "nsubjpass", "agent",
     "aux", "auxpass", "neg", "punct", "mark", "cc", "attr", "oprd", "intj"}
)
_GAP_PUNCT = frozenset({",", ":", "—", "–", "-", "--", ";"})

# A quotation this short that no cue claims is a scare quote or a title, not a statement.
MIN_ORPHAN_WORDS = 4

# How far (in tokens) a cue may sit from the quotation it introduces or closes.
_CUE_WINDOW = 12


@dataclass(slots=True)
class Quotation:
    """A quotation in the text: offsets of its marks and of its inner text."""

    start: int  # opening mark
    end: int  # after the closing mark (or end of paragraph when unclosed)
    inner_start: int
    inner_end: int


def find_quotation_marks(text: str) -> list[Quotation]:
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


# The characters _pair_marks acts on; it jumps from one to the next instead of
# visiting every character in Python (0.7 -> 0.06 ms per 3,000-character article;
# the same quotations on 201,862 texts, real and random, as the character loop).
_MARK_OR_NEWLINE = re.compile("[\\n" + re.escape(OPENING_MARKS + CLOSING_MARKS + STRAIGHT_MARK) + "]")


def _pair_marks(text: str) -> list[Quotation]:
    marks: list[Quotation] = []
    # Open quotations, outermost first, as (offset, "curly" | "straight"); quotes nested
    # inside a quote (a speaker quoting someone) stay part of the outer one.
    stack: list[tuple[int, str]] = []
    for found in _MARK_OR_NEWLINE.finditer(text):
        i, ch = found.start(), found.group()
        if ch == "\n":
            if stack and not _next_paragraph_opens_quote(text, i):
                # Unclosed quotation: it runs to the end of its paragraph.
                end = _after_last_text(text, i)
                marks.append(Quotation(stack[0][0], end, stack[0][0] + 1, end))
                stack.clear()
            continue
        kind = "straight" if ch == STRAIGHT_MARK else "curly"
        opens = ch in OPENING_MARKS or (kind == "straight" and not any(k == kind for _, k in stack))
        if stack and _starts_paragraph(text, i) and (opens or kind == "straight"):
            pass  # a paragraph that goes on with an open quotation starts with a fresh mark
        elif opens:
            stack.append((i, kind))  # a paragraph end closes what a missing mark left open
        elif stack:
            while len(stack) > 1 and stack[-1][1] != kind and any(k == kind for _, k in stack):
                stack.pop()
            opened = stack.pop()[0]
            if not stack:
                marks.append(Quotation(opened, i + 1, opened + 1, i))
    if stack:
        end = _after_last_text(text, len(text))
        marks.append(Quotation(stack[0][0], end, stack[0][0] + 1, end))
    return marks


def _after_last_text(text: str, position: int) -> int:
    """The offset after the last non-space character before position (0 if there is none)."""
    j = position
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return j


def _starts_paragraph(text: str, position: int) -> bool:
    """True when only spaces stand between the last line break (or the text's start) and position."""
    j = position
    while j > 0 and text[j - 1].isspace():
        j -= 1
        if text[j] == "\n":
            return True
    return j == 0


def _next_paragraph_opens_quote(text: str, newline: int) -> bool:
    j = newline
    while j < len(text) and text[j].isspace():
        j += 1
    return j < len(text) and (text[j] in OPENING_MARKS or text[j] == STRAIGHT_MARK)


def quoted_words_start(mark: Quotation) -> int:
    return mark.inner_start


def quoted_words_end(text: str, mark: Quotation) -> int:
    """End of the quoted words, without the comma that hands over to the cue."""
    end = mark.inner_end
    while end > mark.inner_start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return end


def token_mark_index(doc: Doc, marks: list[Quotation]) -> list[int]:
    """For each token, the index of the quotation it lies inside (marks included), or -1."""
    starts = [m.start for m in marks]
    result = []
    for token in doc:
        k = bisect.bisect_right(starts, token.idx) - 1
        result.append(k if k >= 0 and token.idx < marks[k].end else -1)
    return result


def is_whole_quotation(text: str, span: tuple[int, int], marks: list[Quotation]) -> bool:
    return any(m.inner_start <= span[0] and span[1] <= m.inner_end + 1 for m in marks)


def opens_sentence(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ".!?\n:" or text[j] in CLOSING_MARKS or text[j] == STRAIGHT_MARK


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def is_cue_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and (token.lemma_ in SPEECH_VERBS or token.lemma_ in COGNITION_VERBS)


def attach_cue(doc: Doc, marks: list[Quotation], index: int, in_mark: list[int]) -> tuple[Token, int] | None:
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


def _cue_after(doc: Doc, mark: Quotation, index: int, in_mark: list[int]) -> tuple[Token, int] | None:
    """'“...,” he said' / '“...,” said Umerov': a speech verb just after the quotation."""
    first = _first_token_at(doc, mark.end)
    for i in range(first, min(len(doc), first + _CUE_WINDOW)):
        token = doc[i]
        if in_mark[i] >= 0 and in_mark[i] != index:
            return None
        if token.text in (".", "!", "?") or "\n" in token.text:
            return None
        if token.lemma_ in SPEECH_VERBS and token.pos_ in ("VERB", "AUX"):
            if token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                # '..., say “A,” suggesting that B': a participle after the quotation comments
                # on it; it introduces no speaker of its own
                return None
            between = doc[first:i]
            allowed = _gap_tokens(token)
            if all(t.text in _GAP_PUNCT or t.i in allowed or t.is_space for t in between):
                return token, sum(1 for t in between if not t.is_punct)
            return None
    return None


def _introduces(doc: Doc, i: int) -> bool:
    """Whether line break ``i`` follows a colon or a speech verb: the line introduces the quotation
    on the next ("X said on Telegram:\n“...”", "sources say\n“...”"), as web pages set a long
    quotation apart."""
    if i == 0:
        return False
    before = doc[i - 1]
    return before.text == ":" or (before.lemma_ in SPEECH_VERBS and before.pos_ in ("VERB", "AUX"))


def _cue_before(doc: Doc, mark: Quotation, index: int, in_mark: list[int]) -> tuple[Token, int] | None:
    """'X said: “...”' / 'X told reporters, “...”': a speech verb just before the quotation."""
    last = _first_token_at(doc, mark.start) - 1
    for i in range(last, max(-1, last - _CUE_WINDOW), -1):
        token = doc[i]
        if in_mark[i] >= 0:
            return None
        if token.text in (".", "!", "?") or ("\n" in token.text and not _introduces(doc, i)):
            return None
        is_cue = token.lemma_ in SPEECH_VERBS or _issues_document(token, doc[i + 1:last + 1])
        if is_cue and token.pos_ in ("VERB", "AUX"):
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
                # 'said the official name, “acute intestinal infection”, risked ...': quoted words
                # in apposition to a noun before them name it (the authorities' term, in scare
                # quotes), and are no statement of the cue's speaker (QA pass 21)
                if _names_a_noun_in(doc, mark, between):
                    return None
                # 'proposed “short pauses”': a few quoted words run into the verb are
                # its object (a scare quote), not a statement of their own
                if not any(t.text in _GAP_PUNCT for t in between) and word_count(
                    doc_text(doc)[mark.inner_start:mark.inner_end]
                ) < MIN_ORPHAN_WORDS:
                    return None
                return token, sum(1 for t in between if not t.is_punct)
            return None
    return None


def _names_a_noun_in(doc: Doc, mark: Quotation, before) -> bool:
    """Whether the quotation's words are one phrase in apposition to a noun among ``before``."""
    inside = [t for t in doc if mark.inner_start <= t.idx < mark.inner_end]
    roots = [t for t in inside if not mark.inner_start <= t.head.idx < mark.inner_end or t.head is t]
    return (len(roots) == 1 and roots[0].dep_ == "appos"
            and any(t.i == roots[0].head.i for t in before) and roots[0].head.pos_ in ("NOUN", "PROPN"))


def _issues_document(verb: Token, between) -> bool:
    """'the Ukrainian side issued a statement: “...”': a document given out, then its words."""
    return (
        verb.lemma_.lower() in ISSUE_VERBS
        and len(between) > 0
        and between[-1].text == ":"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)
    )


def _gap_tokens(verb: Token) -> set[int]:
    """Tokens that may stand between a cue verb and its quotation (subject, object, adverbials)."""
    allowed: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CUE_GAP_DEPS:
            allowed.update(t.i for t in child.subtree)
    return allowed


def split_continuations(
    doc: Doc, marks: list[Quotation], index: int, verb: Token, in_mark: list[int], used: set[int]
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
