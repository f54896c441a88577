"""The web application: `create_app(db_url)` opens the store once and serves the REST API (/api/...),
the pages (/, /events, /documents, /quotes, /actors, /stories, /docs) and their static files, Plotly's
bundle included, so nothing is ever loaded from another server."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import plotly
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..api import Database
from ..config import Settings
from ..errors import BadFilter
from ..store import Store
from ..version import __version__
from . import api, pages
from .security import AllowedHosts, BodyLimit, SecurityHeaders, Tokens
from .security import allowed_hosts as allowed_hosts_of

STATIC = Path(__file__).with_name("static")
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_CACHE = "public, max-age=604800"  # a week; the URL carries plotly's version


class WebState:
    """What every request shares: the opened database, settings, the token policy and, loaded on the
    first upload, the NLP pipeline (one per app, used by one ingest at a time)."""

    def __init__(self, db: Database, settings: Settings, tokens: Tokens, pipeline=None):
        self.db = db
        self.settings = settings
        self.tokens = tokens
        self.ingest_lock = threading.Lock()
        self._pipeline = pipeline

    def pipeline(self):
        if self._pipeline is None:
            from ..nlp import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def close(self) -> None:
        self.db.close()


def create_app(
    db_url: str,
    settings: Settings | None = None,
    *,
    token: str | None = None,
    protect_reads: bool | None = None,
    allowed_hosts: Sequence[str] | None = None,
    pipeline=None,
) -> FastAPI:
    """The ASGI app over the store at `db_url`.

    `token` (default: ACCORD_API_TOKEN) is required for uploads; with `protect_reads` (default:
    ACCORD_API_READ_TOKEN=1) every read needs it too. `allowed_hosts` (default: ACCORD_ALLOWED_HOSTS,
    else this machine's loopback names) are the Host names answered, "*" for any; `accord serve` gives
    the address it binds. `pipeline` lets tests share an already loaded one.
    """
    settings = settings or Settings()
    tokens = Tokens.from_settings(settings, token, protect_reads)  # a bad setting fails before the store is opened
    hosts = allowed_hosts_of(configured=settings.allowed_hosts if allowed_hosts is None else allowed_hosts)
    # without a token nothing can be uploaded, so the store is only read: opened read-only, it can be served
    # from a folder this process may not write to
    state = WebState(Database(Store.open(db_url, read_only=not tokens.token)), settings, tokens, pipeline)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        state.close()

    app = FastAPI(
        title="accord",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        description="Political event data from news articles: documents, events with their evidence, "
        "quotations, actors, stories and dyad series. Lists take `limit` (1-500, default "
        "50) and `offset` and answer `{items, total, limit, offset}`; errors answer "
        "`{detail}`.",
    )
    app.state.web = state
    app.add_middleware(BodyLimit, max_bytes=settings.max_bytes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AllowedHosts, hosts=hosts)  # added last, so it runs first
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BadFilter, _bad_filter)

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        headers = {"Cache-Control": PLOTLY_CACHE}
        if PLOTLY_JS.exists():
            return FileResponse(PLOTLY_JS, media_type="text/javascript", headers=headers)
        from plotly.offline import get_plotlyjs

        return Response(get_plotlyjs(), media_type="text/javascript", headers=headers)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or pages.wants_json(request)


async def _http_error(request: Request, exc: Exception) -> Response:
    """An HTTP error as JSON (API, JSON twins) or as the error page."""
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"nothing at {request.url.path}"
    if _wants_json(request):
        return JSONResponse({"detail": detail}, exc.status_code, headers=getattr(exc, "headers", None))
    return pages.error_page(request, exc.status_code, str(detail), getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    """FastAPI's list of errors as one readable line: "event_id: Input should be a valid integer"."""
    assert isinstance(exc, RequestValidationError)
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body", "header"))
        parts.append(f"{where}: {error.get('msg')}" if where else str(error.get("msg")))
    return await _http_error(request, StarletteHTTPException(422, "; ".join(parts) or "invalid request"))


async def _bad_filter(request: Request, exc: Exception) -> Response:
    """A filter value that cannot be used: a 422 whose detail names the parameter."""
    return await _http_error(request, StarletteHTTPException(422, str(exc)))
