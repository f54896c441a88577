"""Turning a parsed meaning into a TIMEX3 type, value and calendar period, given the anchor date, the
clause's tense and what the text has mentioned so far (`Discourse`, for "that day", "a year earlier",
"the quarter")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar as cal
from .calendar import Period
from .meaning import Anaphoric, AtTime, Calendar, Deictic, Duration, Meaning, Offset, Recurrence, VagueRef
from .tense import FUTURE, PAST, PRESENT

_DURATION_CODES = {
    "Y": "Y",
    "M": "M",
    "W": "W",
    "D": "D",
    "Q": "Q",
    "WE": "WE",
    "DE": "DE",
    "CE": "CE",
    "ML": "ML",
    "H": "H",
    "MIN": "M",
    "SEC": "S",
}
_CLOCK_UNITS = frozenset({"H", "MIN", "SEC"})
# How a fraction of a unit is written in the next smaller one ("a year and a half" -> P1Y6M).
_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("SEC", 60),
    "DE": ("Y", 10),
    "CE": ("Y", 100),
    "Q": ("M", 3),
}
_IN_YEARS = {"DE": 10, "CE": 100, "ML": 1000}
_UNKNOWN = {
    "D": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "HALF": "XXXX-HX",
    "S": "XXXX-XX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}
# How far a past-tense date may lie after the anchor (and a future one before it) and still be taken
# in the anchor's year: "was set for Nov. 20" or "payable Dec. 1" written on Oct. 27.
_TENSE_SLACK = {"D": timedelta(days=62), "M": timedelta(days=31)}
_NO_SLACK = timedelta(0)


@dataclass(frozen=True)
class Resolution:
    type: str  # DATE | TIME | DURATION | SET
    value: str
    period: Period | None  # the calendar stretch a DATE/TIME covers


@dataclass
class Discourse:
    """The dates the text has mentioned so far: anaphoric expressions count from these."""

    reference: Period | None = None
    quarter: Period | None = None

    def remember(self, meaning: Meaning, period: Period | None) -> None:
        """Dates the text names itself become the reference; dates counted from the reference
        ("a year earlier", "the year-ago quarter") do not move it."""
        if period is None or _counts_from_reference(meaning):
            return
        self.reference = period
        if period.unit == "Q" and not isinstance(meaning, Offset):
            self.quarter = period


def _counts_from_reference(meaning: Meaning) -> bool:
    if isinstance(meaning, AtTime):
        return meaning.date is None or _counts_from_reference(meaning.date)
    if isinstance(meaning, Anaphoric):
        return meaning.offset != 0
    return isinstance(meaning, Offset) and meaning.from_reference


def resolve(
    meaning: Meaning, anchor: date | None, tense: str, discourse: Discourse, preposition: str = ""
) -> Resolution | None:
    """The TIMEX3 reading of one expression, or None when it names no possible date. `preposition` is
    the word before the expression: "(will happen) in two years" is a date, not a duration."""
    if (
        isinstance(meaning, Duration)
        and preposition == "in"
        and tense == FUTURE
        and meaning.amount
        and meaning.unit in ("Y", "M", "W", "D", "DE")
    ):
        meaning = Offset(meaning.amount, meaning.unit, 1, False)
    if isinstance(meaning, Duration):
        return Resolution("DURATION", duration_value(meaning.amount, meaning.unit), None)
    if isinstance(meaning, VagueRef):
        return Resolution("DATE", meaning.value, None)
    if isinstance(meaning, Recurrence):
        suffix = f"T{meaning.part_of_day}" if meaning.part_of_day else ""
        return Resolution("SET", meaning.value + suffix, None)
    if isinstance(meaning, AtTime):
        return _at_time(meaning, anchor, tense, discourse)
    try:
        found = _date(meaning, anchor, tense, discourse)
    except (ValueError, OverflowError):
        return None
    if found is None:
        return None
    if isinstance(found, str):
        return Resolution("DATE", found, None)
    return Resolution("DATE", found.value, found)


# ---- durations -----------------------------------------------------------------------------------
def duration_value(amount: float | None, unit: str) -> str:
    """ "P2D", "PT1M30S", "P10Y" (a decade), "PXY" (amount unknown), "P1D" (24 hours)."""
    if amount is None:
        code = _DURATION_CODES[unit]
        return f"PTX{code}" if unit in _CLOCK_UNITS else f"PX{code}"
    if unit == "H" and amount == 24:  # "the last twenty four hours": a day
        amount, unit = 1, "D"
    if unit in _IN_YEARS:
        amount, unit = amount * _IN_YEARS[unit], "Y"
    whole = int(amount)
    parts: list[tuple[float, str]] = []
    if whole:
        parts.append((whole, unit))
    fraction = amount - whole
    if fraction:
        smaller = _SMALLER.get(unit)
        if smaller and float(fraction * smaller[1]).is_integer():
            parts.append((fraction * smaller[1], smaller[0]))
        else:
            parts = [(round(amount, 2), unit)]
    if not parts:
        parts = [(0, unit)]
    date_part = "".join(f"{_number(n)}{_DURATION_CODES[u]}" for n, u in parts if u not in _CLOCK_UNITS)
    time_part = "".join(f"{_number(n)}{_DURATION_CODES[u]}" for n, u in parts if u in _CLOCK_UNITS)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# ---- dates ----------------------------------------------------------------------------------------
def _date(meaning: Meaning, anchor: date | None, tense: str, discourse: Discourse) -> Period | str | None:
    if isinstance(meaning, Calendar):
        return _calendar(meaning, anchor, tense)
    if isinstance(meaning, Deictic):
        return _deictic(meaning, anchor, tense)
    if isinstance(meaning, Anaphoric):
        return _anaphoric(meaning, anchor, tense, discourse)
    if isinstance(meaning, Offset):
        return _offset(meaning, anchor, discourse)
    return None


def _calendar(meaning: Calendar, anchor: date | None, tense: str) -> Period | str | None:
    if meaning.decade is not None:
        return cal.decade(meaning.decade)
    if meaning.century is not None:
        return cal.century(meaning.century)
    if (
        meaning.month is None
        and meaning.quarter is None
        and meaning.half is None
        and meaning.season is None
        and meaning.holiday is None
    ):
        if meaning.year is not None:
            return cal.year(meaning.year)
        if meaning.weekday is not None:
            return _weekday(meaning.weekday, meaning.shift, anchor, tense)
        return None
    if meaning.year is not None:
        return _build(meaning, meaning.year)
    if anchor is None:
        return _unknown_year(meaning)
    if meaning.year_shift or meaning.shift == 0:
        base = anchor.year + meaning.year_shift
        if meaning.season == "WI" and anchor.month <= 2 and not meaning.year_shift:
            base -= 1
        return _build(meaning, base)
    options = [p for p in (_build(meaning, anchor.year + k) for k in (-1, 0, 1)) if p is not None]
    if meaning.weekday is not None:
        matching = [p for p in options if p.unit == "D" and p.start.isoweekday() == meaning.weekday]
        options = matching or options
    return _pick(options, anchor, meaning.shift, tense)


def _build(meaning: Calendar, year: int) -> Period | None:
    try:
        if meaning.month is not None and meaning.day is not None:
            return cal.day(date(year, meaning.month, meaning.day))
        if meaning.month is not None:
            return cal.month(year, meaning.month)
        if meaning.quarter is not None:
            return cal.quarter(year, meaning.quarter)
        if meaning.half is not None:
            return cal.half(year, meaning.half)
        if meaning.season is not None:
            return cal.season(year, meaning.season)
        if meaning.holiday is not None:
            found = cal.holiday(year, meaning.holiday)
            return cal.day(found) if found else None
    except ValueError:
        return None
    return cal.year(year)


def _unknown_year(meaning: Calendar) -> str | None:
    if meaning.month is not None and meaning.day is not None:
        return f"XXXX-{meaning.month:02d}-{meaning.day:02d}"
    if meaning.month is not None:
        return f"XXXX-{meaning.month:02d}"
    if meaning.quarter is not None:
        return f"XXXX-Q{meaning.quarter}"
    if meaning.half is not None:
        return f"XXXX-H{meaning.half}"
    if meaning.season is not None:
        return f"XXXX-{meaning.season}"
    if meaning.holiday is not None:
        parts = meaning.holiday.split("-")
        return f"XXXX-{parts[0]}-{parts[1]}" if len(parts) == 2 else "XXXX-XX-XX"
    return None


def _pick(options: list[Period], anchor: date, shift: int | None, tense: str) -> Period | None:
    """Choose the occurrence of a yearly period: by "last"/"next", else by tense (past: the latest
    that has begun, future: the earliest that has not ended, present: the nearest)."""
    if not options:
        return None
    if shift == -1:
        before = [p for p in options if p.end < anchor]
        return before[-1] if before else None
    if shift == 1:
        after = [p for p in options if p.start > anchor]
        return after[0] if after else None
    unit = options[0].unit
    slack = _TENSE_SLACK.get(unit, _NO_SLACK)
    if unit in ("Q", "HALF") and tense == FUTURE:  # "expects to report third-quarter results": the latest one
        tense = PRESENT
    if tense == PAST:
        begun = [p for p in options if p.start <= anchor + slack]
        return begun[-1] if begun else options[0]
    if tense == FUTURE:
        ahead = [p for p in options if p.end >= anchor - slack]
        return ahead[0] if ahead else options[-1]
    return min(options, key=lambda p: _distance(p, anchor))


def _distance(period: Period, anchor: date) -> int:
    if period.start <= anchor <= period.end:
        return 0
    return min(abs((period.start - anchor).days), abs((period.end - anchor).days))


def _weekday(weekday: int, shift: int | None, anchor: date | None, tense: str) -> Period | str:
    """ "Monday": the latest Monday on or before the anchor in a past-tense clause, the next on or
    after it otherwise; "last Monday"/"next Monday" exclude the anchor day; "this Monday" is in the
    anchor's week."""
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    today = anchor.isoweekday()
    back = (today - weekday) % 7
    ahead = (weekday - today) % 7
    if shift == -1:
        return cal.day(anchor - timedelta(days=back or 7))
    if shift == 1:
        return cal.day(anchor + timedelta(days=ahead or 7))
    if shift == 0:
        return cal.day(anchor + timedelta(days=weekday - today))
    if tense == FUTURE:
        return cal.day(anchor + timedelta(days=ahead))
    return cal.day(anchor - timedelta(days=back))


