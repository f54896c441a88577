"""Finding time expressions: a small hand-written grammar over the word stream that returns each
expression's extent (TimeBank conventions: leading prepositions out; determiners, modifiers and
"ago"/"earlier" in) together with what it says (`meaning`). spaCy's DATE/TIME entities are used as
evidence where words alone are ambiguous (a bare "1998", "10/27", "5:30")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from .amounts import AmountRules
from .clock import ClockRules
from .deixis import DeixisRules
from .lexicon import Lexicon
from .meaning import AtTime, Calendar, Deictic, Duration, Meaning
from .stream import Parse
from .words import Words, doc_words


@dataclass(frozen=True)
class Candidate:
    """One time expression: words[start:end] and what it says."""

    start: int
    end: int
    meaning: Meaning


class _Grammar(AmountRules, ClockRules, DeixisRules):
    """All rules together; `scan` keeps the longest match at each position, left to right."""

    def __init__(self, words: Words, lex: Lexicon):
        super().__init__(words, lex)
        self.promising = self.promising_positions()

    def scan(self) -> list[Candidate]:
        """Expressions left to right, the longest match at each position, not overlapping."""
        found: list[Candidate] = []
        productions: list[Callable[[int], Parse | None]] = [
            self.recurrence,
            self.amount,
            self.date_with_time,
            self.date,
            self.vague_reference,
        ]
        i = 0
        while i < self.n:
            if not self.promising[i]:
                i += 1
                continue
            best: Parse | None = None
            for production in productions:
                parse = production(i)
                if parse and parse[0] > i and (best is None or parse[0] > best[0]):
                    best = parse
            if best is None or self._is_age(best[0]):
                i += 1
                continue
            found.append(Candidate(i, best[0], best[1]))
            i = best[0]
        return found

    def _is_age(self, end: int) -> bool:
        """ "six-year-old", "52 years old": an age, not a time."""
        return self.at(end) == "old" or (self.at(end) == "-" and self.at(end + 1) == "old")

    def date_with_time(self, i: int) -> Parse | None:
        """A clock time and the day it falls on: "10:35 a.m.", "9 a.m. Tuesday", "5 p.m. EST, Nov. 6"."""
        clock = self.clock(self.skip(i, "about", "around", "approximately"))
        if clock is None:
            return None
        end, text = clock
        after = self.skip(self.skip(end, ","), "on")
        day = self.date(after) if after < self.n else None
        if day and isinstance(day[1], (Calendar, Deictic)):
            return day[0], AtTime(day[1], clock=text)
        if day and isinstance(day[1], AtTime):  # "9 a.m. Friday morning": the clock is more precise
            return day[0], AtTime(day[1].date, clock=text)
        return end, AtTime(None, clock=text)

    def date(self, i: int) -> Parse | None:
        """[position modifier] core date [part of day]."""
        j = self._position(i)
        parse = self.date_core(j)
        if parse is None and j != i:
            parse = self.date_core(i)
            j = i
        if parse is None:
            return None
        end, meaning = parse
        if j != i and isinstance(meaning, Duration):
            return None
        return end, meaning

    def _position(self, i: int) -> int:
        """Skip a leading modifier kept in the extent: "early", "mid-", "later (in the)", "the end of"."""
        if self.kind(i, "position"):
            j = self.skip(i + 1, "-")
            if self.at(j) == "in" and self.at(j + 1) == "the":
                j += 1
            return j
        j = self.skip(i, "the")
        noun = self.phrase(j, "position_noun")
        if noun and self.at(noun[0]) == "of":
            return noun[0] + 1
        return i

    def date_core(self, i: int) -> Parse | None:
        """The longest date any date rule reads at `i`."""
        best: Parse | None = None
        for production in (
            self.day_word,
            self.shifted,
            self.explicit,
            self.quarter_or_half,
            self.season_phrase,
            self.decade_or_century,
            self.year_only,
            self.weekday_phrase,
            self.holiday_phrase,
            self.referential,
            self.year_end,
            self.year_ago_phrase,
            self.part_of_day_phrase,
        ):
            parse = production(i)
            if parse and (best is None or parse[0] > best[0]):
                best = parse
        return best


def find_candidates(doc: Doc, lex: Lexicon) -> tuple[Words, list[Candidate]]:
    """The words of `doc` and the time expressions found among them, in text order."""
    words = doc_words(doc)
    return words, _Grammar(words, lex).scan()
