import dataclasses

from synopsis.compare.voices import count_voices, group_quotes, quote_label, speaker_label
from synopsis.records import ArticleAnalysis
from tests.factories import make_article, make_quote

A_TEXT = 'The mayor, Ana Ruiz, said: "We will rebuild the bridge within two years." Ruiz added that funds exist.'
B_TEXT = 'Mayor Ana Ruiz promised to rebuild the bridge within two years. "Nobody was warned," said Tom Berg.'


def analyses():
    a = make_article("a1", "Daily A", A_TEXT)
    b = make_article("b1", "Radio B", B_TEXT)
    qa = make_quote(A_TEXT, "We will rebuild the bridge within two years.", "Ana Ruiz")
    qa2 = make_quote(A_TEXT, "funds exist", "Ruiz", kind="indirect")
    qb = make_quote(B_TEXT, "rebuild the bridge within two years", "Ana Ruiz", kind="indirect")
    qb2 = make_quote(B_TEXT, "Nobody was warned,", "Tom Berg")
    return [ArticleAnalysis(article=a, quotes=(qa, qa2)), ArticleAnalysis(article=b, quotes=(qb, qb2))]


def canonical(name: str):
    return {"Ruiz": "Ana Ruiz"}.get(name, name)


def test_same_statement_from_two_outlets_is_one_entry_with_both_versions():
    quotes = group_quotes(analyses(), canonical)
    rebuild = [q for q in quotes if "rebuild" in q.text]
    assert len(rebuild) == 1
    assert rebuild[0].speaker == "Ana Ruiz"
    assert set(rebuild[0].sources) == {"Daily A", "Radio B"}
    # The direct quotation is shown first; the paraphrase stands beside it as evidence.
    assert rebuild[0].kind == "direct"
    assert {e.outlet for e in rebuild[0].evidence} == {"Daily A", "Radio B"}


def test_different_statements_and_speakers_stay_apart():
    quotes = group_quotes(analyses(), canonical)
    speakers = sorted((q.speaker, q.text) for q in quotes)
    assert ("Tom Berg", "Nobody was warned,") in speakers
    assert any(s == "Ana Ruiz" and "funds" in t for s, t in speakers)
    assert len(quotes) == 3


def test_evidence_points_at_the_quoted_words():
    for analysis in analyses():
        quotes = group_quotes([analysis], canonical)
        for quote in quotes:
            for e in quote.evidence:
                assert analysis.article.text[e.start : e.end] == e.text


def test_voices_are_counted_per_article_with_canonical_names():
    first = analyses()[0]
    assert count_voices(first, canonical) == [("Ana Ruiz", 2)]


def test_outlets_and_documents_are_no_voices():
    text = "The pier reopened, according to Harbour News. The decree says the ferry runs. Ana Ruiz said it was late."
    reported = dataclasses.replace(make_quote(text, "The pier reopened", "Harbour News", kind="indirect"), speaker_kind="outlet")
    decree = dataclasses.replace(make_quote(text, "the ferry runs", "The decree", kind="indirect"), speaker_entity=None,
                                 speaker_kind="document")
    said = make_quote(text, "it was late", "Ana Ruiz", kind="indirect")
    analysis = ArticleAnalysis(article=make_article("a1", "Daily A", text), quotes=(reported, decree, said))
    assert count_voices(analysis) == [("Ana Ruiz", 1)]
    # Who said what keeps them, after the voices, marked as what they are.
    quotes = group_quotes([analysis])
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Ana Ruiz", None), ("Harbour News", "outlet"), ("the decree", "document")]
    assert [speaker_label(q.speaker, q.speaker_kind) for q in quotes] == [
        "Ana Ruiz", "reported by Harbour News", "the decree (document)"]


def test_one_unnamed_body_however_its_article_is_written():
    text = "The Marrovian side said the pier was closed. Later the Marrovian side said it would reopen."
    first = make_quote(text, "the pier was closed", "The Marrovian side", kind="indirect")
    second = make_quote(text, "it would reopen", "the Marrovian side", kind="indirect")
    analysis = ArticleAnalysis(article=make_article("a1", "Daily A", text), quotes=(first, second))
    assert count_voices(analysis) == [("the Marrovian side", 2)]


def test_outlets_credited_together_are_shown_together():
    text = "The pier reopened, according to Harbour News and Lake Radio."
    quote = dataclasses.replace(make_quote(text, "The pier reopened", "Harbour News and Lake Radio", kind="indirect"),
                                speaker_entity="Harbour News", speaker_kind="outlet")
    analysis = ArticleAnalysis(article=make_article("a1", "Daily A", text), quotes=(quote,))
    assert [q.speaker for q in group_quotes([analysis])] == ["Harbour News and Lake Radio"]


def test_sources_a_report_does_not_name_are_one_unnamed_voice_however_worded():
    text = ("Talks will resume, a source said. The delegations are tired, the source added. Informed sources "
            "expect a deal. A senior diplomatic source close to the talks denied it. Source Code Inc said nothing.")
    speakers = ["a source", "the source", "Informed sources", "A senior diplomatic source close to the talks", "Source Code Inc"]
    contents = ["Talks will resume", "The delegations are tired", "expect a deal", "denied it", "said nothing"]
    quotes = tuple(
        dataclasses.replace(make_quote(text, content, speaker, kind="indirect"), speaker_entity=None)
        for content, speaker in zip(contents, speakers)
    )
    analysis = ArticleAnalysis(article=make_article("s1", "Wire S", text), quotes=quotes)
    assert dict(count_voices(analysis)) == {"unnamed source": 4, "Source Code Inc": 1}


