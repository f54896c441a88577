"""Finds the dateline that opens a news body: "Beijing, October 27, 2025 —", "WASHINGTON (AP) -"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BadDate
from ..model import Dateline
from .dates import MONTHS, parse_date, parse_month_day

_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[.'’\-][^\W\d_]*)*\.?"
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,3}}"
_DATE = (
    r"(?P<date>(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))"
)
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s+(?P<region>{_PLACE}))?)"
    rf"(?:,?\s+{_DATE})?"
    r"(?:\s*\((?P<agency>[^)\n]{2,40})\))?"
    r"\s*(?P<dash>—|–|--|-)\s+"
)


@dataclass(frozen=True)
class FoundDateline:
    """A dateline found at the head of a body, where the body proper starts, and any warning about it."""

    dateline: Dateline
    end: int  # offset where the body proper starts
    warning: str | None = None


def find_dateline(text: str, year_hint: int | None = None) -> FoundDateline | None:
    """The dateline at the very start of `text`, or None. `year_hint` dates a dateline without a year."""
    m = _DATELINE.match(text)
    if not m:
        return None
    place = m.group("place")
    region = m.group("region")
    if region and region.split()[0].rstrip(".").lower() in MONTHS:
        return None  # "Beijing, October" without a day is not a dateline form accord knows
    if len(place) > 50:
        return None
    has_evidence = m.group("date") or m.group("agency") or place.isupper() or m.group("dash") != "-"
    if not has_evidence:
        return None  # "Some Name - ..." with a bare hyphen is too weak to call a dateline
    when, warning = None, None
    if m.group("iso"):
        try:
            when = parse_date(m.group("iso"), keep_time=False)
        except BadDate as exc:
            warning = f"dateline date unreadable: {exc}"
    elif m.group("month"):
        if m.group("month").lower() not in MONTHS:
            return None
        if m.group("year"):
            try:
                when = parse_date(f"{m.group('month')} {m.group('day')}, {m.group('year')}", keep_time=False)
            except BadDate as exc:
                warning = f"dateline date unreadable: {exc}"
        else:
            when = parse_month_day(m.group("month"), m.group("day"), year_hint)
            if when is None:
                warning = "dateline date has no year and the document gives none"
    return FoundDateline(Dateline(place=_display_place(place), date=when), m.end(), warning)


_LOWER_PARTICLES = frozenset("de da do dos das del della di du des la le les el al of the on upon am an".split())


def _display_place(place: str) -> str:
    """ "WASHINGTON" -> "Washington", "RIO DE JANEIRO" -> "Rio de Janeiro"; mixed case is kept as written."""
    parts = []
    for part in place.split(","):
        part = part.strip()
        if part.isupper():
            words = part.split()
            part = " ".join(
                w.lower() if n and w.lower() in _LOWER_PARTICLES else w.capitalize() for n, w in enumerate(words)
            )
        parts.append(part)
    return ", ".join(parts)
