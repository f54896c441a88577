"""Query parameters shared by the REST API and the pages: the CLI's filters, parsed once, with messages
that say what to type. Values arrive as strings so an empty form field means "no filter" rather than an
error; a bad value is a 422 whose detail names the parameter."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from fastapi import HTTPException, Query

from ..readers.dates import BadDate, parse_date

DEFAULT_LIMIT, MAX_LIMIT = 50, 500
STATUSES = ("occurred", "planned", "negated", "hypothetical")
PERIODS = ("day", "week", "month")


class BadParameter(HTTPException):
    """A query parameter that cannot be used, with a message naming it."""

    def __init__(self, name: str, message: str):
        super().__init__(status_code=422, detail=f"{name}: {message}")


def text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def whole(value: str | None, name: str, low: int | None = None, high: int | None = None) -> int | None:
    value = text(value)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(name, f"must be a whole number, not {value!r}") from None
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise BadParameter(name, f"must be {bounds}, not {number}")
    return number


def day(value: str | None, name: str) -> str | None:
    value = text(value)
    if value is None:
        return None
    try:
        return parse_date(value, keep_time=False)
    except BadDate as exc:
        raise BadParameter(name, f"{exc}; use YYYY-MM-DD") from None


def choice(value: str | None, name: str, options: tuple[str, ...]) -> str | None:
    value = text(value)
    if value is not None and value not in options:
        raise BadParameter(name, f"must be one of {', '.join(options)}, not {value!r}")
    return value


def parse_country(value: str | None, name: str = "country") -> str | None:
    value = text(value)
    if value is None:
        return None
    if len(value) != 3 or not value.isalpha():
        raise BadParameter(name, f"must be an ISO-3 country code such as CHN, not {value!r}")
    return value.upper()


def cameo(value: str | None) -> str | None:
    value = text(value)
    if value is not None and not (value.isdigit() and len(value) <= 4):
        raise BadParameter("code", f"must be a CAMEO code or prefix of up to 4 digits (04, 0871), not {value!r}")
    return value


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    value = text(value)
    if value is None:
        return None
    parts = [p.strip() for p in value.split("-") if p.strip()]
    if len(parts) != 2:
        raise BadParameter("dyad", f"two sides joined by '-', such as CHN-USA, not {value!r}")
    return parts[0], parts[1]


# --- FastAPI dependencies: one per family of filters ------------------------------------------------------

@dataclass
class Page:
    limit: int
    offset: int


def page(limit: str | None = Query(None, description=f"Rows per page, 1-{MAX_LIMIT} (default {DEFAULT_LIMIT})."),
         offset: str | None = Query(None, description="Rows to skip (default 0).")) -> Page:
    return Page(limit=whole(limit, "limit", 1, MAX_LIMIT) or DEFAULT_LIMIT, offset=whole(offset, "offset", 0) or 0)


@dataclass
class EventQuery:
    dyad: tuple[str, str] | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    code: str | None = None
    quad: int | None = None
    status: str | None = None
    story: int | None = None

    def filters(self) -> dict[str, Any]:
        return asdict(self)

    def form(self) -> dict[str, str]:
        """The filters as form values (for links and the filter form)."""
        values = asdict(self)
        values["dyad"] = "-".join(self.dyad) if self.dyad else None
        return {k: str(v) for k, v in values.items() if v is not None}


def event_query(
    dyad: str | None = Query(None, description="Two sides, ISO-3 codes or actor names: CHN-USA."),
    actor: str | None = Query(None, description="Events with this actor or country on either side."),
    since: str | None = Query(None, description="From this date on (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Up to this date (YYYY-MM-DD)."),
    code: str | None = Query(None, description="CAMEO code or prefix: 04, 0871."),
    quad: str | None = Query(None, description="QuadClass 1-4."),
    status: str | None = Query(None, description="occurred, planned, negated or hypothetical."),
    story: str | None = Query(None, description="Only events of this story number."),
) -> EventQuery:
    return EventQuery(dyad=parse_dyad(dyad), actor=text(actor), since=day(since, "since"), until=day(until, "until"),
                      code=cameo(code), quad=whole(quad, "quad", 1, 4), status=choice(status, "status", STATUSES),
                      story=whole(story, "story", 1))


@dataclass
class QuoteQuery:
    speaker: str | None = None
    country: str | None = None
    search: str | None = None
    story: int | None = None
    since: str | None = None
    until: str | None = None

    def filters(self) -> dict[str, Any]:
        return asdict(self)

    def form(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items() if v is not None}


def quote_query(
    speaker: str | None = Query(None, description="Part of the speaker's name."),
    country: str | None = Query(None, description="The speaker's country (ISO-3)."),
    search: str | None = Query(None, description="Words the quotation contains."),
    story: str | None = Query(None, description="Only quotations of this story number."),
    since: str | None = Query(None, description="From this date on (YYYY-MM-DD)."),
    until: str | None = Query(None, description="Up to this date (YYYY-MM-DD)."),
) -> QuoteQuery:
    return QuoteQuery(speaker=text(speaker), country=parse_country(country), search=text(search),
                      story=whole(story, "story", 1), since=day(since, "since"), until=day(until, "until"))


@dataclass
class ActorQuery:
    search: str | None = None
    country: str | None = None

    def filters(self) -> dict[str, Any]:
        return asdict(self)

    def form(self) -> dict[str, str]:
        return {k: str(v) for k, v in asdict(self).items() if v is not None}


def actor_query(search: str | None = Query(None, description="Part of the actor's name."),
                country: str | None = Query(None, description="ISO-3 country.")) -> ActorQuery:
    return ActorQuery(search=text(search), country=parse_country(country))


@dataclass
class SeriesQuery:
    by: str = "month"
    since: str | None = None
    until: str | None = None


def series_query(by: str | None = Query(None, description="Period: day, week or month (default month)."),
                 since: str | None = Query(None, description="From this date on (YYYY-MM-DD)."),
                 until: str | None = Query(None, description="Up to this date (YYYY-MM-DD).")) -> SeriesQuery:
    return SeriesQuery(by=choice(by, "by", PERIODS) or "month", since=day(since, "since"), until=day(until, "until"))
