"""Disputes on hand-built analyses from fictional outlets (our own sentences, no corpus text)."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes, lemmatize_noun
from synopsis.records import ArticleAnalysis
from tests.compare.dispute_builders import LESS_THAN_HOUR, MET, Q, S, T, build, extracted, meeting_story


def test_meeting_duration_gives_one_dispute_with_compatible_versions_merged() -> None:
    disputes = find_disputes([], meeting_story())
    assert len(disputes) == 1
    dispute = disputes[0]
    assert dispute.kind == "duration"
    assert "meeting" in dispute.what
    assert len(dispute.versions) == 2
    merged, lone = dispute.versions
    assert set(merged.sources) == {"Alpha", "Bravo", "Delta"}
    assert lone.sources == ("Charlie",)
    assert "less than an hour" in merged.value and "about 40 minutes" in merged.value
    assert {e.outlet for e in merged.evidence} == {"Alpha", "Bravo", "Delta"}
    for version in dispute.versions:
        for evidence in version.evidence:
            analysis = next(a for a in meeting_story() if a.article.id == evidence.article_id)
            assert analysis.article.text[evidence.start:evidence.end] == evidence.text
    assert "Charlie" in dispute.explanation and "about three and a half hours" in dispute.explanation
    assert "Alpha" in dispute.explanation


def test_aligned_group_gives_the_same_dispute() -> None:
    analyses = meeting_story()
    group = [(a.article.id, len(a.claims) - 1) for a in analyses]
    disputes = find_disputes([group], analyses)
    assert len(disputes) == 1
    assert sorted(len(v.sources) for v in disputes[0].versions) == [1, 3]


def test_compatible_durations_alone_are_no_dispute() -> None:
    analyses = [a for a in meeting_story() if a.article.outlet.name != "Charlie"]
    assert find_disputes([], analyses) == []


def test_duration_of_an_earlier_meeting_is_another_slot() -> None:
    earlier = build("Echo", [
        S("A first meeting took place on January 10.", [T("January 10", "2026-01-10")]),
        S("That meeting lasted about three and a half hours.", [Q("about three and a half hours", 3.5, "hour", qualifier="about")]),
    ])
    analyses = [a for a in meeting_story() if a.article.outlet.name != "Charlie"] + [earlier]
    assert find_disputes([], analyses) == []


def test_delay_is_not_the_length_of_the_meeting() -> None:
    delayed = build("Echo", [S("The meeting was delayed by about three hours.", [Q("about three hours", 3, "hour", qualifier="about")])])
    analyses = [a for a in meeting_story() if a.article.outlet.name != "Charlie"] + [delayed]
    assert find_disputes([], analyses) == []


def list_story(first: str = "339", second: str = "329") -> list[ArticleAnalysis]:
    return [
        build("Alpha", [S(f"Officials handed over a list of {first} missing children.",
                          [Q(first, float(first), counted="children", predicate="list")])]),
        build("Bravo", [S(f"The minister said the {second} children listed by the officials were checked.",
                          [Q(second, float(second), counted="children", predicate="list")])]),
    ]


def test_list_sizes_differ() -> None:
    disputes = find_disputes([], list_story())
    assert len(disputes) == 1
    assert disputes[0].kind == "count"
    assert "children" in disputes[0].what
    assert sorted(v.normalized for v in disputes[0].versions) == ["329", "339"]


def test_same_list_size_is_no_dispute() -> None:
    assert find_disputes([], list_story("339", "339")) == []


def test_same_noun_in_unrelated_frames_is_no_dispute() -> None:
    analyses = [
        build("Alpha", [S("Officials handed over a list of 339 missing children.", [Q("339", 339, counted="children")])]),
        build("Bravo", [S("Schools in the region closed, sending 12 children home.", [Q("12", 12, counted="children")])]),
    ]
    assert find_disputes([], analyses) == []


def test_one_happening_to_the_same_things_is_one_count_however_the_sentences_go_on() -> None:
    """"Three firefighters were injured, spokesman X told reporters" / "Four firefighters were hurt,
    the fire service said": no word around the numbers is shared, but both count firefighters
    hurt, so the two figures are versions of one count."""
    analyses = [
        build("Alpha", [S("Three firefighters were injured, spokesman Petar Ivanov told reporters.",
                          [Q("Three", 3, counted="firefighters", predicate="injure")])]),
        build("Bravo", [S("Four firefighters were hurt, the fire service said.",
                          [Q("Four", 4, counted="firefighters", predicate="hurt")])]),
    ]
    disputes = find_disputes([], analyses)
    assert [(d.kind, [v.sources for v in d.versions]) for d in disputes] == [("count", [("Alpha",), ("Bravo",)])]
    # What is counted must be named alike: three firefighters hurt and four people hurt are not
    # compared unaligned when nothing else ties them.
    people = build("Bravo", [S("Four people were hurt as smoke drifted over homes.",
                               [Q("Four", 4, counted="people", predicate="hurt")])])
    assert find_disputes([], [analyses[0], people]) == []


# --- the day a dispute is about -----------------------------------------------------------------


def recalled_round_story(background: S, said: S) -> list[ArticleAnalysis]:
    """Alpha recalls an earlier round before reporting a figure given today; Bravo, an encyclopedia
    entry, gives another figure for the same list; Charlie only dates today's meeting."""
    today = S("The delegations met in Geneva on March 3 for a third round.", [T("March 3", "2026-03-03")])
    return [
        build("Alpha", [today, background, said]),
        build("Bravo", [S("The minister said the 329 children listed by the officials were checked.",
                          [Q("329", 329, counted="children", predicate="list")])], kind="encyclopedia"),
        build("Charlie", [today]),
    ]


