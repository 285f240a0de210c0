"""Look-alike incidents a day apart that differ in who ran them: two airlines' turbulence
diversions over one mountain range, written alike, stay two stories; one incident told with
other places, without its flight number or by the airline's parent company stays one."""

from __future__ import annotations

import dataclasses

from synopsis.link.groups_apart import run_by_others, why_apart
from synopsis.link.stories import describe_events
from tests.factories import EVENT_BASE as BASE
from tests.factories import analyze_rows, assert_stories_batch_and_stream
from tests.factories import event_profile as _profile
from tests.factories import unit_vector as _unit

# Monday: Corvane Air flight CV 118, diverted to Lyon.  Tuesday: Halden Airways flight HW 52,
# diverted to Munich.  Both over the Karst Range; the Halden reports recall the Corvane
# incident, its route and its airport in their bodies, so no place marks the Corvane reports.
CORVANE = [
    ("c1", "Turbulence injures 14 on Corvane Air flight, jet diverts to Lyon",
     "Fourteen people were hurt when Corvane Air flight CV 118 from Porto to Gdansk hit severe turbulence over the Karst Range on Monday, forcing it to divert to Lyon, the airline said. "
     "The jet dropped sharply at around 3pm and landed safely. Paramedics met the plane on the runway. "
     "Corvane Air said the seatbelt sign had been switched on before the jolt.", "2031-03-10"),
    ("c2", "Corvane Air jet lands in Lyon after turbulence hurts 14",
     "A Corvane Air plane flying from Porto to Gdansk landed in Lyon on Monday after severe turbulence over the Karst Range injured fourteen people, the airline said. "
     "Paramedics treated passengers on board before taking the injured to hospital. "
     "Corvane Air spokeswoman Dana Ferreira said the crew had followed every procedure.", "2031-03-10"),
    ("c3", "Fourteen hurt on turbulence flight diverted near Lyon",
     "Fourteen passengers and crew were injured on Monday when a Corvane Air flight from Porto hit violent turbulence over the Karst Range and diverted to an airport near Lyon, in France. "
     "The plane landed safely in the afternoon. Corvane Air said most of the injured had unfastened their belts.", "2031-03-10"),
    ("c4", "Corvane turbulence: injured passengers treated in France",
     "Injured passengers from a Corvane Air flight were treated in hospitals in France on Monday after the plane hit severe turbulence over the Karst Range on its way from Porto to Gdansk. "
     "Fourteen people were hurt, the airline said. Corvane Air flew the other passengers on to Gdansk later.", "2031-03-10"),
]
HALDEN = [
    ("h1", "Turbulence injures 9 on Halden Airways flight, jet diverts to Munich",
     "Nine people were hurt when Halden Airways flight HW 52 from Tallinn to Naples hit severe turbulence over the Karst Range on Tuesday, forcing it to divert to Munich, the airline said. "
     "The jet dropped sharply at around 1pm and landed safely. Paramedics met the plane on the runway. "
     "Halden Airways said the seatbelt sign had been switched on before the jolt. "
     "It came a day after a Corvane Air flight from Porto to Gdansk diverted to Lyon after turbulence over the same mountains.", "2031-03-11"),
    ("h2", "Halden Airways jet lands in Munich after turbulence hurts nine",
     "A Halden Airways plane flying from Tallinn to Naples landed in Munich on Tuesday after severe turbulence over the Karst Range injured nine people, the airline said. "
     "Paramedics treated passengers on board before taking the injured to hospital. "
     "Halden Airways spokesman Tarmo Kask said the crew had followed every procedure. "
     "On Monday a Corvane Air flight from Porto was diverted to Lyon in France after a similar encounter.", "2031-03-11"),
    ("h3", "Nine hurt on turbulence flight diverted to Munich",
     "Nine passengers and crew were injured on Tuesday when a Halden Airways flight from Tallinn hit violent turbulence over the Karst Range and diverted to Munich. "
     "The plane landed safely in the afternoon. Halden Airways said most of the injured had unfastened their belts. "
     "A Corvane Air jet from Porto was diverted to Lyon on Monday.", "2031-03-11"),
]
# One incident, told five ways: the flight number given or not, the place at three levels
# ("in Lyon", "near Lyon", "in France"), and one outlet naming the airline's parent company.
ONE_DIVERSION = [
    ("o1", "Turbulence injures 14 on Corvane Air flight, jet diverts to Lyon", CORVANE[0][2], "2031-03-10"),
    ("o2", "Corvane Air jet lands in Lyon after turbulence hurts 14", CORVANE[1][2], "2031-03-10"),
    ("o3", "Fourteen hurt on turbulence flight diverted near Lyon", CORVANE[2][2], "2031-03-10"),
    ("o4", "Turbulence flight lands in France",
     "Fourteen people were injured on Monday when a flight run by the Veltmar Group from Porto to Gdansk hit severe turbulence over the Karst Range and landed in France, the Veltmar Group said. "
     "The plane dropped sharply at around 3pm. The Veltmar Group said the crew had followed every procedure.", "2031-03-10"),
]


