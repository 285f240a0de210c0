"""What a physical measure is the value of, read from the words around it (our own sentences)."""

from __future__ import annotations

import pytest

from synopsis.facts.keys_physical import is_physical_measure, physical_measure_at


@pytest.mark.parametrize(("sentence", "value", "unit", "expected"), [
    ("Winds reached 140 km/h at the harbour entrance.", "140 km/h", "km/h", "wind speed"),
    ("Gusts of up to 150 km/h tore roofs off.", "150 km/h", "km/h", "gusts"),
    ("Sustained winds of 120 km/h and gusts of 160 km/h were recorded.", "160 km/h", "km/h", "gusts"),
    ("The storm drove 8-metre waves onto the pier.", "8-metre", "m", "height of the waves"),
    ("Waves 6 metres high struck the pier.", "6 metres", "m", "height of the waves"),
    ("Divers searched at a depth of about 40 metres.", "about 40 metres", "m", "depth"),
    ("The load weighed 12 tonnes.", "12 tonnes", "kg", "weight"),
    ("The crane, 60 metres tall, fell onto a ship.", "60 metres", "m", "height"),
    # A noun of another unit's measure, or none at all, names nothing.
    ("Winds swept 20 km inland.", "20 km", "m", None),
    ("They agreed to demarcate 15 kilometres of the border.", "15 kilometres", "m", None),
    ("A 60-tonne crane collapsed.", "60-tonne", "kg", None),
    # A distance in a direction of a place is where something lies, whatever else the sentence measures.
    ("The epicentre was 25 km north of the town of Huanta, at a depth of 40 km.", "25 km", "m",
     "distance from Huanta"),
    ("The epicentre was 25 km north of the town of Huanta, at a depth of 40 km.", "40 km", "m", "depth"),
    ("The shallow quake struck 30 kilometres south-west of Ica.", "30 kilometres", "m", "distance from Ica"),
    ("The depth was not given; it struck 10 km east of the capital.", "10 km", "m", "distance from a place"),
    # An area a fire burned, by whatever verb of burning and in whatever unit.
    ("The blaze has burned about 4,800 hectares since Sunday.", "about 4,800 hectares", "m2", "area burned"),
    ("The fire has now charred roughly 11,900 acres of forest.", "roughly 11,900 acres", "m2", "area burned"),
    ("Flames scorched an area of 20 square kilometres.", "20 square kilometres", "m2", "area burned"),
    ("More than 300 hectares of pine forest have burned.", "More than 300 hectares", "m2", "area burned"),
    ("The wildfire now covers 6,500 hectares, officials said.", "6,500 hectares", "m2", "area burned"),
    # Floods destroy hectares too, and an evacuation zone covers an area: no fire burned those.
    ("Floods destroyed 500 hectares of crops.", "500 hectares", "m2", None),
    ("Police cordoned off an area of 2 hectares near the fire.", "2 hectares", "m2", None),
])
def test_physical_measure_at(sentence: str, value: str, unit: str, expected: str | None) -> None:
    start = sentence.index(value)
    assert physical_measure_at(sentence, start, start + len(value), unit) == expected


def test_a_measure_is_physical_only_in_its_own_unit() -> None:
    assert is_physical_measure("km/h", "wind speed")
    assert not is_physical_measure("m", "wind speed")
    assert not is_physical_measure("EUR", "price")
    assert is_physical_measure("m2", "area burned")
