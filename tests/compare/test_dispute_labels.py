"""How a disputed point is named and its versions shown, read by the real extractor from our own
sentences: a label reads as a column head (what is measured, of what or whom, the unit only where
it tells slots apart), and a version shows each reading once with every wording kept beside it."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.records import Dispute, DisputeVersion, Evidence
from synopsis.report.dispute_claims import SideTaken, describe_side
from tests.compare.dispute_builders import DAY, Q, S, aligned_disputes, build, extracted


def _dispute(nlp, alpha: str, bravo: str) -> Dispute:
    analyses = extracted(nlp, {"Alpha": f"{DAY} {alpha}", "Bravo": f"{DAY} {bravo}"})
    [dispute] = find_disputes([], analyses)
    return dispute


@pytest.mark.parametrize(("alpha", "bravo", "label"), [
    # A currency the extractor has no unit for is still money, not a number of dinars.
    ("The court ordered him to repay 2.4 million dinars.", "The court ordered him to repay 1.2 million dinars.",
     "sum to repay in dinars"),
    # How far the epicentre lay from a town: a distance, not "amount in m for distance from Huanta".
    ("The quake struck 25 kilometres north of Huanta.", "The quake struck 40 kilometres north of Huanta.",
     "distance from Huanta"),
    # The values give the percent; the currency parts slots, so it stays, by its name.
    ("Turnout was 58.7 percent, the board said.", "Turnout was 61.3 percent, the board said.", "turnout"),
    ("Unemployment stood at 6.1 percent in May.", "Unemployment stood at 7.4 percent in May.", "unemployment rate"),
    ("Kestrel said revenue rose 8 percent to 2.2 billion euros.",
     "Kestrel said revenue rose 12 percent to 2.2 billion euros.", "rise in revenue"),
    ("Kestrel agreed to buy Orvane for 4.2 billion euros.", "Kestrel agreed to buy Orvane for 4.5 billion euros.",
     "price in euros"),
    ("Winds reached 140 km/h in the port.", "Winds reached 180 km/h in the port.", "wind speed"),
])
def test_a_label_names_what_is_measured_and_the_unit_only_where_it_tells_slots_apart(nlp, alpha, bravo, label) -> None:
    dispute = _dispute(nlp, alpha, bravo)
    assert dispute.what.removesuffix(" on 2026-03-03") == label


def test_others_hurt_beside_the_dead_are_people() -> None:
    """"34 others were injured": a count of people, not of "others"."""
    analyses = [build(outlet, [S(f"The blast injured {n} others in the market.",
                                 [Q(str(n), n, counted="others", predicate="injure")])])
                for outlet, n in (("Alpha", 34), ("Bravo", 40))]
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("number of people injured")


def test_a_version_shows_each_reading_once_and_keeps_every_wording(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": f"{DAY} Kestrel agreed to buy Orvane for EUR 4,200 million.",
        "Bravo": f"{DAY} Kestrel agreed to buy Orvane for €4.2bn.",
        "Charlie": f"{DAY} Kestrel agreed to buy Orvane for 4.2 billion euros.",
        "Delta": f"{DAY} Kestrel agreed to buy Orvane for 4.5 billion euros.",
    })
    [dispute] = find_disputes([], analyses)
    version = next(v for v in dispute.versions if "Alpha" in v.sources)
    assert version.value == "EUR 4,200 million"
    assert set(version.wordings) == {"EUR 4,200 million", "€4.2bn", "4.2 billion euros"}
    assert version.normalized.count("/") == 0


def test_different_readings_of_one_version_are_each_shown(nlp) -> None:
    """"about 40" and "42" agree, but say different things: both are shown."""
    [dispute] = aligned_disputes(nlp, {"Alpha": "About 40 people were killed in the blast.",
                               "Bravo": "42 people were killed in the blast.",
                               "Charlie": "90 people were killed in the blast."})
    values = {v.value for v in dispute.versions}
    assert values == {"About 40 / 42", "90"}


def test_each_sentence_is_shown_giving_its_own_wording() -> None:
    """In the list of disputed facts an outlet gives the wording its sentence has, not the version's others."""
    evidence = Evidence("a1", "Alpha", 0, 50, "Kestrel paid €50million for the striker on Tuesday.")
    other = Evidence("b1", "Bravo", 0, 60, "Kestrel paid 45 million euros, plus up to 5 million euros in add-ons.")
    version = DisputeVersion("€50million / 45 million euros, plus up to 5 million euros", "", ("Alpha", "Bravo"),
                             (evidence, other), wordings=("€50million", "45 million euros, plus up to 5 million euros"))
    rival = DisputeVersion("12 million euros", "", ("Charlie",), ())
    dispute = Dispute("price in euros", "count", (version, rival), "")
    assert describe_side(SideTaken(evidence, (0,)), dispute) == "gives “€50million”"
    assert describe_side(SideTaken(other, (0,)), dispute) == "gives “45 million euros, plus up to 5 million euros”"
