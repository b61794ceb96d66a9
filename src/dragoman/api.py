"""The public functions behind each CLI command (the CLI only parses and prints)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Sequence

from dragoman.actors import ActorResources, entities_of, person_actor, title_holder
from dragoman.clean import find_boilerplate
from dragoman.errors import InputError
from dragoman.eval import evaluate, gold_kind
from dragoman.eval.baseline import Baseline, Corpus, Rebased, check_floors, corpus_digest, load_baseline, rebase, render_baseline
from dragoman.events.assertion import EMITTED
from dragoman.events.coder import best_matches, one_sided_allowed, sentence_view
from dragoman.nlp import parse_article
from dragoman.ingest import read_articles
from dragoman.pipeline import Pipeline, code_article, code_articles
from dragoman.records import ActorMention, Article, CodedArticle, Event, Rejection, Result
from dragoman.store import StoreSummary, connect, summarize, write_stream
from dragoman.store.writer import StoredIndex, read_stored_index

__all__ = [
    "ActorHit", "CorpusCheck", "actors_lookup", "actors_stats", "baseline_check", "baseline_update", "code", "eval_gold",
    "explain", "store_results", "stored_index",
]


def code(
    pipeline: Pipeline, paths: Iterable[str], default_date: dt.date | None = None, stdin: BinaryIO | None = None,
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[Result]:
    """Code every article under ``paths``; ``default_date`` fills in articles without a date.

    ``skip`` (e.g. :meth:`StoredIndex.holds`) leaves out articles before they are coded.
    """
    yield from code_articles(pipeline, read_articles(paths, pipeline.settings.ingest, stdin, default_date, skip))


def stored_index(db: Path) -> StoredIndex:
    """What ``db`` already holds, so that re-running a killed ``code --db`` completes it (see docs/store.md)."""
    conn = connect(db)
    try:
        return read_stored_index(conn)
    finally:
        conn.close()


def store_results(db: Path, results: Iterable[Result], batch_size: int) -> Iterator[Result]:
    """Write results to the store in batches while passing them through."""
    yield from write_stream(db, results, batch_size)


def db_summary(db: Path) -> StoreSummary:
    conn = connect(db)
    try:
        return summarize(conn)
    finally:
        conn.close()


def eval_gold(pipeline: Pipeline, gold: Path | Sequence[Path], limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline on gold files (several article-gold files are one set)."""
    return evaluate(gold, pipeline, limit)


@dataclass(frozen=True, slots=True)
class CorpusCheck:
    """One corpus of the baseline checked: ``status`` is ok, below (a figure under its floor) or skipped."""

    name: str
    status: str
    lines: tuple[str, ...]


def _selected(baseline: Baseline, names: Sequence[str]) -> list[Corpus]:
    unknown = [n for n in names if baseline.get(n) is None]
    if unknown:
        known = ", ".join(c.name for c in baseline.corpora)
        raise InputError(f"no corpus {', '.join(unknown)} in the baseline file (it holds {known})")
    return [c for c in baseline.corpora if not names or c.name in names]


def _absent(corpus: Corpus, shared: Path) -> list[Path]:
    return [p for p in corpus.paths(shared) if not p.is_file()]


def baseline_check(pipeline: Pipeline, baseline_path: Path, shared: Path, names: Sequence[str] = ()) -> list[CorpusCheck]:
    """Recompute the figures of the baseline's corpora and compare them with their floors.

    A corpus whose files are absent, or whose digest differs from the file's, is skipped."""
    out = []
    for corpus in _selected(load_baseline(baseline_path), names):
        absent = _absent(corpus, shared)
        if absent:
            out.append(CorpusCheck(corpus.name, "skipped", (f"{absent[0]} is absent",)))
            continue
        digest = corpus_digest(corpus.paths(shared))
        if digest != corpus.sha256:
            out.append(CorpusCheck(corpus.name, "skipped", (
                f"data changed (sha256 {digest[:12]}…, the baseline has {corpus.sha256[:12] or 'none'}); "
                "floors must be re-based: dragoman baseline update " + corpus.name,)))
            continue
        below = check_floors(corpus, evaluate(corpus.paths(shared), pipeline, corpus.limit))
        out.append(CorpusCheck(corpus.name, "below" if below else "ok", tuple(below)))
    return out


def baseline_update(pipeline: Pipeline, baseline_path: Path, shared: Path, names: Sequence[str] = ()) -> Rebased:
    """Recompute the figures and raise the floors to them (docs/eval.md); the file is written only
    when nothing is refused (a figure below its floor on unchanged data)."""
    baseline = load_baseline(baseline_path)
    measured = {}
    skipped = []
    for corpus in _selected(baseline, names):
        paths = corpus.paths(shared)
        absent = _absent(corpus, shared)
        if absent:
            skipped.append(f"{corpus.name}: left as it was ({absent[0]} is absent)")
            continue
        measured[corpus.name] = (corpus_digest(paths), gold_kind(paths[0]), evaluate(paths, pipeline, corpus.limit))
    result = rebase(baseline, measured)
    if not result.refused:
        baseline_path.write_text(render_baseline(result.baseline), encoding="utf-8")
    return Rebased(result.baseline, (*skipped, *result.changes), result.refused)


@dataclass(frozen=True, slots=True)
class ExplainedSentence:
    text: str
    actors: tuple[str, ...]
    matches: tuple[str, ...]
    events: tuple[str, ...]


