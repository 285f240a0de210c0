"""Revised counts: which value of "revised ... to 17 from 12" is the new figure (our own sentences)."""

from __future__ import annotations

import pytest

from synopsis.facts.revisions import Revision, revision_at


@pytest.mark.parametrize(
    "sentence, value, expected",
    [
        ("The airline revised the number of injured to 17 from 12 on Wednesday.", "17", Revision("injure", False)),
        ("The airline revised the number of injured to 17 from 12 on Wednesday.", "12", Revision("injure", True)),
        ("The death toll has risen to 31 from 19, officials said.", "31", Revision("die", False)),
        ("Officials raised the death toll from 19 to 31.", "19", Revision("die", True)),
        ("Officials raised the death toll from 19 to 31.", "31", Revision("die", False)),
        ("The number of people killed rose to 40 overnight.", "40", Revision("die", False)),
        # What the count is of, between it and its verb (QA derail: "five" was keyed by nothing).
        ("The number of people killed when a train derailed near Tarnholm on Thursday morning has risen to five,"
         " and 38 people were injured.", "five", Revision("die", False)),
        ("Death toll in Tarnholm train derailment rises to five", "five", Revision("die", False)),
        # A figure given as an earlier one is the figure replaced, whatever the verb.
        ("Earlier in the day the fire service had given a toll of two dead and 17 injured.", "two", Revision("die", True)),
        ("Earlier in the day the fire service had given a toll of two dead and 17 injured.", "17", Revision("injure", True)),
        ("The death toll, initially put at 12, climbed overnight.", "12", Revision("die", True)),
        # Not a revision: a plain count, and a revised count of something other than casualties.
        ("Twelve people were injured when the ferry struck the pier.", "Twelve", None),
        ("Police put the number of arrests at 40.", "40", None),
        ("The number of people killed rose, and 38 people were injured.", "38", None),
        ("Earlier in the day 17 people were injured when a bus overturned.", "17", None),
        ("The death toll in the fire, which broke out at 3 a.m., has risen to 12.", "3", None),
    ],
)
def test_revision_at(sentence: str, value: str, expected: Revision | None) -> None:
    assert revision_at(sentence, sentence.index(value)) == expected
