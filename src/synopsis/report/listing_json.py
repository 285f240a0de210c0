"""Listings as JSON in versioned schemas, as articles and reports are: ``synopsis.articles/1``
(`synopsis articles --format json`, ``/api/articles``), ``synopsis.stories/1`` (`synopsis stories
--format json`) and ``synopsis.story/1`` (`synopsis stories show --format json`).

They were bare lists (QA25), which carry no schema: a listing is now an object with its schema,
the count of rows and the rows under the name of what they list, the shape ``/api/articles`` and
``/api/stories`` already had, so one reader serves the command line and the API."""

from __future__ import annotations

from typing import Any

ARTICLES_SCHEMA = "synopsis.articles/1"
STORIES_SCHEMA = "synopsis.stories/1"
STORY_SCHEMA = "synopsis.story/1"
SCHEMA_FILES = {
    ARTICLES_SCHEMA: "articles-1.schema.json",
    STORIES_SCHEMA: "stories-1.schema.json",
    STORY_SCHEMA: "story-1.schema.json",
}


def listing_json(schema: str, name: str, rows: list[dict[str, Any]], total: int | None = None, **paging: int) -> dict[str, Any]:
    """A listing document: its schema, ``total`` (every matching row; the rows themselves unless a
    page of them is given), the ``paging`` of that page (limit, offset), then the rows as ``name``."""
    return {"schema": schema, "total": len(rows) if total is None else total, **paging, name: rows}
