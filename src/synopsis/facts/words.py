"""Content words: the words of a passage that say what it is about, for comparing passages by them.

One pattern, one stop list and one stemmer serve every comparison by words: whether a cited span
gives a brief sentence's words (``facts.support``), whether two attributions report one statement
(``compare.voices``), whether two dated statements tell of one event (``compare.timeline``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words of three letters or more: shorter ones ("of", "is", "UN") are nearly all function words,
# and the few names among them are matched by name, not by word.
_LONG_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)

# Function words and reporting verbs: they say nothing about what a passage states, nor what a
# number counts (``facts.keys.frame_words`` reads the words around a value with this list too).
# The support check's and the timeline's list, with the four words only the statement comparison
# of ``compare.voices`` also left out ("there then him must"): one list, that drops every word any
# of them dropped (the four reference reports were unchanged by the merge).
STOP_WORDS = frozenset(
    """a an the of to in on at by for from with and or but as that this these those it its their
    his her our we they he she them is are was were be been being has have had will would could
    should may might can each per some all any more than less about over under up least at most
    nearly almost around approximately roughly also said says say told according who which what
    when where while after before into out not no new other another only just very one two three
    side sides total including included both such own there then him must""".split()
)


def stem(word: str) -> str:
    """Crude stem for word overlap ("listed" ~ "list", "talks" ~ "talk"), lower-cased.

    Hand-written: a stemming library (or spaCy's lemmas) would add a dependency, or a model at
    compare time, for four suffixes; and the support check's threshold (``MIN_SHARED_WORDS``) was
    measured with exactly these.
    """
    lower = word.lower().replace("’", "'")
    for suffix in ("ing", "ed", "es", "s"):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            return lower[: -len(suffix)]
    return lower


def long_words(text: str) -> Iterator[str]:
    """A passage's words of three letters or more, lower-cased: what content words are picked from."""
    return (m.group(0).lower() for m in _LONG_WORD.finditer(text))


def content_words(text: str, *, stemmed: bool = False) -> frozenset[str]:
    """A passage's content words (function words left out), lower-cased; with ``stemmed``, their
    crude stems (``stem``)."""
    words = (w for w in long_words(text) if w not in STOP_WORDS)
    return frozenset(stem(w) for w in words) if stemmed else frozenset(words)


def content_stems(text: str) -> frozenset[str]:
    """Crude stems of a passage's content words, function words left out."""
    return content_words(text, stemmed=True)


__all__ = ["STOP_WORDS", "content_stems", "content_words", "long_words", "stem"]
