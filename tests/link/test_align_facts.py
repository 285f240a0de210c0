"""Alignment groups reports of one fact: not claims about another day, round or number, and not
two wordings of one happening kept apart."""

from __future__ import annotations

import pytest

from synopsis.extract.embed import Embedder
from synopsis.link.align import align_claims
from synopsis.records import Article, ArticleAnalysis, Claim, Entity, Outlet, Quantity, Quote, Sentence, TimeRef


@pytest.fixture(scope="module")
def embedder():
    return Embedder.load()


def one_claim(aid, sentence, quantities=(), times=(), entities=(), quote=None, published=None, attributed=None):
    """A one-sentence article: quantities as (text, value, low, high, unit, counted, predicate),
    times as (text, type, value), entities as (text, label)."""
    qs = []
    for q_text, value, low, high, unit, counted, predicate in quantities:
        s = sentence.index(q_text)
        qs.append(Quantity(q_text, s, s + len(q_text), value, low, high, unit, counted, predicate=predicate))
    ts = []
    for t_text, kind, value in times:
        s = sentence.index(t_text)
        ts.append(TimeRef(t_text, s, s + len(t_text), kind, value))
    es = []
    for e_text, label in entities:
        s = sentence.index(e_text)
        es.append(Entity(e_text, label, s, s + len(e_text)))
    quotes = ()
    if quote is not None:
        content, speaker = quote
        s = sentence.index(content)
        at = sentence.index(speaker)
        quotes = (Quote("direct", content, s, s + len(content), speaker, at, at + len(speaker), None, None, None,
                        0, len(sentence)),)
    claim = Claim(sentence, 0, len(sentence), 0, entities=tuple(range(len(es))), quantities=tuple(range(len(qs))),
                  times=tuple(range(len(ts))), quote=0 if quotes else None, attributed_to=attributed)
    article = Article(id=aid, source=aid, text=sentence, outlet=Outlet(aid.title()), published=published)
    return ArticleAnalysis(article, (Sentence(0, len(sentence), sentence),), tuple(es), tuple(qs), tuple(ts),
                           quotes, (claim,))


def aligned(embedder, *analyses) -> bool:
    """Whether the first claims of all the articles land in one group."""
    groups = align_claims(list(analyses), embedder)
    return len(groups) == 1


def test_claims_about_different_rounds_do_not_align(embedder):
    # Near-identical wording (cosine well above the link score), two different episodes.
    assert not aligned(
        embedder,
        one_claim("alpha", "Russia and Ukraine held the second round of direct talks in Istanbul."),
        one_claim("beta", "Russia and Ukraine held the third round of direct talks in Istanbul."),
    )


def test_claims_dated_to_different_days_do_not_align(embedder):
    assert not aligned(
        embedder,
        one_claim("alpha", "The delegations met in Istanbul on June 2 for peace talks.",
                  times=[("June 2", "DATE", "2025-06-02")]),
        one_claim("beta", "The delegations met in Istanbul on July 23 for peace talks.",
                  times=[("July 23", "DATE", "2025-07-23")]),
    )


def test_a_news_reports_undated_claim_does_not_align_with_an_entrys_claim_dated_earlier(embedder, nlp):
    # The entry's delegation list stands under its 2 June section; the report, published on
    # 24 July, is about the days before.  Under the entry's 23 July section they are one fact.
    from synopsis.extract.pipeline import analyze_articles

    def entry(day: str) -> Article:
        text = f"On {day}, the delegations met in Vantor.\nThe Norland delegation was headed by Defence Minister Ilse Varga."
        return Article(id=f"entry-{day}", source="e", text=text, outlet=Outlet("Civic Encyclopedia", "encyclopedia"),
                       published="2031-05-01")

    report = Article(id="report", source="r", text="The Norland delegation was headed by Defence Minister Ilse Varga.",
                     outlet=Outlet("Outlet R", "newspaper"), published="2031-07-24")

    def together(day: str) -> bool:
        analyses = list(analyze_articles([entry(day), report], nlp))
        return any({m.article_id for m in group.members} >= {f"entry-{day}", "report"} for group in align_claims(analyses, embedder))

    assert not together("2 June 2031")
    assert together("23 July 2031")


