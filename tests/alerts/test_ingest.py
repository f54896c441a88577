"""End to end with the real model: `accord alerts add`, then `accord ingest` of two rounds of news the
project writes. Each alert is told once of each matching event, in its JSON Lines file and at its
webhook (a real server on 127.0.0.1); a negated event and another dyad do not alert; an event alerts
an alert asking for two articles when its second article comes in; a webhook that hangs times out and
the ingest still finishes, and is tried again at the next ingest."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app

from ..synthetic import write_alert_rounds
from .webhook_server import webhook

pytestmark = pytest.mark.model
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_alerts_through_ingest_exactly_once(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_WEBHOOK_TIMEOUT", "0.5")
    monkeypatch.setenv("ACCORD_WEBHOOK_RETRIES", "0")
    monkeypatch.delenv("ACCORD_ALERTS_FILE", raising=False)
    db = str(tmp_path / "news.db")
    first, second = write_alert_rounds(tmp_path / "news")
    with webhook() as hook, webhook(then="hang") as hanging:
        added = run("--db", db, "alerts", "add", "--dyad", "CHN-USA", "--webhook", hook.url)
        assert added.exit_code == 0, added.output
        assert f"notifications to {tmp_path / 'news.alerts.jsonl'} and {hook.url}" in added.stdout
        two = str(tmp_path / "two.jsonl")
        assert (
            run("--db", db, "alerts", "add", "--dyad", "USA-CHN", "--min-articles", "2", "--jsonl", two).exit_code == 0
        )
        france = str(tmp_path / "france.jsonl")
        assert (
            run("--db", db, "alerts", "add", "--actor", "FRA", "--webhook", hanging.url, "--jsonl", france).exit_code
            == 0
        )

        result = run("--db", db, "ingest", str(first))
        assert result.exit_code == 0, result.output  # the hanging webhook did not stop it
        assert "alerts: 2 raised" in result.stderr and "1 not delivered everywhere yet" in result.stderr
        assert "no answer within 0.5 s" in result.stderr
        (sanctions,) = lines(tmp_path / "news.alerts.jsonl")
        event = sanctions["event"]
        assert (event["source_country"], event["cameo"], event["target_country"]) == ("CHN", "163", "USA")
        assert (
            sanctions["evidence"]
            == "China imposed sanctions on the United States on Monday, the commerce ministry said."
        )
        assert [a["url"] for a in sanctions["articles"]] == ["https://wire-a.example/sanctions"]
        assert sanctions["url"] == f"http://127.0.0.1:8000/events/{event['id']}"
        assert hook.delivered() == [sanctions]
        assert lines(tmp_path / "two.jsonl") == []  # one article so far
        (accused,) = lines(tmp_path / "france.jsonl")
        assert accused["event"]["source_country"] == "FRA" and len(hanging.received) == 1

        result = run("--db", db, "ingest", str(second))
        assert result.exit_code == 0, result.output
        assert "alerts: 1 raised" in result.stderr
        (crossed,) = lines(tmp_path / "two.jsonl")
        assert crossed["event"]["id"] == event["id"] and crossed["event"]["num_articles"] == 2
        assert sorted(a["url"] for a in crossed["articles"]) == [
            "https://wire-a.example/sanctions",
            "https://wire-b.example/beijing-sanctions",
        ]
        assert len(lines(tmp_path / "news.alerts.jsonl")) == 1 and len(hook.received) == 1  # told once already
        assert len(hanging.received) == 2  # the hanging webhook's notification tried again
        assert len(lines(tmp_path / "france.jsonl")) == 1  # its file line was written once

        again = run("--db", db, "ingest", str(first), str(second))
        assert again.exit_code == 0 and "alerts:" not in again.stderr

    recent = run("--db", db, "alerts", "recent", "--format", "json")
    rows = json.loads(recent.stdout)
    assert [(r["alert"], r["event"], r["status"]) for r in rows] == [
        (2, event["id"], "sent"),
        (3, accused["event"]["id"], "error"),
        (1, event["id"], "sent"),
    ]
    listed = json.loads(run("--db", db, "alerts", "list", "--format", "json").stdout)
    assert [(a["id"], a["raised"]) for a in listed] == [(1, 1), (2, 1), (3, 1)]
    table = run("--db", db, "alerts", "recent")
    assert "163" in table.stdout and "error" in table.stdout
