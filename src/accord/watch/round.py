"""One round of `accord watch`: every due source fetched (conditional GET), its new items turned into
Documents (full content, else the article page), and those ingested and linked as `accord ingest` does.

Fetching runs in a thread of its own (one asyncio loop, concurrent across hosts, polite per host:
accord.sources.fetch) and hands documents over a bounded queue to this thread, which feeds them to the
ingest (worker processes for the NLP, this process the one writer), so fetching and NLP overlap and
memory stays bounded however many items a source lists. Source state and the items taken are written
by this thread. An item is taken once: known by URL or GUID it is not fetched, known by content key (the
same text under another address) it is not stored. When `stop` is set the fetcher starts nothing new;
what was fetched is ingested and linked, and the round ends.
"""

from __future__ import annotations

import asyncio
import queue
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from ..alerts.notify import Echo
from ..config import Settings
from ..errors import RobotsDisallowed, SourceError
from ..ingestion import IngestSummary, ingest_items
from ..model import Document, Failure
from ..nlp import Pipeline
from ..sources.documents import READER, content_key, from_content, from_page, origin_of
from ..sources.fetch import Fetcher, Response, cut_note
from ..sources.listing import Item, Listing, read_listing
from ..sources.robots import RobotsCache
from ..sources.schedule import Schedule, after_failure, after_success, retry_after
from ..store import Store, doc_key, tables
from ..store.sources import SeenItem, Source, due_sources, record_seen, seen, update_source
from ..workers import ExtractionPool

QUEUE_SIZE = 64  # documents fetched and waiting for the NLP
FLUSH = 64  # items taken, written together
DONE = object()  # the fetcher's last message


@dataclass
class SourceReport:
    """What the round did with one source."""

    pk: int
    label: str
    outcome: str  # new items | nothing new | not modified | failed | paused
    new_items: int = 0
    error: str | None = None
    next_check_at: datetime | None = None
    reason: str = ""  # which scheduling rule set the next check


@dataclass
class RoundSummary:
    """One round: each source's report, the ingest of its items, duplicates left out, new documents."""

    sources: list[SourceReport] = field(default_factory=list)
    ingest: IngestSummary | None = None
    duplicates: int = 0
    new_documents: list[int] = field(default_factory=list)  # store numbers of the documents this round stored


def run_round(
    store: Store,
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    pool: ExtractionPool | None = None,
    stop: threading.Event | None = None,
    robots: RobotsCache | None = None,
    rng: random.Random | None = None,
    echo: Echo | None = None,
) -> RoundSummary:
    """Fetch and ingest every source due now (none due: an empty summary); the alerts raised after linking
    are in the ingest's summary, and `echo` is called with each as it is raised (accord.alerts.fire)."""
    summary = RoundSummary()
    due = due_sources(store, datetime.now(UTC))
    if not due:
        return summary
    out: queue.Queue[Any] = queue.Queue(QUEUE_SIZE)
    closed = threading.Event()
    fetcher = _FetchThread(store, settings, due, robots or RobotsCache(), stop or threading.Event(), out, closed, rng)
    thread = threading.Thread(target=fetcher.run, name="accord-watch-fetch", daemon=True)
    taken = _Taken(store)
    thread.start()

    def documents() -> Iterator[Document | Failure]:
        while True:
            entry = out.get()
            if entry is DONE:
                return
            kind = entry[0]
            if kind == "source":
                _, pk, values, report = entry
                update_source(store, pk, **values)
                summary.sources.append(report)
            elif kind == "duplicate":
                summary.duplicates += 1
                taken.add(entry[1])
            else:
                _, found, item = entry
                if item is not None:
                    taken.expect(found.origin, item)
                yield found

    try:
        summary.ingest = ingest_items(
            documents(),
            store,
            settings,
            pipeline=pipeline,
            progress=taken.done,
            inputs=[s.url for s in due],
            pool=pool,
            echo=echo,
        )
    finally:
        closed.set()
        while True:  # let a fetcher blocked on a full queue see `closed`
            try:
                out.get_nowait()
            except queue.Empty:
                break
        thread.join(timeout=60)
        taken.flush()
    d = tables.documents
    with store.engine.connect() as conn:
        summary.new_documents = list(conn.execute(select(d.c.pk).where(d.c.run_pk == summary.ingest.run)).scalars())
    return summary


