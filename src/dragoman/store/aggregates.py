"""Summary tables that let the workbench answer over millions of events (docs/store.md, "Summary tables").

Five tables, each kept in step with the rows it sums by SQLite triggers, so every write (the single
writer's batches, the cascade of a re-coded article, the regrouping of events, a migration) updates them in
the same transaction as the rows themselves:

- ``event_tallies``: the events (``unit='events'``, rows of ``event_groups``) and the mentions
  (``unit='mentions'``, rows of ``events``) counted per month and per year (``grain``) and per value of every
  column a filter or a chart uses (:data:`DIMENSIONS`), with the sum of their Goldstein scores in hundredths
  (``g``: integers, so adding and taking away never drifts). Each row is named by ``k``, every dimension
  quoted and joined, since two NULLs are never equal in a key.
- ``mention_names``: the actor mentions (``mentions`` rows with a code or a name) per code, name, country and kind.
- ``quote_speakers``: the quotes per speaker code, country and name.
- ``about_names``: every name of an actor a quote is about (``quote_mentions``), with how many rows have it.
- ``row_counts``: the number of rows of each big table.

:func:`dragoman.store.tallies.tally_source` reads ``event_tallies`` for the whole years and months of a
filter and the rows themselves for the days at its edges; it answers exactly what the rows would.
"""

from __future__ import annotations

import sqlite3

DIMENSIONS = ("source_code", "source_country", "source_name", "target_code", "target_country", "target_name",
              "cameo", "root", "plover", "quad_class", "place_name", "place_country", "lat", "lon")
"""The columns of ``events`` and ``event_groups`` that ``event_tallies`` keeps (``lat`` and ``lon`` rounded to
three decimals, as the map shows them)."""

GRAINS = {"month": "substr({d}, 1, 7) || '-01'", "year": "substr({d}, 1, 4) || '-01-01'"}
"""Each grain's period as SQL over an ISO date ``{d}``: the first day of its month or year (NULL when undated)."""

UNIT_TABLES = {"mentions": "events", "events": "event_groups"}
"""The rows of each unit (``queries.Unit``): a mention is a row of ``events``, an event a row of ``event_groups``."""
UNIT_ALIASES = {"mentions": "e", "events": "g"}
"""The alias every query gives those tables (``queries.FROM``)."""
COUNTED_TABLES = ("articles", "mentions", "events", "event_groups", "quotes")
"""The tables whose rows ``row_counts`` keeps (written without ``INSERT OR REPLACE``, so a trigger sees every
row that goes)."""

GOLDSTEIN = "CAST(round({r}.goldstein * 100) AS INTEGER)"


def dimension_value(row: str, column: str) -> str:
    """SQL for the value of ``row``'s dimension ``column`` as ``event_tallies`` keeps it (``tallies.tally_source``
    reads the rows at a filter's edges through the same expression, so both sides agree)."""
    return f"round({row}.{column}, 3)" if column in ("lat", "lon") else f"{row}.{column}"


def _key(row: str, grain: str) -> str:
    parts = [GRAINS[grain].format(d=f"{row}.date")] + [dimension_value(row, c) for c in DIMENSIONS]
    return " || '|' || ".join(f"quote({p})" for p in parts)


def _tally_add(unit: str, grain: str, row: str) -> str:
    columns = ", ".join(DIMENSIONS)
    values = ", ".join(dimension_value(row, c) for c in DIMENSIONS)
    return (f"INSERT INTO event_tallies(grain, unit, k, period, {columns}, n, g) VALUES ('{grain}', '{unit}', {_key(row, grain)},"
            f" {GRAINS[grain].format(d=f'{row}.date')}, {values}, 1, {GOLDSTEIN.format(r=row)})"
            " ON CONFLICT(grain, unit, k) DO UPDATE SET n = n + 1, g = g + excluded.g;")


def _tally_remove(unit: str, grain: str, row: str) -> str:
    where = f"grain = '{grain}' AND unit = '{unit}' AND k = {_key(row, grain)}"
    return (f"UPDATE event_tallies SET n = n - 1, g = g - {GOLDSTEIN.format(r=row)} WHERE {where};"
            f" DELETE FROM event_tallies WHERE {where} AND n <= 0;")


