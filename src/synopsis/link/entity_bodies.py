"""Government bodies named alike in every country: which country's "Ministry of Defense" a mention is.

Every state has a defence ministry, a foreign ministry, an interior ministry; news names one as
"the Russian Defense Ministry", "Russia's Ministry of Defense", "the UK's Ministry of Defence", or
bare, "the Ministry of Defense", when the article's country is plain.  Clustering by name alone
merges the UK's ministry with Russia's and keeps "Russian Defense Ministry" apart from "Russian
Ministry of Defense".  Here each mention of such a body gets its country (written in the name, just
before it or just after it, else the only one its own article gives that body) and its office, and
clusters are redrawn so that one cluster is one country's body.  A bare mention whose article names
no country for that body, or several, stays apart: another article's "Russian Foreign Ministry" says
nothing about which country's foreign ministry this article means.
"""

from __future__ import annotations

import collections
import re
from collections.abc import Mapping, Sequence

from synopsis.extract.body_countries import (COUNTRY_WORDS, country_named, is_country, qualifier_after,
                                              qualifier_before, with_country)
from synopsis.link.entity_mentions import Mention
from synopsis.link.names import fold

# "Ministry of Defense", "Department of State", "Defence Ministry", "Foreign Office".
_OF_FORM = re.compile(r"^(?P<country>.*?)\s*\b(?P<body>ministry|department|office)\s+of\s+(?:the\s+)?(?P<office>.+)$")
_BODIES = frozenset({"ministry", "department", "office"})
# Words of an office that mean the same ("Defence" / "Defense", "Home" / "Interior").
_OFFICE_WORDS = {"defence": "defense", "home": "interior", "internal": "interior"}


def office_of(alias: str) -> tuple[str, str] | None:
    """(country words written in the name, office) of a government body's name, else None:
    "Russian Defense Ministry" -> ("russian", "ministry:defense")."""
    folded = fold(alias)
    if folded.startswith("the "):
        folded = folded[4:]
    if match := _OF_FORM.match(folded):
        country, body, office = match.group("country").strip(), match.group("body"), match.group("office")
        # "Ministry of Foreign Affairs of Ukraine": the state after the office is its country.
        office, _, owner = office.partition(" of ")
        if owner and not country:
            country = country_named(owner)
    else:
        words = folded.split()
        if len(words) < 2 or words[-1] not in _BODIES:
            return None
        # "Russian Defense Ministry": the country words lead, the office follows.
        lead = 2 if len(words) > 3 and " ".join(words[:2]) in COUNTRY_WORDS else int(is_country(words[0]) and len(words) > 2)
        country, body, office = " ".join(words[:lead]), words[-1], " ".join(words[lead:-1])
    office = " ".join(_OFFICE_WORDS.get(w, w) for w in office.split())
    if office == "foreign":
        office = "foreign affairs"  # "Foreign Ministry" / "Ministry of Foreign Affairs"
    if body == "office" and office == "foreign affairs":
        body = "ministry"  # the Foreign Office is the foreign ministry
    return country, f"{body}:{office}"


def country_key(words: str) -> str:
    """A comparable key for a country as written: its name, a demonym, its capital or seat
    ("Russia's", "Russian" and "Moscow" all give "russ")."""
    words = fold(words)
    if words.startswith("the "):
        words = words[4:]
    return COUNTRY_WORDS.get(words, words)[:4]


def body_key(name: str, story_countries: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(country key, office) of a government body whose name gives its country, else None:
    "Russia's foreign ministry" and "the Russian Foreign Ministry" -> ("russ", "ministry:foreign
    affairs").  ``story_countries`` are country keys of the story's own places (its GPE and NORP
    entities), which count as countries where the gazetteer does not know them: a state the
    gazetteer lacks, or one invented for a test ("Karvia's" beside "the Karvian")."""
    found = office_of(name)
    if found is None:
        return None
    written, office = found
    if written:
        return country_key(written), office
    head, of, owner = fold(name).rpartition(" of ")
    if " of " in head and owner and country_key(owner) in story_countries:  # "the Ministry of Foreign Affairs of Karvia"
        return country_key(owner), office
    words = fold(name).split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) < 3 or country_key(words[0]) not in story_countries:
        return None
    rest = office_of(" ".join(words[1:]))
    if rest is None or rest[0]:
        return None
    return country_key(words[0]), rest[1]


def separate_bodies(clusters: Sequence[list[Mention]], texts: Mapping[str, str]) -> list[list[Mention]]:
    """Clusters redrawn so that each government body is one country's: mentions of one office
    grouped by their country; a mention that names none takes the country its article gives
    the same office when that is one country, else stays with the office alone."""
    kept: list[list[Mention]] = []
    bodies: list[tuple[Mention, str, str]] = []  # mention, office, country key ("" unknown)
    for cluster in clusters:
        rest = []
        for mention in cluster:
            found = office_of(mention.alias) if mention.group == "org" else None
            if found is None:
                rest.append(mention)
                continue
            written, office = found
            if not written and mention.article_id in texts:
                text = texts[mention.article_id]
                written = qualifier_before(text, mention.entity.start) or qualifier_after(text, mention.entity.end)
                if written:  # shown with its country, as the article writes it
                    mention.alias = with_country(text, mention.entity.start, mention.entity.end, mention.alias) or mention.alias
            bodies.append((mention, office, country_key(written) if written else ""))
        if rest:
            kept.append(rest)
    if not bodies:
        return list(clusters)
    in_article: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for mention, office, country in bodies:
        if country:
            in_article[(mention.article_id, office)].add(country)
    grouped: dict[tuple[str, str], list[Mention]] = collections.defaultdict(list)
    for mention, office, country in bodies:
        if not country:
            known = in_article.get((mention.article_id, office), set())
            country = next(iter(known)) if len(known) == 1 else ""
        grouped[(office, country)].append(mention)
    return kept + list(grouped.values())


__all__ = ["body_key", "country_key", "office_of", "separate_bodies"]