class _Taken:
    """The items of the round waiting for the ingest's verdict, written to the store in groups."""

    def __init__(self, store: Store):
        self.store = store
        self.waiting: dict[str, SeenItem] = {}
        self.ready: list[SeenItem] = []
        self.failures_read = 0

    def expect(self, origin: str, item: SeenItem) -> None:
        self.waiting[origin] = item

    def add(self, item: SeenItem) -> None:
        self.ready.append(item)
        if len(self.ready) >= FLUSH:
            self.flush()

    def done(self, summary: IngestSummary, origins: list[str]) -> None:
        """The ingest's progress: these inputs were stored, found unchanged, or failed."""
        failed = {f.origin: f.reason for f in summary.failures[self.failures_read :]}
        self.failures_read = len(summary.failures)
        for origin in origins:
            item = self.waiting.pop(origin, None)
            if item is None:
                continue
            if origin in failed:
                item.outcome, item.error = "failed", failed[origin]
            self.add(item)

    def flush(self) -> None:
        record_seen(self.store, self.ready)
        self.ready = []


class _FetchThread:
    """The fetching side of a round, run in its own thread with its own event loop."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        due: list[Source],
        robots: RobotsCache,
        stop: threading.Event,
        out: queue.Queue[Any],
        closed: threading.Event,
        rng: random.Random | None,
    ):
        self.store, self.settings, self.watch = store, settings, settings.watch
        self.due, self.robots, self.stop, self.out, self.closed = due, robots, stop, out, closed
        self.rng = rng or random.Random()
        self.urls: set[str] = set()  # taken this round, from any source
        self.guids: set[str] = set()
        self.keys: set[str] = set()
        # sources with items left for a later round (a backlog, a stop, a page to try again): their feed's
        # validators are not kept, so the next check reads the whole feed instead of hearing 304
        self.unfinished: set[int] = set()

    def run(self) -> None:
        try:
            asyncio.run(self._all())
        finally:
            self._put(DONE)

    def _put(self, entry: Any) -> None:
        while not self.closed.is_set():
            try:
                self.out.put(entry, timeout=0.5)
                return
            except queue.Full:
                continue

    async def _send(self, entry: Any) -> None:
        await asyncio.to_thread(self._put, entry)

    async def _all(self) -> None:
        async with Fetcher(self.watch, self.robots) as fetcher:
            await asyncio.gather(*(self._guarded(fetcher, source) for source in self.due))

    async def _guarded(self, fetcher: Fetcher, source: Source) -> None:
        if self.stop.is_set() or self.closed.is_set():
            return
        try:
            await self._source(fetcher, source)
        except Exception as exc:  # a bug met on one source must not stop the others
            await self._failed(source, f"{type(exc).__name__}: {exc}", {})

    async def _source(self, fetcher: Fetcher, source: Source) -> None:
        headers = {}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.last_modified:
            headers["If-Modified-Since"] = source.last_modified
        try:
            response = await fetcher.get(source.url, headers)
        except RobotsDisallowed as exc:
            await self._failed(source, str(exc), {}, pause=True)
            return
        except SourceError as exc:
            await self._failed(source, str(exc), {})
            return
        now = datetime.now(UTC)
        if response.status == 304:
            plan = after_success(now, self.watch, response.headers, previous_interval=source.interval_seconds)
            await self._succeeded(source, response, plan, "not modified", 0, None)
            return
        if response.status != 200:
            wait = retry_after(now, response.headers)
            asked = f" (Retry-After {wait:g} s)" if wait is not None else ""
            await self._failed(source, f"HTTP {response.status}{asked}", response.headers, status=response.status)
            return
        note = cut_note(response, self.watch.max_bytes) if response.truncated else None
        try:
            listing = await asyncio.to_thread(
                read_listing, response.body, response.url, source.kind, response.content_type
            )
        except SourceError as exc:
            await self._failed(source, f"{exc}{'; ' + note if note else ''}", response.headers, status=200)
            return
        fresh, backlog = await self._fresh(listing.items)
        publisher = listing.title or source.name
        pages = []
        for item in fresh:
            if item.content:
                await self._emit(source, item, from_content(item, source, publisher), permanent=True)
            elif not item.url:
                failure = Failure(origin_of(item, source), "feed item has neither content nor a link", READER)
                await self._emit(source, item, failure, permanent=True)
            else:
                pages.append(self._page(fetcher, source, item, publisher))
        await asyncio.gather(*pages)
        plan = after_success(
            datetime.now(UTC),
            self.watch,
            response.headers,
            previous_interval=source.interval_seconds,
            published=[i.published for i in listing.items if i.published is not None],
            new_items=len(fresh),
            ttl_seconds=listing.ttl_seconds,
        )
        if backlog:
            self.unfinished.add(source.pk)
        if backlog and plan.reason != "Retry-After":  # more new items than one round takes: come back soon
            soon = datetime.now(UTC) + timedelta(seconds=self.watch.min_interval)
            plan = Schedule(min(plan.next_check_at, soon), plan.interval_seconds, "backlog")
        problems = [p for p in (listing.warning, note) if p]
        outcome = "new items" if fresh else "nothing new"
        await self._succeeded(source, response, plan, outcome, len(fresh), "; ".join(problems) or None, listing)

    async def _fresh(self, items: list[Item]) -> tuple[list[Item], bool]:
        """The items not taken before (by URL or GUID, from any source), each once, at most the per-source
        number; and whether more were left for the next round."""
        known = await asyncio.to_thread(
            seen, self.store, [i.url for i in items if i.url], [i.guid for i in items if i.guid]
        )
        fresh: list[Item] = []
        for item in items:
            if not item.url and not item.guid:
                continue
            if item.url and (item.url in known.urls or item.url in self.urls):
                continue
            if item.guid and (item.guid in known.guids or item.guid in self.guids):
                continue
            if len(fresh) >= self.watch.items_per_source:
                return fresh, True
            if item.url:
                self.urls.add(item.url)
            if item.guid:
                self.guids.add(item.guid)
            fresh.append(item)
        return fresh, False

    async def _page(self, fetcher: Fetcher, source: Source, item: Item, publisher: str | None) -> None:
        """Fetch an item's article page and hand over its Document, or its Failure."""
        if self.stop.is_set() or self.closed.is_set():
            self._forget(source, item)  # not fetched: the next round takes it
            return
        assert item.url is not None
        origin = origin_of(item, source)
        try:
            response = await fetcher.get(item.url)
        except RobotsDisallowed as exc:
            await self._emit(source, item, Failure(origin, str(exc), READER), permanent=True)
            return
        except SourceError as exc:  # a timeout or a network error: tried again when next listed
            self._forget(source, item)
            await self._emit(source, item, Failure(origin, str(exc), READER), permanent=False)
            return
        if response.status != 200:
            transient = response.status == 429 or response.status >= 500
            if transient:
                self._forget(source, item)
            await self._emit(source, item, Failure(origin, f"HTTP {response.status}", READER), permanent=not transient)
            return
        note = cut_note(response, self.watch.max_bytes) if response.truncated else None
        found = await asyncio.to_thread(from_page, item, source, publisher, response.body, note)
        await self._emit(source, item, found, permanent=True)

    def _forget(self, source: Source, item: Item) -> None:
        self.unfinished.add(source.pk)
        self.urls.discard(item.url or "")
        self.guids.discard(item.guid or "")

    async def _emit(self, source: Source, item: Item, found: Document | Failure, permanent: bool) -> None:
        """Hand a Document (unless its text was taken already) or a Failure to the ingest."""
        taken = SeenItem(source.pk, item.url, item.guid, None, item.title, "ingested")
        if isinstance(found, Failure):
            taken.outcome, taken.error = "failed", found.reason
            await self._send(("item", found, taken if permanent else None))
            return
        key = taken.content_key = content_key(found)
        if key in self.keys or key in (await asyncio.to_thread(seen, self.store, [], [], [key])).keys:
            taken.outcome = "duplicate"
            await self._send(("duplicate", taken))
            return
        self.keys.add(key)
        taken.doc_key = doc_key(found)
        await self._send(("item", found, taken))

    async def _succeeded(
        self,
        source: Source,
        response: Response,
        plan: Schedule,
        outcome: str,
        new_items: int,
        problem: str | None,
        listing: Listing | None = None,
    ) -> None:
        now = datetime.now(UTC)
        values: dict[str, Any] = {
            "last_fetch_at": now,
            "last_http_status": response.status,
            "next_check_at": plan.next_check_at,
            "interval_seconds": plan.interval_seconds,
            "failures": 0,
            "status": "active",
            "last_error": problem,
        }
        if response.status == 200:
            whole = source.pk not in self.unfinished
            values["etag"] = response.headers.get("etag") if whole else None
            values["last_modified"] = response.headers.get("last-modified") if whole else None
        if new_items:
            values["last_new_at"] = now
        if not source.name and listing is not None and listing.title:
            values["name"] = listing.title
        report = SourceReport(source.pk, source.label, outcome, new_items, problem, plan.next_check_at, plan.reason)
        await self._send(("source", source.pk, values, report))

    async def _failed(
        self, source: Source, reason: str, headers: dict[str, str], pause: bool = False, status: int | None = None
    ) -> None:
        failures = source.failures + 1
        now = datetime.now(UTC)
        plan = after_failure(
            now, self.watch, headers, failures=failures, previous_interval=source.interval_seconds, rng=self.rng
        )
        values: dict[str, Any] = {
            "last_fetch_at": now,
            "last_http_status": status,
            "last_error": reason,
            "failures": failures,
            "next_check_at": plan.next_check_at,
            "interval_seconds": plan.interval_seconds,
            "status": "failing",
        }
        outcome = "failed"
        if pause or failures >= self.watch.max_failures:
            outcome = values["status"] = "paused"
            values["pause_reason"] = (
                reason if pause else f"paused after {failures} failures in a row; the last: {reason}"
            )
        report = SourceReport(source.pk, source.label, outcome, 0, reason, plan.next_check_at, plan.reason)
        await self._send(("source", source.pk, values, report))
