"""Vague counts ("a dozen", "dozens", "a handful", "hundreds") read as the ranges they imply, read
by the real extractor from our own sentences: a number outside the range disputes it, one inside
agrees with it."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from tests.compare.dispute_builders import DAY, aligned_disputes, extracted


@pytest.mark.parametrize(("alpha", "bravo", "versions"), [
    # "a dozen" is about twelve: seven is another number, eleven the same one.
    ("Seven passengers were injured in the crash.", "A dozen passengers were injured in the crash.",
     {"Seven", "A dozen"}),
    ("Eleven passengers were injured in the crash.", "A dozen passengers were injured in the crash.", None),
    # "dozens" is 24 to 99: seven disputes it, forty fits it; shown as written, not "vague Dozens".
    ("Seven passengers were injured in the crash.", "Dozens of passengers were injured in the crash.",
     {"Seven", "Dozens"}),
    ("Police said 40 passengers were injured in the crash.", "Dozens of passengers were injured in the crash.", None),
    # "a handful" is three to nine.
    ("Twenty passengers were injured in the crash.", "A handful of passengers were injured in the crash.",
     {"Twenty", "A handful"}),
    ("Five passengers were injured in the crash.", "A handful of passengers were injured in the crash.", None),
    ("Twelve passengers were injured in the crash.", "Hundreds of passengers were injured in the crash.",
     {"Twelve", "Hundreds"}),
])
def test_a_vague_count_disputes_a_number_outside_its_range(nlp, alpha, bravo, versions) -> None:
    disputes = aligned_disputes(nlp, {"Alpha": alpha, "Bravo": bravo})
    if versions is None:
        assert disputes == []
    else:
        [dispute] = disputes
        assert {v.value for v in dispute.versions} == versions


def test_treated_for_injuries_counts_the_injured(nlp) -> None:
    """"Seven were treated for minor injuries" and "a dozen were injured" count one thing;
    "treated for shock" counts no injured."""
    [dispute] = aligned_disputes(nlp, {"Alpha": "Seven passengers were treated for minor injuries by paramedics.",
                               "Bravo": "A dozen passengers were injured as travellers piled down the chutes."})
    assert dispute.what.startswith("number of passengers injured")
    analyses = extracted(nlp, {"Alpha": f"{DAY} Seven passengers were treated for shock by paramedics.",
                               "Bravo": f"{DAY} A dozen passengers were injured as travellers piled down the chutes."})
    assert find_disputes([], analyses) == []
