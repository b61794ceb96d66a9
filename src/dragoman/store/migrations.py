"""Schema versions: a fresh store gets ``schema.sql``; an older one is upgraded step by step.

``schema.sql`` always holds the whole current schema. Each entry of :data:`STEPS` upgrades a
store from version ``n`` to ``n + 1`` inside one transaction, so a migration killed halfway
leaves the old version intact and the next :func:`migrate` starts it again. A test checks that
a migrated version-1 store and a fresh store end with the same tables, columns and indexes.

Versions:

1. articles, removed, mentions, events, quotes, rejections
2. ``articles.text_sha`` and ``articles.seq`` (resumable runs), FTS5 over article text and
   quotes, indexes for the query API
3. the rows of ``store/rows.py``, as the Parquet output has them: ``stage`` on removed spans,
   mentions, events and quotes; the whole source, target and speaker mentions; every evidence
   span of an event (``events.evidence_all``); and the ``duplicates`` table. Rows stored
   before keep NULL stages and mention details; their ``evidence_all`` is their one stored span.
4. entity chains: ``mentions.entity`` and the chain of every event and quote actor (NULL in rows
   stored before).
5. ``quote_mentions``: the actors each quote is about (``Quote.about``). Re-derived from the
   stored quotes and mentions by the rule of ``quotes/about.py`` for articles whose mentions
   have entity chains (coded at version 4); articles coded before keep none until re-coded.
   ``quotes.mode`` (speech, writing, thought); NULL in rows stored before, read as speech.
6. events and mentions: ``articles.outlet`` (derived from the stored url and metadata as ingest derives it; an
   HTML page stored before keeps its url's domain, not its site name), ``events.merge_key`` and
   ``events.group_id``, and the ``event_groups`` table, filled by grouping every stored mention with the
   default ``store.merge_window_days`` (``meta.merge_window_days`` records the window used).
7. summary tables for the workbench at scale (``store/aggregates.py``): ``event_tallies`` (events and mentions per
   month and year and per value of every filtered column), ``mention_names`` and ``row_counts``, with the
   triggers that keep them in step, filled from the stored rows; indexes for the article list and quotes by speaker.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from importlib import resources
from typing import Callable

from dragoman.errors import InputError
from dragoman.settings import StoreSettings
from dragoman.store.aggregates import rebuild_aggregates, trigger_statements
from dragoman.store.grouping import WINDOW_META, merge_key_of, regroup_all

LATEST = 7


def schema_sql() -> str:
    return resources.files("dragoman.store").joinpath("schema.sql").read_text(encoding="utf-8")


def statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies included), comments kept."""
    out: list[str] = []
    current = ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip() and not all(part.strip().startswith("--") or not part.strip() for part in current.splitlines()):
        raise ValueError(f"incomplete SQL statement at the end of the schema: {current[:80]!r}")
    return out


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def schema_version(conn: sqlite3.Connection) -> int:
    """The store's version; 0 for an empty database."""
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return 0
    try:
        return int(row[0])
    except ValueError as e:
        raise InputError(f"meta.schema_version is {row[0]!r}, not a number; this is not a dragoman store") from e


def _apply_schema(conn: sqlite3.Connection, triggers: bool = False) -> None:
    """Run ``schema.sql`` (every statement is IF NOT EXISTS), and with ``triggers`` the summary tables' triggers
    (version 7 on). In an early migration step, an index on a column that a later step adds cannot be made yet:
    it is left to that step, which applies the schema again."""
    for stmt in statements(schema_sql()) + (trigger_statements() if triggers else []):
        try:
            conn.execute(stmt)
        except sqlite3.OperationalError as e:
            if not ("CREATE INDEX" in stmt and "no such column" in str(e)):
                raise


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    conn.create_function("dragoman_sha256", 1, text_sha, deterministic=True)
    conn.execute("ALTER TABLE articles ADD COLUMN text_sha TEXT")
    conn.execute("ALTER TABLE articles ADD COLUMN seq INTEGER")
    conn.execute("UPDATE articles SET seq = rowid, text_sha = dragoman_sha256(text)")
    _apply_schema(conn)  # FTS tables, triggers, indexes: all IF NOT EXISTS
    conn.execute("INSERT INTO articles_fts(rowid, title, text) SELECT seq, coalesce(title, ''), text FROM articles")
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")


def _mention_columns(prefix: str) -> list[str]:
    return [f"{prefix}_affiliation TEXT", f"{prefix}_start INTEGER", f"{prefix}_end INTEGER", f"{prefix}_kind TEXT",
            f"{prefix}_rule TEXT", f"{prefix}_sector TEXT", f"{prefix}_stage TEXT"]


