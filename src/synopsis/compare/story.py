"""Triangulating one story: from the analyses of its articles to a StoryReport."""

from __future__ import annotations

import dataclasses
import functools
from typing import Sequence

from synopsis.facts.dates import UNDATED_KINDS, parse_published
from synopsis.ingest.outlets import is_same_outlet
from synopsis.records import ArticleAnalysis, Source, Story, StoryReport


def list_sources(analyses: Sequence[ArticleAnalysis], origins: dict | None = None) -> list[Source]:
    """The story's articles as a report lists them, oldest first; an article that repeats or
    aggregates another outlet's, or whose lead credits it with the report
    (``independence.find_origins``), names it as its origin."""
    sources = []
    for analysis in analyses:
        article = analysis.article
        outlet = article.outlet
        info = (origins or {}).get(article.id)
        found = None
        if info is not None and info.derived:
            found = info.origin
        elif info is not None and info.credited:
            found = ", ".join(info.credited)  # its lead credits them with the report
        sources.append(
            Source(
                article_id=article.id,
                outlet=outlet.name if outlet else "unidentified",
                kind=outlet.kind if outlet else "unknown",
                country=outlet.country if outlet else None,
                published=article.published,
                origin=article.origin.name if article.origin and not (
                    outlet and is_same_outlet(article.origin, outlet)) else found,
                title=article.title,
                source=article.source,
            )
        )
    sources.sort(key=lambda s: (s.published or "9999", s.outlet))
    return sources


@functools.lru_cache(maxsize=1)
def registered_outlet_names() -> tuple[str, ...]:
    """Names of registered outlets, so citations of them are recognised in any article."""
    from synopsis.ingest.outlets import OutletRegistry

    return tuple(entry.outlet.name for entry in OutletRegistry.load().entries)


def report_order(analysis: ArticleAnalysis) -> tuple:
    """Where an article stands in its story's report: first reports first, ties by id; undated
    ones last, with entries whose date is when the page was first written (``UNDATED_KINDS``)."""
    outlet = analysis.article.outlet
    entry = outlet is not None and outlet.kind in UNDATED_KINDS
    published = None if entry else parse_published(analysis.article.published)
    return (published is None, published.timestamp() if published else 0.0, analysis.article.id)


def build_story_report(story: Story, analyses: Sequence[ArticleAnalysis], embedder=None) -> StoryReport:
    """Entities, aligned claims, disputes, quotes, timeline, coverage and brief of one story."""
    from synopsis.compare.brief import write_brief
    from synopsis.compare.consensus import label_claims
    from synopsis.compare.coverage import describe_coverage
    from synopsis.compare.disputes import find_disputes, order_disputes
    from synopsis.compare.doer_disputes import find_doer_disputes
    from synopsis.compare.independence import find_origins
    from synopsis.compare.speaker_disputes import find_speaker_disputes
    from synopsis.compare.story_title import current_title
    from synopsis.facts.story_years import complete_years
    from synopsis.compare.timeline import build_timeline
    from synopsis.compare.voices import group_quotes
    from synopsis.extract.embed import Embedder
    from synopsis.link.align import align_claims, day_rivals, score_candidates
    from synopsis.link.entities import resolve_entities

    embedder = embedder or Embedder.load()
    # One story, one report, however its articles were given (files on a command line, a folder,
    # the store, an upload): which wording stands for a group, which spelling names an entity and
    # which sentence a tie goes to all follow the order of the articles.
    analyses = sorted(analyses, key=report_order)
    # Undated articles' "July 23" gets the story's year, so their dates count everywhere below.
    analyses = complete_years(analyses)
    resolution = resolve_entities(analyses)
    origins = find_origins(analyses, embedder, known_outlets=registered_outlet_names())
    candidates = score_candidates(analyses, embedder, resolution.canonical)
    groups = align_claims(analyses, embedder, canonical=resolution.canonical, candidates=candidates)
    disputes = order_disputes(find_disputes(groups, analyses, resolution.entities, day_rivals(analyses, candidates))
                              + find_speaker_disputes(groups, analyses, resolution)
                              + find_doer_disputes(analyses, resolution))
    claims = label_claims(groups, analyses, origins, disputes=disputes, canonical_name=resolution.canonical_name,
                          resolution=resolution)
    quotes = group_quotes(analyses, resolution.canonical_name)
    timeline = build_timeline(analyses, groups, canonical_name=resolution.canonical_name)
    coverage = describe_coverage(analyses, claims, resolution.entities, resolution.canonical_name, disputes,
                                  resolution)
    brief = write_brief(analyses, claims, disputes, resolution=resolution, embedder=embedder, origins=origins)
    # A count that only rose is no disagreement: the report lists it apart, as revised figures.
    # Above, every point counts alike: a report of an earlier figure still contradicts a fact
    # worded with the latest, and the brief gives the figures as they rose.
    revised = tuple(d for d in disputes if d.rose)
    return StoryReport(
        story=dataclasses.replace(story, title=current_title(story.title, analyses, revised)),
        sources=tuple(list_sources(analyses, origins)),
        entities=tuple(resolution.entities),
        claims=tuple(claims),
        disputes=tuple(d for d in disputes if not d.rose),
        quotes=tuple(quotes),
        timeline=tuple(timeline),
        coverage=tuple(coverage),
        brief=tuple(brief),
        revised_figures=revised,
    )


def build_reports(analyses: Sequence[ArticleAnalysis], embedder=None) -> list[StoryReport]:
    """Group analyses into stories and triangulate each one."""
    from synopsis.extract.embed import Embedder
    from synopsis.link.stories import cluster_stories

    embedder = embedder or Embedder.load()
    by_id = {a.article.id: a for a in analyses}
    stories = cluster_stories(list(by_id.values()))
    return [build_story_report(story, [by_id[i] for i in story.article_ids], embedder) for story in stories]
