"""The read side's filters, declared once: what each listing (events, quotes, actors, stories) can be
narrowed by, how a page of it is cut, and the checks that turn typed-in text into those values.

The store's queries, `accord.api.Database`, the CLI and the web all build these objects. A value that
cannot be used raises `BadFilter`, whose message names the field as the caller spelt it ("since" on the
web, "--since" on the command line)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any

from ..errors import BadFilter
from ..readers.dates import BadDate, parse_date


class Status(str, Enum):
    """An event's status, as the contract spells it. A historical event is one the text dates well
    before the report (history told as background): listings leave it out unless asked for."""

    occurred = "occurred"
    planned = "planned"
    negated = "negated"
    hypothetical = "hypothetical"
    historical = "historical"


STATUSES = tuple(status.value for status in Status)
# Events that did not happen ("had not consulted", "could impose sanctions"): series and the GDELT file,
# which cannot tell them from events that did, leave them out.
UNREALISED_STATUSES = frozenset({Status.negated.value, Status.hypothetical.value})
SINCE_HELP, UNTIL_HELP = "From this date on (YYYY-MM-DD).", "Up to this date (YYYY-MM-DD)."
STATUS_HELP = "occurred, planned, negated, hypothetical or historical (this one lists the historical events)."
HISTORICAL_HELP = "Also list historical events (history the text tells as background), left out by default."


# The largest and smallest whole numbers a database takes (SQL BIGINT, SQLite INTEGER; an OFFSET is one):
# a number past them cannot even be bound as a parameter, so every integer a user types is held within
# them. Store numbers (events, stories, documents) and counts are INTEGER columns, 32 bits on PostgreSQL:
# MAX_ID bounds them.
MAX_INTEGER, MIN_INTEGER = 2**63 - 1, -(2**63)
MAX_ID = 2**31 - 1


def is_country_code(side: str) -> bool:
    """The read side's rule for a side: three capital letters are an ISO-3 country code, else a name."""
    return len(side) == 3 and side.isalpha() and side.isupper()


# --- checks on typed-in values: empty means "no filter" ------------------------------------------------


def text(value: str | None) -> str | None:
    """The value without surrounding blanks and NUL characters (no stored text holds one, and PostgreSQL
    refuses them), or None when nothing is left."""
    value = (value or "").replace("\x00", "").strip()
    return value or None


def whole(value: str | None, name: str, low: int | None = None, high: int | None = None) -> int | None:
    """A whole number within `low`..`high` (either bound optional), and always within what a database
    stores (MIN_INTEGER..MAX_INTEGER)."""
    value = text(value)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadFilter(name, f"must be a whole number, not {value!r}") from None
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = f"from {low} to {high}" if high is not None else f"{low} or more"
        raise BadFilter(name, f"must be {bounds}, not {number}")
    if not MIN_INTEGER <= number <= MAX_INTEGER:
        raise BadFilter(name, f"must be from {MIN_INTEGER if low is None else low} to {MAX_INTEGER}, not {number}")
    return number


def store_number(ident: str) -> int | None:
    """`ident` as a store number (a row's key) when it is one: ASCII digits up to MAX_ID."""
    if ident.isascii() and ident.isdigit() and int(ident) <= MAX_ID:
        return int(ident)
    return None


def day(value: str | None, name: str) -> str | None:
    """A date as YYYY-MM-DD (any form `parse_date` reads)."""
    value = text(value)
    return None if value is None else iso_day(value, name)


def iso_day(value: str, name: str) -> str:
    """`value` as YYYY-MM-DD; blank is an error here, not "no filter"."""
    try:
        return parse_date(value, keep_time=False)
    except BadDate as exc:
        raise BadFilter(name, f"{exc}; use YYYY-MM-DD") from None


def choice(value: str | None, name: str, options: tuple[str, ...]) -> str | None:
    """One of `options`, spelt exactly."""
    value = text(value)
    if value is not None and value not in options:
        raise BadFilter(name, f"must be one of {', '.join(options)}, not {value!r}")
    return value


FLAG_VALUES = {"": False, "0": False, "false": False, "no": False, "off": False}
FLAG_VALUES |= {"1": True, "true": True, "yes": True, "on": True}


def flag(value: str | bool | None, name: str) -> bool:
    """A yes/no value: true, yes, on, 1 (a ticked checkbox sends "on") or false, no, off, 0; empty is no."""
    if isinstance(value, bool):
        return value
    word = (value or "").strip().lower()
    if word not in FLAG_VALUES:
        raise BadFilter(name, f"must be true or false, not {value!r}")
    return FLAG_VALUES[word]


def country_code(value: str | None, name: str = "country") -> str | None:
    """An ISO-3 country code, in capitals."""
    value = text(value)
    if value is None:
        return None
    if len(value) != 3 or not value.isalpha():
        raise BadFilter(name, f"must be an ISO-3 country code such as CHN, not {value!r}")
    return value.upper()


def cameo(value: str | None, name: str = "code") -> str | None:
    """A CAMEO code or a prefix of one."""
    value = text(value)
    if value is not None and not (value.isdigit() and len(value) <= 4):
        raise BadFilter(name, f"must be a CAMEO code or prefix of up to 4 digits (04, 0871), not {value!r}")
    return value


