"""What the pages show, computed from records: highlighted article text, outlet comparisons."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from markupsafe import Markup, escape

from synopsis.compare.voices import quote_label
from synopsis.records import AlignedClaim, ArticleAnalysis, Evidence, StoryReport, SynopsisError


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span of an article: its CSS class and a short description."""

    start: int
    end: int
    kind: str  # entity, quantity, time, quote, cited
    label: str


def article_marks(analysis: ArticleAnalysis) -> list[Mark]:
    """Every extracted item of an article as a highlight."""
    marks = [Mark(e.start, e.end, "entity", e.label + (f" · {e.title}" if e.title else "")) for e in analysis.entities]
    for q in analysis.quantities:
        bounds = f"[{_num(q.low)}, {_num(q.high)}]" if (q.low, q.high) != (q.value, q.value) else _num(q.value)
        what = " ".join(x for x in (q.unit, q.counted) if x)
        marks.append(Mark(q.start, q.end, "quantity", f"quantity {bounds} {what}".strip()))
    marks += [Mark(t.start, t.end, "time", f"{t.type} {t.value}" + (f" ({t.modifier})" if t.modifier else "")) for t in analysis.times]
    for q in analysis.quotes:
        marks.append(Mark(q.content_start, q.content_end, "quote", f"{q.kind} quote · {quote_label(q, 'unknown speaker')}"))
    return marks


def cited_span(article, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The span of the article a citation link marks (?start=&end=), None when it gives neither;
    SynopsisError (400) when it marks nothing: a link that marks nothing must not look like one
    that worked (QA: start=99999&end=5 gave the page, unmarked)."""
    if start is None and end is None:
        return None
    length = len(article.text)
    if start is None or end is None:
        given = f"start={start}" if end is None else f"end={end}"
        raise SynopsisError(f"no such span in article {article.id[:12]}: a span needs both start and end, this link gives only {given}")
    if not 0 <= start < end <= length:
        raise SynopsisError(
            f"no such span in article {article.id[:12]}: characters {start}–{end} "
            f"(a span needs 0 ≤ start < end ≤ {length}, the article's length)"
        )
    return start, end


@dataclass(frozen=True)
class StoredRow:
    """An article an add request stored (or found stored), as the add page lists it."""

    id: str
    title: str
    outlet: str
    source: str
    story: str | None


def stored_rows(store, article_ids) -> list[StoredRow]:
    """The add page's rows for article ids: each one's title, outlet, file or address, and story."""
    from synopsis.report.render import display_title

    return [
        StoredRow(s.id, display_title(s.title, s.source), s.outlet or "unidentified outlet", s.source, store.story_of(s.id))
        for s in store.article_summaries(article_ids)
    ]


def _num(value: float | None) -> str:
    if value is None:
        return "∞"
    return f"{value:g}"


def mark_text(text: str, marks: list[Mark], cited: tuple[int, int] | None = None) -> Markup:
    """The text, escaped, cut at every mark boundary; each piece carries the classes of the marks over it.

    Spans overlap (an entity inside a quote), so instead of nesting tags the text
    is split at all boundaries and each piece gets one <span> with every kind
    that covers it; the cited span (from a citation link) becomes a <mark>.
    """
    spans = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    if cited and 0 <= cited[0] < cited[1] <= len(text):
        spans.append(Mark(cited[0], cited[1], "cited", "cited sentence"))
    bounds = sorted({0, len(text)} | {m.start for m in spans} | {m.end for m in spans})
    opening: dict[int, list[Mark]] = defaultdict(list)
    for m in spans:
        opening[m.start].append(m)
    out = []
    active: list[Mark] = []
    for left, right in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > left] + opening.get(left, [])
        piece = escape(text[left:right])
        if not active:
            out.append(piece)
            continue
        kinds = sorted({m.kind for m in active})
        label = "; ".join(dict.fromkeys(m.label for m in active if m.kind != "cited"))
        attrs = Markup(' class="{}"').format(" ".join(f"hl-{k}" for k in kinds))
        if label:
            attrs += Markup(' title="{}"').format(label)
        if cited and left == cited[0] and "cited" in kinds:
            attrs += Markup(' id="cited"')
        tag = "mark" if "cited" in kinds else "span"
        out.append(Markup("<{}{}>{}</{}>").format(Markup(tag), attrs, piece, Markup(tag)))
    return Markup("").join(out)


@dataclass(frozen=True, slots=True)
class SharedFact:
    text: str
    status: str
    left: tuple[Evidence, ...]
    right: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two outlets of one story side by side."""

    left: str
    right: str
    only_left: tuple[AlignedClaim, ...]
    only_right: tuple[AlignedClaim, ...]
    shared: tuple[SharedFact, ...]
    left_omits: tuple[AlignedClaim, ...]  # corroborated by others, absent from left
    right_omits: tuple[AlignedClaim, ...]
    disputes: tuple  # (Dispute, left versions, right versions) where the two differ


def compare_outlets(report: StoryReport, left: str, right: str) -> Comparison:
    """What each of two outlets reports, leaves out, and how they word the facts they share."""
    only_left, only_right, shared, left_omits, right_omits = [], [], [], [], []
    for claim in report.claims:
        has_left, has_right = left in claim.sources, right in claim.sources
        if has_left and has_right:
            shared.append(
                SharedFact(
                    claim.text,
                    claim.status,
                    tuple(e for e in claim.evidence if e.outlet == left),
                    tuple(e for e in claim.evidence if e.outlet == right),
                )
            )
        elif has_left:
            only_left.append(claim)
        elif has_right:
            only_right.append(claim)
        if claim.status == "corroborated":
            if not has_left:
                left_omits.append(claim)
            if not has_right:
                right_omits.append(claim)
    disputes = []
    for dispute in report.disputes:
        mine = [v for v in dispute.versions if left in v.sources]
        theirs = [v for v in dispute.versions if right in v.sources]
        if mine and theirs and {v.normalized for v in mine} != {v.normalized for v in theirs}:
            disputes.append((dispute, mine, theirs))
    # Most widely reported first: those are the facts a reader checks first.
    key = lambda c: (-len(c.sources), c.text)  # noqa: E731
    return Comparison(
        left,
        right,
        tuple(sorted(only_left, key=key)),
        tuple(sorted(only_right, key=key)),
        tuple(shared),
        tuple(sorted(left_omits, key=key)),
        tuple(sorted(right_omits, key=key)),
        tuple(disputes),
    )


def report_outlets(report: StoryReport) -> list[str]:
    """The outlets of a story, in the order its sources list them."""
    return list(dict.fromkeys(s.outlet for s in report.sources))
