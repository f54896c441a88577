"""WARC web archives, plain and gzip-compressed, written by the tests with warcio: each HTML response is a
document with its target URI, the article's own date and the crawl date; other records are skipped and
counted; a damaged or truncated record is a failure at its offset and the rest of the file is read."""

from pathlib import Path

import pytest

from accord.model import Document, Failure, Skipped
from accord.readers import read_bytes, read_inputs
from accord.readers.sources import RawInput
from accord.readers.warc import looks_warc
from tests.web_archives import PAGES, damage, record_offsets, write_warc

SKIPPED = {"warcinfo record": 1, "request record": 3, "non-HTML response": 1, "metadata record": 1, "revisit record": 1}


def _read(path: Path, max_bytes: int = 1_000_000):
    items = list(read_inputs([str(path)], max_bytes))
    documents = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    skipped: dict[str, int] = {}
    for item in items:
        if isinstance(item, Skipped):
            skipped[item.reason] = skipped.get(item.reason, 0) + 1
    return documents, failures, skipped


def _response_offset(path: Path, url: str) -> int:
    return next(offset for offset, kind, uri in record_offsets(path) if kind == "response" and uri == url)


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_each_html_response_is_a_document_and_the_rest_is_skipped(tmp_path, gzip):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    documents, failures, skipped = _read(path)
    assert failures == []
    assert skipped == SKIPPED
    assert [d.url for d in documents] == [p.url for p in PAGES]
    assert [d.published for d in documents] == [p.published for p in PAGES]  # the article's date, not the crawl's
    assert {d.crawled for d in documents} == {"2026-03-04T05:06:07"}
    assert [d.title for d in documents] == [p.title for p in PAGES]
    for doc, page in zip(documents, PAGES):
        assert doc.reader == "warc" and doc.origin == f"{path}@{_response_offset(path, page.url)}"
        assert doc.text.startswith(page.paragraphs[0]) and "Home" not in doc.text
        assert doc.publisher == "Archive Test News"


def test_the_format_is_found_by_content_not_by_name(tmp_path):
    plain = write_warc(tmp_path / "a.warc", gzip=False)
    packed = write_warc(tmp_path / "b.warc.gz", gzip=True)
    renamed = tmp_path / "shard-0001.dat"
    renamed.write_bytes(packed.read_bytes())
    assert looks_warc(plain.read_bytes()[:512]) and looks_warc(packed.read_bytes()[:512])
    assert not looks_warc(b"<html><body><p>no</p></body></html>")
    assert [d.url for d in _read(renamed)[0]] == [p.url for p in PAGES]
    from_bytes = list(read_bytes(RawInput("<stdin>", "", plain.read_bytes())))
    assert [d.url for d in from_bytes if isinstance(d, Document)] == [p.url for p in PAGES]


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_a_corrupt_record_is_a_failure_at_its_offset_and_the_rest_is_read(tmp_path, gzip):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc"), gzip=gzip)
    offset = damage(path, PAGES[1].url)
    documents, failures, skipped = _read(path)
    assert [d.url for d in documents] == [PAGES[0].url, PAGES[2].url]
    (failure,) = failures
    assert failure.origin == f"{path}@{offset}" and "corrupt WARC record" in failure.reason
    assert skipped == SKIPPED  # every other record, before and after the damage


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_a_truncated_file_keeps_what_comes_before_the_cut(tmp_path, gzip):
    whole = write_warc(tmp_path / "whole", PAGES, gzip=gzip, extras=False)
    last = _response_offset(whole, PAGES[2].url)
    cut = tmp_path / "cut"
    data = whole.read_bytes()
    cut.write_bytes(data[: last + (len(data) - last) // 2])
    documents, failures, _ = _read(cut)
    assert [d.url for d in documents] == [PAGES[0].url, PAGES[1].url]
    (failure,) = failures
    assert failure.origin == f"{cut}@{last}"
    assert "truncated" in failure.reason or "corrupt" in failure.reason


def test_a_page_over_the_size_limit_is_a_failure_not_the_whole_archive(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", gzip=False)
    documents, failures, _ = _read(path, max_bytes=100)  # each page is larger than 100 bytes; the file far larger
    assert documents == [] and len(failures) == len(PAGES)
    assert all("size limit" in f.reason for f in failures)
