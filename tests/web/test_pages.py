"""The HTML pages in-process on the demo corpus (SQLite and PostgreSQL): each renders, has a JSON twin
that agrees with the API, loads nothing from another server, and shows hostile article text and
metadata as text, never as live markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..html_tags import tags
from .conftest import TOKEN, Client

pytestmark = pytest.mark.model
HOSTILE_FILE = Path(__file__).resolve().parent.parent / "report" / "hostile_article.txt"
SCRIPT, IMG = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"


def assert_safe(page: str, where: str) -> None:
    """Only our own scripts, no images, no event-handler attributes, no javascript: links, and nothing
    loaded from another host."""
    for tag, attrs in tags(page):
        assert tag != "img", where
        if tag == "script":
            assert attrs.get("type") == "application/json" or (attrs.get("src") or "").startswith("/static/"), where
        for name, value in attrs.items():
            assert not name.startswith("on"), (where, tag, name)
            if name in ("src", "href", "action", "srcset", "poster", "data"):
                value = (value or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//", "javascript:")), (where, tag, name, value)


@pytest.fixture
def demo_ids(api) -> dict[str, str]:
    event = api.get("/api/events?dyad=CHN-USA&limit=1").json()["items"][0]
    document = api.get("/api/documents?limit=1").json()["items"][0]
    return {"event": str(event["id"]), "document": str(document["pk"]), "story": str(event["story"])}


PAGES = [
    "/",
    "/?a=CHN&b=USA&by=week",
    "/?a=Donald Trump&b=Xi Jinping&by=month",
    "/events",
    "/events?dyad=CHN-USA&quad=1&status=occurred",
    "/events/{event}",
    "/documents",
    "/documents?limit=5&offset=5",
    "/documents/{document}",
    "/quotes",
    "/quotes?speaker=trump&country=USA",
    "/actors",
    "/actors?country=CHN",
    "/actors/Xi Jinping",
    "/actors/CHN",
    "/stories",
    "/stories/{story}",
    "/docs",
    "/alerts",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_offline(api, demo_ids, path):
    response = api.get(path.format(**demo_ids))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert_safe(response.text, path)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_json_twin(api, demo_ids, path):
    path = path.format(**demo_ids)
    by_query = api.get(path + ("&" if "?" in path else "?") + "format=json")
    by_header = api.get(path, headers={"Accept": "application/json"})
    assert by_query.headers["content-type"] == "application/json"
    assert by_query.json() == by_header.json()


@pytest.mark.parametrize(
    "page, endpoint",
    [
        ("/events?dyad=CHN-USA&limit=5", "/api/events?dyad=CHN-USA&limit=5"),
        ("/events/{event}", "/api/events/{event}"),
        ("/documents", "/api/documents"),
        ("/documents/{document}", "/api/documents/{document}"),
        ("/quotes?country=USA", "/api/quotes?country=USA"),
        ("/actors?search=xi", "/api/actors?search=xi"),
        ("/actors/CHN", "/api/actors/CHN"),
        ("/stories", "/api/stories"),
        ("/stories/{story}", "/api/stories/{story}"),
        ("/alerts", "/api/alerts"),
    ],
)
def test_json_twins_agree_with_the_api(api, demo_ids, page, endpoint):
    twin = api.get(page.format(**demo_ids), headers={"Accept": "application/json"}).json()
    answer = api.get(endpoint.format(**demo_ids)).json()
    twin.pop("filters", None)
    assert twin == answer


def test_the_dashboard_draws_the_chosen_pair(api):
    data = api.get("/?a=CHN&b=USA&by=week&format=json").json()
    assert (data["a"], data["b"], data["by"]) == ("CHN", "USA", "week")
    assert data["series"] == api.get("/api/dyads/CHN/USA?by=week").json()["items"]
    assert sum(q["events"] for q in data["quad_counts"]) == data["total"] > 0
    assert data["latest"] and all({e["source_country"], e["target_country"]} == {"CHN", "USA"} for e in data["latest"])
    assert {"CHN", "USA"} <= {c["value"] for c in data["sides"]["countries"]}
    assert "Donald Trump" in {a["value"] for a in data["sides"]["actors"]}
    page = api.get("/?a=CHN&b=USA&by=week").text
    found = tags(page)
    assert ("script", {"type": "application/json", "id": "dyad-data"}) in found
    assert any(t == "script" and a.get("src", "").startswith("/static/plotly.min.js") for t, a in found)
    assert ("option", {"value": "CHN", "selected": None}) in found
    assert ("option", {"value": "USA", "selected": None}) in found


def test_the_dashboard_picks_the_busiest_pair_by_default(api):
    data = api.get("/?format=json").json()
    assert data["a"] and data["b"] and data["total"] > 0


def test_evidence_and_document_pages_mark_spans(api, demo_ids):
    event = api.get(f"/events/{demo_ids['event']}").text
    assert '<mark class="trigger"' in event and '<mark class="actor source"' in event
    found = api.get("/api/quotes?country=USA&limit=1").json()["items"][0]
    document = api.get(f"/documents/{found['document']}").text
    assert '<mark class="quote' in document and '<mark class="actor"' in document


@pytest.mark.parametrize(
    "path, status, says",
    [
        ("/events/999999", 404, "no event number 999999"),
        ("/documents/no-such-doc", 404, "no stored document"),
        ("/actors/Nobody Atall", 404, "no actor is called"),
        ("/stories/999999", 404, "no story number"),
        ("/events?quad=9", 422, "quad: must be from 1 to 4"),
        ("/events/abc", 422, "event_id:"),
        ("/no/such/page", 404, "nothing at /no/such/page"),
    ],
)
def test_page_errors_are_pages_or_json(api, path, status, says):
    page = api.get(path)
    assert page.status_code == status and page.headers["content-type"].startswith("text/html")
    assert says in page.text.replace("&#39;", "'")
    twin = api.get(path, headers={"Accept": "application/json"})
    assert twin.status_code == status and says in twin.json()["detail"]


def test_plotly_and_our_static_files_are_served_locally(api):
    plotly_js = api.get("/static/plotly.min.js")
    assert plotly_js.status_code == 200 and plotly_js.content.startswith(b"/**\n* plotly.js")
    assert "javascript" in plotly_js.headers["content-type"]
    assert "max-age=" in plotly_js.headers["cache-control"]
    for name in ("app.css", "dashboard.js", "favicon.svg"):
        assert api.get(f"/static/{name}").status_code == 200


def test_the_api_reference_lists_the_endpoints(api):
    page = api.get("/docs").text
    for path in ("/api/events", "/api/documents", "/api/dyads/{a}/{b}", "/api/quotes", "/api/actors"):
        assert f"<code>{path}</code>" in page


# --- hostile documents -------------------------------------------------------------------------------------


@pytest.fixture
def hostile(make_app, store_url) -> tuple[Client, list[int]]:
    """A store with two hostile documents, sent through the API: markup in title, text and publisher."""
    client = Client(make_app(store_url, token=TOKEN), headers={"Authorization": f"Bearer {TOKEN}"})
    body = {
        "id": "hostile-json",
        "title": f"China and US Agree {SCRIPT}",
        "publisher": f"Evil Wire {IMG}",
        "url": "javascript:alert(1)",
        "published": "2025-06-03",
        "sources": [f"Agency {SCRIPT}"],
        "text": f"China and the United States agreed on Tuesday to resume trade talks {SCRIPT} next month.\n\n"
        f"“We welcome the decision {IMG},” Chinese Foreign Minister Wang Yi said on Tuesday.",
    }
    first = client.post("/api/documents", json=body)
    second = client.post("/api/documents", files={"file": (HOSTILE_FILE.name, HOSTILE_FILE.read_bytes())})
    assert first.status_code == second.status_code == 201, (first.text, second.text)
    return client, [d["pk"] for d in first.json()["documents"] + second.json()["documents"]]


def test_hostile_documents_are_shown_as_text(hostile):
    client, numbers = hostile
    events = client.get("/api/events?limit=500").json()["items"]
    stories = client.get("/api/stories").json()["items"]
    assert events and stories
    paths = [
        "/",
        "/documents",
        "/events",
        "/quotes",
        "/actors",
        "/stories",
        *(f"/documents/{n}" for n in numbers),
        *(f"/events/{e['id']}" for e in events),
        *(f"/stories/{s['id']}" for s in stories),
        f"/?a={SCRIPT}&b=USA",
        f"/events?actor={SCRIPT}",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_safe(response.text, path)
    for n in numbers:
        page = client.get(f"/documents/{n}").text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    json_doc = client.get(f"/documents/{numbers[0]}").text
    assert "Evil Wire &lt;img src=x onerror=alert(1)&gt;" in json_doc  # the publisher, escaped
    assert "javascript:" not in json_doc  # a URL that is not http(s) is not kept at all


def test_a_hostile_side_in_the_dashboard_stays_inside_its_json_block(hostile):
    client, _ = hostile
    page = client.get("/", params={"a": "</script><script>alert(1)</script>", "b": "USA"}).text
    assert ("script", {"type": "application/json", "id": "dyad-data"}) in tags(page)
    assert "</script><script>alert(1)" not in page
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page  # inside the JSON block, inert
    assert_safe(page, "dashboard")
