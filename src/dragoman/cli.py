"""dragoman's command line: parse, call the API function of the same name, print."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from dragoman import __version__, api
from dragoman.contract import article_to_json, duplicate_to_json, rejection_to_json
from dragoman.errors import DragomanError
from dragoman.pipeline import Pipeline, load_pipeline
from dragoman.records import Article, CodedArticle, Duplicate, Rejection, Result
from dragoman.settings import Settings, load_settings

if TYPE_CHECKING:  # the store is imported where it is used: `dragoman code` does not need it
    from dragoman.store import EventFilter, Unit

app = typer.Typer(add_completion=False, no_args_is_help=True, help="dragoman: political events, actors and quotes from news.")
actors_app = typer.Typer(no_args_is_help=True, help="Inspect the actor knowledge base.")
app.add_typer(actors_app, name="actors")
err = Console(stderr=True)
out = Console(highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        print(f"dragoman {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")] = False,
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _settings(settings_file: Path | None, actors: Path | None = None, patterns: Path | None = None) -> Settings:
    overrides: dict[str, dict[str, object]] = {}
    if actors is not None:
        overrides["actors"] = {"user_file": str(actors)}
    if patterns is not None:
        overrides["events"] = {"user_patterns": str(patterns)}
    return load_settings(settings_file, overrides)


def _usage(message: str) -> typer.Exit:
    err.print(f"[bold red]usage error:[/] {message}")
    return typer.Exit(2)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as e:
        raise _usage(f"--date {value!r} is not a date; use YYYY-MM-DD") from e


def _fail(e: DragomanError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {e}")
    return typer.Exit(2)


class _Bar:
    """A long command's progress on stderr: a rich bar (done of total, elapsed, time left) when stderr is a
    terminal, nothing otherwise; the command prints its one-line summary after either way."""

    def __init__(self, description: str, total: int | None = None) -> None:
        self.description = description
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> _Bar:
        if err.is_terminal:
            self._progress = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                console=err, transient=True)
            self._progress.start()
            self._task = self._progress.add_task(self.description, total=self.total)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if self.total is not None and self.done > self.total:
            self.total = self.done  # the total was an estimate
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=self.done, total=self.total)

    def advance(self, n: int = 1) -> None:
        self.update(self.done + n)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


def _progress(items: Iterable[Result], bar: _Bar) -> Iterator[Result]:
    for item in items:
        bar.advance()
        yield item


SettingsOpt = Annotated[Optional[Path], typer.Option("--settings", help="A TOML settings file (overrides the packaged defaults).")]
ActorsOpt = Annotated[Optional[Path], typer.Option("--actors", help="A TSV file of extra or overriding actors (docs/actors-kb.md).")]


@app.command("code")
def code_cmd(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    date: Annotated[Optional[str], typer.Option("--date", help="Article date (YYYY-MM-DD) for inputs that carry none.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (one object per article) or table.")] = "jsonl",
    db: Annotated[Optional[Path], typer.Option("--db", help="Also store the results in this SQLite file.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 if any input was rejected.")] = False,
    settings_file: SettingsOpt = None,
    actors: ActorsOpt = None,
    recode: Annotated[bool, typer.Option("--recode", help="With --db: code again articles the store already holds (by default they are skipped, so a killed run can be resumed).")] = False,
    engine: Annotated[str, typer.Option("--engine", help="local (this machine) or dask (a Dask cluster; needs --out).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster, one worker per core).")] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out", help="Write Parquet partitions and a manifest here instead of JSONL (input: .jsonl, .jsonl.gz, .parquet shards); a rerun skips finished shards.")] = None,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", help="Code on N processes, output in input order (with --engine dask and no --scheduler: the LocalCluster's workers).")] = None,
) -> None:
    """Code articles into events, actors and quotes."""
    if fmt not in {"jsonl", "table"}:
        raise _usage(f"--format must be jsonl or table, not {fmt!r}")
    if jobs is not None and jobs < 1:
        raise _usage(f"--jobs must be 1 or more, not {jobs}")
    default_date = _date(date)
    if out_dir is not None or engine != "local" or scheduler is not None:
        _code_to_parquet(paths, out_dir, engine, scheduler, jobs, default_date, strict, _settings(settings_file, actors))
        return
    parallel = jobs is not None and jobs > 1
    try:
        settings = _settings(settings_file, actors)
        pipeline = load_pipeline(settings) if not parallel or fmt == "table" else None
        stored = api.stored_index(db) if db is not None and not recode else None
        stdin = sys.stdin.buffer if "-" in paths else None
        exclude = api.store_files(db) if db is not None else ()
        bar = _Bar("coding", api.count_inputs(paths, exclude) if err.is_terminal else None)
        skip = None
        if stored is not None:
            held = stored.holds

            def skip(article: Article) -> bool:
                if held(article):
                    bar.advance()  # a stored article is done too
                    return True
                return False
        if parallel:
            results: Iterable[Result] = api.code_parallel(settings, paths, jobs or 1, default_date, stdin, skip, exclude)
        else:
            assert pipeline is not None
            results = api.code(pipeline, paths, default_date, stdin, skip, exclude)
        if db is not None:
            results = api.store_results(db, results, settings.store.batch_size, settings.store.merge_window_days)
        rejected = duplicates = coded = 0
        with bar:
            for item in _progress(results, bar):
                coded += 1
                rejected, duplicates = _print_result(item, fmt, pipeline, rejected, duplicates)
    except DragomanError as e:
        raise _fail(e) from e
    err.print(f"coded {coded - rejected - duplicates} article(s) in {bar.seconds:.1f}s: {rejected} rejected, {duplicates} duplicate(s)"
              + (f", into {db}" if db is not None else ""))
    if duplicates:
        err.print(_duplicates_line(duplicates))
    if stored is not None and stored.skipped:
        err.print(f"skipped {stored.skipped} article(s) already in {db} (use --recode to code them again)")
    if strict and rejected:
        raise typer.Exit(1)


def _print_result(item: Result, fmt: str, pipeline: Pipeline | None, rejected: int, duplicates: int) -> tuple[int, int]:
    """Print one result of ``dragoman code``; the counts of rejections and duplicates so far."""
    if isinstance(item, Duplicate):
        if fmt == "jsonl":
            print(json.dumps(duplicate_to_json(item), ensure_ascii=False), flush=True)
        else:
            out.print(f"[dim]duplicate {item.source}: {item.doc_id} has the same text and date as {item.duplicate_of}, not coded again[/]")
        return rejected, duplicates + 1
    if isinstance(item, Rejection):
        err.print(f"[yellow]rejected[/] {item.source}: {item.reason} — {item.detail}")
        if fmt == "jsonl":
            print(json.dumps(rejection_to_json(item), ensure_ascii=False), flush=True)
        return rejected + 1, duplicates
    if fmt == "jsonl":
        print(json.dumps(article_to_json(item), ensure_ascii=False), flush=True)
    else:
        assert pipeline is not None
        _print_table(item, pipeline)
    return rejected, duplicates


def _duplicates_line(n: int) -> str:
    return f"{n} duplicate(s) (same text and date as an earlier article) not coded again"


def _code_to_parquet(
    paths: list[str], out_dir: Path | None, engine: str, scheduler: str | None, jobs: int | None,
    default_date: dt.date | None, strict: bool, settings: Settings,
) -> None:
    if out_dir is None:
        raise _usage("--engine dask and --scheduler write Parquet partitions; give --out DIR")
    if scheduler is not None and engine != "dask":
        raise _usage("--scheduler needs --engine dask")
    logging.getLogger("distributed").setLevel(max(logging.getLogger().level, logging.WARNING))  # Dask logs at INFO by default
    with Progress(TextColumn("coding shards"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("shards", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            report = api.code_corpus(paths, out_dir, settings, engine, scheduler, jobs, default_date, advance)
        except DragomanError as e:
            raise _fail(e) from e
    err.print(f"{report.shards} shards: {len(report.coded)} coded, {report.skipped} already finished · {report.seconds:.1f}s · {out_dir}")
    if report.rows.get("duplicates"):
        err.print(_duplicates_line(report.rows["duplicates"]))
    summary = {"out": str(out_dir), "engine": report.engine, "scheduler": report.scheduler, "shards": report.shards,
               "skipped": report.skipped, "coded": len(report.coded), "rows": report.rows}
    print(json.dumps(summary, ensure_ascii=False), flush=True)
    if strict and report.rows.get("rejections"):
        raise typer.Exit(1)


def _print_table(coded: CodedArticle, pipeline: Pipeline) -> None:
    a = coded.article
    out.rule(f"[bold]{a.title or a.id}[/] · {a.date or 'no date'} · {a.source}")
    if coded.removed:
        out.print(f"[dim]removed {len(coded.removed)} boilerplate run(s): " + " | ".join(r.span.text[:50] for r in coded.removed) + "[/]")
    events = Table("source", "target", "CAMEO", "name", "PLOVER", "Goldstein", "date", "place", "evidence", title="events", title_justify="left")
    for e in coded.events:
        events.add_row(
            f"{e.source.actor.name or e.source.span.text} ({e.source.actor.code or '-'})",
            f"{e.target.actor.name or e.target.span.text} ({e.target.actor.code or '-'})" if e.target else "—",
            e.cameo, pipeline.events.cameo.get(e.cameo).name, e.plover or "", f"{e.goldstein:+.1f}", str(e.date or ""),
            e.place.name if e.place else "", e.evidence[0].text[:70],
        )
    out.print(events)
    quotes = Table("speaker", "kind", "quote", title="quotes", title_justify="left")
    for q in coded.quotes:
        quotes.add_row(q.speaker.actor.name or q.speaker.span.text if q.speaker else "?", q.kind, q.span.text[:100])
    out.print(quotes)


@app.command("eval")
def eval_cmd(
    gold: Annotated[list[Path], typer.Argument(help="Gold files: article gold (the seed .json, ../shared/gold/*.gold.jsonl; several are scored as one set) or one gold .jsonl set.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON (with the missed and wrong events).")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N records.")] = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Run the pipeline on gold files and print precision, recall and F1 (docs/eval.md)."""
    try:
        pipeline = load_pipeline(_settings(settings_file))
        report = api.eval_gold(pipeline, gold, limit)
    except DragomanError as e:
        raise _fail(e) from e
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    if report.get("kind") in ("article", "quotes"):
        _print_article_report(report)
        return
    _print_report(report)