_SPEAKER_KEY = "quote({r}.speaker_code) || '|' || quote({r}.speaker_country) || '|' || quote({r}.speaker_name)"
_NAME_KEY = "quote({r}.code) || '|' || quote({r}.name) || '|' || quote({r}.country) || '|' || quote({r}.kind)"


def trigger_statements() -> list[str]:
    """The triggers that keep the summary tables in step (``CREATE TRIGGER IF NOT EXISTS``)."""
    out = []
    dims = ", ".join(["date", *DIMENSIONS, "goldstein"])
    for unit, table in UNIT_TABLES.items():
        add = " ".join(_tally_add(unit, g, "new") for g in GRAINS)
        remove = " ".join(_tally_remove(unit, g, "old") for g in GRAINS)
        out += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_tally_insert AFTER INSERT ON {table} BEGIN {add} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_tally_delete AFTER DELETE ON {table} BEGIN {remove} END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_tally_update AFTER UPDATE OF {dims} ON {table} BEGIN {remove} {add} END",
        ]
    for table in COUNTED_TABLES:
        out += [
            f"CREATE TRIGGER IF NOT EXISTS {table}_count_insert AFTER INSERT ON {table} BEGIN"
            f" UPDATE row_counts SET n = n + 1 WHERE name = '{table}'; END",
            f"CREATE TRIGGER IF NOT EXISTS {table}_count_delete AFTER DELETE ON {table} BEGIN"
            f" UPDATE row_counts SET n = n - 1 WHERE name = '{table}'; END",
        ]
    new_key, old_key = _NAME_KEY.format(r="new"), _NAME_KEY.format(r="old")
    out += [
        "CREATE TRIGGER IF NOT EXISTS mentions_names_insert AFTER INSERT ON mentions WHEN new.code IS NOT NULL OR new.name IS NOT NULL BEGIN"
        f" INSERT INTO mention_names(k, code, name, country, kind, n) VALUES ({new_key}, new.code, new.name, new.country, new.kind, 1)"
        " ON CONFLICT(k) DO UPDATE SET n = n + 1; END",
        "CREATE TRIGGER IF NOT EXISTS mentions_names_delete AFTER DELETE ON mentions WHEN old.code IS NOT NULL OR old.name IS NOT NULL BEGIN"
        f" UPDATE mention_names SET n = n - 1 WHERE k = {old_key}; DELETE FROM mention_names WHERE k = {old_key} AND n <= 0; END",
        "CREATE TRIGGER IF NOT EXISTS mentions_names_update AFTER UPDATE OF code, name, country, kind ON mentions BEGIN"
        f" UPDATE mention_names SET n = n - 1 WHERE k = {old_key};"
        f" DELETE FROM mention_names WHERE k = {old_key} AND n <= 0;"
        f" INSERT INTO mention_names(k, code, name, country, kind, n) SELECT {new_key}, new.code, new.name, new.country, new.kind, 1"
        " WHERE new.code IS NOT NULL OR new.name IS NOT NULL ON CONFLICT(k) DO UPDATE SET n = n + 1; END",
    ]
    new_speaker, old_speaker = _SPEAKER_KEY.format(r="new"), _SPEAKER_KEY.format(r="old")
    add_speaker = (f"INSERT INTO quote_speakers(k, speaker_code, speaker_country, speaker_name, n) VALUES ({new_speaker}, new.speaker_code,"
                   " new.speaker_country, new.speaker_name, 1) ON CONFLICT(k) DO UPDATE SET n = n + 1;")
    remove_speaker = f"UPDATE quote_speakers SET n = n - 1 WHERE k = {old_speaker}; DELETE FROM quote_speakers WHERE k = {old_speaker} AND n <= 0;"
    out += [
        f"CREATE TRIGGER IF NOT EXISTS quotes_speakers_insert AFTER INSERT ON quotes BEGIN {add_speaker} END",
        f"CREATE TRIGGER IF NOT EXISTS quotes_speakers_delete AFTER DELETE ON quotes BEGIN {remove_speaker} END",
        f"CREATE TRIGGER IF NOT EXISTS quotes_speakers_update AFTER UPDATE OF speaker_code, speaker_country, speaker_name ON quotes BEGIN {remove_speaker} {add_speaker} END",
    ]
    out += [
        "CREATE TRIGGER IF NOT EXISTS quote_mentions_names_insert AFTER INSERT ON quote_mentions WHEN new.name IS NOT NULL BEGIN"
        " INSERT INTO about_names(name, n) VALUES (new.name, 1) ON CONFLICT(name) DO UPDATE SET n = n + 1; END",
        "CREATE TRIGGER IF NOT EXISTS quote_mentions_names_delete AFTER DELETE ON quote_mentions WHEN old.name IS NOT NULL BEGIN"
        " UPDATE about_names SET n = n - 1 WHERE name = old.name; DELETE FROM about_names WHERE name = old.name AND n <= 0; END",
        "CREATE TRIGGER IF NOT EXISTS quote_mentions_names_update AFTER UPDATE OF name ON quote_mentions BEGIN"
        " UPDATE about_names SET n = n - 1 WHERE name = old.name; DELETE FROM about_names WHERE name = old.name AND n <= 0;"
        " INSERT INTO about_names(name, n) SELECT new.name, 1 WHERE new.name IS NOT NULL ON CONFLICT(name) DO UPDATE SET n = n + 1; END",
    ]
    return out


