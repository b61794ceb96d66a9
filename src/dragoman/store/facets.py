"""Facet counts beside an events list (as datasette shows them), and the catalogue of event types.

:func:`event_facets` counts the events matching a filter by CAMEO root, QuadClass, PLOVER type and the
countries of either side and of the place; each value is a link to the list narrowed by it.
:func:`event_types` is the CAMEO tree (roots, base and sub-codes, with their names) and the PLOVER
types, each with its number of stored events, for the event-type picker.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Mapping

from dragoman.store.queries import EventFilter, Unit, cameo_name
from dragoman.store.tallies import tally_source

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet (``value`` is what the filter takes), its label and its number of events."""

    value: str
    label: str | None
    events: int


@dataclass(frozen=True, slots=True)
class Facet:
    """Counts of one field: ``param`` is the events filter it narrows; ``more`` says values were left off."""

    name: str
    param: str
    values: tuple[FacetValue, ...]
    more: bool


@dataclass(frozen=True, slots=True)
class Facets:
    total: int
    facets: tuple[Facet, ...]
    unit: Unit = "mentions"   # what the counts count


# name, filter parameter, SQL expression counted
_FACETS: tuple[tuple[str, str, str], ...] = (
    ("CAMEO root", "root", "root"),
    ("QuadClass", "quad_class", "quad_class"),
    ("PLOVER", "plover", "plover"),
    ("source country", "source", "source_country"),
    ("target country", "target", "target_country"),
    ("place country", "place", "place_country"),
)


def event_facets(conn: sqlite3.Connection, f: EventFilter, names: Mapping[str, str], top: int = 12, unit: Unit = "mentions") -> Facets:
    """Counts of the events (or mentions) matching ``f`` by each facet field, most frequent first (``top`` per facet)."""
    source, params = tally_source(f, unit)
    total = int(conn.execute(f"SELECT coalesce(sum(n), 0) FROM {source}", params).fetchone()[0])
    facets = []
    for name, param, expr in _FACETS:
        rows = conn.execute(f"SELECT {expr}, sum(n) FROM {source} WHERE {expr} IS NOT NULL AND {expr} <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?",
                            [*params, top + 1]).fetchall()
        values = tuple(FacetValue(str(v), _label(param, v, names), int(n)) for v, n in rows[:top])
        facets.append(Facet(name, param, values, len(rows) > top))
    return Facets(total, tuple(facets), unit)


def _label(param: str, value: object, names: Mapping[str, str]) -> str | None:
    if param == "root":
        return cameo_name(names, str(value))
    if param == "quad_class":
        return QUAD_NAMES.get(int(str(value)))
    return None


@dataclass(frozen=True, slots=True)
class EventType:
    """A CAMEO code: its name, its parent code (``None`` for a root), QuadClass, PLOVER type and stored events
    (of the code itself; a root's ``events`` counts every code under it)."""

    code: str
    name: str
    parent: str | None
    quad_class: int
    plover: str | None
    events: int


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    events: int


@dataclass(frozen=True, slots=True)
class EventTypes:
    cameo: tuple[EventType, ...]
    plover: tuple[PloverType, ...]


@dataclass(frozen=True, slots=True)
class CameoEntry:
    """What the catalogue needs of a CAMEO code (from the events stage's ``cameo.tsv``)."""

    code: str
    name: str
    quad_class: int
    plover: str | None


def cameo_catalogue() -> tuple[CameoEntry, ...]:
    """Every CAMEO code of the events stage's table, in code order."""
    from dragoman.events import load_cameo_table

    table = load_cameo_table()
    return tuple(CameoEntry(c.code, c.name, c.quad_class, c.plover) for c in sorted(table.codes.values(), key=lambda c: c.code))


def _parent(code: str, known: set[str]) -> str | None:
    for end in range(len(code) - 1, 1, -1):
        if code[:end] in known:
            return code[:end]
    return None


def event_types(conn: sqlite3.Connection, catalogue: tuple[CameoEntry, ...]) -> EventTypes:
    """The CAMEO tree and the PLOVER types with their stored events (the codes come from ``catalogue``,
    plus any stored code the catalogue lacks)."""
    source, params = tally_source(EventFilter())
    by_code = {code: int(n) for code, n in conn.execute(f"SELECT cameo, sum(n) FROM {source} GROUP BY 1", params)}
    by_root = {root: int(n) for root, n in conn.execute(f"SELECT root, sum(n) FROM {source} GROUP BY 1", params)}
    entries = {e.code: e for e in catalogue}
    known = set(entries)
    for code in by_code:
        if code not in known:
            base = next((entries[code[:end]] for end in range(len(code) - 1, 1, -1) if code[:end] in entries), None)
            entries[code] = CameoEntry(code, base.name if base else code, base.quad_class if base else 0, base.plover if base else None)
    known = set(entries)
    cameo = tuple(
        EventType(e.code, e.name, _parent(e.code, known), e.quad_class, e.plover, by_root.get(e.code, 0) if len(e.code) == 2 else by_code.get(e.code, 0))
        for e in sorted(entries.values(), key=lambda e: e.code)
    )
    stored = {p: int(n) for p, n in conn.execute(f"SELECT plover, sum(n) FROM {source} WHERE plover IS NOT NULL AND plover <> '' GROUP BY 1", params)}
    names = sorted({e.plover for e in entries.values() if e.plover} | set(stored))
    return EventTypes(cameo, tuple(PloverType(p, stored.get(p, 0)) for p in names))
