"""The Parquet output: one partition per shard and table, and the manifest.

Layout of an output folder::

    DIR/manifest.json                  finished shards: digest, row counts, worker, seconds
    DIR/articles/<shard key>.parquet   one row per coded article (text verbatim)
    DIR/actors/<shard key>.parquet     one row per actor mention
    DIR/events/<shard key>.parquet     one row per event
    DIR/quotes/<shard key>.parquet     one row per quotation
    DIR/rejections/<shard key>.parquet one row per rejected input

Rows are flat projections of the JSON output contract (:func:`dragoman.contract.article_to_json`):
nested objects become prefixed columns (``source_code``, ``place_lat``), lists of objects
become JSON strings (``removed``, ``evidence_all``). :func:`output_json` turns the rows back
into the contract's objects, which is how the engines are checked against each other.
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
from typing import Any, Iterable, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from dragoman.contract import JsonObject, article_to_json, rejection_to_json
from dragoman.errors import InputError
from dragoman.records import ActorMention, CodedArticle, Rejection

MANIFEST = "manifest.json"
FORMAT = "dragoman-parquet"
VERSION = 1

_S, _I, _F = pa.string(), pa.int64(), pa.float64()


_ACTOR_KEYS = ("text", "name", "code", "country", "affiliation")


def _actor_cols(prefix: str) -> list[tuple[str, pa.DataType]]:
    # The contract's actor object, then the mention's offsets, kind, rule and sector (for the store).
    return [
        *((f"{prefix}_{k}", _S) for k in _ACTOR_KEYS),
        (f"{prefix}_start", _I), (f"{prefix}_end", _I), (f"{prefix}_kind", _S), (f"{prefix}_rule", _S), (f"{prefix}_sector", _S),
    ]


SCHEMAS: Mapping[str, pa.Schema] = {
    "articles": pa.schema([
        ("shard", _S), ("seq", _I), ("id", _S), ("title", _S), ("date", _S), ("source", _S), ("url", _S),
        ("text", _S), ("metadata", _S), ("removed", _S),
    ]),
    "actors": pa.schema([
        ("shard", _S), ("seq", _I), ("article_id", _S), ("idx", _I), ("start", _I), ("end", _I), ("text", _S), ("name", _S), ("code", _S),
        ("country", _S), ("kind", _S), ("rule", _S), ("affiliation", _S), ("sector", _S), ("stage", _S),
    ]),
    "events": pa.schema([
        ("shard", _S), ("seq", _I), ("article_id", _S), ("idx", _I), *_actor_cols("source"), *_actor_cols("target"),
        ("cameo", _S), ("root", _S), ("plover", _S), ("goldstein", _F), ("quad_class", _I), ("date", _S),
        ("place_name", _S), ("place_country", _S), ("place_lat", _F), ("place_lon", _F),
        ("evidence_start", _I), ("evidence_end", _I), ("evidence_text", _S), ("evidence_all", _S), ("rule", _S), ("confidence", _F), ("stage", _S),
    ]),
    "quotes": pa.schema([
        ("shard", _S), ("seq", _I), ("article_id", _S), ("idx", _I), ("start", _I), ("end", _I), ("text", _S), ("kind", _S),
        *_actor_cols("speaker"), ("cue_start", _I), ("cue_end", _I), ("cue_text", _S), ("stage", _S),
    ]),
    "rejections": pa.schema([
        ("shard", _S), ("seq", _I), ("doc_id", _S), ("source", _S), ("stage", _S), ("reason", _S), ("detail", _S),
    ]),
}
TABLES = tuple(SCHEMAS)

Row = dict[str, Any]


def _flat_actor(prefix: str, actor: Mapping[str, Any] | None, mention: ActorMention | None) -> Row:
    actor = actor or {}
    row: Row = {f"{prefix}_{k}": actor.get(k) for k in _ACTOR_KEYS}
    row.update({
        f"{prefix}_start": mention.span.start if mention else None, f"{prefix}_end": mention.span.end if mention else None,
        f"{prefix}_kind": mention.actor.kind if mention else None, f"{prefix}_rule": mention.rule if mention else None,
        f"{prefix}_sector": mention.actor.sector if mention else None,
    })
    return row


def shard_rows(shard_key: str, items: Iterable[CodedArticle | Rejection]) -> dict[str, list[Row]]:
    """The rows of every table for one shard's results, in input order."""
    rows: dict[str, list[Row]] = {t: [] for t in TABLES}
    for seq, item in enumerate(items):
        if isinstance(item, Rejection):
            r = rejection_to_json(item)
            rows["rejections"].append({"shard": shard_key, "seq": seq, "doc_id": r["id"], "source": r["source"], **r["rejected"]})
            continue
        j = article_to_json(item)
        a = item.article
        aid = j["id"]
        rows["articles"].append({
            "shard": shard_key, "seq": seq, "id": aid, "title": j["title"], "date": j["date"], "source": j["source"], "url": a.url,
            "text": a.text, "metadata": json.dumps(dict(a.metadata), ensure_ascii=False, sort_keys=True),
            "removed": json.dumps([{**r, "stage": removed.stage} for r, removed in zip(j["removed"], item.removed)], ensure_ascii=False),
        })
        for idx, (m, mention) in enumerate(zip(j["actors"], item.actors)):
            rows["actors"].append({"shard": shard_key, "seq": seq, "article_id": aid, "idx": idx, "affiliation": None, **m, "sector": mention.actor.sector, "stage": mention.stage})
        for idx, (e, event) in enumerate(zip(j["events"], item.events)):
            place = e["place"] or {}
            rows["events"].append({
                "shard": shard_key, "seq": seq, "article_id": aid, "idx": idx, **_flat_actor("source", e["source"], event.source), **_flat_actor("target", e["target"], event.target),
                "cameo": e["cameo"], "root": e["root"], "plover": e["plover"], "goldstein": e["goldstein"], "quad_class": e["quad_class"],
                "date": e["date"], "place_name": place.get("name"), "place_country": place.get("country"),
                "place_lat": place.get("lat"), "place_lon": place.get("lon"),
                "evidence_start": e["evidence"]["start"], "evidence_end": e["evidence"]["end"], "evidence_text": e["evidence"]["text"],
                "evidence_all": json.dumps(e["evidence_all"], ensure_ascii=False), "rule": e["rule"], "confidence": e["confidence"], "stage": event.stage,
            })
        for idx, (q, quote) in enumerate(zip(j["quotes"], item.quotes)):
            cue = q["cue"] or {}
            rows["quotes"].append({
                "shard": shard_key, "seq": seq, "article_id": aid, "idx": idx, "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
                **_flat_actor("speaker", q["speaker"], quote.speaker), "cue_start": cue.get("start"), "cue_end": cue.get("end"), "cue_text": cue.get("text"), "stage": quote.stage,
            })
    return rows


