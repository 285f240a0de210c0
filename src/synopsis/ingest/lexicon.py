"""Ordinary English words: what tells a kicker set in capitals ("UPDATE:", "DEAL:", "UNION —")
from a dateline's place, since many towns are named by words ("Union", New Jersey; "Deal", Kent).

From the web2 word list (Webster's Second International, public domain) as the english-words
package ships it.  Word-frequency lists (wordfreq) fold case, so "london" counts as common as
"union"; web2 writes proper nouns with a capital and ordinary words in lower case, which is the
difference wanted here.  Its inflections are few ("deal", not "deals"), so a plural or past form
is looked up by its stem too.
"""

from __future__ import annotations

import functools

# Endings a kicker may add to a listed word ("PHOTOS", "UPDATED"), longest first.
_ENDINGS = ("es", "ed", "s", "d")


@functools.cache
def _lower_case_words() -> frozenset[str]:
    """web2's entries written in lower case (0.1 s to load, on the first capitals label met)."""
    from english_words import get_english_words_set

    return frozenset(word for word in get_english_words_set(["web2"]) if word.islower())


def is_ordinary_word(word: str) -> bool:
    """Whether a word (any case) is an English dictionary word, not a name: one that dictionaries
    write in lower case ("union", "temple"; not "London"), or its plural or past form."""
    word = word.lower()
    words = _lower_case_words()
    if word in words:
        return True
    return any(word.endswith(end) and len(word) - len(end) >= 3 and word[: -len(end)] in words for end in _ENDINGS)
