r"""The one reader of the project's tab-separated data files (kb/*.tsv, kb/geo, kb/time and the user's
own files), so every file follows the same rules: lines starting with '#' and blank lines are skipped,
the first other line is the header, every later line a row with exactly as many fields. A line ends at a
line break (\n, \r\n or \r) only: other characters Unicode counts as line separators (U+2028, U+0085,
the information separators \x1c-\x1e, form feed) are text inside a field, as csv.reader takes them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import TableError

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # not str.splitlines, which also splits at U+2028, \x85, \x1e …


@dataclass(frozen=True)
class Row:
    """One data line: its fields by header name, stripped, and its number among the file's lines that
    are neither comments nor blank (the header is line 1), for messages."""

    number: int
    fields: dict[str, str]


@dataclass(frozen=True)
class Table:
    """A parsed file: its header and the rows up to the first line with the wrong number of fields."""

    path: str
    header: tuple[str, ...]
    good_rows: tuple[Row, ...]
    error: str | None = None  # what is wrong with the first malformed line, if any

    def rows(self) -> Iterator[Row]:
        """The rows in file order; a malformed line raises TableError when it is reached, so a reader
        that checks values row by row reports the file's first problem."""
        yield from self.good_rows
        if self.error is not None:
            raise TableError(self.error)


def parse_table(text: str, path: Path | str) -> Table | None:
    """The table in `text` (read from `path`, named in messages), or None if it has only comments."""
    lines = [line for line in LINE_BREAK.split(text) if line.strip() and not line.startswith("#")]
    if not lines:
        return None
    header = lines[0].split("\t")
    rows: list[Row] = []
    cells_of = csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, cells in enumerate(cells_of, start=2):
        if len(cells) != len(header):
            error = f"{path}: data line {number} has {len(cells)} fields, expected {len(header)}"
            return Table(str(path), tuple(header), tuple(rows), error)
        rows.append(Row(number, dict(zip(header, (cell.strip() for cell in cells)))))
    return Table(str(path), tuple(header), tuple(rows))


def read_table(path: Path | str) -> Table | None:
    """The table in the UTF-8 file at `path`, or None if it has only comments."""
    return parse_table(Path(path).read_text(encoding="utf-8"), path)


def read_rows(path: Path, header: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a project file whose header must be `header`, as dicts by field name."""
    table = read_table(path)
    if table is None or list(table.header) != list(header):
        found = list(table.header) if table else None
        raise TableError(f"{path}: expected header {list(header)}, found {found}")
    return [row.fields for row in table.rows()]


def split_list(value: str) -> tuple[str, ...]:
    """The items of a field that holds a list ("U.S.|America"), stripped, empty ones dropped."""
    return tuple(item.strip() for item in value.split("|") if item.strip())
