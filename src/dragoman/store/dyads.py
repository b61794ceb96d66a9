"""Relationships over time and across actors: the dyad timeline and the actor network.

Both count events by default (``unit="events"``: the reports of one act merged, ``event_groups``), or every
coded mention (``unit="mentions"``: ``events``), docs/store.md "Events and mentions"."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from dragoman.store.aggregates import GOLDSTEIN, UNIT_TABLES
from dragoman.store.queries import EventFilter, Unit, check_unit
from dragoman.store.series import MAX_PERIODS, count_periods
from dragoman.store.tallies import actor_ways, mean, tally_source

Interval = Literal["day", "week", "month"]
NetworkLevel = Literal["actor", "country"]

# The first day of an event's period: weeks start on Monday (ISO), months on the 1st.
_PERIOD_SQL: dict[str, str] = {
    "day": "substr(date, 1, 10)",  # an expression, so the planner does not walk the date index row by row
    "week": "date(date, 'weekday 0', '-6 days')",
    "month": "strftime('%Y-%m-01', date)",
}
_COARSER: dict[Interval, Interval] = {"day": "week", "week": "month"}


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

    Undated events are left out; periods without events are left out too. A day or week axis of more than
    :data:`~dragoman.store.series.MAX_PERIODS` periods (from the dyad's first to its last dated event) is drawn
    with the next longer period, as the series are; ``Timeline.interval`` says which.
    """
    if interval not in _PERIOD_SQL:
        raise ValueError(f"interval must be one of {sorted(_PERIOD_SQL)}, not {interval!r}")
    unit = check_unit(unit)
    a, b = a.upper(), b.upper()
    # Each direction as the ways its sides can match, each way a term an index answers (a way no stored row takes is
    # left out); the directions are read apart, so the dyad index covers each (a row both ways counts A to B).
    ways = {a: actor_ways(conn, a, unit), b: actor_ways(conn, b, unit)}
    named = {"a": a, "b": b}

    def direction(x: str, y: str) -> str:
        return "(" + " OR ".join(f"(source_{ks} = :{x} AND target_{kt} = :{y})" for ks in ways[named[x]] for kt in ways[named[y]]) + ")"

    params: dict[str, object] = {"a": a, "b": b}
    where = ["date IS NOT NULL"]
    if start:
        where.append("date >= :start")
        params["start"] = start.isoformat()
    if end:
        where.append("date <= :end")
        params["end"] = end.isoformat()
    a_to_b, b_to_a = direction("a", "b"), direction("b", "a")
    if interval != "month":  # an axis of more than MAX_PERIODS days or weeks is drawn with the next longer period
        span = [conn.execute(f"SELECT min(date), max(date) FROM {UNIT_TABLES[unit]} WHERE {cond} AND {' AND '.join(where)}", params).fetchone()
                for cond in (a_to_b, b_to_a)]
        days = sorted(d for pair in span for d in pair if d)
        if days:
            first, last = dt.date.fromisoformat(days[0][:10]), dt.date.fromisoformat(days[-1][:10])
            while interval in _COARSER and count_periods(first, last, interval) > MAX_PERIODS:
                interval = _COARSER[interval]
    if interval == "month":  # whole months from the summary tables (store/tallies.py), the days at the edges from the rows
        source, tally_params = tally_source(EventFilter(start=start, end=end), unit, "month")
        one_way = "(source_code = ? OR source_country = ?) AND (target_code = ? OR target_country = ?)"
        rows = conn.execute(
            f"SELECT {_PERIOD_SQL[interval]} AS period, ({one_way}) AS forward, sum(n), sum(n * (quad_class = 1)), sum(n * (quad_class = 2)),"
            f" sum(n * (quad_class = 3)), sum(n * (quad_class = 4)), sum(g) FROM {source} WHERE date IS NOT NULL AND (({one_way}) OR ({one_way}))"
            " GROUP BY period, forward ORDER BY period",
            [a, a, b, b, *tally_params, a, a, b, b, b, b, a, a],
        ).fetchall()
    else:
        dated = " AND ".join(where)
        period = "date" if interval == "day" else _PERIOD_SQL[interval]  # a day is the stored date: grouped in the index's order
        rows = []
        for forward, cond in ((1, a_to_b), (0, f"{b_to_a} AND NOT {a_to_b}")):
            rows += conn.execute(
                f"SELECT {period} AS period, {forward}, count(*), sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3), sum(quad_class = 4),"
                f" sum({GOLDSTEIN.format(r=UNIT_TABLES[unit])}) FROM {UNIT_TABLES[unit]} WHERE {cond} AND {dated} GROUP BY period",
                params,
            ).fetchall()
        rows.sort(key=lambda r: (r[0], -r[1]))
    bins: dict[str, dict[bool, DirectionStats]] = {}
    for period, forward, n, q1, q2, q3, q4, g in rows:
        bins.setdefault(period, {})[bool(forward)] = DirectionStats(n, q1, q2, q3, q4, mean(g, n))
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

    One pass over the summary tables (``store/tallies.py``), grouped by actor, name and country on each side; the
    edges, the countries and the labels are summed from those groups."""
    if level not in ("actor", "country"):
        raise ValueError(f"level must be 'actor' or 'country', not {level!r}")
    unit = check_unit(unit)
    source, params = tally_source(replace(f or EventFilter(), start=start, end=end), unit)
    ends = ("coalesce(source_code, source_country)", "coalesce(target_code, target_country)") if level == "actor" else ("source_country", "target_country")
    rows = conn.execute(
        "SELECT coalesce(source_code, source_country), coalesce(target_code, target_country), source_name, target_name, source_country, target_country,"
        f" sum(n), sum(g) FROM {source} WHERE {ends[0]} IS NOT NULL AND {ends[1]} IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6",
        params,
    ).fetchall()
    sums: dict[tuple[str, str], list[int]] = {}
    names: dict[str, Counter[tuple[str, str | None]]] = {}
    for ks, kt, source_name, target_name, source_country, target_country, n, goldstein in rows:
        pair = (ks, kt) if level == "actor" else (source_country, target_country)
        acc = sums.setdefault(pair, [0, 0])
        acc[0] += n
        acc[1] += goldstein
        if level == "actor":
            names.setdefault(ks, Counter())[(source_name or ks, source_country)] += n
            names.setdefault(kt, Counter())[(target_name or kt, target_country)] += n
    edges = tuple(sorted((NetworkEdge(a, b, n, mean(g, n) or 0.0) for (a, b), (n, g) in sums.items() if n >= min_events),
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
