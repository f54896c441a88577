"""RSS and Atom files: one document per item, with the item's full content when the feed carries it."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import feedparser

from ..model import Document, Failure
from .common import apply_dateline, check_language, content_id, real_url
from .fragments import fragment_text

NAME = "feed"
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)


def looks_feed(text: str) -> bool:
    """Whether the text opens with an RSS, Atom or RDF root element."""
    head = text.lstrip()[:2000]
    return bool(_FEED_ROOT.search(head)) and head.startswith("<")


def read_feed(text: str, stem: str, origin: str) -> Iterator[Document | Failure]:
    """One Document per feed item with text; a feed with no readable items is one Failure."""
    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        reason = f"not a readable RSS/Atom feed: {problem}" if problem else "the feed has no items"
        yield Failure(origin, reason, NAME)
        return
    publisher = (parsed.feed.get("title") or "").strip() or None
    damage = f"; the feed is malformed ({parsed.bozo_exception})" if parsed.get("bozo") else ""
    for n, entry in enumerate(parsed.entries, start=1):
        item_origin = f"{origin}#item-{n}"
        markup = ""
        if entry.get("content"):
            markup = max((c.get("value", "") for c in entry.content), key=len)
        if not markup.strip():
            markup = entry.get("summary", "") or entry.get("description", "")
        body = fragment_text(markup)
        if not body.strip():
            yield Failure(item_origin, f"feed item has no text (no content or summary){damage}", NAME)
            continue
        doc = Document(id=f"{stem}-{n}", text=body, reader=NAME, origin=item_origin)
        doc.title = (entry.get("title") or "").strip() or None
        doc.url = real_url(entry.get("link"))
        doc.publisher = publisher
        source = entry.get("source") or {}
        if source.get("title"):
            doc.sources = [source["title"].strip()]
        doc.categories = [t.get("term").strip() for t in entry.get("tags", []) if (t.get("term") or "").strip()]
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            doc.published = time.strftime("%Y-%m-%dT%H:%M:%S", stamp)
        elif entry.get("published") or entry.get("updated"):
            doc.warnings.append(f"item date not read: {entry.get('published') or entry.get('updated')!r}")
        if not stem:
            doc.id = content_id(body)
        apply_dateline(doc, strip=True)
        check_language(doc)
        yield doc
