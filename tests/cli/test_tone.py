"""The GDELT-style tone in the terminal: `accord show` prints a document's figures, `accord dyad` the mean
tone per period of the documents reporting the pair's events (as JSON and as the table)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.nlp.tone import document_tone

from ..export import ingested
from ..tone_expectations import monthly_tones

pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture
def demo_db(tmp_path, pipeline) -> str:
    url = f"sqlite:///{tmp_path / 'tone.db'}"
    ingested(url, pipeline).close()
    return url


def run(url: str, *args: str):
    result = runner.invoke(app, ["--db", url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_show_prints_the_documents_tone(demo_db):
    stored = json.loads(run(demo_db, "show", "01_geneva_trade_talks", "--format", "json"))
    tone = document_tone(stored["text"])
    assert stored["tone"]["tone"] == tone.tone and stored["tone"]["word_count"] == tone.word_count
    shown = run(demo_db, "show", "01_geneva_trade_talks")
    (line,) = [line for line in shown.splitlines() if "GDELT-style tone" in line]
    assert f"{tone.tone:+.2f} GDELT-style tone" in line
    assert f"positive {tone.positive:.2f}%" in line and f"negative {tone.negative:.2f}%" in line
    assert f"{tone.word_count:,} words" in line


def test_dyad_gives_the_mean_tone_of_the_reporting_documents(demo_db):
    points = json.loads(run(demo_db, "dyad", "CHN", "USA", "--format", "json"))
    expected = monthly_tones(demo_db, "CHN", "USA")
    assert points and {p["period"]: p["mean_tone"] for p in points} == expected
    table = run(demo_db, "dyad", "CHN", "USA")
    assert "GDELT-style tone" in table
    for p in points:
        (row,) = [line for line in table.splitlines() if line.strip("│ ").startswith(p["period"])]
        assert f"{p['mean_tone']:+.2f}" in row
