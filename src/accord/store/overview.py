"""Reads about the store as a whole and its documents, behind `accord.api.Database`: one document by
number or content key, a document's merged events, the sides a dyad can be drawn between, the busiest
pair and the store's sizes. SQLAlchemy Core, every value a bound parameter."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.engine import Connection

from . import tables as t


def document(conn: Connection, pk: int) -> dict[str, Any] | None:
    """One stored document by number: provenance and the extraction (contract object)."""
    d = t.documents
    row = conn.execute(
        select(
            d.c.pk, d.c.doc_key, d.c.origin, d.c.reader, d.c.ingested_at, d.c.pipeline_version, d.c.extraction
        ).where(d.c.pk == pk)
    ).first()
    return dict(row._mapping) if row else None


def documents_by_key(conn: Connection, keys: list[str]) -> list[dict[str, Any]]:
    """Stored documents (number, id, key, title) by content key, in the order of `keys`."""
    d = t.documents
    if not keys:
        return []
    rows = conn.execute(select(d.c.pk, d.c.id, d.c.doc_key, d.c.title).where(d.c.doc_key.in_(keys)))
    by_key = {r.doc_key: dict(r._mapping) for r in rows}
    return [by_key[k] for k in keys if k in by_key]


def merged_event_ids(conn: Connection, doc_pk: int) -> dict[str, int]:
    """A document's event ids ("e3") to the merged events they belong to."""
    m = t.event_members
    return {
        r.event_id: r.group_pk for r in conn.execute(select(m.c.event_id, m.c.group_pk).where(m.c.doc_pk == doc_pk))
    }


def sides(conn: Connection, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """Countries and actors that take part in merged events, most events first: what a dyad can pair."""
    g = t.event_groups
    countries = union_all(
        select(g.c.source_country.label("side")).where(g.c.source_country.is_not(None)),
        select(g.c.target_country.label("side")).where(g.c.target_country.is_not(None)),
    ).subquery()
    names = union_all(
        select(g.c.source_name.label("side")).where(g.c.source_name.is_not(None)),
        select(g.c.target_name.label("side")).where(g.c.target_name.is_not(None)),
    ).subquery()
    out: dict[str, list[dict[str, Any]]] = {}
    for label, sub in (("countries", countries), ("actors", names)):
        n = func.count().label("events")
        rows = conn.execute(select(sub.c.side, n).group_by(sub.c.side).order_by(n.desc(), sub.c.side).limit(limit))
        out[label] = [{"side": r.side, "events": r.events} for r in rows]
    return out


def busiest_pair(conn: Connection) -> tuple[str, str] | None:
    """The two countries with the most merged events between them (either direction)."""
    g = t.event_groups
    a = (
        func.min(g.c.source_country, g.c.target_country)
        if conn.dialect.name == "sqlite"
        else func.least(g.c.source_country, g.c.target_country)
    )
    b = (
        func.max(g.c.source_country, g.c.target_country)
        if conn.dialect.name == "sqlite"
        else func.greatest(g.c.source_country, g.c.target_country)
    )
    n = func.count()
    row = conn.execute(
        select(a.label("a"), b.label("b"), n.label("n"))
        .where(
            g.c.source_country.is_not(None), g.c.target_country.is_not(None), g.c.source_country != g.c.target_country
        )
        .group_by(a, b)
        .order_by(n.desc(), a, b)
        .limit(1)
    ).first()
    return (row.a, row.b) if row else None


def count_all(conn: Connection) -> dict[str, int]:
    """Sizes of the store, for the dashboard's header."""
    out = {}
    for name, table in (
        ("documents", t.documents),
        ("events", t.event_groups),
        ("quotes", t.quotes),
        ("stories", t.stories),
    ):
        out[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    return out
