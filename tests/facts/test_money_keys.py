"""What a sum of money, a percentage, a duration or a count of jobs is the value of (``facts.keys``):
our own sentences, each with the value whose measure is read."""

from __future__ import annotations

import pytest

from synopsis.facts.keys_money import extra_sum_at, is_job_cut_at, money_measure_at, percent_measure_at, term_at


def _at(sentence: str, value: str) -> tuple[int, int]:
    start = sentence.index(value)
    return start, start + len(value)


@pytest.mark.parametrize("sentence, value, measure", [
    ("Kestrel Foods agreed to buy Orvane Mills for 3.1 billion euros in cash.", "3.1 billion euros", "price"),
    ("Dunmere signed the winger on Friday for a fee of 18 million euros.", "18 million euros", "price"),
    ("Dunmere paid 18 million euros for the 21-year-old.", "18 million euros", "price"),
    ("The two sides agreed a deal worth $900 million.", "$900 million", "price"),
    ("The offer values Orvane at €3.1bn.", "€3.1bn", "price"),
    ("It is the largest move of the window, a €40million swoop.", "€40million", "price"),
    ("Kestrel will pay 21.40 euros for each Orvane share.", "21.40 euros", "price per share"),
    ("The winger will earn about 90,000 euros a week.", "about 90,000 euros", "salary per week"),
    ("Sales rose 6 percent to 2.2 billion euros, and net profit was 140 million euros.", "2.2 billion euros", "revenue"),
    ("Sales rose 6 percent to 2.2 billion euros, and net profit was 140 million euros.", "140 million euros", "profit"),
    ("Kestrel will borrow €1.5bn from its banks.", "€1.5bn", "loan"),
    # A company's figures are one table for sums and changes: net income is its profit either way.
    ("Net income rose 4 percent to 310 million euros.", "310 million euros", "profit"),
    ("The government sent aid worth 2 million euros to the region.", "2 million euros", None),
    # A sum no noun or verb frame names is the value of nothing the key can say.
    ("The club was fined 40,000 euros and the stadium holds 30,000 people.", "40,000 euros", None),
    ("Orvane has 120 million euros in cash on its balance sheet.", "120 million euros", None),
])
def test_a_sum_is_keyed_by_what_it_is_the_value_of(sentence: str, value: str, measure: str | None) -> None:
    assert money_measure_at(sentence, *_at(sentence, value)) == measure


@pytest.mark.parametrize("sentence, value, measure", [
    ("Kestrel offers a premium of 28 percent to Friday's close.", "28 percent", "premium"),
    ("Kestrel offers a 28pc premium to Friday's close.", "28pc", "premium"),
    ("Third-quarter sales rose 6 per cent to 2.2 billion euros.", "6 per cent", "revenue rise"),
    ("Kestrel reported revenue up 6 percent at 2.2 billion euros.", "6 percent", "revenue rise"),
    ("Kestrel shares were down 3.5 percent at noon.", "3.5 percent", "shares fall"),
    ("The fund now holds a stake of 12 percent.", "12 percent", "stake"),
    ("Orvane posted a 9 percent fall in profit.", "9 percent", "profit fall"),
    ("Net income rose 4 percent to 310 million euros.", "4 percent", "profit rise"),
    ("About 40 percent of the staff work in the capital.", "About 40 percent", None),
])
def test_a_percentage_is_keyed_by_the_measure_it_is_of(sentence: str, value: str, measure: str | None) -> None:
    assert percent_measure_at(sentence, *_at(sentence, value)) == measure


@pytest.mark.parametrize("sentence, value, term", [
    ("The winger signed a contract of three and a half years.", "three and a half years", "contract"),
    ("The winger signed a three-and-a-half-year contract.", "three-and-a-half-year", "contract"),
    ("He joins on a contract that runs for four years.", "four years", "contract"),
    ("The 21-year-old winger signed on Friday.", "21-year", None),  # an age, not a term
    ("The talks went on for three years before the deal.", "three years", None),
])
def test_a_duration_is_the_term_of_the_agreement_it_names(sentence: str, value: str, term: str | None) -> None:
    assert term_at(sentence, *_at(sentence, value)) == term


@pytest.mark.parametrize("sentence, value, noun, cut", [
    ("The group will cut about 900 jobs over two years.", "about 900", "job", True),
    ("Some 900 jobs will go at the two plants.", "Some 900", "job", True),
    ("Up to 1,100 workers face losing their jobs.", "Up to 1,100", "worker", True),
    ("The plant employs 640 workers, and managers said none would go.", "640", "worker", False),
    ("About 900 people marched against the cuts.", "About 900", "person", False),
    ("About 900 workers will go on strike on Monday.", "About 900", "worker", False),
    ("Eleven workers lost their lives in the fire.", "Eleven", "worker", False),
])
def test_a_count_of_jobs_lost_is_read_whatever_the_verb(sentence: str, value: str, noun: str, cut: bool) -> None:
    assert is_job_cut_at(sentence, *_at(sentence, value), noun) is cut


def test_a_sum_on_top_of_another_is_no_sum_of_its_own() -> None:
    sentence = "Dunmere paid a fee of 18 million euros, plus up to 2 million euros in add-ons."
    assert extra_sum_at(sentence, sentence.index("up to 2")) == sentence.index("plus")
    assert extra_sum_at(sentence, sentence.index("18 million")) is None


def test_currency_nouns_come_from_the_currencies_in_use_and_leave_out_ordinary_words():
    from synopsis.facts.currency_names import currency_nouns

    assert {"dinar", "dinars", "shillings", "rupees", "pesos", "euros"} <= currency_nouns()
    assert not {"pounds", "marks", "won", "gold", "prisoners"} & currency_nouns()


@pytest.mark.parametrize("sentence, value, measure", [
    ("The Norvan crown slipped 1.2 per cent against the dollar.", "1.2 per cent", "crown fall"),
    ("The crown crashed almost 2 per cent.", "almost 2 per cent", "crown fall"),
    ("The euro strengthened 0.5 percent against the yen.", "0.5 percent", "euro rise"),
    ("The pound was down 0.8 percent by noon.", "0.8 percent", "pound fall"),
    # Another noun before the verb names no measure the key knows.
    ("Sales at the unit fell 6 percent.", "6 percent", None),
])
def test_a_currency_move_is_keyed_by_the_currency(sentence: str, value: str, measure: str | None) -> None:
    assert percent_measure_at(sentence, *_at(sentence, value)) == measure
