"""A source sentence as a reader can take it out of its article: who speaks, inside closed quotation marks.

A sentence lifted out of its article loses what the sentences around it said. Two losses matter
when it reports speech:

- its speaker is a pronoun ('"…," he said'): out of context "he" is no one, and the reader cannot
  tell whose words these are. The pronoun is replaced by the name the story resolves it to, in
  square brackets as journalists mark words they put into a quotation ('"…," [Omar Khalil] said').
- it is one sentence of a longer quotation ('"This trial was decided before it began.' whose
  closing mark and speaker come in the next sentence): its quotation marks do not close, or open,
  and nothing says who speaks. The marks are balanced and, when the sentence does not name the
  speaker itself, the speaker is put before it, bracketed too ('[Omar Khalil said:] "…"').

The citation still points to the source's own span; only the shown text changes, and every word
it adds is in brackets, so a reader can tell the source's words from ours.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from synopsis.records import ArticleAnalysis, Evidence, Quote

CanonicalName = Callable[[str], "str | None"]

# Speakers that are only a pronoun: someone named in another sentence.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})

# A straight mark opens a quotation where it starts the text or follows a space, a bracket or a dash.
_OPENS_AFTER = "([{—–"


def _pair(mark: str) -> tuple[str, str]:
    """The opening and closing marks of a mark's style (curly or straight)."""
    return ("“", "”") if mark in "“”" else ('"', '"')


def is_pronoun(text: str | None) -> bool:
    return text is not None and text.strip().lower() in PRONOUNS


def _speaker_name(quote: Quote, canonical_name: CanonicalName | None) -> str | None:
    """The speaker's name across the story; None for a pronoun nothing resolves or no speaker."""
    for name in (quote.speaker_entity, quote.speaker):
        if name and not is_pronoun(name):
            return (canonical_name(name) if canonical_name else None) or name
    return None


def _names_before(text: str, names: tuple[str | None, ...]) -> bool:
    """Whether the text writes the surname (the last word) of one of the names."""
    return any(re.search(rf"(?<!\w){re.escape(name.split()[-1])}(?!\w)", text)
               for name in names if name and name.split())


def _unmatched_marks(text: str) -> tuple[str | None, str | None]:
    """Double quotation marks that do not pair up: (an opening mark still open at the end, a
    closing mark with no opening before it)."""
    open_mark: str | None = None
    unopened: str | None = None
    for at, char in enumerate(text):
        if char == "“" or (char == '"' and (at == 0 or text[at - 1].isspace() or text[at - 1] in _OPENS_AFTER)):
            open_mark = open_mark or char
        elif char in '"”':
            if open_mark is None:
                unopened = unopened or char
            open_mark = None
    return open_mark, unopened


def balanced(text: str) -> str:
    """The text with a quotation mark left open closed at its end, and one closed with no opening
    opened at its start: a span cut inside a quotation ('Kamau had "treated the port as his
    business') shown as a whole. The source has the missing mark just outside the span."""
    open_mark, unopened = _unmatched_marks(text)
    if open_mark is not None:
        text = text.rstrip() + _pair(open_mark)[1]
    if unopened is not None:
        text = _pair(unopened)[0] + text.lstrip()
    return text


def _quotes_in(analysis: ArticleAnalysis, start: int, end: int) -> list[Quote]:
    """Direct quotations whose words the span carries, wholly or in part."""
    return [q for q in analysis.quotes
            if q.kind == "direct" and q.content_start < end and start < q.content_end]


def _span_speakers(span: Evidence, analysis: ArticleAnalysis, canonical_name: CanonicalName | None) -> set[str]:
    """Whom a span's quotations are given to: the speakers written in it and those of the
    quotations it carries (a pronoun nothing resolves left out)."""
    quotes = [q for q in analysis.quotes
              if q.speaker_start is not None and q.speaker_end is not None
              and span.start <= q.speaker_start and q.speaker_end <= span.end] + _quotes_in(analysis, span.start, span.end)
    return {name for q in quotes if (name := _speaker_name(q, canonical_name)) is not None}


def speakers_agree(spans: Sequence[Evidence], analyses: Mapping[str, ArticleAnalysis],
                   canonical_name: CanonicalName | None = None) -> bool:
    """Whether the reports of one fact give its words to one speaker: no two spans whose
    speakers (``_span_speakers``) have no one in common. When they do not (one outlet's "she"
    is the union leader, another's "he" the minister), naming a pronoun speaker after one of them
    would cite the other as saying so."""
    given = [found for span in spans
             if (analysis := analyses.get(span.article_id)) is not None
             and (found := _span_speakers(span, analysis, canonical_name))]
    return all(first & second for i, first in enumerate(given) for second in given[:i])


