"""Reads and writes for the links across documents: signatures, stories and merged events.

Functions take an open Connection so the linker can do one batch of documents in one transaction. The
statements a linking pass runs for every document are built once, with bound parameters: building a
statement costs SQLAlchemy more than SQLite takes to run it.
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from . import tables as t
from .rows import inserted_pk


def unlinked_documents(conn: Connection, limit: int) -> list[dict[str, Any]]:
    """Documents not yet in a story, oldest first (by date, then by store order). The order is found on
    the keys alone and the texts fetched for the chosen few, so the sort never holds the corpus's text."""
    d, sd = t.documents, t.story_documents
    when = func.coalesce(d.c.published, d.c.anchor_date, d.c.document_date)
    chosen = [
        pk
        for (pk,) in conn.execute(
            select(d.c.pk)
            .outerjoin(sd, sd.c.doc_pk == d.c.pk)
            .where(sd.c.doc_pk.is_(None))
            .order_by(when.is_(None), when, d.c.pk)
            .limit(limit)
        )
    ]
    if not chosen:
        return []
    rows = conn.execute(
        select(d.c.pk, d.c.text, d.c.title, d.c.publisher, d.c.sources, d.c.url, d.c.id, _day().label("day")).where(
            d.c.pk.in_(chosen)
        )
    )
    by_pk = {r.pk: dict(r._mapping) for r in rows}
    return [by_pk[pk] for pk in chosen]


def _day():
    d = t.documents
    return func.substr(func.coalesce(d.c.published, d.c.anchor_date, d.c.document_date), 1, 10)


def story_candidates(
    conn: Connection, keys: list[int], since: str | None, until: str | None, undated: bool
) -> list[tuple[int, bytes]]:
    """Linked documents sharing an LSH band key with `keys`, as (doc_pk, signature): those dated within
    since <= day <= until (either may be None: open), and the undated ones when `undated`."""
    query = _candidates_query(since is not None, until is not None, undated)
    rows = conn.execute(query, {"keys": keys, "since": since, "until": until})
    return [(doc_pk, bytes(blob)) for doc_pk, blob in rows]


@functools.cache
def _candidates_query(bounded_below: bool, bounded_above: bool, undated: bool):
    day = _day()
    bands, sig = t.story_bands, t.signatures
    matching = select(bands.c.doc_pk).where(bands.c.key.in_(bindparam("keys", expanding=True))).distinct().subquery()
    query = (
        select(sig.c.doc_pk, sig.c.minhash)
        .join(matching, matching.c.doc_pk == sig.c.doc_pk)
        .join(t.documents, t.documents.c.pk == sig.c.doc_pk)
    )
    dated = day.is_not(None)
    if bounded_below:
        dated = and_(dated, day >= bindparam("since"))
    if bounded_above:
        dated = and_(dated, day <= bindparam("until"))
    return query.where(or_(dated, day.is_(None)) if undated else dated)


def latest_linked_day(conn: Connection) -> str | None:
    """The latest day of a linked dated document (None: none is dated)."""
    day = _day()
    query = select(func.max(day)).select_from(t.signatures).join(t.documents, t.documents.c.pk == t.signatures.c.doc_pk)
    return conn.execute(query).scalar_one_or_none()


_STORY_OF = select(t.story_documents.c.story_pk).where(t.story_documents.c.doc_pk == bindparam("doc_pk"))
_STORY_LAST_DATE = select(t.stories.c.last_date).where(t.stories.c.pk == bindparam("story_pk"))
_COUNT_IN = (
    update(t.stories).where(t.stories.c.pk == bindparam("story_pk")).values(num_documents=t.stories.c.num_documents + 1)
)
_COUNT_IN_LATER = _COUNT_IN.values(last_date=bindparam("day"))


def story_of(conn: Connection, doc_pk: int) -> int | None:
    return conn.execute(_STORY_OF, {"doc_pk": doc_pk}).scalar_one_or_none()


def save_signature(conn: Connection, doc_pk: int, minhash: bytes, keys: list[int]) -> None:
    """A linked document's signature and its LSH band keys (each once)."""
    conn.execute(insert(t.signatures), {"doc_pk": doc_pk, "minhash": minhash})
    conn.execute(insert(t.story_bands), [{"key": key, "doc_pk": doc_pk} for key in set(keys)])


def new_story(conn: Connection, doc: dict[str, Any]) -> int:
    values = {"title": doc["title"], "first_doc_pk": doc["pk"], "first_date": doc["day"], "last_date": doc["day"]}
    return inserted_pk(conn.execute(insert(t.stories), {**values, "num_documents": 0}))


