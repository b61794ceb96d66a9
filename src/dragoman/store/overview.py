"""The corpus at a glance, for any filter: events over time, the top dyads, actors and event types.

Every list counts the events (or mentions) matching one :class:`EventFilter`, so each mark of the overview page
drills down to the events list with the same filter plus its own key. Counts come from the summary tables
(``store/tallies.py``), so the whole corpus is summed in milliseconds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal, Mapping

from dragoman.store.queries import EventFilter, Unit, cameo_name
from dragoman.store.tallies import mean, tally_source
from dragoman.store.series import Period, Series, event_series


@dataclass(frozen=True, slots=True)
class DyadStat:
    """Events from one side to the other (codes, or countries at country level) and their mean Goldstein."""

    source: str
    target: str
    source_name: str | None
    target_name: str | None
    events: int
    mean_goldstein: float


@dataclass(frozen=True, slots=True)
class ActorStat:
    """An actor (its code) with its most frequent name and country, the events it is source or target of."""

    code: str
    name: str | None
    country: str | None
    events: int
    as_source: int
    as_target: int


@dataclass(frozen=True, slots=True)
class TypeStat:
    """A CAMEO code (or root) with its name, QuadClass, event count and mean Goldstein."""

    code: str
    name: str | None
    quad_class: int
    events: int
    mean_goldstein: float


@dataclass(frozen=True, slots=True)
class Overview:
    series: Series
    top_dyads: tuple[DyadStat, ...]
    top_actors: tuple[ActorStat, ...]
    top_roots: tuple[TypeStat, ...]
    top_types: tuple[TypeStat, ...]
    unit: Unit = "mentions"   # what every count counts: mentions (each coded report) or events (reports of one act merged)


DyadLevel = Literal["actor", "country"]


def top_dyads(conn: sqlite3.Connection, f: EventFilter, top: int = 10, level: DyadLevel = "country", unit: Unit = "mentions") -> tuple[DyadStat, ...]:
    """The dyads with the most events (or mentions), directed; countries or (``level="actor"``) codes."""
    source, params = tally_source(f, unit)
    if level == "country":
        s, t, sn, tn = "source_country", "target_country", "NULL", "NULL"
    else:
        s, t, sn, tn = "coalesce(source_code, source_country)", "coalesce(target_code, target_country)", "max(source_name)", "max(target_name)"
    rows = conn.execute(
        f"SELECT {s}, {t}, {sn}, {tn}, sum(n), sum(g) FROM {source} WHERE {s} IS NOT NULL AND {t} IS NOT NULL"
        " GROUP BY 1, 2 ORDER BY 5 DESC, 1, 2 LIMIT ?",
        [*params, top],
    ).fetchall()
    return tuple(DyadStat(a, b, an, bn, int(n), mean(g, n) or 0.0) for a, b, an, bn, n, g in rows)


def top_actors(conn: sqlite3.Connection, f: EventFilter, top: int = 10, unit: Unit = "mentions") -> tuple[ActorStat, ...]:
    """The actors (codes) that are source or target of the most events (or mentions), with their most frequent name."""
    source, params = tally_source(f, unit)
    rows = conn.execute(
        f"SELECT code, sum(n), sum(src), sum(n) - sum(src) FROM ("
        f" SELECT source_code AS code, sum(n) AS n, sum(n) AS src FROM {source} WHERE source_code IS NOT NULL GROUP BY 1"
        f" UNION ALL SELECT target_code, sum(n), 0 FROM {source} WHERE target_code IS NOT NULL GROUP BY 1"
        ") GROUP BY code ORDER BY 2 DESC, 1 LIMIT ?",
        [*params, *params, top],
    ).fetchall()
    names = _names(conn, [r[0] for r in rows], unit)
    return tuple(ActorStat(code, *names.get(code, (None, None)), int(n), int(s), int(t)) for code, n, s, t in rows)


def _names(conn: sqlite3.Connection, codes: list[str], unit: Unit = "mentions") -> dict[str, tuple[str | None, str | None]]:
    """The most frequent (name, country) of each code among the sides of all the events (or mentions)."""
    if not codes:
        return {}
    marks = ", ".join("?" * len(codes))
    source, params = tally_source(EventFilter(), unit)
    best: dict[str, tuple[int, str | None, str | None]] = {}
    for code, name, country, n in conn.execute(
        f"SELECT source_code, source_name, source_country, sum(n) FROM {source} WHERE source_code IN ({marks}) GROUP BY 1, 2, 3"
        f" UNION ALL SELECT target_code, target_name, target_country, sum(n) FROM {source} WHERE target_code IN ({marks}) GROUP BY 1, 2, 3",
        [*params, *codes, *params, *codes],
    ):
        seen = best.get(code)
        if seen is None or n > seen[0] or (n == seen[0] and (name or "") < (seen[1] or "")):
            best[code] = (n, name, country)
    return {code: (name, country) for code, (_, name, country) in best.items()}


def top_types(conn: sqlite3.Connection, f: EventFilter, names: Mapping[str, str], top: int = 10, by: Literal["root", "cameo"] = "cameo",
              unit: Unit = "mentions") -> tuple[TypeStat, ...]:
    """The most frequent CAMEO codes (or roots) with their names."""
    source, params = tally_source(f, unit)
    rows = conn.execute(f"SELECT {by}, min(quad_class), sum(n), sum(g) FROM {source} GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?", [*params, top]).fetchall()
    return tuple(TypeStat(code, cameo_name(names, code), int(q), int(n), mean(g, n) or 0.0) for code, q, n, g in rows)


def overview(conn: sqlite3.Connection, f: EventFilter, names: Mapping[str, str], interval: Period | Literal["auto"] = "auto", top: int = 10,
             unit: Unit = "mentions") -> Overview:
    """Events (or mentions) matching ``f`` over time (:func:`event_series`) and the top dyads, actors, roots and codes."""
    return Overview(
        event_series(conn, f, interval, unit), top_dyads(conn, f, top, unit=unit), top_actors(conn, f, top, unit),
        top_types(conn, f, names, top, "root", unit), top_types(conn, f, names, top, "cameo", unit), unit,
    )
