"""Opening a store another process holds locked waits its turn instead of failing: SQLite answers
"database is locked" after its busy timeout (or at once where waiting could deadlock), and opening tries
again until a bounded wait runs out, then says what happened."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from accord.errors import StoreError
from accord.store.database import current_revision, head_revision, make_engine, migrate


def hold_write_lock(path, seconds: float, held: threading.Event) -> threading.Thread:
    """Another writer: makes the file a WAL database and keeps its write lock for `seconds`."""

    def run() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE other_writer (x INTEGER)")
        held.set()
        threading.Event().wait(seconds)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_a_new_store_held_by_another_writer_longer_than_the_busy_timeout_opens_once_it_is_free(tmp_path):
    path = tmp_path / "busy.db"
    held = threading.Event()
    writer = hold_write_lock(path, 1.5, held)
    assert held.wait(10)
    engine = make_engine(f"sqlite:///{path}", busy_timeout=0.1)  # SQLite alone would give up after 0.1 s
    try:
        migrate(engine, wait=30)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
        writer.join(10)


def test_a_store_held_past_the_wait_is_a_message_saying_so(tmp_path):
    path = tmp_path / "busy.db"
    held = threading.Event()
    writer = hold_write_lock(path, 3, held)
    assert held.wait(10)
    engine = make_engine(f"sqlite:///{path}", busy_timeout=0.1)
    try:
        with pytest.raises(StoreError, match=r"database is locked.*another process held it for 0.5 s"):
            migrate(engine, wait=0.5)
    finally:
        engine.dispose()
        writer.join(10)
