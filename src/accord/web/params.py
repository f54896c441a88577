"""Query parameters shared by the REST API and the pages: the read side's filters
(`accord.store.filters`) declared as FastAPI parameters with the help each shows in the API reference.
Values arrive as strings so an empty form field means "no filter" rather than an error; a bad value
raises BadFilter, which the app answers with a 422 whose detail names the parameter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Path, Query

from ..analytics.series import PERIODS
from ..store.filters import (
    MAX_ID,
    SINCE_HELP,
    UNTIL_HELP,
    ActorFilter,
    EventFilter,
    Page,
    QuoteFilter,
    StoryFilter,
    choice,
    day,
    help_for,
    whole,
)

DEFAULT_LIMIT, MAX_LIMIT = 50, 500

SINCE = Query(None, description=SINCE_HELP)
# A store number in a path (an event's, a story's): a whole number its column can hold, else a 422.
Number = Annotated[int, Path(ge=-MAX_ID - 1, le=MAX_ID)]
UNTIL = Query(None, description=UNTIL_HELP)


def page(
    limit: str | None = Query(None, description=f"Rows per page, 1-{MAX_LIMIT} (default {DEFAULT_LIMIT})."),
    offset: str | None = Query(None, description="Rows to skip (default 0)."),
) -> Page:
    """A page of a listing, the default when not given."""
    return Page(limit=whole(limit, "limit", 1, MAX_LIMIT) or DEFAULT_LIMIT, offset=whole(offset, "offset", 0) or 0)


def event_filter(
    dyad: str | None = Query(None, description=help_for(EventFilter, "dyad")),
    actor: str | None = Query(None, description=help_for(EventFilter, "actor")),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    code: str | None = Query(None, description=help_for(EventFilter, "code")),
    quad: str | None = Query(None, description=help_for(EventFilter, "quad")),
    status: str | None = Query(None, description=help_for(EventFilter, "status")),
    story: str | None = Query(None, description="Only events of this story number."),
    historical: str | None = Query(None, description=help_for(EventFilter, "historical") + " true or false."),
) -> EventFilter:
    """The events' filter from the query string."""
    return EventFilter.parse(dyad, actor, since, until, code, quad, status, story, historical)


def quote_filter(
    speaker: str | None = Query(None, description=help_for(QuoteFilter, "speaker")),
    country: str | None = Query(None, description=help_for(QuoteFilter, "country")),
    search: str | None = Query(None, description=help_for(QuoteFilter, "search")),
    story: str | None = Query(None, description="Only quotations of this story number."),
    since: str | None = SINCE,
    until: str | None = UNTIL,
) -> QuoteFilter:
    """The quotations' filter from the query string."""
    return QuoteFilter.parse(speaker, country, search, story, since, until)


def actor_filter(
    search: str | None = Query(None, description=help_for(ActorFilter, "search")),
    country: str | None = Query(None, description=help_for(ActorFilter, "country")),
) -> ActorFilter:
    """The actors' filter from the query string."""
    return ActorFilter.parse(search, country)


def story_filter(
    min_documents: str | None = Query(None, description="Only stories with this many documents or more (default 1)."),
) -> StoryFilter:
    """The stories' filter from the query string."""
    return StoryFilter.parse(min_documents)


@dataclass(frozen=True)
class SeriesQuery:
    """A dyad series' period and date range."""

    by: str = "month"
    since: str | None = None
    until: str | None = None


def series_query(
    by: str | None = Query(None, description="Period: day, week or month (default month)."),
    since: str | None = SINCE,
    until: str | None = UNTIL,
) -> SeriesQuery:
    """The series' period and range from the query string."""
    return SeriesQuery(by=choice(by, "by", PERIODS) or "month", since=day(since, "since"), until=day(until, "until"))
