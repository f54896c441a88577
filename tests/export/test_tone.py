"""Tone in the exports as users' tools read them: GDELT's AvgTone column with pandas' default TSV reader,
the events and documents tables with pandas' CSV reader and DuckDB over Parquet."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from accord.cli import app
from accord.export.gdelt import COLUMNS

from .test_gdelt import db_url, mean_tones

pytestmark = pytest.mark.model
runner = CliRunner()
AVG_TONE = COLUMNS.index("AvgTone")  # 34, counting from 0
TONE_COLUMNS = ["tone", "tone_positive", "tone_negative", "tone_polarity", "tone_self_group", "word_count"]


def export(db, *args: str) -> str:
    result = runner.invoke(app, ["--db", db_url(db), "export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def stored_tones(db) -> pd.DataFrame:
    with db.store.engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, {', '.join(TONE_COLUMNS)} FROM documents"))
        return pd.DataFrame([dict(r._mapping) for r in rows]).set_index("id")


def test_gdelt_avg_tone_is_numeric_and_the_mean_of_the_reporting_documents(db):
    frame = pd.read_csv(io.StringIO(export(db, "events", "--format", "gdelt")), sep="\t", header=None)
    assert frame.shape[1] == 61
    tones = frame[AVG_TONE]
    assert pd.api.types.is_float_dtype(tones) and tones.notna().all()
    expected = mean_tones(db)
    for event_id, tone in zip(frame[0], tones, strict=True):
        assert tone == pytest.approx(expected[event_id], abs=1e-4)
    assert tones.min() >= -100 and tones.max() <= 100


def test_events_table_has_avg_tone(db):
    frame = pd.read_csv(io.StringIO(export(db, "events", "--format", "csv")))
    assert pd.api.types.is_float_dtype(frame["avg_tone"])
    expected = mean_tones(db)
    assert [round(t, 4) for t in frame["avg_tone"]] == [round(expected[i], 4) for i in frame["id"]]


def test_documents_table_has_the_tone_figures(db, tmp_path):
    frame = pd.read_csv(io.StringIO(export(db, "documents", "--format", "csv"))).set_index("id")
    stored = stored_tones(db)
    assert frame[TONE_COLUMNS].notna().all().all()
    assert pd.api.types.is_integer_dtype(frame["word_count"])
    for column in TONE_COLUMNS:
        assert frame[column].to_dict() == pytest.approx(stored.loc[frame.index, column].to_dict())
    assert (frame["tone_polarity"] - frame["tone_positive"] - frame["tone_negative"]).abs().max() < 1e-3


def test_parquet_tone_columns_are_numbers_in_duckdb(db, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    events, documents = tmp_path / "events.parquet", tmp_path / "documents.parquet"
    export(db, "events", "--format", "parquet", "--out", str(events))
    export(db, "documents", "--format", "parquet", "--out", str(documents))
    con = duckdb.connect()
    kinds = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{documents}')").fetchall())
    assert kinds["tone"] == "DOUBLE" and kinds["word_count"] == "BIGINT"
    expected = mean_tones(db)
    rows = con.execute(f"SELECT id, avg_tone FROM '{events}'").fetchall()
    assert rows and all(tone == pytest.approx(expected[event_id], abs=1e-4) for event_id, tone in rows)
