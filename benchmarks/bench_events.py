"""Benchmark (not a test): events and mentions over 200,000 mentions (issue 19).

    .venv/bin/python benchmarks/bench_events.py [--mentions 200000] [--runs 20] [--out benchmarks/results.md]

Builds a store through the single writer (``Store.write_batch``, which groups mentions into events in each
batch's transaction) from synthetic reports: acts between 12 countries (a government code or the country), each
reported by 1 to 7 articles of 12 outlets over the next days, a quarter of them dated a day off, some without a
place or with the root's unspecified code. Then times, warm, ``--runs`` times each, the dyad timeline
TUR-RUS per day, week and month and the actor network (all time and one year, actors and countries), counting
events and counting mentions; and ``explain_event``. The bar: p95 <= 300 ms for timeline and network queries.
Prints a Markdown section and puts it into ``--out`` between its markers (``results_section.py``) (replacing
the section of an earlier run, else at the end: ``make bench`` runs this after ``bench_scale.py`` rewrites the file).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import tempfile
import time
from pathlib import Path
from typing import Callable

from results_section import put_section, time_runs  # benchmarks/, the script's own folder

from dragoman.records import Actor, ActorMention, Article, CodedArticle, Event, MentionSource, Place, Span
from dragoman.store import Store, connect
from dragoman.store.dyads import actor_network, dyad_timeline
from dragoman.store.explaining import explain_event
from dragoman.store.grouping import regroup_all
from dragoman.store.queries import UNITS, EventFilter, Unit, find_events

COUNTRIES = ("TUR", "RUS", "IRN", "UKR", "USA", "SYR", "FRA", "DEU", "CHN", "EGY", "ISR", "GBR")
CODES = (("042", 1, 1.9), ("043", 1, 2.8), ("046", 1, 7.0), ("057", 1, 8.0), ("061", 2, 6.4), ("111", 3, -2.0), ("112", 3, -2.0),
         ("173", 4, -5.0), ("190", 4, -10.0), ("195", 4, -10.0))
OUTLETS = tuple(f"outlet{n}.example" for n in range(12))
START = dt.date(2015, 1, 1)
DAYS = 3650
BAR_MS = 300.0
ROOT = Path(__file__).resolve().parents[1]


def _acts(mentions: int, rng: random.Random) -> list[tuple[str, str, str, int, float, dt.date, str | None, int]]:
    """(source, target, code, quad, goldstein, date, place, reports) until the reports add up to ``mentions``."""
    acts = []
    total = 0
    while total < mentions:
        a, b = rng.sample(COUNTRIES, 2)
        code, quad, goldstein = rng.choice(CODES)
        reports = min(rng.randint(1, 7), mentions - total)
        source = a + "GOV" if rng.random() < 0.6 else a
        target = b + "GOV" if rng.random() < 0.4 else b
        acts.append((source, target, code, quad, goldstein, START + dt.timedelta(days=rng.randrange(DAYS)), rng.choice([None, b, a]), reports))
        total += reports
    return acts


def _articles(mentions: int, per_article: int, rng: random.Random) -> list[CodedArticle]:
    """Articles of ``per_article`` mentions each, every report of an act in another article."""
    reports = []
    for source, target, code, quad, goldstein, day, place, n in _acts(mentions, rng):
        for k in range(n):
            when = day + dt.timedelta(days=1) if rng.random() < 0.25 else day
            shown = code[:2] + "0" if k and rng.random() < 0.1 else code  # now and then the root's unspecified code
            reports.append((source, target, shown, quad, goldstein, when, place if rng.random() < 0.7 else None, day + dt.timedelta(days=k // 2)))
    rng.shuffle(reports)
    out = []
    for n, start in enumerate(range(0, len(reports), per_article)):
        doc = f"bench{n:07d}"
        chunk = reports[start : start + per_article]
        text = "A acted on B. " * len(chunk)
        events = []
        for i, (source, target, code, quad, goldstein, when, place, _) in enumerate(chunk):
            src = ActorMention(Span(doc, i * 14, i * 14 + 1, "A"), Actor(source, source, source[:3], "state"), "bench", "bench", MentionSource.COUNTRY)
            tgt = ActorMention(Span(doc, i * 14 + 11, i * 14 + 12, "B"), Actor(target, target, target[:3], "state"), "bench", "bench", MentionSource.COUNTRY)
            where = Place(f"capital of {place}", place, 0.0, 0.0) if place else None
            events.append(Event(src, tgt, code, code[:2], "", goldstein, quad, when, where, (Span(doc, i * 14, i * 14 + 12, "A acted on B"),),
                                "bench", round(rng.uniform(0.5, 1.0), 2), "bench"))
        published = max(r[7] for r in chunk)
        out.append(CodedArticle(Article(doc, text, "bench", None, published, outlet=rng.choice(OUTLETS)), (), (), tuple(events), ()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    rng = random.Random(19)
    articles = _articles(args.mentions, 20, rng)
    lines = [f"## Events and mentions: timeline and network over {args.mentions:,} mentions (#19)", "",
             f"`benchmarks/bench_events.py --mentions {args.mentions} --runs {args.runs}`, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; "
             f"{platform.python_version()} on {platform.platform()}, `nproc` = {os.cpu_count()}, load average before {os.getloadavg()[0]:.2f}.", ""]
    with tempfile.TemporaryDirectory() as tmp:
        conn = connect(Path(tmp) / "bench.db")
        store = Store(conn)
        t0 = time.perf_counter()
        for start in range(0, len(articles), 500):
            store.write_batch(articles[start : start + 500])
        write_s = time.perf_counter() - t0
        mentions = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM event_groups").fetchone()[0]
        t0 = time.perf_counter()
        with conn:
            regroup_all(conn, 1)
        regroup_s = time.perf_counter() - t0
        dyad = conn.execute("SELECT count(*) FROM events WHERE source_country IN ('TUR', 'RUS') AND target_country IN ('TUR', 'RUS')").fetchone()[0]
        lines += [
            f"Store: {len(articles):,} articles, {mentions:,} mentions, {events:,} events ({mentions / events:.2f} mentions per event); "
            f"the TUR-RUS dyad has {dyad:,} mentions.", "",
            f"- written through `Store.write_batch`, 500 articles a batch, grouping included: {write_s:.1f} s ({mentions / write_s:,.0f} mentions/s)",
            f"- the whole store grouped again at once (`regroup_all`): {regroup_s:.1f} s", "",
            "| query | unit | p50 ms | p95 ms | max ms | bins, edges or rows | p95 <= 300 ms |", "|---|---|---:|---:|---:|---:|---|",
        ]
        year = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
        queries: list[tuple[str, Callable[[Unit], int]]] = [
            ("timeline TUR-RUS per day", lambda u: len(dyad_timeline(conn, "TUR", "RUS", "day", unit=u).bins)),
            ("timeline TUR-RUS per week", lambda u: len(dyad_timeline(conn, "TUR", "RUS", "week", unit=u).bins)),
            ("timeline TUR-RUS per month", lambda u: len(dyad_timeline(conn, "TUR", "RUS", "month", unit=u).bins)),
            ("network, actors, all time", lambda u: len(actor_network(conn, unit=u).edges)),
            ("network, countries, all time", lambda u: len(actor_network(conn, level="country", unit=u).edges)),
            ("network, actors, 2020", lambda u: len(actor_network(conn, *year, unit=u).edges)),
        ]
        over = []
        for name, run in queries:
            for unit in UNITS:
                p50, p95, worst = time_runs(lambda: run(unit), args.runs)
                ok = p95 <= BAR_MS
                over += [] if ok else [f"{name} ({unit})"]
                lines.append(f"| {name} | {unit} | {p50:.1f} | {p95:.1f} | {worst:.1f} | {run(unit)} | {'yes' if ok else 'NO'} |")
        page = find_events(conn, EventFilter(actor="TUR"), limit=50, unit="events")
        p50, p95, worst = time_runs(lambda: find_events(conn, EventFilter(actor="TUR"), limit=50, unit="events"), args.runs)
        lines.append(f"| events list, actor TUR, 50 rows | events | {p50:.1f} | {p95:.1f} | {worst:.1f} | {page.total} | (no bar) |")
        biggest = conn.execute("SELECT id FROM event_groups ORDER BY mentions DESC, id LIMIT 1").fetchone()[0]
        p50, p95, worst = time_runs(lambda: explain_event(conn, biggest), args.runs)
        lines.append(f"| explain_event (the most reported event) | events | {p50:.1f} | {p95:.1f} | {worst:.1f} | 1 | (no bar) |")
        conn.close()
    lines += ["", "Every timeline and network query within the bar." if not over else f"Over the bar: {', '.join(over)}."]
    text = "\n".join(lines) + "\n"
    print(text)
    put_section(args.out, "bench_events.py", text)


if __name__ == "__main__":
    main()
