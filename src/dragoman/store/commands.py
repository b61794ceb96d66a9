"""The functions behind ``dragoman query ...``, ``export`` and ``migrate``: open the store, ask, close.

Reads go through a read-only connection, so a query never creates or changes a store.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path
from typing import Callable, TypeVar

from dragoman.errors import InputError
from dragoman.store.dyads import Interval, Network, NetworkLevel, Timeline, actor_network, dyad_timeline
from dragoman.store.exports import EVENT_FORMATS, NETWORK_FORMATS, write_csv, write_jsonl, write_network, write_parquet
from dragoman.store.migrations import LATEST, schema_version
from dragoman.store.explaining import EventExplanation, explain_event as explain_stored_event
from dragoman.store.queries import EventFilter, EventRow, Page, QuoteRow, SearchHit, SearchKind, Unit, find_events, find_quotes, search
from dragoman.store.reading import cameo_names, open_readonly

T = TypeVar("T")


def _read(db: Path, ask: Callable[[sqlite3.Connection], T]) -> T:
    conn = open_readonly(db)
    try:
        return ask(conn)
    finally:
        conn.close()


def query_events(db: Path, f: EventFilter, limit: int = 100, offset: int = 0, unit: Unit = "mentions") -> Page[EventRow]:
    names = cameo_names()
    return _read(db, lambda c: find_events(c, f, limit, offset, names, unit))


def query_timeline(db: Path, a: str, b: str, interval: Interval = "day", start: dt.date | None = None, end: dt.date | None = None,
                   unit: Unit = "events") -> Timeline:
    return _read(db, lambda c: dyad_timeline(c, a, b, interval, start, end, unit))


def query_network(db: Path, start: dt.date | None = None, end: dt.date | None = None, level: NetworkLevel = "actor", min_events: int = 1,
                  unit: Unit = "events") -> Network:
    return _read(db, lambda c: actor_network(c, start, end, level, min_events, unit=unit))


def explain_event(db: Path, event_id: str) -> EventExplanation:
    """Which mentions make the event ``event_id`` and why; an :class:`InputError` when the store has no such event."""
    names = cameo_names()
    found = _read(db, lambda c: explain_stored_event(c, event_id, names))
    if found is None:
        raise InputError(f"no event with id {event_id!r} in {db}; event ids are in `dragoman query events --count events` (event_id)")
    return found


def query_quotes(db: Path, speaker: str | None, limit: int = 100, offset: int = 0, about: str | None = None) -> Page[QuoteRow]:
    return _read(db, lambda c: find_quotes(c, speaker, limit, offset, about))


def query_search(db: Path, text: str, kind: SearchKind = "articles", limit: int = 20, offset: int = 0) -> Page[SearchHit]:
    return _read(db, lambda c: search(c, text, kind, limit, offset))


def export(
    db: Path, fmt: str, out: Path | None, f: EventFilter, level: NetworkLevel = "actor", min_events: int = 1, unit: Unit | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write events (csv, jsonl, parquet: mentions unless ``unit="events"``) or the actor network (graphml, gexf:
    events unless ``unit="mentions"``); ``out=None`` is stdout for csv and jsonl. Returns the number of rows (or edges)
    written. ``progress(done, total)`` is called as rows are written (every thousand, and at the end)."""
    if fmt not in EVENT_FORMATS + NETWORK_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EVENT_FORMATS + NETWORK_FORMATS)}")
    if out is None and fmt not in ("csv", "jsonl"):
        raise InputError(f"{fmt} is a binary or XML file; give --out FILE")
    names = cameo_names()
    conn = open_readonly(db)
    try:
        tick: Callable[[int], None] | None = None
        if progress is not None and fmt in EVENT_FORMATS:
            total, report = find_events(conn, f, limit=1).total, progress

            def tick(done: int) -> None:
                report(done, total)
        if fmt in ("csv", "jsonl"):
            write = write_csv if fmt == "csv" else write_jsonl
            if out is None:
                return write(conn, sys.stdout, f, names, unit or "mentions", tick)
            with out.open("w", encoding="utf-8", newline="") as handle:
                return write(conn, handle, f, names, unit or "mentions", tick)
        if fmt == "parquet":
            assert out is not None
            return write_parquet(conn, out, f, names, unit=unit or "mentions", progress=tick)
        assert out is not None
        return write_network(conn, out, "graphml" if fmt == "graphml" else "gexf", f, level, min_events, unit or "events")
    finally:
        conn.close()


def migrate_store(db: Path) -> tuple[int, int]:
    """Upgrade ``db`` to the current schema; returns (version before, version after)."""
    from dragoman.store.writer import connect

    if not db.is_file():
        raise InputError(f"no database at {db}")
    conn = sqlite3.connect(db)
    try:
        before = schema_version(conn)
    finally:
        conn.close()
    connect(db).close()
    return before, LATEST
