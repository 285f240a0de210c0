"""Sums of money a lead states (what a heist took, what a contract is worth) and the rules that keep
two look-alike events of very different sums apart: a damping for a pair of reports, a group rule
for the tree cut."""

from __future__ import annotations

import dataclasses

import pytest

import synopsis.link.events as events
from synopsis.link.events import AMOUNT_CONFLICT_FACTOR, amount_conflict, compare_events, explain_events, lead_sums
from synopsis.link.groups_apart import why_apart
from synopsis.link.stories import describe_events
from tests.factories import EVENT_BASE as BASE
from tests.factories import analyze_rows, assert_stories_batch_and_stream
from tests.factories import event_profile as _profile
from tests.factories import unit_vector as _unit


def _report(aid: str, seed: int, numbers: set[str]):
    shared = dict(names={"veltano", "dravos"}, cast={"veltano", "dravos", "rue salm"})
    return dataclasses.replace(_profile(aid, _unit(seed, BASE, 0.01), **shared), numbers=frozenset(numbers))


def test_lead_sums_keeps_money_by_currency_and_drops_counts_and_cut_sums():
    numbers = frozenset({"8.5e+07 EUR", "1.08e+08 USD", "137 USD", "12 people", "40 minute"})
    assert lead_sums(numbers) == {"EUR": (8.5e7,), "USD": (1.08e8,)}


@pytest.mark.parametrize(
    ("mine", "theirs", "conflict"),
    [
        ({"8.5e+07 EUR"}, {"2e+06 EUR"}, True),  # two heists: 85 million against 2 million
        ({"8.5e+07 EUR"}, {"8e+07 EUR"}, False),  # one heist, rounded by two outlets
        ({"8.5e+07 EUR"}, {"2.6e+06 USD"}, False),  # other currencies: rates are not in the text
        ({"8.5e+07 EUR", "2e+06 EUR"}, {"2e+06 EUR"}, False),  # a lead recalling the other sum
        ({"8.5e+07 EUR"}, {"150 EUR", "12 people"}, False),  # a small sum says nothing
        ({"8.5e+07 EUR"}, set(), False),
    ],
)
def test_sums_in_one_currency_far_apart_conflict(mine, theirs, conflict):
    assert (amount_conflict(_report("a", 2, mine), _report("b", 3, theirs)) is not None) == conflict


def test_reports_stating_sums_far_apart_are_damped_and_told_why():
    big = _report("a", 2, {"8.5e+07 EUR"})
    small = _report("b", 3, {"2e+06 EUR"})
    unstated = _report("c", 3, set())
    assert compare_events(big, small) == pytest.approx(AMOUNT_CONFLICT_FACTOR * compare_events(big, unstated))
    why = explain_events(big, small)
    assert [m for m, _ in why.rules] == [AMOUNT_CONFLICT_FACTOR]
    assert "85 million EUR / 2 million EUR" in why.rules[0][1]


def test_groups_mostly_stating_sums_far_apart_are_other_events():
    big = [_report(f"a{n}", 10 + n, {"8.5e+07 EUR"} if n < 2 else set()) for n in range(4)]
    small = [_report(f"b{n}", 20 + n, {"2e+06 EUR"} if n < 2 else set()) for n in range(4)]
    assert why_apart(big, small) == "their leads state sums of money far apart (85 million EUR / 2 million EUR)"
    # A single report on each side is too thin to speak for its group.
    assert why_apart(big[1:], small[1:]) is None
    # Reports of one event, one lead stating another sum (a salary beside the contract's total).
    same = [_report(f"c{n}", 30 + n, {"8e+07 EUR"} if n else {"1e+07 EUR"}) for n in range(4)]
    assert why_apart(big, same) is None


# Two jewel heists on one street of one city, five years apart, told in the same words by outlets
# that give no publication date: only what each took tells them apart.
HEISTS = [
    ("h1a", "Armed robbers empty Veltano jewellers in Dravos", "Armed robbers stole diamonds worth 85 million euros from the Veltano jewellery store on Rue Salm in Dravos, police said. Four men, two dressed as women, threatened staff with guns and fled in a waiting car.", None),
    ("h1b", "Gang disguised as women raids Veltano store", "A gang of four robbers, two of them disguised as women, raided the Veltano jewellery store on Rue Salm in Dravos and escaped with gems worth 85 million euros, police said. Staff were threatened with guns.", None),
    ("h1c", "Robbers in drag raid Dravos jewellers", "Robbers disguised as women stole rings, necklaces and watches from the Veltano jewellery store on Rue Salm in Dravos, police said. The four men threatened staff with guns before fleeing.", None),
    ("h2a", "Robbers ram car into Veltano jewellers in Dravos", "Robbers rammed a car into the Veltano jewellery store on Rue Salm in Dravos and escaped with jewels worth 2 million euros, police said. Three men smashed display cases and fled in a waiting car.", None),
    ("h2b", "Smash-and-grab raid on Veltano store", "Three robbers smashed their way into the Veltano jewellery store on Rue Salm in Dravos and took jewels worth 2 million euros, police said. They threatened staff and escaped by car.", None),
    ("h2c", "Dravos jewellers hit by robbers", "Robbers smashed display cases at the Veltano jewellery store on Rue Salm in Dravos and took rings and watches, police said. The three men threatened staff before fleeing by car.", None),
]


def test_two_heists_of_one_store_with_other_sums_are_two_stories(nlp):
    analyses = analyze_rows(HEISTS, nlp)
    profiles = describe_events(analyses)
    assert lead_sums(profiles[0].numbers) == {"EUR": (8.5e7,)} and lead_sums(profiles[3].numbers) == {"EUR": (2e6,)}
    assert_stories_batch_and_stream(
        analyses, {frozenset({"h1a", "h1b", "h1c"}), frozenset({"h2a", "h2b", "h2c"})}
    )
