"""CSV, JSON Lines and Parquet tables of events, quotes, actors and documents: each format read back
(Parquet with pyarrow) gives exactly the rows the store holds, and pandas, DuckDB, `csv` and `json` read
the dates as a user expects: ISO strings in CSV and JSON Lines, timestamps in Parquet."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.export import KINDS
from accord.export.tables import COLUMNS, parquet_row, parse_csv_cell, table_rows

pytestmark = pytest.mark.model
runner = CliRunner()


def export(db, *args: str):
    url = db.store.engine.url.render_as_string(hide_password=False)
    return runner.invoke(app, ["--db", url, "export", *args])


def read_csv(path, kind: str) -> list[dict]:
    types = dict(COLUMNS[kind])
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == list(types)
        return [{name: parse_csv_cell(value, types[name]) for name, value in row.items()} for row in reader]


@pytest.mark.parametrize("kind", KINDS)
def test_csv_jsonl_and_parquet_round_trip_the_same_rows(db, kind, tmp_path):
    import pyarrow.parquet as pq

    expected = table_rows(db, kind)
    assert expected and all(list(row) == [name for name, _ in COLUMNS[kind]] for row in expected)
    for fmt in ("csv", "jsonl", "parquet"):
        result = export(db, kind, "--format", fmt, "--out", str(tmp_path / f"{kind}.{fmt}"))
        assert result.exit_code == 0, result.output
        assert f"wrote {len(expected)} {kind} ({fmt})" in result.stderr
    assert read_csv(tmp_path / f"{kind}.csv", kind) == expected
    lines = (tmp_path / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    table = pq.read_table(tmp_path / f"{kind}.parquet")
    assert table.column_names == [name for name, _ in COLUMNS[kind]]
    assert table.to_pylist() == [parquet_row(row, kind) for row in expected]


def test_rows_agree_with_the_api(db):
    events = db.events()
    rows = table_rows(db, "events")
    assert [r["id"] for r in rows] == [e.id for e in events]
    assert all(r["evidence"] == e.evidence.strip() and r["goldstein"] == e.goldstein for r, e in zip(rows, events))
    documents = table_rows(db, "documents")
    assert sum(d["num_events"] for d in documents) == sum(e.num_mentions for e in events)
    busan = next(d for d in documents if d["id"] == "02_busan_trump_xi_meeting")
    assert busan["num_actors"] > 0 and busan["num_quotes"] > 0 and busan["story"] is not None
    assert busan["published"].startswith("2025-10-30")


def test_filters(db):
    pair = ("CHN", "USA")
    events = table_rows(db, "events", dyad=pair)
    assert events and all({e["source_country"], e["target_country"]} == set(pair) for e in events)
    quotes = table_rows(db, "quotes", dyad=pair)
    assert quotes and all(q["country"] in pair for q in quotes)
    documents = {d["id"] for d in table_rows(db, "documents", dyad=pair)}
    assert {e["document"] for e in events} <= documents and "01_geneva_trade_talks" not in documents
    dated = table_rows(db, "documents", since="2025-10-01", until="2025-10-31")
    assert dated and all("2025-10-01" <= d["published"][:10] <= "2025-10-31" for d in dated)


def test_stdout_and_refusals(db):
    result = export(db, "quotes", "--format", "jsonl")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(table_rows(db, "quotes"))
    assert "to standard output" in result.stderr
    refused = export(db, "documents", "--format", "parquet")
    assert refused.exit_code == 2 and "--out" in refused.stderr
    refused = export(db, "actors", "--since", "2025-01-01")
    assert refused.exit_code == 2 and "do not apply to actors" in refused.stderr


DATE_COLUMNS = {"events": ("date", "date_end"), "quotes": ("date",), "documents": ("published", "anchor_date")}


@pytest.fixture
def exported(db, tmp_path):
    """Every kind written as CSV, JSON Lines and Parquet into tmp_path, by the CLI."""
    for kind in KINDS:
        for fmt in ("csv", "jsonl", "parquet"):
            assert export(db, kind, "--format", fmt, "--out", str(tmp_path / f"{kind}.{fmt}")).exit_code == 0
    return tmp_path


def test_parquet_dates_are_timestamps_for_duckdb(db, exported):
    import duckdb

    for kind, names in DATE_COLUMNS.items():
        path = exported / f"{kind}.parquet"
        types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')").fetchall())
        assert all(types[name] == "TIMESTAMP" for name in names), types
        assert all(types[name] == "BIGINT" for name, kind_of in COLUMNS[kind] if kind_of is int), types
    events = exported / "events.parquet"
    months = duckdb.sql(
        f"SELECT date_trunc('month', date) AS month, count(*) FROM '{events}' WHERE date IS NOT NULL GROUP BY 1"
    ).fetchall()
    rows = table_rows(db, "events")
    assert sum(n for _, n in months) == sum(1 for r in rows if r["date"])
    assert {m.date().isoformat() for m, _ in months} == {r["date"][:8] + "01" for r in rows if r["date"]}
    april = duckdb.sql(
        f"SELECT date::DATE, date_end::DATE, date_precision FROM '{events}' WHERE date_precision = 'month'"
    ).fetchall()
    assert april and all(first.day == 1 and last.month == first.month for first, last, _ in april)


def test_pandas_reads_datetime_and_integer_columns(db, exported):
    import pandas as pd

    for kind in KINDS:
        frame = pd.read_parquet(exported / f"{kind}.parquet")
        assert list(frame.columns) == [name for name, _ in COLUMNS[kind]]
        for name, kind_of in COLUMNS[kind]:
            dtype = frame[name].dtype
            if name in DATE_COLUMNS.get(kind, ()):
                assert pd.api.types.is_datetime64_dtype(dtype), (kind, name, dtype)
            elif kind_of is int:
                assert pd.api.types.is_integer_dtype(dtype), (kind, name, dtype)
            elif kind_of is float:
                assert pd.api.types.is_float_dtype(dtype), (kind, name, dtype)
        flat = pd.read_csv(exported / f"{kind}.csv")
        assert len(flat) == len(frame)
        for name in DATE_COLUMNS.get(kind, ()):  # CSV keeps ISO strings, which pandas parses when asked
            dated = flat[name].dropna()
            assert all(isinstance(v, str) for v in dated)
            assert list(pd.to_datetime(dated, format="ISO8601")) == list(frame[name].dropna())
    events = pd.read_parquet(exported / "events.parquet")
    assert set(events["date_precision"].dropna()) <= {"day", "week", "month", "year", "decade", "century"}
    assert "month" in set(events["date_precision"])  # "Trump … planned to visit China in April"


def test_csv_and_jsonl_keep_iso_dates_and_the_precision(db, exported):
    with open(exported / "events.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    lines = [json.loads(line) for line in (exported / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["date_precision"] or None for r in rows] == [r["date_precision"] for r in lines]
    for row in lines:
        assert row["date"] is None or len(row["date"]) == 10
        if row["date_precision"] == "day":
            assert row["date_end"] is None
        if row["date_precision"] == "month":
            assert row["date"].endswith("-01") and row["date_end"][:7] == row["date"][:7]
