"""The REST API under /api: the CLI's questions as JSON, with the CLI's filters. Lists are paginated
(`limit`, `offset`) and answer `{items, total, limit, offset}`; POST /api/documents ingests."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..api import Database
from ..errors import BadFilter
from ..store.filters import MAX_ID, ActorFilter, EventFilter, Page, QuoteFilter, StoryFilter, day, text, whole
from . import alerts_in, params, sources, uploads, views
from .params import SeriesQuery
from .security import require_read, require_write

router = APIRouter(prefix="/api", tags=["api"])
reads = [Depends(require_read)]


def database(request: Request) -> Database:
    return request.app.state.web.db


@router.get("/documents", dependencies=reads, summary="Stored documents, newest first")
def list_documents(page: Page = Depends(params.page), db: Database = Depends(database)) -> dict[str, Any]:
    return views.documents(db, page)


@router.get("/documents/{ident:path}", dependencies=reads, summary="One document: provenance and extraction")
def get_document(ident: str, db: Database = Depends(database)) -> dict[str, Any]:
    """By store number, document id or content-key prefix (the latest ingest when several match). The
    `extraction` is the contract object (schema accord/1)."""
    return views.document(db, ident)


@router.post(
    "/documents",
    status_code=201,
    dependencies=[Depends(require_write)],
    summary="Ingest a document (JSON) or a file (upload)",
    openapi_extra=uploads.OPENAPI_BODY,
    responses={
        200: {"description": "Already stored: nothing new"},
        400: {"description": "Nothing readable in the input"},
        401: {"description": "Missing or wrong token"},
        403: {"description": "Uploads disabled (ACCORD_API_TOKEN unset)"},
        413: {"description": "Body over the size limit"},
    },
)
async def post_documents(request: Request) -> JSONResponse:
    """Needs `Authorization: Bearer <ACCORD_API_TOKEN>`. Runs the pipeline and stores what is new, like
    `accord ingest`; answers the run's counts and the stored document numbers."""
    items, origin, anchor = await uploads.read_request(request)
    status, answer = await run_in_threadpool(uploads.ingest, request.app.state.web, items, origin, anchor)
    return JSONResponse(answer, status_code=status)


@router.get("/sources", dependencies=reads, summary="The sources `accord watch` follows")
def list_sources(page: Page = Depends(params.page), db: Database = Depends(database)) -> dict[str, Any]:
    """Each source's status (active, failing, paused with `pause_reason`), last fetch and HTTP status, next
    check, items taken, failures in a row and `last_error`, with `recent`: the items last taken from it."""
    return views.sources(db, page)


@router.post(
    "/sources",
    status_code=201,
    dependencies=[Depends(require_write)],
    summary="Follow a source",
    responses={
        400: {"description": "Not an http(s) address, or not readable as a feed or a page"},
        401: {"description": "Missing or wrong token"},
        403: {"description": "Writes disabled (ACCORD_API_TOKEN unset)"},
        409: {"description": "Followed already"},
    },
)
async def post_source(new: sources.NewSource, request: Request) -> JSONResponse:
    """Needs `Authorization: Bearer <ACCORD_API_TOKEN>`. Without `kind` the URL is fetched once (politely)
    to tell a feed from a page, as `accord sources add` does; `accord watch` takes it from its next round."""
    status, answer = await run_in_threadpool(sources.add, request.app.state.web, new)
    return JSONResponse(answer, status_code=status)


@router.get("/events", dependencies=reads, summary="Merged events, date order")
def list_events(
    f: EventFilter = Depends(params.event_filter), page: Page = Depends(params.page), db: Database = Depends(database)
) -> dict[str, Any]:
    """One row per real-world event however many articles reported it, with the first report's sentence."""
    return views.events(db, f, page)


@router.get("/events/{event_id}", dependencies=reads, summary="One event with every report and its evidence")
def get_event(event_id: params.Number, db: Database = Depends(database)) -> dict[str, Any]:
    """Each report's sentence with `highlights`: offsets into that sentence of the trigger, the actors
    (source and target flagged), times and places."""
    return views.event(db, event_id)


@router.get("/quotes", dependencies=reads, summary="Quotations by speaker, country or words")
def list_quotes(
    f: QuoteFilter = Depends(params.quote_filter), page: Page = Depends(params.page), db: Database = Depends(database)
) -> dict[str, Any]:
    return views.quotes(db, f, page)


