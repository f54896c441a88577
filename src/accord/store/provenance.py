"""Reads behind the exports and the brief: where merged events and their reports came from (first
report's actors, document and sentence position, the places reported) and the documents as a flat table.
Id lists are read in chunks, well under every database's bound-parameter limit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import and_, func, select
from sqlalchemy.engine import Connection

from . import tables as t

CHUNK = 500  # ids per IN (...) list

T = TypeVar("T")


def chunks(values: Sequence[T]) -> Iterable[Sequence[T]]:
    """`values` in slices of at most CHUNK."""
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def first_report_rows(conn: Connection, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """For each merged event (by number): its first report's sentence start, the document's first
    sentence start ("opening"), URL, origin and ingest time, and the source's and target's code,
    country, sector, kind and role (prefixed s_ and t_)."""
    g, e, d, s = t.event_groups, t.events, t.documents, t.sentences
    src, tgt = t.actors.alias("src"), t.actors.alias("tgt")
    opening = select(func.min(s.c.start_char)).where(s.c.doc_pk == e.c.doc_pk).correlate(e).scalar_subquery()
    rows: dict[int, dict[str, Any]] = {}
    for chunk in chunks(ids):
        query = (
            select(
                g.c.pk,
                e.c.sentence_start,
                opening.label("opening"),
                d.c.url,
                d.c.origin,
                d.c.ingested_at,
                src.c.code.label("s_code"),
                src.c.country.label("s_country"),
                src.c.sector.label("s_sector"),
                src.c.kind.label("s_kind"),
                src.c.role.label("s_role"),
                tgt.c.code.label("t_code"),
                tgt.c.country.label("t_country"),
                tgt.c.sector.label("t_sector"),
                tgt.c.kind.label("t_kind"),
                tgt.c.role.label("t_role"),
            )
            .select_from(g)
            .outerjoin(e, and_(e.c.doc_pk == g.c.first_doc_pk, e.c.event_id == g.c.first_event_id))
            .outerjoin(d, d.c.pk == g.c.first_doc_pk)
            .outerjoin(src, and_(src.c.doc_pk == e.c.doc_pk, src.c.actor_id == e.c.source))
            .outerjoin(tgt, and_(tgt.c.doc_pk == e.c.doc_pk, tgt.c.actor_id == e.c.target))
            .where(g.c.pk.in_(chunk))
        )
        rows.update({r.pk: dict(r._mapping) for r in conn.execute(query)})
    return rows


def event_place_rows(conn: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The place rows of every report of the merged events (by number), in report order: group_pk, name,
    country, feature, lat, lon, geonames_id."""
    m, e, p = t.event_members, t.events, t.places
    rows: list[dict[str, Any]] = []
    for chunk in chunks(ids):
        query = (
            select(m.c.group_pk, p.c.name, p.c.country, p.c.feature, p.c.lat, p.c.lon, p.c.geonames_id)
            .join(e, and_(e.c.doc_pk == m.c.doc_pk, e.c.event_id == m.c.event_id))
            .join(p, and_(p.c.doc_pk == e.c.doc_pk, p.c.place_id == e.c.place))
            .where(m.c.group_pk.in_(chunk))
            .order_by(m.c.group_pk, m.c.doc_pk, e.c.sentence_start)
        )
        rows.extend(dict(r._mapping) for r in conn.execute(query))
    return rows


def document_table(conn: Connection, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """Every document with how many actors, quotes and events it has, its story and its GDELT-style tone
    figures, by date (published, else anchor date; undated last), optionally within `since`..`until`."""
    d, sd = t.documents, t.story_documents
    day = func.substr(func.coalesce(d.c.published, d.c.anchor_date), 1, 10)

    def count_of(table):
        return select(func.count()).select_from(table).where(table.c.doc_pk == d.c.pk).correlate(d).scalar_subquery()

    query = (
        select(
            d.c.pk,
            d.c.id,
            d.c.title,
            d.c.url,
            d.c.publisher,
            d.c.published,
            d.c.anchor_date,
            count_of(t.actors).label("num_actors"),
            count_of(t.quotes).label("num_quotes"),
            count_of(t.events).label("num_events"),
            sd.c.story_pk.label("story"),
            d.c.tone,
            d.c.tone_positive,
            d.c.tone_negative,
            d.c.tone_polarity,
            d.c.tone_self_group,
            d.c.word_count,
        )
        .outerjoin(sd, sd.c.doc_pk == d.c.pk)
        .order_by(day.is_(None), day, d.c.pk)
    )
    if since:
        query = query.where(day >= since)
    if until:
        query = query.where(day <= until)
    return [dict(r._mapping) for r in conn.execute(query)]


def documents_of_events(conn: Connection, ids: Sequence[int]) -> set[int]:
    """The documents (store numbers) that reported at least one of the merged events."""
    m = t.event_members
    found: set[int] = set()
    for chunk in chunks(ids):
        found.update(conn.execute(select(m.c.doc_pk).where(m.c.group_pk.in_(chunk))).scalars())
    return found


def document_tones(conn: Connection, ids: Sequence[int]) -> dict[int, dict[int, float]]:
    """Per merged event, the GDELT-style tone of each document that reports it (by store number);
    documents without tone are left out."""
    m, d = t.event_members, t.documents
    found: dict[int, dict[int, float]] = {}
    for chunk in chunks(ids):
        query = (
            select(m.c.group_pk, d.c.pk, d.c.tone)
            .join(d, d.c.pk == m.c.doc_pk)
            .where(m.c.group_pk.in_(chunk), d.c.tone.is_not(None))
        )
        for group_pk, doc_pk, tone in conn.execute(query):
            found.setdefault(group_pk, {})[doc_pk] = tone
    return found


def document_sources(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Publisher and URL of documents by id (the first stored when an id repeats)."""
    d = t.documents
    found: dict[str, dict[str, Any]] = {}
    for chunk in chunks(ids):
        query = select(d.c.id, d.c.publisher, d.c.url).where(d.c.id.in_(chunk)).order_by(d.c.pk)
        for row in conn.execute(query):
            found.setdefault(row.id, {"publisher": row.publisher, "url": row.url})
    return found
