"""Commands that read and store documents: extract, ingest, docs, show."""

from __future__ import annotations

import csv
import json
import sys

import typer

from ..config import Settings
from ..errors import UsageError
from ..lines import csv_value, json_line
from ..store.filters import MAX_INTEGER
from . import app
from .common import (
    ACTORS,
    DOC_MB,
    DOC_SECONDS,
    EXIT_OK,
    EXIT_SOME_FAILED,
    MAX_BYTES,
    PATHS,
    PUBLISHED,
    STATEMENTS,
    ExtractFormat,
    ListFormat,
    ShowFormat,
    err,
    out,
    published_date,
    report_alerts,
    stop_on_sigterm,
    terminated,
    user_errors,
)


@app.command()
def extract(
    paths: list[str] = PATHS,
    published: str | None = PUBLISHED,
    fmt: ExtractFormat = typer.Option(
        ExtractFormat.jsonl,
        "--format",
        help="jsonl: one contract object a line; json: an indented array; pretty: a readable summary.",
    ),
    max_bytes: int | None = MAX_BYTES,
    actors: list[str] | None = ACTORS,
    statements: bool = STATEMENTS,
    doc_seconds: float | None = DOC_SECONDS,
    doc_mb: int | None = DOC_MB,
) -> None:
    """Run the pipeline on PATHS and print the extraction contract; stores nothing."""
    from ..extraction import extract_items
    from ..model import Failure, Skipped
    from ..nlp import Pipeline
    from ..readers import read_inputs

    with user_errors():
        anchor = published_date(published)
        settings = Settings.for_cli(
            max_bytes=max_bytes, actors=actors, statements=statements, doc_seconds=doc_seconds, doc_mb=doc_mb
        )
        pipeline = Pipeline(settings)
        failures: list[Failure] = []
        skipped: dict[str, int] = {}
        first = True
        if fmt is ExtractFormat.json:
            sys.stdout.write("[")
        for outcome in extract_items(pipeline, read_inputs(paths, settings.max_bytes), anchor):
            if isinstance(outcome, Skipped):
                skipped[outcome.reason] = skipped.get(outcome.reason, 0) + 1
                continue
            if isinstance(outcome, Failure):  # unreadable, or over its budget: reported, the rest goes on
                failures.append(outcome)
                _report_failure(outcome)
                continue
            obj = outcome[1].to_dict()
            if fmt is ExtractFormat.jsonl:
                sys.stdout.write(json_line(obj) + "\n")
            elif fmt is ExtractFormat.json:
                sys.stdout.write(("\n" if first else ",\n") + json.dumps(obj, ensure_ascii=False, indent=2))
            else:
                from ..render import print_extraction

                print_extraction(out, obj)
            first = False
        if fmt is ExtractFormat.json:
            sys.stdout.write("\n]\n" if not first else "]\n")
        sys.stdout.flush()
        if skipped:
            _report_skipped(skipped)
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


def _report_failure(failure) -> None:
    err.print(f"[red]failed:[/] {failure.origin}: {failure.reason}", highlight=False)


