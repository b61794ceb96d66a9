"""No input can sink a batch (issue 17): one case per hostile input a user was seen to give.

Each case codes a folder holding the bad input beside two good files with ``dragoman code
FOLDER --db STORE`` (in process, with the session's pipeline) and checks the documented exit
status (0: rejections are results; ``--strict`` makes them exit 1), that every good file is
stored, and that the bad input is a stored rejection with its reason — or, where the input is
valid but unusual (a file name that is not UTF-8, a raw U+2028 inside a JSON string, invisible
characters inside names), that it is coded and stored correctly.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import dragoman.cli as cli
from dragoman.pipeline import Pipeline
from dragoman.records import Article, Rejection
from dragoman.store.writer import write_stream

GOOD = {
    "good1.txt": "Turkey and Russia agreed on Tuesday to resume talks on Syria, officials said.",
    "good2.txt": "Police in Nairobi arrested twelve protesters on Monday, a police spokesman said.",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def run(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> "Runner":
    monkeypatch.setattr(cli, "load_pipeline", lambda settings: pipeline)
    return Runner(tmp_path / "store.db")


class Runner:
    def __init__(self, db: Path) -> None:
        self.db = db

    def __call__(self, *args: str) -> int:
        return cli.main(["code", *args, "--db", str(self.db)])

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql).fetchall()

    def articles(self) -> dict[str, str]:
        """Stored articles: source file name → text."""
        return {Path(str(source)).name: str(text) for source, text in self.rows("SELECT source, text FROM articles")}

    def rejections(self) -> dict[str, tuple[str, str]]:
        """Stored rejections: source (last path part) → (reason, detail)."""
        return {Path(str(s)).name: (str(r), str(d)) for s, r, d in self.rows("SELECT source, reason, detail FROM rejections")}

    def good_stored(self) -> bool:
        stored = self.articles()
        return all(stored.get(name) == text for name, text in GOOD.items())


def test_deeply_nested_json_is_a_rejection(run: Runner, corpus: Path) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    (corpus / "deep.json").write_text(deep, encoding="utf-8")
    record = json.dumps({"id": "fine", "text": "Iran and Iraq signed a trade deal on Sunday."})
    (corpus / "deep.jsonl").write_text(record + "\n" + '{"text": "x", "meta": ' + deep + "}\n", encoding="utf-8")
    assert run(str(corpus)) == 0
    assert run.good_stored() and "deep.jsonl:1" in run.articles()
    rejected = run.rejections()
    assert rejected["deep.json"][0] == "invalid JSON" and "nested too deeply" in rejected["deep.json"][1]
    assert rejected["deep.jsonl:2"][0] == "invalid JSON line"


def _without_capabilities() -> list[str]:
    """A command prefix under which root cannot read a mode-000 file (no CAP_DAC_OVERRIDE)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all", "--"]


def test_unreadable_file_and_folder_are_rejections(corpus: Path, tmp_path: Path) -> None:
    (corpus / "locked.txt").write_text("Iran condemned Israel.", encoding="utf-8")
    (corpus / "locked.txt").chmod(0)
    (corpus / "closed").mkdir()
    (corpus / "closed" / "inside.txt").write_text("Iran praised Iraq.", encoding="utf-8")
    (corpus / "closed").chmod(0)
    db = tmp_path / "store.db"
    try:
        done = subprocess.run(
            [*_without_capabilities(), sys.executable, "-c", "from dragoman.cli import entry; entry()", "code", str(corpus), "--db", str(db)],
            capture_output=True, text=True, timeout=600,
        )
    finally:
        (corpus / "closed").chmod(0o755)
    assert done.returncode == 0, done.stderr
    runner = Runner(db)
    assert runner.good_stored()
    rejected = runner.rejections()
    assert rejected["locked.txt"][0] == "unreadable file" and "ermission denied" in rejected["locked.txt"][1]
    assert rejected["closed"][0] == "unreadable folder"
    assert "rejected" in done.stderr and "locked.txt" in done.stderr


def test_file_name_not_utf8_is_coded_and_stored(run: Runner, corpus: Path) -> None:
    text = "Egypt hosted talks between Israel and Hamas on Sunday."
    fd = os.open(os.fsencode(corpus) + b"/caf\xe9.txt", os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, text.encode("utf-8"))
    os.close(fd)
    assert run(str(corpus)) == 0
    stored = run.articles()
    assert run.good_stored() and stored["caf\\xe9.txt"] == text
    assert not run.rejections()


