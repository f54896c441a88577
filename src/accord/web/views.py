"""What each page and API answer contains, as plain JSON-ready dicts built from accord.api.Database.

The REST API returns these dicts, the pages render them, and a page's JSON twin is the same dict, so
the three never disagree. Unknown ids raise 404 with a message that says where to look."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException

from ..analytics.records import EventRecord
from ..api import Database
from ..kb import load_kb
from ..report.charts import QUAD_COLOURS, QUAD_LABELS
from ..store import queries as q
from . import queries
from .marking import find_event, sentence_marks
from .params import ActorQuery, EventQuery, Page, QuoteQuery, SeriesQuery

LATEST = 10  # events on the dashboard
PROFILE_ROWS = 100  # events and quotes on an actor's page


def not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)


def listing(items: list[dict[str, Any]], total: int, page: Page) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": page.limit, "offset": page.offset}


def is_country(side: str) -> bool:
    """The store's rule (accord.store.queries): three capital letters are an ISO-3 country code."""
    return len(side) == 3 and side.isalpha() and side.isupper()


def country_name(code: str) -> str:
    found = load_kb().country(code)
    return found.name if found else code


def _event(record: EventRecord) -> dict[str, Any]:
    out = record.to_dict()
    out.pop("reports")
    return out


# --- documents ---------------------------------------------------------------------------------------------

def documents(db: Database, page: Page) -> dict[str, Any]:
    return listing(db.store.list_documents(page.limit, page.offset), db.store.count("documents"), page)


def _find_document(db: Database, ident: str) -> dict[str, Any]:
    """By store number first, else as `accord show` does (id or content-key prefix, latest ingest)."""
    if ident.isdigit():
        with db.store.engine.connect() as conn:
            row = queries.document(conn, int(ident))
        if row:
            return row
    found = db.store.find_documents(ident)
    if not found:
        raise not_found(f"no stored document has number, id or key {ident!r}; /api/documents lists them")
    return found[0]


def document(db: Database, ident: str) -> dict[str, Any]:
    """A stored document: provenance, its story, the extraction, and which merged event each event joined."""
    row = _find_document(db, ident)
    with db.store.engine.connect() as conn:
        merged = queries.merged_event_ids(conn, row["pk"])
        story = q.story_of_document(conn, row["pk"])
    provenance = {k: row[k] for k in ("pk", "doc_key", "origin", "reader", "pipeline_version")}
    provenance["ingested_at"] = row["ingested_at"].isoformat() if row["ingested_at"] else None  # one form everywhere
    return {"document": provenance | {"story": story}, "extraction": row["extraction"], "merged_events": merged}


# --- events ------------------------------------------------------------------------------------------------

def events(db: Database, f: EventQuery, page: Page) -> dict[str, Any]:
    found = db.events(**f.filters(), limit=page.limit, offset=page.offset)
    return listing([_event(e) for e in found], db.count_events(**f.filters()), page)


def event(db: Database, event_id: int) -> dict[str, Any]:
    """A merged event and every report of it, each with its sentence and the spans to highlight there."""
    record = db.event(event_id)
    if record is None:
        raise not_found(f"no event number {event_id}; /api/events lists them")
    extractions: dict[int, dict[str, Any]] = {}
    reports = []
    with db.store.engine.connect() as conn:
        for r in q.event_reports(conn, event_id):
            if r["doc_pk"] not in extractions:
                extractions[r["doc_pk"]] = queries.document(conn, r["doc_pk"])["extraction"]
            extraction = extractions[r["doc_pk"]]
            found = find_event(extraction, r["event_id"])
            sentence, marks = sentence_marks(extraction, found) if found else (r["evidence"], [])
            reports.append({
                "doc_pk": r["doc_pk"], "document": r["document"], "title": r["title"], "published": r["published"],
                "source": r["source"], "event_id": r["event_id"], "cameo": r["cameo"], "status": r["status"],
                "date": r["date"], "trigger": r["trigger_text"], "rule": r["rule"], "confidence": r["confidence"],
                "evidence": sentence,
                "highlights": [m.to_dict() | {"text": sentence[m.start:m.end]} for m in marks]})
    sides = db.framing(event=event_id).sides
    return {"event": _event(record), "reports": reports,
            "framing": {side: [quote.to_dict() for quote in said] for side, said in sides.items()}}


# --- the dashboard: a dyad over time ---------------------------------------------------------------------

def dyad_series(db: Database, a: str, b: str, s: SeriesQuery) -> dict[str, Any]:
    points = db.dyad_series(a, b, by=s.by, since=s.since, until=s.until).to_dicts()
    return {"a": a, "b": b, "by": s.by, "since": s.since, "until": s.until, "items": points, "total": len(points)}


