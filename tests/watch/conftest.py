"""Shared by the watcher's tests: settings with short timeouts and no delay, a fresh SQLite store, and
helpers to add a source and make it due again."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from accord.config import Settings, WatchSettings
from accord.store import Store, tables
from accord.store.sources import Source, add_source, find_source, update_source

WATCH = WatchSettings(
    host_delay=0.0, connect_timeout=2.0, read_timeout=1.0, min_interval=60, max_failures=3, contact="tests@example.org"
)


@pytest.fixture
def settings() -> Settings:
    return Settings(nlp_batch_size=16, store_batch_size=16, workers=1, watch=WATCH)


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'watch.db'}") as opened:
        yield opened


def follow(store: Store, url: str, kind: str = "feed", **kwargs) -> Source:
    return add_source(store, url, kind, **kwargs)


def due_again(store: Store, source: Source) -> None:
    """Make a source due now, as time passing would."""
    update_source(store, source.pk, next_check_at=None)


def reload(store: Store, source: Source) -> Source:
    found = find_source(store, str(source.pk))
    assert found is not None
    return found


def documents(store: Store) -> list[tuple[str, str]]:
    d = tables.documents
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(d.c.url, d.c.title).order_by(d.c.pk))]


def seen_rows(store: Store) -> list[tuple]:
    i = tables.seen_items
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(i.c.url, i.c.outcome, i.c.error).order_by(i.c.pk))]


def with_watch(settings: Settings, **changes) -> Settings:
    return replace(settings, watch=replace(settings.watch, **changes))
