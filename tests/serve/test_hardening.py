"""What a request must look like to be answered (issue 17, item 5): a Host the server was started
under, dates written YYYY-MM-DD, no NUL in any parameter, a method the path allows (405 with
``Allow`` otherwise); and API docs that work offline under the page's Content-Security-Policy."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from dragoman import api, cli
from dragoman.errors import SettingsError
from dragoman.serve import create_app
from dragoman.serve.app import CONTENT_SECURITY_POLICY, REDOC_CONTENT_SECURITY_POLICY
from dragoman.serve.hosts import AllowedHosts, hosts_for_bind, parse_allowed_hosts, split_host

VENDOR = Path(__file__).resolve().parents[2] / "src" / "dragoman" / "serve" / "static" / "vendor"


def _is_error(body: dict[str, object], status: int) -> bool:
    error = body.get("error")
    return set(body) == {"error"} and isinstance(error, dict) and error["status"] == status and {"status", "title", "detail"} == set(error)


# ---- 1. Host header (DNS rebinding) ------------------------------------------------------------

@pytest.mark.parametrize("host", [
    "evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.1.nip.io:8000", "localhost.", "testserver",
    "", "localhost:abc", "localhost:0", "localhost:99999", "[::1", "user@localhost", "localhost:8000/x",
])
def test_foreign_host_is_refused_with_the_error_shape(client: TestClient, host: str) -> None:
    for path in ("/api/summary", "/", "/docs", "/static/app.js", "/openapi.json"):
        response = client.get(path, headers={"host": host})
        assert response.status_code == 400, (host, path)
        assert _is_error(response.json(), 400)
        assert "DNS rebinding" in response.json()["error"]["detail"]
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "LOCALHOST:8000", "127.0.0.1", "127.0.0.1:5000", "[::1]:8000", "[::1]"])
def test_loopback_hosts_are_answered(client: TestClient, host: str) -> None:
    response = client.get("/api/summary", headers={"host": host})
    assert response.status_code == 200, response.text


def test_hosts_for_a_loopback_bind_keep_the_port(store_path: Path, client_for: Callable[[FastAPI], TestClient]) -> None:
    assert hosts_for_bind("127.0.0.1", 8000) == ("127.0.0.1:8000", "localhost:8000", "[::1]:8000")
    assert hosts_for_bind("::1", 8000)[0] == "[::1]:8000"
    client = client_for(create_app(store_path, allowed_hosts=hosts_for_bind("127.0.0.1", 8000)))
    for host in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
        assert client.get("/api/summary", headers={"host": host}).status_code == 200, host
    for host in ("127.0.0.1:9000", "127.0.0.1", "localhost", "evil.example:8000"):  # no port is port 80
        assert client.get("/api/summary", headers={"host": host}).status_code == 400, host
    on_80 = client_for(create_app(store_path, allowed_hosts=hosts_for_bind("127.0.0.1", 80)))
    assert on_80.get("/api/summary", headers={"host": "localhost"}).status_code == 200


def test_hosts_for_every_interface(store_path: Path, client_for: Callable[[FastAPI], TestClient]) -> None:
    # without --allow-host any Host is answered (the CLI warns); with it, only those names and loopback
    assert hosts_for_bind("0.0.0.0", 8000) == ("*",) and hosts_for_bind("::", 8000) == ("*",)
    anything = client_for(create_app(store_path, allowed_hosts=hosts_for_bind("0.0.0.0", 8000)))
    assert anything.get("/api/summary", headers={"host": "evil.example"}).status_code == 200
    hosts = hosts_for_bind("0.0.0.0", 8000, ["box.lan", "192.168.1.20:8000"])
    assert "*" not in hosts and {"box.lan", "192.168.1.20:8000", "localhost:8000"} <= set(hosts)
    named = client_for(create_app(store_path, allowed_hosts=hosts))
    for host in ("box.lan", "box.lan:9999", "BOX.lan:8000", "192.168.1.20:8000", "localhost:8000"):  # NAME: any port
        assert named.get("/api/summary", headers={"host": host}).status_code == 200, host
    for host in ("192.168.1.20:9000", "evil.example:8000", "localhost:9000"):
        assert named.get("/api/summary", headers={"host": host}).status_code == 400, host
    assert hosts_for_bind("192.168.1.20", 8000) == ("192.168.1.20:8000",)  # one interface: its own address only


def test_allowed_host_entries_are_checked(store_path: Path) -> None:
    assert split_host("[::1]:8000") == ("[::1]", 8000) and split_host("Example.COM") == ("example.com", None)
    assert split_host("a b") is None and split_host("host:") is None and split_host("::1") is None
    assert parse_allowed_hosts(["*"]) == AllowedHosts((), any_host=True)
    assert not parse_allowed_hosts(["localhost"]).allows(None)  # a request with no Host at all
    for bad in (["*.example.com"], ["a b"], ["host:70000"], []):
        with pytest.raises(SettingsError):
            create_app(store_path, allowed_hosts=bad)


def test_cli_serve_hosts(store_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    served: list[tuple[FastAPI, str, int]] = []
    monkeypatch.setattr(api, "serve", lambda app, host, port: served.append((app, host, port)))  # no socket
    assert cli.main(["serve", "--db", str(store_path), "--port", "8123"]) == 0
    client = TestClient(served[-1][0], base_url="http://127.0.0.1:8123")
    assert client.get("/api/summary").status_code == 200
    assert client.get("/api/summary", headers={"host": "evil.example:8123"}).status_code == 400
    assert "warning" not in capsys.readouterr().err

    assert cli.main(["serve", "--db", str(store_path), "--host", "0.0.0.0"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "warning" in err and "any Host header is answered" in err and "--allow-host" in err
    assert TestClient(served[-1][0], base_url="http://evil.example").get("/api/summary").status_code == 200

    assert cli.main(["serve", "--db", str(store_path), "--host", "0.0.0.0", "--allow-host", "box.lan", "--allow-host", "10.0.0.2:8000"]) == 0
    assert "warning" not in capsys.readouterr().err
    box = TestClient(served[-1][0], base_url="http://box.lan:8000")
    assert box.get("/api/summary").status_code == 200
    assert box.get("/api/summary", headers={"host": "evil.example"}).status_code == 400

    assert cli.main(["serve", "--db", str(store_path), "--allow-host", "*.example.com"]) == 2
    assert "allowed host" in capsys.readouterr().err
    assert len(served) == 3


# ---- 2. query parameters ---------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "1700000000", "2016-13-45", "2022-02-30", "20220719", "2022-07-19T00:00", "2022-7-19", " 2022-07-19", "２０２２-07-19"])
@pytest.mark.parametrize("path", ["/api/events?{}", "/api/timeline?a=TUR&b=RUS&{}", "/api/network?{}"])
@pytest.mark.parametrize("name", ["start", "end"])
def test_dates_are_iso_only(client: TestClient, path: str, name: str, value: str) -> None:
    response = client.get(path.format(""), params={name: value})
    assert response.status_code == 422, (path, name, value, response.text)
    body = response.json()
    assert _is_error(body, 422) and ["query", name] in [e["loc"] for e in body["error"]["detail"]]


def test_an_iso_date_filters(client: TestClient) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    july = client.get("/api/events", params={"start": "2022-07-01", "end": "2022-07-31", "limit": 1000}).json()["items"]
    assert july and len(july) < len(everything)
    assert client.get("/api/network", params={"start": "2022-07-01"}).status_code == 200


@pytest.mark.parametrize("path, where", [
    ("/api/quotes?speaker=%00", ("query", "speaker")), ("/api/quotes?speaker=Erdogan%00", ("query", "speaker")),
    ("/api/quotes?about=%00RUS", ("query", "about")), ("/api/search?q=turkey%00", ("query", "q")),
    ("/api/events?place=%00", ("query", "place")), ("/api/events?article_id=%00", ("query", "article_id")),
    ("/api/timeline?a=TUR&b=RUS&interval=%00", ("query", "interval")), ("/api/articles?limit=1%00", ("query", "limit")),
    ("/api/articles/x%00y", ("path", "article_id")), ("/api/summary?unknown=%00", ("query", "unknown")),
])
def test_nul_in_any_parameter_is_refused(client: TestClient, path: str, where: tuple[str, str]) -> None:
    # before: speaker=%00 matched every quote, since SQLite ends a LIKE pattern at NUL
    response = client.get(path)
    assert response.status_code == 422, response.text
    body = response.json()
    assert _is_error(body, 422) and [list(where)] == [e["loc"] for e in body["error"]["detail"]]


# ---- 3. 405 with Allow -----------------------------------------------------------------------

@pytest.mark.parametrize("method", ["DELETE", "POST", "PUT", "PATCH"])
@pytest.mark.parametrize("path, allowed", [
    ("/api/summary", {"GET"}), ("/api/articles/x", {"GET"}), ("/api/quotes", {"GET"}), ("/", {"GET"}), ("/docs", {"GET"}),
    ("/redoc", {"GET"}), ("/openapi.json", {"GET", "HEAD"}), ("/static/app.js", {"GET", "HEAD"}),
])
def test_wrong_method_is_405_with_allow(client: TestClient, method: str, path: str, allowed: set[str]) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed
    body = response.json()
    assert _is_error(body, 405) and method in body["error"]["detail"] and "GET" in body["error"]["detail"]


# ---- 4. offline API docs ---------------------------------------------------------------------

_REFS = re.compile(r"""\b(?:src|href|spec-url)\s*=\s*["']([^"']*)["']""")
_TYPES = {".js": "text/javascript", ".css": "text/css"}


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_reference_only_served_local_files(client: TestClient, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    refs = _REFS.findall(page.text)
    assert refs and all(r.startswith("/") and not r.startswith("//") or r == "data:," for r in refs), refs
    assert "http://" not in page.text and "https://" not in page.text
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text) is None, "an inline <script> (the CSP would refuse it)"
    assets = [r for r in refs if r.startswith("/static/")]
    assert len(assets) >= (3 if path == "/docs" else 1)
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert response.headers["content-type"].startswith(_TYPES[Path(asset).suffix]), asset
    assert client.get("/openapi.json").json()["paths"]


def test_docs_keep_the_csp(client: TestClient) -> None:
    assert client.get("/docs").headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    redoc = client.get("/redoc").headers["content-security-policy"]
    assert redoc == REDOC_CONTENT_SECURITY_POLICY == CONTENT_SECURITY_POLICY + "; worker-src blob:"
    assert "script-src 'self';" in redoc and "unsafe-eval" not in redoc
    assert client.get("/").headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def test_vendored_docs_assets_carry_their_licences() -> None:
    notes = (VENDOR / "README.md").read_text(encoding="utf-8")
    for asset, licence in (("swagger-ui-bundle.js", "swagger-ui.LICENSE"), ("swagger-ui.css", "swagger-ui.LICENSE"),
                           ("redoc.standalone.js", "redoc.LICENSE")):
        assert (VENDOR / asset).is_file() and (VENDOR / licence).is_file() and asset in notes
    assert "swagger-ui-dist@5.36.0" in notes and "redoc@2.5.4" in notes
