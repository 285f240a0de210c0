"""Writing story reports in the format a file name asks for."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from synopsis.compare.voices import speaker_label
from synopsis.records import AlignedClaim, Article, Dispute, StoryReport, SynopsisError
from synopsis.report.dispute_claims import describe_side

FORMATS = ("md", "html", "json")
EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def counted(count: int, noun: str) -> str:
    """"1 article", "2 articles" (every noun a report counts takes an -s)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def describe_omissions(omits: Sequence[str], claims: Sequence[AlignedClaim]) -> str:
    """What an outlet leaves out, counted: "2 corroborated facts", and the facts most outlets carry
    from one original report apart ("1 corroborated fact and 1 fact most outlets carry from one
    original report"), which are no corroborated facts. (Reports made before those were counted
    name only corroborated facts.)"""
    status = {claim.id: claim.status for claim in claims}
    carried = sum(status.get(claim_id) == "single-source" for claim_id in omits)
    corroborated = len(omits) - carried
    if not carried:
        return counted(corroborated, "corroborated fact")
    shared = f"{counted(carried, 'fact')} most outlets carry from one original report"
    return f"{counted(corroborated, 'corroborated fact')} and {shared}" if corroborated else shared


def name_reporters(claim: AlignedClaim) -> str:
    """The outlets of the story that report a fact, each that gives it as another's with whom it
    cites: "Meduza, Digest (citing Reuters, AP)". The witnesses are the story's articles; an
    outlet they cite is where their words may come from, not a further witness."""
    cites = {attribution.outlet: attribution.cites for attribution in claim.citing}
    return ", ".join(f"{outlet} (citing {', '.join(cites[outlet])})" if cites.get(outlet) else outlet
                     for outlet in claim.sources)


# How an ambiguous numeric publication date was read (records.Article.published_ambiguous).
_DATE_READINGS = {
    "weekday": "to fit the weekday given with it",
    "text": "as the text spells the day out",
    "outlet country": "month first, as the outlet's country writes dates",
    "default": "day first, as most countries write dates",
}


def ambiguous_date_note(basis: str | None) -> str | None:
    """What a reader is told of a publication date whose day and month could be swapped, else None."""
    if not basis:
        return None
    return f"day and month could be swapped; read {_DATE_READINGS.get(basis, basis)}"


def display_title(title: str | None, source: str) -> str:
    """What a listing calls an article: its title, else the last part of its file name or URL.

    A full local path tells readers nothing and shows the layout of the machine
    that made the report; the path stays in the JSON output and the article view.
    """
    if title and title.strip():
        return title
    name = source.rstrip("/").rsplit("/", 1)[-1] or source
    return f"untitled ({name})"


def why_no_brief(report) -> str:
    """What an empty brief means, said where the brief would be: the brief states only what
    two outlets report (or several carry from one original), so it is empty, not broken, for one
    article or for outlets that share no fact."""
    outlets = {source.outlet for source in report.sources}
    if len(outlets) < 2:
        return "No brief: the brief states what several outlets report, and this story has one outlet. Its facts are listed as single-source."
    if any(claim.status == "corroborated" for claim in report.claims):
        return ("No brief: no sentence of the facts several outlets report is supported in full by the "
                "other reports cited for it. The facts are listed as corroborated, with each outlet's wording.")
    return "No brief: no fact is reported by more than one outlet. The facts are listed as single-source, and any disagreement under disputed points."


def reported_by(dispute: Dispute) -> list[str]:
    """Each figure's outlets with when each first gave it (``DisputeVersion.reported``), as a
    revised figure's table shows them: "Global Rail Times (17:20), Tarnholm Gazette (18:45)"; the
    hour alone when every report is of one day, else the date too; the outlets alone where no time
    is known."""
    stamps = [stamp for version in dispute.versions for stamp in version.reported]
    one_day = bool(stamps) and all("T" in stamp for stamp in stamps) and len({stamp[:10] for stamp in stamps}) == 1

    def clock(stamp: str) -> str:
        if "T" not in stamp:
            return stamp
        return stamp[11:16] if one_day else f"{stamp[:10]} {stamp[11:16]}"

    return [", ".join(f"{outlet} ({clock(stamp)})" for outlet, stamp in zip(version.sources, version.reported))
            if len(version.reported) == len(version.sources) else ", ".join(version.sources)
            for version in dispute.versions]


# The helpers templates call by name: the HTML report's templates and the web app's pages show
# the same parts of a report (titles, counts, who reported a fact, dispute sides, speakers).
TEMPLATE_HELPERS = {
    "display_title": display_title, "counted": counted, "describe_omissions": describe_omissions,
    "why_no_brief": why_no_brief,
    "name_reporters": name_reporters, "describe_side": describe_side, "speaker_label": speaker_label,
    "reported_by": reported_by,
}


def format_for(path: str | Path, requested: str | None = None) -> str:
    """The explicit format if given, else the one the file extension implies (``path`` as the
    user typed it, which the message names: "./-", not "-")."""
    if requested:
        return requested
    try:
        return EXTENSIONS[Path(path).suffix.lower()]
    except KeyError:
        raise SynopsisError(f"{path}: cannot tell the format from the extension; use --format md|html|json") from None


def render(reports: Sequence[StoryReport], fmt: str, articles: Mapping[str, Article]) -> str:
    if fmt == "json":
        from synopsis.report.report_json import render_json

        return render_json(reports)
    if fmt == "html":
        from synopsis.report.html import render_html

        return render_html(reports, articles)
    if fmt == "md":
        from synopsis.report.markdown import render_markdown

        return render_markdown(reports)
    raise SynopsisError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")
