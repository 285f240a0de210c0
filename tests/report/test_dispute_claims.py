"""Which sentences of a disputed claim take which version of a disputed point."""

import dataclasses

import pytest

from synopsis.records import ArticleAnalysis, Dispute, DisputeVersion, Story, StoryReport
from synopsis.report.dispute_claims import claims_by_point, describe_side
from synopsis.report.markdown import render_markdown
from tests.factories import evidence_for, make_article, make_claim

A = "Defence Minister Pavlo Marko led the delegation."
B = "Defence Minister Petro Marko led the delegation."
C = "Marko led the delegation, officials said."


def _report(kind: str, what: str, first: str, second: str):
    a = ArticleAnalysis(article=make_article("aaaa1111", "Outlet A", A))
    b = ArticleAnalysis(article=make_article("bbbb2222", "Outlet B", B))
    c = ArticleAnalysis(article=make_article("cccc3333", "Outlet C", C))
    ev_a, ev_b, ev_c = evidence_for(a, A), evidence_for(b, B), evidence_for(c, C)
    dispute = Dispute(
        what=what,
        kind=kind,
        versions=(
            DisputeVersion(first, first, ("Outlet A",), (ev_a,)),
            DisputeVersion(second, second, ("Outlet B",), (ev_b,)),
        ),
        explanation=f"Outlet A says {first}; Outlet B says {second}.",
    )
    claim = make_claim("c1", "disputed", [ev_a, ev_b, ev_c])
    report = StoryReport(
        story=Story("s1", "Talks", ("aaaa1111", "bbbb2222", "cccc3333")), sources=(), entities=(),
        claims=(claim,), disputes=(dispute,), quotes=(), timeline=(), coverage=(), brief=(),
    )
    return report, ev_c


@pytest.mark.parametrize(
    "kind, what, first, second",
    [
        ("name", "first name of Pavlo Marko", "Pavlo Marko", "Petro Marko"),
        ("title", "Pavlo Marko's office", "Defence Minister", "Council Secretary"),
    ],
)
def test_a_sentence_with_only_the_surname_takes_no_side_in_a_name_dispute(kind, what, first, second):
    report, surname_only = _report(kind, what, first, second)
    (facts,), unreached = claims_by_point(report)
    assert not unreached
    (fact,) = facts
    # The sentence writing only "Marko" gives neither first name (nor any office): it is not
    # listed as a sentence that "gives none of the versions".
    assert [side.evidence.outlet for side in fact.sides] == ["Outlet A", "Outlet B"]
    assert all(side.evidence != surname_only for side in fact.sides)
    assert "gives none of the versions" not in render_markdown([report])


def test_a_sentence_without_the_disputed_figure_is_still_shown():
    report, other = _report("duration", "duration of the talks", "an hour", "three hours")
    (facts,), _ = claims_by_point(report)
    (fact,) = facts
    side = next(side for side in fact.sides if side.evidence == other)
    assert describe_side(side, report.disputes[0]) == "gives none of the versions"


def test_a_claim_is_shown_under_a_point_in_a_sentence_that_gives_a_version():
    # The claim is worded by Outlet C's sentence, which names no office; under the office dispute
    # it is shown in the first of its sentences that gives one.
    report, _ = _report("title", "Pavlo Marko's office", "Defence Minister", "Council Secretary")
    report = dataclasses.replace(report, claims=(dataclasses.replace(report.claims[0], text=C),))
    (facts,), _ = claims_by_point(report)
    assert facts[0].text == A
    markdown = render_markdown([report])
    assert f"- {A} (`c1`)" in markdown and f"- {C} (`c1`)" not in markdown


def test_a_sentence_cut_from_a_longer_quotation_is_listed_with_its_marks_balanced():
    first = '"The pier cannot be saved. We will build a new one," Ilse Marend said.'
    second = '"The pier cannot be saved," Pavel Ostrik said.'
    a = ArticleAnalysis(article=make_article("aaaa1111", "Outlet A", first))
    b = ArticleAnalysis(article=make_article("bbbb2222", "Outlet B", second))
    ev_a, ev_b = evidence_for(a, '"The pier cannot be saved.'), evidence_for(b, second)
    dispute = Dispute(
        what="speaker of the quotation", kind="speaker",
        versions=(DisputeVersion("Ilse Marend", "Ilse Marend", ("Outlet A",), (ev_a,)),
                  DisputeVersion("Pavel Ostrik", "Pavel Ostrik", ("Outlet B",), (ev_b,))),
        explanation="Outlet A gives it to Ilse Marend; Outlet B gives it to Pavel Ostrik.",
    )
    report = StoryReport(
        story=Story("s1", "Pier", ("aaaa1111", "bbbb2222")), sources=(), entities=(),
        claims=(make_claim("c1", "disputed", [ev_a, ev_b]),), disputes=(dispute,), quotes=(), timeline=(),
        coverage=(), brief=(),
    )
    ((fact,),), _ = claims_by_point(report)
    assert fact.text == '"The pier cannot be saved."'
