"""The Python API over a store: `db = accord.open("accord.db")`, then `db.events(dyad=("CHN", "USA"))`,
`db.quotes(speaker="Wang Yi")`, `db.dyad_series("CHN", "USA", by="week")` and so on, returning typed
records (lists of them have `.to_pandas()`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .alerts import Alert, Notification, count_recent, list_alerts, recent
from .analytics.framing import framing as frame_quotes
from .analytics.network import network as build_network
from .analytics.records import (
    ActorRecord,
    Edge,
    EventRecord,
    Framing,
    QuoteRecord,
    Records,
    Report,
    StoryRecord,
)
from .analytics.series import Series
from .analytics.series import dyad_series as build_series
from .errors import UsageError
from .kb import load_kb
from .linking import LinkSummary, link
from .store import Store, overview, provenance
from .store import queries as q
from .store.filters import ActorFilter, EventFilter, Page, QuoteFilter, StoryFilter

T = TypeVar("T")


class Database:
    """A store opened for questions: every listing with its count, and the reads behind the web, the
    exports and the brief, so none of them reaches the engine or the tables. Filters are
    `accord.store.filters`' (a side is an ISO-3 code or an actor name): pass one, or its fields as
    keywords."""

    def __init__(self, store: Store):
        self.store = store
        self._names = {code: info.name for code, info in load_kb().cameo.items()}

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def name(self) -> str:
        """The database as a person would name it: a SQLite file path, else its URL without password."""
        url = self.store.engine.url
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:"
        return url.render_as_string(hide_password=True)

    def _read(self, query: Callable[..., T], *args: Any) -> T:
        """`query(connection, *args)` on a connection of its own."""
        with self.store.engine.connect() as conn:
            return query(conn, *args)

    def link(self) -> LinkSummary:
        """Group new documents into stories and merge their events (ingest does this itself)."""
        return link(self.store)

    # --- events ---------------------------------------------------------------------------------

    def events(
        self,
        where: EventFilter | None = None,
        /,
        *,
        limit: int | None = None,
        offset: int = 0,
        reports: bool = False,
        **filters: Any,
    ) -> Records[EventRecord]:
        """Merged events newest first (by date, then number; undated last), each with its first report's
        evidence (and with `reports`, every report). `filters` are EventFilter's fields: dyad, actor, since,
        until, code, quad, status, story, directed, historical. Historical events (history the text tells
        as background) are left out unless `historical=True` or `status="historical"`."""
        f = where or EventFilter(**filters)
        with self.store.engine.connect() as conn:
            rows = q.merged_events(conn, f, Page(limit, offset))
            records: Records[EventRecord] = Records(self._event(r) for r in rows)
            if reports:
                for record in records:
                    record.reports = [Report(**_report(r)) for r in q.event_reports(conn, record.id)]
        return records

    def count_events(self, where: EventFilter | None = None, /, **filters: Any) -> int:
        """How many merged events `events` lists for the same filter, without paging."""
        return self._read(q.count_merged_events, where or EventFilter(**filters))

    def event(self, event_id: int) -> EventRecord | None:
        """One merged event with every report of it."""
        row = self._read(q.merged_event, event_id)
        if row is None:
            return None
        record = self._event(row)
        record.reports = [Report(**_report(r)) for r in self.event_reports(event_id)]
        return record

    def event_reports(self, event_id: int) -> list[dict[str, Any]]:
        """Every report of a merged event as stored: document (number and id), source, sentence and its
        offsets, trigger, code, date."""
        return self._read(q.event_reports, event_id)

    def timeline(
        self,
        dyad: tuple[str, str] | str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Records[EventRecord]:
        """A dyad's or an actor's dated events, newest first, each with its evidence sentence (historical
        ones left out, as `events` leaves them)."""
        return Records(e for e in self.events(dyad=dyad, actor=actor, since=since, until=until) if e.date)

    def dyad_series(
        self,
        a: str,
        b: str,
        by: str = "month",
        since: str | None = None,
        until: str | None = None,
        historical: bool = False,
    ) -> Series:
        """A pair's events per period (both directions) by QuadClass, with the cooperation index and the
        mean GDELT-style tone of the reporting documents; history told as background (status historical)
        counts only with `historical`. Events without a date are in no period: `.undated` says how many
        were left out."""
        events = self.events(dyad=(a, b), since=since, until=until, historical=historical)
        tones = self._read(provenance.document_tones, [e.id for e in events if e.date])
        return build_series(events, by, tones)

    def network(
        self,
        since: str | None = None,
        until: str | None = None,
        quad: int | None = None,
        level: str = "actor",
        actor: str | None = None,
    ) -> Records[Edge]:
        """Who interacted with whom: links weighted by events, actors or (`level="country"`) countries."""
        return build_network(self.events(since=since, until=until, quad=quad, actor=actor), level)

    # --- quotes, actors, stories ---------------------------------------------------------------------

    def quotes(
        self, where: QuoteFilter | None = None, /, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Records[QuoteRecord]:
        """Quotations by date; `filters` are QuoteFilter's fields: speaker, country, search, story,
        document, since, until."""
        rows = self._read(q.quotes, where or QuoteFilter(**filters), Page(limit, offset))
        return Records(_quote(r) for r in rows)

    def count_quotes(self, where: QuoteFilter | None = None, /, **filters: Any) -> int:
        """How many quotations `quotes` lists for the same filter, without paging."""
        return self._read(q.count_quotes, where or QuoteFilter(**filters))

    def actors(
        self, where: ActorFilter | None = None, /, *, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Records[ActorRecord]:
        """Actors across documents, most often named first; `filters` are ActorFilter's: search, country."""
        rows = self._read(q.actors, where or ActorFilter(**filters), Page(limit, offset))
        return Records(ActorRecord(**r) for r in rows)

    def count_actors(self, where: ActorFilter | None = None, /, **filters: Any) -> int:
        """How many actors `actors` lists for the same filter, without paging."""
        return self._read(q.count_actors, where or ActorFilter(**filters))

    def stories(self, limit: int | None = None, offset: int = 0, min_documents: int = 1) -> Records[StoryRecord]:
        """Stories, the most documents first."""
        rows = self._read(q.stories, StoryFilter(min_documents), Page(limit, offset))
        return Records(_story(r) for r in rows)

    def count_stories(self, min_documents: int = 1) -> int:
        """How many stories `stories` lists, without paging."""
        return self._read(q.count_stories, StoryFilter(min_documents))

    def story(self, story_id: int) -> StoryRecord | None:
        """One story with its documents."""
        row = self._read(q.story, story_id)
        return _story(row) if row else None

    def framing(self, story: int | None = None, event: int | None = None, document: str | None = None) -> Framing:
        """Each side's characterisation: the quotations in the story's documents (or in the documents
        that reported the event, or in the story of a document given by id), grouped by the speaker's
        country."""
        if document is not None:
            found = self.store.find_documents(document)
            if not found:
                raise UsageError(f"no stored document has number, id or key {document!r}")
            story = self.story_of_document(found[0]["pk"])
        if event is not None:
            doc_pks = {r["doc_pk"] for r in self.event_reports(event)}
            return frame_quotes([quote for pk in sorted(doc_pks) for quote in self.quotes(document=pk)])
        return frame_quotes(self.quotes(story=story))

    # --- documents and the store as a whole ---------------------------------------------------------------

    def documents(self, limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored documents newest first, with counts of what was found in each."""
        return self.store.list_documents(limit, offset)

    def count_documents(self) -> int:
        """How many documents are stored."""
        return self.store.count("documents")

    def document(self, pk: int) -> dict[str, Any] | None:
        """One stored document by number: provenance and the extraction (contract object)."""
        return self._read(overview.document, pk)

    def find_documents(self, ident: str) -> list[dict[str, Any]]:
        """Documents whose number, id or content-key prefix is `ident`, newest ingest first."""
        return self.store.find_documents(ident)

    def documents_by_key(self, keys: list[str]) -> list[dict[str, Any]]:
        """Stored documents (number, id, key, title) by content key, in the order of `keys`."""
        return self._read(overview.documents_by_key, keys)

    def merged_event_ids(self, doc_pk: int) -> dict[str, int]:
        """A document's event ids ("e3") to the merged events they joined."""
        return self._read(overview.merged_event_ids, doc_pk)

    def story_of_document(self, doc_pk: int) -> int | None:
        """The story a stored document belongs to, if it is linked."""
        return self._read(q.story_of_document, doc_pk)

    # --- sources that `accord watch` follows -------------------------------------------------------------

    def sources(self, recent: int = 5) -> list[dict[str, Any]]:
        """Every followed source with its state (status, last fetch, next check, items, last error) and the
        `recent` items last taken from it (title, outcome, error, stored document number)."""
        from .store.sources import list_sources, recent_items

        return [s.to_dict() | {"recent": recent_items(self.store, s.pk, recent)} for s in list_sources(self.store)]

    def sides(self) -> dict[str, list[dict[str, Any]]]:
        """Countries and actor names taking part in merged events, most events first."""
        return self._read(overview.sides)

    def busiest_pair(self) -> tuple[str, str] | None:
        """The two countries with the most merged events between them."""
        return self._read(overview.busiest_pair)

    def sizes(self) -> dict[str, int]:
        """How many documents, merged events, quotations and stories are stored."""
        return self._read(overview.count_all)

    # --- alerts ---------------------------------------------------------------------------------------------

    def alerts(self) -> list[Alert]:
        """The store's alerts, oldest first, with how many notifications each raised."""
        return list_alerts(self.store)

    def notifications(self, limit: int | None = 20, offset: int = 0, alert: int | None = None) -> list[Notification]:
        """Notifications raised, newest first (of one alert when given), with how delivery went."""
        return recent(self.store, limit, offset, alert)

    def count_notifications(self, alert: int | None = None) -> int:
        """How many notifications `notifications` can list."""
        return count_recent(self.store, alert)

    # --- provenance, for the exports and the brief -----------------------------------------------------

    def first_report_rows(self, event_ids: list[int]) -> dict[int, dict[str, Any]]:
        """Each merged event's first report: its actors, document and sentence position."""
        return self._read(provenance.first_report_rows, event_ids)

    def event_place_rows(self, event_ids: list[int]) -> list[dict[str, Any]]:
        """The place rows of every report of the merged events, in report order."""
        return self._read(provenance.event_place_rows, event_ids)

    def document_table(self, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        """Every document with its counts and story, by date, optionally within `since`..`until`."""
        return self._read(provenance.document_table, since, until)

    def documents_of_events(self, event_ids: list[int]) -> set[int]:
        """The documents (store numbers) that reported one of the merged events."""
        return self._read(provenance.documents_of_events, event_ids)

    def document_sources(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """Publisher and URL of documents by id."""
        return self._read(provenance.document_sources, ids)

    # --- rows to records --------------------------------------------------------------------------------

    def _event(self, r: dict[str, Any]) -> EventRecord:
        """A merged-event row as a record, its CAMEO code named."""
        return EventRecord(
            id=r["pk"],
            date=r["date"],
            date_end=r["date_end"],
            date_basis=r["date_basis"],
            date_precision=r["date_precision"],
            source=r["source_name"],
            source_country=r["source_country"],
            target=r["target_name"],
            target_country=r["target_country"],
            cameo=r["cameo"],
            cameo_name=self._names.get(r["cameo"], ""),
            plover=r["plover"],
            plover_mode=r["plover_mode"],
            quad_class=r["quad_class"],
            goldstein=r["goldstein"],
            status=r["status"],
            place=r["place_name"],
            place_country=r["place_country"],
            lat=r["lat"],
            lon=r["lon"],
            num_mentions=r["num_mentions"],
            num_sources=r["num_sources"],
            num_articles=r["num_articles"],
            story=r["story_pk"],
            document=r.get("document"),
            evidence=(r.get("evidence") or "").strip() or None,
            trigger=r.get("trigger"),
            rule=r.get("rule"),
            confidence=r.get("confidence"),
            avg_tone=_rounded(r.get("avg_tone")),
        )


def open_database(url: str | None = None) -> Database:
    """The database at `url` (default: ACCORD_DB or accord.db), migrated on open."""
    from .config import db_url_from

    return Database(Store.open(db_url_from(url)))


def _rounded(value: float | None) -> float | None:
    """A mean as stored figures are written (4 decimals), whatever digits the database's AVG gives."""
    return None if value is None else round(float(value), 4)


def _report(r: dict[str, Any]) -> dict[str, Any]:
    """A stored report row as Report's fields."""
    return {
        "document": r["document"],
        "title": r["title"],
        "published": r["published"],
        "source": r["source"],
        "cameo": r["cameo"],
        "status": r["status"],
        "date": r["date"],
        "evidence": (r["evidence"] or "").strip(),
        "trigger": r["trigger_text"],
        "rule": r["rule"],
        "confidence": r["confidence"],
    }


def _quote(r: dict[str, Any]) -> QuoteRecord:
    """A quotation row as a record."""
    return QuoteRecord(
        text=r["text"],
        kind=r["kind"],
        speaker=r["speaker"],
        speaker_text=r["speaker_text"],
        country=r["country"],
        cue=r["cue_text"],
        document=r["document"],
        title=r["title"],
        date=r["date"],
        story=r["story"],
    )


def _story(r: dict[str, Any]) -> StoryRecord:
    """A story row (with its documents, when read) as a record."""
    return StoryRecord(
        id=r["pk"],
        title=r["title"],
        first_date=r["first_date"],
        last_date=r["last_date"],
        num_documents=r["num_documents"],
        documents=r.get("documents", []),
    )
