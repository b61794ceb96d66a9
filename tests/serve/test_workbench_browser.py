"""The workbench views in headless chromium: each renders with no console error, its main interaction works
(filters, drill-down from a mark to its events, brushing to zoom, downloads, the jump to the evidence), it
fits a phone's width, and a screenshot of it goes to tests/artifacts/ (workbench_*.png)."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from typing import Any

import pytest

from serve.test_browser import ARTIFACTS, _clean, browser_context, page  # noqa: F401  (fixtures shared with test_browser.py)

pytest.importorskip("playwright.sync_api")


def _wait(page: Any, condition: str, timeout: float = 15) -> None:
    """Wait until the JavaScript expression ``condition`` holds. (Playwright's wait_for_function polls with eval
    inside the page, which the page's CSP refuses; page.evaluate is not subject to it.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(condition):
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout}s: {condition} (at {page.url})")
        page.wait_for_timeout(50)


def _hash(page: Any) -> str:
    return str(page.evaluate("decodeURIComponent(location.hash)"))


def _drag(page: Any, selector: str, start: float, end: float) -> None:
    """Drag across ``selector`` from ``start`` to ``end`` (fractions of its width), at half its height."""
    box = page.locator(selector).bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y, steps=4)
    page.mouse.move(box["x"] + box["width"] * end, y, steps=4)
    page.mouse.up()


def test_overview_chart_lists_and_drill_down(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/?interval=week")
    chart = page.locator("#overview-chart")
    chart.wait_for()
    bars = chart.locator("g.bar")
    assert bars.count() >= 4
    first, last, n = chart.get_attribute("data-first"), chart.get_attribute("data-last"), int(chart.get_attribute("data-bins"))
    assert (first, last, n) == ("2022-06-06", "2022-09-04", 13)  # every week from June to September on the axis, empty ones too
    assert len(chart.locator("rect[data-quad]").evaluate_all("rs => [...new Set(rs.map(r => r.getAttribute('fill')))]")) >= 2
    assert page.locator("#top-dyads li", has_text="TUR → RUS").count() == 1
    assert page.locator("#top-actors a", has_text="TURGOV").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "workbench_overview.png"), full_page=True)
    heights = bars.evaluate_all("gs => gs.map(g => [...g.querySelectorAll('rect')].reduce((s, r) => s + Number(r.getAttribute('height')), 0))")
    busiest = heights.index(max(heights))
    period = bars.nth(busiest).get_attribute("data-period")
    bars.nth(busiest).locator("rect").first.click()  # a segment: its period and QuadClass
    _wait(page, "location.hash.startsWith('#/events')")
    assert f"start={period}" in _hash(page) and "quad_class=" in _hash(page)
    page.locator("#events tbody tr").first.wait_for()
    page.go_back()
    page.locator("#overview-chart").wait_for()
    _drag(page, "#overview-chart", 0.3, 0.7)  # brushing zooms the overview
    _wait(page, "location.hash.includes('start=') && location.hash.includes('end=')")
    page.locator("#zoom-out").wait_for()
    zoomed = re.search(r"start=(\d{4}-\d\d-\d\d)&end=(\d{4}-\d\d-\d\d)", _hash(page))
    assert zoomed and "2022-06-06" < zoomed.group(1) <= zoomed.group(2) < "2022-09-05"
    page.locator("#top-actors a", has_text="TURGOV").first.click()
    page.locator("#actor-title").wait_for()
    _clean(page)


