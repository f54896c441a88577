"""Hostile values on every listing and every id: integers past what a database stores (2^63 and more,
below -2^63) answer 422 with a message, and a JSON body nested 100,000 levels deep answers 400, never a
500 with a traceback."""

from __future__ import annotations

import pytest

from .conftest import TOKEN, Client

HUGE = [str(2**63), str(2**64), str(-(2**63) - 1)]

# every integer a listing or an id takes, each with the endpoint that reads it
INTEGER_PARAMETERS = [
    "/api/documents?offset={n}",
    "/api/events?offset={n}",
    "/api/events?story={n}",
    "/api/quotes?offset={n}",
    "/api/quotes?story={n}",
    "/api/actors?offset={n}",
    "/api/stories?offset={n}",
    "/api/stories?min_documents={n}",
    "/api/network?offset={n}",
    "/api/framing?story={n}",
    "/api/framing?event={n}",
    "/api/events/{n}",
    "/api/stories/{n}",
    "/documents?offset={n}",
    "/events?offset={n}",
    "/events?story={n}",
    "/quotes?offset={n}",
    "/quotes?story={n}",
    "/actors?offset={n}",
    "/stories?offset={n}",
    "/events/{n}",
    "/stories/{n}",
]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("template", INTEGER_PARAMETERS)
def test_integers_a_database_cannot_store_are_422(api, template, number):
    response = api.get(template.format(n=number), headers={"Accept": "application/json"})
    assert response.status_code == 422, (template, response.text[:300])
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail, detail


@pytest.mark.parametrize("number", HUGE)
def test_a_huge_document_number_is_not_found_not_a_crash(api, number):
    """A document is named by number, id or key: a number too large for the store is no stored number."""
    for path in (f"/api/documents/{number}", f"/documents/{number}"):
        response = api.get(path, headers={"Accept": "application/json"})
        assert response.status_code == 404, (path, response.text[:300])


def test_the_largest_storable_numbers_are_accepted(api):
    """An offset goes up to 2^63 - 1; a store number up to 2^31 - 1 (PostgreSQL's integer column)."""
    assert api.get(f"/api/events?offset={2**63 - 1}").json()["items"] == []
    assert api.get(f"/api/events/{2**31 - 1}").status_code == 404
    assert api.get(f"/api/stories?min_documents={2**31 - 1}").json()["items"] == []
    for path in (f"/api/events/{2**31}", f"/api/events?story={2**31}", f"/api/framing?event={2**31}"):
        assert api.get(path).status_code == 422, path


def _deep(levels: int) -> bytes:
    return b"[" * levels + b"]" * levels


def test_a_deeply_nested_json_body_is_400(make_app, store_url):
    client = Client(make_app(store_url, token=TOKEN), headers={"Authorization": f"Bearer {TOKEN}"})
    body = b'{"text": ' + _deep(100_000) + b"}"
    response = client.post("/api/documents", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text[:300]
    assert "nested" in response.json()["detail"]


def test_a_deeply_nested_json_lines_upload_is_400(make_app, store_url):
    client = Client(make_app(store_url, token=TOKEN), headers={"Authorization": f"Bearer {TOKEN}"})
    data = b'{"text": "x", "extra": ' + _deep(100_000) + b"}\n"
    response = client.post("/api/documents", files={"file": ("deep.jsonl", data, "application/x-ndjson")})
    assert response.status_code == 400, response.text[:300]
    assert "nested" in response.json()["detail"]


@pytest.mark.parametrize("term", ["%25", "_", "%5C", "%25%25"])
def test_search_wildcards_are_literal_on_the_web(api, term):
    """The demo corpus has no actor with '%', '_' or '\\' in the name: a search for one lists none."""
    assert api.get("/api/actors").json()["total"] > 0
    assert api.get(f"/api/actors?search={term}").json()["total"] == 0
    assert api.get(f"/api/quotes?speaker={term}").json()["total"] == 0


@pytest.mark.parametrize("path", ["/api/quotes?search=%00", "/api/actors?search=a%00", "/api/events?actor=%00CHN"])
def test_a_nul_in_a_text_filter_is_dropped(api, path):
    response = api.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.json()["total"] > 0
