"""Story reports as one self-contained HTML file: no script, no CDN, all article text escaped."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Mapping, Sequence

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from synopsis import __version__
from synopsis.compare.consensus import describe_repeat, repeated_from
from synopsis.records import Article, Evidence, StoryReport
from synopsis.report.charts import coverage_svg, timeline_svg
from synopsis.report.dispute_claims import claims_by_point, claims_by_revised_figure
from synopsis.report.render import TEMPLATE_HELPERS

# The matrix and side-by-side table show the best-supported facts; the full
# list is in the JSON report.
MAX_MATRIX_FACTS = 30
MAX_SIDE_BY_SIDE = 15


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("synopsis.report", "templates"), autoescape=select_autoescape(["html", "j2"]))
    env.filters["anchor"] = evidence_anchor
    env.globals.update(TEMPLATE_HELPERS)
    return env


def source_labels(report: StoryReport) -> dict[str, str]:
    """Short labels for citations ("S1", "S2", ...), one per outlet in the sources table."""
    labels: dict[str, str] = {}
    for source in report.sources:
        labels.setdefault(source.outlet, f"S{len(labels) + 1}")
    return labels


def evidence_anchor(evidence: Evidence) -> str:
    """The id of a cited span inside the report's copy of the article."""
    return f"ev-{evidence.article_id[:16]}-{evidence.start}-{evidence.end}"


def cited_spans(report: StoryReport) -> dict[str, set[tuple[int, int]]]:
    """Every span any part of the report cites, per article."""
    spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
    groups = [c.evidence for c in report.claims] + [s.citations for s in report.brief]
    groups += [q.evidence for q in report.quotes] + [e.evidence for e in report.timeline]
    groups += [v.evidence for d in (*report.disputes, *report.revised_figures) for v in d.versions]
    for group in groups:
        for evidence in group:
            spans[evidence.article_id].add((evidence.start, evidence.end))
    return spans


def mark_text(text: str, spans: set[tuple[int, int]], article_id: str) -> Markup:
    """The article text, escaped, each cited span a <mark> whose id citations link to, so the
    page scrolls to the cited words and ``mark:target`` shows them.  Spans nest as elements (a
    quote inside its sentence); where two cross, elements cannot overlap, so the one that starts
    inside the other is closed where the other ends and continued in a mark without the id
    (``cont``): a followed citation then shows that span's first part, up to the end of the span
    it started in. (Keeping the later span whole instead would cut the earlier one, and a chain of
    crossing spans cuts one of them whichever rule is taken.)"""
    valid = {(start, end) for start, end in spans if 0 <= start < end <= len(text)}
    opening: dict[int, list[int]] = defaultdict(list)
    for start, end in sorted(valid, key=lambda span: (span[0], -span[1])):
        opening[start].append(end)  # the longer first: it is the outer element
    bounds = sorted({0, len(text)} | {b for span in valid for b in span})
    out: list[Markup] = []
    stack: list[int] = []  # the ends of the open marks, innermost last; a continuation's negated

    def reopen(ends: list[int]) -> None:
        for end in sorted(ends, reverse=True):
            out.append(Markup('<mark class="cont">'))
            stack.append(-end)

    for left, right in zip(bounds, bounds[1:]):
        if any(abs(end) == left for end in stack):
            # Close down to the outermost mark ending here, then reopen the ones still running.
            depth = min(i for i, end in enumerate(stack) if abs(end) == left)
            running = [abs(end) for end in stack[depth:] if abs(end) > left]
            out.append(Markup("</mark>" * (len(stack) - depth)))
            del stack[depth:]
            reopen(running)
        for end in opening.get(left, ()):
            # A continuation ending inside the new span is closed and reopened within it, so the
            # span with an id stays one element.
            inner = []
            while stack and stack[-1] < 0 and -stack[-1] < end:
                inner.append(-stack.pop())
                out.append(Markup("</mark>"))
            out.append(Markup('<mark id="{}">').format(f"ev-{article_id[:16]}-{left}-{end}"))
            stack.append(end)
            reopen(inner)
        out.append(escape(text[left:right]))
    out.append(Markup("</mark>" * len(stack)))
    return Markup("").join(out)


def side_by_side(report: StoryReport, outlets: Sequence[str]) -> list[tuple[str, list[list[Evidence]]]]:
    """For the best-supported facts, each outlet's own wording (or nothing)."""
    rows = []
    shared = sorted((c for c in report.claims if len(c.sources) > 1), key=lambda c: -len(c.sources))
    for claim in shared[:MAX_SIDE_BY_SIDE]:
        cells = [[e for e in claim.evidence if e.outlet == outlet] for outlet in outlets]
        rows.append((claim.text, cells))
    return rows


def render_html(reports: Sequence[StoryReport], articles: Mapping[str, Article]) -> str:
    """All stories in one HTML page that works offline."""
    stories = []
    for report in reports:
        outlets = sorted({s.outlet for s in report.sources})
        spans = cited_spans(report)
        matrix_claims = sorted(report.claims, key=lambda c: (-len(c.sources), c.status != "disputed"))[:MAX_MATRIX_FACTS]
        point_claims, unreached = claims_by_point(report)
        stories.append(
            {
                "report": report,
                "point_claims": point_claims,
                "unreached": unreached,
                "revised_claims": claims_by_revised_figure(report),
                "outlets": outlets,
                "counts": {
                    status: sum(c.status == status for c in report.claims)
                    for status in ("corroborated", "single-source", "disputed")
                },
                # One original carried by several outlets (wire copy): single-source, not one outlet's.
                "repeated": {c.id: describe_repeat(c) for c in report.claims if repeated_from(c)},
                "timeline_svg": Markup(timeline_svg(report.timeline)),
                "coverage_svg": Markup(coverage_svg(matrix_claims, outlets)),
                "side_by_side": side_by_side(report, outlets),
                "claim_text": {c.id: c.text for c in report.claims},
                "label": source_labels(report),
                "articles": [
                    (articles[i], mark_text(articles[i].text, spans.get(i, set()), i))
                    for i in report.story.article_ids
                    if i in articles
                ],
            }
        )
    return environment().get_template("report.html.j2").render(stories=stories, version=__version__)
