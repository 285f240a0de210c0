"""Event profiles and the similarity of two articles' events: dates, places, names, slots, numbered
rounds, the rules that damp a pair, and how a comparison is explained."""

from __future__ import annotations

import dataclasses
import json

import pytest

from synopsis.link.event_profile import EventProfile, describe_event, fold_name, name_key
from synopsis.link.series_ordinals import series_ordinals
from synopsis.link.events import compare_events, explain_events, pair_features
from synopsis.records import Article, ArticleAnalysis, TimeRef
from tests.factories import EVENT_BASE as BASE
from tests.factories import event_profile as _profile
from tests.factories import unit_vector as _unit


@pytest.mark.parametrize(
    "a_day, b_day, same_event",
    [
        ("2024-05-16", "2024-05-16", True),
        ("2024-05-16", "2024-05-18", True),  # a late report of the same day
        ("2024-05-16", "2024-06-02", False),  # the next round of the same talks
        ("2023-07-02", "2024-07-02", False),  # the same kind of signing a year later
        (None, "2024-06-02", True),  # unknown day cannot exclude
    ],
)
def test_event_days_keep_look_alike_events_apart(a_day, b_day, same_event):
    a = _profile("a", BASE, names={"arlen", "sarnow", "vell"}, day=a_day)
    b = _profile("b", _unit(2, BASE, 0.01), names={"arlen", "sarnow", "vell"}, day=b_day)
    assert (compare_events(a, b) > 0.38) is same_event


def test_different_places_damp_the_similarity():
    a = _profile("a", BASE, names={"quake"}, places={"dravos"})
    b = _profile("b", BASE, names={"quake"}, places={"keltia"})
    c = _profile("c", BASE, names={"quake"}, places={"dravos", "north coast"})
    assert compare_events(a, b) < compare_events(a, c)


def test_shared_names_raise_the_similarity():
    a = _profile("a", BASE, names={"arlen", "redport"})
    b = _profile("b", _unit(3, BASE, 0.04), names={"arlen", "redport"})
    c = _profile("c", _unit(3, BASE, 0.04), names={"osk", "tarn"})
    assert compare_events(a, b) > compare_events(a, c)


def test_names_in_other_transliterations_are_shared_names():
    """Reports of one dam breach that write the minister "Zhumagulov" or "Jumagulov", the president
    "Zhaparov" or "Japarov", the reservoir "Kara-Suu" or "Karasuu" name the same people and place."""
    names_a = {"zhumagulov", "zhaparov", "kara-suu", "osh"}
    names_b = {"jumagulov", "japarov", "karasuu", "bishkek"}
    a = dataclasses.replace(_profile("a", BASE, names=names_a), person="zhumagulov")
    b = dataclasses.replace(_profile("b", _unit(3, BASE, 0.04), names=names_b), person="jumagulov")
    unrelated = dataclasses.replace(_profile("c", _unit(3, BASE, 0.04), names={"tarn", "velk", "osk", "bishkek"}), person="tarn")
    key_names, all_names, person_conflict = 1, 2, 6
    shared = pair_features(a, b)
    assert shared[key_names] == 0.75 and shared[all_names] == pytest.approx(3 / 5) and shared[person_conflict] == 0.0
    assert pair_features(a, unrelated)[person_conflict] == 1.0
    assert not any("share no name" in why for _, why in explain_events(a, b).rules)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("zhumagulov", "jumagulov"),
        ("kara-suu", "karasuu"),
        ("el-tayeb", "tayyeb"),  # an Arabic article, joined or left out
        ("al jazeera", "jazeera"),
        ("tokayev", "tokaev"),  # a glide "y" written or not
        ("zhumabayev", "jumabaev"),
        (fold_name("Hamdi Abdel Rahman", "PERSON"), fold_name("Hamdy Abdelrahman", "PERSON")),
    ],
)
def test_name_keys_meet_across_transliterations(first, second):
    assert name_key(first) == name_key(second)


def test_a_cut_parenthesis_is_not_part_of_a_name():
    assert fold_name("Egyptian Initiative for Personal Rights (EIPR", "ORG") == "egyptian initiative for personal rights"


