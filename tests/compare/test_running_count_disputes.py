"""A count told day by day ("65 cases on Monday and 40 on Sunday") rises; it is not disputed by
its own earlier values. Our own sentences, from fictional outlets."""

from __future__ import annotations

import pytest

from synopsis.compare.brief_sentences import dispute_sentence
from synopsis.compare.disputes import find_disputes
from synopsis.facts.dates import value_days
from tests.compare.dispute_builders import Q, S, T, build


def _cases(text: str, value: float) -> Q:
    return Q(text, value, counted="cases", predicate="recorded")


SUNDAY_REPORT = build("Alpha", [S("Health officials say 40 cases of fever have been recorded in Dunmore.",
                                  [_cases("40 cases", 40)])], published="2026-07-12T10:00:00+00:00")
MONDAY_REPORT = build("Bravo", [S("On Monday, 65 cases of fever had been recorded in Dunmore, officials said.",
                                  [T("Monday", "2026-07-13"), _cases("65 cases", 65)])],
                      published="2026-07-13T10:00:00+00:00")
def series(predicate: str | None = "recorded"):
    """The running count, each value with its own day ("counted" is no predicate the keys know:
    such a count takes its aligned group's key)."""
    return build("Charlie", [S("Officials had counted 65 cases on Monday and 40 cases on Sunday.",
                               [Q("65 cases", 65, counted="cases", predicate=predicate), T("Monday", "2026-07-13"),
                                Q("40 cases", 40, counted="cases", predicate=predicate), T("Sunday", "2026-07-12")])],
                 published="2026-07-14T10:00:00+00:00")


SERIES = series()
GROUPS = [[("id-Bravo", 0), ("id-Charlie", 0)]]


@pytest.mark.parametrize("predicate", ["recorded", None])
def test_counts_of_a_running_count_given_for_different_days_are_no_dispute(predicate: str | None) -> None:
    assert find_disputes(GROUPS, [SUNDAY_REPORT, MONDAY_REPORT, series(predicate)]) == []


def test_a_running_count_is_still_disputed_within_one_day() -> None:
    rival = build("Delta", [S("Officials counted 55 cases of fever in Dunmore on Sunday.",
                              [_cases("55 cases", 55), T("Sunday", "2026-07-12")])],
                  published="2026-07-13T08:00:00+00:00")
    [dispute] = find_disputes(GROUPS, [SUNDAY_REPORT, MONDAY_REPORT, SERIES, rival])
    versions = {v.value: set(v.sources) for v in dispute.versions}
    assert versions == {"40 cases": {"Alpha", "Charlie"}, "55 cases": {"Delta"}}


def test_each_value_takes_the_day_beside_it_only_when_they_alternate() -> None:
    [analysis] = [SERIES]
    text = analysis.article.text
    values = [(q.start, q.end) for q in analysis.quantities]
    days = value_days(analysis, 0, len(text), values)
    assert {text[start:start + 2]: text[at:at + 6] for start, (at, _) in days.items()} == {"65": "Monday", "40": "Sunday"}
    together = build("Echo", [S("Officials had counted 40 and 65 cases on Monday and Sunday.",
                                [Q("40", 40), Q("65 cases", 65, counted="cases"), T("Monday", "2026-07-13"),
                                 T("Sunday", "2026-07-12")])])
    assert value_days(together, 0, len(together.article.text), [(q.start, q.end) for q in together.quantities]) == {}


def _revision_story():
    first = build("Alpha", [S("Twelve people were injured when the ferry struck the pier on Monday.",
                              [Q("Twelve", 12, counted="people", predicate="injure"), T("Monday", "2026-07-13")])],
                  published="2026-07-13T18:00:00+00:00")
    rival = build("Bravo", [S("Twenty people were hurt as the ferry hit the pier.",
                              [Q("Twenty", 20, counted="people", predicate="hurt")])],
                  published="2026-07-14T07:00:00+00:00")
    revised = build("Charlie", [S("The operator revised the number of injured to 17 from 12 after more passengers sought help.",
                                  [Q("17", 17, predicate="revise"), Q("12", 12, predicate="revise")])],
                    published="2026-07-15T06:30:00+00:00")
    return [first, rival, revised]


