"""Score one article against a careful human extraction (the seed gold's format).

Events are compared on (source country, target country, CAMEO root): a gold event lists
the roots a careful coder accepts; a note "either direction" accepts the reverse dyad and
"(AAA->BBB equally ...)" an alternative dyad. Recall counts the gold's required events;
precision counts the predicted directed dyads (unique (source, target, root) triples)
that match any gold event, required or optional. Quotes match on character overlap
(>= 80% of the gold quote, and >= 50% of the prediction) with the right speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from dragoman.eval.metrics import Score, char_overlap
from dragoman.records import CodedArticle

_ALT_DYAD = re.compile(r"\b([A-Z]{3})\s*->\s*([A-Z]{3})\b")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    dyads: tuple[tuple[str, str], ...]
    roots: frozenset[str]
    required: bool
    evidence: str


def _gold_events(gold: Mapping[str, Any]) -> list[GoldEvent]:
    out = []
    for e in gold.get("events", []):
        note = e.get("note", "") or ""
        dyads = [(e["source"], e["target"])]
        if "either direction" in note:
            dyads.append((e["target"], e["source"]))
        dyads += [(a, b) for a, b in _ALT_DYAD.findall(note) if (a, b) not in dyads]
        out.append(GoldEvent(tuple(dyads), frozenset(e["roots"]), bool(e.get("required")), e.get("evidence", "")))
    return out


def _surname_match(gold: str | None, predicted: str | None) -> bool:
    if not gold or not predicted:
        return False
    return gold == predicted or gold.split()[-1] == predicted.split()[-1]


def score_article(gold: Mapping[str, Any], coded: CodedArticle) -> dict[str, Any]:
    text = coded.article.text
    # events
    events = _gold_events(gold)
    predicted = {(e.source.actor.country, e.target.actor.country, e.root) for e in coded.events if e.target is not None and e.source.actor.country and e.target.actor.country}
    undirected = sum(1 for e in coded.events if e.target is None)

    def matches(triple: tuple[str | None, str | None, str], g: GoldEvent) -> bool:
        return triple[2] in g.roots and (triple[0], triple[1]) in g.dyads

    required = [g for g in events if g.required]
    found_required = [g for g in required if any(matches(p, g) for p in predicted)]
    correct = [p for p in predicted if any(matches(p, g) for g in events)]
    event_recall = Score(len(found_required), 0, len(required) - len(found_required))
    event_precision = Score(len(correct), len(predicted) - len(correct), 0)
    missed = [g.evidence for g in required if g not in found_required]
    wrong = sorted(f"{s}->{t} {r}" for s, t, r in predicted if (s, t, r) not in correct)

    # quotes
    quote_rows = []
    q_tp = 0
    req_total = 0
    for g in gold.get("quotes", []):
        start = text.find(g["quote"])
        if start < 0:
            continue
        span = (start, start + len(g["quote"]))
        best = None
        for q in coded.quotes:
            ov = char_overlap(span, (q.span.start, q.span.end))
            if ov >= 0.8 * (span[1] - span[0]) and ov >= 0.5 * (q.span.end - q.span.start):
                best = q
                break
        speaker = best.speaker.actor.name if best is not None and best.speaker is not None else None
        ok = best is not None and _surname_match(g["speaker"], speaker)
        if g.get("required"):
            req_total += 1
            q_tp += int(ok)
        quote_rows.append({"quote": g["quote"][:60], "required": bool(g.get("required")), "found": best is not None, "speaker": speaker, "gold_speaker": g["speaker"], "right": ok})
    gold_quote_spans = [(text.find(g["quote"]), text.find(g["quote"]) + len(g["quote"])) for g in gold.get("quotes", []) if text.find(g["quote"]) >= 0]
    spurious = [q.span.text[:60] for q in coded.quotes if not any(char_overlap((q.span.start, q.span.end), s) > 0 for s in gold_quote_spans)]
    quote_score = Score(q_tp, len(spurious), req_total - q_tp)

    # boilerplate
    gold_junk = [(text.find(b), text.find(b) + len(b)) for b in gold.get("boilerplate", []) if text.find(b) >= 0]
    removed = [(r.span.start, r.span.end) for r in coded.removed]
    b_tp = sum(1 for g in gold_junk if any(char_overlap(g, r) >= 0.8 * (g[1] - g[0]) for r in removed))
    b_fp = sum(1 for r in removed if not any(char_overlap(g, r) >= 0.8 * (r[1] - r[0]) for g in gold_junk))
    boiler = Score(b_tp, b_fp, len(gold_junk) - b_tp)

    # actors
    actor_rows = []
    for surface, name in (gold.get("actors") or {}).items():
        hits = [m for m in coded.actors if m.span.text == surface or m.span.text.endswith(surface)]
        actor_rows.append({"surface": surface, "gold": name, "resolved": sorted({m.actor.name or "" for m in hits}), "right": bool(hits) and all(m.actor.name == name for m in hits)})
    actors_right = sum(1 for r in actor_rows if r["right"])

    return {
        "events": {"required_recall": event_recall.as_dict(), "precision": event_precision.as_dict(), "predicted_dyads": len(predicted), "undirected_events": undirected, "missed_required": missed, "wrong": wrong},
        "quotes": {**quote_score.as_dict(), "rows": quote_rows, "spurious": spurious},
        "boilerplate": boiler.as_dict(),
        "actors": {"right": actors_right, "total": len(actor_rows), "rows": actor_rows},
    }
