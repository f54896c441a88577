"""Steps every reader shares: ids, URL checks, dateline handling and the stated language."""

from __future__ import annotations

import hashlib
import re

from ..model import Document
from .dateline import find_dateline

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)


def content_id(text: str) -> str:
    """A stable id for inputs that bring none: the first 16 hex digits of the text's SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def real_url(value: str | None) -> str | None:
    """`value` if it is an absolute http(s) URL; placeholders such as "#" or "javascript:" give None."""
    if not value:
        return None
    value = value.strip()
    return value if _URL.match(value) else None


def year_of(doc: Document) -> int | None:
    """The year of the document's own date (published, else document date), for datelines without one."""
    for value in (doc.published, doc.document_date):
        if value:
            return int(value[:4])
    return None


def apply_dateline(doc: Document, *, strip: bool) -> None:
    """Record the body's dateline; with `strip`, remove it so the text starts with the story itself."""
    found = find_dateline(doc.text, year_of(doc))
    if found is None:
        return
    doc.dateline = found.dateline
    if found.warning:
        doc.warnings.append(found.warning)
    if strip:
        doc.text = doc.text[found.end :]


def check_language(doc: Document, stated: str | None = None) -> None:
    """Record the language the input states (`stated`), and take it, else English, until the pipeline
    detects the language from the text (accord.nlp.language)."""
    doc.stated_language = stated or None
    doc.language = stated or "en"
