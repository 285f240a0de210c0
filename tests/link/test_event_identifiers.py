"""Identifiers of an event in its lead (codes, numbered names, "Nth" names) and the rule that damps
two look-alike reports giving different identifiers of one kind."""

from __future__ import annotations

import dataclasses
import json

import pytest

from synopsis.link.event_profile import ENGLISH_STOP_WORDS, EventProfile, describe_event
from synopsis.link.events import IDENTIFIER_CONFLICT_FACTOR, compare_events, explain_events
from synopsis.link.identifiers import identifier_conflict, lead_identifiers
from synopsis.records import Article
from tests.factories import EVENT_BASE as BASE
from tests.factories import event_profile as _profile
from tests.factories import unit_vector as _unit


@pytest.mark.parametrize(
    ("text", "identifiers"),
    [
        ("Veltron released bulletin VS09-114 to fix a flaw in its Orbis browser.", {"code/AA##-###=vs09-114"}),
        ("The flaw, tracked as CVE-2031-4471, affects the Orbis browser.", {"code/AAA-####-####=cve-2031-4471"}),
        ("The airline grounded its Kestrel K340 jets.", {"code/A###=k340"}),
        ("Users of Orbis 7 and Orbis 8 should update at once.", {"numbered/orbis=7", "numbered/orbis=8"}),
        ("Police stopped him on Route 52 near the border.", {"numbered/route=52"}),
        ("Hosts were named for the 81st Lumen Awards on Tuesday.", {"nth/lumen=81"}),
        # Designators: a short code of capitals and a number, spaced or not, whatever its length.
        ("The jet, flight KV 2291 to Sarnow, landed safely.", {"designator/AA=kv2291"}),
        ("Its flight KV17 was hit over the border.", {"designator/AA=kv17"}),
        ("Talks at COP41 in Sarnow ended late.", {"designator/AAA=cop41"}),
        ("Levels of PM2.5 rose in the town.", {"code/AA#=pm2"}),  # a decimal: a measure's name
        ("Hosts were named for the 81st Annual Lumen Awards.", {"nth/lumen=81"}),
        # Not identifiers: ages, clock times, decades, measures, ordinals, amounts, dates.
        ("The 35-year-old driver was held at 6am in the 1950s-era jail, 60km away.", set()),
        ("Thieves in Dravos took e80 million in jewels on May 2, 2031.", set()),
        ("He was injured in the 11th-round stoppage, his 3rd defeat.", set()),
        ("Over 20 homes burned.", set()),  # a sentence's first word is capitalised anyway
        ("Quake Kills 10 In Dravos Province", set()),  # a headline capitalises every word
        ("Thousands fled on Saturday 8 March, when We 4 played.", set()),  # calendar and function words
    ],
)
def test_lead_identifiers_reads_codes_numbered_and_nth_names(text, identifiers):
    assert lead_identifiers(text, ENGLISH_STOP_WORDS) == frozenset(identifiers)


@pytest.mark.parametrize(
    ("mine", "theirs", "kinds"),
    [
        ({"code/AA##-###=vs09-114"}, {"code/AA##-###=vs14-002"}, ["code/AA##-###"]),  # two bulletins
        ({"numbered/orbis=7"}, {"numbered/orbis=9"}, ["numbered/orbis"]),  # two versions
        ({"numbered/orbis=7", "numbered/orbis=8"}, {"numbered/orbis=8"}, []),  # a lead listing both
        ({"numbered/orbis=7"}, {"numbered/route=52"}, []),  # other kinds say nothing
        ({"designator/AA=kv2291"}, {"designator/AA=hw52"}, ["designator/AA"]),  # two carriers' flights
        ({"designator/AA=kv17"}, {"designator/AA=kv17"}, []),
        ({"code/AA##-###=vs09-114"}, set(), []),
    ],
)
def test_identifiers_of_one_kind_sharing_no_value_conflict(mine, theirs, kinds):
    assert [kind for kind, _, _ in identifier_conflict(frozenset(mine), frozenset(theirs))] == kinds


def _patch_report(aid: str, seed: int, identifiers: set[str]) -> EventProfile:
    shared = dict(names={"veltron", "orbis"}, cast={"veltron", "orbis", "kessa"}, day="2031-06-10")
    return dataclasses.replace(_profile(aid, _unit(seed, BASE, 0.01), **shared), identifiers=frozenset(identifiers))


def test_reports_giving_other_identifiers_of_one_kind_are_damped():
    first = _patch_report("a", 2, {"code/AA##-###=vs09-114", "numbered/orbis=7"})
    same = _patch_report("b", 3, {"code/AA##-###=vs09-114"})
    other = _patch_report("c", 4, {"code/AA##-###=vs14-002"})
    unnumbered = _patch_report("d", 4, set())
    assert compare_events(first, other) == pytest.approx(IDENTIFIER_CONFLICT_FACTOR * compare_events(first, unnumbered))
    assert compare_events(first, same) > compare_events(first, other)
    why = explain_events(first, other)
    assert [m for m, _ in why.rules] == [IDENTIFIER_CONFLICT_FACTOR] and "vs09-114 / vs14-002" in why.rules[0][1]


def test_describe_event_reads_the_leads_identifiers(nlp):
    from synopsis.extract.pipeline import analyze_article

    text = (
        "Veltron on Tuesday released security bulletin VS09-114, fixing a flaw in Orbis 7 that attackers "
        "had used for a week. The company urged users of the Orbis browser to update. "
        "Researchers at Kessa Labs found the flaw. Older reports mentioned bulletin VS08-003."
    )
    article = Article(id="p1", source="t", text=text, title="Veltron patches Orbis flaw", published="2031-06-10")
    profile = describe_event(analyze_article(article, nlp), _unit(9))
    assert {"code/AA##-###=vs09-114", "numbered/orbis=7"} <= profile.identifiers
    assert "code/AA##-###=vs08-003" not in profile.identifiers  # beyond the lead
    back = EventProfile.from_json("p1", profile.vector, profile.to_json())
    assert back.identifiers == profile.identifiers


def test_profile_stored_without_identifiers_loads_with_none():
    stored = json.loads(_profile("x", BASE, names={"a"}).to_json())
    del stored["identifiers"]
    assert EventProfile.from_json("x", BASE, json.dumps(stored)).identifiers == frozenset()
