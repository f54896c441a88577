"""Small WARC files the tests write with warcio: HTML news pages as HTTP responses, with the records a
real crawl also holds (requests, metadata, revisits, a PDF) and, on request, a damaged record."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CRAWLED = "2026-03-04T05:06:07Z"


@dataclass(frozen=True)
class Page:
    """One news page: its URL, headline, the date its metadata gives and its paragraphs."""

    url: str
    title: str
    published: str
    paragraphs: tuple[str, ...]

    def html(self) -> bytes:
        body = "".join(f"<p>{p}</p>" for p in self.paragraphs)
        return (
            f'<!doctype html><html lang="en"><head><title>{self.title}</title>'
            f'<meta property="article:published_time" content="{self.published}T08:00:00Z">'
            f'<meta property="og:site_name" content="Archive Test News"></head>'
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{self.title}</h1>{body}</article></body></html>"
        ).encode()


PAGES = (
    Page(
        "https://news.example.org/2025/10/30/talks",
        "Envoys Agree to Resume Talks",
        "2025-10-30",
        (
            "France and Germany signed a trade agreement in Geneva on Thursday, officials said.",
            "The foreign ministers of both countries met for two days and described the talks as constructive.",
        ),
    ),
    Page(
        "https://news.example.org/2025/11/02/sanctions",
        "Sanctions Announced After Border Clash",
        "2025-11-02",
        (
            "Japan imposed sanctions on Vietnam on Sunday after a clash at sea, the government said.",
            '"We will not accept this," the prime minister told reporters in Tokyo on Sunday evening.',
        ),
    ),
    Page(
        "https://news.example.org/2025/12/05/aid",
        "Aid Offered to Flood Victims",
        "2025-12-05",
        (
            "Canada offered humanitarian aid to Peru on Friday after floods forced thousands from their homes.",
            "Officials in Lima said the first shipments would arrive within a week.",
        ),
    ),
)


def write_warc(path: Path, pages=PAGES, *, gzip: bool, extras: bool = True) -> Path:
    """A WARC file with a request and response per page; with `extras`, also a warcinfo record, a
    metadata record, a revisit and a PDF response (none of them an article)."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        if extras:
            writer.write_record(writer.create_warcinfo_record(path.name, {"software": "accord tests"}))
        for page in pages:
            writer.write_record(_request(writer, page.url))
            writer.write_record(_response(writer, page.url, page.html(), "text/html; charset=utf-8"))
        if extras:
            pdf = "https://news.example.org/report.pdf"
            writer.write_record(_response(writer, pdf, b"%PDF-1.4 not an article", "application/pdf"))
            writer.write_record(
                writer.create_warc_record(
                    pages[0].url,
                    "metadata",
                    payload=io.BytesIO(b"fetchTimeMs: 12\n"),
                    warc_content_type="application/warc-fields",
                )
            )
            writer.write_record(
                writer.create_revisit_record(
                    pages[0].url, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", pages[0].url, CRAWLED
                )
            )
    return path


def record_offsets(path: Path) -> list[tuple[int, str, str | None]]:
    """(offset, type, target URI) of every record of an intact WARC file."""
    found = []
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for record in records:
            found.append(
                (records.get_record_offset(), record.rec_type, record.rec_headers.get_header("WARC-Target-URI"))
            )
    return found


def damage(path: Path, uri: str) -> int:
    """Overwrite the middle of the response record for `uri` with junk (keeping the file's length);
    returns the record's offset."""
    offsets = record_offsets(path)
    data = bytearray(path.read_bytes())
    for n, (offset, kind, target) in enumerate(offsets):
        if kind == "response" and target == uri:
            end = offsets[n + 1][0] if n + 1 < len(offsets) else len(data)
            middle = offset + (end - offset) // 3
            data[middle : middle + 40] = b"#" * 40
            path.write_bytes(bytes(data))
            return offset
    raise ValueError(f"no response for {uri} in {path}")


def _request(writer: WARCWriter, url: str):
    headers = StatusAndHeaders(f"GET {url} HTTP/1.1", [("User-Agent", "accord-tests")], is_http_request=True)
    return writer.create_warc_record(url, "request", http_headers=headers, warc_headers_dict={"WARC-Date": CRAWLED})


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": CRAWLED},
    )
