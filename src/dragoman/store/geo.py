"""Events on the map: counted by country (a choropleth) and by place (points with the gazetteer's
coordinates, stored with each event by the places stage)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from dragoman.store.queries import EventFilter, Unit
from dragoman.store.tallies import mean, tally_source

MapSide = Literal["place", "source", "target"]
"""Which country of an event the choropleth counts: where it happened, or the country of its source or target."""
_COUNTRY_OF: dict[str, str] = {"place": "place_country", "source": "source_country", "target": "target_country"}


@dataclass(frozen=True, slots=True)
class CountryCount:
    """Events of one country (ISO 3166-1 alpha-3) and their mean Goldstein."""

    country: str
    events: int
    mean_goldstein: float


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """Events at one place of the gazetteer: its name, country, coordinates, events and mean Goldstein."""

    name: str
    country: str | None
    lat: float
    lon: float
    events: int
    mean_goldstein: float


@dataclass(frozen=True, slots=True)
class EventMap:
    side: MapSide
    events: int          # events matching the filter
    located: int         # ... of which have a place with coordinates
    countries: tuple[CountryCount, ...]
    places: tuple[PlaceCount, ...]
    unit: Unit = "mentions"   # what the counts count


def event_map(conn: sqlite3.Connection, f: EventFilter, side: MapSide = "place", places: int = 500, unit: Unit = "mentions") -> EventMap:
    """The events (or mentions) matching ``f`` by the country of ``side`` and by place (the ``places`` busiest places)."""
    if side not in _COUNTRY_OF:
        raise ValueError(f"side must be place, source or target, not {side!r}")
    source, params = tally_source(f, unit)
    column = _COUNTRY_OF[side]
    total, located = conn.execute(f"SELECT coalesce(sum(n), 0), coalesce(sum(n) FILTER (WHERE lat IS NOT NULL), 0) FROM {source}", params).fetchone()
    countries = tuple(
        CountryCount(c, int(n), mean(g, n) or 0.0)
        for c, n, g in conn.execute(f"SELECT {column}, sum(n), sum(g) FROM {source} WHERE {column} IS NOT NULL AND {column} <> '' GROUP BY 1 ORDER BY 2 DESC, 1",
                                    params)
    )
    rows = conn.execute(
        f"SELECT place_name, place_country, lat, lon, sum(n), sum(g) FROM {source} WHERE lat IS NOT NULL AND lon IS NOT NULL AND place_name IS NOT NULL"
        " GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1 LIMIT ?",
        [*params, places],
    ).fetchall()
    points = tuple(PlaceCount(n, c, float(la), float(lo), int(k), mean(g, k) or 0.0) for n, c, la, lo, k, g in rows)
    return EventMap(side, int(total), int(located), countries, points, unit)
