"""The Python API over a store: `db = accord.open("accord.db")`, then `db.events(dyad=("CHN", "USA"))`,
`db.quotes(speaker="Wang Yi")`, `db.dyad_series("CHN", "USA", by="week")` and so on, returning typed
records (lists of them have `.to_pandas()`)."""

from __future__ import annotations

from typing import Any

from .analytics.framing import framing as frame_quotes
from .analytics.network import network as build_network
from .analytics.records import (
    ActorRecord, Edge, EventRecord, Framing, QuoteRecord, Records, Report, SeriesPoint, StoryRecord,
)
from .analytics.series import dyad_series as build_series
from .errors import UsageError
from .kb import load_kb
from .linking import LinkSummary, link
from .store import Store
from .store import queries as q


class Database:
    """A store opened for questions. Filters are the CLI's: a side is an ISO-3 code or an actor name."""

    def __init__(self, store: Store):
        self.store = store
        self._names = {code: info.name for code, info in load_kb().cameo.items()}

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def link(self) -> LinkSummary:
        """Group new documents into stories and merge their events (ingest does this itself)."""
        return link(self.store)

    # --- events ---------------------------------------------------------------------------------

    def events(self, dyad: tuple[str, str] | None = None, actor: str | None = None, since: str | None = None,
               until: str | None = None, code: str | None = None, quad: int | None = None,
               status: str | None = None, story: int | None = None, directed: bool = False,
               limit: int | None = None, offset: int = 0, reports: bool = False) -> Records[EventRecord]:
        f = q.EventFilter(dyad=_pair(dyad), actor=actor, since=since, until=until, code=code, quad=quad,
                          status=status, story=story, directed=directed, limit=limit, offset=offset)
        with self.store.engine.connect() as conn:
            rows = q.merged_events(conn, f)
            records = Records(self._event(r) for r in rows)
            if reports:
                for record in records:
                    record.reports = [Report(**_report(r)) for r in q.event_reports(conn, record.id)]
        return records

    def count_events(self, **filters: Any) -> int:
        f = q.EventFilter(**(filters | {"dyad": _pair(filters.get("dyad"))}))
        with self.store.engine.connect() as conn:
            return q.count_merged_events(conn, f)

    def event(self, event_id: int) -> EventRecord | None:
        """One merged event with every report of it."""
        with self.store.engine.connect() as conn:
            row = q.merged_event(conn, event_id)
            if row is None:
                return None
            record = self._event(row)
            record.reports = [Report(**_report(r)) for r in q.event_reports(conn, event_id)]
        return record

    def timeline(self, dyad: tuple[str, str] | None = None, actor: str | None = None,
                 since: str | None = None, until: str | None = None) -> Records[EventRecord]:
        """A dyad's or an actor's events in date order, each with its evidence sentence."""
        return Records(e for e in self.events(dyad=dyad, actor=actor, since=since, until=until) if e.date)

    def dyad_series(self, a: str, b: str, by: str = "month", since: str | None = None,
                    until: str | None = None) -> Records[SeriesPoint]:
        return build_series(self.events(dyad=(a, b), since=since, until=until), by)

    def network(self, since: str | None = None, until: str | None = None, quad: int | None = None,
                level: str = "actor", actor: str | None = None) -> Records[Edge]:
        return build_network(self.events(since=since, until=until, quad=quad, actor=actor), level)

    # --- quotes, actors, stories ---------------------------------------------------------------------

    def quotes(self, speaker: str | None = None, country: str | None = None, search: str | None = None,
               story: int | None = None, since: str | None = None, until: str | None = None,
               limit: int | None = None, offset: int = 0) -> Records[QuoteRecord]:
        f = q.QuoteFilter(speaker=speaker, country=country, search=search, story=story, since=since,
                          until=until, limit=limit, offset=offset)
        with self.store.engine.connect() as conn:
            return Records(_quote(r) for r in q.quotes(conn, f))

    def actors(self, search: str | None = None, country: str | None = None, limit: int | None = None,
               offset: int = 0) -> Records[ActorRecord]:
        with self.store.engine.connect() as conn:
            return Records(ActorRecord(**r) for r in q.actors(conn, search, country, limit, offset))

    def stories(self, limit: int | None = None, offset: int = 0, min_documents: int = 1) -> Records[StoryRecord]:
        with self.store.engine.connect() as conn:
            return Records(_story(r) for r in q.stories(conn, limit, offset, min_documents))

    def story(self, story_id: int) -> StoryRecord | None:
        with self.store.engine.connect() as conn:
            row = q.story(conn, story_id)
        return _story(row) if row else None

    def framing(self, story: int | None = None, event: int | None = None, document: str | None = None) -> Framing:
        """Each side's characterisation: the quotations in the story's documents (or in the documents
        that reported the event, or in the story of a document given by id), grouped by the speaker's
        country."""
        if document is not None:
            found = self.store.find_documents(document)
            if not found:
                raise UsageError(f"no stored document has number, id or key {document!r}")
            with self.store.engine.connect() as conn:
                story = q.story_of_document(conn, found[0]["pk"])
        if event is not None:
            with self.store.engine.connect() as conn:
                doc_pks = {r["doc_pk"] for r in q.event_reports(conn, event)}
                found = [r for pk in sorted(doc_pks) for r in q.quotes(conn, q.QuoteFilter(document=pk))]
            return frame_quotes([_quote(r) for r in found])
        return frame_quotes(self.quotes(story=story))

    # --- rows to records --------------------------------------------------------------------------------

    def _event(self, r: dict[str, Any]) -> EventRecord:
        return EventRecord(
            id=r["pk"], date=r["date"], date_end=r["date_end"], date_basis=r["date_basis"],
            source=r["source_name"], source_country=r["source_country"], target=r["target_name"],
            target_country=r["target_country"], cameo=r["cameo"], cameo_name=self._names.get(r["cameo"], ""),
            plover=r["plover"], plover_mode=r["plover_mode"], quad_class=r["quad_class"], goldstein=r["goldstein"],
            status=r["status"], place=r["place_name"], place_country=r["place_country"], lat=r["lat"], lon=r["lon"],
            num_mentions=r["num_mentions"], num_sources=r["num_sources"], num_articles=r["num_articles"],
            story=r["story_pk"], document=r.get("document"), evidence=(r.get("evidence") or "").strip() or None,
            trigger=r.get("trigger"),
            rule=r.get("rule"), confidence=r.get("confidence"))


