"""Who does a claim frame's act (``frame_agents.agent_person``), from our own sentences read by
the real extractor."""

from __future__ import annotations

import pytest

from synopsis.compare.frame_agents import agent_person
from tests.compare.dispute_builders import extracted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The speaker resolution's "he": the minister named just before.
        ("Defence Minister Rustem Umerov said the talks had been useful. He proposed that the summit be held "
         "in August.", "Rustem Umerov"),
        # A surname with a nationality and a title around it is still the one person.
        ("Turkish President Recep Tayyip Erdogan has called repeatedly for a summit.", "Recep Tayyip Erdogan"),
        # Two people acting together are no one doer.
        ("Vladimir Putin and Volodymyr Zelensky met in Istanbul on Monday.", None),
        # A body is no person.
        ("The Ukrainian delegation proposed a summit in August.", None),
    ],
)
def test_the_doer_of_a_claim_is_the_person_the_analysis_names(nlp, text, expected) -> None:
    [analysis] = extracted(nlp, {"Alpha": text})
    assert agent_person(analysis, analysis.claims[-1]) == expected
