"""What a time expression says, before it is tied to a date: the grammar builds these and the
resolver turns them into TIMEX3 values. Units are the codes of the word file (Y, Q, M, W, D, H, MIN,
SEC, DE, CE, ML, WE, HALF) plus S for a season."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Calendar:
    """Calendar fields named in the text ("Oct. 30", "the third quarter", "last April", "Friday").

    A missing year is found from the anchor: by `shift` (-1 last, 0 this, +1 next) when the text
    gives one, otherwise by the clause's tense.
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 1 Monday .. 7 Sunday
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    holiday: str | None = None
    decade: int | None = None  # 199 for the 1990s
    century: int | None = None  # 19 for the 1900s
    shift: int | None = None
    year_shift: int = 0  # "next year's first quarter": the year is the anchor's year moved by this much


@dataclass(frozen=True)
class Deictic:
    """A unit counted from the anchor: "yesterday" (D, -1), "this week" (W, 0), "next year" (Y, 1);
    offset None is the nearest one before or after the anchor by tense ("the weekend")."""

    unit: str
    offset: int | None


@dataclass(frozen=True)
class Anaphoric:
    """A unit counted from the last date the text mentioned: "that day", "the following week",
    "the year-earlier quarter" (Q, -4), "the quarter"."""

    unit: str
    offset: int = 0
    year: int | None = None  # "the 1988 period": that period of the given year


@dataclass(frozen=True)
class Offset:
    """An amount of time before or after a point: "two days ago" (from the anchor), "a year earlier"
    (from the last mentioned date). `amount` None is a vague amount ("years ago")."""

    amount: float | None
    unit: str
    direction: int  # -1 before, +1 after
    from_reference: bool


DayMeaning = Calendar | Deictic | Anaphoric | Offset  # what a day phrase can mean


@dataclass(frozen=True)
class Duration:
    """A length of time: "two days" (2, D), "a minute and a half" (1.5, MIN); amount None is vague."""

    amount: float | None
    unit: str


@dataclass(frozen=True)
class VagueRef:
    """PRESENT_REF, PAST_REF or FUTURE_REF."""

    value: str


@dataclass(frozen=True)
class Recurrence:
    """A SET: `value` is final ("P1D", "XXXX-WXX-1", "XXXX-SU"), `part_of_day` is appended."""

    value: str
    part_of_day: str | None = None


@dataclass(frozen=True)
class AtTime:
    """A date meaning (or None: the day the text is about) with a part of day or a clock time, or
    widened to its week."""

    date: DayMeaning | None
    part_of_day: str | None = None  # MO, MI, AF, EV, NI, DT
    clock: str | None = None  # HH:MM
    week: str | None = None  # W or WE: the week or weekend around the date ("the week of March 6")


Meaning = Calendar | Deictic | Anaphoric | Offset | Duration | VagueRef | Recurrence | AtTime