_V3_COLUMNS: dict[str, list[str]] = {
    "removed": ["stage TEXT", "place TEXT"],
    "mentions": ["stage TEXT"],
    "events": [*_mention_columns("source"), *_mention_columns("target"), "evidence_all TEXT", "stage TEXT", "assertion TEXT"],
    "quotes": [*_mention_columns("speaker"), "stage TEXT"],
}


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    for table, columns in _V3_COLUMNS.items():
        for column in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column}")  # names are ours, not user input
    conn.execute(
        "UPDATE events SET evidence_all = json_array(json_object('start', evidence_start, 'end', evidence_end, 'text', evidence_text))"
    )
    _apply_schema(conn)  # the duplicates table: IF NOT EXISTS


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Entity chains: every mention, and the actor of every event and quote, names its chain."""
    conn.execute("ALTER TABLE mentions ADD COLUMN entity INTEGER")
    for table, prefixes in (("events", ("source", "target")), ("quotes", ("speaker",))):
        for prefix in prefixes:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {prefix}_entity INTEGER")  # names are ours
    _apply_schema(conn)


# quotes/about.py in SQL, over what the store keeps: the resolved mentions inside each quote, except the speaker's
# own (its chain, its span, a first-person pronoun). Only for articles with entity chains: without them the
# speaker's chain and resolved pronouns are unknown, and a guess would differ from what coding gives.
_ABOUT_FROM_STORED_ROWS = """
INSERT INTO quote_mentions(quote_id, start, "end", text, name, code, country, kind, sector, affiliation, rule, stage, entity)
SELECT q.id, m.start, m."end", m.text, m.name, m.code, m.country, m.kind, m.sector, m.affiliation, m.rule, m.stage, m.entity
FROM quotes q JOIN mentions m ON m.article_id = q.article_id AND q.start <= m.start AND m."end" <= q."end"
WHERE (m.entity IS NOT NULL OR m.code IS NOT NULL)
  AND NOT (q.speaker_start IS NOT NULL AND m.start < q.speaker_end AND q.speaker_start < m."end")
  AND NOT (q.speaker_entity IS NOT NULL AND m.entity IS NOT NULL AND m.entity = q.speaker_entity)
  AND NOT ((m.rule LIKE 'pronoun.%' OR m.rule = 'quote.continuation-pronoun')
           AND lower(m.text) IN ('i', 'me', 'my', 'mine', 'myself', 'we', 'us', 'our', 'ours', 'ourselves'))
  AND EXISTS (SELECT 1 FROM mentions c WHERE c.article_id = q.article_id AND c.entity IS NOT NULL)
ORDER BY q.id, m.start, m."end", m.id
"""


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    """The actors each quote is about: a table, filled from the stored quotes and mentions where it can be;
    and each quote's mode (NULL in rows stored before, read as speech)."""
    conn.execute("ALTER TABLE quotes ADD COLUMN mode TEXT")
    _apply_schema(conn)  # quote_mentions and its indexes: IF NOT EXISTS
    conn.execute(_ABOUT_FROM_STORED_ROWS)


def _v5_to_v6(conn: sqlite3.Connection) -> None:
    """Events and mentions: every article's outlet, every mention's merge key, and the events they make."""
    from dragoman.ingest import outlet_of

    conn.execute("ALTER TABLE articles ADD COLUMN outlet TEXT")
    for column in ("merge_key", "group_id"):
        conn.execute(f"ALTER TABLE events ADD COLUMN {column} TEXT")  # names are ours
    _apply_schema(conn)  # event_groups and its indexes: IF NOT EXISTS
    articles = conn.execute("SELECT id, url, metadata FROM articles").fetchall()
    conn.executemany("UPDATE articles SET outlet = ? WHERE id = ?", [(outlet_of(url, json.loads(meta or "{}")), aid) for aid, url, meta in articles])
    conn.row_factory = sqlite3.Row
    try:
        keys = [(merge_key_of(row), row["id"]) for row in conn.execute(
            "SELECT id, root, source_code, source_country, source_name, source_kind, target_text, target_code, target_country, target_name, target_kind FROM events")]
    finally:
        conn.row_factory = None
    conn.executemany("UPDATE events SET merge_key = ? WHERE id = ?", keys)
    regroup_all(conn, StoreSettings().merge_window_days)


_V7_REDEFINED = ("events_date", "event_groups_date", "events_dyad", "event_groups_dyad", "events_cameo", "event_groups_cameo", "quote_mentions_code", "quote_mentions_country",
                 "quote_mentions_name", "events_network", "event_groups_network")


def _v6_to_v7(conn: sqlite3.Connection) -> None:
    """Summary tables and their triggers, filled from the stored rows; indexes redefined (covering the dyad timeline
    and quotes about an actor, ordering the events list) and the network's indexes dropped (it reads the tallies)."""
    for index in _V7_REDEFINED:
        conn.execute(f"DROP INDEX IF EXISTS {index}")  # names are ours
    _apply_schema(conn, triggers=True)
    rebuild_aggregates(conn)


STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6, 6: _v6_to_v7}


def _in_transaction(conn: sqlite3.Connection, body: Callable[[], None]) -> None:
    conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        body()
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _set_version(conn: sqlite3.Connection, version: int) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(version),))


def migrate(conn: sqlite3.Connection) -> int:
    """Create or upgrade the store to :data:`LATEST`; returns the version found before."""
    found = schema_version(conn)
    if found > LATEST:
        raise InputError(f"the store has schema version {found}, newer than this dragoman's {LATEST}; upgrade dragoman to open it")
    if found == 0:
        def create() -> None:
            _apply_schema(conn, triggers=True)
            _set_version(conn, LATEST)
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (WINDOW_META, str(StoreSettings().merge_window_days)))

        _in_transaction(conn, create)
        return found
    for version in range(found, LATEST):
        step = STEPS[version]

        def upgrade(step: Callable[[sqlite3.Connection], None] = step, version: int = version) -> None:
            if schema_version(conn) != version:  # another writer got here first
                return
            step(conn)
            _set_version(conn, version + 1)

        _in_transaction(conn, upgrade)
    return found