def _deictic(meaning: Deictic, anchor: date | None, tense: str) -> Period | str | None:
    unit = meaning.unit
    if unit in ("MIN", "SEC", "H", "ML"):
        return None
    if anchor is None:
        return _UNKNOWN.get(unit)
    current = cal.containing(unit, anchor)
    if meaning.offset is None:  # "the weekend": the nearest one in the clause's direction
        if tense == PAST and anchor < current.start:
            return cal.shift(current, -1)
        return current
    return cal.shift(current, meaning.offset)


def _anaphoric(meaning: Anaphoric, anchor: date | None, tense: str, discourse: Discourse) -> Period | str | None:
    unit = meaning.unit
    if unit == "Q" and meaning.year is not None:
        if discourse.quarter is None:
            return cal.year(meaning.year)
        return cal.quarter(meaning.year, (discourse.quarter.start.month - 1) // 3 + 1)
    if unit == "Q":
        base = discourse.quarter
        if base is None:
            if anchor is None:
                return _UNKNOWN["Q"]
            base = cal.containing("Q", anchor)
            if tense == PAST:
                base = cal.shift(base, -1)
        return cal.shift(base, meaning.offset)
    reference = discourse.reference
    if reference is not None and _finer_or_equal(reference.unit, unit):
        return cal.shift(cal.containing(unit, reference.start), meaning.offset)
    if anchor is None:
        return _UNKNOWN.get(unit)
    return cal.shift(cal.containing(unit, anchor), meaning.offset)


def _finer_or_equal(have: str, want: str) -> bool:
    order = cal.UNIT_ORDER
    if have not in order or want not in order:
        return False
    if want in ("W", "WE") and have not in ("D", "W", "WE"):
        return False
    return order.index(have) <= order.index(want)


def _offset(meaning: Offset, anchor: date | None, discourse: Discourse) -> Period | str | None:
    """ "two days ago" (from the anchor, at the unit's granularity); "a year earlier" (from the last
    date mentioned, at that date's granularity); a year back from a quarter under discussion is the
    same quarter a year before."""
    if meaning.amount is None:
        return "PAST_REF" if meaning.direction < 0 else "FUTURE_REF"
    amount = meaning.amount * meaning.direction
    reference = discourse.reference
    if (
        meaning.unit == "Y"
        and discourse.quarter is not None
        and meaning.amount == 1
        and (meaning.from_reference or reference is discourse.quarter)
    ):
        return cal.shift(discourse.quarter, int(4 * amount))
    if meaning.from_reference and reference is not None and reference.unit not in ("DE", "CE"):
        if _finer_or_equal(reference.unit, _granularity(meaning.unit)):
            return cal.containing(reference.unit, _move(reference.start, amount, meaning.unit))
        return cal.containing(_granularity(meaning.unit), _move(reference.start, amount, meaning.unit))
    if anchor is None:
        return _UNKNOWN.get(_granularity(meaning.unit))
    return cal.containing(_granularity(meaning.unit), _move(anchor, amount, meaning.unit))


def _granularity(unit: str) -> str:
    """The calendar unit an offset in `unit` resolves to ("a decade ago" is a year, "two hours ago" a day)."""
    if unit in ("DE", "CE", "ML"):
        return "Y"
    if unit in _CLOCK_UNITS:
        return "D"
    if unit == "WE":
        return "W"
    return unit


def _move(day: date, amount: float, unit: str) -> date:
    """`day` moved by `amount` units (negative: back)."""
    if unit in ("Y", "DE", "CE", "ML"):
        months = round(amount * 12 * _IN_YEARS.get(unit, 1))
    elif unit in ("M", "Q", "HALF"):
        months = round(amount * {"M": 1, "Q": 3, "HALF": 6}[unit])
    else:
        days = amount * {"W": 7, "WE": 7, "D": 1, "H": 1 / 24, "MIN": 1 / 1440, "SEC": 1 / 86400}[unit]
        return day + timedelta(days=int(days))
    y, m = cal.add_months(day.year, day.month, months)
    last = cal.month(y, m).end.day
    return date(y, m, min(day.day, last))


# ---- times of day ----------------------------------------------------------------------------------
def _at_time(meaning: AtTime, anchor: date | None, tense: str, discourse: Discourse) -> Resolution | None:
    suffix = meaning.clock or meaning.part_of_day or ""
    if meaning.date is None:
        reference = discourse.reference
        if reference is not None and reference.unit == "D":
            base: Period | str | None = reference
        elif anchor is not None:
            base = cal.day(anchor)
        else:
            base = _UNKNOWN["D"]
    else:
        try:
            base = _date(meaning.date, anchor, tense, discourse)
        except (ValueError, OverflowError):
            return None
    if base is None:
        return None
    if meaning.week:
        if isinstance(base, str):
            return Resolution("DATE", _UNKNOWN[meaning.week], None)
        widened = cal.containing(meaning.week, base.start)
        return Resolution("DATE", widened.value, widened)
    if isinstance(base, str):
        value = base + (f"T{suffix}" if base.endswith(("XX", "-1", "-2", "-3", "-4", "-5", "-6", "-7")) else "")
        return Resolution("TIME", value, None)
    if base.unit != "D":
        return Resolution("DATE", base.value, base)
    return Resolution("TIME", f"{base.value}T{suffix}", base)
