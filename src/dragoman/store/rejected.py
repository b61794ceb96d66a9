"""The inputs the pipeline did not code (the ``rejections`` table), listed page by page and counted by reason."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from dragoman.store.queries import Page


@dataclass(frozen=True, slots=True)
class RejectionRow:
    """An input the pipeline did not code: its id, where it came from, the stage that refused it and why."""

    doc_id: str
    source: str
    stage: str
    reason: str
    detail: str


@dataclass(frozen=True, slots=True)
class ReasonCount:
    stage: str
    reason: str
    rejections: int


@dataclass(frozen=True, slots=True)
class Rejections:
    """One page of rejections, and the count of every (stage, reason) in the store."""

    page: Page[RejectionRow]
    reasons: tuple[ReasonCount, ...]


def rejection_where(stage: str | None = None, reason: str | None = None) -> tuple[str, list[object]]:
    """``WHERE ...`` (or ``""``) and its parameters over ``rejections``."""
    parts: list[str] = []
    params: list[object] = []
    if stage:
        parts.append("stage = ?")
        params.append(stage)
    if reason:
        parts.append("reason = ?")
        params.append(reason)
    return (" WHERE " + " AND ".join(parts) if parts else ""), params


def list_rejections(conn: sqlite3.Connection, stage: str | None = None, reason: str | None = None, limit: int = 50, offset: int = 0) -> Rejections:
    """Rejections by ``stage`` and ``reason`` when given, ordered by source, with the counts by reason."""
    where, params = rejection_where(stage, reason)
    total = int(conn.execute(f"SELECT count(*) FROM rejections{where}", params).fetchone()[0])
    rows = conn.execute(
        f"SELECT doc_id, source, stage, reason, detail FROM rejections{where} ORDER BY source, doc_id LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    reasons = conn.execute("SELECT stage, reason, count(*) FROM rejections GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2").fetchall()
    return Rejections(Page(tuple(RejectionRow(*r) for r in rows), total, limit, offset), tuple(ReasonCount(s, r, int(n)) for s, r, n in reasons))
