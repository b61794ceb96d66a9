"""One flattening (store/rows.py) for SQLite and Parquet: every evidence span and every stage kept in both."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Actor, ActorMention, Article, CodedArticle, Duplicate, Event, MentionRole, MentionSource, Quote, Rejection, Span
from dragoman.scale.parquet import _shard_records, shard_rows
from dragoman.store import Store, connect
from dragoman.store.migrations import LATEST, schema_version
from dragoman.store.queries import EventFilter, find_events, get_article
from dragoman.store.rows import (
    EVENT_COLUMNS, SQLITE_RENAMES, article_of, article_row, duplicate_of, duplicate_row, event_of, event_row, mention_of, mention_row,
    quote_mention_rows, quote_of, quote_row, rejection_of, rejection_row, removed_of, removed_row,
)

from store.older import downgrade_to_v5
from store.synthetic import coded_article
from store.test_store import _shape

V2_SCHEMA = Path(__file__).parent / "data" / "schema_v2.sql"


def _rich(n: int = 3) -> CodedArticle:
    """A synthetic article whose events have two evidence spans and their own stages."""
    coded = coded_article(n)
    doc, text = coded.article.id, coded.article.text
    events = []
    for e in coded.events:
        first = e.evidence[0]
        second = Span(doc, first.end - 3, first.end, text[first.end - 3:first.end])
        source = dataclasses.replace(e.source, stage="actors.kb.v1", actor=dataclasses.replace(e.source.actor, sector="GOV", affiliation="X"))
        events.append(dataclasses.replace(e, source=source, evidence=(first, second), stage="events.rules.v1"))
    quotes = []
    for q in coded.quotes:  # "We will talk": about an actor ("We", a chain) and a place ("talk", no chain)
        we, talk = Span(doc, q.span.start, q.span.start + 2, "We"), Span(doc, q.span.end - 4, q.span.end, "talk")
        about = (ActorMention(we, Actor("RUSGOV", "Government of Russia", "RUS", "state", "GOV"), "country.capital", "actors.kb.v1",
                              MentionSource.COUNTRY, entity=4),
                 ActorMention(talk, Actor("SYR", "Syria", "SYR", "state"), "country.place", "actors.kb.v1", MentionSource.COUNTRY, MentionRole.PLACE))
        quotes.append(dataclasses.replace(q, about=about))
    return dataclasses.replace(coded, events=tuple(events), quotes=tuple(quotes))


def test_every_record_survives_its_row() -> None:
    coded = _rich()
    doc = coded.article.id
    assert article_of(article_row(coded.article)) == coded.article
    assert [removed_of(doc, removed_row(r)) for r in coded.removed] == list(coded.removed)
    assert [mention_of(doc, mention_row(m)) for m in coded.actors] == list(coded.actors)
    assert [event_of(doc, event_row(e)) for e in coded.events] == list(coded.events)
    assert all(q.about for q in coded.quotes)
    assert [quote_of(doc, quote_row(q), quote_mention_rows(q)) for q in coded.quotes] == list(coded.quotes)
    r, d = Rejection("x", "x.txt", "pipeline", "internal error", "boom"), Duplicate("y", "y.jsonl:2", "x")
    assert rejection_of(rejection_row(r)) == r and duplicate_of(duplicate_row(d)) == d


def _stored_events(conn: sqlite3.Connection, doc: str) -> list[Event]:
    back = {v: k for k, v in SQLITE_RENAMES["events"].items()}
    cursor = conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", (doc,))
    names = [back.get(d[0], d[0]) for d in cursor.description]
    return [event_of(doc, dict(zip(names, row))) for row in cursor]


def _stored_quotes(conn: sqlite3.Connection, doc: str) -> list[Quote]:
    def rows(sql: str, *params: object) -> list[dict[str, object]]:
        cursor = conn.execute(sql, params)
        return [dict(zip([d[0] for d in cursor.description], row)) for row in cursor]

    return [quote_of(doc, q, rows("SELECT * FROM quote_mentions WHERE quote_id = ? ORDER BY id", q["id"]))
            for q in rows("SELECT * FROM quotes WHERE article_id = ? ORDER BY id", doc)]


def test_sqlite_and_parquet_keep_the_same_events(tmp_path: Path) -> None:
    coded = _rich()
    conn = connect(tmp_path / "s.db")
    Store(conn).write_batch([coded, Duplicate("again", "x.jsonl:9", coded.article.id)])
    stored = _stored_events(conn, coded.article.id)
    assert stored == list(coded.events)  # both evidence spans, the stage, the whole source mention
    assert all(len(e.evidence) == 2 and e.stage == "events.rules.v1" and e.source.stage == "actors.kb.v1" for e in stored)
    assert conn.execute("SELECT DISTINCT stage FROM mentions").fetchall() == [("test",)]
    assert conn.execute("SELECT stage FROM quotes").fetchall() == [("test",)]
    assert conn.execute("SELECT stage FROM removed").fetchall() == [("test",)]
    assert _stored_quotes(conn, coded.article.id) == list(coded.quotes)  # with what each is about

    rows = shard_rows("k", [coded, Duplicate("again", "x.jsonl:9", coded.article.id)])
    assert _shard_records(rows) == [coded, Duplicate("again", "x.jsonl:9", coded.article.id)]
    assert len(rows["quote_mentions"]) == 2 and {r["quote_idx"] for r in rows["quote_mentions"]} == {0}
    parquet_events = [{c: r[c] for c in EVENT_COLUMNS} for r in rows["events"]]
    assert [event_of(coded.article.id, r) for r in parquet_events] == stored
    # the evidence columns the queries, exports and API read still hold the first span
    view = get_article(conn, coded.article.id)
    assert view is not None
    assert [(e.evidence_start, e.evidence_end, e.evidence_text) for e in view.events] == \
        [(e.evidence[0].start, e.evidence[0].end, e.evidence[0].text) for e in coded.events]
    conn.close()


def test_v2_store_migrates_and_keeps_its_rows(tmp_path: Path) -> None:
    old = sqlite3.connect(tmp_path / "v2.db")
    old.executescript(V2_SCHEMA.read_text(encoding="utf-8"))
    old.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    old.execute("INSERT INTO articles(id, source, text, coded_at, date, seq, text_sha) VALUES ('a1', 'x.txt', 'Turkey met Russia in Tehran.', 'now', '2022-07-19', 1, 'sha')")
    old.execute("INSERT INTO removed(article_id, start, \"end\", text, reason) VALUES ('a1', 0, 6, 'Turkey', 'promo')")
    old.execute("INSERT INTO mentions(article_id, start, \"end\", text, code, country, kind, rule) VALUES ('a1', 0, 6, 'Turkey', 'TUR', 'TUR', 'state', 'state.name')")
    old.execute(
        "INSERT INTO events(article_id, source_text, source_code, source_country, target_text, target_code, target_country, cameo, root, goldstein,"
        " quad_class, date, evidence_start, evidence_end, evidence_text, rule, confidence)"
        " VALUES ('a1', 'Turkey', 'TUR', 'TUR', 'Russia', 'RUS', 'RUS', '040', '04', 1.0, 1, '2022-07-19', 0, 17, 'Turkey met Russia', 'p.met', 0.8)")
    old.execute("INSERT INTO quotes(article_id, start, \"end\", text, kind, speaker_name) VALUES ('a1', 0, 6, 'Turkey', 'direct', 'Someone')")
    old.commit()
    old.close()

    migrated = connect(tmp_path / "v2.db")
    assert schema_version(migrated) == LATEST == 7
    assert _shape(migrated) == _shape(connect(tmp_path / "fresh.db"))
    # version 4: entity chains; rows stored before have none
    assert migrated.execute("SELECT entity FROM mentions").fetchone() == (None,)
    assert migrated.execute("SELECT source_entity, target_entity FROM events").fetchone() == (None, None)
    # version 5: what quotes are about is not guessed for an article stored without entity chains
    assert migrated.execute("SELECT count(*) FROM quote_mentions").fetchone() == (0,)
    counts = [migrated.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "removed", "mentions", "events", "quotes", "duplicates")]
    assert counts == [1, 1, 1, 1, 1, 0]
    evidence_all, stage = migrated.execute("SELECT evidence_all, stage FROM events").fetchone()
    assert json.loads(evidence_all) == [{"start": 0, "end": 17, "text": "Turkey met Russia"}] and stage is None
    [event] = _stored_events(migrated, "a1")
    assert event.evidence == (Span("a1", 0, 17, "Turkey met Russia"),) and event.source.actor.code == "TUR"
    [row] = find_events(migrated, EventFilter(source="TUR"), limit=10).items
    assert (row.evidence_text, row.target_code) == ("Turkey met Russia", "RUS")
    # version 6: the stored mention is an event of its own; the article names no outlet (no url, no outlet field)
    assert (row.event_id is not None, row.mentions, row.articles, row.sources) == (True, 1, 1, 1)
    assert migrated.execute("SELECT outlet FROM articles").fetchone() == (None,)
    # new writes after the upgrade keep every span
    coded = _rich(4)
    Store(migrated).write_batch([coded])
    assert _stored_events(migrated, coded.article.id) == list(coded.events)
    migrated.close()


def test_duplicates_in_the_store(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    store = Store(conn)
    a, b = coded_article(1), coded_article(2)
    store.write_batch([a, b, Duplicate("dup", "x.jsonl:3", a.article.id), Duplicate(a.article.id, "x.jsonl:4", a.article.id)])
    assert sorted(conn.execute("SELECT doc_id, source, duplicate_of FROM duplicates")) == [
        (a.article.id, "x.jsonl:4", a.article.id), ("dup", "x.jsonl:3", a.article.id)]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2  # a repeat under the same id keeps the article
    # an id that now names a duplicate loses what was stored under it; a coded id is no duplicate any more
    store.write_batch([Duplicate(b.article.id, "x.jsonl:5", a.article.id), dataclasses.replace(a)])
    assert [r[0] for r in conn.execute("SELECT id FROM articles")] == [a.article.id]
    assert sorted(r[0] for r in conn.execute("SELECT doc_id FROM duplicates")) == [b.article.id, "dup"]
    conn.close()


ABOUT_TEXTS = (
    "ANKARA — Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Friday. "
    "“We expect Russia to keep its word,” Erdogan told reporters. Moscow rejected calls for a ceasefire in Syria.",
    "Erdogan said that the Russians must leave Syria and that they had promised him as much. "
    "“I told him that his army is in Syria illegally,” Erdogan added. Iran's foreign ministry said Tehran would respond.",
)


def test_v4_store_migrates_and_derives_what_quotes_are_about(pipeline: Pipeline, tmp_path: Path) -> None:
    coded = [code_article(pipeline, Article(f"a{i}", text, "test")) for i, text in enumerate(ABOUT_TEXTS)]
    assert all(isinstance(c, CodedArticle) for c in coded)
    conn = connect(tmp_path / "s.db")
    Store(conn).write_batch(coded)
    written = conn.execute("SELECT * FROM quote_mentions ORDER BY id").fetchall()
    assert len(written) >= 4  # Russia, its; the Russians, Syria, they ...
    # the same store as version 4 wrote it: no table of what quotes are about
    downgrade_to_v5(conn)
    with conn:
        conn.execute("DROP TABLE quote_mentions")
        conn.execute("ALTER TABLE quotes DROP COLUMN mode")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    conn.close()
    migrated = connect(tmp_path / "s.db")
    assert schema_version(migrated) == LATEST == 7
    assert _shape(migrated) == _shape(connect(tmp_path / "fresh.db"))
    # the rule of quotes/about.py, re-derived from the stored quotes and mentions, gives what coding gave
    assert migrated.execute("SELECT * FROM quote_mentions ORDER BY id").fetchall() == written
    for c in coded:
        assert isinstance(c, CodedArticle)
        assert [[(m.span, m.actor, m.entity) for m in q.about] for q in _stored_quotes(migrated, c.article.id)] == \
            [[(m.span, dataclasses.replace(m.actor, person_id=None), m.entity) for m in q.about] for q in c.quotes]
    migrated.close()
