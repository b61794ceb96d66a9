"""Benchmark (not a test): a dyad timeline over 100,000 events must take < 200 ms.

    .venv/bin/python benchmarks/bench_timeline.py [--events 100000]

Builds a store of synthetic events through the single writer (Store.write_batch), then times
``dyad_timeline`` per day, week and month (best of 5, warm cache) and the actor network.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from dragoman.records import Actor, ActorMention, Article, CodedArticle, Event, MentionSource, Span
from dragoman.store import Store, connect
from dragoman.store.dyads import actor_network, dyad_timeline

COUNTRIES = ("TUR", "RUS", "IRN", "UKR", "USA", "SYR", "FRA", "DEU", "CHN", "EGY", "ISR", "GBR")
ROOTS = (("01", 1, 0.0), ("04", 1, 1.0), ("05", 1, 3.5), ("06", 2, 6.0), ("07", 2, 7.4), ("11", 3, -2.0), ("12", 3, -4.0), ("17", 4, -7.0), ("19", 4, -10.0))


def _article(n: int, per_article: int, rng: random.Random) -> CodedArticle:
    doc = f"bench{n:07d}"
    text = "A acted on B. " * per_article
    events = []
    for i in range(per_article):
        a, b = rng.sample(COUNTRIES, 2)
        root, quad, goldstein = rng.choice(ROOTS)
        span = Span(doc, i * 14, i * 14 + 12, "A acted on B")
        src = ActorMention(Span(doc, i * 14, i * 14 + 1, "A"), Actor(a + "GOV", a, a, "state"), "bench", "bench", MentionSource.COUNTRY)
        tgt = ActorMention(Span(doc, i * 14 + 11, i * 14 + 12, "B"), Actor(b, b, b, "state"), "bench", "bench", MentionSource.COUNTRY)
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        events.append(Event(src, tgt, root + "0", root, "", goldstein, quad, day, None, (span,), "bench", 0.9, "bench"))
    return CodedArticle(Article(doc, text, "bench"), (), (), tuple(events), ())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(7)
    per_article = 20
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        conn = connect(db)
        store = Store(conn)
        start = time.perf_counter()
        for first in range(0, args.events // per_article, 500):
            store.write_batch(_article(n, per_article, rng) for n in range(first, min(first + 500, args.events // per_article)))
        print(f"wrote {conn.execute('SELECT count(*) FROM events').fetchone()[0]:,} events in {time.perf_counter() - start:.1f}s")
        for interval in ("day", "week", "month"):
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                timeline = dyad_timeline(conn, "TUR", "RUS", interval)  # type: ignore[arg-type]
                times.append(time.perf_counter() - t0)
            n = sum(b.a_to_b.events + b.b_to_a.events for b in timeline.bins)
            best = min(times) * 1000
            print(f"dyad timeline TUR-RUS per {interval:5}: {best:6.1f} ms best of 5 ({n:,} dyad events, {len(timeline.bins)} bins) {'OK' if best < 200 else 'OVER 200 ms'}")
        t0 = time.perf_counter()
        net = actor_network(conn, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
        print(f"actor network for 2020: {(time.perf_counter() - t0) * 1000:.1f} ms ({len(net.nodes)} nodes, {len(net.edges)} edges)")
        conn.close()


if __name__ == "__main__":
    main()
