"""Plain text: the body is the file's text exactly (line endings normalised), so offsets match the file.

A short first line followed by a blank line is taken as the title (it stays in the text); a dateline
at the start of the body is recorded but not removed.
"""

from __future__ import annotations

import re

from ..model import Document
from .common import apply_dateline, check_language
from .dateline import find_dateline

NAME = "plain"
_TITLE = re.compile(r"^(?P<title>[^\n]{3,150})\n[ \t]*\n")


def read_plain(text: str, doc_id: str) -> Document:
    """Plain text as a Document: a short first line before a blank one is the title; a dateline is found."""
    doc = Document(id=doc_id, text=text, reader=NAME)
    m = _TITLE.match(text)
    if m and not m.group("title").rstrip().endswith((".", ",", ";")) and len(m.group("title").split()) <= 20:
        doc.title = m.group("title").strip()
        found = find_dateline(text[m.end() :])
        if found:
            doc.dateline = found.dateline
            if found.warning:
                doc.warnings.append(found.warning)
    else:
        apply_dateline(doc, strip=False)
    check_language(doc)
    return doc