@router.get("/actors", dependencies=reads, summary="Actors across documents, most often named first")
def list_actors(
    f: ActorFilter = Depends(params.actor_filter), page: Page = Depends(params.page), db: Database = Depends(database)
) -> dict[str, Any]:
    return views.actors(db, f, page)


@router.get("/actors/{side:path}", dependencies=reads, summary="An actor or a country: events, quotes, network")
def get_actor(side: str, db: Database = Depends(database)) -> dict[str, Any]:
    """`side` is an actor's name or an ISO-3 country code."""
    return views.actor(db, side)


@router.get("/stories", dependencies=reads, summary="Stories: a document and its copies and rewrites")
def list_stories(
    f: StoryFilter = Depends(params.story_filter), page: Page = Depends(params.page), db: Database = Depends(database)
) -> dict[str, Any]:
    return views.stories(db, f, page)


@router.get("/stories/{story_id}", dependencies=reads, summary="A story: documents, events, each side's framing")
def get_story(story_id: params.Number, db: Database = Depends(database)) -> dict[str, Any]:
    return views.story(db, story_id)


@router.get("/dyads/{a}/{b}", dependencies=reads, summary="A pair's relations over time")
def get_dyad(
    a: str, b: str, s: SeriesQuery = Depends(params.series_query), db: Database = Depends(database)
) -> dict[str, Any]:
    """Events per period by QuadClass, mean Goldstein, the cooperation index (-1 conflict .. 1
    cooperation) and `mean_tone`, the mean GDELT-style tone of the documents reporting the period's
    events. A side is an ISO-3 code or an actor name."""
    return views.dyad_series(db, a, b, s)


@router.get("/alerts", dependencies=reads, summary="Alerts and the notifications they raised, newest first")
def list_alerts(
    alert: str | None = Query(None, description="Only this alert's notifications."),
    page: Page = Depends(params.page),
    db: Database = Depends(database),
) -> dict[str, Any]:
    """`alerts`: every alert with its conditions; `items`: notifications, each with its delivery (status,
    per channel, attempts, last error) and `message`, exactly what was sent."""
    return views.alerts(db, page, whole(alert, "alert", 1, MAX_ID))


@router.post(
    "/alerts",
    status_code=201,
    dependencies=[Depends(require_write)],
    summary="Add an alert",
    responses={401: {"description": "Missing or wrong token"}, 403: {"description": "ACCORD_API_TOKEN unset"}},
)
def post_alert(body: alerts_in.AlertIn, db: Database = Depends(database)) -> dict[str, Any]:
    """Needs `Authorization: Bearer <ACCORD_API_TOKEN>`. Fields as `accord alerts add` takes them; its
    notifications go to the server's notifications file and, if given, the webhook. Stored events it
    matches already are not sent (`existing` says how many)."""
    return alerts_in.add(db, body)


@router.delete("/alerts/{alert_id}", dependencies=[Depends(require_write)], summary="Remove an alert")
def delete_alert(alert_id: params.Number, db: Database = Depends(database)) -> dict[str, Any]:
    """Needs the API token; removes the alert and its notifications."""
    return alerts_in.remove(db, alert_id)


@router.get("/network", dependencies=reads, summary="Who interacted with whom")
def get_network(
    actor: str | None = Query(None, description="Only links of this actor or country."),
    since: str | None = params.SINCE,
    until: str | None = params.UNTIL,
    quad: str | None = Query(None, description="QuadClass 1-4."),
    countries: bool = Query(False, description="Fold actors into their countries."),
    page: Page = Depends(params.page),
    db: Database = Depends(database),
) -> dict[str, Any]:
    edges = db.network(
        since=day(since, "since"),
        until=day(until, "until"),
        quad=whole(quad, "quad", 1, 4),
        level="country" if countries else "actor",
        actor=text(actor),
    ).to_dicts()
    return views.listing(edges[page.offset :][: page.limit], len(edges), page)


@router.get("/framing", dependencies=reads, summary="Each side's characterisation of a story or an event")
def get_framing(
    story: str | None = Query(None, description="A story number."),
    event: str | None = Query(None, description="An event number."),
    db: Database = Depends(database),
) -> dict[str, Any]:
    story_id, event_id = whole(story, "story", 1, MAX_ID), whole(event, "event", 1, MAX_ID)
    if (story_id is None) == (event_id is None):
        raise BadFilter("story/event", "give one of story or event")
    sides = db.framing(story=story_id, event=event_id).sides
    return {
        "story": story_id,
        "event": event_id,
        "sides": {side: [quote.to_dict() for quote in said] for side, said in sides.items()},
    }
