"""A story's title states no figure its later reports revised. Our own headlines, from fictional outlets."""

from __future__ import annotations

import pytest

from synopsis.compare.story_title import current_title, states_superseded_figure
from synopsis.records import ArticleAnalysis, Dispute, DisputeVersion
from tests.factories import make_article


def _rise(what: str, *figures: str) -> Dispute:
    """A count that only rose through ``figures`` (as outlets wrote them), the last the latest."""
    versions = tuple(DisputeVersion(value, value, (f"Outlet {n}",), ()) for n, value in enumerate(figures))
    return Dispute(what=what, kind="count", versions=versions, explanation="", rose=True)


KILLED = _rise("number of people killed on 2026-05-14", "Two", "three", "five")
INJURED = _rise("number of people injured on 2026-05-14", "17", "about 30", "38")


def _story(*headlines: tuple[str, str]) -> list[ArticleAnalysis]:
    return [ArticleAnalysis(article=make_article(f"a{n}", f"Outlet {n}", "Text.", title=title, published=published))
            for n, (title, published) in enumerate(headlines)]


MORNING = ("Two dead, 17 hurt as ferry hits pier at Ostby", "2026-05-14T09:10:00+02:00")
NOON = ("Ferry crash at Ostby: what we know", "2026-05-14T12:30:00+02:00")
EVENING = ("Toll in Ostby ferry crash rises to five", "2026-05-14T20:30:00+02:00")


def test_a_title_stating_a_figure_later_reports_revised_gives_way_to_the_latest_headline() -> None:
    """QA derail: the story kept the morning's "Two dead, 17 injured ..." after the toll rose to five."""
    analyses = _story(MORNING, NOON, EVENING)
    assert current_title(MORNING[0], analyses, [KILLED, INJURED]) == EVENING[0]


def test_the_latest_headline_that_states_no_superseded_figure_is_taken() -> None:
    late_but_stale = ("Three killed in Ostby ferry crash, operator says", "2026-05-14T21:00:00+02:00")
    analyses = _story(MORNING, NOON, EVENING, late_but_stale)
    assert current_title(MORNING[0], analyses, [KILLED]) == EVENING[0]


@pytest.mark.parametrize("title", [
    "Toll in Ostby ferry crash rises to five",        # the latest figure
    "Ferry crash at Ostby: what we know",             # no figure
    "Two ferries collide off Ostby harbour",          # "two" counts ferries, not the dead
    "Ferry crash at Ostby, second this year",         # an ordinal is no figure
])
def test_a_title_without_a_superseded_figure_stays(title: str) -> None:
    analyses = _story(MORNING, NOON, EVENING)
    assert not states_superseded_figure(title, [KILLED, INJURED])
    assert current_title(title, analyses, [KILLED, INJURED]) == title


def test_a_disputed_figure_is_no_superseded_one() -> None:
    """Only a count that rose supersedes its figures: 14 against 19 injured is a dispute, and a
    headline giving either keeps its story's title."""
    analyses = _story(MORNING, NOON, EVENING)
    assert current_title(MORNING[0], analyses, []) == MORNING[0]


def test_a_title_stays_when_every_other_headline_states_a_superseded_figure_too() -> None:
    analyses = _story(MORNING, ("Three dead in Ostby ferry crash", "2026-05-14T12:30:00+02:00"))
    assert current_title(MORNING[0], analyses, [KILLED]) == MORNING[0]


def test_other_running_counts_are_named_by_their_own_words() -> None:
    cases = _rise("number of cases on 2026-07-13", "40 cases", "65 cases")
    assert states_superseded_figure("Fever outbreak in Dunmore reaches 40 cases", [cases])
    assert not states_superseded_figure("Fever outbreak in Dunmore: 40 wards closed", [cases])
