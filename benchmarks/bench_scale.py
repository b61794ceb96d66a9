"""Throughput and memory of dragoman on 1 and 2 worker processes (``make bench``).

For three stages, tokenizer only (``nlp.make_doc``), nlp (``parse_articles``: tokenizer,
sentence rules and the statistical components when the trained model is installed) and
the full pipeline (``code_articles``), the news texts in ``../shared/external/news_*.jsonl``
are repeated to at least ``--words`` whitespace-separated words and split evenly over N
worker processes. Each worker loads what its stage needs, waits at a barrier, then codes
its share; load time is not counted. Reported: words/s and articles/s (all workers
together, over the wall time from the first start to the last finish), words/s per
worker, and each worker's peak RSS. Writes ``benchmarks/results.md`` with the machine.

Usage: python benchmarks/bench_scale.py [--words N] [--workers 1 2] [--stages tokenizer nlp full] [--out FILE]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing as mp  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any, Callable  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("tokenizer", "nlp", "full")


@dataclass(frozen=True)
class WorkerRun:
    words: int
    articles: int
    start: float
    end: float
    peak_rss_mb: float


def _texts(news_dir: Path, min_words: int) -> list[str]:
    base: list[str] = []
    for f in sorted(news_dir.glob("news_*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            base.extend(json.loads(line)["text"] for line in fh if line.strip())
    if not base:
        raise SystemExit(f"no news_*.jsonl under {news_dir}")
    words_per_pass = sum(len(t.split()) for t in base)
    passes = -(-min_words // words_per_pass)
    return [t for _ in range(passes) for t in base]


def _worker(stage: str, texts: list[str], barrier: Any, results: Any) -> None:
    from dragoman.pipeline import code_articles, load_pipeline
    from dragoman.records import Article
    from dragoman.registry import nlp_factory
    from dragoman.nlp import parse_articles
    from dragoman.settings import load_settings

    settings = load_settings()
    articles = [Article(id=f"b{n}", text=t, source="bench") for n, t in enumerate(texts)]
    run: Callable[[list[Article]], object]
    if stage == "full":
        pipeline = load_pipeline(settings)
        run = lambda batch: list(code_articles(pipeline, batch))  # noqa: E731
    else:
        backend = nlp_factory(settings.nlp.backend)(settings.nlp)
        if stage == "tokenizer":
            run = lambda batch: [backend.nlp.make_doc(a.text) for a in batch]  # noqa: E731
        else:
            run = lambda batch: parse_articles(backend, [(a, ()) for a in batch], settings.nlp.batch_size)  # noqa: E731
    run(articles[:1])  # warm-up
    barrier.wait()
    start = time.time()
    step = max(1, settings.nlp.batch_size)
    for i in range(0, len(articles), step):  # the way `dragoman code` feeds the pipeline: nlp.batch_size at a time
        run(articles[i:i + step])
    end = time.time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    results.put(WorkerRun(sum(len(t.split()) for t in texts), len(texts), start, end, peak))


def measure(stage: str, workers: int, texts: list[str]) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(workers)
    results = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(stage, texts[i::workers], barrier, results)) for i in range(workers)]
    for p in procs:
        p.start()
    runs = [results.get() for _ in procs]
    for p in procs:
        p.join()
    wall = max(r.end for r in runs) - min(r.start for r in runs)
    words = sum(r.words for r in runs)
    return {
        "stage": stage, "workers": workers, "words": words, "articles": sum(r.articles for r in runs), "seconds": wall,
        "words_s": words / wall, "articles_s": sum(r.articles for r in runs) / wall, "words_s_per_worker": words / wall / workers,
        "peak_rss_mb": max(r.peak_rss_mb for r in runs),
    }


def _machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = "unknown"
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    nproc = str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count())  # `nproc` obeys OMP_NUM_THREADS=1
    return {"nproc": nproc, "cpu": cpu, "memory": mem, "python": platform.python_version(), "os": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--stages", nargs="+", default=list(STAGES), choices=STAGES)
    ap.add_argument("--news-dir", type=Path, default=ROOT.parent / "shared" / "external")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = ap.parse_args(argv)

    from dragoman.settings import load_settings
    from dragoman.registry import nlp_factory

    settings = load_settings()
    backend = nlp_factory(settings.nlp.backend)(settings.nlp).name
    texts = _texts(args.news_dir, args.words)
    load_before = os.getloadavg()
    rows = []
    for stage in args.stages:
        for n in args.workers:
            row = measure(stage, n, texts)
            rows.append(row)
            print(f"{stage:9} workers={n} words={row['words']} {row['seconds']:.1f}s {row['words_s']:.0f} words/s "
                  f"({row['words_s_per_worker']:.0f}/worker) {row['articles_s']:.1f} articles/s peak RSS {row['peak_rss_mb']:.0f} MB", flush=True)
    load_after = os.getloadavg()
    machine = _machine()
    lines = [
        "# Scale benchmarks", "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} by `make bench` (`benchmarks/bench_scale.py`).", "",
        "## Machine", "",
        f"- CPU: {machine['cpu']}, `nproc` = {machine['nproc']}",
        f"- memory: {machine['memory']}",
        f"- Python {machine['python']} on {machine['os']}",
        f"- NLP backend: `{backend}`",
        f"- load average before / after the runs: {load_before[0]:.2f} / {load_after[0]:.2f} (1 min)", "",
        "## Results", "",
        f"The news texts of `../shared/external/news_*.jsonl` repeated to {rows[0]['words']:,} words ({rows[0]['articles']} articles),"
        " split evenly over the worker processes; load time excluded.", "",
        "| stage | workers | words/s | words/s per worker | articles/s | peak RSS per worker (MB) | seconds |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['stage']} | {r['workers']} | {r['words_s']:,.0f} | {r['words_s_per_worker']:,.0f} | {r['articles_s']:.1f} | {r['peak_rss_mb']:.0f} | {r['seconds']:.1f} |")
    lines.append("")
    for stage in args.stages:
        by = {r["workers"]: r for r in rows if r["stage"] == stage}
        if 1 in by and 2 in by:
            lines.append(f"- {stage}: 2 workers are {by[2]['words_s'] / by[1]['words_s']:.2f}x one worker.")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
