"""Feeds and pages the watcher's tests serve, built from the synthetic articles (tests/synthetic.py):
RSS with full content or with links only, Atom, JSON Feed, article pages and a page listing links."""

from __future__ import annotations

import html
import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

from ..synthetic import article

__all__ = ["article"]

START = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def rss(items: list[dict], ttl: int | None = None) -> bytes:
    """An RSS 2.0 feed; an item dict has title, link, guid, and optionally content and published."""
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>',
           "<title>Test Wire</title><link>http://127.0.0.1/</link><description>tests</description>"]  # fmt: skip
    if ttl:
        out.append(f"<ttl>{ttl}</ttl>")
    for item in items:
        parts = [f"<title>{escape(item['title'])}</title>", f"<link>{escape(item['link'])}</link>"]
        if item.get("guid"):
            parts.append(f"<guid>{escape(item['guid'])}</guid>")
        if item.get("published"):
            parts.append(f"<pubDate>{format_datetime(item['published'])}</pubDate>")
        if item.get("content"):
            parts.append(f"<content:encoded>{escape(item['content'])}</content:encoded>")
        out.append(f"<item>{''.join(parts)}</item>")
    out.append("</channel></rss>")
    return "\n".join(out).encode("utf-8")


def atom(items: list[dict]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(i["title"])}</title><link href="{escape(i["link"])}"/><id>{escape(i["guid"])}</id>'
        f"<updated>{i['published'].isoformat()}</updated>"
        f'<content type="html">{escape(i.get("content") or "")}</content></entry>'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom Wire</title><id>urn:test</id><updated>2026-12-01T00:00:00Z</updated>{entries}</feed>"
    ).encode()


def json_feed(items: list[dict]) -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "JSON Wire",
            "items": [
                {
                    "id": i["guid"],
                    "url": i["link"],
                    "title": i["title"],
                    "content_html": i.get("content"),
                    "date_published": i["published"].isoformat(),
                }  # fmt: skip
                for i in items
            ],
        }
    ).encode()


def paragraphs(n: int) -> str:
    """Article n of tests/synthetic.py as HTML paragraphs, long enough to be an article."""
    a = article(n)
    return f"<p>{html.escape(a['text'])}</p><p>{html.escape(a['text'])} The meeting ended in the evening.</p>"


def page(n: int) -> bytes:
    """Article n as a whole HTML page."""
    a = article(n)
    return (
        f"<!doctype html><html><head><title>{html.escape(a['title'])}</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{html.escape(a['title'])}</h1>{paragraphs(n)}</article>"
        "</body></html>"
    ).encode()


def items(base: str, numbers: range, content: bool = True, path: str = "/news/") -> list[dict]:
    """Feed items for articles `numbers`, an hour apart (newest first), linking to `base + path + story-N`."""
    out = []
    for n in numbers:
        out.append(
            {
                "title": article(n)["title"],
                "link": f"{base}{path}story-{n}",
                "guid": f"tag:test,2026:{n}",
                "published": START - timedelta(hours=n),
                "content": paragraphs(n) if content else None,
            }
        )
    return out


NOT_AN_ARTICLE = b"<!doctype html><html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav></body></html>"
