"""Which reader a text needs, decided by its content; the file name is only a tie-breaker."""

from __future__ import annotations

from .feed import looks_feed
from .headered import looks_headered
from .html import looks_html
from .jsonl import looks_jsonl

FORMATS = ("jsonl", "feed", "html", "headered", "plain")


def detect_format(text: str, name: str = "") -> str:
    """The reader for `text` (one of FORMATS), judged by content first and the file name second."""
    lower = name.lower()
    if looks_feed(text):
        return "feed"
    if looks_html(text):
        return "html"
    if looks_jsonl(text) or (lower.endswith((".jsonl", ".ndjson")) and text.lstrip().startswith("{")):
        return "jsonl"
    if looks_headered(text):
        return "headered"
    return "plain"