def row_count(conn: sqlite3.Connection, table: str) -> int:
    """The rows of ``table`` (one of :data:`COUNTED_TABLES`), from ``row_counts``: no count of the table itself."""
    return int(conn.execute("SELECT n FROM row_counts WHERE name = ?", (table,)).fetchone()[0])


def walking_pays(conn: sqlite3.Connection, table: str, total: int, offset: int, limit: int, margin: int = 1) -> bool:
    """Whether to read a page of the ``total`` rows of ``table`` a filter keeps by walking an index in the page's
    order, testing each row, rather than gathering all ``total`` and sorting them: the walk reads about
    ``(offset + limit) * rows / total`` rows, the gathering ``total``; ``margin`` asks the walk to be that many times
    shorter (where matches cluster in the walk's order). The planner cannot tell how common a filter is; the
    exact ``total`` (from the summary tables) can."""
    return total > 0 and (offset + limit) * row_count(conn, table) * margin <= total * total


def rebuild_aggregates(conn: sqlite3.Connection) -> None:
    """Fill the summary tables again from the rows (a migration, or a store written without the triggers)."""
    conn.execute("DELETE FROM event_tallies")
    columns = ", ".join(DIMENSIONS)
    for unit, table in UNIT_TABLES.items():
        values = ", ".join(dimension_value("r", c) for c in DIMENSIONS)
        for grain in GRAINS:
            conn.execute(
                f"INSERT INTO event_tallies(grain, unit, k, period, {columns}, n, g)"
                f" SELECT '{grain}', '{unit}', {_key('r', grain)}, {GRAINS[grain].format(d='r.date')}, {values}, count(*), sum({GOLDSTEIN.format(r='r')})"
                f" FROM {table} r GROUP BY 3"
            )
    conn.execute("DELETE FROM mention_names")
    conn.execute(
        f"INSERT INTO mention_names(k, code, name, country, kind, n) SELECT {_NAME_KEY.format(r='m')}, code, name, country, kind, count(*)"
        " FROM mentions m WHERE code IS NOT NULL OR name IS NOT NULL GROUP BY 1"
    )
    conn.execute("DELETE FROM quote_speakers")
    conn.execute(f"INSERT INTO quote_speakers(k, speaker_code, speaker_country, speaker_name, n) SELECT {_SPEAKER_KEY.format(r='q')}, speaker_code,"
                 " speaker_country, speaker_name, count(*) FROM quotes q GROUP BY 1")
    conn.execute("DELETE FROM about_names")
    conn.execute("INSERT INTO about_names(name, n) SELECT name, count(*) FROM quote_mentions WHERE name IS NOT NULL GROUP BY 1")
    conn.execute("DELETE FROM row_counts")
    for table in COUNTED_TABLES:
        conn.execute(f"INSERT INTO row_counts(name, n) SELECT '{table}', count(*) FROM {table}")  # names are ours
