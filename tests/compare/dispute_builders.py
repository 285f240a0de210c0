"""Hand-built analyses from fictional outlets for dispute tests (our own sentences, no corpus text)."""

from __future__ import annotations

from dataclasses import dataclass, field

from synopsis.records import (
    Article,
    ArticleAnalysis,
    Claim,
    Dispute,
    Outlet,
    Quantity,
    Sentence,
    TimeRef,
)


@dataclass
class Q:
    text: str
    value: float | None
    unit: str | None = None
    counted: str | None = None
    qualifier: str | None = None
    low: float | None = None
    high: float | None = None
    predicate: str | None = None


@dataclass
class T:
    text: str
    value: str
    type: str = "DATE"
    modifier: str | None = None
    precision: str | None = "day"


@dataclass
class S:
    """One sentence, which is also one claim, with the values it contains."""

    text: str
    values: list[Q | T] = field(default_factory=list)
    new_paragraph: bool = False  # a paragraph break before it


def build(outlet: str, sentences: list[S], published: str = "2026-03-04T09:00:00+00:00",
          origin: str | None = None, kind: str = "newspaper", article_id: str | None = None) -> ArticleAnalysis:
    """Lay sentences out as paragraphs (one, unless a sentence starts a new one); locate every value
    by its first occurrence in its sentence."""
    text, spans = "", []
    for sentence in sentences:
        if text:
            text += "\n\n" if sentence.new_paragraph else " "
        spans.append((len(text), len(text) + len(sentence.text)))
        text += sentence.text
    records, quantities, times, claims = [], [], [], []
    for number, (sentence, (start, end)) in enumerate(zip(sentences, spans)):
        records.append(Sentence(start, end, sentence.text))
        q_idx, t_idx = [], []
        for value in sentence.values:
            at = start + sentence.text.index(value.text)
            if isinstance(value, Q):
                q_idx.append(len(quantities))
                quantities.append(Quantity(value.text, at, at + len(value.text), value.value, value.low, value.high,
                                           value.unit, value.counted, value.qualifier, value.predicate))
            else:
                t_idx.append(len(times))
                times.append(TimeRef(value.text, at, at + len(value.text), value.type, value.value,
                                     value.precision, value.modifier))
        claims.append(Claim(sentence.text, start, end, number, quantities=tuple(q_idx), times=tuple(t_idx)))
    article = Article(
        id=article_id or f"id-{outlet}", source=f"{outlet}.txt", text=text,
        outlet=Outlet(outlet, kind), origin=Outlet(origin) if origin else None, published=published,
    )
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
    for item in quantities + times:
        assert text[item.start:item.end] == item.text
    return ArticleAnalysis(article, tuple(records), (), tuple(quantities), tuple(times), (), tuple(claims))


MET = S("Delegations met in Geneva on March 3.", [T("March 3", "2026-03-03")])
LESS_THAN_HOUR = Q("less than an hour", 1, "hour", qualifier="less than")


def meeting_story() -> list[ArticleAnalysis]:
    return [
        build("Alpha", [MET, S("The meeting lasted less than an hour.", [LESS_THAN_HOUR])]),
        build("Bravo", [S("The talks lasted about 40 minutes, officials said.", [Q("about 40 minutes", 40, "minute", qualifier="about")])]),
        build("Charlie", [MET, S("The meeting, held in a hotel, lasted about three and a half hours.",
                                 [Q("about three and a half hours", 3.5, "hour", qualifier="about")])]),
        build("Delta", [S("The negotiations lasted less than an hour.", [LESS_THAN_HOUR])]),
    ]


def extracted(nlp, texts: dict[str, str]) -> list[ArticleAnalysis]:
    """Our own sentences run through the real extractor (not hand-built values)."""
    from synopsis.extract.pipeline import analyze_articles
    from tests.factories import make_article

    articles = [make_article(f"id-{outlet}", outlet, text, published="2026-03-04T09:00:00+00:00")
                for outlet, text in texts.items()]
    return list(analyze_articles(articles, nlp))


# A day the test sentences' counts are dated by, so that they meet in one slot.
DAY = "Officials spoke on March 3."


def aligned_disputes(nlp, texts: dict[str, str]) -> list[Dispute]:
    """The disputes of the outlets' sentences, their claims that state a number aligned as one group
    (as ``link.align`` aligns reports of one fact; unaligned counts far apart are other things)."""
    from synopsis.compare.disputes import find_disputes

    analyses = extracted(nlp, {outlet: f"{DAY} {text}" for outlet, text in texts.items()})
    group = [(a.article.id, next(i for i, c in enumerate(a.claims) if c.quantities)) for a in analyses]
    return find_disputes([group], analyses)