def test_two_airlines_incidents_a_day_apart_stay_two_stories(nlp):
    analyses = analyze_rows(CORVANE + HALDEN, nlp)
    profiles = describe_events(analyses)
    assert {p.subject for p in profiles[:2]} == {"corvane air"} and {p.subject for p in profiles[4:]} == {"halden airways"}
    assert "designator/AA=cv118" in profiles[0].identifiers and "designator/AA=hw52" in profiles[4].identifiers
    # Without the organisations they would be one story: the words, the mountains and the
    # leads' shape are shared, and the Halden reports name Corvane Air and Lyon in their bodies.
    assert why_apart(profiles[:4], profiles[4:]) == run_by_others(profiles[:4], profiles[4:]) is not None
    assert_stories_batch_and_stream(
        analyses,
        {frozenset({"c1", "c2", "c3", "c4"}), frozenset({"h1", "h2", "h3"})},
        orders=((0, 1, 2, 3, 4, 5, 6), (6, 5, 4, 3, 2, 1, 0), (4, 0, 5, 1, 6, 2, 3)),
    )


def test_one_diversion_told_with_other_places_and_names_stays_one_story(nlp):
    analyses = analyze_rows(ONE_DIVERSION, nlp)
    assert_stories_batch_and_stream(
        analyses, {frozenset({"o1", "o2", "o3", "o4"})}, orders=((0, 1, 2, 3), (3, 2, 1, 0), (3, 0, 2, 1))
    )


def _run_by(aid: str, seed: int, subject: str | None, organisations: set[str]):
    shared = dict(names={"karst range"}, cast={"karst range", "porto"}, day="2031-03-10")
    profile = _profile(aid, _unit(seed, BASE, 0.01), **shared)
    return dataclasses.replace(profile, subject=subject, organisations=frozenset(organisations))


def test_groups_about_different_organisations_are_apart_only_when_neither_lead_names_the_other():
    corvane = [_run_by(f"c{n}", n, "corvane air", {"corvane air"}) for n in range(3)]
    halden = [_run_by(f"h{n}", 10 + n, "halden airways", {"halden airways"}) for n in range(3)]
    assert "corvane air / halden airways" in run_by_others(corvane, halden)
    # A lead naming both (a joint venture's flight, a code share) ties them.
    naming_both = halden[:2] + [_run_by("h9", 19, "halden airways", {"halden airways", "corvane air"})]
    assert run_by_others(corvane, naming_both) is None
    # One report naming the parent company, beside one naming no organisation, is no group.
    parent = [_run_by("p1", 20, "veltmar group", {"veltmar group"}), _run_by("p2", 21, None, set())]
    assert run_by_others(corvane, parent) is None
    # "Corvane" and "Corvane Air" are one airline.
    short = [_run_by(f"s{n}", 30 + n, "corvane", {"corvane"}) for n in range(3)]
    assert run_by_others(corvane, short) is None
