"""The HTML pages. Each renders one dict from `views` through a Jinja2 template (autoescape on), and
answers with that same dict as JSON when asked (`?format=json` or `Accept: application/json`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import plotly
from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader

from ..api import Database
from ..store.filters import MAX_ID, STATUSES, ActorFilter, EventFilter, Page, QuoteFilter, StoryFilter, text, whole
from ..version import __version__
from . import params, views
from .marking import Mark, document_marks, mark_text
from .params import SeriesQuery
from .security import require_read

router = APIRouter(dependencies=[Depends(require_read)], include_in_schema=False)
templates = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates.filters["segment"] = lambda value: quote(str(value), safe="")


def json_link(request: Request) -> str:
    """This page's JSON twin, as a path (never an absolute URL)."""
    return f"{request.url.path}?{urlencode(dict(request.query_params) | {'format': 'json'})}"


templates.globals.update(
    version=__version__,
    plotly_version=plotly.__version__,
    quad_labels=views.QUAD_LABELS,
    statuses=STATUSES,
    json_link=json_link,
    is_country=views.is_country,
)


def wants_json(request: Request) -> bool:
    fmt = request.query_params.get("format")
    if fmt in ("json", "html"):
        return fmt == "json"
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def render(name: str, status_code: int = 200, headers: dict[str, str] | None = None, **context: Any) -> HTMLResponse:
    return HTMLResponse(templates.get_template(name).render(**context), status_code=status_code, headers=headers)


def respond(request: Request, name: str, data: dict[str, Any], **html: Any) -> Response:
    """The page, or its JSON twin: the same data the template gets (without HTML-only extras)."""
    if wants_json(request):
        return JSONResponse(jsonable_encoder(data))
    return render(name, request=request, data=data, **html)


def error_page(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    return render("error.html", status, headers, request=request, status=status, message=message)


def pager(request: Request, listing: dict[str, Any], form: dict[str, str]) -> dict[str, Any]:
    """Links to the previous and next pages, keeping the filters."""
    limit, offset, total = listing["limit"], listing["offset"], listing["total"]

    def link(at: int) -> str:
        return f"{request.url.path}?{urlencode(form | {'limit': limit, 'offset': at})}"

    return {
        "first": offset + 1 if total else 0,
        "last": min(offset + limit, total),
        "total": total,
        "prev": link(max(0, offset - limit)) if offset > 0 else None,
        "next": link(offset + limit) if offset + limit < total else None,
    }


def listing_page(
    request: Request, name: str, data: dict[str, Any], f: ActorFilter | EventFilter | QuoteFilter
) -> Response:
    """A filtered listing's page: the filters it shows in its form and links to the pages around it."""
    form = f.as_form()
    return respond(request, name, data | {"filters": form}, pager=pager(request, data, form))


def database(request: Request) -> Database:
    return request.app.state.web.db


# --- pages -------------------------------------------------------------------------------------------------


@router.get("/")
def dashboard(
    request: Request,
    a: str | None = Query(None),
    b: str | None = Query(None),
    s: SeriesQuery = Depends(params.series_query),
    db: Database = Depends(database),
) -> Response:
    data = views.dashboard(db, text(a), text(b), s)
    return respond(request, "dashboard.html", data)


@router.get("/events")
def events(
    request: Request,
    f: EventFilter = Depends(params.event_filter),
    page: Page = Depends(params.page),
    db: Database = Depends(database),
) -> Response:
    return listing_page(request, "events.html", views.events(db, f, page), f)


@router.get("/events/{event_id}")
def event(request: Request, event_id: params.Number, db: Database = Depends(database)) -> Response:
    data = views.event(db, event_id)
    marked = [mark_text(r["evidence"], [Mark.from_dict(h) for h in r["highlights"]]) for r in data["reports"]]
    return respond(request, "event.html", data, marked=marked)


@router.get("/documents")
def documents(request: Request, page: Page = Depends(params.page), db: Database = Depends(database)) -> Response:
    data = views.documents(db, page)
    return respond(request, "documents.html", data, pager=pager(request, data, {}))


@router.get("/documents/{ident:path}")
def document(request: Request, ident: str, db: Database = Depends(database)) -> Response:
    data = views.document(db, ident)
    extraction = data["extraction"]
    names = {a["id"]: a["name"] for a in extraction["actors"]}
    return respond(
        request, "document.html", data, marked=mark_text(extraction["text"], document_marks(extraction)), names=names
    )


@router.get("/quotes")
def quotes(
    request: Request,
    f: QuoteFilter = Depends(params.quote_filter),
    page: Page = Depends(params.page),
    db: Database = Depends(database),
) -> Response:
    return listing_page(request, "quotes.html", views.quotes(db, f, page), f)


@router.get("/actors")
def actors(
    request: Request,
    f: ActorFilter = Depends(params.actor_filter),
    page: Page = Depends(params.page),
    db: Database = Depends(database),
) -> Response:
    return listing_page(request, "actors.html", views.actors(db, f, page), f)


@router.get("/actors/{side:path}")
def actor(request: Request, side: str, db: Database = Depends(database)) -> Response:
    return respond(request, "actor.html", views.actor(db, side))


@router.get("/stories")
def stories(request: Request, page: Page = Depends(params.page), db: Database = Depends(database)) -> Response:
    data = views.stories(db, StoryFilter(), page)
    return respond(request, "stories.html", data, pager=pager(request, data, {}))


@router.get("/stories/{story_id}")
def story(request: Request, story_id: params.Number, db: Database = Depends(database)) -> Response:
    return respond(request, "story.html", views.story(db, story_id))


@router.get("/alerts")
def alerts(
    request: Request,
    alert: str | None = Query(None),
    page: Page = Depends(params.page),
    db: Database = Depends(database),
) -> Response:
    """The alerts and the notifications they raised, newest first."""
    chosen = whole(alert, "alert", 1, MAX_ID)
    data = views.alerts(db, page, chosen)
    return respond(request, "alerts.html", data, pager=pager(request, data, {"alert": str(chosen)} if chosen else {}))


@router.get("/sources")
def sources(request: Request, page: Page = Depends(params.page), db: Database = Depends(database)) -> Response:
    data = views.sources(db, page)
    return respond(request, "sources.html", data, pager=pager(request, data, {}))


@router.get("/docs")
def api_docs(request: Request) -> Response:
    """The API reference, drawn from the OpenAPI document (Swagger UI would load scripts from a CDN)."""
    spec = request.app.openapi()
    return respond(request, "docs.html", spec, endpoints=_endpoints(spec))


def _endpoints(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "in": p["in"],
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "body": sorted(op.get("requestBody", {}).get("content", {})),
                }
            )
    return out
