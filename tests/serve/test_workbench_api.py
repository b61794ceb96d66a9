"""The workbench API: overview, series, facets, event types, actors, countries, map, rejections and
downloads (their media types declared in the OpenAPI document), over the store of conftest.py."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from serve.conftest import REJECTED


def test_overview_has_a_true_time_axis_and_top_lists(client: TestClient, seed_id: str) -> None:
    ov = client.get("/api/overview", params={"interval": "month"}).json()
    s = ov["series"]
    months = [b["period"] for b in s["bins"]]
    assert months[0] == "2022-06-01" and months[-1] == "2022-09-01" and len(months) == 4  # June to September, none left out
    assert sum(b["events"] for b in s["bins"]) == s["events"] == client.get("/api/events").json()["total"] - s["undated"]
    assert any(d["source"] == "TUR" and d["target"] == "RUS" for d in ov["top_dyads"])
    assert any(a["code"] == "TURGOV" and a["name"] for a in ov["top_actors"])
    assert all(t["name"] for t in ov["top_roots"]) and ov["top_types"]
    week = client.get("/api/overview", params={"interval": "week", "actor": "TUR"}).json()["series"]
    assert week["interval"] == "week" and any(b["events"] == 0 for b in week["bins"])
    assert client.get("/api/overview").json()["series"]["interval"] in ("day", "week")  # auto: about four months of data


def test_series_per_dyad_direction_drills_down_to_the_same_events(client: TestClient) -> None:
    s = client.get("/api/series", params={"source": "TUR", "target": "RUS", "interval": "quarter", "start": "2022-01-01", "end": "2022-12-31"}).json()
    assert [b["period"] for b in s["bins"]] == ["2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01"]
    for b in s["bins"]:
        events = client.get("/api/events", params={"source": "TUR", "target": "RUS", "start": b["period"], "end": b["last_day"]}).json()
        assert events["total"] == b["events"]
    assert client.get("/api/series", params={"interval": "decade"}).status_code == 422


def test_facets_and_event_types(client: TestClient) -> None:
    facets = client.get("/api/facets", params={"actor": "TUR"}).json()
    by = {f["param"]: f for f in facets["facets"]}
    assert facets["total"] == client.get("/api/events", params={"actor": "TUR"}).json()["total"]
    assert sum(v["events"] for v in by["quad_class"]["values"]) == facets["total"]
    root = by["root"]["values"][0]
    assert client.get("/api/events", params={"actor": "TUR", "root": root["value"]}).json()["total"] == root["events"]
    types = client.get("/api/event-types").json()
    assert any(t["code"] == "19" and t["parent"] is None for t in types["cameo"]) and any(p["name"] == "CONSULT" for p in types["plover"])
    plover = next(p for p in types["plover"] if p["events"])
    assert client.get("/api/events", params={"plover": plover["name"]}).json()["total"] == plover["events"]


def test_events_sort(client: TestClient) -> None:
    items = client.get("/api/events", params={"sort": "goldstein", "limit": 200}).json()["items"]
    assert [e["goldstein"] for e in items] == sorted(e["goldstein"] for e in items)
    assert client.get("/api/events", params={"sort": "id"}).status_code == 422


def test_actor_search_page_and_quotes(client: TestClient, seed_id: str) -> None:
    hits = client.get("/api/actors", params={"q": "erdo"}).json()
    assert hits[0]["code"] == "TURGOV" and "Erdogan" in hits[0]["name"]
    assert client.get("/api/actors", params={"q": "turgov"}).json()[0]["code"] == "TURGOV"
    page = client.get("/api/actors/turgov").json()
    s, p = page["summary"], page["profile"]
    assert s["code"] == "TURGOV" and s["given"] == client.get("/api/events", params={"source": "TURGOV"}).json()["total"]
    assert sum(s["quad_given"]) == s["given"] and any(x["code"] == "RUSGOV" for x in s["partners"])
    assert p["known"] and p["name"] == "Government of Turkey" and p["roles"]
    assert any(person["name"] == "Recep Tayyip Erdogan" and person["roles"] for person in p["people"])
    by = client.get("/api/actors/TURGOV/quotes", params={"role": "by"}).json()
    assert by["total"] == s["quotes_by"] >= 1 and all(q["speaker_code"] == "TURGOV" for q in by["items"])
    about = client.get("/api/actors/RUS/quotes", params={"role": "about"}).json()
    assert about["total"] >= 1 and all(any(a["code"] == "RUS" or a["country"] == "RUS" for a in q["about"]) for q in about["items"])
    assert client.get("/api/actors/QQQQQQ").status_code == 404
    assert client.get("/api/actors/TUR%20GOV").status_code == 422


def test_countries_and_map(client: TestClient) -> None:
    countries = {c["iso3"]: c for c in client.get("/api/countries").json()}
    assert countries["TUR"] == {"iso3": "TUR", "numeric": "792", "name": "Turkey"}
    m = client.get("/api/map", params={"side": "source"}).json()
    assert m["side"] == "source" and any(c["country"] == "TUR" for c in m["countries"])
    assert sum(c["events"] for c in m["countries"]) <= m["events"]
    place = client.get("/api/map").json()
    assert all(-90 <= x["lat"] <= 90 and -180 <= x["lon"] <= 180 for x in place["places"])
    assert client.get("/api/map", params={"side": "moon"}).status_code == 422


def test_rejections(client: TestClient) -> None:
    r = client.get("/api/rejections").json()
    assert r["page"]["total"] == 1 and r["page"]["items"][0]["doc_id"] == REJECTED.doc_id
    assert r["reasons"] == [{"stage": "ingest", "reason": "empty text", "rejections": 1}]
    assert client.get("/api/rejections", params={"reason": "nothing like it"}).json()["page"]["total"] == 0


@pytest.mark.parametrize("fmt, media", [("csv", "text/csv"), ("json", "application/json"), ("jsonl", "application/x-ndjson"),
                                        ("parquet", "application/vnd.apache.parquet"), ("gdelt", "text/csv")])
def test_event_downloads(client: TestClient, tmp_path: Path, fmt: str, media: str) -> None:
    params = {"source": "TUR", "format": fmt}
    total = client.get("/api/events", params={"source": "TUR"}).json()["total"]
    response = client.get("/api/export/events", params=params)
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)
    assert response.headers["content-disposition"].startswith("attachment; filename=\"events.")
    if fmt in ("csv", "gdelt"):
        rows = list(csv.reader(io.StringIO(response.text)))
        assert len(rows) == total + 1 and rows[0][0] == ("GLOBALEVENTID" if fmt == "gdelt" else "id")
    elif fmt == "json":
        assert len(response.json()) == total
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in response.text.splitlines()]) == total
    else:
        (tmp_path / "e.parquet").write_bytes(response.content)
        assert pq.read_table(tmp_path / "e.parquet").num_rows == total


def test_list_downloads(client: TestClient) -> None:
    quotes = client.get("/api/export/quotes", params={"speaker": "Erdogan", "about": "RUS", "format": "json"}).json()
    assert len(quotes) == client.get("/api/quotes", params={"speaker": "Erdogan", "about": "RUS"}).json()["total"] >= 1
    articles = list(csv.DictReader(io.StringIO(client.get("/api/export/articles").text)))
    assert len(articles) == client.get("/api/summary").json()["articles"] and all(a["headline"] for a in articles)
    rejected = client.get("/api/export/rejections", params={"format": "jsonl"})
    assert json.loads(rejected.text.splitlines()[0])["reason"] == "empty text"
    assert client.get("/api/export/quotes", params={"format": "xml"}).status_code == 422


def test_openapi_declares_the_download_media_types(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/api/export/events"]["get"]["responses"]["200"]["content"]
    assert set(content) == {"text/csv", "application/json", "application/x-ndjson", "application/vnd.apache.parquet"}
    assert content["application/vnd.apache.parquet"]["schema"] == {"type": "string", "format": "binary"}
    for path in ("/api/overview", "/api/series", "/api/facets", "/api/event-types", "/api/actors", "/api/actors/{code}", "/api/actors/{code}/quotes",
                 "/api/countries", "/api/map", "/api/rejections", "/api/export/quotes", "/api/export/articles", "/api/export/rejections"):
        assert path in spec["paths"], path


def test_articles_have_headlines_not_paths(client: TestClient, xss_id: str) -> None:
    items = client.get("/api/articles", params={"limit": 100}).json()["items"]
    assert all(a["headline"] and "/" not in a["headline"] for a in items)
    xss = client.get(f"/api/articles/{xss_id}").json()
    assert xss["headline"] == "Turkey condemned Russia on Monday."