def test_a_year_far_from_publication_is_history_not_the_event_year():
    """"The dam, built in 1974, gave way yesterday": the event's year is the report's."""
    text = "The dam, built in 1974, gave way yesterday near Osh. Seven people died."
    article = Article(id="d", source="d", text=text, title="Dam gives way near Osh", published="2025-03-04")
    profile = describe_event(ArticleAnalysis(article, times=(_date_ref(text, "1974", "1974"),)), BASE)
    assert profile.year == 2025
    recent = "The dam, finished in March 2024, gave way yesterday near Osh."
    article = dataclasses.replace(article, text=recent)
    assert describe_event(ArticleAnalysis(article, times=(_date_ref(recent, "March 2024", "2024-03"),)), BASE).year == 2024


def _date_ref(text: str, words: str, value: str) -> TimeRef:
    start = text.index(words)
    return TimeRef(text=words, start=start, end=start + len(words), type="DATE", value=value)


def test_profile_survives_json_round_trip():
    p = dataclasses.replace(
        _profile("x", BASE, names={"a", "b"}, day="2024-01-02", published="2024-01-03", places={"p"}),
        terms={"ferry": 0.8, "strike": 0.6},
        month=1,
        year=2024,
        person="arlen",
        ordinals=frozenset({"round:3"}),
        time_day="2024-01-01",
    )
    back = EventProfile.from_json("x", p.vector, p.to_json())
    fields = ("names", "cast", "day", "time_day", "published", "places", "terms", "month", "year", "person", "ordinals")
    assert [getattr(back, f) for f in fields] == [getattr(p, f) for f in fields]


def test_every_field_of_a_profile_survives_the_store():
    """What ingest stores of a profile reads back as the profile it computed, field by field, every
    field set (a field added without storage fails), weights and coordinates to the last digit."""
    from synopsis.extract.gazetteer import Spot
    from synopsis.link.stored_stories import stored_profile
    from synopsis.store.db import Store
    from tests.factories import store_as_stories

    values = {
        "vector": _unit(7),
        "names": frozenset({"arlen", "vell"}),
        "cast": frozenset({"arlen", "vell", "sarnow"}),
        "places": frozenset({"dravos"}),
        "day": "2024-01-02",
        "time_day": "2024-01-01",
        "published": "2024-01-03",
        "years": frozenset({2024}),
        "numbers": frozenset({"339 prisoners"}),
        "title": "Talks in Dravos",
        "terms": {"ferry": 0.123456789012, "strike": 1 / 3},
        "month": 1,
        "year": 2024,
        "person": "arlen",
        "ordinals": frozenset({"round:3"}),
        "spots": (Spot("dravos", 41.0082376, 28.9783589, "TR"),),
        "identifiers": frozenset({"code/AA##-###=ms08-078"}),
        "organisations": frozenset({"vell air", "sarnow port authority"}),
        "subject": "vell air",
    }
    stored_fields = [f.name for f in dataclasses.fields(EventProfile) if f.init and f.name != "article_id"]
    assert sorted(stored_fields) == sorted(values)
    profile = EventProfile(article_id="p1", **values)
    for f in dataclasses.fields(EventProfile):
        if f.init and f.default is not dataclasses.MISSING:
            assert getattr(profile, f.name) != f.default, f.name
    with Store.open(":memory:") as db:
        store_as_stories(db, {"s1": [profile]})
        back = stored_profile(db, "p1")
    assert back.vector.tolist() == profile.vector.tolist()
    assert {name: getattr(back, name) for name in stored_fields if name != "vector"} == {
        name: value for name, value in values.items() if name != "vector"
    }


def test_profile_stored_by_an_older_recipe_still_loads():
    p = _profile("x", BASE, names={"a"})
    old = json.loads(p.to_json())
    for key in ("terms", "month", "year", "person", "ordinals", "time_day"):
        del old[key]
    back = EventProfile.from_json("x", p.vector, json.dumps(old))
    assert (back.terms, back.month, back.year, back.person, back.ordinals, back.time_day) == ({}, None, None, None, frozenset(), None)


@pytest.mark.parametrize(
    "slot, mine, theirs",
    [
        ("person", "arlen", "sarnow"),  # two arrests of players of one team
        ("month", 12, 9),  # two emergency patches months apart
        ("year", 2008, 2011),  # two cable cuts years apart
    ],
)
def test_a_slot_filled_differently_pushes_look_alikes_apart(slot, mine, theirs):
    shared = dict(names={"redport", "chargers"}, cast={"redport", "chargers", "dune"})
    a = dataclasses.replace(_profile("a", BASE, **shared), **{slot: mine})
    same = dataclasses.replace(_profile("b", _unit(2, BASE, 0.01), **shared), **{slot: mine})
    other = dataclasses.replace(_profile("c", _unit(2, BASE, 0.01), **shared), **{slot: theirs})
    assert compare_events(a, other) < compare_events(a, same)


