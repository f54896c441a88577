"""`accord extract`'s JSON Lines keep one contract object a line for tools that split lines on Unicode
separators (U+2028, U+2029, U+0085): those characters are escaped, the text read back unchanged."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app

pytestmark = pytest.mark.model
SEPARATED = "Officials met in Geneva on Monday.\u2028The talks\u2029went on\x85until late."


def test_extract_json_lines_are_one_object_a_line(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = [{"id": f"d{n}", "text": SEPARATED, "published": "2024-03-04"} for n in range(2)]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source)])
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()
    assert len(rows) == 2
    assert [json.loads(row)["text"] for row in rows] == [SEPARATED, SEPARATED]
    assert "\\u2028" in rows[0] and "\u2028" not in result.stdout
