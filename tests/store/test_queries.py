"""Queries, the dyad timeline, the network and the exports over a hand-built store."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import sqlite3
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from dragoman.records import Actor, ActorMention, MentionSource, Span
from dragoman.store import Store, connect
from dragoman.store.dyads import actor_network, dyad_timeline
from dragoman.store.exports import GDELT_COLUMNS, write_csv, write_jsonl, write_network, write_parquet
from dragoman.store.queries import EventFilter, find_events, find_quotes, fts_query, list_articles, search

from store.synthetic import COUNTRIES, coded_article


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    c = connect(tmp_path / "q.db")
    Store(c).write_batch([coded_article(n, 4) for n in range(60)])
    return c


def _all(conn: sqlite3.Connection, sql: str, *params: object) -> list[tuple[object, ...]]:
    return conn.execute(sql, params).fetchall()


def test_event_filters_agree_with_sql(conn: sqlite3.Connection) -> None:
    assert find_events(conn, EventFilter()).total == 240
    assert find_events(conn, EventFilter(source="tur")).total == _all(conn, "SELECT count(*) FROM events WHERE source_country = 'TUR'")[0][0]
    both = find_events(conn, EventFilter(actor="RUS", quad_class=4), limit=1000)
    assert both.items and all(e.quad_class == 4 and "RUS" in (e.source_country, e.target_country) for e in both.items)
    window = find_events(conn, EventFilter(start=dt.date(2022, 8, 1), end=dt.date(2022, 8, 31)), limit=1000)
    assert window.items and all("2022-08-01" <= (e.date or "") <= "2022-08-31" for e in window.items)
    assert find_events(conn, EventFilter(root="19", code="190")).total == find_events(conn, EventFilter(code="190")).total
    page = find_events(conn, EventFilter(), limit=7, offset=7)
    assert len(page.items) == 7 and page.offset == 7


def test_dyad_timeline_counts_both_directions(conn: sqlite3.Connection) -> None:
    t = dyad_timeline(conn, "TUR", "RUS", "month")
    forward = sum(b.a_to_b.events for b in t.bins)
    backward = sum(b.b_to_a.events for b in t.bins)
    assert forward == _all(conn, "SELECT count(*) FROM events WHERE source_country='TUR' AND target_country='RUS'")[0][0]
    assert backward == _all(conn, "SELECT count(*) FROM events WHERE source_country='RUS' AND target_country='TUR'")[0][0]
    assert forward + backward > 0
    assert all(b.period.endswith("-01") for b in t.bins)
    for b in t.bins:
        d = b.a_to_b
        assert d.events == d.verbal_cooperation + d.material_cooperation + d.verbal_conflict + d.material_conflict
    weeks = dyad_timeline(conn, "TUR", "RUS", "week")
    assert all(dt.date.fromisoformat(b.period).weekday() == 0 for b in weeks.bins)
    assert sum(b.a_to_b.events + b.b_to_a.events for b in weeks.bins) == forward + backward
    with pytest.raises(ValueError):
        dyad_timeline(conn, "TUR", "RUS", "year")  # type: ignore[arg-type]


def test_network_edges_sum_to_dyadic_events(conn: sqlite3.Connection) -> None:
    net = actor_network(conn, level="country")
    assert sum(e.events for e in net.edges) == 240
    ids = {n.id for n in net.nodes}
    assert all(e.source in ids and e.target in ids for e in net.edges)
    assert actor_network(conn, start=dt.date(2030, 1, 1)).edges == ()


def test_quotes_search_and_articles(conn: sqlite3.Connection) -> None:
    assert find_quotes(conn, "name of").total == 60
    assert search(conn, "acted").total == 60
    assert search(conn, "talk", "quotes").items[0].snippet == "We will «talk»"
    assert search(conn, '" NEAR( * ').total == 0  # operators are plain words, never a syntax error
    assert search(conn, "acted\x00 on\x01").total == 60  # control characters are spaces
    assert fts_query('a "b') == '"a" """b"'
    assert list_articles(conn, 5).total == 60


def test_quotes_by_what_they_are_about(tmp_path: Path) -> None:
    """Article n's quote "We will talk" (speaker: country n % 6) is about "We", the government of country n + 1."""
    articles = []
    for n in range(12):
        coded = coded_article(n, 2)
        [q] = coded.quotes
        other = COUNTRIES[(n + 1) % len(COUNTRIES)]
        we = ActorMention(Span(q.span.doc_id, q.span.start, q.span.start + 2, "We"), Actor(f"{other}GOV", f"Government of {other}-land", other, "state"),
                          "country.capital", "test", MentionSource.COUNTRY, entity=3)
        articles.append(dataclasses.replace(coded, quotes=(dataclasses.replace(q, about=(we,)),)))
    conn = connect(tmp_path / "about.db")
    Store(conn).write_batch(articles)
    rus = find_quotes(conn, about="RUS")  # code prefix (RUSGOV) or country
    assert rus.total == 2 and all([(a.code, a.country, a.entity, a.text) for a in q.about] == [("RUSGOV", "RUS", 3, "We")] for q in rus.items)
    assert find_quotes(conn, about="rusgov").total == 2 and find_quotes(conn, about="RUSG").total == 2
    assert find_quotes(conn, about="rus-land").total == 2  # a word of the name, any case
    assert find_quotes(conn, about="Government").total == 12
    assert find_quotes(conn, about="overnment").total == 0  # a word's start, not any part ("RUS" is not in "Belarus")
    assert find_quotes(conn, about="%").total == find_quotes(conn, about="_").total == 0  # LIKE wildcards are plain characters
    # "what did TUR say about RUS": speaker and about together
    assert [q.speaker_code for q in find_quotes(conn, "TUR", about="RUS").items] == ["TUR", "TUR"]
    assert find_quotes(conn, "RUS", about="RUS").total == 0 and find_quotes(conn, "RUS", about="IRN").total == 2
    conn.close()


def test_exports(conn: sqlite3.Connection, tmp_path: Path) -> None:
    buf = io.StringIO()
    assert write_csv(conn, buf, EventFilter(source="TUR")) > 0
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assert all(r["Actor1CountryCode"] == "TUR" and len(r["SQLDATE"]) == 8 for r in rows)
    out = io.StringIO()
    assert write_jsonl(conn, out, EventFilter()) == 240
    assert write_parquet(conn, tmp_path / "e.parquet", EventFilter()) == 240
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 240
    write_network(conn, tmp_path / "n.graphml", "graphml", EventFilter(), "country")
    write_network(conn, tmp_path / "n.gexf", "gexf", EventFilter(), "country")
    g = nx.read_graphml(tmp_path / "n.graphml")
    assert sum(d["events"] for _, _, d in g.edges(data=True)) == 240
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_edges() == g.number_of_edges()
