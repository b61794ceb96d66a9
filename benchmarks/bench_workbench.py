"""Benchmark (not a test): every workbench page's API calls over a store of >= 1,000,000 events (issue 18).

    .venv/bin/python benchmarks/bench_workbench.py [--mentions 1000000] [--runs 20] [--store PATH [--reuse]]
                                                   [--base CODED.db] [--out benchmarks/results.md]

1. **Codes** the news texts (``../shared/external/news_*.jsonl``) once with ``dragoman code --db`` (or takes a
   store already coded from them: ``--base``).
2. **Replicates** that store until its ``events`` table holds ``--mentions`` coded events: replica ``n`` is every
   article, mention, event, quote and removed span again under the id ``ID#n``, dated ``3 n`` days earlier (an
   undated article gets a date of its own first, so the replicas are not one undated heap), published by one of
   20 outlets. It is plain SQL (``INSERT ... SELECT`` per table), so the full-text indexes fill through their
   triggers, and so do the summary tables (``store/aggregates.py``) through theirs; then the events are grouped as
   the writer groups them (``regroup_all``), and a check compares the summary tables with a rebuild from the rows.
3. **Times** every API call the workbench's pages make (``serve/static``), through the real app in process
   (FastAPI's test client: routing, validation, the read-only connection per request and JSON included), warm,
   ``--runs`` times each: p50, p95 and max. The bar: p95 <= 300 ms.
4. **Explains** every SQL statement each call runs (caught with the connection's trace callback and run again
   under ``EXPLAIN QUERY PLAN``): a statement whose plan scans a big table (``SCAN`` without an index, over
   ``events``, ``event_groups``, ``mentions``, ``quotes``, ``quote_mentions`` or ``articles``) is flagged.

Prints a Markdown section and puts it into ``--out`` between its markers (``results_section.py``) (replacing an earlier
run's section). ``--store PATH --reuse`` keeps the built store and times it again without rebuilding.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote, urlencode

from results_section import put_section, time_runs  # benchmarks/, the script's own folder

from dragoman.store import connect
from dragoman.store.aggregates import rebuild_aggregates
from dragoman.store.grouping import regroup_all

ROOT = Path(__file__).resolve().parents[1]
NEWS = sorted((ROOT.parent / "shared" / "external").glob("news_*.jsonl"))
BAR_MS = 300.0
SHIFT_DAYS = 3
OUTLETS = 20
BIG_TABLES = ("events", "event_groups", "mentions", "quotes", "quote_mentions", "articles")


def _code_news(out: Path) -> None:
    if not NEWS:
        sys.exit("no ../shared/external/news_*.jsonl: give --base, a store coded from news texts")
    dragoman = Path(sys.executable).with_name("dragoman")
    subprocess.run([str(dragoman), "code", *map(str, NEWS), "--db", str(out)], check=True, stdout=subprocess.DEVNULL)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]


def _replicate(conn: sqlite3.Connection, replicas: int) -> None:
    """Every row of the attached store ``b`` once per replica (see the module's docstring)."""
    conn.execute("CREATE TEMP TABLE reps(n INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO temp.reps VALUES (?)", [(n,) for n in range(replicas)])
    span = {t: int(conn.execute(f"SELECT coalesce(max({c}), 0) + 1 FROM b.{t}").fetchone()[0])
            for t, c in (("articles", "seq"), ("mentions", "id"), ("events", "id"), ("quotes", "id"), ("quote_mentions", "id"))}
    # an undated article's own date: spread over 2016-2019 by its seq
    article_date = f"date(coalesce(x.date, date('2016-01-01', '+' || (x.seq * 53 % 1461) || ' days')), '-' || (r.n * {SHIFT_DAYS}) || ' days')"
    conn.execute("CREATE TEMP TABLE days AS SELECT x.id AS id, r.n AS n, " + article_date + " AS day FROM b.articles x, temp.reps r")
    conn.execute("CREATE INDEX temp.days_key ON days(id, n)")
    special = {
        "articles": {"id": "x.id || '#' || r.n", "seq": f"r.n * {span['articles']} + x.seq", "date": "(SELECT day FROM temp.days d WHERE d.id = x.id AND d.n = r.n)",
                     "outlet": f"coalesce(x.outlet, 'outlet' || (r.n % {OUTLETS}) || '.example')"},
        "removed": {"article_id": "x.article_id || '#' || r.n"},
        "mentions": {"id": f"r.n * {span['mentions']} + x.id", "article_id": "x.article_id || '#' || r.n"},
        "events": {"id": f"r.n * {span['events']} + x.id", "article_id": "x.article_id || '#' || r.n", "group_id": "NULL",
                   "date": f"coalesce(date(x.date, '-' || (r.n * {SHIFT_DAYS}) || ' days'), (SELECT day FROM temp.days d WHERE d.id = x.article_id AND d.n = r.n))"},
        "quotes": {"id": f"r.n * {span['quotes']} + x.id", "article_id": "x.article_id || '#' || r.n"},
        "quote_mentions": {"id": f"r.n * {span['quote_mentions']} + x.id", "quote_id": f"r.n * {span['quotes']} + x.quote_id"},
    }
    for table, changes in special.items():
        columns = _columns(conn, table)
        values = ", ".join(changes.get(c, f'x."{c}"') for c in columns)
        names = ", ".join(f'"{c}"' for c in columns)
        t0 = time.perf_counter()
        conn.execute(f"INSERT INTO main.{table}({names}) SELECT {values} FROM temp.reps r, b.{table} x ORDER BY r.n")
        conn.commit()
        print(f"  {table}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)


def build_store(base: Path, out: Path, mentions: int) -> None:
    with sqlite3.connect(base) as b:
        per_copy = int(b.execute("SELECT count(*) FROM events").fetchone()[0])
    replicas = -(-mentions // per_copy)
    print(f"building {out}: {replicas} replicas of {per_copy} mentions", file=sys.stderr)
    out.unlink(missing_ok=True)
    conn = connect(out)
    conn.execute("PRAGMA journal_mode=OFF")  # a benchmark's scratch store: no journal while it is filled
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-1000000")
    conn.execute("ATTACH DATABASE ? AS b", (str(base),))
    _replicate(conn, replicas)
    conn.execute("DETACH DATABASE b")
    t0 = time.perf_counter()
    with conn:
        regroup_all(conn, 1)
    print(f"  grouped: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    t0 = time.perf_counter()
    kept = conn.execute("SELECT count(*), sum(n), sum(g) FROM event_tallies").fetchone()
    with conn:
        rebuild_aggregates(conn)
    if conn.execute("SELECT count(*), sum(n), sum(g) FROM event_tallies").fetchone() != kept:
        sys.exit("the summary tables the triggers kept differ from a rebuild")
    conn.execute("ANALYZE")
    conn.commit()
    print(f"  summary tables checked against a rebuild, ANALYZE: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


@dataclass(frozen=True, slots=True)
class Call:
    page: str
    path: str
    params: dict[str, object]

    @property
    def url(self) -> str:
        return self.path + ("?" + urlencode(self.params) if self.params else "")


def _calls(conn: sqlite3.Connection) -> list[Call]:
    """The calls each workbench view makes (serve/static/app.js and views/), with values from the store."""
    def one(sql: str) -> str:
        return str(conn.execute(sql).fetchone()[0])

    a, b = conn.execute("SELECT source_country, target_country FROM event_groups WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
                        " AND source_country <> target_country GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1").fetchone()
    actor = one("SELECT source_code FROM event_groups WHERE source_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    speaker = one("SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").split()[-1]
    article = one("SELECT id FROM articles ORDER BY length(text) DESC LIMIT 1")
    event = one("SELECT id FROM event_groups ORDER BY mentions DESC, id LIMIT 1")
    year = {"start": "2014-01-01", "end": "2014-12-31"}
    out = [
        Call("overview", "/api/summary", {}),
        Call("overview", "/api/overview", {"interval": "auto", "top": 10}),
        Call("overview, a year", "/api/overview", {**year, "interval": "auto", "top": 10}),
        Call("overview, an actor", "/api/overview", {"actor": actor, "interval": "auto", "top": 10}),
        Call("overview, events", "/api/overview", {"interval": "auto", "top": 10, "unit": "events"}),
        Call("articles", "/api/articles", {"limit": 50}),
        Call("articles, page 200", "/api/articles", {"limit": 50, "offset": 10_000}),
        Call("article", f"/api/articles/{quote(article, safe='')}", {}),
        Call("events", "/api/events", {"unit": "mentions", "sort": "-date", "limit": 50}),
        Call("events", "/api/facets", {}),
        Call("events, as events", "/api/events", {"unit": "events", "sort": "-date", "limit": 50}),
        Call("events, an actor", "/api/events", {"actor": actor, "unit": "events", "sort": "-date", "limit": 50}),
        Call("events, an actor", "/api/facets", {"actor": actor}),
        Call("events, a dyad and root", "/api/events", {"source": a, "target": b, "root": "04", "unit": "mentions", "limit": 50}),
        Call("events, a dyad and root", "/api/facets", {"source": a, "target": b, "root": "04"}),
        Call("events, by Goldstein", "/api/events", {"unit": "events", "sort": "goldstein", "limit": 50}),
        Call("events, an actor by source", "/api/events", {"actor": a, "unit": "mentions", "sort": "-source", "limit": 50}),
        Call("events, by QuadClass", "/api/events", {"unit": "mentions", "sort": "-quad_class", "limit": 50, "offset": 1000}),
        Call("events, a quad class and year", "/api/events", {"quad_class": 4, **year, "unit": "events", "limit": 50}),
        Call("events, page 100", "/api/events", {"unit": "events", "limit": 50, "offset": 5000}),
        Call("event", f"/api/events/{quote(event, safe='')}", {}),
        Call("event-type picker", "/api/event-types", {}),
        Call("timeline", "/api/series", {"source": a, "target": b, "interval": "month"}),
        Call("timeline", "/api/series", {"source": b, "target": a, "interval": "month"}),
        Call("timeline, day", "/api/timeline", {"a": a, "b": b, "interval": "day", "unit": "events"}),
        Call("timeline, a year by week", "/api/timeline", {"a": a, "b": b, "interval": "week", **year, "unit": "events"}),
        Call("timeline, month, mentions", "/api/timeline", {"a": a, "b": b, "interval": "month", "unit": "mentions"}),
        Call("network", "/api/network", {"level": "country", "unit": "events"}),
        Call("network, actors", "/api/network", {"level": "actor", "unit": "events"}),
        Call("network, a year, mentions", "/api/network", {**year, "level": "actor", "unit": "mentions"}),
        Call("map", "/api/map", {"side": "place"}),
        Call("map, by source", "/api/map", {"side": "source"}),
        Call("map, an actor", "/api/map", {"actor": actor, "side": "place"}),
        Call("actor picker", "/api/actors", {"q": actor[:2], "limit": 12}),
        Call("actor picker, a name", "/api/actors", {"q": speaker[:3], "limit": 12}),
        Call("actor page", f"/api/actors/{actor}", {}),
        Call("actor page", "/api/series", {"actor": actor, "interval": "auto"}),
        Call("actor page", f"/api/actors/{actor}/quotes", {"role": "by", "limit": 10}),
        Call("actor page", f"/api/actors/{actor}/quotes", {"role": "about", "limit": 10}),
        Call("countries", "/api/countries", {}),
        Call("quotes", "/api/quotes", {"limit": 50}),
        Call("quotes, a speaker", "/api/quotes", {"speaker": speaker, "limit": 50}),
        Call("quotes, about an actor", "/api/quotes", {"about": b, "limit": 50}),
        Call("quotes, about a person", "/api/quotes", {"about": "putin", "limit": 50}),
        Call("search, articles", "/api/search", {"q": "minister", "kind": "articles", "limit": 20}),
        Call("search, quotes", "/api/search", {"q": "security", "kind": "quotes", "limit": 20}),
        Call("rejections", "/api/rejections", {"limit": 50}),
        Call("export, a dyad (CSV)", "/api/export/events", {"source": a, "target": b, "root": "04", "format": "csv", "unit": "events"}),
    ]
    return out


class _Traced:
    """The SQL each request runs: every connection the store opens reports to one list."""

    def __init__(self) -> None:
        self.statements: list[str] = []
        self.on = False

    def install(self) -> Callable[[], None]:
        import dragoman.store.reading as reading

        original = reading.open_readonly

        def traced(db: Path) -> sqlite3.Connection:
            conn = original(db)
            conn.set_trace_callback(lambda s: self.statements.append(s) if self.on else None)
            return conn

        modules = [m for m in list(sys.modules.values()) if getattr(m, "open_readonly", None) is original]
        for m in modules:
            setattr(m, "open_readonly", traced)

        def restore() -> None:
            for m in modules:
                setattr(m, "open_readonly", original)

        return restore

    def capture(self, run: Callable[[], object]) -> list[str]:
        self.statements, self.on = [], True
        try:
            run()
        finally:
            self.on = False
        return [s for s in self.statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


_SCAN = re.compile(r"\bSCAN (\w+)\b(.*)$")
_ALIAS = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)\s+(?:AS\s+)?(\w+)", re.IGNORECASE)


def _plan_flags(conn: sqlite3.Connection, statement: str) -> list[str]:
    """The big tables ``statement`` reads without an index (its plan's ``SCAN t`` lines, ``t`` a table or the alias of
    one); a scan of a table in its rowid order that the statement's ``LIMIT`` stops is marked ``(ordered, stops at the page)``."""
    try:
        plan = [str(r[3]) for r in conn.execute("EXPLAIN QUERY PLAN " + statement)]
    except sqlite3.Error as e:
        return [f"(not explained: {e})"]
    tables = {alias: table for table, alias in _ALIAS.findall(statement)}
    flags = []
    for line in plan:
        m = _SCAN.search(line)
        table = tables.get(m.group(1), m.group(1)) if m else ""
        if m and table in BIG_TABLES and "INDEX" not in line:
            walk = " (ordered, stops at the page)" if re.search(r"ORDER BY \w+\.id LIMIT", statement) else ""
            flags.append(f"SCAN {table}{walk}")
    return flags


def time_calls(db: Path, runs: int) -> tuple[list[str], list[str]]:
    from fastapi.testclient import TestClient

    from dragoman.serve.app import create_app

    tracer = _Traced()
    restore = tracer.install()
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    rows, over = [], []
    try:
        client = TestClient(create_app(db), base_url="http://127.0.0.1")
        client.get("/api/countries")  # the knowledge base loads at the first actor or country call
        for call in _calls(conn):
            def run() -> int:
                r = client.get(call.url)
                if r.status_code != 200:
                    raise SystemExit(f"{call.url}: {r.status_code} {r.text[:300]}")
                return len(r.content)
            size = run()
            statements = tracer.capture(run)
            p50, p95, worst = time_runs(run, runs)
            print(f"  {call.url}: p95 {p95:.0f} ms", file=sys.stderr)
            scans = sorted({f for s in statements for f in _plan_flags(conn, s)})
            ok = p95 <= BAR_MS
            if not ok:
                over.append(f"{call.page}: {call.url}")
            rows.append(f"| {call.page} | `{call.url}` | {p50:.1f} | {p95:.1f} | {worst:.1f} | {size:,} | {len(statements)} | "
                        f"{'; '.join(scans) if scans else 'indexes only'} | {'yes' if ok else '**NO**'} |")
    finally:
        restore()
        conn.close()
    return rows, over


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--store", type=Path, help="where to build the store (kept); default a temporary file")
    parser.add_argument("--reuse", action="store_true", help="time the store at --store as it is, without rebuilding")
    parser.add_argument("--base", type=Path, help="a store coded from the news texts (default: code them now)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.store or Path(tmp) / "bench.db"
        build_s = None
        if not (args.reuse and db.is_file()):
            base = args.base
            if base is None:
                base = Path(tmp) / "news.db"
                _code_news(base)
            t0 = time.perf_counter()
            build_store(base, db, args.mentions)
            build_s = time.perf_counter() - t0
        with sqlite3.connect(db) as c:
            counts = {t: int(c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in ("articles", "events", "event_groups", "mentions", "quotes")}
        load = os.getloadavg()[0]
        rows, over = time_calls(db, args.runs)
        size_mb = db.stat().st_size / 1e6
    lines = [
        f"## Workbench over {counts['events']:,} coded events (#18)", "",
        f"`benchmarks/bench_workbench.py --mentions {args.mentions} --runs {args.runs}`, {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, on {platform.platform()}, `nproc` = {os.cpu_count()}, load average before timing {load:.2f}.", "",
        f"Store ({size_mb:,.0f} MB): {counts['articles']:,} articles, {counts['events']:,} coded events (mentions of acts), {counts['event_groups']:,} events once "
        f"merged, {counts['mentions']:,} actor mentions, {counts['quotes']:,} quotes: the 279 news texts coded once and replicated"
        + (f"; built in {build_s:.0f} s." if build_s is not None else " (store reused)."), "",
        "Each call through the app in process, warm; plan: the big tables a statement of the call scans without an index "
        "(`EXPLAIN QUERY PLAN` of every statement it runs).", "",
        "| page | call | p50 ms | p95 ms | max ms | bytes | statements | plan | p95 <= 300 ms |", "|---|---|---:|---:|---:|---:|---:|---|---|",
        *rows, "", "Every call within the bar." if not over else "Over the bar: " + "; ".join(over) + ".",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    put_section(args.out, "bench_workbench.py", text)


if __name__ == "__main__":
    main()
