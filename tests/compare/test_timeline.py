"""Timeline: dated statements from several fictional outlets merged into events."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from synopsis.compare.timeline import build_timeline
from synopsis.records import Article, ArticleAnalysis, Claim, Outlet, Quantity, Sentence, TimeRef

Spec = tuple[str, list[tuple[str, str, str]]]  # sentence, [(date text, TimeML value, type)]


def build(outlet: str, sentences: list[Spec], published: str = "2026-03-04") -> ArticleAnalysis:
    text, records, times, claims = "", [], [], []
    for number, (sentence, dates) in enumerate(sentences):
        if text:
            text += "\n" if sentence.startswith("Published") else " "
        start = len(text)
        text += sentence
        records.append(Sentence(start, len(text), sentence))
        indices = []
        for date_text, value, kind in dates:
            at = start + sentence.index(date_text)
            indices.append(len(times))
            times.append(TimeRef(date_text, at, at + len(date_text), kind, value))
        claims.append(Claim(sentence, start, len(text), number, times=tuple(indices)))
    article = Article(id=f"id-{outlet}", source=f"{outlet}.txt", text=text, outlet=Outlet(outlet), published=published)
    return ArticleAnalysis(article, tuple(records), (), (), tuple(times), (), tuple(claims))


def story() -> list[ArticleAnalysis]:
    return [
        build("Alpha", [
            ("Published: March 4, 2026", [("March 4, 2026", "2026-03-04", "DATE")]),
            ("Delegations met in Geneva on March 3 for a second round of talks.", [("March 3", "2026-03-03", "DATE")]),
            ("A first round of talks took place in Oslo in January.", [("January", "2026-01", "DATE")]),
        ]),
        build("Bravo", [
            ("On March 3 the delegations met in Geneva for talks.", [("March 3", "2026-03-03", "DATE")]),
            ("The talks began at 8 p.m. on March 3 and ended quickly.", [("8 p.m. on March 3", "2026-03-03T20:00+01:00", "TIME")]),
            ("A second session opened at 10 a.m. and closed at noon.", [("10 a.m.", "2026-03-04T10:00+01:00", "TIME")]),
        ]),
        build("Charlie", [
            ("GENEVA, March 4 (Wire) - A storm hit the city on Tuesday, closing several roads.",
             [("March 4", "2026-03-04", "DATE"), ("Tuesday", "2026-03-03", "DATE")]),
            ("Negotiators met in Geneva on March 3, officials said.", [("March 3", "2026-03-03", "DATE")]),
            ("A summit of leaders is planned for the end of April.", [("the end of April", "2026-04", "DATE")]),
        ]),
    ]


def test_same_event_is_merged_across_outlets() -> None:
    events = build_timeline(story())
    geneva = [e for e in events if e.date == "2026-03-03" and "Geneva" in e.text]
    assert len(geneva) == 1
    assert set(geneva[0].sources) == {"Alpha", "Bravo", "Charlie"}
    for evidence in geneva[0].evidence:
        analysis = next(a for a in story() if a.article.id == evidence.article_id)
        assert analysis.article.text[evidence.start:evidence.end] == evidence.text


def test_different_events_on_one_day_stay_apart() -> None:
    events = build_timeline(story())
    same_day = [e for e in events if e.date == "2026-03-03"]
    assert any("storm" in e.text for e in same_day)
    assert not any("storm" in e.text and "Alpha" in e.sources for e in same_day)


def test_headers_and_datelines_are_dropped() -> None:
    events = build_timeline(story())
    assert not any(e.date == "2026-03-04" for e in events)


def test_events_are_sorted_by_date() -> None:
    events = build_timeline(story())
    dates = [e.date for e in events]
    assert dates[0] == "2026-01"
    assert dates.index("2026-03-03") < dates.index("2026-04")


def test_clock_times_fall_on_their_day() -> None:
    events = build_timeline(story())
    # The talks that began at 8 p.m. are the Geneva talks of that day: one event, which lists it.
    assert any(e.date == "2026-03-03" and any("8 p.m." in x.text for x in e.evidence) for e in events)


def test_clock_time_without_stated_date_is_not_dated() -> None:
    assert not any("second session" in e.text for e in build_timeline(story()))


def test_aligned_group_merges_dissimilar_wording() -> None:
    analyses = [
        build("Alpha", [("The ceasefire took effect on May 1.", [("May 1", "2026-05-01", "DATE")])]),
        build("Bravo", [("Guns fell silent along the front on May 1, residents reported.", [("May 1", "2026-05-01", "DATE")])]),
    ]
    assert len(build_timeline(analyses)) == 2
    merged = build_timeline(analyses, groups=[[("id-Alpha", 0), ("id-Bravo", 0)]])
    assert len(merged) == 1 and set(merged[0].sources) == {"Alpha", "Bravo"}


@pytest.mark.parametrize("limit", [1, 2])
def test_limit_keeps_best_supported(limit: int) -> None:
    events = build_timeline(story(), limit=limit)
    assert len(events) == limit
    assert events[0].date == "2026-03-03" or limit > 1
    assert any(set(e.sources) == {"Alpha", "Bravo", "Charlie"} for e in events)


def test_sentence_with_two_dates_is_split_into_clauses() -> None:
    analyses = [build("Alpha", [("The army withdrew on June 2; the town was retaken on June 9.",
                                 [("June 2", "2026-06-02", "DATE"), ("June 9", "2026-06-09", "DATE")])])]
    events = build_timeline(analyses)
    assert [e.date for e in events] == ["2026-06-02", "2026-06-09"]
    assert "retaken" not in events[0].text and "withdrew" not in events[1].text


def test_statements_giving_different_numbers_are_different_events() -> None:
    # Same day, same words, another number: the outlet that says 55 does not say 40.
    def with_count(outlet: str, sentence: str, number: str) -> ArticleAnalysis:
        analysis = build(outlet, [(sentence, [("On Monday", "2026-03-02", "DATE")])])
        at = analysis.article.text.index(number)
        quantity = Quantity(number, at, at + len(number), float(number), float(number), float(number), None, "homes")
        claim = dataclasses.replace(analysis.claims[0], quantities=(0,))
        return dataclasses.replace(analysis, quantities=(quantity,), claims=(claim,))

    events = build_timeline([
        with_count("Alpha", "On Monday, 40 homes were destroyed in Brackenridge.", "40"),
        with_count("Bravo", "On Monday, 40 homes were destroyed in Brackenridge, officials said.", "40"),
        with_count("Charlie", "On Monday, 55 homes were destroyed in Brackenridge, the county said.", "55"),
    ])
    by_text = {e.text: set(e.sources) for e in events}
    forty = next(sources for text, sources in by_text.items() if "40" in text)
    fifty_five = next(sources for text, sources in by_text.items() if "55" in text)
    assert forty == {"Alpha", "Bravo"} and fifty_five == {"Charlie"}


def dated_events(sentence: str, dates: list[tuple[str, str, str]], published: str = "2026-03-07") -> list:
    return build_timeline([build("Alpha", [(sentence, dates)], published=published)])


def test_sentence_appears_once_under_its_main_event() -> None:
    # "after the levee broke on Monday" is context; the evacuation is the sentence's event.
    events = dated_events("Crews on Tuesday moved 900 people out of Marlow after the levee broke on Monday.",
                          [("Tuesday", "2026-03-03", "DATE"), ("Monday", "2026-03-02", "DATE")])
    assert [e.date for e in events] == ["2026-03-03"]
    assert events[0].text.endswith("on Monday.")


def test_reporting_date_beats_a_referred_event_and_is_not_doubled() -> None:
    events = dated_events(
        "The number killed when the storm struck Marlow on 2 March has risen to 14, the county said on Thursday.",
        [("2 March", "2026-03-02", "DATE"), ("Thursday", "2026-03-05", "DATE")])
    assert [e.date for e in events] == ["2026-03-05"]


def test_year_that_frames_a_dated_sentence_is_no_entry() -> None:
    events = dated_events("Bus fares rose by a tenth yesterday, the second rise this year.",
                          [("yesterday", "2026-03-06", "DATE"), ("this year", "2026", "DATE")])
    assert [e.date for e in events] == ["2026-03-06"]


@pytest.mark.parametrize("sentence, dates, expected", [
    ("The swap of detainees was carried out between 23 and 25 May in three stages.",
     [("23", "2026-05-23", "DATE"), ("25 May", "2026-05-25", "DATE")], "2026-05-23/2026-05-25"),
    ("The Vellan talks on May 15–16 ended without a deal.",
     [("May 15", "2026-05-15", "DATE"), ("16", "2026-05-16", "DATE")], "2026-05-15/2026-05-16"),
    ("The Vellan talks were held in three rounds in May, June, and July with mediators present.",
     [("May", "2026-05", "DATE"), ("June", "2026-06", "DATE"), ("July", "2026-07", "DATE")], "2026-05/2026-07"),
])
def test_dates_joined_into_a_span_make_one_whole_entry(sentence: str, dates: list, expected: str) -> None:
    events = dated_events(sentence, dates)
    assert [e.date for e in events] == [expected]
    assert events[0].text == sentence


def test_deadline_is_planned_not_a_happening() -> None:
    events = dated_events("The envoy proposed a summit of the two leaders by the end of August.",
                          [("the end of August", "2026-08", "DATE")])
    assert len(events) == 1 and "planned" in (events[0].precision or "")
    events = dated_events("The inquiry is due to report on 20 March to the cabinet.", [("20 March", "2026-03-20", "DATE")])
    assert "planned" in (events[0].precision or "")
    events = dated_events("Ferries stay in port until at least March 10, the operator said.", [("March 10", "2026-03-10", "DATE")])
    assert "planned" in (events[0].precision or "")


def test_deadline_joins_the_event_an_aligned_statement_dates() -> None:
    analyses = [
        build("Alpha", [("After the talks on Wednesday the envoy proposed a summit by the end of August.",
                         [("Wednesday", "2026-07-22", "DATE"), ("the end of August", "2026-08", "DATE")])],
              published="2026-07-23"),
        build("Bravo", [("The envoy proposed a leaders' summit by the end of August.", [("the end of August", "2026-08", "DATE")])],
              published="2026-07-23"),
    ]
    events = build_timeline(analyses, groups=[[("id-Alpha", 0), ("id-Bravo", 0)]])
    assert [(e.date, set(e.sources)) for e in events] == [("2026-07-22", {"Alpha", "Bravo"})]


@pytest.mark.parametrize("alpha, bravo, day, value", [
    # "talks" and "negotiations": one happening.
    ("Delegations from both countries held a third round of peace talks on July 23.",
     "The third round of negotiations was held at the Vellan palace with mediators on July 23.", "July 23", "2026-07-23"),
    # "visited" and "toured", named right by the date.
    ("President Arlen Voss visited the flooded villages on Wednesday, promising new homes.",
     "Arlen Voss, who toured the flooded area on Wednesday, said every family would be housed.", "Wednesday",
     "2026-03-04"),
    # "killing ... injuring" and "killed ... injured": one stem each (facts.words.stem).
    ("The bridge collapsed on Tuesday, killing two people and injuring 14.",
     "The collapse on Tuesday killed two people and injured 14.", "Tuesday", "2026-03-03"),
])
def test_one_happening_told_in_other_words_on_one_day_is_one_event(alpha: str, bravo: str, day: str, value: str) -> None:
    analyses = [build("Alpha", [(alpha, [(day, value, "DATE")])]), build("Bravo", [(bravo, [(day, value, "DATE")])])]
    events = build_timeline(analyses)
    assert len(events) == 1 and set(events[0].sources) == {"Alpha", "Bravo"}


def test_a_day_counted_after_a_dated_event_is_the_statement_date() -> None:
    events = dated_events("The strike began two days after the fare rise on 28 December.",
                          [("two days", "P2D", "DURATION"), ("28 December", "2025-12-28", "DATE")], published="2026-01-02")
    assert [e.date for e in events] == ["2025-12-30"]


def test_a_weekday_ahead_of_publication_is_planned() -> None:
    events = dated_events("The union leader urged members to walk out peacefully on Monday.",
                          [("Monday", "2025-12-29", "DATE")], published="2025-12-28")
    assert "planned" in (events[0].precision or "")


@pytest.mark.parametrize("sentence, date, value, planned", [
    # A future in a reported statement, for a date after the report's own: a plan.
    ("The foreign minister said the two sides would meet again in Vantor on 12 November.", "12 November",
     "2026-11-12", True),
    ("The mediator said the delegations would meet again in Vantor next week.", "next week", "2026-W46", True),
    ("The delegations are to meet again in Vantor on 12 November, the mediator said.", "12 November",
     "2026-11-12", True),
    ("The envoys were to sign the accord in Vantor on 12 November, officials said.", "12 November",
     "2026-11-12", True),
    # A week or a month counted forward from the report, even without a modal verb; not a month by
    # its name in a report dated before it (an old version's date).
    ("The mediator said the delegations meet again in Vantor next month.", "next month", "2026-12", True),
    ("In December the delegations met again in Vantor.", "December", "2026-12", False),
    # A "would" of another clause plans nothing.
    ("After it became clear Arlen Voss would not attend, Mira Tal decided on 12 November to stay away.",
     "12 November", "2026-11-12", False),
    # "would" of a date already past is a habit or a wish, not a plan.
    ("The delegations would meet in Vantor every evening on 3 November, a diplomat said.", "3 November",
     "2026-11-03", False),
    ("The delegations met again in Vantor on 3 November.", "3 November", "2026-11-03", False),
    # A span counted forward from the report: "in four years" is to come.
    ("In four years people will remember who built the roads, Voss told supporters.", "In four years", "2030", True),
    # A bound already reached when the report was written is a count made, not a deadline.
    ("By Thursday morning the official count stood at 19 dead.", "Thursday morning", "2026-11-05TMO", False),
    ("The delegations must agree on a text by Friday.", "Friday", "2026-11-06", True),
])
def test_a_future_in_a_reported_statement_is_planned(sentence: str, date: str, value: str, planned: bool) -> None:
    events = dated_events(sentence, [(date, value, "DATE")], published="2026-11-05")
    assert len(events) == 1 and ("planned" in (events[0].precision or "")) is planned


def test_a_year_of_something_else_dates_no_entry() -> None:
    assert dated_events("The delegation is led by Arlen Voss, who also led the Vellan talks in 2019.",
                        [("2019", "2019", "DATE")]) == []
    assert [e.date for e in dated_events("The Vellan talks collapsed in 2019.", [("2019", "2019", "DATE")])] == ["2019"]


def test_a_claim_cut_from_its_sentence_is_shown_whole() -> None:
    sentence = "The two sides agreed to meet on Wednesday, with Voss leading one delegation and Kell the other."
    cut = sentence.index(" Kell")
    at = sentence.index("Wednesday")
    analysis = ArticleAnalysis(
        Article(id="id-Alpha", source="a.txt", text=sentence, outlet=Outlet("Alpha"), published="2026-07-20"),
        (Sentence(0, len(sentence), sentence),), (), (),
        (TimeRef("Wednesday", at, at + 9, "DATE", "2026-07-22"),), (),
        (Claim(sentence[:cut], 0, cut, 0, times=(0,)), Claim(sentence[cut + 1:], cut + 1, len(sentence), 0)),
    )
    events = build_timeline([analysis])
    assert [e.text for e in events] == [sentence]


def test_a_sentence_the_parser_cut_at_and_is_joined() -> None:
    text = "The two sides agreed to meet on Wednesday, with Voss leading one delegation and Kell the other."
    cut = text.index(" Kell")
    at = text.index("Wednesday")
    analysis = ArticleAnalysis(
        Article(id="id-Alpha", source="a.txt", text=text, outlet=Outlet("Alpha"), published="2026-07-20"),
        (Sentence(0, cut, text[:cut]), Sentence(cut + 1, len(text), text[cut + 1:])), (), (),
        (TimeRef("Wednesday", at, at + 9, "DATE", "2026-07-22"),), (),
        (Claim(text[:cut], 0, cut, 0, times=(0,)), Claim(text[cut + 1:], cut + 1, len(text), 1)),
    )
    assert [e.text for e in build_timeline([analysis])] == [text]


def test_a_span_of_dates_is_drawn_from_its_first_to_its_last_day() -> None:
    from synopsis.report.charts import date_span

    assert date_span("2026-05-23/2026-05-25") == (dt.date(2026, 5, 23), dt.date(2026, 5, 25))
    assert date_span("2026-05/2026-07") == (dt.date(2026, 5, 1), dt.date(2026, 7, 31))


def test_a_year_naming_a_thing_dates_no_entry() -> None:
    assert dated_events("Asked about the 2019 warning, the mayor said she had never seen it.",
                        [("2019", "2019", "DATE")]) == []


def in_noun_phrase(analysis: ArticleAnalysis, date: str, phrase: str) -> ArticleAnalysis:
    """The analysis with ``date`` marked as sitting in ``phrase``'s modifier, as the parse marks it."""
    text = analysis.article.text
    at = text.index(phrase)
    times = tuple(dataclasses.replace(t, noun_phrase_start=at, noun_phrase_end=at + len(phrase)) if t.text == date else t
                  for t in analysis.times)
    return dataclasses.replace(analysis, times=times)


