"""The store: schema and migrations, the single writer, re-coding, resuming, FTS."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from dragoman.records import Article
from dragoman.store import Store, connect
from dragoman.store.migrations import LATEST, schema_version, statements, schema_sql
from dragoman.store.queries import get_article, search
from dragoman.store.writer import read_stored_index

from store.synthetic import coded_article

V1_SCHEMA = Path(__file__).parent / "data" / "schema_v1.sql"


def _shape(conn: sqlite3.Connection) -> dict[str, object]:
    """Tables, their columns (as a set) and the names of indexes and triggers."""
    shape: dict[str, object] = {}
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"):
        if kind == "table":
            shape[name] = frozenset(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
        else:
            shape[name] = kind
    return shape


def _counts(conn: sqlite3.Connection) -> tuple[int, ...]:
    tables = ("articles", "removed", "mentions", "events", "quotes", "rejections", "articles_fts", "quotes_fts")
    return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)


def test_fresh_store_has_latest_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    assert schema_version(conn) == LATEST
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_schema_splits_into_complete_statements() -> None:
    parts = statements(schema_sql())
    assert all(sqlite3.complete_statement(p + "\n") for p in parts)
    assert sum("CREATE TRIGGER" in p for p in parts) == 4


def test_v1_store_migrates_to_the_fresh_schema(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "old.db")
    old.executescript(V1_SCHEMA.read_text(encoding="utf-8"))
    old.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    old.execute("INSERT INTO articles(id, source, text, coded_at) VALUES ('a1', 'x.txt', 'Turkey met Russia in Tehran.', 'now')")
    old.execute("INSERT INTO quotes(article_id, start, \"end\", text, kind, speaker_name) VALUES ('a1', 0, 6, 'Turkey', 'direct', 'Someone')")
    old.commit()
    old.close()
    migrated = connect(tmp_path / "old.db")
    fresh = connect(tmp_path / "fresh.db")
    assert schema_version(migrated) == LATEST
    assert _shape(migrated) == _shape(fresh)
    assert search(migrated, "tehran").total == 1
    assert search(migrated, "turkey", "quotes").total == 1
    assert migrated.execute("SELECT text_sha IS NOT NULL AND seq IS NOT NULL FROM articles").fetchone()[0] == 1


def test_recoding_replaces_never_duplicates(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    store = Store(conn)
    batch = [coded_article(n) for n in range(5)]
    store.write_batch(batch)
    first = _counts(conn)
    store.write_batch(batch[2:4])
    store.write_batch(batch)
    assert _counts(conn) == first
    assert first[:5] == (5, 5, 30, 15, 5)
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")


def test_stored_index_skips_same_id_and_text_only(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    a = coded_article(1)
    Store(conn).write_batch([a])
    index = read_stored_index(conn)
    assert index.holds(a.article)
    assert not index.holds(Article(a.article.id, a.article.text + " Changed.", "x"))
    assert not index.holds(Article("other", "text", "x"))
    assert index.skipped == 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(min_value=0, max_value=10_000), events=st.integers(min_value=0, max_value=6))
def test_round_trip_keeps_every_span(tmp_path: Path, n: int, events: int) -> None:
    conn = connect(tmp_path / f"rt{n}-{events}.db")
    coded = coded_article(n, events)
    Store(conn).write_batch([coded])
    view = get_article(conn, coded.article.id)
    assert view is not None and view.text == coded.article.text
    for m in view.mentions:
        assert view.text[m.start:m.end] == m.text
    for e in view.events:
        assert view.text[e.evidence_start:e.evidence_end] == e.evidence_text
    for q in view.quotes:
        assert view.text[q.start:q.end] == q.text
    assert [(e.cameo, e.goldstein, e.source_code, e.target_code) for e in view.events] == \
        [(e.cameo, e.goldstein, e.source.actor.code, e.target.actor.code if e.target else None) for e in coded.events]
    conn.close()
