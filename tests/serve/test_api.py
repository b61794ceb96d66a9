"""The JSON API: endpoints, validation, one error shape, read-only, ``serve --get``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dragoman import cli
from dragoman.serve import create_app


def _is_error(body: dict[str, object], status: int) -> bool:
    error = body.get("error")
    return set(body) == {"error"} and isinstance(error, dict) and error["status"] == status and {"status", "title", "detail"} == set(error)


def test_summary_and_articles(client: TestClient) -> None:
    s = client.get("/api/summary").json()
    assert s["articles"] >= 4 and s["events"] > 0
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == s["articles"] and len(page["items"]) == 2


def test_article_keeps_text_verbatim(client: TestClient, xss_id: str) -> None:
    a = client.get(f"/api/articles/{xss_id}").json()
    assert "<script>alert(1)</script>" in a["text"]
    for m in a["mentions"]:
        assert a["text"][m["start"]:m["end"]] == m["text"]


def test_seed_events_include_tur_to_rus(client: TestClient, seed_id: str) -> None:
    page = client.get("/api/events", params={"source": "TUR", "target": "RUS", "article_id": seed_id}).json()
    assert page["total"] >= 1 and all(e["source_country"] == "TUR" for e in page["items"])
    assert all(e["cameo_name"] for e in page["items"])
    t = client.get("/api/timeline", params={"a": "TUR", "b": "RUS", "interval": "month"}).json()
    assert any(b["period"] == "2022-07-01" and b["a_to_b"]["events"] >= 1 for b in t["bins"])


def test_network_quotes_search(client: TestClient) -> None:
    net = client.get("/api/network", params={"level": "country"}).json()
    assert any(e["source"] == "TUR" and e["target"] == "RUS" for e in net["edges"])
    assert client.get("/api/search", params={"q": "drones"}).json()["total"] >= 1
    assert client.get("/api/search", params={"q": 'NEAR( "* OR', "kind": "quotes"}).status_code == 200
    assert client.get("/api/quotes", params={"speaker": "TUR"}).status_code == 200


def test_what_erdogan_said_about_russia(client: TestClient, seed_id: str) -> None:
    page = client.get("/api/quotes", params={"speaker": "Erdogan", "about": "RUS"}).json()
    assert page["total"] >= 1
    for q in page["items"]:
        assert "Erdogan" in q["speaker_name"]
        assert any(a["code"].startswith("RUS") or a["country"] == "RUS" for a in q["about"])
        assert all(set(a) == {"entity", "code", "name", "country", "kind", "start", "end", "text"} for a in q["about"])
    assert any("Russia" in q["text"] for q in page["items"] if q["article_id"] == seed_id)
    # a word of a name in any case matches too ("my dear friend Putin": RUSGOV); the speaker's own chain is never what a quote is about
    by_name = client.get("/api/quotes", params={"speaker": "Erdogan", "about": "putin"}).json()
    assert 1 <= by_name["total"] < page["total"] and {q["id"] for q in by_name["items"]} < {q["id"] for q in page["items"]}
    assert client.get("/api/quotes", params={"speaker": "Erdogan", "about": "Erdogan"}).json()["total"] == 0
    article = client.get(f"/api/articles/{seed_id}").json()
    assert any(q["about"] for q in article["quotes"])


def test_cli_quotes_about(store_path: Path, seed_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["query", "quotes", "--db", str(store_path), "--speaker", "erdogan", "--about", "RUS"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(any(a["country"] == "RUS" for a in r["about"]) for r in rows)
    assert cli.main(["query", "quotes", "--db", str(store_path), "--about", "RUS", "--format", "table"]) == 0
    assert "Russia" in capsys.readouterr().out
    assert cli.main(["query", "quotes", "--db", str(store_path), "--about", " "]) == 2


JUNE = {"source": "TUR", "target": "RUS", "start": "2022-06-01", "end": "2022-06-30"}


def test_events_or_mentions_and_one_event_explained(client: TestClient) -> None:
    mentions = client.get("/api/events", params={**JUNE, "code": "043"}).json()
    events = client.get("/api/events", params={**JUNE, "code": "043", "unit": "events"}).json()
    assert (mentions["total"], events["total"]) == (2, 1)  # two outlets report one meeting
    [event] = events["items"]
    assert (event["mentions"], event["articles"], event["sources"], event["first_report"], event["last_report"]) == (2, 2, 2, "2022-06-10", "2022-06-11")
    assert {m["event_id"] for m in mentions["items"]} == {event["event_id"]} and all(m["mentions"] == 2 for m in mentions["items"])
    x = client.get(f"/api/events/{event['event_id']}").json()
    assert x["event"] == event and len(x["mentions"]) == 2 and x["window_days"] == 1
    assert [m["outlet"] for m in x["mentions"]].count("Anadolu") == 1 and any("same source" in r for r in x["reasons"])
    assert _is_error(client.get("/api/events/0123456789abcdef").json(), 404)
    assert client.get("/api/events/not-an-id").status_code == 422
    assert _is_error(client.get("/api/events", params={"unit": "reports"}).json(), 422)
    by_unit = {u: client.get("/api/timeline", params={"a": "TUR", "b": "RUS", "interval": "month", "unit": u}).json() for u in ("events", "mentions")}
    assert by_unit["events"]["unit"] == "events" and by_unit["mentions"]["unit"] == "mentions"
    june = {u: next(b["a_to_b"]["events"] for b in t["bins"] if b["period"] == "2022-06-01") for u, t in by_unit.items()}
    assert june["mentions"] == june["events"] + 1
    nets = {u: client.get("/api/network", params={"unit": u}).json() for u in ("events", "mentions")}
    assert sum(e["events"] for e in nets["mentions"]["edges"]) > sum(e["events"] for e in nets["events"]["edges"])
    assert client.get("/api/summary").json()["merged_events"] < client.get("/api/summary").json()["events"]


def test_cli_counts_events_or_mentions_and_explains_one(store_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    june = ["--source", "TUR", "--target", "RUS", "--from", "2022-06-01", "--to", "2022-06-30", "--code", "043"]
    assert cli.main(["query", "events", "--db", str(store_path), *june]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert cli.main(["query", "events", "--db", str(store_path), "--count", "events", *june]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["mentions"], row["sources"]) == (2, 2)
    assert cli.main(["explain-event", row["event_id"], "--db", str(store_path)]) == 0
    text = capsys.readouterr().out
    assert "why one event" in text and "Anadolu" in text and "2 mention(s), 2 article(s), 2 source(s)" in text
    assert cli.main(["explain-event", row["event_id"], "--db", str(store_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["event"]["event_id"] == row["event_id"]
    assert cli.main(["explain-event", "0123456789abcdef", "--db", str(store_path)]) == 2
    assert cli.main(["query", "timeline", "TUR", "RUS", "--db", str(store_path), "--count", "mentions", "--format", "jsonl"]) == 0
    capsys.readouterr()
    assert cli.main(["query", "network", "--db", str(store_path), "--count", "reports"]) == 2


@pytest.mark.parametrize("path, status", [
    ("/api/quotes?about=", 422), (f"/api/quotes?speaker=Erdogan&about={'x' * 201}", 422),
    ("/api/articles/no-such-id", 404), ("/api/nothing", 404), ("/api/events?quad_class=7", 422), ("/api/events?start=yesterday", 422),
    ("/api/timeline?a=TUR", 422), ("/api/articles?limit=0", 422), ("/api/articles?offset=99999999999999999999", 422),
    ("/api/timeline?a=TUR&b=RUS&interval=year", 422), ("/api/search?q=", 422), ("/api/events?actor=%3Cscript%3E", 422),
])
def test_every_error_has_one_shape(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert _is_error(response.json(), status)


def test_server_error_has_the_shape_too(store_path: Path, tmp_path: Path, client_for: Callable[[FastAPI], TestClient]) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(store_path.read_bytes())
    app = create_app(broken)
    conn = sqlite3.connect(broken)
    conn.execute("DROP TABLE quotes_fts")
    conn.commit()
    conn.close()
    response = client_for(app).get("/api/search", params={"q": "x", "kind": "quotes"})
    assert response.status_code == 500 and _is_error(response.json(), 500)


def test_server_never_writes(store_path: Path, client: TestClient) -> None:
    before = store_path.stat().st_mtime_ns, store_path.read_bytes()
    for path in ("/api/summary", "/api/events", "/api/network", "/api/search?q=turkey", "/"):
        client.get(path)
    assert (store_path.stat().st_mtime_ns, store_path.read_bytes()) == before


def test_ui_and_security_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text and "http" not in page.text.split("<body>")[1].replace("http://www.w3.org", "")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/static/vendor/cytoscape.min.js").status_code == 200


def test_openapi_documents_the_error_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "ErrorBody" in spec["components"]["schemas"]
    assert spec["paths"]["/api/events"]["get"]["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorBody")


def test_cli_serve_get_and_missing_db(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["serve", "--db", str(store_path), "--get", "/api/summary"]) == 0
    assert '"articles"' in capsys.readouterr().out
    assert cli.main(["serve", "--db", str(store_path), "--get", "/api/articles/nope"]) == 1
    assert cli.main(["serve", "--db", str(tmp_path / "none.db"), "--get", "/"]) == 2