def gives_words_to_another(wording: Evidence, other: Evidence, analyses: Mapping[str, ArticleAnalysis],
                           canonical_name: CanonicalName | None = None, *, guessed_pronouns: bool = True) -> bool:
    """Whether two reports that both quote directly give the quotation to speakers with no one in
    common ('"…," the captain said' and '"…," chief executive X said'): the one cannot be cited for
    the other, even when the dispute of who said it (``speaker_disputes``) cannot tell who "the
    captain" is. A speaker only a pronoun names, or none, says nothing against the other. With
    ``guessed_pronouns`` False, neither does a pronoun the extractor resolved without checking it
    (``Quote.pronoun_agrees``: "he" taken for the man named last, who may not be the one meant)."""
    def direct_speakers(span: Evidence) -> set[str]:
        analysis = analyses.get(span.article_id)
        if analysis is None:
            return set()
        return {name for q in _quotes_in(analysis, span.start, span.end)
                if (guessed_pronouns or q.pronoun_agrees or not is_pronoun(q.speaker))
                and (name := _speaker_name(q, canonical_name)) is not None}

    mine, theirs = direct_speakers(wording), direct_speakers(other)
    return bool(mine) and bool(theirs) and not mine & theirs


def spoken_wording(wording: Evidence, analysis: ArticleAnalysis | None,
                   canonical_name: CanonicalName | None = None, *, may_name: bool = True) -> str | None:
    """The wording with its pronoun speakers named and a cut quotation closed and attributed
    (see the module's doc); the text as written when it needs neither. None when a speaker it
    needs cannot be named (a pronoun nothing resolves, or ``may_name`` False: the fact's other
    reports give the words to someone else, ``speakers_agree``): such a wording says no one's words."""
    text = wording.text
    if analysis is None:
        return text
    start, end = wording.start, wording.end
    # Pronoun speakers written in the span, named (from the last, so that offsets hold).
    pronouns = sorted((q for q in analysis.quotes
                       if q.speaker_start is not None and q.speaker_end is not None
                       and start <= q.speaker_start and q.speaker_end <= end and is_pronoun(q.speaker)),
                      key=lambda q: -q.speaker_start)
    for quote in pronouns:
        name = _speaker_name(quote, canonical_name)
        if name is None:
            return None
        low, high = quote.speaker_start - start, quote.speaker_end - start
        # "Zelensky announced that he had accepted ...": the sentence has named him already.
        if _names_before(text[:low], (name, quote.speaker_entity)):
            continue
        if not may_name:
            return None
        text = text[:low] + f"[{name}]" + text[high:]
    quotes = _quotes_in(analysis, start, end)
    if not quotes:
        return text
    open_mark, unopened = _unmatched_marks(text)
    inside = any(q.content_start <= start and end <= q.content_end + 1 for q in quotes)
    if open_mark is not None or unopened is not None or (inside and not any(m in text for m in '"“”')):
        # Balance the marks: a sentence from the middle of a quotation gets both.
        opening, closing = _pair(open_mark or unopened or analysis.article.text[max(quotes[0].content_start - 1, 0)])
        within = open_mark is None and unopened is None
        text = (opening if unopened is not None or within else "") + text.rstrip() + (
            closing if open_mark is not None or within else "")
    # A sentence that is a quotation says whose it is, when it gives neither a speaker nor a verb
    # of saying ("Jankauskiene told supporters ... . "We will form a government ..."": the second
    # sentence alone). One that only carries a quoted phrase is the outlet's own statement.
    if not text.lstrip().startswith(('"', "“")):
        return text
    if any(q.speaker_start is not None and start <= q.speaker_start < end
           or q.cue_start is not None and start <= q.cue_start < end for q in analysis.quotes):
        return text
    name = _speaker_name(quotes[0], canonical_name)
    if name is None or not may_name:
        return None
    return f"[{name[:1].upper()}{name[1:]} said:] {text}"


__all__ = ["CanonicalName", "PRONOUNS", "balanced", "gives_words_to_another", "is_pronoun", "speakers_agree",
           "spoken_wording"]
