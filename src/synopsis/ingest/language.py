"""Language identification with lingua, loading only the languages news inputs come in."""

from __future__ import annotations

import functools
import re

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

# English plus the languages that reports of international news most often
# arrive in by mistake (wire copy, state media, originals of translations).
# Loading all 75 lingua models takes 1.3 GB and ~7 s (MODELS.md); these few
# load in about 2 s.
CANDIDATES = (
    Language.ENGLISH,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.ITALIAN,
    Language.PORTUGUESE,
    Language.DUTCH,
    Language.POLISH,
    Language.RUSSIAN,
    Language.UKRAINIAN,
    Language.TURKISH,
    Language.ARABIC,
    Language.PERSIAN,
    Language.CHINESE,
    Language.JAPANESE,
)
# Enough text for a confident decision; more only costs time. lingua's default
# (high accuracy) mode is built to decide on phrases and single words, and its
# time grows with the sample: per news article here, 4.6 ms for 3,000 characters
# and 1.9 for 1,000: 40-50% of cleaning and identifying a document at 3,000.
SAMPLE_CHARS = 1000
# Below this share of lingua's confidence the best candidate is a guess: a text in a language
# that is not loaded spreads it over related ones (a Finnish report: Polish 0.56, German
# 0.39), while a text in a loaded language scores 0.98 or more.  Such a text is "not
# English", without naming a language it is not.
CONFIDENT = 0.9
# ISO 639-2 "uncoded languages": the text's language is none of CANDIDATES.
OTHER = "mis"


# Text in quotation marks: a quote is in the language it was spoken in, which need not be the
# report's ("Wir stehen an der Seite ...", the minister told reporters).  One paragraph at most.
QUOTED = re.compile(r'"[^"\n]{1,2000}"|“[^”\n]{1,2000}”|«[^»\n]{1,2000}»|„[^“”\n]{1,2000}[“”]')
# What ends a sentence (or opens a line of its own, a quotation, a parenthesis) before a
# capital that is then no name.
SENTENCE_END = tuple(".!?:;\"“”«»()[]—–-|")
# Fewer letters than this left once quotes and names are set aside are no evidence of the
# text's language (as article.MIN_LETTERS_FOR_LANGUAGE for the whole text).
MIN_EVIDENCE_LETTERS = 40
# The blocks a text not plainly English is judged by, sentence by sentence: at least this many
# characters each (shorter sentences are joined), as lingua decides on phrases.
BLOCK_CHARS = 80
# The share of a text's blocks read as English from which the text is English:
# one long foreign passage (a statement quoted without quotation marks, a sentence in Turkish
# whose letters weigh heavily in one judgement of the whole) does not make a report foreign.
ENGLISH_SHARE = 0.5


@functools.lru_cache(maxsize=1)
def language_detector() -> LanguageDetector:
    """The detector, built once per process."""
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def without_names(text: str) -> str:
    """The text without its capitalised words inside sentences: names of people and places
    ("Recep Tayyip Erdoğan met at Çırağan Palace") say where a story is, not what language it
    is told in.  A sentence's first word stays (often a function word: "The", "Die"); German
    nouns go too, and the German function words around them still tell the language."""
    kept = []
    after_end = True
    for match in re.finditer(r"\S+", text):
        token = match.group()
        first = next((c for c in token if c.isalpha()), "")
        if not (first.isupper() and not after_end):
            kept.append(token)
        elif token[-1] in ".!?":
            kept.append(token[-1])  # "... on Tuesday." still ends its sentence
        after_end = token[-1] in SENTENCE_END
    return " ".join(kept)


def evidence(text: str) -> str:
    """What tells a text's language: its first SAMPLE_CHARS characters of narration, the quotes
    and names taken out (the quotes left in when the text is nearly all quotes)."""
    head = text[: 4 * SAMPLE_CHARS]
    sample = without_names(QUOTED.sub(" ", head))[:SAMPLE_CHARS]
    if count_letters(sample) < MIN_EVIDENCE_LETTERS:
        sample = without_names(head)[:SAMPLE_CHARS]
    return sample


def count_letters(text: str) -> int:
    """How many letters a text has."""
    return sum(1 for c in text if c.isalpha())


def blocks(text: str) -> list[str]:
    """The text's sentences, joined into blocks of at least BLOCK_CHARS characters."""
    out: list[str] = []
    current = ""
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        current = f"{current} {sentence}".strip()
        if len(current) >= BLOCK_CHARS:
            out.append(current)
            current = ""
    if current:
        if out and len(current) < BLOCK_CHARS:
            out[-1] = f"{out[-1]} {current}"
        else:
            out.append(current)
    return out


def english_share(text: str) -> float:
    """The share of the text's blocks lingua reads as English."""
    detector = language_detector()
    judged = [detector.detect_language_of(block) for block in blocks(text) if any(c.isalpha() for c in block)]
    return sum(1 for language in judged if language == Language.ENGLISH) / len(judged) if judged else 0.0


def detect_language(text: str) -> tuple[str, str]:
    """ISO 639-1 code and English name of the text's language ("und", "unknown" if undecided;
    OTHER, "" when it is none of the candidates).

    The language is the narration's: quotes and names are set aside (``evidence``), and a
    text not plainly English as a whole is English still when at least half of it, sentence by
    sentence, is (``english_share``)."""
    sample = evidence(text)
    if count_letters(sample) < MIN_EVIDENCE_LETTERS:
        return "und", "unknown"
    ranked = language_detector().compute_language_confidence_values(sample)
    if not ranked or ranked[0].value <= 0.0:
        return "und", "unknown"
    language = ranked[0].language
    if language != Language.ENGLISH and english_share(sample) >= ENGLISH_SHARE:
        language = Language.ENGLISH
    elif ranked[0].value < CONFIDENT and language != Language.ENGLISH:
        return OTHER, ""
    return language.iso_code_639_1.name.lower(), language.name.capitalize()
