"""The `accord` command: a thin Typer layer over the library. Exit codes: 0 all inputs went in,
1 some inputs failed (each named with its reason), 2 usage error."""

from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from enum import Enum
from typing import Optional

import typer
from rich.console import Console

from . import __version__
from .config import Settings, db_url_from
from .errors import AccordError, UsageError
from .readers.dates import BadDate, parse_date

app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="accord: political event data from news articles, offline, with evidence for every row.",
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help="Database: a SQLAlchemy URL or a SQLite file path "
                                     "[env ACCORD_DB; default sqlite:///accord.db]"),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    ctx.obj = {"db": db_url_from(db)}


@contextmanager
def _user_errors():
    """Turn accord's own errors into a one-line message and the documented exit code."""
    try:
        yield
    except AccordError as exc:
        err.print(f"[red]accord:[/] {exc}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("[yellow]accord: interrupted.[/] Whole batches already written are kept; "
                  "run the same command again to continue.")
        raise typer.Exit(130) from None


def _settings(max_bytes: Optional[int], db: str | None = None, actors: Optional[list[str]] = None) -> Settings:
    settings = Settings()
    settings.actor_files = tuple(actors or ())
    if db:
        settings.db_url = db
    if max_bytes is not None:
        if max_bytes <= 0:
            raise UsageError("--max-bytes must be positive")
        settings.max_bytes = max_bytes
    return settings


def _published(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return parse_date(value, keep_time=False)
    except BadDate as exc:
        raise UsageError(f"--published: {exc}; use YYYY-MM-DD") from None


PATHS = typer.Argument(..., help="Files, folders (read recursively), globs, or - for standard input.")
PUBLISHED = typer.Option(None, "--published", help="Anchor date (YYYY-MM-DD) for inputs that carry no date.")
ACTORS = typer.Option(None, "--actors", help="Your own knowledge-base TSV file or folder (repeatable); "
                                             "see docs/knowledge-base.md [env ACCORD_KB_DIR for a folder].")
MAX_BYTES = typer.Option(None, "--max-bytes", help="Refuse files larger than this [env ACCORD_MAX_BYTES; "
                                                   "default 20 MB].")


@app.command()
def extract(
    paths: list[str] = PATHS,
    published: Optional[str] = PUBLISHED,
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", help="jsonl: one contract object a "
                                      "line; json: an indented array; pretty: a readable summary."),
    max_bytes: Optional[int] = MAX_BYTES,
    actors: Optional[list[str]] = ACTORS,
) -> None:
    """Run the pipeline on PATHS and print the extraction contract; stores nothing."""
    from .model import Document, Failure
    from .nlp import Pipeline
    from .readers import read_inputs

    with _user_errors():
        anchor = _published(published)
        settings = _settings(max_bytes, actors=actors)
        pipeline = Pipeline(settings)
        failures: list[Failure] = []

        def documents():
            for item in read_inputs(paths, settings.max_bytes):
                if isinstance(item, Document):
                    yield item
                else:
                    failures.append(item)
                    _report_failure(item)

        first = True
        if fmt is ExtractFormat.json:
            sys.stdout.write("[")
        for ex in pipeline.extract(documents(), anchor):
            obj = ex.to_dict()
            if fmt is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
            elif fmt is ExtractFormat.json:
                sys.stdout.write(("\n" if first else ",\n") + json.dumps(obj, ensure_ascii=False, indent=2))
            else:
                from .render import print_extraction
                print_extraction(out, obj)
            first = False
        if fmt is ExtractFormat.json:
            sys.stdout.write("\n]\n" if not first else "]\n")
        sys.stdout.flush()
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


def _report_failure(failure) -> None:
    err.print(f"[red]failed:[/] {failure.origin}: {failure.reason}", highlight=False)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = PATHS,
    published: Optional[str] = PUBLISHED,
    max_bytes: Optional[int] = MAX_BYTES,
    actors: Optional[list[str]] = ACTORS,
) -> None:
    """Read, extract and store PATHS; content already stored is left unchanged."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .ingestion import ingest as run_ingest
    from .nlp import Pipeline
    from .store import Store

    with _user_errors():
        anchor = _published(published)
        settings = _settings(max_bytes, ctx.obj["db"], actors)
        store = Store.open(settings.db_url)
        pipeline = Pipeline(settings)
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("reading", total=None)

            def progress(summary, origin):
                bar.update(task, description=(f"read {summary.read}  new {summary.new}  unchanged "
                                              f"{summary.unchanged}  failed {summary.failed}  {origin}"))

            summary = run_ingest(paths, store, settings, pipeline, anchor, progress)
        for failure in summary.failures:
            _report_failure(failure)
        err.print(f"read {summary.read}, new {summary.new}, unchanged {summary.unchanged}, "
                  f"failed {summary.failed}  (run {summary.run}, {store.engine.url.render_as_string()})",
                  highlight=False)
        store.close()
    raise typer.Exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


@app.command()
def docs(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", min=1, help="How many documents to list."),
    offset: int = typer.Option(0, "--offset", min=0),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """List stored documents, newest first."""
    from .store import Store

    with _user_errors():
        store = Store.open(ctx.obj["db"])
        rows = store.list_documents(limit, offset)
        total = store.count("documents")
        store.close()
    if fmt is ListFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["pk"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        from .render import documents_table
        out.print(documents_table(rows, total, offset, out.width))


@app.command()
def show(
    ctx: typer.Context,
    ident: str = typer.Argument(..., help="Store number (from `accord docs`), document id, or content key."),
    fmt: ShowFormat = typer.Option(ShowFormat.pretty, "--format"),
) -> None:
    """Show one stored document with its extraction and provenance."""
    from .store import Store

    with _user_errors():
        store = Store.open(ctx.obj["db"])
        found = store.find_documents(ident)
        store.close()
        if not found:
            raise UsageError(f"no stored document has number, id or key {ident!r}; `accord docs` lists them")
    row = found[0]
    if len(found) > 1:
        err.print(f"note: {len(found)} documents match {ident!r}; showing the latest ingested "
                  f"(numbers {', '.join(str(r['pk']) for r in found)})", highlight=False)
    if fmt is ShowFormat.json:
        typer.echo(json.dumps(row["extraction"], ensure_ascii=False, indent=2))
    else:
        from .render import print_extraction, provenance_line
        out.print(provenance_line(row), highlight=False)
        print_extraction(out, row["extraction"])


def main() -> None:
    app()
