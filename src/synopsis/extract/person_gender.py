"""Person gender: what an article says of a named person's gender, so that "she said" is not read as
a man's words.

Only what the text gives counts: an honorific ("Mrs Costa"), a gendered role noun written next to
the name ("spokeswoman Ana Pires", "Maria Costa, a mother of two"), a given name that a name list
records as one gender's ("Ana", "Rui"), and a pronoun already taken to refer to the person. Evidence
that disagrees with itself, or none, leaves the gender unknown: nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

Gender = Literal["female", "male"]

_PRONOUNS: dict[str, Gender] = {
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "he": "male", "him": "male", "his": "male", "himself": "male",
}

# Honorifics, capitalised as written before a name ("Ms Pires", "Sir Ian Hale", "Mr. Dunn").
_HONORIFICS: dict[str, Gender] = {
    "Mrs": "female", "Ms": "female", "Miss": "female", "Madam": "female", "Madame": "female", "Mme": "female",
    "Mlle": "female", "Lady": "female", "Dame": "female",
    "Mr": "male", "Mister": "male", "Sir": "male", "Lord": "male",
}
_HONORIFIC_BEFORE = re.compile(r"\b(" + "|".join(_HONORIFICS) + r")\.?\s+$")
_HONORIFIC_FIRST = re.compile(r"^(" + "|".join(_HONORIFICS) + r")\.?\s+\S")

# Role nouns that name one gender, as written next to a name (lower case). Words for a role that
# either gender may hold ("spokesperson", "actor", "chair", "host", "priest") are not here.
_ROLE_NOUNS: dict[str, Gender] = {
    **dict.fromkeys(
        "spokeswoman chairwoman congresswoman councilwoman businesswoman sportswoman stateswoman "
        "policewoman anchorwoman countrywoman frontwoman forewoman alderwoman assemblywoman "
        "actress waitress heiress headmistress hostess stewardess empress princess duchess countess "
        "baroness marchioness queen nun "
        "woman girl mother grandmother daughter granddaughter stepmother stepdaughter sister wife "
        "widow aunt niece bride girlfriend mum mom".split(),
        "female"),
    **dict.fromkeys(
        "spokesman chairman congressman councilman businessman sportsman statesman policeman "
        "anchorman countryman frontman foreman alderman assemblyman "
        "waiter headmaster steward emperor prince duke baron marquess king monk "
        "man boy father grandfather son grandson stepfather stepson brother husband widower uncle "
        "nephew groom boyfriend dad".split(),
        "male"),
}


def pronoun_gender(word: str) -> Gender | None:
    """The gender a personal pronoun gives ("she" female, "his" male); None for any other word."""
    return _PRONOUNS.get(word.strip().lower())


def role_gender(words: Iterable[str]) -> Gender | None:
    """The gender the role nouns written next to a name give ("spokeswoman", "son"), if they agree."""
    return agreed(_ROLE_NOUNS.get(w.lower()) for w in words)


def honorific_gender(text: str, start: int, name: str) -> Gender | None:
    """The gender of an honorific just before a name at ``start`` of ``text``, or opening the name
    itself (an entity span that took the honorific in: "Mrs Costa")."""
    match = _HONORIFIC_BEFORE.search(text[max(0, start - 10):start]) or _HONORIFIC_FIRST.match(name)
    return _HONORIFICS[match.group(1)] if match else None


def given_name_gender(name_words: tuple[str, ...]) -> Gender | None:
    """The gender a name list records for the first word of a full name ("Ana Ribeiro" female).

    A lone word may be a surname ("Sousa") and is never looked up. Only a name the list gives to one
    gender is taken; one it calls mostly male or female, or either ("Kim", "Sasha"), stays unknown.
    The list is gender-guesser's (its data is Jörg Michael's name dictionary, covering given names
    of many countries): an offline list is far better than one written here by hand. It is the
    optional ``names`` extra, because it is GPL-3.0 and synopsis is Apache-2.0: a user chooses to
    install it (``scripts/setup.sh`` does); without it, given names tell nothing and only honorifics,
    role nouns and earlier pronouns give a gender.
    """
    if len(name_words) < 2 or not name_words[0].isalpha():
        return None
    detector = _detector()
    if detector is None:
        return None
    found = detector.get_gender(name_words[0].capitalize())
    if found == "unknown":
        # a spelling the list does not have, looked up as the one it has ("Thiago" as "Tiago")
        found = next((g for variant in _spelling_variants(name_words[0].lower())
                      if (g := detector.get_gender(variant.capitalize())) != "unknown"), found)
    return found if found in ("female", "male") else None


# Letters some spellings of a given name add to the one a name list records: Brazilian and other
# Portuguese names keep an etymological "h" after "t" and "ph" for "f" ("Thiago", "Matheus",
# "Phelipe"), which gender-guesser's list lacks while it has "Tiago", "Mateus" and "Felipe". Only
# these two, and only for a name the list does not know at all: a looser match (a phonetic key,
# an edit distance) over the whole list would find some name near almost any word, place names
# and surnames too ("Thornton", "Thames" still find none).
_SPELLING_VARIANTS = ((re.compile("th"), "t"), (re.compile("ph"), "f"))


def _spelling_variants(name: str) -> list[str]:
    """The spellings a name list may record a lower-case given name under (``_SPELLING_VARIANTS``)."""
    return [changed for pattern, spelling in _SPELLING_VARIANTS
            if (changed := pattern.sub(spelling, name)) != name]


def is_given_name(word: str) -> bool | None:
    """Whether the name list records a word as a given name of any gender ("Kim", "Reggie") or in a
    spelling it records (``_spelling_variants``); None when the ``names`` extra is not installed,
    since then nothing is known either way."""
    detector = _detector()
    if detector is None:
        return None
    if not word.isalpha():
        return False
    return any(detector.get_gender(spelling.capitalize()) != "unknown"
               for spelling in (word.lower(), *_spelling_variants(word.lower())))


@lru_cache(maxsize=1)
def _detector():
    """gender-guesser's detector, loaded once per process on first use (about 0.1 s); None when
    the ``names`` extra is not installed."""
    try:
        import gender_guesser.detector
    except ImportError:
        return None
    return gender_guesser.detector.Detector(case_sensitive=False)


def agreed(genders: Iterable[Gender | None]) -> Gender | None:
    """The one gender all known pieces of evidence give; None when there is none or they disagree."""
    known = {g for g in genders if g is not None}
    return known.pop() if len(known) == 1 else None


__all__ = ["Gender", "agreed", "given_name_gender", "honorific_gender", "is_given_name", "pronoun_gender", "role_gender"]