def _print_article_report(report: dict[str, Any]) -> None:
    gold = report["gold"] if isinstance(report["gold"], str) else " ".join(report["gold"])
    out.print(f"{report.get('records', report.get('articles'))} articles, {report.get('coded', '-')} coded, {report['rejected']} rejected · {gold}")
    events = report.get("events_cameo_root")
    if events:
        out.print(f"events (src, tgt, CAMEO root): R={events['recall']:.3f} ({events['found']}/{events['events_gold']} required) "
                  f"P={events['precision']:.3f} ({events['right']}/{events['events_pred']} predicted) F1={events['f1']:.3f} from_junk={events['from_junk']}")
    for key, label in (("quotes_direct", "direct"), ("quotes_direct_mixed", "direct+mixed"), ("quotes_indirect", "indirect"),
                       ("quotes_indirect_speech", "indirect, speech/writing cue")):
        q = report.get(key)
        if q:
            speaker = "-" if q["speaker_acc"] is None else f"{q['speaker_acc']:.3f}"
            out.print(f"quotes {label}: R={q['recall']:.3f} (gold {q['quotes_gold']}) P={q['precision']:.3f} (pred {q['quotes_pred']}) "
                      f"speaker={speaker} ({q['speaker_scored']} scored)")
    b = report.get("boilerplate")
    if b:
        out.print(f"boilerplate: {b['removed']}/{b['junk_spans']} gold runs removed; {b['removed_chars']} characters removed, precision {b['precision']:.3f}")
    a = report.get("actors")
    if a:
        accuracy = "-" if a["accuracy"] is None else f"{a['accuracy']:.3f}"
        out.print(f"actors: {a['right']}/{a['n']} right, accuracy {accuracy}")


