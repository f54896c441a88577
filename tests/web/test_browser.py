"""End to end in headless Chromium (Playwright, Debian's /usr/bin/chromium) against `uvicorn` serving the
demo corpus: pick China and the US on the dashboard, see the Plotly chart drawn with data points, open
an event's evidence, open a document and find its highlighted quotation. Every request the pages make
is recorded and must go to the test server; screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

from ..conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"
README_IMAGE = ROOT / "docs" / "images" / "dashboard.png"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(url: str, pipeline) -> Iterator[str]:
    """The app over `url` under uvicorn in a background thread, on a free port of 127.0.0.1."""
    import uvicorn

    from accord.web import create_app

    app = create_app(url, token=None, protect_reads=False, pipeline=pipeline)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.web.close()


@pytest.fixture(scope="module")
def server(demo_sqlite, pipeline) -> Iterator[str]:
    """The demo corpus served on 127.0.0.1."""
    with serving(demo_sqlite, pipeline) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"], headless=True)
        yield chromium
        chromium.close()


class Visit:
    """A browser tab that records every request and every script error."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 1000})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def go(self, path: str) -> None:
        self.page.goto(self.base + path)

    def shot(self, name: str, full_page: bool = True) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def check(self) -> None:
        """Nothing went anywhere but the test server, and no script failed (a CSP violation included)."""
        server = urlparse(self.base).netloc
        foreign = [
            u for u in self.requests if urlparse(u).scheme not in ("data", "blob") and urlparse(u).netloc != server
        ]
        assert foreign == []
        assert self.errors == []


@pytest.fixture
def visit(browser, server) -> Iterator[Visit]:
    tab = Visit(browser, server)
    yield tab
    tab.context.close()


def test_dashboard_draws_china_and_the_us(visit):
    page = visit.page
    visit.go("/")
    page.select_option("#side-a", "CHN")
    page.select_option("#side-b", "USA")
    page.select_option("#period", "month")
    with page.expect_navigation():
        page.click("#show")
    assert "a=CHN" in page.url and "b=USA" in page.url
    page.wait_for_selector("#chart .main-svg")
    page.wait_for_function(
        "() => document.getElementById('chart').data && document.getElementById('chart').data.length === 5"
    )
    traces = page.evaluate("() => document.getElementById('chart').data.map(t => [t.type, t.y.length])")
    assert [t for t, _ in traces] == ["bar", "bar", "bar", "bar", "scatter"]
    periods = traces[-1][1]
    assert periods > 0
    assert page.locator("#chart .scatterlayer .point").count() == periods  # the index, one marker a period
    assert page.locator("#chart .barlayer .point").count() > 0
    counts = page.locator("#quad-counts li .n").all_inner_texts()
    assert len(counts) == 4 and sum(map(int, counts)) > 0
    assert page.locator("#latest li").count() > 0
    shot = visit.shot("dashboard", full_page=False)
    README_IMAGE.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, README_IMAGE)  # the README shows it
    visit.check()


def test_an_events_evidence_and_a_documents_quotation(visit):
    page = visit.page
    visit.go("/?a=CHN&b=USA")
    with page.expect_navigation():
        page.locator("#latest a.open").first.click()
    assert "/events/" in page.url
    sentence = page.locator("#reports p.sentence").first
    assert sentence.locator("mark.trigger").count() == 1
    assert sentence.locator("mark.actor.source").count() >= 1
    assert sentence.locator("mark.trigger").first.is_visible()
    assert page.locator("#reports li.report").count() >= 1  # every document that reported it
    visit.shot("event")
    with page.expect_navigation():
        page.locator("#reports .meta a").first.click()
    assert "/documents/" in page.url
    assert page.locator("#text mark.trigger").count() > 0  # the event's trigger, marked in its document

    visit.go("/quotes?country=USA")
    said = " ".join(page.locator("ul.quotes blockquote").first.inner_text().split())
    with page.expect_navigation():
        page.locator("ul.quotes .meta a[href^='/documents/']").first.click()
    marked = [" ".join(t.split()) for t in page.locator("#text mark.quote").all_inner_texts()]
    assert said in marked
    quote = page.locator("#text mark.quote").nth(marked.index(said))
    quote.scroll_into_view_if_needed()
    assert quote.is_visible()
    visit.shot("document")
    visit.check()


