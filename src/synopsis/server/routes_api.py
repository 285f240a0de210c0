"""The JSON API under /api: stories, articles, adding articles, merging and splitting stories."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from synopsis.ingest.json_text import load_json
from synopsis.records import InputError, Story, SynopsisError, to_dict
from synopsis.report.listing_json import ARTICLES_SCHEMA, listing_json
from synopsis.server.state import ServerState

router = APIRouter(prefix="/api", tags=["api"])

# Files per upload request; more belong to `synopsis ingest`.
MAX_FILES = 50


class ErrorBody(BaseModel):
    """Every error under /api: one line saying what was wrong and, where it helps, what to do."""

    error: str = Field(examples=["no story matches 's000000'"])


class ItemError(BaseModel):
    """One input that could not be read, and why."""

    item: str = Field(examples=["minutes.pdf"])
    reason: str = Field(examples=["unsupported file type .pdf: synopsis reads text, Markdown, HTML, JSON, JSON Lines and RSS/Atom files"])


class AddBody(BaseModel):
    """What an add request did: the ids of the articles added and of those stored before, the inputs that
    failed, and what stored articles had to leave out (a date that is no date)."""

    added: list[str]
    already_stored: list[str]
    errors: list[ItemError]
    warnings: list[ItemError] = []


class AddErrorBody(ErrorBody):
    """A refused add request; when inputs were read but none could be stored, what happened to each."""

    added: list[str] | None = None
    already_stored: list[str] | None = None
    errors: list[ItemError] | None = None


class ScatteredStoryBody(ErrorBody):
    """An old story id whose articles went to several stories, none holding more of them than the others (409)."""

    story: str = Field(description="the full id of the old story")
    stories: list[str] = Field(description="the stories holding as many of its articles as any, by id")


def error_responses(**described: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for error statuses (given as e404="why"), each with the JSON error body."""
    return {
        int(code.lstrip("e")): {"model": ScatteredStoryBody if code == "e409" else ErrorBody, "description": why}
        for code, why in described.items()
    }


SCATTERED = (
    "The id names a story that holds none of its articles now, and they went to several stories holding "
    "as many of them each: the body lists them (an id whose articles mostly went to one story leads there)"
)


AMBIGUOUS = "The id prefix is ambiguous (the message lists what it could be), or no id was given"
TOO_LARGE = "The request body is over the 10 MB limit"
INVALID = "A parameter or the JSON body is not what the endpoint takes (the message names it)"
READ_ONLY = "the server's database is read-only (its file, folder or disk cannot be written): nothing can be changed"


def state_of(request: Request) -> ServerState:
    return request.app.state.synopsis


def story_json(report) -> bytes:
    """One story as a synopsis.report/2 document (the schema of `synopsis analyze --format json`)."""
    from synopsis.report.report_json import reports_to_json

    return json.dumps(reports_to_json([report]), ensure_ascii=False).encode("utf-8")


def row_dict(row) -> dict[str, Any]:
    return {
        "id": row.story.id,
        "title": row.title or row.story.title,
        "first": row.first,
        "last": row.last,
        "outlets": list(row.outlets),
        "articles": list(row.story.article_ids),
        "counts": row.counts,
        "url": f"/api/stories/{row.story.id}",
    }


def matching_stories(state: ServerState, query: str | None) -> list[Story]:
    """All stories, or those with an article matching the FTS5 query."""
    stories = state.stories()
    if not query or not query.strip():
        return stories
    hits = {summary.id for summary in state.store().search_articles(query)}
    # Outlet names too (QA: a search for "Meduza" found none of Meduza's articles, whose text
    # never names the outlet).
    hits |= state.store().articles_by_outlet(query)
    return [s for s in stories if hits.intersection(s.article_ids)]


def resolve_article(state: ServerState, article_id: str) -> str:
    """The full id of a stored article, LookupError (404) when there is none (the message names
    the newer version of an article one replaced)."""
    try:
        return state.store().resolve_id(article_id)
    except SynopsisError as err:
        if "no article" in str(err) or "replaced by a newer version" in str(err):
            raise LookupError(str(err)) from None
        raise


