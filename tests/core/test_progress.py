"""Progress of the long commands (code, load, export): a bar on stderr when it is a terminal, a one-line
summary either way; and the counts the bar is drawn from."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman import api, cli
from dragoman.pipeline import Pipeline
from dragoman.scale import code_corpus
from dragoman.store import EventFilter

from scale.corpus import write_corpus

SRC = Path(__file__).resolve().parents[2] / "src"


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "date": "2022-07-19"}) + "\n" for i, t in enumerate(texts)) + "\n", encoding="utf-8")
    return path


def test_estimate_counts_jsonl_lines_and_files(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl", ["Iran met Turkey.", "Russia praised Iran."])
    (tmp_path / "b.txt").write_text("Turkey met Russia.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("not read", encoding="utf-8")
    assert api.count_inputs([str(tmp_path)]) == 3
    assert api.count_inputs([str(tmp_path / "a.jsonl"), "-"]) is None
    assert api.count_inputs([str(tmp_path / "b.txt")], exclude=[tmp_path / "b.txt"]) == 1  # the store itself: one rejection


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("progress")
    db = folder / "p.db"
    inputs = _jsonl(folder / "in.jsonl", ["Turkey met Russia in Ankara on Friday.", "Russia accused Turkey of sending drones to Ukraine.", ""])
    assert cli.main(["code", str(inputs), "--db", str(db)]) == 0
    return db


def test_code_prints_a_summary_line_when_stderr_is_not_a_terminal(store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = _jsonl(tmp_path / "in.jsonl", ["Turkey met Russia in Ankara on Friday.", "Iran praised Syria."])
    assert cli.main(["code", str(inputs), "--db", str(tmp_path / "s.db")]) == 0
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if line.startswith("coded ")] == [line for line in err.splitlines() if "coded 2 article(s) in" in line]
    assert "0 rejected, 0 duplicate(s), into" in err and "\x1b[" not in err  # no bar, no terminal codes


def test_export_reports_progress(store: Path, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    n = api.export(store, "csv", tmp_path / "e.csv", EventFilter(), progress=lambda done, total: seen.append((done, total)))
    assert n >= 1 and seen and seen[-1] == (n, n)


def test_load_reports_progress(pipeline: Pipeline, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus, articles=6, shards=2)
    out = tmp_path / "out"
    code_corpus([str(corpus)], out, pipeline.settings, pipeline=pipeline)
    seen: list[tuple[int, int]] = []
    counts = api.load(out, tmp_path / "l.db", 2, progress=lambda done, total: seen.append((done, total)))
    written = counts["articles"] + counts["rejections"] + counts["duplicates"]
    assert seen[-1] == (written, written) and [d for d, _ in seen] == list(range(1, written + 1))
    assert cli.main(["load", str(out), "--db", str(tmp_path / "m.db")]) == 0
    assert f"loaded {counts['articles']} article(s)" in capsys.readouterr().err


def _on_a_terminal(args: list[str]) -> str:
    """Run the CLI with stderr on a pseudo-terminal; what the terminal showed."""
    master, slave = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-c", "from dragoman.cli import entry; entry()", *args], stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    proc.wait(timeout=60)
    os.close(master)
    assert proc.returncode == 0, shown
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))  # the text, without colours and cursor moves


def test_export_draws_a_bar_on_a_terminal(store: Path, tmp_path: Path) -> None:
    shown = _on_a_terminal(["export", "jsonl", "--db", str(store), "--out", str(tmp_path / "e.jsonl")])
    assert "exporting" in shown and "━" in shown  # rich's bar, erased when done (transient)
    assert "wrote " in shown and " mentions to " in shown


def test_code_draws_a_bar_with_its_total_on_a_terminal(tmp_path: Path) -> None:
    inputs = _jsonl(tmp_path / "in.jsonl", ["Turkey met Russia in Ankara on Friday.", "Iran praised Syria.", "Russia thanked Turkey."])
    shown = _on_a_terminal(["code", str(inputs), "--db", str(tmp_path / "t.db")])
    assert "coding" in shown and "3/3" in shown and "━" in shown
    assert "coded 3 article(s) in" in shown
