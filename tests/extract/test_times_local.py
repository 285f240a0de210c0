"""A clock time said to be local takes the offset of the place its passage names, on its day."""

from __future__ import annotations

import pytest

from synopsis.extract.pipeline import analyze_article
from tests.factories import make_article


def _clock(nlp, text: str) -> str:
    analysis = analyze_article(make_article("a", "Outlet A", text, published="2031-07-24"), nlp)
    return next(t.value for t in analysis.times if t.type == "TIME")


@pytest.mark.parametrize(
    "text, value",
    [
        ("The summit was held at the harbour hall in Izmir on 3 March 2031. It began at 18:00 local time.",
         "2031-03-03T18:00+03:00"),
        # Summer and winter time: the offset is the place's on that day.
        ("The ministers met in Berlin on 14 July 2031. The meeting began at 18:00 local time.", "2031-07-14T18:00+02:00"),
        ("The ministers met in Berlin on 14 January 2031. The meeting began at 18:00 local time.", "2031-01-14T18:00+01:00"),
    ],
)
def test_a_local_time_takes_the_offset_of_the_place_named_before_it(nlp, text, value):
    assert _clock(nlp, text) == value


def test_a_local_time_with_no_known_place_before_it_keeps_its_wall_clock(nlp):
    # No place named in its paragraph: the wall clock alone, as before.
    text = "The ministers met in Berlin on 14 July 2031.\nThe meeting began at 18:00 local time."
    assert _clock(nlp, text) == "2031-07-14T18:00"
    assert _clock(nlp, "The council met on 14 July 2031. It began at 18:00 local time.") == "2031-07-14T18:00"


@pytest.mark.parametrize(
    "text, value",
    [
        # The place named right after the clock is the one it is local to.
        ("Rubio flew in from Washington on 16 May 2031. The talks began at 12:30 local time in Istanbul.",
         "2031-05-16T12:30+03:00"),
        # Places in two zones before it, none after: which one is not known.
        ("The blast in Kabul on 16 May 2031 was reported by officials in London at 8:15 a.m. local time.",
         "2031-05-16T08:15"),
        # A name towns in several zones share, none of them dominant, locates nothing.
        ("The ministers met in Birmingham on 14 July 2031. The meeting began at 18:00 local time.", "2031-07-14T18:00"),
    ],
)
def test_a_local_time_is_local_to_the_place_after_it_or_to_one_zone_before_it(nlp, text, value):
    assert _clock(nlp, text) == value
