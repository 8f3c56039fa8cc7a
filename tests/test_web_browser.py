"""The web pages in headless Chromium: a real server on 127.0.0.1, filters and events clicked, screenshots saved.

Runs Debian's /usr/bin/chromium through Playwright (never a downloaded browser). Screenshots go to docs/*.png.
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from web_records import build_store, records

CHROMIUM = Path("/usr/bin/chromium")
DOCS = Path(__file__).resolve().parent.parent / "docs"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOCKERS, DRONE, MARCH, PLAIN, BAD = (r.id for r in records())

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is absent (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    """A uvicorn server over the fixture store on a free 127.0.0.1 port, in a thread; shut down after the module."""
    import uvicorn

    from newsevents.api.app import create_app

    db = build_store(tmp_path_factory.mktemp("browser") / "news.db")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser, base_url):
    # reduced motion: no smooth scrolling, so screenshots come out the same on every run
    context = browser.new_context(viewport={"width": 1280, "height": 800}, base_url=base_url, reduced_motion="reduce")
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda r: requests.append(r.url))
    yield tab
    context.close()
    # offline pages: nothing was fetched from anywhere but our server
    assert all(url.startswith(base_url) for url in requests), [u for u in requests if not u.startswith(base_url)]


def _background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_web_browser_article_layers_and_event_evidence(page):
    page.goto(f"/ui/articles/{DOCKERS}")
    rojas = '.ent[data-entity="E1"]'
    assert _background(page, rojas) != "rgba(0, 0, 0, 0)"
    page.uncheck('input[data-layer="entities"]')
    assert "off-entities" in page.get_attribute("#text", "class")
    assert _background(page, rojas) == "rgba(0, 0, 0, 0)"
    page.check('input[data-layer="entities"]')
    assert page.get_attribute('.tm:text-is("Monday")', "title").startswith("DATE 2026-03-02")

    trigger = '.ev-trig[data-ev="EV2"]'
    assert "active" not in page.get_attribute(trigger, "class")
    page.click('li.event[data-ev="EV2"]')
    assert page.locator(".ev-trig.active").all_inner_texts() == ["arrested"]
    sentence = " ".join(page.locator(".ev-sent.active").all_inner_texts())
    assert sentence.startswith("Police arrested 14 people") and page.url.endswith("#EV2")
    assert page.get_attribute('li.event[data-ev="EV2"]', "aria-pressed") == "true"
    page.click('li.event[data-ev="EV1"]')  # another event moves the highlight
    assert page.locator(".ev-trig.active").all_inner_texts() == ["walked off the job"]
    page.click('li.event[data-ev="EV2"]')
    page.screenshot(path=str(DOCS / "article.png"), full_page=True)


def test_web_browser_events_filter_and_click_through(page):
    page.goto("/ui/events")
    assert page.locator("#events-table tbody tr").count() == 6
    assert page.locator("svg.map circle.place").count() == 3
    assert page.locator("svg.timeline rect.bar").count() == 6
    page.screenshot(path=str(DOCS / "events.png"), full_page=True)

    with page.expect_navigation():
        page.select_option('select[name="type"]', "PROTEST")  # a filter menu applies at once
    assert "type=PROTEST" in page.url
    types = page.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types == ["PROTEST", "PROTEST"]
    assert page.locator("svg.timeline rect.bar").count() == 2
    assert page.locator('svg.map path[data-country="UA"]').count() == 0

    page.click('a.event-link:text("walked off the job")')
    page.wait_for_url(f"**/ui/articles/{DOCKERS}#EV1")
    assert page.locator(".ev-trig.active").all_inner_texts() == ["walked off the job"]


def test_web_browser_quotes_grouped_and_filtered(page):
    page.goto("/ui/quotes")
    assert page.locator(".speaker-group").count() == 6
    page.screenshot(path=str(DOCS / "quotes.png"), full_page=True)
    page.fill('input[name="speaker"]', "rojas")
    with page.expect_navigation():
        page.click('#quote-filters button[type="submit"]')
    assert page.locator(".speaker-group h2").all_inner_texts() == ["Marta Rojas"]
    assert page.locator("blockquote.quote").count() == 2


def test_web_browser_articles_search_and_stats(page):
    page.goto("/ui/articles")
    assert page.locator(".article-row").count() == 5
    page.fill('input[name="q"]', "dock workers")
    with page.expect_navigation():
        page.press('input[name="q"]', "Enter")
    assert page.locator(".article-row .title").all_inner_texts() == [
        "Students march in Santiago for dock workers", "Dock workers strike in Valparaiso over port automation"]
    page.screenshot(path=str(DOCS / "articles.png"), full_page=True)
    page.click("text=Stats")
    page.wait_for_url("**/ui/stats")
    assert "E104" in page.inner_text(".stat-grid")
    page.screenshot(path=str(DOCS / "stats.png"), full_page=True)


def test_web_browser_api_docs_render_offline(page):
    # Swagger UI from the packaged bundle under the site's CSP: the operations render, nothing comes from a CDN
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/extract" in paths and "/articles/{article_id}" in paths
    assert errors == []
