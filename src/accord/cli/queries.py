"""Commands that answer an analyst's questions from the store: events, event, quotes, actors, stories,
story, dyad, network, framing, link. Each is a call into `accord.api.Database` and a way to print it."""

from __future__ import annotations

import typer

from ..analytics.records import Framing
from ..analytics.series import Period
from ..errors import UsageError
from ..store.filters import (
    MAX_ID,
    ActorFilter,
    EventFilter,
    QuoteFilter,
    Status,
    help_for,
    parse_dyad,
)
from . import app, tables
from .common import (
    DYAD,
    FORMAT,
    LIMIT,
    OFFSET,
    SINCE,
    UNTIL,
    ListFormat,
    day,
    emit,
    err,
    open_database,
    out,
    user_errors,
)


@app.command()
def events(
    ctx: typer.Context,
    dyad: str | None = DYAD,
    actor: str | None = typer.Option(None, "--actor", help=help_for(EventFilter, "actor")),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    code: str | None = typer.Option(None, "--code", help=help_for(EventFilter, "code")),
    quad: int | None = typer.Option(None, "--quad", min=1, max=4, help=help_for(EventFilter, "quad")),
    status: Status | None = typer.Option(None, "--status", help=help_for(EventFilter, "status")),
    story: int | None = typer.Option(None, "--story", min=1, max=MAX_ID, help="Only events of this story."),
    historical: bool = typer.Option(False, "--historical", help=help_for(EventFilter, "historical")),
    limit: int = LIMIT,
    offset: int = OFFSET,
    fmt: ListFormat = FORMAT,
) -> None:
    """List events, one row per real-world event however many articles reported it."""
    with user_errors():
        with open_database(ctx) as db:
            f = EventFilter(
                dyad=parse_dyad(dyad, "--dyad"),
                actor=actor,
                since=day(since, "--since"),
                until=day(until, "--until"),
                code=code,
                quad=quad,
                status=status.value if status else None,
                story=story,
                historical=historical,
            )
            found = db.events(f, limit=limit, offset=offset)
    emit(found.to_dicts(), fmt, tables.events_table)


@app.command()
def event(
    ctx: typer.Context,
    event_id: int = typer.Argument(..., min=-MAX_ID - 1, max=MAX_ID, help="Event number from `accord events`."),
    fmt: ListFormat = FORMAT,
) -> None:
    """Show one event with every report of it and the evidence sentence of each."""
    with user_errors():
        with open_database(ctx) as db:
            found = db.event(event_id)
        if found is None:
            raise UsageError(f"no event number {event_id}; `accord events` lists them")
    if fmt is not ListFormat.table:
        emit([found.to_dict()], fmt)
        return
    out.print(tables.events_table([found.to_dict()]))
    out.print(tables.reports_table([r.to_dict() for r in found.reports]))


@app.command()
def quotes(
    ctx: typer.Context,
    speaker: str | None = typer.Option(None, "--speaker", help=help_for(QuoteFilter, "speaker")),
    country: str | None = typer.Option(None, "--country", help=help_for(QuoteFilter, "country")),
    search: str | None = typer.Option(None, "--search", help=help_for(QuoteFilter, "search")),
    story: int | None = typer.Option(None, "--story", min=1, max=MAX_ID),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    limit: int = LIMIT,
    offset: int = OFFSET,
    fmt: ListFormat = FORMAT,
) -> None:
    """List quotations by speaker, country or words."""
    with user_errors():
        with open_database(ctx) as db:
            f = QuoteFilter(
                speaker=speaker,
                country=country,
                search=search,
                story=story,
                since=day(since, "--since"),
                until=day(until, "--until"),
            )
            found = db.quotes(f, limit=limit, offset=offset)
    emit(found.to_dicts(), fmt, tables.quotes_table)


@app.command()
def actors(
    ctx: typer.Context,
    search: str | None = typer.Option(None, "--search", help=help_for(ActorFilter, "search")),
    country: str | None = typer.Option(None, "--country", help=help_for(ActorFilter, "country")),
    limit: int = LIMIT,
    offset: int = OFFSET,
    fmt: ListFormat = FORMAT,
) -> None:
    """List actors across documents, most often named first."""
    with user_errors():
        with open_database(ctx) as db:
            found = db.actors(ActorFilter(search=search, country=country), limit=limit, offset=offset)
    emit(found.to_dicts(), fmt, tables.actors_table)


@app.command()
def stories(
    ctx: typer.Context,
    min_documents: int = typer.Option(1, "--min-documents", min=1, max=MAX_ID),
    limit: int = LIMIT,
    offset: int = OFFSET,
    fmt: ListFormat = FORMAT,
) -> None:
    """List stories: groups of a document and its copies and rewrites."""
    with user_errors():
        with open_database(ctx) as db:
            found = db.stories(limit=limit, offset=offset, min_documents=min_documents)
    emit([{k: v for k, v in s.to_dict().items() if k != "documents"} for s in found], fmt, tables.stories_table)


