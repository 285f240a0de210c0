"""Disputes on sums of money, percentages, terms of agreements and job cuts, read by the real
extractor from our own sentences; and the different things with money in one story that are no
dispute (a fee and a salary, revenue and profit, two years' figures, a currency conversion, "bn"
and "billion", a sum with add-ons and its total, an outlet's own two figures)."""

from __future__ import annotations

from synopsis.compare.consensus import find_disputed_groups
from synopsis.compare.disputes import find_disputes
from synopsis.link.align import ClaimGroup, ClaimMember
from tests.compare.dispute_builders import extracted

SIGNED = "Dunmere Rovers signed winger Ilkka Varo from Harven City on Friday for a fee of {} euros."
DEAL = "Kestrel Foods agreed on Monday to buy Orvane Mills for {}."


def _versions(dispute) -> dict[str, tuple[str, ...]]:
    return {v.value: v.sources for v in dispute.versions}


def test_two_fees_for_one_signing_are_disputed_even_far_apart(nlp) -> None:
    """A fee confused with an earlier one is several times off (40 / 9 million), still one fee."""
    analyses = extracted(nlp, {"Alpha": SIGNED.format("40 million"), "Bravo": SIGNED.format("9 million"),
                               "Charlie": "Dunmere Rovers paid 40 million euros for Varo, the club said on Friday."})
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("price in euros")
    assert _versions(dispute) == {"40 million euros": ("Alpha", "Charlie"), "9 million euros": ("Bravo",)}


def test_a_deal_value_in_bn_and_in_billion_is_one_version_and_another_value_disputes_it(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": DEAL.format("3.1 billion euros"), "Bravo": DEAL.format("€3.1bn"),
                               "Charlie": "Orvane agreed on Monday to a takeover by Kestrel in a deal worth 3.4 billion euros."})
    [dispute] = find_disputes([], analyses)
    # One reading, shown once; each wording is kept beside it.
    assert _versions(dispute) == {"3.1 billion euros": ("Alpha", "Bravo"), "3.4 billion euros": ("Charlie",)}
    assert dispute.versions[0].wordings == ("3.1 billion euros", "€3.1bn")
    assert all(v.note is None for v in dispute.versions)  # a price agreed is no update of an earlier report


def test_a_conversion_into_another_currency_is_no_dispute(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": DEAL.format("3.1 billion euros ($3.4 billion)"),
                               "Bravo": DEAL.format("€3.1bn ($3.4bn)"), "Charlie": DEAL.format("£2.7bn")})
    assert find_disputes([], analyses) == []


def test_a_fee_with_add_ons_agrees_with_its_total(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": SIGNED.format("40 million").replace(" euros.", " euros, plus up to 5 million euros in add-ons."),
        "Bravo": "Dunmere Rovers signed Varo on Friday in a €45million deal.",
        "Charlie": SIGNED.format("40 million").replace(" euros.", " euros, with a further 5 million euros in bonuses.")})
    assert find_disputes([], analyses) == []


def test_a_fee_and_a_salary_revenue_and_profit_are_different_values(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": SIGNED.format("40 million") + " Kestrel said on Monday that revenue rose 6 percent to 2.2 billion euros.",
        "Bravo": "Varo will earn about 90,000 euros a week at Dunmere, the club said on Friday. "
                 "Kestrel said on Monday that net profit rose 6 percent to 140 million euros.",
    })
    assert find_disputes([], analyses) == []


def test_figures_of_two_years_are_not_versions_of_one(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": "In 2025, Kestrel's revenue rose 6 percent to 2.2 billion euros.",
                               "Bravo": "In 2024, Kestrel's revenue rose 4 percent to 2.1 billion euros."})
    assert find_disputes([], analyses) == []


def test_an_outlet_that_gives_two_fees_does_not_dispute_itself(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": SIGNED.format("40 million") + " Harven City paid 9 million euros for Varo "
                                        "on Friday, a club official said.",
                               "Bravo": SIGNED.format("40 million")})
    assert find_disputes([], analyses) == []


def test_premiums_and_rises_in_percent_of_one_measure_are_disputed(nlp) -> None:
    premium = "Kestrel will pay 21.40 euros for each Orvane share, a premium of {} percent to the closing price."
    rise = " Kestrel said on Monday that fourth-quarter revenue rose {} to 2.2 billion euros."
    analyses = extracted(nlp, {"Alpha": premium.format(28) + rise.format("6 percent"),
                               "Bravo": premium.format(19) + rise.format("9pc"),
                               "Charlie": "Orvane shareholders get a 28 per cent premium."})
    disputes = {d.what.split(" on ")[0]: _versions(d) for d in find_disputes([], analyses)}
    assert disputes == {"premium": {"28 percent": ("Alpha", "Charlie"), "19 percent": ("Bravo",)},
                        "rise in revenue": {"6 percent": ("Alpha",), "9pc": ("Bravo",)}}