def add_to_story(conn: Connection, story_pk: int, doc: dict[str, Any], similarity: float, relation: str) -> None:
    values = {"story_pk": story_pk, "doc_pk": doc["pk"], "similarity": round(similarity, 4), "relation": relation}
    conn.execute(insert(t.story_documents), values)
    last = conn.execute(_STORY_LAST_DATE, {"story_pk": story_pk}).scalar_one()
    if doc["day"] and (last is None or doc["day"] > last):
        conn.execute(_COUNT_IN_LATER, {"story_pk": story_pk, "day": doc["day"]})
    else:
        conn.execute(_COUNT_IN, {"story_pk": story_pk})


def reports_of(conn: Connection, doc_pks: list[int]) -> list[dict[str, Any]]:
    """Every event of these documents with its actors' identities and its place."""
    e, src, tgt, pl = t.events, t.actors.alias("src"), t.actors.alias("tgt"), t.places
    query = (
        select(
            e,
            src.c.kb_id.label("s_kb"),
            src.c.kind.label("s_kind"),
            src.c.country.label("s_country"),
            src.c.sector.label("s_sector"),
            src.c.name.label("s_name"),
            tgt.c.kb_id.label("t_kb"),
            tgt.c.kind.label("t_kind"),
            tgt.c.country.label("t_country"),
            tgt.c.sector.label("t_sector"),
            tgt.c.name.label("t_name"),
            pl.c.name.label("place_name"),
            pl.c.country.label("place_country"),
            pl.c.lat,
            pl.c.lon,
        )
        .outerjoin(src, and_(src.c.doc_pk == e.c.doc_pk, src.c.actor_id == e.c.source))
        .outerjoin(tgt, and_(tgt.c.doc_pk == e.c.doc_pk, tgt.c.actor_id == e.c.target))
        .outerjoin(pl, and_(pl.c.doc_pk == e.c.doc_pk, pl.c.place_id == e.c.place))
        .where(e.c.doc_pk.in_(doc_pks))
        .order_by(e.c.doc_pk, e.c.sentence_start, e.c.event_id)
    )
    return [dict(r._mapping) for r in conn.execute(query)]


_GROUPS = (
    select(t.event_groups)
    .where(
        t.event_groups.c.source_key == bindparam("source_key"),
        t.event_groups.c.target_key == bindparam("target_key"),
        t.event_groups.c.cameo_root == bindparam("root"),
        t.event_groups.c.status == bindparam("status"),
    )
    .order_by(t.event_groups.c.pk)
)
_GROUP_STORIES = (
    select(t.story_documents.c.story_pk)
    .join(t.event_members, t.event_members.c.doc_pk == t.story_documents.c.doc_pk)
    .where(t.event_members.c.group_pk == bindparam("gpk"))
    .distinct()
)
_UPDATE_GROUP = update(t.event_groups).where(t.event_groups.c.pk == bindparam("gpk"))


def _members_count(*columns):
    m = t.event_members
    return select(*columns).where(m.c.group_pk == t.event_groups.c.pk).scalar_subquery()


_RECOUNT = _UPDATE_GROUP.values(
    num_mentions=_members_count(func.count()),
    num_articles=_members_count(func.count(t.event_members.c.doc_pk.distinct())),
    num_sources=_members_count(func.count(t.event_members.c.source.distinct())),
)


def candidate_groups(conn: Connection, source_key: str, target_key: str, root: str, status: str) -> list[dict]:
    params = {"source_key": source_key, "target_key": target_key, "root": root, "status": status}
    return [dict(r._mapping) for r in conn.execute(_GROUPS, params)]


def group_stories(conn: Connection, group_pk: int) -> set[int]:
    return set(conn.execute(_GROUP_STORIES, {"gpk": group_pk}).scalars())


def new_group(conn: Connection, values: dict[str, Any]) -> int:
    counts = {"num_mentions": 0, "num_sources": 0, "num_articles": 0}
    return inserted_pk(conn.execute(insert(t.event_groups), {**counts, **values}))


def update_group(conn: Connection, group_pk: int, values: dict[str, Any]) -> None:
    if values:
        conn.execute(_UPDATE_GROUP, {"gpk": group_pk, **values})


def add_member(conn: Connection, group_pk: int, doc_pk: int, event_id: str, source: str) -> None:
    values = {"group_pk": group_pk, "doc_pk": doc_pk, "event_id": event_id, "source": source}
    conn.execute(insert(t.event_members), values)


def recount(conn: Connection, group_pks: set[int]) -> None:
    """NumMentions, NumArticles and NumSources from the members, as GDELT defines them."""
    if group_pks:
        conn.execute(_RECOUNT, [{"gpk": pk} for pk in sorted(group_pks)])
