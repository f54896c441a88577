"""What a source lists: its items, read from an RSS, Atom or JSON Feed document, or from the links of a
plain web page that lists articles (for sites with no feed). Nothing here touches the network."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.html
from lxml import etree

from ..errors import SourceError

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}|\d{4,}", re.I)  # an article path: a-long-slug, or an id
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
MIN_LINK_WORDS = 4  # fewer words in a link than this is a menu entry, not a headline


@dataclass
class Item:
    """One item a source lists: where it is, what identifies it, and its full content when the feed has it."""

    url: str | None
    guid: str | None = None
    title: str | None = None
    published: datetime | None = None
    content: str | None = None  # the item's full content (HTML or text), when the feed carries it
    summary: str | None = None
    categories: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """What identifies the item within its listing: the GUID, else the URL."""
        return self.guid or self.url or ""


@dataclass
class Listing:
    """A source's items (newest first, as sources list them) with what the source says of itself."""

    items: list[Item]
    title: str | None = None
    ttl_seconds: float | None = None  # RSS <ttl>: how long the feed may be cached
    warning: str | None = None  # the feed was malformed but items were read


def sniff_kind(body: bytes, content_type: str = "") -> str:
    """`feed` for an RSS, Atom or JSON Feed document, else `page`."""
    head = body.lstrip()[:2000]
    if "json" in content_type or head.startswith(b"{"):
        return "feed" if b"jsonfeed.org" in head or b'"items"' in body[:20_000] else "page"
    return "feed" if head.startswith(b"<") and _FEED_ROOT.search(head) else "page"


def read_listing(body: bytes, base_url: str, kind: str, content_type: str = "") -> Listing:
    """The items of a fetched source; SourceError when nothing can be read from it."""
    if kind == "page":
        return page_links(body, base_url)
    if "json" in content_type or body.lstrip().startswith(b"{"):
        return json_feed(body, base_url)
    return xml_feed(body, base_url, content_type)


def xml_feed(body: bytes, base_url: str, content_type: str = "") -> Listing:
    """An RSS or Atom feed, read by feedparser; a malformed one is read as far as it goes, with a warning."""
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(body, response_headers=headers)
    problem = getattr(parsed, "bozo_exception", None)
    if isinstance(problem, _BENIGN):  # a charset or content type the server got wrong: the XML itself is fine
        problem = None
    if not parsed.entries:
        raise SourceError(f"not a readable RSS/Atom feed: {problem}" if problem else "the feed lists no items")
    items = []
    for entry in parsed.entries:
        content = ""
        if entry.get("content"):
            content = max((c.get("value", "") for c in entry.content), key=len)
        link = _absolute(entry.get("link"), base_url)
        items.append(
            Item(
                url=link,
                guid=(entry.get("id") or "").strip() or None,
                title=(entry.get("title") or "").strip() or None,
                published=_stamp(entry.get("published_parsed") or entry.get("updated_parsed")),
                content=content.strip() or None,
                summary=(entry.get("summary") or "").strip() or None,
                categories=[t["term"].strip() for t in entry.get("tags", []) if (t.get("term") or "").strip()],
            )
        )
    ttl = _number(parsed.feed.get("ttl"))
    return Listing(
        items=items,
        title=(parsed.feed.get("title") or "").strip() or None,
        ttl_seconds=ttl * 60 if ttl else None,
        warning=f"the feed is malformed ({problem}); read its items as far as it goes" if problem else None,
    )


def json_feed(body: bytes, base_url: str) -> Listing:
    """A JSON Feed (jsonfeed.org, versions 1 and 1.1): `items` with `id`, `url`, `content_html` or `content_text`."""
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"not a readable JSON Feed: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise SourceError("not a JSON Feed: no `items` list")
    items = []
    for entry in data["items"]:
        if not isinstance(entry, dict):
            continue
        content = entry.get("content_html") or entry.get("content_text")
        items.append(
            Item(
                url=_absolute(_text(entry.get("url")) or _text(entry.get("external_url")), base_url),
                guid=_text(entry.get("id")),
                title=_text(entry.get("title")),
                published=_iso(_text(entry.get("date_published")) or _text(entry.get("date_modified"))),
                content=_text(content),
                summary=_text(entry.get("summary")),
                categories=[t for t in entry.get("tags") or [] if isinstance(t, str) and t.strip()],
            )
        )
    if not items:
        raise SourceError("the JSON Feed lists no items")
    return Listing(items=items, title=_text(data.get("title")))


def page_links(body: bytes, base_url: str) -> Listing:
    """The article links of a web page: links to the same site whose text reads like a headline or whose
    path reads like an article (a long slug or a number), each once, in page order."""
    try:
        root = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(f"not a readable web page: {exc}") from None
    site = urlsplit(base_url).netloc.lower()
    page = urldefrag(base_url).url
    found: dict[str, Item] = {}
    for anchor in root.iter("a"):
        href = anchor.get("href")
        url = _absolute(href, base_url)
        if url is None:
            continue
        url = urldefrag(url).url
        parts = urlsplit(url)
        if parts.netloc.lower() != site or url == page or url in found:
            continue
        words = " ".join(anchor.text_content().split())
        if len(words.split()) >= MIN_LINK_WORDS or _SLUG.search(parts.path):
            found[url] = Item(url=url, title=words or None)
    if not found:
        raise SourceError("the page links to no articles (no link reads like a headline or an article's address)")
    title = root.findtext(".//title")
    return Listing(items=list(found.values()), title=" ".join(title.split()) if title else None)


def _absolute(href: str | None, base_url: str) -> str | None:
    """An absolute http(s) URL for a link, or None for anything else (mailto:, javascript:, empty)."""
    if not href or not href.strip():
        return None
    url = urljoin(base_url, href.strip())
    return url if urlsplit(url).scheme in ("http", "https") else None


def _stamp(value: time.struct_time | None) -> datetime | None:
    return datetime(*value[:6], tzinfo=UTC) if value else None


def _iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _number(value: object) -> float | None:
    try:
        number = float(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
