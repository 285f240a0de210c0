"""Dates a statement states, and which of them are deadlines."""

from synopsis.facts.dates import dates_in, is_deadline
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