def sides(db: Database) -> dict[str, list[dict[str, Any]]]:
    with db.store.engine.connect() as conn:
        found = queries.sides(conn)
    return {"countries": [{"value": c["side"], "name": country_name(c["side"]), "events": c["events"]}
                          for c in found["countries"]],
            "actors": [{"value": a["side"], "name": a["side"], "events": a["events"]} for a in found["actors"]
                       if not is_country(a["side"])]}


def dashboard(db: Database, a: str | None, b: str | None, s: SeriesQuery) -> dict[str, Any]:
    """Two sides (default: the busiest pair of countries), their series, counts by QuadClass, latest events."""
    with db.store.engine.connect() as conn:
        if not (a and b):
            a, b = queries.busiest_pair(conn) or (a, b)
        sizes = queries.count_all(conn)
    out: dict[str, Any] = {"a": a, "b": b, "by": s.by, "since": s.since, "until": s.until, "store": sizes,
                           "sides": sides(db), "names": [], "series": [], "quad_counts": [], "total": 0, "latest": [],
                           "colours": list(QUAD_COLOURS), "labels": list(QUAD_LABELS)}
    if not (a and b):
        return out
    out["names"] = [country_name(side) if is_country(side) else side for side in (a, b)]
    window = {"dyad": (a, b), "since": s.since, "until": s.until}
    out["series"] = dyad_series(db, a, b, s)["items"]
    out["quad_counts"] = [{"quad": quad, "label": QUAD_LABELS[quad - 1], "colour": QUAD_COLOURS[quad - 1],
                           "events": db.count_events(**window, quad=quad)} for quad in (1, 2, 3, 4)]
    out["total"] = db.count_events(**window)
    latest = db.events(**window, limit=LATEST, offset=max(0, out["total"] - LATEST))
    out["latest"] = [_event(e) for e in sorted(latest, key=lambda e: (e.date is not None, e.date or "", e.id),
                                                reverse=True)]
    return out


# --- quotes, actors, stories -----------------------------------------------------------------------------

def quotes(db: Database, f: QuoteQuery, page: Page) -> dict[str, Any]:
    found = db.quotes(**f.filters(), limit=page.limit, offset=page.offset)
    with db.store.engine.connect() as conn:
        total = q.count_quotes(conn, q.QuoteFilter(**f.filters()))
    return listing(found.to_dicts(), total, page)


def actors(db: Database, f: ActorQuery, page: Page) -> dict[str, Any]:
    found = db.actors(**f.filters(), limit=page.limit, offset=page.offset)
    with db.store.engine.connect() as conn:
        total = q.count_actors(conn, **f.filters())
    return listing(found.to_dicts(), total, page)


def actor(db: Database, side: str) -> dict[str, Any]:
    """An actor (by name) or a country (by ISO-3 code): their events, quotations and network."""
    if is_country(side):
        if not db.actors(country=side, limit=1) and not db.count_events(actor=side):
            raise not_found(f"no actor or event has the country {side}; /api/actors lists actors")
        profile = {"key": side, "name": country_name(side), "kind": "country", "country": side}
        said = {"country": side}
    else:
        matches = [a for a in db.actors(search=side, limit=50) if a.name.lower() == side.lower()]
        if not matches:
            raise not_found(f"no actor is called {side!r}; /api/actors?search=... finds names")
        profile = matches[0].to_dict()
        said = {"speaker": side}
    with db.store.engine.connect() as conn:
        quote_total = q.count_quotes(conn, q.QuoteFilter(**said))
    edges = db.network(actor=side, level="country" if is_country(side) else "actor")
    return {"actor": profile,
            "events": {"items": [_event(e) for e in db.events(actor=side, limit=PROFILE_ROWS)],
                       "total": db.count_events(actor=side)},
            "quotes": {"items": db.quotes(**said, limit=PROFILE_ROWS).to_dicts(), "total": quote_total},
            "network": edges.to_dicts()[:PROFILE_ROWS]}


def stories(db: Database, min_documents: int, page: Page) -> dict[str, Any]:
    found = db.stories(limit=page.limit, offset=page.offset, min_documents=min_documents)
    with db.store.engine.connect() as conn:
        total = q.count_stories(conn, min_documents)
    return listing([{k: v for k, v in s.to_dict().items() if k != "documents"} for s in found], total, page)


def story(db: Database, story_id: int) -> dict[str, Any]:
    found = db.story(story_id)
    if found is None:
        raise not_found(f"no story number {story_id}; /api/stories lists them")
    sides_said = db.framing(story=story_id).sides
    return {"story": found.to_dict(), "events": [_event(e) for e in db.events(story=story_id)],
            "framing": {side: [quote.to_dict() for quote in said] for side, said in sides_said.items()}}
