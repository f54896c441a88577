"""CSV, JSON Lines and Parquet tables of events, quotes, actors and documents: each format read back
(Parquet with pyarrow) gives exactly the rows the store holds."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.export import KINDS
from accord.export.tables import COLUMNS, parse_csv_cell, table_rows

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
    assert table.to_pylist() == expected


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
