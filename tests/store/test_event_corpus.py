"""One event, many reports, through the whole pipeline: a written corpus of three events each reported by several
outlets on several days, with near misses that must stay apart; the news texts replicated under other outlets;
and the same events from the Parquet output after ``dragoman load``."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from dragoman.ingest import read_articles
from dragoman.pipeline import Pipeline, code_articles
from dragoman.records import CodedArticle, Result
from dragoman.scale import code_corpus, load_output
from dragoman.store import Store, connect

from store.merge_cases import groups

CORPUS = Path(__file__).parent / "data" / "merge_corpus.jsonl"

EXPECTED = {
    # the Tehran summit: four outlets over three days; TASS reports it twice, once dated by its own day
    frozenset({"summit-aa", "summit-reuters", "summit-tass", "summit-hurriyet"}): ("TURGOV", "RUSGOV", "04", "2022-07-19", 5, 4, 4, "2022-07-19", "2022-07-21"),
    frozenset({"shelling-kyiv-independent", "shelling-bbc", "shelling-afp"}): ("RUSMIL", "UKR", "19", "2022-08-02", 3, 3, 3, "2022-08-02", "2022-08-03"),
    frozenset({"sanctions-irna", "sanctions-aljazeera", "sanctions-presstv"}): ("IRN", "USA", "11", "2022-09-05", 3, 3, 3, "2022-09-05", "2022-09-06"),
    # near misses: the same dyad with another code, the same code a week later, another target
    frozenset({"near-criticism"}): ("TURGOV", "RUSGOV", "11", "2022-07-19", 1, 1, 1, "2022-07-19", "2022-07-19"),
    frozenset({"near-sochi"}): ("TURGOV", "RUSGOV", "04", "2022-07-26", 1, 1, 1, "2022-07-26", "2022-07-26"),
    frozenset({"near-raisi"}): ("TURGOV", "IRNGOV", "04", "2022-07-19", 1, 1, 1, "2022-07-19", "2022-07-19"),
}


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> list[Result]:
    items = list(code_articles(pipeline, read_articles([str(CORPUS)], pipeline.settings.ingest)))
    assert all(isinstance(i, CodedArticle) for i in items)
    return items


def _events(conn: sqlite3.Connection) -> dict[frozenset[str], tuple[object, ...]]:
    out: dict[frozenset[str], tuple[object, ...]] = {}
    for gid, *row in conn.execute("SELECT id, source_code, target_code, root, date, mentions, articles, sources, first_report, last_report FROM event_groups"):
        out[frozenset(a for (a,) in conn.execute("SELECT article_id FROM events WHERE group_id = ?", (gid,)))] = tuple(row)
    return out


def test_written_corpus_merges_each_event_and_keeps_near_misses_apart(coded: list[Result], tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    Store(conn).write_batch(coded)
    assert _events(conn) == EXPECTED
    assert conn.execute("SELECT outlet FROM articles WHERE id = 'summit-aa'").fetchone() == ("aa.com.tr",)  # its URL's domain
    # another run, the articles in the reverse order and in three batches: the same events, the same ids
    other = connect(tmp_path / "b.db")
    backwards = list(reversed(coded))
    for start in range(0, len(backwards), 5):
        Store(other).write_batch(backwards[start : start + 5])
    assert groups(other) == groups(conn)


def test_recoding_an_article_moves_its_mentions(coded: list[Result], tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.db")
    Store(conn).write_batch(coded)
    # the Reuters report of the summit coded again as a report of a week later: it leaves the summit for the Sochi meeting
    reuters = next(c for c in coded if isinstance(c, CodedArticle) and c.article.id == "summit-reuters")
    assert isinstance(reuters, CodedArticle)
    later = dataclasses.replace(reuters, events=tuple(dataclasses.replace(e, date=e.date and e.date.replace(day=26)) for e in reuters.events))
    Store(conn).write_batch([later])
    events = _events(conn)
    assert events[frozenset({"summit-aa", "summit-tass", "summit-hurriyet"})][4:7] == (4, 3, 3)
    assert events[frozenset({"near-sochi", "summit-reuters"})][4:7] == (2, 2, 1)  # both from Reuters: one source


def test_loaded_parquet_output_holds_the_same_events(pipeline: Pipeline, coded: list[Result], tmp_path: Path) -> None:
    out = tmp_path / "out"
    code_corpus([str(CORPUS)], out, pipeline.settings, pipeline=pipeline)
    load_output(out, tmp_path / "loaded.db")
    direct = connect(tmp_path / "direct.db")
    Store(direct).write_batch(coded)
    loaded = connect(tmp_path / "loaded.db")
    assert groups(loaded) == groups(direct)
    assert _events(loaded) == EXPECTED


@pytest.mark.external
def test_replicated_news_grows_mentions_not_events(pipeline: Pipeline, shared: Path, tmp_path: Path) -> None:
    """The news texts, and each again under two other outlets (as if two more outlets had printed every story):
    as many events, three times the mentions and articles, two more sources each."""
    paths = sorted(str(p) for p in (shared / "external").glob("news_*.jsonl"))
    if not paths:
        pytest.skip("no news_*.jsonl in ../shared/external")
    originals = [c for c in code_articles(pipeline, read_articles(paths, pipeline.settings.ingest)) if isinstance(c, CodedArticle)]
    copies = [dataclasses.replace(c, article=dataclasses.replace(c.article, id=f"{c.article.id}#copy{k}", outlet=f"copy{k}.example"))
              for k in (1, 2) for c in originals]
    once = connect(tmp_path / "once.db")
    Store(once).write_batch(originals)
    thrice = connect(tmp_path / "thrice.db")
    mixed = copies[len(originals):] + originals + copies[: len(originals)]  # the copies of one outlet first
    for start in range(0, len(mixed), 50):
        Store(thrice).write_batch(mixed[start : start + 50])

    def count(conn: sqlite3.Connection, table: str) -> int:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    assert count(once, "event_groups") > 100
    assert count(thrice, "event_groups") == count(once, "event_groups")
    assert count(thrice, "events") == 3 * count(once, "events")
    before = {r[0]: r[1:] for r in once.execute("SELECT id, mentions, articles, sources FROM event_groups")}
    after = {r[0]: r[1:] for r in thrice.execute("SELECT id, mentions, articles, sources FROM event_groups")}
    assert set(after) == set(before)  # the same ids: each event's first mention is still the original's
    assert all(after[i] == (3 * m, 3 * a, s + 2) for i, (m, a, s) in before.items())
