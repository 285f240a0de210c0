"""A date inside a direct quotation is counted from when the words were said, not from the report's date."""

from __future__ import annotations

import datetime as dt

import pytest

from synopsis.extract.times import find_times
from synopsis.extract.times_quoted import date_quoted_times
from synopsis.records import Quote

SATURDAY = dt.date(2031, 5, 10)


def quoted(text: str, words: str, speaker: str) -> Quote:
    """A direct quotation of ``words`` given to ``speaker``, both as written in ``text``."""
    at, by = text.index(words), text.index(speaker)
    cue = text.index("said", by)
    return Quote("direct", words, at, at + len(words), speaker, by, by + len(speaker), "said", cue, cue + 4,
                 min(at, by), max(at + len(words), cue + 4))


def value_of(text: str, words: str, speaker: str, expression: str, published: dt.date = SATURDAY) -> str:
    times = date_quoted_times(text, find_times(text, published), [quoted(text, words, speaker)])
    return next(t.value for t in times if t.text == expression)


@pytest.mark.parametrize("text", [
    '"Tonight, the hostages are home," Prime Minister Ana Vell said on Thursday evening.',
    'Prime Minister Ana Vell said on Thursday: "Tonight, the hostages are home."',
])
def test_a_relative_word_in_a_quotation_is_counted_from_the_day_it_was_said(text: str) -> None:
    # Published on Saturday 10 May; said on Thursday 8 May: "tonight" is Thursday night.
    assert value_of(text, "Tonight, the hostages are home", "Ana Vell", "Tonight").startswith("2031-05-08")


def test_a_weekday_in_a_quotation_is_counted_from_the_day_it_was_said() -> None:
    text = 'Ana Vell said on Monday: "We will sign on Friday."'
    # Said on Monday 5 May, in Saturday's report: the Friday to come was 9 May, not the 16th.
    assert value_of(text, "We will sign on Friday.", "Ana Vell", "Friday") == "2031-05-09"


def test_a_relative_word_in_a_quotation_said_on_an_unknown_day_dates_nothing() -> None:
    text = '"Tonight, the hostages are home," Prime Minister Ana Vell said in a televised statement.'
    assert "X" in value_of(text, "Tonight, the hostages are home", "Ana Vell", "Tonight").split("T")[0]


def test_a_quoted_date_naming_its_month_keeps_the_reports_year_when_the_day_said_is_unknown() -> None:
    text = '"We signed on 3 May," Ana Vell said in a statement.'
    assert value_of(text, "We signed on 3 May,", "Ana Vell", "3 May") == "2031-05-03"


def test_the_reports_own_words_keep_the_reports_date() -> None:
    # "Yesterday" outside the quotation is the narrator's: the day before publication.
    text = 'Yesterday the talks ended. "Tonight, the hostages are home," Ana Vell said.'
    assert value_of(text, "Tonight, the hostages are home", "Ana Vell", "Yesterday") == "2031-05-09"


def test_a_day_said_in_the_next_sentence_is_not_when_these_words_were_said() -> None:
    text = '"Tonight, the hostages are home," Ana Vell said. Talks resumed on Thursday, officials said.'
    assert "X" in value_of(text, "Tonight, the hostages are home", "Ana Vell", "Tonight").split("T")[0]


def test_a_date_the_sentence_opens_with_is_when_its_quotation_was_said() -> None:
    text = 'On 8 May 2031, Ana Vell said: "Tonight, the hostages are home."'
    assert value_of(text, "Tonight, the hostages are home.", "Ana Vell", "Tonight").startswith("2031-05-08")
