"""Keeping alerts: add one, list them, remove one, and read the notifications they raised. The CLI
(`accord alerts`), the web API and Python callers all go through these."""

from __future__ import annotations

from datetime import UTC, datetime

from ..errors import UsageError
from ..store import Store
from ..store import alerts as sql
from ..store.database import take_write_lock
from .notify import Notification
from .rules import Alert


def add_alert(store: Store, alert: Alert, include_existing: bool = False) -> tuple[Alert, int]:
    """Store `alert`; returns it with its number and how many stored merged events it matches already.
    Those are recorded as existing and never sent, so the alert tells of what comes next (new events,
    or older ones that gain enough articles), unless `include_existing`: then they are sent at the next
    ingest (or `fire`)."""
    with store.engine.begin() as conn:
        take_write_lock(conn)  # no linker may add events between the alert and its record of the existing ones
        now = datetime.now(UTC)
        pk = sql.insert_alert(conn, alert.to_row() | {"created_at": now})
        row = alert.to_row() | {"pk": pk, "created_at": now}
        existing = len(sql.unnotified_matches(conn, row)) if include_existing else sql.existing_matches(conn, row, now)
    return Alert.from_row(row), existing


def list_alerts(store: Store) -> list[Alert]:
    """Every alert, oldest first, with how many notifications each raised."""
    with store.engine.connect() as conn:
        return [Alert.from_row(row) for row in sql.alert_rows(conn)]


def remove_alert(store: Store, alert_id: int) -> None:
    """Remove an alert and its notifications; a UsageError when there is no such alert."""
    with store.engine.begin() as conn:
        take_write_lock(conn)
        if not sql.delete_alert(conn, alert_id):
            raise UsageError(f"no alert number {alert_id}; `accord alerts list` shows them")


def recent(store: Store, limit: int | None = 20, offset: int = 0, alert: int | None = None) -> list[Notification]:
    """Notifications newest first (of one alert when given)."""
    with store.engine.connect() as conn:
        return [Notification.from_row(r) for r in sql.notification_rows(conn, limit=limit, offset=offset, alert=alert)]


def count_recent(store: Store, alert: int | None = None) -> int:
    """How many notifications `recent` can list."""
    with store.engine.connect() as conn:
        return sql.count_notifications(conn, alert)
