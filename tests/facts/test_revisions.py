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
        # Not a revision: a plain count, and a revised count of something other than casualties.
        ("Twelve people were injured when the ferry struck the pier.", "Twelve", None),
        ("Police put the number of arrests at 40.", "40", None),
    ],
)
def test_revision_at(sentence: str, value: str, expected: Revision | None) -> None:
    assert revision_at(sentence, sentence.index(value)) == expected
