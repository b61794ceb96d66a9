"""The Dask engine: one task per shard, each worker loading the pipeline once.

The pipeline lives on the worker's :class:`PipelinePlugin` (``worker.plugins[name]``),
loaded when the plugin is set up: on every worker when the run starts, and on every
worker that joins later (a restarted one too). A shard's task looks it up there, codes
the shard and writes its partitions. Shards, the output folder and dragoman itself must
be reachable from every worker (one machine, or a shared filesystem).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import logging
import os
import pickle
import threading
import uuid
from pathlib import Path
from typing import Callable

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from dragoman.errors import InputError
from dragoman.pipeline import Pipeline, load_pipeline
from dragoman.scale.coding import ShardResult, code_shard
from dragoman.scale.shards import Shard
from dragoman.settings import Settings

log = logging.getLogger(__name__)


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker process and keeps it for the worker's tasks."""

    idempotent = True  # registering it again (a second run, same settings) keeps the loaded pipeline

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.name = plugin_name(settings)
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    async def setup(self, worker: object) -> None:
        # Off the event loop, so the worker keeps answering heartbeats while the model loads.
        await asyncio.get_running_loop().run_in_executor(None, self.pipeline)

    def pipeline(self) -> Pipeline:
        """The worker's pipeline; a task that arrives while setup is still loading it waits."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = load_pipeline(self.settings)
            return self._pipeline

    def __getstate__(self) -> dict[str, object]:
        return {"settings": self.settings, "name": self.name}

    def __setstate__(self, state: dict[str, object]) -> None:
        settings, name = state["settings"], state["name"]
        assert isinstance(settings, Settings) and isinstance(name, str)
        self.settings, self.name = settings, name
        self._pipeline = None
        self._lock = threading.Lock()


def plugin_name(settings: Settings) -> str:
    return "dragoman-pipeline-" + hashlib.sha256(pickle.dumps(settings)).hexdigest()[:12]


def _worker_pipeline(name: str) -> tuple[Pipeline, str]:
    worker = get_worker()
    plugin = worker.plugins.get(name)
    if not isinstance(plugin, PipelinePlugin):
        raise RuntimeError(f"worker {worker.address} has no {name} plugin; it is registered before any shard is submitted")
    return plugin.pipeline(), worker.address


def _shard_task(shard: Shard, out: str, default_date: dt.date | None, name: str) -> ShardResult:
    pipeline, address = _worker_pipeline(name)
    return code_shard(pipeline, shard, Path(out), default_date, worker=address)


def local_cluster(workers: int | None = None) -> LocalCluster:
    """One single-threaded worker process per core, on the loopback interface, with glibc's own allocator settings:
    Dask starts its workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which hands memory back to the system after
    nearly every article and cost the workers about a tenth more time in the kernel (docs/scale.md, "Benchmarks")."""
    environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ", {}).items() if k != "MALLOC_TRIM_THRESHOLD_"}
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
        return LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None, silence_logs=logging.WARNING,
        )


def run_shards(
    shards: list[Shard],
    out: Path,
    settings: Settings,
    default_date: dt.date | None,
    scheduler: str | None,
    workers: int | None,
    record: Callable[[ShardResult], None],
    failed: list[tuple[str, str]],
) -> str:
    """Code ``shards`` on the cluster, calling ``record`` as each finishes; returns the scheduler address.

    A shard whose task raised is added to ``failed``; a worker that dies mid-shard has its
    task rerun elsewhere by Dask (the partitions are written only on success).
    """
    cluster = local_cluster(workers) if scheduler is None else None
    try:
        try:
            client = Client(cluster if cluster is not None else scheduler, timeout="30s")  # type: ignore[no-untyped-call]
        except OSError as e:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {e}; start one with `dask scheduler` or leave out --scheduler") from e
        with client:
            address = str(client.scheduler_info()["address"])
            if not shards:
                return address
            plugin = PipelinePlugin(settings)
            client.register_plugin(plugin, name=plugin.name)
            run_id = uuid.uuid4().hex[:8]
            futures = [
                client.submit(_shard_task, shard, str(out.resolve()), default_date, plugin.name, key=f"dragoman-shard-{shard.key}-{run_id}", pure=False)
                for shard in shards
            ]
            keys = {f.key: s.key for f, s in zip(futures, shards)}
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                try:
                    record(future.result())
                except Exception as e:  # noqa: BLE001 - a failed shard is reported and redone on the next run, the others go on
                    log.error("shard %s failed: %s", keys[future.key], e)
                    failed.append((keys[future.key], f"{type(e).__name__}: {e}"))
            return address
    finally:
        if cluster is not None:
            cluster.close()

