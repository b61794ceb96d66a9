"""Records to flat rows and back: the one flattening behind the SQLite store and the Parquet output.

A row is a ``dict`` from column name to a scalar. Both outputs take their rows from here, so
they keep the same fields: every evidence span of an event (``evidence_all``, a JSON list;
``evidence_start/end/text`` repeat the first one for plain SQL), the ``stage`` of every record,
and, for the actor inside an event or a quote, the whole mention (offsets, kind, rule, sector,
stage) under a prefix (``source_``, ``target_``, ``speaker_``); the actors a quote is about are
rows of their own (:func:`quote_mention_rows`, a flat mention each). The SQLite writer adds its own
keys (``article_id``, autoincrement ids), the Parquet writer its own (``shard``, ``seq``,
``idx``); the only other difference is spelled out in :data:`SQLITE_RENAMES`.

The ``*_of`` functions turn rows back into records; ``dragoman load`` and the Parquet reader use
them, and ``*_of(*_row(x)) == x`` for every record (tested).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Mapping

from dragoman.records import Actor, ActorMention, Article, Duplicate, Event, MentionRole, MentionSource, Place, Quote, Rejection, RemovedSpan, Span

Row = dict[str, Any]

MENTION_FIELDS = ("text", "name", "code", "country", "affiliation", "start", "end", "kind", "rule", "sector", "stage", "entity")
"""A mention, flat: the contract's actor object first, then what the store adds."""


def mention_columns(prefix: str) -> tuple[str, ...]:
    return tuple(f"{prefix}_{k}" for k in MENTION_FIELDS)


ARTICLE_COLUMNS = ("id", "title", "date", "source", "url", "text", "metadata", "outlet")
REMOVED_COLUMNS = ("start", "end", "text", "reason", "stage", "place")
MENTION_COLUMNS = ("start", "end", "text", "name", "code", "country", "kind", "rule", "affiliation", "sector", "stage", "entity")
EVENT_COLUMNS = (
    *mention_columns("source"), *mention_columns("target"),
    "cameo", "root", "plover", "goldstein", "quad_class", "date", "place_name", "place_country", "place_lat", "place_lon",
    "evidence_start", "evidence_end", "evidence_text", "evidence_all", "rule", "confidence", "stage", "assertion",
)
QUOTE_COLUMNS = ("start", "end", "text", "kind", *mention_columns("speaker"), "cue_start", "cue_end", "cue_text", "stage", "mode")
QUOTE_MENTION_COLUMNS = MENTION_COLUMNS
"""An actor a quote is about (``Quote.about``), one row each, keyed to its quote by the writer."""
REJECTION_COLUMNS = ("doc_id", "source", "stage", "reason", "detail")
DUPLICATE_COLUMNS = ("doc_id", "source", "duplicate_of")

