"""Fixtures for the web tests: the demo corpus ingested once per database backend (SQLite always,
PostgreSQL when ACCORD_TEST_DATABASE_URL is set), apps over it, and a synchronous httpx client that
talks to an app in-process through httpx.ASGITransport."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ..conftest import DEMO

TOKEN = "test-token-0123456789"


class Client:
    """httpx over the ASGI app, one event loop per request, so tests stay plain functions."""

    def __init__(self, app, headers: dict[str, str] | None = None, cookies: dict[str, str] | None = None):
        self.app = app
        self.headers = headers or {}
        self.cookies = cookies or {}

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(
                transport=transport, base_url="http://127.0.0.1", headers=self.headers, cookies=self.cookies
            ) as c:
                return await c.request(method, url, **kwargs)

        return asyncio.run(send())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


def ingest_demo(url: str, pipeline) -> None:
    from accord.config import Settings
    from accord.ingestion import ingest
    from accord.store import Store

    with Store.open(url) as store:
        summary = ingest([str(DEMO)], store, Settings(store_batch_size=16), pipeline)
    assert summary.failed == 0 and summary.new == 25, summary.counts()


@pytest.fixture(scope="session")
def demo_sqlite(tmp_path_factory, pipeline) -> str:
    """The demo corpus in a SQLite file, built once for the session (read-only for tests)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'demo.db'}"
    ingest_demo(url, pipeline)
    return url


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def demo_url(request, pipeline) -> Iterator[str]:
    """The demo corpus on each backend, built once per session; tests only read it."""
    if request.param == "sqlite":
        yield request.getfixturevalue("demo_sqlite")
        return
    base = os.environ.get("ACCORD_TEST_DATABASE_URL")
    if not base:
        pytest.skip("ACCORD_TEST_DATABASE_URL is not set (.ci/run sets it with a real PostgreSQL)")
    from sqlalchemy import create_engine, text

    schema = f"w_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    ingest_demo(url, pipeline)
    yield url
    with admin.connect() as conn:
        conn.execute(text("SET lock_timeout = '30s'"))
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="session")
def demo_app(demo_url, pipeline):
    """The app over the demo store; uploads need TOKEN, reads are open."""
    from accord.web import create_app

    app = create_app(demo_url, token=TOKEN, protect_reads=False, pipeline=pipeline)
    yield app
    app.state.web.close()


@pytest.fixture
def api(demo_app) -> Client:
    return Client(demo_app)


@pytest.fixture
def make_app(pipeline, monkeypatch):
    """Build apps over a fresh store (for writes), closing them after the test. The token settings start
    unset whatever the environment says; a test sets them by argument or environment."""
    from accord.web import create_app

    monkeypatch.delenv("ACCORD_API_TOKEN", raising=False)
    monkeypatch.delenv("ACCORD_API_READ_TOKEN", raising=False)
    made = []

    def make(url: str, **kwargs: Any):
        kwargs.setdefault("pipeline", pipeline)
        app = create_app(url, **kwargs)
        made.append(app)
        return app

    yield make
    for app in made:
        app.state.web.close()
