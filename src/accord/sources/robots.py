"""robots.txt, read once per host (urllib.robotparser) and kept for a day, as RFC 9309 says: a file that
is missing (any 4xx) allows everything; a server error or a site that cannot be reached disallows
everything until it is read again (a SourceError, which the watcher backs off from, whereas a path the file
disallows is RobotsDisallowed, a refusal); a file's Crawl-delay lengthens the pause between requests to
the host."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.robotparser import RobotFileParser

from ..errors import RobotsDisallowed, SourceError

if TYPE_CHECKING:
    from .fetch import Fetcher

AGENT = "accord"  # the product token robots.txt groups are matched against
KEEP_SECONDS = 86_400.0  # a host's robots.txt is read again after a day
RETRY_SECONDS = 600.0  # and one that could not be read, after ten minutes
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: at least 500 KiB must be read; the rest may be ignored


@dataclass
class _Rules:
    parser: RobotFileParser | None  # None: everything allowed
    read_at: float
    unreachable: str | None = None  # why the file could not be read: everything disallowed meanwhile


@dataclass
class RobotsCache:
    """Each host's robots.txt rules, shared by the rounds of one watcher; requests to a host waiting for
    its file share one fetch of it."""

    _hosts: dict[str, _Rules] = field(default_factory=dict)
    _reading: dict[str, asyncio.Task[_Rules]] = field(default_factory=dict)

    async def check(self, fetcher: Fetcher, url: str) -> None:
        """RobotsDisallowed unless the host's robots.txt lets accord fetch `url`."""
        from .fetch import host_of

        host = host_of(url)
        rules = self._hosts.get(host)
        if rules is None or time.monotonic() - rules.read_at > (RETRY_SECONDS if rules.unreachable else KEEP_SECONDS):
            rules = await self._fresh(fetcher, host, url)
        if rules.unreachable:  # an error of the site, not a refusal: the caller backs off and tries again
            raise SourceError(f"{host}/robots.txt could not be read ({rules.unreachable}): not fetching {url}")
        if rules.parser is not None and not rules.parser.can_fetch(AGENT, url):
            raise RobotsDisallowed(f"{host}/robots.txt disallows {url}")

    async def _fresh(self, fetcher: Fetcher, host: str, url: str) -> _Rules:
        reading = self._reading.get(host)
        if reading is not None:
            return await reading
        task = asyncio.ensure_future(_read(fetcher, host))
        self._reading[host] = task
        try:
            rules = self._hosts[host] = await task
        finally:
            del self._reading[host]
        if rules.parser is not None:
            delay = rules.parser.crawl_delay(AGENT)
            if delay:
                fetcher.set_crawl_delay(url, float(delay))
        return rules


async def _read(fetcher: Fetcher, host: str) -> _Rules:
    """The rules of `host`, fetched (redirects followed within the host's limits)."""
    from urllib.parse import urljoin

    url = f"{host}/robots.txt"
    now = time.monotonic()
    try:
        for _ in range(fetcher.settings.max_redirects + 1):
            response = await fetcher.raw_get(url)
            location = response.headers.get("location")
            if response.status in (301, 302, 303, 307, 308) and location:
                url = urljoin(url, location)
                continue
            break
        else:
            return _Rules(None, now)  # RFC 9309: past the redirects, as if there were none
    except SourceError as exc:
        return _Rules(None, now, unreachable=str(exc))
    if 400 <= response.status < 500:
        return _Rules(None, now)
    if response.status >= 500:
        return _Rules(None, now, unreachable=f"HTTP {response.status}")
    parser = RobotFileParser(url)
    parser.parse(response.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").splitlines())
    return _Rules(parser, now)
