"""The single writer: every write to the SQLite store goes through :class:`Store`."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from dragoman.errors import InputError
from dragoman.records import Article, CodedArticle, Duplicate, Rejection, Result
from dragoman.store.rows import (
    ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, QUOTE_MENTION_COLUMNS, REMOVED_COLUMNS, SQLITE_RENAMES, article_row, event_row,
    mention_row, quote_mention_rows, quote_row, removed_row,
)
from dragoman.settings import StoreSettings
from dragoman.store.grouping import MergeChanges, ensure_window, merge_key_of, regroup
from dragoman.store.migrations import LATEST, migrate, text_sha

SCHEMA_VERSION = str(LATEST)
DEFAULT_MERGE_WINDOW = StoreSettings().merge_window_days


def _insert(table: str, columns: tuple[str, ...], computed: Mapping[str, str] | None = None) -> str:
    """``INSERT INTO table(...) VALUES (?, ...)`` for columns of :mod:`dragoman.store.rows` (under their
    SQLite names), then ``computed`` columns given as SQL expressions."""
    renames = SQLITE_RENAMES.get(table, {})
    names = [f'"{renames.get(c, c)}"' for c in columns] + [f'"{c}"' for c in computed or {}]
    values = ["?"] * len(columns) + list((computed or {}).values())
    return f"INSERT INTO {table}({', '.join(names)}) VALUES ({', '.join(values)})"


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


def write_stream(db: Path, items: Iterable[Result], batch_size: int, merge_window_days: int = DEFAULT_MERGE_WINDOW) -> Iterator[Result]:
    """Write ``items`` to the store at ``db`` in batches (one transaction each), passing them through; the events
    of their mentions are grouped with a window of ``merge_window_days`` (``store.merge_window_days``).

    Whatever ends the stream early (an exception while coding, an interrupt, a reader that stops)
    first stores the results already passed on, so a resumed run starts after them; the exception
    itself still propagates."""
    conn = connect(db)
    store = Store(conn, merge_window_days)
    batch: list[Result] = []
    try:
        try:
            for item in items:
                batch.append(item)
                yield item
                if len(batch) >= batch_size:
                    pending, batch = batch, []
                    store.write_batch(pending)
        except BaseException:
            if batch:
                store.write_batch(batch)
            raise
        if batch:
            store.write_batch(batch)
    finally:
        conn.close()


@dataclass(slots=True)
class Store:
    """Writes coded articles and rejections, one transaction per batch; the events their mentions make are
    regrouped in the same transaction (``store/grouping.py``), with a window of ``merge_window_days``."""

    conn: sqlite3.Connection
    merge_window_days: int = DEFAULT_MERGE_WINDOW

    def write_batch(self, items: Iterable[Result]) -> None:
        with self.conn:
            ensure_window(self.conn, self.merge_window_days)
            changes = MergeChanges()
            for item in items:
                if isinstance(item, Rejection):
                    self._write_rejection(item, changes)
                elif isinstance(item, Duplicate):
                    self._write_duplicate(item, changes)
                else:
                    self._write_article(item, changes)
            regroup(self.conn, changes, self.merge_window_days)

    def _delete_article(self, doc_id: str, changes: MergeChanges) -> None:
        changes.note_removal(self.conn, doc_id)
        self.conn.execute("DELETE FROM articles WHERE id = ?", (doc_id,))  # cascades to its rows

    def _write_rejection(self, r: Rejection, changes: MergeChanges) -> None:
        if r.stage != "ingest":
            self._delete_article(r.doc_id, changes)  # the latest coding of an id wins
        self.conn.execute(
            "INSERT OR REPLACE INTO rejections(doc_id, source, stage, reason, detail) VALUES (?,?,?,?,?)",
            (r.doc_id, r.source, r.stage, r.reason, r.detail),
        )

    def _write_duplicate(self, d: Duplicate, changes: MergeChanges) -> None:
        if d.doc_id != d.duplicate_of:  # the id now names a duplicate: whatever was stored under it goes
            self._delete_article(d.doc_id, changes)
            self.conn.execute("DELETE FROM rejections WHERE doc_id = ? AND stage <> 'ingest'", (d.doc_id,))
        self.conn.execute("INSERT OR REPLACE INTO duplicates(doc_id, source, duplicate_of) VALUES (?,?,?)", (d.doc_id, d.source, d.duplicate_of))

    def _write_article(self, coded: CodedArticle, changes: MergeChanges) -> None:
        a = coded.article
        c = self.conn
        self._delete_article(a.id, changes)  # re-coding replaces, never duplicates
        c.execute("DELETE FROM rejections WHERE doc_id = ? AND stage <> 'ingest'", (a.id,))
        c.execute("DELETE FROM duplicates WHERE doc_id = ?", (a.id,))
        row = article_row(a)
        c.execute(
            _insert("articles", (*ARTICLE_COLUMNS, "coded_at", "text_sha"), {"seq": "(SELECT coalesce(max(seq), 0) + 1 FROM articles)"}),
            (*(row[k] for k in ARTICLE_COLUMNS), dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), text_sha(a.text)),
        )
        events = [event_row(e) for e in coded.events]
        keys = [merge_key_of(e) for e in events]
        for key, e in zip(keys, events):
            changes.note(key, e["date"])
        c.executemany(_insert("events", ("article_id", *EVENT_COLUMNS, "merge_key")), [(a.id, *(e[k] for k in EVENT_COLUMNS), key) for e, key in zip(events, keys)])
        for table, columns, rows in (
            ("removed", REMOVED_COLUMNS, [removed_row(r) for r in coded.removed]),
            ("mentions", MENTION_COLUMNS, [mention_row(m) for m in coded.actors]),
        ):
            c.executemany(_insert(table, ("article_id", *columns)), [(a.id, *(row[k] for k in columns)) for row in rows])
        insert_quote, insert_about = _insert("quotes", ("article_id", *QUOTE_COLUMNS)), _insert("quote_mentions", ("quote_id", *QUOTE_MENTION_COLUMNS))
        for q in coded.quotes:
            row = quote_row(q)
            quote_id = c.execute(insert_quote, (a.id, *(row[k] for k in QUOTE_COLUMNS))).lastrowid
            c.executemany(insert_about, [(quote_id, *(m[k] for k in QUOTE_MENTION_COLUMNS)) for m in quote_mention_rows(q)])