@pytest.mark.parametrize("sentence, date, value, phrase", [
    ("Although the ministry gave no number, it said the swap was in accordance with the agreement reached "
     "during the June 2 peace talks.", "June 2", "2026-06-02", "the agreement reached during the June 2 peace talks"),
    ("Rebels broke the ceasefire agreed in March.", "March", "2026-03", "the ceasefire agreed in March"),
    ("The delegation is the same as the one that met in Vantor on 16 May.", "16 May", "2026-05-16",
     "the one that met in Vantor on 16 May"),
])
def test_a_date_in_a_nouns_modifier_files_that_phrase_not_the_sentence(sentence: str, date: str, value: str,
                                                                       phrase: str) -> None:
    analysis = in_noun_phrase(build("Alpha", [(sentence, [(date, value, "DATE")])], published="2026-07-24"), date, phrase)
    events = build_timeline([analysis])
    assert [(e.date, e.text) for e in events] == [(value, phrase)]
    evidence = events[0].evidence[0]
    assert analysis.article.text[evidence.start:evidence.end] == phrase


def test_a_phrase_cited_for_its_own_event_joins_that_event_and_a_statement_tells_it() -> None:
    sentence = "It said the swap was in accordance with the agreement reached during the June 2 talks."
    alpha = in_noun_phrase(build("Alpha", [(sentence, [("June 2", "2026-06-02", "DATE")])], published="2026-07-24"),
                           "June 2", "the agreement reached during the June 2 talks")
    bravo = build("Bravo", [("Vantor hosted the second round of talks on June 2.", [("June 2", "2026-06-02", "DATE")])])
    [event] = build_timeline([alpha, bravo])
    assert event.text == "Vantor hosted the second round of talks on June 2."
    assert [e.text for e in event.evidence if e.outlet == "Alpha"] == ["the agreement reached during the June 2 talks"]