def test_a_revised_figure_of_a_running_count_stays_in_the_dispute_as_a_later_figure() -> None:
    """QA landing: "revised the number of injured to 17 from 12" two days on was left out of the
    dispute of the injured; it is the count's later figure, and the 12 it replaces is not Charlie's."""
    [dispute] = find_disputes([], _revision_story())
    versions = {v.value: (set(v.sources), v.note) for v in dispute.versions}
    assert {value: sources for value, (sources, _) in versions.items()} == {
        "Twelve": {"Alpha"}, "Twenty": {"Bravo"}, "17": {"Charlie"}}
    assert versions["17"][1] == "later figure: Charlie reports the count revised (published 2026-07-15T06:30+00:00)"
    # Bravo's twenty came before Charlie's 17, but 17 is no rise from it: a rival figure, not one a
    # later report overtook (QA landing: "The Daily Flash" was shown as superseded).
    assert versions["Twenty"][1] is None
    assert versions["Twelve"][1] == "earlier report (published 2026-07-13T18:00+00:00); later reports differ"


def test_cases_of_an_outbreak_counted_on_two_days_are_a_running_count() -> None:
    """QA c4: 87 cases registered on Sunday and 150 on Monday, from two outlets: the earlier figure
    is the count as it stood then, said so, though no sentence tells the count day by day."""
    [dispute] = find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], [SUNDAY_REPORT, MONDAY_REPORT])
    notes = {v.value: v.note for v in dispute.versions}
    assert notes == {"40 cases": "earlier report (published 2026-07-12T10:00+00:00); later reports differ",
                     "65 cases": "latest figure (published 2026-07-13T10:00+00:00)"}


def _toll(outlet: str, count: str, value: float, published: str, article_id: str | None = None):
    sentence = S(f"{count} people were killed when the train derailed near Ostby on Thursday.",
                 [Q(count, value, counted="people", predicate="kill"), T("Thursday", "2026-05-14")])
    return build(outlet, [sentence], published=published, **({"article_id": article_id} if article_id else {}))


def test_a_toll_that_rises_over_the_day_keeps_each_story_of_one_outlet_and_notes_every_earlier_figure() -> None:
    """QA derail: one outlet's 09:10 story ("two") and 20:30 story ("five") cancelled each other out
    as if the outlet disputed itself, and only the first figure was called earlier."""
    stories = [
        _toll("Alpha", "Two", 2, "2026-05-14T09:10:00+02:00", "alpha-morning"),
        _toll("Bravo", "Three", 3, "2026-05-14T12:30:00+02:00"),
        _toll("Charlie", "Four", 4, "2026-05-14T17:20:00+02:00"),
        _toll("Delta", "Four", 4, "2026-05-14T18:45:00+02:00"),
        _toll("Alpha", "Five", 5, "2026-05-14T20:30:00+02:00", "alpha-evening"),
    ]
    [dispute] = find_disputes([], stories)
    notes = {v.value: v.note for v in dispute.versions}
    assert list(notes) == ["Two", "Three", "Four", "Five"]  # as the toll rose, not by number of outlets
    assert notes["Two"] == "earlier report (published 2026-05-14T09:10+02:00); later reports differ"
    assert notes["Three"] == "earlier report (published 2026-05-14T12:30+02:00); later reports differ"
    assert notes["Four"] == "earlier report (published 2026-05-14T18:45+02:00); later reports differ"
    assert notes["Five"] == "latest figure (published 2026-05-14T20:30+02:00)"


def test_one_article_giving_two_figures_of_a_toll_still_takes_no_side() -> None:
    """Within one article two figures are a part and its whole or an update: neither is a version."""
    both = build("Alpha", [S("Two people were killed when the train derailed near Ostby on Thursday.",
                             [Q("Two", 2, counted="people", predicate="kill"), T("Thursday", "2026-05-14")]),
                           S("Five people were killed when the train derailed near Ostby on Thursday.",
                             [Q("Five", 5, counted="people", predicate="kill"), T("Thursday", "2026-05-14")])],
                 published="2026-05-14T20:30:00+02:00")
    [dispute] = find_disputes([], [both, _toll("Bravo", "Three", 3, "2026-05-14T12:30:00+02:00"),
                                   _toll("Charlie", "Four", 4, "2026-05-14T18:45:00+02:00")])
    assert {v.value: v.sources for v in dispute.versions} == {"Three": ("Bravo",), "Four": ("Charlie",)}


def test_a_toll_figure_others_still_give_as_late_is_not_called_earlier() -> None:
    """Nineteen dead beside twelve the same day, and twelve again the next day: nineteen is a rival
    figure, not one a later report overtook (the ferry bench case)."""
    stories = [_toll("Alpha", "Twelve", 12, "2026-05-14"), _toll("Bravo", "Nineteen", 19, "2026-05-14"),
               _toll("Charlie", "Twelve", 12, "2026-05-15")]
    [dispute] = find_disputes([], stories)
    assert {v.value: v.note for v in dispute.versions} == {"Twelve": None, "Nineteen": None}


