"""Whether a sentence shown on its own names the person its "he" or "she" stands for.

A brief shows source sentences out of their articles. "Karvian judges sentenced her to eight
years" names no one: in its article "her" is the journalist of the sentence before, in a brief
it is nobody. ``neutral_wording.stands_alone`` catches a sentence that opens with a pronoun;
this catches one further in, read from the parse: a singular person pronoun stands for someone
the sentence names before it (a person, or a singular noun such as "the minister"), else it
leans on the sentence before.
"""

from __future__ import annotations

import functools
import re

# Only singular person pronouns: "they", "it" and "its" stand as often for a country, a ship or
# a court the sentence names as a common noun, which the parse cannot tell from an antecedent.
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|himself|herself)\b", re.IGNORECASE)
# What can stand before a pronoun as the one it refers to: a singular noun ("the minister"), or a
# name the tagger calls a person.
_ANTECEDENT_TAGS = {"NN", "NNP"}
_NOT_A_PERSON = {"GPE", "LOC", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


@functools.lru_cache(maxsize=4096)
def dangling_pronoun(text: str) -> str | None:
    """The first "he", "she", "him", "her" or "his" in ``text`` with nothing before it in the text
    that it can stand for; None when there is none. Quoted words count too: "He will be missed,"
    said of someone the sentence does not name, names no one either.

    Cached: a brief tries the same few wordings of a fact against many reports.
    """
    from synopsis.extract.nlp import load_nlp

    if not _PERSON_PRONOUN.search(text):
        return None
    doc = load_nlp()(text, disable=["lemmatizer"])
    for token in doc:
        if token.lower_ not in {"he", "she", "him", "her", "his", "hers", "himself", "herself"}:
            continue
        before = doc[:token.i]
        if not any(t.tag_ in _ANTECEDENT_TAGS and t.ent_type_ not in _NOT_A_PERSON for t in before):
            return token.text
    return None


__all__ = ["dangling_pronoun"]
