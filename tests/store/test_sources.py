"""The store's sources: add (once per URL), find by number, URL or name, pause and resume, what is due,
items taken recorded and looked up by URL, GUID and content key, removal with their items."""

from datetime import UTC, datetime, timedelta

import pytest

from accord.errors import UsageError
from accord.store import Store
from accord.store.sources import (
    SeenItem,
    add_source,
    due_sources,
    find_source,
    list_sources,
    pause_source,
    recent_items,
    record_seen,
    remove_source,
    resume_source,
    seen,
    update_source,
)


@pytest.fixture
def store(store_url):
    with Store.open(store_url) as opened:
        yield opened


def test_a_source_is_added_once_and_found_by_number_url_or_name(store):
    source = add_source(store, "http://127.0.0.1:9/feed", "feed", "Wire", ["World", "Asia"])
    with pytest.raises(UsageError, match="followed already"):
        add_source(store, "http://127.0.0.1:9/feed", "feed")
    for ident in ("1", "http://127.0.0.1:9/feed", "Wire"):
        assert find_source(store, ident) == source
    assert find_source(store, "2") is None
    assert source.categories == ["World", "Asia"] and source.added_at.tzinfo is not None


def test_due_sources_skip_paused_ones_and_those_checked_recently(store):
    a = add_source(store, "http://127.0.0.1:9/a", "feed")
    b = add_source(store, "http://127.0.0.1:9/b", "page")
    c = add_source(store, "http://127.0.0.1:9/c", "feed")
    now = datetime.now(UTC)
    update_source(store, b.pk, next_check_at=now + timedelta(hours=1))
    pause_source(store, c.pk, "by hand")
    assert [s.pk for s in due_sources(store, now)] == [a.pk]
    assert [s.pk for s in due_sources(store, now + timedelta(hours=2))] == [a.pk, b.pk]
    resume_source(store, c.pk)
    assert {s.pk for s in due_sources(store, now)} == {a.pk, c.pk}
    assert find_source(store, str(c.pk)).pause_reason is None


def test_items_taken_are_known_by_url_guid_and_content_key_and_counted(store):
    source = add_source(store, "http://127.0.0.1:9/feed", "feed")
    record_seen(
        store,
        [
            SeenItem(source.pk, "http://127.0.0.1:9/a", "g-a", "k" * 64, "A", "ingested"),
            SeenItem(source.pk, "http://127.0.0.1:9/b", None, None, "B", "failed", "HTTP 404"),
        ],
    )
    found = seen(store, ["http://127.0.0.1:9/a", "http://127.0.0.1:9/c"], ["g-a", "g-x"], ["k" * 64, "z" * 64])
    assert (found.urls, found.guids, found.keys) == ({"http://127.0.0.1:9/a"}, {"g-a"}, {"k" * 64})
    assert find_source(store, "1").items == 2
    recent = recent_items(store, source.pk)
    assert [(r["title"], r["outcome"], r["error"]) for r in recent] == [
        ("B", "failed", "HTTP 404"),
        ("A", "ingested", None),
    ]
    remove_source(store, source.pk)
    assert list_sources(store) == [] and seen(store, ["http://127.0.0.1:9/a"], []).urls == set()