@pytest.mark.parametrize("other", ["other ", ""])
def test_other_after_a_count_marks_another_group_not_a_rival_figure(other: str) -> None:
    """QA swap: "four citizens held in Lindmark" (handed over) and "the three other citizens still
    held in Karvia" (a second group) are two groups of detainees; without "other" they are two
    figures of one count."""
    handed = build("Alpha", [S("The two were freed in return for four citizens held in Lindmark.",
                               [Q("four", 4, counted="citizens", predicate="hold")])])
    still = build("Bravo", [S(f"The group will now turn to the cases of the three {other}citizens still held.",
                              [Q("three", 3, counted="citizens", predicate="hold")])])
    disputes = find_disputes([], [handed, still])  # not aligned: told in different words
    assert len(disputes) == (0 if other else 1)


RISING_TOLL = [
    ("Alpha", "Two", 2, "2026-05-14T09:10:00+02:00", "alpha-morning"),
    ("Bravo", "At least 3", 3, "2026-05-14T12:30:00+02:00", None),
    ("Charlie", "Four", 4, "2026-05-14T15:20:00+00:00", None),  # 17:20 where the others are
    ("Delta", "Four", 4, "2026-05-14T18:45:00+02:00", None),
    ("Alpha", "Five", 5, "2026-05-14T20:30:00+02:00", "alpha-evening"),
]


def test_a_toll_that_only_rose_reads_as_a_rise_in_the_order_first_reported() -> None:
    """QA derail: 2, 3, 4, 5 dead over the day read "Outlets disagree on the number of people
    killed"; it is one toll as it rose, each figure with who gave it and when, in one zone."""
    [dispute] = find_disputes([], [_toll(*story) for story in RISING_TOLL])
    assert dispute.rose
    assert dispute.explanation == (
        "The number of people killed on 2026-05-14 rose over the day: two (Alpha, 09:10) → at least 3 (Bravo, 12:30)"
        " → four (Charlie, 17:20; Delta, 18:45) → five (Alpha, 20:30).")


def test_a_toll_that_rose_is_briefed_as_its_latest_figure_then_the_earlier_ones() -> None:
    [dispute] = find_disputes([], [_toll(*story) for story in RISING_TOLL])
    sentence = dispute_sentence(dispute)
    assert sentence.text == ("The latest report gives the number of people killed on 2026-05-14 as five (Alpha);"
                             " earlier reports gave two (Alpha), at least 3 (Bravo) and four (Charlie, Delta).")
    # The latest figure is cited first, then every outlet's earlier report.
    assert [(e.outlet, e.article_id) for e in sentence.citations][:2] == [("Alpha", "alpha-evening"),
                                                                          ("Alpha", "alpha-morning")]
    assert len(sentence.citations) == 5


@pytest.mark.parametrize("stories", [
    # The toll fell: a later report gives fewer dead than an earlier one.
    [("Alpha", "Four", 4, "2026-05-14T09:10:00+02:00", None), ("Bravo", "Three", 3, "2026-05-14T12:30:00+02:00", None)],
    # Two figures within the hour: rival readings, not a rise.
    [("Alpha", "Two", 2, "2026-05-14T12:10:00+02:00", None), ("Bravo", "Three", 3, "2026-05-14T12:30:00+02:00", None)],
    # A lower figure given again after a higher one.
    [("Alpha", "Two", 2, "2026-05-14T09:10:00+02:00", None), ("Bravo", "Three", 3, "2026-05-14T12:30:00+02:00", None),
     ("Charlie", "Two", 2, "2026-05-14T18:00:00+02:00", None)],
])
def test_a_toll_that_fell_or_was_given_two_ways_at_once_stays_a_dispute(stories) -> None:
    [dispute] = find_disputes([], [_toll(*story) for story in stories])
    assert not dispute.rose
    assert dispute.explanation.startswith("Outlets disagree on the number of people killed")
    assert dispute_sentence(dispute).text.startswith("Accounts differ on number of people killed")


def test_a_toll_that_rose_over_several_days_gives_each_report_its_date() -> None:
    stories = [("Alpha", "Two", 2, "2026-05-14T09:10:00+02:00", None), ("Bravo", "Three", 3, "2026-05-14T12:30:00+02:00", None),
               ("Charlie", "Five", 5, "2026-05-15", None)]
    [dispute] = find_disputes([], [_toll(*story) for story in stories])
    assert dispute.rose
    assert dispute.explanation.endswith(
        "rose from report to report: two (Alpha, 2026-05-14 09:10) → three (Bravo, 2026-05-14 12:30) → five (Charlie, 2026-05-15).")


