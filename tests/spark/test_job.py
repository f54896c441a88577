"""`accord spark extract` on a local Spark: the Parquet datasets hold, document by document, what
`accord extract` gives on the same inputs, with the export's column names and types; the corrupt WARC
record and the line that is not JSON are failures with their origins, the other records are skipped and
counted, and the command sums it all up."""

from __future__ import annotations

import json
from datetime import datetime

import pyarrow as pa
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.export.datasets import TABLES, columns, dataset_rows
from accord.export.tables import COLUMNS, parquet_schema

pytestmark = [pytest.mark.spark, pytest.mark.model]


def _table(out, name) -> pa.Table:
    return ds.dataset(str(out / name), format="parquet", partitioning="hive").to_table()


def _rows(out, name) -> list[dict]:
    return _table(out, name).to_pylist()


@pytest.fixture(scope="module")
def local(spark_corpus):
    """What `accord extract` prints for the same files: one contract object per document."""
    result = CliRunner().invoke(app, ["extract", *sorted(str(p) for p in spark_corpus.iterdir())])
    assert result.exit_code == 1  # the corrupt record and the bad line
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_documents_are_those_accord_extract_gives(spark_run, local):
    out, result = spark_run
    assert result.exit_code == 1, result.output
    stored = [json.loads(row["extraction"]) for row in _rows(out, "documents")]
    key = lambda c: (c["id"], c["url"] or "")  # noqa: E731
    assert len(stored) == len(local) == 6  # 2 + 2 pages of the archives, 2 JSON Lines articles
    assert sorted(stored, key=key) == sorted(local, key=key)


def test_every_table_holds_each_documents_rows(spark_run, local):
    out, _ = spark_run
    documents = _rows(out, "documents")
    for table in TABLES:
        got = _rows(out, table)
        names = [name for name, _ in columns(table)]
        assert _table(out, table).schema.names == [n for n in names if n != "month"] + ["month"]
        expected = []
        for row in documents:
            contract = json.loads(row["extraction"])
            made = dataset_rows(row["doc_key"], contract, row["origin"], row["reader"], row["pipeline_version"])
            expected += [dict(zip(names, values)) for values in made[table]]
        assert sorted(map(_comparable, got)) == sorted(map(_comparable, expected)), table
    events = _rows(out, "events")
    assert len(events) > 0
    assert sorted((e["document"], e["cameo"]) for e in events) == sorted(
        (c["id"], e["cameo"]) for c in local for e in c["events"]
    )


def test_columns_have_the_exports_names_and_types(spark_run):
    out, _ = spark_run
    for kind in COLUMNS:
        schema = _table(out, kind).schema
        export = parquet_schema(kind)
        for field in export:
            got = schema.field(field.name).type
            if pa.types.is_timestamp(field.type):  # Spark writes timestamps without a zone in microseconds
                assert pa.types.is_timestamp(got) and got.tz is None, field.name
            else:
                assert got == field.type, field.name
    documents = _rows(out, "documents")
    assert all(isinstance(d["published"], datetime) for d in documents)


def test_datasets_are_partitioned_by_publication_month(spark_run):
    out, _ = spark_run
    months = sorted(p.name for p in (out / "documents").iterdir() if p.name.startswith("month="))
    assert months == ["month=2025-09", "month=2025-10", "month=2025-11", "month=2025-12"]
    for row in _rows(out, "documents"):
        assert row["month"] == json.loads(row["extraction"])["published"][:7]


def test_failures_and_skipped_records_are_reported(spark_run, spark_corpus):
    out, result = spark_run
    failures = _rows(out, "failures")
    origins = sorted(f["origin"] for f in failures)
    assert len(failures) == 2
    assert origins[0].startswith(str(spark_corpus / "crawl-0.warc.gz@"))
    assert origins[1] == f"{spark_corpus / 'wire.jsonl'}:2"
    assert "documents 6 written" in result.stderr
    assert "skipped 9 WARC records" in result.stderr  # warcinfo, 2+2 requests, PDF, metadata, revisit
    assert "corrupt WARC record" in result.stderr and "is not valid JSON: 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_existing_output_is_not_overwritten_unless_asked(spark_run, spark_corpus):
    out, _ = spark_run
    result = CliRunner().invoke(app, ["spark", "extract", str(spark_corpus / "wire.jsonl"), "--out", str(out)])
    assert result.exit_code == 2 and "--overwrite" in result.stderr


def _comparable(row: dict) -> str:
    return json.dumps(row, sort_keys=True, default=str)
