"""A malformed knowledge-base file (--actors or ACCORD_KB_DIR) is a usage error named with its line,
whatever the number of ingest workers: it is checked once, in the parent, before any worker starts."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from accord.cli import app

runner = CliRunner()
BAD = "name\taliases\tcountry\tsector\nA\tB\n"


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Portuguese Foreign Minister Ana Example met her Spanish counterpart in Madrid.\n")
    return path


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_bad_actors_file_is_exit_2_with_its_line_for_any_number_of_workers(tmp_path, story, capfd, workers):
    bad = tmp_path / "bad.tsv"
    bad.write_text(BAD)
    db = tmp_path / "x.db"
    result = runner.invoke(app, ["--db", str(db), "ingest", "--workers", workers, "--actors", str(bad), str(story)])
    assert result.exit_code == 2, result.output
    assert f"{bad}: data line 2 has 2 fields, expected 4" in result.stderr
    assert "worker process" not in result.output
    captured = capfd.readouterr()  # what worker processes would have written to the real stderr
    assert "Traceback" not in result.output + captured.err + captured.out


def test_a_bad_file_in_accord_kb_dir_is_exit_2_before_workers_start(tmp_path, story, capfd, monkeypatch):
    folder = tmp_path / "kb"
    folder.mkdir()
    (folder / "mine.tsv").write_text(BAD)
    monkeypatch.setenv("ACCORD_KB_DIR", str(folder))
    result = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "ingest", "--workers", "2", str(story)])
    assert result.exit_code == 2, result.output
    assert "mine.tsv: data line 2 has 2 fields, expected 4" in result.stderr
    assert "Traceback" not in result.output + capfd.readouterr().err
