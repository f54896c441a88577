"""Polite HTTP for `accord watch`: one asynchronous client (httpx) fetching across hosts at once, with
per host at most `per_host` requests at a time and `host_delay` seconds (or the site's robots.txt
Crawl-delay, if longer) between them; robots.txt honoured; an identifying User-Agent with the user's
contact; gzip; connect and read timeouts and a deadline for the whole response; a size cap (a larger
response is cut at the cap and marked `truncated`); redirects followed by hand, at most `max_redirects`,
a loop refused. Proxy settings of the environment are not used: accord talks to the sites themselves.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from ..config import WatchSettings
from ..errors import SourceError
from ..sizes import byte_size
from ..version import __version__
from .robots import RobotsCache

REDIRECTS = (301, 302, 303, 307, 308)


def user_agent(settings: WatchSettings) -> str:
    """The User-Agent accord sends: the configured one, else accord's name and version with the contact."""
    if settings.user_agent:
        return settings.user_agent
    contact = f"; contact: {settings.contact}" if settings.contact else ""
    return f"accord/{__version__} (news event monitoring{contact})"


@dataclass
class Response:
    """What a fetch brought back: the final URL (after redirects), status, headers and body (at most the cap)."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    truncated: bool = False  # the body was longer than the cap and is cut there

    @property
    def content_type(self) -> str:
        """The Content-Type header, lower-cased ("" when absent)."""
        return self.headers.get("content-type", "").lower()


@dataclass
class _Host:
    gate: asyncio.Semaphore
    ready_at: float = 0.0  # loop time before which the next request to the host must wait
    delay: float = 0.0


@dataclass
class Fetcher:
    """Use as `async with Fetcher(settings, robots) as fetcher: await fetcher.get(url)`; one per event loop."""

    settings: WatchSettings
    robots: RobotsCache
    _hosts: dict[str, _Host] = field(default_factory=dict)
    _client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent(s), "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout, pool=None),
            limits=httpx.Limits(max_connections=s.connections, max_keepalive_connections=s.connections),
            follow_redirects=False,
            trust_env=False,
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """GET `url` politely, following redirects; RobotsDisallowed when robots.txt forbids a URL on the
        way, SourceError for a timeout, a network error, a redirect loop or too many redirects. Any HTTP
        status is a Response: the caller decides what a 304, 429 or 500 means."""
        visited = [url]
        for _ in range(self.settings.max_redirects + 1):
            await self.robots.check(self, url)
            response = await self.raw_get(url, headers)
            location = response.headers.get("location")
            if response.status not in REDIRECTS or not location:
                return response
            url = urljoin(url, location)
            if urlsplit(url).scheme not in ("http", "https"):
                raise SourceError(f"redirected to {url!r}, which is not an http(s) address")
            if url in visited:
                raise SourceError(f"redirect loop: {' -> '.join([*visited, url])}")
            visited.append(url)
        raise SourceError(f"more than {self.settings.max_redirects} redirects from {visited[0]}")

    async def raw_get(self, url: str, headers: Mapping[str, str] | None = None) -> Response:
        """One GET of `url` (no redirect followed, robots.txt not consulted), through the host's gate."""
        assert self._client is not None, "use the Fetcher as an async context manager"
        deadline = self.settings.connect_timeout + 2 * self.settings.read_timeout
        async with self._turn(url):
            try:
                async with asyncio.timeout(deadline):
                    return await self._read(url, headers)
            except TimeoutError:
                raise SourceError(f"timed out: no whole response from {url} within {deadline:g} s") from None
            except httpx.TimeoutException as exc:
                raise SourceError(f"timed out fetching {url} ({type(exc).__name__})") from None
            except httpx.HTTPError as exc:
                raise SourceError(f"cannot fetch {url}: {type(exc).__name__}: {exc}") from None

    async def _read(self, url: str, headers: Mapping[str, str] | None) -> Response:
        assert self._client is not None
        cap = self.settings.max_bytes
        async with self._client.stream("GET", url, headers=dict(headers or {})) as r:
            chunks: list[bytes] = []
            size, truncated = 0, False
            async for chunk in r.aiter_bytes():  # decoded: the cap counts what gzip unpacks to
                if size + len(chunk) > cap:
                    chunks.append(chunk[: cap - size])
                    truncated = True
                    break
                chunks.append(chunk)
                size += len(chunk)
            return Response(
                str(r.url), r.status_code, {k.lower(): v for k, v in r.headers.items()}, b"".join(chunks), truncated
            )

    @asynccontextmanager
    async def _turn(self, url: str) -> AsyncIterator[None]:
        """Wait for the host's turn: a free slot of its `per_host`, and its delay since the last request."""
        host = self._host(url)
        loop = asyncio.get_running_loop()
        async with host.gate:
            wait = host.ready_at - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                host.ready_at = loop.time() + max(host.delay, self.settings.host_delay)

    def _host(self, url: str) -> _Host:
        name = host_of(url)
        if name not in self._hosts:
            self._hosts[name] = _Host(asyncio.Semaphore(self.settings.per_host))
        return self._hosts[name]

    def set_crawl_delay(self, url: str, seconds: float) -> None:
        """The site's robots.txt asks for this many seconds between requests."""
        self._host(url).delay = seconds


def host_of(url: str) -> str:
    """scheme://host:port, what politeness limits count by."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def cut_note(response: Response, cap: int) -> str:
    """The warning for a response cut at the size cap."""
    return f"{response.url}: response larger than the size cap of {byte_size(cap)}, cut there (ACCORD_WATCH_MAX_BYTES)"
