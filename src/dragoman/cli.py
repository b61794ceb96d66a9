"""dragoman's command line: parse, call the API function of the same name, print."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any, Iterable, Iterator, Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from dragoman import __version__, api
from dragoman.contract import article_to_json, rejection_to_json
from dragoman.errors import DragomanError
from dragoman.pipeline import Pipeline, load_pipeline
from dragoman.records import CodedArticle, Rejection
from dragoman.settings import Settings, documented_keys, load_settings

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


def _progress(items: Iterable[CodedArticle | Rejection]) -> Iterator[CodedArticle | Rejection]:
    if not sys.stderr.isatty():
        yield from items
        return
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"), TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("coding", total=None)
        for item in items:
            progress.advance(task)
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
) -> None:
    """Code articles into events, actors and quotes."""
    if fmt not in {"jsonl", "table"}:
        raise _usage(f"--format must be jsonl or table, not {fmt!r}")
    default_date = _date(date)
    try:
        settings = _settings(settings_file, actors)
        pipeline = load_pipeline(settings)
        results: Iterable[CodedArticle | Rejection] = api.code(pipeline, paths, default_date, sys.stdin.buffer if "-" in paths else None)
        if db is not None:
            results = api.store_results(db, results, settings.store.batch_size)
        rejected = 0
        for item in _progress(results):
            if isinstance(item, Rejection):
                rejected += 1
                err.print(f"[yellow]rejected[/] {item.source}: {item.reason} — {item.detail}")
                if fmt == "jsonl":
                    print(json.dumps(rejection_to_json(item), ensure_ascii=False), flush=True)
                continue
            if fmt == "jsonl":
                print(json.dumps(article_to_json(item), ensure_ascii=False), flush=True)
            else:
                _print_table(item, pipeline)
    except DragomanError as e:
        raise _fail(e) from e
    if strict and rejected:
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
    gold: Annotated[Path, typer.Argument(help="A gold file: the seed .json or a gold .jsonl set.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Score only the first N records of a .jsonl set.")] = None,
    settings_file: SettingsOpt = None,
) -> None:
    """Run the pipeline on a gold file and print precision, recall and F1."""
    try:
        pipeline = load_pipeline(_settings(settings_file))
        report = api.eval_gold(pipeline, gold, limit)
    except DragomanError as e:
        raise _fail(e) from e
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return
    _print_report(report)


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
    try:
        pipeline = load_pipeline(_settings(settings_file))
        from dragoman.ingest import read_inputs

        default_date = _date(date)
        for item in read_inputs([str(path)], pipeline.settings.ingest):
            if isinstance(item, Rejection):
                err.print(f"[yellow]rejected[/] {item.source}: {item.reason} — {item.detail}")
                continue
            if item.date is None and default_date is not None:
                from dataclasses import replace

                item = replace(item, date=default_date)
            for n, s in enumerate(api.explain(pipeline, item), start=1):
                out.print(f"[bold]{n}.[/] {s.text.strip()}")
                for a in s.actors:
                    out.print(f"   [cyan]actor[/]   {a}")
                for m in s.matches:
                    out.print(f"   [magenta]pattern[/] {m}")
                for e in s.events:
                    out.print(f"   [green]event[/]   {e}")
    except DragomanError as e:
        raise _fail(e) from e


@app.command("settings")
def settings_cmd() -> None:
    """List every setting with its help line."""
    for key, help_text in documented_keys().items():
        out.print(f"[bold]{key}[/]: {help_text}")


@actors_app.command("stats")
def actors_stats_cmd(actors: ActorsOpt = None) -> None:
    """Counts of the knowledge base by kind."""
    try:
        pipeline = load_pipeline(_settings(None, actors))
    except DragomanError as e:
        raise _fail(e) from e
    for key, value in api.actors_stats(pipeline.actors).items():
        out.print(f"{key}: {value}")


@actors_app.command("lookup")
def actors_lookup_cmd(
    name: Annotated[str, typer.Argument(help='A name, alias, adjective, or "the Turkish president".')],
    date: Annotated[Optional[str], typer.Option("--date", help="Resolve dated roles on this day (YYYY-MM-DD).")] = None,
    actors: ActorsOpt = None,
) -> None:
    """What a name or title resolves to on a date."""
    try:
        pipeline = load_pipeline(_settings(None, actors))
    except DragomanError as e:
        raise _fail(e) from e
    hits = api.actors_lookup(pipeline.actors, name.removeprefix("the ").removeprefix("The "), _date(date))
    if not hits:
        out.print(f"no actor known as {name!r}")
        raise typer.Exit(1)
    for h in hits:
        out.print(f"{h.phrase} → {h.name} [{h.kind}] code={h.code} country={h.country} {h.detail}")


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
