"""Stores as older versions of dragoman wrote them, made from a current one (for migration tests)."""

from __future__ import annotations

import sqlite3


def downgrade_to_v5(conn: sqlite3.Connection) -> None:
    """Take out what version 6 added (events and mentions: outlets, merge keys, event_groups) and mark the store version 5."""
    with conn:
        for index in ("events_merge", "events_group"):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("DROP TABLE event_groups")
        conn.execute("ALTER TABLE events DROP COLUMN merge_key")
        conn.execute("ALTER TABLE events DROP COLUMN group_id")
        conn.execute("ALTER TABLE articles DROP COLUMN outlet")
        conn.execute("DELETE FROM meta WHERE key = 'merge_window_days'")
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
