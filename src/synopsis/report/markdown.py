"""Story reports as Markdown: readable in a terminal, a wiki or a pull request."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Sequence

from synopsis.compare.consensus import describe_repeat, repeated_from
from synopsis.records import Dispute, Evidence, StoryQuote, StoryReport
from synopsis.report.dispute_claims import DisputedClaim, claims_by_point, claims_by_revised_figure, describe_side
from synopsis.report.render import counted, describe_omissions, display_title, name_reporters, reported_by, why_no_brief

SNIPPET = 160
# Statements listed under "Who said what"; the JSON and HTML reports list them all.
WHO_SAID_WHAT = 40


_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")


def _every_speaker_first(quotes: Sequence[StoryQuote], limit: int) -> list[StoryQuote]:
    """Up to ``limit`` statements, taken a round at a time over the speakers (each speaker's best
    supported first), in report order: the list the report keeps shows every voice before a second
    statement of anyone, and no speaker is cut off for being late in the alphabet."""
    by_speaker: dict[tuple[str, str | None], list[int]] = {}
    for index, quote in enumerate(quotes):
        by_speaker.setdefault((quote.speaker, quote.speaker_kind), []).append(index)
    chosen: set[int] = set()
    depth = 0
    while len(chosen) < min(limit, len(quotes)):
        for indexes in by_speaker.values():
            if depth < len(indexes) and len(chosen) < limit:
                chosen.add(indexes[depth])
        depth += 1
    return [quote for index, quote in enumerate(quotes) if index in chosen]


def _escape(text: str) -> str:
    """Neutralise Markdown and HTML in article text (it is untrusted).

    Angle brackets become entities rather than backslash escapes: some Markdown
    renderers pass raw HTML through even when it is backslash-escaped.
    """
    text = " ".join(text.split())
    text = _ENTITY_LIKE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]|#":
        text = text.replace(char, "\\" + char)
    return text


def _snippet(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(text.split())
    return _escape(text if len(text) <= limit else text[: limit - 1] + "…")


def _cite(evidence: Evidence, numbers: dict[tuple, int], prefix: str) -> str:
    key = (evidence.article_id, evidence.start, evidence.end)
    if key not in numbers:
        numbers[key] = len(numbers) + 1
    return f"[^{prefix}{numbers[key]}]"


def _facts_by_side(facts: Sequence[DisputedClaim], dispute: Dispute, cite_all: Callable[[Sequence[Evidence]], str], heading: str) -> list[str]:
    """The facts a disputed point or a revised figure is given in, each with the version every
    outlet's sentence gives; ``heading`` takes the count as ``{n}``."""
    if not facts:
        return []
    out = [heading.format(n=len(facts)), ""]
    for fact in facts:
        out.append(f"- {_snippet(fact.text, 240)} (`{fact.claim.id}`)")
        for side in fact.sides:
            out.append(f"  - {_escape(side.evidence.outlet)} {_escape(describe_side(side, dispute))} "
                       f"{cite_all([side.evidence])}")
    return out + [""]


