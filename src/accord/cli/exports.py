"""Commands that write a store out for other tools and readers: `export` (GDELT TSV, PLOVER JSON, CSV,
JSON Lines, Parquet) and `report` (a self-contained HTML brief on a pair of countries or actors)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from ..errors import UsageError
from ..store.filters import parse_dyad
from . import app
from .common import DYAD, SINCE, UNTIL, day, err, open_database, user_errors


class Kind(str, Enum):
    events = "events"
    quotes = "quotes"
    actors = "actors"
    documents = "documents"


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    plover_jsonl = "plover-jsonl"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command("export")
def export_command(
    ctx: typer.Context,
    kind: Kind = typer.Argument(..., help="events, quotes, actors or documents."),
    fmt: ExportFormat = typer.Option(
        ExportFormat.csv, "--format", help="gdelt, plover, plover-jsonl (events only), csv, jsonl or parquet."
    ),
    out: str | None = typer.Option(
        None, "--out", help="Write to FILE instead of standard output (required for parquet)."
    ),
    dyad: str | None = DYAD,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    header: bool = typer.Option(False, "--header", help="gdelt: start with a line of the 61 column names."),
    historical: bool = typer.Option(
        False, "--historical", help="events: also write history the articles tell as background (left out by default)."
    ),
    all_statuses: bool = typer.Option(
        False,
        "--all-statuses",
        help="events: write events of every status; without it gdelt leaves out negated and hypothetical "
        "events (GDELT has no status column) and every format leaves out historical ones.",
    ),
) -> None:
    """Write events, quotes, actors or documents for other tools: GDELT 2.0 event TSV, PLOVER JSON,
    CSV, JSON Lines or Parquet."""
    from ..export import check_combination, write_export

    with user_errors():
        check_combination(kind.value, fmt.value, out is not None, header)
        pair = parse_dyad(dyad, "--dyad")
        first, last = day(since, "--since"), day(until, "--until")
        with open_database(ctx) as db:
            written = write_export(
                db,
                kind.value,
                fmt.value,
                path=out,
                dyad=pair,
                since=first,
                until=last,
                header=header,
                historical=historical,
                all_statuses=all_statuses,
            )
    where = out or "standard output"
    err.print(f"wrote {written.rows} {kind.value} ({fmt.value}) to {where}", highlight=False)
    if written.added_dates:
        err.print(
            f"{written.added_dates} rows had no event date; SQLDATE is the day they were added (DATEADDED)",
            highlight=False,
        )
    if written.left_out:
        err.print(
            f"left out {written.left_out} negated or hypothetical events (GDELT has no status column); "
            "--all-statuses writes them",
            highlight=False,
        )


@app.command("report")
def report_command(
    ctx: typer.Context,
    dyad: str | None = typer.Option(None, "--dyad", help="The pair the brief is about: CHN-USA."),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    out: str | None = typer.Option(None, "--out", help="The HTML file to write: brief.html."),
) -> None:
    """Write a self-contained HTML brief on a pair: counts, chart, timeline, each side's quotes and the
    evidence of every event."""
    from ..report.brief import write_brief

    with user_errors():
        pair = parse_dyad(dyad, "--dyad")
        if pair is None:
            raise UsageError("give the pair with --dyad, such as --dyad CHN-USA")
        if not out:
            raise UsageError("give the file to write with --out, such as --out brief.html")
        first, last = day(since, "--since"), day(until, "--until")
        with open_database(ctx) as db:
            written = write_brief(db, pair, first, last, out)
    typer.echo(f"HTML brief written to {Path(written).resolve()}")
