"""Shards in, Parquet out, resume, load: the local engine, no cluster."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import sqlite3
from pathlib import Path

import duckdb
import pytest

from dragoman.cli import main
from dragoman.contract import article_to_json, rejection_to_json
from dragoman.errors import InputError
from dragoman.pipeline import Pipeline, code_article, code_inputs
from dragoman.records import Article, Duplicate, Rejection
from dragoman.scale import code_corpus, find_shards, load_output, output_json, read_manifest, read_shard, read_table
from dragoman.scale.parquet import partition_path

from store.merge_cases import groups
from .corpus import write_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, articles=24, shards=3)
    return folder


def _reference(pipeline: Pipeline, folder: Path) -> list[dict[str, object]]:
    """What the plain `code` command prints for the shards, coded one by one here."""
    out = []
    for shard in find_shards([str(folder)]):
        for item in read_shard(shard, pipeline.settings.ingest):
            result = code_article(pipeline, item) if isinstance(item, Article) else item
            out.append(rejection_to_json(result) if isinstance(result, Rejection) else article_to_json(result))
    return out


def test_shard_formats_read_alike(tmp_path: Path) -> None:
    records = [{"id": "a", "text": "Iran met Turkey.", "date": "2022-07-19"}, {"id": "b"}, {"id": "c", "text": "Iran met Turkey."},
               {"id": "d", "text": "Iran met Turkey.", "date": "2022-07-19"}]
    lines = "".join(json.dumps(r) + "\n" for r in records) + "{broken\n"
    (tmp_path / "x.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "y.jsonl.gz").write_bytes(gzip.compress(lines.encode()))
    shards = find_shards([str(tmp_path)])
    assert [s.name for s in shards] == [str(tmp_path / "x.jsonl"), str(tmp_path / "y.jsonl.gz")]
    from dragoman.settings import load_settings

    ingest = load_settings().ingest
    for shard in shards:
        items = list(read_shard(shard, ingest, dt.date(2022, 1, 1)))
        # c has a's text on another date (the default one): coded; d has a's text and date: a duplicate
        assert [type(i).__name__ for i in items] == ["Article", "Rejection", "Article", "Duplicate", "Rejection"]
        assert isinstance(items[0], Article) and items[0].date == dt.date(2022, 7, 19) and items[0].source == f"{shard.name}:1"
        assert isinstance(items[2], Article) and items[2].date == dt.date(2022, 1, 1)
        assert items[3] == Duplicate("d", f"{shard.name}:4", "a")
        assert isinstance(items[4], Rejection) and items[4].reason == "invalid JSON line"


def test_not_a_shard_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="not a shard"):
        find_shards([str(tmp_path / "a.txt")])
    assert main(["code", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")]) == 2
    assert main(["code", str(tmp_path), "--engine", "dask"]) == 2  # dask needs --out


def test_local_engine_equals_plain_output_and_resumes(pipeline: Pipeline, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    assert (first.shards, first.skipped, len(first.coded)) == (3, 0, 3)
    assert output_json(out) == _reference(pipeline, corpus)
    manifest = read_manifest(out)
    assert set(manifest.shards) == {s.key for s in find_shards([str(corpus)])}
    assert all(e["digest"] and e["rows"]["articles"] == 8 for e in manifest.shards.values())

    again = code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    assert (again.skipped, len(again.coded)) == (3, 0)

    # A crash mid-shard: the manifest lacks it, a partition and the staging folder are left behind.
    victim = manifest.order[1]
    del manifest.shards[victim]
    from dragoman.scale.parquet import write_manifest

    write_manifest(out, manifest)
    partition_path(out, "events", victim).unlink()
    (out / "_staging" / f"{victim}.dead").mkdir(parents=True)
    resumed = code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    assert (resumed.skipped, [r.key for r in resumed.coded]) == (2, [victim])
    assert not list((out / "_staging").glob("*.dead"))
    assert output_json(out) == _reference(pipeline, corpus)


def test_changed_shard_is_coded_again(pipeline: Pipeline, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, articles=6, shards=2)
    out = tmp_path / "out"
    code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    (corpus / "part-000.jsonl").write_text(json.dumps({"id": "new", "text": "Turkey criticized Russia."}) + "\n", encoding="utf-8")
    report = code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    assert report.skipped == 1 and len(report.coded) == 1
    assert [r["id"] for r in read_table(out, "articles", [report.coded[0].key])] == ["new"]


def test_load_and_duckdb(pipeline: Pipeline, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    db = tmp_path / "news.db"
    assert main(["load", str(out), "--db", str(db)]) == 0
    conn = sqlite3.connect(db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "quotes", "mentions")}
    conn.close()
    assert counts == {"articles": 24, "events": len(read_table(out, "events")), "quotes": len(read_table(out, "quotes")),
                      "mentions": len(read_table(out, "actors"))}

    # The same store as `code --db` makes from the same articles.
    direct = tmp_path / "direct.db"
    from dragoman.api import store_results

    items = [code_article(pipeline, i) if isinstance(i, Article) else i for s in find_shards([str(corpus)]) for i in read_shard(s, pipeline.settings.ingest)]
    list(store_results(direct, items, 50))
    query = 'SELECT article_id, source_code, target_code, cameo, evidence_start, evidence_text, place_name FROM events ORDER BY 1, 5, 4'
    a, b = sqlite3.connect(db), sqlite3.connect(direct)
    assert a.execute(query).fetchall() == b.execute(query).fetchall()
    assert groups(a) == groups(b)  # the same events of the same mentions, with the same counts and ids
    assert a.execute("SELECT DISTINCT outlet FROM articles ORDER BY 1").fetchall() == [(f"outlet-{k}",) for k in range(5)]
    a.close(), b.close()

    # The documented DuckDB query straight over the Parquet files.
    rows = duckdb.sql(
        f"SELECT source_country, target_country, cameo, count(*) AS n FROM read_parquet('{out}/events/*.parquet') GROUP BY ALL ORDER BY n DESC"
    ).fetchall()
    assert sum(r[3] for r in rows) == counts["events"]


def test_jobs_keep_input_order(pipeline: Pipeline, corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shard = str(corpus / "part-000.jsonl")
    plain = [article_to_json(r) for r in code_inputs(pipeline, [shard]) if not isinstance(r, Rejection)]
    assert main(["code", shard, "--jobs", "2"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == plain


def test_duplicates_in_parquet_output_and_load(pipeline: Pipeline, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "Turkey criticized Russia over the grain deal."
    records = [{"id": "a", "text": text, "date": "2022-07-19"}, {"id": "b", "text": text, "date": "2022-07-20"},
               {"id": "c", "text": text, "date": "2022-07-19"}]
    shard = corpus / "part.jsonl"
    shard.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    report = code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    assert report.rows["duplicates"] == 1 and report.rows["articles"] == 2
    # the same objects, in the same order, as the plain command prints
    assert main(["code", str(shard)]) == 0
    assert output_json(out) == [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert output_json(out)[2] == {"id": "c", "source": f"{shard}:3", "duplicate_of": "a"}
    db = tmp_path / "news.db"
    assert main(["load", str(out), "--db", str(db)]) == 0
    assert json.loads(capsys.readouterr().out)["duplicates"] == 1
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT doc_id, duplicate_of FROM duplicates").fetchall() == [("c", "a")]
    conn.close()


def test_output_of_an_older_format_is_coded_again(pipeline: Pipeline, tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    write_corpus(corpus, articles=2, shards=1)
    out = tmp_path / "out"
    code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (out / "manifest.json").write_text(json.dumps({**manifest, "version": 1}), encoding="utf-8")
    with pytest.raises(InputError, match="older dragoman"):
        output_json(out)
    again = code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    assert again.skipped == 0 and len(again.coded) == 1
    assert len(output_json(out)) == 2


def test_an_unreadable_shard_is_a_rejection(tmp_path: Path) -> None:
    from dragoman.scale.shards import Shard, file_digest
    from dragoman.settings import load_settings

    folder = tmp_path / "x.jsonl"  # a folder where a shard should be: reading it fails like a locked file
    folder.mkdir()
    digest = file_digest(folder)
    assert digest.startswith("unreadable:")
    [item] = list(read_shard(Shard("x", str(folder), folder, digest), load_settings().ingest))
    assert isinstance(item, Rejection) and item.reason == "unreadable file"


def test_a_large_shard_is_coded_in_parts_with_the_same_output(pipeline: Pipeline, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """scale.records_per_task cuts one file into tasks; a repeat across parts is still a duplicate, a bad line still a
    rejection, and the output is what the whole file gives; a part resumes on its own."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = "Turkey criticized Russia over the grain deal."
    records = [json.dumps({"id": f"r{n}", "text": f"Iran praised Iraq for the talks in round {n}.", "date": "2022-07-19"}) for n in range(7)]
    records[2] = json.dumps({"id": "first", "text": text, "date": "2022-07-19"})
    records[5] = json.dumps({"id": "again", "text": text, "date": "2022-07-19"})  # in another part than its original
    records[3] = "{not json"
    shard = corpus / "big.jsonl"
    shard.write_text("\n".join(records) + "\n", encoding="utf-8")
    whole = tmp_path / "whole"
    code_corpus([str(corpus)], whole, pipeline.settings, pipeline=pipeline)
    parted_settings = dataclasses.replace(pipeline.settings, scale=dataclasses.replace(pipeline.settings.scale, records_per_task=3))
    parted = tmp_path / "parted"
    report = code_corpus([str(corpus)], parted, parted_settings, pipeline=pipeline)
    assert report.shards == 3 and [r.key.rsplit("-", 1)[1] for r in report.coded] == ["part00000", "part00001", "part00002"]
    assert output_json(parted) == output_json(whole)
    assert output_json(parted)[5] == {"id": "again", "source": f"{shard}:6", "duplicate_of": "first"}
    assert main(["code", str(shard)]) == 0
    assert output_json(parted) == [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    manifest = read_manifest(parted)
    del manifest.shards[manifest.order[1]]
    from dragoman.scale.parquet import write_manifest

    write_manifest(parted, manifest)
    resumed = code_corpus([str(corpus)], parted, parted_settings, pipeline=pipeline)
    assert (resumed.skipped, [r.key for r in resumed.coded]) == (2, [manifest.order[1]])
    assert output_json(parted) == output_json(whole)
