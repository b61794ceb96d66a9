"""The HTTP API and the web UI over a store, read-only: ``create_app(db_path)``.

Every request opens its own read-only connection (``mode=ro`` and ``query_only``), so the
server never writes and a ``dragoman code --db`` may run beside it. Every error, whatever its
cause, has one shape (:class:`ErrorBody`, ``error_shape.py``)::

    {"error": {"status": 404, "title": "Not Found", "detail": "no article with id 'x'"}}

What a request must look like to be answered: a ``Host`` the server was started under
(``hosts.py``), parameters by the rules of ``params.py``, and a method the path allows (else a 405
naming them in ``Allow``).
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Mapping, Sequence

from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import TypeAdapter
from starlette.exceptions import HTTPException

from dragoman import __version__
from dragoman.serve.connection import Conn
from dragoman.serve.docs import add_docs
from dragoman.serve.error_shape import ErrorBody, error_response, status_title
from dragoman.serve.hosts import LOOPBACK_NAMES, HostCheck, parse_allowed_hosts
from dragoman.serve.workbench import add_workbench
from dragoman.serve.params import MAX_ID, NO_NUL, Code, Day, EventId, Limit, Offset, UnitParam, refuse_nul
from dragoman.store import (
    ArticleSummary, ArticleView, EventExplanation, EventFilter, EventRow, EventSort, Interval, Network, NetworkLevel, Page, QuoteRow, SearchHit,
    SearchKind, StoreSummary, Timeline, actor_network, cameo_names, dyad_timeline, explain_event, find_events, find_quotes, get_article,
    list_articles, open_readonly, search, summarize,
)

log = logging.getLogger(__name__)

# A browser may load only this server's own files; no inline script can run. Inline styles are
# allowed because cytoscape adds a <style> element; styles cannot run code.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
    " font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# ReDoc (/redoc only) runs its search index in a Web Worker built from a blob: URL; nothing else is added.
REDOC_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY + "; worker-src blob:"

_TIMELINE_JSON = TypeAdapter(Timeline)

_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Host not allowed"},
    404: {"model": ErrorBody, "description": "Not found"},
    405: {"model": ErrorBody, "description": "Method not allowed; the Allow header lists the allowed ones"},
    422: {"model": ErrorBody, "description": "Invalid parameters"},
    500: {"model": ErrorBody, "description": "Server error"},
}


def create_app(db_path: Path, names: Mapping[str, str] | None = None, allowed_hosts: Sequence[str] = LOOPBACK_NAMES) -> FastAPI:
    """The API (under ``/api``, spec at ``/openapi.json``, docs at ``/docs`` and ``/redoc``) and the UI (``/``) over ``db_path``.

    ``allowed_hosts`` are the ``Host`` values answered (``hosts.py``): by default the loopback names
    on any port; ``dragoman serve`` passes :func:`dragoman.serve.hosts.hosts_for_bind`'s.
    """
    hosts = parse_allowed_hosts(allowed_hosts)  # a malformed entry raises SettingsError before anything is served
    open_readonly(db_path).close()  # fails early, with the fix in the message, unless it is a current store
    event_names = dict(names) if names is not None else cameo_names()
    app = FastAPI(
        title="dragoman", version=__version__, responses=_ERROR_RESPONSES, docs_url=None, redoc_url=None,
        dependencies=[Depends(refuse_nul)],
        description="Political events, actors and quotes coded from news, read-only. Errors share one shape: "
                    '`{"error": {"status", "title", "detail"}}`. Dates are `YYYY-MM-DD`; no parameter may hold NUL.',
    )

    app.state.db_path = db_path

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        headers = exc.headers or {}
        detail = exc.detail
        if exc.status_code == 405 and "Allow" in headers:
            detail = f"{request.method} is not allowed on {request.url.path}; allowed: {headers['Allow']}"
        return error_response(exc.status_code, status_title(exc.status_code), detail, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()]
        return error_response(422, "Invalid parameters", detail)

    @app.exception_handler(Exception)
    async def _server_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return error_response(500, "Server error", f"{type(exc).__name__}; see the server log")

    # Added first, so it runs inside the security headers below: its 400 carries them too.
    app.add_middleware(HostCheck, allowed=hosts)

    @app.middleware("http")
    async def _security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)  # a route may set a stricter or wider one (/redoc)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/api/summary", response_model=StoreSummary, tags=["store"])
    def summary(conn: Conn) -> StoreSummary:
        """Counts and the most frequent country dyads."""
        return summarize(conn)

    @app.get("/api/articles", response_model=Page[ArticleSummary], tags=["articles"])
    def articles(conn: Conn, limit: Limit = 50, offset: Offset = 0) -> Page[ArticleSummary]:
        """Articles, newest first."""
        return list_articles(conn, limit, offset)

    @app.get("/api/articles/{article_id}", response_model=ArticleView, tags=["articles"])
    def article(conn: Conn, article_id: Annotated[str, PathParam(max_length=MAX_ID, pattern=NO_NUL)]) -> ArticleView:
        """An article's verbatim text with its removed spans, actor mentions, events and quotes."""
        view = get_article(conn, article_id, event_names)
        if view is None:
            raise HTTPException(404, f"no article with id {article_id!r}")
        return view

    @app.get("/api/events", response_model=Page[EventRow], tags=["events"])
    def events(
        conn: Conn, actor: Code = None, source: Code = None, target: Code = None, country: Code = None,
        code: Annotated[str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code.")] = None,
        root: Annotated[str | None, Query(pattern=r"^[0-9]{2}$", description="CAMEO root.")] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation … 4 material conflict.")] = None,
        start: Day = None, end: Day = None,
        place: Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL, description="Place name or country.")] = None,
        article_id: Annotated[str | None, Query(max_length=MAX_ID, pattern=NO_NUL)] = None,
        limit: Limit = 50, offset: Offset = 0, unit: UnitParam = "mentions",
        plover: Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z_]+$", description="PLOVER event type.")] = None,
        sort: Annotated[EventSort, Query(description="Order: a column, '-' first for descending.")] = "-date",
    ) -> Page[EventRow]:
        """Every coded mention (the default), or each event once (`unit=events`), matching every filter given, newest first
        unless ``sort`` says otherwise. Either row carries its event's id and counts: mentions, articles, sources (distinct outlets)."""
        f = EventFilter(actor, source, target, country, code, root, quad_class, start, end, place, article_id, plover)
        return find_events(conn, f, limit, offset, event_names, unit, sort)

    @app.get("/api/events/{event_id}", response_model=EventExplanation, tags=["events"])
    def event(conn: Conn, event_id: EventId) -> EventExplanation:
        """One event explained: its mentions, why they are one event, and the events near it kept apart."""
        found = explain_event(conn, event_id, event_names)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id!r}")
        return found

    @app.get("/api/timeline", response_model=Timeline, tags=["relations"])
    def timeline(
        conn: Conn,
        a: Annotated[str, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9]+$", description="Actor A: code or country.")],
        b: Annotated[str, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9]+$", description="Actor B: code or country.")],
        interval: Interval = "day", start: Day = None, end: Day = None, unit: UnitParam = "events",
    ) -> Response:
        """Per period, A to B and B to A: counts of events (the default) or mentions by QuadClass, and mean Goldstein."""
        # a day axis over decades is thousands of bins: serialized at once (the model documents it, nothing to validate)
        return Response(_TIMELINE_JSON.dump_json(dyad_timeline(conn, a, b, interval, start, end, unit)), media_type="application/json")

    @app.get("/api/network", response_model=Network, tags=["relations"])
    def network(
        conn: Conn, start: Day = None, end: Day = None, level: NetworkLevel = "actor",
        min_events: Annotated[int, Query(ge=1, le=1_000_000)] = 1, unit: UnitParam = "events",
    ) -> Network:
        """Actors (or countries) as nodes; directed edges weighted by event (the default) or mention count and mean Goldstein."""
        return actor_network(conn, start, end, level, min_events, unit=unit)

    @app.get("/api/quotes", response_model=Page[QuoteRow], tags=["quotes"])
    def quotes(
        conn: Conn, speaker: Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL, description="Speaker name, code or country.")] = None,
        about: Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL,
                                           description="An actor the quote mentions: code prefix (RUS), country, or a word of its name.")] = None,
        limit: Limit = 50, offset: Offset = 0,
    ) -> Page[QuoteRow]:
        """Quotes, by speaker and by an actor they mention (what they are about), when given."""
        return find_quotes(conn, speaker, limit, offset, about)

    @app.get("/api/search", response_model=Page[SearchHit], tags=["search"])
    def search_text(
        conn: Conn, q: Annotated[str, Query(min_length=1, max_length=500, pattern=NO_NUL, description="Words, all required.")],
        kind: SearchKind = "articles", limit: Limit = 20, offset: Offset = 0,
    ) -> Page[SearchHit]:
        """Full-text search over articles or quotes; matched words come wrapped in « and »."""
        return search(conn, q, kind, limit, offset)

    add_workbench(app, event_names)
    _mount_ui(app)
    return app


def _mount_ui(app: FastAPI) -> None:
    static = resources.files("dragoman.serve").joinpath("static")
    static_dir = Path(str(static))
    app.mount("/static", StaticFiles(directory=static_dir), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir / "index.html", media_type="text/html; charset=utf-8")

    add_docs(app, static_dir, REDOC_CONTENT_SECURITY_POLICY)


def get(app: FastAPI, path: str) -> tuple[int, str]:
    """Answer one GET without a socket (``dragoman serve --get``): status and body. The request names
    ``localhost`` as its ``Host``, as a browser on this machine would."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette warns about its TestClient over httpx
        from fastapi.testclient import TestClient

    with TestClient(app, base_url="http://localhost", raise_server_exceptions=False) as client:
        response = client.get(path)
    return response.status_code, response.text


def run(app: FastAPI, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")

