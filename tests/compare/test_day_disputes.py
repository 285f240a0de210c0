"""Disputes on days: the day a source spoke, parts of a day, and days of claims told alike but for them."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from tests.compare.dispute_builders import Q, S, T, build


@pytest.mark.parametrize(
    ("sentence", "position_of", "statement"),
    [
        ("A fire broke out late on Sunday, the fire service said on Monday.", "Monday", True),
        ("A fire broke out late on Sunday, the fire service said on Monday.", "Sunday", False),
        ("The ministry told reporters on Tuesday that the talks had ended.", "Tuesday", True),
        ("Officials said the blaze began on Sunday.", "Sunday", False),
        ("Police said Monday's explosion killed 12 people.", "Monday", False),
        ("Residents were told to evacuate on Sunday.", "Sunday", False),
        ("The fire was first reported at 3:15 a.m.", "3:15 a.m.", False),
        ("Reuters reported on Tuesday that the deal was signed.", "Tuesday", True),
        # The same rule the timeline reads statement dates by: a verb right after the date, a
        # statement or interview, a named medium.
        ("The ministry on Thursday said 12 people had died.", "Thursday", True),
        ("The mayor said in a statement on Friday that the bridge would reopen.", "Friday", True),
        ("The governor told Sky News late on Monday that the fire was contained.", "Monday", True),
        ("Officials announced evacuations on Monday.", "Monday", False),
        # Verbs news uses of things as often as of speech: the day is the event's.
        ("The blast on Tuesday claimed at least 30 lives.", "Tuesday", False),
        ("The state of emergency declared on Tuesday covers 11 provinces.", "Tuesday", False),
        ("The strike on Monday denied thousands access to hospitals.", "Monday", False),
    ],
)
def test_a_day_right_after_a_reporting_verb_dates_the_statement(sentence, position_of, statement) -> None:
    from synopsis.facts.dates import is_statement_time
    from synopsis.facts.keys import predicate_class_at

    position = sentence.index(position_of)
    assert is_statement_time(sentence, position, position + len(position_of)) is statement
    # "late on Sunday" is no delay: the day is the event's, with no predicate of its own.
    assert predicate_class_at(sentence, position, position + len(position_of)) in {None, "start"}


def test_the_day_a_source_spoke_is_no_version_of_the_events_day() -> None:
    """A wire report dates the fire to Sunday and the fire service's statement to Monday; its
    rewrite gives only Sunday.  Nobody disagrees on the day of the fire."""
    lead = S("A fire broke out late on Sunday, the fire service said on Monday.",
             [T("Sunday", "2026-11-15"), T("Monday", "2026-11-16")])
    rewrite = S("A fire broke out late on Sunday, according to the wire.", [T("Sunday", "2026-11-15")])
    analyses = [build("Alpha", [lead]), build("Bravo", [rewrite])]
    assert find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses) == []


def test_a_part_of_a_day_is_a_version_of_the_events_day() -> None:
    """"Saturday night" (a part of a day, whatever type the tagger gives it) against "on Monday" in
    one aligned fact: two days."""
    saturday = S("The fire broke out on Saturday night at the depot.",
                 [T("Saturday night", "2026-11-14TNI", type="TIME", precision="part-of-day")])
    monday = S("The fire broke out on Monday at the depot.", [T("Monday", "2026-11-16")])
    analyses = [build("Alpha", [saturday]), build("Bravo", [monday])]
    disputes = find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses)
    assert [(d.kind, sorted(v.value for v in d.versions)) for d in disputes] == [("date", ["Monday", "Saturday night"])]


@pytest.mark.parametrize(("other_day", "disputed"), [("2026-11-16", True), ("2026-12-20", False)])
def test_days_of_day_rivals_are_versions_when_a_few_days_apart(other_day: str, disputed: bool) -> None:
    """Two sentences told alike but for their days (``link.align.day_rivals``): a day or two apart
    they are outlets disagreeing on one event's day; weeks apart, other occasions of one kind."""
    first = S("A bomb attack at the station on Sunday killed 14 people.", [T("Sunday", "2026-11-15")])
    second = S("A bomb attack at the station on that day killed 14 people.", [T("that day", other_day)])
    analyses = [build("Alpha", [first]), build("Bravo", [second])]
    assert find_disputes([], analyses) == []  # unaligned, and not rivals: never compared
    rivals = [(("id-Alpha", 0), ("id-Bravo", 0))]
    disputes = find_disputes([], analyses, day_rivals=rivals)
    assert [d.kind for d in disputes] == (["date"] if disputed else [])


def test_a_merged_storys_dispute_is_dated_by_its_own_articles_day() -> None:
    """A user merged two days' coverage into one story: three reports of a ferry on 4 March and
    two of talks on 22 July.  The talks' duration is disputed; it is dated 22 July, the day its own
    reports name, not the ferry's day that most of the merged story names."""
    ferry = S("A ferry capsized near the pier on March 4.", [T("March 4", "2026-03-04")])
    ferry_story = [build(name, [ferry], published="2026-03-04T18:00:00+00:00") for name in ("Echo", "Foxtrot", "Golf")]
    met = S("Delegations met in Geneva on July 22.", [T("July 22", "2026-07-22")])
    talks = [
        # An encyclopedia entry has no days "before publication" to be about: its dates place it.
        build("Wiki", [met, S("The meeting lasted less than an hour.", [Q("less than an hour", 1, "hour", qualifier="less than")])],
              published="2026-05-01T00:00:00+00:00", kind="encyclopedia"),
        build("Alpha", [met, S("The meeting lasted less than an hour.", [Q("less than an hour", 1, "hour", qualifier="less than")])],
              published="2026-07-22T20:00:00+00:00"),
        build("Bravo", [met, S("The meeting lasted about three hours.", [Q("about three hours", 3, "hour", qualifier="about")])],
              published="2026-07-22T21:00:00+00:00"),
    ]
    group = [[("id-Wiki", 1), ("id-Alpha", 1), ("id-Bravo", 1)]]
    disputes = find_disputes(group, ferry_story + talks)
    assert [d.kind for d in disputes] == ["duration"]
    assert "2026-07-22" in disputes[0].what and "2026-03-04" not in disputes[0].what
    # The talks alone are dated the same way: the merge changes nothing about them.
    assert find_disputes(group, talks)[0].what == disputes[0].what


def test_an_undated_report_of_a_storys_fact_is_dated_by_the_storys_day() -> None:
    """Reports with no publication date and no day named: nothing places them elsewhere, so their
    dispute takes the story's main day, as before."""
    met = S("Delegations met in Geneva on July 22.", [T("July 22", "2026-07-22")])
    dated = [build(name, [met], published="2026-07-22T20:00:00+00:00") for name in ("Echo", "Foxtrot")]
    undated = [build("Alpha", [S("The meeting lasted less than an hour.", [Q("less than an hour", 1, "hour", qualifier="less than")])], published=None),
               build("Bravo", [S("The meeting lasted about three hours.", [Q("about three hours", 3, "hour", qualifier="about")])], published=None)]
    (dispute,) = find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], dated + undated)
    assert dispute.what.endswith("on 2026-07-22")
