"""The store's side of watching: the sources `accord watch` follows (with their fetch state) and the items
already taken from them, so that none is fetched or stored twice (by URL, by GUID or by content key).

SQLite gives back naive datetimes; every time here is UTC, so they are read back as UTC."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, update

from ..errors import UsageError
from . import tables
from .filters import store_number
from .store import Store

KINDS = ("feed", "page")
STATUSES = ("active", "failing", "paused")


def utc(value: datetime | None) -> datetime | None:
    """`value` as an aware UTC datetime (SQLite stores them without their zone)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass
class Source:
    """One followed source and its fetch state, as stored."""

    pk: int
    url: str
    name: str | None
    kind: str
    status: str = "active"
    categories: list[str] = field(default_factory=list)
    pause_reason: str | None = None
    added_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetch_at: datetime | None = None
    last_http_status: int | None = None
    next_check_at: datetime | None = None
    interval_seconds: float | None = None
    failures: int = 0
    items: int = 0
    last_new_at: datetime | None = None
    last_error: str | None = None

    @property
    def label(self) -> str:
        """The name, else the URL."""
        return self.name or self.url

    def to_dict(self) -> dict[str, Any]:
        """The source as JSON-ready values (times in ISO 8601, UTC)."""
        out: dict[str, Any] = {}
        for key, value in self.__dict__.items():
            out[key] = value.isoformat() if isinstance(value, datetime) else value
        return out


@dataclass
class SeenItem:
    """An item taken from a source: what identifies it and what became of it."""

    source_pk: int
    url: str | None
    guid: str | None
    content_key: str | None
    title: str | None
    outcome: str  # ingested (stored, or found unchanged) | duplicate (its text was taken already) | failed
    error: str | None = None
    doc_key: str | None = None


def _source(row: Any) -> Source:
    values = dict(row._mapping)
    for key in ("added_at", "last_fetch_at", "next_check_at", "last_new_at"):
        values[key] = utc(values[key])
    values["categories"] = list(values["categories"] or [])
    return Source(**values)


def add_source(store: Store, url: str, kind: str, name: str | None = None, categories: Sequence[str] = ()) -> Source:
    """Record a new source, due at once; a UsageError when its URL is followed already."""
    if kind not in KINDS:
        raise UsageError(f"a source's kind is one of {', '.join(KINDS)}, not {kind!r}")
    s = tables.sources
    with store.engine.begin() as conn:
        if conn.execute(select(s.c.pk).where(s.c.url == url)).first() is not None:
            raise UsageError(f"{url} is followed already (`accord sources list` shows it)")
        conn.execute(
            insert(s).values(
                url=url,
                name=name,
                kind=kind,
                categories=list(categories),
                status="active",
                added_at=datetime.now(UTC),
                failures=0,
                items=0,
            )
        )
    found = find_source(store, url)
    assert found is not None
    return found


def list_sources(store: Store) -> list[Source]:
    """Every source, in the order they were added."""
    with store.engine.connect() as conn:
        return [_source(row) for row in conn.execute(select(tables.sources).order_by(tables.sources.c.pk))]


def find_source(store: Store, ident: str) -> Source | None:
    """The source whose number, URL or name is `ident`."""
    s = tables.sources
    conditions = [s.c.url == ident, s.c.name == ident]
    number = store_number(ident)
    if number is not None:
        conditions.append(s.c.pk == number)
    with store.engine.connect() as conn:
        row = conn.execute(select(s).where(or_(*conditions)).order_by(s.c.pk)).first()
    return _source(row) if row is not None else None


def source_or_error(store: Store, ident: str) -> Source:
    """`find_source`, or a UsageError saying how to see the sources."""
    found = find_source(store, ident)
    if found is None:
        raise UsageError(f"no source has number, URL or name {ident!r}; `accord sources list` shows them")
    return found


def remove_source(store: Store, pk: int) -> None:
    """Forget a source and the items taken from it (the documents stay)."""
    with store.engine.begin() as conn:
        conn.execute(delete(tables.seen_items).where(tables.seen_items.c.source_pk == pk))
        conn.execute(delete(tables.sources).where(tables.sources.c.pk == pk))


