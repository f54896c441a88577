"""Calendar periods (a day, an ISO week, a weekend, a month, a quarter, a half-year, a season, a year,
a decade, a century) with their TIMEX3 value and first and last day, and the arithmetic the resolver
needs: the period of a unit containing a day, shifting a period, and movable holidays."""

from __future__ import annotations

import calendar as _stdlib_calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

SEASONS = ("SP", "SU", "FA", "WI")  # spring Mar-May, summer Jun-Aug, fall Sep-Nov, winter Dec-Feb
_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
UNIT_ORDER = ("D", "WE", "W", "M", "S", "Q", "HALF", "Y", "DE", "CE")  # finest first


@dataclass(frozen=True)
class Period:
    """A stretch of the calendar at one granularity (`unit`, the word file's codes plus S for a season),
    e.g. Period("M", 1998-01-01, 1998-01-31, "1998-01")."""

    unit: str
    start: date
    end: date
    value: str

    @property
    def range(self) -> list[str]:
        return [self.start.isoformat(), self.end.isoformat()]


def day(d: date) -> Period:
    return Period("D", d, d, d.isoformat())


def week(d: date) -> Period:
    """The ISO week (Monday to Sunday) containing `d`."""
    monday = d - timedelta(days=d.weekday())
    iso = monday.isocalendar()
    return Period("W", monday, monday + timedelta(days=6), f"{iso[0]}-W{iso[1]:02d}")


def weekend(d: date) -> Period:
    """Saturday and Sunday of the ISO week containing `d`."""
    wk = week(d)
    return Period("WE", wk.start + timedelta(days=5), wk.end, wk.value + "-WE")


def month(year: int, number: int) -> Period:
    last = _stdlib_calendar.monthrange(year, number)[1]
    return Period("M", date(year, number, 1), date(year, number, last), f"{year:04d}-{number:02d}")


def quarter(year: int, number: int) -> Period:
    first = 3 * (number - 1) + 1
    return Period("Q", date(year, first, 1), month(year, first + 2).end, f"{year:04d}-Q{number}")


def half(year: int, number: int) -> Period:
    first = 6 * (number - 1) + 1
    return Period("HALF", date(year, first, 1), month(year, first + 5).end, f"{year:04d}-H{number}")


def season(year: int, code: str) -> Period:
    """A season of `year`; winter runs from that year's December into the next February."""
    first = _SEASON_START_MONTH[code]
    if code == "WI":
        end = month(year + 1, 2).end
    else:
        end = month(year, first + 2).end
    return Period("S", date(year, first, 1), end, f"{year:04d}-{code}")


def year(number: int) -> Period:
    return Period("Y", date(number, 1, 1), date(number, 12, 31), f"{number:04d}")


def decade(number: int) -> Period:
    """`number` is the year divided by ten: 199 is the 1990s."""
    return Period("DE", date(max(number * 10, 1), 1, 1), date(number * 10 + 9, 12, 31), f"{number:03d}")


def century(number: int) -> Period:
    """`number` is the year divided by a hundred: 19 is the 1900s (TIMEX3 convention)."""
    return Period("CE", date(max(number * 100, 1), 1, 1), date(number * 100 + 99, 12, 31), f"{number:02d}")


def add_months(year_number: int, month_number: int, count: int) -> tuple[int, int]:
    total = year_number * 12 + (month_number - 1) + count
    return total // 12, total % 12 + 1


def containing(unit: str, d: date) -> Period:
    """The period of `unit` that contains day `d`."""
    if unit == "D":
        return day(d)
    if unit == "W":
        return week(d)
    if unit == "WE":
        return weekend(d)
    if unit == "M":
        return month(d.year, d.month)
    if unit == "Q":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "HALF":
        return half(d.year, 1 if d.month <= 6 else 2)
    if unit == "S":
        if d.month <= 2:
            return season(d.year - 1, "WI")
        return season(d.year, SEASONS[(d.month - 3) // 3])
    if unit == "Y":
        return year(d.year)
    if unit == "DE":
        return decade(d.year // 10)
    if unit == "CE":
        return century(d.year // 100)
    raise ValueError(f"unknown calendar unit {unit!r}")


def shift(period: Period, count: int) -> Period:
    """The period `count` units after (negative: before) `period`, at the same granularity."""
    if count == 0:
        return period
    unit, start = period.unit, period.start
    if unit == "D":
        return day(start + timedelta(days=count))
    if unit in ("W", "WE"):
        return containing(unit, start + timedelta(days=7 * count))
    if unit in ("M", "Q", "HALF", "S"):
        months = {"M": 1, "Q": 3, "HALF": 6, "S": 3}[unit] * count
        y, m = add_months(start.year, start.month, months)
        return containing(unit, date(y, m, 1))
    if unit == "Y":
        return year(start.year + count)
    if unit == "DE":
        return decade(start.year // 10 + count)
    if unit == "CE":
        return century(start.year // 100 + count)
    raise ValueError(f"unknown calendar unit {unit!r}")


def holiday(year_number: int, rule: str) -> date | None:
    """The day a holiday rule names in a year: "12-25", "11-W4-4" (4th Thursday of November),
    "05-WL-1" (last Monday of May) or "EASTER"."""
    if rule == "EASTER":
        return easter(year_number)
    parts = rule.split("-")
    month_number = int(parts[0])
    if len(parts) == 2:
        return date(year_number, month_number, int(parts[1]))
    which, weekday = parts[1][1:], int(parts[2])
    first = date(year_number, month_number, 1)
    first_match = first + timedelta(days=(weekday - 1 - first.weekday()) % 7)
    if which == "L":
        last = month(year_number, month_number).end
        return last - timedelta(days=(last.weekday() - (weekday - 1)) % 7)
    found = first_match + timedelta(days=7 * (int(which) - 1))
    return found if found.month == month_number else None
