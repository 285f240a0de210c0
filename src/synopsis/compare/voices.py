"""Who said what: attributions grouped by speaker across outlets."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Sequence

from synopsis.compare.other_numbers import CountedAmount, numbers_differ, passage_amounts
from synopsis.compare.quoted_wording import balanced
from synopsis.facts.words import content_words
from synopsis.records import ArticleAnalysis, Evidence, Quote, StoryQuote

# Two reports of the same statement share most of their content words even when
# one quotes and the other paraphrases; 0.35 Jaccard over content words keeps
# "we agreed to further engagement" next to "the sides agreed to keep talking"
# apart from unrelated remarks of the same speaker (checked on the tests' cases).
SAME_STATEMENT_OVERLAP = 0.35
# The wording a group of reports is shown in must be one every outlet listed with it gives: at
# least this share of its content words in each other outlet's report.  "the bomb weighed about
# 5kg and was set off by remote control" (Dawn) and "the bomb was detonated by remote control"
# (AP) are one statement at 0.43 overlap, but shown in Dawn's words next to AP's name it credits
# AP with a weight it never gave (QA); AP's words are 3/4 in Dawn's, Dawn's 3/6 in AP's.
SHOWN_WORDS_COVERED = 0.75

CanonicalName = Callable[[str], "str | None"]


def speaker_of(quote: Quote, canonical_name: CanonicalName | None = None) -> str | None:
    """The speaker's name across the story, or None for anonymous attributions."""
    if quote.speaker_kind == "outlet" and quote.speaker:
        # every outlet credited, as written: "Al Arabiya and Euronews", "Al Jazeera's X"; but "the
        # agency" is the medium the extractor found it takes up ("Valley Wire reported ... the
        # agency reported")
        if quote.speaker_entity and _COMMON_NOUN_PHRASE.match(quote.speaker.strip()):
            return quote.speaker_entity
        return _article_lowered(quote.speaker)
    name = quote.speaker_entity or quote.speaker
    if not name or _ANONYMOUS.match(name.strip()):
        return None
    if canonical_name:
        name = canonical_name(name) or name
    return _article_lowered(name)


# Sources a report does not name ("a source", "the source", "a senior diplomatic source close to
# the talks", "informed sources"): one unnamed voice, however worded.
_ANONYMOUS = re.compile(
    r"^(?:an?|the|one|two|several)?\s*(?:(?:senior|anonymous|unnamed|informed|diplomatic|official|knowledgeable|"
    r"military|government|security|western|european|russian|ukrainian|other)\s+)*(?:sources?|insiders?)\b"
    r"(?:\s+(?:close\s+to|familiar\s+with|in|at|from|with)\b.*)?$",
    re.IGNORECASE,
)
_COMMON_NOUN_PHRASE = re.compile(r"^(?:the|The)\s+[a-z][\w\s-]*$")
_LEADING_ARTICLE = re.compile(r"^(The|A|An)\s+(?=(?:.*\s)?[a-z][\w-]*$)")


def _article_lowered(name: str) -> str:
    """'The Ukrainian side' and 'the Ukrainian side' are one speaker: a phrase whose head is a
    common noun starts with a lower-case article; a name keeps its own ("The New York Times")."""
    return _LEADING_ARTICLE.sub(lambda m: m.group(1).lower() + " ", name)


# Speaker kinds that are no voice: an outlet that reported the words, a document with no named issuer.
NOT_VOICES = frozenset({"outlet", "document"})


def is_voice(quote: Quote) -> bool:
    """Whether an attribution gives someone's voice: a person, body or country, named or not."""
    return quote.speaker_kind not in NOT_VOICES


def is_own_reporting(quote: Quote) -> bool:
    """Whether the article's outlet reports the statement itself: a passive that names no one
    ("It was agreed that ..."), with no speaker to list it under."""
    return quote.speaker_kind == "outlet" and not quote.speaker


def speaker_label(speaker: str, speaker_kind: str | None) -> str:
    """How a speaker is shown: "reported by Al Arabiya" for an outlet, "the decree (document)"."""
    if speaker_kind == "outlet":
        return f"reported by {speaker}"
    if speaker_kind == "document":
        return f"{speaker} (document)"
    return speaker


def quote_label(quote: Quote, unknown: str = "?") -> str:
    """How one article's quote shows its speaker: its name or phrase as speaker_label gives it, the
    outlet's own reporting for a passive that names no one, ``unknown`` where no speaker was found."""
    if is_own_reporting(quote):
        return "the outlet's own reporting"
    return speaker_label(quote.speaker_entity or quote.speaker or unknown, quote.speaker_kind)


