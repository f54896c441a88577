"""What each page and API answer contains, as plain JSON-ready dicts built from accord.api.Database.

The REST API returns these dicts, the pages render them, and a page's JSON twin is the same dict, so
the three never disagree. Unknown ids raise 404 with a message that says where to look."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fastapi import HTTPException

from ..alerts import Notification
from ..analytics.records import EventRecord
from ..api import Database
from ..kb import load_kb
from ..report.charts import QUAD_COLOURS, QUAD_LABELS
from ..store.filters import (
    ActorFilter,
    EventFilter,
    Page,
    QuoteFilter,
    StoryFilter,
    is_country_code,
    store_number,
)
from .marking import find_event, sentence_marks
from .params import SeriesQuery

LATEST = 10  # events on the dashboard
PROFILE_ROWS = 100  # events and quotes on an actor's page


def not_found(message: str) -> HTTPException:
    """A 404 whose detail says where to look."""
    return HTTPException(status_code=404, detail=message)


def listing(items: list[dict[str, Any]], total: int, page: Page) -> dict[str, Any]:
    """One page of a listing with the total it was cut from."""
    return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}


is_country = is_country_code  # the templates' name for the read side's rule


def country_name(code: str) -> str:
    """A country's name by ISO-3 code (the code itself when unknown)."""
    found = load_kb().country(code)
    return found.name if found else code


def _event(record: EventRecord) -> dict[str, Any]:
    out = record.to_dict()
    out.pop("reports")
    return out


# --- documents ---------------------------------------------------------------------------------------------


def documents(db: Database, page: Page) -> dict[str, Any]:
    """Stored documents, newest first."""
    return listing(db.documents(page.limit, page.offset), db.count_documents(), page)


def _find_document(db: Database, ident: str) -> dict[str, Any]:
    """By store number first, else as `accord show` does (id or content-key prefix, latest ingest)."""
    number = store_number(ident)
    if number is not None:
        row = db.document(number)
        if row:
            return row
    found = db.find_documents(ident)
    if not found:
        raise not_found(f"no stored document has number, id or key {ident!r}; /api/documents lists them")
    return found[0]


def document(db: Database, ident: str) -> dict[str, Any]:
    """A stored document: provenance, its story, the extraction, and which merged event each event joined."""
    row = _find_document(db, ident)
    merged, story = db.merged_event_ids(row["pk"]), db.story_of_document(row["pk"])
    provenance = {k: row[k] for k in ("pk", "doc_key", "origin", "reader", "pipeline_version")}
    provenance["ingested_at"] = row["ingested_at"].isoformat() if row["ingested_at"] else None  # one form everywhere
    return {"document": provenance | {"story": story}, "extraction": row["extraction"], "merged_events": merged}


# --- events ------------------------------------------------------------------------------------------------


def events(db: Database, f: EventFilter, page: Page) -> dict[str, Any]:
    """Merged events, date order."""
    found = db.events(f, limit=page.limit, offset=page.offset)
    return listing([_event(e) for e in found], db.count_events(f), page)


def event(db: Database, event_id: int) -> dict[str, Any]:
    """A merged event and every report of it, each with its sentence and the spans to highlight there."""
    record = db.event(event_id)
    if record is None:
        raise not_found(f"no event number {event_id}; /api/events lists them")
    extractions: dict[int, dict[str, Any]] = {}
    reports = []
    for r in db.event_reports(event_id):
        if r["doc_pk"] not in extractions:
            extractions[r["doc_pk"]] = _extraction(db, r["doc_pk"])
        reports.append(_marked_report(r, extractions[r["doc_pk"]]))
    sides = db.framing(event=event_id).sides
    return {
        "event": _event(record),
        "reports": reports,
        "framing": {side: [quote.to_dict() for quote in said] for side, said in sides.items()},
    }


def _extraction(db: Database, doc_pk: int) -> dict[str, Any]:
    """The stored extraction of a document a report names (so it exists)."""
    row = db.document(doc_pk)
    assert row is not None, f"report of a document that is not stored: {doc_pk}"
    return row["extraction"]


def _marked_report(r: dict[str, Any], extraction: dict[str, Any]) -> dict[str, Any]:
    """A report with its sentence from the extraction and the spans to highlight there."""
    found = find_event(extraction, r["event_id"])
    sentence, marks = sentence_marks(extraction, found) if found else (r["evidence"], [])
    return {
        "doc_pk": r["doc_pk"],
        "document": r["document"],
        "title": r["title"],
        "published": r["published"],
        "source": r["source"],
        "event_id": r["event_id"],
        "cameo": r["cameo"],
        "status": r["status"],
        "date": r["date"],
        "trigger": r["trigger_text"],
        "rule": r["rule"],
        "confidence": r["confidence"],
        "evidence": sentence,
        "highlights": [m.to_dict() | {"text": sentence[m.start : m.end]} for m in marks],
    }


# --- the dashboard: a dyad over time ---------------------------------------------------------------------


def dyad_series(db: Database, a: str, b: str, s: SeriesQuery) -> dict[str, Any]:
    """A pair's series with the period and range it covers, and how many undated, negated or
    hypothetical events it leaves out."""
    series = db.dyad_series(a, b, by=s.by, since=s.since, until=s.until)
    points = series.to_dicts()
    return {
        "a": a,
        "b": b,
        "by": s.by,
        "since": s.since,
        "until": s.until,
        "items": points,
        "total": len(points),
        "undated": series.undated,
        "unrealised": series.unrealised,
    }


