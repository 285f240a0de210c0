"""Look-alike events read from text: rounds of one series of talks, fires in two towns or a week
apart, the reference corpus and the round of talks before it, batch and streamed."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from synopsis.link.events import PART_OF_DAY_FACTOR, compare_events, explain_events
from synopsis.link.groups_apart import why_apart
from synopsis.link.stories import StoryIndex, cluster_stories, describe_events
from synopsis.records import Article
from tests.factories import EVENT_BASE as BASE
from tests.factories import event_profile as _profile
from tests.factories import analyze_rows, assert_stories_batch_and_stream
from tests.factories import partition as _partition

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "harbor-bridge"


def _article(aid: str, title: str, text: str, published: str) -> Article:
    return Article(id=aid, source=aid, text=text, title=title, published=published)


LOOK_ALIKES = [
    # Two rounds of the same talks, same parties and place, six weeks apart.
    ("r2a", "Second round of Arvenia-Bolmark talks ends in Sarnow", "Delegations from Arvenia and Bolmark met in Sarnow on 14 May 2024 for a second round of talks. Envoy Ilse Varga said the sides agreed to swap 300 prisoners. The talks lasted two hours.", "2024-05-14"),
    ("r2b", "Arvenia and Bolmark agree prisoner swap in Sarnow", "Arvenia and Bolmark agreed on 14 May 2024 in Sarnow to exchange 300 prisoners, envoy Ilse Varga said after a second round of talks. The meeting lasted about two hours.", "2024-05-14"),
    ("r3a", "Third round of Arvenia-Bolmark talks ends in Sarnow", "Delegations from Arvenia and Bolmark met in Sarnow on 25 June 2024 for a third round of talks. Envoy Ilse Varga said the sides agreed to swap 1,200 prisoners. The talks lasted forty minutes.", "2024-06-25"),
    ("r3b", "Arvenia, Bolmark hold third round in Sarnow", "Arvenia and Bolmark held a third round of talks in Sarnow on 25 June 2024, agreeing to exchange 1,200 prisoners, envoy Ilse Varga said. The meeting lasted less than an hour.", "2024-06-25"),
]


# Two rounds of one tournament two days apart: within the day tolerance, same
# player, place and words; only the round's number tells them apart.
ROUNDS_DAYS_APART = [
    ("t2a", "Varga through to third round in Sarnow", "Ilse Varga beat Mara Olsen 6-3, 6-4 in the second round of the Sarnow Open on Monday 3 June 2024. Varga served well and broke twice in each set.", "2024-06-03"),
    ("t2b", "Varga beats Olsen in Sarnow second round", "Top seed Ilse Varga defeated Mara Olsen in straight sets in the second round of the Sarnow Open on 3 June 2024, breaking serve twice in each set.", "2024-06-03"),
    ("t3a", "Varga into Sarnow quarter-finals", "Ilse Varga beat Anna Kell 7-5, 6-2 in the third round of the Sarnow Open on Wednesday 5 June 2024. Varga served well and broke three times.", "2024-06-05"),
    ("t3b", "Varga beats Kell in Sarnow third round", "Top seed Ilse Varga defeated Anna Kell in straight sets in the third round of the Sarnow Open on 5 June 2024, breaking serve three times.", "2024-06-05"),
]


@pytest.fixture(scope="module")
def look_alike_analyses(nlp):
    from synopsis.extract.pipeline import analyze_articles

    return list(analyze_articles([_article(*row) for row in LOOK_ALIKES], nlp))


def test_batch_keeps_rounds_of_the_same_talks_apart(look_alike_analyses):
    stories = cluster_stories(look_alike_analyses)
    assert _partition(s.article_ids for s in stories) == {frozenset({"r2a", "r2b"}), frozenset({"r3a", "r3b"})}


def test_incremental_keeps_rounds_of_the_same_talks_apart(look_alike_analyses):
    index = StoryIndex()
    for profile in describe_events(look_alike_analyses):
        index.add(profile)
    assert _partition(index.stories().values()) == {frozenset({"r2a", "r2b"}), frozenset({"r3a", "r3b"})}


def test_rounds_days_apart_stay_apart_in_batch_and_stream(nlp):
    from synopsis.extract.pipeline import analyze_articles

    analyses = list(analyze_articles([_article(*row) for row in ROUNDS_DAYS_APART], nlp))
    expected = {frozenset({"t2a", "t2b"}), frozenset({"t3a", "t3b"})}
    assert _partition(s.article_ids for s in cluster_stories(analyses)) == expected
    index = StoryIndex()
    for profile in describe_events(analyses):
        index.add(profile)
    assert _partition(index.stories().values()) == expected


# Two fires in two towns a day apart, written alike: only the town tells them apart.
FIRES_IN_TWO_TOWNS = [
    ("l1", "Fire guts furniture depot in Leeds", "A fire gutted a furniture depot in Leeds on Tuesday evening, injuring 12 people and forcing 140 residents from nearby homes, the county fire service said. Crews fought the blaze for six hours.", "2024-03-05"),
    ("l2", "Twelve hurt as blaze engulfs Leeds depot", "Twelve people were hurt when fire swept through a furniture depot in Leeds on Tuesday evening, and 140 residents were moved out of their homes. Firefighters needed six hours to bring it under control.", "2024-03-05"),
    ("b1", "Fire guts furniture depot in Bradford", "A fire gutted a furniture depot in Bradford on Wednesday evening, injuring 9 people and forcing 80 residents from nearby homes, the county fire service said. Crews fought the blaze for five hours.", "2024-03-06"),
    ("b2", "Nine hurt as blaze engulfs Bradford depot", "Nine people were hurt when fire swept through a furniture depot in Bradford on Wednesday evening, and 80 residents were moved out of their homes. Firefighters needed five hours to bring it under control.", "2024-03-06"),
]


def test_groups_placing_the_event_in_different_towns_are_other_events(nlp):
    from synopsis.extract.pipeline import analyze_articles

    analyses = list(analyze_articles([_article(*row) for row in FIRES_IN_TWO_TOWNS], nlp))
    profiles = describe_events(analyses)
    expected = {frozenset({"l1", "l2"}), frozenset({"b1", "b2"})}
    assert _partition(s.article_ids for s in cluster_stories(analyses)) == expected
    index = StoryIndex()
    for profile in profiles:
        index.add(profile)
    assert _partition(index.stories().values()) == expected
    assert why_apart(profiles[:2], profiles[2:]) == "each places the event where the other never does (leeds / bradford)"


@pytest.mark.parametrize(
    ("other_places", "other_cast", "apart"),
    [
        ({"bradford"}, set(), True),
        ({"bradford"}, {"leeds"}, False),  # the other group's texts name the town too
        ({"bradford", "leeds"}, set(), False),  # one event named at two places
        (set(), set(), False),  # the other group places its event nowhere
    ],
)
def test_a_place_marks_a_group_only_where_the_other_never_names_it(other_places, other_cast, apart):
    leeds = [_profile(f"l{i}", BASE, names={"depot"}, places={"leeds"}) for i in range(2)]
    other = [_profile(f"o{i}", BASE, names={"depot"}, cast={"depot", *other_cast}, places=other_places) for i in range(2)]
    assert (why_apart(leeds, other) is not None) is apart


# Two fires in one city a week apart, each dated only by a part of day ("on Monday
# afternoon"), published a week apart: the publication gap alone is too small to damp.
FIRES_A_WEEK_APART = [
    ("f1a", "Fire guts warehouse in Sarnow harbour", "A fire gutted a timber warehouse in Sarnow harbour on Monday afternoon, the city fire service said. Forty firefighters fought the blaze for five hours. Nobody was hurt, fire chief Ilse Varga said.", "2024-06-10"),
    ("f1b", "Sarnow harbour warehouse destroyed by blaze", "Firefighters in Sarnow spent five hours on Monday afternoon putting out a fire that destroyed a timber warehouse in the harbour. Fire chief Ilse Varga said no one was injured.", "2024-06-10"),
    ("f2a", "Fire destroys warehouse in Sarnow harbour", "A fire destroyed a paper warehouse in Sarnow harbour on Monday afternoon, the city fire service said. Thirty firefighters fought the blaze for four hours. Nobody was hurt, fire chief Ilse Varga said.", "2024-06-17"),
    ("f2b", "Blaze guts Sarnow harbour warehouse", "Firefighters in Sarnow spent four hours on Monday afternoon putting out a fire that gutted a paper warehouse in the harbour. Fire chief Ilse Varga said no one was injured.", "2024-06-17"),
]


def test_same_day_reports_a_week_apart_are_other_events(nlp):
    from synopsis.extract.pipeline import analyze_articles

    analyses = list(analyze_articles([_article(*row) for row in FIRES_A_WEEK_APART], nlp))
    profiles = describe_events(analyses)
    assert [(p.day, p.time_day) for p in profiles] == [(None, "2024-06-10")] * 2 + [(None, "2024-06-17")] * 2
    expected = {frozenset({"f1a", "f1b"}), frozenset({"f2a", "f2b"})}
    assert _partition(s.article_ids for s in cluster_stories(analyses)) == expected
    index = StoryIndex()
    for profile in profiles:
        index.add(profile)
    assert _partition(index.stories().values()) == expected
    assert explain_events(profiles[0], profiles[2]).rules[0][1].startswith("the leads date the event 7 days apart")


@pytest.mark.parametrize(
    ("mine", "theirs", "excluded"),
    [
        ((None, "2024-06-10"), (None, "2024-06-17"), True),  # two same-day reports a week apart
        ((None, "2024-06-10"), (None, "2024-06-12"), False),  # within the tolerance
        (("2024-06-17", None), (None, "2024-06-10"), False),  # a calendar date against a part of day
    ],
)
def test_parts_of_day_are_compared_only_with_parts_of_day(mine, theirs, excluded):
    a = dataclasses.replace(_profile("a", BASE), day=mine[0], time_day=mine[1])
    b = dataclasses.replace(_profile("b", BASE), day=theirs[0], time_day=theirs[1])
    assert (compare_events(a, b) == 0.0) is excluded


def test_a_part_of_day_far_from_a_calendar_date_damps_the_pair():
    dated = dataclasses.replace(_profile("a", BASE), day="2024-06-17", time_day=None)
    near = dataclasses.replace(_profile("b", BASE), day=None, time_day="2024-06-16")
    far = dataclasses.replace(_profile("c", BASE), day=None, time_day="2024-06-10")
    assert compare_events(dated, far) == pytest.approx(PART_OF_DAY_FACTOR * compare_events(dated, near))
    assert compare_events(dated, far) > 0.0
    assert any("part of day falls on 2024-06-10, 7 days away" in why for _, why in explain_events(dated, far).rules)


# Two rounds of talks six days apart: the next-day report of the first dates it only by
# "Tuesday evening", the second round's reports by calendar date.
ROUNDS_WITH_A_NEXT_DAY_REPORT = [
    ("k2a", "Kesh and Dorvan hold second round of talks in Melor", "Delegations from Kesh and Dorvan met in Melor on Tuesday for a second round of talks, mediators said, with aid corridors into Tarsa at the top of the agenda. Envoy Omar Lind said his side was ready to discuss a local truce.", "2025-06-03"),
    ("k2b", "Kesh and Dorvan negotiators meet again in Melor", "Negotiators for Kesh and Dorvan sat down in Melor on Tuesday for round two of the mediated talks. Aid agencies urged both sides to open routes into Tarsa. Envoy Omar Lind led the Kesh delegation.", "2025-06-03"),
    ("k2c", "Melor talks: little progress as delegations meet", "Talks between Kesh and Dorvan ended in Melor on Tuesday evening without a breakthrough, diplomats said. The discussions focused on aid access to Tarsa. Envoy Omar Lind said his delegation had come in good faith.", "2025-06-04"),
    ("k3a", "Kesh and Dorvan open third round of Melor talks", "Kesh and Dorvan began a third round of talks in Melor on Monday, mediators said, after the previous session ended without agreement on aid access to Tarsa. Envoy Omar Lind said his side had brought written proposals.", "2025-06-09"),
    ("k3b", "Melor talks resume as Tarsa goes hungry", "Kesh and Dorvan delegations returned to Melor on Monday for talks on aid access to Tarsa. Envoy Omar Lind said a humanitarian pause was on the table.", "2025-06-09"),
    ("k3c", "New Melor round brings Kesh and Dorvan back to the table", "A third round of talks between Kesh and Dorvan opened in Melor on Monday, diplomats said. Envoy Omar Lind called for aid corridors into Tarsa.", "2025-06-10"),
]


def test_a_next_day_report_stays_with_its_round(nlp):
    analyses = analyze_rows(ROUNDS_WITH_A_NEXT_DAY_REPORT, nlp)
    next_day = describe_events(analyses)[2]
    assert (next_day.day, next_day.time_day) == (None, "2025-06-03")
    assert_stories_batch_and_stream(analyses, {frozenset({"k2a", "k2b", "k2c"}), frozenset({"k3a", "k3b", "k3c"})})


# An election's first round and its runoff two weeks later.  The election-night reports name
# the runoff to come ("will face him in the second round"): that number is the runoff's.
ELECTION_ROUNDS = [
    ("e1a", "Vessa vote heads to runoff between Marin and Holt", "Liberal mayor Ana Marin narrowly won the first round of Vessa's presidential election on Sunday and will face nationalist Piet Holt in the second round of voting on June 1, official results showed.", "2025-05-19"),
    ("e1b", "Marin edges first round as Vessa's far right surges", "Ana Marin came first in Sunday's first round of voting, but the strong showing of far-right candidates has left the runoff wide open. Piet Holt finished a close second.", "2025-05-19"),
    ("e1c", "Vessa election: Marin and Holt go through", "Exit polls tonight show Ana Marin and Piet Holt progressing to the second round of Vessa's presidential election, which will take place in two weeks.", "2025-05-18"),
    ("e2a", "Nationalist Holt wins Vessa's presidential runoff", "Nationalist Piet Holt narrowly won Vessa's presidential election on Sunday, official results showed, defeating liberal mayor Ana Marin with 50.9% of the vote.", "2025-06-02"),
    ("e2b", "Holt beats Marin in second round", "Piet Holt has been elected president of Vessa after beating Ana Marin in Sunday's second round of the election.", "2025-06-02"),
    ("e2c", "Vessa elects Holt as president", "Piet Holt has won Vessa's presidential election, taking 50.89% of the vote in yesterday's second round of voting against Ana Marin, according to final results.", "2025-06-02"),
]


def test_a_coming_round_named_on_election_night_does_not_join_the_runoff(nlp):
    analyses = analyze_rows(ELECTION_ROUNDS, nlp)
    assert [sorted(p.ordinals) for p in describe_events(analyses)[:3]] == [["round:1"], ["round:1"], []]
    assert_stories_batch_and_stream(analyses, {frozenset({"e1a", "e1b", "e1c"}), frozenset({"e2a", "e2b", "e2c"})})


# Two signings by one club two days apart.  The tagger reads the club as a person, as often as
# the player; the player's first name alone ("Tavo") must count for him, or the club becomes
# the main person of the first signing and the person rule cannot tell the signings apart.
# (Written "Aston Villa have signed", the club is read as one: a person's name takes no plural.)
SIGNINGS_BY_ONE_CLUB = [
    ("s1a", "Aston Villa sign winger Tavo Brandao", "Aston Villa have signed winger Tavo Brandao from Coritiba for 30 million pounds, the club said on Tuesday. Tavo has agreed a five-year contract. Manager Unai Emery said he would give the side pace.", "2025-08-26"),
    ("s1b", "Brandao leaves Coritiba for Aston Villa", "Coritiba have sold winger Tavo Brandao to Aston Villa for 30 million pounds, the Brazilian club said on Tuesday. Brandao scored nine goals this season.", "2025-08-26"),
    ("s2a", "Aston Villa sign defender Pim Kuiper", "Aston Villa have signed defender Pim Kuiper from Utrecht for 24 million pounds, the club said on Thursday. Pim has agreed a four-year contract. Manager Unai Emery said he was strong in the air.", "2025-08-28"),
    ("s2b", "Kuiper leaves Utrecht for Aston Villa", "Utrecht have sold captain Pim Kuiper to Aston Villa for 24 million pounds, the Dutch club said on Thursday. Kuiper played 120 matches for Utrecht.", "2025-08-28"),
]


def test_a_first_name_alone_counts_for_the_full_name_it_shortens(nlp):
    analyses = analyze_rows(SIGNINGS_BY_ONE_CLUB, nlp)
    first = analyses[0]
    assert {e.text for e in first.entities if e.label == "PERSON"} >= {"Tavo Brandao", "Tavo"}
    assert {e.label for e in first.entities if e.text == "Aston Villa"} == {"ORG"}
    assert describe_events(analyses)[0].person == "brandao"
    assert_stories_batch_and_stream(
        analyses, {frozenset({"s1a", "s1b"}), frozenset({"s2a", "s2b"})}, orders=((0, 1, 2, 3), (3, 2, 1, 0), (0, 2, 1, 3))
    )


# One dam breach reported by wires that transliterate Kyrgyz names differently (Zhumabekov /
# Jumabekov, Ak-Suu / Aksuu), with a dateline in the capital, and one report recalling the year
# the dam was built: one story, however the reports arrive.
DAM_BREACH_TRANSLITERATED = [
    ("d1", "Dam breach floods villages near Tash-Kol", "TASH-KOL, Kyrgyzstan - An earthen dam on the Ak-Suu reservoir, built in 1968, gave way early yesterday, sending water through three villages, officials said. Emergency Minister Bakhtiyar Zhumabekov said seven people had died. President Nurlan Zhaparbaev ordered an inquiry.", "2025-03-04"),
    ("d2", "Kyrgyzstan evacuates 4,000 after dam collapse", "BISHKEK - Kyrgyz authorities on Tuesday evacuated some 4,000 people after a dam on the Aksuu reservoir collapsed on Monday, killing at least nine people. Minister Bakhtiar Jumabekov said the situation was under control. President Nurlan Japarbaev promised help.", "2025-03-05"),
    ("d3", "Death toll in dam disaster rises to 11", "The number of people killed when the Ak-Suu dam burst on 3 March has risen to 11, the Emergency Ministry said on Thursday. Minister Zhumabekov told parliament that 12 people were still missing. President Zhaparbaev visited the villages.", "2025-03-07"),
    ("d4", "Thousands evacuated after deadly dam collapse", "Kyrgyz authorities on Tuesday moved some 4,000 people to safety after the Aksuu reservoir dam collapsed on Monday. Minister Jumabekov warned that the embankment could fail again. Villagers accused officials of negligence.", "2025-03-06"),
]


def test_one_event_in_other_transliterations_is_one_story(nlp):
    analyses = analyze_rows(DAM_BREACH_TRANSLITERATED, nlp)
    assert [p.year for p in describe_events(analyses)] == [2025] * 4
    assert_stories_batch_and_stream(analyses, {frozenset({"d1", "d2", "d3", "d4"})}, orders=((0, 1, 2, 3), (3, 2, 1, 0), (1, 3, 0, 2)))


# An early report dates the news by a part of day and recalls, in its second sentence, the day
# the trouble began; the later reports date the protest itself.  One story: the recalled date is
# background, not the early report's event day.
EARLY_REPORT_WITH_BACKGROUND_DATE = [
    ("w1", "Police detain protesters at water rally in Tarsk", "Police in Tarsk detained at least 20 people on Saturday morning as about 2,000 residents gathered outside the regional administration over water shortages. Tap water has been cut off for five days after a main pipe burst on March 9. Governor Arman Kulov urged residents to go home.", "2026-03-14T08:40:00+00:00"),
    ("w2", "Tarsk governor resigns after water protest", "Tarsk governor Arman Kulov resigned on Saturday, March 14, after thousands protested over water shortages in the city and police detained 43 people. Water has been cut off since a pipe burst.", "2026-03-14T19:10:00+00:00"),
    ("w3", "Water protest in Tarsk ends with 43 detained", "Police detained 43 people in Tarsk on March 14 as residents protested over five days without tap water. Governor Arman Kulov later resigned.", "2026-03-14T21:30:00+00:00"),
]


def test_an_early_report_is_dated_by_its_own_part_of_day_not_a_recalled_date(nlp):
    analyses = analyze_rows(EARLY_REPORT_WITH_BACKGROUND_DATE, nlp)
    early = describe_events(analyses)[0]
    assert (early.day, early.time_day) == (None, "2026-03-14")
    assert_stories_batch_and_stream(analyses, {frozenset({"w1", "w2", "w3"})}, orders=((0, 1, 2), (2, 1, 0), (1, 0, 2)))


# One player's two transfers two years apart, each reported on its day and in an undated
# interview that recalls his whole career: the interviews are as close to the other transfer's
# reports as to their own, and average linkage let them join the two transfers into one story.
TRANSFERS_TWO_YEARS_APART = [
    ("m1a", "Valdoria sign Teo Marulanda from Nacional Tarsa", "Valdoria FC have signed forward Teo Marulanda from Nacional Tarsa on a four-year contract, the club said on Thursday, 14 July 2022. Sporting director Ines Robles said Marulanda, 21, had been scouted for two years.", "2022-07-14"),
    ("m1b", "Marulanda completes Valdoria move", "Teo Marulanda completed his move from Nacional Tarsa to Valdoria FC on 14 July 2022 after passing a medical. The forward scored 19 goals for Nacional Tarsa last season.", "2022-07-15"),
    ("m1c", "Interview: Teo Marulanda on his first season at Valdoria", "Teo Marulanda says leaving Nacional Tarsa for Valdoria FC was the hardest choice of his life. The forward, who scored 19 goals for Nacional Tarsa, says sporting director Ines Robles gave him time to adapt at Valdoria FC.", None),
    ("m2a", "Hollmark sign Teo Marulanda from Valdoria", "Hollmark SV have signed forward Teo Marulanda from Valdoria FC on a five-year contract, the club said on Friday, 2 August 2024. Coach Bernd Keller said Marulanda would lead the attack.", "2024-08-02"),
    ("m2b", "Marulanda leaves Valdoria for Hollmark", "Valdoria FC have sold Teo Marulanda to Hollmark SV, the club said on 2 August 2024. The forward joined Valdoria FC from Nacional Tarsa and scored 41 goals for the club.", "2024-08-02"),
    ("m2c", "Interview: Teo Marulanda on moving to Hollmark", "Teo Marulanda says joining Hollmark SV from Valdoria FC fulfils a dream he had since his days at Nacional Tarsa. The forward, who scored 41 goals for Valdoria FC, says coach Bernd Keller called him every week.", None),
]


def test_undated_reports_do_not_join_two_transfers_years_apart(nlp):
    analyses = analyze_rows(TRANSFERS_TWO_YEARS_APART, nlp)
    profiles = describe_events(analyses)
    assert [p.day for p in profiles] == ["2022-07-14", "2022-07-14", None, "2024-08-02", "2024-08-02", None]
    assert why_apart(profiles[:3], profiles[3:]) == "they date the event to different days (2022-07-14 / 2024-08-02)"
    assert_stories_batch_and_stream(
        analyses, {frozenset({"m1a", "m1b", "m1c"}), frozenset({"m2a", "m2b", "m2c"})}
    )


# Storms in two port towns two days apart, told in the same words; one outlet's lead has the town
# tagged an organisation ("Gusts hit [Brest]"). Read as the place it is, each pair's leads keep
# naming a town the other pair never names.
STORMS_IN_TWO_TOWNS = [
    ("b1", "Storm batters port, leaving thousands without power", "A violent storm struck the port city of Brest on Tuesday, tearing roofs off houses and leaving about 12,000 homes without electricity, the prefecture said. Winds of up to 140 km/h were recorded at the harbour.", "2026-11-03T18:00:00+00:00"),
    ("b2", "Storm cuts power to 12,000 homes", "Gusts of 140 km/h hit Brest on Tuesday afternoon, cutting electricity to 12,000 homes and halting ferries, the prefecture said. Firefighters were called out hundreds of times for fallen trees.", "2026-11-03T20:00:00+00:00"),
    ("t1", "Storm batters port, leaving thousands without power", "A violent storm struck the port city of Toulon on Thursday, tearing roofs off houses and leaving about 9,000 homes without electricity, the prefecture said. Winds of up to 140 km/h were recorded at the harbour.", "2026-11-05T18:00:00+00:00"),
    ("t2", "Storm cuts power to 9,000 homes", "Gusts of 140 km/h hit Toulon on Thursday afternoon, cutting electricity to 9,000 homes and halting ferries, the prefecture said. Firefighters were called out hundreds of times for fallen trees.", "2026-11-05T20:00:00+00:00"),
]


def test_a_town_tagged_as_an_organisation_still_places_the_event(nlp):
    analyses = analyze_rows(STORMS_IN_TWO_TOWNS, nlp)
    profiles = describe_events(analyses)
    assert [sorted(p.places) for p in profiles] == [["brest"], ["brest"], ["toulon"], ["toulon"]]
    assert_stories_batch_and_stream(
        analyses, {frozenset({"b1", "b2"}), frozenset({"t1", "t2"})}, orders=((0, 1, 2, 3), (3, 2, 1, 0), (0, 2, 1, 3))
    )


# Two towns' councils open new buildings two days apart, reported in one outlet's template: the
# council that says so is no name the two stories share.
OPENINGS_IN_TWO_TOWNS = [
    ("o1", "Harwick opens new library after 3 years of work", "The town of Harwick opened its new library on 1 September after 3 years of construction that cost about 10 million pounds, the Council said. Council leader Ann Whitby said the library would serve about 2,000 people a day.", "2026-09-01T10:00:00+00:00"),
    ("o2", "Dunmore opens new swimming pool after 4 years of work", "The town of Dunmore opened its new swimming pool on 3 September after 4 years of construction that cost about 13 million pounds, the Council said. Council leader Owen Price said the pool would serve about 2,500 people a day.", "2026-09-03T10:00:00+00:00"),
]


def test_a_council_is_no_name_two_towns_stories_share(nlp):
    analyses = analyze_rows(OPENINGS_IN_TWO_TOWNS, nlp)
    assert "council" not in describe_events(analyses)[0].cast
    assert_stories_batch_and_stream(analyses, {frozenset({"o1"}), frozenset({"o2"})}, orders=((0, 1), (1, 0)))


def test_a_first_name_alone_is_the_person_it_shortens_among_the_names(nlp):
    # "Ann said" after "Ann Whitby": one name, the surname, not a first name two stories may share.
    row = ("f1", "Harwick opens new library", "Council leader Ann Whitby opened the new library in Harwick on 1 September. \"This is a proud day,\" Ann said at the ceremony.", "2026-09-01T10:00:00+00:00")
    profile = describe_events(analyze_rows([row], nlp))[0]
    assert "whitby" in profile.names and "ann" not in profile.names | profile.cast


# One protest reported either side of New Year: the late report's year is its event day's, not
# its publication's, so the two reports do not give the event different years.
PROTEST_ACROSS_NEW_YEAR = [
    ("n1", "Hundreds protest fuel price rise in Dravos", "Hundreds of people protested in Dravos on Monday, 30 December, against the fuel price rise, chanting outside the Journalists Syndicate. Police detained 40 people.", "2024-12-31"),
    ("n2", "Dravos fuel protest: 40 detained", "Police detained 40 people when hundreds protested in Dravos on 30 December against higher fuel prices outside the Journalists Syndicate, lawyers said.", "2025-01-03"),
]


def test_a_report_published_after_new_year_keeps_its_event_year(nlp):
    profiles = describe_events(analyze_rows(PROTEST_ACROSS_NEW_YEAR, nlp))
    assert [(p.day, p.year) for p in profiles] == [("2024-12-30", 2024), ("2024-12-30", 2024)]
    assert explain_events(*profiles).measures["year_conflict"] == 0.0


def test_groups_dated_weeks_apart_may_still_be_one_story():
    # A follow-up weeks after the event is told with it (the pair rule keeps the days apart);
    # only a gap of months makes two groups two events.
    event = [_profile(f"e{n}", BASE, day="2024-03-01") for n in range(3)]
    weeks_later = [_profile(f"f{n}", BASE, day="2024-03-29") for n in range(3)]
    months_later = [_profile(f"g{n}", BASE, day="2024-07-01") for n in range(3)]
    assert why_apart(event, weeks_later) is None
    assert why_apart(event, months_later) == "they date the event to different days (2024-03-01 / 2024-07-01)"


@pytest.fixture(scope="module")
def corpus_analyses(reference_corpus):
    from synopsis.jobs import analyze_inputs

    result = analyze_inputs([str(reference_corpus), str(EXAMPLES)], workers=1)
    assert not result.errors
    return result.analyses


def test_reference_and_example_corpora_form_one_story_each(corpus_analyses, reference_corpus):
    stories = cluster_stories(corpus_analyses)
    reference = frozenset(a.article.id for a in corpus_analyses if a.article.source.startswith(str(reference_corpus)))
    examples = frozenset(a.article.id for a in corpus_analyses) - reference
    assert len(reference) == 5 and len(examples) >= 4
    assert _partition(s.article_ids for s in stories) == {reference, examples}
    titles = {s.title for s in stories}
    assert all(len(t.split()) >= 4 for t in titles)


# The round of the Istanbul talks before the reference corpus's (2 June 2025), written
# for this test.  Some reference reports number their round only as "third peace talks"
# or "met for the third time", and two give no day of the event.
EARLIER_ROUND = [
    ("june-a", "Russia and Ukraine hold second round of Istanbul talks, agree on prisoner swap", "Russian and Ukrainian delegations met in Istanbul on Monday, June 2, for a second round of direct peace talks that lasted a little over an hour. Vladimir Medinsky led the Russian side and Defence Minister Rustem Umerov the Ukrainian one. The sides agreed to exchange all severely wounded and young prisoners of war and to return the bodies of 6,000 fallen soldiers. Turkish Foreign Minister Hakan Fidan hosted the meeting at the Ciragan Palace.", "2025-06-02"),
    ("june-b", "Second Istanbul meeting brings prisoner deal but no truce", "Negotiators from Moscow and Kyiv sat down in Istanbul on 2 June for their second round of talks in less than three weeks. The meeting at Ciragan Palace ended after about 70 minutes with a deal to swap the youngest and most badly wounded prisoners. Ukraine's delegation was headed by Rustem Umerov; Russia's by presidential aide Vladimir Medinsky.", "2025-06-02"),
    ("june-c", "Istanbul talks: Russia hands Ukraine its peace memorandum", "Russia handed Ukraine a memorandum of its conditions for peace during the second round of negotiations in Istanbul on Monday, the head of the Russian delegation, Vladimir Medinsky, said. The two delegations agreed on a large exchange of prisoners and the return of bodies. Ukrainian Defence Minister Rustem Umerov said Kyiv would need a week to study the Russian document.", "2025-06-03"),
]


def test_the_reference_round_stays_apart_from_the_round_before(nlp, corpus_analyses, reference_corpus):
    from synopsis.extract.pipeline import analyze_articles

    earlier = list(analyze_articles([_article(*row) for row in EARLIER_ROUND], nlp))
    reference = sorted(
        (a for a in corpus_analyses if a.article.source.startswith(str(reference_corpus))), key=lambda a: a.article.source
    )
    expected = {frozenset(a.article.id for a in earlier), frozenset(a.article.id for a in reference)}
    assert _partition(s.article_ids for s in cluster_stories(earlier + reference)) == expected
    # The earlier round first, then the reports that number the round least plainly last.
    index = StoryIndex()
    for profile in describe_events(earlier + [reference[i] for i in (0, 3, 4, 2, 1)]):
        index.add(profile)
    assert _partition(index.stories().values()) == expected


def test_groups_mostly_numbering_different_rounds_are_other_events():
    shared = dict(names={"arvenia", "bolmark"}, cast={"arvenia", "bolmark", "sarnow"})
    third = [dataclasses.replace(_profile(f"t{i}", BASE, **shared), ordinals=frozenset({"round:3"})) for i in range(3)]
    unnumbered = [_profile(f"u{i}", BASE, **shared) for i in range(4)]
    recalling = dataclasses.replace(_profile("r", BASE, **shared), ordinals=frozenset({"round:2", "round:3"}))
    second = [dataclasses.replace(_profile(f"s{i}", BASE, **shared), ordinals=frozenset({"round:2"})) for i in range(2)]
    assert "round 3 / round 2" in why_apart(third + unnumbered + [recalling], second + unnumbered[:1])
    assert why_apart(third + unnumbered, unnumbered[:2]) is None  # reports that do not number say nothing
    assert why_apart([recalling], second) is None  # a report naming both rounds may belong to either


# Two bombings of one market a week apart, each told by a dated wire report and by a local
# paper whose text carries no date but its dateline's ("VARNOK, March 6 -"), and no year.
MARKET_BOMBINGS = [
    ("Title: Market blast in Varnok kills 8\nPublished: 2026-03-06 13:00\n\n"
     "A bomb went off in the central market of Varnok on Friday, killing eight shoppers and wounding 20, "
     "the provincial police said."),
    ("Title: Eight dead as bomb hits Varnok market\n\n"
     "VARNOK, March 6 - Eight people were killed and 20 wounded when a bomb exploded in the central "
     "market of Varnok on Friday, police officials said."),
    ("Title: Second market blast in a week kills 5 in Varnok\nPublished: 2026-03-13 12:30\n\n"
     "A bomb went off in the central market of Varnok on Friday, killing five shoppers and wounding 14, "
     "the provincial police said, a week after a similar attack."),
    ("Title: Five dead as bomb hits Varnok market\n\n"
     "VARNOK, March 13 - Five people were killed and 14 wounded when a bomb exploded in the central "
     "market of Varnok on Friday, police officials said."),
]


def test_undated_reports_are_held_to_their_datelines_day(nlp):
    """Without the datelines' days the two undated reports, alike in every word, join each other
    and bridge the two bombings into one story."""
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.ingest.article import build_article
    from synopsis.records import RawDocument

    articles = [build_article(RawDocument(source=f"m{n}.txt", content=text)) for n, text in enumerate(MARKET_BOMBINGS)]
    analyses = list(analyze_articles(articles, nlp))
    profiles = describe_events(analyses)
    assert [p.day for p in profiles] == ["2026-03-06", "XXXX-03-06", "2026-03-13", "XXXX-03-13"]
    assert not compare_events(profiles[1], profiles[3])  # one day and month a week apart, in any year
    ids = [a.article.id for a in analyses]
    assert_stories_batch_and_stream(
        analyses, {frozenset(ids[:2]), frozenset(ids[2:])}, orders=((0, 1, 2, 3), (3, 2, 1, 0), (1, 3, 0, 2))
    )