def open_database(url: str | None = None) -> Database:
    from .config import db_url_from

    return Database(Store.open(db_url_from(url)))


def _pair(dyad) -> tuple[str, str] | None:
    if dyad is None:
        return None
    if isinstance(dyad, str):
        parts = [p for p in dyad.replace("/", "-").split("-") if p]
        if len(parts) != 2:
            raise ValueError(f"a dyad is two sides such as CHN-USA, not {dyad!r}")
        return parts[0], parts[1]
    a, b = dyad
    return a, b


def _report(r: dict[str, Any]) -> dict[str, Any]:
    return {"document": r["document"], "title": r["title"], "published": r["published"], "source": r["source"],
            "cameo": r["cameo"], "status": r["status"], "date": r["date"], "evidence": (r["evidence"] or "").strip(),
            "trigger": r["trigger_text"], "rule": r["rule"], "confidence": r["confidence"]}


def _quote(r: dict[str, Any]) -> QuoteRecord:
    return QuoteRecord(text=r["text"], kind=r["kind"], speaker=r["speaker"], speaker_text=r["speaker_text"],
                       country=r["country"], cue=r["cue_text"], document=r["document"], title=r["title"],
                       date=r["date"], story=r["story"])


def _story(r: dict[str, Any]) -> StoryRecord:
    return StoryRecord(id=r["pk"], title=r["title"], first_date=r["first_date"], last_date=r["last_date"],
                       num_documents=r["num_documents"], documents=r.get("documents", []))