def test_what_an_article_reports_itself_is_no_ones_statement():
    text = "It was agreed that the ferry runs daily. The pier was closed, someone was told."
    own = dataclasses.replace(make_quote(text, "the ferry runs daily", "It", kind="indirect"),
                              speaker=None, speaker_start=None, speaker_end=None, speaker_entity=None,
                              speaker_kind="outlet")
    told = dataclasses.replace(make_quote(text, "The pier was closed", "someone", kind="indirect"),
                               speaker=None, speaker_start=None, speaker_end=None, speaker_entity=None)
    analysis = ArticleAnalysis(article=make_article("a1", "Daily A", text), quotes=(own, told))
    assert count_voices(analysis) == [("unnamed source", 1)]
    assert [(q.speaker, q.text) for q in group_quotes([analysis])] == [("unnamed source", "The pier was closed")]
    # an article's own list of quotes says so, rather than "reported by ?"
    assert [quote_label(q) for q in (own, told)] == ["the outlet's own reporting", "?"]


def test_a_statement_is_shown_in_words_every_listed_outlet_gives():
    """Two reports of one statement, one adding a detail: shown next to both outlets' names, the
    fuller wording would credit the other outlet with a detail it never gave (QA: Quetta, AP shown
    with Dawn's "the bomb weighed about 5kg ...")."""
    fuller, plain = "the bomb weighed about 5kg and was set off by remote control", "the bomb was detonated by remote control"
    a_text, b_text = f"Officer Lena Hartwig said {fuller}.", f"Officer Lena Hartwig said {plain}."
    a = ArticleAnalysis(article=make_article("a1", "Daily A", a_text),
                        quotes=(make_quote(a_text, fuller, "Lena Hartwig", kind="indirect"),))
    b = ArticleAnalysis(article=make_article("b1", "Radio B", b_text),
                        quotes=(make_quote(b_text, plain, "Lena Hartwig", kind="indirect"),))
    for order in ([a, b], [b, a]):
        [statement] = group_quotes(order)
        assert statement.text == plain
        assert set(statement.sources) == {"Daily A", "Radio B"}
        assert {e.text for e in statement.evidence} == {fuller, plain}


def _quantity(text: str, number: str, value: float, unit: str | None = None, counted: str | None = None,
              qualifier: str | None = None):
    from synopsis.records import Quantity

    start = text.index(number)
    low, high = (value, None) if qualifier == "at least" else (value, value)
    return Quantity(number, start, start + len(number), value, low, high, unit, counted, qualifier)


def _reported(article_id: str, outlet: str, content: str, *numbers):
    text = f"Harbour chief Ines Varro said {content}."
    quote = make_quote(text, content, "Ines Varro", kind="indirect")
    quantities = tuple(_quantity(text, *number) for number in numbers)
    return ArticleAnalysis(article=make_article(article_id, outlet, text), quotes=(quote,), quantities=quantities)


def test_reports_giving_the_statement_other_numbers_are_two_lines_each_with_its_outlets():
    """One speaker's statement told by three outlets, one giving another number: not one line
    crediting all three with the number it shows (QA: turnout 58.7 percent listed with an outlet
    that says 61.3; a magnitude 6.4 listed with one that says 6.7)."""
    share = [
        _reported("a1", "Daily A", "the ferry was 83.5 percent full", ("83.5 percent", 83.5, "percent")),
        _reported("b1", "Radio B", "the ferry was 83.5 percent full", ("83.5 percent", 83.5, "percent")),
        _reported("c1", "Gazette C", "the ferry was 71.2 percent full", ("71.2 percent", 71.2, "percent")),
    ]
    lines = {q.text: set(q.sources) for q in group_quotes(share)}
    assert lines == {"the ferry was 83.5 percent full": {"Daily A", "Radio B"},
                     "the ferry was 71.2 percent full": {"Gazette C"}}
    # A count in common does not hide the number they differ on: both say "at least 9 people",
    # but the storm was of force 8 in one and of force 10 in the other.
    content = "a force {} storm hit the pier, injuring at least 9 people"
    storm = [
        _reported("a1", "Daily A", content.format(8), ("8", 8.0, None, "storm"), ("at least 9", 9.0, None, "people", "at least")),
        _reported("b1", "Radio B", content.format(10), ("10", 10.0, None, "storm"), ("at least 9", 9.0, None, "people", "at least")),
    ]
    assert sorted(tuple(q.sources) for q in group_quotes(storm)) == [("Daily A",), ("Radio B",)]


def test_reports_whose_numbers_can_be_one_value_stay_one_statement():
    reports = [
        _reported("a1", "Daily A", "the crossing took about 40 minutes", ("about 40 minutes", 40.0, "minute", None, "about")),
        _reported("b1", "Radio B", "the crossing took 41 minutes", ("41 minutes", 41.0, "minute")),
        _reported("c1", "Gazette C", "the crossing took a while"),
    ]
    [statement] = group_quotes(reports)
    assert set(statement.sources) == {"Daily A", "Radio B", "Gazette C"}


def test_a_quotation_cut_inside_its_own_inner_quotation_is_shown_with_the_inner_mark_closed():
    text = 'The judge said that Ostrik had "run the harbour as his own yard".'
    quote = make_quote(text, 'Ostrik had "run the harbour as his own yard', "The judge", kind="indirect")
    [shown] = group_quotes([ArticleAnalysis(article=make_article("a1", "Daily A", text), quotes=(quote,))])
    assert shown.text == 'Ostrik had "run the harbour as his own yard"'
