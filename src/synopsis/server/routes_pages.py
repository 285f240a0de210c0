"""The HTML pages: stories, one story, one article, two outlets side by side, why two articles
share a story or not, adding articles."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from synopsis.records import SynopsisError
from synopsis.report.dispute_claims import claims_by_point, claims_by_revised_figure
from synopsis.report.render import ambiguous_date_note
from synopsis.server.app import app_page, templates
from synopsis.server.routes_api import add_documents, add_status, matching_stories, read_add_request, resolve_article, state_of
from synopsis.server.views import article_marks, cited_span, compare_outlets, mark_text, report_outlets, stored_rows

router = APIRouter(include_in_schema=False)

# The coverage matrix shows the best-supported facts; all of them are in the JSON.
MAX_MATRIX_FACTS = 40


def evidence_link(evidence) -> str:
    """Where a citation leads: the article page with the cited span marked and scrolled to."""
    return f"/articles/{evidence.article_id}?start={evidence.start}&end={evidence.end}#cited"


def render_story(report, fit: dict[str, float] | None = None, read_only: bool = False) -> bytes:
    """The story page as bytes (cached per story id); fit is each article's mean similarity to
    the rest of its story (``story_jobs.story_member_fit``), shown beside its "split out" button
    (none when the database is read-only)."""
    from synopsis.report.charts import coverage_svg, timeline_svg

    outlets = report_outlets(report)
    matrix = sorted(report.claims, key=lambda c: (-len(c.sources), c.status != "disputed"))[:MAX_MATRIX_FACTS]
    claim_text = {c.id: c.text for c in report.claims}
    point_claims, unreached = claims_by_point(report)
    page = templates().get_template("story.html.j2").render(
        r=report,
        point_claims=point_claims,
        unreached=unreached,
        revised_claims=claims_by_revised_figure(report),
        outlets=outlets,
        counts={s: sum(c.status == s for c in report.claims) for s in ("corroborated", "single-source", "disputed")},
        # The chart functions escape every text they draw (charts.py uses html.escape).
        timeline_svg=Markup(timeline_svg(report.timeline)),
        coverage_svg=Markup(coverage_svg(matrix, sorted(outlets))),
        claim_text=claim_text,
        link=evidence_link,
        fit=fit or {},
        partner=comparison_partners(fit or {}),
        read_only=read_only,
    )
    return page.encode("utf-8")


def comparison_partners(fit: dict[str, float]) -> dict[str, str]:
    """For each member of a story, the article its "why" link compares it with: the member
    that fits the story best (for that member itself, the next best)."""
    ranked = sorted(fit, key=lambda article_id: (-fit[article_id], article_id))
    if len(ranked) < 2:
        return {}
    return {article_id: ranked[1] if article_id == ranked[0] else ranked[0] for article_id in ranked}


@router.get("/", response_class=HTMLResponse)
def stories_page(request: Request, q: str | None = None) -> HTMLResponse:
    state = state_of(request)
    stories = matching_stories(state, q)
    return app_page(request, "stories.html.j2", rows=state.story_rows(stories), q=q or "", total=state.store().count_articles())


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: str) -> Response:
    from synopsis.story_jobs import story_member_fit
    from synopsis.server.responses import cached_story_response

    state = state_of(request)

    def render(report) -> bytes:  # runs in the threadpool, where the store may be read
        return render_story(report, story_member_fit(state.store(), report.story.id), state.read_only)

    return await cached_story_response(
        request, state, story_id, "page", render, "text/html; charset=utf-8", redirect_to="/stories/{id}"
    )


@router.get("/stories/{story_id}/compare", response_class=HTMLResponse)
def compare_page(request: Request, story_id: str, a: str | None = None, b: str | None = None) -> HTMLResponse:
    state = state_of(request)
    story = state.find_story(story_id)
    report = state.report(story)
    outlets = report_outlets(report)
    if len(outlets) < 2:
        raise SynopsisError("this story has a single outlet: nothing to compare")
    a = a if a in outlets else outlets[0]
    b = b if b in outlets and b != a else next(o for o in outlets if o != a)
    comparison = compare_outlets(report, a, b)
    return app_page(request, "compare.html.j2", r=report, outlets=outlets, c=comparison, link=evidence_link)


@router.get("/articles/{first}/compare/{second}", response_class=HTMLResponse)
def article_comparison_page(request: Request, first: str, second: str) -> HTMLResponse:
    """Why two articles share a story or not: the page of `synopsis stories compare`."""
    from synopsis.story_jobs import article_comparison
    from synopsis.link.events import FEATURE_LABELS

    state = state_of(request)
    state.stories()  # files any article still without a story, under the server's lock
    out = article_comparison(state.store(), resolve_article(state, first), resolve_article(state, second))
    return app_page(request, "why.html.j2", out=out, labels=FEATURE_LABELS)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
    state = state_of(request)
    full_id = resolve_article(state, article_id)
    analysis = state.store().get_analysis(full_id)
    cited = cited_span(analysis.article, start, end)
    marks = article_marks(analysis)
    counts = {kind: sum(m.kind == kind for m in marks) for kind in ("entity", "quantity", "time", "quote")}
    stories = [s for s in state.stories() if full_id in s.article_ids]
    return app_page(
        request,
        "article.html.j2",
        a=analysis.article,
        date_note=ambiguous_date_note(analysis.article.published_ambiguous),
        analysis=analysis,
        marked=mark_text(analysis.article.text, marks, cited),
        counts=counts,
        cited=cited,
        stories=stories,
    )


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> HTMLResponse:
    return app_page(request, "add.html.j2", error=None, result=None)


@router.post("/add", response_class=HTMLResponse)
async def add_submit(request: Request) -> HTMLResponse:
    state = state_of(request)
    try:
        kind, payload = await read_add_request(request, from_page=True)
        result = await run_in_threadpool(add_documents, state, kind, payload)
    except SynopsisError as err:
        return app_page(request, "add.html.j2", 400, error=str(err), result=None)
    status, error = add_status(result)
    store = state.store()
    return app_page(
        request, "add.html.j2", 200 if status in (200, 201) else status, error=error, result=result,
        added=stored_rows(store, result.added), already=stored_rows(store, result.already_stored),
    )


@router.post("/stories/{story_id}/split")
async def split_submit(request: Request, story_id: str) -> Response:
    from synopsis.server.corrections import split

    form = await request.form()
    state = state_of(request)
    new_id = await run_in_threadpool(split, state, story_id, str(form.get("article") or ""))
    return RedirectResponse(f"/stories/{new_id}", status_code=303)


@router.post("/stories/merge")
async def merge_submit(request: Request) -> Response:
    from synopsis.server.corrections import merge

    form = await request.form()
    state = state_of(request)
    keep, other = str(form.get("a") or ""), str(form.get("b") or "")
    if form.get("confirm") != "yes":
        # A merge moves every article of a story: the form asks first, naming both stories.
        if not keep or not other:
            raise SynopsisError("choose the two stories to merge")
        stories = [state.find_story(keep, follow=False), state.find_story(other, follow=False)]
        if stories[0].id == stories[1].id:
            raise SynopsisError("cannot merge a story with itself: choose two different stories")
        return app_page(request, "merge.html.j2", keep=stories[0], other=stories[1])
    kept, _ = await run_in_threadpool(merge, state, keep, other)
    return RedirectResponse(f"/stories/{kept}", status_code=303)
