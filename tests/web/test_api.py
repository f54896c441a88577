"""The REST API in-process (httpx.ASGITransport) on the demo corpus, on SQLite and PostgreSQL: every
endpoint, the CLI's filters, pagination, errors (404, 401, 403, 413, 415, 422, 400), the token, and
ingesting by JSON body and by upload."""

from __future__ import annotations

import pytest

from accord.errors import UsageError

from ..conftest import DEMO
from .conftest import TOKEN, Client

pytestmark = pytest.mark.model
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def listing(response, limit: int = 50, offset: int = 0) -> list[dict]:
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert (body["limit"], body["offset"]) == (limit, offset)
    assert len(body["items"]) <= limit and body["total"] >= len(body["items"])
    return body["items"]


def pages_agree(api: Client, path: str, total: int) -> None:
    """Two pages of 3 are the first 6 rows, and `total` counts every row."""
    sep = "&" if "?" in path else "?"
    first = api.get(f"{path}{sep}limit=3").json()["items"]
    second = api.get(f"{path}{sep}limit=3&offset=3").json()["items"]
    six = api.get(f"{path}{sep}limit=6").json()["items"]
    assert first + second == six
    assert len(api.get(f"{path}{sep}limit=500").json()["items"]) == total


# --- documents ---------------------------------------------------------------------------------------------


def test_documents_are_listed_newest_first_and_paginated(api):
    body = api.get("/api/documents").json()
    assert body["total"] == 25 and len(body["items"]) == 25
    published = [d["published"] for d in body["items"] if d["published"]]
    assert published == sorted(published, reverse=True)
    pages_agree(api, "/api/documents", 25)
    assert len(listing(api.get("/api/documents?limit=5&offset=20"), 5, 20)) == 5


def test_a_document_by_number_id_or_key_with_its_extraction(api):
    row = api.get("/api/documents?limit=500").json()["items"][0]
    by_number = api.get(f"/api/documents/{row['pk']}").json()
    by_id = api.get(f"/api/documents/{row['id']}").json()
    assert by_number == by_id
    key = by_number["document"]["doc_key"]
    assert api.get(f"/api/documents/{key[:12]}").json() == by_number
    extraction = by_number["extraction"]
    assert extraction["schema"] == "accord/1" and extraction["id"] == row["id"]
    assert {"actors", "quotes", "events", "times", "places", "text"} <= set(extraction)
    missing = api.get("/api/documents/no-such-document")
    assert missing.status_code == 404 and "no-such-document" in missing.json()["detail"]


# --- events -------------------------------------------------------------------------------------------------


def test_events_filter_like_the_cli(api):
    everything = api.get("/api/events?limit=500").json()
    assert everything["total"] == len(everything["items"]) > 100
    pages_agree(api, "/api/events", everything["total"])

    dyad = listing(api.get("/api/events?dyad=CHN-USA&limit=500"), 500)
    assert dyad and all({e["source_country"], e["target_country"]} == {"CHN", "USA"} for e in dyad)
    assert all(e["quad_class"] == 1 for e in listing(api.get("/api/events?quad=1&limit=500"), 500))
    assert all(e["cameo"].startswith("04") for e in listing(api.get("/api/events?code=04&limit=500"), 500))
    assert all(e["status"] == "planned" for e in listing(api.get("/api/events?status=planned&limit=500"), 500))
    trump = listing(api.get("/api/events?actor=Donald Trump&limit=500"), 500)
    assert trump and all("Donald Trump" in (e["source"], e["target"]) for e in trump)
    dated = listing(api.get("/api/events?since=2025-10-01&until=2025-10-31&limit=500"), 500)
    assert dated and all("2025-10-01" <= e["date"] <= "2025-10-31" for e in dated)
    story = dyad[0]["story"]
    assert all(e["story"] == story for e in listing(api.get(f"/api/events?story={story}&limit=500"), 500))
    both = api.get("/api/events?dyad=CHN-USA&quad=1&limit=500").json()
    assert both["total"] == len([e for e in dyad if e["quad_class"] == 1])