def test_a_date_of_the_sentences_own_event_beats_one_in_a_nouns_modifier() -> None:
    sentence = "The deal signed on 5 May collapsed on Tuesday."
    analysis = in_noun_phrase(build("Alpha", [(sentence, [("5 May", "2026-05-05", "DATE"), ("Tuesday", "2026-07-21", "DATE")])],
                                    published="2026-07-24"), "5 May", "The deal signed on 5 May")
    assert [(e.date, e.text) for e in build_timeline([analysis])] == [("2026-07-21", sentence)]


def test_a_year_in_a_nouns_modifier_dates_nothing() -> None:
    sentence = "The Vellan side based its position on the draft text worked on in Vantor in 2019."
    analysis = in_noun_phrase(build("Alpha", [(sentence, [("2019", "2019", "DATE")])]), "2019",
                              "the draft text worked on in Vantor in 2019")
    assert build_timeline([analysis]) == []


def test_a_date_in_a_nouns_modifier_is_found_from_the_text(nlp) -> None:
    from synopsis.extract.pipeline import analyze_article
    from tests.factories import make_article

    text = ("Vantor, 24 July. Russia and Ukraine swapped 250 prisoners each on Wednesday. The ministry said the swap "
            "was in accordance with the agreement reached during the June 2 peace talks.")
    analysis = analyze_article(make_article("a1", "Alpha", text, published="2026-07-24T09:00:00"), nlp)
    dated = {e.date: e.evidence[0].text for e in build_timeline([analysis])}
    assert dated.get("2026-06-02") == "the agreement reached during the June 2 peace talks"


