"""Who acts in a claim, and how: the parties a claim names, one key per party across its names
(a capital or seat of government as its country), and whether two modalities can be one fact.
Claim alignment (``link.align``) compares claims' frames with these."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from anyascii import anyascii

from synopsis.records import ArticleAnalysis

EntityKey = Callable[[str, int], "str | None"]


def fold(text: str) -> str:
    """Return text folded for comparing names and nouns."""
    folded = anyascii(text).lower().replace("'s", "")
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"^\s*the\s+", "", folded)
    return " ".join(folded.split())


# Labels of named parties that can act (and be an agent in a claim frame).
PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Seats of government that news writes for the government: "the Kremlin said".  Capitals are
# looked up in the gazetteer ("Moscow demands").
_SEATS = {"kremlin": "russia", "white house": "united states", "downing street": "united kingdom",
          "elysee": "france", "elysee palace": "france"}


def party_keys(analysis: ArticleAnalysis, claim, aid: str, canonical: EntityKey | None) -> list[str]:
    keys = []
    for e in claim.entities:
        if 0 <= e < len(analysis.entities) and analysis.entities[e].label in PARTY_LABELS:
            keys.append((canonical(aid, e) if canonical else None) or analysis.entities[e].text)
    return keys


@functools.cache
def _capital_countries() -> dict[str, str]:
    """Capitals' place keys and their countries' ("moscov" -> "rusia")."""
    from synopsis.extract.gazetteer import capital_countries
    from synopsis.link.place_names import place_key

    return {place_key(capital): place_key(country) for capital, country in capital_countries().items()}


def actor_key(text: str) -> str:
    """Return the key two names of one party share (``place_names.place_key``: "Kiev" and "Kyiv" are
    one), a capital or seat of government as its country ("Moscow", "the Kremlin" -> Russia)."""
    from synopsis.link.place_names import place_key

    folded = fold(text)
    if not folded:
        return ""
    key = place_key(_SEATS.get(folded, text)) or folded
    return _capital_countries().get(key) or key


def is_capital(text: str) -> bool:
    from synopsis.link.place_names import place_key

    return place_key(text) in _capital_countries()


def _demonym_match(a: str, b: str) -> bool:
    # A people's name shares its country's stem up to the last two or three letters:
    # "russia"/"russian", "ukraine"/"ukrainian", "turkey"/"turkish".
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return common >= 4 and common >= min(len(a), len(b)) - 3


def same_actor(a: str, b: str) -> bool:
    """Whether two actor keys name one party: one name within the other ("putin", "vladimir
    putin"), one surname in two spellings ("zelensky", "zelenskyy"), a country and its people,
    or a country and an institution named after its people ("russian defense ministry")."""
    from synopsis.link.person_names import surnames_match

    if same_name(a, b):
        return True
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return False
    if surnames_match(ta[-1], tb[-1]) and (len(ta) == 1 or len(tb) == 1):
        return True
    if len(ta) == 1 or len(tb) == 1:
        return _demonym_match(ta[0], tb[0])
    return False


# Cached: claim alignment compares the names of every candidate pair of claims (1.5 million
# calls in a story of 200 articles), over a few hundred distinct names.
@functools.lru_cache(maxsize=1 << 16)
def same_name(a: str, b: str) -> bool:
    # "medinsky" and "vladimir medinsky" are one person; whole-token containment only.
    if a == b:
        return True
    ta, tb = a.split(), b.split()
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return bool(small) and all(t in big for t in small) and small[-1] == big[-1]


_MODALITY_GROUP = {
    "asserted": "real", "expected": "prospect", "planned": "prospect", "possible": "prospect",
    "hoped": "prospect", "demanded": "position", "proposed": "position",
}


def modalities_clash(a: str, b: str) -> bool:
    """Whether two modalities cannot be one fact: a happening and an expectation, plan, hope or
    position about it.  "future" (will, would) goes with all but a hope."""
    if a == b:
        return False
    if "future" in (a, b):
        return "hoped" in (a, b)
    return _MODALITY_GROUP.get(a, a) != _MODALITY_GROUP.get(b, b)


__all__ = ["EntityKey", "actor_key", "fold", "is_capital", "modalities_clash", "party_keys", "same_actor", "same_name"]
