"""Commands that follow sources: `accord sources add/import/list/remove/pause/resume` and `accord watch`."""

from __future__ import annotations

import signal
from datetime import UTC, datetime

import typer
from rich.table import Table

from ..config import Settings
from . import AccordGroup, app
from .common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    FORMAT,
    ListFormat,
    emit,
    err,
    out,
    report_alerts,
    stop_on_sigterm,
    user_errors,
)

sources_app = typer.Typer(
    cls=AccordGroup,
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="The feeds and pages `accord watch` follows: add, import, list, remove, pause, resume.",
)
app.add_typer(sources_app, name="sources")
IDENT = typer.Argument(..., help="The source's number (from `accord sources list`), URL or name.")


def _store(ctx: typer.Context):
    from ..store import Store

    return Store.open(ctx.obj["db"])


@sources_app.command("add")
def add(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="The feed (RSS, Atom, JSON Feed) or the page that lists articles."),
    name: str | None = typer.Option(None, "--name", help="What to call it (default: the feed's title)."),
    category: list[str] | None = typer.Option(
        None, "--category", help="A category given to every document from it (repeatable)."
    ),
    kind: str | None = typer.Option(
        None, "--kind", help="feed or page; without it the URL is fetched once to tell which it is."
    ),
) -> None:
    """Follow URL: it is fetched once (politely) to see whether it is a feed or a page listing articles."""
    from ..sources.manage import add as add_source

    with user_errors():
        with _store(ctx) as store:
            source, probe = add_source(store, Settings().watch, url, name, category, kind)
    listed = f", {probe.items} items listed now" if probe else ""
    out.print(f"added source {source.pk}: {source.label} ({source.kind}{listed}) {source.url}", highlight=False)


@sources_app.command("import")
def import_(
    ctx: typer.Context, path: str = typer.Argument(..., help="An OPML file, as feed readers export their feeds.")
) -> None:
    """Follow every feed of an OPML file (outlines with an xmlUrl; the outlines around them become categories)."""
    from ..sources.manage import import_opml

    with user_errors():
        with _store(ctx) as store:
            added, known = import_opml(store, path)
    for source in added:
        out.print(f"added source {source.pk}: {source.label} {source.url}", highlight=False)
    note = f"; {len(known)} followed already or not http(s): {', '.join(known)}" if known else ""
    err.print(f"added {len(added)} sources from {path}{note}", highlight=False)


@sources_app.command("list")
def list_(ctx: typer.Context, fmt: ListFormat = FORMAT) -> None:
    """Every source with its status, last fetch, next check, items taken, failures and last error."""
    from ..store import Store
    from ..store.sources import list_sources

    with user_errors():
        with Store.open(ctx.obj["db"], read_only=True) as store:
            rows = [source.to_dict() for source in list_sources(store)]
    emit(rows, fmt, _sources_table)


def _when(value: str | None) -> str:
    return value[:16].replace("T", " ") if value else "never"


def _sources_table(rows: list[dict]) -> Table:
    table = Table(title=f"{len(rows)} sources (times UTC)")
    for name in ("#", "source", "status", "last fetch", "next check", "items", "error"):
        table.add_column(name, justify="right" if name in ("#", "items") else "left")
    for row in rows:
        problem = row["pause_reason"] if row["status"] == "paused" else row["last_error"]
        status = f"{row['status']} ({row['failures']})" if row["failures"] else row["status"]
        table.add_row(
            str(row["pk"]),
            f"{row['name'] or ''} ({row['kind']})\n{row['url']}",
            status,
            _when(row["last_fetch_at"]) + (f" ({row['last_http_status']})" if row["last_http_status"] else ""),
            "-" if row["status"] == "paused" else _when(row["next_check_at"]) if row["next_check_at"] else "now",
            str(row["items"]),
            problem or "",
        )
    return table


@sources_app.command("remove")
def remove(ctx: typer.Context, ident: str = IDENT) -> None:
    """Stop following a source and forget the items taken from it (the documents stay in the store)."""
    from ..store.sources import remove_source, source_or_error

    with user_errors():
        with _store(ctx) as store:
            source = source_or_error(store, ident)
            remove_source(store, source.pk)
    out.print(f"removed source {source.pk}: {source.label}", highlight=False)


@sources_app.command("pause")
def pause(
    ctx: typer.Context,
    ident: str = IDENT,
    reason: str = typer.Option("paused by hand", "--reason", help="Why, shown by `sources list`."),
) -> None:
    """Stop fetching a source until `accord sources resume`."""
    from ..store.sources import pause_source, source_or_error

    with user_errors():
        with _store(ctx) as store:
            source = source_or_error(store, ident)
            pause_source(store, source.pk, reason)
    out.print(f"paused source {source.pk}: {source.label} ({reason})", highlight=False)


