"""A watched item as a Document, through the readers: the feed's full content when it carries it (read as
the feed reader reads an item), else the article page (read as any input is, trafilatura for HTML). The
item's own metadata fills what the text does not give, and the source's categories are added.
`content_key` identifies the text itself, so the same article under two URLs is taken once."""

from __future__ import annotations

import hashlib

from ..model import Document, Failure, Skipped
from ..readers import read_bytes
from ..readers.common import apply_dateline, check_language, content_id
from ..readers.fragments import fragment_text
from ..readers.sources import RawInput
from ..store.sources import Source
from .listing import Item

READER = "watch"


def origin_of(item: Item, source: Source) -> str:
    """Where the item came from, as failures and provenance name it: its URL, else the feed and its GUID."""
    return item.url or f"{source.url}#{item.guid}"


def from_content(item: Item, source: Source, publisher: str | None) -> Document | Failure:
    """The feed item's full content as a Document."""
    origin = origin_of(item, source)
    body = fragment_text(item.content or "")
    if not body.strip():
        return Failure(origin, "feed item has no text", READER)
    doc = Document(id=content_id(origin), text=body, reader=READER, origin=origin)
    _fill(doc, item, source, publisher)
    apply_dateline(doc, strip=True)
    check_language(doc)
    return doc


def from_page(item: Item, source: Source, publisher: str | None, body: bytes, note: str | None) -> Document | Failure:
    """The article page fetched for the item as a Document (the readers decide its format), or the Failure
    they report: a page that is not an article, binary content, an empty body. `note` (a page cut at the
    size cap) becomes a warning."""
    origin = origin_of(item, source)
    for found in read_bytes(RawInput(origin=origin, stem=content_id(origin), data=body)):
        if isinstance(found, Failure):
            found.reason = f"{found.reason}{'; ' + note if note else ''}"
            return found
        if isinstance(found, Skipped):  # a part that is no article (a record of an archive served as a page)
            continue
        found.origin, found.reader = origin, found.reader or READER
        _fill(found, item, source, publisher)
        if note:
            found.warnings.append(note)
        return found  # a page is one article: a feed met at an article's address is read for its first item
    return Failure(origin, "the page gave nothing to read", READER)


def _fill(doc: Document, item: Item, source: Source, publisher: str | None) -> None:
    doc.url = doc.url or item.url
    doc.title = doc.title or item.title
    doc.publisher = doc.publisher or publisher or source.name
    if not doc.published and item.published is not None:
        doc.published = item.published.strftime("%Y-%m-%dT%H:%M:%S")
    doc.categories = list(dict.fromkeys([*source.categories, *item.categories, *doc.categories]))


def content_key(doc: Document) -> str:
    """SHA-256 of the text with its spacing evened out: the same article under another address has the same key."""
    return hashlib.sha256(" ".join(doc.text.split()).encode("utf-8")).hexdigest()