def test_events_are_listed_newest_first(api):
    """By date, newest first, then the later merged event; undated events last."""
    items = listing(api.get("/api/events?limit=500"), 500)
    keys = [(e["date"] is not None, e["date"] or "", e["id"]) for e in items]
    assert len(keys) > 10 and keys == sorted(keys, reverse=True)


def test_an_event_has_every_report_with_highlighted_evidence(api):
    first = api.get("/api/events?dyad=CHN-USA&limit=1").json()["items"][0]
    body = api.get(f"/api/events/{first['id']}").json()
    assert body["event"]["id"] == first["id"]
    assert len(body["reports"]) == body["event"]["num_mentions"] >= 1
    report = body["reports"][0]
    kinds = {h["kind"] for h in report["highlights"]}
    assert {"trigger", "actor"} <= kinds
    for h in report["highlights"]:
        assert report["evidence"][h["start"] : h["end"]] == h["text"]
    trigger = next(h for h in report["highlights"] if h["kind"] == "trigger")
    assert trigger["text"] == report["trigger"]
    assert any("source" in h["extras"] for h in report["highlights"])
    assert isinstance(body["framing"], dict)
    assert api.get("/api/events/999999").status_code == 404


# --- quotes, actors, stories, dyads, network, framing ---------------------------------------------------------


def test_quotes_by_speaker_country_and_words(api):
    everything = api.get("/api/quotes?limit=500").json()
    assert everything["total"] == len(everything["items"]) > 20
    pages_agree(api, "/api/quotes", everything["total"])
    trump = api.get("/api/quotes?speaker=trump&limit=500").json()
    assert trump["total"] == len(trump["items"]) > 0
    assert all("trump" in ((q["speaker"] or "") + (q["speaker_text"] or "")).lower() for q in trump["items"])
    usa = api.get("/api/quotes?country=usa&limit=500").json()
    assert usa["total"] == len(usa["items"]) > 0 and all(q["country"] == "USA" for q in usa["items"])
    word = trump["items"][0]["text"].split()[-1].strip('".,”“')
    found = api.get(f"/api/quotes?search={word}&limit=500").json()
    assert found["total"] == len(found["items"]) > 0
    assert all(word.lower() in q["text"].lower() for q in found["items"])


def test_actors_and_an_actors_profile(api):
    everything = api.get("/api/actors?limit=500").json()
    assert everything["total"] == len(everything["items"]) > 20
    pages_agree(api, "/api/actors", everything["total"])
    china = api.get("/api/actors?country=CHN&limit=500").json()
    assert china["total"] == len(china["items"]) and all(a["country"] == "CHN" for a in china["items"])
    xi = api.get("/api/actors?search=jinping").json()["items"]
    assert [a["name"] for a in xi] == ["Xi Jinping"]

    profile = api.get("/api/actors/Xi Jinping").json()
    assert profile["actor"]["name"] == "Xi Jinping"
    assert profile["events"]["total"] >= len(profile["events"]["items"]) > 0
    assert profile["network"] and all("Xi Jinping" in (e["source"], e["target"]) for e in profile["network"])
    country = api.get("/api/actors/CHN").json()
    assert country["actor"] == {"key": "CHN", "name": "China", "kind": "country", "country": "CHN"}
    assert country["quotes"]["total"] > 0 and all(q["country"] == "CHN" for q in country["quotes"]["items"])
    assert api.get("/api/actors/Nobody Atall").status_code == 404
    assert api.get("/api/actors/ZZZ").status_code == 404


def test_stories_and_a_story(api):
    everything = api.get("/api/stories?limit=500").json()
    assert everything["total"] == len(everything["items"]) == 25
    pages_agree(api, "/api/stories", 25)
    assert api.get("/api/stories?min_documents=2").json()["total"] == 0
    story = everything["items"][0]
    body = api.get(f"/api/stories/{story['id']}").json()
    assert body["story"]["id"] == story["id"] and len(body["story"]["documents"]) == story["num_documents"]
    assert all(e["story"] == story["id"] for e in body["events"])
    assert api.get("/api/stories/999999").status_code == 404


