"""Raising and sending notifications: `fire(store, settings)` runs after every linking pass (ingest, the
web's upload, each batch of a watch). It finds the merged events each alert matches and has not told of
(new ones, or older ones that now have enough articles), records one notification per alert and event
(UNIQUE in the store, claimed under its write lock, so two processes never raise the same one), then
delivers what is undelivered: the JSON Lines file, then the webhook. A channel that fails is recorded
with its reason and retried at the next call, up to `settings.alert_attempts` rounds."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from ..config import Settings
from ..store import Store
from ..store import alerts as sql
from ..store.database import sqlite_path, take_write_lock
from . import payload
from .delivery import Webhooks, append_line
from .rules import Alert

Echo = Callable[["Notification"], None]
MAX_HOLD = timedelta(hours=1)  # the longest a process holds the notifications it raised before delivering


@dataclass
class Notification:
    """One alert raised for one merged event, with how its delivery went: `status` is pending, sent,
    error (a channel failed and is retried at the next call) or failed (given up); `message` is what
    was sent (payload.build, with this notification's number as `id`)."""

    id: int
    alert: int
    event: int
    created_at: str
    status: str
    jsonl_path: str | None
    jsonl_status: str | None
    webhook_url: str | None
    webhook_status: str | None
    attempts: int
    last_error: str | None
    sent_at: str | None
    message: dict[str, Any]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Notification:
        return cls(
            id=row["pk"],
            alert=row["alert_pk"],
            event=row["group_pk"],
            created_at=_iso(row["created_at"]) or "",
            status=row["status"],
            jsonl_path=row["jsonl_path"],
            jsonl_status=row["jsonl_status"],
            webhook_url=row["webhook_url"],
            webhook_status=row["webhook_status"],
            attempts=row["attempts"],
            last_error=row["last_error"],
            sent_at=_iso(row["sent_at"]),
            message=message_of(row),
        )

    def headline(self) -> str:
        """The notification in one line (what `accord watch` prints)."""
        return payload.headline(self.message)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def message_of(row: dict[str, Any]) -> dict[str, Any]:
    """What a stored notification sends: its payload with its number first."""
    return {"id": row["pk"], **(row["payload"] or {})}


def notifications_file(settings: Settings, store: Store) -> str:
    """Where notifications go when their alert names no file: ACCORD_ALERTS_FILE, else beside a SQLite
    store (`demo.db` -> `demo.alerts.jsonl`), else accord-alerts.jsonl in the working folder."""
    if settings.alerts_file:
        return os.path.abspath(os.path.expanduser(settings.alerts_file))
    path = sqlite_path(store.engine.url.render_as_string(hide_password=False))
    if path:
        stem = os.path.splitext(os.path.abspath(path))[0]
        return f"{stem}.alerts.jsonl"
    return os.path.abspath("accord-alerts.jsonl")


def fire(store: Store, settings: Settings | None = None, *, echo: Echo | None = None) -> list[Notification]:
    """Raise the notifications the store's merged events call for and deliver every undelivered one;
    returns those raised by this call, oldest first, as their delivery left them. `echo` (say, a function
    printing `n.headline()`) is called with each as it is raised, before delivery. Never raises for a
    failing channel: that is recorded in the notification and retried at the next call."""
    settings = settings or Settings()
    if not _any_alert(store):
        return []
    lease = _lease(settings)
    raised = _raise(store, settings, lease)
    if echo is not None:
        for notification in raised:
            echo(notification)
    deliver(store, settings, {n.id for n in raised})
    return read(store, [n.id for n in raised])


def _any_alert(store: Store) -> bool:
    """Whether the store holds an alert: without one, no write lock is taken at all."""
    with store.engine.connect() as conn:
        return bool(sql.alert_rows(conn))


def _raise(store: Store, settings: Settings, lease: timedelta) -> list[Notification]:
    """Record a notification for every alert and merged event it matches and has none for, in one
    transaction under the store's write lock (so a concurrent linker's events are all seen or none)."""
    default_file = notifications_file(settings, store)
    with store.engine.begin() as conn:
        take_write_lock(conn)
        now = _now()
        rows = []
        for alert_row in sql.alert_rows(conn):
            alert = Alert.from_row(alert_row)
            for group_pk in sql.unnotified_matches(conn, alert_row):
                rows.append(
                    {
                        "alert_pk": alert.id,
                        "group_pk": group_pk,
                        "created_at": now,
                        "status": sql.PENDING,
                        "payload": payload.build(conn, group_pk, alert, settings.base_url),
                        "jsonl_path": alert.jsonl or default_file,
                        "jsonl_status": sql.PENDING,
                        "webhook_url": alert.webhook,
                        "webhook_status": sql.PENDING if alert.webhook else None,
                        "attempts": 0,
                    }
                )
        # held for delivery by this process, each renewed as its turn comes: long enough for all of them
        # to take a whole round, within MAX_HOLD (past it, another process may deliver the rest)
        for row in rows:
            row["lease_until"] = now + min(lease * (len(rows) + 1), MAX_HOLD)
        pks = sql.insert_notifications(conn, rows)
    return [Notification.from_row(row | {"pk": pk, "sent_at": None, "last_error": None}) for row, pk in zip(rows, pks)]


def deliver(store: Store, settings: Settings, mine: Collection[int] = ()) -> int:
    """One delivery round over every undelivered notification that no other process holds (and those in
    `mine`, which this process holds already); returns how many it tried."""
    lease = _lease(settings)
    with store.engine.connect() as conn:
        rows = sql.deliverable(conn, _now(), settings.alert_attempts, mine)
    webhooks = Webhooks(settings.webhook_timeout, settings.webhook_retries, settings.webhook_backoff)
    tried = 0
    try:
        for row in rows:
            with store.engine.begin() as conn:
                now = _now()
                held = row["lease_until"] if row["pk"] in mine else None
                if not sql.take_lease(conn, row["pk"], now, now + lease, held):
                    continue  # another process took it meanwhile
            values = _round(row, webhooks, settings)
            with store.engine.begin() as conn:
                sql.save_delivery(conn, row["pk"], values)
            tried += 1
    finally:
        webhooks.close()
    return tried


def _round(row: dict[str, Any], webhooks: Webhooks, settings: Settings) -> dict[str, Any]:
    """Try each undelivered channel of one notification once (the webhook with its retries); the
    columns to record."""
    message = message_of(row)
    jsonl, webhook = row["jsonl_status"], row["webhook_status"]
    errors: list[str] = []
    tried = False
    if jsonl in sql.UNDELIVERED and row["jsonl_path"]:
        tried = True
        outcome = append_line(row["jsonl_path"], message)
        jsonl = sql.SENT if outcome.ok else sql.ERROR
        errors += [outcome.error] if outcome.error else []
    if webhook in sql.UNDELIVERED and row["webhook_url"]:
        posted = webhooks.post(row["webhook_url"], message)
        if posted is None:
            errors.append(f"not tried this round: {webhooks.down[row['webhook_url']]}")
        else:
            tried = True
            webhook = sql.SENT if posted.ok else sql.ERROR
            errors += [posted.error] if posted.error else []
    attempts = row["attempts"] + int(tried)
    channels = [status for status in (jsonl, webhook) if status is not None]
    values: dict[str, Any] = {"attempts": attempts, "jsonl_status": jsonl, "webhook_status": webhook}
    if errors:
        values["last_error"] = "; ".join(errors)
    if all(status == sql.SENT for status in channels):
        return values | {"status": sql.SENT, "sent_at": _now()}
    if attempts >= settings.alert_attempts:  # given up: the channels still undelivered failed
        values |= {"jsonl_status": _given_up(jsonl), "webhook_status": _given_up(webhook)}
        return values | {"status": sql.FAILED}
    return values | {"status": sql.ERROR if sql.ERROR in channels else sql.PENDING}


def _given_up(status: str | None) -> str | None:
    return sql.FAILED if status in sql.UNDELIVERED else status


def read(store: Store, pks: list[int]) -> list[Notification]:
    """Notifications by number, oldest first."""
    if not pks:
        return []
    with store.engine.connect() as conn:
        rows = sql.notification_rows(conn, pks=pks)
    return [Notification.from_row(row) for row in sorted(rows, key=lambda r: r["pk"])]


def _lease(settings: Settings) -> timedelta:
    """How long one notification's round may take at most: every POST timing out, with the waits
    between them, and a margin."""
    tries = settings.webhook_retries + 1
    waits = settings.webhook_backoff * (2**tries)
    return timedelta(seconds=tries * settings.webhook_timeout + waits + 60)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite gives back what it was given, without the zone: it was UTC
        value = value.replace(tzinfo=UTC)
    return value.isoformat(timespec="seconds")
