"""One shard's work, the same on every engine: read, code, write its partitions."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from dragoman.pipeline import Pipeline, code_articles
from dragoman.records import Result
from dragoman.scale.parquet import shard_rows, write_partitions
from dragoman.scale.shards import Shard, read_shard


@dataclass(frozen=True, slots=True)
class ShardResult:
    """What one shard produced: its output row counts, the time it took and where it ran."""

    key: str
    digest: str
    rows: dict[str, int]
    seconds: float
    worker: str


def code_shard(pipeline: Pipeline, shard: Shard, out: Path, default_date: dt.date | None = None, worker: str = "local") -> ShardResult:
    """Read, code and write one shard; the partitions appear only once complete."""
    start = time.perf_counter()
    results: list[Result] = list(code_articles(pipeline, read_shard(shard, pipeline.settings.ingest, default_date)))
    rows = write_partitions(out, shard.key, shard_rows(shard.key, results))
    return ShardResult(shard.key, shard.digest, rows, time.perf_counter() - start, worker)
