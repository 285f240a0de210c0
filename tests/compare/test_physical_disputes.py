"""Physical measures (a wind speed, the height of waves) disputed by what they measure; a report
giving another plain figure is no second witness of a number, nor one line in who said what. Our
own sentences, read by the real extractor."""

from __future__ import annotations

from synopsis.compare.consensus import split_by_numbers
from synopsis.compare.disputes import find_disputes
from synopsis.compare.voices import group_quotes
from synopsis.link.align import ClaimGroup, ClaimMember
from tests.compare.dispute_builders import extracted

WIND = "Winds reached {} at the harbour entrance, the weather service said."


def _versions(dispute) -> dict[str, tuple[str, ...]]:
    return {v.value: v.sources for v in dispute.versions}


def test_three_wind_speeds_are_a_dispute_of_the_wind_speed(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": WIND.format("140 km/h"), "Bravo": WIND.format("150 km/h"),
                               "Charlie": WIND.format("145 km/h")})
    [dispute] = find_disputes([], analyses)
    assert dispute.what == "wind speed"
    # 145 may be the 150 rounded, and rounds to 140 too: it takes neither side, and is named.
    assert _versions(dispute) == {"140 km/h": ("Alpha",), "150 km/h": ("Bravo",)}
    assert "Charlie's “145 km/h” fits both versions" in dispute.explanation


def test_the_wind_and_its_gusts_are_two_values(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": "Winds reached 100 km/h at the harbour entrance, the weather service said.",
                               "Bravo": "Gusts reached 150 km/h at the harbour entrance, the weather service said."})
    assert find_disputes([], analyses) == []


def _group(analyses) -> ClaimGroup:
    members = tuple(ClaimMember(a.article.id, 0, a.claims[0].text, a.claims[0].start, a.claims[0].end)
                    for a in analyses)
    return ClaimGroup("g-wind", members, 0, members[0].text, 1.0)


def test_a_report_with_another_plain_figure_is_another_part_of_the_fact(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": WIND.format("150 km/h"), "Bravo": WIND.format("145 km/h"),
                               "Charlie": WIND.format("150 km/h")})
    parts = split_by_numbers(_group(analyses), {a.article.id: a for a in analyses})
    assert [[m.article_id for m in p.members] for p in parts] == [["id-Alpha", "id-Charlie"], ["id-Bravo"]]
    assert parts[0].id == "g-wind" and "145" in parts[1].text


def test_a_hedge_that_admits_the_other_figure_stays_one_witness(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": WIND.format("about 150 km/h"), "Bravo": WIND.format("145 km/h")})
    [part] = split_by_numbers(_group(analyses), {a.article.id: a for a in analyses})
    assert len(part.members) == 2


def test_a_number_of_something_else_that_happened_does_not_split_off_a_witness(nlp) -> None:
    # "19 people were injured" counts people too, but the injured: no other figure of the moved out.
    analyses = extracted(nlp, {
        "Alpha": "More than 300 people were evacuated from the ferry terminal as a precaution.",
        "Bravo": "The broadcaster reported that 19 people were injured and that 320 residents and ferry "
                 "passengers were moved out of the area."})
    [part] = split_by_numbers(_group(analyses), {a.article.id: a for a in analyses})
    assert len(part.members) == 2


def test_another_figure_of_the_same_thing_that_happened_still_splits_off(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": "More than 300 people were evacuated from the ferry terminal as a precaution.",
        "Bravo": "The broadcaster reported that 19 people were injured and that 200 people were evacuated "
                 "from the area."})
    parts = split_by_numbers(_group(analyses), {a.article.id: a for a in analyses})
    assert [[m.article_id for m in p.members] for p in parts] == [["id-Alpha"], ["id-Bravo"]]


def test_who_said_what_shows_each_plain_figure_with_its_own_outlet(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": WIND.format("150 km/h"), "Bravo": WIND.format("145 km/h")})
    lines = {q.text: q.sources for q in group_quotes(analyses)}
    assert lines == {"Winds reached 150 km/h at the harbour entrance": ("Alpha",),
                     "Winds reached 145 km/h at the harbour entrance": ("Bravo",)}


def test_a_distance_from_a_place_is_no_version_of_the_depth_told_beside_it(nlp) -> None:
    # One outlet gives the epicentre's distance from a town and the quake's depth; the other the
    # distance only. Aligned as one fact, the other's 25 km is that distance, not a depth of 25 km.
    analyses = extracted(nlp, {
        "Alpha": "The quake's epicentre was about 25 kilometres north of the town of Huanta, at a depth of "
                 "40 kilometres, the survey said.",
        "Bravo": "The quake struck about 25 kilometres north of Huanta, the survey said."})
    group = _group(analyses)
    assert find_disputes([group], analyses) == []
    [part] = split_by_numbers(group, {a.article.id: a for a in analyses})
    assert len(part.members) == 2


def test_a_distance_naming_nothing_it_measures_is_no_version_of_a_depth(nlp) -> None:
    """Aligned as one fact, "20 kilometres inland" names no measure: it does not join the other
    outlet's depth, so there is no depth dispute."""
    analyses = extracted(nlp, {"Alpha": "The quake struck at a depth of 10 kilometres, the survey said.",
                               "Bravo": "The quake struck 20 kilometres inland, the survey said."})
    assert find_disputes([_group(analyses)], analyses) == []


def test_a_value_of_another_unit_never_joins_the_groups_known_key(nlp) -> None:
    from synopsis.compare.dispute_facts import collect_facts
    from synopsis.compare.dispute_slots import group_slots

    analyses = extracted(nlp, {"Alpha": "The quake struck at a depth of 10 kilometres, the survey said.",
                               "Bravo": "The quake shook 3 percent of the coast, the survey said."})
    group_of = {(a.article.id, 0): 0 for a in analyses}
    facts = [f for f in collect_facts(analyses, group_of) if f.kind == "amount"]
    assert {f.key[0] for f in facts} == {"m", "percent"}
    assert group_slots(facts) == []


def test_areas_a_fire_burned_are_one_value_in_any_unit(nlp) -> None:
    """Three outlets' leads, aligned with nothing: the area burned is one value of the story, so
    6,500 hectares disputes about 4,800, while roughly 11,900 acres (about 4,816 hectares) agrees
    with it (QA: an unnamed area was compared only inside one aligned group, and acres were a count)."""
    analyses = extracted(nlp, {
        "Alpha": "A wildfire in the hills above Dunmore has burned about 4,800 hectares, the fire service said.",
        "Bravo": "The fire raging above Dunmore has scorched 6,500 hectares and forced hundreds from their homes.",
        "Charlie": "The blaze has now charred roughly 11,900 acres of forest and farmland above Dunmore.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("area burned")
    assert _versions(dispute) == {"about 4,800 hectares": ("Alpha", "Charlie"), "6,500 hectares": ("Bravo",)}
    assert {v.normalized for v in dispute.versions} == {"[4080, 5520] ha", "[6450, 6550) ha"}