def test_a_dated_statement_whose_speaker_is_a_pronoun_is_shown_with_the_speakers_name():
    from synopsis.records import Quote

    said = '"The delegations met in Geneva on March 3," he said.'
    analysis = build("Alpha", [("Mediator Aino Korhonen spoke to reporters.", []),
                               (said, [("March 3", "2026-03-03", "DATE")])])
    start = analysis.article.text.index(said)
    he = analysis.article.text.index("he said")
    quote = Quote("direct", "The delegations met in Geneva on March 3", start + 1, start + 41, "he", he, he + 2, "said", he + 3,
                  he + 7, start, he + 7, speaker_entity="Korhonen")
    analysis = dataclasses.replace(analysis, quotes=(quote,))
    [event] = build_timeline([analysis], canonical_name={"Korhonen": "Aino Korhonen"}.get)
    assert event.text == '"The delegations met in Geneva on March 3," [Aino Korhonen] said.'
    assert event.evidence[0].text == said


def test_a_dated_statement_names_no_pronoun_speaker_another_outlet_gives_the_words_to_someone_else():
    from synopsis.records import Quote

    said = '"The delegations met in Geneva on March 3," he said.'

    def told(outlet: str, before: str, entity: str):
        analysis = build(outlet, [(before, []), (said, [("March 3", "2026-03-03", "DATE")])])
        start = analysis.article.text.index(said)
        he = analysis.article.text.index("he said")
        quote = Quote("direct", "The delegations met in Geneva on March 3", start + 1, start + 41, "he", he, he + 2,
                      "said", he + 3, he + 7, start, he + 7, speaker_entity=entity)
        return dataclasses.replace(analysis, quotes=(quote,))

    alpha = told("Alpha", "Mediator Aino Korhonen spoke to reporters.", "Aino Korhonen")
    bravo = told("Bravo", "Envoy Pavel Ostrik spoke to reporters.", "Pavel Ostrik")
    [event] = build_timeline([alpha, bravo])
    assert event.text == said


