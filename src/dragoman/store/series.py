"""Events over a true time axis: counts per period by QuadClass and mean Goldstein, empty periods included.

:func:`event_series` answers for any :class:`EventFilter` (a dyad one way is ``source=A, target=B``,
an actor is ``actor=X``), so the overview, the actor page and the dyad timeline of the web UI draw
the same bars. A period is named by its first day; weeks start on Monday (ISO), quarters in January,
April, July and October. Periods without events are in the answer with zero counts, from the filter's
``start`` (else the first dated event) to its ``end`` (else the last), so a chart's x axis is time.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from typing import Literal

from dragoman.store.aggregates import GOLDSTEIN, UNIT_ALIASES, UNIT_TABLES
from dragoman.store.queries import EventFilter, Unit, check_unit, where_clause
from dragoman.store.tallies import mean, tally_source

Period = Literal["day", "week", "month", "quarter", "year"]
PERIODS: tuple[Period, ...] = ("day", "week", "month", "quarter", "year")
MAX_PERIODS = 5000
"""The most periods one series holds (about 13 years of days); a longer axis is narrowed or coarsened."""
AUTO_PERIODS = 120
"""``interval="auto"`` takes the finest period that gives at most this many bins."""

# The first day of an event's period, in SQL over the ISO date text (no index can serve a GROUP BY
# on an expression; the WHERE part of the query is what the indexes serve).
_PERIOD_SQL: dict[Period, str] = {
    "day": "substr(date, 1, 10)",
    "week": "date(date, 'weekday 0', '-6 days')",
    "month": "substr(date, 1, 7) || '-01'",
    "quarter": "substr(date, 1, 5) || printf('%02d', ((cast(substr(date, 6, 2) AS INTEGER) - 1) / 3) * 3 + 1) || '-01'",
    "year": "substr(date, 1, 4) || '-01-01'",
}


@dataclass(frozen=True, slots=True)
class SeriesBin:
    """One period: its first and last day, its events by QuadClass, and their mean Goldstein (``None`` if none)."""

    period: str
    last_day: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_goldstein: float | None


@dataclass(frozen=True, slots=True)
class Series:
    """Dated events matching a filter, per period from ``first`` to ``last`` (ISO days; ``None`` when there
    are no periods); ``undated`` counts the matching events without a date, which no period holds."""

    interval: Period
    first: str | None
    last: str | None
    events: int
    undated: int
    bins: tuple[SeriesBin, ...]
    unit: Unit = "mentions"   # what the counts count: mentions (each coded report) or events (reports of one act merged)


def period_start(day: dt.date, interval: Period) -> dt.date:
    """The first day of the period of ``interval`` that holds ``day``."""
    if interval == "day":
        return day
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def next_period(start: dt.date, interval: Period) -> dt.date | None:
    """The first day of the period after the one starting on ``start``; ``None`` past the calendar's end."""
    try:
        if interval == "day":
            return start + dt.timedelta(days=1)
        if interval == "week":
            return start + dt.timedelta(days=7)
        months = {"month": 1, "quarter": 3, "year": 12}[interval]
        index = start.year * 12 + start.month - 1 + months
        return dt.date(index // 12, index % 12 + 1, 1)
    except (OverflowError, ValueError):
        return None


def count_periods(first: dt.date, last: dt.date, interval: Period) -> int:
    """How many periods of ``interval`` the days ``first`` to ``last`` touch."""
    a, b = period_start(first, interval), period_start(last, interval)
    if interval == "day":
        return (b - a).days + 1
    if interval == "week":
        return (b - a).days // 7 + 1
    months = (b.year - a.year) * 12 + b.month - a.month
    return months // {"month": 1, "quarter": 3, "year": 12}[interval] + 1


def choose_interval(first: dt.date, last: dt.date, most: int = AUTO_PERIODS) -> Period:
    """The finest period giving at most ``most`` bins between ``first`` and ``last`` (else ``year``)."""
    return next((p for p in PERIODS if count_periods(first, last, p) <= most), "year")


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _exact_end(conn: sqlite3.Connection, f: EventFilter, unit: Unit, near: str | None, last: bool) -> dt.date | None:
    """The first (or ``last``) date of the rows matching ``f``, given ``near``: that date, or the first day of the
    month or year holding it (a tally's date); read from the rows between ``near`` and the end of its year."""
    day = _day(near)
    if day is None or len(near or "") < 10:
        return day
    span_end = next_period(period_start(day, "year"), "year")
    hi = (span_end - dt.timedelta(days=1)) if span_end is not None else dt.date.max
    narrowed = replace(f, start=max(filter(None, (f.start, day))), end=min(filter(None, (f.end, hi))))
    where, params = where_clause(narrowed, unit)
    t = UNIT_ALIASES[unit]
    found = conn.execute(f"SELECT {'max' if last else 'min'}({t}.date) FROM {UNIT_TABLES[unit]} {t}{where}", params).fetchone()[0]
    return _day(found) or day


def _bounds(conn: sqlite3.Connection, f: EventFilter, unit: Unit) -> tuple[dt.date | None, dt.date | None, int, int]:
    """The first and last dates of the events matching ``f``, and how many are dated and undated."""
    source, params = tally_source(f, unit)
    low, high, dated, undated = conn.execute(
        f"SELECT min(date), max(date), coalesce(sum(n) FILTER (WHERE date IS NOT NULL), 0), coalesce(sum(n) FILTER (WHERE date IS NULL), 0)"
        f" FROM {source}", params).fetchone()
    if low is None:
        return None, None, int(dated), int(undated)
    # a tally's date is the first day of its year: find the event's own date inside that year
    return _exact_end(conn, f, unit, low, False), _exact_end(conn, f, unit, high, True), int(dated), int(undated)


def event_series(conn: sqlite3.Connection, f: EventFilter, interval: Period | Literal["auto"] = "month", unit: Unit = "mentions") -> Series:
    """The events (or mentions) matching ``f`` per period, every period from the first to the last day shown.

    The axis runs from the filter's ``start`` (else the first dated event) to its ``end`` (else the
    last). ``interval="auto"`` picks the finest period with at most :data:`AUTO_PERIODS` bins. An axis
    of more than :data:`MAX_PERIODS` periods is first narrowed to the matching events' own dates, then,
    if still too long, drawn with a longer period: ``Series.interval``, ``first`` and ``last`` say what
    was drawn. Months, quarters and years are summed from the summary tables (``store/tallies.py``), days
    and weeks from the rows.
    """
    if interval != "auto" and interval not in _PERIOD_SQL:
        raise ValueError(f"interval must be one of {', '.join(PERIODS)} or auto, not {interval!r}")
    unit = check_unit(unit)
    low, high, dated, undated = _bounds(conn, f, unit)
    first, last = f.start or low, f.end or high
    if first is None or last is None or first > last:
        return Series("month" if interval == "auto" else interval, None, None, dated, undated, ())
    chosen: Period = choose_interval(first, last) if interval == "auto" else interval
    if count_periods(first, last, chosen) > MAX_PERIODS and low is not None:
        first, last = max(first, low or first), min(last, high or last)
    while count_periods(first, last, chosen) > MAX_PERIODS and chosen != "year":
        chosen = PERIODS[PERIODS.index(chosen) + 1]
    if chosen in ("day", "week"):
        where, params = where_clause(f, unit)
        t = UNIT_ALIASES[unit]
        dated_where = (where + " AND" if where else " WHERE") + f" {t}.date IS NOT NULL"
        source = f"(SELECT {t}.date AS date, {t}.quad_class AS quad_class, 1 AS n, {GOLDSTEIN.format(r=t)} AS g FROM {UNIT_TABLES[unit]} {t}{dated_where})"
    else:
        source, params = tally_source(f, unit, "year" if chosen == "year" else "month")
    rows = conn.execute(
        f"SELECT {_PERIOD_SQL[chosen]} AS period, sum(n), sum(n * (quad_class = 1)), sum(n * (quad_class = 2)), sum(n * (quad_class = 3)),"
        f" sum(n * (quad_class = 4)), sum(g) FROM {source} WHERE date IS NOT NULL GROUP BY period",
        params,
    ).fetchall()
    found = {period: (n, q1, q2, q3, q4, mean(g, n)) for period, n, q1, q2, q3, q4, g in rows}
    bins: list[SeriesBin] = []
    start: dt.date | None = period_start(first, chosen)
    while start is not None and start <= last:
        after = next_period(start, chosen)
        last_day = (after - dt.timedelta(days=1)) if after is not None else dt.date.max
        key = start.isoformat()
        n, q1, q2, q3, q4, avg = found.get(key, (0, 0, 0, 0, 0, None))
        bins.append(SeriesBin(key, last_day.isoformat(), n, q1, q2, q3, q4, avg))
        start = after
    return Series(chosen, bins[0].period, bins[-1].last_day, dated, undated, tuple(bins), unit)
