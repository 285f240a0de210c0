"""Counts that sources estimate apart (a protest's crowd, the share of a workforce on strike), read
by the real extractor from our own sentences: one measure whatever the verb, versions kept with
whom each outlet gives them to, and the brief states the point as disputed, never one side."""

from __future__ import annotations

from synopsis.compare.dispute_facts import collect_facts
from synopsis.compare.disputes import find_disputes
from tests.compare.dispute_builders import extracted

POLICE_AND_ORGANISERS = ("Police said about 8,000 people took part in the march through Corvanto on Saturday. "
                         "The organisers, the Clean Air Alliance, put the figure at 30,000.")
ORGANISERS_AND_POLICE = ("Some 30,000 people marched through Corvanto on Saturday, according to the Clean Air "
                         "Alliance. Police estimated the crowd at 8,000.")


def _versions(dispute) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((v.value, v.sources, tuple(g.lower() for g in v.given_by)) for v in dispute.versions)


def test_police_and_organisers_estimates_are_versions_of_one_crowd(nlp) -> None:
    """Each outlet gives both estimates, each as its source's: neither outlet disagrees with itself,
    and the versions are the police's and the organisers', whichever verb or noun each uses."""
    analyses = extracted(nlp, {"Alpha": POLICE_AND_ORGANISERS, "Bravo": ORGANISERS_AND_POLICE})
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("crowd size")
    versions = _versions(dispute)
    assert [(value, sources) for value, sources, _ in versions] == [
        ("30,000 / Some 30,000", ("Alpha", "Bravo")), ("about 8,000 / 8,000", ("Alpha", "Bravo"))]
    assert [tuple(sorted(givers)) for _, _, givers in versions] == [("clean air alliance", "organisers"), ("police",)]
    assert "according to" in dispute.explanation


def test_one_source_updating_its_count_is_no_dispute(nlp) -> None:
    """A running count ("had grown to 12,000 by evening") updates the source's earlier figure: the
    outlet is on neither side, and the other outlet's 12,000 agrees with the update."""
    analyses = extracted(nlp, {
        "Alpha": ("Police said 5,000 protesters had gathered in Corvanto by noon on Saturday. "
                  "By evening the crowd had grown to 12,000, police said."),
        "Bravo": "Police said 12,000 protesters gathered in Corvanto on Saturday.",
    })
    assert find_disputes([], analyses) == []


def test_hedges_of_one_figure_agree_and_another_figure_does_not(nlp) -> None:
    """"about 8,000" and "some 8,000" are one estimate; "about 8,000" and "about 10,500" are two,
    though 15 % either side of each they overlap."""
    def story(first: str, second: str):
        return extracted(nlp, {
            "Alpha": f"Police said {first} people took part in the march through Corvanto on Saturday.",
            "Bravo": f"Police said {second} people joined the march through Corvanto on Saturday.",
        })

    assert find_disputes([], story("about 8,000", "some 8,000")) == []
    [dispute] = find_disputes([], story("about 8,000", "about 10,500"))
    assert sorted(v.value for v in dispute.versions) == ["about 10,500", "about 8,000"]


def test_protesters_counted_for_what_happened_to_them_are_no_crowd(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": "Police said 40 protesters were arrested in Corvanto on Saturday.",
        "Bravo": "Police said 46 protesters were arrested in Corvanto on Saturday.",
    })
    [dispute] = find_disputes([], analyses)
    assert not dispute.what.startswith("crowd size")
    assert all(not v.given_by for v in dispute.versions)


def test_protesters_taken_into_custody_are_no_rival_estimate_of_the_crowd(nlp) -> None:
    """"took 2,000 protesters into custody" counts those held, not those there ("took" reads as a
    verb of winning, which nothing happened to): it is no version of the crowd of 15,000."""
    analyses = extracted(nlp, {
        "Alpha": "Police took 2,000 protesters into custody in Corvanto on Saturday.",
        "Bravo": "Police said 15,000 protesters gathered in Corvanto on Saturday.",
    })
    crowds = [(f.outlet, f.values) for f in collect_facts(analyses, {}) if f.kind == "count" and f.key == ("attend",)]
    assert crowds == [("Bravo", ["15,000"])]


