"""Relationships over time and across actors: the dyad timeline and the actor network.

Both count events by default (``unit="events"``: the reports of one act merged, ``event_groups``), or every
coded mention (``unit="mentions"``: ``events``), docs/store.md "Events and mentions"."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
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
    so are edges with fewer than ``min_events`` events. An actor node is labelled with the name its code
    has most often on either side (among equals the first in alphabetical order).

    One pass over the rows, grouped by actor, name and country on each side in the order of the index
    ``*_network`` (schema.sql), which covers it; the edges, the countries and the labels are summed from those groups."""
    if level not in ("actor", "country"):
        raise ValueError(f"level must be 'actor' or 'country', not {level!r}")
    unit = check_unit(unit)
    where, params = where_clause(replace(f or EventFilter(), start=start, end=end), unit)
    t = "g" if unit == "events" else "e"
    key_s, key_t = f"coalesce({t}.source_code, {t}.source_country)", f"coalesce({t}.target_code, {t}.target_country)"
    ends = (key_s, key_t) if level == "actor" else (f"{t}.source_country", f"{t}.target_country")
    # "+" keeps the planner off the dyad index for these terms (a lookup per row); it reads the covering index instead
    where = (where + " AND" if where else " WHERE") + f" +{ends[0]} IS NOT NULL AND +{ends[1]} IS NOT NULL"
    rows = conn.execute(
        f"SELECT {key_s}, {key_t}, {t}.source_name, {t}.target_name, {t}.source_country, {t}.target_country, count(*), sum({t}.goldstein)"
        f" FROM {_TABLE[unit]} {t}{where} GROUP BY 1, 2, 3, 4, 5, 6",
        params,
    ).fetchall()
    sums: dict[tuple[str, str], list[float]] = {}
    names: dict[str, Counter[tuple[str, str | None]]] = {}
    for ks, kt, source_name, target_name, source_country, target_country, n, goldstein in rows:
        pair = (ks, kt) if level == "actor" else (source_country, target_country)
        acc = sums.setdefault(pair, [0, 0.0])
        acc[0] += n
        acc[1] += goldstein
        if level == "actor":
            names.setdefault(ks, Counter())[(source_name or ks, source_country)] += n
            names.setdefault(kt, Counter())[(target_name or kt, target_country)] += n
    edges = tuple(sorted((NetworkEdge(a, b, int(n), round(g / n, 3)) for (a, b), (n, g) in sums.items() if n >= min_events),
                         key=lambda e: (-e.events, e.source, e.target)))
    degree: dict[str, int] = {}
    for e in edges:
        degree[e.source] = degree.get(e.source, 0) + e.events
        if e.target != e.source:
            degree[e.target] = degree.get(e.target, 0) + e.events
    labels = {k: min(c.items(), key=lambda item: (-item[1], item[0][0]))[0] for k, c in names.items()}
    nodes = tuple(
        NetworkNode(k, labels.get(k, (k, None))[0], labels.get(k, (k, None))[1] if level == "actor" else k, n)
        for k, n in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return Network(level, nodes, edges, unit)
