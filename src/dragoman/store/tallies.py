"""Counting events fast: the rows matching a filter as whole years and months of ``event_tallies`` plus the days
at the filter's edges (``store/aggregates.py`` keeps the tallies; docs/store.md, "Summary tables").

:func:`tally_source` is a subquery whose rows have the columns ``date``, :data:`~dragoman.store.aggregates.DIMENSIONS`,
``n`` (how many events or mentions the row stands for) and ``g`` (their Goldstein scores summed, in hundredths).
Summing ``n`` and ``g`` over it, grouped by any of its columns, gives what counting the events or mentions
themselves gives: a row of the tallies is many of them with equal columns, and a day at the edge is read from
the rows. ``date`` is an event's own date on a row read from the events, and the first day of its month or year
on a tally: group by time only as finely as ``finest``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from typing import Literal

from dragoman.store.aggregates import DIMENSIONS, GOLDSTEIN, UNIT_ALIASES, UNIT_TABLES, dimension_value
from dragoman.store.queries import EventFilter, Unit, check_unit, where_clause

Grain = Literal["month", "year"]

_EARLIEST, _LATEST = dt.date.min, dt.date.max


def _row_columns(alias: str) -> str:
    """The columns of :func:`tally_source` over the rows ``alias``: each row counts once, as the tallies count it."""
    return ", ".join([f"{alias}.date AS date", *(f"{dimension_value(alias, c)} AS {c}" for c in DIMENSIONS), "1 AS n", f"{GOLDSTEIN.format(r=alias)} AS g"])


_TALLY_COLUMNS = ", ".join(["t.period AS date", *(f"t.{c} AS {c}" for c in DIMENSIONS), "t.n AS n", "t.g AS g"])


def _next_month(day: dt.date) -> dt.date | None:
    if day.year == _LATEST.year and day.month == 12:
        return None
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def _month_end(day: dt.date) -> dt.date:
    after = _next_month(day)
    return _LATEST if after is None else after - dt.timedelta(days=1)


Piece = tuple[str, dt.date, dt.date]
"""``(grain, first, last)``: whole periods of ``grain`` (``year``, ``month``) from the one starting on ``first`` to the
one starting on ``last``, or, for ``day``, the days ``first`` to ``last``."""


def _split(first: dt.date, last: dt.date, grain: str) -> list[Piece]:
    """The days ``first``..``last`` as the whole periods of ``grain`` inside them and the days left at each side
    (themselves split by the next finer grain)."""
    if first > last:
        return []
    if grain == "day":
        return [("day", first, last)]
    finer = "month" if grain == "year" else "day"
    if grain == "year":
        start = first if (first.month, first.day) == (1, 1) else (dt.date(first.year + 1, 1, 1) if first.year < _LATEST.year else None)
        end_year = last.year if (last.month, last.day) == (12, 31) else last.year - 1
        if start is None or end_year < start.year:
            return _split(first, last, finer)
        whole_last = dt.date(end_year, 1, 1)
        after = dt.date(end_year, 12, 31)
    else:
        start = first if first.day == 1 else _next_month(first)
        month = last.replace(day=1)
        if _month_end(last) != last and month == dt.date.min:
            return _split(first, last, finer)  # no month before the first of year 1
        whole_last = month if _month_end(last) == last else (month - dt.timedelta(days=1)).replace(day=1)
        if start is None or whole_last < start:
            return _split(first, last, finer)
        after = _month_end(whole_last)
    pieces = _split(first, start - dt.timedelta(days=1), finer) if start > first else []
    pieces.append((grain, start, whole_last))
    if after < last:
        pieces += _split(after + dt.timedelta(days=1), last, finer)
    return pieces


def tally_source(f: EventFilter, unit: Unit = "mentions", finest: Grain = "year") -> tuple[str, list[object]]:
    """``(SELECT ...)`` and its parameters: rows standing for the events (or mentions) matching ``f`` (see the
    module's docstring); tallies of ``finest`` or a finer grain only. A filter on one article reads the rows."""
    unit = check_unit(unit)
    table, alias = UNIT_TABLES[unit], UNIT_ALIASES[unit]
    rows = _row_columns(alias)
    if f.article_id:
        where, params = where_clause(f, unit)
        return f"(SELECT {rows} FROM {table} {alias}{where})", params
    undated = replace(f, start=None, end=None)
    tally_where, tally_params = where_clause(undated, unit, alias="t")
    row_where, row_params = where_clause(undated, unit)

    def tallies(grain: str, condition: str, bounds: list[object]) -> tuple[str, list[object]]:
        cond = (tally_where + " AND " if tally_where else " WHERE ") + f"t.grain = ? AND t.unit = ?{condition}"
        return f"SELECT {_TALLY_COLUMNS} FROM event_tallies t{cond}", [*tally_params, grain, unit, *bounds]

    if f.start is None and f.end is None:
        sql, params = tallies(finest, "", [])
        return f"({sql})", params
    parts: list[str] = []
    params = []
    for grain, first, last in _split(f.start or _EARLIEST, f.end or _LATEST, finest):
        if grain == "day":
            cond = (row_where + " AND " if row_where else " WHERE ") + f"{alias}.date >= ? AND {alias}.date <= ?"
            parts.append(f"SELECT {rows} FROM {table} {alias}{cond}")
            params += [*row_params, first.isoformat(), last.isoformat()]
        else:
            sql, more = tallies(grain, " AND t.period >= ? AND t.period <= ?", [first.isoformat(), last.isoformat()])
            parts.append(sql)
            params += more
    if not parts:
        return f"(SELECT {rows} FROM {table} {alias} WHERE 0)", []
    return "(" + " UNION ALL ".join(parts) + ")", params


def mean(g: int, n: int) -> float | None:
    """The mean Goldstein score of ``n`` events whose scores sum to ``g`` hundredths (``None`` for none), exact, to
    three decimals (a half away from zero)."""
    if not n:
        return None
    thousandths = (20 * abs(g) + n) // (2 * n)  # g / 100 / n in thousandths, a half rounded up, in integers
    return (thousandths if g >= 0 else -thousandths) / 1000


def actor_ways(conn: sqlite3.Connection, actor: str, unit: Unit) -> tuple[str, ...]:
    """How a side can match ``actor`` (``code``, ``country``) in the stored events (or mentions), from the year
    tallies: by its country only when every row coded ``actor`` is also of country ``actor`` (a state), by its code
    only when no row has ``actor`` for country (an office, a group), else both. The condition then selects the same
    rows, and an index on the country or the dyad can serve it."""
    def any_row(condition: str) -> bool:
        found = conn.execute(f"SELECT EXISTS (SELECT 1 FROM event_tallies WHERE grain = 'year' AND unit = ? AND ({condition}))",
                             (unit, *[actor] * condition.count("?"))).fetchone()[0]
        return bool(found)

    as_country = any_row("source_country = ? OR target_country = ?")
    odd_code = any_row("(source_code = ? AND source_country IS NOT ?) OR (target_code = ? AND target_country IS NOT ?)")
    if as_country and not odd_code:
        return ("country",)
    if not as_country:
        return ("code",)
    return ("code", "country")
