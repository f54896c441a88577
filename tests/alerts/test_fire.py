"""Raising and delivering notifications on a real SQLite store, to a real JSON Lines file and to a real
webhook endpoint on 127.0.0.1: each alert is told of each event exactly once, across calls and across
processes; a webhook that fails is retried (within a round, then at the next call, up to a limit);
one that hangs times out and the rest goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from accord.alerts import Alert, add_alert, deliver, fire, list_alerts, recent, remove_alert
from accord.config import Settings
from accord.errors import UsageError
from accord.store import Store

from ..conftest import ROOT
from .events import add_event, set_articles
from .webhook_server import webhook

FAST = Settings(webhook_timeout=2.0, webhook_retries=2, webhook_backoff=0.05, alert_attempts=3)


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'alerts.db'}") as store:
        yield store


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def test_each_event_goes_once_to_the_file_and_the_webhook(store, tmp_path):
    out = tmp_path / "alerts.jsonl"
    with webhook() as hook:
        alert, existing = add_alert(store, Alert.parse(dyad="CHN-USA", webhook=hook.url, jsonl=str(out)))
        assert existing == 0
        first, second = add_event(store), add_event(store, **{"cameo": "042", "cameo_root": "04", "quad_class": 1})
        add_event(store, target_country="JPN", target_key="country:JPN", target_name="Japan")  # not CHN-USA
        raised = fire(store, FAST)
        assert [n.event for n in raised] == [first, second]
        assert all(n.status == "sent" and n.jsonl_status == "sent" and n.webhook_status == "sent" for n in raised)
        assert fire(store, FAST) == [] and fire(store, FAST) == []  # nothing new: nothing sent again
        written = lines(out)
        assert [m["event"]["id"] for m in written] == [first, second]
        assert [m["event"]["id"] for m in hook.delivered()] == [first, second]
        assert len(hook.received) == 2
        assert hook.received[0].headers["X-Accord-Notification"] == str(raised[0].id)
    message = written[0]
    assert message == hook.delivered()[0] == raised[0].message
    assert message["schema"] == "accord-alert/1" and message["id"] == raised[0].id
    assert message["alert"] == {"id": alert.id, "description": "CHN-USA"}
    assert message["event"] | {"id": 0} == {
        "id": 0, "date": "2025-10-30", "date_end": None, "date_precision": "day", "source": "China",
        "source_country": "CHN", "target": "United States", "target_country": "USA", "cameo": "190",
        "cameo_name": "Conventional military force, general", "plover": "ASSAULT",
        "plover_mode": None, "goldstein": -10.0, "quad_class": 4, "status": "occurred", "place": None,
        "place_country": None, "num_articles": 1, "num_sources": 1, "num_mentions": 1,
    }  # fmt: skip
    assert message["evidence"].startswith("China attacked the United States in report")
    assert message["articles"] == [
        {
            "document": message["articles"][0]["document"],
            "title": message["articles"][0]["title"],
            "url": message["articles"][0]["url"],
            "publisher": "Example Wire",
            "published": "2025-10-30",
        }
    ]
    assert message["articles"][0]["url"].startswith("https://news.example/")
    assert message["url"] == f"http://127.0.0.1:8000/events/{first}"
    assert list_alerts(store)[0].raised == 2


def test_stored_events_do_not_alert_unless_asked_and_an_event_alerts_when_it_gets_enough_articles(store, tmp_path):
    settings = replace(FAST, alerts_file=str(tmp_path / "all.jsonl"))
    old = add_event(store)
    small = add_event(store)
    add_alert(store, Alert.parse(dyad="CHN-USA"))  # the store's two events exist already: not told
    growing, _ = add_alert(store, Alert.parse(actor="CHN", min_articles="2"))
    assert fire(store, settings) == []
    set_articles(store, small, 2)  # a later report: alert 2 now matches it
    new = add_event(store)
    raised = fire(store, settings)
    assert sorted((n.alert, n.event) for n in raised) == [(1, new), (growing.id, small)]
    set_articles(store, small, 3)  # matches still, told already
    assert fire(store, settings) == []
    assert old not in [m["event"]["id"] for m in lines(tmp_path / "all.jsonl")]
    everything, existing = add_alert(store, Alert.parse(code="19"), include_existing=True)
    assert existing == 3
    assert sorted(n.event for n in fire(store, settings)) == sorted([old, small, new])
    assert len(lines(tmp_path / "all.jsonl")) == 5
    remove_alert(store, everything.id)
    with pytest.raises(UsageError, match="no alert number"):
        remove_alert(store, everything.id)
    assert {n.alert for n in recent(store, limit=None)} == {1, growing.id}


def test_unrealised_and_historical_events_do_not_alert_by_default(store, tmp_path):
    settings = replace(FAST, alerts_file=str(tmp_path / "all.jsonl"))
    add_alert(store, Alert.parse(dyad="CHN-USA"))
    for status in ("negated", "hypothetical", "historical"):
        add_event(store, status=status)
    planned = add_event(store, status="planned")
    assert [n.event for n in fire(store, settings)] == [planned]


def test_a_webhook_failing_once_is_retried_within_the_round(store, tmp_path):
    with webhook(answers=[500, 503]) as hook:
        add_alert(store, Alert.parse(dyad="CHN-USA", webhook=hook.url, jsonl=str(tmp_path / "a.jsonl")))
        event = add_event(store)
        (n,) = fire(store, FAST)
        assert n.status == "sent" and n.webhook_status == "sent" and n.attempts == 1
        assert [r.answered for r in hook.received] == [500, 503, 200]
        assert [m["event"]["id"] for m in hook.delivered()] == [event]
    assert len(lines(tmp_path / "a.jsonl")) == 1


def test_a_webhook_down_for_a_round_is_sent_at_the_next_call_and_given_up_after_the_limit(store, tmp_path):
    settings = replace(FAST, webhook_retries=0)
    out = tmp_path / "a.jsonl"
    with webhook(answers=[500, 500, 500]) as hook:
        add_alert(store, Alert.parse(dyad="CHN-USA", webhook=hook.url, jsonl=str(out)))
        first, second = add_event(store), add_event(store)
        raised = fire(store, settings)
        # the first POST failed; the second notification was not tried at the same dead endpoint this round
        assert [(n.status, n.jsonl_status, n.webhook_status) for n in raised] == [
            ("error", "sent", "error"),
            ("pending", "sent", "pending"),
        ]
        assert "HTTP 500" in raised[0].last_error and "not tried this round" in raised[1].last_error
        assert len(hook.received) == 1 and len(lines(out)) == 2
        assert fire(store, settings) == []  # nothing new; the first is tried again (500), the second not
        assert len(hook.received) == 2
        deliver(store, settings)  # the first's third and last attempt: 500 again; the second waits once more
        deliver(store, settings)  # the first has been given up; the second is posted: 200
        states = {n.event: (n.status, n.webhook_status, n.attempts) for n in recent(store)}
        assert states[first] == ("failed", "failed", 3)
        assert states[second][:2] == ("sent", "sent")
        assert [m["event"]["id"] for m in hook.delivered()] == [second]
        posted = len(hook.received)
        deliver(store, settings)
        assert len(hook.received) == posted  # given up: never posted again
    assert [m["event"]["id"] for m in lines(out)] == [first, second]  # the file had each once all along


def test_a_hanging_webhook_times_out_and_the_file_still_gets_every_notification(store, tmp_path):
    settings = replace(FAST, webhook_timeout=0.5, webhook_retries=1)
    out = tmp_path / "a.jsonl"
    with webhook(then="hang") as hook:
        add_alert(store, Alert.parse(dyad="CHN-USA", webhook=hook.url, jsonl=str(out)))
        events = [add_event(store) for _ in range(3)]
        raised = fire(store, settings)
        assert [n.event for n in raised] == events
        assert [(n.jsonl_status, n.webhook_status) for n in raised] == [("sent", "error")] + [("sent", "pending")] * 2
        assert "no answer within 0.5 s" in raised[0].last_error
        assert all("not tried this round" in n.last_error for n in raised[1:])
        assert len(hook.received) == 2  # two tries at the first; the others waited for the next round
    assert [m["event"]["id"] for m in lines(out)] == events


def test_an_unwritable_file_is_recorded_and_retried(store, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder should be")
    add_alert(store, Alert.parse(dyad="CHN-USA", jsonl=str(tmp_path / "ok.jsonl")))
    # an alert whose folder is replaced by a file after it was added
    add_alert(store, Alert.parse(dyad="CHN-USA", jsonl=str(tmp_path / "later" / "a.jsonl")))
    (tmp_path / "later").write_text("now a file")
    add_event(store)
    good, bad = fire(store, FAST)
    assert good.status == "sent" and bad.status == "error" and bad.jsonl_status == "error"
    assert str(tmp_path / "later" / "a.jsonl") in bad.last_error
    (tmp_path / "later").unlink()
    deliver(store, FAST)
    (retried,) = [n for n in recent(store) if n.id == bad.id]
    assert retried.status == "sent" and retried.attempts == 2
    assert len(lines(tmp_path / "later" / "a.jsonl")) == 1


FIRE_SCRIPT = """
import sys
from accord.alerts import fire
from accord.config import Settings
from accord.store import Store
with Store.open(sys.argv[1]) as store:
    print(len(fire(store, Settings(webhook_backoff=0.05))))
