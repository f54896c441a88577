"""`accord extract` and `accord ingest` with a per-document budget: the document past it is named on
standard error with its reason, exit 1, and every other document goes through."""

import itertools
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.nlp import budget

pytestmark = pytest.mark.model
FILL = "The delegations discussed trade, energy and climate over a long lunch near the lake."


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    clock = itertools.count()  # one second a reading of the budget's clock
    monkeypatch.setattr(budget.time, "monotonic", lambda: float(next(clock)))
    monkeypatch.setenv("ACCORD_WINDOW_CHARS", "1000")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a_short.txt").write_text("Envoys met in Geneva on Monday.\n")
    (tmp_path / "b_long.txt").write_text("\n\n".join([FILL] * 150))
    (tmp_path / "c_short.txt").write_text("Ministers signed the accord on Tuesday.\n")
    return ["a_short.txt", "b_long.txt", "c_short.txt"]


def test_extract_reports_the_document_over_budget_and_goes_on(inputs):
    result = CliRunner().invoke(app, ["extract", *inputs, "--doc-seconds", "10", "--published", "2025-01-01"])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a_short", "c_short"]
    assert "b_long.txt" in result.stderr and "over the per-document time budget" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_records_it_in_the_run(inputs, tmp_path):
    result = CliRunner().invoke(
        app, ["--db", "b.db", "ingest", *inputs, "--workers", "1", "--doc-seconds", "10", "--doc-mb", "0"]
    )
    assert result.exit_code == 1
    assert "read 3, new 2, unchanged 0, failed 1" in result.stderr
    with sqlite3.connect(tmp_path / "b.db") as conn:
        (reason,) = conn.execute("SELECT reason FROM failures WHERE origin LIKE '%b_long.txt'").fetchone()
        assert "time budget" in reason
        assert conn.execute("SELECT new, failed FROM runs").fetchone() == (2, 1)


def test_a_negative_budget_is_a_usage_error(inputs):
    result = CliRunner().invoke(app, ["extract", "--doc-seconds", "-1", *inputs])
    assert result.exit_code == 2 and "--doc-seconds" in result.stderr
