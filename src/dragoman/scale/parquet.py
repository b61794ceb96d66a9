"""The Parquet output: one partition per shard and table, and the manifest.

Layout of an output folder::

    DIR/manifest.json                  finished shards: digest, row counts, worker, seconds
    DIR/articles/<shard key>.parquet   one row per coded article (text verbatim, its outlet)
    DIR/actors/<shard key>.parquet     one row per actor mention
    DIR/events/<shard key>.parquet     one row per event
    DIR/quotes/<shard key>.parquet     one row per quotation
    DIR/quote_mentions/<shard key>.parquet  one row per actor a quotation is about (``quote_idx`` is its quote's ``idx``)
    DIR/rejections/<shard key>.parquet one row per rejected input
    DIR/duplicates/<shard key>.parquet one row per duplicate input (same text and date as an earlier one)

Rows come from :mod:`dragoman.store.rows`, the flattening the SQLite store uses too: nested
objects become prefixed columns (``source_code``, ``place_lat``), lists of objects become
JSON strings (``removed``, ``evidence_all``), and every record keeps its ``stage``.
:func:`output_records` turns the rows back into records and :func:`output_json` into the
contract's objects, which is how the engines are checked against each other.
A partition is written under a temporary name and renamed into place, so a crash leaves no
half-written partition; a shard counts as finished only once the manifest lists it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from dragoman.contract import JsonObject, result_to_json
from dragoman.errors import InputError
from dragoman.records import CodedArticle, Rejection, Result
from dragoman.store import (
    ARTICLE_COLUMNS, DUPLICATE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS, QUOTE_MENTION_COLUMNS, REJECTION_COLUMNS, Row, article_of,
    article_row, duplicate_of, duplicate_row, event_of, event_row, mention_of, mention_row, quote_mention_rows, quote_of, quote_row, rejection_of,
    rejection_row, removed_of, removed_row,
)

MANIFEST = "manifest.json"
FORMAT = "dragoman-parquet"
VERSION = 5
"""1: no duplicates table, no stage of the mentions inside events and quotes, no event assertion or dateline place. 2: no entity
chains. 3: no quote_mentions (what each quote is about) and no quote mode. 4: no article outlet. A folder of an older version is coded
again from scratch (its manifest is ignored)."""

_S, _I, _F = pa.string(), pa.int64(), pa.float64()
_INTS = {"start", "end", "quad_class", "evidence_start", "evidence_end", "cue_start", "cue_end"}
_FLOATS = {"goldstein", "confidence", "place_lat", "place_lon"}


def _type(column: str) -> pa.DataType:
    last = column.rsplit("_", 1)[-1] if column.startswith(("source_", "target_", "speaker_")) else column
    return _I if column in _INTS or last in {"start", "end", "entity"} else _F if column in _FLOATS else _S


def _schema(keys: tuple[tuple[str, pa.DataType], ...], columns: tuple[str, ...]) -> pa.Schema:
    return pa.schema([*keys, *((c, _type(c)) for c in columns)])


_SHARD = (("shard", _S), ("seq", _I))
_CHILD = (*_SHARD, ("article_id", _S), ("idx", _I))
_QUOTE_CHILD = (*_SHARD, ("article_id", _S), ("quote_idx", _I), ("idx", _I))

SCHEMAS: Mapping[str, pa.Schema] = {
    "articles": _schema(_SHARD, (*ARTICLE_COLUMNS, "removed")),
    "actors": _schema(_CHILD, MENTION_COLUMNS),
    "events": _schema(_CHILD, EVENT_COLUMNS),
    "quotes": _schema(_CHILD, QUOTE_COLUMNS),
    "quote_mentions": _schema(_QUOTE_CHILD, QUOTE_MENTION_COLUMNS),
    "rejections": _schema(_SHARD, REJECTION_COLUMNS),
    "duplicates": _schema(_SHARD, DUPLICATE_COLUMNS),
}
TABLES = tuple(SCHEMAS)


def _article_rows(rows: dict[str, list[Row]], keys: Row, item: CodedArticle) -> None:
    aid = item.article.id
    removed = [removed_row(r) for r in item.removed]
    rows["articles"].append({**keys, **article_row(item.article), "removed": json.dumps(removed, ensure_ascii=False)})
    for table, children in (("actors", [mention_row(m) for m in item.actors]), ("events", [event_row(e) for e in item.events]),
                            ("quotes", [quote_row(q) for q in item.quotes])):
        rows[table].extend({**keys, "article_id": aid, "idx": idx, **child} for idx, child in enumerate(children))
    for quote_idx, q in enumerate(item.quotes):
        rows["quote_mentions"].extend({**keys, "article_id": aid, "quote_idx": quote_idx, "idx": idx, **child}
                                      for idx, child in enumerate(quote_mention_rows(q)))


def shard_rows(shard_key: str, items: Iterable[Result]) -> dict[str, list[Row]]:
    """The rows of every table for one shard's results, in input order (``seq``), from :mod:`dragoman.store.rows`."""
    rows: dict[str, list[Row]] = {t: [] for t in TABLES}
    for seq, item in enumerate(items):
        keys: Row = {"shard": shard_key, "seq": seq}
        if isinstance(item, CodedArticle):
            _article_rows(rows, keys, item)
        elif isinstance(item, Rejection):
            rows["rejections"].append({**keys, **rejection_row(item)})
        else:
            rows["duplicates"].append({**keys, **duplicate_row(item)})
    return rows


def partition_path(out: Path, table: str, shard_key: str) -> Path:
    return out / table / f"{shard_key}.parquet"


