"""Integers a database cannot store (2^63 and more, below -2^63) in any CLI option or id: exit 2 with a
message, never a traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from accord.cli import app

HUGE = [str(2**63), str(2**64), str(-(2**63) - 1)]
COMMANDS = [
    ["docs", "--offset"],
    ["docs", "--limit"],
    ["events", "--offset"],
    ["events", "--limit"],
    ["events", "--story"],
    ["quotes", "--offset"],
    ["quotes", "--story"],
    ["actors", "--offset"],
    ["stories", "--offset"],
    ["stories", "--min-documents"],
    ["framing", "--story"],
    ["framing", "--event"],
    ["event"],
    ["story"],
]


@pytest.mark.parametrize("number", HUGE)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_integers_a_database_cannot_store_exit_2(tmp_path, command, number):
    db = tmp_path / "empty.db"
    value = [number] if len(command) == 2 else ["--", number]  # an argument may start with '-'
    result = CliRunner().invoke(app, ["--db", str(db), *command, *value])
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "Invalid value" in result.stderr, result.stderr


@pytest.mark.parametrize("number", HUGE[:2])
def test_a_huge_document_number_is_no_stored_document(tmp_path, number):
    db = tmp_path / "empty.db"
    assert CliRunner().invoke(app, ["--db", str(db), "docs"]).exit_code == 0
    result = CliRunner().invoke(app, ["--db", str(db), "show", number])
    assert result.exit_code == 2 and "no stored document" in result.stderr, result.stderr
