"""The country a government body's name is written with: "the UK's Ministry of Defence", "the
Russian Defense Ministry", "the Ministry of Foreign Affairs of the Republic of Turkey".

Many countries have a "Ministry of Defence": shown bare, the name says any country's ministry
spoke.  Extraction keeps the country with a speaking body's name (``speaker_resolution``), and
entity resolution with each mention of such a body (``link.entity_bodies``); both read it here.
A country is a place the tagger found beside the name, or a word that names one: a country of
the gazetteer (by its first four letters, which most demonyms share) or one of ``COUNTRY_WORDS``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from synopsis.link.names import fold  # a leaf module (no synopsis imports): no cycle
from synopsis.records import Entity

# The country a qualifier names ("Russian", "Russia's", "the UK's"): demonyms that do not share
# the country's first four letters; the rest ("Russian", "Ukrainian", "Turkish") do.
COUNTRY_WORDS = {
    "uk": "britain", "u k": "britain", "united kingdom": "britain", "british": "britain", "great britain": "britain",
    "us": "america", "u s": "america", "united states": "america", "american": "america", "usa": "america",
    "french": "france", "spanish": "spain", "dutch": "netherlands", "polish": "poland", "danish": "denmark",
    "swiss": "switzerland", "welsh": "wales", "turkiye": "turkey", "kiev": "ukraine", "kyiv": "ukraine",
    "moscow": "russia", "kremlin": "russia", "beijing": "china", "washington": "america", "london": "britain",
    "paris": "france", "berlin": "germany", "ankara": "turkey",
}
# Labels of the tagger's places that can own a body: a state, or its people's adjective.
PLACE_LABELS = ("GPE", "NORP")
# A possessive or adjective just before the name ("the UK's Ministry of Defence", "Russia's").
_QUALIFIER_BEFORE = re.compile(r"(?:\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s)?)\s+$")
# The state a body belongs to, written after its name: "the Ministry of Foreign Affairs of the
# Republic of Turkey", "the Defence Ministry of Ukraine".
_QUALIFIER_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3})")
# "<body> of <place>", the "of" possibly inside the body's span (the small model's span may end
# in it: "The Ministry of Foreign Affairs of").
_OF_PLACE = re.compile(r"\sof(?:\s+the)?\s+$", re.IGNORECASE)
_ARTICLE = re.compile(r"^[Tt]he\s+")
# The end of a sentence or line: a qualifier never reaches across one ("diverted to Port Halden.
# Kestrel Airways said" names no country of the airline). A full stop after a capital ("the U.S.
# Defense Department") is an abbreviation's.
_SENTENCE_END = re.compile(r"\n|[!?][\"'”’)]*\s|(?<=[a-z0-9])\.[\"'”’)]*\s")


def _window_before(text: str, start: int) -> str:
    """The 40 characters before ``start``, from the last sentence or line end among them."""
    window = text[max(0, start - 40) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def is_country(word: str) -> bool:
    """Whether a folded word names a country: its name or demonym (by the first four letters) or
    one of ``COUNTRY_WORDS``."""
    from synopsis.extract.gazetteer import country_prefixes  # loads GeoNames: only when asked

    return word in COUNTRY_WORDS or word[:4] in country_prefixes()


def country_named(words: str) -> str:
    """The country a name after "of" gives ("the Republic of Turkey" -> "turkey"), else ""."""
    folded = fold(words)
    if folded.startswith("the "):
        folded = folded[4:]
    # "Republic of Turkey", "Kingdom of Spain": the state's own name follows the last "of".
    name = folded.rpartition(" of ")[2]
    first = name.split()[0] if name else ""
    return name if first and is_country(first) else ""


def qualifier_before(text: str, start: int) -> str:
    """The capitalised word or two just before ``start``, possessive cut ("UK" of "the UK's"),
    else "": a body's country when it names one."""
    match = _QUALIFIER_BEFORE.search(_window_before(text, start))
    if match is None or match.group(1).lower() in {"the", "a", "an"}:
        return ""
    return match.group(1)


def qualifier_after(text: str, end: int) -> str:
    """The country written after ``end`` as "of [the] <state>" (folded), else ""."""
    match = _QUALIFIER_AFTER.match(text[end : end + 60])
    return country_named(match.group(1)) if match else ""


def _country_before(text: str, start: int, places: Sequence[Entity]) -> int | None:
    """Where the country written just before ``start`` begins (after any "the"), else None: a
    place the tagger found, as a possessive ("Marrovia's"), or a country's name or demonym."""
    for place in places:
        if place.end <= start and text[place.end:start] in ("’s ", "'s "):
            return place.start + (len(place.text) - len(_ARTICLE.sub("", place.text)))
    match = _QUALIFIER_BEFORE.search(_window_before(text, start))
    if match is None or match.group(1).lower() in {"the", "a", "an"}:
        return None
    written = _ARTICLE.sub("", match.group(0))  # "The UK's" -> "UK's"
    words = fold(re.sub(r"['’]s$", "", written.strip())).split()
    return start - len(written) if words and is_country(words[0]) else None


def _country_after(text: str, start: int, end: int, places: Sequence[Entity]) -> int | None:
    """Where the state written after the name as "of [the] <state>" ends, else None: a place the
    tagger found, or a state the gazetteer knows (cut at the end of its line or sentence:
    "of Ukraine.\n\nKremlin")."""
    for place in places:
        if 0 <= place.start - end <= len(" of the ") and _OF_PLACE.search(text[start:place.start]):
            return place.end
    match = _QUALIFIER_AFTER.match(text[end : end + 60])
    if match is None or not country_named(match.group(1)):
        return None
    written = re.split(r"\n|(?<=[a-z])\.(?:\s|$)", text[end : end + match.end()])[0]
    return end + len(written.rstrip()) if country_named(written.strip()[3:]) else None


def with_country(text: str, start: int, end: int, name: str | None = None, places: Sequence[Entity] = ()) -> str | None:
    """A body's name (``name``, else as written at start:end) with the country the text writes
    just before or after it, as written ("UK's Ministry of Defence", "Ministry of Foreign Affairs
    of the Republic of Turkey"); None when the words beside it name no country.  ``places`` are
    the tagger's entities, of which places (``PLACE_LABELS``) count as countries too."""
    name = text[start:end] if name is None else name
    places = [p for p in places if p.label in PLACE_LABELS]
    if (before := _country_before(text, start, places)) is not None:
        return f"{text[before:start].rstrip()} {name}"
    if (after := _country_after(text, start, end, places)) is not None:
        return f"{name}{text[end:after]}"
    return None


__all__ = ["COUNTRY_WORDS", "PLACE_LABELS", "country_named", "is_country", "qualifier_after", "qualifier_before",
           "with_country"]
