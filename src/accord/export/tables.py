"""Flat tables of a store for spreadsheets, pandas and data warehouses: events (one row per merged event,
with its evidence), quotes, actors and documents, as CSV, JSON Lines or Parquet.

Every kind has a fixed list of typed columns, so a file has the same columns whatever it holds. CSV is
RFC 4180's (CRLF line ends; a value holding a comma, a double quote or a line break is quoted), so
pandas' and DuckDB's default readers give every text back as stored, quotes, tabs and line breaks
included; an empty cell is a missing value. Dates are ISO strings in CSV and JSON Lines ("2025-10-30"),
and typed in Parquet: `date`, `date_end`, `anchor_date` and `published` (which may carry a time of day)
are TIMESTAMP columns without a time zone, midnight for a date, so that pandas' `read_parquet` gives
datetime64 columns and DuckDB's `date_trunc('month', date)` works as it is (`date::DATE` for a DATE).
An event's `date` is the first day of the period the text names: `date_precision` (day, week, month,
year, decade, century; see accord.precision) says how much of it is known, so "in April" is not read as
April 1st. Integer columns stay integers in Parquet, pandas' nullable Int64, since `story` can be
missing; pandas' `read_csv` makes an integer column with empty cells float, as for any CSV.

`--dyad` keeps a pair's events, the quotes and actors of either side, and the documents that reported
one of the pair's events; `--since`/`--until` filter events, quotes and documents by date and do not
apply to actors, which are counted across all documents.
Tone is accord's GDELT-style tone (accord.nlp.tone; GDELT's own dictionary is not public): an event's
`avg_tone` is the mean tone of the documents that report it (GDELT's AvgTone), and a document's `tone`,
`tone_positive`, `tone_negative`, `tone_polarity`, `tone_self_group` (pronoun density) and `word_count`
are its V2Tone figures, percentages of its words; GDELT's Activity Reference Density is not computed.
"""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import UsageError
from ..lines import csv_value, json_line
from ..store.filters import is_country_code

if TYPE_CHECKING:
    from ..api import Database

COLUMNS: dict[str, tuple[tuple[str, type], ...]] = {
    "events": (
        ("id", int),
        ("date", date),
        ("date_end", date),
        ("date_basis", str),
        ("date_precision", str),
        ("source", str),
        ("source_country", str),
        ("target", str),
        ("target_country", str),
        ("cameo", str),
        ("cameo_name", str),
        ("plover", str),
        ("plover_mode", str),
        ("quad_class", int),
        ("goldstein", float),
        ("status", str),
        ("place", str),
        ("place_country", str),
        ("lat", float),
        ("lon", float),
        ("num_mentions", int),
        ("num_sources", int),
        ("num_articles", int),
        ("avg_tone", float),
        ("story", int),
        ("document", str),
        ("evidence", str),
        ("trigger", str),
        ("rule", str),
        ("confidence", float),
    ),
    "quotes": (
        ("text", str),
        ("kind", str),
        ("speaker", str),
        ("speaker_text", str),
        ("country", str),
        ("cue", str),
        ("document", str),
        ("title", str),
        ("date", date),
        ("story", int),
    ),
    "actors": (
        ("key", str),
        ("name", str),
        ("kind", str),
        ("country", str),
        ("sector", str),
        ("code", str),
        ("documents", int),
        ("events", int),
    ),
    "documents": (
        ("id", str),
        ("title", str),
        ("url", str),
        ("publisher", str),
        ("published", datetime),
        ("anchor_date", date),
        ("num_actors", int),
        ("num_quotes", int),
        ("num_events", int),
        ("story", int),
        ("tone", float),
        ("tone_positive", float),
        ("tone_negative", float),
        ("tone_polarity", float),
        ("tone_self_group", float),
        ("word_count", int),
    ),
}


