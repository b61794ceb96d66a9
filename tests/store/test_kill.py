"""SIGKILL during ``dragoman code DIR --db``: the store stays consistent, and running the same
command again completes it with exactly the counts of a clean run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

COUNTRIES = ["Turkey", "Russia", "Iran", "Syria", "Ukraine", "France", "Germany", "China", "Egypt", "Israel"]
VERBS = ["condemned", "met", "praised", "threatened", "accused", "welcomed", "criticized", "thanked"]
TABLES = ("articles", "removed", "mentions", "events", "quotes", "rejections", "articles_fts", "quotes_fts")


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        a, b, c = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10], COUNTRIES[(i * 7 + 2) % 10]
        v, w = VERBS[i % 8], VERBS[(i // 8) % 8]
        text = (f"Report number {i}. {a} {v} {b} on Monday after talks in Geneva. "
                f'"We will not accept this," the foreign minister of {c} said. {b} {w} {c} on Tuesday.\n')
        (folder / f"article_{i:04d}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00\x00\x00")  # a rejection, stored too


def _command(corpus: Path, db: Path, settings: Path) -> list[str]:
    return [sys.executable, "-c", "from dragoman.cli import entry; entry()", "code", str(corpus), "--db", str(db), "--date", "2022-07-20", "--settings", str(settings)]


def _counts(db: Path) -> tuple[int, ...]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('integrity-check')")
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    finally:
        conn.close()


def _stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 240)
    settings = tmp_path / "settings.toml"
    settings.write_text("[store]\nbatch_size = 4\n", encoding="utf-8")
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}

    clean = tmp_path / "clean.db"
    subprocess.run(_command(corpus, clean, settings), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, timeout=600)
    expected = _counts(clean)
    assert expected[0] == 240 and expected[5] == 1 and expected[3] > 0

    killed = tmp_path / "killed.db"
    proc = subprocess.Popen(_command(corpus, killed, settings), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 300
    while _stored_articles(killed) < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if proc.poll() is not None:
        pytest.fail("the run finished before it could be killed; make the corpus larger")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    halfway = _counts(killed)  # consistent: integrity and FTS checks pass
    assert 0 < halfway[0] < expected[0]
    assert halfway[0] % 4 == 0 or halfway[5] == 1  # whole batches only

    rerun = subprocess.run(_command(corpus, killed, settings), check=True, capture_output=True, text=True, env=env, timeout=600)
    assert f"skipped {halfway[0]} article(s)" in rerun.stderr
    assert _counts(killed) == expected
