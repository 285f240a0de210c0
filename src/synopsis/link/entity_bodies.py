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

from synopsis.link.entity_mentions import Mention
from synopsis.link.names import fold

# "Ministry of Defense", "Department of State", "Defence Ministry", "Foreign Office".
_OF_FORM = re.compile(r"^(?P<country>.*?)\s*\b(?P<body>ministry|department|office)\s+of\s+(?:the\s+)?(?P<office>.+)$")
_BODIES = frozenset({"ministry", "department", "office"})
# Words of an office that mean the same ("Defence" / "Defense", "Home" / "Interior").
_OFFICE_WORDS = {"defence": "defense", "home": "interior", "internal": "interior"}
# The country a qualifier names ("Russian", "Russia's", "the UK's"): demonyms that do not share
# the country's first four letters; the rest ("Russian", "Ukrainian", "Turkish") do.
_COUNTRY_WORDS = {
    "uk": "britain", "u k": "britain", "united kingdom": "britain", "british": "britain", "great britain": "britain",
    "us": "america", "u s": "america", "united states": "america", "american": "america", "usa": "america",
    "french": "france", "spanish": "spain", "dutch": "netherlands", "polish": "poland", "danish": "denmark",
    "swiss": "switzerland", "welsh": "wales", "turkiye": "turkey", "kiev": "ukraine", "kyiv": "ukraine",
    "moscow": "russia", "kremlin": "russia", "beijing": "china", "washington": "america", "london": "britain",
    "paris": "france", "berlin": "germany", "ankara": "turkey",
}
# A possessive or adjective just before the mention ("the UK's Ministry of Defence", "Russia's").
_QUALIFIER_BEFORE = re.compile(r"(?:\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)(?:['’]s)?)\s+$")
# The state a body belongs to, written after its name: "the Ministry of Foreign Affairs of the
# Republic of Turkey", "the Defence Ministry of Ukraine".
_QUALIFIER_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w’'.-]*(?:\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3})")


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
            country = _country_named(owner)
    else:
        words = folded.split()
        if len(words) < 2 or words[-1] not in _BODIES:
            return None
        # "Russian Defense Ministry": the country words lead, the office follows.
        lead = 2 if len(words) > 3 and " ".join(words[:2]) in _COUNTRY_WORDS else int(_is_country(words[0]) and len(words) > 2)
        country, body, office = " ".join(words[:lead]), words[-1], " ".join(words[lead:-1])
    office = " ".join(_OFFICE_WORDS.get(w, w) for w in office.split())
    if office == "foreign":
        office = "foreign affairs"  # "Foreign Ministry" / "Ministry of Foreign Affairs"
    if body == "office" and office == "foreign affairs":
        body = "ministry"  # the Foreign Office is the foreign ministry
    return country, f"{body}:{office}"


def _is_country(word: str) -> bool:
    from synopsis.extract.gazetteer import country_prefixes

    return word in _COUNTRY_WORDS or word[:4] in country_prefixes()


def country_key(words: str) -> str:
    """A comparable key for a country as written: its name, a demonym, its capital or seat
    ("Russia's", "Russian" and "Moscow" all give "russ")."""
    words = fold(words)
    if words.startswith("the "):
        words = words[4:]
    return _COUNTRY_WORDS.get(words, words)[:4]


def _country_named(words: str) -> str:
    """The country a name after "of" gives ("the Republic of Turkey" -> "turkey"), else ""."""
    folded = fold(words)
    if folded.startswith("the "):
        folded = folded[4:]
    # "Republic of Turkey", "Kingdom of Spain": the state's own name follows the last "of".
    name = folded.rpartition(" of ")[2]
    first = name.split()[0] if name else ""
    return name if first and _is_country(first) else ""


def _qualifier_before(text: str, start: int) -> str:
    match = _QUALIFIER_BEFORE.search(text[max(0, start - 40) : start])
    if match is None or match.group(1).lower() in {"the", "a", "an"}:
        return ""
    return match.group(1)


def _qualifier_after(text: str, end: int) -> str:
    match = _QUALIFIER_AFTER.match(text[end : end + 60])
    return _country_named(match.group(1)) if match else ""


def _with_country(alias: str, text: str, start: int, end: int) -> str:
    """The name with the country the text writes just before or after it, as written: "Ministry
    of Foreign Affairs" followed by "of the Republic of Turkey" is Turkey's ministry, and a
    reader shown the bare name cannot tell it from another country's.  The name alone when the
    words beside it name no country."""
    before = _QUALIFIER_BEFORE.search(text[max(0, start - 40) : start])
    if before is not None and before.group(1).lower() not in {"the", "a", "an"}:
        written = re.sub(r"^[Tt]he\s+", "", before.group(0).strip())  # "The UK's" -> "UK's"
        words = fold(re.sub(r"['’]s$", "", written)).split()
        if words and _is_country(words[0]):
            return f"{written} {alias}"
    after = _QUALIFIER_AFTER.match(text[end : end + 60])
    if after is not None and _country_named(after.group(1)):
        written = re.split(r"\n|(?<=[a-z])\.(?:\s|$)", text[end : end + after.end()])[0]
        if _country_named(written.strip()[3:]):  # up to the line or sentence end: "of Ukraine.\n\nKremlin"
            return f"{alias}{written.rstrip()}"
    return alias


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
                written = _qualifier_before(text, mention.entity.start) or _qualifier_after(text, mention.entity.end)
                if written:  # shown with its country, as the article writes it
                    mention.alias = _with_country(mention.alias, text, mention.entity.start, mention.entity.end)
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


__all__ = ["country_key", "office_of", "separate_bodies"]