EARLIER_ROUND = "At the previous round on February 10, the officials handed over a list of missing children."
SAID_TODAY = "The envoy said the entire list of 339 children had been checked."


@pytest.mark.parametrize("new_paragraph", [True, False], ids=["section-before", "sentence-before"])
def test_dispute_is_dated_by_the_story_day_not_a_recalled_round(new_paragraph: bool) -> None:
    background = S(EARLIER_ROUND, [T("February 10", "2026-02-10")], new_paragraph=new_paragraph)
    said = S(SAID_TODAY, [Q("339", 339, counted="children", predicate="list")], new_paragraph=new_paragraph)
    analyses = recalled_round_story(background, said)
    disputes = find_disputes([[("id-Alpha", 2), ("id-Bravo", 0)]], analyses)
    assert len(disputes) == 1
    assert "2026-03-03" in disputes[0].what and "2026-02-10" not in disputes[0].what


def test_dispute_is_dated_by_the_day_its_claims_state() -> None:
    background = S(EARLIER_ROUND, [T("February 10", "2026-02-10")], new_paragraph=True)
    said = S("On March 4 the envoy said the entire list of 339 children had been checked.",
             [Q("339", 339, counted="children", predicate="list"), T("March 4", "2026-03-04")], new_paragraph=True)
    disputes = find_disputes([[("id-Alpha", 2), ("id-Bravo", 0)]], recalled_round_story(background, said))
    assert len(disputes) == 1
    assert disputes[0].what.endswith("on 2026-03-04")


def prisoners(outlet: str, sentence: str, quantity: Q, date: T | None = None) -> ArticleAnalysis:
    return build(outlet, [S(sentence, [quantity] + ([date] if date else []))])


def test_more_than_and_exact_agree_in_a_group() -> None:
    analyses = [
        prisoners("Alpha", "The sides agreed to exchange more than 1,000 prisoners.", Q("more than 1,000", 1000, counted="prisoners", qualifier="more than")),
        prisoners("Bravo", "The sides agreed to exchange 1,200 prisoners.", Q("1,200", 1200, counted="prisoners")),
    ]
    groups = [[("id-Alpha", 0), ("id-Bravo", 0)]]
    assert find_disputes(groups, analyses) == []
    assert find_disputes([], analyses) == []


def test_counts_of_different_months_are_different_slots() -> None:
    may = T("in May", "2026-05", precision="month")
    july = T("in July", "2026-07", precision="month")
    analyses = [
        prisoners("Alpha", "The sides agreed to exchange 1,000 prisoners in May.", Q("1,000", 1000, counted="prisoners"), may),
        prisoners("Bravo", "The sides agreed to exchange 1,200 prisoners in July.", Q("1,200", 1200, counted="prisoners"), july),
    ]
    assert find_disputes([], analyses) == []
    # control: the same two numbers for the same month are a dispute
    same = [
        prisoners("Alpha", "The sides agreed to exchange 1,000 prisoners in July.",
                  Q("1,000", 1000, counted="prisoners", predicate="exchange"), july),
        prisoners("Bravo", "The sides agreed to swap 1,200 prisoners in July.",
                  Q("1,200", 1200, counted="prisoners", predicate="swap"), july),
    ]
    assert len(find_disputes([], same)) == 1


