"""Reads and writes of alerts and their notifications. Functions take an open Connection, so that the
alerts raised after a linking pass are claimed in one transaction under the store's write lock."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from . import tables as t
from .filters import EventFilter
from .queries import event_conditions
from .rows import inserted_pk

# A notification's states: matched when its alert was added (never sent), waiting, delivered everywhere,
# failed somewhere and to be retried, given up.
EXISTING, PENDING, SENT, ERROR, FAILED = "existing", "pending", "sent", "error", "failed"
UNDELIVERED = (PENDING, ERROR)


def insert_alert(conn: Connection, values: dict[str, Any]) -> int:
    return inserted_pk(conn.execute(insert(t.alerts).values(**values)))


def alert_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every alert, oldest first, with how many notifications it raised (matches that existed when it was
    added left out)."""
    n = t.notifications
    raised = (
        select(func.count())
        .where(n.c.alert_pk == t.alerts.c.pk, n.c.status != EXISTING)
        .correlate(t.alerts)
        .scalar_subquery()
    )
    query = select(t.alerts, raised.label("raised")).order_by(t.alerts.c.pk)
    return [dict(r._mapping) for r in conn.execute(query)]


def delete_alert(conn: Connection, pk: int) -> bool:
    """Remove an alert and its notifications; False when there is no such alert."""
    conn.execute(delete(t.notifications).where(t.notifications.c.alert_pk == pk))
    return conn.execute(delete(t.alerts).where(t.alerts.c.pk == pk)).rowcount > 0


def match_conditions(alert: dict[str, Any]) -> list:
    """The conditions on merged events of an alert row: its dyad, actor and CAMEO prefix read as the
    event listings read them, then its QuadClasses, statuses, Goldstein bounds and articles."""
    g = t.event_groups
    dyad = (alert["dyad_a"], alert["dyad_b"]) if alert["dyad_a"] and alert["dyad_b"] else None
    conditions = event_conditions(EventFilter(dyad=dyad, actor=alert["actor"], code=alert["code"], historical=True))
    if alert["quads"]:
        conditions.append(g.c.quad_class.in_(alert["quads"]))
    conditions.append(g.c.status.in_(alert["statuses"]))
    if alert["min_goldstein"] is not None:
        conditions.append(g.c.goldstein >= alert["min_goldstein"])
    if alert["max_goldstein"] is not None:
        conditions.append(g.c.goldstein <= alert["max_goldstein"])
    conditions.append(g.c.num_articles >= alert["min_articles"])
    return conditions


def unnotified_matches(conn: Connection, alert: dict[str, Any]) -> list[int]:
    """The merged events (numbers, in order) an alert matches and has no notification for."""
    g, n = t.event_groups, t.notifications
    told = select(n.c.pk).where(n.c.alert_pk == alert["pk"], n.c.group_pk == g.c.pk).correlate(g).exists()
    query = select(g.c.pk).where(*match_conditions(alert), ~told).order_by(g.c.pk)
    return list(conn.execute(query).scalars())


def insert_notifications(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert notification rows, returning their numbers in order."""
    return [inserted_pk(conn.execute(insert(t.notifications).values(**row))) for row in rows]


def event_articles(conn: Connection, group_pk: int) -> list[dict[str, Any]]:
    """The documents that report a merged event, each once, by publication date: the articles a
    notification lists."""
    m, d = t.event_members, t.documents
    reporting = select(m.c.doc_pk).where(m.c.group_pk == group_pk)
    query = (
        select(d.c.pk, d.c.id, d.c.title, d.c.url, d.c.publisher, d.c.published)
        .where(d.c.pk.in_(reporting))
        .order_by(d.c.published.is_(None), d.c.published, d.c.pk)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


def deliverable(conn: Connection, now: datetime, max_attempts: int, mine: Collection[int] = ()) -> list[dict[str, Any]]:
    """Notifications still to deliver somewhere, oldest first: not given up, and not held by another
    process delivering them (a lease that ran out is free again: its process died); those in `mine` are
    held by the caller."""
    n = t.notifications
    held = [or_(n.c.lease_until.is_(None), n.c.lease_until < now)]
    if mine:
        held.append(n.c.pk.in_(list(mine)))
    query = select(n).where(n.c.status.in_(UNDELIVERED), n.c.attempts < max_attempts, or_(*held)).order_by(n.c.pk)
    return [dict(r._mapping) for r in conn.execute(query)]


def take_lease(conn: Connection, pk: int, now: datetime, until: datetime, held_until: datetime | None = None) -> bool:
    """Hold a notification for delivery until `until`: one free, or (`held_until`) one the caller holds
    with that lease, renewed. False when another process holds it or it was delivered meanwhile."""
    n = t.notifications
    conditions = [n.c.pk == pk, n.c.status.in_(UNDELIVERED)]
    if held_until is not None:
        conditions.append(n.c.lease_until == held_until)
    else:
        conditions.append(or_(n.c.lease_until.is_(None), n.c.lease_until < now))
    taken = conn.execute(update(n).where(*conditions).values(lease_until=until)).rowcount
    return taken == 1


def save_delivery(conn: Connection, pk: int, values: dict[str, Any]) -> None:
    """Record a delivery round's outcome and free the notification."""
    conn.execute(update(t.notifications).where(t.notifications.c.pk == pk).values(lease_until=None, **values))


def notification_rows(
    conn: Connection, pks: list[int] | None = None, limit: int | None = None, offset: int = 0, alert: int | None = None
) -> list[dict[str, Any]]:
    """Notifications newest first (those given by number, or the latest raised), never the matches that
    existed when their alert was added."""
    n = t.notifications
    query = select(n).where(n.c.status != EXISTING).order_by(n.c.pk.desc())
    if pks is not None:
        query = query.where(n.c.pk.in_(pks))
    if alert is not None:
        query = query.where(n.c.alert_pk == alert)
    return [dict(r._mapping) for r in conn.execute(query.limit(limit).offset(offset))]


def count_notifications(conn: Connection, alert: int | None = None) -> int:
    n = t.notifications
    query = select(func.count()).select_from(n).where(n.c.status != EXISTING)
    if alert is not None:
        query = query.where(n.c.alert_pk == alert)
    return conn.execute(query).scalar_one()


def existing_matches(conn: Connection, alert: dict[str, Any], now: datetime) -> int:
    """Record the merged events an alert matches when it is added as `existing`, so that it tells of
    what is new rather than of the whole store; returns how many."""
    pks = unnotified_matches(conn, alert)
    if pks:
        conn.execute(
            insert(t.notifications),
            [
                {"alert_pk": alert["pk"], "group_pk": pk, "created_at": now, "status": EXISTING, "attempts": 0}
                for pk in pks
            ],
        )
    return len(pks)