def write_partitions(out: Path, shard_key: str, rows: Mapping[str, list[Row]]) -> dict[str, int]:
    """Write the shard's partitions (one per table) under temporary names, then rename each into place."""
    staging = out / "_staging" / f"{shard_key}.{uuid.uuid4().hex}"
    staging.mkdir(parents=True)
    try:
        for table in TABLES:
            if rows[table] and set(rows[table][0]) != set(SCHEMAS[table].names):
                raise ValueError(f"{table} rows do not match the schema: {sorted(set(rows[table][0]) ^ set(SCHEMAS[table].names))}")
            pq.write_table(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]), staging / f"{table}.parquet")
        for table in TABLES:
            target = partition_path(out, table, shard_key)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / f"{table}.parquet", target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {table: len(rows[table]) for table in TABLES}


@dataclass(slots=True)
class Manifest:
    """What an output folder holds: finished shards (by key) and the shard order of the last run."""

    shards: dict[str, dict[str, Any]] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    runs: list[dict[str, Any]] = field(default_factory=list)
    version: int = VERSION

    def finished(self, out: Path, key: str, digest: str) -> bool:
        """Listed with the same content digest, and every partition present."""
        entry = self.shards.get(key)
        return (
            self.version == VERSION and entry is not None and entry.get("digest") == digest
            and all(partition_path(out, t, key).is_file() for t in TABLES)
        )

    def to_json(self) -> JsonObject:
        return {"format": FORMAT, "version": self.version, "tables": list(TABLES), "order": self.order, "shards": self.shards, "runs": self.runs}


def read_manifest(out: Path) -> Manifest:
    """The folder's manifest; an empty one when the folder is new."""
    path = out / MANIFEST
    if not path.is_file():
        return Manifest()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"{path} is not a readable manifest ({e}); remove the output folder or choose another --out") from e
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{path} is not a dragoman Parquet manifest; choose another --out")
    return Manifest(dict(data.get("shards", {})), list(data.get("order", [])), list(data.get("runs", [])), int(data.get("version", 1)))


def write_manifest(out: Path, manifest: Manifest) -> None:
    """Replace the manifest atomically (write a temporary file, then rename)."""
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".{MANIFEST}.{uuid.uuid4().hex}.tmp"
    tmp.write_text(json.dumps(manifest.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def read_table(out: Path, table: str, keys: Iterable[str] | None = None) -> list[Row]:
    """Rows of one table over the finished shards (all of the manifest's order by default)."""
    manifest = read_manifest(out)
    rows: list[Row] = []
    for key in keys if keys is not None else manifest.order:
        if key in manifest.shards:
            rows.extend(pq.read_table(partition_path(out, table, key), schema=SCHEMAS[table]).to_pylist())
    return rows


def _shard_records(tables: Mapping[str, list[Row]]) -> list[Result]:
    """One shard's records rebuilt from its rows, in input order."""
    children: dict[int, dict[str, list[Any]]] = {}
    about: dict[tuple[int, int], list[Row]] = {}
    for row in sorted(tables["quote_mentions"], key=lambda r: (r["seq"], r["quote_idx"], r["idx"])):
        about.setdefault((row["seq"], row["quote_idx"]), []).append(row)
    for table, rebuild in (("actors", mention_of), ("events", event_of)):
        for row in tables[table]:
            children.setdefault(row["seq"], {}).setdefault(table, []).append(rebuild(row["article_id"], row))
    for row in tables["quotes"]:
        quote = quote_of(row["article_id"], row, about.get((row["seq"], row["idx"]), []))
        children.setdefault(row["seq"], {}).setdefault("quotes", []).append(quote)
    numbered: list[tuple[int, Result]] = []
    for a in tables["articles"]:
        article = article_of(a)
        parts = children.get(a["seq"], {})
        removed = tuple(removed_of(article.id, r) for r in json.loads(a["removed"]))
        numbered.append((a["seq"], CodedArticle(article, removed, tuple(parts.get("actors", ())), tuple(parts.get("events", ())), tuple(parts.get("quotes", ())))))
    numbered += [(r["seq"], rejection_of(r)) for r in tables["rejections"]]
    numbered += [(r["seq"], duplicate_of(r)) for r in tables["duplicates"]]
    return [item for _, item in sorted(numbered, key=lambda pair: pair[0])]


def output_records(out: Path) -> Iterator[Result]:
    """The records of every finished shard, in corpus order."""
    if not (out / MANIFEST).is_file():
        raise InputError(f"{out} holds no {MANIFEST}; give a folder written by `dragoman code --out`")
    manifest = read_manifest(out)
    if manifest.version != VERSION:
        raise InputError(f"{out} was written by an older dragoman (format version {manifest.version}, now {VERSION}); run `dragoman code --out {out}` on the same corpus again")
    for key in manifest.order:
        if key in manifest.shards:
            yield from _shard_records({t: read_table(out, t, [key]) for t in TABLES})


def count_records(out: Path) -> int:
    """How many records (articles, rejections, duplicates) the finished shards of ``out`` hold, by the manifest."""
    manifest = read_manifest(out)
    return sum(int(manifest.shards[k].get("rows", {}).get(t, 0)) for k in manifest.order if k in manifest.shards
               for t in ("articles", "rejections", "duplicates"))


def output_json(out: Path) -> list[JsonObject]:
    """The contract's JSON objects rebuilt from the rows, in corpus order: what ``dragoman code`` prints."""
    return [result_to_json(item) for item in output_records(out)]
