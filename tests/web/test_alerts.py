"""Alerts on the web: GET /api/alerts and the Alerts page (with its JSON twin) list the alerts and their
notifications, newest first, with hostile article text shown as text; POST /api/alerts needs the write
token and checks its fields as `accord alerts add` does; DELETE removes. No model needed: the merged
events are written straight into a real SQLite store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from accord.alerts import Alert, add_alert, fire
from accord.config import Settings
from accord.store import Store

from ..alerts.events import add_event
from .conftest import TOKEN, Client
from .test_pages import IMG, SCRIPT, assert_safe

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A store with two alerts and three notifications (one event with hostile text), and an app over it
    that takes writes with TOKEN."""
    from accord.web import create_app

    monkeypatch.delenv("ACCORD_API_READ_TOKEN", raising=False)
    url = f"sqlite:///{tmp_path / 'alerts.db'}"
    settings = replace(Settings(), alerts_file=str(tmp_path / "alerts.jsonl"))
    with Store.open(url) as store:
        add_alert(store, Alert.parse(dyad="CHN-USA"))
        add_alert(store, Alert.parse(code="19"))
        events = [add_event(store), add_event(store, sentence=f"China attacked {SCRIPT} the US.", title=IMG)]
        fire(store, settings)
    app = create_app(url, token=TOKEN, protect_reads=False)
    yield Client(app), events
    app.state.web.close()


def test_the_api_lists_alerts_and_their_notifications_newest_first(site):
    client, events = site
    answer = client.get("/api/alerts").json()
    assert [(a["id"], a["description"], a["raised"]) for a in answer["alerts"]] == [
        (1, "CHN-USA", 2),
        (2, "CAMEO 19*", 2),
    ]
    assert answer["total"] == 4 and answer["limit"] == 50 and answer["offset"] == 0
    assert [(n["alert"], n["event"]) for n in answer["items"]] == [
        (2, events[1]),
        (2, events[0]),
        (1, events[1]),
        (1, events[0]),
    ]
    first = answer["items"][-1]
    assert first["status"] == "sent" and first["jsonl_status"] == "sent" and first["webhook_status"] is None
    assert first["message"]["event"]["id"] == events[0] and first["message"]["evidence"].startswith("China attacked")
    one = client.get("/api/alerts?alert=1&limit=1").json()
    assert [n["alert"] for n in one["items"]] == [1] and one["total"] == 2
    assert client.get("/api/alerts?alert=9").status_code == 404
    assert "alert" in client.get("/api/alerts?alert=x").json()["detail"]


def test_the_alerts_page_shows_them_as_text_and_has_a_json_twin(site):
    client, events = site
    page = client.get("/alerts")
    assert page.status_code == 200
    assert_safe(page.text, "/alerts")
    assert SCRIPT not in page.text and IMG not in page.text and "&lt;script&gt;" in page.text
    assert f'href="/events/{events[0]}"' in page.text and "CHN-USA" in page.text
    assert '<a href="/alerts">Alerts</a>' in page.text  # in the navigation
    twin = client.get("/alerts", headers={"Accept": "application/json"}).json()
    assert twin == client.get("/api/alerts").json()


def test_adding_an_alert_needs_the_token_and_checks_its_fields(site):
    client, _ = site
    body = {"dyad": "RUS-UKR", "quad": [4, 3], "min_articles": 2, "webhook": "http://127.0.0.1:9/hook"}
    assert client.post("/api/alerts", json=body).status_code == 401
    assert client.post("/api/alerts", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    added = client.post("/api/alerts", json=body, headers=AUTH)
    assert added.status_code == 201, added.text
    made = added.json()
    assert made["description"] == "RUS-UKR, QuadClass 3 or 4, at least 2 articles" and made["existing"] == 0
    assert made["webhook"] == "http://127.0.0.1:9/hook" and made["jsonl"] is None
    matching = client.post("/api/alerts", json={"actor": "CHN"}, headers=AUTH).json()
    assert matching["existing"] == 2  # the stored events it matches are not sent
    for bad, says in [
        ({"dyad": "RUS"}, "dyad: two sides"),
        ({"quad": "7"}, "quad: must be from 1 to 4"),
        ({"min_goldstein": 11}, "min_goldstein: must be from -10 to 10"),
        ({"webhook": "file:///etc/passwd", "dyad": "A-B"}, "webhook: must be an http:// or https:// URL"),
        ({}, "give at least one condition"),
        ({"dyad": "CHN-USA", "jsonl": "/tmp/x.jsonl"}, "jsonl: Extra inputs are not permitted"),
    ]:
        refused = client.post("/api/alerts", json=bad, headers=AUTH)
        assert refused.status_code == 422 and says in refused.json()["detail"], (bad, refused.text)
    ids = [a["id"] for a in client.get("/api/alerts").json()["alerts"]]
    assert ids == [1, 2, made["id"], matching["id"]]
    assert client.request("DELETE", f"/api/alerts/{made['id']}").status_code == 401
    assert client.request("DELETE", f"/api/alerts/{made['id']}", headers=AUTH).json() == {"removed": made["id"]}
    assert client.request("DELETE", f"/api/alerts/{made['id']}", headers=AUTH).status_code == 404
    assert [a["id"] for a in client.get("/api/alerts").json()["alerts"]] == [1, 2, matching["id"]]
