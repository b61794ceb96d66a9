"""``dragoman load``: put a Parquet output folder into the SQLite store.

Rows are turned back into records and written through the store's single writer, so
the database is the same as ``dragoman code --db`` makes. For analysis the Parquet
files can also be queried in place, e.g. with DuckDB::

    SELECT source_country, target_country, cameo, count(*) AS n
    FROM read_parquet('DIR/events/*.parquet')
    GROUP BY ALL ORDER BY n DESC LIMIT 20;
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterator

from dragoman.errors import InputError
from dragoman.records import Actor, ActorMention, Article, CodedArticle, Event, Place, Quote, Rejection, RemovedSpan, Span
from dragoman.scale.parquet import MANIFEST, TABLES, Row, read_manifest, read_table
from dragoman.store import write_stream


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _mention(doc_id: str, row: Row, prefix: str, stage: str) -> ActorMention | None:
    if row[f"{prefix}_text"] is None:
        return None
    actor = Actor(row[f"{prefix}_code"], row[f"{prefix}_name"], row[f"{prefix}_country"], row[f"{prefix}_kind"],
                  row[f"{prefix}_sector"], None, row[f"{prefix}_affiliation"])
    span = Span(doc_id, row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"])
    return ActorMention(span, actor, row[f"{prefix}_rule"], stage)


def _records(tables: dict[str, list[Row]]) -> Iterator[CodedArticle | Rejection]:
    children: dict[int, dict[str, list[Any]]] = {}
    for m in tables["actors"]:
        span = Span(m["article_id"], m["start"], m["end"], m["text"])
        actor = Actor(m["code"], m["name"], m["country"], m["kind"], m["sector"], None, m["affiliation"])
        children.setdefault(m["seq"], {}).setdefault("actors", []).append(ActorMention(span, actor, m["rule"], m["stage"]))
    for e in tables["events"]:
        doc_id = e["article_id"]
        source = _mention(doc_id, e, "source", e["stage"])
        assert source is not None, "an event row without a source actor"
        place = None if e["place_name"] is None else Place(e["place_name"], e["place_country"], e["place_lat"], e["place_lon"])
        evidence = tuple(Span(doc_id, s["start"], s["end"], s["text"]) for s in json.loads(e["evidence_all"]))
        children.setdefault(e["seq"], {}).setdefault("events", []).append(Event(
            source, _mention(doc_id, e, "target", e["stage"]), e["cameo"], e["root"], e["plover"] or "", e["goldstein"], e["quad_class"],
            _date(e["date"]), place, evidence, e["rule"], e["confidence"], e["stage"],
        ))
    for q in tables["quotes"]:
        doc_id = q["article_id"]
        cue = None if q["cue_start"] is None else Span(doc_id, q["cue_start"], q["cue_end"], q["cue_text"])
        children.setdefault(q["seq"], {}).setdefault("quotes", []).append(Quote(
            Span(doc_id, q["start"], q["end"], q["text"]), q["kind"], _mention(doc_id, q, "speaker", q["stage"]), cue, q["stage"],
        ))
    numbered: list[tuple[int, CodedArticle | Rejection]] = []
    for a in tables["articles"]:
        article = Article(a["id"], a["text"], a["source"], a["title"], _date(a["date"]), a["url"], json.loads(a["metadata"]))
        removed = tuple(RemovedSpan(Span(a["id"], r["start"], r["end"], r["text"]), r["reason"], r["stage"], r.get("place")) for r in json.loads(a["removed"]))
        parts = children.get(a["seq"], {})
        numbered.append((a["seq"], CodedArticle(article, removed, tuple(parts.get("actors", [])), tuple(parts.get("events", [])), tuple(parts.get("quotes", [])))))
    for r in tables["rejections"]:
        numbered.append((r["seq"], Rejection(r["doc_id"], r["source"], r["stage"], r["reason"], r["detail"])))
    for _, item in sorted(numbered, key=lambda pair: pair[0]):
        yield item


def output_records(out: Path) -> Iterator[CodedArticle | Rejection]:
    """The records of every finished shard, in corpus order."""
    if not (out / MANIFEST).is_file():
        raise InputError(f"{out} holds no {MANIFEST}; give a folder written by `dragoman code --out`")
    manifest = read_manifest(out)
    for key in manifest.order:
        if key in manifest.shards:
            yield from _records({t: read_table(out, t, [key]) for t in TABLES})


def load_output(out: Path, db: Path, batch_size: int = 500) -> dict[str, int]:
    """Write every finished shard of ``out`` into the store at ``db``; returns what was written."""
    counts = {"articles": 0, "rejections": 0, "actors": 0, "events": 0, "quotes": 0}
    for item in write_stream(db, output_records(out), batch_size):
        if isinstance(item, Rejection):
            counts["rejections"] += 1
        else:
            counts["articles"] += 1
            counts["actors"] += len(item.actors)
            counts["events"] += len(item.events)
            counts["quotes"] += len(item.quotes)
    return counts
