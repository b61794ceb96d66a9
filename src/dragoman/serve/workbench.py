"""The analyst's workbench API: overview, time series, facets, event types, actors, map, rejections and
downloads of any filtered list. ``create_app`` adds these routes with :func:`add_workbench`.

Every events route takes the filter of ``/api/events`` (:func:`event_filter`), so a mark on any chart
drills down to ``/api/events`` with the same parameters. Downloads stream from their own read-only
connection, opened when the body starts and closed when it ends.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Callable, Iterator, Literal, Mapping

import pycountry
from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query
from fastapi.responses import StreamingResponse

from dragoman.actors import ActorProfile, KnowledgeBase, SectorNames, actor_profile, load_knowledge, load_sector_names
from dragoman.serve.connection import Conn
from dragoman.serve.params import NO_NUL, Code, Day, Limit, Offset, UnitParam
from dragoman.store import (
    MEDIA_TYPES, SUFFIXES, ActorMatch, ActorSummary, EventFilter, EventFormat, EventMap, EventSort, EventTypes, Facets, ListFormat, MapSide,
    Overview, Page, Period, QuoteRole, QuoteRow, Rejections, Series, actor_quotes, actor_summary, article_download, cameo_catalogue, event_download,
    event_facets, event_map, event_series, event_types, find_actors, list_rejections, open_readonly, overview, quote_download, rejection_download,
)

CodeParam = Annotated[str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code, exact.")]
RootParam = Annotated[str | None, Query(pattern=r"^[0-9]{2}$", description="CAMEO root.")]
QuadParam = Annotated[int | None, Query(ge=1, le=4, description="1 verbal cooperation … 4 material conflict.")]
PlaceParam = Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL, description="Place name or country.")]
PloverParam = Annotated[str | None, Query(min_length=1, max_length=40, pattern=r"^[A-Za-z_]+$", description="PLOVER event type (CONSULT, ASSAULT …).")]
ArticleParam = Annotated[str | None, Query(max_length=1024, pattern=NO_NUL)]
IntervalParam = Annotated[Period | Literal["auto"], Query(description="Period of a bin; auto: the finest with at most 120 bins.")]
ActorCode = Annotated[str, PathParam(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9]+$", description="Actor code or country (TUR, TURGOV).")]
Words = Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL)]


def event_filter(
    actor: Code = None, source: Code = None, target: Code = None, country: Code = None, code: CodeParam = None, root: RootParam = None,
    quad_class: QuadParam = None, start: Day = None, end: Day = None, place: PlaceParam = None, article_id: ArticleParam = None,
    plover: PloverParam = None,
) -> EventFilter:
    """The filter of ``/api/events``, as a dependency every events route shares."""
    return EventFilter(actor, source, target, country, code, root, quad_class, start, end, place, article_id, plover)


EventsFilter = Annotated[EventFilter, Depends(event_filter)]


@dataclass(frozen=True, slots=True)
class ActorPage:
    """An actor as the store holds it (``summary``) and as the knowledge base knows it (``profile``)."""

    summary: ActorSummary
    profile: ActorProfile


@dataclass(frozen=True, slots=True)
class CountryName:
    """A country's ISO 3166-1 codes (alpha-3 and numeric, as world maps key their shapes) and its name."""

    iso3: str
    numeric: str | None
    name: str


def _file_responses(formats: tuple[str, ...], row: str) -> dict[int | str, dict[str, Any]]:
    """The 200 response of a download in OpenAPI: one media type per format; JSON is an array of ``row``."""
    content: dict[str, Any] = {}
    for fmt in formats:
        media = MEDIA_TYPES[fmt].split(";")[0]
        if fmt == "json":
            content[media] = {"schema": {"type": "array", "items": {"$ref": f"#/components/schemas/{row}"}}}
        elif fmt == "parquet":
            content[media] = {"schema": {"type": "string", "format": "binary"}}
        else:
            content[media] = {"schema": {"type": "string"}}
    return {200: {"description": "The file, as an attachment.", "content": content}}


