"""Benchmark (not a test): does coding cost grow faster than the text? (issue 20, item 3)

    .venv/bin/python benchmarks/bench_length.py [--short 300] [--long 20000] [--words 120000] [--out benchmarks/results.md]

Takes the paragraphs of the news texts (``../shared/external/news_*.jsonl``) in order, up to ``--words`` words, and
codes the same paragraphs twice in one process: cut into articles of about ``--short`` words, and into articles
of about ``--long`` words (each cut at the first paragraph end past the length). Each stage is timed on its own
(``pipeline.trace`` then ``pipeline.advance``, one stage at a time), per 1,000 words. The bar: the whole cost of the
long articles per word <= 1.3x the short ones', and the stages after nlp within 15%. Prints a Markdown section
and puts it into ``--out`` between its markers (``results_section.py``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

from results_section import put_section  # benchmarks/, the script's own folder

from dragoman.pipeline import STAGES, advance, load_pipeline, trace
from dragoman.records import Article
from dragoman.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
NEWS = sorted((ROOT.parent / "shared" / "external").glob("news_*.jsonl"))


def paragraphs(limit: int) -> list[str]:
    out: list[str] = []
    words = 0
    for path in NEWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line).get("text") or ""
            for para in text.split("\n"):
                if para.strip():
                    out.append(para.strip())
                    words += len(para.split())
                    if words >= limit:
                        return out
    return out


def articles(paras: list[str], length: int, tag: str) -> list[Article]:
    out: list[Article] = []
    current: list[str] = []
    count = 0
    for para in paras:
        current.append(para)
        count += len(para.split())
        if count >= length:
            out.append(Article(f"{tag}{len(out)}", "\n\n".join(current), "bench"))
            current, count = [], 0
    if current:
        out.append(Article(f"{tag}{len(out)}", "\n\n".join(current), "bench"))
    return out


def time_stages(pipeline: object, batch: list[Article]) -> dict[str, float]:
    spent = {s: 0.0 for s in STAGES}
    for article in batch:
        t0 = time.perf_counter()
        t = trace(pipeline, article, STAGES[0], candidates=False)  # type: ignore[arg-type]
        spent[STAGES[0]] += time.perf_counter() - t0
        for stage in STAGES[1:]:
            t0 = time.perf_counter()
            t = advance(pipeline, t, stage)  # type: ignore[arg-type]
            spent[stage] += time.perf_counter() - t0
        if t.rejection is not None:
            sys.exit(f"{article.id} rejected: {t.rejection}")
    return spent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--short", type=int, default=300)
    parser.add_argument("--long", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=120_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    if not NEWS:
        sys.exit("no ../shared/external/news_*.jsonl: nothing to measure")
    paras = paragraphs(args.words)
    words = sum(len(p.split()) for p in paras)
    pipeline = load_pipeline(load_settings())
    short, long = articles(paras, args.short, "s"), articles(paras, args.long, "l")
    time_stages(pipeline, short[:20])  # warm
    load = os.getloadavg()[0]
    cost = {"short": time_stages(pipeline, short), "long": time_stages(pipeline, long)}
    per_k = {k: {s: 1_000_000 * v / words for s, v in c.items()} for k, c in cost.items()}  # ms per 1,000 words
    after = [s for s in STAGES if STAGES.index(s) > STAGES.index("nlp")]
    lines = [
        f"## Cost per word: {args.short:,}-word against {args.long:,}-word articles (#20)", "",
        f"`benchmarks/bench_length.py --short {args.short} --long {args.long} --words {args.words}`, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"{platform.python_version()} on {platform.platform()}, `nproc` = {os.cpu_count()}, load average before timing {load:.2f}.", "",
        f"The same {words:,} words (the news texts' paragraphs in order) as {len(short)} articles and as {len(long)}; one process, each stage timed alone.", "",
        "| stage | short: ms per 1,000 words | long: ms per 1,000 words | long / short |", "|---|---:|---:|---:|",
    ]
    for s in STAGES:
        a, b = per_k["short"][s], per_k["long"][s]
        lines.append(f"| {s} | {a:.1f} | {b:.1f} | {b / a if a else 0:.2f} |")
    whole = {k: sum(v.values()) for k, v in per_k.items()}
    tail = {k: sum(v[s] for s in after) for k, v in per_k.items()}
    lines += [f"| **all** | {whole['short']:.1f} | {whole['long']:.1f} | {whole['long'] / whole['short']:.2f} |",
              f"| after nlp | {tail['short']:.1f} | {tail['long']:.1f} | {tail['long'] / tail['short']:.2f} |", "",
              f"Bar: all <= 1.30 ({'met' if whole['long'] <= 1.3 * whole['short'] else 'not met'}); "
              f"after nlp <= 1.15 ({'met' if tail['long'] <= 1.15 * tail['short'] else 'not met'})."]
    text = "\n".join(lines) + "\n"
    print(text)
    put_section(args.out, "bench_length.py", text)


if __name__ == "__main__":
    main()