def test_a_date_and_a_day_counted_back_from_it_make_no_span_ending_before_it_starts() -> None:
    events = dated_events("The first case was found on 6 July, two days earlier than 8 July.",
                          [("6 July", "2026-07-06", "DATE"), ("two days earlier", "2026-07-04", "DATE")],
                          published="2026-07-15")
    assert [e.date for e in events] == ["2026-07-06"]


def test_a_day_counted_before_a_dated_event_is_the_statement_date() -> None:
    events = dated_events("Engineers warned the mayor two days before the dam gave way on 8 July.",
                          [("two days", "P2D", "DURATION"), ("8 July", "2026-07-08", "DATE")], published="2026-07-15")
    assert [e.date for e in events] == ["2026-07-06"]


def test_the_period_a_figure_is_compared_with_dates_no_entry() -> None:
    events = dated_events("Net profit was 90 million euros, up from 75 million euros a year earlier.",
                          [("a year earlier", "2025", "DATE")], published="2026-03-09")
    assert events == []
    # Told as an event of its own, a year back still dates it.
    events = dated_events("A year earlier the firm had closed its Harlow plant.",
                          [("A year earlier", "2025", "DATE")], published="2026-03-09")
    assert [e.date for e in events] == ["2025"]


def test_a_day_already_past_in_a_sentence_about_the_future_is_no_plan() -> None:
    events = dated_events("Vantor Mills, whose board approved the offer on Friday, will pay 12 euros a share.",
                          [("Friday", "2026-03-06", "DATE")], published="2026-03-09")
    assert [e.date for e in events] == ["2026-03-06"] and "planned" not in (events[0].precision or "")


