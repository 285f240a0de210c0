"""Which disputed points a source sentence gives a version of.

A brief that shows such a sentence states one version as fact, and an outlet that gives another
version of the point tells the sentence's fact otherwise rather than leaving it out. A sentence
gives a version when it holds evidence of one, or when it gives a person whose office is disputed
an office that takes a side: a sentence about an earlier round is left out of the versions (the
title was right then), yet shown as a fact of the story it still says what one side says.
"""

from __future__ import annotations

from collections.abc import Sequence

from synopsis.facts.support import SupportCheck, title_conflict
from synopsis.records import Dispute, Evidence


def points_given(span: Evidence, disputes: Sequence[Dispute], check: SupportCheck) -> tuple[int, ...]:
    """The indices of the disputes the span gives a version of."""
    people = check.titled(span.article_id, span.start, span.end) if span.article_id in check.analyses else ()
    found = []
    for number, dispute in enumerate(disputes):
        evidence = [e for version in dispute.versions for e in version.evidence]
        if any(e.overlaps(span) for e in evidence):
            found.append(number)
        elif people and dispute.kind == "title":
            sides = [p for e in evidence if e.article_id in check.analyses for p in check.titled(e.article_id, e.start, e.end)]
            if title_conflict(people, sides) is not None:
                found.append(number)
    return tuple(found)


def gives_a_version(span: Evidence, disputes: Sequence[Dispute], check: SupportCheck) -> bool:
    """Whether the span gives a version of any of the disputes (``points_given``)."""
    return bool(points_given(span, disputes, check))


__all__ = ["gives_a_version", "points_given"]
