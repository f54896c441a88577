"""The time tagger's word knowledge, read from `kb/time/time_words.tsv` (kept compiled between runs).

Words and phrases map to one value per kind (a word may have several kinds: "may" is a month and
"second" both an ordinal and a unit); the grammar asks for a kind at a position and gets the longest
phrase of that kind.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ...kb import data_path
from ...kb.compiled import load_compiled
from ...kb.tables import read_rows
from .words import split_phrase

HEADER = ["word", "kind", "value"]
# Every time expression contains a word of one of these kinds (or a number the grammar reads as a year,
# a clock time or a date); modifiers, counts and shift words never make one on their own.
SIGNAL_KINDS = frozenset(
    {
        "month",
        "weekday",
        "part_of_day",
        "clock",
        "season",
        "unit",
        "day_offset",
        "ref",
        "set",
        "holiday",
        "meridiem",
        "period",
    }
)
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "at", "as", "in", "to", "and", "'s", "-"})


_NO_KINDS: dict[str, str] = {}  # shared by every word the lexicon lacks: never written to


@dataclass(frozen=True)
class Lexicon:
    """Phrases (tuples of lower-case words, split like the word stream) to {kind: value}."""

    entries: dict[tuple[str, ...], dict[str, str]]
    longest: int
    signals: frozenset[str]  # words that can only occur near a time expression's start (see SIGNAL_KINDS)

    def kinds(self, word: str) -> dict[str, str]:
        """One word's values by kind ({} when the lexicon has none)."""
        return self.entries.get((word,), _NO_KINDS)

    def kind(self, word: str, kind: str) -> str | None:
        """The value of one word as `kind`, or None."""
        return self.kinds(word).get(kind)

    def match(self, words: list[str], i: int, kind: str) -> tuple[int, str] | None:
        """The longest phrase of `kind` starting at words[i], as (end index, value)."""
        for size in self._sizes.get((words[i], kind), ()):
            if i + size <= len(words):
                found = self.entries.get(tuple(words[i : i + size]))
                if found and kind in found:
                    return i + size, found[kind]
        return None

    @cached_property
    def _sizes(self) -> dict[tuple[str, str], tuple[int, ...]]:
        """(first word, kind) to the lengths of the phrases of that kind starting with that word, longest
        first: `match` tries only those, and at most words no phrase starts with, none."""
        sizes: dict[tuple[str, str], set[int]] = defaultdict(set)
        for phrase, kinds in self.entries.items():
            for kind in kinds:
                sizes[phrase[0], kind].add(len(phrase))
        return {key: tuple(sorted(found, reverse=True)) for key, found in sizes.items()}


def lexicon_path() -> Path:
    """The built-in word file."""
    return data_path("time", "time_words.tsv")


def read_lexicon(path: Path) -> Lexicon:
    """Parse the word file (see accord.kb.tables); a malformed one raises a ValueError naming it."""
    entries: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    for row in read_rows(path, HEADER):
        entries[split_phrase(row["word"])][row["kind"]] = row["value"]
    signals = frozenset(
        word
        for phrase, kinds in entries.items()
        if SIGNAL_KINDS & kinds.keys()
        for word in phrase
        if word not in _FUNCTION_WORDS
    )
    return Lexicon(entries=dict(entries), longest=max(map(len, entries), default=1), signals=signals)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The built-in lexicon, loaded once per process from the compiled cache (accord.kb.compiled),
    which is read from the word file again whenever it changes."""
    return load_compiled("time-words", lambda: read_lexicon(lexicon_path()))