baseline_app = typer.Typer(no_args_is_help=True, help="The floors of the eval figures (tests/eval/baseline.toml, docs/eval.md).")
app.add_typer(baseline_app, name="baseline")
BaselineOpt = Annotated[Path, typer.Option("--file", help="The baseline file of floors.")]
SharedOpt = Annotated[Path, typer.Option("--shared", help="The folder the baseline's gold paths are relative to.")]
CorporaArg = Annotated[Optional[list[str]], typer.Argument(help="Corpus names (default: every corpus in the file).")]
DEFAULT_BASELINE = Path("tests/eval/baseline.toml")
DEFAULT_SHARED = Path("../shared")


def _trained_pipeline(settings_file: Path | None) -> Pipeline:
    pipeline = load_pipeline(_settings(settings_file))
    if not pipeline.nlp.has_parser:
        err.print("[bold red]error:[/] the floors are measured with the trained model, and this pipeline has no parser")
        raise typer.Exit(1)
    return pipeline


@baseline_app.command("check")
def baseline_check_cmd(
    corpora: CorporaArg = None, baseline: BaselineOpt = DEFAULT_BASELINE, shared: SharedOpt = DEFAULT_SHARED, settings_file: SettingsOpt = None,
) -> None:
    """Recompute the figures and compare them with their floors; exit 1 if one is below."""
    try:
        checks = api.baseline_check(_trained_pipeline(settings_file), baseline, shared, corpora or [])
    except DragomanError as e:
        raise _fail(e) from e
    for check in checks:
        out.print(f"{check.name}: {check.status}")
        for line in check.lines:
            out.print(f"  {line}")
    if any(c.status == "below" for c in checks):
        raise typer.Exit(1)


