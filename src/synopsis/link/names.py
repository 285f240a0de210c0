"""Spelling-proof keys of names: folding to plain ASCII, phonetic keys that make one the
transliterations of a name (Zelenskiy, Zelenskyy, Selenskyj), and possessives cut off.

Outlets spell the same name differently (transliteration schemes, diacritics, possessives).
This module turns a name into comparison keys; ``link.person_names``, ``link.place_names`` and
``link.offices`` compare people, places and titles on them, and ``link.entities`` decides which
mentions are the same entity.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = "'’`´ʼʻ‘"
_POSSESSIVE = re.compile(r"[" + _APOSTROPHES + r"]s?(?=\s|$)")
_NON_LETTER = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")

# Transliteration endings of Slavic surnames and given names: Zelensky, Zelenskyy,
# Zelenskiy, Zelenskyi, Selenskyj, Zelenskii all end in one "i" sound.
_ENDING = re.compile(r"(?:iy|yy|yi|ij|yj|ii|y)$")
# Spelling pairs that transliteration schemes and languages swap freely; ordered
# so that longer patterns are rewritten first.
_SPELLING = (
    ("kh", "h"),  # Mikhail / Mihail, Kharkiv / Harkiv
    ("ph", "f"),
    ("x", "ks"),  # Alexei / Aleksei
    ("w", "v"),  # German schemes: Wolodymyr
    ("ck", "k"),
    ("q", "k"),
    ("y", "i"),  # Volodymyr / Volodimir, Natalya / Natalia
)
# "j" after a vowel is a "y" sound in Slavic and German schemes (Mykhajlo, Jurij);
# a leading "j" stays (John, Jim).
_INNER_J = re.compile(r"(?<=[aeiouy])j")
# German schemes write Cyrillic "З" (z) as an initial "S" before a vowel (Selenskyj, Sacharowa):
# an initial "s" before a vowel keys as "z", whatever the scheme, so both spellings meet.
_INITIAL_S = re.compile(r"^s(?=[aeiouy])")
# Central Asian names written from Cyrillic ("Ж") or from the Latin alphabets now official
# ("J"): Zhaparov / Japarov, Zhumagulov / Jumagulov, Dzhabarov / Jabarov.  Initial only: inside
# a word "zh" and "j"/"y" are different letters of Slavic names (Bozhko / Boiko).
_INITIAL_ZH = re.compile(r"^d?zh")
DOUBLE_LETTERS = re.compile(r"([a-z])\1+")
# German schemes write Cyrillic "Ш" as "sch" and "Ч" as "tsch" (Jewtuschenko / Yevtushenko,
# Schewtschenko / Shevchenko); French ones write "У" as "ou" (Nourmagambetov / Nurmagambetov,
# Youssef / Yusuf).  English copy writes these sounds "sh", "ch" and "u".
_GERMAN_FRENCH = (("tsch", "ch"), ("sch", "sh"), ("ou", "u"))
# Cyrillic "Е" opening a name is written "e", "ye", "ie" or "je" by different schemes
# (Evtushenko, Yevtushenko, Jewtuschenko; Elena, Yelena, Jelena): the glide before the "e"
# says nothing about which name it is, so the key drops it.  ("Я" and "Ю" keep their glide
# in every scheme, so Jan / Ann stay apart.)
_LEADING_GLIDE_E = re.compile(r"^[ij](?=e)")
# Russian "-ов"/"-ев" written "-off"/"-eff" by older French and English schemes (Smirnoff,
# Rachmaninoff): one final "v" sound.  The doubled "ff" only: a single final "f" is a name's own
# (Kashef, Josef, Wolf).
_FINAL_OFF = re.compile(r"(?<=[aeo])ff$")
# A "y" between vowels is a glide some schemes write and others leave out: Tokayev / Tokaev,
# Zhumabayev / Jumabaev, Andreyev / Andreev.
_GLIDE_Y = re.compile(r"(?<=[aeiou])y+(?=[eo])")
# Arabic article prefixes: al-Assad / Assad, el-Sisi / Sisi.
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az)-")
_APOSTROPHE = re.compile(r"[" + _APOSTROPHES + r"]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Return ASCII, lower-case text with apostrophes, punctuation and extra spaces removed."""
    text = anyascii(text).lower()
    text = _APOSTROPHE.sub("", text)
    text = text.replace("-", " ").replace(".", "")
    return _SPACES.sub(" ", _NON_LETTER.sub(" ", text)).strip()


@lru_cache(maxsize=65536)
def key_token(token: str) -> str:
    """Return the phonetic key of one name token (Zelenskiy, Zelenskyy -> zelenski)."""
    word = anyascii(token).lower()
    word = _APOSTROPHE.sub("", word)
    word = _ARTICLE.sub("", word)
    word = re.sub(r"[^a-z0-9]", "", word)
    word = _GLIDE_Y.sub("", word)
    if len(word) > 3:
        word = _ENDING.sub("i", word)
    word = _INNER_J.sub("i", word)
    word = _INITIAL_ZH.sub("j", word)
    word = _INITIAL_S.sub("z", word)
    for old, new in _GERMAN_FRENCH:
        word = word.replace(old, new)
    for old, new in _SPELLING:
        word = word.replace(old, new)
    word = _LEADING_GLIDE_E.sub("", word)
    word = _FINAL_OFF.sub("v", word)
    return DOUBLE_LETTERS.sub(r"\1", word)


def key_text(text: str) -> str:
    """Return the phonetic key of a whole name, token by token."""
    return " ".join(key_token(token) for token in fold(text).split())


def strip_possessive(text: str, anywhere: bool = False) -> str:
    """Drop a final possessive ("Jones'", "Kyiv’s"); with ``anywhere``, cut at the first one.

    A person mention is cut at its first possessive because what follows is what
    the person owns ("Zelenskiy’s Press Conference" -> "Zelenskiy"); for a place or
    organisation only a final possessive goes ("Türkiye’s Antalya Forum" stays).
    """
    text = text.strip()
    for match in _POSSESSIVE.finditer(text):
        at_end = match.end() == len(text)
        if not (anywhere or at_end) or match.start() == 0:
            continue
        if len(match.group()) == 2 or text[match.start() - 1] in "sSzZ":
            return text[: match.start()].rstrip()
    return text
