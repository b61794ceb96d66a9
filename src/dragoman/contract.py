"""The output contract: one JSON object per article (schema in contract.schema.json)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from dragoman.actors.chains import entities_of
from dragoman.records import ActorMention, CodedArticle, Entity, Duplicate, Event, Place, Quote, Rejection, Result, Span

JsonObject = dict[str, Any]


def _actor(m: ActorMention) -> JsonObject:
    out: JsonObject = {"text": m.span.text, "name": m.actor.name, "code": m.actor.code, "country": m.actor.country}
    if m.actor.affiliation:
        out["affiliation"] = m.actor.affiliation
    if m.entity is not None:
        out["entity"] = m.entity
    return out


def _mention(m: ActorMention) -> JsonObject:
    out: JsonObject = {
        "start": m.span.start, "end": m.span.end, "text": m.span.text,
        "name": m.actor.name, "code": m.actor.code, "country": m.actor.country, "kind": m.actor.kind, "rule": m.rule,
    }
    if m.actor.affiliation:
        out["affiliation"] = m.actor.affiliation
    if m.entity is not None:
        out["entity"] = m.entity
    return out


def _entity(e: Entity) -> JsonObject:
    a = e.actor
    return {"id": e.id, "name": a.name, "code": a.code, "country": a.country, "kind": a.kind, "sector": a.sector,
            "mentions": e.mentions, "first": _span(e.first)}


def _span(s: Span) -> JsonObject:
    return {"start": s.start, "end": s.end, "text": s.text}


def _place(p: Place | None) -> JsonObject | None:
    if p is None:
        return None
    return {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon}


def _event(e: Event) -> JsonObject:
    return {
        "source": _actor(e.source), "target": _actor(e.target) if e.target else None,
        "cameo": e.cameo, "root": e.root, "plover": e.plover or None, "goldstein": e.goldstein, "quad_class": e.quad_class,
        "date": e.date.isoformat() if e.date else None, "place": _place(e.place),
        "evidence": _span(e.evidence[0]), "evidence_all": [_span(s) for s in e.evidence],
        "rule": e.rule, "confidence": e.confidence, "assertion": e.assertion,
    }


def _about(m: ActorMention) -> JsonObject:
    """An actor a quote mentions: its chain (``None`` for a place), identity and span."""
    out: JsonObject = {
        "entity": m.entity, "code": m.actor.code, "name": m.actor.name, "country": m.actor.country, "kind": m.actor.kind,
        "start": m.span.start, "end": m.span.end, "text": m.span.text,
    }
    if m.actor.affiliation:
        out["affiliation"] = m.actor.affiliation
    return out


def _quote(q: Quote) -> JsonObject:
    return {
        "start": q.span.start, "end": q.span.end, "text": q.span.text, "kind": q.kind, "mode": q.mode,
        "speaker": _actor(q.speaker) if q.speaker else None, "cue": _span(q.cue) if q.cue else None,
        "about": [_about(m) for m in q.about],
    }


def article_to_json(coded: CodedArticle) -> JsonObject:
    a = coded.article
    return {
        "id": a.id, "title": a.title, "date": a.date.isoformat() if a.date else None, "source": a.source,
        "removed": [{**_span(r.span), "reason": r.reason, **({"place": r.place} if r.place else {})} for r in coded.removed],
        "actors": [_mention(m) for m in coded.actors],
        "entities": [_entity(e) for e in entities_of(coded.actors)],
        "events": [_event(e) for e in coded.events],
        "quotes": [_quote(q) for q in coded.quotes],
    }


def rejection_to_json(r: Rejection) -> JsonObject:
    return {"id": r.doc_id, "source": r.source, "rejected": {"stage": r.stage, "reason": r.reason, "detail": r.detail}}


def duplicate_to_json(d: Duplicate) -> JsonObject:
    return {"id": d.doc_id, "source": d.source, "duplicate_of": d.duplicate_of}


def result_to_json(item: Result) -> JsonObject:
    """The contract's object for any result: an article, a rejection or a duplicate."""
    if isinstance(item, Rejection):
        return rejection_to_json(item)
    if isinstance(item, Duplicate):
        return duplicate_to_json(item)
    return article_to_json(item)


def contract_schema() -> JsonObject:
    text = resources.files("dragoman").joinpath("contract.schema.json").read_text(encoding="utf-8")
    schema: JsonObject = json.loads(text)
    return schema
