"""How well a source sentence reads as a neutral statement of what it reports: standing alone,
not a glad announcement, no loaded words; the brief's and the timeline's one order of wordings."""

from __future__ import annotations

import re
from typing import Mapping

from synopsis.compare.word_choices import loaded_words
from synopsis.records import Evidence

# Sentences longer than this read as paragraphs in a brief; prefer a shorter
# version of the same fact when an outlet gives one.
MAX_WORDS = 45
# Outlets whose own reporting is preferred as the wording shown, in this order
# (wire copy is written to be neutral and reusable); every outlet is still cited.
PREFERRED_KINDS = ("wire service", "broadcaster", "newspaper", "independent")


# A sentence that opens with a pronoun or a connective leans on the sentence
# before it in its article; out of context, in a brief, it reads as nonsense.
_DEPENDENT_OPENING = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|however|also|meanwhile|"
    r"still|yet|then|there|here)\b",
    re.IGNORECASE,
)


def stands_alone(text: str) -> bool:
    """Whether a source sentence can be read without the sentence before it."""
    return not _DEPENDENT_OPENING.match(text.lstrip("“\"'‘ "))


# A party's own announcement ("X is delighted to announce the signing of ...", "we are proud to
# confirm"): the words of a press release, which cheer what they tell. The brief states a fact in
# a neutral wording when any report gives one; such a sentence is its last choice. Hand-written:
# the word-choice families (word_families.yaml) are stances on what a thing is called, not this.
_PROMOTIONAL = re.compile(
    r"\b(?:is|are|am|was|were|be|been|being|feel|feels|felt)\s+(?:very\s+|so\s+|extremely\s+|truly\s+)?"
    r"(?:delighted|thrilled|proud|pleased|excited|honou?red|happy|overjoyed)\s+to\s+"
    r"(?:announce|confirm|welcome|unveil|introduce|present|share|report|reveal)\b",
    re.IGNORECASE,
)


def is_promotional(text: str) -> bool:
    """Whether a sentence is worded as its teller's own glad announcement (``_PROMOTIONAL``)."""
    return bool(_PROMOTIONAL.search(text))


def wording_rank(evidence: Evidence, kinds: Mapping[str, str]) -> tuple:
    """How well a report's sentence reads as a neutral statement of what it reports (lower is
    better): standing alone, not a glad announcement, no loaded words, not a quotation, not a
    paragraph, from the outlet kind whose copy is written to be neutral. The brief's and the timeline's one order."""
    words = len(evidence.text.split())
    quoted = any(mark in evidence.text for mark in '“”"')
    kind = kinds.get(evidence.outlet)
    preference = PREFERRED_KINDS.index(kind) if kind in PREFERRED_KINDS else len(PREFERRED_KINDS)
    # A wording that passes a judgement on what it reports ("took a bold and decisive step") gives
    # way to one that states the fact plainly, whatever kind of outlet wrote it.
    return (not stands_alone(evidence.text), is_promotional(evidence.text), len(loaded_words(evidence.text)),
            quoted, words > MAX_WORDS, preference, abs(words - 25))
