"""Disputes on values read by the real extractor from our own sentences: bounds and the figures
they may round, values fitting two versions, and each side's share against the whole."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.records import ArticleAnalysis
from tests.compare.dispute_builders import Q, S, build, extracted


QUOTA_DAY = "Delegations met in Geneva on March 3."


def _quota_story(nlp, alpha: str, bravo: str) -> tuple[list[list[tuple[str, int]]], list[ArticleAnalysis]]:
    """Two outlets' quota sentences, extracted, with the claims that state a number aligned as one group."""
    analyses = extracted(nlp, {"Alpha": f"{QUOTA_DAY} {alpha}", "Bravo": f"{QUOTA_DAY} {bravo}"})
    group = [(a.article.id, next(i for i, c in enumerate(a.claims) if c.quantities)) for a in analyses]
    return [group], analyses


def test_extracted_comparative_bound_agrees_with_more_than(nlp) -> None:
    """"larger than 15 percent" is the lower bound "more than 15 percent" is, not exactly 15."""
    groups, analyses = _quota_story(nlp, "The envoy would reject any quota cut larger than 15 percent.",
                                    "The envoy would reject any quota cut of more than 15 percent.")
    assert find_disputes(groups, analyses) == []


def test_extracted_comparative_bound_is_shown_as_written(nlp) -> None:
    groups, analyses = _quota_story(nlp, "The envoy would reject any quota cut larger than 15 percent.",
                                    "The envoy would reject any quota cut of 10 percent.")
    [dispute] = find_disputes(groups, analyses)
    assert sorted(v.value for v in dispute.versions) == ["10 percent", "larger than 15 percent"]


def test_extracted_figure_agrees_with_a_bound_it_may_be_a_rounding_of(nlp) -> None:
    """"15 percent" as written may be 15.2 percent: not a dispute with "more than 15 percent"."""
    groups, analyses = _quota_story(nlp, "The envoy would reject any quota cut of 15 percent.",
                                    "The envoy would reject any quota cut of more than 15 percent.")
    assert find_disputes(groups, analyses) == []
    assert find_disputes([], analyses) == []


def test_extracted_figure_disputes_a_bound_beyond_its_rounding(nlp) -> None:
    groups, analyses = _quota_story(nlp, "The envoy would reject any quota cut of 15 percent.",
                                    "The envoy would reject any quota cut of more than 16 percent.")
    [dispute] = find_disputes(groups, analyses)
    assert sorted(v.value for v in dispute.versions) == ["15 percent", "more than 16 percent"]


def test_extracted_small_count_disputes_more_than_itself(nlp) -> None:
    """Two climbers killed are two, not "more than two": a count of few things is not rounded."""
    groups, analyses = _quota_story(nlp, "Two climbers were killed in the avalanche.",
                                    "More than two climbers were killed in the avalanche.")
    [dispute] = find_disputes(groups, analyses)
    assert sorted(v.value for v in dispute.versions) == ["More than two", "Two"]


def test_extracted_distances_in_different_units_are_compared(nlp) -> None:
    """"3.2 km" and "3,200 metres" are one length; "4,500 metres" is another."""
    groups, analyses = _quota_story(nlp, "The new tunnel is 3.2 km long.", "The new tunnel is 3,200 metres long.")
    assert find_disputes(groups, analyses) == []
    groups, analyses = _quota_story(nlp, "The new tunnel is 3.2 km long.", "The new tunnel is 4,500 metres long.")
    [dispute] = find_disputes(groups, analyses)
    assert sorted(v.value for v in dispute.versions) == ["3.2 km", "4,500 metres"]


def test_a_value_that_fits_both_versions_takes_neither_side() -> None:
    # "At least 10" fits 12 and 19: counted with 12, it made that version look better attested.
    def killed(outlet: str, text: str, value: float, qualifier: str | None = None) -> ArticleAnalysis:
        number = text.split(" people")[0].split("killed ")[-1]
        return build(outlet, [S(text, [Q(number, value, counted="people", predicate="kill", qualifier=qualifier)])])

    analyses = [
        killed("Alpha", "The ferry accident killed 12 people on the lake.", 12),
        killed("Bravo", "The ferry accident killed 12 people near the pier.", 12),
        killed("Charlie", "The ferry accident killed 19 people on the lake.", 19),
        killed("Delta", "The ferry accident killed at least 10 people on the lake.", 10, qualifier="at least"),
    ]
    [dispute] = find_disputes([], analyses)
    assert {v.normalized: v.sources for v in dispute.versions} == {"12": ("Alpha", "Bravo"), "19": ("Charlie",)}
    assert dispute.explanation.endswith("Delta's “at least 10” fits both versions.")


def test_a_value_set_aside_names_only_the_versions_it_fits() -> None:
    # "At least 15" fits 19 and 30, not 12: the note must not say it fits every version.
    def killed(outlet: str, text: str, value: float, qualifier: str | None = None) -> ArticleAnalysis:
        number = text.split(" people")[0].split("killed ")[-1]
        return build(outlet, [S(text, [Q(number, value, counted="people", predicate="kill", qualifier=qualifier)])])

    analyses = [
        killed("Alpha", "The ferry accident killed 12 people on the lake.", 12),
        killed("Bravo", "The ferry accident killed 12 people near the pier.", 12),
        killed("Charlie", "The ferry accident killed 19 people on the lake.", 19),
        killed("Echo", "The ferry accident killed 30 people on the lake.", 30),
        killed("Delta", "The ferry accident killed at least 15 people on the lake.", 15, qualifier="at least"),
    ]
    [dispute] = find_disputes([], analyses)
    assert {v.normalized: v.sources for v in dispute.versions} == {"12": ("Alpha", "Bravo"), "19": ("Charlie",),
                                                                     "30": ("Echo",)}
    assert dispute.explanation.endswith("Delta's “at least 15” fits the “19” and “30” versions.")


