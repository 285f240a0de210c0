"""Yearless dates of undated articles take the story's year."""

from __future__ import annotations

import pytest

from synopsis.facts.story_years import complete_years
from synopsis.records import ArticleAnalysis, TimeRef
from tests.factories import make_article


def _analysis(article_id: str, published: str | None, *values: str) -> ArticleAnalysis:
    text = "On July 23 the talks ended; a summit may follow by the end of August."
    times = tuple(TimeRef(text=v, start=0, end=7, type="DATE", value=v) for v in values)
    return ArticleAnalysis(article=make_article(article_id, f"Outlet {article_id}", text, published=published), times=times)


@pytest.mark.parametrize(
    ("value", "completed"),
    [
        ("XXXX-07-23", "2025-07-23"),  # the story's own day
        ("XXXX-08", "2025-08"),  # a month: "the end of August"
        ("XXXX-01-05", "2026-01-05"),  # early January, in a story of late December
        ("XXXX-07-23T14:00", "2025-07-23T14:00"),
        ("XXXX-WXX-3", "XXXX-WXX-3"),  # a weekday alone stays as it is
    ],
)
def test_undated_article_takes_the_story_year(value, completed):
    dated = [_analysis("a", "2025-07-24T09:00:00+00:00"), _analysis("b", "2025-12-30")]
    undated = _analysis("c", None, value)
    out = complete_years([dated[0], undated] if value != "XXXX-01-05" else [dated[1], undated])
    assert out[1].times[0].value == completed


def test_dated_articles_and_distant_dates_are_left_alone():
    dated = _analysis("a", "2025-07-24T09:00:00+00:00", "XXXX-07-23")
    far = _analysis("c", None, "XXXX-03-10")  # over four months before July 2025: background, year unknown
    out = complete_years([dated, far])
    assert out[0].times[0].value == "XXXX-07-23"  # a dated article's own reading is kept
    assert out[1].times[0].value == "XXXX-03-10"


def test_a_story_without_any_dated_article_is_unchanged():
    undated = [_analysis("a", None, "XXXX-07-23"), _analysis("b", None, "XXXX-07-23")]
    assert [a.times[0].value for a in complete_years(undated)] == ["XXXX-07-23", "XXXX-07-23"]

