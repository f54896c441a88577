"""What every `accord` command shares: consoles, output formats, options, and turning accord's errors
into one-line messages with the documented exit codes."""

from __future__ import annotations

import csv
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import TYPE_CHECKING

import typer
from rich.console import Console

from ..errors import AccordError
from ..lines import csv_value
from ..store import filters

if TYPE_CHECKING:
    from ..api import Database

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143  # Ctrl-C; SIGTERM (128 + the signal's number, as shells report it)


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ShowFormat(str, Enum):
    pretty = "pretty"
    json = "json"


@contextmanager
def user_errors():
    """Turn accord's own errors into a one-line message and the documented exit code."""
    try:
        yield
    except AccordError as exc:
        err.print(f"[red]accord:[/] {exc}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print(
            "[yellow]accord: interrupted.[/] Whole batches already written are kept; "
            "run the same command again to continue."
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None


@contextmanager
def stop_on_sigterm() -> Iterator[threading.Event]:
    """An event set when the process receives SIGTERM, instead of dying at once: a long command checks it
    and stops cleanly (ingest writes the documents in hand and marks its run interrupted)."""
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        yield stop
    finally:
        signal.signal(signal.SIGTERM, previous)


def terminated() -> typer.Exit:
    """The message and exit code of a command stopped by SIGTERM."""
    err.print(
        "[yellow]accord: terminated.[/] The documents in hand were written and the run marked interrupted; "
        "run the same command again to continue."
    )
    return typer.Exit(EXIT_TERMINATED)


def published_date(value: str | None) -> str | None:
    return day(value, "--published")


PATHS = typer.Argument(..., help="Files, folders (read recursively), globs, or - for standard input.")
PUBLISHED = typer.Option(None, "--published", help="Anchor date (YYYY-MM-DD) for inputs that carry no date.")
ACTORS = typer.Option(
    None,
    "--actors",
    help="Your own knowledge-base TSV file or folder (repeatable); "
    "see docs/knowledge-base.md [env ACCORD_KB_DIR for a folder].",
)
STATEMENTS = typer.Option(
    False,
    "--statements",
    help="GDELT compatibility: also code every attributed "
    "statement as CAMEO 010 [env ACCORD_STATEMENT_EVENTS=1]; off, a statement is a quotation.",
)
MAX_BYTES = typer.Option(
    None, "--max-bytes", help="Refuse files larger than this [env ACCORD_MAX_BYTES; default 20 MiB]."
)
DOC_SECONDS = typer.Option(
    None,
    "--doc-seconds",
    help="Per-document time budget: a document still running after this many seconds is recorded as a "
    "failure and the rest goes on; 0: no limit [env ACCORD_DOC_SECONDS; default 300].",
)
DOC_MB = typer.Option(
    None,
    "--doc-mb",
    help="Per-document memory budget: a document adding more than this many MB to its process is "
    "recorded as a failure; 0: no limit [env ACCORD_DOC_MB; default 1536].",
)


def emit(rows: list[dict], fmt: ListFormat, table=None) -> None:
    """Print a listing as a rich table (built by `table(rows)`), CSV or JSON."""
    if fmt is ListFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt is ListFormat.csv:
        fields = list(rows[0]) if rows else []
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    k: csv_value(json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                    for k, v in row.items()
                }
            )
    else:
        out.print(table(rows))


FORMAT = typer.Option(ListFormat.table, "--format", help="table, csv or json.")
SINCE = typer.Option(None, "--since", help=filters.SINCE_HELP)
UNTIL = typer.Option(None, "--until", help=filters.UNTIL_HELP)
DYAD = typer.Option(None, "--dyad", help=filters.help_for(filters.EventFilter, "dyad"))
LIMIT = typer.Option(50, "--limit", min=1, max=filters.MAX_INTEGER, help="How many rows at most.")
OFFSET = typer.Option(0, "--offset", min=0, max=filters.MAX_INTEGER, help="Rows to skip.")


def day(value: str | None, option: str) -> str | None:
    """A --since/--until value as YYYY-MM-DD, or a usage error that says what to type."""
    if value is None:
        return None
    return filters.iso_day(value, option)


def open_database(ctx: typer.Context, read_only: bool = True) -> Database:
    """The database the --db option (or ACCORD_DB) names, opened for questions: read-only unless asked,
    so a store in a folder the user may not write to can still be read."""
    from ..api import Database
    from ..store import Store

    return Database(Store.open(ctx.obj["db"], read_only=read_only))


ALERT_LINES = 20  # notifications an ingest names one by one; `accord alerts recent` lists them all


def report_alerts(notifications, lines: int = ALERT_LINES) -> None:
    """The alerts an ingest or a watch round raised, on standard error: how many, the first `lines` of them
    one a line, and what is not delivered yet."""
    listed = "" if lines else " (above)"
    err.print(f"alerts: {len(notifications)} raised{listed}; `accord alerts recent` lists them", highlight=False)
    for n in notifications[:lines]:
        err.print(f"  {n.headline()}", highlight=False)
    if lines and len(notifications) > lines:
        err.print(f"  … and {len(notifications) - lines} more", highlight=False)
    failed = [n for n in notifications if n.status != "sent"]
    if failed:
        err.print(
            f"[yellow]warning:[/] {len(failed)} not delivered everywhere yet ({failed[0].last_error}); "
            "retried at the next ingest, watch round or `accord alerts send`",
            highlight=False,
        )
