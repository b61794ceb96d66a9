"""Score whole articles against article-level gold (the seed .json and ``../shared/gold/*.gold.jsonl``).

One scorer for article gold, whether a file holds one object (the seed) or one article a line;
several files are scored as one set (as if concatenated). The conventions are those of the
project's reference scorer (``../shared/gold/score.py``), written again here (docs/eval.md):

* **events** on (source key, target key, CAMEO root). A key is ``IGO`` for any ``IGO…`` code,
  else the code's first three letters (legacy CAMEO countries JAP/ITL/VTN read as JPN/ITA/VNM),
  else the actor's ISO country; ``None`` when none is known. A gold ``null`` (or empty) source or
  target matches any predicted one. A gold event whose *first* root is 04 (consult) matches in
  either direction. Each article's predictions are reduced to one per distinct
  (source, target, root), the first in output order. Precision: distinct predictions that match
  any gold event (required or optional) over all distinct predictions; a prediction whose first
  evidence span overlaps a gold boilerplate run is counted as ``from_junk`` and is never right
  (it stays in the denominator). Recall: required gold events matched by any prediction (junk
  included). Articles with no gold event are left out of the event figures.
* **quotes** per group (``direct``; ``direct`` + ``mixed``; ``indirect``), over the articles
  that have gold quotes of the group: a prediction is right when at least half of it lies inside
  a gold quote of the group; a required gold quote is found when the predictions lying half
  inside it cover at least half of it; the speaker of a found quote (the longest such
  prediction) is right when the gold speaker's last capitalised word is a substring of the
  predicted speaker's name or text; gold speakers that are no name are not scored.
  Where gold quotes carry a ``cue`` (PolNeAR), ``quotes_indirect_speech`` scores the indirect
  ones whose cue is a verb of speaking or writing or "according to" (``data/speech_cues.tsv``):
  recall over those; precision counts an indirect prediction right when half of it lies inside
  any gold attribution of the article, of whatever kind or cue.
* **actors**: a gold surface is right when a predicted mention whose text equals, contains or is
  contained in it resolves to a name holding the gold name's last word.
* **boilerplate**: gold runs of which at least 90 % of the characters were removed; and
  (dragoman's own figure, not in score.py) the share of removed characters that lie in gold runs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from dragoman.errors import GoldFormatError
from dragoman.knowledge import packaged_text, read_rows
from dragoman.records import Actor, CodedArticle, Event, Quote, Rejection

__all__ = [
    "GoldArticle", "GoldEvent", "GoldQuote", "actor_key", "article_input", "is_article_gold",
    "load_article_gold", "score_article_gold",
]

# Old CAMEO country codes found in some gold, and their ISO 3166 codes.
LEGACY_COUNTRY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# Quote groups scored, as (report key, gold/predicted kinds).
QUOTE_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("quotes_direct", frozenset({"direct"})),
    ("quotes_direct_mixed", frozenset({"direct", "mixed"})),
    ("quotes_indirect", frozenset({"indirect"})),
)
QUOTE_OVERLAP = 0.5  # share of a prediction inside a gold quote, and of a gold quote covered
BOILERPLATE_COVER = 0.9  # share of a gold junk run that must be removed
_NAME_WORD = re.compile(r"[A-Za-z][\w'-]+")
_ASIDE = re.compile(r"\([^)]*\)|'s\b|’s\b")  # "(D-Mo.)" and possessives, dropped from a gold speaker

Interval = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str | None  # actor key; None: any source matches
    target: str | None
    roots: frozenset[str]
    required: bool
    symmetric: bool
    evidence: str


@dataclass(frozen=True, slots=True)
class GoldQuote:
    spans: tuple[Interval, ...]  # empty when the quote is not found in the text
    speaker: str | None
    kind: str
    required: bool
    speaker_is_pronoun: bool
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]
    quotes: tuple[GoldQuote, ...]
    actors: tuple[tuple[str, str], ...]  # surface -> canonical name, in file order
    boilerplate: tuple[str, ...]
    has_events: bool
    has_quotes: bool
    has_actors: bool  # the record carries an ``actors`` object (even an empty one)


def actor_key(code: str | None, country: str | None = None) -> str | None:
    """The comparable part of an actor: 'IGO' for any IGO, else the 3-letter country; None when unknown."""
    c = (code or "").upper()
    if c.startswith("IGO"):
        return "IGO"
    if len(c) >= 3 and c[:3].isalpha():
        return LEGACY_COUNTRY.get(c[:3], c[:3])
    if country and len(country) == 3:
        return country.upper()
    return None


def _key_of(actor: Actor | None) -> str | None:
    return actor_key(actor.code, actor.country) if actor is not None else None


def is_article_gold(record: Mapping[str, Any]) -> bool:
    """Article gold carries ``actors`` (surface -> name), ``boilerplate`` or events with ``roots``."""
    events = record.get("events")
    has_roots = isinstance(events, list) and any(isinstance(e, Mapping) and "roots" in e for e in events)
    return isinstance(record.get("actors"), Mapping) or "boilerplate" in record or has_roots


def _fail(where: str, message: str) -> GoldFormatError:
    return GoldFormatError(f"{where}: {message}")


def _list(record: Mapping[str, Any], name: str, where: str) -> list[Any]:
    value = record.get(name) or []
    if not isinstance(value, list):
        raise _fail(where, f"'{name}' must be a list")
    return value


def _event(e: Any, where: str, reciprocal: bool) -> GoldEvent:
    if not isinstance(e, Mapping):
        raise _fail(where, "an event must be an object")
    roots = e.get("roots")
    if not isinstance(roots, list) or not all(isinstance(r, (str, int)) for r in roots):
        raise _fail(where, f"event {e.get('evidence')!r} needs 'roots', a list of CAMEO root codes")
    for side in ("source", "target"):
        if e.get(side) is not None and not isinstance(e.get(side), str):
            raise _fail(where, f"event {e.get('evidence')!r}: '{side}' must be an actor code or null")
    first = str(roots[0]) if roots else ""
    return GoldEvent(
        source=actor_key(e.get("source")), target=actor_key(e.get("target")),
        roots=frozenset(str(r) for r in roots), required=bool(e.get("required", True)),
        symmetric=first == "04" or reciprocal, evidence=str(e.get("evidence") or ""),
    )


def _quote(q: Any, text: str, where: str) -> GoldQuote:
    if not isinstance(q, Mapping) or not isinstance(q.get("quote", ""), str):
        raise _fail(where, "a quote must be an object with a string 'quote'")
    given = q.get("quote_spans")
    if given:
        spans = tuple((int(s), int(e)) for s, e in given)
    else:
        start = text.find(q.get("quote", ""))
        spans = ((start, start + len(q["quote"])),) if start >= 0 else ()
    speaker = q.get("speaker")
    cue = q.get("cue")
    return GoldQuote(spans, speaker if isinstance(speaker, str) else None, str(q.get("type", "direct")),
                     bool(q.get("required", True)), bool(q.get("speaker_is_pronoun")), cue if isinstance(cue, str) else None)


def gold_article(record: Mapping[str, Any], where: str) -> GoldArticle:
    """One gold record, checked; ``where`` (file:line) names it in errors."""
    text, doc_id = record.get("text"), record.get("id")
    if not isinstance(text, str) or doc_id in (None, ""):
        raise _fail(where, "an article gold record needs an 'id' and a string 'text'")
    actors = record.get("actors")
    if actors is not None and not (isinstance(actors, Mapping) and all(isinstance(v, (str, type(None))) for v in actors.values())):
        raise _fail(where, "'actors' must map surface texts to canonical names")
    boilerplate = _list(record, "boilerplate", where)
    if not all(isinstance(b, str) and b for b in boilerplate):
        raise _fail(where, "'boilerplate' must list non-empty verbatim runs")
    date = record.get("date")
    reciprocal = bool(record.get("reciprocal"))
    return GoldArticle(
        id=str(doc_id), text=text, date=date if isinstance(date, str) else None,
        events=tuple(_event(e, where, reciprocal) for e in _list(record, "events", where)),
        quotes=tuple(_quote(q, text, where) for q in _list(record, "quotes", where)),
        actors=tuple((str(s), str(n or "")) for s, n in (actors or {}).items()),
        boilerplate=tuple(boilerplate),
        has_events=bool(record.get("events")), has_quotes=bool(record.get("quotes")),
        has_actors=isinstance(actors, Mapping),
    )


def _records(path: Path) -> Iterable[tuple[Mapping[str, Any], str]]:
    if path.suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            raise _fail(str(path), f"invalid JSON ({e.msg} at line {e.lineno})") from e
        if not isinstance(data, Mapping):
            raise _fail(str(path), "expected one gold object")
        yield data, str(path)
        return
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise _fail(where, f"invalid JSON ({e.msg})") from e
            if not isinstance(record, Mapping):
                raise _fail(where, "expected one gold object per line")
            yield record, where


def load_article_gold(paths: Sequence[Path], limit: int | None = None) -> list[GoldArticle]:
    """The gold articles of ``paths`` in order (a .json holds one, a .jsonl one a line)."""
    out: list[GoldArticle] = []
    for path in paths:
        for record, where in _records(path):
            if limit is not None and len(out) >= limit:
                return out
            if not is_article_gold(record):
                raise _fail(where, "not article gold (no 'actors', 'boilerplate' or events with 'roots')")
            out.append(gold_article(record, where))
    return out


def article_input(gold: GoldArticle) -> dict[str, Any]:
    """What the reference scorer feeds ``dragoman code``: id, text and date only."""
    return {"id": gold.id, "text": gold.text, "date": gold.date}


# ---- events ---------------------------------------------------------------------------------

def _overlaps(span: Interval, spans: Iterable[Interval]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _junk_runs(gold: GoldArticle) -> list[Interval]:
    runs = []
    for run in gold.boilerplate:
        start = gold.text.find(run)
        if start >= 0:
            runs.append((start, start + len(run)))
    return runs


def _event_matches(g: GoldEvent, source: str | None, target: str | None, root: str) -> bool:
    if root not in g.roots:
        return False
    pairs = [(source, target), (target, source)] if g.symmetric else [(source, target)]
    return any((g.source is None or a == g.source) and (g.target is None or b == g.target) for a, b in pairs)


def _triple(e: Event) -> tuple[str | None, str | None, str]:
    return _key_of(e.source.actor), _key_of(e.target.actor if e.target else None), e.root


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_events(golds: Sequence[GoldArticle], coded: Mapping[str, CodedArticle]) -> dict[str, Any]:
    n_gold = tp_gold = n_pred = tp_pred = junk = 0
    missed: list[str] = []
    wrong: list[str] = []
    for gold in golds:
        scored = [g for g in gold.events if g.roots]  # an event with no root can match nothing
        if not scored:
            continue
        result = coded.get(gold.id)
        events = result.events if result is not None else ()
        distinct: dict[tuple[str | None, str | None, str], Event] = {}
        for e in events:
            distinct.setdefault(_triple(e), e)
        junk_runs = _junk_runs(gold)
        n_pred += len(distinct)
        for triple, e in distinct.items():
            evidence = (e.evidence[0].start, e.evidence[0].end) if e.evidence else (-1, -1)
            if junk_runs and _overlaps(evidence, junk_runs):
                junk += 1
                wrong.append(f"{gold.id}: {triple[0]}->{triple[1]} {triple[2]} (in boilerplate)")
            elif any(_event_matches(g, *triple) for g in scored):
                tp_pred += 1
            else:
                wrong.append(f"{gold.id}: {triple[0]}->{triple[1]} {triple[2]}")
        for g in scored:
            if not g.required:
                continue
            n_gold += 1
            if any(_event_matches(g, *triple) for triple in distinct):
                tp_gold += 1
            else:
                missed.append(f"{gold.id}: {g.source}->{g.target} {'/'.join(sorted(g.roots))} {g.evidence!r}")
    p, r, f = _prf(tp_pred, n_pred, tp_gold, n_gold)
    return {"events_gold": n_gold, "events_pred": n_pred, "recall": round(r, 3), "precision": round(p, 3),
            "f1": round(f, 3), "from_junk": junk, "found": tp_gold, "right": tp_pred, "missed": missed, "wrong": wrong}


# ---- quotes ---------------------------------------------------------------------------------

def _share(gold: Sequence[Interval], pred: Interval) -> tuple[float, float]:
    """(share of the gold quote covered by ``pred``, share of ``pred`` inside the gold quote)."""
    total = sum(end - start for start, end in gold) or 1
    inter = sum(max(0, min(end, pred[1]) - max(start, pred[0])) for start, end in gold)
    return inter / total, inter / max(1, pred[1] - pred[0])


def _interval(q: Quote) -> Interval:
    return q.span.start, q.span.end


def speaker_right(gold_speaker: str | None, predicted: Quote) -> bool | None:
    """Is the gold speaker's last capitalised word in the predicted speaker's name or text?
    None when the gold speaker is no name (not scored)."""
    head = _ASIDE.sub("", (gold_speaker or "").split(",")[0])
    words = [w for w in _NAME_WORD.findall(head) if w[0].isupper()]
    if not words:
        return None
    mention = predicted.speaker
    if mention is None:
        return False
    hay = f"{mention.actor.name or ''} {mention.span.text or ''}".lower()
    return words[-1].lower() in hay


def load_speech_cues() -> frozenset[str]:
    """The word forms that make a gold cue a verb of speaking or writing (``data/speech_cues.tsv``)."""
    forms: set[str] = set()
    for row in read_rows(packaged_text("dragoman.eval", "speech_cues.tsv"), "eval/data/speech_cues.tsv", ("lemma", "forms")):
        words = [f.strip().lower() for f in row["forms"].split(",") if f.strip()]
        if not words:
            raise row.error("a cue needs at least one form; write 'lemma<TAB>form,form,...'")
        forms.update(words)
    return frozenset(forms)


def speech_cue(forms: frozenset[str]) -> Callable[[GoldQuote], bool]:
    """A gold-quote filter: the cue starts with "according to" or ends with a speech/writing form."""
    def accepts(q: GoldQuote) -> bool:
        cue = (q.cue or "").lower().strip()
        return cue.startswith("according to") or (cue.split()[-1] if cue.split() else "") in forms
    return accepts


def score_quotes(
    golds: Sequence[GoldArticle], coded: Mapping[str, CodedArticle], kinds: frozenset[str],
    gold_filter: Callable[[GoldQuote], bool] | None = None,
) -> dict[str, Any]:
    """One quote group's figures; with ``gold_filter``, recall only over the gold quotes it accepts and
    a prediction right when it lies inside any gold attribution of the article (of any kind)."""
    n_gold = found = n_pred = right = speakers = speakers_right = 0
    for gold in golds:
        group = [q for q in gold.quotes if q.kind in kinds]
        if not group:
            continue
        result = coded.get(gold.id)
        preds = [q for q in (result.quotes if result is not None else ()) if q.kind in kinds]
        n_pred += len(preds)
        every = list(gold.quotes) if gold_filter is not None else group
        right += sum(1 for p in preds if any(g.spans and _share(g.spans, _interval(p))[1] >= QUOTE_OVERLAP for g in every))
        for g in group:
            if not g.required or (gold_filter is not None and not gold_filter(g)):
                continue
            n_gold += 1
            inside = [p for p in preds if g.spans and _share(g.spans, _interval(p))[1] >= QUOTE_OVERLAP]
            if not inside or sum(_share(g.spans, _interval(p))[0] for p in inside) < QUOTE_OVERLAP:
                continue
            found += 1
            best = max(inside, key=lambda p: p.span.end - p.span.start)
            ok = speaker_right(g.speaker, best)
            if ok is not None and not g.speaker_is_pronoun:
                speakers += 1
                speakers_right += int(ok)
    p, r, _ = _prf(right, n_pred, found, n_gold)
    return {"quotes_gold": n_gold, "quotes_pred": n_pred, "recall": round(r, 3), "precision": round(p, 3),
            "speaker_acc": round(speakers_right / speakers, 3) if speakers else None, "speaker_scored": speakers}


# ---- actors and boilerplate -----------------------------------------------------------------

def score_actors(golds: Sequence[GoldArticle], coded: Mapping[str, CodedArticle]) -> dict[str, Any]:
    n = right = 0
    wrong: list[str] = []
    for gold in golds:
        result = coded.get(gold.id)
        names: dict[str, set[str]] = {}
        for m in result.actors if result is not None else ():
            names.setdefault(m.span.text, set()).add(m.actor.name or "")
        for surface, canonical in gold.actors:
            n += 1
            candidates = {x for t, v in names.items() if t and (surface == t or surface in t or t in surface) for x in v}
            last = canonical.split()[-1].lower() if canonical.split() else ""
            if last and any(last in x.lower() for x in candidates):
                right += 1
            else:
                wrong.append(f"{gold.id}: {surface!r} -> {sorted(candidates)} (gold {canonical!r})")
    return {"n": n, "right": right, "accuracy": round(right / n, 3) if n else None, "wrong": wrong}


def _chars(intervals: Iterable[Interval]) -> set[int]:
    return {i for start, end in intervals for i in range(start, end)}


def score_boilerplate(golds: Sequence[GoldArticle], coded: Mapping[str, CodedArticle]) -> dict[str, Any]:
    n = hit = removed_chars = removed_in_gold = 0
    for gold in golds:
        result = coded.get(gold.id)
        removed = [(r.span.start, r.span.end) for r in (result.removed if result is not None else ())]
        for run in gold.boilerplate:
            n += 1
            start = gold.text.find(run)
            covered = sum(max(0, min(end, start + len(run)) - max(s, start)) for s, end in removed)
            hit += int(covered >= BOILERPLATE_COVER * len(run))
        junk = _chars(_junk_runs(gold))
        cut = _chars(removed)
        removed_chars += len(cut)
        removed_in_gold += len(cut & junk)
    return {"junk_spans": n, "removed": hit,
            "removed_chars": removed_chars, "precision": round(removed_in_gold / removed_chars, 3) if removed_chars else 0.0}


# ---- the whole report -----------------------------------------------------------------------

def score_article_gold(golds: Sequence[GoldArticle], results: Iterable[CodedArticle | Rejection]) -> dict[str, Any]:
    """The figures of ``results`` (the pipeline's output on ``golds``' texts) against ``golds``.

    Sections appear as in score.py: events when some article has gold events, quotes when some
    has gold quotes, boilerplate when some lists a junk run, actors when some has an actors map.
    A rejected article counts as an article with no output.
    """
    coded: dict[str, CodedArticle] = {}
    rejected = 0
    for item in results:
        if isinstance(item, CodedArticle):
            coded.setdefault(item.article.id, item)
        else:
            rejected += 1
    report: dict[str, Any] = {"records": len(golds), "coded": sum(1 for g in golds if g.id in coded), "rejected": rejected}
    if any(g.has_events for g in golds):
        report["events_cameo_root"] = score_events(golds, coded)
    if any(g.has_quotes for g in golds):
        for name, kinds in QUOTE_GROUPS:
            report[name] = score_quotes(golds, coded, kinds)
        if any(q.cue for g in golds for q in g.quotes):
            report["quotes_indirect_speech"] = score_quotes(golds, coded, frozenset({"indirect"}), speech_cue(load_speech_cues()))
    if any(g.boilerplate for g in golds):
        report["boilerplate"] = score_boilerplate(golds, coded)
    if any(g.has_actors for g in golds):
        report["actors"] = score_actors(golds, coded)
    return report
