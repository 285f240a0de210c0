"""Language identification with lingua, loading only the languages news inputs come in."""

from __future__ import annotations

import functools

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


@functools.lru_cache(maxsize=1)
def language_detector() -> LanguageDetector:
    """The detector, built once per process."""
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_language(text: str) -> tuple[str, str]:
    """ISO 639-1 code and English name of the text's language ("und", "unknown" if undecided;
    OTHER, "" when it is none of the candidates)."""
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return "und", "unknown"
    ranked = language_detector().compute_language_confidence_values(sample)
    if not ranked or ranked[0].value <= 0.0:
        return "und", "unknown"
    language = ranked[0].language
    if ranked[0].value < CONFIDENT and language != Language.ENGLISH:
        return OTHER, ""
    return language.iso_code_639_1.name.lower(), language.name.capitalize()
