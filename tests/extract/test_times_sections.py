"""An entry that goes date by date resolves "today" against its passage's date, not the page's."""

from __future__ import annotations

import pytest

from synopsis.extract.pipeline import analyze_article
from tests.factories import make_article

ENTRY = "\n".join([
    "The Vantor talks between Norland and Estmark were held in three rounds in 2031.",
    "On 12 March 2031, Norland's president said: \"I am busy today and tomorrow, but I may come on Friday.\"",
    "The second round was held on 2 May 2031 in Vantor. A spokesman said the delegations were in the city today.",
    "On 9 May 2031 the sides agreed to meet again the following week.",
])


def _values(kind: str, nlp) -> dict[tuple[str, int], str]:
    article = make_article("e1", "Civic Encyclopedia", ENTRY, kind=kind, published="2031-01-20T09:00:00")
    analysis = analyze_article(article, nlp)
    seen: dict[str, int] = {}
    out = {}
    for time in analysis.times:
        seen[time.text] = seen.get(time.text, 0) + 1
        out[(time.text, seen[time.text])] = time.value
    return out


def test_relative_days_in_an_entry_are_read_from_the_date_of_their_passage(nlp) -> None:
    values = _values("encyclopedia", nlp)
    assert values[("today", 1)] == "2031-03-12"
    assert values[("tomorrow", 1)] == "2031-03-13"
    assert values[("Friday", 1)] == "2031-03-14"  # the Friday after Wednesday 12 March
    assert values[("today", 2)] == "2031-05-02"
    # Dates the text states are kept as stated.
    assert values[("12 March 2031", 1)] == "2031-03-12" and values[("9 May 2031", 1)] == "2031-05-09"


@pytest.mark.parametrize("kind", ["newspaper", "news agency"])
def test_a_news_report_reads_today_as_its_publication_day(kind, nlp) -> None:
    values = _values(kind, nlp)
    assert values[("today", 2)] == "2031-01-20"
    # A quotation's "today" is the day its sentence says it was said (``times_quoted``), in any kind.
    assert values[("today", 1)] == "2031-03-12"


def test_a_look_back_or_a_birth_date_anchors_no_relative_day(nlp) -> None:
    entry = "\n".join([
        "On 2 June 2031, the second round was held in Vantor, continuing the negotiations begun on 16 May 2031. "
        "A spokesman said the delegations arrived today.",
        "On 9 June 2031 their leader, born on 4 April 1960, said he would sign the accord tomorrow.",
    ])
    analysis = analyze_article(make_article("e2", "Civic Encyclopedia", entry, kind="encyclopedia",
                                            published="2031-01-20T09:00:00"), nlp)
    values = {t.text: t.value for t in analysis.times}
    assert values["today"] == "2031-06-02"
    assert values["tomorrow"] == "2031-06-10"
