"""Fixtures for the store tests: a fresh in-memory database and hand-built analyses."""

from __future__ import annotations

import hashlib
import re

import pytest

from synopsis.records import (
    Article,
    ArticleAnalysis,
    Claim,
    Entity,
    Outlet,
    Quantity,
    Quote,
    Removed,
    Sentence,
    TimeRef,
)
from synopsis.store.db import Store


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    """Return the offsets of the first occurrence of part in text at or after `after`."""
    start = text.index(part, after)
    return start, start + len(part)


def build_analysis(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = "Test Wire",
    kind: str = "wire service",
    published: str | None = "2026-03-03T09:00:00+00:00",
    source: str | None = None,
    article_id: str | None = None,
) -> ArticleAnalysis:
    """Build a small but complete analysis of text: sentences, entities, numbers, times, a quote, claims."""
    article_id = article_id or hashlib.sha256(text.encode()).hexdigest()[:16]
    sentences = tuple(
        Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.!?]+[.!?]", text) if m.group().strip()
    )
    # Trim leading spaces so sentence text equals the slice exactly.
    sentences = tuple(
        Sentence(s.start + (len(s.text) - len(s.text.lstrip())), s.end, s.text.lstrip()) for s in sentences
    )
    entities = tuple(
        Entity(m.group(), "PERSON", m.start(), m.end())
        for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", text)
    )
    quantities = tuple(
        Quantity(m.group(), m.start(), m.end(), float(m.group(1)), float(m.group(1)), float(m.group(1)), None, m.group(2))
        for m in re.finditer(r"\b(\d+) (people|injured|workers)\b", text)
    )
    times = tuple(
        TimeRef(m.group(), m.start(), m.end(), "DATE", "2026-03-03", "day")
        for m in re.finditer(r"\bon Tuesday\b", text)
    )
    quotes = []
    for m in re.finditer(r'"([^"]+)," said ([A-Z][a-z]+)', text):
        quotes.append(
            Quote(
                kind="direct",
                content=m.group(1),
                content_start=m.start(1),
                content_end=m.end(1),
                speaker=m.group(2),
                speaker_start=m.start(2),
                speaker_end=m.end(2),
                cue="said",
                cue_start=m.start(2) - 5,
                cue_end=m.start(2) - 1,
                start=m.start(),
                end=m.end(),
                speaker_entity=m.group(2),
            )
        )
    claims = tuple(
        Claim(
            s.text,
            s.start,
            s.end,
            i,
            entities=tuple(j for j, e in enumerate(entities) if s.start <= e.start < s.end),
            quantities=tuple(j for j, q in enumerate(quantities) if s.start <= q.start < s.end),
            times=tuple(j for j, t in enumerate(times) if s.start <= t.start < s.end),
        )
        for i, s in enumerate(sentences)
    )
    article = Article(
        id=article_id,
        source=source or f"{article_id}.txt",
        text=text,
        title=title,
        outlet=Outlet(outlet, kind, "XX") if outlet else None,
        published=published,
        published_precision="minute" if published and "T" in published else ("day" if published else None),
        removed=(Removed("Share this story", "share buttons", 0, 16),),
    )
    return ArticleAnalysis(article, sentences, entities, quantities, times, tuple(quotes), claims)


@pytest.fixture(name="build_analysis")
def build_analysis_fixture():
    """The analysis builder, as a fixture (tests folders are not packages)."""
    return build_analysis


@pytest.fixture
def store():
    """A fresh, migrated in-memory store."""
    with Store.open(":memory:") as db:
        yield db


@pytest.fixture
def sample_analyses() -> list[ArticleAnalysis]:
    """Three small analyses of one invented event from three outlets."""
    return [
        build_analysis(
            'A ferry ran aground near Kelso Point on Tuesday. Officials said 12 people were hurt. "We were lucky," said Brann.',
            title="Ferry runs aground at Kelso Point",
            outlet="Test Wire",
            published="2026-03-03T09:00:00+00:00",
        ),
        build_analysis(
            "Rescuers reached the stranded ferry within the hour. Harbour master Ilse Varga counted 15 injured.",
            title="Rescue at the point",
            outlet="Coast Radio",
            kind="broadcaster",
            published="2026-03-02T18:30:00+00:00",
        ),
        build_analysis(
            "The lighthouse keeper saw the vessel drift. Nobody was in the water, he added.",
            title="Keeper watched the drift",
            outlet=None,
            published=None,
        ),
    ]
