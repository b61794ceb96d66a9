"""Stores as older versions of dragoman wrote them, made from a current one (for migration tests)."""

from __future__ import annotations

import sqlite3

V7_INDEXES = ("articles_date", "quotes_speaker_code", "quotes_speaker_country", *(f"{t}_sort_{c}" for t in ("events", "event_groups")
              for c in ("goldstein", "quad", "confidence", "source", "target")))


def downgrade_to_v6(conn: sqlite3.Connection) -> None:
    """Take out what version 7 added (the summary tables, their triggers, indexes) and mark the store version 6."""
    with conn:
        for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name LIKE '%tally%' OR name LIKE '%count%' OR name LIKE '%speakers%'"
                                       " OR name LIKE '%names%')").fetchall():
            conn.execute(f"DROP TRIGGER {trigger}")
        for table in ("event_tallies", "mention_names", "quote_speakers", "about_names", "row_counts"):
            conn.execute(f"DROP TABLE {table}")
        for index in V7_INDEXES:
            conn.execute(f"DROP INDEX {index}")
        conn.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")


def downgrade_to_v5(conn: sqlite3.Connection) -> None:
    """Take out what versions 6 and 7 added (events and mentions: outlets, merge keys, event_groups) and mark the store version 5."""
    downgrade_to_v6(conn)
    with conn:
        for index in ("events_merge", "events_group"):
            conn.execute(f"DROP INDEX {index}")
        conn.execute("DROP TABLE event_groups")
        conn.execute("ALTER TABLE events DROP COLUMN merge_key")
        conn.execute("ALTER TABLE events DROP COLUMN group_id")
        conn.execute("ALTER TABLE articles DROP COLUMN outlet")
        conn.execute("DELETE FROM meta WHERE key = 'merge_window_days'")
        conn.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