@router.get(
    "/stories",
    summary="List stories, newest first; q= searches article titles and text (SQLite FTS5) and outlet names",
    description="A page of at most `limit` stories from `offset` on; `total` counts every matching story.",
    responses=error_responses(e422="limit is not 1-5000, offset is negative, or another parameter is not what the endpoint takes"),
)
def list_stories(
    request: Request, q: str | None = None, limit: int = Query(500, ge=1, le=5000), offset: int = Query(0, ge=0)
) -> dict:
    state = state_of(request)
    stories = matching_stories(state, q)
    page = stories[offset : offset + limit]
    return {"total": len(stories), "limit": limit, "offset": offset, "stories": [row_dict(row) for row in state.story_rows(page)]}


@router.get("/stories/merge", include_in_schema=False)
def merge_is_posted() -> None:
    """GET of the merge route is the wrong method (405), not a story named "merge" (404)."""
    raise StarletteHTTPException(405, 'merging is a POST of {"stories": [keep, other]}', headers={"Allow": "POST"})


@router.get(
    "/stories/{story_id}",
    summary="One story's report as synopsis.report/2 JSON",
    responses=error_responses(
        e400=AMBIGUOUS,
        e404="No story matches the id or prefix (the message names a story holding an article of that id, if one does)",
        e409=SCATTERED,
        e422=INVALID,
    ),
)
async def get_story(request: Request, story_id: str) -> Response:
    from synopsis.server.responses import cached_story_response

    return await cached_story_response(request, state_of(request), story_id, "json", story_json, "application/json")


@router.get(
    "/articles",
    summary="List stored articles; q= is a full-text (FTS5) search",
    responses=error_responses(e422="limit is not 1-5000, or offset is negative"),
)
def list_articles(
    request: Request, q: str | None = None, limit: int = Query(500, ge=1, le=5000), offset: int = Query(0, ge=0)
) -> dict:
    store = state_of(request).store()
    summaries = store.search_articles(q) if q and q.strip() else store.list_articles()
    page = summaries[offset : offset + limit]
    # The listing `synopsis articles --format json` gives, paged as /api/stories is (limit and offset echoed).
    rows = [to_dict(s) | {"url": f"/api/articles/{s.id}"} for s in page]
    return listing_json(ARTICLES_SCHEMA, "articles", rows, total=len(summaries), limit=limit, offset=offset)


@router.get(
    "/articles/{article_id}",
    summary="One article with everything extracted from it (synopsis.article/1)",
    responses=error_responses(
        e400=AMBIGUOUS, e404="No article matches the id or prefix, or a newer version replaced it (the message names it)", e422=INVALID
    ),
)
def get_article(request: Request, article_id: str) -> dict:
    from synopsis.report.article_json import analyses_to_json

    state = state_of(request)
    analysis = state.store().get_analysis(resolve_article(state, article_id))
    return analyses_to_json([analysis])


@router.get(
    "/articles/{first}/compare/{second}",
    summary="Why two articles share a story or not: their similarity, the measures and rules behind it, and why two look-alike stories stay apart",
    responses=error_responses(e400=AMBIGUOUS, e404="No article matches one of the ids or prefixes", e422=INVALID),
)
def compare_articles(request: Request, first: str, second: str) -> dict:
    from synopsis.story_jobs import article_comparison

    state = state_of(request)
    state.stories()  # files any article still without a story, under the server's lock
    return article_comparison(state.store(), resolve_article(state, first), resolve_article(state, second))


ADD_BODY_DOC = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                }
            },
            "application/json": {
                "schema": {
                    "oneOf": [
                        {
                            "type": "object",
                            "required": ["articles"],
                            "properties": {
                                "articles": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["text"],
                                        "properties": {
                                            k: {"type": "string"} for k in ("text", "title", "outlet", "published", "url")
                                        },
                                    },
                                }
                            },
                        },
                        {"type": "object", "required": ["url"], "properties": {"url": {"type": "string"}}},
                    ]
                }
            },
        },
        "required": True,
    }
}


