"""Exports: events as GDELT-1.0-like CSV, JSONL or Parquet; the actor network as GraphML or GEXF.

The CSV keeps GDELT 1.0's column names where dragoman has the field, in GDELT's order, then
adds dragoman's own (PLOVER, rule, confidence, evidence, the event id). Differences from GDELT, on purpose:
country codes are ISO 3166 alpha-3 everywhere (GDELT's ``ActionGeo_CountryCode`` is FIPS).

Every event export has two views (``unit``). ``mentions`` (the default): a row is one event coded from one
article, ``GLOBALEVENTID`` the mention's id in the store, ``NumMentions = NumSources = NumArticles = 1``, and
``EventID`` the event it is a report of. ``events``: a row is one event, its mentions merged (docs/store.md),
``GLOBALEVENTID`` and ``EventID`` its id, ``NumMentions``, ``NumSources`` (distinct outlets) and
``NumArticles`` its counts, and the evidence, article and URL those of its most confident mention.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Literal, Mapping

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq

from dragoman.store.dyads import Network, NetworkLevel, actor_network
from dragoman.store.queries import EventFilter, EventRow, Unit, iter_events

ExportFormat = Literal["csv", "jsonl", "parquet", "graphml", "gexf"]
EVENT_FORMATS = ("csv", "jsonl", "parquet")
NETWORK_FORMATS = ("graphml", "gexf")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
    "EventName", "PLOVER", "Rule", "Confidence", "ArticleID", "EvidenceStart", "EvidenceEnd", "EvidenceText", "EventID",
)


def _compact(date: str | None) -> str:
    return date.replace("-", "") if date else ""


def _fraction(date: str | None) -> str:
    if not date:
        return ""
    d = dt.date.fromisoformat(date)
    return f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"


def gdelt_row(e: EventRow, article: tuple[str, str | None, str], unit: Unit = "mentions") -> list[object]:
    """One event (or mention) as a GDELT-like row; ``article`` is (source, url, coded_at) of its evidence's article."""
    source, url, coded_at = article
    merged = unit == "events"
    return [
        e.event_id if merged else e.id, _compact(e.date), _compact(e.date)[:6], _compact(e.date)[:4], _fraction(e.date),
        e.source_code or "", e.source_name or e.source_text, e.source_country or "",
        e.target_code or "", (e.target_name or e.target_text or ""), e.target_country or "",
        e.cameo, e.cameo[:3], e.root, e.quad_class, e.goldstein,
        *((e.mentions, e.sources, e.articles) if merged else (1, 1, 1)),
        e.place_name or "", e.place_country or "", "" if e.lat is None else e.lat, "" if e.lon is None else e.lon,
        _compact(coded_at[:10]), url or source,
        e.cameo_name or "", e.plover or "", e.rule, e.confidence, e.article_id, e.evidence_start, e.evidence_end, e.evidence_text, e.event_id or "",
    ]


def _articles(conn: sqlite3.Connection) -> dict[str, tuple[str, str | None, str]]:
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT id, source, url, coded_at FROM articles")}


Progress = Callable[[int], None]
"""Called with the number of events written so far, every thousand events and at the end."""


def _counted(rows: Iterable[EventRow], progress: Progress | None) -> Iterator[EventRow]:
    n = 0
    for n, row in enumerate(rows, 1):
        yield row
        if progress is not None and n % 1000 == 0:
            progress(n)
    if progress is not None:
        progress(n)


def write_csv(conn: sqlite3.Connection, out: IO[str], f: EventFilter, names: Mapping[str, str] | None = None, unit: Unit = "mentions",
              progress: Progress | None = None) -> int:
    articles = _articles(conn)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    n = 0
    for e in _counted(iter_events(conn, f, names, unit=unit), progress):
        writer.writerow(gdelt_row(e, articles[e.article_id], unit))
        n += 1
    return n


def write_jsonl(conn: sqlite3.Connection, out: IO[str], f: EventFilter, names: Mapping[str, str] | None = None, unit: Unit = "mentions",
                progress: Progress | None = None) -> int:
    n = 0
    for e in _counted(iter_events(conn, f, names, unit=unit), progress):
        out.write(json.dumps(dataclasses.asdict(e), ensure_ascii=False) + "\n")
        n += 1
    return n


_ARROW_TYPES = {"int": pa.int64(), "str": pa.string(), "float": pa.float64()}


def event_arrow_schema() -> pa.Schema:
    out = []
    for fld in dataclasses.fields(EventRow):
        kind = str(fld.type).split(" |")[0]
        out.append(pa.field(fld.name, _ARROW_TYPES[kind], nullable="None" in str(fld.type)))
    return pa.schema(out)


def write_parquet(
    conn: sqlite3.Connection, out: Path, f: EventFilter, names: Mapping[str, str] | None = None, chunk: int = 50_000,
    unit: Unit = "mentions", progress: Progress | None = None,
) -> int:
    schema = event_arrow_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        rows: list[EventRow] = []
        for e in _counted(iter_events(conn, f, names, unit=unit), progress):
            rows.append(e)
            if len(rows) >= chunk:
                writer.write_table(_table(rows, schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(_table(rows, schema))
            n += len(rows)
    return n


def _table(rows: list[EventRow], schema: pa.Schema) -> pa.Table:
    return pa.table({name: [getattr(r, name) for r in rows] for name in schema.names}, schema=schema)


def network_graph(network: Network) -> "nx.DiGraph[str]":
    """The network as a networkx DiGraph (attributes without ``None`` values, for GraphML)."""
    g: nx.DiGraph[str] = nx.DiGraph(level=network.level, unit=network.unit)
    for node in network.nodes:
        attrs: dict[str, object] = {"label": node.label, "events": node.events}
        if node.country:
            attrs["country"] = node.country
        g.add_node(node.id, **attrs)
    for edge in network.edges:
        g.add_edge(edge.source, edge.target, weight=edge.events, events=edge.events, mean_goldstein=edge.mean_goldstein)
    return g


def write_network(conn: sqlite3.Connection, out: Path, fmt: Literal["graphml", "gexf"], f: EventFilter, level: NetworkLevel = "actor", min_events: int = 1,
                  unit: Unit = "events") -> int:
    network = actor_network(conn, f.start, f.end, level, min_events, f, unit)
    g = network_graph(network)
    if fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)
    return len(network.edges)
