"""The view of a parsed text that the grammar rules share: lower-cased words with their spaCy tag and
entity type, lexicon lookups that are safe past either end, and where an expression can start."""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .meaning import Meaning
from .numbers import DECADE_WORDS, read_year
from .words import Words

Parse = tuple[int, Meaning]  # (end word index, meaning) of a rule that matched

_NON_DATE_ENTITIES = frozenset(
    {"PERSON", "ORG", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "NORP", "LOC", "MONEY", "PERCENT"}
)
# A number that can make a time expression without a month or unit word: a year, a decade, a clock
# time, a numeric date, a spoken year ("nineteen ninety-six").
_SIGNAL_NUMBER = re.compile(r"\d{4}s?|\d0'?s|\d+[:/.]\d+.*|\d+(?:st|nd|rd|th)|'\d\d|1[1-9]|nineteen|eighteen|twenty")
_REACH = 6  # every expression has a signal word within this many words of its start


class WordStream:
    """Words of one document (`w` lower case, `text` as written, `tag`, `ent`) and lookups by index."""

    def __init__(self, words: Words, lex: Lexicon):
        self.lex = lex
        self.w = words.lower
        self.text = words.text
        self.tag = words.tag
        self.ent = words.ent
        self.n = len(words)
        # each word's lexicon entry ({kind: value}, empty when it has none), looked up once: the rules
        # ask for kinds at the same positions many times
        self._kinds = [lex.kinds(w) for w in self.w]
        self._years: dict[int, tuple[int, int] | None] = {}

    def at(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def capital(self, i: int) -> bool:
        return 0 <= i < self.n and self.text[i][:1].isupper()

    def kind(self, i: int, kind: str) -> str | None:
        return self._kinds[i].get(kind) if 0 <= i < self.n else None

    def phrase(self, i: int, kind: str) -> tuple[int, str] | None:
        return self.lex.match(self.w, i, kind) if 0 <= i < self.n else None

    def year(self, i: int) -> tuple[int, int] | None:
        """`read_year` at `i`, remembered: the date rules ask for a year at the same positions many times."""
        if i in self._years:
            return self._years[i]
        found = self._years[i] = read_year(self.w, i, self.lex)
        return found

    def unit(self, i: int) -> str | None:
        return self.kind(i, "unit")

    def skip(self, i: int, *words: str) -> int:
        """`i + 1` when the word at `i` is one of `words`, else `i`."""
        return i + 1 if (self.w[i] if 0 <= i < self.n else "") in words else i  # `at`, inlined: called most

    def named_entity(self, i: int) -> bool:
        """True when spaCy puts the word inside a non-temporal name ("August Wilson", "Sun Microsystems")."""
        return self.ent[i] in _NON_DATE_ENTITIES

    def promising_positions(self) -> list[bool]:
        """True at positions within _REACH words before a signal word (a month, a unit, a year...);
        no expression starts anywhere else, so the rules are not tried there."""
        signals = self.lex.signals
        is_signal = [w in signals or _SIGNAL_NUMBER.fullmatch(w) is not None or w in DECADE_WORDS for w in self.w]
        promising = [False] * self.n
        upcoming = -1
        for i in range(self.n - 1, -1, -1):
            if is_signal[i]:
                upcoming = i
            promising[i] = upcoming >= 0 and upcoming - i < _REACH
        return promising