def test_dyad_series(api):
    dated = [e for e in api.get("/api/events?dyad=CHN-USA&limit=500").json()["items"] if e["date"]]
    for by in ("day", "week", "month"):
        body = api.get(f"/api/dyads/CHN/USA?by={by}").json()
        assert (body["a"], body["b"], body["by"]) == ("CHN", "USA", by)
        assert body["total"] == len(body["items"]) > 0
        assert sum(p["events"] for p in body["items"]) == len(dated)
        for p in body["items"]:
            assert p["events"] == sum(
                p[k] for k in ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
            )
            assert -1 <= p["cooperation_index"] <= 1
    assert api.get("/api/dyads/CHN/USA").json()["by"] == "month"
    assert api.get("/api/dyads/CHN/USA?since=2030-01-01").json()["items"] == []
    assert api.get("/api/dyads/Donald Trump/Xi Jinping").json()["total"] > 0


def test_network_and_framing(api):
    edges = listing(api.get("/api/network?countries=true&limit=500"), 500)
    assert edges and all(len(e["source"]) == 3 and len(e["target"]) == 3 for e in edges)
    mine = listing(api.get("/api/network?actor=Donald Trump&limit=500"), 500)
    assert mine and all("Donald Trump" in (e["source"], e["target"]) for e in mine)
    event = api.get("/api/events?dyad=CHN-USA&limit=1").json()["items"][0]
    framing = api.get(f"/api/framing?event={event['id']}").json()
    assert framing["event"] == event["id"] and framing["sides"]
    assert api.get(f"/api/framing?story={event['story']}").status_code == 200
    assert api.get("/api/framing").status_code == 422


def test_openapi_lists_every_endpoint(api):
    spec = api.get("/api/openapi.json").json()
    assert {
        "/api/documents",
        "/api/documents/{ident}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/quotes",
        "/api/actors",
        "/api/actors/{side}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/dyads/{a}/{b}",
        "/api/network",
        "/api/framing",
    } <= set(spec["paths"])
    post = spec["paths"]["/api/documents"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(post["requestBody"]["content"])
    events = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert events == set("dyad actor since until code quad status story historical limit offset".split())


# --- bad requests --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, says",
    [
        ("/api/events?limit=0", "limit: must be from 1 to 500"),
        ("/api/events?limit=501", "limit: must be from 1 to 500"),
        ("/api/events?limit=ten", "limit: must be a whole number"),
        ("/api/documents?offset=-1", "offset: must be 0 or more"),
        ("/api/events?quad=5", "quad: must be from 1 to 4"),
        ("/api/events?status=rumoured", "status: must be one of occurred, planned"),
        ("/api/events?since=Octember 45", "since:"),
        ("/api/events?dyad=CHN", "dyad: two sides joined by '-'"),
        ("/api/events?code=abc", "code: must be a CAMEO code"),
        ("/api/quotes?country=China", "country: must be an ISO-3 country code"),
        ("/api/dyads/CHN/USA?by=year", "by: must be one of day, week, month"),
        ("/api/events/abc", "event_id:"),
        ("/api/stories/-x", "story_id:"),
        ("/api/network?countries=perhaps", "countries:"),
    ],
)
def test_bad_parameters_are_422_with_a_readable_message(api, path, says):
    response = api.get(path)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and says in detail, detail


def test_empty_parameters_mean_no_filter(api):
    assert (
        api.get("/api/events?quad=&status=&since=&dyad=&limit=").json()["total"]
        == api.get("/api/events").json()["total"]
    )


def test_unknown_paths_are_json_404(api):
    response = api.get("/api/nothing-here")
    assert response.status_code == 404 and response.json() == {"detail": "nothing at /api/nothing-here"}


# --- the token -----------------------------------------------------------------------------------------------


