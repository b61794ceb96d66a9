"""Relationships over time and across actors: the dyad timeline and the actor network.

Both count events by default (``unit="events"``: the reports of one act merged, ``event_groups``), or every
coded mention (``unit="mentions"``: ``events``), docs/store.md "Events and mentions"."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from typing import Literal

from dragoman.store.queries import EventFilter, Unit, check_unit, where_clause

Interval = Literal["day", "week", "month"]
NetworkLevel = Literal["actor", "country"]

# The first day of an event's period: weeks start on Monday (ISO), months on the 1st.
_PERIOD_SQL: dict[str, str] = {
    "day": "substr(date, 1, 10)",  # an expression, so the planner does not walk the date index row by row
    "week": "date(date, 'weekday 0', '-6 days')",
    "month": "strftime('%Y-%m-01', date)",
}
_TABLE: dict[str, str] = {"events": "event_groups", "mentions": "events"}


@dataclass(frozen=True, slots=True)
class DirectionStats:
    """Events (or mentions: the timeline's ``unit``) one way in one period: counts by QuadClass and mean Goldstein (``None`` if none)."""

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
    unit: Unit = "events"   # what the counts count: events (reports of one act merged) or mentions


def dyad_timeline(
    conn: sqlite3.Connection, a: str, b: str, interval: Interval = "day", start: dt.date | None = None, end: dt.date | None = None,
    unit: Unit = "events",
) -> Timeline:
    """Events (or mentions) between ``a`` and ``b`` (codes or countries) per period, A to B and B to A; an event
    counts in the period of its date (the date most of its mentions give).

    Undated events are left out; periods without events are left out too.
    """
    if interval not in _PERIOD_SQL:
        raise ValueError(f"interval must be one of {sorted(_PERIOD_SQL)}, not {interval!r}")
    unit = check_unit(unit)
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
        f" FROM {_TABLE[unit]} WHERE {' AND '.join(where)} GROUP BY period, forward ORDER BY period",
        params,
    ).fetchall()
    bins: dict[str, dict[bool, DirectionStats]] = {}
    for period, forward, n, q1, q2, q3, q4, mean in rows:
        bins.setdefault(period, {})[bool(forward)] = DirectionStats(n, q1, q2, q3, q4, round(mean, 3))
    return Timeline(a, b, interval, tuple(TimelineBin(p, d.get(True, _EMPTY), d.get(False, _EMPTY)) for p, d in bins.items()), unit)


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    label: str
    country: str | None
    events: int            # events (or mentions: the network's unit) in which the actor is source or target


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
    unit: Unit = "events"   # what ``events`` counts: events (reports of one act merged) or mentions


def actor_network(
    conn: sqlite3.Connection, start: dt.date | None = None, end: dt.date | None = None, level: NetworkLevel = "actor",
    min_events: int = 1, f: EventFilter | None = None, unit: Unit = "events",
) -> Network:
    """Who acts on whom in a period: nodes are actors (codes) or countries, edges are directed
    and weighted by event (or mention) count and mean Goldstein. Events without a target are left out, and
    so are edges with fewer than ``min_events`` events."""
    if level not in ("actor", "country"):
        raise ValueError(f"level must be 'actor' or 'country', not {level!r}")
    unit = check_unit(unit)
    where, params = where_clause(replace(f or EventFilter(), start=start, end=end), unit)
    t = "g" if unit == "events" else "e"
    table = f"{_TABLE[unit]} {t}"
    key_s, key_t = (f"coalesce({t}.source_code, {t}.source_country)", f"coalesce({t}.target_code, {t}.target_country)") if level == "actor" \
        else (f"{t}.source_country", f"{t}.target_country")
    where = (where + " AND" if where else " WHERE") + f" {key_s} IS NOT NULL AND {key_t} IS NOT NULL"
    rows = conn.execute(
        f"SELECT {key_s}, {key_t}, count(*), avg({t}.goldstein) FROM {table}{where} GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2",
        [*params, min_events],
    ).fetchall()
    edges = tuple(NetworkEdge(s, t, n, round(g, 3)) for s, t, n, g in rows)
    degree: dict[str, int] = {}
    for e in edges:
        degree[e.source] = degree.get(e.source, 0) + e.events
        if e.target != e.source:
            degree[e.target] = degree.get(e.target, 0) + e.events
    labels = _labels(conn, level, table, t, where, params) if level == "actor" else {}
    nodes = tuple(
        NetworkNode(k, labels.get(k, (k, None))[0], labels.get(k, (k, None))[1] if level == "actor" else k, n)
        for k, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return Network(level, nodes, edges, unit)


def _labels(conn: sqlite3.Connection, level: NetworkLevel, table: str, t: str, where: str, params: list[object]) -> dict[str, tuple[str, str | None]]:
    """The most frequent name of each actor node, and its country (a country node is its own label)."""
    sql = (f"SELECT coalesce({t}.source_code, {t}.source_country), {t}.source_name, {t}.source_country, count(*) FROM {table}{where} GROUP BY 1, 2, 3"
           f" UNION ALL SELECT coalesce({t}.target_code, {t}.target_country), {t}.target_name, {t}.target_country, count(*) FROM {table}{where} GROUP BY 1, 2, 3")
    best: dict[str, tuple[int, str, str | None]] = {}
    for key, name, country, n in conn.execute(sql, [*params, *params]):
        if key is None:
            continue
        seen = best.get(key)
        label = name or key
        if seen is None or n > seen[0] or (n == seen[0] and label < seen[1]):
            best[key] = (n, label, country)
    return {k: (label, country) for k, (_, label, country) in best.items()}
