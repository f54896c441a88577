"""Origin checks: a request whose Host is not one the server answers to is refused (a DNS-rebinding page
cannot read a local server), the token is never taken from a cookie for an upload, and an upload whose
Origin or Referer names another site is refused."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from accord.cli import app as cli
from accord.web.security import allowed_hosts, host_of

from .conftest import TOKEN, Client

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DOCUMENT = {"text": "Officials from France met officials from Germany in Geneva on Monday."}


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_the_local_names_are_allowed_by_default(api, host):
    assert api.get("/api/events", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example", "[::2]"]
)
@pytest.mark.parametrize("path", ["/api/events", "/", "/events", "/static/app.css", "/api/openapi.json"])
def test_another_host_is_refused(api, host, path):
    response = api.get(path, headers={"Host": host})
    assert response.status_code == 400, response.text[:200]
    assert "--allowed-host" in response.json()["detail"]


def test_allowed_hosts_are_configurable(make_app, store_url, monkeypatch):
    client = Client(make_app(store_url, allowed_hosts=["accord.example"]))
    assert client.get("/api/events", headers={"Host": "accord.example:8000"}).status_code == 200
    assert client.get("/api/events", headers={"Host": "127.0.0.1"}).status_code == 400
    monkeypatch.setenv("ACCORD_ALLOWED_HOSTS", "a.example, b.example")
    from_env = Client(make_app(store_url))
    assert from_env.get("/api/events", headers={"Host": "b.example"}).status_code == 200
    assert from_env.get("/api/events", headers={"Host": "localhost"}).status_code == 400
    anyone = Client(make_app(store_url, allowed_hosts=["*"]))
    assert anyone.get("/api/events", headers={"Host": "whatever.example"}).status_code == 200


def test_the_default_follows_the_bound_address():
    local = {"127.0.0.1", "localhost", "::1"}
    assert allowed_hosts("127.0.0.1") == local and allowed_hosts("localhost") == local
    assert allowed_hosts("192.0.2.7") == {"192.0.2.7"}
    assert allowed_hosts("0.0.0.0") >= local
    assert allowed_hosts("127.0.0.1", ["news.example", "[2001:db8::1]"]) == {"news.example", "2001:db8::1"}
    assert allowed_hosts("127.0.0.1", ["*"]) is None
    assert host_of("[::1]:8000") == "::1" and host_of("Example.ORG.:80") == "example.org"


def test_serve_takes_allowed_hosts_from_its_option(tmp_path, monkeypatch):
    import uvicorn

    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.update(app=app, **kwargs))
    db = tmp_path / "serve.db"
    args = ["--db", str(db), "serve", "--allowed-host", "news.example", "--allowed-host", "10.1.2.3"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    client = Client(served["app"])
    try:
        assert client.get("/api/events", headers={"Host": "news.example"}).status_code == 200
        assert client.get("/api/events", headers={"Host": "10.1.2.3:8000"}).status_code == 200
        assert client.get("/api/events", headers={"Host": "127.0.0.1"}).status_code == 400
    finally:
        served["app"].state.web.close()
    CliRunner().invoke(cli, ["--db", str(db), "serve", "--host", "127.0.0.1"])
    try:
        assert Client(served["app"]).get("/api/events", headers={"Host": "localhost"}).status_code == 200
    finally:
        served["app"].state.web.close()


def test_an_upload_does_not_take_the_token_from_a_cookie(make_app, store_url):
    """A cross-site form would send the cookie along: only the Authorization header carries the token."""
    client = Client(make_app(store_url, token=TOKEN), cookies={"accord_token": TOKEN})
    response = client.post("/api/documents", json=DOCUMENT)
    assert response.status_code == 401


@pytest.mark.parametrize(
    "headers", [{"Origin": "http://evil.example"}, {"Referer": "http://evil.example/page"}, {"Origin": "null"}]
)
def test_a_cross_site_upload_is_refused(make_app, store_url, headers):
    client = Client(make_app(store_url, token=TOKEN), headers=AUTH)
    response = client.post("/api/documents", json=DOCUMENT, headers=headers)
    assert response.status_code == 403 and "origin" in response.json()["detail"], response.text[:200]


@pytest.mark.parametrize("headers", [{}, {"Origin": "http://127.0.0.1"}, {"Referer": "http://127.0.0.1/docs"}])
def test_a_same_origin_upload_is_accepted(make_app, store_url, headers):
    client = Client(make_app(store_url, token=TOKEN), headers=AUTH)
    assert client.post("/api/documents", json=DOCUMENT, headers=headers).status_code in (200, 201)
