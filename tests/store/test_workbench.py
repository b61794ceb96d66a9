"""The workbench's queries over a hand-built store: the time series (a true axis), the overview's top
lists, facets, the event-type catalogue, actor search and summaries, the map, rejections, downloads,
sorting, the PLOVER filter and article headlines; and that each query reads through an index."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dragoman.records import Rejection
from dragoman.store import (
    EventFilter, Store, actor_quotes, actor_summary, article_download, cameo_catalogue, cameo_names, connect, event_download, event_facets, event_map,
    event_series, event_types, find_actors, find_events, headline, list_articles, list_rejections, overview, quote_download, rejection_download,
)
from dragoman.store.queries import where_clause
from dragoman.store.series import MAX_PERIODS, choose_interval, count_periods, next_period, period_start

from store.synthetic import coded_article

NAMES = cameo_names()


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = connect(tmp_path / "w.db")
    Store(c).write_batch([coded_article(n, 4) for n in range(60)])
    Store(c).write_batch([Rejection("bad1", "/srv/in/bad.html", "ingest", "empty text", "bad.html: the text is empty"),
                          Rejection("bad2", "/srv/in/x.bin", "ingest", "binary file", "x.bin: mostly control characters")])
    return c


def _one(conn: sqlite3.Connection, sql: str, *params: object) -> int:
    return int(conn.execute(sql, params).fetchone()[0])


@pytest.mark.parametrize("interval", ["day", "week", "month", "quarter", "year"])
def test_series_is_a_true_time_axis(conn: sqlite3.Connection, interval: str) -> None:
    s = event_series(conn, EventFilter(source="TUR"), interval)  # type: ignore[arg-type]
    assert s.interval == interval and s.bins
    assert sum(b.events for b in s.bins) == s.events == _one(conn, "SELECT count(*) FROM events WHERE source_country = 'TUR' AND date IS NOT NULL")
    days = [dt.date.fromisoformat(b.period) for b in s.bins]
    for a, b in zip(days, days[1:]):  # consecutive periods, none skipped, none repeated
        assert next_period(a, interval) == b  # type: ignore[arg-type]
    for b in s.bins:
        assert b.events == b.verbal_cooperation + b.material_cooperation + b.verbal_conflict + b.material_conflict
        assert (b.mean_goldstein is None) == (b.events == 0)
        assert dt.date.fromisoformat(b.last_day) >= dt.date.fromisoformat(b.period)
        assert period_start(dt.date.fromisoformat(b.last_day), interval) == dt.date.fromisoformat(b.period)  # type: ignore[arg-type]
    if interval in ("day", "week"):
        assert any(b.events == 0 for b in s.bins)  # empty periods are on the axis


def test_series_axis_follows_the_filter_and_stays_bounded(conn: sqlite3.Connection) -> None:
    s = event_series(conn, EventFilter(start=dt.date(2021, 1, 1), end=dt.date(2021, 12, 31)), "month")
    assert [b.period[:7] for b in s.bins] == [f"2021-{m:02d}" for m in range(1, 13)] and s.events == 0  # before the data: twelve empty months
    q = event_series(conn, EventFilter(start=dt.date(2022, 2, 15), end=dt.date(2022, 11, 3)), "quarter")
    assert [b.period for b in q.bins] == ["2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01"]
    huge = event_series(conn, EventFilter(start=dt.date(1, 1, 1), end=dt.date(9999, 12, 31)), "day")
    assert len(huge.bins) <= MAX_PERIODS and huge.events == find_events(conn, EventFilter()).total  # narrowed to the events' dates
    auto = event_series(conn, EventFilter(), "auto")
    assert auto.interval == choose_interval(dt.date.fromisoformat(auto.first or ""), dt.date.fromisoformat(auto.last or "")) and len(auto.bins) <= 120
    assert event_series(conn, EventFilter(source="XXX"), "month").bins == ()
    assert count_periods(dt.date(2022, 1, 31), dt.date(2022, 2, 1), "month") == 2 and count_periods(dt.date(2022, 1, 3), dt.date(2022, 1, 9), "week") == 1


def test_overview_lists_agree_with_sql(conn: sqlite3.Connection) -> None:
    ov = overview(conn, EventFilter(), NAMES, "month", top=5)
    top = ov.top_dyads[0]
    assert top.events == _one(conn, "SELECT count(*) FROM events WHERE source_country = ? AND target_country = ?", top.source, top.target)
    assert [d.events for d in ov.top_dyads] == sorted((d.events for d in ov.top_dyads), reverse=True)
    actor = ov.top_actors[0]
    assert actor.events == actor.as_source + actor.as_target
    assert actor.as_source == _one(conn, "SELECT count(*) FROM events WHERE source_code = ?", actor.code) and actor.name == f"name of {actor.code}"
    assert all(t.name for t in ov.top_roots) and ov.top_roots[0].events == _one(conn, "SELECT count(*) FROM events WHERE root = ?", ov.top_roots[0].code)
    narrowed = overview(conn, EventFilter(root="19"), NAMES, "year")
    assert {t.code for t in narrowed.top_roots} == {"19"} and narrowed.series.events == _one(conn, "SELECT count(*) FROM events WHERE root = '19'")


def test_facets_count_within_the_filter(conn: sqlite3.Connection) -> None:
    f = event_facets(conn, EventFilter(quad_class=4), NAMES)
    assert f.total == _one(conn, "SELECT count(*) FROM events WHERE quad_class = 4")
    by = {x.param: x for x in f.facets}
    assert [v.value for v in by["quad_class"].values] == ["4"] and by["quad_class"].values[0].label == "material conflict"
    assert sum(v.events for v in by["root"].values) == f.total and all(v.label for v in by["root"].values)
    assert sum(v.events for v in by["source"].values) == f.total
    assert by["plover"].values and all(v.value for v in by["plover"].values)


def test_event_types_are_the_cameo_tree_with_counts(conn: sqlite3.Connection) -> None:
    types = event_types(conn, cameo_catalogue())
    by_code = {t.code: t for t in types.cameo}
    assert by_code["19"].parent is None and by_code["190"].parent == "19" and by_code["0211"].parent == "021"
    assert by_code["19"].events == _one(conn, "SELECT count(*) FROM events WHERE root = '19'")
    assert by_code["190"].events == _one(conn, "SELECT count(*) FROM events WHERE cameo = '190'")
    assert {p.name for p in types.plover} >= {"CONSULT", "ASSAULT"} and sum(p.events for p in types.plover) == _one(conn, "SELECT count(*) FROM events WHERE plover <> ''")


def test_plover_filter_and_sorting(conn: sqlite3.Connection) -> None:
    consult = find_events(conn, EventFilter(plover="consult"), limit=1000)
    assert consult.total == _one(conn, "SELECT count(*) FROM events WHERE plover = 'CONSULT'") and consult.total > 0
    by_goldstein = find_events(conn, EventFilter(), limit=1000, sort="goldstein").items
    assert [e.goldstein for e in by_goldstein] == sorted(e.goldstein for e in by_goldstein)
    newest = find_events(conn, EventFilter(), limit=1000).items
    assert [e.id for e in newest] == [e.id for e in find_events(conn, EventFilter(), limit=1000, sort="-date").items]
    oldest = find_events(conn, EventFilter(), limit=1000, sort="date").items
    assert [e.date for e in oldest] == sorted(e.date or "" for e in oldest)
    with pytest.raises(ValueError, match="sort must be one of"):
        find_events(conn, EventFilter(), sort="id; DROP TABLE events")


def test_actor_search_and_summary(conn: sqlite3.Connection) -> None:
    hits = find_actors(conn, "tu")
    assert hits and all(h.code.startswith("TU") or h.country == "TU" or "tu" in (h.name or "").lower() for h in hits)
    assert find_actors(conn, "name of rus")[0].code == "RUS" and find_actors(conn, "%") == ()
    assert find_actors(conn, None, limit=3)[0].mentions >= find_actors(conn, None, limit=3)[-1].mentions
    s = actor_summary(conn, "tur", NAMES)
    assert s.code == "TUR" and s.names[0].name == "name of TUR"
    assert s.given == _one(conn, "SELECT count(*) FROM events WHERE source_code = 'TUR' OR source_country = 'TUR'")
    assert s.received == _one(conn, "SELECT count(*) FROM events WHERE target_code = 'TUR' OR target_country = 'TUR'")
    assert sum(s.quad_given) == s.given and sum(m.given for m in s.mix) == s.given and sum(m.received for m in s.mix) == s.received
    partner = s.partners[0]
    assert partner.given == _one(conn, "SELECT count(*) FROM events WHERE source_country = 'TUR' AND target_code = ?", partner.code)
    assert s.quotes_by == actor_quotes(conn, "TUR", "by").total == _one(conn, "SELECT count(*) FROM quotes WHERE speaker_code = 'TUR'")
    window = actor_summary(conn, "TUR", NAMES, EventFilter(start=dt.date(2022, 8, 1), end=dt.date(2022, 8, 31)))
    assert window.given < s.given


def test_event_map_counts_by_country_and_place(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE events SET place_name = 'Ankara', place_country = 'TUR', lat = 39.93, lon = 32.86 WHERE id % 5 = 0")
    m = event_map(conn, EventFilter(), "place")
    assert m.located == _one(conn, "SELECT count(*) FROM events WHERE lat IS NOT NULL") == m.places[0].events
    assert m.countries[0].country == "TUR" and m.places[0].name == "Ankara"
    src = event_map(conn, EventFilter(), "source")
    assert sum(c.events for c in src.countries) == src.events == 240
    with pytest.raises(ValueError):
        event_map(conn, EventFilter(), "nowhere")  # type: ignore[arg-type]


def test_rejections_page_and_counts(conn: sqlite3.Connection) -> None:
    r = list_rejections(conn, limit=1)
    assert r.page.total == 2 and len(r.page.items) == 1 and {(x.reason, x.rejections) for x in r.reasons} == {("empty text", 1), ("binary file", 1)}
    assert [x.doc_id for x in list_rejections(conn, reason="binary file").page.items] == ["bad2"]


def test_downloads_hold_every_row(conn: sqlite3.Connection, tmp_path: Path) -> None:
    f = EventFilter(source="TUR")
    total = find_events(conn, f).total
    rows = list(csv.DictReader(io.StringIO(b"".join(event_download(conn, f, "csv", NAMES)).decode())))
    assert len(rows) == total and rows[0]["cameo_name"] and {r["source_country"] for r in rows} == {"TUR"}
    assert len(json.loads(b"".join(event_download(conn, f, "json", NAMES)))) == total
    assert len(b"".join(event_download(conn, f, "jsonl", NAMES)).splitlines()) == total
    gdelt = list(csv.reader(io.StringIO(b"".join(event_download(conn, f, "gdelt", NAMES)).decode())))
    assert gdelt[0][0] == "GLOBALEVENTID" and len(gdelt) == total + 1
    out = tmp_path / "e.parquet"
    out.write_bytes(b"".join(event_download(conn, f, "parquet", NAMES)))
    assert pq.read_table(out).num_rows == total
    quotes = json.loads(b"".join(quote_download(conn, "json")))
    assert len(quotes) == 60 and "about" in quotes[0]
    out.write_bytes(b"".join(quote_download(conn, "parquet")))
    assert pq.read_table(out).column("about").type == "string"
    articles = list(csv.DictReader(io.StringIO(b"".join(article_download(conn, "csv")).decode())))
    assert len(articles) == 60 and articles[0]["headline"].startswith("Article ")
    assert b"binary file" in b"".join(rejection_download(conn, "csv"))
    with pytest.raises(ValueError):
        list(event_download(conn, f, "csv", NAMES, sort="nonsense"))


def test_headline_is_the_title_else_the_first_sentence() -> None:
    assert headline("  A   title ", "Text.") == "A title"
    assert headline(None, "Turkey met Russia. Then more.") == "Turkey met Russia."
    assert headline("", '"We will talk," he said. Then.') == '"We will talk," he said.'
    long = headline(None, "word " * 100)
    assert len(long) == 160 and long.endswith("…")


def test_list_articles_carry_headlines(conn: sqlite3.Connection) -> None:
    conn.execute("UPDATE articles SET title = NULL WHERE id = 'doc000001'")
    items = {a.id: a for a in list_articles(conn, limit=100).items}
    assert items["doc000001"].headline.endswith("acted on IRN.") and items["doc000002"].headline == "Article 2"


def _where(**kwargs: object) -> str:
    where, params = where_clause(EventFilter(**kwargs))  # type: ignore[arg-type]
    return where.replace("?", "{}").format(*(repr(str(p)) for p in params))


PLANS = {  # a query of the workbench and the indexes it must use (EXPLAIN QUERY PLAN)
    "series of a source": (f"SELECT min(date), max(date) FROM events e{_where(source='TUR')}", ("events_source_code", "events_dyad")),
    "series of an actor": (f"SELECT count(*) FROM events e{_where(actor='TUR')}", ("events_source_code", "events_dyad", "events_target_code", "events_target_country")),
    "series of a window": (f"SELECT min(date), max(date) FROM events e{_where(start=dt.date(2022, 8, 1), end=dt.date(2022, 8, 31))}", ("events_date",)),
    "series of a dyad": (f"SELECT count(*) FROM events e{_where(source='TUR', target='RUS')}", ("events_",)),
    "events of a root": (f"SELECT count(*) FROM events e{_where(root='19')}", ("events_cameo",)),
    "events of a code": (f"SELECT count(*) FROM events e{_where(code='190')}", ("events_cameo",)),
    "event types": ("SELECT cameo, count(*) FROM events GROUP BY 1", ("events_cameo",)),
    "quotes by": ("SELECT count(*) FROM quotes WHERE (speaker_code = 'TUR' OR speaker_country = 'TUR')", ()),
    "quotes about": ("SELECT count(*) FROM quotes WHERE id IN (SELECT quote_id FROM quote_mentions WHERE code = 'TUR' OR country = 'TUR')",
                     ("quote_mentions_code", "quote_mentions_country")),
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_queries_read_through_an_index(conn: sqlite3.Connection, name: str) -> None:
    sql, indexes = PLANS[name]
    steps = [str(row[-1]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    plan = " | ".join(steps)
    assert all(i in plan for i in indexes), plan
    assert not any(s in ("SCAN events", "SCAN quotes", "SCAN e") for s in steps) or not indexes, plan  # no walk of a whole table