def table_rows(
    db: Database,
    kind: str,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    historical: bool = False,
) -> list[dict[str, Any]]:
    """The rows of one kind, each a dict with exactly that kind's columns (historical events only with
    `historical`, as `db.events` lists them)."""
    if kind == "events":
        found = [e.to_dict() for e in db.events(dyad=dyad, since=since, until=until, historical=historical)]
        for row in found:
            if row["evidence"]:
                row["evidence"] = row["evidence"].strip()
    elif kind == "quotes":
        found = [
            q.to_dict()
            for q in db.quotes(since=since, until=until)
            if dyad is None or _on_a_side(q.speaker, q.country, dyad)
        ]
    elif kind == "actors":
        if since or until:
            raise UsageError("--since and --until do not apply to actors (they are counted across all documents)")
        found = [a.to_dict() for a in db.actors() if dyad is None or _on_a_side(a.name, a.country, dyad)]
    elif kind == "documents":
        found = _documents(db, dyad, since, until)
    else:
        raise UsageError(f"nothing to export called {kind!r}; choose one of {', '.join(COLUMNS)}")
    names = [name for name, _ in COLUMNS[kind]]
    return [{name: row.get(name) for name in names} for row in found]


def _on_a_side(name: str | None, country: str | None, dyad: tuple[str, str]) -> bool:
    """A side is an ISO-3 code (matching the country) or a name (matching the name, any case)."""
    for side in dyad:
        if is_country_code(side):
            if country == side:
                return True
        elif name and name.lower() == side.lower():
            return True
    return False


def _documents(
    db: Database, dyad: tuple[str, str] | None, since: str | None, until: str | None
) -> list[dict[str, Any]]:
    """The documents within the dates and, with a dyad, only those that reported one of its events."""
    wanted = db.documents_of_events([e.id for e in db.events(dyad=dyad)]) if dyad else None
    return [row for row in db.document_table(since, until) if wanted is None or row["pk"] in wanted]


def write_table(rows: list[dict[str, Any]], kind: str, fmt: str, out: TextIO) -> int:
    """Write rows as CSV (with a header line) or JSON Lines; returns how many rows."""
    names = [name for name, _ in COLUMNS[kind]]
    if fmt == "csv":
        # CRLF lines, as RFC 4180 has them: the csv module then quotes a value holding a lone CR too
        # (with "\n" lines it would not, and pandas would split the row there)
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(names)
        for row in rows:
            writer.writerow(
                [
                    "" if row[n] is None else repr(row[n]) if isinstance(row[n], float) else csv_value(row[n])
                    for n in names
                ]
            )
    elif fmt == "jsonl":
        for row in rows:
            out.write(json_line(row) + "\n")
    else:
        raise UsageError(f"write_table writes csv or jsonl, not {fmt!r}")
    return len(rows)


def write_parquet(rows: list[dict[str, Any]], kind: str, path: str) -> int:
    """Write rows to a Parquet file with the kind's typed columns (dates as timestamps); returns how many rows."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise UsageError("parquet needs pyarrow: pip install 'accord[parquet]'") from None
    table = pa.Table.from_pylist([parquet_row(row, kind) for row in rows], schema=parquet_schema(kind))
    try:
        pq.write_table(table, path)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc}") from None
    return len(rows)


def parquet_schema(kind: str):
    """The Parquet (Arrow) schema of a kind: strings, int64, float64, and dates and times as timestamps
    without a time zone, which pandas reads as datetime64 and DuckDB as TIMESTAMP. Its pandas metadata
    makes integer columns pandas' nullable Int64, so a missing `story` does not turn the column float."""
    import pyarrow as pa

    stamp = pa.timestamp("ms")
    types = {str: pa.string(), int: pa.int64(), float: pa.float64(), date: stamp, datetime: stamp}
    ints = [name for name, kind_of in COLUMNS[kind] if kind_of is int]
    pandas = {
        "index_columns": [],
        "column_indexes": [],
        "columns": [
            {"name": n, "field_name": n, "pandas_type": "int64", "numpy_type": "Int64", "metadata": None} for n in ints
        ],
    }
    return pa.schema(
        [(name, types[kind_of]) for name, kind_of in COLUMNS[kind]], metadata={"pandas": json.dumps(pandas)}
    )


def parquet_row(row: dict[str, Any], kind: str) -> dict[str, Any]:
    """A row with its dates as datetimes (midnight for a date), the values Parquet stores."""
    return {
        name: _as_datetime(row[name]) if kind_of in (date, datetime) else row[name] for name, kind_of in COLUMNS[kind]
    }


def _as_datetime(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def parse_csv_cell(value: str, kind_of: type) -> Any:
    """A CSV cell back to the value `table_rows` gives: "" is a missing value, a date stays its ISO string."""
    if value == "":
        return None
    return value if kind_of in (date, datetime) else kind_of(value)