def test_a_comparisons_reference_point_dates_no_entry() -> None:
    # "the first since March last year" measures from March 2025; it is not when the cut happened.
    events = dated_events("The cut, the first since March last year, came after inflation eased in September.",
                          [("March last year", "2025-03", "DATE"), ("September", "2026-09", "DATE")],
                          published="2026-10-08")
    assert "2025-03" not in [e.date for e in events]


def test_the_shown_wording_is_the_one_the_other_outlets_carry_not_one_outlets_colour() -> None:
    analyses = [
        # Alpha's sentence shares the most words with the others, and adds its own colour.
        build("Alpha", [("The terror flight, a Meridian flight from Lisbon with terrified people on board, hit severe "
                         "turbulence over the Alps on Monday and diverted to Lyon.", [("Monday", "2026-03-02", "DATE")])]),
        build("Bravo", [("A Meridian flight hit severe turbulence over the Alps on Monday and diverted to Lyon.",
                         [("Monday", "2026-03-02", "DATE")])]),
        build("Charlie", [("A Meridian plane from Lisbon hit severe turbulence over the Alps on Monday, forcing it to "
                           "divert to Lyon.", [("Monday", "2026-03-02", "DATE")])]),
    ]
    [event] = build_timeline(analyses)
    assert set(event.sources) == {"Alpha", "Bravo", "Charlie"}
    assert "terror" not in event.text
    # Each outlet is cited to its own sentence.
    assert {e.outlet: e.text.split()[1] for e in event.evidence} == {"Alpha": "terror", "Bravo": "Meridian",
                                                                     "Charlie": "Meridian"}


