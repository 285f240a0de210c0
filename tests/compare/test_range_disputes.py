"""Ranges and hedged values in disputes: "40-50 minutes" is one interval, a value inside a range
agrees with it and one outside is disputed (hand-built and extracted analyses from fictional
outlets; our own sentences, no corpus text)."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.records import ArticleAnalysis
from tests.compare.dispute_builders import MET, Q, S, T, build, extracted


def _hyphen_range(outlet: str) -> ArticleAnalysis:
    # How the extractor reads "40-50 minutes": two durations, "at least 40" and "at most 50".
    return build(outlet, [MET, S("The meeting lasted 40-50 minutes.", [
        T("40", "PT40M", "DURATION", "EQUAL_OR_MORE", "minute"), T("50 minutes", "PT50M", "DURATION", "EQUAL_OR_LESS", "minute")])])


def test_hyphenated_range_is_one_interval() -> None:
    analyses = [
        _hyphen_range("Alpha"),
        build("Bravo", [MET, S("The meeting lasted 45 minutes.", [Q("45 minutes", 45, "minute")])]),
        build("Charlie", [MET, S("The meeting lasted about three and a half hours.",
                                 [Q("about three and a half hours", 3.5, "hour", qualifier="about")])]),
    ]
    [dispute] = find_disputes([], analyses)
    ranges = {v.sources: v for v in dispute.versions}
    # 45 minutes lies inside 40-50 minutes: one version; three and a half hours does not.
    assert set(ranges) == {("Alpha", "Bravo"), ("Charlie",)}
    assert "[40, 50] min" in ranges[("Alpha", "Bravo")].normalized
    assert "∞" not in ranges[("Alpha", "Bravo")].normalized


@pytest.mark.parametrize(
    "first, second",
    [
        (Q("1,000 to 1,200", None, counted="prisoners", qualifier="range", low=1000, high=1200, predicate="exchange"),
         Q("1,200", 1200, counted="prisoners", predicate="exchange")),
        (Q("1,000 to 1,200", None, counted="prisoners", qualifier="range", low=1000, high=1200, predicate="exchange"),
         Q("more than 1,000", 1000, counted="prisoners", qualifier="more than", predicate="exchange")),
        (Q("up to 1,200", 1200, counted="prisoners", qualifier="up to", low=0, high=1200, predicate="exchange"),
         Q("1,100", 1100, counted="prisoners", predicate="exchange")),
    ],
)
def test_contained_or_overlapping_ranges_are_compatible(first: Q, second: Q) -> None:
    analyses = [
        build("Alpha", [S(f"The sides agreed to exchange {first.text} prisoners.", [first])]),
        build("Bravo", [S(f"The sides agreed to exchange {second.text} prisoners.", [second])]),
    ]
    assert find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses) == []
    assert find_disputes([], analyses) == []


def test_range_and_a_value_outside_it_are_disputed() -> None:
    analyses = [
        _hyphen_range("Alpha"),
        build("Bravo", [MET, S("The meeting lasted 20 minutes.", [Q("20 minutes", 20, "minute")])]),
    ]
    [dispute] = find_disputes([], analyses)
    assert {v.sources for v in dispute.versions} == {("Alpha",), ("Bravo",)}


def test_hedged_values_are_shown_with_their_hedge() -> None:
    """The extractor's span of "more than 1,200" may be "1,200": versions must not read alike."""
    analyses = [
        build("Alpha", [S("Officials said more than 1,200 prisoners were exchanged.",
                          [Q("1,200", 1200, counted="prisoners", qualifier="more than", predicate="exchange")])]),
        build("Bravo", [S("Officials said nearly 1,200 prisoners were exchanged.",
                          [Q("1,200", 1200, counted="prisoners", qualifier="nearly", predicate="exchange")])]),
    ]
    [dispute] = find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses)
    assert sorted(v.value for v in dispute.versions) == ["more than 1,200", "nearly 1,200"]


HYPHEN_SWAP = "Delegations met in Geneva on March 3. The sides agreed to exchange 1,000-1,200 prisoners."


def test_extracted_hyphenated_range_agrees_with_a_value_inside_it(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": HYPHEN_SWAP,
        "Bravo": "Delegations met in Geneva on March 3. The sides agreed to exchange 1,100 prisoners.",
    })
    (q,) = [q for q in analyses[0].quantities if q.counted == "prisoners"]
    assert (q.text, q.low, q.high) == ("1,000-1,200", 1000, 1200)
    assert find_disputes([], analyses) == []


def test_extracted_hyphenated_range_is_one_version_against_a_value_outside_it(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": HYPHEN_SWAP,
        "Bravo": "Delegations met in Geneva on March 3. The sides agreed to exchange 1,500 prisoners.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.kind == "count"
    versions = {v.sources: v for v in dispute.versions}
    assert set(versions) == {("Alpha",), ("Bravo",)}
    assert versions[("Alpha",)].value == "1,000-1,200"
    assert versions[("Bravo",)].value == "1,500"
    [evidence] = versions[("Alpha",)].evidence
    assert HYPHEN_SWAP[evidence.start:evidence.end] == evidence.text
    assert "1,000-1,200" in evidence.text


def test_extracted_hyphenated_duration_is_read_once_as_a_range(nlp) -> None:
    """"40-50 minutes" is now a quantity as well as two time expressions: still one [40, 50] value."""
    analyses = extracted(nlp, {
        "Alpha": "Delegations met in Geneva on March 3. The meeting lasted 40-50 minutes.",
        "Bravo": "Delegations met in Geneva on March 3. The meeting lasted 45 minutes.",
        "Charlie": "Delegations met in Geneva on March 3. The meeting lasted about three and a half hours.",
    })
    [dispute] = find_disputes([], analyses)
    versions = {v.sources: v for v in dispute.versions}
    assert set(versions) == {("Alpha", "Bravo"), ("Charlie",)}
    assert "[40, 50] min" in versions[("Alpha", "Bravo")].normalized
