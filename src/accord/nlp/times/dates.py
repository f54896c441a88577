"""Grammar rules for dates written out: month and day ("Oct. 30", "27 October 2009"), numeric dates,
years, decades and centuries, quarters and halves, seasons, weekdays and holidays."""

from __future__ import annotations

import re
from dataclasses import replace

from .meaning import Anaphoric, AtTime, Calendar, Deictic
from .numbers import read_decade
from .stream import Parse, WordStream

_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?$")
_DAY_NUMBER = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?$")
_FOUR_DIGITS = re.compile(r"\d{4}")
_YEAR_CONTEXT = frozenset(
    {
        "in",
        "since",
        "by",
        "until",
        "till",
        "from",
        "through",
        "of",
        "during",
        "before",
        "after",
        "between",
        "and",
        "to",
        "fiscal",
        "year",
        "early",
        "late",
        "mid",
        "-",
        "around",
        "circa",
        "for",
        "or",
        "spring",
        "summer",
        "fall",
        "autumn",
        "winter",
    }
)


class DateRules(WordStream):
    """Rules for dates the text names by their calendar fields."""

    def explicit(self, i: int) -> Parse | None:
        """Dates written out: "Monday, Oct. 26", "October 27, 2025", "27 October 2025", "the 5th of May",
        "January 1998", "October", "10/27/2025", "2025-10-27"."""
        j, weekday = self._weekday_before_date(i)
        numeric = self._numeric_date(j)
        if numeric:
            return numeric
        month = self.kind(j, "month")
        if month and self.capital(j) and not self.named_entity(j) and self._month_word_is_month(j):
            return self._month_first(j, int(month), weekday)
        ordinal = self.kind(j + 1, "ordinal")
        month = self.kind(j + 3, "month")
        if self.at(j) == "the" and ordinal and self.at(j + 2) == "of" and month:
            return self._after_month(j + 4, Calendar(month=int(month), day=int(ordinal), weekday=weekday))
        day = self._day_number(j)
        k = self.skip(j + 1, "of")
        month = self.kind(k, "month")
        if day and month and self.capital(k):
            return self._after_month(k + 1, Calendar(month=int(month), day=day, weekday=weekday))
        return None

    def _weekday_before_date(self, i: int) -> tuple[int, int | None]:
        """ "Monday, Oct. 26", "Friday Oct. 13": the weekday and where the date starts."""
        weekday = self.kind(i, "weekday")
        if weekday is None or not self.capital(i):
            return i, None
        k = self.skip(self.skip(i + 1, "."), ",")
        month_day = self.kind(k, "month") and self._day_number(self.skip(k + 1, "."))
        day_month = self._day_number(k) and self.kind(self.skip(k + 1, "of"), "month")
        return (k, int(weekday)) if month_day or day_month else (i, None)

    def _day_number(self, i: int) -> int | None:
        """A day of the month: "27", "27th"."""
        match = _DAY_NUMBER.match(self.at(i))
        return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 31 else None

    def _month_word_is_month(self, i: int) -> bool:
        """ "May"/"March" as a month, not the verb; abbreviations only before a day or a year."""
        word = self.at(i)
        dated = bool(_DAY_NUMBER.match(self.at(i + 1)) or self.year(i + 1))
        if word in ("may", "march") and self.tag[i] not in ("NNP", "NNPS") and not dated:
            return False
        if word == "may" and self.at(i - 1) in ("", ".", '"', "``") and not _DAY_NUMBER.match(self.at(i + 1)):
            return False  # "May I ..."
        if len(word) <= 5 and word not in ("march", "april", "june", "july", "may"):
            return dated
        return True

    def _month_first(self, j: int, month: int, weekday: int | None) -> Parse:
        """After a month name: a day and a year ("Oct. 30, 1998"), a year ("January 1998") or nothing."""
        k = self.skip(j + 1, ".")
        day = self._day_number(k)
        if day is None:
            return self._after_month(j + 1, Calendar(month=month, weekday=weekday))
        end = k + 1
        year = self.year(self.skip(end, ","))
        if year and not self._year_is_count(year[0]):
            return year[0], Calendar(year=year[1], month=month, day=day, weekday=weekday)
        return end, Calendar(month=month, day=day, weekday=weekday)

    def _after_month(self, k: int, meaning: Calendar) -> Parse:
        """A year after a month (and day): "1998", ", 1998", "of 1998", "last year"."""
        year = self.year(self.skip(k, ",", "of"))
        if year and not self._year_is_count(year[0]):
            return year[0], replace(meaning, year=year[1])
        if self.at(k) in ("this", "last", "next") and self.unit(k + 1) == "Y":
            return k + 2, replace(meaning, year_shift=int(self.kind(k, "shift") or 0), shift=0, weekday=None)
        return k, meaning

    def _year_is_count(self, end: int) -> bool:
        """ "October 1,000 people": the number after a date counts something."""
        return end < self.n and self.tag[end - 1] == "CD" and self.tag[end] == "NNS" and self.unit(end) is None

    def _numeric_date(self, i: int) -> Parse | None:
        """ "2025-10-27", "10/27/2025", "10/27" (the last only where spaCy calls it a date)."""
        word = self.at(i)
        if _FOUR_DIGITS.fullmatch(word) and self.at(i + 1) == "-" and self.at(i + 3) == "-":
            month_word, day_word = self.at(i + 2), self.at(i + 4)
            if month_word.isdigit() and day_word.isdigit() and 1 <= int(month_word) <= 12 and 1 <= int(day_word) <= 31:
                return i + 5, Calendar(year=int(word), month=int(month_word), day=int(day_word))
        match = _SLASH_DATE.match(word)
        if match and (match.group(3) or self.ent[i] == "DATE"):
            first, second = int(match.group(1)), int(match.group(2))
            month, day = (first, second) if first <= 12 else (second, first)
            if 1 <= month <= 12 and 1 <= day <= 31:
                year = None
                if match.group(3):
                    year = int(match.group(3))
                    year = year if year >= 100 else 2000 + year if year < 30 else 1900 + year
                return i + 1, Calendar(year=year, month=month, day=day)
        return None

    def quarter_or_half(self, i: int) -> Parse | None:
        """ "the third quarter", "third-quarter", "the fourth quarter of 1998", "fiscal 1990's first
        quarter", "the 1988 third quarter", "the first half", "the last half of 1989", "the quarter"."""
        j, year = self._year_before_period(self.skip(i, "the"))
        j = self.skip(j, "fiscal")
        ordinal = self.kind(j, "ordinal")
        if self.at(j) in ("last", "latter") and self.unit(j + 1) == "HALF" and self.at(j - 1) == "the":
            ordinal = "2"
        if ordinal is None:
            if self.at(i) == "the" and self.at(j) == "quarter" and j == i + 1:
                return j + 1, Anaphoric("Q", 0)  # the quarter being discussed
            if self.at(i) == "the" and year and (self.kind(j, "period") or self.at(j) == "quarter") and j == i + 2:
                return j + 1, Anaphoric("Q", 0, year=year)  # "the 1988 period": that quarter, in 1988
            return None
        k = self.skip(self.skip(j + 1, "-"), "fiscal")
        unit = self.unit(k)
        number = int(ordinal)
        if unit == "Q" and self.w[k] == "quarter" and number <= 4:
            quarter, half = number, None
        elif unit == "HALF" and number <= 2:
            quarter, half = None, number
        else:
            return None
        end, year, year_shift, this_year = self._year_after_period(k + 1, year)
        return end, Calendar(
            quarter=quarter, half=half, year=year, year_shift=year_shift, shift=0 if this_year else None
        )

    def _year_before_period(self, j: int) -> tuple[int, int | None]:
        """A year written before the ordinal: "fiscal 1990's first", "1989's third", "the 1988 third"."""
        fiscal = self.at(j) == "fiscal"
        j = self.skip(j, "fiscal")
        found = self.year(j)
        if found is None:
            return j, None
        end, year = found
        if self.at(end) == "'s" and (fiscal or self.kind(end + 1, "ordinal")):
            return end + 1, year
        names_period = self.kind(end, "period") or self.at(end) == "quarter" or self.kind(end, "ordinal")
        if not fiscal and self.w[j].isdigit() and names_period:
            return end, year
        return j, None

    def _year_after_period(self, end: int, year: int | None) -> tuple[int, int | None, int, bool]:
        """ "(quarter) of 1998", ", 1998", "of this year", "of next year": (end, year, year shift,
        whether the year is named relative to the anchor)."""
        if year is not None:
            return end, year, 0, False
        after = self.skip(self.skip(end, "of", ","), "fiscal")
        found = self.year(after)
        if found:
            return found[0], found[1], 0, False
        if self.at(after) in ("this", "last", "next", "the") and self.unit(after + 1) == "Y":
            shift = 0 if self.at(after) == "the" else int(self.kind(after, "shift") or 0)
            return after + 2, None, shift, True
        return end, None, 0, False

    def season_phrase(self, i: int) -> Parse | None:
        """ "the summer of 1998", "summer 1998", "(in) the spring", "the winter of nineteen ninety-four"."""
        the = self.at(i) == "the"
        j = i + 1 if the else i
        j = self.skip(j, "early", "late")
        season = self.kind(j, "season")
        if season is None:
            return None
        end = j + 1
        after = end + (self.at(end) == "of")
        year = self.year(after)
        if year:
            return year[0], Calendar(year=year[1], season=season)
        if self.at(after) == "'s":
            return None
        if not the and self.at(i - 1) not in (
            "in",
            "during",
            "since",
            "until",
            "by",
            "this",
            "last",
            "next",
            "early",
            "late",
            "mid",
            "-",
            "that",
            "through",
        ):
            return None
        if self.tag[j] not in ("NN", "NNP", "NNS"):
            return None
        return end, Calendar(season=season)

    def decade_or_century(self, i: int) -> Parse | None:
        """ "the 1990s", "the '80s", "mid-1990s", "the 20th century", "this century"."""
        j = self.skip(i, "the")
        j = self.skip(j, "early", "late", "mid", "middle")
        j = self.skip(j, "-")
        decade = read_decade(self.w, j)
        if decade and decade[1] % 10 == 0 and decade[1] < 200 and self.w[j][:1].isdigit():
            return decade[0], Calendar(century=decade[1] // 10)  # "the 1800s": a century
        if decade:
            return decade[0], Calendar(decade=decade[1])
        year = self.year(j)
        if (
            year
            and year[1] % 10 == 0
            and self.at(year[0]) == "'s"
            and j > i
            and self.kind(year[0] + 1, "ordinal") is None
            and self.unit(year[0] + 1) is None
        ):
            return year[0] + 1, Calendar(decade=year[1] // 10)
        ordinal = self.kind(j, "ordinal")
        if ordinal and self.unit(j + 1 + (self.at(j + 1) == "-")) == "CE":
            k = j + 1 + (self.at(j + 1) == "-")
            if self.w[k] == "century":
                return k + 1, Calendar(century=int(ordinal) - 1)
        return None

    def year_only(self, i: int) -> Parse | None:
        """ "1998", "fiscal 1989", "the year 2000", "nineteen ninety-six" (bare numbers need context)."""
        j = i
        fiscal = self.at(j) == "fiscal"
        if fiscal:
            j += 1
        if self.at(j) == "the" and self.at(j + 1) == "year":
            j += 2
        elif self.at(j) == "year" and j == i:
            j += 1
        found = self.year(j)
        if found is None:
            return None
        end, year = found
        if (
            self.at(end) in ("%", "percent")
            or self.at(i - 1) in ("$", "#", "no.")
            or self.at(i - 1) == "-"
            and self.at(i - 2) not in ("mid", "early", "late", "pre", "post")
        ):
            return None
        if self._year_is_count(end) and not (fiscal or self.ent[j] == "DATE"):
            return None
        spoken = not self.w[j][:1].isdigit() and not self.w[j].startswith("'")
        if spoken and not (self.ent[j] == "DATE" or j > i):
            return None
        if (
            not spoken
            and self.w[j].isdigit()
            and not (j > i or self.ent[j] == "DATE" or self.at(i - 1) in _YEAR_CONTEXT or self.kind(i - 1, "month"))
        ):
            return None
        if self.w[j].isdigit() and not (1800 <= year <= 2100) and not (j > i or self.ent[j] == "DATE"):
            return None
        return end, Calendar(year=year)

    def weekday_phrase(self, i: int) -> Parse | None:
        """ "Monday", "Friday afternoon", "Friday's"."""
        weekday = self.kind(i, "weekday")
        if weekday is None or not self.capital(i) or self.named_entity(i) or len(self.w[i]) <= 4:
            return None
        return self._with_part_of_day(i + 1, Calendar(weekday=int(weekday)))

    def holiday_phrase(self, i: int) -> Parse | None:
        """ "Christmas", "Thanksgiving Day", "Easter 1998"."""
        found = self.phrase(i, "holiday")
        if found is None or not self.capital(i):
            return None
        end, rule = found
        year = self.year(end)
        if year:
            return year[0], Calendar(year=year[1], holiday=rule)
        return end, Calendar(holiday=rule)

    def _with_part_of_day(self, end: int, meaning: Calendar | Deictic | Anaphoric) -> Parse:
        """Absorb a following part of day ("Friday afternoon", "yesterday morning")."""
        pod = self.kind(end, "part_of_day")
        if pod and self.at(end) not in ("overnight",):
            return end + 1, AtTime(meaning, part_of_day=pod)
        if self.at(end) == "'s" and self.unit(end + 1) is None and self.kind(end + 1, "part_of_day") is None:
            return end + 1, meaning
        return end, meaning