def test_uploads_are_refused_without_a_configured_token(make_app, store_url, monkeypatch):
    monkeypatch.delenv("ACCORD_API_TOKEN", raising=False)
    client = Client(make_app(store_url))
    response = client.post("/api/documents", json={"text": "Talks resumed."}, headers=AUTH)
    assert response.status_code == 403 and "ACCORD_API_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize(
    "headers, says",
    [
        ({}, "needs the API token"),
        ({"Authorization": "Bearer wrong"}, "wrong"),
        ({"Authorization": f"Basic {TOKEN}"}, "wrong"),
    ],
)
def test_uploads_need_the_right_token(make_app, store_url, headers, says):
    client = Client(make_app(store_url, token=TOKEN))
    response = client.post("/api/documents", json={"text": "Talks resumed."}, headers=headers)
    assert response.status_code == 401 and says in response.json()["detail"]
    assert response.headers["www-authenticate"] == "Bearer"


def test_reads_are_open_or_protected_by_setting(make_app, store_url, monkeypatch):
    monkeypatch.setenv("ACCORD_API_TOKEN", TOKEN)
    monkeypatch.setenv("ACCORD_API_READ_TOKEN", "1")
    protected = Client(make_app(store_url))
    for path in ("/api/events", "/api/documents", "/api/openapi.json", "/events", "/"):
        if path == "/api/openapi.json":
            continue  # the API's description is public
        assert protected.get(path).status_code == 401, path
        assert protected.get(path, headers=AUTH).status_code == 200, path
    with_cookie = Client(protected.app, cookies={"accord_token": TOKEN})
    assert with_cookie.get("/api/events").status_code == 200
    assert protected.get("/static/app.css").status_code == 200
    monkeypatch.setenv("ACCORD_API_READ_TOKEN", "0")
    assert Client(make_app(store_url)).get("/api/events").status_code == 200


def test_protecting_reads_without_a_token_is_a_configuration_error(store_url, monkeypatch):
    from accord.web import create_app

    monkeypatch.delenv("ACCORD_API_TOKEN", raising=False)
    with pytest.raises(UsageError, match="ACCORD_API_TOKEN"):
        create_app(store_url, protect_reads=True)


# --- ingesting through the API -----------------------------------------------------------------------------

ARTICLE = {
    "id": "api-geneva",
    "title": "China and US Resume Trade Talks in Geneva",
    "published": "2025-05-12",
    "publisher": "API Test Wire",
    "url": "https://example.org/api-geneva",
    "text": "Chinese Vice Premier He Lifeng met US Treasury Secretary Scott Bessent in Geneva on Monday. "
    '"The talks were candid and constructive," He said.',
}


def test_post_a_json_document_ingests_it(make_app, store_url):
    client = Client(make_app(store_url, token=TOKEN), headers=AUTH)
    response = client.post("/api/documents", json=ARTICLE)
    assert response.status_code == 201, response.text
    body = response.json()
    assert (body["read"], body["new"], body["unchanged"], body["failed"]) == (1, 1, 0, 0)
    (stored,) = body["documents"]
    assert stored["id"] == "api-geneva" and isinstance(stored["pk"], int)
    document = client.get(f"/api/documents/{stored['pk']}").json()["extraction"]
    assert document["title"] == ARTICLE["title"] and document["published"] == "2025-05-12"
    assert document["actors"] and document["events"]
    assert client.get("/api/events").json()["total"] > 0  # linked into merged events
    again = client.post("/api/documents", json=ARTICLE)
    assert again.status_code == 200 and again.json()["unchanged"] == 1
    assert again.json()["documents"] == body["documents"]


def test_post_a_file_upload_ingests_it(make_app, store_url):
    client = Client(make_app(store_url, token=TOKEN), headers=AUTH)
    path = DEMO / "headered" / "01_geneva_trade_talks.txt"
    response = client.post("/api/documents", files={"file": (path.name, path.read_bytes(), "text/plain")})
    assert response.status_code == 201, response.text
    (stored,) = response.json()["documents"]
    assert stored["id"] == "01_geneva_trade_talks"
    shown = client.get(f"/api/documents/{stored['pk']}").json()
    assert shown["document"]["origin"] == "upload:01_geneva_trade_talks.txt"
    feed = DEMO / "feeds" / "demo_rss.xml"
    several = client.post(
        "/api/documents", files={"file": (feed.name, feed.read_bytes())}, data={"published": "2025-11-01"}
    )
    assert several.status_code == 201 and several.json()["new"] == len(several.json()["documents"]) > 1