def test_rewrite_gets_a_derived_note() -> None:
    analyses = meeting_story() + [
        build("Foxtrot", [S("The meeting lasted about three and a half hours.",
                            [Q("about three and a half hours", 3.5, "hour", qualifier="about")])], origin="Charlie"),
    ]
    dispute = find_disputes([], analyses)[0]
    long_version = next(v for v in dispute.versions if "Charlie" in v.sources)
    assert set(long_version.sources) == {"Charlie", "Foxtrot"}
    assert long_version.note is not None and "derived" in long_version.note and "Foxtrot" in long_version.note
    short_version = next(v for v in dispute.versions if "Alpha" in v.sources)
    assert short_version.note is None or "derived" not in short_version.note


def test_entry_published_long_before_the_event_gets_a_note() -> None:
    analyses = [a for a in meeting_story() if a.article.outlet.name != "Charlie"] + [
        build("Wiki", [MET, S("The meeting lasted about three and a half hours.",
                              [Q("about three and a half hours", 3.5, "hour", qualifier="about")])],
              published="2025-11-20", kind="encyclopedia"),
    ]
    dispute = find_disputes([], analyses)[0]
    wiki = next(v for v in dispute.versions if "Wiki" in v.sources)
    assert wiki.note is not None and "long before" in wiki.note
    assert len(dispute.versions) == 2  # still shown


def test_start_times_differ_but_zones_agree() -> None:
    analyses = [
        build("Alpha", [MET, S("The meeting began at 8:37 p.m. local time (5:37 p.m. GMT).",
                               [T("8:37 p.m.", "2026-03-03T20:37+03:00", "TIME"), T("5:37 p.m. GMT", "2026-03-03T17:37Z", "TIME")])]),
        build("Bravo", [MET, S("The meeting began around 18:00 local time.", [T("18:00", "2026-03-03T18:00", "TIME", "APPROX")])]),
        build("Charlie", [MET, S("The talks started at 17:37 GMT.", [T("17:37 GMT", "2026-03-03T17:37Z", "TIME")])]),
    ]
    disputes = find_disputes([], analyses)
    assert len(disputes) == 1
    dispute = disputes[0]
    assert dispute.kind == "time" and "start" in dispute.what
    by_outlets = sorted(tuple(sorted(v.sources)) for v in dispute.versions)
    assert by_outlets == [("Alpha", "Charlie"), ("Bravo",)]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("prisoners", "prisoner"), ("children", "child"), ("people", "person"), ("casualties", "casualty"),
     ("bus", "bus"), ("talks", "talk"), ("witnesses", "witness")],
)
def test_lemmatize_noun(word: str, lemma: str) -> None:
    assert lemmatize_noun(word) == lemma


def test_compound_duration_is_one_value(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": "Delegations met in Geneva on March 3. The meeting lasted one hour and 45 minutes.",
        "Bravo": "Delegations met in Geneva on March 3. The meeting lasted about two hours.",
        "Charlie": "Delegations met in Geneva on March 3. The meeting lasted 45 minutes.",
    })
    disputes = find_disputes([], analyses)
    assert len(disputes) == 1
    versions = {v.sources: v.value for v in disputes[0].versions}
    assert versions[("Alpha", "Bravo")].startswith("one hour and 45 minutes")
    assert versions[("Charlie",)] == "45 minutes"


def test_unaligned_counts_far_apart_are_different_things() -> None:
    analyses = [
        build("Alpha", [S("Officials handed over a list of 339 missing children.", [Q("339", 339, counted="children")])]),
        build("Bravo", [S("A separate list names 20 children from border towns.", [Q("20", 20, counted="children")])]),
    ]
    assert find_disputes([], analyses) == []
    assert len(find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses)) == 1  # aligned: compared


def test_claim_group_objects_are_accepted() -> None:
    class Member:
        def __init__(self, article_id: str, claim_index: int) -> None:
            self.article_id, self.claim_index = article_id, claim_index

    class Group:
        def __init__(self, members: list[Member]) -> None:
            self.members = tuple(members)

    analyses = list_story()
    assert len(find_disputes([Group([Member("id-Alpha", 0), Member("id-Bravo", 0)])], analyses)) == 1


# --- predicates: what happened to what is counted -----------------------------------------------


