"""Small hand-built records for unit tests (no spaCy needed)."""

from __future__ import annotations

import numpy as np

from synopsis.link.event_profile import EventProfile
from synopsis.records import (
    AlignedClaim,
    Article,
    ArticleAnalysis,
    Evidence,
    Outlet,
    Quote,
    Removed,
)


def make_article(article_id: str, outlet: str, text: str, kind: str = "newspaper", **extra) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, outlet=Outlet(outlet, kind), **extra)


def make_quote(text: str, content: str, speaker: str, kind: str = "direct") -> Quote:
    """A quote whose content and speaker are located in ``text`` by search."""
    c = text.index(content)
    s = text.index(speaker)
    return Quote(
        kind=kind,
        content=content,
        content_start=c,
        content_end=c + len(content),
        speaker=speaker,
        speaker_start=s,
        speaker_end=s + len(speaker),
        cue="said",
        cue_start=None,
        cue_end=None,
        start=min(c, s),
        end=max(c + len(content), s + len(speaker)),
        speaker_entity=speaker,
    )


def evidence_for(analysis: ArticleAnalysis, sentence: str) -> Evidence:
    start = analysis.article.text.index(sentence)
    return Evidence(analysis.article.id, analysis.article.outlet.name, start, start + len(sentence), sentence)


def make_claim(claim_id: str, status: str, evidence: list[Evidence]) -> AlignedClaim:
    outlets = tuple(dict.fromkeys(e.outlet for e in evidence))
    return AlignedClaim(
        id=claim_id,
        text=evidence[0].text,
        status=status,
        sources=outlets,
        independent_sources=outlets,
        evidence=tuple(evidence),
    )


def removed(text: str, reason: str) -> Removed:
    return Removed(text=text, reason=reason, start=0, end=len(text))


def unit_vector(seed: int, base: np.ndarray | None = None, noise: float = 0.0) -> np.ndarray:
    """A random unit vector of the lead model's size, or one near ``base`` (closer for less noise)."""
    rng = np.random.default_rng(seed)
    vector = rng.normal(size=384) if base is None else base + noise * rng.normal(size=384)
    return (vector / np.linalg.norm(vector)).astype(np.float32)


def event_profile(aid: str, vector, names=(), cast=(), day=None, published=None, places=()) -> EventProfile:
    """An event profile with the given names (its cast defaults to them)."""
    return EventProfile(
        article_id=aid,
        vector=vector,
        names=frozenset(names),
        cast=frozenset(cast or names),
        day=day,
        published=published,
        places=frozenset(places),
    )


EVENT_BASE = unit_vector(1)


def named_group(prefix: str, marks: list[set[str]], seed: int) -> list[EventProfile]:
    """Articles with a shared cast and alike leads, each also naming its own marks: with other
    marks and another seed, the reports of a look-alike event (two pirate attacks in one gulf)."""
    shared = {"gulf of dravos", "coast guard", "kessa"}
    centre = unit_vector(seed, EVENT_BASE, 0.02)
    return [
        event_profile(f"{prefix}{n}", unit_vector(seed + n + 1, centre, 0.005), names=shared, cast=shared | mark)
        for n, mark in enumerate(marks)
    ]


def store_as_stories(store, stories: dict[str, list[EventProfile]]) -> None:
    """Store a bare article for each profile and file each list under its story id as given
    (no clustering), as an ingest would have left them."""
    from synopsis.link.stored_stories import StoreState

    state = StoreState(store)
    for story, profiles in stories.items():
        for n, profile in enumerate(profiles):
            text = f"Report {profile.article_id} of story {story}."
            store.add_analysis(ArticleAnalysis(article=Article(id=profile.article_id, source=f"{profile.article_id}.txt", text=text)))
            state.record(profile, story, is_new=n == 0)


def partition(groups) -> set[frozenset[str]]:
    """Groups of article ids as a set of sets: stories compared whatever their order."""
    return {frozenset(g) for g in groups}


# Orders a stream of six look-alike reports is fed in: as written, reversed, interleaved.
STREAM_ORDERS = ((0, 1, 2, 3, 4, 5), (5, 4, 3, 2, 1, 0), (2, 3, 0, 4, 1, 5))


def analyze_rows(rows, nlp) -> list[ArticleAnalysis]:
    """Analyses of (id, title, text, published) rows, each id its own source."""
    from synopsis.extract.pipeline import analyze_articles

    articles = [Article(id=aid, source=aid, text=text, title=title, published=published) for aid, title, text, published in rows]
    return list(analyze_articles(articles, nlp))


def assert_stories_batch_and_stream(analyses, expected: set[frozenset[str]], orders=STREAM_ORDERS) -> None:
    """Batch clustering, and the stream in each of the orders, give the expected stories."""
    from synopsis.link.stories import StoryIndex, cluster_stories, describe_events

    assert partition(s.article_ids for s in cluster_stories(analyses)) == expected
    profiles = describe_events(analyses)
    for order in orders:
        index = StoryIndex()
        for i in order:
            index.add(profiles[i])
        assert partition(index.stories().values()) == expected, order
