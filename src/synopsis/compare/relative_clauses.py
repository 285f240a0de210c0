"""Relative clauses that sit inside their main clause, read from the dependency parse.

A brief checks each statement a source sentence joins (``sentence_parts.content_parts``), and a
comma before "who" or "which" often starts one: "..., which made it the worst accident in years" adds
an evaluation. A relative clause set off in the middle of its main clause adds none: in "Rustem
Umerov, who led the Ukrainian delegation, said that Ukraine had proposed a summit" it tells who
the subject is, and cut there, the sentence's subject ("Rustem Umerov") would be checked apart
from what he said. Commas alone cannot tell the two apart; the parse can: the clause is a
``relcl`` whose governing words go on after it.
"""

from __future__ import annotations

import functools
import re

# A relative word opening a clause: where a comma or dash break may start one.
RELATIVE_OPENING = re.compile(r"(?:which|who|whom|whose|where)\b")

# The brief needs only the dependency parse of a sentence or two: naming and lemmas are left out.
_UNUSED_PIPES = ("ner", "lemmatizer")


def _resumed_by(relcl):
    """The word after a relative clause that goes on with the clause it sits in, or None.

    That is the next word after the clause and its closing punctuation, when it hangs from a word
    that governs the clause (its noun, the noun's verb, up to the root): "said" after "Umerov,
    who led the Ukrainian delegation,", "was" after "The ferry, which sank at noon,". A conjunction
    there ("..., which Kyiv signed, and the rouble rose") joins another statement instead, and a
    clause at the end of its sentence is resumed by nothing.
    """
    governors = {ancestor.i for ancestor in relcl.ancestors}
    for token in relcl.doc[relcl.right_edge.i + 1:]:
        if token.is_punct:
            continue
        if token.dep_ in ("cc", "conj"):
            return None
        return token if token.i in governors or token.head.i in governors else None
    return None


@functools.lru_cache(maxsize=4096)
def embedded_relatives(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of ``text`` holding a relative clause that its main clause goes on
    after (``_resumed_by``), each from the clause's first word to the word that resumes the main
    clause: in "Umerov, who led the Ukrainian delegation, said ...", "who led the Ukrainian
    delegation, " with the comma closing it.

    Cached: a brief tries the same few wordings of a fact against many reports.
    """
    from synopsis.extract.nlp import load_nlp

    # Parsing costs a model load and a few milliseconds a sentence: only sentences with a
    # relative word are parsed.
    if not RELATIVE_OPENING.search(text):
        return ()
    doc = load_nlp()(text, disable=list(_UNUSED_PIPES))
    spans = set()
    for token in doc:
        if token.dep_ == "relcl" and (resumed := _resumed_by(token)) is not None:
            spans.add((token.left_edge.idx, resumed.idx))
    return tuple(sorted(spans))


# What a clause set off by commas can hang from its sentence as: a relative clause ("Ostrand, who
# has pushed for cheaper borrowing, was ..."), an apposition ("Umerov, a former defence minister,
# ..."), a noun phrase added to a clause (spaCy's ``npadvmod``: "..., a step some analysts called
# easing by another name"), or a participle ("Yevtushenko, convicted in 2023 of spying, ...").
_SET_OFF = {"relcl", "appos", "npadvmod", "acl", "advcl"}
# Besides a relative clause, a participle or a noun heads an added statement; an ``advcl`` or
# ``acl`` headed by a finite verb ("..., as the talks ended") is a clause of the sentence's own telling.
_SET_OFF_TAGS = {"VBN", "VBG", "NN", "NNS", "NNP", "NNPS"}


@functools.lru_cache(maxsize=4096)
def set_off_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """The character spans of ``text`` holding a clause set off by commas that adds a statement of
    its own to the sentence (``_SET_OFF``): it opens after a comma and ends at a comma or at the
    end of the sentence. "who has pushed for cheaper borrowing for months" in "Finance Minister
    Rafael Ostrand, who has pushed for cheaper borrowing for months, was triumphant": a reader takes
    it as reported too, so the brief checks it apart from the sentence
    (``sentence_parts.parts_supported``).

    Cached: a brief tries the same few wordings of a fact against many reports.
    """
    from synopsis.extract.nlp import load_nlp

    if "," not in text:
        return ()
    doc = load_nlp()(text, disable=list(_UNUSED_PIPES))
    spans = set()
    for token in doc:
        if token.dep_ not in _SET_OFF or token.dep_ != "relcl" and token.tag_ not in _SET_OFF_TAGS:
            continue
        first, last = token.left_edge, token.right_edge
        before = doc[first.i - 1] if first.i > 0 else None
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        if before is None or before.text != ",":
            continue
        if after is not None and after.text not in {",", ".", "!", "?", ";"} and not after.is_space:
            continue
        if last.i <= first.i:  # a lone word ("..., officials said") states nothing of its own
            continue
        spans.add((first.idx, last.idx + len(last.text)))
    return tuple(sorted(spans))


__all__ = ["RELATIVE_OPENING", "embedded_relatives", "set_off_clauses"]
