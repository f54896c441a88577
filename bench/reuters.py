"""A small reader for the Reuters-21578 SGML files, for benchmarks only: one Document per story (id =
NEWID, title, published from DATE). The text is the BODY; a story without one (a brief, an unprocessed
item) gives its TITLE or the words of its TEXT element, so all 21,578 stories go through."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from accord.model import Document

_STORY = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<body>.*?)</REUTERS>", re.S)
_FIELD = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("DATE", "TITLE", "BODY", "DATELINE")}
_TEXT = re.compile(r"<TEXT[^>]*>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_NEWID = re.compile(r'NEWID="(\d+)"')
_CONTROL = re.compile(r"&#\d+;|[\x00-\x08\x0b-\x1f]")


def read_reuters(folder: Path, limit: int | None = None) -> Iterator[Document]:
    count = 0
    for path in sorted(folder.glob("reut2-*.sgm")):
        raw = path.read_bytes().decode("latin-1")
        for m in _STORY.finditer(raw):
            body = _field(m.group("body"), "BODY") or _field(m.group("body"), "TITLE") or _text(m.group("body"))
            if not body:
                continue
            text = body.replace("Reuter\n", "").rstrip()
            text = re.sub(r"\s*\bReuter\s*$", "", text)
            newid = _NEWID.search(m.group("attrs"))
            yield Document(
                id=f"reuters-{newid.group(1) if newid else count}",
                text=text,
                title=_field(m.group("body"), "TITLE"),
                published=_date(_field(m.group("body"), "DATE")),
                origin=f"{path.name}#{newid.group(1) if newid else count}",
                reader="reuters-sgml",
            )
            count += 1
            if limit and count >= limit:
                return


def _text(block: str) -> str | None:
    m = _TEXT.search(block)
    if not m:
        return None
    return html.unescape(_CONTROL.sub("", _TAG.sub(" ", m.group(1)))).strip() or None


def _field(block: str, name: str) -> str | None:
    m = _FIELD[name].search(block)
    if not m:
        return None
    return html.unescape(_CONTROL.sub("", m.group(1))).strip() or None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return datetime.strptime(value.split(".")[0].strip(), "%d-%b-%Y %H:%M:%S").strftime("%Y-%m-%dT%H:%M:%S")
    except ValueError:
        return None