def word_overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of two sets of content words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def group_quotes(
    analyses: Sequence[ArticleAnalysis], canonical_name: CanonicalName | None = None
) -> list[StoryQuote]:
    """Group attributions by speaker, then by statement, so outlets' versions stand side by side.

    Voices come first; statements credited to a news outlet ("according to Al Arabiya") or to a
    document with no named issuer follow, marked by their speaker_kind: they are where the words
    were read, not who spoke.  What an article reports in its own voice is no one's statement."""
    by_speaker: dict[tuple[str, str | None], list[tuple[ArticleAnalysis, Quote]]] = defaultdict(list)
    for analysis in analyses:
        for quote in analysis.quotes:
            if is_own_reporting(quote):
                continue
            speaker = speaker_of(quote, canonical_name) or "unnamed source"
            by_speaker[(speaker, quote.speaker_kind if not is_voice(quote) else None)].append((analysis, quote))

    grouped: list[StoryQuote] = []
    for (speaker, speaker_kind), items in by_speaker.items():
        # Greedy grouping within one speaker: the number of quotes per speaker
        # is small (tens), so comparing each with the groups so far is cheap.
        statements: list[tuple[frozenset[str], list[tuple[ArticleAnalysis, Quote]], list[tuple[CountedAmount, ...]]]] = []
        for analysis, quote in items:
            words = content_words(quote.content)
            numbers = passage_amounts(analysis, quote.content_start, quote.content_end)
            for index, (group_words, members, group_numbers) in enumerate(statements):
                # Reports that give the statement other numbers ("Turnout was 58.7 percent" /
                # "61.3 percent", and plain figures that might round alike: "winds reached 150
                # km/h" / "145 km/h") are two versions of it, not one statement two outlets
                # report: each stands on its own line with its own outlets (``numbers_differ``).
                if word_overlap(words, group_words) >= SAME_STATEMENT_OVERLAP and not any(
                        numbers_differ(numbers, other) for other in group_numbers):
                    members.append((analysis, quote))
                    group_numbers.append(numbers)
                    statements[index] = (group_words | words, members, group_numbers)
                    break
            else:
                statements.append((words, [(analysis, quote)], [numbers]))
        for _, members, _ in statements:
            grouped.append(_story_quote(speaker, members, speaker_kind))
    grouped.sort(key=lambda q: (q.speaker_kind is not None, -len(q.sources), q.speaker, q.text))
    return grouped


def _story_quote(
    speaker: str, members: list[tuple[ArticleAnalysis, Quote]], speaker_kind: str | None = None
) -> StoryQuote:
    # Shown: a wording every other outlet's report gives (``SHOWN_WORDS_COVERED``), and of those a
    # direct quotation, the speaker's own words, then the fullest.
    words = [(analysis.article.id, content_words(quote.content)) for analysis, quote in members]

    def covered(index: int) -> bool:
        own_article, own = words[index]
        return all(len(own & other) >= SHOWN_WORDS_COVERED * len(own)
                   for article, other in words if article != own_article)

    order = sorted(range(len(members)),
                   key=lambda i: (not covered(i), members[i][1].kind != "direct", -len(members[i][1].content)))
    members = [members[i] for i in order]
    evidence = tuple(
        Evidence(
            article_id=analysis.article.id,
            outlet=analysis.article.outlet.name if analysis.article.outlet else "unidentified",
            start=quote.content_start,
            end=quote.content_end,
            text=quote.content,
        )
        for analysis, quote in members
    )
    sources = tuple(dict.fromkeys(e.outlet for e in evidence))
    lead = members[0][1]
    # (a quotation's own inner quotation cut at its closing mark is closed: 'had "treated the port"')
    return StoryQuote(speaker=speaker, text=balanced(lead.content), kind=lead.kind, sources=sources, evidence=evidence,
                      speaker_kind=speaker_kind)


def count_voices(
    analysis: ArticleAnalysis, canonical_name: CanonicalName | None = None
) -> list[tuple[str, int]]:
    """Whose voices one article quotes, and how often, most quoted first (outlets it cites and
    documents with no named issuer are no voices)."""
    counts: dict[str, int] = defaultdict(int)
    for quote in analysis.quotes:
        if not is_voice(quote):
            continue
        counts[speaker_of(quote, canonical_name) or "unnamed source"] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
