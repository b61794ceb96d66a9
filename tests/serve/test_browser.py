"""The web UI in headless chromium (Debian's, driven by Playwright): the seed article, the network,
the TUR-RUS timeline, and an article with HTML and script in it, which must render as text.
Screenshots go to tests/artifacts/. Skips when chromium or Playwright is absent
(``make test`` installs chromium first where it can)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest

sync_api = pytest.importorskip("playwright.sync_api")

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def _chromium() -> str | None:
    for candidate in (os.environ.get("DRAGOMAN_CHROMIUM"), shutil.which("chromium"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed (make test installs it with apt-get where it can)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=executable, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1360, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


@pytest.fixture()
def page(browser_context: Any) -> Iterator[Any]:
    page = browser_context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    page.close()


def _clean(page: Any) -> None:
    assert page.dialogs == [], page.dialogs
    assert page.console_errors == [], page.console_errors


def test_seed_article_highlights_actors_events_quotes(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/article/{seed_id}")
    text = page.locator("#article-text")
    text.wait_for()
    assert "Erdogan" in text.inner_text()
    assert page.locator("#article-text .hl-actor").count() > 10
    assert page.locator("#article-text .hl-quote").count() > 0
    events = page.locator("#article-text .hl-event")
    assert events.count() > 5
    first = events.first
    first.hover()
    tip = page.locator("#tooltip")
    tip.wait_for(state="visible")
    tip_text = tip.inner_text()
    event_id = int(first.get_attribute("data-events").split()[0])
    article = page.request.get(f"{base_url}/api/articles/{seed_id}").json()
    event = next(e for e in article["events"] if e["id"] == event_id)
    for part in (f"CAMEO {event['cameo']} {event['cameo_name']}", f"Goldstein {event['goldstein']:+.2f}", f"rule {event['rule']}"):
        assert part in tip_text, (part, tip_text)
    turkey_russia = page.locator('#article-text .hl-event[data-tip*="(TURGOV) → "][data-tip*="(RUSGOV)"]')
    assert turkey_russia.count() >= 1
    quotes = page.locator("#quote-list li").all_inner_texts()
    assert any(q.startswith("Recep Tayyip Erdogan:") for q in quotes)
    page.screenshot(path=str(ARTIFACTS / "article_seed.png"), full_page=True)
    _clean(page)


def test_quotes_of_erdogan_about_russia(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/quotes")
    form = page.locator("#quote-filters")
    form.wait_for()
    form.locator("input[name=speaker]").fill("Erdogan")
    form.locator("input[name=about]").fill("RUS")
    form.locator("button[type=submit]").click()
    page.wait_for_function("location.hash.includes('about=RUS')")
    page.locator("#quotes tbody tr").first.wait_for()
    rows = page.locator("#quotes tbody tr").all_inner_texts()
    assert rows and all(r.startswith("Recep Tayyip Erdogan (TURGOV)") for r in rows), rows
    assert all("(RUS" in r.split("\t")[3] for r in rows), rows  # the about column: Russia (RUS), Vladimir Putin (RUSGOV)
    assert any("Iran and Russia" in r for r in rows)
    page.screenshot(path=str(ARTIFACTS / "quotes_erdogan_about_russia.png"), full_page=True)
    _clean(page)
    page.goto(f"{base_url}/#/quotes?about=" + "x" * 201)  # the API refuses it (422, logged by the browser); the page says why
    assert "about" in page.locator("#view .error").inner_text()


def test_network_draws_tur_rus(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/network?level=actor")  # countries are the default (test_workbench_browser.py)
    page.locator("#edges tbody tr").first.wait_for()
    page.wait_for_function("window.dragomanNetwork && window.dragomanNetwork.nodes().length > 0")
    assert page.evaluate("window.dragomanNetwork.getElementById('TURGOV').length") == 1
    rows = page.locator("#edges tbody tr").all_inner_texts()
    assert any(r.split("\t")[:2] == ["TURGOV", "RUSGOV"] for r in rows), rows
    assert page.locator("#cy canvas").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "network.png"), full_page=True)
    _clean(page)


def test_tur_rus_timeline(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/timeline?a=TUR&b=RUS&interval=month")
    page.locator("#timeline-chart").wait_for()
    assert page.locator("#timeline-title").inner_text() == "TUR ⇄ RUS, per month"
    assert page.locator("#timeline-chart rect").count() >= 2
    july = page.locator("#timeline tbody tr", has_text="2022-07-01").inner_text().split("\t")
    assert int(july[1]) >= 1  # TUR → RUS events in July 2022 (the seed's summit)
    page.screenshot(path=str(ARTIFACTS / "timeline_tur_rus.png"), full_page=True)
    _clean(page)


def test_article_html_renders_as_text(page: Any, base_url: str, xss_id: str) -> None:
    page.goto(f"{base_url}/#/article/{xss_id}")
    text = page.locator("#article-text")
    text.wait_for()
    shown = text.inner_text()
    assert "<script>alert(1)</script>" in shown and "<img src=x onerror=alert(1)>" in shown
    assert page.locator("#article-text script, #article-text img, main img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "article_xss.png"), full_page=True)
    page.goto(f"{base_url}/#/search?q=" + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E%20script")
    page.locator("#search-form").wait_for()
    page.wait_for_timeout(300)
    assert page.locator("main img").count() == 0
    page.goto(f"{base_url}/#/events?place=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    page.locator("#event-filters").wait_for()
    assert page.locator("input[name=place]").input_value() == "<img src=x onerror=alert(1)>"
    assert page.locator("main img").count() == 0
    _clean(page)


def test_events_table_filters_and_search(page: Any, base_url: str, seed_id: str) -> None:
    page.goto(f"{base_url}/#/events")
    page.locator("#event-filters").wait_for()
    page.fill("input[name=source]", "TUR")
    page.fill("input[name=target]", "RUS")
    page.locator("#events tbody tr").first.wait_for()
    page.evaluate("document.getElementById('events').remove()")  # the rows below are the filtered page's, not the first page's
    page.click("#event-filters button[type=submit]")
    page.wait_for_function("location.hash.includes('source=TUR')")
    page.locator("#events tbody tr").first.wait_for()
    rows = page.locator("#events tbody tr").all_inner_texts()
    assert rows and all("TUR" in r.split("\t")[1] and "RUS" in r.split("\t")[2] for r in rows)
    page.screenshot(path=str(ARTIFACTS / "events_tur_rus.png"), full_page=True)
    page.fill("#quick-search input[name=q]", "drones")
    page.press("#quick-search input[name=q]", "Enter")
    page.locator("#search-results li").first.wait_for()
    assert page.locator("#search-results mark", has_text="drones").count() >= 1
    _clean(page)


def test_events_or_mentions_toggle_and_the_event_page(page: Any, base_url: str) -> None:
    june = "source=TUR&target=RUS&start=2022-06-01&end=2022-06-30&code=043"
    page.goto(f"{base_url}/#/events?{june}")
    page.locator("#events tbody tr").first.wait_for()
    assert page.locator("#unit-toggle").input_value() == "events"  # events by default: the two reports of the meeting are one row
    rows = page.locator("#events tbody tr").all_inner_texts()
    assert len(rows) == 1 and "2 mentions · 2 articles · 2 sources" in rows[0], rows
    page.select_option("#unit-toggle", "mentions")
    page.locator("#events-unit", has_text="(a mention)").wait_for()  # locators, not wait_for_function: its polling evals, which the CSP refuses
    page.locator("#events tbody tr").nth(1).wait_for()
    assert page.locator("#events tbody tr").count() == 2 and "unit=mentions" in page.url
    page.locator("#events tbody tr").first.get_by_role("link", name="explain").click()
    page.locator("#event-reasons li").first.wait_for()
    assert page.locator("#event-mentions tbody tr").count() == 2
    assert "Anadolu" in page.locator("#event-mentions").inner_text()
    assert page.locator("#event-reasons li").count() >= 4
    page.screenshot(path=str(ARTIFACTS / "event_explained.png"), full_page=True)
    page.goto(f"{base_url}/#/timeline?a=TUR&b=RUS&interval=month&unit=mentions")
    page.locator("#timeline-chart").wait_for()
    assert "RUS mentions" in page.locator("#timeline thead").inner_text()
    _clean(page)


def _outside(page: Any, base_url: str) -> list[str]:
    """Start recording requests that leave this server; the list fills as the page runs."""
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url) if not r.url.startswith((base_url, "data:", "blob:")) else None)
    return urls


def test_swagger_ui_works_offline_under_the_csp(page: Any, base_url: str) -> None:
    outside = _outside(page, base_url)
    page.goto(f"{base_url}/docs")
    summary = page.locator(".opblock", has_text="/api/summary")
    summary.wait_for()
    assert page.locator(".opblock").count() >= 8  # every operation of the spec
    summary.locator(".opblock-summary").click()  # Try it out → Execute: the UI calls the API (connect-src 'self')
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    status = page.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    assert '"articles"' in page.locator(".live-responses-table tbody .response-col_description").first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "docs_swagger.png"))
    assert outside == [], outside
    _clean(page)


REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
"""ReDoc always draws its attribution logo from its CDN; the CSP blocks it (and the browser says so on the console)."""


def test_redoc_works_offline_under_the_csp(page: Any, base_url: str) -> None:
    outside = _outside(page, base_url)
    blocked: list[tuple[str, str]] = []
    page.on("requestfailed", lambda r: blocked.append((r.url, r.failure)))
    page.goto(f"{base_url}/redoc")
    page.locator("[data-section-id]").first.wait_for()
    assert page.locator("[data-section-id*='operation/']").count() >= 8
    page.fill("input[placeholder='Search...']", "quotes")  # the search index runs in a blob: worker (worker-src blob:)
    page.locator("[data-role='search:results'] li").first.wait_for()
    assert page.locator("[data-role='search:results'] li", has_text="Quotes").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "docs_redoc.png"))
    assert page.dialogs == []
    unexpected = [e for e in page.console_errors if REDOC_LOGO not in e]
    assert unexpected == [], unexpected  # no other CSP violation: the worker, scripts and styles are all allowed
    assert set(outside) <= {REDOC_LOGO} and all((url, "csp") in blocked for url in outside), (outside, blocked)


def test_every_count_follows_the_events_or_mentions_toggle(page: Any, base_url: str) -> None:
    """The two reports of the June meeting are one event: the overview, the facets, the map and the actor page count 1
    event or 2 mentions, as their toggle says, and their drill-downs keep it."""
    june = "source=TUR&target=RUS&start=2022-06-01&end=2022-06-30&code=043"
    page.goto(f"{base_url}/#/overview?{june}")
    page.get_by_text("1 dated events").first.wait_for()
    assert page.locator("#unit-toggle").input_value() == "events"
    page.goto(f"{base_url}/#/overview?{june}&unit=mentions")
    page.get_by_text("2 dated event mentions").first.wait_for()
    page.select_option("#unit-toggle", "events")  # the toggle submits the overview's own filters
    page.get_by_text("dated events").first.wait_for()
    page.goto(f"{base_url}/#/events?{june}")
    page.locator("#facets [data-facet=root] .count").first.wait_for()
    assert page.locator("#facets [data-facet=root] .count").first.inner_text() == "1"
    page.select_option("#unit-toggle", "mentions")
    page.locator("#events tbody tr").nth(1).wait_for()
    assert page.locator("#facets [data-facet=root] .count").first.inner_text() == "2"
    page.goto(f"{base_url}/#/map?{june}&side=source")
    page.locator("#unit-toggle").wait_for()
    page.select_option("#unit-toggle", "mentions")
    page.wait_for_url("**unit=mentions**")
    page.goto(f"{base_url}/#/actor/TURGOV")
    page.locator("#actor-unit #unit-toggle").wait_for()
    page.select_option("#actor-unit #unit-toggle", "mentions")
    page.wait_for_url("**unit=mentions**")
    page.locator("#actor-facts", has_text="event mentions as source").wait_for()
    _clean(page)