@sources_app.command("resume")
def resume(ctx: typer.Context, ident: str = IDENT) -> None:
    """Fetch a paused source again from the next round, its failures forgotten."""
    from ..store.sources import resume_source, source_or_error

    with user_errors():
        with _store(ctx) as store:
            source = source_or_error(store, ident)
            resume_source(store, source.pk)
    out.print(f"resumed source {source.pk}: {source.label}", highlight=False)


@app.command()
def watch(
    ctx: typer.Context,
    once: bool = typer.Option(False, "--once", help="One round over the sources due, then exit (for cron)."),
    workers: int | None = typer.Option(
        None, "--workers", help="Worker processes for the NLP [env ACCORD_WORKERS; default: the number of cores]."
    ),
) -> None:
    """Follow the sources until stopped (Ctrl-C or SIGTERM end it after the round in hand, exit 0): each
    round fetches the sources due, ingests their new items and links them as `accord ingest` does.
    Politeness and scheduling settings are the ACCORD_WATCH_* variables (see the README)."""
    from ..store import Store
    from ..store.sources import list_sources
    from ..watch import watch as run_watch

    failed = False

    def report(summary) -> None:
        nonlocal failed
        failed = failed or _report_round(summary)

    with user_errors():
        settings = Settings.for_cli(db=ctx.obj["db"], workers=workers)
        if not settings.watch.contact and not settings.watch.user_agent:
            err.print(
                "[yellow]note:[/] no contact in the User-Agent: set ACCORD_WATCH_CONTACT (an e-mail or URL) so "
                "that sites can reach whoever runs this watcher",
                highlight=False,
            )
        with Store.open(settings.db_url) as store, stop_on_sigterm() as stop:
            if not list_sources(store):
                err.print("note: no sources yet: add one with `accord sources add URL`", highlight=False)
            previous = signal.signal(signal.SIGINT, lambda *_: _stopping(stop))
            try:
                rounds = run_watch(store, settings, once=once, stop=stop, report=report, echo=_print_alert)
            finally:
                signal.signal(signal.SIGINT, previous)
        if once and not rounds:
            err.print("nothing due: every source is paused or checked recently (`accord sources list`)")
    raise typer.Exit(EXIT_SOME_FAILED if once and failed else EXIT_OK)


def _print_alert(notification) -> None:
    """An alert the watcher raised, on standard output as it is raised: the event with its link, then the
    sentence it came from."""
    out.print(notification.headline(), highlight=False)
    evidence = notification.message.get("evidence")
    if evidence:
        out.print(f"  {evidence}", highlight=False)


def _stopping(stop) -> None:
    if not stop.is_set():
        err.print("accord: stopping after the round in hand (Ctrl-C again does not hurry it)", highlight=False)
    stop.set()


def _report_round(summary) -> bool:
    """Print a round on standard error; whether a source or an item failed."""
    now = datetime.now(UTC)
    err.print(f"round at {now:%H:%M:%S} UTC: {len(summary.sources)} sources checked", highlight=False)
    for s in summary.sources:
        what = f"{s.outcome} ({s.new_items})" if s.new_items else s.outcome
        problem = f": {s.error}" if s.error else ""
        later = ""
        if s.next_check_at is not None and s.outcome != "paused":
            later = f"; next check {s.next_check_at:%Y-%m-%d %H:%M:%S} ({s.reason})"
        err.print(f"  [{s.pk}] {s.label}: {what}{problem}{later}", highlight=False)
    ingest = summary.ingest
    if ingest is not None:
        for failure in ingest.failures:
            err.print(f"[red]failed:[/] {failure.origin}: {failure.reason}", highlight=False)
        err.print(
            f"items: new {ingest.new}, unchanged {ingest.unchanged}, duplicate {summary.duplicates}, "
            f"failed {ingest.failed}  (run {ingest.run})",
            highlight=False,
        )
        if ingest.linked:
            err.print(
                f"linked {ingest.linked.documents} documents: {ingest.linked.new_stories} new stories, "
                f"{ingest.linked.new_events} new events from {ingest.linked.reports} reports",
                highlight=False,
            )
        if ingest.notifications:
            report_alerts(ingest.notifications, lines=0)
    return any(s.outcome in ("failed", "paused") for s in summary.sources) or bool(ingest and ingest.failed)