"""


def test_two_processes_firing_at_once_send_each_notification_once(store, tmp_path):
    out = tmp_path / "a.jsonl"
    with webhook() as hook:
        add_alert(store, Alert.parse(actor="CHN", webhook=hook.url, jsonl=str(out)))
        events = [add_event(store) for _ in range(30)]
        url = str(store.engine.url)
        env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
        procs = [
            subprocess.Popen([sys.executable, "-c", FIRE_SCRIPT, url], stdout=subprocess.PIPE, text=True, env=env)
            for _ in range(2)
        ]
        counts = [int(p.communicate(timeout=120)[0]) for p in procs]
        assert sorted(counts) in ([0, 30], [30, 0]) and sum(counts) == 30
        assert sorted(m["event"]["id"] for m in hook.delivered()) == events
        assert len(hook.received) == 30
    assert sorted(m["event"]["id"] for m in lines(out)) == events


def test_a_notification_held_by_a_process_that_died_is_delivered_once_its_lease_runs_out(store, tmp_path):
    from datetime import UTC, datetime, timedelta

    from accord.store import alerts as sql

    out = tmp_path / "a.jsonl"
    alert, _ = add_alert(store, Alert.parse(dyad="CHN-USA", jsonl=str(out)))
    now = datetime.now(UTC)
    rows = [
        {
            "alert_pk": alert.id,
            "group_pk": add_event(store),
            "created_at": now,
            "status": "pending",
            "payload": {"schema": "accord-alert/1", "note": note},
            "jsonl_path": str(out),
            "jsonl_status": "pending",
            "attempts": 0,
            "lease_until": now + held,
        }
        for note, held in (("expired", timedelta(minutes=-1)), ("held", timedelta(minutes=10)))
    ]
    with store.engine.begin() as conn:
        expired, held = sql.insert_notifications(conn, rows)
    assert deliver(store, FAST) == 1
    assert [(m["id"], m["note"]) for m in lines(out)] == [(expired, "expired")]
    assert {n.id: n.status for n in recent(store)} == {expired: "sent", held: "pending"}
