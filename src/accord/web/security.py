"""What keeps the web layer safe to run: the API token (uploads always need it, reads when configured),
the Host names the server answers to, a same-origin check on uploads, a request-body size limit, and
response headers that forbid loading anything from another origin.

Why the Host check: a page on another site can make its own name resolve to 127.0.0.1 (DNS rebinding)
and then read a local server as if it were its own origin; only the Host header tells such a request
apart, so a request naming a host that is not allowed is refused with a 400. Why uploads never take the
token from a cookie and refuse another Origin or Referer: a browser sends cookies with a form posted
from any site, so a cookie would let any page a user visits upload in their name."""

from __future__ import annotations

import hmac
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..config import Settings
from ..errors import UsageError
from ..sizes import byte_size

TOKEN_ENV, READ_TOKEN_ENV = "ACCORD_API_TOKEN", "ACCORD_API_READ_TOKEN"
COOKIE = "accord_token"

# No script, style, image, font or connection may come from anywhere but this server. Plotly adds its own
# <style> elements at run time, hence 'unsafe-inline' for styles only; no inline script is ever allowed.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)


@dataclass(frozen=True)
class Tokens:
    """The API token (None: uploads are refused) and whether reads need it too."""

    token: str | None = None
    protect_reads: bool = False

    @classmethod
    def from_settings(cls, settings: Settings, token: str | None = None, protect_reads: bool | None = None) -> Tokens:
        """The settings' token policy, with `token` and `protect_reads` (when given) over theirs; a
        UsageError when reads are protected but there is no token to protect them with."""
        token = token if token is not None else settings.api_token
        protect_reads = settings.protect_reads if protect_reads is None else protect_reads
        if protect_reads and not token:
            raise UsageError(f"{READ_TOKEN_ENV}=1 protects reads with the API token, but {TOKEN_ENV} is not set")
        return cls(token, protect_reads)

    def presented_by(self, request: Request, cookie: bool = False) -> bool:
        """Whether the request carries the token: `Authorization: Bearer <token>`, or with `cookie` (reads
        only: a browser viewing protected pages) the accord_token cookie."""
        if not self.token:
            return False
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        offered = value.strip() if scheme.lower() == "bearer" else request.cookies.get(COOKIE, "") if cookie else ""
        return hmac.compare_digest(offered.encode("utf-8"), self.token.encode("utf-8"))


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(status_code=401, detail=message, headers={"WWW-Authenticate": "Bearer"})


def require_write(request: Request) -> None:
    """Dependency of every route that changes the store."""
    tokens: Tokens = request.app.state.web.tokens
    if not tokens.token:
        raise HTTPException(
            status_code=403,
            detail=f"uploads are disabled on this server: set {TOKEN_ENV} "
            "to a secret and send it as 'Authorization: Bearer <token>'",
        )
    if not tokens.presented_by(request):
        has_header = "authorization" in request.headers
        raise _unauthorized(
            "the API token is wrong" if has_header else "this needs the API token: send 'Authorization: Bearer <token>'"
        )
    _same_origin(request)


def require_read(request: Request) -> None:
    """Dependency of every read route: open unless reads are protected."""
    tokens: Tokens = request.app.state.web.tokens
    if tokens.protect_reads and not tokens.presented_by(request, cookie=True):
        raise _unauthorized(
            f"reads need the API token on this server ({READ_TOKEN_ENV} is set): send 'Authorization: Bearer <token>'"
        )


def _same_origin(request: Request) -> None:
    """Refuse a request whose Origin (or, without one, Referer) names another host than its Host: a page
    of another site posting here. Clients other than browsers send neither, and pass."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if source is None:
        return
    host = request.headers.get("host", "")
    parts = urlsplit(source) if source != "null" else None
    if parts is None or parts.scheme not in ("http", "https") or parts.netloc.lower() != host.lower():
        raise HTTPException(
            status_code=403,
            detail=f"uploads from another origin are refused: the request comes from {source!r}, this server is {host!r}",
        )


# --- the Host names the server answers to ---------------------------------------------------------------

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
ANY_ADDRESS = frozenset({"0.0.0.0", "::", ""})
ALLOWED_ENV = "ACCORD_ALLOWED_HOSTS"


def host_of(value: str) -> str:
    """A Host header's (or a configured name's) host without port, brackets, case or final dot:
    "[::1]:8000" -> "::1", "Example.ORG.:80" -> "example.org"."""
    value = value.strip().lower()
    if value.startswith("["):
        value = value[1 : value.find("]")] if "]" in value else value[1:]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    return value.rstrip(".")


def allowed_hosts(bind: str = "127.0.0.1", configured: Iterable[str] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind` answers to: `configured` ones (--allowed-host,
    ACCORD_ALLOWED_HOSTS) when any is given, "*" meaning any host (None); else the bound address, with
    the loopback names when it is a loopback one, and the machine's name too when it is every address."""
    names = {host_of(name) for name in configured if name.strip()}
    if "*" in names:
        return None
    if names:
        return frozenset(names)
    bind = host_of(bind)
    if bind in LOCAL_HOSTS:
        return LOCAL_HOSTS
    if bind in ANY_ADDRESS:
        return LOCAL_HOSTS | {host_of(socket.gethostname())}
    return frozenset({bind})


class AllowedHosts:
    """Refuse (400) a request whose Host header is not an allowed name; `hosts` None allows any. A
    request with no Host header at all (HTTP/1.0) cannot come from a browser and passes."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.hosts is None:
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"host")
        if header is not None and host_of(header.decode("latin-1")) not in self.hosts:
            detail = (
                f"this server does not answer to the host {header.decode('latin-1')!r}: it answers to "
                f"{', '.join(sorted(self.hosts))} (accord serve --allowed-host NAME, or {ALLOWED_ENV})"
            )
            await JSONResponse({"detail": detail}, 400)(scope, receive, send)
            return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    """The 413 answer to a request body over the server's max_bytes."""

    def __init__(self, limit: int):
        super().__init__(
            status_code=413,
            detail=f"the request body is over the limit of {byte_size(limit)} (the server's max_bytes, ACCORD_MAX_BYTES)",
        )


class BodyLimit:
    """Refuse request bodies over `max_bytes`: at once when Content-Length says so, otherwise as soon as
    the bytes read pass the limit (chunked uploads cannot slip past)."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await JSONResponse({"detail": "Content-Length is not a number"}, 400)(scope, receive, send)
                return
            if int(declared) > self.max_bytes:
                error = BodyTooLarge(self.max_bytes)
                await JSONResponse({"detail": error.detail}, 413)(scope, receive, send)
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)  # becomes a 413 through the app's exception handlers
            return message

        await self.app(scope, limited, send)


class SecurityHeaders:
    """Add the Content-Security-Policy and related headers to every response."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, with_headers)
