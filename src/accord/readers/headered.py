"""Headered news text: a title line, "Published on", "Document Date", "Category", a link line,
a publisher line, a "Sources" line, then the body opening with a dateline (see the seed article)."""

from __future__ import annotations

import re

from ..errors import BadDate
from ..model import Document
from .common import apply_dateline, check_language, real_url
from .dates import parse_date
from .paragraphs import join_paragraphs

NAME = "headered"

_FIELD = {
    "published": re.compile(r"^Published\s+on\s*:?\s*(?P<v>.*)$", re.I),
    "document_date": re.compile(r"^Document\s+Date\s*:\s*(?P<v>.*)$", re.I),
    "category": re.compile(r"^Categor(?:y|ies)\s*:\s*(?P<v>.*)$", re.I),
    "link": re.compile(r"^Show\s+on\s+website\s*:?\s*(?P<v>.*)$", re.I),
    "sources": re.compile(r"^Sources?\s*:?\s+(?P<v>.+)$", re.I),
}
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\((?P<href>[^)]*)\)")
_HEADER_KEYS = ("published", "document_date", "category", "link")


def looks_headered(text: str) -> bool:
    """At least two of the header fields appear among the first 40 lines."""
    lines = text.split("\n", 40)[:40]
    hits = {key for line in lines for key in _HEADER_KEYS if _FIELD[key].match(line.strip())}
    return len(hits) >= 2


def read_headered(text: str, doc_id: str) -> Document:
    """Headered news text as a Document: the header's fields as metadata, the body after it as text."""
    lines = text.split("\n")
    doc = Document(id=doc_id, text="", reader=NAME)
    i, header_seen, title_lines = 0, False, []
    # Header: everything up to the rule that follows the last header field.
    last_field = -1
    for n, line in enumerate(lines[:60]):
        if any(_FIELD[key].match(line.strip()) for key in _HEADER_KEYS):
            last_field = n
    for n in range(last_field + 1):
        line = lines[n].strip()
        if not line or _RULE.match(line):
            continue
        matched = False
        for key in _HEADER_KEYS:
            m = _FIELD[key].match(line)
            if m:
                _set_field(doc, key, m.group("v").strip())
                matched, header_seen = True, True
                break
        if not matched and not header_seen:
            title_lines.append(line.lstrip("#").strip())
    doc.title = " ".join(title_lines) or None
    i = last_field + 1
    while i < len(lines) and (not lines[i].strip() or _RULE.match(lines[i])):
        i += 1
    # Publisher line and Sources line, in either order, before the body.
    for _ in range(2):
        if i >= len(lines):
            break
        line = lines[i].strip()
        m = _FIELD["sources"].match(line)
        if m and not doc.sources:
            doc.sources = _split_list(m.group("v"))
        elif doc.publisher is None and _looks_like_publisher(line) and _next_is_sources(lines, i):
            doc.publisher = line
        else:
            break
        i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
    doc.text = join_paragraphs(lines[i:])
    apply_dateline(doc, strip=True)
    check_language(doc)
    return doc


def _set_field(doc: Document, key: str, value: str) -> None:
    if key in ("published", "document_date"):
        label = "published" if key == "published" else "document date"
        if not value:
            return
        try:
            parsed = parse_date(value, keep_time=(key == "document_date"))
        except BadDate as exc:
            doc.warnings.append(f"{label} not read, kept as null: {exc}")
            return
        if key == "document_date" and "T" not in parsed:
            parsed += "T00:00:00"
        setattr(doc, key, parsed)
    elif key == "category":
        doc.categories = _split_list(value.replace(" - ", ","))
    elif key == "link":
        m = _MARKDOWN_LINK.search(value)
        doc.url = real_url(m.group("href") if m else value)


def _split_list(value: str) -> list[str]:
    items = [part.strip() for part in re.split(r"[,;|]", value)]
    return [item for item in items if item]


def _looks_like_publisher(line: str) -> bool:
    return 0 < len(line) <= 60 and len(line.split()) <= 6 and not line.endswith((".", "!", "?", '"', "”"))


def _next_is_sources(lines: list[str], i: int) -> bool:
    for line in lines[i + 1 : i + 4]:
        if line.strip():
            return bool(_FIELD["sources"].match(line.strip()))
    return False
