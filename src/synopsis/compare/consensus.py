"""Consensus labels: corroborated (two or more independent origins), single-source, or disputed."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence

from synopsis.compare.independence import OriginInfo, count_independent, name_outlet, normalize_name
from synopsis.link.align import ClaimGroup
from synopsis.records import AlignedClaim, ArticleAnalysis, Dispute, Evidence


# Disputes about who someone is (a first name, an office) rather than about what happened: a
# sentence that names "former Defense Minister Rustem Umerov" gives a version of his office, but
# the summit it says he proposed is not disputed for that.
WHO_DISPUTES = frozenset({"name", "title"})


def find_disputed_groups(groups: Sequence[ClaimGroup], disputes: Sequence[Dispute]) -> set[str]:
    """Return ids of groups whose fact is disputed: they hold two versions of one dispute, or at
    least half of their members give a version of it.

    A member that merely touches a dispute in passing (an outlet's "320 evacuated" sentence that
    also says "19 injured", in a group about the evacuation) does not make the group disputed, and
    disputes about who someone is (``WHO_DISPUTES``) make no fact disputed.
    """
    spans: dict[str, list[tuple[int, int, int, int]]] = {}  # article -> (start, end, dispute, version)
    for d, dispute in enumerate(disputes):
        if dispute.kind in WHO_DISPUTES:
            continue
        for v, version in enumerate(dispute.versions):
            for ev in version.evidence:
                spans.setdefault(ev.article_id, []).append((ev.start, ev.end, d, v))
    disputed = set()
    for group in groups:
        versions: dict[int, set[int]] = {}
        members: dict[int, int] = {}
        for m in group.members:
            hit = {(d, v) for start, end, d, v in spans.get(m.article_id, ()) if start < m.end and m.start < end}
            for d, v in hit:
                versions.setdefault(d, set()).add(v)
            for d in {d for d, _ in hit}:
                members[d] = members.get(d, 0) + 1
        if any(len(vs) >= 2 or 2 * members[d] >= len(group.members) for d, vs in versions.items()):
            disputed.add(group.id)
    return disputed


def label_claims(
    groups: Sequence[ClaimGroup],
    analyses: Sequence[ArticleAnalysis],
    origins: Mapping[str, OriginInfo],
    disputed: Collection[str] = (),
    disputes: Sequence[Dispute] = (),
) -> list[AlignedClaim]:
    """Label each claim group by how many independent origins report it; disputed groups say so."""
    by_id = {a.article.id: a for a in analyses}
    flagged = set(disputed) | find_disputed_groups(groups, disputes)
    labelled: list[tuple[tuple, AlignedClaim]] = []
    for order, group in enumerate(groups):
        sources: list[str] = []
        witnesses: list[tuple[str, ...]] = []
        evidence: list[Evidence] = []
        for m in group.members:
            analysis = by_id.get(m.article_id)
            outlet = name_outlet(analysis) if analysis is not None else m.article_id
            if outlet not in sources:
                sources.append(outlet)
            info = origins.get(m.article_id)
            if info is not None and m.claim_index < len(info.claim_witnesses):
                witnesses.append(info.claim_witnesses[m.claim_index])
            else:
                witnesses.append((info.origin if info else outlet,))
            evidence.append(Evidence(m.article_id, outlet, m.start, m.end, m.text))
        witnesses = _credit_aggregated(group, by_id, origins, witnesses, sources)
        independent = count_independent(witnesses)
        if group.id in flagged:
            status = "disputed"
        elif len(independent) >= 2 and len(sources) >= 2:
            # Two reporting outlets at least: one article that names two
            # sources ("according to A and B") is still one report in hand.
            status = "corroborated"
        else:
            status = "single-source"
        claim = AlignedClaim(
            id=make_claim_id(group),
            text=group.text,
            status=status,
            sources=tuple(sources),
            independent_sources=independent,
            evidence=tuple(evidence),
        )
        # Most independent origins first, then most outlets, then reading order.
        labelled.append(((-len(independent), -len(sources), order), claim))
    labelled.sort(key=lambda pair: pair[0])
    return [claim for _, claim in labelled]


def _credit_aggregated(
    group: ClaimGroup,
    by_id: Mapping[str, ArticleAnalysis],
    origins: Mapping[str, OriginInfo],
    witnesses: list[tuple[str, ...]],
    sources: Sequence[str],
) -> list[tuple[str, ...]]:
    """An aggregator's unattributed sentence counts as the witness of the outlets it cites that report it too.

    An aggregator summarises other outlets' reporting; when a sentence of it has no "according to"
    but an outlet it cites states the same fact in the group, that outlet is the one witness.
    """
    reporting = {normalize_name(s) for s in sources} | {normalize_name(w) for ws in witnesses for w in ws}
    credited = []
    for member, found in zip(group.members, witnesses):
        analysis = by_id.get(member.article_id)
        article = analysis.article if analysis is not None else None
        own = name_outlet(analysis) if analysis is not None else member.article_id
        if (
            article is not None
            and article.outlet is not None
            and article.outlet.kind == "aggregator"
            and [normalize_name(w) for w in found] == [normalize_name(own)]
        ):
            cited = tuple(c for c in article.cites if normalize_name(c) in reporting)
            if cited:
                credited.append(cited)
                continue
        credited.append(found)
    return credited


def repeated_from(claim: AlignedClaim) -> str | None:
    """The one original of a fact that several outlets carry but that counts as one source.

    Wire copy, rewrites and word-for-word repeats of one report are one witness however many
    outlets print them: such a fact is single-source, yet it is not "reported by one outlet".
    Returns that original's name, or None for any other claim.
    """
    if claim.status == "single-source" and len(claim.independent_sources) == 1 and len(claim.sources) >= 2:
        return claim.independent_sources[0]
    return None


def describe_repeat(claim: AlignedClaim) -> str | None:
    """How a report says a fact is one source repeated: "one original report (Wire A), shared by 3 outlets"."""
    original = repeated_from(claim)
    if original is None:
        return None
    return f"one original report ({original}), shared by {len(claim.sources)} outlets"


def make_claim_id(group: ClaimGroup) -> str:
    """Return a stable id for an aligned claim: a hash of its members' article ids and spans (v1)."""
    key = "|".join(sorted(f"{m.article_id}:{m.start}:{m.end}" for m in group.members))
    return "claim-" + hashlib.sha1(("v1|" + key).encode("utf-8")).hexdigest()[:12]


__all__ = ["describe_repeat", "find_disputed_groups", "label_claims", "make_claim_id", "repeated_from"]
