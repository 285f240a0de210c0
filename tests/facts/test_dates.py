"""Dates a statement states, and which of them are deadlines."""

import pytest

from synopsis.facts.dates import dates_in, is_deadline, is_reference_point
from synopsis.records import Article, ArticleAnalysis, TimeRef


def test_a_deadline_is_no_day_of_the_fact_when_asked():
    text = "Umerov proposed on 23 July 2025 a summit by 31 August 2025."
    times = tuple(
        TimeRef(words, text.index(words), text.index(words) + len(words), "DATE", value)
        for words, value in (("23 July 2025", "2025-07-23"), ("31 August 2025", "2025-08-31"))
    )
    analysis = ArticleAnalysis(Article(id="a", source="a", text=text), times=times)
    assert is_deadline(text, text.index("31 August")) and not is_deadline(text, text.index("23 July"))
    assert len(dates_in(analysis, 0, len(text))) == 2
    assert len(dates_in(analysis, 0, len(text), deadlines=False)) == 1


def test_the_date_a_comparison_reaches_back_to_is_no_day_of_the_fact():
    """"the highest since 1998" compares with 1998; "since Sunday" without a comparison dates the start."""
    text = "Turnout was 47 percent, the highest since 1998. The fire has burned 300 hectares since Sunday."
    assert is_reference_point(text, text.index("1998"))
    assert not is_reference_point(text, text.index("Sunday"))
    times = (TimeRef("1998", text.index("1998"), text.index("1998") + 4, "DATE", "1998"),)
    analysis = ArticleAnalysis(Article(id="a", source="a", text=text), times=times)
    assert len(dates_in(analysis, 0, len(text))) == 1
    assert dates_in(analysis, 0, len(text), reference_points=False) == []


@pytest.mark.parametrize("text, reference", [
    ("A premium of 32 percent to Orvane's closing price on Friday.", True),
    ("A 32 percent premium to Friday's closing price.", True),
    ("The offer is 30 percent above the closing price on Friday.", True),
    ("Shares rose 5 percent from Friday's close.", True),
    ("Shares closed at 29.17 euros on Friday.", False),  # Friday's own value
    ("Friday's close was the lowest in a month.", False),
    ("The deal, announced on Friday, values Orvane at 4 billion euros.", False),
])
def test_the_day_of_a_price_a_figure_is_counted_from_is_a_reference_point(text, reference):
    start = text.index("Friday")
    assert is_reference_point(text, start, start + len("Friday")) is reference


def test_a_section_is_dated_by_the_date_its_paragraph_opens_with_not_a_look_back(nlp):
    from synopsis.extract.pipeline import analyze_article
    from synopsis.facts.dates import passage_dates, section_dates
    from tests.factories import make_article

    text = "\n".join([
        "On 2 June 2031, the second round was held in Vantor. It continued the talks begun on 16 May 2031.",
        "The Norland delegation was headed by Defence Minister Ilse Varga.",
    ])
    analysis = analyze_article(make_article("e", "Civic Encyclopedia", text, kind="encyclopedia"), nlp)
    claim = next(c for c in analysis.claims if c.text.startswith("The Norland delegation"))
    days = {(d.low, d.high) for d in section_dates(analysis, claim)}
    june_2 = {(d.low, d.high) for d in dates_in(analysis, 0, text.index(" It continued"))}
    assert days == june_2 and len(days) == 1
    assert {(d.low, d.high) for d in passage_dates(analysis, claim)} == june_2
    # A news report's undated sentence stays undated: it is about the days before publication.
    news = analyze_article(make_article("n", "Outlet N", text, published="2031-06-03"), nlp)
    assert passage_dates(news, next(c for c in news.claims if c.text.startswith("The Norland delegation"))) == []


def test_a_section_date_may_open_the_second_sentence_of_its_paragraph(nlp):
    from synopsis.extract.pipeline import analyze_article
    from synopsis.facts.dates import section_dates
    from tests.factories import make_article

    text = "\n".join([
        "On 16 May 2031, the first round was held in Vantor.",
        "After weeks of preparation the delegations returned to the city. On 2 June 2031, the second round was held. "
        "The Norland delegation was headed by Defence Minister Ilse Varga.",
    ])
    analysis = analyze_article(make_article("e", "Civic Encyclopedia", text, kind="encyclopedia"), nlp)
    claim = next(c for c in analysis.claims if c.text.startswith("The Norland delegation"))
    start = text.index("2 June 2031")
    assert {(d.low, d.high) for d in section_dates(analysis, claim)} == {
        (d.low, d.high) for d in dates_in(analysis, start, start + len("2 June 2031"))}


def test_a_part_of_a_day_votes_for_its_calendar_day():
    """Three reports date a fire "late on Sunday", "on Sunday" and "Sunday night"; two of them also
    say residents returned "on Tuesday morning".  Parts of Sunday count for Sunday, so Sunday is the
    story's day, and a whole day, not Tuesday's morning hours."""
    from datetime import datetime, timezone

    from synopsis.facts.dates import main_day

    def report(aid: str, *dates: tuple[str, str]) -> ArticleAnalysis:
        text = " ".join(words for words, _ in dates)
        times = tuple(TimeRef(words, text.index(words), text.index(words) + len(words), "DATE", value)
                      for words, value in dates)
        return ArticleAnalysis(Article(id=aid, source=aid, text=text, published="2026-11-17"), times=times)

    analyses = [
        report("a", ("late on Sunday", "2026-11-15TNI"), ("on Tuesday morning", "2026-11-17TMO")),
        report("b", ("on Sunday", "2026-11-15"), ("on Tuesday morning", "2026-11-17TMO")),
        report("c", ("Sunday night", "2026-11-15TNI")),
    ]
    day = main_day(analyses)
    assert datetime.fromtimestamp(day.low, timezone.utc).isoformat() == "2026-11-15T00:00:00+00:00"
    assert day.high - day.low == 86400


def test_a_quotations_today_is_the_speakers_day_not_the_reports():
    """"'Today the pier reopened,' she said" in the next morning's paper is not dated a day later
    than the same words in the evening's: the day is the speaker's, unknown here. A "today" outside
    the quotation dates the report's sentence as before."""
    from tests.factories import make_quote

    text = '"Today the pier reopened at last," Ilse Marend said. The ferry runs again today.'
    quoted, plain = text.index("Today"), text.rindex("today")
    times = (TimeRef("Today", quoted, quoted + 5, "DATE", "2026-09-15"),
             TimeRef("today", plain, plain + 5, "DATE", "2026-09-15"))
    quote = make_quote(text, "Today the pier reopened at last", "Ilse Marend")
    analysis = ArticleAnalysis(Article(id="a", source="a", text=text), times=times, quotes=(quote,))
    end_of_quote = text.index("said.") + 5
    assert dates_in(analysis, 0, end_of_quote) == []
    assert len(dates_in(analysis, end_of_quote, len(text))) == 1
