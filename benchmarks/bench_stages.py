"""Time per pipeline stage over the news texts in ../shared/external (one process, one core).

Issue 5's bar: the events stage adds at most 20% to the nlp stage's time.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from dragoman.actors import resolve_mentions  # noqa: E402
from dragoman.clean import find_boilerplate  # noqa: E402
from dragoman.events import code_events  # noqa: E402
from dragoman.nlp import parse_article  # noqa: E402
from dragoman.pipeline import load_pipeline  # noqa: E402
from dragoman.places.context import date_finder, place_finder  # noqa: E402
from dragoman.quotes import extract_quotes  # noqa: E402
from dragoman.records import Article  # noqa: E402
from dragoman.settings import load_settings  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "external"


def main() -> int:
    files = sorted(SHARED.glob("news_*.jsonl"))
    if not files:
        print(f"no news texts under {SHARED}; nothing to measure", file=sys.stderr)
        return 0
    articles = [Article(str(r.get("id")), r["text"], f.name) for f in files for r in map(json.loads, f.read_text(encoding="utf-8").splitlines()) if r.get("text")]
    pipeline = load_pipeline(load_settings())
    totals = {k: 0.0 for k in ("clean", "nlp", "actors", "quotes", "events")}
    words = 0
    for article in articles:
        words += len(article.text.split())
        t0 = time.perf_counter()
        removed = find_boilerplate(article, pipeline.boilerplate)
        t1 = time.perf_counter()
        doc = parse_article(pipeline.nlp, article, removed)
        t2 = time.perf_counter()
        mentions = resolve_mentions(doc, article, removed, pipeline.actors)
        t3 = time.perf_counter()
        quotes = extract_quotes(doc, article, removed, mentions, pipeline.cues)
        t4 = time.perf_counter()
        code_events(doc, article, removed, mentions, quotes, pipeline.events, date_finder(article), place_finder(article, pipeline.gazetteer))
        t5 = time.perf_counter()
        for key, value in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            totals[key] += value
    print(f"{len(articles)} articles, {words} words, backend {pipeline.nlp.name}")
    print(f"{'stage':<8} {'seconds':>8} {'words/s':>10} {'% of nlp':>9}")
    for key, value in totals.items():
        print(f"{key:<8} {value:8.2f} {words / value if value else 0:10.0f} {100 * value / totals['nlp']:8.1f}%")
    whole = sum(totals.values())
    print(f"{'all':<8} {whole:8.2f} {words / whole:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
