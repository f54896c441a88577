"""Grammar rules for dates named relative to the anchor or to the text ("yesterday", "last week",
"this year's third quarter", "the following day", "the year-ago quarter", "the morning") and for vague
references ("now", "recently", "the future")."""

from __future__ import annotations

from typing import cast

from .dates import DateRules
from .meaning import Anaphoric, AtTime, Calendar, DayMeaning, Deictic, Duration, Offset, VagueRef
from .numbers import read_number
from .stream import Parse

_DEICTIC_SHIFTS = frozenset({"last", "this", "next", "past", "coming", "current", "present", "latest"})
_ANAPHORIC_SHIFTS = {"previous": -1, "preceding": -1, "prior": -1, "following": 1, "same": 0, "that": 0, "next": 1}
_ANAPHORIC_UNITS = frozenset({"D", "W", "M", "Y", "Q", "WE"})
# After "the", these count from the date last mentioned: "the next day", "the previous week".
_TEXT_SHIFTS = frozenset({"next", "following", "previous", "preceding", "same", "prior"})


class DeixisRules(DateRules):
    """Rules for dates counted from the anchor or from the last date mentioned."""

    def day_word(self, i: int) -> Parse | None:
        """ "today", "yesterday", "tomorrow", "tonight", "last night", "this morning"."""
        found = self.phrase(i, "day_offset")
        if not found:
            return None
        end, value = found
        if self.w[i] == "today" and self.at(end - 1) == "'s" and self._generic_noun_after(end):
            return end, VagueRef("PRESENT_REF")
        offset, _, pod = value.partition("+")
        meaning = Deictic("D", int(offset))
        if pod:
            return end, AtTime(meaning, part_of_day=pod)
        return self._with_part_of_day(end, meaning)

    def _generic_noun_after(self, i: int) -> bool:
        """ "today's youth", "today's fast-moving world": the present in general, not this day."""
        for k in range(i, min(i + 4, self.n)):
            if self.kind(k, "generic"):
                return True
            if self.tag[k].startswith("NN") and self.at(k + 1) not in ("-",):
                return False
        return False

    def shifted(self, i: int) -> Parse | None:
        """ "last week", "this year", "next month", "the past year", "last April", "this summer",
        "next Monday", "this evening", "this year's third quarter", "the following day"."""
        the = self.at(i) == "the"
        j = i + 1 if the else i
        word = self.at(j)
        if word == "this" and self.at(j + 1) == "past":
            j, word = j + 1, "past"
        deictic = self.kind(j, "shift")
        anaphoric = _ANAPHORIC_SHIFTS.get(word)
        if deictic is None and anaphoric is None:
            return None
        shift = int(deictic) if deictic is not None else 0
        k = self.skip(j + 1, "fiscal", "calendar")
        found = self._shifted_unit(k, word, shift, anaphoric, the, deictic is not None)
        if found is not None:
            return found
        if deictic is None and word != "that":
            return None
        return self._shifted_name(k, word, None if word == "that" else shift, anaphoric, the)

    def _shifted_unit(
        self, k: int, word: str, shift: int, anaphoric: int | None, the: bool, deictic: bool
    ) -> Parse | None:
        """A unit after the shift word: "last week", "the following day", "the latest quarter"."""
        unit = self.unit(k)
        if unit == "Y" and self.at(k + 1) == "'s":  # "this year's third quarter"
            ordinal = self.kind(k + 2, "ordinal")
            if ordinal and self.unit(k + 3) in ("Q", "HALF"):
                quarter, half = (int(ordinal), None) if self.unit(k + 3) == "Q" else (None, int(ordinal))
                return k + 4, Calendar(quarter=quarter, half=half, year_shift=shift)
        if self.kind(k, "period"):
            if word == "latest":
                return k + 1, Deictic("Q", -1)  # the last quarter reported
            if word in ("same", "previous"):
                return k + 1, Anaphoric("Q", 0 if word == "same" else -1)
        singular = unit is not None and not self.w[k].endswith("s") or self.w[k] == "century"
        if unit is None or not singular or unit in ("HALF", "MIN", "SEC", "H"):
            return None
        if unit in _ANAPHORIC_UNITS and (word == "that" or the and word in _TEXT_SHIFTS):
            return self._with_part_of_day(k + 1, Anaphoric(unit, anaphoric if anaphoric is not None else shift))
        if word == "latest" and unit not in ("Q", "Y"):
            return None
        if word in _DEICTIC_SHIFTS or deictic:
            if word == "latest":  # the last quarter or year completed
                return k + 1, Deictic(unit, -1)
            if unit == "D" and word != "this":  # "last day" is not yesterday
                return None
            return self._with_part_of_day(k + 1, Deictic(unit, shift))
        return None

    def _shifted_name(self, k: int, word: str, shift: int | None, anaphoric: int | None, the: bool) -> Parse | None:
        """A named day or period after the shift word: "last Tuesday", "last Oct. 23", "this summer",
        "last Thanksgiving", "this evening", "the next morning"."""
        pod = self.kind(k, "part_of_day")
        if word in ("past", "current", "present", "latest", "same", "prior", "preceding", "previous") and not pod:
            if word != "past" or self.kind(k, "season") is None:
                return None
        weekday = self.kind(k, "weekday")
        if weekday and self.capital(k) and len(self.w[k]) > 4:
            return self._with_part_of_day(k + 1, Calendar(weekday=int(weekday), shift=shift))
        month = self.kind(k, "month")
        if month and self.capital(k) and self._month_word_is_month(k):
            end, dated = self._month_first(k, int(month), None)
            if isinstance(dated, Calendar) and dated.year is None:
                return end, Calendar(month=dated.month, day=dated.day, shift=shift)
            return k + 1, Calendar(month=int(month), shift=shift)
        season = self.kind(k, "season")
        if season:
            return k + 1, Calendar(season=season, shift=shift)
        holiday = self.phrase(k, "holiday")
        if holiday:
            return holiday[0], Calendar(holiday=holiday[1], shift=shift)
        if pod and word == "this":
            return k + 1, AtTime(Deictic("D", 0), part_of_day=pod)
        if pod and anaphoric is not None and (the or word == "that"):  # "that night", "the next morning"
            return k + 1, AtTime(Anaphoric("D", anaphoric), part_of_day=pod)
        return None

    def referential(self, i: int) -> Parse | None:
        """ "the weekend", "the week", "the year", "the day", "the same day" (what the text is about)."""
        if self.at(i) != "the":
            return None
        j = self.skip(i + 1, "fiscal", "full", "calendar", "entire", "whole")
        unit = self.unit(j)
        if unit in ("W", "WE") and self.at(j + 1) == "of" and not self.w[j].endswith("s"):
            dated = self.explicit(j + 2)  # "the week of March 6"
            if dated and isinstance(dated[1], Calendar) and dated[1].day is not None:
                return dated[0], AtTime(dated[1], week=unit)
        if unit is None or self.w[j].endswith("s"):
            return None
        if unit == "WE":
            return j + 1, Deictic("WE", None)
        if unit == "Y" and self.at(j + 1) in ("ended", "ending", "ends", "through", "to"):
            return j + 1, Duration(1, "Y")  # "the year ended Sept. 30": a fiscal year, a length of time
        if unit == "Y" and self.at(j + 1) not in ("-", "of", "'s", "ago", "earlier", "before", "after"):
            return j + 1, Deictic("Y", 0)  # "the (fiscal) year": in news, the current one
        if unit in ("W", "M") and self.at(j + 1) not in ("-", "of", "'s", "ago", "earlier", "before", "after"):
            return j + 1, Anaphoric(unit, 0)
        if unit == "D" and j == i + 1 and self.at(j + 1) not in ("-", "of", "'s", "before", "after", "when", "that"):
            return self._with_part_of_day(j + 1, Anaphoric("D", 0))
        return None

    def year_end(self, i: int) -> Parse | None:
        """ "year-end", "year end", "year's end": the end of the anchor's year."""
        j = self.skip(i, "the")
        if self.at(j) == "year" and self.at(j + 1) in ("-", "'s") and self.at(j + 2) == "end":
            return j + 3, Deictic("Y", 0)
        if self.at(j) == "year" and self.at(j + 1) == "end" and self.tag[j + 1].startswith("NN"):
            return j + 2, Deictic("Y", 0)
        return None

    def year_ago_phrase(self, i: int) -> Parse | None:
        """ "year-earlier", "the year-ago quarter", "the year-earlier period", "the comparable year-ago
        third quarter": the period being discussed, one year back."""
        j = self.skip(i, "the")
        j = self.skip(j, "comparable", "same")
        if not (self.at(j) == "year" and self.at(j + 1) == "-" and self.at(j + 2) in ("earlier", "ago")):
            return None
        k = j + 3
        ordinal = self.kind(k, "ordinal")
        if ordinal and self.unit(k + 1) == "Q":
            return k + 2, Calendar(quarter=int(ordinal), year_shift=-1, shift=0)
        if self.unit(k) == "Q" or self.kind(k, "period"):
            return k + 1, Anaphoric("Q", -4)
        number = read_number(self.w, k, self.lex)
        unit = self.unit(number[0]) if number else None
        if number and unit:  # "the year-earlier nine months": a length
            return number[0] + 1, Duration(number[1], unit)
        if self.unit(k) == "Y":
            return k + 1, Offset(1, "Y", -1, True)
        return k, Offset(1, "Y", -1, True)

    def part_of_day_phrase(self, i: int) -> Parse | None:
        """ "the morning", "overnight", "mid-afternoon" (on the day the text is about)."""
        j = self.skip(i, "the")
        pod = self.kind(j, "part_of_day")
        if pod is None:
            return None
        after_mid = self.at(i - 1) == "mid" or self.at(i - 1) == "-" and self.at(i - 2) == "mid"
        if j == i and self.w[j] not in ("overnight", "midafternoon") and not after_mid:
            return None  # a bare "morning" is too often not a time ("good morning")
        if self.w[j].endswith("s") and self.w[j] != "overnight" or self.at(j + 1) == "of":
            return None
        return self._part_of_day_on(j + 1, pod)

    def _part_of_day_on(self, end: int, pod: str) -> Parse:
        """The day a part of day falls on when it is named next ("mid-afternoon yesterday"), else the
        day the text is about."""
        day = self.day_word(end) or self.weekday_phrase(end)
        if day:
            meaning = day[1] if not isinstance(day[1], AtTime) else day[1].date
            return day[0], AtTime(cast(DayMeaning, meaning), part_of_day=pod)  # a day word or weekday names a day
        return end, AtTime(None, part_of_day=pod)

    def vague_reference(self, i: int) -> Parse | None:
        """ "now", "currently", "recently", "the past", "soon", "the near future" (not "the past three
        months", "as soon as")."""
        found = self.phrase(i, "ref")
        if found is None or (self.w[i] == "soon" and self.at(i - 1) == "as" and self.at(i + 1) == "as"):
            return None
        end, value = found
        if self.at(end - 1) in ("past", "future", "present", "recent") and (
            self.unit(end)
            or self.phrase(end, "vague_count")
            or read_number(self.w, end, self.lex)
            or self.at(end) == "-"
        ):
            return None
        if self.unit(end) is not None and self.at(end - 1) not in ("now",):
            return None
        if self.w[i] == "current" and self.tag[i] != "JJ":  # "the current" of a river
            return None
        return end, VagueRef(value)
