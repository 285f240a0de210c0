"""What a physical measure (a speed, a length, a weight, an area) is the value of: the wind speed,
the height of the waves, the depth, the area a fire burned."""

from __future__ import annotations

import re

from synopsis.facts.keys import HEDGE


# A physical measure is keyed by its base unit and what it measures, named by the noun before or
# after the value ("winds reached 140 km/h", "gusts of up to 150 km/h", "8-metre waves", "a depth
# of 40 metres", "the load weighed 12 tonnes") or the adjective after it ("waves 8 metres high"):
# one wind speed of one storm is one value every report gives a version of, while the wind and
# its gusts, or the height of the waves and the depth of the water, are different values. Each
# measure has the base unit (``quantity_units``) it can be given in, so "winds ... 20 km" inland is
# no wind speed. Hand-written for the reason the money frames are: few fixed phrases, no parse.
PHYSICAL_MEASURES = {
    "wind": ("wind speed", "km/h"), "winds": ("wind speed", "km/h"), "wind speed": ("wind speed", "km/h"),
    "wind speeds": ("wind speed", "km/h"), "sustained winds": ("wind speed", "km/h"),
    "gust": ("gusts", "km/h"), "gusts": ("gusts", "km/h"), "wind gusts": ("gusts", "km/h"),
    "speed": ("speed", "km/h"), "speeds": ("speed", "km/h"),
    "wave": ("height of the waves", "m"), "waves": ("height of the waves", "m"),
    "swell": ("height of the waves", "m"), "swells": ("height of the waves", "m"),
    "storm surge": ("storm surge", "m"), "surge": ("storm surge", "m"),
    "rainfall": ("rainfall", "m"), "rain": ("rainfall", "m"), "snow": ("snowfall", "m"), "snowfall": ("snowfall", "m"),
    "depth": ("depth", "m"), "height": ("height", "m"), "length": ("length", "m"), "width": ("width", "m"),
    "altitude": ("altitude", "m"), "elevation": ("altitude", "m"), "visibility": ("visibility", "m"),
    "weight": ("weight", "kg"), "load": ("load", "kg"),
}
# "8 metres high", "a crane 60 metres tall", "a tunnel 3 km long": the adjective names the measure.
_MEASURE_ADJECTIVES = {"high": "height", "tall": "height", "long": "length", "deep": "depth", "wide": "width",
                       "heavy": "weight"}
_PHYSICAL_NOUN = "|".join(sorted((re.escape(k) for k in PHYSICAL_MEASURES), key=len, reverse=True))
# "winds reached", "gusts of up to", "waves as high as", "wind speeds were", "the depth was".
_PHYSICAL_LINK = (r"(?:of|at|reached|reaching|reach|hit|hitting|topped|topping|peaked\s+at|peaking\s+at|exceeded"
                  r"|exceeding|was|were|is|are|measured|measuring|gusting\s+(?:to|at)|up\s+to|as\s+high\s+as"
                  r"|rose\s+to|climbed\s+to)")
_PHYSICAL_BEFORE = re.compile(rf"\b(?P<noun>{_PHYSICAL_NOUN})\s+(?:{_PHYSICAL_LINK}\s+){{1,3}}{HEDGE}$", re.I)
_WEIGHED_BEFORE = re.compile(rf"\b(?:weigh|weighs|weighed|weighing)\s+{HEDGE}$", re.I)
_PHYSICAL_AFTER = re.compile(rf"[\s-]*(?:[a-z]+\s+)?(?P<noun>{_PHYSICAL_NOUN})\b", re.I)
_ADJECTIVE_AFTER = re.compile(rf"\s+(?P<adjective>{'|'.join(_MEASURE_ADJECTIVES)})\b", re.I)
_NOUN_RIGHT_BEFORE = re.compile(rf"\b(?P<noun>{_PHYSICAL_NOUN})\s+{HEDGE}$", re.I)
# "25 kilometres north of Huanta", "40 km south-west of the town of Huanta": how far a place lies
# from another, a location; a "depth" or "height" said elsewhere in the claim is another value.
_DIRECTION = r"(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))*"
_LOCATION_AFTER = re.compile(
    rf"\s+(?:{_DIRECTION})\s+of\s+(?:the\s+(?:[a-z]+\s+){{0,2}}(?:of\s+)?)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?",
    re.I)
# The key of a location whose place is not written as a name ("north of the capital").
LOCATION = "distance from a place"

