"""Relationships over time and across actors: the dyad timeline and the actor network."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from typing import Literal

from dragoman.store.queries import EventFilter, where_clause

Interval = Literal["day", "week", "month"]
NetworkLevel = Literal["actor", "country"]

# The first day of an event's period: weeks start on Monday (ISO), months on the 1st.
_PERIOD_SQL: dict[str, str] = {
    "day": "substr(date, 1, 10)",  # an expression, so the planner does not walk the date index row by row
    "week": "date(date, 'weekday 0', '-6 days')",
    "month": "strftime('%Y-%m-01', date)",
}


@dataclass(frozen=True, slots=True)
class DirectionStats:
    """Events one way in one period: counts by QuadClass and mean Goldstein (``None`` if no events)."""

    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_goldstein: float | None


_EMPTY = DirectionStats(0, 0, 0, 0, 0, None)


@dataclass(frozen=True, slots=True)
class TimelineBin:
    period: str             # ISO date of the period's first day
    a_to_b: DirectionStats
    b_to_a: DirectionStats


@dataclass(frozen=True, slots=True)
class Timeline:
    a: str
    b: str
    interval: Interval
    bins: tuple[TimelineBin, ...]


def dyad_timeline(
    conn: sqlite3.Connection, a: str, b: str, interval: Interval = "day", start: dt.date | None = None, end: dt.date | None = None,
) -> Timeline:
    """Events between ``a`` and ``b`` (codes or countries) per period, A to B and B to A.

    Undated events are left out; periods without events are left out too.
    """
    if interval not in _PERIOD_SQL:
        raise ValueError(f"interval must be one of {sorted(_PERIOD_SQL)}, not {interval!r}")
    a, b = a.upper(), b.upper()
    side = "({p}_code = :{x} OR {p}_country = :{x})"
    a_to_b = f"({side.format(p='source', x='a')} AND {side.format(p='target', x='b')})"
    b_to_a = f"({side.format(p='source', x='b')} AND {side.format(p='target', x='a')})"
    where = [f"({a_to_b} OR {b_to_a})", "date IS NOT NULL"]
    params: dict[str, object] = {"a": a, "b": b}
    if start:
        where.append("date >= :start")
        params["start"] = start.isoformat()
    if end:
        where.append("date <= :end")
        params["end"] = end.isoformat()
    rows = conn.execute(
        f"SELECT {_PERIOD_SQL[interval]} AS period, {a_to_b} AS forward, count(*),"
        " sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4), avg(goldstein)"
        f" FROM events WHERE {' AND '.join(where)} GROUP BY period, forward ORDER BY period",
        params,
    ).fetchall()
    bins: dict[str, dict[bool, DirectionStats]] = {}
    for period, forward, n, q1, q2, q3, q4, mean in rows:
        bins.setdefault(period, {})[bool(forward)] = DirectionStats(n, q1, q2, q3, q4, round(mean, 3))
    return Timeline(a, b, interval, tuple(TimelineBin(p, d.get(True, _EMPTY), d.get(False, _EMPTY)) for p, d in bins.items()))


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    label: str
    country: str | None
    events: int            # events in which the actor is source or target


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    source: str
    target: str
    events: int
    mean_goldstein: float


@dataclass(frozen=True, slots=True)
class Network:
    level: NetworkLevel
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]


def actor_network(
    conn: sqlite3.Connection, start: dt.date | None = None, end: dt.date | None = None, level: NetworkLevel = "actor",
    min_events: int = 1, f: EventFilter | None = None,
) -> Network:
    """Who acts on whom in a period: nodes are actors (codes) or countries, edges are directed
    and weighted by event count and mean Goldstein. Events without a target are left out, and
    so are edges with fewer than ``min_events`` events."""
    if level not in ("actor", "country"):
        raise ValueError(f"level must be 'actor' or 'country', not {level!r}")
    where, params = where_clause(replace(f or EventFilter(), start=start, end=end))
    key_s, key_t = ("coalesce(source_code, source_country)", "coalesce(target_code, target_country)") if level == "actor" else ("source_country", "target_country")
    where = (where + " AND" if where else " WHERE") + f" {key_s} IS NOT NULL AND {key_t} IS NOT NULL"
    rows = conn.execute(
        f"SELECT {key_s}, {key_t}, count(*), avg(goldstein) FROM events{where} GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2",
        [*params, min_events],
    ).fetchall()
    edges = tuple(NetworkEdge(s, t, n, round(g, 3)) for s, t, n, g in rows)
    degree: dict[str, int] = {}
    for e in edges:
        degree[e.source] = degree.get(e.source, 0) + e.events
        if e.target != e.source:
            degree[e.target] = degree.get(e.target, 0) + e.events
    labels = _labels(conn, level, where, params)
    nodes = tuple(
        NetworkNode(k, labels.get(k, (k, None))[0], labels.get(k, (k, None))[1] if level == "actor" else k, n)
        for k, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return Network(level, nodes, edges)


def _labels(conn: sqlite3.Connection, level: NetworkLevel, where: str, params: list[object]) -> dict[str, tuple[str, str | None]]:
    """The most frequent name of each node, and its country."""
    if level == "country":
        sql = (f"SELECT source_country, source_country, source_country, count(*) FROM events{where} GROUP BY 1"
               f" UNION ALL SELECT target_country, target_country, target_country, count(*) FROM events{where} GROUP BY 1")
    else:
        sql = (f"SELECT coalesce(source_code, source_country), source_name, source_country, count(*) FROM events{where} GROUP BY 1, 2, 3"
               f" UNION ALL SELECT coalesce(target_code, target_country), target_name, target_country, count(*) FROM events{where} GROUP BY 1, 2, 3")
    best: dict[str, tuple[int, str, str | None]] = {}
    for key, name, country, n in conn.execute(sql, [*params, *params]):
        if key is None:
            continue
        seen = best.get(key)
        label = name or key
        if seen is None or n > seen[0] or (n == seen[0] and label < seen[1]):
            best[key] = (n, label, country)
    return {k: (label, country) for k, (_, label, country) in best.items()}
