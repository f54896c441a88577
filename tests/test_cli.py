"""The `accord` command driven in-process (Typer's runner) and, for stdin and --version, as a real
subprocess: formats, exit codes 0/1/2, and messages instead of tracebacks."""

import json
import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from accord.cli import app

from .conftest import FIXTURES, check_offsets

runner = CliRunner()
pytestmark = pytest.mark.model


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_version():
    from accord import __version__

    result = subprocess.run([sys.executable, "-m", "accord", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip() == f"accord {__version__}"


def test_extract_seed_prints_the_contract(seed_path, contract_validator):
    result = run("extract", str(seed_path))
    assert result.exit_code == 0
    (line,) = result.stdout.strip().split("\n")
    obj = json.loads(line)
    contract_validator.validate(obj)
    check_offsets(obj)
    assert obj["id"] == "000_332dcb7baf661790" and obj["publisher"] == "Rki.news"


def test_extract_json_is_an_array_and_pretty_is_readable():
    result = run("extract", "--format", "json", str(FIXTURES / "feed.rss"))
    assert result.exit_code == 1  # the empty item failed
    array = json.loads(result.stdout)
    assert [o["id"] for o in array] == ["feed-1", "feed-2"]
    pretty = run("extract", "--format", "pretty", str(FIXTURES / "headered_sample.txt"))
    assert pretty.exit_code == 0
    assert "Ministers Agree to Resume Talks in Geneva" in pretty.stdout and "anchor date" in pretty.stdout


def test_extract_reads_stdin_and_uses_published_as_anchor():
    result = subprocess.run(
        [sys.executable, "-m", "accord", "extract", "--published", "2025-03-04", "-"],
        input=b"Envoys met on Monday in Geneva.",
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["anchor_date"] == "2025-03-04" and len(obj["id"]) == 16
    assert any("--published" in w for w in obj["warnings"])


def test_exit_code_1_names_each_failed_input(tmp_path):
    (tmp_path / "good.txt").write_text("Ministers met in Rome on Friday to talk about migration policy.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.dat").write_bytes(b"\x00\x01" * 50)
    result = run("extract", str(tmp_path), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert len(result.stdout.strip().split("\n")) == 1
    for name, reason in [("empty.txt", "empty file"), ("bin.dat", "binary file"), ("missing.txt", "no such file")]:
        assert name in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["extract", "--published", "Octember 5", "x.txt"], "--published"),
        (["extract", "--format", "xml", "x.txt"], "xml"),
        (["--db", "nosuchdialect://x", "docs"], "cannot use database URL"),
        (["show", "nothing-here"], "no stored document"),
        (["extract", "--max-bytes", "0", "x.txt"], "--max-bytes"),
        (["events", "--dyad", "CHN"], "--dyad: two sides joined by '-', such as CHN-USA, not 'CHN'"),
        (["events", "--since", "Octember 5"], "--since:"),
        (["report", "--dyad", "CHN", "--out", "b.html"], "--dyad: two sides"),
    ],
)
def test_usage_errors_exit_2_with_a_message(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_ingest_docs_show(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("headered_sample.txt", "article.html", "mixed.jsonl"):
        shutil.copy(FIXTURES / name, corpus / name)
    db = tmp_path / "cli.db"
    first = run("--db", str(db), "ingest", str(corpus))
    assert first.exit_code == 1  # three bad JSONL lines
    assert "read 5, new 5, unchanged 0, failed 3" in first.stderr
    assert "mixed.jsonl:2" in first.stderr
    monkeypatch.setenv("ACCORD_DB", f"sqlite:///{db}")
    again = run("ingest", str(corpus / "headered_sample.txt"), str(corpus / "article.html"))
    assert again.exit_code == 0
    assert "read 2, new 0, unchanged 2, failed 0" in again.stderr
    listing = run("docs", "--format", "json")
    rows = json.loads(listing.stdout)
    assert len(rows) == 5
    assert rows[0]["published"] >= rows[1]["published"]
    table = run("docs")
    assert "Ministers" in table.stdout and "headered_sample" in table.stdout
    shown = run("show", "headered_sample", "--format", "json")
    assert json.loads(shown.stdout)["sources"] == ["Test Agency", "Second Agency"]
    pretty = run("show", "headered_sample")
    assert "headered reader" in pretty.stdout and "Geneva" in pretty.stdout
    csv_out = run("docs", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("pk,id,title")
