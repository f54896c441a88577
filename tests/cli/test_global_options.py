"""The options of every command (--db, --version) are taken before the command's name, as always, and
after it, where users type them; given in both places, the one after the command's name wins."""

from __future__ import annotations

import io
import json
import shutil

import pandas as pd
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.version import __version__

from ..conftest import FIXTURES

pytestmark = pytest.mark.model
runner = CliRunner()
SUBCOMMANDS = ["extract", "ingest", "docs", "show", "events", "quotes", "actors", "dyad", "export", "serve", "link"]


def run(*args: str, code: int = 0):
    result = runner.invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A store with one document, ingested with --db after the command's name; and an empty one."""
    folder = tmp_path_factory.mktemp("global")
    story = folder / "headered_sample.txt"
    shutil.copy(FIXTURES / "headered_sample.txt", story)
    db, empty = folder / "one.db", folder / "empty.db"
    run("ingest", "--db", str(db), "--workers", "1", str(story))
    run("--db", str(empty), "link")
    return db, empty


@pytest.mark.parametrize("where", ["before", "after"])
def test_docs_show_and_export_take_db_in_either_position(stored, where):
    db, _ = stored

    def accord(command: str, *rest: str):
        args = ["--db", str(db), command, *rest] if where == "before" else [command, "--db", str(db), *rest]
        return run(*args)

    rows = json.loads(accord("docs", "--format", "json").stdout)
    assert [row["id"] for row in rows] == ["headered_sample"]
    assert json.loads(accord("show", "headered_sample", "--format", "json").stdout)["id"] == "headered_sample"
    table = pd.read_csv(io.StringIO(accord("export", "documents", "--format", "csv").stdout))
    assert table["id"].tolist() == ["headered_sample"]
    quotes = json.loads(accord("quotes", "--format", "json").stdout)
    assert quotes and all(q["document"] == "headered_sample" for q in quotes)


def test_the_db_after_the_command_wins_over_the_one_before(stored):
    db, empty = stored
    after_wins = json.loads(run("--db", str(empty), "docs", "--db", str(db), "--format", "json").stdout)
    assert [row["id"] for row in after_wins] == ["headered_sample"]
    assert json.loads(run("--db", str(db), "docs", "--db", str(empty), "--format", "json").stdout) == []


def test_the_environment_is_the_default_in_either_position(stored, monkeypatch):
    db, _ = stored
    monkeypatch.setenv("ACCORD_DB", f"sqlite:///{db}")
    assert len(json.loads(run("docs", "--format", "json").stdout)) == 1


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_commands_help_shows_the_global_options(command):
    shown = run(command, "--help").stdout
    assert "--db" in shown and "ACCORD_DB" in shown and "--version" in shown


def test_version_after_a_command():
    assert run("ingest", "--version").stdout.strip() == f"accord {__version__}"