def explain(pipeline: Pipeline, article: Article) -> tuple[ExplainedSentence, ...]:
    """Sentence by sentence: the actors found, the patterns matched, the events coded, and the
    candidate acts that were not coded with their assertion and reason (docs/assertion.md)."""
    every = replace(pipeline, events=replace(pipeline.events, emit_unasserted=True, one_sided="all"))
    result = code_article(every, article)
    if isinstance(result, Rejection):
        return (ExplainedSentence(f"rejected: {result.reason}: {result.detail}", (), (), ()),)
    removed = find_boilerplate(article, pipeline.boilerplate)
    doc = parse_article(pipeline.nlp, article, removed)
    out = []
    for sent in doc.sents:
        if any(r.span.start <= sent.start_char < r.span.end for r in removed):
            out.append(ExplainedSentence(sent.text, (), ("(removed as boilerplate)",), ()))
            continue
        mentions = tuple(m for m in result.actors if sent.start_char <= m.span.start < sent.end_char)
        view = sentence_view(doc, sent, mentions)
        matches = tuple(
            f"{m.pattern.id} [{m.pattern.code}] “{doc[m.start:m.end].text}” targets={[t.span.text for t in m.targets]}"
            for m in best_matches(view, pipeline.events.patterns)
        )
        events = tuple(
            f"{_status(e, pipeline)}{e.source.span.text} ({e.source.actor.code}) → {e.target.span.text + ' (' + str(e.target.actor.code) + ')' if e.target else '—'}: "
            f"{e.cameo} {pipeline.events.cameo.get(e.cameo).name} [{e.plover}, Goldstein {e.goldstein}, rule {e.rule}, conf {e.confidence}, date {e.date}, "
            f"{e.assertion}: {e.assertion_reason}]"
            for e in result.events if sent.start_char <= e.evidence[0].start < sent.end_char
        )
        actors = tuple(_mention_line(m) for m in mentions)
        out.append(ExplainedSentence(sent.text, actors, matches, events))
    chains = tuple(f"#{e.id} {e.actor.name or '?'} ({e.actor.code or '-'}): {e.mentions} mention(s), first “{e.first.text}”" for e in entities_of(result.actors))
    out.append(ExplainedSentence("(entity chains of the article)", chains, (), ()))
    return tuple(out)


def _mention_line(m: ActorMention) -> str:
    chain = f", entity #{m.entity}" if m.entity is not None else ""
    back = f", refers to “{m.antecedent.text}”" if m.antecedent is not None else ""
    return f"{m.span.text} → {m.actor.name or '?'} ({m.actor.code or '-'}, {m.rule}{chain}{back})"


def _status(event: Event, pipeline: Pipeline) -> str:
    """"" for an event the pipeline codes; "(not coded: …) " for one it only considered."""
    settings = pipeline.events
    if event.assertion not in EMITTED and not settings.emit_unasserted:
        return f"(not coded: {event.assertion}) "
    if event.target is None and not one_sided_allowed(event, settings.one_sided):
        return "(not coded: one-sided verbal act) "
    return ""


def actors_stats(resources: ActorResources) -> dict[str, int]:
    kb = resources.kb
    kinds: dict[str, int] = {}
    for org in kb.organizations.values():
        kinds[f"organizations ({org.kind})"] = kinds.get(f"organizations ({org.kind})", 0) + 1
    return {
        "states and territories": len(kb.countries),
        **dict(sorted(kinds.items())),
        "people": len(kb.people),
        "dated roles": len(kb.roles),
        "title words": len(kb.titles),
        "sector words": len(kb.sectors),
        "group words": len(kb.groups),
        "matcher phrases": len(resources.index.meanings),
    }


@dataclass(frozen=True, slots=True)
class ActorHit:
    phrase: str
    kind: str
    code: str | None
    name: str
    country: str | None
    detail: str


def actors_lookup(resources: ActorResources, name: str, day: dt.date | None) -> list[ActorHit]:
    """What a name, alias, adjective or "the <country> <title>" means on ``day``."""
    kb = resources.kb
    hits: list[ActorHit] = []
    for term in resources.index.meanings.get(name.lower(), ()):
        if term.kind == "person":
            person = kb.people[term.key]
            actor = person_actor(kb, person, day)
            role = kb.role_on(person.id, day)
            hits.append(ActorHit(name, "person", actor.code, person.name, actor.country, f"{role.title} of {role.org} {role.start}..{role.end or ''}" if role else "no dated role"))
        elif term.kind == "org":
            org = kb.organizations[term.key]
            hits.append(ActorHit(name, org.kind, org.code, org.name, org.country, org.sector or ""))
        elif term.kind in {"country", "adjective", "capital"}:
            c = kb.countries[term.key]
            hits.append(ActorHit(name, term.kind, c.iso3 + ("GOV" if term.kind == "capital" else ""), c.name, c.iso3, c.status))
        elif term.kind == "group":
            g = kb.groups[term.key]
            hits.append(ActorHit(name, "group", g.code, g.name, None, ""))
    words = name.split()
    for cut in range(1, len(words)):
        owner, title = " ".join(words[:cut]), " ".join(words[cut:]).lower()
        if owner.lower() == "the":
            continue
        owners = [t for t in resources.index.meanings.get(owner.lower().removeprefix("the "), ()) if t.kind in {"country", "adjective", "capital", "org"}]
        if owners and title in kb.titles:
            for t in owners:
                holder = title_holder(kb, t.key, title, day)
                if holder is not None:
                    actor = person_actor(kb, holder, day)
                    hits.append(ActorHit(name, "title", actor.code, holder.name, actor.country, f"{title} of {t.key} on {day or 'today'}"))
    return hits


def open_db(db: Path) -> sqlite3.Connection:
    return connect(db)
