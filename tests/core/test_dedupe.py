"""Duplicates: identity is (text, date); a repeat is reported, in the output and on stderr, never dropped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from dragoman.cli import main
from dragoman.contract import contract_schema
from dragoman.ingest import mark_duplicates, read_articles
from dragoman.pipeline import Pipeline, code_articles
from dragoman.records import Article, Duplicate, Rejection
from dragoman.settings import IngestSettings

WIRE = "Turkey criticized Russia over the grain deal, the foreign ministry said."
OTHER = "Iran and Germany held talks in Berlin."


def _jsonl(path: Path, records: list[dict[str, object]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


RECORDS: list[dict[str, object]] = [
    {"id": "a", "text": WIRE, "date": "2022-07-19"},
    {"id": "b", "text": WIRE, "date": "2022-07-20"},   # the same wire story a day later: another article
    {"id": "c", "text": WIRE, "date": "2022-07-19"},   # same text, same date: a duplicate of a
    {"id": "d", "text": OTHER},
    {"id": "e", "text": OTHER},                          # both undated: the same article
]


def test_same_text_on_two_dates_is_two_articles_same_date_is_a_duplicate(tmp_path: Path) -> None:
    items = list(read_articles([_jsonl(tmp_path / "x.jsonl", RECORDS)], IngestSettings()))
    assert [i.id if isinstance(i, Article) else type(i).__name__ for i in items] == ["a", "b", "Duplicate", "d", "Duplicate"]
    assert items[2] == Duplicate("c", f"{tmp_path / 'x.jsonl'}:3", "a")
    assert isinstance(items[4], Duplicate) and items[4].duplicate_of == "d"


def test_duplicates_across_files_and_the_default_date(tmp_path: Path) -> None:
    first = _jsonl(tmp_path / "1.jsonl", [{"id": "p", "text": OTHER, "date": "2022-07-01"}])
    second = _jsonl(tmp_path / "2.jsonl", [{"id": "q", "text": OTHER}])
    # q takes the --date; with the same date as p it is the same article, with another it is not
    same = list(read_articles([first, second], IngestSettings(), default_date=dt.date(2022, 7, 1)))
    assert isinstance(same[1], Duplicate) and same[1].duplicate_of == "p"
    other = list(read_articles([first, second], IngestSettings(), default_date=dt.date(2022, 7, 2)))
    assert [type(i) for i in other] == [Article, Article]


def test_dedupe_off_codes_every_input(tmp_path: Path) -> None:
    items = list(read_articles([_jsonl(tmp_path / "x.jsonl", RECORDS)], IngestSettings(dedupe=False)))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b", "c", "d", "e"]


def test_a_skipped_first_still_makes_the_repeat_a_duplicate(tmp_path: Path) -> None:
    """A resumed run (the first already stored, so skipped) reports the same duplicates as a whole run."""
    items = list(read_articles([_jsonl(tmp_path / "x.jsonl", RECORDS)], IngestSettings(), skip=lambda a: a.id == "a"))
    assert [i.id if isinstance(i, Article) else i.duplicate_of for i in items if not isinstance(i, Rejection)] == ["b", "a", "d", "d"]


def test_mark_duplicates_passes_rejections_through() -> None:
    rejection = Rejection("r", "r.txt", "ingest", "empty text")
    items = list(mark_duplicates([Article("x", OTHER, "x.txt"), rejection, Article("y", OTHER, "y.txt")]))
    assert items == [Article("x", OTHER, "x.txt"), rejection, Duplicate("y", "y.txt", "x")]


def test_pipeline_passes_duplicates_through_in_order(pipeline: Pipeline) -> None:
    dup = Duplicate("y", "y.txt", "x")
    out = list(code_articles(pipeline, [Article("x", OTHER, "x.txt"), dup, Article("z", WIRE, "z.txt")]))
    assert [type(i).__name__ for i in out] == ["CodedArticle", "Duplicate", "CodedArticle"] and out[1] == dup


@pytest.mark.parametrize("fmt", ["jsonl", "table"])
def test_cli_reports_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    path = _jsonl(tmp_path / "x.jsonl", RECORDS)
    assert main(["code", path, "--format", fmt, "--strict"]) == 0  # a duplicate is no rejection
    captured = capsys.readouterr()
    assert "2 duplicate(s)" in captured.err
    if fmt == "table":
        assert "c has the same text and date as a" in captured.out.replace("\n", " ")
        return
    objs = [json.loads(line) for line in captured.out.splitlines()]
    assert [o["id"] for o in objs] == ["a", "b", "c", "d", "e"]  # every input id is in the output
    assert objs[2] == {"id": "c", "source": f"{path}:3", "duplicate_of": "a"}
    assert objs[4]["duplicate_of"] == "d"
    for obj in objs:
        jsonschema.validate(obj, contract_schema())
