"""The Dask engine on a real LocalCluster: 2 worker processes on the loopback, scheduler at a fixed port."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import time
from pathlib import Path
from typing import Iterator

import pytest

distributed = pytest.importorskip("distributed")

from dragoman.cli import main  # noqa: E402
from dragoman.pipeline import Pipeline, code_articles  # noqa: E402
from dragoman.scale import code_corpus, find_shards, load_output, output_json, read_manifest, read_shard  # noqa: E402
from dragoman.settings import load_settings  # noqa: E402
from dragoman.store import Store, connect  # noqa: E402

from store.merge_cases import groups  # noqa: E402

from .corpus import write_corpus  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def port() -> int:
    return _free_port()


@pytest.fixture(scope="module")
def cluster(port: int) -> Iterator[distributed.LocalCluster]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", scheduler_port=port,
        dashboard_address=None, silence_logs=40,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dask_corpus")
    write_corpus(folder, articles=240, shards=8)
    return folder


@pytest.fixture(scope="module")
def local_output(pipeline: Pipeline, corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, object]]:
    out = tmp_path_factory.mktemp("local_out")
    code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    return output_json(out)


def test_scheduler_option_uses_the_given_scheduler(cluster: distributed.LocalCluster, port: int, corpus: Path, local_output: list[dict[str, object]],
                                                   tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    address = f"tcp://127.0.0.1:{port}"
    assert cluster.scheduler_address == address
    out = tmp_path / "out"
    assert main(["code", str(corpus), "--engine", "dask", "--scheduler", address, "--out", str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["scheduler"] == address and summary["coded"] == 8
    manifest = read_manifest(out)
    workers = set(cluster.scheduler_info["workers"])
    assert {e["worker"] for e in manifest.shards.values()} <= workers  # every shard ran on this cluster's workers
    assert manifest.runs[-1]["scheduler"] == address
    with distributed.Client(address) as client:  # the scheduler itself saw the shard tasks
        done = client.run_on_scheduler(lambda dask_scheduler: sum(1 for k in dask_scheduler.task_prefixes if str(k).startswith("dragoman-shard")))
    assert done >= 1
    assert output_json(out) == local_output


def test_killed_worker_mid_run_output_complete_and_equal(cluster: distributed.LocalCluster, corpus: Path,
                                                          local_output: list[dict[str, object]], tmp_path: Path) -> None:
    out = tmp_path / "out"
    killed: list[int] = []
    with distributed.Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker(done: int, total: int) -> None:
            if done != 1 or killed:
                return
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                busy = [w for w, tasks in client.processing().items() if tasks and w in pids]
                if busy:
                    os.kill(pids[busy[0]], signal.SIGKILL)
                    killed.append(pids[busy[0]])
                    return
                time.sleep(0.05)

        report = code_corpus([str(corpus)], out, load_settings(), engine="dask", scheduler=cluster.scheduler_address, progress=kill_a_busy_worker)
    assert killed, "no worker was busy after the first shard finished"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert report.failed == () and len(report.coded) == 8
    manifest = read_manifest(out)
    assert len(manifest.shards) == 8 and sum(e["rows"]["articles"] for e in manifest.shards.values()) == 240
    assert output_json(out) == local_output



def test_loaded_dask_output_holds_the_events_of_direct_coding(cluster: distributed.LocalCluster, corpus: Path, pipeline: Pipeline,
                                                             tmp_path: Path) -> None:
    """Events and mentions (docs/store.md): `dragoman load` of the Dask engine's output groups the mentions into the same
    events as coding straight into a store, here in the reverse order and in small batches."""
    out = tmp_path / "out"
    report = code_corpus([str(corpus)], out, load_settings(), engine="dask", scheduler=cluster.scheduler_address)
    assert report.failed == ()
    load_output(out, tmp_path / "loaded.db")
    items = list(code_articles(pipeline, [i for s in find_shards([str(corpus)]) for i in read_shard(s, pipeline.settings.ingest)]))
    direct = connect(tmp_path / "direct.db")
    items.reverse()
    for start in range(0, len(items), 17):
        Store(direct).write_batch(items[start : start + 17])
    loaded = connect(tmp_path / "loaded.db")
    assert groups(loaded) == groups(direct)
    events, mentions = (loaded.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("event_groups", "events"))
    assert 0 < events < mentions  # the generated corpus repeats its acts: reports merge


def test_one_large_file_keeps_both_workers_busy(cluster: distributed.LocalCluster, tmp_path: Path, pipeline: Pipeline) -> None:
    """A single shard of 60 records is coded as 6 tasks of 10 (scale.records_per_task) on both workers, and the output
    is what the local engine gives for the whole file."""
    corpus = tmp_path / "one"
    write_corpus(corpus, articles=60, shards=1)
    settings = load_settings()
    parted = dataclasses.replace(settings, scale=dataclasses.replace(settings.scale, records_per_task=10))
    out = tmp_path / "out"
    report = code_corpus([str(corpus)], out, parted, engine="dask", scheduler=cluster.scheduler_address)
    assert report.failed == () and report.shards == 6 and len({r.worker for r in report.coded}) == 2
    whole = tmp_path / "whole"
    code_corpus([str(corpus)], whole, pipeline.settings, pipeline=pipeline)
    assert output_json(out) == output_json(whole)
