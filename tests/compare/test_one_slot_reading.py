"""Disputes (``dispute_facts.collect_facts``) and the test of other numbers (``other_numbers``) read
what a value is of the one way (``facts.measures.measure_at``), from our own sentences through the
real extractor: a report never disputes a value that the other test reads as something else."""

from __future__ import annotations

import pytest

from synopsis.compare.dispute_facts import collect_facts
from synopsis.compare.other_numbers import numbers_differ, numbers_incompatible, passage_amounts
from synopsis.facts.keys_money import TERM
from tests.compare.dispute_builders import extracted

SENTENCES = {
    "turnout": ("Turnout was 61.3 percent, the commission said on Sunday.", (None, "turnout")),
    "stake": ("Kestrel Foods took a 30 percent stake in Orvane Mills on Monday.", (None, "stake")),
    "shares": ("Kestrel Foods shares gained 4.1 percent on Monday.", (None, "shares rise")),
    "crowd": ("Police estimated the crowd at 8,000 on Saturday.", ("audience", "attend")),
    "jobs": ("Kestrel Foods said on Monday that it would cut about 1,200 jobs.", ("job", "job cut")),
    "fee": ("Dunmere Rovers signed Ilkka Varo on Friday for a fee of 40 million euros.", (None, "price")),
    "wind": ("Winds reached 140 km/h on the coast of Veloria on Tuesday.", (None, "wind speed")),
    "strike": ("The health ministry said 35 percent of nurses had joined the strike.", (None, "participation")),
    "term": ("Ilkka Varo signed a contract of three and a half years on Friday.", (None, f"{TERM} contract")),
}


def _fact_reading(fact) -> tuple[str | None, str | None]:
    if fact.kind == "count":
        return fact.noun, fact.key[0]
    if fact.kind == "duration":
        return None, f"{fact.key[1]} {fact.key[0]}"
    return None, fact.key[1]


@pytest.mark.parametrize("kind", sorted(SENTENCES))
def test_disputes_and_other_numbers_read_one_measure(nlp, kind) -> None:
    sentence, expected = SENTENCES[kind]
    [analysis] = extracted(nlp, {"Alpha": sentence})
    disputed = [_fact_reading(f) for f in collect_facts([analysis], {}) if f.kind in {"count", "amount", "duration"}]
    compared = [(c.noun, c.predicate) for c in passage_amounts(analysis, 0, len(analysis.article.text))]
    assert disputed == [expected]
    assert compared == [expected]


VOTES = {
    "committee 9-4": "The committee approved the fishing bill by a 9-4 vote on Tuesday.",
    "committee 8-5": "The committee approved the fishing bill by an 8-5 vote on Tuesday.",
    "parliament": "Parliament passed the fishing bill 212 to 150 on Tuesday.",
    "unnamed": "The fishing bill passed by a 212-150 vote on Tuesday.",
}


def test_a_vote_split_is_the_vote_of_the_body_its_dispute_slot_names(nlp) -> None:
    """Two bodies' votes are two numbers of two things, for the test of other numbers as for a
    dispute (``measure_at``'s noun): a committee's 9-4 and parliament's 212 to 150 are not one
    vote told otherwise; the committee's 9-4 and its 8-5 are, and an unnamed body's vote may be
    either's."""
    analyses = dict(zip(VOTES, extracted(nlp, VOTES)))
    numbers = {k: passage_amounts(a, 0, len(a.article.text)) for k, a in analyses.items()}
    disputed = {k: [f.noun for f in collect_facts([a], {}) if f.kind == "amount"] for k, a in analyses.items()}
    for named, body in (("committee 9-4", "committee"), ("committee 8-5", "committee"), ("parliament", "legislature")):
        assert [c.body for c in numbers[named]] == disputed[named] == [body]
    assert [c.body for c in numbers["unnamed"]] == [None]
    assert not numbers_incompatible(numbers["committee 9-4"], numbers["parliament"])
    assert not numbers_differ(numbers["committee 9-4"], numbers["parliament"])
    assert numbers_incompatible(numbers["committee 9-4"], numbers["committee 8-5"])
    assert numbers_incompatible(numbers["committee 9-4"], numbers["unnamed"])