@pytest.mark.parametrize(
    "alpha, bravo, versions",
    [
        # A share and the whole of two shares, or the same share, are one figure.
        ("The sides agreed to exchange 1,200 prisoners from each side.", "The sides agreed to exchange 2,400 prisoners.", None),
        ("The sides agreed to exchange over 1,200 prisoners from each side.",
         "The sides agreed to exchange more than 2,400 prisoners.", None),
        ("The sides agreed to exchange 1,200 prisoners from each side.",
         "The sides agreed to exchange about 2,400 prisoners.", None),
        ("The two sides agreed to exchange 1,200 prisoners each.", "The sides agreed to exchange 2,400 prisoners.", None),
        ("The sides agreed to exchange 1,200 prisoners from each side.",
         "The sides agreed to exchange 1,200 prisoners each.", None),
        # Neither the share nor a whole of it, or another share: shown as a share.
        ("The sides agreed to exchange 1,200 prisoners from each side.", "The sides agreed to exchange 1,500 prisoners.",
         ["1,200 each", "1,500"]),
        ("The sides agreed to exchange 1,200 prisoners from each side.",
         "The sides agreed to exchange 1,000 prisoners each.", ["1,000 each", "1,200 each"]),
    ],
)
def test_extracted_share_is_compared_with_shares_and_wholes(nlp, alpha: str, bravo: str,
                                                           versions: list[str] | None) -> None:
    """"1,200 from each side" is 1,200 each of two sides: never a dispute with the 2,400 they make."""
    groups, analyses = _quota_story(nlp, alpha, bravo)
    for found in (find_disputes(groups, analyses), find_disputes([], analyses)):
        if versions is None:
            assert found == []
        else:
            [dispute] = found
            assert sorted(v.value for v in dispute.versions) == versions


def test_vote_splits_told_in_unaligned_sentences_are_disputed_as_one_value(nlp) -> None:
    """"voted seven to two" and "split six votes to three" are two versions of one vote, though the
    sentences say other things besides and alignment keeps them apart (QA: the 7-2 / 6-3 dispute was
    missed, the Clarion's "six" a bare count of votes); "7-2 vote" agrees with seven to two, and a
    match score in the same story is no version of it."""
    analyses = extracted(nlp, {
        "Alpha": "The bank cut its main rate to 4.75% on Wednesday. The monetary policy committee voted seven to two "
                 "for the cut.",
        "Bravo": "The bank slashed rates on Wednesday. Its committee cut the main rate to 4.75 per cent, even though "
                 "the committee split six votes to three on the decision.",
        "Charlie": "Dinamo won 3-1 at home. The bank cut its rate in a 7-2 vote on Wednesday.",
    })
    splits = [d for d in find_disputes([], analyses) if d.what.startswith("vote split")]
    assert len(splits) == 1
    assert sorted((v.normalized, v.sources) for v in splits[0].versions) == [
        ("6–3", ("Bravo",)), ("7–2", ("Alpha", "Charlie"))]


def test_votes_of_two_bodies_are_no_versions_of_one_vote(nlp) -> None:
    """A committee's 9-4 and parliament's 212-150 on one day are two votes, each outlet giving both;
    two splits of the committee's vote are still a dispute, and a split told by sides ("nine
    members voted in favour and four against") is a version of it."""
    two_votes = extracted(nlp, {
        "Alpha": "Lawmakers approved the budget on Tuesday. The finance committee voted nine to four for the bill "
                 "on Tuesday, and parliament passed it by 212 votes to 150 hours later.",
        "Bravo": "The budget passed on Tuesday. Parliament approved it 212 to 150 on Tuesday after the committee "
                 "backed it 9-4.",
    })
    assert [d for d in find_disputes([], two_votes) if d.what.startswith("vote split")] == []
    one_vote = extracted(nlp, {
        "Alpha": "The budget passed on Tuesday. Nine committee members voted in favour and four against.",
        "Bravo": "The budget passed on Tuesday. The committee voted 8-5 for the bill.",
    })
    [split] = [d for d in find_disputes([], one_vote) if d.what.startswith("vote split")]
    assert split.what.startswith("vote split of the committee")
    assert sorted((v.normalized, v.sources) for v in split.versions) == [("8–5", ("Bravo",)), ("9–4", ("Alpha",))]


def test_counts_on_board_are_counts_carried(nlp) -> None:
    """"with nearly 190 passengers on board, was flying" counts what the plane carried, as
    "carrying 186 passengers" does: it agrees with 186, and with "192 people on board" (186
    passengers and six crew); a plane said to carry 150 passengers disputes it."""
    flying = "The Airbus, with nearly 190 passengers on board, was flying to Warsaw on Monday when it hit turbulence."
    agree = extracted(nlp, {
        "Alpha": flying,
        "Bravo": "The Airbus A321, carrying 186 passengers and six crew, hit turbulence on Monday.",
        "Charlie": "The flight, with 192 people on board, was heading to Warsaw on Monday when it hit turbulence.",
    })
    assert find_disputes([], agree) == []
    differ = extracted(nlp, {"Alpha": flying,
                             "Bravo": "The aircraft was carrying 150 passengers on Monday when it hit turbulence."})
    [dispute] = find_disputes([], differ)
    assert sorted(v.sources for v in dispute.versions) == [("Alpha",), ("Bravo",)]