def test_person_named_by_both_is_no_conflict():
    # The other article names this one's main person too (a follow-up recalling an earlier arrest).
    cast = {"redport", "arlen", "sarnow"}
    a = dataclasses.replace(_profile("a", BASE, names={"redport"}, cast=cast), person="arlen")
    b = dataclasses.replace(_profile("b", BASE, names={"redport"}, cast=cast), person="sarnow")
    c = dataclasses.replace(_profile("c", BASE, names={"redport"}, cast=cast), person="arlen")
    assert compare_events(a, b) == pytest.approx(compare_events(a, c))


@pytest.mark.parametrize(
    ("mine", "theirs", "damped"),
    [
        ({"saltor", "ethvor", "mergar"}, {"merkel bay", "liomer", "quinbor"}, True),  # other talks, other cast
        ({"saltor", "ethvor", "mergar"}, {"saltor", "liomer", "quinbor"}, False),  # one name shared
        ({"saltor", "ethvor"}, {"merkel bay", "liomer"}, False),  # too few names to judge
    ],
)
def test_articles_sharing_no_name_are_damped(mine, theirs, damped):
    a = _profile("a", BASE, cast=mine)
    b = _profile("b", BASE, cast=theirs)
    alone = compare_events(a, dataclasses.replace(b, cast=frozenset()))
    assert (compare_events(a, b) < 0.6 * alone) is damped


@pytest.mark.parametrize(
    ("text", "ordinals"),
    [
        ("Third round of Arvenia-Bolmark talks ends", {"round:3"}),
        ("envoys met for a 4th round of direct talks", {"round:4"}),
        ("the third and final round of negotiations", {"round:3"}),
        ("the twenty-first session of the assembly", {"session:21"}),
        ("the first leg of the tie", {"leg:1"}),
        ("one round of talks, the first time since May", set()),  # no ordinal on a series noun
        ("the 3rd round of talks", {"round:3"}),
        ("after the first two rounds of talks", set()),  # a count, not a number in the series
        ("the second phase of the ceasefire deal", set()),  # a part of one agreement
        ("stopped him in the seventh round", set()),  # a part of one event (a boxing match)
        ("a seventh-round stoppage", set()),
        ("delegations meet in Istanbul for third peace talks after seven weeks", {"round:3"}),
        ("the first direct talks since 2022", {"round:1"}),
        ("negotiators met for the third time in recent months", {"round:3"}),
        ("they met for the first time since 2019", set()),  # "for once", not a numbered meeting
        ("the second day of talks", set()),
        ("the first time talks were held there", set()),
        ("Round three of the Sarnow talks", {"round:3"}),
        ("they hope to finish in round two.", {"round:2"}),
        ("another round two weeks later", set()),  # weeks are counted, not rounds
        # A number given to a coming event is not the reported event's.
        ("won the first round of the vote and will face him in the second round of voting", {"round:1"}),
        ("exit polls show both progressing to the second round of the election", set()),
        ("the second round of the election, which will take place in two weeks", set()),
        ("they met for a third round of talks. The fourth round of talks is due to start in May", {"round:3"}),
        ("the second round of talks, which ended on Monday, was short", {"round:2"}),
    ],
)
def test_series_ordinals_read_numbered_events(text, ordinals):
    assert series_ordinals(text) == ordinals


@pytest.mark.parametrize(
    ("mine", "theirs", "damped"),
    [
        ({"round:3"}, {"round:4"}, True),  # the third and the fourth round
        ({"round:3"}, {"round:3"}, False),
        ({"round:3", "round:2"}, {"round:3"}, False),  # a report recalling the previous round
        ({"round:3"}, {"leg:1"}, False),  # different series nouns say nothing
        ({"round:3"}, set(), False),
    ],
)
def test_other_numbers_in_a_series_are_damped(mine, theirs, damped):
    shared = dict(names={"arvenia", "bolmark"}, cast={"arvenia", "bolmark", "sarnow"}, day="2024-06-25")
    a = dataclasses.replace(_profile("a", BASE, **shared), ordinals=frozenset(mine))
    b = dataclasses.replace(_profile("b", _unit(2, BASE, 0.01), **shared), ordinals=frozenset(theirs))
    alone = compare_events(a, dataclasses.replace(b, ordinals=frozenset()))
    assert (compare_events(a, b) < 0.5 * alone) is damped