@baseline_app.command("update")
def baseline_update_cmd(
    corpora: CorporaArg = None, baseline: BaselineOpt = DEFAULT_BASELINE, shared: SharedOpt = DEFAULT_SHARED, settings_file: SettingsOpt = None,
) -> None:
    """Recompute the figures and write them as the new floors (rounded down to 2 decimals).

    Refuses (exit 1, nothing written) to lower a floor, unless the corpus's data changed."""
    try:
        result = api.baseline_update(_trained_pipeline(settings_file), baseline, shared, corpora or [])
    except DragomanError as e:
        raise _fail(e) from e
    if result.refused:
        err.print(f"[bold red]refused:[/] a floor may not be lowered while the gold data is unchanged; {baseline} was not written", soft_wrap=True)
        for line in result.refused:
            err.print(f"  {line}", soft_wrap=True)
        raise typer.Exit(1)
    for line in result.changes:
        out.print(line)
    out.print(f"{baseline} written" + ("" if result.changes else " (no floor changed)"))


def _print_report(report: dict[str, Any], prefix: str = "") -> None:
    for key, value in report.items():
        if isinstance(value, dict) and {"precision", "recall", "f1"} <= set(value):
            out.print(f"{prefix}{key}: P={value['precision']:.3f} R={value['recall']:.3f} F1={value['f1']:.3f} (tp={value['tp']} fp={value['fp']} fn={value['fn']})")
        elif isinstance(value, dict):
            out.print(f"{prefix}{key}:")
            _print_report(value, prefix + "  ")
        elif isinstance(value, list):
            if value and isinstance(value[0], dict):
                for row in value:
                    out.print(f"{prefix}  - " + ", ".join(f"{k}={v}" for k, v in row.items()))
            else:
                out.print(f"{prefix}{key}: {value}")
        else:
            out.print(f"{prefix}{key}: {value}")


