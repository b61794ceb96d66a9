"""Whole filtered lists as files: events, quotes, articles and rejections as CSV, JSON, JSONL or Parquet,
and events as the GDELT-like CSV of ``dragoman export csv`` (``store/exports.py``).

Each ``*_download`` function returns the file as an iterator of byte chunks, read from the store a
few thousand rows at a time, so the server streams a large list without holding it. Parquet is
written to a spooled temporary file first (its footer comes last) and then streamed. pyarrow and
the exporters are imported only when a Parquet or GDELT file is asked for.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sqlite3
import tempfile
from typing import Any, Iterable, Iterator, Literal, Mapping

from dragoman.store.rejected import RejectionRow, rejection_where
from dragoman.store.aggregates import UNIT_ALIASES
from dragoman.store.quote_lists import QUOTE_COLUMNS, id_condition, quote_filter
from dragoman.store.queries import (
    FROM, _QUOTE_COLUMNS, _SELECT, ArticleSummary, EventFilter, EventRow, QuoteRow, Unit, _event_row, _order, _quote_rows, article_summary, check_unit,
    where_clause,
)

ListFormat = Literal["csv", "json", "jsonl", "parquet"]
EventFormat = Literal["csv", "json", "jsonl", "parquet", "gdelt"]
MEDIA_TYPES: Mapping[str, str] = {
    "csv": "text/csv; charset=utf-8", "gdelt": "text/csv; charset=utf-8", "json": "application/json",
    "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet",
}
"""The media type of each format, as the server sends and its OpenAPI document declares it."""
SUFFIXES: Mapping[str, str] = {"csv": "csv", "gdelt": "gdelt.csv", "json": "json", "jsonl": "jsonl", "parquet": "parquet"}
_CHUNK = 2000


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (tuple, list, dict)):
        return json.dumps(_plain(value), ensure_ascii=False)
    return value


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def rows_as(rows: Iterable[Any], row_type: type, fmt: ListFormat) -> Iterator[bytes]:
    """Dataclass rows of ``row_type`` as a file of ``fmt``, in chunks: CSV with a header (nested values as JSON
    text), a JSON array, JSON lines, or Parquet (nested values as JSON text)."""
    names = [f.name for f in dataclasses.fields(row_type)]
    if fmt == "parquet":
        yield from _parquet(rows, row_type)
        return
    buffer = io.StringIO()
    if fmt == "csv":
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        for i, row in enumerate(rows, 1):
            writer.writerow([_cell(getattr(row, n)) for n in names])
            if i % _CHUNK == 0:
                yield _drain(buffer)
    elif fmt == "json":
        buffer.write("[")
        for i, row in enumerate(rows):
            buffer.write(("," if i else "") + "\n" + json.dumps(dataclasses.asdict(row), ensure_ascii=False))
            if (i + 1) % _CHUNK == 0:
                yield _drain(buffer)
        buffer.write("\n]\n")
    elif fmt == "jsonl":
        for i, row in enumerate(rows, 1):
            buffer.write(json.dumps(dataclasses.asdict(row), ensure_ascii=False) + "\n")
            if i % _CHUNK == 0:
                yield _drain(buffer)
    else:
        raise ValueError(f"format must be csv, json, jsonl or parquet, not {fmt!r}")
    yield _drain(buffer)


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate()
    return data


def _parquet(rows: Iterable[Any], row_type: type) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"int": pa.int64(), "str": pa.string(), "float": pa.float64(), "bool": pa.bool_()}
    fields = dataclasses.fields(row_type)
    types = [kinds.get(str(f.type).split(" |")[0], pa.string()) for f in fields]
    schema = pa.schema([pa.field(f.name, t, nullable=True) for f, t in zip(fields, types)])
    nested = {f.name for f, t in zip(fields, types) if str(f.type).split(" |")[0] not in kinds}

    def table(batch: list[Any]) -> pa.Table:
        return pa.table({f.name: [_cell(getattr(r, f.name)) if f.name in nested else getattr(r, f.name) for r in batch] for f in fields}, schema=schema)

    with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as out:
        with pq.ParquetWriter(out, schema) as writer:
            batch: list[Any] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 50_000:
                    writer.write_table(table(batch))
                    batch = []
            writer.write_table(table(batch))
        out.seek(0)
        while chunk := out.read(1 << 20):
            yield chunk


def _events(conn: sqlite3.Connection, f: EventFilter, names: Mapping[str, str], sort: str, unit: Unit = "mentions") -> Iterator[EventRow]:
    unit = check_unit(unit)
    where, params = where_clause(f, unit)
    alias = UNIT_ALIASES[unit]
    cursor = conn.execute(f"SELECT {_SELECT[unit]} FROM {FROM[unit]}{where} ORDER BY {_order(sort, alias)}", params)
    while batch := cursor.fetchmany(_CHUNK):
        yield from (_event_row(r, names) for r in batch)


def event_download(
    conn: sqlite3.Connection, f: EventFilter, fmt: EventFormat, names: Mapping[str, str], sort: str = "-date", unit: Unit = "mentions",
) -> Iterator[bytes]:
    """The events (``unit="events"``) or mentions matching ``f`` as a file of ``fmt`` (``gdelt``: the CSV of ``dragoman export csv``)."""
    _order(sort, "e")  # a bad order is refused before the first byte
    unit = check_unit(unit)
    if fmt == "gdelt":
        return _gdelt(conn, f, names, unit)
    return rows_as(_events(conn, f, names, sort, unit), EventRow, fmt)


def _gdelt(conn: sqlite3.Connection, f: EventFilter, names: Mapping[str, str], unit: Unit = "mentions") -> Iterator[bytes]:
    from dragoman.store.exports import GDELT_COLUMNS, gdelt_row

    articles = {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT id, source, url, coded_at FROM articles")}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    for i, e in enumerate(_events(conn, f, names, "date", unit), 1):
        writer.writerow(gdelt_row(e, articles[e.article_id], unit))
        if i % _CHUNK == 0:
            yield _drain(buffer)
    yield _drain(buffer)


def _quotes(conn: sqlite3.Connection, speaker: str | None, about: str | None) -> Iterator[QuoteRow]:
    where, params = id_condition(quote_filter(conn, speaker, about))
    cursor = conn.execute(f"SELECT {QUOTE_COLUMNS} FROM quotes q{where} ORDER BY q.id", params)
    while batch := cursor.fetchmany(_CHUNK):
        yield from _quote_rows(conn, batch)


def quote_download(conn: sqlite3.Connection, fmt: ListFormat, speaker: str | None = None, about: str | None = None) -> Iterator[bytes]:
    """The quotes of :func:`dragoman.store.queries.find_quotes` (``speaker``, ``about``) as a file; each quote's
    ``about`` list is a JSON text in CSV and Parquet."""
    return rows_as(_quotes(conn, speaker, about), QuoteRow, fmt)


def _articles(conn: sqlite3.Connection) -> Iterator[ArticleSummary]:
    cursor = conn.execute(
        "SELECT a.id, a.title, a.date, a.source,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id),"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
        " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),"
        " CASE WHEN trim(coalesce(a.title, '')) = '' THEN substr(a.text, 1, 640) END"
        " FROM articles a ORDER BY a.date DESC, a.id")
    while batch := cursor.fetchmany(_CHUNK):
        yield from (article_summary(r) for r in batch)


def article_download(conn: sqlite3.Connection, fmt: ListFormat) -> Iterator[bytes]:
    """Every article (id, title, date, source, counts, headline; not the text) as a file, newest first."""
    return rows_as(_articles(conn), ArticleSummary, fmt)


def _rejections(conn: sqlite3.Connection, stage: str | None, reason: str | None) -> Iterator[RejectionRow]:
    where, params = rejection_where(stage, reason)
    cursor = conn.execute(f"SELECT doc_id, source, stage, reason, detail FROM rejections{where} ORDER BY source, doc_id", params)
    while batch := cursor.fetchmany(_CHUNK):
        yield from (RejectionRow(*r) for r in batch)


def rejection_download(conn: sqlite3.Connection, fmt: ListFormat, stage: str | None = None, reason: str | None = None) -> Iterator[bytes]:
    """The rejections (by ``stage`` and ``reason`` when given) as a file."""
    return rows_as(_rejections(conn, stage, reason), RejectionRow, fmt)
