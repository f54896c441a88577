"""Strict parsing of the dates found in article metadata ("Published on October 27, 2025").

Metadata dates are exact strings, not prose: a value that is not a real calendar date ("Octember 45")
is refused with a reason rather than guessed, so the reader can keep the document and warn.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import BadDate

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+"
MONTH_WORD = r"(?P<month>[A-Za-z]+)\.?"
TIME = r"(?:,?\s+(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?"

_PATTERNS = [
    # 2025-10-27, 2025-10-27T10:00:00, 2025-10-27 10:00:00+00:00
    re.compile(
        r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"
        r"(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
    ),
    # October 27, 2025 / Fri, Dec 26 2025 01:46:38 am
    re.compile(rf"^(?:{WEEKDAY})?{MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){TIME}$", re.I),
    # 27 October 2025 / Monday, 27 October 2025 10:00
    re.compile(rf"^(?:{WEEKDAY})?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_WORD},?\s+(?P<year>\d{{4}}){TIME}$", re.I),
    # 10/27/2025 is ambiguous; only ISO-like slashes are accepted: 2025/10/27
    re.compile(r"^(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})$"),
]


def parse_date(value: str, *, keep_time: bool = True) -> str:
    """Return an ISO string ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS") for `value`, or raise BadDate."""
    raw = " ".join(value.strip().split())
    if not raw:
        raise BadDate("the date is empty")
    for pattern in _PATTERNS:
        m = pattern.match(raw)
        if m:
            return _build(m, keep_time)
    try:  # RFC 2822, as in RSS: "Mon, 27 Oct 2025 10:00:00 +0000"
        dt = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        dt = None
    if dt is not None:
        return dt.strftime("%Y-%m-%dT%H:%M:%S") if keep_time else dt.strftime("%Y-%m-%d")
    raise BadDate(f"{raw!r} is not a date accord can read")


def _build(m: re.Match, keep_time: bool) -> str:
    groups = m.groupdict()
    if groups.get("month") is not None:
        month = MONTHS.get(groups["month"].lower())
        if month is None:
            raise BadDate(f"{groups['month']!r} is not a month name")
    else:
        month = int(groups["mnum"])
    year, day = int(groups["year"]), int(groups["day"])
    try:
        day_value = date(year, month, day)
    except ValueError as exc:
        raise BadDate(f"{year:04d}-{month:02d}-{day:02d} is not a calendar date ({exc})") from None
    if not keep_time or groups.get("h") is None:
        return day_value.isoformat()
    hour, minute, second = int(groups["h"]), int(groups["mi"]), int(groups.get("s") or 0)
    ampm = (groups.get("ampm") or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise BadDate(f"{hour} is not an hour on a 12-hour clock")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        return datetime(year, month, day, hour, minute, second).isoformat()
    except ValueError as exc:
        raise BadDate(f"{m.group(0)!r} has an impossible time ({exc})") from None


def parse_month_day(month_word: str, day: str, year: int | None) -> str | None:
    """A dateline's "Oct 27" with the year taken from elsewhere; None when it cannot be a date."""
    month = MONTHS.get(month_word.rstrip(".").lower())
    if month is None or year is None:
        return None
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return None
