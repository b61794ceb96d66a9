"""Benchmark the nlp stage: dragoman's shipped spaCy pipeline on one core.

Runs the packaged model (``src/dragoman/nlp/model`` or ``--model``) over the texts in
``../shared/external/news_*.jsonl`` and prints words per second (spaCy tokens that are
not whitespace) per file and overall, plus the process's peak RSS and the model's size
on disk. Threads are pinned to one core before numpy is imported.

With ``--gazetteer-ruler`` the entity ruler that ``nlp.gazetteer_ruler = true`` adds
after ``ner`` is included (its pattern building counts in the load time).

Usage: python benchmarks/bench_nlp.py [--model PATH] [--news-dir DIR] [--repeat N] [--gazetteer-ruler]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _dir_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=ROOT / "src" / "dragoman" / "nlp" / "model")
    ap.add_argument("--news-dir", type=Path, default=ROOT.parent / "shared" / "external")
    ap.add_argument("--repeat", type=int, default=1, help="passes over the texts (best pass is reported)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--gazetteer-ruler", action="store_true", help="add dragoman's gazetteer entity ruler after ner")
    args = ap.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    import spacy

    files = sorted(args.news_dir.glob("news_*.jsonl"))
    if not files:
        print(f"no news_*.jsonl under {args.news_dir}", file=sys.stderr)
        return 2
    texts: dict[str, list[str]] = {}
    for f in files:
        with f.open(encoding="utf8") as fh:
            texts[f.name] = [json.loads(line)["text"] for line in fh if line.strip()]

    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    if args.gazetteer_ruler:
        from dragoman.nlp.gazetteer_ruler import add_gazetteer_ruler, ruler_patterns
        from dragoman.settings import load_settings

        add_gazetteer_ruler(nlp, ruler_patterns(load_settings().nlp))
    load_s = time.perf_counter() - t0
    rss_loaded = _peak_rss_mb()
    list(nlp.pipe(texts[files[0].name][:3]))  # warm-up

    rows = []
    tot_words = 0
    tot_s = 0.0
    tot_cpu = 0.0
    for name, tx in texts.items():
        best = None
        best_cpu = 0.0
        words = 0
        for _ in range(args.repeat):
            t = time.perf_counter()
            c = time.process_time()
            words = sum(sum(1 for tok in d if not tok.is_space) for d in nlp.pipe(tx, batch_size=args.batch_size))
            s = time.perf_counter() - t
            if best is None or s < best:
                best, best_cpu = s, time.process_time() - c
        assert best is not None
        rows.append((name, len(tx), words, best, best_cpu))
        tot_words += words
        tot_s += best
        tot_cpu += best_cpu

    print(f"model {args.model}  ({_dir_size_mb(args.model):.1f} MB on disk)  pipeline {nlp.pipe_names}")
    print(f"spaCy {spacy.__version__}, 1 thread, load {load_s:.1f} s, RSS after load {rss_loaded:.0f} MB")
    print(f"{'file':28} {'docs':>5} {'words':>8} {'wall s':>8} {'words/s':>8} {'CPU s':>8} {'w/CPU-s':>8}")
    for name, n, w, s, cpu in rows:
        print(f"{name:28} {n:5d} {w:8d} {s:8.2f} {w / s:8.0f} {cpu:8.2f} {w / cpu:8.0f}")
    print(f"{'total':28} {sum(r[1] for r in rows):5d} {tot_words:8d} {tot_s:8.2f} {tot_words / tot_s:8.0f} "
          f"{tot_cpu:8.2f} {tot_words / tot_cpu:8.0f}")
    print("words/s = wall clock; w/CPU-s = per second of this process's CPU time (less sensitive to other load)")
    print(f"peak RSS {_peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
