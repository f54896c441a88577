"""How precisely a date is known: the calendar period a TIMEX3 value names, as one of a few kinds.

An event dated "in 1999" or "in April" carries the first day of that period as its `date` (and the last
as `date_end`); its `date_precision` says the day itself is not known. The kinds, finest first, are
`day`, `week`, `month`, `year`, `decade` and `century`. Periods between two kinds take the coarser one,
so that a precision never claims more than the text said: a weekend is a `week`, a quarter, a half-year
or a season is a `year`; a time of day is a `day` (the date, not the hour, is what events carry).
"""

from __future__ import annotations

import re

PRECISIONS = ("day", "week", "month", "year", "decade", "century")  # finest first

_BY_VALUE = (  # TIMEX3 date values (TimeML conventions), tried in order
    (re.compile(r"\d{4}-\d{2}-\d{2}(T.*)?"), "day"),
    (re.compile(r"\d{4}-W\d{2}(-WE)?"), "week"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
    (re.compile(r"\d{4}(-(Q\d|H\d|SP|SU|FA|WI))?"), "year"),
    (re.compile(r"\d{3}"), "decade"),
    (re.compile(r"\d{2}"), "century"),
)


def precision_of(value: str) -> str | None:
    """The precision of a resolved TIMEX3 date value ("2012-12" is `month`, "2013-W11" `week`, "199"
    `decade`), or None for a value that names no calendar period ("PAST_REF", "XXXX-XX")."""
    for pattern, precision in _BY_VALUE:
        if pattern.fullmatch(value):
            return precision
    return None


def shown_date(date: str | None, date_end: str | None, precision: str | None) -> str:
    """A date as people read it, to its precision: "2025-10-30", "2025-04 (month)", "1999 (year)",
    "2025-03-03 (week)", "1990s (decade)"; a range of unknown precision as "first..last"."""
    if not date:
        return ""
    if precision in (None, "day"):
        return f"{date}..{date_end}" if date_end and date_end != date else date
    short = {"month": date[:7], "year": date[:4], "decade": date[:3] + "0s", "century": date[:2] + "00s"}
    return f"{short.get(precision, date)} ({precision})"
