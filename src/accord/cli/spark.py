"""Commands for corpora past one machine: `accord spark extract` runs on Apache Spark (accord.spark),
`accord spark link` links what it wrote there, and `accord load` stores it."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from ..config import Settings
from ..errors import AccordError, UsageError
from . import app
from .common import (
    ACTORS,
    DOC_MB,
    DOC_SECONDS,
    EXIT_OK,
    EXIT_SOME_FAILED,
    MAX_BYTES,
    PUBLISHED,
    STATEMENTS,
    err,
    published_date,
    user_errors,
)

spark_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Run accord on Apache Spark (needs accord[spark]: PySpark 4 and Java 17+).",
)
app.add_typer(spark_app, name="spark")

MASTER = typer.Option(
    None,
    "--master",
    help="Spark master URL (local[4], spark://host:7077, yarn) [default: what spark-submit or the Spark "
    "configuration gives, else local[*]].",
)


def spark_session(app_name: str, master: str | None):
    """The SparkSession: the one spark-submit set up, else one on `master` (local[*] by default), whose
    Python workers run this Python."""
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError:
        raise UsageError("accord spark needs PySpark 4 and Java 17+: pip install 'accord[spark]'") from None
    builder = SparkSession.builder.appName(app_name)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit, which set the master
    if master or not submitted:
        builder = builder.master(master or "local[*]")
    if not submitted:  # the Python workers run this Python, which has accord (PySpark reads this variable)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # no Java, a bad master URL: Spark's message, not its traceback
        raise UsageError(f"cannot start Spark: {' '.join(str(exc).split())[:300]}") from None
    spark.sparkContext.setLogLevel("FATAL")  # a failed task is summed up in one line (see spark_extract)
    return spark


@spark_app.command("extract")
def spark_extract(
    inputs: list[str] = typer.Argument(
        ...,
        help="WARC, JSON Lines (or any format accord reads) files, folders, globs, text files listing paths "
        "one a line, or hdfs:// s3a:// URIs read through Spark's Hadoop file systems.",
    ),
    out: str = typer.Option(..., "--out", help="Folder (local or a Hadoop URI) for the Parquet datasets."),
    master: str | None = MASTER,
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace datasets already in --out."),
    published: str | None = PUBLISHED,
    max_bytes: int | None = MAX_BYTES,
    actors: list[str] | None = ACTORS,
    statements: bool = STATEMENTS,
    doc_seconds: float | None = DOC_SECONDS,
    doc_mb: int | None = DOC_MB,
) -> None:
    """Extract INPUTS on Spark and write the datasets documents, actors, quotes, events, times and places
    (and failures) under --out as Parquet, partitioned by publication month."""
    with user_errors():
        anchor = published_date(published)
        settings = Settings.for_cli(
            max_bytes=max_bytes, actors=actors, statements=statements, doc_seconds=doc_seconds, doc_mb=doc_mb
        )
        from ..spark.job import extract as run_extract

        spark = spark_session("accord spark extract", master)
        with _spark_job():
            summary = run_extract(spark, inputs, out, settings, anchor, overwrite)
        for missing in summary.missing:
            err.print(f"[red]failed:[/] {missing}", highlight=False)
        rows = ", ".join(f"{table} {n}" for table, n in summary.rows.items())
        err.print(f"documents {summary.documents} written to {out}  (rows: {rows})", highlight=False)
        if summary.skipped:
            skipped = ", ".join(f"{reason} {n}" for reason, n in sorted(summary.skipped.items(), key=_most))
            err.print(
                f"skipped {sum(summary.skipped.values())} WARC records that are not article pages: {skipped}",
                highlight=False,
            )
        if summary.failures:
            failed = "; ".join(f"{reason}: {n}" for reason, n in sorted(summary.failures.items(), key=_most))
            err.print(
                f"failed {sum(summary.failures.values())} (each named in {out}/failures): {failed}", highlight=False
            )
    raise typer.Exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


@spark_app.command("link")
def spark_link(
    folder: str = typer.Argument(..., help="The --out folder of accord spark extract (local or a Hadoop URI)."),
    master: str | None = MASTER,
) -> None:
    """Link the documents under FOLDER on Spark as the store links them after `accord load`: write the
    datasets stories (near-duplicate documents) and merged_events (reports of one event) beside the others."""
    with user_errors():
        from ..spark.linking import link as run_link

        spark = spark_session("accord spark link", master)
        with _spark_job():
            counts = run_link(spark, folder)
        err.print(
            f"linked {counts.documents} documents: stories {counts.stories}, merged events "
            f"{counts.merged_events} from {counts.reports} reports, written to {folder}",
            highlight=False,
        )
    raise typer.Exit(EXIT_OK)


@contextmanager
def _spark_job() -> Iterator[None]:
    """A failed Spark job (an executor without accord, out of memory) as one line, not its Java and Python
    stack traces; accord's own errors pass as they are."""
    try:
        yield
    except AccordError:
        raise
    except Exception as exc:
        raise AccordError(f"the Spark job failed: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    """The gist of a Spark error, whose message runs to a Java and a Python stack trace."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    last = next((line for line in reversed(lines) if "Error:" in line or "Exception:" in line), None)
    return f"{type(exc).__name__}: {(last or (lines[0] if lines else ''))[:300]}"


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


@app.command()
def load(
    ctx: typer.Context,
    folder: str = typer.Argument(..., help="The --out folder of accord spark extract."),
) -> None:
    """Store the documents of a folder `accord spark extract` wrote (those already stored are left
    unchanged), then link stories and merged events, as ingest does."""
    from ..loading import load as run_load
    from ..store import Store

    with user_errors():
        settings = Settings.for_cli(db=ctx.obj["db"])
        store = Store.open(settings.db_url)
        try:
            summary = run_load(folder, store, settings)
        finally:
            store.close()
        err.print(
            f"read {summary.read}, new {summary.new}, unchanged {summary.unchanged}  "
            f"(run {summary.run}, {settings.db_url})",
            highlight=False,
        )
        if summary.linked:
            err.print(
                f"linked {summary.linked.documents} documents: {summary.linked.new_stories} new stories, "
                f"{summary.linked.new_events} new events from {summary.linked.reports} reports",
                highlight=False,
            )
    raise typer.Exit(EXIT_OK)