def partition_path(out: Path, table: str, shard_key: str) -> Path:
    return out / table / f"{shard_key}.parquet"


def write_partitions(out: Path, shard_key: str, rows: Mapping[str, list[Row]]) -> dict[str, int]:
    """Write the shard's five partitions under temporary names, then rename each into place."""
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

    def finished(self, out: Path, key: str, digest: str) -> bool:
        """Listed with the same content digest, and every partition present."""
        entry = self.shards.get(key)
        return (
            entry is not None and entry.get("digest") == digest
            and all(partition_path(out, t, key).is_file() for t in TABLES)
        )

    def to_json(self) -> JsonObject:
        return {"format": FORMAT, "version": VERSION, "tables": list(TABLES), "order": self.order, "shards": self.shards, "runs": self.runs}


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
    return Manifest(dict(data.get("shards", {})), list(data.get("order", [])), list(data.get("runs", [])))


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


def _actor_json(row: Row, prefix: str) -> JsonObject | None:
    if row[f"{prefix}_text"] is None:
        return None
    out: JsonObject = {k: row[f"{prefix}_{k}"] for k in ("text", "name", "code", "country")}
    if row[f"{prefix}_affiliation"]:
        out["affiliation"] = row[f"{prefix}_affiliation"]
    return out


def output_json(out: Path) -> list[JsonObject]:
    """The contract's JSON objects rebuilt from the rows, in corpus order: what ``dragoman code`` prints."""
    manifest = read_manifest(out)
    result: list[JsonObject] = []
    for key in manifest.order:
        if key not in manifest.shards:
            continue
        tables = {t: read_table(out, t, [key]) for t in TABLES}
        by_article: dict[int, dict[str, list[JsonObject]]] = {}
        for m in tables["actors"]:
            mention = {k: m[k] for k in ("start", "end", "text", "name", "code", "country", "kind", "rule")}
            if m["affiliation"]:
                mention["affiliation"] = m["affiliation"]
            by_article.setdefault(m["seq"], {}).setdefault("actors", []).append(mention)
        for e in tables["events"]:
            place = None if e["place_name"] is None else {"name": e["place_name"], "country": e["place_country"], "lat": e["place_lat"], "lon": e["place_lon"]}
            by_article.setdefault(e["seq"], {}).setdefault("events", []).append({
                "source": _actor_json(e, "source"), "target": _actor_json(e, "target"),
                "cameo": e["cameo"], "root": e["root"], "plover": e["plover"], "goldstein": e["goldstein"], "quad_class": e["quad_class"],
                "date": e["date"], "place": place,
                "evidence": {"start": e["evidence_start"], "end": e["evidence_end"], "text": e["evidence_text"]},
                "evidence_all": json.loads(e["evidence_all"]), "rule": e["rule"], "confidence": e["confidence"],
            })
        for q in tables["quotes"]:
            cue = None if q["cue_start"] is None else {"start": q["cue_start"], "end": q["cue_end"], "text": q["cue_text"]}
            by_article.setdefault(q["seq"], {}).setdefault("quotes", []).append({
                "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"], "speaker": _actor_json(q, "speaker"), "cue": cue,
            })
        numbered: list[tuple[int, JsonObject]] = []
        for a in tables["articles"]:
            parts = by_article.get(a["seq"], {})
            numbered.append((a["seq"], {
                "id": a["id"], "title": a["title"], "date": a["date"], "source": a["source"], "removed": [{k: v for k, v in r.items() if k != "stage"} for r in json.loads(a["removed"])],
                "actors": parts.get("actors", []), "events": parts.get("events", []), "quotes": parts.get("quotes", []),
            }))
        for r in tables["rejections"]:
            numbered.append((r["seq"], {"id": r["doc_id"], "source": r["source"], "rejected": {"stage": r["stage"], "reason": r["reason"], "detail": r["detail"]}}))
        result.extend(obj for _, obj in sorted(numbered, key=lambda pair: pair[0]))
    return result
