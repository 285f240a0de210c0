"""Time expressions: detection, TIMEX3 normalisation, extents and offsets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from synopsis.extract.times import find_times
from synopsis.records import TimeRef

ANCHOR = dt.date(2025, 7, 23)  # a Wednesday
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "istanbul-2025"


def only(text: str, anchor: dt.date | dt.datetime | None = ANCHOR) -> TimeRef:
    """The single expression found in ``text``."""
    found = find_times(text, anchor)
    assert len(found) == 1, found
    return found[0]


# (sentence, expected extent, type, value, precision, modifier)
CASES = [
    # absolute dates, all common orders
    ("The talks were held on July 23, 2025.", "July 23, 2025", "DATE", "2025-07-23", "day", None),
    ("The talks were held on 23 July 2025.", "23 July 2025", "DATE", "2025-07-23", "day", None),
    ("Filed 2025-07-23 by the desk.", "2025-07-23", "DATE", "2025-07-23", "day", None),
    ("They met on July 23 in the city.", "July 23", "DATE", "2025-07-23", "day", None),
    ("The first meeting was in May 2025.", "May 2025", "DATE", "2025-05", "month", None),
    ("The war began before 2025 ended.", "2025", "DATE", "2025", "year", None),
    ("Prices rose sharply in the 1990s.", "the 1990s", "DATE", "199", "decade", None),
    ("It was signed on the 4th of March 2024.", "the 4th of March 2024", "DATE", "2024-03-04", "day", None),
    ("The order was dated 12/25/2024.", "12/25/2024", "DATE", "2024-12-25", "day", None),
    ("Aid arrived in Sept. 2024.", "Sept. 2024", "DATE", "2024-09", "month", None),
    # weekdays and deictic words
    ("The delegations met on Wednesday.", "Wednesday", "DATE", "2025-07-23", "day", None),
    ("The delegations met on Monday.", "Monday", "DATE", "2025-07-21", "day", None),
    ("The delegations will meet again on Friday.", "Friday", "DATE", "2025-07-25", "day", None),
    ("He spoke last Friday.", "last Friday", "DATE", "2025-07-18", "day", None),
    ("The minister spoke today.", "today", "DATE", "2025-07-23", "day", None),
    ("The minister spoke yesterday.", "yesterday", "DATE", "2025-07-22", "day", None),
    ("The minister speaks tomorrow.", "tomorrow", "DATE", "2025-07-24", "day", None),
    ("The minister speaks tonight.", "tonight", "TIME", "2025-07-23TNI", "part-of-day", None),
    ("Shelling resumed on Tuesday night.", "Tuesday night", "TIME", "2025-07-22TNI", "part-of-day", None),
    # relative periods
    ("Prisoners were exchanged last week.", "last week", "DATE", "2025-W29", "week", None),
    ("Prisoners were exchanged last month.", "last month", "DATE", "2025-06", "month", None),
    ("Prisoners were exchanged last year.", "last year", "DATE", "2024", "year", None),
    ("More talks are planned next week.", "next week", "DATE", "2025-W31", "week", None),
    ("Output fell this year.", "this year", "DATE", "2025", "year", None),
    ("A deal was reached earlier this month.", "earlier this month", "DATE", "2025-07", "month", None),
    ("The convoy left two days ago.", "two days ago", "DATE", "2025-07-21", "day", None),
    ("The court will rule in three weeks.", "three weeks", "DATE", "2025-W33", "week", None),
    ("The plant closed a year ago.", "a year ago", "DATE", "2024", "year", None),
    # parts of months and years, halves, seasons, quarters
    ("A summit could be held by the end of August.", "the end of August", "DATE", "2025-08", "part-of-month", "END"),
    ("The truce is due in mid-August.", "mid-August", "DATE", "2025-08", "part-of-month", "MID"),
    ("The offensive began in early June.", "early June", "DATE", "2025-06", "part-of-month", "START"),
    ("The bridge was hit in late 2024.", "late 2024", "DATE", "2024", "part-of-year", "END"),
    ("Exports grew in the first half of 2025.", "the first half of 2025", "DATE", "2025-H1", "half", None),
    ("Fighting paused in summer 2025.", "summer 2025", "DATE", "2025-SU", "season", None),
    ("Fighting paused last winter.", "last winter", "DATE", "2024-WI", "season", None),
    ("Profits fell in the second quarter of 2024.", "the second quarter of 2024", "DATE", "2024-Q2", "quarter", None),
    ("Profits fell in Q1 2025.", "Q1 2025", "DATE", "2025-Q1", "quarter", None),
    ("Talks are expected at the end of the year.", "the end of the year", "DATE", "2025", "part-of-year", "END"),
    # clock times and zones
    ("The session opened at 7:00 p.m. sharp.", "7:00 p.m.", "TIME", "2025-07-23T19:00", "minute", None),
    ("Talks began at 18:00 local time on site.", "18:00 local time", "TIME", "2025-07-23T18:00", "minute", None),
    ("The statement came at 4:50 PM PST in the capital.", "4:50 PM PST", "TIME", "2025-07-23T16:50-08:00", "minute", None),
    ("The blast came at 0735 GMT near the port.", "0735 GMT", "TIME", "2025-07-23T07:35+00:00", "minute", None),
    ("The vote ended at noon.", "noon", "TIME", "2025-07-23T12:00", "minute", None),
    ("Sirens sounded at 3 a.m. Moscow time.", "3 a.m. Moscow time", "TIME", "2025-07-23T03:00+03:00", "minute", None),
    # durations
    ("The meeting lasted 40 minutes in all.", "40 minutes", "DURATION", "PT40M", "minute", None),
    ("The meeting lasted less than an hour.", "less than an hour", "DURATION", "PT1H", "hour", "LESS_THAN"),
    ("They talked for about three and a half hours.", "about three and a half hours", "DURATION", "PT3H30M", "hour", "APPROX"),
    ("The siege lasted seven weeks.", "seven weeks", "DURATION", "P7W", "week", None),
    ("He was held for more than three years.", "more than three years", "DURATION", "P3Y", "year", "MORE_THAN"),
    ("The strike lasted 50 days.", "50 days", "DURATION", "P50D", "day", None),
    ("His term runs four years.", "four years", "DURATION", "P4Y", "year", None),
    ("They waited half an hour.", "half an hour", "DURATION", "PT30M", "hour", None),
    ("Prices doubled over the past two months.", "the past two months", "DURATION", "P2M", "month", None),
    ("Prices rose 4% over six months.", "over six months", "DURATION", "P6M", "month", None),
    ("Sales fell sharply over six months.", "over six months", "DURATION", "P6M", "month", None),
    ("The talks lasted over six months.", "over six months", "DURATION", "P6M", "month", "MORE_THAN"),
    ("It was a two-day visit.", "two-day", "DURATION", "P2D", "day", None),
    ("He rested for several days.", "several days", "DURATION", "PXD", "day", None),
    ("The talks took nearly twenty-five minutes.", "nearly twenty-five minutes", "DURATION", "PT25M", "minute", "LESS_THAN"),
    # sets
    ("Aid grew in recent years.", "recent years", "DURATION", "PXY", "year", None),
    # a duration written in parts is one duration, hedged as its first part
    ("The hearing lasted approximately one hour and 45 minutes.", "approximately one hour and 45 minutes", "DURATION",
     "PT1H45M", "minute", "APPROX"),
    ("The siege lasted two days, five hours.", "two days, five hours", "DURATION", "P2DT5H", "hour", None),
    ("Inspectors visit every week.", "every week", "SET", "P1W", "week", None),
    ("The agency reports daily.", "daily", "SET", "P1D", None, None),
    ("The report is published annually.", "annually", "SET", "P1Y", None, None),
    ("Markets close every Monday.", "every Monday", "SET", "XXXX-WXX-1", "day", None),
    ("The ferry sails twice a day.", "twice a day", "SET", "P1D", "day", None),
    # fuzzy references
    ("The border is now closed.", "now", "DATE", "PRESENT_REF", None, None),
    ("The border was recently closed.", "recently", "DATE", "PAST_REF", None, None),
    ("The border may reopen in the future.", "the future", "DATE", "FUTURE_REF", None, None),
]


@pytest.mark.parametrize(("text", "extent", "type_", "value", "precision", "modifier"), CASES)
def test_normalises(text: str, extent: str, type_: str, value: str, precision: str | None, modifier: str | None) -> None:
    ref = only(text)
    assert (ref.text, ref.type, ref.value, ref.precision, ref.modifier) == (extent, type_, value, precision, modifier)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met on July 23.", "XXXX-07-23"),
        ("They met on Wednesday.", "XXXX-WXX-3"),
        ("They met last month.", "XXXX-XX"),
        ("They met at the end of August.", "XXXX-08"),
        ("It lasted 40 minutes.", "PT40M"),
        ("They met on 23 July 2025.", "2025-07-23"),
    ],
)
def test_underspecified_without_anchor(text: str, value: str) -> None:
    assert only(text, None).value == value


def test_parenthetical_gmt_gives_the_local_zone() -> None:
    found = find_times("The talks began at 8:37 p.m. (5:37 p.m. GMT) and ended soon.", ANCHOR)
    assert [(t.text, t.value) for t in found] == [
        ("8:37 p.m.", "2025-07-23T20:37+03:00"),
        ("5:37 p.m. GMT", "2025-07-23T17:37+00:00"),
    ]


def test_range_gives_two_bounded_durations() -> None:
    found = find_times("Results are expected within 24 to 48 hours.", ANCHOR)
    assert [(t.text, t.value, t.modifier) for t in found] == [
        ("24", "PT24H", "EQUAL_OR_MORE"),
        ("48 hours", "PT48H", "EQUAL_OR_LESS"),
    ]


def test_day_range_gives_two_dates() -> None:
    found = find_times("The forum ran on 14-16 May 2025.", ANCHOR)
    assert [t.value for t in found] == ["2025-05-14", "2025-05-16"]


def test_time_takes_the_date_of_its_sentence() -> None:
    found = find_times("On 16 May 2025 the delegations met at 10:45 in the palace.", ANCHOR)
    assert found[-1].value == "2025-05-16T10:45"


def test_weekday_followed_by_date_uses_the_date() -> None:
    ref = only("The paper said in an editorial on Monday, Oct. 26: the court erred.", dt.date(1998, 10, 25))
    assert (ref.text, ref.value) == ("Monday, Oct. 26", "1998-10-26")


MORNING = dt.datetime(2025, 7, 23, 10, 30)  # a report published on a Wednesday morning


@pytest.mark.parametrize("text, anchor, value", [
    # The same time today is still to come: a past verb tells of the evening before.
    ("We heard a loud bang around 11 p.m. and ran outside.", MORNING, "2025-07-22T23:00"),
    ("The first shots were fired at 9:40 p.m., a resident of Vantor said.", MORNING, "2025-07-22T21:40"),
    # Said to be coming, or today by its words: today.
    ("The council will vote at 11 p.m.", MORNING, "2025-07-23T23:00"),
    ("The council meets at 11 p.m. tonight.", MORNING, "2025-07-23T23:00"),
    ("Polls close at 8 p.m.", MORNING, "2025-07-23T20:00"),
    # Already past when the report was filed, or within a few hours of it (a zone apart).
    ("The convoy left at 7:15 a.m.", MORNING, "2025-07-23T07:15"),
    ("The convoy left at 1 p.m.", MORNING, "2025-07-23T13:00"),
    # A report with a day but no time says nothing about the hour; nor does a stated day.
    ("We heard a loud bang around 11 p.m.", dt.date(2025, 7, 23), "2025-07-23T23:00"),
    ("We heard a loud bang around 11 p.m. on Monday.", MORNING, "2025-07-21T23:00"),
])
def test_a_clock_time_ahead_of_a_morning_report_is_the_evening_before(text: str, anchor, value: str) -> None:
    found = [t for t in find_times(text, anchor) if t.type == "TIME" and ":" in t.value]
    assert found[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "April Ryan asked the question.",
        "A 47-year-old man was detained.",
        "The march went on without incident.",
        "Protesters gathered for the March of the Mothers.",
        "A second round of talks was held.",
    ],
)
def test_rejects_non_times(text: str) -> None:
    assert find_times(text, ANCHOR) == []


def test_datetime_anchor_with_zone_is_accepted() -> None:
    anchor = dt.datetime(2025, 7, 23, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert only("The sides met yesterday.", anchor).value == "2025-07-22"


def test_offsets_point_into_the_text() -> None:
    text = (
        "ISTANBUL, July 23 – The third round began at 7 p.m. (4 p.m. GMT) on Wednesday and lasted\n"
        "less than an hour, officials said. A summit could follow by the end of August; talks "
        "held in mid-May 2025 lasted about two hours. Exchanges happen every week, and 1,200 "
        "prisoners were freed over 24 to 48 hours last month."
    )
    found = find_times(text, ANCHOR)
    assert len(found) >= 10
    for ref in found:
        assert text[ref.start : ref.end] == ref.text
    starts = [ref.start for ref in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    files = sorted(CORPUS.glob("*.txt"))
    assert files, f"reference corpus missing at {CORPUS}"
    return {f.name: f.read_text(encoding="utf-8") for f in files}


def test_corpus_end_of_august(corpus: dict[str, str]) -> None:
    refs = [t for text in corpus.values() for t in find_times(text, ANCHOR) if t.text.endswith("August")]
    ends = [t for t in refs if "end of" in t.text]
    assert ends
    assert all((t.value, t.precision, t.modifier) == ("2025-08", "part-of-month", "END") for t in ends)


def test_corpus_gmt_time_has_a_zone(corpus: dict[str, str]) -> None:
    agency = [text for text in corpus.values() if "GMT" in text]
    assert agency
    times = [t for text in agency for t in find_times(text, ANCHOR) if t.type == "TIME"]
    gmt = [t for t in times if "GMT" in t.text]
    assert gmt and all(t.value.endswith("+00:00") for t in gmt)
    # The local time given before it in parentheses gets the inferred offset too.
    assert any(t.value.startswith("2025-07-23T20:37+03:00") for t in times)


def test_corpus_offsets(corpus: dict[str, str]) -> None:
    for text in corpus.values():
        for ref in find_times(text, ANCHOR):
            assert text[ref.start : ref.end] == ref.text


# TimeBank conventions for business and wire copy (anchor: Thursday 23 October 2025).
REPORT_DAY = dt.date(2025, 10, 23)


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        # Quarterly results compare with the same quarter a year before.
        ("Third-quarter profit fell to $10 million from $12 million a year earlier.", "a year earlier", "2024-Q3"),
        ("Third-quarter sales rose 4% from a year ago.", "a year ago", "2024-Q3"),
        ("Third-quarter profit beat the year-ago quarter.", "the year-ago quarter", "2024-Q3"),
        ("Third-quarter profit beat year-earlier results.", "year-earlier", "2024-Q3"),
        ("Third-quarter profit rose. Sales in the latest period were flat.", "the latest period", "2025-Q3"),
        ("Profit was $3 million in the 2024 third quarter.", "the 2024 third quarter", "2024-Q3"),
        ("Sales will grow in the current fiscal year.", "the current fiscal year", "2025"),
        # Without a quarter in the text, a year ago is the year before.
        ("The plant opened a year ago.", "a year ago", "2024"),
    ],
)
def test_business_comparisons(text: str, extent: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(text, REPORT_DAY)}
    assert found.get(extent) == value, found


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The case dragged on for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The applause lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The strike lasted a day and a half.", "a day and a half", "P1DT12H"),
        ("The current talks have stalled.", "current", "PRESENT_REF"),
        ("Such offers were rejected in the past.", "the past", "PAST_REF"),
        ("Shares rose at the then current price.", "then current", "PAST_REF"),
    ],
)
def test_timebank_forms(text: str, extent: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(text, REPORT_DAY)}
    assert found.get(extent) == value, found


@pytest.mark.parametrize(
    ("text", "extent", "value"),
    [
        # An initial ("P.") does not end the sentence that holds the future cue.
        ("Mr. Gray will succeed Daniel P. Davison Feb. 1, the bank said.", "Feb. 1", "2026-02-01"),
        # "United" is a name, not a past-tense verb.
        ("The envoy will fly to the United States Friday.", "Friday", "2025-10-24"),
        # A deadline runs to a coming day, whatever the tense of the verb.
        ("Officials extended the deadline until 9 a.m. Tuesday.", "9 a.m. Tuesday", "2025-10-28T09:00"),
        # "a.m." before a zone or a weekday does not end the sentence.
        ("The father will leave at dawn (4 a.m. EDT Saturday), he said.", "4 a.m. EDT Saturday", "2025-10-25T04:00-04:00"),
        # A participle used as an adjective is not a past verb.
        ("The split would be paid on a still unspecified date in January.", "January", "2026-01"),
        ("The ship has been on patrol since March and will return soon.", "March", "2025-03"),
        ("He was shot on the night of Friday, Oct. 17.", "the night of Friday, Oct. 17", "2025-10-17TNI"),
    ],
)
def test_tense_and_sentence_cues(text: str, extent: str, value: str) -> None:
    found = {t.text: t.value for t in find_times(text, REPORT_DAY)}
    assert found.get(extent) == value, found


def test_the_quarter_does_not_match_inside_quarterly() -> None:
    assert all(t.text.lower() != "the quarter" for t in find_times("The quarterly results were weak.", REPORT_DAY))


def test_a_word_cut_at_a_trigger_window_edge_is_not_read_as_a_unit() -> None:
    # The window opened by " hours" ends inside "ministers"; read to that edge,
    # "five min" would look like a five-minute duration.
    text = "He waited 3 hours and then, at noon, five ministers resigned."
    found = [(t.text, t.value) for t in find_times(text, dt.date(2025, 7, 23)) if t.type == "DURATION"]
    assert found == [("3 hours", "PT3H")]


MONDAY = dt.date(2025, 5, 19)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # An irregular past verb before the weekday decides, whatever the sentence says next.
        ("The two sides met in Jeddah on Tuesday and will meet again next week.", "2025-05-13"),
        ("He narrowly won the first round on Sunday and will face a runoff.", "2025-05-18"),
        ("The earthquake struck on Saturday, and aftershocks are expected to continue.", "2025-05-17"),
        # A participle after "be" is passive: the auxiliary's tense decides.
        ("The vote will be held on Sunday.", "2025-05-25"),
        ("The summit is to be held on Thursday.", "2025-05-22"),
        ("He said on Friday that he would resign.", "2025-05-16"),
    ],
)
def test_a_weekday_takes_the_tense_of_the_verb_before_it(text: str, value: str) -> None:
    weekday = next(t for t in find_times(text, MONDAY) if t.text.endswith("day") and " " not in t.text)
    assert weekday.value == value


def test_a_passive_future_after_a_past_clause_is_the_coming_day() -> None:
    found = {t.text: t.value for t in find_times("The minister resigned on Sunday; her successor will be named on Wednesday.", MONDAY)}
    assert found == {"Sunday": "2025-05-18", "Wednesday": "2025-05-21"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # What is urged or called for is to come, though the urging is past.
        ("The union leader urged members to walk out peacefully on Thursday.", "2025-05-22"),
        ("Farmers called on the ministry to meet them on Friday.", "2025-05-23"),
        ("The opposition called for a general strike on Wednesday.", "2025-05-21"),
        # The weekday after the urging verb itself dates the urging.
        ("The mayor called on Friday for calm.", "2025-05-16"),
        ("The mayor called on Friday to end the blockade.", "2025-05-16"),
        # A perfect takes no past day: the day is the appearance's. A simple past keeps its day.
        ("She said she had been summoned for questioning by the court on Thursday.", "2025-05-22"),
        ("She was summoned for questioning on Thursday.", "2025-05-15"),
        # "can" looks ahead like "could" and "may".
        ("He said a good outcome can come from the meeting in Vellan on Thursday.", "2025-05-22"),
    ],
)
def test_a_weekday_asked_for_is_the_coming_one(text: str, value: str) -> None:
    weekday = next(t for t in find_times(text, MONDAY) if t.text.endswith("day") and " " not in t.text)
    assert weekday.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A price or session measured from is already set, whatever the clause's verb promises.
        ("Vantor Mills will pay 12 euros a share, a premium of 30 percent to the closing price on Friday.",
         "2025-05-16"),
        ("The buyer is to offer 9 euros a share, 20 percent above Harlow's close on Thursday.", "2025-05-15"),
        ("Shares will open higher after the previous session on Friday ended flat.", "2025-05-16"),
        # "close" as a verb is the deal's, still to come.
        ("The takeover of Harlow Dairy will close on Friday.", "2025-05-23"),
    ],
)
def test_a_weekday_of_a_past_reference_point_looks_back(text: str, value: str) -> None:
    weekday = next(t for t in find_times(text, MONDAY) if t.text.endswith("day") and " " not in t.text)
    assert weekday.value == value


def test_days_earlier_than_something_is_a_distance_not_a_date_counted_back() -> None:
    found = [(t.text, t.type, t.value) for t in find_times(
        "The inspector said the leak was found on 6 May, three days earlier than the date the firm gave.", MONDAY)]
    assert found == [("6 May", "DATE", "2025-05-06"), ("three days", "DURATION", "P3D")]
    # Without "than", the count still runs back from the last date.
    found = {t.text: t.value for t in find_times("The dam gave way on 6 May. Three days earlier, engineers warned.",
                                                 MONDAY)}
    assert found["Three days earlier"] == "2025-05-03"


def test_days_later_count_from_the_event_not_from_the_day_it_was_reported() -> None:
    text = ("The number of homes lost when the river burst its banks on 3 May has risen to 80, the county "
            "said on Thursday. Crews worked through the night. The governor toured Marlow two days later.")
    found = {t.text: t.value for t in find_times(text, MONDAY)}
    assert found["two days later"] == "2025-05-05"
    # A report dated by nothing else is the event: the count starts there.
    found = {t.text: t.value for t in find_times("The county said on Thursday that 80 homes were lost. "
                                                   "Two days later the governor resigned.", MONDAY)}
    assert found["Two days later"] == "2025-05-17"


@pytest.mark.parametrize("text", [
    "The leak was first seen on 2 May, not 6 May as the firm has said. Crews sealed it two days later.",
    "The leak was first seen on 2 May rather than 6 May. Crews sealed it two days later.",
    "The leak was first seen on 2 May, and not on 6 May. Crews sealed it two days later.",
])
def test_days_later_do_not_count_from_a_date_the_text_denies(text: str) -> None:
    found = {t.text: t.value for t in find_times(text, MONDAY)}
    assert found["two days later"] == "2025-05-04"
    assert found["6 May"] == "2025-05-06"  # the denied date itself is still found


@pytest.mark.parametrize(
    "text",
    [
        "The new ferry carries about 2000 people a day.",
        "The count ended and 1999 votes were declared valid.",
        "Volunteers handed out some 1800 meals on the quay.",
        "Between 1500 and 2000 runners took part.",
        "The dock handled 1900 tonnes of grain.",
        "The final tally: 2000 votes for the plan.",
        # "'s" here is "is", not a possessive ("the city's 2019 reforms").
        "Organisers say there's 2000 people in the square.",
        "Police said that's 1900 protesters more than last week.",
        # A round hundred before "people" counts a crowd even after "in".
        "In 2000 people gathered outside the Vantor town hall.",
        "Police said in 1900 people marched through the old town.",
    ],
)
def test_a_four_digit_count_is_no_year(text: str) -> None:
    assert [t for t in find_times(text, ANCHOR) if t.precision == "year"] == []


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        ("The library has stood since 1999 on the square.", "1999"),
        ("The ferry line opened in 2000 after long delays.", "2000"),
        ("In 2000 voters chose a new mayor.", "2000"),
        ("In 2019 people gathered outside the Vantor town hall.", "2019"),
        ("In 2000, people gathered outside the Vantor town hall.", "2000"),
        ("The 2000 Olympics were held in Sydney.", "2000"),
        ("The 2020 elections brought a new council.", "2020"),
        ("Parties campaigned hard ahead of 2024 elections.", "2024"),
        ("Turnout fell after the city's 2019 reforms.", "2019"),
        ("He said post-1999 reforms had failed.", "1999"),
        ("2019 brings a new tax year.", "2019"),
        ("By 2030 emissions must fall by half.", "2030"),
        ("Prices rose after 2014 sanctions were imposed.", "2014"),
        ("He said 2024 brings change.", "2024"),
        ("It's 2024 and prices keep rising.", "2024"),  # "it is" a year: no counted noun follows
    ],
)
def test_a_year_before_a_noun_stays_a_year(text: str, extent: str) -> None:
    assert only(text).text == extent


@pytest.mark.parametrize(
    "text, parts",
    [
        # "45 minutes later" dates what follows; it is not the rest of the hour.
        ("The hearing lasted one hour, and 45 minutes later the court rose.", ["one hour", "45 minutes"]),
        ("It took 3 hours and 4 hours.", ["3 hours", "4 hours"]),  # the same unit: two durations
        ("It took 1 hour and 90 minutes.", ["1 hour", "90 minutes"]),  # no remainder of an hour
    ],
)
def test_durations_that_are_not_parts_of_one_stay_apart(text: str, parts: list[str]) -> None:
    assert [t.text for t in find_times(text, ANCHOR) if t.type == "DURATION"] == parts


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A clause of time takes the present for what is to come: the past verb of the relative
        # clause before it ("who lost") is not its tense.
        ("The council will discuss aid for farmers who lost their herds when it meets on Thursday.", "2025-05-22"),
        ("The board will vote on the plan, which investors rejected, once it meets on Friday.", "2025-05-23"),
        # With a past verb of its own the clause is past; without a future before it, the default stands.
        ("The council discussed aid for farmers who lost their herds when it met on Thursday.", "2025-05-15"),
        ("Farmers who lost their herds protested when the council meets on Thursday.", "2025-05-15"),
        # A clause that is not in the present, or a preposition's noun, keeps the past verb's tense.
        ("Officials will assess homes that were destroyed when the storm hit on Thursday.", "2025-05-15"),
        ("The ministry will compensate farmers who lost herds after the flood on Thursday.", "2025-05-15"),
        ("MPs will debate the law, which the senate rejected, when Parliament reconvenes on Thursday.", "2025-05-22"),
    ],
)
def test_a_weekday_in_a_clause_of_time_takes_the_tense_of_the_clause_it_hangs_on(text: str, value: str) -> None:
    weekday = next(t for t in find_times(text, MONDAY) if t.text.endswith("day") and " " not in t.text)
    assert weekday.value == value


def test_an_anaphor_finer_than_the_last_date_is_not_counted_from_it() -> None:
    # "that week" after "in April 2024" names no one week of April; after a day it is that day's week.
    found = {t.text: t.value for t in find_times(
        "The depot burned on 14 March 2024. The owner was arrested in April 2024. "
        "The guard had taken the night shift that week.", MONDAY)}
    assert found["that week"] == "XXXX-WXX"
    found = {t.text: t.value for t in find_times(
        "The depot burned on 14 March 2024. The guard had taken the night shift that week.", MONDAY)}
    assert found["that week"] == "2024-W11"
    # A coarser unit is still counted from a finer date: "later that year", "the following month".
    found = {t.text: t.value for t in find_times(
        "The owner was arrested in April 2024. Later that year he was charged.", MONDAY)}
    assert found["Later that year"] == "2024"
