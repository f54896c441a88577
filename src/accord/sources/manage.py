"""Adding sources: one URL (fetched once to tell a feed from a page and to learn its name) or every feed
of an OPML file. Thin helpers for the CLI and the web API."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..config import WatchSettings
from ..errors import SourceError, UsageError
from ..store import Store
from ..store.sources import KINDS, Source, add_source, find_source
from .fetch import Fetcher
from .listing import read_listing, sniff_kind
from .opml import read_opml
from .robots import RobotsCache


def check_url(url: str) -> str:
    """`url` if it is an absolute http(s) address, else a UsageError."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"a source is an http(s) address, not {url!r}")
    return url.strip()


@dataclass
class Probe:
    """What one fetch of a new source told: its kind, its title and how many items it lists."""

    kind: str
    title: str | None
    items: int


def probe(url: str, settings: WatchSettings) -> Probe:
    """Fetch `url` once (politely) and read it as a feed or a page; SourceError when that fails."""

    async def fetch() -> Probe:
        async with Fetcher(settings, RobotsCache()) as fetcher:
            response = await fetcher.get(url)
        if response.status != 200:
            raise SourceError(f"{url} answered HTTP {response.status}")
        kind = sniff_kind(response.body, response.content_type)
        listing = read_listing(response.body, response.url, kind, response.content_type)
        return Probe(kind, listing.title, len(listing.items))

    return asyncio.run(fetch())


def add(
    store: Store,
    settings: WatchSettings,
    url: str,
    name: str | None = None,
    categories: list[str] | None = None,
    kind: str | None = None,
) -> tuple[Source, Probe | None]:
    """Follow `url`. Without `kind` it is fetched once to tell a feed from a page (a UsageError says why
    when it cannot be read); the feed's title is the name unless one is given."""
    url = check_url(url)
    if find_source(store, url) is not None:
        raise UsageError(f"{url} is followed already (`accord sources list` shows it)")
    if kind is not None and kind not in KINDS:
        raise UsageError(f"--kind is one of {', '.join(KINDS)}, not {kind!r}")
    found = None
    if kind is None:
        try:
            found = probe(url, settings)
        except SourceError as exc:
            raise UsageError(f"cannot read {url}: {exc}; give --kind feed or --kind page to add it anyway") from None
        kind = found.kind
    return add_source(store, url, kind, name or (found.title if found else None), categories or []), found


def import_opml(store: Store, path: str) -> tuple[list[Source], list[str]]:
    """Follow every feed of an OPML file (not fetched now); returns those added and the URLs followed already."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    added, known = [], []
    for sub in read_opml(data, path):
        try:
            url = check_url(sub.url)
        except UsageError:
            known.append(f"{sub.url} (not an http(s) address)")
            continue
        if find_source(store, url) is not None:
            known.append(url)
            continue
        added.append(add_source(store, url, "feed", sub.name, sub.categories))
    return added, known
