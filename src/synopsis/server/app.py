"""The FastAPI application: security headers, body limits, error pages, and the routes."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from synopsis import __version__
from synopsis.records import SynopsisError
from synopsis.compare.voices import quote_label
from synopsis.report.render import TEMPLATE_HELPERS
from synopsis.server.ingest import UPLOAD_ACCEPT
from synopsis.server.state import ServerState
from synopsis.store.stories import StoryScattered

# The same cap as FetchOptions.max_bytes for fetched pages: the largest article
# pages are 2-5 MB of HTML, so ten megabytes leaves room without letting a
# video or an archive through.
MAX_BODY_BYTES = 10 * 1024 * 1024

# Article text is untrusted: no inline script or style can run, nothing loads
# from elsewhere, and the pages cannot be framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class BodyTooLarge(StarletteHTTPException):
    """A request body over the cap (an HTTPException so FastAPI's body parsing lets it through)."""

    def __init__(self) -> None:
        super().__init__(413, f"request too large: the limit is {MAX_BODY_BYTES // (1024 * 1024)} MB")


class SecurityMiddleware:
    """Adds the security headers to every response and caps request bodies (pure ASGI: cheap per request)."""

    def __init__(self, app, max_body: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = None
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                declared = int(value) if value.isdigit() else None
        received = 0
        max_body = self.max_body

        async def limited_receive():
            nonlocal received
            if declared is not None and declared > max_body:
                raise BodyTooLarge()
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_body:  # chunked bodies have no Content-Length to check
                    raise BodyTooLarge()
            return message

        async def secured_send(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() not in dict(SECURITY_HEADERS)]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, limited_receive, secured_send)


class HeadMiddleware:
    """HEAD wherever GET is served (RFC 9110 requires it of every GET resource): the request is
    routed as a GET and answered with its status and headers, the body left out.  Starlette's
    own Route does this, FastAPI's routes take only the methods they name, and listing HEAD on
    each would double every operation in the OpenAPI document."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return  # the rest of a streamed body: nothing to send
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


@lru_cache(maxsize=1)
def templates() -> Environment:
    """Page templates; everything is escaped unless marked safe (article text is untrusted)."""
    env = Environment(loader=PackageLoader("synopsis.server", "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.globals["version"] = __version__
    env.globals.update(TEMPLATE_HELPERS)
    env.globals["quote_label"] = quote_label
    env.globals["upload_accept"] = UPLOAD_ACCEPT
    return env


def render_page(name: str, status_code: int = 200, **context) -> HTMLResponse:
    """A rendered page as a response; ``read_only`` (the app's database cannot be written) shows
    the read-only notice and leaves out the actions that change the database."""
    return HTMLResponse(templates().get_template(name).render(**context), status_code=status_code)


def app_page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    """A page of this app: ``render_page`` told whether its database is read-only."""
    return render_page(name, status_code, read_only=request.app.state.synopsis.read_only, **context)


def error_response(request: Request, status: int, message: str) -> JSONResponse | HTMLResponse:
    """A JSON error under /api, a page with the message elsewhere (the add form shows it in place)."""
    if request.url.path.startswith("/api"):
        return JSONResponse({"error": message}, status_code=status)
    if request.url.path.startswith("/add"):
        return app_page(request, "add.html.j2", status, error=message, result=None)
    return app_page(request, "error.html.j2", status, status=status, message=message)


def create_app(db_path: str, allow_private_urls: bool = False, warm: bool = True) -> FastAPI:
    """The web app and API over the store at db_path; URLs to private addresses only if allowed."""
    state = ServerState(db_path, allow_private_urls=allow_private_urls)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm:
            # Reports take seconds each; computing them in the background means
            # the list shows counts soon and the first story visit is fast.
            threading.Thread(target=state.watch, name="synopsis-watch", daemon=True).start()
        yield
        state.stop()

    app = FastAPI(
        title="synopsis",
        version=__version__,
        description="Stories, disputes, quotes and timelines across news outlets, cited to the source words.",
        # Swagger UI and ReDoc load their scripts from a CDN, which the
        # Content-Security-Policy (and offline users) forbid; /openapi.json is served.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.synopsis = state
    app.add_middleware(SecurityMiddleware)
    app.add_middleware(HeadMiddleware)
    app.mount("/static", StaticFiles(directory=str(resources.files("synopsis.server") / "static")), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "bad request"
        if exc.status_code == 404 and message == "Not Found":
            message = "no such page"
        response = error_response(request, exc.status_code, message)
        response.headers.update(exc.headers or {})  # a 405's Allow
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else err.get("msg", "invalid"))
        return error_response(request, 422, "invalid request: " + "; ".join(problems))

    @app.exception_handler(SynopsisError)
    async def synopsis_error(request: Request, exc: SynopsisError):
        return error_response(request, 400, str(exc))

    @app.exception_handler(StoryScattered)
    async def story_scattered(request: Request, exc: StoryScattered):
        # An old story id whose articles went to several stories, none holding most of them: 409
        # (the id names a story that was, not none; no one story to give), listing where they are.
        if request.url.path.startswith("/api"):
            return JSONResponse(
                {"error": str(exc), "story": exc.story_id, "stories": list(exc.stories)},
                status_code=409,
            )
        links = [(f"/stories/{story}", story) for story in exc.stories]
        return app_page(request, "error.html.j2", 409, status=409, message=str(exc), links=links)

    @app.exception_handler(LookupError)
    async def not_found(request: Request, exc: LookupError):
        return error_response(request, 404, str(exc.args[0]) if exc.args else "not found")

    from synopsis.server import routes_api, routes_pages

    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    return app
