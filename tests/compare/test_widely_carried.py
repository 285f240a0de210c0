"""Facts most outlets carry from one original report: an outlet that does not tell one leaves it out."""

from synopsis.compare.coverage import describe_coverage
from synopsis.records import ArticleAnalysis
from synopsis.report.render import describe_omissions
from tests.factories import evidence_for, make_article, make_claim

CAUSE = "A fallen power line started the blaze near the ridge road."
SHELTER = "A shelter for evacuees opened in the sports hall."


def _article(article_id: str, outlet: str, text: str, published: str) -> ArticleAnalysis:
    return ArticleAnalysis(article=make_article(article_id, outlet, text, published=published))


def test_an_outlet_leaves_out_what_most_outlets_carry_from_one_original():
    wire = _article("w", "Ridge Wire", f"{CAUSE} {SHELTER}", "2025-08-11T09:00:00+00:00")
    # Two rewrites of the wire: with it, three of the story's five outlets, one witness.
    first = _article("a", "Valley Today", f"{CAUSE} {SHELTER}", "2025-08-11T13:00:00+00:00")
    second = _article("b", "Hill Radio", f"{CAUSE} Crews worked overnight.", "2025-08-11T15:00:00+00:00")
    later = _article("d", "Highland Post", "Residents fled overnight as the flames spread.", "2025-08-12T16:00:00+00:00")
    # Out before any report of the cause: no outlet could tell it then.
    earlier = _article("e", "Morning Sheet", "Smoke rose above the ridge on Sunday.", "2025-08-10T18:00:00+00:00")
    cause = make_claim("cause", "single-source", [evidence_for(x, CAUSE) for x in (wire, first, second)])
    # Two outlets of five, one witness: the wire's report, not the story's.
    shelter = make_claim("shelter", "single-source", [evidence_for(x, SHELTER) for x in (wire, first)])
    coverage = {c.outlet: c.omits for c in describe_coverage([wire, first, second, later, earlier], [cause, shelter])}
    assert coverage["Highland Post"] == ("cause",)
    assert coverage["Morning Sheet"] == ()
    assert coverage["Ridge Wire"] == coverage["Hill Radio"] == ()


def test_the_report_counts_corroborated_and_widely_carried_omissions_apart():
    wire = _article("w", "Ridge Wire", f"{CAUSE} {SHELTER}", "2025-08-11T09:00:00+00:00")
    cause = make_claim("cause", "single-source", [evidence_for(wire, CAUSE)])
    shelter = make_claim("shelter", "corroborated", [evidence_for(wire, SHELTER)])
    assert describe_omissions(("shelter",), [cause, shelter]) == "1 corroborated fact"
    assert describe_omissions(("cause",), [cause, shelter]) == "1 fact most outlets carry from one original report"
    assert describe_omissions(("shelter", "cause"), [cause, shelter]) == (
        "1 corroborated fact and 1 fact most outlets carry from one original report")
