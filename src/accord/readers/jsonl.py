"""JSON Lines: one document a line, "text" required; a bad line is reported by number, the rest read."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import BadDate
from ..model import Dateline, Document, Failure
from .common import apply_dateline, check_language, content_id, real_url
from .dates import parse_date

NAME = "jsonl"
_STRING_FIELDS = ("title", "publisher", "language")


def looks_jsonl(text: str) -> bool:
    """Whether the first non-blank line is a JSON object."""
    for line in text.split("\n", 20)[:20]:
        line = line.strip()
        if not line:
            continue
        if not line.startswith("{"):
            return False
        try:
            return isinstance(json.loads(line), dict)
        except ValueError:
            return False
        except RecursionError:
            return True  # an object too deeply nested to read: read_jsonl says so
    return False


def read_jsonl(text: str, origin: str) -> Iterator[Document | Failure]:
    """One Document per line with a "text" string; every other line is a Failure named by its number."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"line {number} is not valid JSON ({exc.msg} at column {exc.colno})", NAME)
            continue
        except RecursionError:
            yield Failure(where, f"line {number} is nested too deeply to read as JSON", NAME)
            continue
        if not isinstance(record, dict):
            yield Failure(where, f"line {number} is a JSON {type(record).__name__}, not an object", NAME)
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield Failure(where, f'line {number} has no "text" string', NAME)
            continue
        yield _document(record, body, where)


def _document(record: dict, body: str, where: str) -> Document:
    raw_id = record.get("id")
    doc = Document(
        id=str(raw_id) if raw_id not in (None, "") else content_id(body),
        text=body,
        reader=NAME,
        origin=where,
        language=None,
    )
    for key in _STRING_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            setattr(doc, key, value.strip())
    doc.url = real_url(record.get("url") if isinstance(record.get("url"), str) else None)
    for key in ("sources", "categories"):
        value = record.get(key)
        if isinstance(value, str):
            value = [value]
        if isinstance(value, list):
            setattr(doc, key, [str(v).strip() for v in value if str(v).strip()])
    for key in ("published", "document_date"):
        value = record.get(key)
        if value in (None, ""):
            continue
        try:
            parsed = parse_date(str(value), keep_time=True)
            if key == "document_date" and "T" not in parsed:
                parsed += "T00:00:00"
            setattr(doc, key, parsed)
        except BadDate as exc:
            doc.warnings.append(f"{key} not read, kept as null: {exc}")
    dateline = record.get("dateline")
    if isinstance(dateline, dict):
        when = dateline.get("date")
        try:
            when = parse_date(str(when), keep_time=False) if when else None
        except BadDate as exc:
            doc.warnings.append(f"dateline date not read, kept as null: {exc}")
            when = None
        place = dateline.get("place")
        doc.dateline = Dateline(place=str(place) if place else None, date=when)
    else:
        apply_dateline(doc, strip=False)  # the text stays verbatim: offsets match the input
    check_language(doc, doc.language)
    return doc