def casualty_story() -> list[ArticleAnalysis]:
    return [
        build("Alpha", [S("The tower fire killed three people and injured 12.",
                          [Q("three", 3, counted="people", predicate="kill"), Q("12", 12, predicate="injure")])]),
        build("Bravo", [S("Three people died and 17 were hurt in the fire.",
                          [Q("Three", 3, counted="people", predicate="die"), Q("17", 17, predicate="hurt")])]),
        build("Charlie", [S("More than 200 residents were evacuated from the tower.",
                            [Q("More than 200", 200, counted="residents", qualifier="more than", predicate="evacuate")])]),
        build("Delta", [S("Firefighters moved 230 people out of the block.",
                          [Q("230", 230, counted="people", predicate="move")])]),
    ]


def test_deaths_and_injuries_are_different_slots() -> None:
    disputes = find_disputes([], casualty_story())
    assert len(disputes) == 1, [d.what for d in disputes]
    assert sorted(v.normalized for v in disputes[0].versions) == ["12", "17"]
    assert "injured" in disputes[0].what


def test_deaths_and_injuries_in_one_aligned_group_stay_apart() -> None:
    analyses = casualty_story()
    groups = [[(a.article.id, 0) for a in analyses]]
    disputes = find_disputes(groups, analyses)
    assert [sorted(v.normalized for v in d.versions) for d in disputes] == [["12", "17"]]


def test_count_without_predicate_compares_only_inside_aligned_groups() -> None:
    analyses = [
        build("Alpha", [S("The report names 40 firms.", [Q("40", 40, counted="firms")])]),
        build("Bravo", [S("The report names 55 firms.", [Q("55", 55, counted="firms")])]),
    ]
    assert find_disputes([], analyses) == []
    assert len(find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses)) == 1


def test_another_batch_is_not_a_different_value() -> None:
    analyses = [
        build("Alpha", [S("The army handed over the remains of 600 soldiers.",
                          [Q("600", 600, counted="soldiers", predicate="hand")])]),
        build("Bravo", [S("The army offered to return the remains of another 400 soldiers.",
                          [Q("400", 400, counted="soldiers", predicate="return")])]),
    ]
    assert find_disputes([], analyses) == []
    control = [analyses[0], build("Bravo", [S("The army returned the remains of 400 soldiers.",
                                              [Q("400", 400, counted="soldiers", predicate="return")])])]
    assert len(find_disputes([], control)) == 1


def test_values_from_differently_numbered_rounds_are_different_slots() -> None:
    first = S("The first round of talks was held in Oslo.")
    third = S("The third round of talks was held in Oslo.")
    analyses = [
        build("Alpha", [first, S("The sides agreed to exchange 500 detainees.",
                                 [Q("500", 500, counted="detainees", predicate="exchange")])]),
        build("Bravo", [third, S("The sides agreed to exchange 800 detainees.",
                                 [Q("800", 800, counted="detainees", predicate="exchange")])]),
    ]
    assert find_disputes([], analyses) == []
    assert find_disputes([[("id-Alpha", 1), ("id-Bravo", 1)]], analyses) == []
    same = [analyses[0], build("Bravo", [first, S("The sides agreed to exchange 800 detainees.",
                                                  [Q("800", 800, counted="detainees", predicate="exchange")])])]
    assert len(find_disputes([], same)) == 1


@pytest.mark.parametrize("lemma, expected", [("kill", "die"), ("dead", "die"), ("wound", "injure"),
                                             ("hurt", "injure"), ("swap", "exchange"), ("evacuate", "evacuate"),
                                             ("sign", "sign"), (None, None)])
def test_classify_predicate(lemma, expected) -> None:
    from synopsis.compare.disputes import classify_predicate

    assert classify_predicate(lemma) == expected


# --- a dispute needs one slot and genuinely different values -------------------------------------


def test_other_quantity_in_an_aligned_sentence_is_not_a_version() -> None:
    """'seven weeks' (the gap since the last round) is not the length of the meeting, even though
    the sentence it is in reports the meeting's length and is aligned with another outlet's."""
    analyses = [
        build("Alpha", [S("The talks lasted 40 minutes.", [Q("40 minutes", 40, "minute")])]),
        build("Bravo", [S("The talks, the first in seven weeks, lasted less than an hour.",
                          [Q("seven weeks", 7, "week"), LESS_THAN_HOUR])]),
    ]
    assert find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses) == []
    # A really different length is still disputed.
    analyses[0] = build("Alpha", [S("The talks lasted three hours.", [Q("three hours", 3, "hour")])])
    [dispute] = find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses)
    assert [v.value for v in dispute.versions] in (["three hours", "less than an hour"], ["less than an hour", "three hours"])