def render_story(report: StoryReport, prefix: str = "") -> str:
    """One story as a Markdown section with footnote citations to source spans."""
    notes: dict[tuple, int] = {}
    evidence_by_key: dict[tuple, Evidence] = {}

    def cite_all(items: Sequence[Evidence]) -> str:
        marks = []
        for e in items:
            evidence_by_key[(e.article_id, e.start, e.end)] = e
            marks.append(_cite(e, notes, prefix))
        return "".join(dict.fromkeys(marks))

    out = [f"## {_escape(report.story.title)}", ""]
    outlets = sorted({s.outlet for s in report.sources})
    corroborated = [c for c in report.claims if c.status == "corroborated"]
    single = [c for c in report.claims if c.status == "single-source"]
    # Wire copy and rewrites: one source, carried by several outlets.
    repeated = [c for c in single if repeated_from(c)]
    one_outlet = [c for c in single if not repeated_from(c)]
    shared = f" ({len(repeated)} of them one original shared by several outlets)" if repeated else ""
    out.append(
        f"Story `{report.story.id}` · {counted(len(report.sources), 'article')} from {counted(len(outlets), 'outlet')} · "
        f"{len(corroborated)} corroborated, {len(single)} single-source{shared} facts · "
        f"{counted(len(report.disputes), 'disputed point')}"
        + (f" · {counted(len(report.revised_figures), 'revised figure')}" if report.revised_figures else "")
    )
    out += ["", "### Sources", "", "| outlet | kind | published | origin | title |", "|---|---|---|---|---|"]
    for s in report.sources:
        out.append(
            f"| {_escape(s.outlet)} | {s.kind} | {s.published or '?'} | {_escape(s.origin or '')} | {_snippet(display_title(s.title, s.source), 80)} |"
        )

    out += ["", "### Brief", ""]
    if not report.brief:
        out.append(why_no_brief(report))
    for sentence in report.brief:
        out.append(f"- {_escape(sentence.text)} {cite_all(sentence.citations)}")

    # The header counts what this section lists: disputed points (each with all its versions),
    # not the claims that touch them.
    out += ["", f"### Disputed points ({len(report.disputes)})", ""]
    if not report.disputes:
        out.append("No incompatible versions found." + (" Counts that rose from report to report are under Revised figures."
                                                       if report.revised_figures else ""))
    point_claims, unreached = claims_by_point(report)
    for number, dispute in enumerate(report.disputes):
        out += [f"**{_escape(dispute.what)}** ({dispute.kind}) — {_escape(dispute.explanation)}", ""]
        out += ["| version | normalized | outlets | evidence | note |", "|---|---|---|---|---|"]
        for v in dispute.versions:
            out.append(
                f"| {_escape(v.value)} | {_escape(v.normalized)} | {_escape(', '.join(v.sources))} | "
                f"{cite_all(v.evidence)} | {_escape(v.note or '')} |"
            )
        out.append("")
        out += _facts_by_side(point_claims[number], dispute, cite_all,
                              "Disputed facts on this point ({n}), and the version each outlet's sentence gives:")
    if unreached:
        # Disputed by other means than a listed point's versions: still listed, so none is lost.
        out += [f"Other disputed facts ({len(unreached)}):", ""]
        for claim in unreached:
            out.append(f"- {_snippet(claim.text, 240)} (`{claim.id}`) — {_escape(', '.join(claim.sources))} "
                       f"{cite_all(claim.evidence)}")
        out.append("")

    if report.revised_figures:
        # Running counts that only rose: each outlet gave the figure as it stood when it reported.
        out += ["", f"### Revised figures ({len(report.revised_figures)})", "",
                "Counts that rose from report to report: no outlet contradicts another; each gave the figure as it "
                "stood when it reported. The figures are in the order first reported, with when each outlet gave "
                "it; the last is the latest.", ""]
    for dispute, facts in zip(report.revised_figures, claims_by_revised_figure(report)):
        out += [f"**{_escape(dispute.what)}** ({dispute.kind}) — {_escape(dispute.explanation)}", ""]
        out += ["| figure | normalized | reported by | evidence | note |", "|---|---|---|---|---|"]
        for v, reporters in zip(dispute.versions, reported_by(dispute)):
            out.append(
                f"| {_escape(v.value)} | {_escape(v.normalized)} | {_escape(reporters)} | "
                f"{cite_all(v.evidence)} | {_escape(v.note or '')} |"
            )
        out.append("")
        out += _facts_by_side(facts, dispute, cite_all,
                              "Facts these figures are given in ({n}), and the figure each outlet's sentence gives:")

    out += ["", "### Corroborated by independent outlets", ""]
    for claim in corroborated:
        out.append(
            f"- {_snippet(claim.text, 240)} — {_escape(name_reporters(claim))} {cite_all(claim.evidence)}"
        )
    if repeated:
        out += ["", "### One original, shared by several outlets (not independent)", ""]
        for claim in repeated:
            out.append(
                f"- {_snippet(claim.text, 240)} — {_escape(describe_repeat(claim) or '')}: "
                f"{_escape(', '.join(claim.sources))} {cite_all(claim.evidence)}"
            )
    out += ["", "### Reported by one outlet only", ""]
    for claim in one_outlet[:40]:
        out.append(f"- {_snippet(claim.text, 240)} — {_escape(', '.join(claim.sources))} {cite_all(claim.evidence)}")
    if len(one_outlet) > 40:
        out.append(f"- … and {len(one_outlet) - 40} more (see the JSON report)")

    out += ["", "### Who said what", ""]
    shown = _every_speaker_first(report.quotes, WHO_SAID_WHAT)
    for quote in shown:
        # An outlet credited with the words reported them ("reported by Al Arabiya"); it is no voice.
        who = f"**{_escape(quote.speaker)}**"
        if quote.speaker_kind == "outlet":
            who = "reported by " + who
        kind = f"document, {quote.kind}" if quote.speaker_kind == "document" else quote.kind
        out.append(f"- {who} ({kind}): “{_snippet(quote.text, 240)}” — {_escape(', '.join(quote.sources))} {cite_all(quote.evidence)}")
    if len(report.quotes) > len(shown):
        out.append(f"- … and {len(report.quotes) - len(shown)} more (see the JSON report)")

    out += ["", "### Timeline", ""]
    for event in report.timeline:
        out.append(f"- **{event.date}** ({event.precision or '?'}): {_snippet(event.text, 200)} — {_escape(', '.join(event.sources))} {cite_all(event.evidence)}")

    out += ["", "### Who is who", ""]
    for entity in report.entities:
        if len(entity.aliases) < 2 and not entity.findings and not entity.titles:
            continue
        forms = "; ".join(f"{_escape(a.text)} ({_escape(', '.join(a.outlets))})" for a in entity.aliases)
        out.append(f"- **{_escape(entity.name)}** ({entity.type}): {forms}")
        for title in entity.titles:
            out.append(f"  - title: {_escape(title.text)} ({_escape(', '.join(title.outlets))})")
        for finding in entity.findings:
            out.append(f"  - ⚠ {_escape(finding)}")

    out += ["", "### Coverage and framing by outlet", ""]
    claim_text = {c.id: c.text for c in report.claims}
    for cov in report.coverage:
        out.append(f"#### {_escape(cov.outlet)}")
        voices = ", ".join(f"{_escape(name)} ×{count}" for name, count in cov.voices) or "none"
        out.append(f"- voices quoted: {voices}")
        if cov.terms:
            out.append(f"- word choices: {_escape('; '.join(cov.terms))}")
        if cov.omits:
            out.append(f"- leaves out {describe_omissions(cov.omits, report.claims)}, e.g.:")
            for claim_id in cov.omits[:5]:
                out.append(f"  - {_snippet(claim_text.get(claim_id, claim_id), 160)}")
        for piece in cov.non_reporting:
            out.append(f"- not reporting ({piece.reason}): {_snippet(piece.text, 120)}")
        out.append("")

    if notes:
        out += ["", "### Evidence", ""]
        for key, number in sorted(notes.items(), key=lambda item: item[1]):
            e = evidence_by_key[key]
            out.append(f"[^{prefix}{number}]: {_escape(e.outlet)}, article `{e.article_id[:12]}` chars {e.start}–{e.end}: “{_snippet(e.text, 220)}”")
    return "\n".join(out) + "\n"


def render_markdown(reports: Sequence[StoryReport]) -> str:
    """All stories of a run as one Markdown document."""
    head = [f"# synopsis report: {len(reports)} {'story' if len(reports) == 1 else 'stories'}", ""]
    return "\n".join(head) + "\n".join(render_story(r, f"s{i}-" if len(reports) > 1 else "") for i, r in enumerate(reports, 1))