def test_events_quotes_and_actor_pages(visit):
    page = visit.page
    visit.go("/events")
    page.fill("input[name=dyad]", "CHN-USA")
    page.select_option("select[name=quad]", "1")
    with page.expect_navigation():
        page.click("form.filters button")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0 and "quad=1" in page.url
    visit.shot("events")
    visit.go("/quotes")
    page.fill("input[name=speaker]", "Trump")
    with page.expect_navigation():
        page.click("form.filters button")
    assert page.locator("ul.quotes blockquote").count() > 0
    visit.shot("quotes")
    visit.go("/actors")
    with page.expect_navigation():
        page.locator("table.actors a", has_text="Xi Jinping").first.click()
    assert page.locator("h1").inner_text() == "Xi Jinping"
    assert page.locator("table.network tbody tr").count() > 0
    visit.shot("actor")
    visit.go("/documents")
    visit.shot("documents")
    visit.check()


LINK_NAME = '<a href="javascript:alert(document.domain)">Evil</a> <b>bold</b>'


@pytest.fixture
def hostile_server(demo_sqlite, pipeline, tmp_path) -> Iterator[str]:
    """A copy of the demo store in which China's actor name on its events with the US is an HTML link."""
    import sqlite3

    path = tmp_path / "hostile.db"
    shutil.copyfile(demo_sqlite.removeprefix("sqlite:///"), path)
    with sqlite3.connect(path) as conn:
        changed = conn.execute(
            "UPDATE event_groups SET source_name = ? WHERE source_country = 'CHN' AND target_country = 'USA'",
            (LINK_NAME,),
        ).rowcount
    assert changed > 0
    with serving(f"sqlite:///{path}", pipeline) as base:
        yield base


def test_a_side_named_with_html_is_the_charts_title_as_plain_text(browser, hostile_server):
    """Plotly renders <a href> and <b> in a title as SVG elements: the dashboard hands it plain text."""
    from urllib.parse import urlencode

    tab = Visit(browser, hostile_server)
    try:
        page = tab.page
        tab.go("/?" + urlencode({"a": LINK_NAME, "b": "USA"}))
        page.wait_for_selector("#chart .main-svg")
        title = page.locator("#chart .gtitle")
        assert title.count() == 1
        assert " ".join(title.text_content().split()) == f"{LINK_NAME} – United States"
        assert page.locator("#chart a").count() == 0  # no link element anywhere in the chart
        assert page.locator("#chart .gtitle b, #chart .gtitle [style*='bold']").count() == 0
        tab.check()
    finally:
        tab.context.close()


@pytest.fixture(scope="module")
def alerts_server(demo_sqlite, pipeline, tmp_path_factory) -> Iterator[str]:
    """A copy of the demo store with an alert on China and the US told of the stored events, served."""
    import sqlite3
    from dataclasses import replace

    from accord.alerts import Alert, add_alert, fire
    from accord.config import Settings
    from accord.store import Store

    folder = tmp_path_factory.mktemp("alerts")
    source, copy = sqlite3.connect(demo_sqlite.removeprefix("sqlite:///")), sqlite3.connect(folder / "demo.db")
    source.backup(copy)
    source.close()
    copy.close()
    url = f"sqlite:///{folder / 'demo.db'}"
    with Store.open(url) as store:
        add_alert(store, Alert.parse(dyad="CHN-USA", quad="1"), include_existing=True)
        assert fire(store, replace(Settings(), alerts_file=str(folder / "alerts.jsonl")))
    with serving(url, pipeline) as base:
        yield base


def test_the_alerts_page_lists_notifications_and_opens_their_events(browser, alerts_server):
    tab = Visit(browser, alerts_server)
    page = tab.page
    tab.go("/")
    with page.expect_navigation():
        page.click("nav a[href='/alerts']")
    assert page.locator("table.alerts tbody tr").count() == 1
    rows = page.locator("table.notifications tbody tr")
    assert rows.count() > 0
    assert page.locator("table.notifications td.delivery").first.inner_text().startswith("sent")
    evidence = " ".join(rows.first.locator("td.evidence").inner_text().split())
    tab.shot("alerts")
    with page.expect_navigation():
        rows.first.locator("a[href^='/events/']").click()
    assert "/events/" in page.url
    assert evidence in " ".join(page.locator("#reports p.sentence").first.inner_text().split())
    tab.check()
    tab.context.close()
