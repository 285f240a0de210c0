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


@functools.lru_cache(maxsize=1)
def language_detector() -> LanguageDetector:
    """The detector, built once per process."""
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_language(text: str) -> tuple[str, str]:
    """ISO 639-1 code and English name of the text's language ("und", "unknown" if undecided)."""
    sample = text[:SAMPLE_CHARS]
    if not any(c.isalpha() for c in sample):
        return "und", "unknown"
    language = language_detector().detect_language_of(sample)
    if language is None:
        return "und", "unknown"
    return language.iso_code_639_1.name.lower(), language.name.capitalize()