def test_same_written_value_resolved_differently_is_no_dispute() -> None:
    """Two outlets both say "on Wednesday"; only our reading of it (from their publication dates)
    differs. The versions would read 'Wednesday' against 'Wednesday': not a disagreement."""
    analyses = [
        build("Alpha", [S("The talks ended on Wednesday.", [T("Wednesday", "2026-03-04")])],
              published="2026-03-04T09:00:00+00:00"),
        build("Bravo", [S("The negotiations ended on Wednesday.", [T("Wednesday", "2026-03-11")])],
              published="2026-03-09T09:00:00+00:00"),
    ]
    assert find_disputes([[("id-Alpha", 0), ("id-Bravo", 0)]], analyses) == []


def _killed(count: str, value: float) -> S:
    return S(f"{count} people were killed when the roof of the hall collapsed on May 3.",
             [Q(count, value, counted="people", predicate="kill"), T("May 3", "2024-05-03")])


def test_a_corrected_version_counts_as_of_its_correction_not_its_first_publication() -> None:
    """Alpha corrects its toll after Bravo reported the old one: the corrected figure is the later
    report, though Alpha was first published before Bravo (two versions of one article)."""
    from synopsis.store.db import Store

    first = build("Alpha", [_killed("Four", 4)], published="2024-05-03T18:00:00+00:00", article_id="alpha-1")
    corrected = build("Alpha", [_killed("Seven", 7)], published="2024-05-03T18:00:00+00:00", article_id="alpha-2")
    bravo = build("Bravo", [_killed("Four", 4)], published="2024-05-03T21:00:00+00:00")
    with Store.open(":memory:") as store:
        store.add_version(first, "url:https://alpha.example/talks")
        store.add_version(bravo, "url:https://bravo.example/talks")
        assert store.add_version(corrected, "url:https://alpha.example/talks").replaced
        analyses = list(store.iter_analyses())
    dispute = find_disputes([], analyses)[0]
    notes = {v.sources: v.note for v in dispute.versions}
    # The toll only rose, four then seven: the corrected figure is its latest, as of the correction.
    assert dispute.rose and notes[("Alpha",)].startswith("latest figure (updated ")
    assert notes[("Bravo",)] == "earlier report (published 2024-05-03T21:00+00:00); later reports differ"
    alpha = next(a.article for a in analyses if a.article.id == "alpha-2")
    assert alpha.published == "2024-05-03T18:00:00+00:00" and alpha.updated  # the first publication is kept for display


def _toll_notes(alpha_published: str, bravo_published: str, alpha_first: bool = False) -> dict[tuple[str, ...], str | None]:
    """A toll of four, then seven: ``alpha_first`` gives Alpha the lower, earlier figure (a figure
    is only overtaken by a higher one)."""
    low, high = _killed("Four", 4), _killed("Seven", 7)
    alpha = build("Alpha", [low if alpha_first else high], published=alpha_published)
    bravo = build("Bravo", [high if alpha_first else low], published=bravo_published)
    dispute = find_disputes([], [alpha, bravo])[0]
    return {v.sources: v.note for v in dispute.versions}


def test_a_date_only_publication_is_of_the_same_day_as_a_timed_one_not_earlier() -> None:
    """A date-only publication ("Date: 2024-05-04") is a whole day, not its midnight: beside a
    report at 09:00 that day neither is the earlier one (QA: a same-day report was called "later")."""
    notes = _toll_notes("2024-05-04", "2024-05-04T09:00:00+02:00")
    assert notes == {("Alpha",): None, ("Bravo",): None}


def test_a_date_only_publication_a_day_earlier_is_shown_as_a_date() -> None:
    notes = _toll_notes("2024-05-03", "2024-05-04T09:00:00+02:00", alpha_first=True)
    assert notes[("Alpha",)] == "earlier report (published 2024-05-03); later reports differ"
    assert notes[("Bravo",)] == "latest figure (published 2024-05-04T09:00+02:00)"


def test_a_timed_report_on_the_day_before_a_date_only_one_is_earlier() -> None:
    """A timed report's day is the one in the zone it is written in (23:30 at +02:00 is May 3)."""
    notes = _toll_notes("2024-05-04", "2024-05-03T23:30:00+02:00")
    assert notes[("Bravo",)] == "earlier report (published 2024-05-03T23:30+02:00); later reports differ"
    assert notes[("Alpha",)] == "latest figure (published 2024-05-04)"