def pause_source(store: Store, pk: int, reason: str) -> None:
    """Stop fetching a source until it is resumed, saying why."""
    update_source(store, pk, status="paused", pause_reason=reason)


def resume_source(store: Store, pk: int) -> None:
    """Fetch a paused source again at the next round, its failures forgotten."""
    update_source(store, pk, status="active", pause_reason=None, failures=0, next_check_at=None)


def update_source(store: Store, pk: int, **values: Any) -> None:
    """Set columns of one source."""
    with store.engine.begin() as conn:
        conn.execute(update(tables.sources).where(tables.sources.c.pk == pk).values(**values))


def due_sources(store: Store, now: datetime) -> list[Source]:
    """The sources not paused whose next check has come (or was never set), the longest waiting first."""
    s = tables.sources
    query = (
        select(s)
        .where(s.c.status != "paused", or_(s.c.next_check_at.is_(None), s.c.next_check_at <= now))
        .order_by(s.c.next_check_at.is_not(None), s.c.next_check_at, s.c.pk)
    )
    with store.engine.connect() as conn:
        return [_source(row) for row in conn.execute(query)]


def next_due(store: Store) -> datetime | None:
    """When the next source not paused is due (None: there is none)."""
    s = tables.sources
    with store.engine.connect() as conn:
        never = conn.execute(
            select(func.count()).select_from(s).where(s.c.status != "paused", s.c.next_check_at.is_(None))
        ).scalar_one()
        if never:
            return datetime.now(UTC)
        return utc(conn.execute(select(func.min(s.c.next_check_at)).where(s.c.status != "paused")).scalar_one())


@dataclass
class Seen:
    """What of a set of URLs, GUIDs and content keys has been taken already, from any source."""

    urls: set[str] = field(default_factory=set)
    guids: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


def seen(store: Store, urls: Iterable[str], guids: Iterable[str], keys: Iterable[str] = ()) -> Seen:
    """Which of `urls`, `guids` and `keys` an earlier round took."""
    i = tables.seen_items
    found = Seen()
    with store.engine.connect() as conn:
        for column, values, into in ((i.c.url, urls, found.urls), (i.c.guid, guids, found.guids)):
            into.update(_present(conn, column, values))
        found.keys.update(_present(conn, i.c.content_key, keys))
    return found


def _present(conn: Any, column: Any, values: Iterable[str]) -> set[str]:
    wanted = list({v for v in values if v})
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(conn.execute(select(column).where(column.in_(chunk)).distinct()).scalars())
    return found


def record_seen(store: Store, items: Sequence[SeenItem]) -> None:
    """Remember items taken (whatever became of them) and count them on their sources."""
    if not items:
        return
    now = datetime.now(UTC)
    per_source: dict[int, int] = {}
    for item in items:
        per_source[item.source_pk] = per_source.get(item.source_pk, 0) + 1
    with store.engine.begin() as conn:
        conn.execute(insert(tables.seen_items), [item.__dict__ | {"seen_at": now} for item in items])
        s = tables.sources
        for pk, n in per_source.items():
            conn.execute(update(s).where(s.c.pk == pk).values(items=s.c["items"] + n))


def recent_items(store: Store, source_pk: int, limit: int = 10) -> list[dict[str, Any]]:
    """The items last taken from a source, newest first, with the stored document's number when there is one."""
    i, d = tables.seen_items, tables.documents
    query = (
        select(i.c.url, i.c.title, i.c.outcome, i.c.error, i.c.seen_at, d.c.pk.label("doc_pk"))
        .select_from(i.outerjoin(d, d.c.doc_key == i.c.doc_key))
        .where(i.c.source_pk == source_pk)
        .order_by(i.c.pk.desc())
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = [dict(row._mapping) for row in conn.execute(query)]
    for row in rows:
        when = utc(row["seen_at"])
        row["seen_at"] = when.isoformat() if when else None
    return rows
