"""Reading clock times: "10:35 a.m.", "9 a.m. EDT", "4 in the morning", "noon", "7 o'clock"."""

from __future__ import annotations

import re

from .stream import WordStream

_CLOCK = re.compile(r"^(\d{1,2})(?::|\.)(\d\d)$")
_COMPACT_CLOCK = re.compile(r"^(\d{1,2})(?::(\d\d))?(a\.?m\.?|p\.?m\.?)$")


class ClockRules(WordStream):
    """The clock-time rule; the grammar attaches a following date ("9 a.m. Tuesday")."""

    def clock(self, i: int) -> tuple[int, str] | None:
        """A clock time as (end, "HH:MM"): "10:35 a.m.", "9 a.m. EDT", "4 in the morning", "noon",
        "7 o'clock", "14:30" (a bare "14:30" only where spaCy sees a time or after "at")."""
        named = self.kind(i, "clock")
        if named:
            title = self.capital(i) and self.at(i - 1) not in ("", ".", "``", '"', "\n")
            return None if title else (i + 1, named)  # "High Noon" is a title
        word = self.at(i)
        compact = _COMPACT_CLOCK.match(word)  # "9am", "10:30p.m."
        if compact:
            hour = _twelve_hour(int(compact.group(1)), "PM" if compact.group(3).startswith("p") else "AM")
            return self._zone(i + 1, hour, int(compact.group(2) or 0))
        written = _CLOCK.match(word)
        if written and "." in word and not self.phrase(i + 1, "meridiem"):
            return None  # "5.5" is a number
        if written:
            hour, minute = int(written.group(1)), int(written.group(2))
        elif word.isdigit() and len(word) <= 2:
            hour, minute = int(word), 0
        elif self.kind(i, "number") and word not in ("a", "an", "half", "couple", "dozen"):
            hour, minute = int(float(self.kind(i, "number") or 0)), 0
        else:
            return None
        j = i + 1
        meridiem = self.phrase(j, "meridiem")
        pod = self.kind(j + 2, "part_of_day") if self.at(j) == "in" and self.at(j + 1) == "the" else None
        if meridiem:
            j, hour = meridiem[0], _twelve_hour(hour, meridiem[1])
        elif self.at(j) in ("o'clock", "oclock"):
            j += 1
        elif pod:  # "4 in the morning", "8 in the evening"
            j, hour = j + 3, _twelve_hour(hour, "PM" if pod in ("AF", "EV", "NI") and hour < 12 else "AM")
        elif not written or not (self.ent[i] == "TIME" or self.at(i - 1) in ("at", "by", "until", "around", "about")):
            return None
        return self._zone(j, hour, minute)

    def _zone(self, j: int, hour: int, minute: int) -> tuple[int, str] | None:
        """The clock value, taking in a following time zone ("EDT"); None for an impossible time."""
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        end = j + 1 if self.kind(j, "timezone") else j
        return end, f"{hour:02d}:{minute:02d}"


def _twelve_hour(hour: int, meridiem: str) -> int:
    if meridiem == "PM" and hour < 12:
        return hour + 12
    if meridiem == "AM" and hour == 12:
        return 0
    return hour
