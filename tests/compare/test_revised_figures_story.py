"""A toll that rose over the day, end to end through the real extractor: a story report lists it
under its revised figures, not its disputes, titles the story by a headline that states no
overtaken figure, and places an open figure ("at least 15") at its hour. Our own articles about a
fictional ferry crash, from fictional outlets."""

from __future__ import annotations

import pytest

from synopsis.compare.story import build_story_report
from synopsis.extract.embed import Embedder
from synopsis.records import Story
from synopsis.report.markdown import render_markdown
from synopsis.report.report_json import reports_to_json, validate_report_json
from tests.factories import make_article

MORNING = ("alpha-0910", "Harbour Wire", "2026-05-14T09:10:00+02:00",
           "Two dead, 13 injured as ferry strikes pier in Ostby",
           "A passenger ferry struck a pier in Ostby harbour on Thursday morning, killing two people and injuring 13, "
           "the coast guard said. The ferry was carrying about 90 passengers from Lindvik.")
NOON = ("bravo-1230", "Coast Daily", "2026-05-14T12:30:00+02:00",
        "Ferry slams into pier in Ostby harbour",
        "Three people were killed and at least 15 hurt when a passenger ferry struck a pier in Ostby harbour on "
        "Thursday morning. The ferry was carrying about 90 passengers from Lindvik.")
AFTERNOON = ("charlie-1700", "Nordic Ledger", "2026-05-14T17:00:00+02:00",
             "Four killed in Ostby ferry accident",
             "Four people were killed and 21 were injured when a passenger ferry struck a pier in Ostby harbour on "
             "Thursday, the coast guard said. The ferry was carrying about 90 passengers from Lindvik.")
EVENING = ("alpha-2030", "Harbour Wire", "2026-05-14T20:30:00+02:00",
           "Toll in Ostby ferry crash rises to five",
           "The number of people killed when a passenger ferry struck a pier in Ostby harbour on Thursday morning "
           "has risen to five, and 24 people were injured, the coast guard said in the evening.")
# A later report giving fewer dead, without a word of revision: a real disagreement.
LOWER = ("delta-1800", "Valley Post", "2026-05-14T18:00:00+02:00",
         "Ferry crash in Ostby harbour",
         "Two people were killed when a passenger ferry struck a pier in Ostby harbour on Thursday, police said.")


@pytest.fixture(scope="module")
def embedder():
    return Embedder.load()


def _report(nlp, embedder, *articles):
    from synopsis.extract.pipeline import analyze_articles

    built = [make_article(aid, outlet, text, published=published, title=title)
             for aid, outlet, published, title, text in articles]
    analyses = list(analyze_articles(built, nlp))
    # Titled as clustering may title it: by the first report's headline.
    story = Story("s-ferry", MORNING[3], tuple(a.id for a in built))
    return build_story_report(story, analyses, embedder)


@pytest.fixture(scope="module")
def risen(nlp, embedder):
    return _report(nlp, embedder, MORNING, NOON, AFTERNOON, EVENING)


def _point(points, word):
    return next(p for p in points if word in p.what)


def test_a_toll_that_rose_is_a_revised_figure_not_a_disputed_point(risen) -> None:
    assert not [d for d in risen.disputes if "killed" in d.what or "injured" in d.what]
    killed = _point(risen.revised_figures, "killed")
    assert [(v.value.lower(), v.sources) for v in killed.versions] == [
        ("two", ("Harbour Wire",)), ("three", ("Coast Daily",)), ("four", ("Nordic Ledger",)), ("five", ("Harbour Wire",))]
    assert killed.versions[-1].note.startswith("latest figure (published 2026-05-14T20:30+02:00)")
    assert [v.reported for v in killed.versions] == [
        ("2026-05-14T09:10+02:00",), ("2026-05-14T12:30+02:00",), ("2026-05-14T17:00+02:00",), ("2026-05-14T20:30+02:00",)]
    text = render_markdown([risen])
    assert f"· {len(risen.disputes)} disputed point" in text and "· 2 revised figures" in text
    assert "### Revised figures (2)" in text
    assert "| five | 5 | Harbour Wire (20:30) |" in text
    data = reports_to_json([risen])
    validate_report_json(data)
    story = data["stories"][0]
    assert story["counts"]["revised_figures"] == 2 and story["counts"]["disputes"] == len(risen.disputes)
    assert {p["what"] for p in story["revised_figures"]} == {p.what for p in risen.revised_figures}
    assert all(p["rose"] for p in story["revised_figures"]) and not any(p["rose"] for p in story["disputes"])


def test_an_open_figure_is_compared_with_the_figure_of_its_hour(risen) -> None:
    """"at least 15 hurt" at 12:30 stood between 13 (09:10) and 21 (17:00): one figure of the rise,
    not a value set aside as fitting the evening's figures."""
    injured = _point(risen.revised_figures, "injured")
    assert [v.value for v in injured.versions] == ["13", "at least 15", "21", "24"]
    assert "fits" not in injured.explanation


def test_the_story_is_titled_by_a_headline_stating_no_overtaken_figure(risen) -> None:
    assert risen.story.title == "Toll in Ostby ferry crash rises to five"
    assert "## Toll in Ostby ferry crash rises to five" in render_markdown([risen])


def test_a_later_lower_figure_keeps_the_toll_a_dispute_and_the_title(nlp, embedder) -> None:
    report = _report(nlp, embedder, MORNING, NOON, AFTERNOON, LOWER, EVENING)
    killed = _point(report.disputes, "killed")
    assert not killed.rose and killed.explanation.startswith("Outlets disagree on the number of people killed")
    assert not [p for p in report.revised_figures if "killed" in p.what]
    # The injured still only rose: the first headline's "13 injured" was overtaken all the same.
    assert [p.what for p in report.revised_figures] == ["number of people injured on 2026-05-14"]
    assert report.story.title == EVENING[3]