def test_an_earlier_reading_of_a_value_that_does_not_run_on_is_not_called_superseded() -> None:
    """A meeting's length is one value, not a count that rises over the day: a later outlet's other
    reading of it is a rival, not an update (QA breach: "2.3 million" records called superseded by
    another outlet's "nearly 3 million")."""
    alpha = build("Alpha", [MET, S("The meeting lasted less than an hour, officials said.", [LESS_THAN_HOUR])],
                  published="2026-03-03T18:00:00+00:00")
    bravo = build("Bravo", [MET, S("The meeting lasted about three and a half hours.",
                                   [Q("about three and a half hours", 3.5, "hour", qualifier="about")])],
                  published="2026-03-04T21:00:00+00:00")
    [dispute] = find_disputes([], [alpha, bravo])
    assert [v.note for v in dispute.versions] == [None, None]


def test_explanation_ends_with_one_full_stop_after_a_value_that_ends_with_one() -> None:
    from synopsis.compare.dispute_versions import explain
    from synopsis.records import DisputeVersion

    versions = [DisputeVersion("6:40 a.m.", "06:40", ("Alpha",), ()), DisputeVersion("7:15 a.m.", "07:15", ("Bravo",), ())]
    text = explain("time of the collapse", "time", versions)
    assert text.endswith("Bravo says it was at 7:15 a.m.") and not text.endswith("..")
    plain = explain("time of the collapse", "time", list(reversed(versions))[:1] + [DisputeVersion("noon", "12:00", ("Alpha",), ())])
    assert plain.endswith("Alpha says it was at noon.")


def test_a_day_from_an_earlier_sentence_does_not_keep_an_aligned_report_out_of_its_version() -> None:
    # Alpha and Bravo tell the day of the blaze before the toll, Charlie and Delta the day residents
    # came back: the aligner says the four give one toll, and Delta gives Alpha's figure.
    def story(outlet: str, day: S, homes: int) -> ArticleAnalysis:
        toll = S(f"The fire destroyed {homes} homes.", [Q(str(homes), homes, counted="homes", predicate="destroy")],
                 new_paragraph=True)
        return build(outlet, [day, toll])

    blaze = S("The fire broke out on March 2.", [T("March 2", "2026-03-02")])
    back = S("Residents returned to the village on March 3.", [T("March 3", "2026-03-03")])
    analyses = [story("Alpha", blaze, 40), story("Bravo", blaze, 40), story("Charlie", back, 60),
                story("Delta", back, 40)]
    group = [(a.article.id, 1) for a in analyses]
    [dispute] = find_disputes([group], analyses)
    assert {v.value: set(v.sources) for v in dispute.versions} == {"40": {"Alpha", "Bravo", "Delta"},
                                                                   "60": {"Charlie"}}


# --- a report's earlier paragraph does not date what follows it -----------------------------------


def test_a_reports_earlier_paragraph_on_something_else_does_not_date_a_figure(nlp) -> None:
    """A news report's paragraph whose sentence gives a date further on ("died on Tuesday night",
    "in the year to February") tells something besides the event: the undated figure after it is
    still about the event, and disputes another report's."""
    analyses = extracted(nlp, {
        "Alpha": "A Meridian flight hit severe turbulence over the Alps on Monday.\n\n"
                 "The plane, an Airbus A321 carrying 186 passengers and six crew, landed safely in Lyon.",
        "Bravo": "A passenger hurt on the Meridian flight died on Tuesday night, the airline said.\n\n"
                 "The aircraft was carrying 168 passengers and six crew.",
    })
    [dispute] = find_disputes([], analyses)
    assert sorted(v.sources for v in dispute.versions) == [("Alpha",), ("Bravo",)]
    # A total of everyone on board, and a rounded count, agree with 186 passengers.
    for other in ("The aircraft had 192 people on board.", "The aircraft was carrying nearly 190 passengers."):
        agreeing = extracted(nlp, {"Alpha": analyses[0].article.text,
                                   "Bravo": "A passenger hurt on the Meridian flight died on Tuesday night.\n\n" + other})
        assert find_disputes([], agreeing) == []


def test_a_section_a_report_opens_with_its_date_still_dates_what_follows(nlp) -> None:
    """"On February 10, ..." opening a paragraph dates the passage after it: a count there is of
    that earlier day, no version of today's."""
    analyses = extracted(nlp, {
        "Alpha": "The two sides exchanged 300 prisoners on Tuesday.",
        "Bravo": "The two sides exchanged prisoners again on Tuesday.\n\n"
                 "On February 10, the two sides met in Geneva for an earlier round.\n\n"
                 "They exchanged 250 prisoners.",
    })
    assert find_disputes([], analyses) == []
