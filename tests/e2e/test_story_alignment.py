"""End to end on small reports written here: one fact worded differently is corroborated, and
different numbers for one count stay one point once alignment keeps them apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.compare.story import build_story_report
from synopsis.extract.embed import Embedder
from synopsis.extract.pipeline import analyze_articles
from synopsis.ingest.article import build_article
from synopsis.ingest.outlets import OutletRegistry
from synopsis.ingest.readers import read_inputs
from synopsis.records import InputError, Story

REPORTS = {
    "a_harbour.txt": (
        "Title: Ferry capsizes on Lake Tarn\nPublished: 2025-03-04\nSource: Harbour Courier\n\n"
        "KELDBY — Twelve people died when the ferry Grey Gull capsized on Lake Tarn on Tuesday, police said.\n\n"
        "The ferry had 200 passengers on board and overturned at 8:15 a.m. "
        "Rescuers pulled 173 people from the water.\n"
    ),
    "b_northern.txt": (
        "Title: Twelve dead as Grey Gull overturns\nPublished: 2025-03-04\nSource: Northern Ledger\n\n"
        "KELDBY — Twelve people died when the ferry Grey Gull overturned on Lake Tarn on Tuesday morning, officials said.\n\n"
        "The vessel, with about 200 passengers on board, capsized at 8:15 a.m. shortly after leaving Keldby. "
        "Emergency crews rescued 173 people.\n"
    ),
    "c_valley.txt": (
        "Title: Nineteen killed on Lake Tarn\nPublished: 2025-03-05\nSource: Valley Ledger\n\n"
        "KELDBY — Nineteen people were killed when the ferry Grey Gull capsized on Lake Tarn on Tuesday, "
        "according to hospital officials.\n\n"
        "The mayor of Keldby declared three days of mourning for the victims of the disaster.\n"
    ),
}


@pytest.fixture(scope="module")
def analyses(nlp, tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("ferry")
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    raws = [r for r in read_inputs([str(folder)]) if not isinstance(r, InputError)]
    return list(analyze_articles([build_article(r, OutletRegistry.load()) for r in raws], nlp))


def _report(analyses):
    story = Story("ferry", "ferry", tuple(sorted(a.article.id for a in analyses)))
    return build_story_report(story, analyses, Embedder.load())


@pytest.fixture(scope="module")
def report(analyses):
    return _report(analyses)


def test_the_report_does_not_depend_on_the_order_articles_come_in(analyses, report):
    # A folder, files named on the command line and the store hand the same articles over in
    # different orders; which wording stands for a fact must not follow that order.
    reversed_report = _report(list(reversed(analyses)))
    assert reversed_report == report
    assert [c.text for c in reversed_report.claims] == [c.text for c in report.claims]


def _claims_with(report, words: str):
    return [c for c in report.claims if any(words in e.text for e in c.evidence)]


def test_rescue_worded_two_ways_is_one_corroborated_claim(report):
    claims = _claims_with(report, "173")
    assert len(claims) == 1
    assert claims[0].status == "corroborated" and len(claims[0].sources) == 2


def test_passengers_and_time_worded_two_ways_is_one_claim(report):
    claims = _claims_with(report, "200 passengers")
    assert len(claims) == 1 and len(claims[0].sources) == 2


def test_outlets_under_a_death_toll_give_that_toll(report):
    for claim in _claims_with(report, "killed") + _claims_with(report, "died"):
        numbers = {("19" if "Nineteen" in e.text else "12") for e in claim.evidence}
        assert len(numbers) == 1, [e.text for e in claim.evidence]


def test_death_toll_stays_one_point_with_both_figures(report):
    tolls = [d for d in (*report.disputes, *report.revised_figures) if d.kind == "count"]
    assert len(tolls) == 1
    values = " ".join(v.value.lower() for v in tolls[0].versions)
    assert "twelve" in values and "nineteen" in values
    # Twelve on 4 March (two outlets), nineteen the next day: the toll rose, a revised figure
    # listed apart from the disputed points, not a disagreement.
    assert tolls[0].rose and tolls[0] in report.revised_figures