def test_the_day_of_the_price_a_premium_is_counted_from_does_not_date_the_premium(nlp) -> None:
    """"a premium to the closing price on Friday" (published the Wednesday after) is the deal's
    premium: it meets a premium told without that Friday, and the dispute is not dated to Friday."""
    premium = "Kestrel will pay 21.40 euros for each Orvane share, a premium of {} percent to {}."
    analyses = extracted(nlp, {"Alpha": premium.format(28, "Orvane's closing price on Friday"),
                               "Bravo": premium.format(19, "Friday's closing price"),
                               "Charlie": "Orvane shareholders get a 28 per cent premium."})
    [dispute] = find_disputes([], analyses)
    assert _versions(dispute) == {"28 percent": ("Alpha", "Charlie"), "19 percent": ("Bravo",)}
    assert "02-27" not in dispute.what


def test_a_rise_and_a_fall_of_two_companies_shares_are_no_rivals(nlp) -> None:
    shares = "Kestrel shares fell 3.5 percent by midday, while Orvane shares jumped {} percent."
    analyses = extracted(nlp, {"Alpha": shares.format(24), "Bravo": "Kestrel shares fell 3.5 percent by midday."})
    assert find_disputes([], analyses) == []


def test_contract_terms_are_disputed_and_an_age_is_no_term(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": "The 21-year-old winger signed a contract of three and a half years on Friday.",
        "Bravo": "The 21-year-old winger put pen to paper on a two-and-a-half-year contract on Friday.",
        "Charlie": "Varo joins on a contract that runs for three and a half years."})
    [dispute] = find_disputes([], analyses)
    assert dispute.what == "length of the contract"
    assert set(_versions(dispute)) == {"three and a half years", "two-and-a-half-year"}
    assert "lasted" not in dispute.explanation


def test_job_cuts_told_with_different_verbs_are_one_count(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": "The combined group will cut 900 jobs over two years.",
                               "Bravo": "Some 1,400 jobs will go at the combined group over two years.",
                               "Charlie": "Up to 1,400 workers face losing their jobs at the combined group."})
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("number of jobs cut")
    assert _versions(dispute)["900"] == ("Alpha",)


def test_an_approximate_and_an_upper_bound_that_overlap_agree(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": "The combined group will cut about 900 jobs.",
                               "Bravo": "Up to 1,000 workers face losing their jobs at the combined group."})
    assert find_disputes([], analyses) == []


def test_a_report_giving_another_premium_does_not_corroborate_the_fact(nlp) -> None:
    """Aligned as one fact, a sentence with another figure for the measure is a version of the
    dispute: the group is disputed, not corroborated."""
    premium = "Kestrel will pay 21.40 euros for each Orvane share, a premium of {} percent to the closing price."
    analyses = extracted(nlp, {"Alpha": premium.format(28), "Bravo": premium.format(19)})
    members = tuple(ClaimMember(a.article.id, 0, a.claims[0].text, a.claims[0].start, a.claims[0].end)
                    for a in analyses)
    group = ClaimGroup("g-premium", members, 0, members[0].text, 1.0)
    disputes = find_disputes([group], analyses)
    assert find_disputed_groups([group], disputes) == {"g-premium"}


def test_a_percentage_naming_its_measure_is_no_share_won_whatever_the_verb(nlp) -> None:
    """"took a 30 percent stake" and "gained 4.1 percent" name a stake and a rise in shares: read by
    their verbs of winning, they were each a share won by the company and met no other outlet's."""
    analyses = extracted(nlp, {
        "Alpha": "Kestrel Foods took a 30 percent stake in Orvane Mills on Monday. Kestrel Foods shares gained 4.1 percent.",
        "Bravo": "Kestrel Foods bought a 20 percent stake in Orvane Mills on Monday. Kestrel Foods shares rose 2.5 percent.",
    })
    disputes = {d.what.split(" on ")[0]: _versions(d) for d in find_disputes([], analyses)}
    assert disputes == {"stake": {"30 percent": ("Alpha",), "20 percent": ("Bravo",)},
                        "rise in share price": {"4.1 percent": ("Alpha",), "2.5 percent": ("Bravo",)}}


CROWN = "The Norvan crown {} against the dollar after the announcement."


def test_a_currency_move_told_with_different_verbs_is_one_value(nlp) -> None:
    """"fell 1.2%" / "crashed almost 2 per cent" / "slipped 1.2 per cent" of one currency are
    versions of its fall, whatever the verb; each sentence names the currency."""
    analyses = extracted(nlp, {"Alpha": CROWN.format("fell 1.2%"), "Bravo": CROWN.format("crashed almost 2 per cent"),
                               "Charlie": CROWN.format("slipped 1.2 per cent")})
    [dispute] = find_disputes([], analyses)
    versions = _versions(dispute)
    assert sorted(versions.values()) == [("Alpha", "Charlie"), ("Bravo",)]
    assert versions["almost 2 per cent"] == ("Bravo",)


def test_a_currency_fall_and_a_fall_of_shares_are_different_measures(nlp) -> None:
    analyses = extracted(nlp, {"Alpha": CROWN.format("fell 1.2%"),
                               "Bravo": "Norvan bank shares fell 2% after the announcement."})
    assert find_disputes([], analyses) == []
    rise = extracted(nlp, {"Alpha": CROWN.format("fell 1.2%"), "Bravo": CROWN.format("rose 2%")})
    assert find_disputes([], rise) == []
