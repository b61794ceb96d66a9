"""One event, many reports: which mentions are one event, with hand-built articles (docs/store.md, "Events and mentions")."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import random
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dragoman.errors import SettingsError
from dragoman.records import CodedArticle, Duplicate, Rejection
from dragoman.settings import load_settings
from dragoman.store import Store, connect
from dragoman.store.dyads import actor_network, dyad_timeline
from dragoman.store.explaining import explain_event
from dragoman.store.exports import GDELT_COLUMNS, write_csv, write_parquet
from dragoman.store.grouping import regroup_all, segments
from dragoman.store.merging import code_depth, compatible_codes, parent_codes
from dragoman.store.migrations import LATEST, schema_version
from dragoman.store.queries import EventFilter, find_events, summarize

from store.merge_cases import Act, article, event_sizes, groups
from store.older import downgrade_to_v5


def _store(tmp_path: Path, items: list[CodedArticle], window: int = 1, name: str = "m.db") -> sqlite3.Connection:
    conn = connect(tmp_path / name)
    Store(conn, window).write_batch(items)
    return conn


def test_parent_codes_are_prefixes_and_the_roots_unspecified_code() -> None:
    assert parent_codes("0421") == {"04", "042", "040"}
    assert parent_codes("042") == {"04", "040"}
    assert parent_codes("040") == {"04"}
    assert parent_codes("04") == frozenset()
    assert compatible_codes("042", "04") and compatible_codes("040", "042") and compatible_codes("0421", "042")
    assert not compatible_codes("042", "043") and not compatible_codes("0421", "0422") and not compatible_codes("042", "052")
    assert [code_depth(c) for c in ("04", "040", "042", "0421")] == [0, 1, 2, 3]


def test_window_bounds_an_event_from_its_first_date(tmp_path: Path) -> None:
    reports = [article(f"a{d}", [Act(day=d)], outlet=f"o{d}") for d in (0, 1, 2, 3)]
    one_day = _store(tmp_path, reports, window=1, name="w1.db")
    assert sorted(conn_dates(one_day)) == [("2022-07-19", "2022-07-20"), ("2022-07-21", "2022-07-22")]  # 19-20, then 21-22: never 19-22
    assert event_sizes(_store(tmp_path, reports, window=3, name="w3.db")) == [(4, 4, 4)]
    assert event_sizes(_store(tmp_path, reports, window=0, name="w0.db")) == [(1, 1, 1)] * 4


def conn_dates(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(a, b) for a, b in conn.execute("SELECT first_date, last_date FROM event_groups")]


def test_codes_merge_with_their_parents_never_with_siblings(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("visit", [Act(code="042")]), article("consult", [Act(code="040")], outlet="B"), article("root", [Act(code="04")], outlet="C"),
        article("host", [Act(code="043", day=5)]), article("visit-again", [Act(code="042", day=5)], outlet="B"),
    ])
    rows = sorted(conn.execute("SELECT cameo, date, mentions, sources FROM event_groups"))
    assert rows == [("042", "2022-07-19", 3, 3), ("042", "2022-07-24", 1, 1), ("043", "2022-07-24", 1, 1)]
    # a generic code with two specific ones on its day joins one of them, the same whatever the order
    again = _store(tmp_path, [article("host", [Act(code="043")]), article("generic", [Act(code="040")], outlet="B"),
                              article("visit", [Act(code="042")], outlet="C")], name="g.db")
    assert sorted(r[0] for r in again.execute("SELECT mentions FROM event_groups")) == [1, 2]


def test_places_merge_when_one_country_or_none(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("tehran", [Act(place="IRN")]), article("nowhere", [Act()], outlet="B"), article("tehran2", [Act(place="IRN")], outlet="C"),
        article("damascus", [Act(place="SYR")], outlet="D"),
    ])
    # the report without a place joins the most reported event it fits
    assert sorted(conn.execute("SELECT place_country, mentions FROM event_groups")) == [("IRN", 3), ("SYR", 1)]


def test_actors_people_and_one_sided_events(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("kerry", [Act(source="USAGOV", source_person="John Kerry", target="IRNGOV")]),
        article("kerry2", [Act(source="USAGOV", source_person="JOHN KERRY", target="IRNGOV")], outlet="B"),  # names compare case-blind
        article("carter", [Act(source="USAGOV", source_person="Ash Carter", target="IRNGOV")], outlet="C"),
        article("office", [Act(source="USAGOV", target="IRNGOV")], outlet="D"),  # the office, not a person
        article("protest", [Act(source="IRNOPP", target=None, code="141")], outlet="E"),
        article("protest2", [Act(source="IRNOPP", target=None, code="141")], outlet="F"),
        article("protest-at-x", [Act(source="IRNOPP", target="IRNGOV", code="141")], outlet="G"),
    ])
    assert event_sizes(conn) == [(1, 1, 1), (1, 1, 1), (1, 1, 1), (2, 2, 2), (2, 2, 2)]


def test_undated_mentions_are_one_day_of_their_own(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("u1", [Act(day=None)], day=None), article("u2", [Act(day=None)], outlet="B", day=None), article("dated", [Act()], outlet="C"),
    ])
    assert sorted(conn.execute("SELECT date, mentions, first_report FROM event_groups"), key=str) == [("2022-07-19", 1, "2022-07-19"), (None, 2, None)]


def test_counts_mentions_articles_and_outlets(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("r1", [Act(), Act(confidence=0.95)], outlet="Reuters", day=0),   # two mentions in one article
        article("r2", [Act()], outlet="reuters", day=1),                          # the same outlet, another case
        article("f1", [Act()], outlet=None, day=2, source="feed.jsonl:1"),       # no outlet: its input counts
        article("f2", [Act()], outlet=None, day=2, source="feed.jsonl:2"),
    ])
    [(mentions, articles, sources, first, last, best, conf)] = conn.execute(
        "SELECT mentions, articles, sources, first_report, last_report, article_id, confidence FROM event_groups").fetchall()
    assert (mentions, articles, sources, first, last) == (5, 4, 3, "2022-07-19", "2022-07-21")
    assert (best, conf) == ("r1", 0.95)  # the most confident mention is the evidence


CASES = [
    article("a", [Act(), Act(code="111")]), article("b", [Act(code="040", place="IRN")], outlet="B"),
    article("c", [Act(day=1)], outlet="C", day=1), article("d", [Act(day=2), Act(day=9)], outlet="D", day=9),
    article("e", [Act(day=None)], outlet="E", day=None), article("f", [Act(day=None, code="04")], outlet="F", day=None),
    article("g", [Act(source="RUSGOV", target="TURGOV")], outlet="B"), article("h", [Act(code="043", day=1, place="SYR")], outlet="C", day=1),
    article("i", [Act(day=8), Act(day=10, code="0421")], outlet="A", day=10), article("j", [Act(day=3)], outlet="D", day=3),
]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(CASES))), cuts=st.sets(st.integers(1, len(CASES) - 1), max_size=4))
def test_groups_do_not_depend_on_the_order_or_the_batches(tmp_path_factory: pytest.TempPathFactory, order: list[int], cuts: set[int]) -> None:
    tmp = tmp_path_factory.mktemp("order")
    expected = groups(_store(tmp, CASES, name="all.db"))
    conn = connect(tmp / "batches.db")
    store = Store(conn)
    bounds = [0, *sorted(cuts), len(CASES)]
    for lo, hi in zip(bounds, bounds[1:]):
        store.write_batch([CASES[i] for i in order[lo:hi]])
    assert groups(conn) == expected
    with conn:
        regroup_all(conn, 1)  # the incremental result is the whole store's grouping
    assert groups(conn) == expected


def test_recoding_moves_mentions_and_removal_updates_counts(tmp_path: Path) -> None:
    conn = _store(tmp_path, [article("a", [Act()]), article("b", [Act()], outlet="B"), article("c", [Act(day=7)], outlet="C", day=7)])
    assert event_sizes(conn) == [(1, 1, 1), (2, 2, 2)]
    store = Store(conn)
    store.write_batch([article("b", [Act(day=7)], outlet="B", day=7)])  # b coded again: its act is now a week later
    assert sorted(conn.execute("SELECT date, mentions FROM event_groups")) == [("2022-07-19", 1), ("2022-07-26", 2)]
    store.write_batch([Rejection("c", "c.txt", "nlp", "too long", "test")])  # the latest coding of c is a rejection: c goes
    store.write_batch([Duplicate("a", "x.jsonl:2", "b")])                     # a now names a duplicate: a goes
    assert sorted(conn.execute("SELECT date, mentions FROM event_groups")) == [("2022-07-26", 1)]
    fresh = _store(tmp_path, [article("b", [Act(day=7)], outlet="B", day=7)], name="fresh.db")
    assert groups(conn) == groups(fresh)


def test_another_window_regroups_the_store(tmp_path: Path) -> None:
    conn = _store(tmp_path, [article(f"a{d}", [Act(day=d)], outlet=f"o{d}", day=d) for d in range(4)], window=1)
    assert len(event_sizes(conn)) == 2
    Store(conn, 3).write_batch([])
    assert event_sizes(conn) == [(4, 4, 4)]
    assert conn.execute("SELECT value FROM meta WHERE key = 'merge_window_days'").fetchone() == ("3",)


def test_merge_window_setting_is_validated(tmp_path: Path) -> None:
    assert load_settings().store.merge_window_days == 1
    f = tmp_path / "s.toml"
    f.write_text("[store]\nmerge_window_days = 31\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="merge_window_days must be from 0 to 30"):
        load_settings(f)


def test_segments_are_the_runs_near_a_change() -> None:
    stored = ["2022-07-01", "2022-07-02", "2022-07-05", "2022-07-06", "2022-07-07", "2022-07-20"]
    def day(iso: str) -> int:
        return dt.date.fromisoformat(iso).toordinal()

    assert segments(stored, [day("2022-07-03")], 1) == [("2022-07-01", "2022-07-02")]
    assert segments(stored, [day("2022-07-04")], 1) == [("2022-07-05", "2022-07-07")]
    assert segments(stored, [day("2022-07-06"), day("2022-07-20")], 1) == [("2022-07-05", "2022-07-07"), ("2022-07-20", "2022-07-20")]
    assert segments(stored, [day("2022-07-12")], 1) == []


def test_migrated_store_holds_the_same_events(tmp_path: Path) -> None:
    conn = _store(tmp_path, CASES)
    expected = groups(conn)
    downgrade_to_v5(conn)
    conn.close()
    migrated = connect(tmp_path / "m.db")
    assert schema_version(migrated) == LATEST
    # the migration derives each article's outlet from its stored metadata, merge keys from the stored rows, and groups them
    assert {o for (o,) in migrated.execute("SELECT outlet FROM articles")} == {"Outlet", "A", "B", "C", "D", "E", "F"}
    assert groups(migrated) == expected


def test_queries_count_events_or_mentions(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("a", [Act()]), article("b", [Act()], outlet="B"), article("c", [Act(day=7)], outlet="C", day=7),
        article("d", [Act(source="RUSGOV", target="TURGOV", code="111")], outlet="D"),
    ])
    events = dyad_timeline(conn, "TUR", "RUS", "day")
    mentions = dyad_timeline(conn, "TUR", "RUS", "day", unit="mentions")
    assert (events.unit, mentions.unit) == ("events", "mentions")
    assert [(b.period, b.a_to_b.events, b.b_to_a.events) for b in events.bins] == [("2022-07-19", 1, 1), ("2022-07-26", 1, 0)]
    assert [(b.period, b.a_to_b.events, b.b_to_a.events) for b in mentions.bins] == [("2022-07-19", 2, 1), ("2022-07-26", 1, 0)]
    edges = {(e.source, e.target): e.events for e in actor_network(conn).edges}
    assert edges == {("TURGOV", "RUSGOV"): 2, ("RUSGOV", "TURGOV"): 1}
    assert {(e.source, e.target): e.events for e in actor_network(conn, unit="mentions").edges} == {("TURGOV", "RUSGOV"): 3, ("RUSGOV", "TURGOV"): 1}
    assert find_events(conn, EventFilter(source="TUR")).total == 3
    page = find_events(conn, EventFilter(source="TUR"), unit="events")
    assert page.total == 2 and sorted((e.mentions, e.articles, e.sources) for e in page.items) == [(1, 1, 1), (2, 2, 2)]
    assert find_events(conn, EventFilter(article_id="b"), unit="events").items[0].mentions == 2
    mention = find_events(conn, EventFilter(article_id="b")).items[0]
    assert mention.event_id in {e.event_id for e in page.items} and mention.mentions == 2
    assert summarize(conn).merged_events == 3 and summarize(conn).events == 4


def test_gdelt_csv_counts_in_the_events_view(tmp_path: Path) -> None:
    conn = _store(tmp_path, [article("a", [Act()], outlet="A"), article("b", [Act(), Act(confidence=0.5)], outlet="B")])
    out = io.StringIO()
    assert write_csv(conn, out, EventFilter(), unit="events") == 1
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(row) == list(GDELT_COLUMNS)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "2", "2") and row["GLOBALEVENTID"] == row["EventID"]
    out = io.StringIO()
    assert write_csv(conn, out, EventFilter()) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {(r["NumMentions"], r["EventID"]) for r in rows} == {("1", row["EventID"])}
    assert write_parquet(conn, tmp_path / "events.parquet", EventFilter(), unit="events") == 1
    table = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert [(r["event_id"], r["mentions"], r["articles"], r["sources"]) for r in table] == [(row["EventID"], 3, 2, 2)]


def test_explain_event_says_which_mentions_and_why(tmp_path: Path) -> None:
    conn = _store(tmp_path, [
        article("a", [Act(code="042", place="IRN")], outlet="A"), article("b", [Act(code="040", day=1)], outlet="B", day=1),
        article("c", [Act(code="043")], outlet="C"), article("d", [Act(day=7)], outlet="D", day=7), article("e", [Act(code="111")], outlet="E"),
    ])
    [event_id] = [r[0] for r in conn.execute("SELECT id FROM event_groups WHERE mentions = 2")]
    x = explain_event(conn, event_id)
    assert x is not None and x.window_days == 1
    assert (x.merge_source, x.merge_target, x.merge_root) == ("TURGOV", "RUSGOV", "04")
    assert [m.mention.article_id for m in x.mentions] == ["a", "b"] and x.mentions[0].first and x.mentions[0].evidence
    assert "040 is a parent of 042" in " ".join(x.reasons)
    assert "1 day(s) after the first" in x.mentions[1].fits
    why = {a.event.cameo + "@" + (a.event.date or ""): a.why for a in x.apart}
    assert set(why) == {"043@2022-07-19", "042@2022-07-26", "111@2022-07-19"}
    assert "neither 042 nor a parent" in why["043@2022-07-19"] and "7 day(s) after" in why["042@2022-07-26"] and "root 11" in why["111@2022-07-19"]
    assert explain_event(conn, "0" * 16) is None
    assert dataclasses.asdict(x)["event"]["event_id"] == event_id


def test_shuffled_corpus_codes_the_same_events(tmp_path: Path) -> None:
    rng = random.Random(19)
    big = [article(f"x{n}", [Act(source=rng.choice(["TURGOV", "RUSGOV", "IRNGOV"]), target=rng.choice(["TURGOV", "RUSGOV", None]),
                                 code=rng.choice(["04", "040", "042", "043", "0421", "111"]), day=rng.choice([None, *range(20)]),
                                 place=rng.choice([None, None, "IRN", "SYR"]), confidence=rng.choice([0.5, 0.9]))
                             for _ in range(rng.randrange(1, 4))], outlet=rng.choice(["A", "B", "C", None]), day=rng.randrange(20))
           for n in range(120)]
    expected = groups(_store(tmp_path, big, name="one.db"))
    rng.shuffle(big)
    conn = connect(tmp_path / "shuffled.db")
    for start in range(0, len(big), 7):
        Store(conn).write_batch(big[start : start + 7])
    assert groups(conn) == expected