SQLITE_RENAMES: Mapping[str, Mapping[str, str]] = {"events": {"place_lat": "lat", "place_lon": "lon"}}
"""Columns the SQLite store has always named differently (kept, so stored queries keep working)."""


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _span_json(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


# ---- records to rows -----------------------------------------------------------------------


def article_row(a: Article) -> Row:
    return {"id": a.id, "title": a.title, "date": _date(a.date), "source": a.source, "url": a.url, "text": a.text,
            "metadata": json.dumps(dict(a.metadata), ensure_ascii=False, sort_keys=True), "outlet": a.outlet}


def removed_row(r: RemovedSpan) -> Row:
    return {"start": r.span.start, "end": r.span.end, "text": r.span.text, "reason": r.reason, "stage": r.stage, "place": r.place}


def mention_row(m: ActorMention) -> Row:
    a = m.actor
    return {"start": m.span.start, "end": m.span.end, "text": m.span.text, "name": a.name, "code": a.code, "country": a.country,
            "kind": a.kind, "rule": m.rule, "affiliation": a.affiliation, "sector": a.sector, "stage": m.stage, "entity": m.entity}


def _prefixed(prefix: str, m: ActorMention | None) -> Row:
    if m is None:
        return {c: None for c in mention_columns(prefix)}
    flat = mention_row(m)
    return {f"{prefix}_{k}": flat[k] for k in MENTION_FIELDS}


def event_row(e: Event) -> Row:
    p, first = e.place, e.evidence[0]
    return {
        **_prefixed("source", e.source), **_prefixed("target", e.target),
        "cameo": e.cameo, "root": e.root, "plover": e.plover or None, "goldstein": e.goldstein, "quad_class": e.quad_class,
        "date": _date(e.date), "place_name": p.name if p else None, "place_country": p.country if p else None,
        "place_lat": p.lat if p else None, "place_lon": p.lon if p else None,
        "evidence_start": first.start, "evidence_end": first.end, "evidence_text": first.text,
        "evidence_all": json.dumps([_span_json(s) for s in e.evidence], ensure_ascii=False),
        "rule": e.rule, "confidence": e.confidence, "stage": e.stage, "assertion": e.assertion,
    }


def quote_row(q: Quote) -> Row:
    return {
        "start": q.span.start, "end": q.span.end, "text": q.span.text, "kind": q.kind, **_prefixed("speaker", q.speaker),
        "cue_start": q.cue.start if q.cue else None, "cue_end": q.cue.end if q.cue else None, "cue_text": q.cue.text if q.cue else None,
        "stage": q.stage, "mode": q.mode,
    }


def quote_mention_rows(q: Quote) -> list[Row]:
    """The actors ``q`` is about, one flat mention each, in text order."""
    return [mention_row(m) for m in q.about]


def rejection_row(r: Rejection) -> Row:
    return {"doc_id": r.doc_id, "source": r.source, "stage": r.stage, "reason": r.reason, "detail": r.detail}


def duplicate_row(d: Duplicate) -> Row:
    return {"doc_id": d.doc_id, "source": d.source, "duplicate_of": d.duplicate_of}


# ---- rows to records -----------------------------------------------------------------------


def article_of(row: Mapping[str, Any]) -> Article:
    return Article(row["id"], row["text"], row["source"], row["title"], _parse_date(row["date"]), row["url"], json.loads(row["metadata"] or "{}"),
                   row.get("outlet"))


def removed_of(doc_id: str, row: Mapping[str, Any]) -> RemovedSpan:
    return RemovedSpan(Span(doc_id, row["start"], row["end"], row["text"]), row["reason"], row["stage"], row.get("place"))


# The store keeps a mention's rule (its provenance), not its typed fields: a mention read back gets them
# from the rule's first part, which the stages that make mentions keep stable (docs/architecture.md).
_SOURCE_OF_RULE = {"quote.unknown-person": MentionSource.SPEAKER_NAME, "quote.description": MentionSource.SPEAKER_DESCRIPTION,
                   "quote.continuation-pronoun": MentionSource.SPEAKER_PRONOUN, "person.surname": MentionSource.SURNAME}
_OWNER_RULES = ("pronoun.his", "pronoun.her", "pronoun.hers", "pronoun.its", "pronoun.their", "pronoun.theirs")


def _typed(stored: str | None) -> tuple[MentionSource, MentionRole, bool]:
    """(found_by, role, possessive) of a stored mention; a rule of no known family (or none: an old store)
    reads as a name."""
    rule = stored or ""
    family = rule.split(".")[0]
    known = {s.value for s in MentionSource}
    found_by = _SOURCE_OF_RULE.get(rule) or (MentionSource(family) if family in known else MentionSource.PERSON)
    role = MentionRole.PLACE if rule.endswith(".place") else MentionRole.ACTOR
    possessive = rule in _OWNER_RULES or rule.removesuffix(".relative") in _OWNER_RULES
    return found_by, role, possessive


def mention_of(doc_id: str, row: Mapping[str, Any], prefix: str = "") -> ActorMention | None:
    """The mention in ``row`` (under ``prefix_`` when given); ``None`` when the row has none there."""
    def get(key: str) -> Any:
        return row[f"{prefix}_{key}" if prefix else key]

    if get("text") is None:
        return None
    actor = Actor(get("code"), get("name"), get("country"), get("kind"), get("sector"), None, get("affiliation"))
    entity = row.get(f"{prefix}_entity" if prefix else "entity")
    found_by, role, possessive = _typed(get("rule"))
    return ActorMention(Span(doc_id, get("start"), get("end"), get("text")), actor, get("rule"), get("stage"), found_by, role,
                        entity=entity, possessive=possessive)


def _evidence(doc_id: str, row: Mapping[str, Any]) -> tuple[Span, ...]:
    if row.get("evidence_all"):
        return tuple(Span(doc_id, s["start"], s["end"], s["text"]) for s in json.loads(row["evidence_all"]))
    return (Span(doc_id, row["evidence_start"], row["evidence_end"], row["evidence_text"]),)


def event_of(doc_id: str, row: Mapping[str, Any]) -> Event:
    source = mention_of(doc_id, row, "source")
    if source is None:
        raise ValueError(f"an event row of {doc_id} has no source actor")
    place = None if row["place_name"] is None else Place(row["place_name"], row["place_country"], row["place_lat"], row["place_lon"])
    return Event(
        source, mention_of(doc_id, row, "target"), row["cameo"], row["root"], row["plover"] or "", row["goldstein"], row["quad_class"],
        _parse_date(row["date"]), place, _evidence(doc_id, row), row["rule"], row["confidence"], row["stage"],
        row.get("assertion") or "asserted",
    )


def quote_of(doc_id: str, row: Mapping[str, Any], about: Iterable[Mapping[str, Any]] = ()) -> Quote:
    """The quote in ``row``, with the rows of :func:`quote_mention_rows` it is about."""
    cue = None if row["cue_start"] is None else Span(doc_id, row["cue_start"], row["cue_end"], row["cue_text"])
    mentions = tuple(m for m in (mention_of(doc_id, r) for r in about) if m is not None)
    return Quote(Span(doc_id, row["start"], row["end"], row["text"]), row["kind"], mention_of(doc_id, row, "speaker"), cue, row["stage"],
                 row.get("mode") or "speech", mentions)


def rejection_of(row: Mapping[str, Any]) -> Rejection:
    return Rejection(row["doc_id"], row["source"], row["stage"], row["reason"], row["detail"])


def duplicate_of(row: Mapping[str, Any]) -> Duplicate:
    return Duplicate(row["doc_id"], row["source"], row["duplicate_of"])
