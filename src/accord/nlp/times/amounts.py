"""Grammar rules for amounts of time: durations ("two days", "the past three months", "a minute and a
half"), offsets ("two days ago", "a year earlier") and recurrences ("every Monday", "daily", "twice a
year")."""

from __future__ import annotations

import re

from .meaning import Duration, Offset, Recurrence
from .normalize import duration_value
from .numbers import read_number
from .stream import Parse, WordStream

_AMOUNT_LEADS = frozenset(
    {
        "past",
        "last",
        "next",
        "first",
        "coming",
        "final",
        "previous",
        "following",
        "initial",
        "remaining",
        "latest",
        "preceding",
        "recent",
        "same",
    }
)
_SET_LEADS = frozenset({"every", "each", "per"})
_TIMES_WORDS = frozenset({"twice", "times", "once", "thrice"})
_PREPOSITION_AFTER = frozenset({"DT", "NNP", "NNPS", "CD", "PRP", "PRP$", "NN", "NNS", "WDT", "JJ"})
_VAGUE_UNITS = frozenset({"Y", "M", "W", "D", "H", "MIN", "DE", "CE", "Q"})
_YEAR_NUMBER = re.compile(r"1\d\d\d|20\d\d")


class AmountRules(WordStream):
    """Rules that start from a count (or a vague one) and a unit."""

    def recurrence(self, i: int) -> Parse | None:
        """ "daily", "every Monday", "each year", "every two weeks", "(twice) a year", "Tuesday nights"."""
        value = self.kind(i, "set")
        if value and not self._in_a_name(i):
            return i + 1, Recurrence(value)
        word = self.at(i)
        if word in _SET_LEADS or (word in ("a", "an") and self.at(i - 1) in _TIMES_WORDS):
            return self._each(i + 1, per=word == "per")
        return self._plural_weekday(i)

    def _in_a_name(self, i: int) -> bool:
        """ "the Communist Party daily Granma": a frequency word that is part of a newspaper's name."""
        return self.tag[i] == "NNP" or self.tag[i + 1 : i + 2] in (["NNP"], ["NNPS"])

    def _each(self, j: int, per: bool) -> Parse | None:
        """What follows "every"/"each"/"per"/"a": a weekday, month, season, part of day or counted unit."""
        j = self.skip(j, "other", "single")
        weekday = self.kind(j, "weekday")
        if weekday and not per:
            end, pod = self._part_of_day_after(j + 1)
            return end, Recurrence(f"XXXX-WXX-{weekday}", pod)
        month = self.kind(j, "month")
        if month and self.capital(j):
            return j + 1, Recurrence(f"XXXX-{int(month):02d}")
        season = self.kind(j, "season")
        if season:
            return j + 1, Recurrence(f"XXXX-{season}")
        pod = self.kind(j, "part_of_day")
        if pod:
            return j + 1, Recurrence("XXXX-XX-XX", pod)
        count = 1.0
        number = read_number(self.w, j, self.lex)
        if number and self.unit(number[0]):
            j, count = number
        unit = self.unit(j)
        if unit == "WE":
            return j + 1, Recurrence("XXXX-WXX-WE")
        if unit and unit != "HALF":
            return j + 1, Recurrence(duration_value(count, unit))
        return None

    def _plural_weekday(self, i: int) -> Parse | None:
        """ "Mondays", "Tuesday nights": every such day."""
        word = self.at(i)
        if not self.capital(i) or self.named_entity(i):
            return None
        weekday = self.lex.kind(word[:-1], "weekday") if word.endswith("days") else None
        if weekday:
            end, pod = self._part_of_day_after(i + 1)
            return end, Recurrence(f"XXXX-WXX-{weekday}", pod)
        weekday = self.kind(i, "weekday")
        if weekday and self.at(i + 1) in ("nights", "mornings", "evenings", "afternoons"):
            return i + 2, Recurrence(f"XXXX-WXX-{weekday}", self.kind(i + 1, "part_of_day"))
        return None

    def _part_of_day_after(self, i: int) -> tuple[int, str | None]:
        pod = self.kind(i, "part_of_day")
        return (i + 1, pod) if pod else (i, None)

    def amount(self, i: int) -> Parse | None:
        """[approximation] [the] [past/next/first...] count unit [ago/earlier]: "nearly forty years",
        "the last twenty four hours", "several days", "two-year", "a year ago", "years"."""
        approx = self.phrase(i, "approx")
        if approx and self.at(approx[0]) not in ("the", "this", "that"):  # "over the weekend": a preposition
            parse = self._counted(approx[0])
            if parse:
                return parse
        return self._counted(i)

    def _counted(self, i: int) -> Parse | None:
        j = self.skip(i, "the")
        if self.at(j) in _AMOUNT_LEADS and not self.tag[j].startswith("VB"):  # not "the ban will last a week"
            j += 1
        unit = self.unit(j)
        if (
            unit in _VAGUE_UNITS
            and self.w[j].endswith("s")
            and not self._compound_after(j + 1)
            and (self.at(j - 1) in ("recent", "coming") or j == i and self._bare_plural(j))
        ):
            return j + 1, Duration(None, unit)
        count = self._count(j)
        if count is None:
            return None
        j, amount = count
        j = self.skip(j, "more", "additional", "full", "long", "straight", "consecutive", "-")
        unit = self._amount_unit(j, amount)
        if unit is None:
            return None
        if amount == 1.0 and self.at(j - 1) in ("a", "an") and self.at(i - 1) in _TIMES_WORDS | {"per"}:
            return j + 1, Recurrence(duration_value(1, unit))
        return self._after_unit(i, j + 1, amount, unit)

    def _count(self, j: int) -> tuple[int, float | None] | None:
        """The count before a unit, as (end, amount); amount None for "several", "a few"."""
        number = read_number(self.w, j, self.lex)
        if number and self.at(j) in ("a", "an") and self.unit(number[0]) is None:
            number = None
        if number and _YEAR_NUMBER.fullmatch(self.w[j]) and not self.w[number[0]].endswith("s"):
            number = None  # "the 1988 quarter" names a year
        if number and (self.unit(number[0]) or self.unit(number[0] + 1) or self.at(number[0]) in ("more", "-")):
            return number
        vague = self.phrase(j, "vague_count")
        if vague:
            return vague[0], None
        if self.at(j) == "half" and self.at(j + 1) in ("a", "an") and self.unit(j + 2):
            return j + 2, 0.5
        return None

    def _amount_unit(self, j: int, amount: float | None) -> str | None:
        unit = self.unit(j)
        if unit is None or unit == "HALF" or self._compound_after(j + 1):
            return None
        if unit == "SEC" and self.w[j] == "second" and (amount != 1 or self.tag[j + 1 : j + 2] in (["NN"], ["JJ"])):
            return None  # "the 1988 second quarter", "a second term"
        if self.capital(j):  # "60 Minutes", a title
            return None
        return unit

    def _after_unit(self, i: int, j: int, amount: float | None, unit: str) -> Parse | None:
        """ "and a half", "or so", "-long", then "ago"/"earlier" make an offset, else a duration."""
        if self.at(j) == "and" and self.at(j + 1) in ("a", "an") and self.at(j + 2) == "half" and amount:
            amount, j = amount + 0.5, j + 3
        if self.at(j) == "or" and self.at(j + 1) == "so":
            j += 2
        if self.at(j) == "-" and self.at(j + 1) == "long":
            j += 2
        direction = self.phrase(j, "direction")
        if direction and self._direction_applies(direction[0], self.w[j]):
            end, sign = direction
            return end, Offset(amount, unit, int(sign), from_reference=self.w[j] in ("earlier", "before"))
        if unit == "WE":
            return None
        if j - 2 == i and self.at(i) in ("a", "an", "per") and (self.tag[i - 1 : i] == ["CD"] or self.unit(i - 1)):
            return None  # a rate: "$2 million a year", "24 hours a day"
        return j, Duration(amount, unit)

    def _bare_plural(self, i: int) -> bool:
        """ "for years", "weeks or months" (but not "the years", "their weeks", "48 hours")."""
        before = self.tag[i - 1] if i > 0 else ""
        return (
            before not in ("DT", "PRP$", "POS", "CD", "JJ", "JJR", "JJS", "NN", "NNP")
            and self.at(i + 1) not in ("of", "'", "old")
            and self.tag[i] == "NNS"
        )

    def _compound_after(self, i: int) -> bool:
        """ "a year-earlier loss", "two-year-old": the unit is the first part of a longer compound."""
        return self.at(i) == "-" and self.at(i + 1) not in ("long", "")

    def _direction_applies(self, end: int, word: str) -> bool:
        """ "ago", "earlier" always end the phrase; "before" only when no noun phrase follows ("two days
        before the vote": the phrase is "two days"). After "later" TimeBank keeps a duration."""
        if word != "before":
            return True
        return end >= self.n or self.tag[end] not in _PREPOSITION_AFTER
