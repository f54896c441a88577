"""What keeps the web layer safe to run: the API token (uploads always need it, reads when configured),
a request-body size limit, and response headers that forbid loading anything from another origin."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

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

    def presented_by(self, request: Request) -> bool:
        """Whether the request carries the token: `Authorization: Bearer <token>` (or the accord_token cookie)."""
        if not self.token:
            return False
        scheme, _, value = request.headers.get("authorization", "").partition(" ")
        offered = value.strip() if scheme.lower() == "bearer" else request.cookies.get(COOKIE, "")
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


def require_read(request: Request) -> None:
    """Dependency of every read route: open unless reads are protected."""
    tokens: Tokens = request.app.state.web.tokens
    if tokens.protect_reads and not tokens.presented_by(request):
        raise _unauthorized(
            f"reads need the API token on this server ({READ_TOKEN_ENV} is set): send 'Authorization: Bearer <token>'"
        )


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