def test_claims_that_give_different_numbers_do_not_align(embedder):
    # "at least 1,000" and "at least 1,200" overlap as intervals, yet neither says the other.
    assert not aligned(
        embedder,
        one_claim("alpha", "The delegations agreed to exchange at least 1,200 prisoners.",
                  quantities=[("at least 1,200", 1200, 1200, None, None, "prisoners", "exchange")]),
        one_claim("beta", "The delegations agreed to exchange at least 1,000 prisoners on each side.",
                  quantities=[("at least 1,000", 1000, 1000, None, None, "prisoners", "exchange")]),
    )


def test_same_number_same_day_still_aligns(embedder):
    assert aligned(
        embedder,
        one_claim("alpha", "The delegations agreed on July 23 to exchange 1,200 prisoners.",
                  quantities=[("1,200", 1200, 1200, 1200, None, "prisoners", "exchange")],
                  times=[("July 23", "DATE", "2025-07-23")]),
        one_claim("beta", "On July 23 the sides agreed to swap about 1,200 prisoners.",
                  quantities=[("about 1,200", 1200, 1100, 1300, None, "prisoners", "swap")],
                  times=[("July 23", "DATE", "2025-07-23")]),
    )


def test_two_wordings_of_one_rescue_align(embedder):
    # "pull" is no predicate class of its own: it is how one outlet words the rescue.
    assert aligned(
        embedder,
        one_claim("alpha", "Emergency crews rescued 173 people.",
                  quantities=[("173", 173, 173, 173, None, "people", "rescue")]),
        one_claim("beta", "Rescuers pulled 173 people from the water.",
                  quantities=[("173", 173, 173, 173, None, "people", "pull")]),
    )


def test_clock_time_filled_in_from_publication_day_does_not_clash(embedder):
    # Both say "8:15 a.m."; the day each time got comes from its article's publication date.
    assert aligned(
        embedder,
        one_claim("alpha", "The vessel, with about 200 passengers on board, capsized at 8:15 a.m. shortly after leaving Marrowby.",
                  quantities=[("about 200", 200, 180, 220, None, "passengers", None)],
                  times=[("8:15 a.m.", "TIME", "2025-03-04T08:15")], published="2025-03-04"),
        one_claim("beta", "The ferry had 200 passengers on board and overturned at 8:15 a.m.",
                  quantities=[("200", 200, 200, 200, None, "passengers", None)],
                  times=[("8:15 a.m.", "TIME", "2025-03-05T08:15")], published="2025-03-05"),
    )


def test_a_named_speaker_is_not_counted_twice(embedder):
    # One person saying two things about the wind: a shared speaker is no sign of one statement.
    assert not aligned(
        embedder,
        one_claim("alpha", "\"The wind is our biggest enemy,\" Lund said.", entities=[("Lund", "PERSON")],
                  quote=("The wind is our biggest enemy,", "Lund")),
        one_claim("beta", "Fire chief Maria Lund warned that the wind would pick up.",
                  entities=[("Maria Lund", "PERSON")], attributed="Maria Lund"),
    )


def test_a_follow_ups_undated_restatement_aligns_with_the_event_days_report(embedder, nlp):
    # A week later the follow-up restates the collapse undated: it is about its story's day too.
    from synopsis.extract.pipeline import analyze_articles

    first = Article(id="first", source="a", text="The Harbor Street bridge in Tarnville collapsed on Monday, killing three workers.",
                    outlet=Outlet("Outlet A", "newspaper"), published="2031-09-02")
    later = Article(id="later", source="c", text="The Harbor Street bridge in Tarnville collapsed, killing three workers.",
                    outlet=Outlet("Outlet C", "newspaper"), published="2031-09-09")
    other = Article(id="other", source="b", text="Engineers inspected the Tarnville bridge site on Monday, 1 September 2031.",
                    outlet=Outlet("Outlet B", "newspaper"), published="2031-09-02")
    analyses = list(analyze_articles([first, later, other], nlp))
    groups = align_claims(analyses, embedder)
    assert any({m.article_id for m in g.members} >= {"first", "later"} for g in groups)