def test_union_and_government_shares_of_a_strike_are_versions_of_one_measure(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": ("Nurses across Veloria walked out on Monday. The health ministry said 35 percent of nurses "
                  "had joined the strike. The nurses' union said 80 percent had stopped work."),
        "Bravo": "Nurses across Veloria walked out on Monday. The nurses' union said 80 percent of nurses had joined the strike.",
    })
    [dispute] = find_disputes([], analyses)
    versions = _versions(dispute)
    assert [(value, sources) for value, sources, _ in versions] == [
        ("35 percent", ("Alpha",)), ("80 percent", ("Alpha", "Bravo"))]
    assert [givers for _, _, givers in versions] == [("the health ministry",), ("the nurses' union",)]
    assert dispute.what.startswith("share taking part on ")


def test_the_brief_gives_every_estimate_with_its_source_and_never_one_alone(nlp) -> None:
    from synopsis.compare.story import build_story_report
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.records import Story
    from tests.factories import make_article

    texts = {
        "a": ("Wire A", "Thousands marched through Corvanto on Saturday to demand cleaner air. " + POLICE_AND_ORGANISERS),
        "b": ("Paper B", "Thousands marched through Corvanto on Saturday to demand cleaner air. " + ORGANISERS_AND_POLICE),
        "c": ("Paper C", "Thousands marched through Corvanto on Saturday to demand cleaner air. "
                         "Police said about 8,000 people joined the march."),
    }
    articles = [make_article(key, outlet, text, published="2026-03-08T18:00:00") for key, (outlet, text) in texts.items()]
    analyses = list(analyze_articles(articles, nlp))
    report = build_story_report(Story("s", "t", tuple(a.article.id for a in analyses)), analyses)
    [point] = [s for s in report.brief if s.text.startswith("Accounts differ on crowd size")]
    assert "30,000" in point.text and "8,000" in point.text
    assert "8,000 / about 8,000 (police, per Paper B, Paper C, Wire A)" in point.text
    assert "Some 30,000 / 30,000 (Clean Air Alliance, organisers, per Paper B, Wire A)" in point.text
    # No other sentence of the brief states either figure as fact.
    others = [s.text for s in report.brief if s is not point]
    assert not any("8,000" in text or "30,000" in text for text in others)


def test_a_part_of_a_crowd_is_no_rival_estimate_of_it(nlp) -> None:
    """"9,000 visiting students" are some of the 31,000 another outlet counts, not another count of them."""
    def story(bravo: str):
        return extracted(nlp, {"Alpha": "Police said 31,000 people joined the march through Dunmere on Saturday.",
                               "Bravo": f"Some 9,000 {bravo} joined the march through Dunmere on Saturday."})

    assert find_disputes([], story("visiting students")) == []
    # Counted as the whole, the same figure is a rival estimate.
    [dispute] = find_disputes([], story("students"))
    assert dispute.what.startswith("crowd size")


def test_a_date_of_another_clause_does_not_date_a_turnout(nlp) -> None:
    """"said 41 percent were on strike and that talks would resume on March 20": March 20 is the
    talks' day, not the turnout's, which meets the same figure told undated."""
    analyses = extracted(nlp, {
        "Alpha": "The ministry said 41 percent of teachers had joined the strike.",
        "Bravo": "The federation said 88 percent of teachers had joined the strike.",
        "Charlie": "A ministry spokesman said 41 percent of teachers were on strike and that talks would resume on March 20.",
    })
    [dispute] = find_disputes([], analyses)
    assert {v.value: v.sources for v in dispute.versions} == {"41 percent": ("Alpha", "Charlie"),
                                                              "88 percent": ("Bravo",)}