# What the add page says of a request that carries nothing, in the words of its form.
NOTHING_TO_ADD = "nothing to add: choose files, paste JSON or give a URL"


async def read_add_request(request: Request, from_page: bool = False) -> tuple[str, Any]:
    """What an add request carries: ("files", [(name, bytes)]), ("articles", [...]) or ("url", str).
    ``from_page``: the add page's form posted it, whose user knows no JSON body (QA25: a bare POST
    /add answered with the API's 'empty body: send {"articles": [...]} ...')."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=MAX_FILES)
        files = []
        for value in form.getlist("files") + form.getlist("file"):
            if isinstance(value, UploadFile):
                data = await value.read()
                if not value.filename and not data:  # a form's file input left empty
                    continue
                files.append((value.filename or "upload", data))
        if files:
            return "files", files
        url, pasted = form.get("url"), form.get("json")
        if isinstance(url, str) and url.strip():
            return "url", url
        if isinstance(pasted, str) and pasted.strip():
            return parse_json_body(pasted.encode("utf-8"))
        raise SynopsisError(NOTHING_TO_ADD)
    if media in ("application/json", ""):
        body = await request.body()
        if from_page and not body.strip():
            raise SynopsisError(NOTHING_TO_ADD)
        return parse_json_body(body)
    raise StarletteHTTPException(415, f"unsupported content type {media}: use multipart/form-data or application/json")


def parse_json_body(raw: bytes) -> tuple[str, Any]:
    """("articles", [...]) or ("url", str) from a JSON add request."""
    if not raw.strip():
        raise SynopsisError('empty body: send {"articles": [...]} or {"url": "..."} as JSON, or files as multipart')
    try:
        data = load_json(raw)
    except (ValueError, UnicodeDecodeError) as err:  # JSONTooDeep too: "malformed JSON: nested too deeply"
        raise SynopsisError(f"malformed JSON: {err}") from None
    if isinstance(data, dict) and "url" in data and "articles" not in data:
        if not isinstance(data["url"], str):
            raise SynopsisError("'url' must be a string")
        return "url", data["url"]
    if isinstance(data, dict) and "articles" in data:
        return "articles", data["articles"]
    if isinstance(data, list):  # a bare list of article objects
        return "articles", data
    raise SynopsisError(
        'JSON must be {"articles": [{"text": ..., "title": ..., "outlet": ..., "published": ..., "url": ...}]} or {"url": "..."}'
    )


def add_documents(state: ServerState, kind: str, payload: Any):
    """Read and store what an add request carries (runs in a worker thread: analysis is slow)."""
    from synopsis.server.ingest import (
        documents_from_objects,
        documents_from_upload,
        documents_from_url,
        store_documents,
        unsupported_reason,
        upload_name,
    )

    state.writable_store()  # a read-only database refuses before anything is read or fetched
    if kind == "files":
        refused = [InputError(upload_name(name), reason) for name, _ in payload if (reason := unsupported_reason(name))]
        if len(refused) == len(payload):
            # Only files of types synopsis does not read: refused before any work.
            more = f"; and {len(refused) - 3} more" if len(refused) > 3 else ""
            raise StarletteHTTPException(415, "nothing added: " + "; ".join(map(str, refused[:3])) + more)
        # The others are read and stored; the refused ones are reported among the errors.
        documents = refused + [doc for name, data in payload if not unsupported_reason(name) for doc in documents_from_upload(name, data)]
    elif kind == "articles":
        documents = documents_from_objects(payload)
    else:
        documents = documents_from_url(payload, state.allow_private_urls)
    with state.write_lock:
        result = store_documents(documents, state.writable_store())
    # New articles join stories now, not on the next page view, and the stories they
    # joined have their counts right in the next list.
    state.refresh_reports(state.stories_holding(result.added))
    return result


def add_status(result) -> tuple[int, str | None]:
    """201 when something was added, 200 when all was known, 400 (with the reasons) when nothing could be read."""
    if result.added:
        return 201, None
    if result.already_stored:
        return 200, None
    reasons = "; ".join(str(e) for e in result.errors[:5]) or "nothing to add"
    return 400, f"no article could be read: {reasons}"


ADD_RESPONSES: dict[int | str, dict[str, Any]] = {
    201: {"model": AddBody, "description": "At least one article was added; inputs that failed are listed in errors"},
    200: {"model": AddBody, "description": "Every article read was stored already: nothing added"},
    400: {
        "model": AddErrorBody,
        "description": "Nothing could be added: no input could be read (each one's reason is in errors), "
        "malformed JSON, a JSON shape other than {articles: [...]} or {url: ...}, too many articles, "
        "a URL that is not http(s), resolves to a private address or cannot be fetched, more than 50 files, "
        "nothing given, or " + READ_ONLY,
    },
    413: {"model": ErrorBody, "description": TOO_LARGE},
    415: {
        "model": ErrorBody,
        "description": "Every uploaded file is of a type synopsis does not read (PDFs, images, office files…; the "
        "message names each file and the types read), or the request is neither multipart/form-data nor JSON",
    },
}


@router.post(
    "/articles",
    summary="Add articles: multipart files, JSON {articles: [...]}, or JSON {url: ...} (page or feed)",
    openapi_extra=ADD_BODY_DOC,
    status_code=201,
    response_model=AddBody,
    responses=ADD_RESPONSES,
)
async def add_articles(request: Request) -> JSONResponse:
    state = state_of(request)
    kind, payload = await read_add_request(request)
    result = await run_in_threadpool(add_documents, state, kind, payload)
    status, error = add_status(result)
    body = result.as_dict()
    if error:
        body["error"] = error
    return JSONResponse(body, status_code=status)


@router.post(
    "/stories/merge",
    summary='Merge the second story into the first: {"stories": [keep, other]}',
    responses=error_responses(
        e400='The body is not {"stories": [keep, other]}, both name the same story, one was merged into another '
        "story already (the message names it), an id prefix is ambiguous, or " + READ_ONLY,
        e404="No story matches one of the ids or prefixes",
        e409=SCATTERED,
        e413=TOO_LARGE,
        e422="The body is not a JSON object",
    ),
)
def merge_stories(request: Request, body: dict) -> JSONResponse:
    from synopsis.server.corrections import merge

    ids = body.get("stories")
    if not isinstance(ids, list) or len(ids) != 2 or not all(isinstance(i, str) for i in ids):
        raise SynopsisError('send {"stories": ["<story id>", "<story id>"]}')
    state = state_of(request)
    kept, moved = merge(state, ids[0], ids[1])
    return JSONResponse({"story": story_dict(state, state.find_story(kept)), "moved": moved})


@router.post(
    "/stories/{story_id}/split",
    summary='Move one article out of a story into a new one: {"article": id}',
    responses=error_responses(
        e400='The body is not {"article": id}, the article is not in the story or is its only article, '
        "an id prefix is ambiguous, or " + READ_ONLY,
        e404="No story or no article matches the id or prefix",
        e409=SCATTERED,
        e413=TOO_LARGE,
        e422="The body is not a JSON object",
    ),
)
def split_story(request: Request, story_id: str, body: dict) -> JSONResponse:
    from synopsis.server.corrections import split

    article = body.get("article")
    if not isinstance(article, str) or not article:
        raise SynopsisError('send {"article": "<article id>"}')
    state = state_of(request)
    resolve_article(state, article)  # 404 for an unknown article
    new_id = split(state, story_id, article)
    return JSONResponse({"story": story_dict(state, state.find_story(new_id)), "from": story_dict(state, state.find_story(story_id))})


def story_dict(state: ServerState, story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": state.title(story),
        "articles": list(story.article_ids),
        "counts": state.counts(story),
        "url": f"/api/stories/{story.id}",
    }
