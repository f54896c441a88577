"""Readers: raw inputs to Documents, format detected by content. `read_inputs` is the entry point."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from ..errors import BinaryInput, NoArticleText
from ..model import Document, Failure, Skipped
from .common import content_id
from .decoding import decode
from .detect import FORMATS, detect_format
from .feed import read_feed
from .headered import read_headered
from .html import read_html
from .jsonl import read_jsonl
from .plain import read_plain
from .sources import RawInput, iter_raw_inputs
from .warc import looks_warc, read_warc

__all__ = ["FORMATS", "read_inputs", "read_bytes", "detect_format"]


def read_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[Document | Failure | Skipped]:
    """Documents and Failures from files, folders, globs and "-", in input order, and the parts of web
    archives that are not articles as Skipped."""
    for raw in iter_raw_inputs(paths, max_bytes):
        if isinstance(raw, Failure):
            yield raw
        else:
            yield from read_bytes(raw)


def read_bytes(raw: RawInput) -> Iterator[Document | Failure | Skipped]:
    """Every Document in one raw input; any problem becomes a Failure, never an exception."""
    if raw.path is not None or looks_warc(raw.data[:512]):
        yield from _read_archive(raw)
        return
    if not raw.data.strip():
        yield Failure(raw.origin, "empty file (no text)")
        return
    try:
        text, warning = decode(raw.data)
    except BinaryInput as exc:
        yield Failure(raw.origin, str(exc))
        return
    fmt = detect_format(text, raw.origin)
    try:
        for item in _parse(fmt, text, raw):
            if isinstance(item, Document):
                if warning:
                    item.warnings.insert(0, warning)
                if not item.text.strip():
                    yield Failure(item.origin or raw.origin, "no body text after the header", fmt)
                    continue
            yield item
    except NoArticleText as exc:
        yield Failure(raw.origin, str(exc), fmt)
    except Exception as exc:  # a reader bug must not stop the batch; say what happened
        yield Failure(raw.origin, f"{fmt} reader failed: {type(exc).__name__}: {exc}", fmt)


def _read_archive(raw: RawInput) -> Iterator[Document | Failure | Skipped]:
    """The records of a WARC file (streamed from its path) or of WARC bytes already read."""
    limit = raw.max_bytes or max(len(raw.data), 1)
    try:
        with raw.path.open("rb") if raw.path is not None else io.BytesIO(raw.data) as stream:
            yield from read_warc(stream, raw.origin, limit)
    except OSError as exc:
        yield Failure(raw.origin, f"cannot read: {exc.strerror or exc}", "warc")
    except Exception as exc:  # a reader bug must not stop the batch; say what happened
        yield Failure(raw.origin, f"warc reader failed: {type(exc).__name__}: {exc}", "warc")


def _parse(fmt: str, text: str, raw: RawInput) -> Iterator[Document | Failure]:
    doc_id = raw.stem or content_id(text)
    if fmt == "jsonl":
        yield from read_jsonl(text, raw.origin)
    elif fmt == "feed":
        yield from read_feed(text, raw.stem, raw.origin)
    else:
        reader = {"html": read_html, "headered": read_headered, "plain": read_plain}[fmt]
        doc = reader(text, doc_id)
        doc.origin = raw.origin
        yield doc
