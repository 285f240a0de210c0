"""Disputes on measures: match minutes, attendance, and distances no noun names (hand-built analyses)."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.records import ArticleAnalysis
from tests.compare.dispute_builders import Q, S, T, build


def minute(outlet: str, sentence: str, text: str, low: float, high: float, player: str) -> ArticleAnalysis:
    value = low if low == high else None
    qualifier = None if low == high else "range"
    return build(outlet, [S(sentence, [Q(text, value, "match minute", counted=player, qualifier=qualifier,
                                         low=low, high=high)])])


def test_outlets_giving_one_goal_different_minutes_disagree() -> None:
    """Unaligned claims of one player's goal: the 64th and 69th minute are versions; a countdown
    ("five minutes from time", 84 to 86) agrees with the 85th; minutes are not rounded."""
    analyses = [
        minute("Alpha", "Ivo Marek scored the winner in the 64th minute.", "64th minute", 64, 64, "Marek"),
        minute("Bravo", "Marek scored the winning goal in the 69th minute.", "69th minute", 69, 69, "Marek"),
    ]
    disputes = find_disputes([], analyses)
    assert [(d.what, sorted(v.sources for v in d.versions)) for d in disputes] == [
        ("match minute of Marek", [("Alpha",), ("Bravo",)])]
    agreeing = [
        minute("Alpha", "Ivo Marek scored the winner in the 85th minute.", "85th minute", 85, 85, "Marek"),
        minute("Bravo", "Marek scored the winning goal five minutes from time.", "five minutes from time", 84, 86,
               "Marek"),
    ]
    assert find_disputes([], agreeing) == []
    near = [
        minute("Alpha", "Ivo Marek scored the winner in the 80th minute.", "80th minute", 80, 80, "Marek"),
        minute("Bravo", "Marek scored the winning goal in the 81st minute.", "81st minute", 81, 81, "Marek"),
    ]
    assert len(find_disputes([], near)) == 1


def test_minutes_of_different_players_are_different_goals() -> None:
    analyses = [
        minute("Alpha", "Ivo Marek scored the winner in the 64th minute.", "64th minute", 64, 64, "Marek"),
        minute("Bravo", "Tomas Lind scored the winning goal in the 58th minute.", "58th minute", 58, 58, "Lind"),
    ]
    assert find_disputes([], analyses) == []


@pytest.mark.parametrize(
    "sentence,text,value,counted,predicate",
    [
        ("A crowd of 26,000 filled the arena for the final.", "26,000", 26000, "crowd", "fill"),
        ("The final was played in front of 26,000 fans.", "26,000", 26000, "fans", "play"),
        ("A crowd of 26,000 watched the final at the arena.", "26,000", 26000, "crowd", "watch"),
    ],
)
def test_attendance_is_one_count_whatever_the_verb(sentence, text, value, counted, predicate) -> None:
    alpha = build("Alpha", [S("About 20,000 spectators attended the final at the arena.",
                              [Q("About 20,000", 20000, counted="spectators", qualifier="about", predicate="attend")])])
    bravo = build("Bravo", [S(sentence, [Q(text, value, counted=counted, predicate=predicate)])])
    disputes = find_disputes([], [alpha, bravo])
    assert [(d.kind, sorted(v.sources for v in d.versions)) for d in disputes] == [("count", [("Alpha",), ("Bravo",)])]
    same = build("Bravo", [S(sentence.replace(text, "21,000"), [Q("21,000", 21000, counted=counted,
                                                                  predicate=predicate)])])
    assert find_disputes([], [alpha, same]) == []


TUESDAY = T("Tuesday", "2026-03-03")


def measure(outlet: str, sentence: str, text: str, value: float, unit: str = "km") -> ArticleAnalysis:
    return build(outlet, [S(sentence, [Q(text, value, unit), TUESDAY])])


def test_unnamed_distances_of_one_thing_disagree_across_unaligned_claims() -> None:
    """"15 kilometres of the border" / "a 12-kilometre stretch of their border": a distance counts
    no noun, yet on one day with the same words around it it is one slot."""
    analyses = [
        measure("Alpha", "The two sides agreed on Tuesday to demarcate a 12-kilometre stretch of their border.",
                "12-kilometre", 12),
        measure("Bravo", "The neighbours agreed on Tuesday to demarcate 12 kilometres of the shared border.",
                "12 kilometres", 12),
        measure("Charlie", "The countries agreed on Tuesday to demarcate 15 kilometres of the border near Lavik.",
                "15 kilometres", 15),
    ]
    disputes = find_disputes([], analyses)
    assert [(d.what, sorted(v.sources for v in d.versions)) for d in disputes] == [
        ("distance on 2026-03-03", [("Alpha", "Bravo"), ("Charlie",)])]


@pytest.mark.parametrize(
    "other,text,value",
    [
        # Another distance on the same day, told of something else: no slot is shared.
        ("Police said on Tuesday the village lies 14 kilometres from the capital.", "14 kilometres", 14),
        # The same words, a figure far off: a different stretch.
        ("The countries agreed on Tuesday to demarcate 40 kilometres of the border near Lavik.", "40 kilometres", 40),
    ],
)
def test_unnamed_distances_of_different_things_are_no_dispute(other: str, text: str, value: float) -> None:
    analyses = [
        measure("Alpha", "The two sides agreed on Tuesday to demarcate a 12-kilometre stretch of their border.",
                "12-kilometre", 12),
        measure("Charlie", other, text, value),
    ]
    assert find_disputes([], analyses) == []