def test_every_measure_has_a_label_for_users():
    from synopsis.link.events import FEATURE_LABELS, FEATURE_NAMES

    assert tuple(FEATURE_LABELS) == FEATURE_NAMES


def test_explanation_names_the_rules_the_score_used():
    shared = dict(names={"arvenia", "bolmark"}, cast={"arvenia", "bolmark", "sarnow"})
    base = _profile("a", BASE, day="2024-06-25", places={"sarnow"}, **shared)
    cases = {
        "later": _profile("b", _unit(2, BASE, 0.01), day="2024-07-09", **shared),  # day rule
        "fourth": dataclasses.replace(_profile("c", _unit(2, BASE, 0.01), day="2024-06-26", **shared), ordinals=frozenset({"round:4"})),
        "elsewhere": _profile("d", _unit(2, BASE, 0.01), day="2024-06-25", places={"keltia"}, **shared),
        "same": _profile("e", _unit(2, BASE, 0.01), day="2024-06-25", places={"sarnow"}, **shared),
    }
    base = dataclasses.replace(base, ordinals=frozenset({"round:3"}))
    why = {name: explain_events(base, other) for name, other in cases.items()}
    for name, other in cases.items():
        assert why[name].score == pytest.approx(compare_events(base, other))
    assert why["later"].score == 0 and why["later"].rules[0][0] == 0 and "14 days apart" in why["later"].rules[0][1]
    assert [m for m, _ in why["fourth"].rules] == [0.25] and "round 3 / round 4" in why["fourth"].rules[0][1]
    assert [m for m, _ in why["elsewhere"].rules] == [0.8] and "keltia" in why["elsewhere"].rules[0][1]
    assert why["same"].rules == () and why["same"].score == pytest.approx(why["same"].model)
    assert why["same"].measures["key_names"] == 1.0


def test_shared_key_terms_raise_the_similarity():
    a = dataclasses.replace(_profile("a", BASE), terms={"ferry": 0.6, "strike": 0.8})
    b = dataclasses.replace(_profile("b", BASE), terms={"ferry": 0.6, "strike": 0.8})
    c = dataclasses.replace(_profile("c", BASE), terms={"harvest": 0.6, "festival": 0.8})
    assert compare_events(a, b) > compare_events(a, c)


def test_describe_event_reads_the_lead_day_names_and_numbers(nlp):
    from synopsis.extract.pipeline import analyze_article

    text = (
        "A magnitude 6.1 earthquake struck near the town of Dravos on 3 March 2024, killing 41 people. "
        "Rescue teams from Keltia arrived in Dravos on Monday, said Mara Olsen, the regional governor. "
        "Officials said 230 homes were destroyed."
    )
    article = Article(id="q1", source="t", text=text, title="Earthquake kills 41 in Dravos", published="2024-03-04")
    profile = describe_event(analyze_article(article, nlp), _unit(9))
    assert profile.day == "2024-03-03"
    assert "olsen" in profile.cast and "dravos" in profile.names
    assert "dravos" in profile.places
    assert any(n.startswith("41") for n in profile.numbers)
    assert (profile.month, profile.year) == (3, 2024)
    assert "earthquake" in profile.terms and "the" not in profile.terms
    assert abs(sum(w * w for w in profile.terms.values()) - 1.0) < 1e-6


@pytest.mark.parametrize(
    ("text", "label", "folded"),
    [
        ("Malatya province", "GPE", "malatya"),
        ("the Province of Malatya", "GPE", "malatya"),
        ("Kherson region", "LOC", "kherson"),
        ("Mexico City", "GPE", "mexico city"),  # a city's name keeps its "City"
        ("Region", "GPE", "region"),  # nothing left: the word itself
        ("Malatya Province", "ORG", "malatya province"),  # only places lose their kind of region
        ("Vladimir Medinsky", "PERSON", "medinsky"),
    ],
)
def test_names_fold_so_outlets_spellings_of_one_place_or_person_meet(text, label, folded):
    assert fold_name(text, label) == folded
