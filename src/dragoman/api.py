"""The public functions behind each CLI command: ``dragoman X`` calls ``api.X`` (the CLI only parses and prints).

Heavy parts (Dask, pyarrow, networkx, FastAPI) are imported inside the functions that need them,
so that a command loads only what it uses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, Iterable, Iterator, Sequence

from dragoman.actors import ActorResources, entities_of, load_actor_resources, person_actor, title_holder
from dragoman.errors import InputError
from dragoman.events.assertion import EMITTED
from dragoman.events.matcher import best_matches, sentence_view
from dragoman.ingest import estimate_inputs, read_articles, read_inputs
from dragoman.nlp import CAPS_STAGE, load_blank
from dragoman.pipeline import Pipeline, Trace, code_articles, trace
from dragoman.ranges import Ranges
from dragoman.records import Actor, ActorMention, Article, Event, Rejection, Result
from dragoman.settings import Settings, documented_keys

if TYPE_CHECKING:  # the store and eval are imported where they are used: `dragoman code` needs neither (docs/architecture.md, "Start-up")
    from fastapi import FastAPI

    from dragoman.eval.baseline import Baseline, Corpus, Rebased
    from dragoman.scale import RunReport
    from dragoman.store import (
        EventExplanation, EventFilter, EventRow, Interval, Network, NetworkLevel, Page, QuoteRow, SearchHit, SearchKind, StoreSummary, Timeline, Unit,
    )
    from dragoman.store.writer import StoredIndex

__all__ = [
    "ActorHit", "CorpusCheck", "Explained", "ExplainedSentence", "actor_knowledge", "actors_lookup", "actors_stats", "baseline_check",
    "baseline_update", "code", "code_corpus", "code_parallel", "count_inputs", "eval_gold", "explain", "explain_event", "explain_inputs", "export", "load", "migrate",
    "query_events", "query_network", "query_quotes", "query_search", "query_timeline", "serve", "serve_app", "serve_get", "serve_hosts",
    "settings_help", "store_files", "store_results", "stored_index",
]


def code(
    pipeline: Pipeline, paths: Iterable[str], default_date: dt.date | None = None, stdin: BinaryIO | None = None,
    skip: Callable[[Article], bool] | None = None, exclude: Iterable[Path] = (),
) -> Iterator[Result]:
    """Code every article under ``paths``; ``default_date`` fills in articles without a date.

    ``skip`` (e.g. :meth:`StoredIndex.holds`) leaves out articles before they are coded;
    ``exclude`` are files never read as inputs (the run's own store: :func:`store_files`).
    """
    yield from code_articles(pipeline, read_articles(paths, pipeline.settings.ingest, stdin, default_date, skip, exclude))


def code_parallel(
    settings: Settings, paths: Iterable[str], jobs: int, default_date: dt.date | None = None, stdin: BinaryIO | None = None,
    skip: Callable[[Article], bool] | None = None, exclude: Iterable[Path] = (),
) -> Iterator[Result]:
    """:func:`code` on ``jobs`` processes (``dragoman code --jobs N``): same results, same order."""
    from dragoman.scale import code_paths_parallel

    yield from code_paths_parallel(settings, paths, default_date, stdin, jobs, skip, exclude)


def count_inputs(paths: Iterable[str], exclude: Iterable[Path] = ()) -> int | None:
    """About how many articles ``paths`` hold (a progress bar's total for ``dragoman code``); ``None`` for stdin."""
    return estimate_inputs(paths, exclude)


def store_files(db: Path) -> tuple[Path, ...]:
    """The files of the SQLite store at ``db`` (the database, its journal and WAL files)."""
    return tuple(db.with_name(db.name + suffix) for suffix in ("", "-wal", "-shm", "-journal"))


def code_corpus(
    paths: Sequence[str], out: Path, settings: Settings, engine: str = "local", scheduler: str | None = None, jobs: int | None = None,
    default_date: dt.date | None = None, progress: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Code a sharded corpus into Parquet partitions under ``out`` (``dragoman code --out DIR``, docs/scale.md)."""
    from dragoman.scale import ENGINES, code_corpus as run_corpus

    chosen = next((e for e in ENGINES if e == engine), None)
    if chosen is None:
        raise InputError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    return run_corpus(paths, out, settings, chosen, scheduler, jobs, default_date, progress)


def load(out: Path, db: Path, batch_size: int, merge_window_days: int | None = None, progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Load a Parquet output folder (``dragoman code --out``) into the SQLite store; the counts written. Its mentions
    are grouped into events as ``dragoman code --db`` groups them (``store.merge_window_days``; ``None``: the default).
    ``progress(done, total)`` follows the records written."""
    from dragoman.scale import load_output

    return load_output(out, db, batch_size, merge_window_days, progress)


def stored_index(db: Path) -> StoredIndex:
    """What ``db`` already holds, so that re-running a killed ``code --db`` completes it (see docs/store.md)."""
    from dragoman.store import connect
    from dragoman.store.writer import read_stored_index

    conn = connect(db)
    try:
        return read_stored_index(conn)
    finally:
        conn.close()


def store_results(db: Path, results: Iterable[Result], batch_size: int, merge_window_days: int | None = None) -> Iterator[Result]:
    """Write results to the store in batches while passing them through; their mentions are grouped into events with
    ``merge_window_days`` (``store.merge_window_days``; ``None``: the default)."""
    from dragoman.store import write_stream

    if merge_window_days is None:
        yield from write_stream(db, results, batch_size)
    else:
        yield from write_stream(db, results, batch_size, merge_window_days)


def db_summary(db: Path) -> StoreSummary:
    from dragoman.store import connect, summarize

    conn = connect(db)
    try:
        return summarize(conn)
    finally:
        conn.close()


def eval_gold(pipeline: Pipeline, gold: Path | Sequence[Path], limit: int | None = None) -> dict[str, Any]:
    """Score the pipeline on gold files (several article-gold files are one set)."""
    from dragoman.eval import evaluate

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
    from dragoman.eval import evaluate
    from dragoman.eval.baseline import check_floors, corpus_digest, load_baseline

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
    from dragoman.eval import evaluate, gold_kind
    from dragoman.eval.baseline import Rebased, corpus_digest, load_baseline, rebase, render_baseline

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


@dataclass(frozen=True, slots=True)
class Explained:
    """One input article explained sentence by sentence."""

    article: Article
    sentences: tuple[ExplainedSentence, ...]


def explain_inputs(pipeline: Pipeline, paths: Iterable[str], default_date: dt.date | None = None) -> Iterator[Explained | Rejection]:
    """:func:`explain` every article under ``paths`` (``dragoman explain``); an unreadable input is its Rejection."""
    for item in read_inputs(paths, pipeline.settings.ingest):
        if isinstance(item, Rejection):
            yield item
            continue
        article = replace(item, date=default_date) if item.date is None and default_date is not None else item
        yield Explained(article, explain(pipeline, article))


def explain(pipeline: Pipeline, article: Article) -> tuple[ExplainedSentence, ...]:
    """Sentence by sentence: the actors found, the patterns matched, the events coded, and the
    candidate acts that were not coded with their assertion and reason (docs/assertion.md).

    One traced run (:func:`dragoman.pipeline.trace`) with the pipeline's own settings."""
    t = trace(pipeline, article)
    if t.rejection is not None:
        r = t.rejection
        return (ExplainedSentence(f"rejected by the {r.stage} stage: {r.reason}: {r.detail}", (), (), ()),)
    doc = t.parsed
    out = []
    removed = Ranges(t.removed, lambda r: (r.span.start, r.span.end))
    actors_at = Ranges(t.actors, lambda m: (m.span.start, m.span.end))
    candidates_at = Ranges(t.candidates, lambda e: (e.evidence[0].start, e.evidence[0].end))
    for sent in doc.sents:
        skipped = removed.overlapping(sent.start_char, sent.start_char + 1)
        if skipped:
            note = f"(skipped: {skipped[0].reason})" if skipped[0].stage == CAPS_STAGE else "(removed as boilerplate)"
            out.append(ExplainedSentence(sent.text, (), (note,), ()))
            continue
        mentions = tuple(actors_at.starting(sent.start_char, sent.end_char))
        view = sentence_view(doc, sent, mentions)
        matches = tuple(
            f"{m.pattern.id} [{m.pattern.code}] “{doc[m.start:m.end].text}” targets={[x.span.text for x in m.targets]}"
            for m in best_matches(view, pipeline.events.patterns, pipeline.events.words)
        )
        events = tuple(_event_line(e, pipeline, t) for e in candidates_at.starting(sent.start_char, sent.end_char))
        actors = tuple(_mention_line(m) for m in mentions)
        out.append(ExplainedSentence(sent.text, actors, matches, events))
    chains = tuple(f"#{e.id} {e.actor.name or '?'} ({e.actor.code or '-'}): {e.mentions} mention(s), first “{e.first.text}”" for e in entities_of(t.actors))
    out.append(ExplainedSentence("(entity chains of the article)", chains, (), ()))
    return tuple(out)


def _event_line(e: Event, pipeline: Pipeline, t: Trace) -> str:
    target = f"{e.target.span.text} ({e.target.actor.code})" if e.target else "—"
    return (
        f"{_status(e, pipeline, t)}{e.source.span.text} ({e.source.actor.code}) → {target}: "
        f"{e.cameo} {pipeline.events.cameo.get(e.cameo).name} [{e.plover}, Goldstein {e.goldstein}, rule {e.rule}, conf {e.confidence}, date {e.date}, "
        f"{e.assertion}: {e.assertion_reason}]"
    )


def _mention_line(m: ActorMention) -> str:
    chain = f", entity #{m.entity}" if m.entity is not None else ""
    back = f", refers to “{m.antecedent.text}”" if m.antecedent is not None else ""
    return f"{m.span.text} → {m.actor.name or '?'} ({m.actor.code or '-'}, {m.rule}{chain}{back})"


def _identity(event: Event) -> tuple[Actor, Actor | None, str, dt.date | None]:
    return event.source.actor, event.target.actor if event.target else None, event.cameo, event.date


def _status(event: Event, pipeline: Pipeline, t: Trace) -> str:
    """"" for a candidate the pipeline coded; "(not coded: …) " for one it only considered."""
    if _identity(event) in {_identity(e) for e in t.events}:
        return ""
    settings = pipeline.events
    if event.assertion not in EMITTED and not settings.emit_unasserted:
        return f"(not coded: {event.assertion}) "
    if event.target is None and not settings.may_lack_target(event):
        return "(not coded: one-sided verbal act) "
    if event.confidence < pipeline.settings.events.min_confidence:
        return "(not coded: confidence below events.min_confidence) "
    return "(not coded: another reading of the act was coded) "


def settings_help() -> dict[str, str]:
    """Every setting as ``section.key`` with its help line (``dragoman settings``)."""
    return documented_keys()


def actor_knowledge(settings: Settings) -> ActorResources:
    """The actor knowledge base (with the user's ``actors.user_file``) and its term index, without the
    NLP model or the gazetteer: what ``dragoman actors`` reads, in a few seconds.

    The index is built on spaCy's blank English tokenizer: enough to look names up, not to code
    articles (:func:`dragoman.pipeline.load_pipeline` builds the one for that)."""
    user_file = Path(settings.actors.user_file) if settings.actors.user_file else None
    return load_actor_resources(load_blank(settings.nlp).nlp, user_file)


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


def query_events(db: Path, f: EventFilter, limit: int = 100, offset: int = 0, unit: Unit = "mentions") -> Page[EventRow]:
    """Events (``unit="events"``: the reports of one act merged) or every coded mention matching every filter of ``f``,
    newest first (``dragoman query events [--count events]``)."""
    from dragoman.store import commands

    return commands.query_events(db, f, limit, offset, unit)


def query_timeline(db: Path, a: str, b: str, interval: Interval = "month", start: dt.date | None = None, end: dt.date | None = None,
                   unit: Unit = "events") -> Timeline:
    """The dyad of ``a`` and ``b`` per period, counting events or mentions (``dragoman query timeline``)."""
    from dragoman.store import commands

    return commands.query_timeline(db, a, b, interval, start, end, unit)


def query_network(db: Path, start: dt.date | None = None, end: dt.date | None = None, level: NetworkLevel = "actor", min_events: int = 1,
                  unit: Unit = "events") -> Network:
    """The actor network of a period, edges weighted by events or mentions (``dragoman query network``)."""
    from dragoman.store import commands

    return commands.query_network(db, start, end, level, min_events, unit)


def explain_event(db: Path, event_id: str) -> EventExplanation:
    """Which mentions make the event ``event_id``, why they are one event, and the events near it kept apart
    (``dragoman explain-event``)."""
    from dragoman.store import commands

    return commands.explain_event(db, event_id)


def query_quotes(db: Path, speaker: str | None, limit: int = 100, offset: int = 0, about: str | None = None) -> Page[QuoteRow]:
    """Quotes, by speaker and by an actor they mention (``dragoman query quotes``): ``about`` matches a code
    prefix (``RUS``), a country or a word of a name (``putin``)."""
    from dragoman.store import commands

    return commands.query_quotes(db, speaker, limit, offset, about)


def query_search(db: Path, words: str, kind: SearchKind = "articles", limit: int = 20, offset: int = 0) -> Page[SearchHit]:
    """Full-text search of article texts or quotes (``dragoman query search``)."""
    from dragoman.store import commands

    return commands.query_search(db, words, kind, limit, offset)


def export(
    db: Path, fmt: str, out: Path | None, f: EventFilter, level: NetworkLevel = "actor", min_events: int = 1, unit: Unit | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Write events (csv, jsonl, parquet) or the actor network (graphml, gexf) from a store (``dragoman export``);
    the number of rows or edges written. ``unit``: events or mentions (``None``: mentions for rows, events for networks).
    ``progress(done, total)`` follows the rows written."""
    from dragoman.store import commands

    return commands.export(db, fmt, out, f, level, min_events, unit, progress)


def migrate(db: Path) -> tuple[int, int]:
    """Upgrade a store to this dragoman's schema (``dragoman migrate``): the versions before and after."""
    from dragoman.store import commands

    return commands.migrate_store(db)


def serve_app(db: Path, allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """The read-only web UI and JSON API over a store (``dragoman serve``); fails early unless ``db`` is a current store.

    ``allowed_hosts``: the ``Host`` values it answers (:func:`serve_hosts`); by default the loopback names.
    """
    from dragoman.serve.app import create_app

    return create_app(db) if allowed_hosts is None else create_app(db, allowed_hosts=allowed_hosts)


def serve_hosts(host: str, port: int, allow: Sequence[str] = ()) -> tuple[str, ...]:
    """The ``Host`` values ``dragoman serve --host HOST --port PORT --allow-host ALLOW...`` answers; ``("*",)``
    (any) when it listens on every interface and no ``allow`` is given."""
    from dragoman.serve.hosts import hosts_for_bind

    return hosts_for_bind(host, port, allow)


def serve_get(app: FastAPI, path: str) -> tuple[int, str]:
    """The status and body of ``GET path`` without a socket (``dragoman serve --get``)."""
    from dragoman.serve.app import get

    return get(app, path)


def serve(app: FastAPI, host: str, port: int) -> None:
    """Serve ``app`` until interrupted."""
    from dragoman.serve.app import run

    run(app, host, port)