def _injured(outlet: str, count: str, value: float, published: str, qualifier: str | None = None):
    sentence = S(f"The derailment near Ostby on Thursday left {count} people injured.",
                 [Q(count, value, counted="people", predicate="injure", qualifier=qualifier), T("Thursday", "2026-05-14")])
    return build(outlet, [sentence], published=published)


def test_an_open_figure_between_reports_is_the_figure_of_its_hour_not_one_fitting_later_ones() -> None:
    """QA derail: "at least 20 hurt" at 12:30 was set aside as fitting the evening's 35 and 38,
    though at 12:30 the count stood at 17: above it, it is how the count stood then, one figure of
    the rise."""
    stories = [_injured("Alpha", "17", 17, "2026-05-14T09:10:00+02:00"),
               _injured("Bravo", "at least 20", 20, "2026-05-14T12:30:00+02:00", qualifier="at least"),
               _injured("Charlie", "35", 35, "2026-05-14T18:45:00+02:00"),
               _injured("Delta", "38", 38, "2026-05-14T20:30:00+02:00")]
    [dispute] = find_disputes([], stories)
    assert dispute.rose
    assert [(v.value, v.sources) for v in dispute.versions] == [
        ("17", ("Alpha",)), ("at least 20", ("Bravo",)), ("35", ("Charlie",)), ("38", ("Delta",))]
    assert "fits" not in dispute.explanation
    notes = [v.note for v in dispute.versions]
    assert notes[1] == "earlier report (published 2026-05-14T12:30+02:00); later reports differ"
    assert notes[3] == "latest figure (published 2026-05-14T20:30+02:00)"
    assert [v.reported for v in dispute.versions] == [
        ("2026-05-14T09:10+02:00",), ("2026-05-14T12:30+02:00",), ("2026-05-14T18:45+02:00",), ("2026-05-14T20:30+02:00",)]


def test_an_open_figure_that_fits_the_figure_of_its_hour_joins_it() -> None:
    """"at least 15" at 12:30, after 17 at 09:10 and before 30: it says what 17 says, as of then."""
    stories = [_injured("Alpha", "17", 17, "2026-05-14T09:10:00+02:00"),
               _injured("Bravo", "at least 15", 15, "2026-05-14T12:30:00+02:00", qualifier="at least"),
               _injured("Charlie", "30", 30, "2026-05-14T18:45:00+02:00")]
    [dispute] = find_disputes([], stories)
    assert dispute.rose
    assert [(v.value, v.sources) for v in dispute.versions] == [("17 / at least 15", ("Alpha", "Bravo")),
                                                                  ("30", ("Charlie",))]


@pytest.mark.parametrize("published", [
    "2026-05-14T08:00:00+02:00",  # before any other figure: nothing was current
    "2026-05-14T18:40:00+02:00",  # beside two rival figures of its own hour
])
def test_an_open_figure_no_earlier_report_places_still_takes_no_side(published: str) -> None:
    stories = [_injured("Alpha", "35", 35, "2026-05-14T18:45:00+02:00"),
               _injured("Bravo", "at least 20", 20, published, qualifier="at least"),
               _injured("Charlie", "38", 38, "2026-05-14T20:30:00+02:00"),
               _injured("Delta", "30", 30, "2026-05-14T18:30:00+02:00")]
    [dispute] = find_disputes([], stories)
    assert "Bravo" not in {o for v in dispute.versions for o in v.sources}
    assert dispute.explanation.endswith("Bravo's “at least 20” fits every version.")


def test_a_lower_figure_after_an_open_one_is_still_a_dispute() -> None:
    """"at least 20" at 12:30, then 18 at 15:00 without a word of revision: the count fell, or one
    of them is wrong; either way a dispute, not a rise."""
    stories = [_injured("Alpha", "17", 17, "2026-05-14T09:10:00+02:00"),
               _injured("Bravo", "at least 20", 20, "2026-05-14T12:30:00+02:00", qualifier="at least"),
               _injured("Charlie", "18", 18, "2026-05-14T15:00:00+02:00"),
               _injured("Delta", "35", 35, "2026-05-14T18:45:00+02:00")]
    [dispute] = find_disputes([], stories)
    assert not dispute.rose
    assert dispute.explanation.startswith("Outlets disagree on the number of people injured")
