"""The output contract: schema-valid JSON, spans that index the text, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from dragoman import cli
from dragoman.contract import article_to_json, contract_schema
from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle

SCHEMA = contract_schema()
EXAMPLE = (
    "ANKARA — Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Friday. "
    "“We expect Russia to keep its word,” Erdogan told reporters. Russian forces shelled Kharkiv last week, "
    "and Moscow rejected calls for a ceasefire. Subscribe to our newsletter for more."
)


def _all_spans(obj: dict) -> list[dict]:
    spans = []
    for key in ("removed", "actors", "quotes"):
        spans += obj[key]
    spans += [q["cue"] for q in obj["quotes"] if q["cue"]]
    spans += [a for q in obj["quotes"] for a in q["about"]]
    spans += [e["evidence"] for e in obj["events"]]
    return spans


def test_example_is_schema_valid_and_spans_index_the_text(pipeline: Pipeline) -> None:
    coded = code_article(pipeline, Article("ex", EXAMPLE, "test"))
    assert isinstance(coded, CodedArticle)
    obj = article_to_json(coded)
    jsonschema.validate(obj, SCHEMA)
    for span in _all_spans(obj):
        assert EXAMPLE[span["start"] : span["end"]] == span["text"]
    assert obj["removed"] and obj["actors"] and obj["quotes"] and obj["events"]
    [expect] = [q for q in obj["quotes"] if q["text"].startswith("We expect")]
    assert [(a["text"], a["country"]) for a in expect["about"]] == [("Russia", "RUS"), ("its", "RUS")]  # not Erdogan, who says it


WORDS = ["Turkey", "Russia", "Iran", "said", "met", "with", "“", "”", '"', "sold", "drones", "to", "Erdogan", "Putin", "he", "his", "counterpart",
         "the", "Turkish", "president", "forces", "attacked", ".", ",", "Subscribe", "newsletter", "\n\n", "threatened", "never", "Moscow", "in", "Tehran"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=60))
def test_every_span_satisfies_the_offset_invariant(pipeline: Pipeline, words: list[str]) -> None:
    text = " ".join(words)
    result = code_article(pipeline, Article("h", text, "hyp"))
    assert isinstance(result, CodedArticle), result
    obj = article_to_json(result)
    jsonschema.validate(obj, SCHEMA)
    for span in _all_spans(obj):
        assert text[span["start"] : span["end"]] == span["text"]


def test_cli_folder_of_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "latin.txt").write_bytes("Ankara et Moscou ont signé un accord à Sotchi.".encode("latin-1"))
    good = {"id": "good-1", "text": "Turkey sold drones to Ukraine, officials said.", "date": "2022-07-20"}
    (folder / "feed.jsonl").write_text(json.dumps(good) + "\n{broken\n" + json.dumps({"id": "good-2", "text": "Iran condemned Israel on Monday."}) + "\n", encoding="utf-8")
    (folder / "huge.txt").write_text("Turkey met Russia. " * 200_000, encoding="utf-8")
    (folder / "ok.txt").write_text("Russia and Ukraine held talks in Istanbul.", encoding="utf-8")
    assert cli.main(["code", str(folder)]) == 0
    lines = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    for obj in lines:
        jsonschema.validate(obj, SCHEMA)
    coded = [o for o in lines if "rejected" not in o]
    rejected = {Path(o["source"].split(":")[0]).name: o["rejected"]["reason"] for o in lines if "rejected" in o}
    assert {o["id"] for o in coded} >= {"good-1", "good-2"} and len(coded) == 3
    assert rejected == {"empty.txt": "empty text", "blob.bin": "binary file", "latin.txt": "undecodable bytes", "feed.jsonl": "invalid JSON line", "huge.txt": "too large"}
    assert cli.main(["code", "--strict", str(folder)]) == 1


def test_cli_usage_errors_exit_2(tmp_path: Path) -> None:
    assert cli.main(["code", str(tmp_path / "missing.txt")]) == 2
    assert cli.main(["code", "--format", "xml", str(tmp_path)]) == 2
    assert cli.main(["code", "--date", "yesterday", str(tmp_path)]) == 2


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("dragoman ")


def test_cli_db_stores_and_recoding_replaces(tmp_path: Path) -> None:
    import sqlite3

    src = tmp_path / "a.txt"
    src.write_text("Turkey sold drones to Ukraine. Iran condemned Israel.", encoding="utf-8")
    db = tmp_path / "d.db"
    assert cli.main(["code", str(src), "--db", str(db), "--date", "2022-07-20"]) == 0
    assert cli.main(["code", str(src), "--db", str(db), "--date", "2022-07-20"]) == 0
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from articles").fetchone()[0] == 1
    n_events = conn.execute("select count(*) from events").fetchone()[0]
    assert n_events >= 1


def test_public_api_is_pinned() -> None:
    import dragoman

    assert sorted(dragoman.__all__) == sorted([
        "Actor", "ActorMention", "Article", "CodedArticle", "Duplicate", "Event", "Pipeline", "Place", "Quote", "Rejection", "RemovedSpan",
        "Settings", "Span", "Trace", "__version__", "code_article", "code_inputs", "load_pipeline", "load_settings", "trace",
    ])