def parse_dyad(value: str | Sequence[str] | None, name: str = "dyad") -> tuple[str, str] | None:
    """Two sides, given as a pair or as text joined by '-' (or '/'): "CHN-USA". Blank text is an error:
    a form's empty field is turned into None before it gets here."""
    if value is None:
        return None
    if not isinstance(value, str):
        first, second = value
        return first, second
    parts = [p.strip() for p in value.replace("/", "-").split("-") if p.strip()]
    if len(parts) != 2:
        raise BadFilter(name, f"two sides joined by '-', such as CHN-USA, not {value!r}")
    return parts[0], parts[1]


# --- the filters ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One page of a listing: `limit` rows (all when None) after skipping `offset`."""

    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True)
class _Filter:
    """What every filter shares: its set values as text, for links and forms."""

    def as_form(self) -> dict[str, str]:
        """The fields that differ from their defaults, as form values (a pair joined by '-')."""
        form = {}
        for each in fields(self):
            value = getattr(self, each.name)
            if value != each.default:
                form[each.name] = "-".join(value) if isinstance(value, tuple) else str(value)
        return form


def _described(words: str) -> Any:
    """A filter field, empty by default, with the help the CLI and the API reference show for it."""
    return field(default=None, metadata={"help": words})


def help_for(cls: type[_Filter], name: str) -> str:
    """The help text of a filter's field."""
    return next(f.metadata["help"] for f in fields(cls) if f.name == name)


@dataclass(frozen=True)
class EventFilter(_Filter):
    """Which merged events to list. A side (dyad member, actor) is an ISO-3 country code or an actor's
    name; a dyad matches both directions unless `directed`, and may be given as text ("CHN-USA").

    Historical events (status historical: history the text tells as background, "In 1948 Stalin
    blockaded Berlin") are not the day's events, so every listing, series and export built on this
    filter leaves them out unless `historical` is set (all events) or `status` is "historical" (only
    them)."""

    dyad: tuple[str, str] | None = _described("Two sides, ISO-3 codes or actor names: CHN-USA.")
    actor: str | None = _described("Events with this actor or country on either side.")
    since: str | None = _described(SINCE_HELP)
    until: str | None = _described(UNTIL_HELP)
    code: str | None = _described("CAMEO code or prefix: 04, 0871.")
    quad: int | None = _described("QuadClass 1-4.")
    status: str | None = _described(STATUS_HELP)
    story: int | None = None
    directed: bool = False
    historical: bool = field(default=False, metadata={"help": HISTORICAL_HELP})

    def __post_init__(self) -> None:
        object.__setattr__(self, "dyad", parse_dyad(self.dyad))

    @classmethod
    def parse(
        cls,
        dyad: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        code: str | None = None,
        quad: str | None = None,
        status: str | None = None,
        story: str | None = None,
        historical: str | None = None,
    ) -> EventFilter:
        """The filter from typed-in text, each value checked."""
        return cls(
            dyad=parse_dyad(text(dyad)),
            actor=text(actor),
            since=day(since, "since"),
            until=day(until, "until"),
            code=cameo(code),
            quad=whole(quad, "quad", 1, 4),
            status=choice(status, "status", STATUSES),
            story=whole(story, "story", 1, MAX_ID),
            historical=flag(historical, "historical"),
        )


@dataclass(frozen=True)
class QuoteFilter(_Filter):
    """Which quotations to list: part of the speaker's name, the speaker's ISO-3 country, words in the
    quotation, a story, a document (store number), a date range."""

    speaker: str | None = _described("Part of the speaker's name.")
    country: str | None = _described("The speaker's country (ISO-3).")
    search: str | None = _described("Words the quotation contains.")
    story: int | None = None
    document: int | None = None
    since: str | None = _described(SINCE_HELP)
    until: str | None = _described(UNTIL_HELP)

    @classmethod
    def parse(
        cls,
        speaker: str | None = None,
        country: str | None = None,
        search: str | None = None,
        story: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> QuoteFilter:
        """The filter from typed-in text, each value checked."""
        return cls(
            speaker=text(speaker),
            country=country_code(country),
            search=text(search),
            story=whole(story, "story", 1, MAX_ID),
            since=day(since, "since"),
            until=day(until, "until"),
        )


@dataclass(frozen=True)
class ActorFilter(_Filter):
    """Which actors to list: part of the name, the ISO-3 country."""

    search: str | None = _described("Part of the actor's name.")
    country: str | None = _described("ISO-3 country.")

    @classmethod
    def parse(cls, search: str | None = None, country: str | None = None) -> ActorFilter:
        """The filter from typed-in text, each value checked."""
        return cls(search=text(search), country=country_code(country))


@dataclass(frozen=True)
class StoryFilter(_Filter):
    """Which stories to list: those with at least `min_documents` documents."""

    min_documents: int = 1

    @classmethod
    def parse(cls, min_documents: str | None = None) -> StoryFilter:
        """The filter from typed-in text, checked."""
        return cls(min_documents=whole(min_documents, "min_documents", 1, MAX_ID) or 1)
