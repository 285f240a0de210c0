"""Claims dated a day apart: one event misdated by one outlet is aligned and its day disputed;
two events on consecutive days stay apart."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.extract.embed import Embedder
from synopsis.link.align import align_claims, day_rivals, score_candidates
from tests.factories import make_article


@pytest.fixture(scope="module")
def embedder():
    return Embedder.load()


def analyse(nlp, texts: dict[str, tuple[str, str]]):
    """Analyses of one article per outlet: {outlet: (text, published)}."""
    from synopsis.extract.pipeline import analyze_articles

    articles = [make_article(outlet.lower(), outlet, text, published=published)
                for outlet, (text, published) in texts.items()]
    return list(analyze_articles(articles, nlp))


def linked(groups, first: str, second: str) -> bool:
    return any({first, second} <= set(g.article_ids) for g in groups)


def test_one_event_dated_a_day_apart_is_one_fact_and_its_day_and_numbers_are_disputed(nlp, embedder):
    """The wire dates the sentencing Sunday, the morning paper Monday (stamped before the paper's
    Monday had begun where the wire wrote): the leads align, the day is disputed, and what each goes
    on to say about that day (the sum to repay) is compared."""
    analyses = analyse(nlp, {
        "Alpha": ("A tribunal in Norvik on Sunday sentenced former harbour master Ivo Brandt to six years in prison "
                  "for fraud. Judge Mara Olsen also ordered Brandt to repay 3.6 million crowns.",
                  "2027-03-14T15:10:00"),
        "Bravo": ("A tribunal in Norvik on Monday sentenced Ivo Brandt, the former harbour master, to six years in "
                  "prison for fraud. Judge Olsen ordered Brandt to repay 1.8 million crowns.",
                  "2027-03-15T07:40:00"),
    })
    candidates = score_candidates(analyses, embedder)
    groups = align_claims(analyses, embedder, candidates=candidates)
    assert linked(groups, "alpha", "bravo")
    disputes = find_disputes(groups, analyses, day_rivals=day_rivals(analyses, candidates))
    versions = {d.kind: sorted(v.value for v in d.versions) for d in disputes}
    assert versions.get("date") == ["Monday", "Sunday"]
    assert versions.get("count") == ["1.8 million", "3.6 million"]


@pytest.mark.parametrize(("first", "second"), [
    # Two days of one summit, told alike but for what was discussed.
    ("European leaders met in Valletta on Monday to discuss fishing quotas and port fees.",
     "European leaders met in Valletta on Tuesday to discuss migration routes and border patrols."),
    # A hearing one day and the verdict the next: the same court and defendant, another happening.
    ("The court in Norvik heard closing arguments in the trial of Ivo Brandt on Monday.",
     "The court in Norvik sentenced Ivo Brandt to six years in prison on Tuesday."),
])
def test_two_events_on_consecutive_days_stay_apart(nlp, embedder, first, second):
    analyses = analyse(nlp, {"Alpha": (first, "2027-03-17T09:00:00"), "Bravo": (second, "2027-03-17T10:00:00")})
    groups = align_claims(analyses, embedder)
    assert not linked(groups, "alpha", "bravo")
    assert [d for d in find_disputes(groups, analyses) if d.kind == "date"] == []