# An area a fire burned, whatever verb or unit gives it: "has burned about 4,800 hectares", "charred
# 11,900 acres", "scorched an area of 20 square kilometres", "4,800 hectares have burned", "the area
# burned reached 5,000 hectares", "the blaze now covers 6,500 hectares". A wildfire's area is the
# one figure every report of it gives a version of; unnamed, an area was compared only inside one
# aligned group, so two outlets' leads aligned with other sentences never met. Only verbs of
# burning name it: floods and storms "destroy" or "ravage" hectares too, and a cordon or an
# evacuation "covers an area of" a fire story as well unless a fire is said to cover it.
AREA_BURNED = "area burned"
_BURN_VERBS = r"burn(?:s|ed|t|ing)?|scorch(?:es|ed|ing)?|char(?:s|red|ring)?|consum(?:es|ed|ing)|blacken(?:s|ed|ing)?"
_AREA_OF = r"(?:(?:an?\s+|the\s+)?(?:area|total)\s+of\s+)?"
_BURNED_BEFORE = re.compile(
    rf"(?:\b(?:{_BURN_VERBS})\s+(?:through\s+|across\s+|over\s+)?{_AREA_OF}"
    rf"|\b(?:(?:burned|burnt|scorched)\s+area|area\s+(?:burned|burnt|scorched))\s+(?:{_PHYSICAL_LINK}\s+){{1,3}}){HEDGE}$",
    re.I)
_BURNED_AFTER = re.compile(
    rf"(?:\s+of\s+[a-z ,]{{1,40}}?)?\s+(?:(?:have|has|had|were|was)\s+(?:now\s+)?(?:been\s+)?)?(?:{_BURN_VERBS})\b",
    re.I)
_FIRE_COVERS_BEFORE = re.compile(
    rf"\b(?:fire|fires|blaze|wildfire|bushfire|flames|inferno)\b[^.;:]*?\b(?:cover(?:s|ed|ing)?|span(?:s|ned|ning)?"
    rf"|(?:spread|stretch(?:es|ed)?|extend(?:s|ed)?)\s+(?:over|across))\s+{_AREA_OF}{HEDGE}$",
    re.I)


def area_burned_at(sentence: str, position: int, value_end: int) -> bool:
    """Whether the area at ``position`` of the sentence (its hedge included) is an area burned (``AREA_BURNED``)."""
    before = sentence[max(0, position - 160) : position]
    return bool(_BURNED_BEFORE.search(before) or _BURNED_AFTER.match(sentence, value_end)
                or _FIRE_COVERS_BEFORE.search(before))


def physical_measure_at(sentence: str, position: int, value_end: int, unit: str | None) -> str | None:
    """What the physical measure at ``position`` of the sentence (its hedge included), in base
    ``unit``, is the value of ("wind speed", "height of the waves"), by ``PHYSICAL_MEASURES``, or None."""
    if unit == "m2" and area_burned_at(sentence, position, value_end):
        return AREA_BURNED
    if unit == "m" and (location := _LOCATION_AFTER.match(sentence, value_end)) is not None:
        place = location.group("place")
        return f"distance from {place}" if place and place[0].isupper() else LOCATION
    before = sentence[max(0, position - 80) : position]
    found = [m.group("noun") for m in (_PHYSICAL_BEFORE.search(before), _PHYSICAL_AFTER.match(sentence, value_end))
             if m is not None]
    for noun in found:
        measure, measured_in = PHYSICAL_MEASURES[" ".join(noun.lower().split())]
        if measured_in == unit:
            return measure
    if unit == "kg" and _WEIGHED_BEFORE.search(before):
        return "weight"
    if (adjective := _ADJECTIVE_AFTER.match(sentence, value_end)) is not None:
        measure = _MEASURE_ADJECTIVES[adjective.group("adjective").lower()]
        # "waves 8 metres high": the height of the noun right before, when it is a measure itself.
        if (noun := _NOUN_RIGHT_BEFORE.search(before)) is not None:
            named, measured_in = PHYSICAL_MEASURES[" ".join(noun.group("noun").lower().split())]
            if measured_in == unit and measure == "height":
                return named
        if PHYSICAL_MEASURES[measure][1] == unit:
            return measure
    return None


def is_physical_measure(unit: str | None, name: str | None) -> bool:
    """Whether an amount's (base unit, measure) is one ``physical_measure_at`` names."""
    return (name, unit) in _PHYSICAL_PAIRS


# (measure, base unit) of every physical measure
_PHYSICAL_PAIRS = frozenset({*PHYSICAL_MEASURES.values(), (AREA_BURNED, "m2")})
