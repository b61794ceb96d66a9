"""Benchmark (not a test): whole ``dragoman code`` processes, start-up included, as a user runs them (issue 20, item 5).

    .venv/bin/python benchmarks/bench_process.py [--sizes 1 4] [--out benchmarks/results.md]

Writes the news texts (``../shared/external/news_*.jsonl``) repeated ``n`` times (each repeat with its own ids) to one
JSONL file for each ``--sizes`` entry, and codes it with ``ingest.dedupe = false`` three ways, each a fresh process
with a warm start-up cache: one process (``dragoman code FILE``), ``--jobs 2``, and ``--engine dask --jobs 2 --out
DIR``. Reported: wall time, words/s, words/s per process (words / wall / processes), and the CPU seconds per
1,000 words of the whole process tree (user and system, from ``getrusage(RUSAGE_CHILDREN)``). One warm-up run of
each way first codes a few articles, so the cache and the OS's file cache are warm. Prints a Markdown section and
puts it into ``--out`` between its markers (``results_section.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from results_section import put_section  # benchmarks/, the script's own folder

ROOT = Path(__file__).resolve().parents[1]
NEWS = sorted((ROOT.parent / "shared" / "external").glob("news_*.jsonl"))
DRAGOMAN = Path(sys.executable).with_name("dragoman")
WAYS: dict[str, tuple[list[str], int]] = {
    "one process": ([], 1),
    "--jobs 2": (["--jobs", "2"], 2),
    "Dask, 2 workers": (["--engine", "dask", "--jobs", "2", "--out", "{out}"], 2),
}


def corpus(path: Path, repeats: int) -> int:
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(repeats):
            for f in NEWS:
                for line in f.read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    if record.get("text"):
                        record["id"] = f"{record.get('id')}~{n}"
                        words += len(record["text"].split())
                        out.write(json.dumps(record) + "\n")
    return words


def run(args: list[str], tmp: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process tree) of one ``dragoman code`` run."""
    out = tmp / f"out-{time.time_ns()}"
    command = [str(DRAGOMAN), "code", *[a.format(out=out) for a in args]]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    options = parser.parse_args()
    if not NEWS:
        sys.exit("no ../shared/external/news_*.jsonl: nothing to measure")
    rows = []
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        settings = tmp / "settings.toml"
        settings.write_text("[ingest]\ndedupe = false\n", encoding="utf-8")
        small = tmp / "warm.jsonl"
        small.write_text("".join(NEWS[0].read_text(encoding="utf-8").splitlines(keepends=True)[:4]), encoding="utf-8")
        for extra, _ in WAYS.values():
            run([str(small), "--settings", str(settings), *extra], tmp)
        load = os.getloadavg()[0]
        for size in options.sizes:
            path = tmp / f"news-x{size}.jsonl"
            words = corpus(path, size)
            for way, (extra, processes) in WAYS.items():
                wall, cpu = run([str(path), "--settings", str(settings), *extra], tmp)
                rows.append(f"| {words:,} | {way} | {wall:.1f} | {words / wall:,.0f} | {words / wall / processes:,.0f} | {1000 * cpu / words:.2f} |")
                print(rows[-1], file=sys.stderr)
    lines = [
        "## Whole processes, start-up included (#20)", "",
        f"`benchmarks/bench_process.py --sizes {' '.join(map(str, options.sizes))}`, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"{platform.python_version()} on {platform.platform()}, `nproc` = {os.cpu_count()}, load average before {load:.2f}.", "",
        "The news texts repeated into one JSONL file, `ingest.dedupe = false`, a warm start-up cache.", "",
        "| words | how | wall s | words/s | words/s per process | CPU s per 1,000 words |", "|---:|---|---:|---:|---:|---:|", *rows,
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    put_section(options.out, "bench_process.py", text)


if __name__ == "__main__":
    main()
