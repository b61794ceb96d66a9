"""Lists that choose how to read (walk an index in order, or gather the matches and sort them) give what a plain
scan and sort gives, for every order, unit and filter; quote counts from the summary tables are exact."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from dragoman.records import Actor, ActorMention, MentionSource, Span
from dragoman.store import Store, connect
from dragoman.store.actor_stats import actor_quotes
from dragoman.store.dyads import dyad_timeline
from dragoman.store.queries import FROM, UNITS, EventFilter, Unit, _order, find_events, find_quotes, where_clause
from dragoman.store.series import MAX_PERIODS

from store.synthetic import COUNTRIES, coded_article

SORTS = ("date", "-date", "goldstein", "-goldstein", "cameo", "-cameo", "quad_class", "-quad_class", "confidence", "-confidence",
         "source", "-source", "target", "-target")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    articles = []
    for n in range(150):
        coded = coded_article(n, events=1 + n % 4)
        q = coded.quotes[0]
        other = COUNTRIES[(n + 1) % len(COUNTRIES)]
        about = ActorMention(Span(q.span.doc_id, q.span.start, q.span.start + 2, "We"), Actor(f"{other}GOV", f"Government of {other}-land", other, "state"),
                             "country.capital", "test", MentionSource.COUNTRY, entity=3)
        speaker = q.speaker if n % 5 else None  # every fifth quote without a speaker
        articles.append(dataclasses.replace(coded, quotes=(dataclasses.replace(q, about=(about,) if n % 3 else (), speaker=speaker),)))
    conn = connect(tmp_path_factory.mktemp("lists") / "l.db")
    Store(conn).write_batch(articles)
    return conn


def _plain(conn: sqlite3.Connection, f: EventFilter, unit: Unit, sort: str, limit: int, offset: int) -> list[object]:
    """The page read without any index: every row scanned, the matches sorted."""
    where, params = where_clause(f, unit)
    alias = "g" if unit == "events" else "e"
    table = "event_groups" if unit == "events" else "events"
    source = FROM[unit].replace(f"{table} {alias}", f"{table} {alias} NOT INDEXED", 1)
    key = "g.best_mention" if unit == "events" else "e.id"
    return [r[0] for r in conn.execute(f"SELECT {key} FROM {source}{where} ORDER BY {_order(sort, alias)} LIMIT ? OFFSET ?", [*params, limit, offset])]


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("sort", SORTS)
def test_every_order_reads_what_a_scan_reads(store: sqlite3.Connection, unit: Unit, sort: str) -> None:
    for f in (EventFilter(), EventFilter(actor="TUR"), EventFilter(source="USA", target="IRN"), EventFilter(root="04"), EventFilter(quad_class=1),
              EventFilter(actor="TUR", start=dt.date(2022, 9, 1))):
        for limit, offset in ((5, 0), (7, 11), (50, 0)):
            page = find_events(store, f, limit, offset, unit=unit, sort=sort)
            assert [e.id for e in page.items] == _plain(store, f, unit, sort, limit, offset), (f, limit, offset)


def _quote_ids(conn: sqlite3.Connection, where: str, params: list[object]) -> list[int]:
    return [r[0] for r in conn.execute(f"SELECT id FROM quotes q NOT INDEXED{where} ORDER BY id", params)]


@pytest.mark.parametrize("speaker, about", [(None, None), ("TUR", None), ("name of", None), ("name of RUS", None), (None, "RUS"), (None, "rus-land"),
                                            (None, "R"), ("IRN", "TUR"), ("name", "Government"), ("zz", None), (None, "zz")])
def test_quote_lists_read_what_a_scan_reads(store: sqlite3.Connection, speaker: str | None, about: str | None) -> None:
    parts, params = [], []
    if speaker:
        parts.append("(speaker_code = ? OR speaker_country = ? OR speaker_name LIKE ?)")
        params += [speaker.upper(), speaker.upper(), f"%{speaker}%"]
    if about:
        parts.append("id IN (SELECT quote_id FROM quote_mentions WHERE (code >= ? AND code < ?) OR country = ? OR name LIKE ? OR name LIKE ?)")
        params += [about.upper(), about.upper() + "\U0010ffff", about.upper(), f"{about}%", f"% {about}%"]
    expected = _quote_ids(store, " WHERE " + " AND ".join(parts) if parts else "", params)
    for limit, offset in ((3, 0), (4, 9), (200, 0)):
        page = find_quotes(store, speaker, limit, offset, about)
        assert page.total == len(expected)
        assert [q.id for q in page.items] == expected[offset : offset + limit]


@pytest.mark.parametrize("code", ["TUR", "TURGOV", "RUS", "ZZZ"])
@pytest.mark.parametrize("role", ["by", "about"])
def test_actor_quotes_read_what_a_scan_reads(store: sqlite3.Connection, code: str, role: str) -> None:
    where = (" WHERE speaker_code = ? OR speaker_country = ?" if role == "by"
             else " WHERE id IN (SELECT quote_id FROM quote_mentions WHERE code = ? OR country = ?)")
    expected = _quote_ids(store, where, [code, code])
    for limit, offset in ((3, 0), (5, 7)):
        page = actor_quotes(store, code, role, limit, offset)  # type: ignore[arg-type]
        assert page.total == len(expected) and [q.id for q in page.items] == expected[offset : offset + limit]


def test_a_day_axis_longer_than_the_most_periods_is_drawn_by_week(tmp_path: Path) -> None:
    conn = connect(tmp_path / "long.db")
    early, late = coded_article(0, events=1, day=dt.date(2000, 1, 1)), coded_article(6, events=1, day=dt.date(2000, 1, 1) + dt.timedelta(days=MAX_PERIODS + 10))
    Store(conn).write_batch([early, late])
    a, b = early.events[0].source.actor.code, early.events[0].target.actor.code  # type: ignore[union-attr]
    assert a and b
    assert dyad_timeline(conn, a, b, "day").interval == "week"
    assert dyad_timeline(conn, a, b, "day", start=dt.date(2000, 1, 1), end=dt.date(2000, 2, 1)).interval == "day"
