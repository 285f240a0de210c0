"""What a claim reports someone as saying, as content words, to tell two statements of one speaker
apart: "According to police officer X, the bomber was around 18 years old" and "'The bomber was on
foot and detonated his vest,' police officer X told reporters" have one speaker and one subject,
but say two different things about it.  Claim alignment (``link.align``) counts a shared speaker
only when what the two claims report them saying is itself alike."""

from __future__ import annotations

from synopsis.facts.support import blank_out
from synopsis.facts.words import content_stems
from synopsis.records import ArticleAnalysis, Claim, Quote

# Two reports of one statement share what it is about and something said about it: at least two
# content words.  One shared word is a shared subject ("the bomber", "the wind"), which two
# different remarks of one officer share as often as two reports of one remark do.  No share of
# the words is asked for: reports of one statement word it differently ("short humanitarian
# pauses ... to evacuate wounded" / "short-term ceasefires ... evacuation of the dead and
# wounded" share 4 of 13 crude stems), and a share low enough for them is no test.
MIN_SHARED_REPORTED_WORDS = 2


def reported_words(analysis: ArticleAnalysis, claim: Claim) -> frozenset[str]:
    """Content-word stems of what the claim reports its speaker saying, without who said it.

    The quoted or reported words when the claim's quote has them inside the claim (a quote may
    run over several sentences, a claim is one of them); otherwise the claim's words without the
    speaker's name, title and reporting verb ("senior police officer X told reporters").
    """
    text = analysis.article.text
    quote = analysis.quotes[claim.quote] if claim.quote is not None and 0 <= claim.quote < len(analysis.quotes) else None
    if quote is not None:
        low, high = max(claim.start, quote.content_start), min(claim.end, quote.content_end)
        if low < high:
            return content_stems(text[low:high])
    words = content_stems(blank_out(text[claim.start:claim.end], claim.start, _attribution_spans(analysis, quote)))
    # The speaker may be named elsewhere in the claim than where the quote found them.
    names = [name for name in (claim.attributed_to, *claim.co_speakers) if name]
    if quote is not None:
        names += [name for name in (quote.speaker, quote.speaker_entity) if name]
    return words - content_stems(" ".join(names))


def same_statement(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two claims' reported words are alike enough to be one statement reported twice."""
    return len(first & second) >= MIN_SHARED_REPORTED_WORDS


def _attribution_spans(analysis: ArticleAnalysis, quote: Quote | None) -> list[tuple[int, int]]:
    """The speaker's name, its title and the reporting verb of a quote: who spoke, not what."""
    if quote is None:
        return []
    spans = [(low, high) for low, high in ((quote.speaker_start, quote.speaker_end), (quote.cue_start, quote.cue_end))
             if low is not None and high is not None]
    for entity in analysis.entities:
        if entity.start == quote.speaker_start and entity.title_start is not None and entity.title_end is not None:
            spans.append((entity.title_start, entity.title_end))
    return spans


__all__ = ["MIN_SHARED_REPORTED_WORDS", "reported_words", "same_statement"]