@pytest.mark.parametrize(
    "request_kwargs, status, says",
    [
        ({"files": {"file": ("chart.png", b"\x89PNG\r\n\x1a\n" + bytes(64))}}, 400, "binary file"),
        ({"files": {"file": ("empty.txt", b"   ")}}, 400, "empty file"),
        ({"files": {"other": ("a.txt", b"Talks resumed.")}}, 400, "field named 'file'"),
        ({"files": {"file": ("a.txt", b"Talks resumed.")}, "data": {"published": "soon"}}, 422, "published:"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 400, "not valid JSON"),
        ({"json": {"title": "no text"}}, 422, "text: Field required"),
        ({"json": {"text": ""}}, 422, "text:"),
        ({"json": {"text": "   "}}, 400, 'has no "text" string'),
        ({"json": {"text": "Talks.", "colour": "red"}}, 422, "colour: Extra inputs are not permitted"),
        ({"json": ["a list"]}, 422, "Input should be"),
        ({"content": b"Talks resumed.", "headers": {"Content-Type": "text/plain"}}, 415, "multipart/form-data"),
    ],
)
def test_unreadable_uploads_are_refused_with_a_reason(make_app, store_url, request_kwargs, status, says):
    client = Client(make_app(store_url, token=TOKEN), headers=AUTH)
    response = client.post("/api/documents", **request_kwargs)
    assert response.status_code == status, response.text
    assert says in response.json()["detail"]
    assert client.get("/api/documents").json()["total"] == 0


def test_bodies_over_the_limit_are_413(make_app, store_url):
    from accord.config import Settings

    client = Client(make_app(store_url, settings=Settings(max_bytes=2_000), token=TOKEN), headers=AUTH)
    big = {"text": "Talks resumed. " * 400}
    declared = client.post("/api/documents", json=big)
    assert declared.status_code == 413 and "over the limit" in declared.json()["detail"]

    async def chunks():  # no Content-Length: the limit must hold while reading
        for _ in range(10):
            yield b"x" * 500

    streamed = client.post("/api/documents", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and "over the limit" in streamed.json()["detail"]
    upload = client.post("/api/documents", files={"file": ("big.txt", b"Talks resumed. " * 400)})
    assert upload.status_code == 413
    assert client.get("/api/documents").json()["total"] == 0


# --- accord serve --------------------------------------------------------------------------------------------


def test_accord_serve_runs_the_app_under_uvicorn(store_url, monkeypatch):
    import uvicorn
    from fastapi import FastAPI
    from typer.testing import CliRunner

    from accord.cli import app as cli

    monkeypatch.delenv("ACCORD_API_READ_TOKEN", raising=False)
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    result = CliRunner().invoke(cli, ["serve", "--db", store_url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    ((served, options),) = calls
    assert isinstance(served, FastAPI) and options["host"] == "127.0.0.1" and options["port"] == 8123
    Client(served).get("/api/documents").raise_for_status()
    served.state.web.close()

    monkeypatch.setenv("ACCORD_API_READ_TOKEN", "1")
    monkeypatch.delenv("ACCORD_API_TOKEN", raising=False)
    refused = CliRunner().invoke(cli, ["--db", store_url, "serve"])
    assert refused.exit_code == 2 and "ACCORD_API_TOKEN" in refused.output


def test_the_body_limit_is_named_in_the_one_unit_sizes_use(make_app, store_url):
    from accord.config import Settings
    from accord.sizes import MIB

    client = Client(make_app(store_url, settings=Settings(max_bytes=MIB), token=TOKEN), headers=AUTH)
    response = client.post("/api/documents", json={"text": "Talks resumed. " * 80_000})
    assert response.status_code == 413
    assert "over the limit of 1 MiB" in response.json()["detail"]
