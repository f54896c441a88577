"""`accord alerts` without the model: add, list, recent and remove as a user types them, bad values as
one-line messages with exit code 2, and `send` delivering what an earlier round could not."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from accord.cli import app
from accord.store import Store

from ..alerts.events import add_event

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_add_list_recent_send_and_remove(tmp_path, monkeypatch):
    monkeypatch.delenv("ACCORD_ALERTS_FILE", raising=False)
    db = str(tmp_path / "news.db")
    added = run("alerts", "add", "--db", db, "--dyad", "CHN-USA", "--quad", "4,3", "--code", "19")
    assert added.exit_code == 0, added.output
    assert added.stdout.splitlines() == [
        "alert 1: CHN-USA, QuadClass 3 or 4, CAMEO 19*",
        f"  notifications to {tmp_path / 'news.alerts.jsonl'}",
    ]
    with Store.open(f"sqlite:///{db}") as store:
        event = add_event(store)  # as an ingest in another process would link it
    sent = run("--db", db, "alerts", "send")
    assert sent.exit_code == 0
    assert sent.stdout.startswith("alert 1: 2025-10-30 China (CHN) -> United States (USA)  190 ")
    assert "1 new notifications; 0 earlier ones tried again" in sent.stderr
    assert run("--db", db, "alerts", "send").stdout == ""  # told once
    (line,) = (tmp_path / "news.alerts.jsonl").read_text().splitlines()
    assert json.loads(line)["event"]["id"] == event
    listed = json.loads(run("--db", db, "alerts", "list", "--format", "json").stdout)
    assert [(a["id"], a["dyad"], a["quads"], a["raised"]) for a in listed] == [(1, "CHN-USA", [3, 4], 1)]
    recent = json.loads(run("--db", db, "alerts", "recent", "--format", "json").stdout)
    assert [(r["alert"], r["event"], r["status"], r["jsonl"]) for r in recent] == [(1, event, "sent", "sent")]
    csv = run("--db", db, "alerts", "recent", "--format", "csv").stdout.splitlines()
    assert csv[0].startswith("id,raised,alert,event,") and len(csv) == 2
    assert run("--db", db, "alerts", "remove", "1").stdout.strip() == "alert 1 removed"
    assert "no alerts" in run("--db", db, "alerts", "list").stdout


def test_bad_values_are_messages_with_exit_code_2(tmp_path):
    db = str(tmp_path / "news.db")
    for args, says in [
        (["add", "--dyad", "CHN"], "accord: --dyad: two sides joined by '-', such as CHN-USA, not 'CHN'"),
        (["add", "--dyad", "CHN-USA", "--quad", "3,9"], "accord: --quad: must be from 1 to 4, not 9"),
        (["add", "--min-articles", "many"], "accord: --min-articles: must be a whole number, not 'many'"),
        (["add", "--dyad", "CHN-USA", "--webhook", "example.org/hook"], "accord: --webhook: must be an http://"),
        (["add"], "accord: alert: give at least one condition"),
        (["remove", "4"], "accord: no alert number 4; `accord alerts list` shows them"),
    ]:
        result = run("--db", db, "alerts", *args)
        assert result.exit_code == 2, (args, result.output)
        assert says in result.stderr and "Traceback" not in result.output, (args, result.stderr)
