"""A store built with the real pipeline: the seed article (when ../shared has it), an article
carrying HTML and script, and hand-written articles; plus the app over it, a client that speaks
to it as a browser on this machine would (``Host: localhost``), and a real server on loopback."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dragoman.pipeline import Pipeline, code_article
from dragoman.records import Article, CodedArticle, Rejection
from dragoman.ingest import content_id
from dragoman.serve import create_app
from dragoman.store import Store, connect

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "tehran_summit_2022.txt"
XSS_TEXT = (
    "Turkey condemned Russia on Monday. <script>alert(1)</script> Officials said nothing more.\n\n"
    "Iran praised Syria in Damascus. <img src=x onerror=alert(1)> was posted online.\n"
)
HANDWRITTEN = (
    ("2022-06-10", "Turkey met Russia in Ankara on Friday. Russia thanked Turkey for the talks."),
    ("2022-08-15", "Russia accused Turkey of sending drones to Ukraine. Turkey criticized Russia."),
    ("2022-09-02", '"We will keep talking," the Turkish foreign minister said. Turkey praised Russia.'),
)
SECOND_REPORT = ("2022-06-11", "Turkey met Russia in Ankara on Friday, officials said.", "Anadolu")
"""Another outlet's report of the first handwritten meeting, a day later: one event, two mentions (docs/store.md)."""


REJECTED = Rejection("empty-1", "/srv/news/inbox/empty.html", "ingest", "empty text", "empty.html: the text is empty, whitespace or invisible characters only")
"""An input the store records as not coded (the rejections view)."""


def _article(text: str, day: str, source: str, outlet: str | None = None) -> Article:
    return Article(content_id(text), text, source, None, dt.date.fromisoformat(day), outlet=outlet)


@pytest.fixture(scope="session")
def store_path(pipeline: Pipeline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serve") / "ui.db"
    articles = [_article(text, day, f"handwritten/{i}.txt") for i, (day, text) in enumerate(HANDWRITTEN)]
    articles.append(_article(XSS_TEXT, "2022-07-21", "handwritten/xss.txt"))
    articles.append(_article(SECOND_REPORT[1], SECOND_REPORT[0], "handwritten/second.txt", SECOND_REPORT[2]))
    if SEED.is_file():
        articles.append(_article(SEED.read_text(encoding="utf-8"), "2022-07-20", "seed/tehran_summit_2022.txt"))
    coded = [code_article(pipeline, a) for a in articles]
    assert all(isinstance(c, CodedArticle) for c in coded)
    conn = connect(db)
    Store(conn).write_batch([*coded, REJECTED])
    conn.close()
    return db


@pytest.fixture(scope="session")
def seed_id() -> str:
    if not SEED.is_file():
        pytest.skip("seed article absent (../shared)")
    return content_id(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def xss_id() -> str:
    return content_id(XSS_TEXT)


LOOPBACK_URL = "http://localhost"
"""The base URL of test clients: the app answers only loopback names by default (serve/hosts.py), and
TestClient's own ``testserver`` is not one, so every client names ``localhost`` as a local browser would."""


@pytest.fixture(scope="session")
def app(store_path: Path) -> FastAPI:
    return create_app(store_path)


def _loopback_client(app: FastAPI) -> TestClient:
    return TestClient(app, base_url=LOOPBACK_URL, raise_server_exceptions=False)


@pytest.fixture(scope="session")
def client_for() -> Callable[[FastAPI], TestClient]:
    """Make a loopback client for an app a test builds itself."""
    return _loopback_client


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return _loopback_client(app)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    if not server.started:
        pytest.fail("uvicorn did not start")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