def _report_skipped(skipped: dict[str, int]) -> None:
    """One line: the parts of inputs that are not articles (WARC records), counted by reason."""
    counts = ", ".join(f"{reason} {n}" for reason, n in sorted(skipped.items(), key=lambda item: (-item[1], item[0])))
    err.print(f"skipped {sum(skipped.values())} WARC records that are not article pages: {counts}", highlight=False)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: list[str] = PATHS,
    published: str | None = PUBLISHED,
    max_bytes: int | None = MAX_BYTES,
    actors: list[str] | None = ACTORS,
    statements: bool = STATEMENTS,
    workers: int | None = typer.Option(
        None,
        "--workers",
        help="Worker processes for reading NLP and extraction [env ACCORD_WORKERS; default: the number of cores].",
    ),
    doc_seconds: float | None = DOC_SECONDS,
    doc_mb: int | None = DOC_MB,
) -> None:
    """Read, extract and store PATHS; content already stored is left unchanged."""
    from ..ingestion import ingest as run_ingest
    from ..readers.sources import count_files
    from ..store import Store
    from .progress import IngestProgress

    with user_errors():
        anchor = published_date(published)
        settings = Settings.for_cli(
            db=ctx.obj["db"],
            max_bytes=max_bytes,
            actors=actors,
            statements=statements,
            workers=workers,
            doc_seconds=doc_seconds,
            doc_mb=doc_mb,
        )
        store = Store.open(settings.db_url)
        with stop_on_sigterm() as stop, IngestProgress(err, count_files(paths)) as progress:
            summary = run_ingest(paths, store, settings, None, anchor, progress, stop)
        for run in summary.stale_runs:
            err.print(f"note: run {run} was left running by a process that is gone; marked interrupted")
        for failure in summary.failures:
            _report_failure(failure)
        err.print(
            f"read {summary.read}, new {summary.new}, unchanged {summary.unchanged}, "
            f"failed {summary.failed}  in {progress.elapsed:.1f} s, {progress.rate:.1f} documents/s  "
            f"(run {summary.run}, {store.engine.url.render_as_string()})",
            highlight=False,
        )
        if summary.skipped:
            _report_skipped(summary.skipped)
        if summary.undated:
            _warn_undated(summary.undated, summary.new)
        if summary.not_extracted:
            _warn_languages(summary.languages, summary.not_extracted)
        if summary.linked:
            err.print(
                f"linked {summary.linked.documents} documents: {summary.linked.new_stories} new stories, "
                f"{summary.linked.new_events} new events from {summary.linked.reports} reports",
                highlight=False,
            )
        if summary.notifications:
            report_alerts(summary.notifications)
        store.close()
    if summary.stopped or stop.is_set():
        raise terminated()
    raise typer.Exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


def _warn_languages(languages: dict[str, int], not_extracted: dict[str, int]) -> None:
    """Once per run: the stored documents by language, and those accord stored without extraction."""
    from ..nlp.language import SUPPORTED

    counts = ", ".join(f"{code} {n}" for code, n in sorted(languages.items(), key=lambda item: (-item[1], item[0])))
    skipped = ", ".join(f"{code} {n}" for code, n in not_extracted.items())
    err.print(
        f"[yellow]warning:[/] languages: {counts}; stored without extraction (accord extracts only "
        f"{', '.join(SUPPORTED)}): {skipped}",
        highlight=False,
    )


def _warn_undated(undated: int, new: int) -> None:
    """Once per run: how many new documents gave no date, and the ways to give one."""
    err.print(
        f"[yellow]warning:[/] {undated} of the {new} new documents have no date (no dateline, publication "
        "or document date), so their events are undated unless the text gives a full date: "
        "give one with --published YYYY-MM-DD (for every document without one), a dateline opening the text (Beijing, October 27, 2025 —) "
        "or a `published` field in JSON Lines",
        highlight=False,
    )


@app.command()
def docs(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", min=1, max=MAX_INTEGER, help="How many documents to list."),
    offset: int = typer.Option(0, "--offset", min=0, max=MAX_INTEGER),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format"),
) -> None:
    """List stored documents, newest first."""
    from ..store import Store

    with user_errors():
        store = Store.open(ctx.obj["db"], read_only=True)
        rows = store.list_documents(limit, offset)
        total = store.count("documents")
        store.close()
    if fmt is ListFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt is ListFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["pk"])
        writer.writeheader()
        writer.writerows({k: csv_value(v) for k, v in row.items()} for row in rows)
    else:
        from ..render import documents_table

        out.print(documents_table(rows, total, offset, out.width))


@app.command()
def show(
    ctx: typer.Context,
    ident: str = typer.Argument(..., help="Store number (from `accord docs`), document id, or content key."),
    fmt: ShowFormat = typer.Option(ShowFormat.pretty, "--format"),
) -> None:
    """Show one stored document with its extraction and provenance."""
    from ..store import Store

    with user_errors():
        store = Store.open(ctx.obj["db"], read_only=True)
        found = store.find_documents(ident)
        store.close()
        if not found:
            raise UsageError(f"no stored document has number, id or key {ident!r}; `accord docs` lists them")
    row = found[0]
    if len(found) > 1:
        err.print(
            f"note: {len(found)} documents match {ident!r}; showing the latest ingested "
            f"(numbers {', '.join(str(r['pk']) for r in found)})",
            highlight=False,
        )
    if fmt is ShowFormat.json:
        typer.echo(json.dumps(row["extraction"], ensure_ascii=False, indent=2))
    else:
        from ..render import print_extraction, provenance_line

        out.print(provenance_line(row), highlight=False)
        print_extraction(out, row["extraction"])
