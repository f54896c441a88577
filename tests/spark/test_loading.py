"""`accord load` stores what `accord spark extract` wrote as `accord ingest` stores the same inputs
(same content keys and contracts, the same stories and merged events after linking), and loading twice
changes nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from accord.cli import app

pytestmark = [pytest.mark.spark, pytest.mark.model]


def _content(db) -> dict:
    with sqlite3.connect(db) as conn:
        documents = {key: json.loads(x) for key, x in conn.execute("SELECT doc_key, extraction FROM documents")}
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("events", "quotes", "actors", "stories", "event_groups", "event_members")
        }
    return {"documents": documents, "counts": counts}


def test_load_stores_what_ingest_stores_and_twice_changes_nothing(spark_run, spark_corpus, tmp_path):
    out, _ = spark_run
    loaded, ingested = tmp_path / "loaded.db", tmp_path / "ingested.db"
    first = CliRunner().invoke(app, ["--db", str(loaded), "load", str(out)])
    assert first.exit_code == 0, first.output
    assert "read 6, new 5, unchanged 1" in first.stderr  # the page both archives hold is one document
    assert "linked 5 documents" in first.stderr
    inputs = sorted(str(p) for p in spark_corpus.iterdir())
    ingest = CliRunner().invoke(app, ["--db", str(ingested), "ingest", *inputs, "--workers", "1"])
    assert "new 5" in ingest.stderr
    before = _content(loaded)
    assert before == _content(ingested)
    assert before["counts"]["event_groups"] > 0
    again = CliRunner().invoke(app, ["--db", str(loaded), "load", str(out)])
    assert again.exit_code == 0 and "read 6, new 0, unchanged 6" in again.stderr
    assert _content(loaded) == before
    listing = CliRunner().invoke(app, ["--db", str(loaded), "events", "--format", "json"])
    assert listing.exit_code == 0 and len(json.loads(listing.stdout)) == before["counts"]["event_groups"]


def test_a_folder_without_datasets_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "x.db"), "load", str(tmp_path)])
    assert result.exit_code == 2 and "no documents dataset" in result.stderr
