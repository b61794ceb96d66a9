"""The single writer: every write to the SQLite store goes through :class:`Store`."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from dragoman.errors import InputError
from dragoman.records import Article, CodedArticle, Rejection
from dragoman.store.migrations import LATEST, migrate, text_sha

SCHEMA_VERSION = str(LATEST)


def connect(path: Path) -> sqlite3.Connection:
    """Open (and create or migrate) the store at ``path`` for writing."""
    try:
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a kill loses at most the open batch, never consistency
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.Error as e:
        raise InputError(f"cannot open database {path}: {e}; give a writable path to a dragoman store (or a new file)") from e
    return conn


@dataclass(slots=True)
class StoredIndex:
    """What a store already holds, read once before a run, so that a re-run skips it.

    An article is skipped when an article with the same id and the same text is stored, or
    when its id was rejected. ``skipped`` counts the articles skipped so far.
    """

    articles: dict[str, str | None]
    rejected: frozenset[str]
    skipped: int = 0

    def holds(self, article: Article) -> bool:
        sha = self.articles.get(article.id, "")
        held = article.id in self.rejected or (sha != "" and (sha is None or sha == text_sha(article.text)))
        if held:
            self.skipped += 1
        return held


def read_stored_index(conn: sqlite3.Connection) -> StoredIndex:
    articles = {str(i): (str(s) if s is not None else None) for i, s in conn.execute("SELECT id, text_sha FROM articles")}
    rejected = frozenset(str(r) for (r,) in conn.execute("SELECT doc_id FROM rejections WHERE stage <> 'ingest'"))
    return StoredIndex(articles, rejected)


def write_stream(db: Path, items: Iterable[CodedArticle | Rejection], batch_size: int) -> Iterator[CodedArticle | Rejection]:
    """Write ``items`` to the store at ``db`` in batches (one transaction each), passing them through."""
    conn = connect(db)
    store = Store(conn)
    batch: list[CodedArticle | Rejection] = []
    try:
        for item in items:
            batch.append(item)
            yield item
            if len(batch) >= batch_size:
                store.write_batch(batch)
                batch = []
        if batch:
            store.write_batch(batch)
    finally:
        conn.close()


@dataclass(slots=True)
class Store:
    """Writes coded articles and rejections, one transaction per batch."""

    conn: sqlite3.Connection

    def write_batch(self, items: Iterable[CodedArticle | Rejection]) -> None:
        with self.conn:
            for item in items:
                if isinstance(item, Rejection):
                    self._write_rejection(item)
                else:
                    self._write_article(item)

    def _write_rejection(self, r: Rejection) -> None:
        if r.stage != "ingest":
            self.conn.execute("DELETE FROM articles WHERE id = ?", (r.doc_id,))  # the latest coding of an id wins
        self.conn.execute(
            "INSERT OR REPLACE INTO rejections(doc_id, source, stage, reason, detail) VALUES (?,?,?,?,?)",
            (r.doc_id, r.source, r.stage, r.reason, r.detail),
        )

    def _write_article(self, coded: CodedArticle) -> None:
        a = coded.article
        c = self.conn
        c.execute("DELETE FROM articles WHERE id = ?", (a.id,))  # re-coding replaces, never duplicates (cascades to its rows)
        c.execute("DELETE FROM rejections WHERE doc_id = ? AND stage <> 'ingest'", (a.id,))
        c.execute(
            "INSERT INTO articles(id, source, title, date, url, text, metadata, coded_at, text_sha, seq)"
            " VALUES (?,?,?,?,?,?,?,?,?, (SELECT coalesce(max(seq), 0) + 1 FROM articles))",
            (a.id, a.source, a.title, a.date.isoformat() if a.date else None, a.url, a.text,
             json.dumps(dict(a.metadata), ensure_ascii=False), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), text_sha(a.text)),
        )
        c.executemany(
            'INSERT INTO removed(article_id, start, "end", text, reason) VALUES (?,?,?,?,?)',
            [(a.id, r.span.start, r.span.end, r.span.text, r.reason) for r in coded.removed],
        )
        c.executemany(
            'INSERT INTO mentions(article_id, start, "end", text, name, code, country, kind, sector, affiliation, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
            [(a.id, m.span.start, m.span.end, m.span.text, m.actor.name, m.actor.code, m.actor.country, m.actor.kind, m.actor.sector, m.actor.affiliation, m.rule) for m in coded.actors],
        )
        rows = []
        for e in coded.events:
            t = e.target
            ev = e.evidence[0]
            rows.append((
                a.id, e.source.span.text, e.source.actor.name, e.source.actor.code, e.source.actor.country,
                t.span.text if t else None, t.actor.name if t else None, t.actor.code if t else None, t.actor.country if t else None,
                e.cameo, e.root, e.plover or None, e.goldstein, e.quad_class, e.date.isoformat() if e.date else None,
                e.place.name if e.place else None, e.place.country if e.place else None, e.place.lat if e.place else None, e.place.lon if e.place else None,
                ev.start, ev.end, ev.text, e.rule, e.confidence,
            ))
        c.executemany(
            "INSERT INTO events(article_id, source_text, source_name, source_code, source_country, target_text, target_name, target_code, target_country,"
            " cameo, root, plover, goldstein, quad_class, date, place_name, place_country, lat, lon, evidence_start, evidence_end, evidence_text, rule, confidence)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )
        c.executemany(
            'INSERT INTO quotes(article_id, start, "end", text, kind, speaker_text, speaker_name, speaker_code, speaker_country, cue_start, cue_end, cue_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
            [(a.id, q.span.start, q.span.end, q.span.text, q.kind,
              q.speaker.span.text if q.speaker else None, q.speaker.actor.name if q.speaker else None, q.speaker.actor.code if q.speaker else None,
              q.speaker.actor.country if q.speaker else None, q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue.text if q.cue else None)
             for q in coded.quotes],
        )