def sides(db: Database) -> dict[str, list[dict[str, Any]]]:
    """The countries and actors a dyad can be drawn between, named."""
    found = db.sides()
    return {
        "countries": [
            {"value": c["side"], "name": country_name(c["side"]), "events": c["events"]} for c in found["countries"]
        ],
        "actors": [
            {"value": a["side"], "name": a["side"], "events": a["events"]}
            for a in found["actors"]
            if not is_country(a["side"])
        ],
    }


def dashboard(db: Database, a: str | None, b: str | None, s: SeriesQuery) -> dict[str, Any]:
    """Two sides (default: the busiest pair of countries), their series, counts by QuadClass, latest events."""
    if not (a and b):
        a, b = db.busiest_pair() or (a, b)
    sizes = db.sizes()
    out: dict[str, Any] = {
        "a": a,
        "b": b,
        "by": s.by,
        "since": s.since,
        "until": s.until,
        "store": sizes,
        "sides": sides(db),
        "names": [],
        "series": [],
        "undated": 0,
        "unrealised": 0,
        "quad_counts": [],
        "total": 0,
        "latest": [],
        "colours": list(QUAD_COLOURS),
        "labels": list(QUAD_LABELS),
    }
    if not (a and b):
        return out
    out["names"] = [country_name(side) if is_country(side) else side for side in (a, b)]
    window = EventFilter(dyad=(a, b), since=s.since, until=s.until)
    series = dyad_series(db, a, b, s)
    out["series"], out["undated"], out["unrealised"] = series["items"], series["undated"], series["unrealised"]
    out["quad_counts"] = [
        {
            "quad": quad,
            "label": QUAD_LABELS[quad - 1],
            "colour": QUAD_COLOURS[quad - 1],
            "events": db.count_events(replace(window, quad=quad)),
        }
        for quad in (1, 2, 3, 4)
    ]
    out["total"] = db.count_events(window)
    out["latest"] = [_event(e) for e in db.events(window, limit=LATEST)]  # listings are newest first
    return out


# --- quotes, actors, stories -----------------------------------------------------------------------------


def quotes(db: Database, f: QuoteFilter, page: Page) -> dict[str, Any]:
    """Quotations, by date."""
    found = db.quotes(f, limit=page.limit, offset=page.offset)
    return listing(found.to_dicts(), db.count_quotes(f), page)


def actors(db: Database, f: ActorFilter, page: Page) -> dict[str, Any]:
    """Actors, most often named first."""
    found = db.actors(f, limit=page.limit, offset=page.offset)
    return listing(found.to_dicts(), db.count_actors(f), page)


def actor(db: Database, side: str) -> dict[str, Any]:
    """An actor (by name) or a country (by ISO-3 code): their events, quotations and network."""
    if is_country(side):
        if not db.actors(country=side, limit=1) and not db.count_events(actor=side):
            raise not_found(f"no actor or event has the country {side}; /api/actors lists actors")
        profile = {"key": side, "name": country_name(side), "kind": "country", "country": side}
        said = QuoteFilter(country=side)
    else:
        matches = [a for a in db.actors(search=side, limit=50) if a.name.lower() == side.lower()]
        if not matches:
            raise not_found(f"no actor is called {side!r}; /api/actors?search=... finds names")
        profile = matches[0].to_dict()
        said = QuoteFilter(speaker=side)
    edges = db.network(actor=side, level="country" if is_country(side) else "actor")
    return {
        "actor": profile,
        "events": {
            "items": [_event(e) for e in db.events(actor=side, limit=PROFILE_ROWS)],
            "total": db.count_events(actor=side),
        },
        "quotes": {"items": db.quotes(said, limit=PROFILE_ROWS).to_dicts(), "total": db.count_quotes(said)},
        "network": edges.to_dicts()[:PROFILE_ROWS],
    }


def stories(db: Database, f: StoryFilter, page: Page) -> dict[str, Any]:
    """Stories, the most documents first."""
    found = db.stories(limit=page.limit, offset=page.offset, min_documents=f.min_documents)
    items = [{k: v for k, v in s.to_dict().items() if k != "documents"} for s in found]
    return listing(items, db.count_stories(f.min_documents), page)


def sources(db: Database, page: Page) -> dict[str, Any]:
    """The sources `accord watch` follows, in the order they were added, each with its last items."""
    found = db.sources()
    return listing(found[page.offset :][: page.limit], len(found), page)


def story(db: Database, story_id: int) -> dict[str, Any]:
    """A story: its documents, events and each side's framing."""
    found = db.story(story_id)
    if found is None:
        raise not_found(f"no story number {story_id}; /api/stories lists them")
    sides_said = db.framing(story=story_id).sides
    return {
        "story": found.to_dict(),
        "events": [_event(e) for e in db.events(story=story_id)],
        "framing": {side: [quote.to_dict() for quote in said] for side, said in sides_said.items()},
    }


# --- alerts ------------------------------------------------------------------------------------------------


def notification(n: Notification) -> dict[str, Any]:
    """A notification as the API and the alerts page show it: how its delivery went, and `message`,
    exactly what was sent (the event, its evidence, its articles, its page)."""
    return n.to_dict()


def alerts(db: Database, page: Page, alert: int | None = None) -> dict[str, Any]:
    """The alerts, and the notifications they raised, newest first."""
    if alert is not None and alert not in {a.id for a in db.alerts()}:
        raise not_found(f"no alert number {alert}; /api/alerts lists them")
    found = db.notifications(page.limit, page.offset, alert)
    return {
        "alerts": [a.to_dict() for a in db.alerts()],
        "alert": alert,
    } | listing([notification(n) for n in found], db.count_notifications(alert), page)
