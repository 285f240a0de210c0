"""An outlet speaking of itself, not reporting the event.

"Arvendale Today will update this article as more information becomes available", "Tech Trade
Review will publish an analysis later this week", "The Northbay Post is Valdria's oldest regional
daily", "Listeners can find a list of open roads on our website": sentences in the body of an
article that promise the outlet's own coverage or describe the outlet. They state nothing about
the event, and read as facts they became "single-source" facts and (dated by "later this week")
timeline entries. Donation and subscription appeals are found by ``clean.is_appeal``; these are
the quieter kind, told in the third person or in the newsroom's "we" and "our".

A sentence in quotation marks, or inside a quotation the paragraph opened, is someone else's
("We will publish the list on our website," the mayor said) and is never taken.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

# The article's own text being updated: "this article will be updated", "we will update this story".
_OWN_UPDATE = re.compile(
    r"\b(?:this|our)\s+(?:article|story|page|report|post|live\s+blog|blog|coverage)\s+"
    r"(?:will|would|is\s+to|is\s+being)\s+(?:be\s+)?updated\b"
    r"|\bwill\s+(?:be\s+)?(?:updat\w*|add\s+to)\s+(?:this|our)\s+(?:article|story|page|report|post|blog|coverage)\b"
    r"|\bcheck\s+back\s+(?:later|soon|for\s+(?:more|updates))\b"
    r"|^\s*we\s*(?:will|['’]ll)\s+(?:keep\s+you\s+(?:updated|informed|posted)|bring\s+you|update\s+(?:you|this|readers))\b",
    re.IGNORECASE)
# The newsroom's own things, which only the outlet calls "our": "on our website", "our newsroom
# will broadcast updates every hour", "our correspondent in Kessrick".
_OWN_THINGS = re.compile(
    r"\bour\s+(?:website|web\s+site|site|app|homepage|newsroom|newsletters?|podcasts?|live\s+(?:blog|coverage|stream)"
    r"|listeners|readers|viewers|subscribers)\b",
    re.IGNORECASE)
# The reader told what to do: "Sign up for breaking-news alerts", "Follow us on Bluesky".
_TO_THE_READER = re.compile(
    r"^\s*(?:sign\s+up\s+(?:for|to)|subscribe\s+to|follow\s+us\b|download\s+our\b|(?:readers|listeners|viewers|subscribers)"
    r"\s+can\s+(?:find|read|watch|listen|follow|get|see|send|contact)\b)",
    re.IGNORECASE)
# After the outlet's name as the subject: what it will do ("will publish", "is to broadcast") ...
_OUTLET_WILL = r"(?:will|['’]ll|is\s+to|is\s+going\s+to|plans\s+to|intends\s+to)\b"
# ... or what it is ("is Valdria's oldest regional daily", "is a member of the Trust Project").
_OUTLET_NOUNS = (r"(?:newspaper|daily|weekly|paper|tabloid|broadsheet|broadcaster|news\s+agency|agency|wire\s+service|"
                 r"station|magazine|website|news\s+site|publication|outlet|channel|radio|network)")
_OUTLET_IS = rf"(?:is|has\s+been)\s+(?:[^,;:]*\s)?{_OUTLET_NOUNS}\b"
_QUOTES = "\"“”«»"
# Where a sentence ends inside a paragraph: . ! ? (and closing quotes) before a capital or a quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")


@functools.lru_cache(maxsize=256)
def _subject_patterns(names: tuple[str, ...]) -> list[re.Pattern[str]]:
    """The outlet's names as the subject that opens a sentence: "Arvendale Today will ...",
    "The Northbay Post is ..."; a leading "The" optional either way."""
    patterns = []
    for name in names:
        bare = re.sub(r"^the\s+", "", " ".join(name.split()), flags=re.IGNORECASE)
        if len(bare) < 3:
            continue
        spelled = r"\s+".join(re.escape(word) for word in bare.split())
        patterns.append(re.compile(rf"^\s*(?:the\s+)?{spelled}\s+(?:{_OUTLET_WILL}|{_OUTLET_IS})", re.IGNORECASE))
    return patterns


def is_self_promotion(sentence: str, names: Sequence[str] = ()) -> bool:
    """Whether a sentence (outside quotation marks) is the outlet speaking of itself: a promise of
    its own coverage, a description of itself, or the reader told where to follow it."""
    if any(mark in sentence for mark in _QUOTES):
        return False
    if _OWN_UPDATE.search(sentence) or _OWN_THINGS.search(sentence) or _TO_THE_READER.search(sentence):
        return True
    return any(p.search(sentence) for p in _subject_patterns(tuple(names)))


def sentences_of(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (a paragraph), as offsets into ``text``."""
    at = start
    for m in _SENTENCE_END.finditer(text, start, end):
        yield at, m.start()
        at = m.end()
    if at < end:
        yield at, end


def promotion_spans(text: str, start: int, end: int, names: Sequence[str] = ()) -> list[tuple[int, int]]:
    """The self-promoting sentences at the start and at the end of the paragraph ``text[start:end]``
    (the paragraph's whole span when all of it is), outside any quotation it opens."""
    parts = list(sentences_of(text, start, end))
    flags = []
    open_quote = False
    for low, high in parts:
        flags.append(not open_quote and is_self_promotion(text[low:high], names))
        for mark in text[low:high]:  # a quotation may run on over several sentences
            if mark in "“«":
                open_quote = True
            elif mark in "”»":
                open_quote = False
            elif mark == '"':
                open_quote = not open_quote
    spans = []
    first = 0
    while first < len(parts) and flags[first]:
        first += 1
    if first:
        spans.append((parts[0][0], parts[first - 1][1]))
    if first == len(parts):
        return spans
    last = len(parts)
    while last > first and flags[last - 1]:
        last -= 1
    if last < len(parts):
        spans.append((parts[last][0], parts[-1][1]))
    return spans
