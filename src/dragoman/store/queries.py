"""Read queries over the store."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoreSummary:
    articles: int
    rejections: int
    mentions: int
    events: int
    quotes: int
    top_dyads: tuple[tuple[str, str, int, float], ...]


def summarize(conn: sqlite3.Connection, top: int = 10) -> StoreSummary:
    """Counts, and the most frequent country dyads with their mean Goldstein."""
    def count(table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # table names are ours, not user input

    dyads = conn.execute(
        "SELECT source_country, target_country, count(*), round(avg(goldstein), 2) FROM events"
        " WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
        " GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?",
        (top,),
    ).fetchall()
    return StoreSummary(count("articles"), count("rejections"), count("mentions"), count("events"), count("quotes"), tuple((a, b, int(n), float(g)) for a, b, n, g in dyads))