def test_raw_line_separators_inside_a_jsonl_record(run: Runner, corpus: Path) -> None:
    records = [
        {"id": "a", "text": "Iran praised Iraq on Monday."},
        {"id": "b", "text": "Syria accused Turkey\u2028of shelling its border\x85on Sunday.\u2029It denied it."},
        {"id": "c", "text": "Kenya and Uganda signed a border deal."},
    ]
    (corpus / "seps.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    assert run(str(corpus)) == 0
    assert not run.rejections()
    stored = run.articles()
    assert run.good_stored() and stored["seps.jsonl:2"] == records[1]["text"] and stored["seps.jsonl:3"] == records[2]["text"]


def test_one_very_long_word(run: Runner, corpus: Path) -> None:
    (corpus / "long.txt").write_text("Iran " + "x" * 60_000 + " condemned Israel.", encoding="utf-8")
    assert run(str(corpus)) == 0
    assert run.good_stored()
    assert "long.txt" in run.articles() or run.rejections()["long.txt"][0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_a_rejection_not_a_hang(run: Runner, corpus: Path) -> None:
    os.mkfifo(corpus / "pipe.txt")
    assert run(str(corpus)) == 0
    assert run.good_stored() and run.rejections()["pipe.txt"][0] == "not a regular file"


def test_fifo_given_by_name(run: Runner, corpus: Path) -> None:
    os.mkfifo(corpus / "pipe.txt")
    assert run(str(corpus / "pipe.txt"), str(corpus / "good1.txt")) == 0
    assert run.rejections()["pipe.txt"][0] == "not a regular file" and "good1.txt" in run.articles()


def test_link_loops_and_dangling_links_are_rejections(run: Runner, corpus: Path) -> None:
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self.txt").symlink_to(corpus / "self.txt")
    (corpus / "dangling.txt").symlink_to(corpus / "nowhere.txt")
    (corpus / "zalias.txt").symlink_to(corpus / "good1.txt")
    assert run(str(corpus)) == 0
    assert run.good_stored()
    rejected = run.rejections()
    assert rejected["loop"][0] == "link loop" and rejected["self.txt"][0] == "link loop"
    assert rejected["dangling.txt"][0] == "broken link"
    # a link to a good file is read: the same text again is reported as a duplicate
    assert run.rows("SELECT count(*) FROM duplicates") == [(1,)]


def test_duplicate_id_is_a_rejection_naming_both(run: Runner, corpus: Path) -> None:
    records = [{"id": "same", "text": "Iran praised Iraq."}, {"id": "same", "text": "Iraq praised Iran."}]
    (corpus / "ids.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert run(str(corpus)) == 0
    assert run.good_stored() and run.articles()["ids.jsonl:1"] == "Iran praised Iraq."
    reason, detail = run.rejections()["ids.jsonl:2"]
    assert reason == "duplicate id" and "ids.jsonl:1" in detail and "ids.jsonl:2" in detail


def test_impossible_dates_are_rejections(run: Runner, corpus: Path) -> None:
    records = [
        {"id": "d1", "text": "Iran praised Iraq.", "date": "2016-13-45"},
        {"id": "d2", "text": "Iraq praised Iran.", "date": 20160411},
        {"id": "d3", "text": "Iraq praised Syria.", "date": "next week"},
        {"id": "d4", "text": "Syria praised Iraq.", "date": "April 11, 2016"},
    ]
    (corpus / "dates.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert run(str(corpus)) == 0
    assert run.good_stored()
    rejected = run.rejections()
    assert {k for k, v in rejected.items() if v[0] == "invalid date"} == {"dates.jsonl:1", "dates.jsonl:2", "dates.jsonl:3"}
    assert run.rows("SELECT date FROM articles WHERE id = 'd4'") == [("2016-04-11",)]


def test_invisible_characters_inside_names(run: Runner, corpus: Path) -> None:
    text = "\xadIraq\xad condemned \u180eIsrael\u2060 on Monday."
    (corpus / "hidden.txt").write_text(text, encoding="utf-8")
    (corpus / "blank.txt").write_text("\u200b\u200c\ufeff\u2060\n", encoding="utf-8")
    assert run(str(corpus)) == 0
    assert run.good_stored() and run.articles()["hidden.txt"] == text  # the text the user gave, verbatim
    assert run.rejections()["blank.txt"][0] == "empty text"
    mentions = run.rows("SELECT m.code, m.start, m.\"end\" FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.source LIKE '%hidden.txt'")
    found = {str(code): text[int(str(s)) : int(str(e))] for code, s, e in mentions}
    assert found.get("IRQ") == "Iraq" and found.get("ISR") == "Israel"


def test_very_long_id_is_a_rejection(run: Runner, corpus: Path) -> None:
    (corpus / "longid.jsonl").write_text(json.dumps({"id": "x" * 10_000, "text": "Iran praised Iraq."}), encoding="utf-8")
    assert run(str(corpus)) == 0
    assert run.good_stored() and run.rejections()["longid.jsonl:1"][0] == "id too long"


def test_the_store_inside_the_input_folder_is_not_read(run: Runner, corpus: Path, pipeline: Pipeline) -> None:
    run.db = corpus / "store.db"
    assert run(str(corpus)) == 0
    assert run(str(corpus), "--recode") == 0
    assert run.good_stored() and set(run.articles()) == set(GOOD)
    assert run.rejections()["store.db"][0] == "output store"


def test_strict_exits_1_on_a_rejection(run: Runner, corpus: Path) -> None:
    (corpus / "bad.json").write_text("{", encoding="utf-8")
    assert run(str(corpus), "--strict") == 1
    assert run.good_stored() and run.rejections()["bad.json"][0] == "invalid JSON"


def test_results_coded_before_a_crash_are_stored(tmp_path: Path) -> None:
    db = tmp_path / "s.db"

    def items() -> object:
        for i in range(3):
            yield Rejection(f"r{i}", f"src{i}", "ingest", "test", "")
        raise RuntimeError("a bug in a stage")

    with pytest.raises(RuntimeError, match="a bug"):
        for _ in write_stream(db, items(), batch_size=100):  # type: ignore[arg-type]
            pass
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM rejections").fetchone() == (3,)


def test_programming_errors_are_not_disguised_as_rejections(pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch) -> None:
    import dragoman.pipeline as stages

    def broken(*args: object) -> object:
        raise KeyError("bug")

    monkeypatch.setattr(stages, "resolve_mentions", broken)
    with pytest.raises(KeyError):
        stages.code_article(pipeline, Article("a", "Iran praised Iraq.", "s"))
