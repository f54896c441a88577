"""WARC web archives (.warc and .warc.gz, recognised by their content): every HTTP response holding an
HTML page becomes a Document through the HTML reader.

The page's target URI is the document's `url`, the article's own date (trafilatura's metadata) its
`published`, and the record's WARC-Date its `crawled`. Request, metadata, revisit and other records,
and responses that are not HTML pages, are `Skipped` (counted, not failures). A record that is
truncated or corrupt is a Failure naming its byte offset (in the file as stored, compressed or not),
and reading goes on at the next record found after it, so one damaged record costs only itself.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import BinaryInput, NoArticleText
from ..model import Document, Failure, Skipped
from ..sizes import byte_size
from .common import content_id, real_url
from .decoding import decode
from .html import looks_html, read_html

NAME = "warc"
GZIP_MAGIC = b"\x1f\x8b"
_GZIP_MEMBER = b"\x1f\x8b\x08"  # a gzip member header (deflate): where a record of a .warc.gz may start
_PLAIN_RECORD = b"\nWARC/1."
_SCAN = 1 << 20  # bytes read at a time when looking for the next record after a damaged one


def looks_warc(head: bytes) -> bool:
    """Whether the bytes open a WARC file, plain or gzip-compressed (a record per gzip member)."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(GZIP_MAGIC):
        try:
            return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def read_warc(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[Document | Failure | Skipped]:
    """Every record of a seekable WARC stream as a Document, a Skipped or a Failure (origin `path@offset`);
    `max_bytes` bounds one record's payload, not the file."""
    size = stream.seek(0, 2)
    gzipped = _starts_gzip(stream)
    offset = 0
    while offset < size:
        stream.seek(offset)
        records = ArchiveIterator(stream)
        resume = None
        try:
            for record in records:
                start = records.offset
                where = f"{origin}@{start}"
                if not _declared_length(record):  # the record's extent is unknown: find the next one
                    yield Failure(
                        where, "corrupt WARC record: no valid Content-Length; skipped to the next record", NAME
                    )
                    resume = _next_record(stream, start + 1, size, gzipped)
                    break
                item = _record(record, where, max_bytes)
                records.read_to_end()
                if getattr(record.raw_stream, "limit", 0) > 0:
                    item = Failure(where, "truncated WARC record: the file ends before the record does", NAME)
                elif records.err_count:  # warcio found the record's end was not where its Content-Length said
                    item = Failure(where, "corrupt WARC record: its length does not match its data", NAME)
                    records.err_count = 0
                yield item
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as exc:
            bad = records.offset
            yield Failure(f"{origin}@{bad}", f"corrupt WARC record ({_problem(exc)}); skipped to the next record", NAME)
            resume = _next_record(stream, bad + 1, size, gzipped)
        if resume is not None:
            offset = resume
            continue
        end = records.offset
        if end < size and stream.seek(end) == end and stream.read(4096).strip():
            yield Failure(
                f"{origin}@{end}", f"truncated WARC record: {size - end} bytes at the end cannot be read", NAME
            )
        break


def _declared_length(record) -> bool:
    """Whether the record states its length, as every WARC record must."""
    value = record.rec_headers.get_header("Content-Length") or ""
    return value.strip().isdigit()


def _record(record, where: str, max_bytes: int) -> Document | Failure | Skipped:
    """One WARC record as a Document (an HTML response), a Skipped or a Failure."""
    kind = record.rec_type or "unknown"
    if kind != "response":
        return Skipped(where, f"{kind} record", NAME)
    http = record.http_headers
    if http is None or not http.protocol.upper().startswith("HTTP"):
        return Skipped(where, "non-HTTP response", NAME)
    status = http.get_statuscode()
    if status != "200":
        return Skipped(where, f"HTTP {status} response", NAME)
    content_type = (http.get_header("Content-Type") or "").lower()
    if content_type and "html" not in content_type:
        return Skipped(where, "non-HTML response", NAME)
    try:
        data = record.content_stream().read(max_bytes + 1)
    except Exception as exc:  # a broken chunked or compressed body
        return Failure(where, f"corrupt WARC record: the page cannot be decoded ({_problem(exc)})", NAME)
    if len(data) > max_bytes:
        return Failure(
            where, f"page is over the size limit of {byte_size(max_bytes)} (raise it with --max-bytes)", NAME
        )
    try:
        text, warning = _text(data, content_type)
    except BinaryInput as exc:
        return Failure(where, str(exc), NAME)
    if not content_type and not looks_html(text):
        return Skipped(where, "non-HTML response", NAME)
    uri = record.rec_headers.get_header("WARC-Target-URI")
    try:
        doc = read_html(text, content_id(uri) if uri else content_id(text))
    except NoArticleText as exc:
        return Failure(where, str(exc), NAME)
    except Exception as exc:  # a reader bug must not stop the archive; say what happened
        return Failure(where, f"html reader failed: {type(exc).__name__}: {exc}", NAME)
    if warning:
        doc.warnings.insert(0, warning)
    doc.url = real_url(uri) or doc.url
    doc.crawled = _warc_date(record.rec_headers.get_header("WARC-Date"))
    doc.origin, doc.reader = where, NAME
    if not doc.text.strip():
        return Failure(where, "no article text in the page", NAME)
    return doc


def _text(data: bytes, content_type: str) -> tuple[str, str | None]:
    """The page's text: in the charset its Content-Type names, else decoded as any text input is."""
    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip("\"'")
    if charset:
        try:
            return data.decode(charset).replace("\r\n", "\n").replace("\r", "\n"), None
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _warc_date(value: str | None) -> str | None:
    """A WARC-Date ("2024-05-01T10:20:30Z", maybe with fractions of a second) as YYYY-MM-DDTHH:MM:SS."""
    if not value or len(value) < 19 or value[10] != "T":
        return None
    return value[:19]


def _starts_gzip(stream: BinaryIO) -> bool:
    stream.seek(0)
    return stream.read(2) == GZIP_MAGIC


def _next_record(stream: BinaryIO, start: int, size: int, gzipped: bool) -> int:
    """The offset of the first record that begins at or after `start`, else `size`."""
    marker = _GZIP_MEMBER if gzipped else _PLAIN_RECORD
    position = start
    while position < size:
        stream.seek(position)
        block = stream.read(_SCAN + 64)
        at = block.find(marker)
        while at >= 0:
            found = position + at + (0 if gzipped else 1)
            stream.seek(found)
            if looks_warc(stream.read(512)):
                return found
            at = block.find(marker, at + 1)
        position += _SCAN
    return size


def _problem(exc: Exception) -> str:
    """What went wrong, in words, without the binary bytes some of warcio's messages quote."""
    if isinstance(exc, ArchiveLoadFailed):
        return "no WARC record header where a record should start"
    if isinstance(exc, zlib.error):
        return "damaged gzip data"
    if isinstance(exc, EOFError):
        return "the file ends inside the record"
    return type(exc).__name__
