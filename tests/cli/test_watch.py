"""`accord sources ...` and `accord watch` as a user runs them (real subprocesses, a real server on
127.0.0.1): add, import, list, pause, resume, remove; `watch --once` end to end; `watch` stopped by SIGTERM
after its round, exit 0."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import ROOT
from ..sources import feeds
from ..sources.server import Route, serving

pytestmark = pytest.mark.model


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        ACCORD_WORKERS="1",
        ACCORD_WATCH_HOST_DELAY="0",
        ACCORD_WATCH_CONTACT="tests@example.org",
        ACCORD_WATCH_READ_TIMEOUT="5",
    )
    return env


def accord(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "accord", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=300,
    )


def listed(db: Path) -> list[dict]:
    result = accord(db, "sources", "list", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_sources_add_then_watch_once_ingests_and_lists(tmp_path):
    db = tmp_path / "w.db"
    with serving() as server:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(3), content=False)))
        for n in range(3):
            server.routes[f"/news/story-{n}"] = Route(feeds.page(n))
        added = accord(db, "sources", "add", server.url("/feed"), "--category", "World", "--category", "Test")
        assert added.returncode == 0, added.stderr
        assert added.stdout.strip() == f"added source 1: Test Wire (feed, 3 items listed now) {server.url('/feed')}"
        again = accord(db, "sources", "add", server.url("/feed"))
        assert again.returncode == 2 and "followed already" in again.stderr and "Traceback" not in again.stderr
        watched = accord(db, "watch", "--once")
        assert watched.returncode == 0, watched.stderr
        assert "[1] Test Wire: new items (3)" in watched.stderr
        assert "items: new 3, unchanged 0, duplicate 0, failed 0" in watched.stderr
        (source,) = listed(db)
        assert (source["status"], source["items"], source["last_http_status"], source["categories"]) == (
            "active", 3, 200, ["World", "Test"]
        )  # fmt: skip
        docs = accord(db, "docs", "--format", "json")
        assert sorted(d["title"] for d in json.loads(docs.stdout)) == sorted(
            feeds.article(n)["title"] for n in range(3)
        )
        nothing = accord(db, "watch", "--once")  # checked just now: nothing is due
        assert nothing.returncode == 0 and "nothing due" in nothing.stderr


def test_a_failing_source_makes_watch_once_exit_1_and_list_shows_the_error(tmp_path):
    db = tmp_path / "w.db"
    with serving() as server:
        server.routes["/feed"] = Route(b"oops", status=500)
        added = accord(db, "sources", "add", server.url("/feed"), "--kind", "feed", "--name", "Broken")
        assert added.returncode == 0, added.stderr
        watched = accord(db, "watch", "--once")
        assert watched.returncode == 1 and "[1] Broken: failed: HTTP 500" in watched.stderr
        (source,) = listed(db)
        assert source["status"] == "failing" and source["last_error"] == "HTTP 500" and source["failures"] == 1


def test_pause_resume_remove_and_import(tmp_path):
    db = tmp_path / "w.db"
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="World">'
        '<outline text="A" xmlUrl="http://127.0.0.1:9/a"/><outline text="B" xmlUrl="http://127.0.0.1:9/b"/>'
        "</outline></body></opml>"
    )
    imported = accord(db, "sources", "import", str(opml))
    assert imported.returncode == 0 and "added 2 sources" in imported.stderr
    assert "added 0 sources" in accord(db, "sources", "import", str(opml)).stderr
    paused = accord(db, "sources", "pause", "A", "--reason", "too noisy")
    assert paused.returncode == 0
    assert [(s["name"], s["status"], s["pause_reason"], s["categories"]) for s in listed(db)] == [
        ("A", "paused", "too noisy", ["World"]),
        ("B", "active", None, ["World"]),
    ]
    table = accord(db, "sources", "list")
    assert "too noisy" in table.stdout and "paused" in table.stdout
    assert accord(db, "sources", "resume", "1").returncode == 0
    assert accord(db, "sources", "remove", "http://127.0.0.1:9/b").returncode == 0
    assert [(s["name"], s["status"]) for s in listed(db)] == [("A", "active")]
    missing = accord(db, "sources", "remove", "nope")
    assert missing.returncode == 2 and "no source has number, URL or name 'nope'" in missing.stderr
    bad = accord(db, "sources", "add", "ftp://127.0.0.1/x")
    assert bad.returncode == 2 and "http(s) address" in bad.stderr


def test_watch_runs_until_sigterm_finishes_its_round_and_exits_0(tmp_path):
    db = tmp_path / "w.db"
    with serving() as server:
        server.routes["/feed"] = Route(feeds.rss(feeds.items(server.base, range(2))))
        assert accord(db, "sources", "add", server.url("/feed")).returncode == 0
        process = subprocess.Popen(
            [sys.executable, "-m", "accord", "--db", str(db), "watch"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=environment(),
        )
        try:
            lines = []
            deadline = time.monotonic() + 240
            while time.monotonic() < deadline:
                line = process.stderr.readline()
                if not line:
                    break
                lines.append(line)
                if line.startswith("linked "):
                    break
            assert any("new items (2)" in line for line in lines), lines
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=60) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        assert listed(db)[0]["items"] == 2