def test_chart_bars_are_keyboard_reachable(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/overview?interval=month")
    bar = page.locator("#overview-chart g.bar").first
    bar.wait_for()
    bar.focus()
    page.keyboard.press("Enter")
    _wait(page, "location.hash.startsWith('#/events') && location.hash.includes('start=2022-06-01')")
    page.locator("#events tbody tr").first.wait_for()
    _clean(page)


def test_events_type_picker_facets_sort_and_download(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/events")
    form = page.locator("#event-filters")
    form.wait_for()
    picker = page.locator("#type-picker")
    assert picker.locator("optgroup[label='PLOVER types'] option").count() >= 5 and picker.locator("option[value='root:19']").count() == 1
    consult = picker.locator("option[value^='code:04']").first.get_attribute("value")
    picker.select_option("plover:CONSULT")
    page.fill("#event-filters input[name=actor]", "TUR")
    page.click("#event-filters button[type=submit]")
    _wait(page, "location.hash.includes('plover=CONSULT')")
    page.locator("#facets").wait_for()
    assert "actor=TUR" in _hash(page) and consult
    rows = page.locator("#events tbody tr")
    rows.first.wait_for()
    n = rows.count()
    assert n >= 1 and page.locator("#facets h2").inner_text() == f"{n} events"
    page.locator("#facets [data-facet=target] a").first.click()  # a facet value narrows the list
    _wait(page, "location.hash.includes('target=')")
    page.locator("#events tbody tr").first.wait_for()
    assert page.locator("#events tbody tr").count() <= n
    page.goto(f"{base_url}/#/events?actor=TUR")
    page.locator("#events tbody tr").first.wait_for()
    page.click("th button[data-sort=goldstein]")
    _wait(page, "location.hash.includes('sort=goldstein')")
    _wait(page, "document.querySelector('th[aria-sort=ascending] button[data-sort=goldstein]') !== null")
    values = [float(r.split("\t")[5].replace("+", "")) for r in page.locator("#events tbody tr").all_inner_texts()]
    assert values == sorted(values)
    page.screenshot(path=str(ARTIFACTS / "workbench_events.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#events-downloads a[data-format=csv]")
    rows_csv = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert len(rows_csv) == int(page.locator("#facets h2").inner_text().split()[0]) and all(
        "TUR" in (r["source_country"], r["target_country"], r["source_code"], r["target_code"]) for r in rows_csv)
    with page.expect_download() as info:
        page.click("#events-downloads a[data-format=gdelt]")
    assert open(info.value.path(), encoding="utf-8").readline().startswith("GLOBALEVENTID,")
    _clean(page)


def test_evidence_link_marks_the_span_in_the_article(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/events?source=TUR&target=RUS&sort=-goldstein")
    link = page.locator("#events td.evidence a").last
    link.wait_for()
    evidence = link.inner_text()
    link.click()
    marked = page.locator("#evidence")
    marked.wait_for()
    assert re.match(r"#/article/[^?]+\?span=\d+-\d+$", _hash(page))
    assert "".join(page.locator("#article-text .hl-target").all_inner_texts()) == evidence
    assert marked.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    page.screenshot(path=str(ARTIFACTS / "workbench_evidence.png"))
    title = page.locator("#article-title").inner_text()
    assert title and "/" not in title and not title.startswith("seed")
    assert page.locator("#view p.muted").first.inner_text().count("/") == 0  # the input's file name, never the server's path
    _clean(page)


def test_actor_page_and_picker(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/actors")
    box = page.locator("#actor-search input[name=q]")
    box.wait_for()
    box.press_sequentially("erdo", delay=30)
    _wait(page, "document.querySelector('#actor-search datalist option') !== null")
    option = page.locator("#actor-search datalist option").first
    assert option.get_attribute("value") == "TURGOV" and "Erdogan" in (option.get_attribute("label") or "")
    page.goto(f"{base_url}/#/actor/TURGOV")
    page.locator("#actor-title").wait_for()
    assert page.locator("#actor-title").inner_text() == "Government of Turkey (TURGOV)"
    assert "Recep Tayyip Erdogan" in page.locator("#actor-names").inner_text()
    assert page.locator("#roles tbody tr").count() >= 5 and page.locator("#actor-roles h3", has_text="Recep Tayyip Erdogan").count() == 1
    assert page.locator("#partners a", has_text="RUSGOV").count() >= 1 and page.locator("#mix tbody tr").count() >= 1
    assert page.locator("#actor-chart g.bar").count() >= 1 and page.locator("#quotes-by li").count() >= 1
    links = [a.get_attribute("href") or "" for a in page.locator("#quotes-by li a").all()]  # in storage order
    assert any(h.startswith(f"#/article/{seed_id}?span=") for h in links)
    page.screenshot(path=str(ARTIFACTS / "workbench_actor.png"), full_page=True)
    page.locator("#partners tr", has_text="RUSGOV").locator("a", has_text="timeline").click()
    page.locator("#timeline-title").wait_for()
    assert page.locator("#timeline-title").inner_text().startswith("TURGOV ⇄ RUSGOV")
    _clean(page)


def test_dyad_timeline_brush_and_drill_down(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/timeline?a=TUR&b=RUS&interval=week")
    page.locator("#chart-ab").wait_for()
    axis = ("data-first", "data-last", "data-bins")
    assert [page.locator("#chart-ab").get_attribute(a) for a in axis] == [page.locator("#chart-ba").get_attribute(a) for a in axis]  # one time axis
    assert page.locator("#chart-ab g.bar").count() >= 3 and page.locator("#chart-ba g.bar").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "workbench_timeline.png"), full_page=True)
    _drag(page, "#chart-ab", 0.35, 0.65)
    _wait(page, "location.hash.includes('start=')")
    page.locator("#zoom-out").wait_for()
    page.locator("#chart-ab g.bar rect").first.click()
    _wait(page, "location.hash.startsWith('#/events')")
    assert "source=TUR" in _hash(page) and "target=RUS" in _hash(page)
    page.locator("#events tbody tr").first.wait_for()
    assert all(r.split("\t")[1].endswith(("(TURGOV)", "(TUR)")) for r in page.locator("#events tbody tr").all_inner_texts())
    page.goto(f"{base_url}/#/timeline?a=TUR&b=RUS&interval=quarter")
    page.locator("#chart-ab").wait_for()
    assert page.locator("#timeline-title").inner_text() == "TUR ⇄ RUS, per quarter"
    _clean(page)


def test_network_countries_slider_legend_and_edge_click(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/network")
    _wait(page, "window.dragomanNetwork && window.dragomanNetwork.nodes().length > 0")
    assert page.evaluate("window.dragomanNetwork.getElementById('TUR').data('label')") == "Turkey"
    assert page.locator("#network-legend .gradient").count() == 1
    rows = page.locator("#edges tbody tr").all_inner_texts()
    assert rows[0].split("\t")[:4] == ["TUR", "RUS", "Turkey", "Russia"]
    total = page.evaluate("window.dragomanNetwork.edges().length")
    page.locator("#top-edges").fill("1")
    _wait(page, "window.dragomanNetwork.edges().length === 1")
    assert page.locator("#top-count").inner_text() == "1" and "top=1" in _hash(page) and total >= 2
    page.screenshot(path=str(ARTIFACTS / "workbench_network.png"), full_page=True)
    page.evaluate("window.dragomanNetwork.edges()[0].emit('tap')")
    page.locator("#timeline-title").wait_for()
    assert page.locator("#timeline-title").inner_text().startswith("TUR ⇄ RUS")
    _clean(page)


def test_map_choropleth_points_and_click(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/map?side=source")
    page.locator("#world-map path.country").first.wait_for()
    assert page.locator("#world-map path.country").count() > 150  # Natural Earth outlines, from the vendored file
    turkey = page.locator("#world-map path[data-iso3=TUR]")
    assert "has-events" in (turkey.get_attribute("class") or "") and turkey.get_attribute("fill") != "#e5e7eb"
    page.screenshot(path=str(ARTIFACTS / "workbench_map.png"), full_page=True)
    turkey.focus()  # keyboard: a country with events is a link
    page.keyboard.press("Enter")
    _wait(page, "location.hash.startsWith('#/events') && location.hash.includes('source=TUR')")
    page.locator("#events tbody tr").first.wait_for()
    page.goto(f"{base_url}/#/map")
    page.locator("#world-map circle.place").first.wait_for()
    places = page.locator("#world-map circle.place")
    assert places.count() >= 2
    name = places.first.get_attribute("data-place")
    places.first.click()
    _wait(page, "location.hash.startsWith('#/events')")
    assert f"place={name}" in _hash(page)
    _clean(page)


def test_rejections_articles_and_quotes_downloads(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/rejections")
    page.locator("#rejections tbody tr").first.wait_for()
    row = page.locator("#rejections tbody tr").first.inner_text()
    assert row.startswith("empty.html\tingest\tempty text") and "/srv/" not in row
    page.locator("#rejection-reasons a").first.click()
    _wait(page, "location.hash.includes('reason=empty')")
    page.screenshot(path=str(ARTIFACTS / "workbench_rejections.png"), full_page=True)
    with page.expect_download() as info:
        page.click("#rejections-downloads a[data-format=json]")
    assert json.loads(open(info.value.path(), encoding="utf-8").read())[0]["reason"] == "empty text"
    page.goto(f"{base_url}/#/articles")
    page.locator("#articles tbody tr").first.wait_for()
    titles = [r.split("\t")[0] for r in page.locator("#articles tbody tr").all_inner_texts()]
    assert all(t and "/" not in t and not t.endswith(".txt") for t in titles), titles
    assert "Turkey condemned Russia on Monday." in titles
    page.goto(f"{base_url}/#/quotes?speaker=Erdogan")
    page.locator("#quotes tbody tr").first.wait_for()
    with page.expect_download() as info:
        page.click("#quotes-downloads a[data-format=csv]")
    quotes = list(csv.DictReader(io.StringIO(open(info.value.path(), encoding="utf-8").read())))
    assert len(quotes) == page.locator("#quotes tbody tr").count() and all("Erdogan" in q["speaker_name"] for q in quotes)
    _clean(page)


PHONE_VIEWS = ("#/", "#/articles", "#/events", "#/quotes", "#/actors", "#/actor/TURGOV", "#/timeline?a=TUR&b=RUS", "#/network", "#/map",
               "#/rejections", "#/search?q=drones", "#/article/SEED")


@pytest.mark.parametrize("route", PHONE_VIEWS)
def test_fits_a_phone(page: Any, base_url: str, seed_id: str, route: str) -> None:
    page.set_viewport_size({"width": 420, "height": 860})
    page.goto(f"{base_url}/{route.replace('SEED', seed_id)}")
    page.locator("#view h1, #view .error").first.wait_for()
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= 420  # no horizontal overflow
    nav, search = page.locator("header nav").bounding_box(), page.locator("#quick-search input").bounding_box()
    apart = nav["y"] >= search["y"] + search["height"] or search["y"] >= nav["y"] + nav["height"] or nav["x"] >= search["x"] + search["width"] \
        or search["x"] >= nav["x"] + nav["width"]
    assert apart, (nav, search)  # the nav is never over the search box
    if route == "#/":
        page.screenshot(path=str(ARTIFACTS / "workbench_phone_overview.png"), full_page=True)
    _clean(page)


def test_views_work_with_no_network(page: Any, base_url: str, seed_id: str) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base_url, "data:", "blob:")) else None)
    for route in ("#/", "#/events", "#/actor/TURGOV", "#/timeline?a=TUR&b=RUS", "#/network", "#/map", "#/rejections"):
        page.goto(f"{base_url}/{route}")
        page.locator("#view h1").first.wait_for()
        page.wait_for_timeout(200)
    assert outside == [], outside
    _clean(page)
