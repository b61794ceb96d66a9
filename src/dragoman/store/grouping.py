"""Keeping ``event_groups`` in step with ``events``, inside the writer's transaction (which mentions are one
event: :mod:`dragoman.store.merging`).

Incremental and index-based. A batch notes the merge key and date of every mention it adds or removes
(:class:`MergeChanges`); at its end, :func:`regroup` recomputes only what those can change. Within one merge
key, an event's dates lie within the window, so the dates of a key fall into *segments* (runs of dates with no
gap wider than the window) and no event spans two. A change can only move mentions of the segments within the
window of a changed date, so those are read (through the index ``events(merge_key, date)``), clustered again,
and their old events replaced; every other event of the store stays as it is. The undated mentions of a key
are one segment of their own.

The result is what :func:`regroup_all` (the whole store at once) gives, whatever the order of the batches
(tested), so a store migrated, loaded from Parquet or coded in any order holds the same events.
"""

from __future__ import annotations

import bisect
import datetime as dt
import sqlite3
from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Mapping, Sequence

from dragoman.store.merging import Mention, MergedEvent, actor_key, merge, merge_key

WINDOW_META = "merge_window_days"
"""The ``meta`` key holding the window the store's events were grouped with."""

GROUP_COLUMNS = tuple(f.name for f in fields(MergedEvent))

_MENTION_SQL = (
    "SELECT e.id, e.article_id, e.date, e.cameo, e.root, e.plover, e.goldstein, e.quad_class, e.place_name, e.place_country, e.lat, e.lon,"
    " e.evidence_start, e.evidence_end, e.evidence_text, e.rule, e.confidence,"
    " e.source_text, e.source_name, e.source_code, e.source_country, e.source_start,"
    " e.target_text, e.target_name, e.target_code, e.target_country, e.target_start,"
    " a.date, a.outlet, a.source, e.group_id"
    " FROM events e JOIN articles a ON a.id = e.article_id"
)
_INSERT_GROUP = f"INSERT INTO event_groups({', '.join(GROUP_COLUMNS)}) VALUES ({', '.join('?' * len(GROUP_COLUMNS))})"


def outlet_key(outlet: str | None, source: str) -> str:
    """Whom an article counts as among an event's ``sources``: its outlet, case-blind; without one, the input
    it was read from (``articles.source``: a file, or a line of a JSONL file)."""
    return outlet.casefold() if outlet else f"input:{source}"


def _mention(row: Sequence[Any]) -> Mention:
    *head, report_date, outlet, source, group_id = row
    return Mention(*head, report_date, outlet_key(outlet, source), group_id)  # type: ignore[call-arg]  # head: the columns of Mention up to report_date


def mentions_where(conn: sqlite3.Connection, where: str, params: Sequence[object]) -> list[Mention]:
    """The mentions (with their article's date and outlet) of ``events e`` rows matching ``where``."""
    return [_mention(r) for r in conn.execute(f"{_MENTION_SQL} WHERE {where}", params)]


def merge_key_of(row: Mapping[str, Any]) -> str:
    """The merge key of an ``events`` row (its columns by name, as :mod:`dragoman.store.rows` flattens an event)."""
    source = actor_key(row["source_code"], row["source_country"], row["source_name"], row["source_kind"])
    target = None if row["target_text"] is None else actor_key(row["target_code"], row["target_country"], row["target_name"], row["target_kind"])
    return merge_key(source, target, row["root"])


@dataclass(slots=True)
class MergeChanges:
    """What one batch changed: the dates (``None``: undated) of the mentions added or removed, by merge key, and
    the events of the removed ones."""

    dates: dict[str, set[str | None]] = field(default_factory=dict)
    stale: set[str] = field(default_factory=set)

    def note(self, key: str, date: str | None) -> None:
        self.dates.setdefault(key, set()).add(date)

    def note_removal(self, conn: sqlite3.Connection, article_id: str) -> None:
        """Note the mentions of ``article_id`` before its rows are deleted."""
        for key, date, group in conn.execute("SELECT merge_key, date, group_id FROM events WHERE article_id = ?", (article_id,)):
            if key is not None:
                self.note(key, date)
            if group is not None:
                self.stale.add(group)


