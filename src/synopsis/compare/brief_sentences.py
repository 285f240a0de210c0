"""How the brief words its sentences: a chosen fact in its source wording with notes (one original
carried by several outlets, an office outlets dispute), and a disputed point with every version."""

from __future__ import annotations

from typing import Mapping, Sequence

from synopsis.compare.citations import normalize_name
from synopsis.compare.consensus import describe_repeat
from synopsis.compare.dispute_versions import join_names
from synopsis.compare.running_counts import in_sentence
from synopsis.compare.disputed_wording import points_given
from synopsis.compare.fact_citations import shown_text
from synopsis.compare.other_numbers import numbers_incompatible, passage_amounts
from synopsis.facts.support import SupportCheck
from synopsis.records import AlignedClaim, ArticleAnalysis, BriefSentence, Dispute, DisputeVersion, Evidence


def fact_sentence(claim: AlignedClaim, fact: AlignedClaim, analyses: Mapping[str, ArticleAnalysis],
                  check: SupportCheck, disputes: Sequence[Dispute]) -> BriefSentence:
    """A chosen fact (``fact_citations.cite_supported``) as the brief states it: its wording shown
    (``shown_text``) as a sentence, with a note where it is one original (``_with_repeat``; ``fact``
    is the aligned claim as labelled) or gives a disputed office, cited to every report supporting it."""
    return BriefSentence(
        text=_with_disputed_office(_with_repeat(_as_sentence(" ".join(_shown(claim.evidence[0], check, claim.evidence).split())), claim,
                                                fact, analyses),
                                   points_given(claim.evidence[0], disputes, check), disputes),
        # The wording shown first, then every other outlet's report that supports it.
        citations=claim.evidence,
    )


def dispute_sentence(dispute: Dispute) -> BriefSentence:
    """A disputed point as the brief states it: every version with who gives it, one citation per
    outlet; a count that rose (``Dispute.rose``) as its latest figure, then the earlier ones."""
    if dispute.rose:
        return _rise_sentence(dispute)
    versions = "; ".join(f"{v.value} ({_version_sources(v)})" for v in dispute.versions)
    return BriefSentence(
        text=f"Accounts differ on {dispute.what}: {versions}.",
        citations=tuple(e for v in dispute.versions for e in _one_per_outlet(v.evidence)),
    )


def _rise_sentence(dispute: Dispute) -> BriefSentence:
    """A running count that rose over the day, as the brief states it: the latest report's figure,
    said to be the latest, then the earlier reports' figures in the order first reported, each
    with who gave it; the latest cited first."""
    *earlier, latest = dispute.versions
    # "gives ... as": a qualified figure reads "as at least 21", where "puts ... at" read "at at least 21"
    reports = "report gives" if len(latest.sources) == 1 else "reports give"
    gave = join_names([f"{in_sentence(v.value)} ({_version_sources(v)})" for v in earlier])
    return BriefSentence(
        text=(f"The latest {reports} the {dispute.what} as {in_sentence(latest.value)} ({_version_sources(latest)});"
              f" earlier reports gave {gave}."),
        citations=tuple(e for v in (latest, *earlier) for e in _one_per_outlet(v.evidence)),
    )


def _one_per_outlet(evidence: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """Each outlet's first report of a version: a brief line names who gives each version, and one
    citation per outlet lets the reader check it (a name spelled one way in 15 places of 5 articles
    gave one line 20 citations); every report stays in the dispute's own section."""
    first: dict[str, Evidence] = {}
    for e in evidence:
        first.setdefault(e.outlet, e)
    return tuple(first.values())


def _with_repeat(text: str, claim: AlignedClaim, fact: AlignedClaim | None = None,
                 analyses: Mapping[str, ArticleAnalysis] | None = None) -> str:
    """Source wording, and for one original carried by several outlets, a note that it is one source.

    The wording shown may be one origin's while its ``fact`` (the aligned claim, as labelled) has
    other independent origins whose reports tell it in words that do not support this wording
    ("less than an hour, according to the inspectorate" for "about 40 minutes, spokesman X said"):
    the note names them, so the brief does not call one original what the corroborated list credits
    to independent outlets (QA: a fire contained in 40 minutes was "one original report (Reuters)"
    in the brief and "Associated Press, Reuters" among the corroborated facts). An outlet whose
    reports of the fact all give numbers the wording's cannot be (``other_numbers``: "a magnitude
    6.7 earthquake" for "a magnitude 6.4 earthquake") tells another version, not the fact: it is
    not named (``analyses``, by article id, are what is read for the numbers).
    """
    note = describe_repeat(claim)
    if not note:
        return text
    if fact is not None:
        cited = {normalize_name(name) for name in claim.independent_sources}
        others = [name for name in fact.independent_sources if normalize_name(name) not in cited
                  and not _gives_other_numbers(name, claim.evidence[0], fact, analyses or {})]
        if others:
            note += f"; {join_names(others)} {'reports' if len(others) == 1 else 'report'} the fact independently in other words"
    return f"{text} ({note})"


def _gives_other_numbers(outlet: str, wording: Evidence, fact: AlignedClaim,
                         analyses: Mapping[str, ArticleAnalysis]) -> bool:
    """Whether every report of the fact by the outlet gives numbers incompatible with the wording's."""
    if wording.article_id not in analyses:
        return False
    stated = passage_amounts(analyses[wording.article_id], wording.start, wording.end)
    reports = [e for e in fact.evidence if normalize_name(e.outlet) == normalize_name(outlet) and e.article_id in analyses]
    return bool(reports) and all(
        numbers_incompatible(stated, passage_amounts(analyses[e.article_id], e.start, e.end)) for e in reports)


def _shown(wording: Evidence, check: SupportCheck, alongside: Sequence[Evidence] = ()) -> str:
    """The chosen wording's text (``shown_text``; it was chosen only if that names its speaker)."""
    shown = shown_text(wording, check, alongside)
    return wording.text if shown is None else shown


def _as_sentence(text: str) -> str:
    """A wording cut at the end of its first statement (``undisputed_lead``) ends with a full stop."""
    return text if text.endswith((".", "!", "?", "\"", "”", "’", "'", ")")) else text + "."


def _with_disputed_office(text: str, points: Sequence[int], disputes: Sequence[Dispute]) -> str:
    """A wording that gives someone an office outlets dispute, with a note saying so.  (A wording
    giving another disputed value is never shown; a lead cut before it, ``undisputed_lead``, gives
    none, though its sentence does.)"""
    offices = [disputes[number].what for number in points if disputes[number].kind == "title"]
    if not offices:
        return text
    return f"{text} (accounts differ on {', '.join(offices)}: see below)"


def _version_sources(version: DisputeVersion) -> str:
    """Who gives a version: its outlets, and first whom they give an estimate to ("Police, per
    Metro Wire, Iberia Daily"), so the brief never sets one source's figure beside another's as
    if the outlets stated them."""
    outlets = ", ".join(version.sources)
    return f"{', '.join(version.given_by)}, per {outlets}" if version.given_by else outlets
