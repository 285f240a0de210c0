"""Place and organisation names: one key for a place's exonyms and renamings (Kiev, Kyiv), and
the acronyms organisations go by ("United Nations", "UN")."""

from __future__ import annotations

import re

from synopsis.link.names import fold, key_text, strip_possessive

# Exonyms, renamings and politically loaded spellings of one place that no
# spelling rule connects.  Each row is one place; the first form is only the
# group id, the display name is chosen from what outlets actually write.
_PLACE_GROUPS = (
    ("kyiv", "kiev", "kyyiv"),
    ("kharkiv", "kharkov"),
    ("odesa", "odessa"),
    ("lviv", "lvov", "lwow", "lemberg"),
    ("mykolaiv", "nikolaev", "nikolayev"),
    ("zaporizhzhia", "zaporizhia", "zaporozhye", "zaporizhzhya"),
    ("luhansk", "lugansk"),
    ("chernihiv", "chernigov"),
    ("dnipro", "dnepr"),
    ("turkiye", "turkey", "republic of turkey", "republic of turkiye"),
    ("belarus", "byelorussia", "belorussia"),
    ("moldova", "moldavia"),
    ("myanmar", "burma"),
    ("czechia", "czech republic"),
    ("eswatini", "swaziland"),
    ("cote divoire", "ivory coast"),
    ("united states", "us", "usa", "united states of america", "america"),
    ("united kingdom", "uk", "britain", "great britain"),
    ("russia", "russian federation"),
    ("netherlands", "holland"),
    ("european union", "eu"),
    ("united nations", "un"),
)
_PLACE_GROUP = {key_text(name): key_text(names[0]) for names in _PLACE_GROUPS for name in names}
_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)


def strip_name(text: str) -> str:
    """Return a place/organisation mention without leading "the", possessive and stray marks."""
    text = strip_possessive(text.split("\n")[0])
    text = _LEADING_ARTICLE.sub("", text)
    return text.strip(" \t,;:•-–—()[]\"“”")


def place_key(text: str) -> str:
    """Return the comparison key of a place or organisation (Kiev, Kyiv -> kyiv)."""
    key = key_text(strip_name(text))
    return _PLACE_GROUP.get(key, key)


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"})


def acronym(text: str) -> str | None:
    """Return the initials of a multi-word name ("United Nations" -> "un"), or None."""
    words = [w for w in re.split(r"[\s\-]+", strip_name(text)) if w and fold(w) not in _ACRONYM_SKIP]
    if len(words) < 2:
        return None
    return "".join(fold(w)[:1] for w in words if fold(w))


def is_acronym(text: str) -> bool:
    """Tell whether a mention is written as an acronym ("NATO", "U.N.")."""
    letters = strip_name(text).replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