def _day(date: str) -> int:
    return dt.date.fromisoformat(date).toordinal()


def segments(stored: Iterable[str], changed: Sequence[int], window: int) -> list[tuple[str, str]]:
    """The (first, last) dates of the segments of ``stored`` (a key's sorted distinct dates) that lie within
    ``window`` days of a ``changed`` day (sorted ordinals)."""
    runs: list[tuple[str, int, str, int]] = []
    for date in stored:
        day = _day(date)
        if runs and day - runs[-1][3] <= window:
            first, first_day, _, _ = runs[-1]
            runs[-1] = (first, first_day, date, day)
        else:
            runs.append((date, day, date, day))
    out = []
    for first, first_day, last, last_day in runs:
        i = bisect.bisect_left(changed, first_day - window)
        if i < len(changed) and changed[i] <= last_day + window:
            out.append((first, last))
    return out


def _affected(conn: sqlite3.Connection, key: str, dates: set[str | None], window: int) -> list[Mention]:
    """The mentions of ``key`` whose events a change at ``dates`` may alter."""
    out: list[Mention] = []
    changed = sorted(_day(d) for d in dates if d is not None)
    if changed:
        stored = [r[0] for r in conn.execute("SELECT DISTINCT date FROM events WHERE merge_key = ? AND date IS NOT NULL ORDER BY date", (key,))]
        for first, last in segments(stored, changed, window):
            out += mentions_where(conn, "e.merge_key = ? AND e.date BETWEEN ? AND ?", (key, first, last))
    if None in dates:
        out += mentions_where(conn, "e.merge_key = ? AND e.date IS NULL", (key,))
    return out


def _replace(conn: sqlite3.Connection, old: Iterable[str], made: list[tuple[MergedEvent, list[Mention]]]) -> None:
    gone = sorted(set(old))
    for start in range(0, len(gone), 500):  # under SQLite's limit on parameters
        chunk = gone[start : start + 500]
        conn.execute(f"DELETE FROM event_groups WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    conn.executemany(_INSERT_GROUP, [tuple(getattr(e, c) for c in GROUP_COLUMNS) for e, _ in made])
    conn.executemany("UPDATE events SET group_id = ? WHERE id = ?", [(e.id, m.row_id) for e, members in made for m in members if m.group_id != e.id])


def regroup(conn: sqlite3.Connection, changes: MergeChanges, window: int) -> None:
    """Bring the events of the keys in ``changes`` up to date (call it after the batch's rows are written).

    An event made again of exactly the mentions it had (none of them removed, none added) is the same row, and is
    left as it is."""
    old = set(changes.stale)
    made: list[tuple[MergedEvent, list[Mention]]] = []
    for key in sorted(changes.dates):
        mentions = _affected(conn, key, changes.dates[key], window)
        had = Counter(m.group_id for m in mentions if m.group_id is not None)
        for event, members in merge(key, mentions, window):
            if event.id not in changes.stale and had[event.id] == len(members) and all(m.group_id == event.id for m in members):
                del had[event.id]  # unchanged
            else:
                made.append((event, members))
        old.update(had)
    _replace(conn, old, made)


def regroup_all(conn: sqlite3.Connection, window: int) -> None:
    """Group every mention of the store again, with ``window``, and record the window."""
    conn.execute("DELETE FROM event_groups")
    keys = [k for (k,) in conn.execute("SELECT DISTINCT merge_key FROM events WHERE merge_key IS NOT NULL ORDER BY merge_key")]
    for key in keys:
        _replace(conn, (), merge(key, mentions_where(conn, "e.merge_key = ?", (key,)), window))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (WINDOW_META, str(window)))


def stored_window(conn: sqlite3.Connection) -> int | None:
    """The window the store's events were grouped with; ``None`` when the store has not recorded one."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (WINDOW_META,)).fetchone()
    return int(row[0]) if row is not None else None


def ensure_window(conn: sqlite3.Connection, window: int) -> None:
    """Regroup the whole store when its events were grouped with another window than ``window``."""
    if stored_window(conn) != window:
        regroup_all(conn, window)
