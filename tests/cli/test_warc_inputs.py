"""`accord extract` and `accord ingest` on WARC files: the HTML responses become documents (with `crawled`
in the contract and the store), the other records are counted as skipped, a damaged record is a failure
named with its offset, and the batch goes on."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from accord.cli import app
from tests.web_archives import PAGES, damage, write_warc

pytestmark = pytest.mark.model


def test_extract_reads_a_warc_and_counts_what_it_skipped(tmp_path, contract_validator):
    path = write_warc(tmp_path / "crawl.warc.gz", gzip=True)
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    for obj in objects:
        contract_validator.validate(obj)
    assert [(o["url"], o["published"], o["crawled"]) for o in objects] == [
        (p.url, p.published, "2026-03-04T05:06:07") for p in PAGES
    ]
    assert "skipped 7 WARC records" in result.stderr and "revisit record 1" in result.stderr


def test_ingest_stores_the_pages_and_names_the_damaged_record(tmp_path):
    path = write_warc(tmp_path / "crawl.warc", gzip=False)
    offset = damage(path, PAGES[0].url)
    db = tmp_path / "w.db"
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", str(path), "--workers", "1"])
    assert result.exit_code == 1
    assert "read 2, new 2, unchanged 0, failed 1" in result.stderr
    assert f"{path}@{offset}" in result.stderr and "skipped 7 WARC records" in result.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, reader, extraction FROM documents ORDER BY url").fetchall()
    assert [(url, reader) for url, reader, _ in rows] == [
        (p.url, "warc") for p in sorted(PAGES[1:], key=lambda p: p.url)
    ]
    assert {json.loads(extraction)["crawled"] for _, _, extraction in rows} == {"2026-03-04T05:06:07"}
    again = CliRunner().invoke(app, ["--db", str(db), "ingest", str(path), "--workers", "1"])
    assert "read 2, new 0, unchanged 2, failed 1" in again.stderr
