"""Code a sharded corpus into a Parquet output folder, on one process or a Dask cluster.

The shard is the unit of work and of resume (a file of more than ``scale.records_per_task``
records is cut into parts of that many, each a shard of its own: :func:`~dragoman.scale.shards.split_shards`):
:func:`code_shard` reads one shard, codes it and writes its partitions; :func:`code_corpus` skips the shards the manifest lists as
finished (same content digest), runs the rest on the chosen engine and records each in
the manifest as it finishes. Both engines call :func:`code_shard`, so their outputs match.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Literal

from dragoman.errors import InputError, ShardsFailedError
from dragoman.pipeline import Pipeline, load_pipeline
from dragoman.scale.coding import ShardResult, code_shard
from dragoman.scale.parquet import TABLES, VERSION, now, read_manifest, write_manifest
from dragoman.scale.shards import Shard, find_shards, split_shards
from dragoman.settings import Settings

log = logging.getLogger(__name__)

Engine = Literal["local", "dask"]
ENGINES: tuple[Engine, ...] = ("local", "dask")
Progress = Callable[[int, int], None]
"""Called with (shards finished, shards in the corpus) at the start and after each shard."""


@dataclass(frozen=True, slots=True)
class RunReport:
    """One run of :func:`code_corpus`."""

    out: Path
    engine: Engine
    scheduler: str | None
    shards: int
    skipped: int
    coded: tuple[ShardResult, ...]
    failed: tuple[tuple[str, str], ...] = ()
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _local(shards: list[Shard], out: Path, settings: Settings, default_date: dt.date | None, pipeline: Pipeline | None) -> Iterable[ShardResult]:
    pipeline = pipeline or load_pipeline(settings)
    for shard in shards:
        yield code_shard(pipeline, shard, out, default_date)


def code_corpus(
    corpus: Iterable[str],
    out: Path,
    settings: Settings,
    engine: Engine = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    default_date: dt.date | None = None,
    progress: Progress | None = None,
    pipeline: Pipeline | None = None,
) -> RunReport:
    """Code every unfinished shard of ``corpus`` into ``out``.

    ``engine="dask"`` runs one task per shard (or part of one) on the cluster at ``scheduler``, or, without
    one, on a LocalCluster of ``workers`` processes (default: one per core). ``pipeline``
    (local engine only) reuses an already loaded pipeline.
    """
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if scheduler is not None and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    started = time.perf_counter()
    shards = split_shards(find_shards(corpus), settings.scale.records_per_task)
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "_staging", ignore_errors=True)  # partitions of a crashed run, never renamed into place
    manifest = read_manifest(out)
    if manifest.version != VERSION:  # written by an older dragoman: code everything again
        manifest.shards.clear()
        manifest.version = VERSION
    manifest.order = [s.key for s in shards]
    todo = [s for s in shards if not manifest.finished(out, s.key, s.digest)]
    skipped = len(shards) - len(todo)
    for s in todo:
        manifest.shards.pop(s.key, None)
    write_manifest(out, manifest)
    log.info("%d shards, %d already finished, %d to code (engine %s)", len(shards), skipped, len(todo), engine)
    if progress:
        progress(skipped, len(shards))

    by_key = {s.key: s for s in shards}
    coded: list[ShardResult] = []
    failed: list[tuple[str, str]] = []

    def record(result: ShardResult) -> None:
        manifest.shards[result.key] = {
            "name": by_key[result.key].name, "digest": result.digest, "rows": result.rows,
            "seconds": round(result.seconds, 3), "worker": result.worker, "finished_at": now(),
        }
        write_manifest(out, manifest)
        coded.append(result)
        if progress:
            progress(skipped + len(coded), len(shards))

    if engine == "local":
        for result in _local(todo, out, settings, default_date, pipeline):
            record(result)
    elif todo:
        from dragoman.scale.dask_engine import run_shards

        scheduler = run_shards(todo, out, settings, default_date, scheduler, workers, record, failed)
    rows = {t: sum(int(e["rows"].get(t, 0)) for k, e in manifest.shards.items() if k in by_key) for t in TABLES}
    report = RunReport(out, engine, scheduler, len(shards), skipped, tuple(coded), tuple(failed), rows, time.perf_counter() - started)
    manifest.runs.append({
        "engine": engine, "scheduler": scheduler, "finished_at": now(), "shards": len(shards), "skipped": skipped,
        "coded": len(coded), "failed": [k for k, _ in failed], "seconds": round(report.seconds, 3),
    })
    write_manifest(out, manifest)
    if failed:
        raise ShardsFailedError(tuple(failed), len(shards))
    return report