_EVENT_FORMATS: tuple[str, ...] = ("csv", "json", "jsonl", "parquet", "gdelt")
_LIST_FORMATS: tuple[str, ...] = ("csv", "json", "jsonl", "parquet")


class _Knowledge:
    """The actor knowledge base, read on the first actor page this app serves (about two seconds), then kept."""

    def __init__(self, load: Callable[[], KnowledgeBase]) -> None:
        self._load = load
        self._lock = threading.Lock()
        self._kb: tuple[KnowledgeBase, SectorNames] | None = None

    def get(self) -> tuple[KnowledgeBase, SectorNames]:
        with self._lock:
            if self._kb is None:
                self._kb = (self._load(), load_sector_names())
            return self._kb


def _countries(kb: KnowledgeBase) -> tuple[CountryName, ...]:
    numeric = {c.alpha_3: c.numeric for c in pycountry.countries}
    return tuple(CountryName(iso3, numeric.get(iso3), c.name) for iso3, c in sorted(kb.countries.items()))


def add_workbench(app: FastAPI, names: Mapping[str, str], knowledge: Callable[[], KnowledgeBase] | None = None) -> None:
    """Add the workbench routes to ``app`` (whose ``state.db_path`` is the store); ``names`` are the CAMEO names,
    ``knowledge`` loads the actor knowledge base (the packaged one by default) when an actor page first needs it."""
    kb = _Knowledge(knowledge or load_knowledge)
    catalogue = cameo_catalogue()
    def refuse(e: ValueError) -> HTTPException:
        return HTTPException(422, str(e))

    @app.get("/api/overview", response_model=Overview, tags=["workbench"])
    def overview_route(conn: Conn, f: EventsFilter, interval: IntervalParam = "auto",
                       top: Annotated[int, Query(ge=1, le=100, description="Length of each top list.")] = 10, unit: UnitParam = "mentions") -> Overview:
        """The events matching the filter over time (QuadClass stacks, mean Goldstein, empty periods included) and
        the top country dyads, actors, CAMEO roots and codes."""
        try:
            return overview(conn, f, names, interval, top, unit)
        except ValueError as e:
            raise refuse(e) from e

    @app.get("/api/series", response_model=Series, tags=["workbench"])
    def series_route(conn: Conn, f: EventsFilter, interval: IntervalParam = "month", unit: UnitParam = "mentions") -> Series:
        """Events matching the filter per period on a true time axis: a dyad one way is ``source=A&target=B``,
        an actor ``actor=X``."""
        try:
            return event_series(conn, f, interval, unit)
        except ValueError as e:
            raise refuse(e) from e

    @app.get("/api/facets", response_model=Facets, tags=["workbench"])
    def facets_route(conn: Conn, f: EventsFilter, unit: UnitParam = "mentions") -> Facets:
        """Counts of the events matching the filter by CAMEO root, QuadClass, PLOVER type and country."""
        return event_facets(conn, f, names, unit=unit)

    @app.get("/api/event-types", response_model=EventTypes, tags=["workbench"])
    def event_types_route(conn: Conn) -> EventTypes:
        """The CAMEO tree (codes, names, parents) and the PLOVER types, with their stored events."""
        return event_types(conn, catalogue)

    @app.get("/api/actors", response_model=list[ActorMatch], tags=["actors"])
    def actors_route(conn: Conn, q: Words = None, limit: Limit = 20) -> list[ActorMatch]:
        """Actors by a code prefix, a country, or a word of a name (any case); the most mentioned first."""
        return list(find_actors(conn, q, limit))

    @app.get("/api/actors/{code}", response_model=ActorPage, tags=["actors"])
    def actor_route(conn: Conn, code: ActorCode, start: Day = None, end: Day = None, unit: UnitParam = "mentions") -> ActorPage:
        """An actor: its names, events given and received by CAMEO root and QuadClass, main partners, quote counts,
        and the knowledge base's entry with its dated roles."""
        summary = actor_summary(conn, code, names, EventFilter(start=start, end=end), unit=unit)
        base, sectors = kb.get()
        profile = actor_profile(base, sectors, code, [n.name for n in summary.names])
        if not profile.known and summary.mentions == 0 and summary.given == 0 and summary.received == 0:
            raise HTTPException(404, f"no actor {code.upper()!r} in the store or the knowledge base")
        return ActorPage(summary, profile)

    @app.get("/api/actors/{code}/quotes", response_model=Page[QuoteRow], tags=["actors"])
    def actor_quotes_route(conn: Conn, code: ActorCode, role: QuoteRole = "by", limit: Limit = 20, offset: Offset = 0) -> Page[QuoteRow]:
        """Quotes the actor said (``role=by``: speaker code or country) or that mention it (``role=about``)."""
        return actor_quotes(conn, code, role, limit, offset)

    @app.get("/api/countries", response_model=list[CountryName], tags=["workbench"])
    def countries_route() -> list[CountryName]:
        """Every state and territory of the knowledge base: ISO alpha-3, ISO numeric and name."""
        return list(_countries(kb.get()[0]))

    @app.get("/api/map", response_model=EventMap, tags=["workbench"])
    def map_route(conn: Conn, f: EventsFilter, side: MapSide = "place",
                  places: Annotated[int, Query(ge=1, le=5000, description="At most this many places.")] = 500, unit: UnitParam = "mentions") -> EventMap:
        """The events matching the filter by country (of their place, source or target) and by place (coordinates)."""
        return event_map(conn, f, side, places, unit)

    @app.get("/api/rejections", response_model=Rejections, tags=["store"])
    def rejections_route(conn: Conn, stage: Words = None, reason: Words = None, limit: Limit = 50, offset: Offset = 0) -> Rejections:
        """Inputs that were not coded, by stage and reason, with the counts of every reason."""
        return list_rejections(conn, stage, reason, limit, offset)

    def download(make: Callable[[sqlite3.Connection], Iterator[bytes]], name: str, fmt: str) -> StreamingResponse:
        db: Path = app.state.db_path
        first = open_readonly(db)  # fails here (a clean error) rather than inside the body

        def body() -> Iterator[bytes]:
            try:
                yield from make(first)
            finally:
                first.close()

        return StreamingResponse(body(), media_type=MEDIA_TYPES[fmt],
                                 headers={"Content-Disposition": f'attachment; filename="{name}.{SUFFIXES[fmt]}"'})

    @app.get("/api/export/events", response_class=StreamingResponse, response_model=None, responses=_file_responses(_EVENT_FORMATS, "EventRow"), tags=["export"])
    def export_events(f: EventsFilter, format: EventFormat = "csv", sort: EventSort = "-date", unit: UnitParam = "mentions") -> StreamingResponse:
        """Every mention (or each event once: ``unit=events``) matching the filter as CSV (the columns of ``/api/events``),
        JSON, JSON lines, Parquet, or ``gdelt``: the GDELT-1.0-like CSV of ``dragoman export csv``."""
        return download(lambda c: event_download(c, f, format, names, sort, unit), "events", format)

    @app.get("/api/export/quotes", response_class=StreamingResponse, response_model=None, responses=_file_responses(_LIST_FORMATS, "QuoteRow"), tags=["export"])
    def export_quotes(speaker: Words = None, about: Words = None, format: ListFormat = "csv") -> StreamingResponse:
        """Every quote matching ``speaker`` and ``about`` (as ``/api/quotes``) as a file."""
        return download(lambda c: quote_download(c, format, speaker, about), "quotes", format)

    @app.get("/api/export/articles", response_class=StreamingResponse, response_model=None, responses=_file_responses(_LIST_FORMATS, "ArticleSummary"), tags=["export"])
    def export_articles(format: ListFormat = "csv") -> StreamingResponse:
        """Every article (without its text) as a file, newest first."""
        return download(lambda c: article_download(c, format), "articles", format)

    @app.get("/api/export/rejections", response_class=StreamingResponse, response_model=None, responses=_file_responses(_LIST_FORMATS, "RejectionRow"), tags=["export"])
    def export_rejections(stage: Words = None, reason: Words = None, format: ListFormat = "csv") -> StreamingResponse:
        """Every rejection (by stage and reason) as a file."""
        return download(lambda c: rejection_download(c, format, stage, reason), "rejections", format)
