"""Score event coding on the JSONL gold sets in ../shared/external.

* ``plover_gsr_cameo.jsonl``: micro P/R/F1 on (source country, target country where the
  gold has one, PLOVER type), and on the CAMEO root for records with ``cameo_code``;
  plus actor coverage: how often a gold actor's country is among the resolved actors.
* ``cameo_manual_examples.jsonl``: share of examples whose most confident event has the
  gold CAMEO root (actors are not annotated there).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from dragoman.eval.metrics import Score
from dragoman.events import CodeReading
from dragoman.records import Actor, CodedArticle

Record = Mapping[str, Any]
# The gold file codes PLOVER 0.5b1 types; dragoman codes the 2021 names (as in
# cameo2plover_2021.txt and the records' code_plover_2023 field).
PLOVER_RENAMED = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


# Legacy CAMEO country codes in the gold, and their ISO 3166 equivalents.
LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


# The gold's country slot holds IGO for transnational organisations whether intergovernmental
# or not (Amnesty International, the Red Cross, the Red Crescent are IGO there) and NGO for a
# few others; dragoman codes Amnesty and the ICRC as NGOs, with no country. Both sides' country-less
# organisations are compared as one class.
INTERNATIONAL = "IGO/NGO"


def _country(code: str | None) -> str | None:
    if not code:
        return None
    country = LEGACY_COUNTRY.get(code[:3], code[:3])
    return INTERNATIONAL if country in ("IGO", "NGO") else country


def _actor_country(actor: Actor | None) -> str | None:
    """An actor's country, or INTERNATIONAL for organisations with none (as the gold codes them)."""
    if actor is None:
        return None
    if actor.code and (actor.code.startswith("IGO") or (actor.code.startswith("NGO") and not actor.country)):
        return INTERNATIONAL
    return actor.country or _country(actor.code)


def _match(gold: list[tuple[str | None, str | None, str]], pred: list[tuple[str | None, str | None, str]]) -> tuple[int, int, int]:
    left = list(pred)
    tp = 0
    for g_src, g_tgt, g_type in gold:
        for p in left:
            if p[0] == g_src and p[2] == g_type and (g_tgt is None or p[1] == g_tgt):
                left.remove(p)
                tp += 1
                break
    return tp, len(left), len(gold) - tp


def score_plover(records: Iterable[Record], code: Callable[[Record], CodedArticle | None]) -> dict[str, Any]:
    tp = fp = fn = 0
    rtp = rfp = rfn = 0
    cover_hit = cover_total = 0
    failed = 0
    n = 0
    for record in records:
        n += 1
        coded = code(record)
        if coded is None:
            failed += 1
            continue
        gold = [(_country(e.get("source")), _country(e.get("target")), PLOVER_RENAMED.get(e["code"], e["code"])) for e in record.get("events", [])]
        # an event with no PLOVER type (CAMEO 01, public statements) is not a PLOVER prediction
        pred = list({(_actor_country(e.source.actor), _actor_country(e.target.actor) if e.target else None, e.plover) for e in coded.events if e.plover})
        a, b, c = _match(gold, pred)
        tp, fp, fn = tp + a, fp + b, fn + c
        if record.get("cameo_code"):
            root = str(record["cameo_code"])[:2]
            groot = [(g[0], g[1], root) for g in gold]
            rpred = list({(_actor_country(e.source.actor), _actor_country(e.target.actor) if e.target else None, e.root) for e in coded.events})
            a, b, c = _match(groot, rpred)
            rtp, rfp, rfn = rtp + a, rfp + b, rfn + c
        resolved = {m.actor.country for m in coded.actors} | {(m.actor.code or "")[:3] for m in coded.actors}
        for actor in [*record.get("source_actors", []), *record.get("target_actors", [])]:
            if not isinstance(actor, Mapping):
                continue
            gold_code = str(actor.get("code") or "")
            country = LEGACY_COUNTRY.get(gold_code[:3], gold_code[:3])
            if country and len(country) == 3 and country.isalpha():
                cover_total += 1
                cover_hit += int(country in resolved)
    return {
        "records": n,
        "failed": failed,
        "plover": Score(tp, fp, fn).as_dict(),
        "cameo_root": Score(rtp, rfp, rfn).as_dict(),
        "actor_country_coverage": round(cover_hit / cover_total, 4) if cover_total else 0.0,
        "actor_country_total": cover_total,
    }


def score_cameo_examples(records: Iterable[Record], code: Callable[[Record], CodedArticle | None], readings: Callable[[Record], tuple[CodeReading, ...]]) -> dict[str, Any]:
    """Root accuracy of the most confident event; where no event has actors (they are not
    annotated in this set and often are not states), of the most confident code reading."""
    right = total = no_event = from_events = 0
    for record in records:
        golds = [str(e["code"]) for e in record.get("events", []) if e.get("code")]
        if not golds:
            continue
        total += 1
        coded = code(record)
        if coded is not None and coded.events:
            root = max(coded.events, key=lambda e: e.confidence).root
            from_events += 1
        else:
            found = readings(record)
            if not found:
                no_event += 1
                continue
            root = max(found, key=lambda r: r.confidence).cameo[:2]
        right += int(root == golds[0][:2])
    return {"examples": total, "root_accuracy": round(right / total, 4) if total else 0.0, "right": right,
            "scored_on_events": from_events, "no_code": no_event}
