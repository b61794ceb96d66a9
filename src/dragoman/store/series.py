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
from dataclasses import dataclass
from typing import Literal

from dragoman.store.queries import EventFilter, where_clause

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


def event_series(conn: sqlite3.Connection, f: EventFilter, interval: Period | Literal["auto"] = "month") -> Series:
    """The events matching ``f`` per period, every period from the first to the last day shown.

    The axis runs from the filter's ``start`` (else the first dated event) to its ``end`` (else the
    last). ``interval="auto"`` picks the finest period with at most :data:`AUTO_PERIODS` bins. An axis
    of more than :data:`MAX_PERIODS` periods is first narrowed to the matching events' own dates, then,
    if still too long, drawn with a longer period: ``Series.interval``, ``first`` and ``last`` say what
    was drawn.
    """
    if interval != "auto" and interval not in _PERIOD_SQL:
        raise ValueError(f"interval must be one of {', '.join(PERIODS)} or auto, not {interval!r}")
    where, params = where_clause(f)
    low, high, dated, undated = conn.execute(
        f"SELECT min(date), max(date), count(date), count(*) - count(date) FROM events e{where}", params).fetchone()
    first, last = f.start or _day(low), f.end or _day(high)
    if first is None or last is None or first > last:
        return Series("month" if interval == "auto" else interval, None, None, int(dated), int(undated), ())
    chosen: Period = choose_interval(first, last) if interval == "auto" else interval
    if count_periods(first, last, chosen) > MAX_PERIODS and low is not None:
        first, last = max(first, _day(low) or first), min(last, _day(high) or last)
    while count_periods(first, last, chosen) > MAX_PERIODS and chosen != "year":
        chosen = PERIODS[PERIODS.index(chosen) + 1]
    dated_where = (where + " AND" if where else " WHERE") + " date IS NOT NULL"
    rows = conn.execute(
        f"SELECT {_PERIOD_SQL[chosen]} AS period, count(*), sum(quad_class = 1), sum(quad_class = 2), sum(quad_class = 3),"
        f" sum(quad_class = 4), avg(goldstein) FROM events e{dated_where} GROUP BY period",
        params,
    ).fetchall()
    found = {period: (n, q1, q2, q3, q4, mean) for period, n, q1, q2, q3, q4, mean in rows}
    bins: list[SeriesBin] = []
    start: dt.date | None = period_start(first, chosen)
    while start is not None and start <= last:
        after = next_period(start, chosen)
        last_day = (after - dt.timedelta(days=1)) if after is not None else dt.date.max
        key = start.isoformat()
        n, q1, q2, q3, q4, mean = found.get(key, (0, 0, 0, 0, 0, None))
        bins.append(SeriesBin(key, last_day.isoformat(), n, q1, q2, q3, q4, None if mean is None else round(mean, 3)))
        start = after
    return Series(chosen, bins[0].period, bins[-1].last_day, int(dated), int(undated), tuple(bins))
