"""Exports of a store whose text is hostile to readers (a double quote opening a name, tabs, line breaks,
NUL, other scripts, very long names) load with the readers' defaults: the GDELT TSV with pandas'
`read_csv(sep="\\t", header=None)`, DuckDB's `read_csv` and `csv.reader` without quoting, 61 columns in
every row; the CSV tables with pandas' and DuckDB's defaults, every value as stored but for NUL, which
no CSV carries; the JSON Lines exports one record a line even for tools that split on U+2028."""

from __future__ import annotations

import csv
import json

import duckdb
import pandas
import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from accord.cli import app
from accord.export.gdelt import COLUMNS, clean_field, gdelt_rows
from accord.export.tables import table_rows

pytestmark = pytest.mark.model
runner = CliRunner()

HOSTILE = [
    '"ABSTENTIONS PARTY',
    'The "Quoted" Front',
    "tab\tinside\tname",
    "line\nbreak and\r\nCRLF and lone\rCR",
    "unicode: Ñuñoa, 北京, Київ, \u2028line separator\u0085next line",
    "very long " * 500,
    "  blanks around  ",
    'ends with a quote"',
    "O'Neill's 'party'",
]
NUL = "nul\x00inside"


def hostile_values(db) -> list[str]:
    # PostgreSQL's text cannot hold NUL at all, so only SQLite stores carry it
    return HOSTILE + ([NUL] if db.store.engine.dialect.name == "sqlite" else [])


@pytest.fixture
def hostile(db):
    """The demo store with hostile text in every merged event's actor and place names, the first
    reports' actor codes, and every document's title, publisher and URL."""
    values = hostile_values(db)
    with db.store.engine.begin() as conn:
        groups = conn.execute(text("SELECT pk, first_doc_pk, first_event_id FROM event_groups ORDER BY pk")).all()
        for n, (pk, doc_pk, event_id) in enumerate(groups):
            conn.execute(
                text("UPDATE event_groups SET source_name = :s, target_name = :t, place_name = :p WHERE pk = :pk"),
                {"s": values[n % len(values)], "t": values[(n + 1) % len(values)], "p": values[n % 3], "pk": pk},
            )
            conn.execute(
                text(
                    "UPDATE actors SET code = :code WHERE doc_pk = :doc AND actor_id = "
                    "(SELECT source FROM events WHERE doc_pk = :doc AND event_id = :eid)"
                ),
                {"code": '"IGO\tX\n', "doc": doc_pk, "eid": event_id},
            )
        docs = conn.execute(text("SELECT pk FROM documents ORDER BY pk")).scalars().all()
        for n, pk in enumerate(docs):
            conn.execute(
                text("UPDATE documents SET title = :t, publisher = :p, url = :u WHERE pk = :pk"),
                {
                    "t": values[n % len(values)],
                    "p": values[(n + 2) % len(values)],
                    "u": f'https://example.org/a"b\tc/{n}',
                    "pk": pk,
                },
            )
    assert len(groups) >= len(values)
    return db


def export(db, *args: str):
    url = db.store.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["--db", url, "export", *args])
    assert result.exit_code == 0, result.output
    return result


def test_gdelt_tsv_loads_with_every_readers_defaults(hostile, tmp_path):
    path = tmp_path / "events.tsv"
    expected = len(gdelt_rows(hostile))
    result = export(hostile, "events", "--format", "gdelt", "--out", str(path))
    assert f"wrote {expected} events" in result.stderr

    frame = pandas.read_csv(path, sep="\t", header=None)
    assert frame.shape == (expected, 61)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == expected and all(len(row) == 61 for row in rows)
    table = duckdb.read_csv(str(path))
    assert table.shape == (expected, 61)

    names = dict(zip(COLUMNS, zip(*rows)))
    written = set(names["Actor1Name"]) | set(names["Actor2Name"])
    assert "ABSTENTIONS PARTY" in written and "THE QUOTED FRONT" in written
    assert "TAB INSIDE NAME" in written and "LINE BREAK AND CRLF AND LONE CR" in written
    assert "BLANKS AROUND" in written and ("VERY LONG " * 500).strip() in written
    assert all(not set(value) & set('"\t\r\n\x00\u2028\x85') for row in rows for value in row)
    assert "IGO X" in names["Actor1Code"]
    assert all(url.startswith("https://example.org/a%22b c/") for url in names["SOURCEURL"])
    assert frame[0].tolist() == [int(row[0]) for row in rows]  # pandas read the same rows, in order


