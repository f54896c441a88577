"""The Sources page and /api/sources over a store a real watch round filled (a server on 127.0.0.1):
each source's status, last items (linked to their documents) and errors; adding a source through the
API needs the write token; the page in Chromium loads nothing from elsewhere and escapes what sites send."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from accord.config import Settings, WatchSettings
from accord.store import Store
from accord.store.sources import add_source
from accord.watch import run_round

from ..sources import feeds
from ..sources.server import Route, serving
from .conftest import TOKEN, Client
from .test_browser import CHROMIUM, Visit, browser  # noqa: F401  (the module's Chromium fixture)
from .test_browser import serving as serving_app

pytestmark = pytest.mark.model
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = "<script>alert(1)</script> Wire"
SETTINGS = Settings(
    workers=1, watch=WatchSettings(host_delay=0.0, connect_timeout=2.0, read_timeout=1.0, contact="tests@example.org")
)


@pytest.fixture(scope="module")
def watched(tmp_path_factory, pipeline) -> dict[str, Any]:
    """A store with two sources after one round: one that worked (two items) and one answering 500."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sources') / 'watched.db'}"
    with serving() as server, Store.open(url) as store:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(2))))
        server.routes["/down"] = Route(b"down", status=500)
        add_source(store, server.url("/feed"), "feed", HOSTILE, ["World"])
        add_source(store, server.url("/down"), "feed", "Down Wire")
        run_round(store, SETTINGS, pipeline=pipeline)
        return {"url": url, "feed": server.url("/feed"), "down": server.url("/down")}


def test_api_sources_lists_status_last_items_and_errors(watched, make_app):
    api = Client(make_app(watched["url"], token=None, protect_reads=False))
    answer = api.get("/api/sources").json()
    assert answer["total"] == 2 and answer["limit"] == 50
    good, down = answer["items"]
    assert (good["name"], good["status"], good["items"], good["last_http_status"]) == (HOSTILE, "active", 2, 200)
    assert [(r["outcome"], bool(r["doc_pk"])) for r in good["recent"]] == [("ingested", True)] * 2
    assert (down["status"], down["last_error"], down["failures"], down["recent"]) == ("failing", "HTTP 500", 1, [])
    assert api.get("/api/sources?limit=1&offset=1").json()["items"][0]["name"] == "Down Wire"


def test_the_sources_page_shows_each_source_escaped_with_its_items_and_errors(watched, make_app):
    page = Client(make_app(watched["url"], token=None, protect_reads=False)).get("/sources")
    assert page.status_code == 200
    html = page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Wire" in html and "<script>alert" not in html
    assert "HTTP 500" in html and "failing (1 failure in a row)" in html and 'href="/documents/' in html
    assert feeds.article(0)["title"] in html
    assert '<a href="/sources">Sources</a>' in html
    twin = Client(make_app(watched["url"], token=None, protect_reads=False)).get("/sources?format=json").json()
    assert [s["name"] for s in twin["items"]] == [HOSTILE, "Down Wire"]


def test_adding_a_source_through_the_api_needs_the_write_token(store_url, make_app):
    closed = Client(make_app(store_url, token=None))
    refused = closed.post("/api/sources", json={"url": "http://127.0.0.1:9/feed", "kind": "feed"}, headers=AUTH)
    assert refused.status_code == 403 and "ACCORD_API_TOKEN" in refused.json()["detail"]
    app = make_app(store_url, settings=replace(SETTINGS, db_url=store_url), token=TOKEN)
    assert Client(app).post("/api/sources", json={"url": "http://127.0.0.1:9/feed", "kind": "feed"}).status_code == 401
    wrong = Client(app, headers={"Authorization": "Bearer nope"})
    assert wrong.post("/api/sources", json={"url": "http://127.0.0.1:9/feed", "kind": "feed"}).status_code == 401
    client = Client(app, headers=AUTH)
    made = client.post("/api/sources", json={"url": "http://127.0.0.1:9/feed", "kind": "feed", "categories": ["X"]})
    assert made.status_code == 201 and (made.json()["pk"], made.json()["categories"]) == (1, ["X"])
    again = client.post("/api/sources", json={"url": "http://127.0.0.1:9/feed", "kind": "feed"})
    assert again.status_code == 409 and "followed already" in again.json()["detail"]
    bad = client.post("/api/sources", json={"url": "file:///etc/passwd", "kind": "feed"})
    assert bad.status_code == 400 and "http(s) address" in bad.json()["detail"]
    wrong_kind = client.post("/api/sources", json={"url": "http://127.0.0.1:9/x", "kind": "podcast"})
    assert wrong_kind.status_code == 422 and "kind" in wrong_kind.json()["detail"]


def test_a_source_added_without_its_kind_is_fetched_once_to_tell(store_url, make_app):
    app = make_app(store_url, settings=replace(SETTINGS, db_url=store_url), token=TOKEN)
    client = Client(app, headers=AUTH)
    with serving() as server:
        server.routes["/feed"] = Route(feeds.json_feed(feeds.items(server.base, range(2))))
        server.routes["/gone"] = Route(b"no", status=404)
        made = client.post("/api/sources", json={"url": server.url("/feed")})
        assert made.status_code == 201 and (made.json()["kind"], made.json()["name"]) == ("feed", "JSON Wire")
        gone = client.post("/api/sources", json={"url": server.url("/gone")})
        assert gone.status_code == 400 and "answered HTTP 404" in gone.json()["detail"]


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
def test_the_sources_page_in_a_browser(watched, pipeline, browser):  # noqa: F811
    with serving_app(watched["url"], pipeline) as base:
        tab = Visit(browser, base)
        try:
            tab.go("/")
            with tab.page.expect_navigation():
                tab.page.click("header.top a[href='/sources']")
            rows = tab.page.locator("table.sources tbody tr")
            assert rows.count() == 2
            assert "HTTP 500" in rows.nth(1).inner_text()
            tab.shot("sources")
            with tab.page.expect_navigation():
                rows.nth(0).locator("ul.recent a").first.click()
            assert "/documents/" in tab.page.url
            tab.check()
        finally:
            tab.context.close()
