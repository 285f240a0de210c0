"""Which disputed facts take which version of each disputed point.

A claim is "disputed" (``consensus.find_disputed_groups``) when its sentences give versions of a
disputed point. The Disputed points section lists the points with their versions; a fact-checker
also needs the facts (claims) the point puts in doubt, and for each outlet's sentence in them the
version it takes, cited to its article and span. A count that only rose (a revised figure) puts
facts in doubt the same way: a report of the morning's toll tells them otherwise than the evening's,
and its section lists them so. A disputed claim that no point reaches (it was flagged by other
means) is listed apart, so that every disputed claim is in the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.compare.quoted_wording import balanced
from synopsis.records import AlignedClaim, Dispute, DisputeVersion, Evidence, StoryReport


@dataclass(frozen=True, slots=True)
class SideTaken:
    """One outlet's sentence of a disputed claim and the versions of the point it gives."""

    evidence: Evidence
    versions: tuple[int, ...]  # indexes into the dispute's versions; empty: it states none of them


@dataclass(frozen=True, slots=True)
class DisputedClaim:
    claim: AlignedClaim
    sides: tuple[SideTaken, ...]

    @property
    def text(self) -> str:
        """The claim as shown under the point: the first sentence of it that gives a version of the
        point. An aligned claim is worded by one of its sentences, and that one may give none
        ("lasted less than an hour" shown under the start time another outlet's sentence of the
        same claim gives)."""
        # (the sentence as written, its quotation marks balanced: '"Corruption has no place.' is one
        # sentence of a longer quotation whose closing mark comes later)
        return balanced(next((side.evidence.text for side in self.sides if side.versions), self.claim.text))


def _versions_in(evidence: Evidence, dispute: Dispute) -> tuple[int, ...]:
    return tuple(
        index for index, version in enumerate(dispute.versions)
        if any(evidence.overlaps(given) for given in version.evidence)
    )


# Disputes over how a person is named or titled: a sentence that writes neither version (only the
# surname "Umerov" in a first-name dispute, the name without an office in a title dispute) takes no
# side. It is no problem of the sentence and is left out of the point's list; a sentence without a
# version of a figure or a date is still shown, since it may give a further value.
_SIDELESS_KINDS = frozenset({"name", "title"})


def claims_by_point(report: StoryReport) -> tuple[list[list[DisputedClaim]], list[AlignedClaim]]:
    """For each dispute (in report order) the disputed claims one of whose sentences gives a version
    of it, each sentence with the versions it gives; and the disputed claims no dispute reaches, nor
    any revised figure (``claims_by_revised_figure``)."""
    per_point = _claims_of(report.disputes, report)
    reached = {fact.claim.id for facts in per_point + _claims_of(report.revised_figures, report) for fact in facts}
    return per_point, [claim for claim in report.claims if claim.status == "disputed" and claim.id not in reached]


def claims_by_revised_figure(report: StoryReport) -> list[list[DisputedClaim]]:
    """For each revised figure (a count that only rose, ``StoryReport.revised_figures``) the claims
    whose sentences give one of its figures, each sentence with the figures it gives: the facts
    a report of an earlier figure tells otherwise than a later one."""
    return _claims_of(report.revised_figures, report)


def _claims_of(points: Sequence[Dispute], report: StoryReport) -> list[list[DisputedClaim]]:
    disputed = [claim for claim in report.claims if claim.status == "disputed"]
    per_point: list[list[DisputedClaim]] = []
    for dispute in points:
        found = []
        for claim in disputed:
            sides = tuple(SideTaken(e, _versions_in(e, dispute)) for e in claim.evidence)
            if dispute.kind in _SIDELESS_KINDS:
                sides = tuple(side for side in sides if side.versions)
            if any(side.versions for side in sides):
                found.append(DisputedClaim(claim, sides))
        per_point.append(found)
    return per_point


def describe_side(side: SideTaken, dispute: Dispute) -> str:
    """What one sentence says on the point: 'gives “about three and a half hours”', or that it
    gives none of the versions (it is in the claim for the rest of what it says)."""
    if not side.versions:
        return "gives none of the versions"
    if dispute.kind == "speaker":
        # The versions are people: the sentence gives the quotation to one of them.
        return "gives the words to " + " and ".join(dispute.versions[i].value for i in side.versions)
    if dispute.kind == "actor":
        # The versions are who did the act: the sentence credits it to one of them.
        return "credits it to " + " and ".join(dispute.versions[i].value for i in side.versions)
    return "gives " + " and ".join(f"“{_wording_in(side.evidence, dispute.versions[i])}”" for i in side.versions)


def _wording_in(evidence: Evidence, version: DisputeVersion) -> str:
    """The version as this sentence words it ("€50million"), of the version's wordings the ones its
    text has; the version's value when it has none of them (a wording the extractor joined)."""
    text = " ".join(evidence.text.split()).lower()
    own = [wording for wording in version.wordings
           if re.search(rf"(?<!\w){re.escape(wording.lower())}(?!\w)", text)]
    # "Tuesday morning" has "Tuesday" in it: the sentence gives the longer wording only.
    own = [wording for wording in own if not any(wording != other and wording in other for other in own)]
    return " / ".join(own) or version.value