def test_one_quotation_given_to_two_speakers_is_two_entries_each_credited_to_its_own_outlets() -> None:
    from synopsis.records import Quote

    words = "Tonight, the hostages are home."

    def told(outlet: str, sentence: str, speaker: str):
        analysis = build(outlet, [(sentence, [("on March 3", "2026-03-03", "DATE")])])
        text = analysis.article.text
        at, by = text.index(words), text.index(speaker)
        cue = text.index("said", by)
        quote = Quote("direct", words, at, at + len(words), speaker, by, by + len(speaker), "said", cue, cue + 4,
                      min(at, by), max(at + len(words), cue + 4), speaker_entity=speaker)
        return dataclasses.replace(analysis, quotes=(quote,))

    analyses = [
        told("Alpha", f'"{words}" Prime Minister Ana Vell said on March 3.', "Ana Vell"),
        told("Bravo", f'Foreign minister Ole Lund said on March 3: "{words}"', "Ole Lund"),
        told("Charlie", f'Ana Vell said on March 3: "{words}"', "Ana Vell"),
    ]
    events = build_timeline(analyses)
    assert sorted((e.sources, "Lund" in e.text) for e in events) == [(("Alpha", "Charlie"), False), (("Bravo",), True)]


def test_a_statement_dating_the_event_is_shown_before_one_dated_by_when_it_was_reported() -> None:
    # Alpha's words are the ones the others carry most widely, but it dates only the agency's report.
    analyses = [
        build("Alpha", [("Vellan and Tarsk exchanged six prisoners at Muscat airport, NWS reported on March 3.",
                         [("March 3", "2026-03-03", "DATE")])]),
        build("Bravo", [("Vellan and Tarsk exchanged six prisoners at Muscat airport on March 3 in a deal brokered "
                         "by Oman.", [("March 3", "2026-03-03", "DATE")])]),
        build("Charlie", [("Tarsk and Vellan exchanged six prisoners at Muscat airport on March 3, freeing the "
                           "reporter Ina Holm.", [("March 3", "2026-03-03", "DATE")])]),
    ]
    [event] = build_timeline(analyses)
    assert event.text.startswith("Vellan and Tarsk exchanged") and "reported" not in event.text


def test_a_clause_of_cause_before_the_reporting_tag_does_not_make_its_day_a_referred_one() -> None:
    # "because of" opens no clause about another event, and whatever the subject holds has ended
    # at the comma before ", the service said on Tuesday": Tuesday is the count's day, not Monday.
    events = dated_events(
        "The number of homes cut off because of the flood near Marlow has risen to 900, the water board said "
        "on Tuesday, twice the 450 reported on Monday.",
        [("Tuesday", "2026-03-03", "DATE"), ("Monday", "2026-03-02", "DATE")])
    assert [e.date for e in events] == ["2026-03-03"]


def test_the_day_of_a_price_a_premium_is_counted_from_dates_no_entry() -> None:
    # "over Friday's closing price" measures the premium from Friday; the offer is not Friday's.
    events = dated_events("Corla will pay 12 euros for each Vantor share, a premium of 25 percent over Friday's "
                          "closing price.", [("Friday", "2026-03-06", "DATE")], published="2026-03-09")
    assert events == []