@app.command("explain")
def explain_cmd(
    path: Annotated[Path, typer.Argument(help="An article file (text, HTML, JSON).")],
    date: Annotated[Optional[str], typer.Option("--date", help="Article date for inputs that carry none.")] = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Show, sentence by sentence, the actors, the patterns matched and the events coded."""
    default_date = _date(date)
    try:
        pipeline = load_pipeline(_settings(settings_file))
        for item in api.explain_inputs(pipeline, [str(path)], default_date):
            if isinstance(item, Rejection):
                err.print(f"[yellow]rejected[/] {item.source}: {item.reason} — {item.detail}")
                continue
            for n, s in enumerate(item.sentences, start=1):
                out.print(f"[bold]{n}.[/] {s.text.strip()}")
                for a in s.actors:
                    out.print(f"   [cyan]actor[/]   {a}")
                for m in s.matches:
                    out.print(f"   [magenta]pattern[/] {m}")
                for e in s.events:
                    out.print(f"   [green]event[/]   {e}")
    except DragomanError as e:
        raise _fail(e) from e


@app.command("load")
def load_cmd(
    out_dir: Annotated[Path, typer.Argument(help="A folder written by `dragoman code --out`.")],
    db: Annotated[Path, typer.Option("--db", help="The SQLite store to load into (created if absent).")],
    settings_file: SettingsOpt = None,
) -> None:
    """Load a Parquet output folder into the SQLite store."""
    try:
        store = _settings(settings_file).store
        with _Bar("loading") as bar:
            counts = api.load(out_dir, db, store.batch_size, store.merge_window_days, bar.update)
    except DragomanError as e:
        raise _fail(e) from e
    err.print(f"loaded {counts['articles']} article(s), {counts['rejections']} rejection(s) and {counts['duplicates']} duplicate(s) into {db} in {bar.seconds:.1f}s")
    print(json.dumps({"db": str(db), **counts}), flush=True)


@app.command("settings")
def settings_cmd() -> None:
    """List every setting with its help line."""
    for key, help_text in api.settings_help().items():
        out.print(f"[bold]{key}[/]: {help_text}")


@actors_app.command("stats")
def actors_stats_cmd(actors: ActorsOpt = None) -> None:
    """Counts of the knowledge base by kind."""
    try:
        resources = api.actor_knowledge(_settings(None, actors))
    except DragomanError as e:
        raise _fail(e) from e
    for key, value in api.actors_stats(resources).items():
        out.print(f"{key}: {value}")


@actors_app.command("lookup")
def actors_lookup_cmd(
    name: Annotated[str, typer.Argument(help='A name, alias, adjective, or "the Turkish president".')],
    date: Annotated[Optional[str], typer.Option("--date", help="Resolve dated roles on this day (YYYY-MM-DD).")] = None,
    actors: ActorsOpt = None,
) -> None:
    """What a name or title resolves to on a date."""
    day = _date(date)
    try:
        resources = api.actor_knowledge(_settings(None, actors))
    except DragomanError as e:
        raise _fail(e) from e
    hits = api.actors_lookup(resources, name.removeprefix("the ").removeprefix("The "), day)
    if not hits:
        out.print(f"no actor known as {name!r}")
        raise typer.Exit(1)
    for h in hits:
        out.print(f"{h.phrase} → {h.name} [{h.kind}] code={h.code} country={h.country} {h.detail}", markup=False)


# ---- store: query, export, serve, migrate (docs/store.md) ------------------------------------

query_app = typer.Typer(no_args_is_help=True, help="Query a store: events, dyad timelines, the actor network, quotes, full text.")
app.add_typer(query_app, name="query")
DbOpt = Annotated[Path, typer.Option("--db", help="The SQLite store (built by `dragoman code ... --db FILE`).")]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
RowsFormatOpt = Annotated[str, typer.Option("--format", help="jsonl (one object per row) or table.")]


def _print_rows(rows: Iterable[Any], fmt: str, columns: tuple[str, ...] = ()) -> None:
    """Dataclass rows as JSON lines on stdout, or as a table (of ``columns`` when given)."""
    import dataclasses

    if fmt not in {"jsonl", "table"}:
        raise _usage(f"--format must be jsonl or table, not {fmt!r}")
    items = list(rows)
    if fmt == "jsonl":
        for row in items:
            print(json.dumps(dataclasses.asdict(row), ensure_ascii=False))
        return
    if not items:
        out.print("no results")
        return
    names = list(columns) or [f.name for f in dataclasses.fields(items[0])]
    table = Table(*names)
    for row in items:
        table.add_row(*("" if getattr(row, n) is None else str(getattr(row, n)) for n in names))
    out.print(table)


def _event_filter(actor: str | None, source: str | None, target: str | None, country: str | None, code: str | None, root: str | None,
                  quad_class: int | None, start: str | None, end: str | None, place: str | None) -> EventFilter:
    from dragoman.store import EventFilter

    if quad_class is not None and quad_class not in (1, 2, 3, 4):
        raise _usage(f"--quad-class must be 1, 2, 3 or 4, not {quad_class}")
    return EventFilter(actor, source, target, country, code, root, quad_class, _date(start), _date(end), place)


ActorFlt = Annotated[Optional[str], typer.Option("--actor", help="Code or country on either side (TUR, TURGOV).")]
SourceFlt = Annotated[Optional[str], typer.Option("--source", help="Code or country of the source.")]
TargetFlt = Annotated[Optional[str], typer.Option("--target", help="Code or country of the target.")]
CountryFlt = Annotated[Optional[str], typer.Option("--country", help="Country of either side.")]
CodeFlt = Annotated[Optional[str], typer.Option("--code", help="CAMEO code, exact (e.g. 042).")]
RootFlt = Annotated[Optional[str], typer.Option("--root", help="CAMEO root, two digits (e.g. 19).")]
QuadFlt = Annotated[Optional[int], typer.Option("--quad-class", help="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")]
StartFlt = Annotated[Optional[str], typer.Option("--from", help="First day, YYYY-MM-DD.")]
EndFlt = Annotated[Optional[str], typer.Option("--to", help="Last day, YYYY-MM-DD.")]
PlaceFlt = Annotated[Optional[str], typer.Option("--place", help="Place name or its country.")]
_COUNT_HELP = "events (the reports of one act merged into one event, with its mentions, articles and sources) or mentions (every event coded from every article)"
RowsCountOpt = Annotated[str, typer.Option("--count", help=f"What a row is: {_COUNT_HELP}.")]
CountOpt = Annotated[str, typer.Option("--count", help=f"What is counted: {_COUNT_HELP}.")]


def _unit(count: str) -> Unit:
    from dragoman.store import UNITS

    if count not in UNITS:
        raise _usage(f"--count must be events or mentions, not {count!r}")
    return "events" if count == "events" else "mentions"


@query_app.command("events")
def query_events_cmd(
    db: DbOpt, actor: ActorFlt = None, source: SourceFlt = None, target: TargetFlt = None, country: CountryFlt = None, code: CodeFlt = None,
    root: RootFlt = None, quad_class: QuadFlt = None, start: StartFlt = None, end: EndFlt = None, place: PlaceFlt = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0, fmt: RowsFormatOpt = "jsonl", count: RowsCountOpt = "mentions",
) -> None:
    """Events matching every filter given, newest first: every coded mention, or (--count events) each event once with its counts."""
    f = _event_filter(actor, source, target, country, code, root, quad_class, start, end, place)
    unit = _unit(count)
    try:
        page = api.query_events(db, f, limit, offset, unit)
    except DragomanError as e:
        raise _fail(e) from e
    columns = ("event_id", "date", "source_code", "target_code", "cameo", "cameo_name", "mentions", "articles", "sources", "place_name", "evidence_text") \
        if unit == "events" else ("id", "date", "source_code", "target_code", "cameo", "cameo_name", "goldstein", "quad_class", "place_name", "evidence_text", "event_id")
    _print_rows(page.items, fmt, columns)
    err.print(f"{len(page.items)} of {page.total} {unit}")


@query_app.command("timeline")
def query_timeline_cmd(
    a: Annotated[str, typer.Argument(help="Actor A: code or country (TUR).")],
    b: Annotated[str, typer.Argument(help="Actor B: code or country (RUS).")],
    db: DbOpt, interval: Annotated[str, typer.Option("--per", help="day, week or month.")] = "month",
    start: StartFlt = None, end: EndFlt = None, fmt: RowsFormatOpt = "table", count: CountOpt = "events",
) -> None:
    """A dyad over time: per period, A to B and B to A, counts (of events, or of mentions) by QuadClass and mean Goldstein."""
    if interval not in {"day", "week", "month"}:
        raise _usage(f"--per must be day, week or month, not {interval!r}")
    unit = _unit(count)
    try:
        t = api.query_timeline(db, a, b, interval, _date(start), _date(end), unit)  # type: ignore[arg-type]  # checked above
    except DragomanError as e:
        raise _fail(e) from e
    if fmt == "jsonl":
        _print_rows(t.bins, fmt)
        return
    table = Table("period", f"{t.a}→{t.b} {unit}", "QuadClass 1/2/3/4", "Goldstein", f"{t.b}→{t.a} {unit}", "QuadClass 1/2/3/4", "Goldstein",
                  title=f"{t.a} ⇄ {t.b} per {t.interval}, counting {unit}", title_justify="left")
    for bin_ in t.bins:
        cells: list[str] = [bin_.period]
        for d in (bin_.a_to_b, bin_.b_to_a):
            cells += [str(d.events), f"{d.verbal_cooperation}/{d.material_cooperation}/{d.verbal_conflict}/{d.material_conflict}",
                      "" if d.mean_goldstein is None else f"{d.mean_goldstein:+.2f}"]
        table.add_row(*cells)
    out.print(table)


@query_app.command("network")
def query_network_cmd(
    db: DbOpt, start: StartFlt = None, end: EndFlt = None,
    level: Annotated[str, typer.Option("--level", help="actor (codes) or country.")] = "actor",
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Leave out edges with fewer events.")] = 1,
    fmt: RowsFormatOpt = "table", count: CountOpt = "events",
) -> None:
    """The actor network of a period: directed edges with event (or mention) counts and mean Goldstein."""
    if level not in {"actor", "country"}:
        raise _usage(f"--level must be actor or country, not {level!r}")
    unit = _unit(count)
    try:
        net = api.query_network(db, _date(start), _date(end), level, min_events, unit)  # type: ignore[arg-type]  # checked above
    except DragomanError as e:
        raise _fail(e) from e
    _print_rows(net.edges, fmt)
    err.print(f"{len(net.nodes)} nodes, {len(net.edges)} edges")


@query_app.command("quotes")
def query_quotes_cmd(
    db: DbOpt, speaker: Annotated[Optional[str], typer.Option("--speaker", help="Speaker name (any case), code or country.")] = None,
    about: Annotated[Optional[str], typer.Option("--about", help="An actor the quote mentions: code prefix (RUS), country, or a word of its name.")] = None,
    limit: LimitOpt = 100, offset: OffsetOpt = 0, fmt: RowsFormatOpt = "jsonl",
) -> None:
    """Quotes, by speaker and by what they are about ("what did Erdogan say about Russia": --speaker erdogan --about RUS)."""
    for flag, value in (("--speaker", speaker), ("--about", about)):
        if value is not None and not value.strip():
            raise _usage(f"{flag} must not be empty; give a name, a code or a country")
    try:
        page = api.query_quotes(db, speaker, limit, offset, about)
    except DragomanError as e:
        raise _fail(e) from e
    if fmt == "table" and page.items:
        table = Table("speaker_name", "speaker_code", "kind", "text", "about", "article_id")
        for q in page.items:
            mentioned = "; ".join(f"{a.name or a.text} ({a.code or '–'})" for a in q.about)
            table.add_row(q.speaker_name or q.speaker_text or "", q.speaker_code or "", q.kind, q.text, mentioned, q.article_id)
        out.print(table)
    else:
        _print_rows(page.items, fmt, ("speaker_name", "speaker_code", "kind", "text", "article_id"))
    err.print(f"{len(page.items)} of {page.total} quotes")


@query_app.command("search")
def query_search_cmd(
    words: Annotated[str, typer.Argument(help="Words to find (all of them).")], db: DbOpt,
    quotes: Annotated[bool, typer.Option("--quotes", help="Search quotes instead of article texts.")] = False,
    limit: LimitOpt = 20, offset: OffsetOpt = 0, fmt: RowsFormatOpt = "jsonl",
) -> None:
    """Full-text search; the matched words come wrapped in « and »."""
    try:
        page = api.query_search(db, words, "quotes" if quotes else "articles", limit, offset)
    except DragomanError as e:
        raise _fail(e) from e
    _print_rows(page.items, fmt, ("article_id", "date", "speaker_name", "snippet"))
    err.print(f"{len(page.items)} of {page.total} hits")


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Argument(help="csv (GDELT-1.0-like), jsonl or parquet for events; graphml or gexf for the actor network.")],
    db: DbOpt, out_path: Annotated[Optional[Path], typer.Option("--out", help="Output file (csv and jsonl default to stdout).")] = None,
    actor: ActorFlt = None, source: SourceFlt = None, target: TargetFlt = None, country: CountryFlt = None, code: CodeFlt = None,
    root: RootFlt = None, quad_class: QuadFlt = None, start: StartFlt = None, end: EndFlt = None, place: PlaceFlt = None,
    level: Annotated[str, typer.Option("--level", help="Network nodes: actor or country.")] = "actor",
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Network: leave out edges with fewer events.")] = 1,
    count: Annotated[Optional[str], typer.Option("--count", help=f"{_COUNT_HELP}; rows default to mentions, networks to events.")] = None,
) -> None:
    """Export events or the actor network from a store."""
    if level not in {"actor", "country"}:
        raise _usage(f"--level must be actor or country, not {level!r}")
    f = _event_filter(actor, source, target, country, code, root, quad_class, start, end, place)
    unit = None if count is None else _unit(count)
    try:
        with _Bar("exporting") as bar:
            n = api.export(db, fmt, out_path, f, level, min_events, unit, bar.update)  # type: ignore[arg-type]  # checked above
    except DragomanError as e:
        raise _fail(e) from e
    what = "edges" if fmt in {"graphml", "gexf"} else (unit or "mentions")
    err.print(f"wrote {n} {what}" + (f" to {out_path}" if out_path else "") + f" in {bar.seconds:.1f}s")


@app.command("serve")
def serve_cmd(
    db: Annotated[Path, typer.Option("--db", help="The SQLite store to serve (read-only).")] = Path("dragoman.db"),
    host: Annotated[str, typer.Option("--host", help="Interface to listen on; keep 127.0.0.1 unless you mean to share.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    allow_host: Annotated[Optional[list[str]], typer.Option(
        "--allow-host", metavar="NAME[:PORT]", help="Also answer requests whose Host header is NAME (any port) or NAME:PORT; repeatable. "
                             "With --host 0.0.0.0 or :: give every name clients use, else any Host is answered (with a warning).",
    )] = None,
    get: Annotated[Optional[str], typer.Option("--get", help="Print the response to GET PATH and exit, without opening a socket.")] = None,
) -> None:
    """The web UI and the JSON API (OpenAPI at /docs) over a store, read-only."""
    hosts = api.serve_hosts(host, port, allow_host or ())
    try:
        web = api.serve_app(db) if get is not None else api.serve_app(db, hosts)
    except DragomanError as e:
        raise _fail(e) from e
    if get is not None:
        status, body = api.serve_get(web, get)
        print(body)
        raise typer.Exit(0 if status < 400 else 1)
    if "*" in hosts:
        err.print(
            f"[bold yellow]warning:[/] listening on {host} with no --allow-host: any Host header is answered, so a web page "
            "whose name is re-pointed at this machine (DNS rebinding) can read the API. Pass --allow-host NAME for each "
            "name clients use to reach this server."
        )
    else:
        err.print(f"dragoman: answering Host {', '.join(hosts)}")
    err.print(f"dragoman: serving {db} at http://{host}:{port}/ (API docs at /docs and /redoc); Ctrl-C stops")
    api.serve(web, host, port)


@app.command("explain-event")
def explain_event_cmd(
    event_id: Annotated[str, typer.Argument(help="An event id (event_id in `dragoman query events`).")], db: DbOpt,
    fmt: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Which mentions make an event, why they are one event, and which events near it were kept apart."""
    if fmt not in {"text", "json"}:
        raise _usage(f"--format must be text or json, not {fmt!r}")
    try:
        x = api.explain_event(db, event_id)
    except DragomanError as e:
        raise _fail(e) from e
    if fmt == "json":
        import dataclasses

        print(json.dumps(dataclasses.asdict(x), ensure_ascii=False))
        return
    ev = x.event
    target = f"{ev.target_name or ev.target_text} ({ev.target_code or '–'})" if ev.target_text else "—"
    out.print(f"event {ev.event_id}: {ev.source_name or ev.source_text} ({ev.source_code or '–'}) → {target}: "
              f"{ev.cameo} {ev.cameo_name or ''}, {ev.date or 'undated'}" + (f", {ev.place_name}" if ev.place_name else ""), markup=False, style="bold")
    out.print(f"{ev.mentions} mention(s), {ev.articles} article(s), {ev.sources} source(s); reported {ev.first_report or '?'} to {ev.last_report or '?'}")
    out.print("[bold]why one event[/]")
    for reason in x.reasons:
        out.print(f"  · {reason}", markup=False)
    out.print("[bold]mentions[/]")
    for m in x.mentions:
        marks = ", ".join(w for w, on in (("first: the id comes from it", m.first), ("evidence", m.evidence)) if on)
        out.print(f"  {m.mention.article_id} [{m.outlet or 'no outlet'}, {m.report_date or 'undated'}] {m.fits}" + (f" ({marks})" if marks else ""), markup=False)
        out.print(f"      “{m.mention.evidence_text}”", markup=False)
    if x.apart:
        out.print("[bold]kept apart[/]")
        for a in x.apart:
            out.print(f"  {a.event.event_id} {a.event.cameo} {a.event.date or 'undated'} ({a.event.mentions} mention(s)): {a.why}", markup=False)


@app.command("migrate")
def migrate_cmd(db: DbOpt) -> None:
    """Upgrade a store to this dragoman's schema version (a transaction per step)."""
    try:
        before, after = api.migrate(db)
    except DragomanError as e:
        raise _fail(e) from e
    out.print(f"{db}: schema version {before} → {after}" if before != after else f"{db}: already at schema version {after}")


def main(argv: list[str] | None = None) -> int:
    """Entry point; ``argv`` lets tests call the CLI in-process."""
    try:
        rc = app(args=argv, standalone_mode=False)
        if isinstance(rc, int):
            return rc
    except typer.Exit as e:
        return int(e.exit_code or 0)
    except SystemExit as e:  # typer's own exits
        return int(e.code or 0)
    except Exception as e:  # click's usage errors (typer vendors click) carry show() and exit_code
        show = getattr(e, "show", None)
        code = getattr(e, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            return code
        raise
    return 0


def entry() -> None:
    sys.exit(main())
