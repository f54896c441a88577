"""The TSV reader: a line ends only at a line break, whatever other separators a field holds."""

import csv
import io

import pytest

from accord.errors import TableError
from accord.kb.tables import parse_table, read_table


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1e", "\x1c", "\x1d", "\x0b", "\x0c"])
def test_a_unicode_line_separator_inside_a_field_keeps_it_one_field(separator):
    text = f"# a comment\nname\taliases\tcountry\tsector\nFoo{separator}Bar\tFB\tPRT\tGOV\n"
    table = parse_table(text, "user.tsv")
    assert table is not None and table.error is None
    (row,) = table.rows()
    assert row.fields == {"name": f"Foo{separator}Bar", "aliases": "FB", "country": "PRT", "sector": "GOV"}
    # as csv.reader reads the same file: one row of four fields
    rows = list(csv.reader(io.StringIO(text.split("\n", 1)[1], newline=""), delimiter="\t"))
    assert rows[1] == ["Foo" + separator + "Bar", "FB", "PRT", "GOV"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_break_convention_ends_a_line(tmp_path, newline):
    path = tmp_path / "user.tsv"
    path.write_bytes(newline.join(["name\taliases\tcountry\tsector", "A\t\tPRT\tGOV", "B\t\tESP\tGOV", ""]).encode())
    table = read_table(path)
    assert table is not None
    assert [row.fields["name"] for row in table.rows()] == ["A", "B"]
    assert parse_table(path.read_bytes().decode(), path).header == ("name", "aliases", "country", "sector")


def test_a_short_line_is_still_reported_with_its_number():
    table = parse_table("name\taliases\tcountry\tsector\nA\t\tPRT\tGOV\nB\tC\n", "user.tsv")
    with pytest.raises(TableError, match="data line 3 has 2 fields, expected 4"):
        list(table.rows())