def test_header_line_loads_too(hostile, tmp_path):
    path = tmp_path / "events.tsv"
    export(hostile, "events", "--format", "gdelt", "--header", "--out", str(path))
    frame = pandas.read_csv(path, sep="\t")
    assert list(frame.columns) == list(COLUMNS) and len(frame) == len(gdelt_rows(hostile))


@pytest.mark.parametrize(
    "value, cleaned",
    [
        ('"ABSTENTIONS PARTY', "ABSTENTIONS PARTY"),
        ("a\t\tb\r\nc", "a b c"),
        ("nul\x00x\x1fy", "nul x y"),
        ("  x \u2028 y  ", "x y"),
        ("Ñuñoa O'Neill", "Ñuñoa O'Neill"),
        ("", ""),
    ],
)
def test_clean_field(value, cleaned):
    assert clean_field(value) == cleaned


@pytest.mark.parametrize("kind, column", [("events", "source"), ("documents", "title")])
def test_csv_tables_give_hostile_text_back_as_stored(hostile, tmp_path, kind, column):
    path = tmp_path / f"{kind}.csv"
    export(hostile, kind, "--format", "csv", "--out", str(path))
    stored = [_as_stored(row[column]) for row in table_rows(hostile, kind)]
    assert set(stored) <= {_as_stored(v) for v in hostile_values(hostile)} and len(set(stored)) >= min(len(stored), 5)

    frame = pandas.read_csv(path)
    assert len(frame) == len(stored)
    assert frame[column].tolist() == stored
    fetched = duckdb.sql(f"SELECT {column} FROM read_csv('{path}')").fetchall()
    assert [value for (value,) in fetched] == stored


def _as_stored(value):
    """What a text export gives back of a stored value: the same text without NUL characters."""
    return value.replace("\x00", "") if isinstance(value, str) else value


@pytest.mark.parametrize("kind", ["events", "documents"])
def test_csv_tables_carry_no_nul(hostile, tmp_path, kind):
    path = tmp_path / f"{kind}.csv"
    export(hostile, kind, "--format", "csv", "--out", str(path))
    assert b"\x00" not in path.read_bytes()
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(table_rows(hostile, kind))
    if hostile.store.engine.dialect.name == "sqlite" and kind == "events":
        assert "nulinside" in {row["source"] for row in rows} | {row["target"] for row in rows}


@pytest.mark.parametrize(
    "kind, fmt", [("events", "jsonl"), ("documents", "jsonl"), ("quotes", "jsonl"), ("events", "plover-jsonl")]
)
def test_json_lines_are_one_record_a_line_for_unicode_line_splitters(hostile, tmp_path, kind, fmt):
    """U+2028, U+2029 and U+0085 are escaped, so str.splitlines() sees one line per record."""
    path = tmp_path / f"{kind}.jsonl"
    result = export(hostile, kind, "--format", fmt, "--out", str(path))
    written = path.read_text(encoding="utf-8")
    records = [json.loads(line) for line in written.splitlines()]
    assert written.count("\n") == len(records) and f"wrote {len(records)} " in result.stderr
    assert not set(written) & {"\u2028", "\u2029", "\x85"}
    if kind == "events" and fmt == "jsonl":
        names = {r["source"] for r in records} | {r["target"] for r in records}
        assert "unicode: Ñuñoa, 北京, Київ, \u2028line separator\u0085next line" in names
    frame = pandas.read_json(path, lines=True)
    assert len(frame) == len(records)