@app.command()
def story(
    ctx: typer.Context,
    story_id: int = typer.Argument(..., min=-MAX_ID - 1, max=MAX_ID, help="Story number from `accord stories`."),
    fmt: ListFormat = FORMAT,
) -> None:
    """Show a story: its documents, its events and each side's framing."""
    with user_errors():
        with open_database(ctx) as db:
            found = db.story(story_id)
            if found is None:
                raise UsageError(f"no story number {story_id}; `accord stories` lists them")
            found_events = db.events(story=story_id)
            frames = db.framing(story=story_id)
    if fmt is not ListFormat.table:
        emit([found.to_dict() | {"events": found_events.to_dicts(), "framing": frames.to_dict()["sides"]}], fmt)
        return
    out.print(f"[bold]story {found.id}[/]: {found.title or ''}  ({found.first_date} .. {found.last_date})")
    out.print(tables.story_documents_table(found.documents))
    out.print(tables.events_table(found_events.to_dicts()))
    _print_framing(frames)


@app.command()
def framing(
    ctx: typer.Context,
    story: int | None = typer.Option(None, "--story", min=1, max=MAX_ID),
    event: int | None = typer.Option(None, "--event", min=1, max=MAX_ID),
    document: str | None = typer.Option(None, "--document", help="The story of this document (id or number)."),
    fmt: ListFormat = FORMAT,
) -> None:
    """Each side's characterisation of a story or an event, from its speakers' quotations."""
    with user_errors():
        if sum(x is not None for x in (story, event, document)) != 1:
            raise UsageError("give one of --story, --event or --document")
        with open_database(ctx) as db:
            frames = db.framing(story=story, event=event, document=document)
    if fmt is not ListFormat.table:
        emit([{"side": side, **q.to_dict()} for side, qs in frames.sides.items() for q in qs], fmt)
        return
    _print_framing(frames)


def _print_framing(frames: Framing) -> None:
    """Each side's speakers and what they said."""
    for side, said in frames.sides.items():
        out.print(f"[bold]{side}[/]")
        for q in said:
            out.print(f"  {q.speaker or q.speaker_text or '?'}: {q.text.strip()}", highlight=False)


@app.command()
def dyad(
    ctx: typer.Context,
    a: str = typer.Argument(..., help="One side: ISO-3 code or actor name."),
    b: str = typer.Argument(..., help="The other side."),
    by: Period = typer.Option(Period.month, "--by"),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    plot: str | None = typer.Option(None, "--plot", help="Also draw the series to FILE.png or FILE.svg."),
    fmt: ListFormat = FORMAT,
) -> None:
    """A pair's relations over time: events by QuadClass, mean Goldstein, the cooperation index and the
    mean GDELT-style tone of the reporting documents."""
    with user_errors():
        with open_database(ctx) as db:
            points = db.dyad_series(a, b, by=by.value, since=day(since, "--since"), until=day(until, "--until"))
        if plot:
            from ..report.charts import save_series_plot

            save_series_plot(points, f"{a}-{b}", plot)
            err.print(f"plot written to {plot}", highlight=False)
    emit(points.to_dicts(), fmt, tables.series_table)
    if points.undated:
        err.print(
            f"{points.undated} events of {a}-{b} had no date (their documents gave none) "
            "and were left out of the series",
            highlight=False,
        )
    if points.unrealised:
        err.print(
            f"{points.unrealised} negated or hypothetical events of {a}-{b} did not happen "
            "and were left out of the series",
            highlight=False,
        )


@app.command()
def network(
    ctx: typer.Context,
    actor: str | None = typer.Option(None, "--actor", help="Only links of this actor or country."),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    quad: int | None = typer.Option(None, "--quad", min=1, max=4),
    countries: bool = typer.Option(False, "--countries", help="Fold actors into their countries."),
    limit: int = LIMIT,
    fmt: ListFormat = FORMAT,
) -> None:
    """Who interacted with whom: links weighted by events."""
    with user_errors():
        with open_database(ctx) as db:
            edges = db.network(
                since=day(since, "--since"),
                until=day(until, "--until"),
                quad=quad,
                level="country" if countries else "actor",
                actor=actor,
            )
    emit(edges.to_dicts()[:limit], fmt, tables.network_table)


@app.command()
def link(ctx: typer.Context) -> None:
    """Group documents not yet linked into stories and merge their events (ingest does this itself)."""
    with user_errors():
        with open_database(ctx, read_only=False) as db:
            summary = db.link()
    err.print(
        f"linked {summary.documents} documents: {summary.new_stories} new stories, "
        f"{summary.reports} event reports, {summary.new_events} new events",
        highlight=False,
    )
