"""Story reports as JSON in the versioned schema ``synopsis.report/2``.

Version 2 lists counts that only rose from report to report (``Dispute.rose``) under
``revised_figures``, apart from ``disputes``, which holds only disagreements; version 1 listed
both under ``disputes`` (a rise with ``"rose": true``) and counted both as disputed points.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Sequence

from synopsis import __version__
from synopsis.compare.consensus import repeated_from
from synopsis.records import StoryReport, to_dict
from synopsis.report.dispute_claims import claims_by_point, claims_by_revised_figure

REPORT_SCHEMA = "synopsis.report/2"
SCHEMA_FILE = "report-2.schema.json"


def report_to_dict(report: StoryReport) -> dict[str, Any]:
    """One story as a JSON object."""
    story = to_dict(report)
    entities = []
    for entity in story["entities"]:
        mentions = entity.pop("mentions")
        entity["mention_count"] = len(mentions)
        entities.append(entity)
    coverage = []
    for item in story["coverage"]:
        item["voices"] = [{"speaker": speaker, "count": count} for speaker, count in item["voices"]]
        coverage.append(item)
    claims = []
    for claim, item in zip(report.claims, story["claims"]):
        original = repeated_from(claim)
        if original is not None:
            item["repeated_from"] = original  # one source, carried by every outlet in "sources"
        claims.append(item)
    # Each disputed point names the disputed claims whose sentences give one of its versions
    # (the claims list holds their evidence: article id and span of each outlet's sentence).
    point_claims, _ = claims_by_point(report)
    disputes = []
    for item, facts in zip(story["disputes"], point_claims):
        item["claims"] = [fact.claim.id for fact in facts]
        disputes.append(item)
    # Counts that only rose, each with the claims whose sentences give one of its figures.
    revised = []
    for item, facts in zip(story["revised_figures"], claims_by_revised_figure(report)):
        item["claims"] = [fact.claim.id for fact in facts]
        revised.append(item)
    return {
        "id": report.story.id,
        "title": report.story.title,
        "articles": list(report.story.article_ids),
        "sources": story["sources"],
        "entities": entities,
        "claims": claims,
        "disputes": disputes,
        "revised_figures": revised,
        "quotes": story["quotes"],
        "timeline": story["timeline"],
        "coverage": coverage,
        "brief": story["brief"],
        "counts": report_counts(report),
    }


def report_counts(report: StoryReport) -> dict[str, int]:
    """A story's counts, as the JSON report gives them and the web app shows them."""
    return {
        "articles": len(report.story.article_ids),
        "outlets": len({s.outlet for s in report.sources}),
        "corroborated": sum(c.status == "corroborated" for c in report.claims),
        "single_source": sum(c.status == "single-source" for c in report.claims),
        "single_source_shared": sum(repeated_from(c) is not None for c in report.claims),
        # Disputed points (the "disputes" list), as the report headers count them; kept under
        # its old name too. Claims whose fact is disputed are counted apart.
        "disputed": len(report.disputes),
        "disputes": len(report.disputes),
        # Counts that rose from report to report: listed apart, no disagreement.
        "revised_figures": len(report.revised_figures),
        "disputed_claims": sum(c.status == "disputed" for c in report.claims),
    }


def reports_to_json(reports: Sequence[StoryReport]) -> dict[str, Any]:
    """All stories of a run as one document."""
    return {
        "schema": REPORT_SCHEMA,
        "generator": f"synopsis {__version__}",
        "stories": [report_to_dict(r) for r in reports],
    }


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    """The JSON Schema of synopsis.report/2, shipped with the package."""
    return json.loads(resources.files("synopsis.schemas").joinpath(SCHEMA_FILE).read_text("utf-8"))


def validate_report_json(data: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError if ``data`` does not follow synopsis.report/2."""
    import jsonschema

    jsonschema.validate(data, report_schema())


def render_json(reports: Sequence[StoryReport]) -> str:
    return json.dumps(reports_to_json(reports), ensure_ascii=False, indent=2) + "\n"
