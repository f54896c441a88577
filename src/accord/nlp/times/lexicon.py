"""The time tagger's word knowledge, read once per process from `kb/time/time_words.tsv`.

Words and phrases map to one value per kind (a word may have several kinds: "may" is a month and
"second" both an ordinal and a unit); the grammar asks for a kind at a position and gets the longest
phrase of that kind.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .words import split_phrase

HEADER = ["word", "kind", "value"]
# Every time expression contains a word of one of these kinds (or a number the grammar reads as a year,
# a clock time or a date); modifiers, counts and shift words never make one on their own.
SIGNAL_KINDS = frozenset({"month", "weekday", "part_of_day", "clock", "season", "unit", "day_offset", "ref",
                          "set", "holiday", "meridiem", "period"})
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "at", "as", "in", "to", "and", "'s", "-"})


@dataclass(frozen=True)
class Lexicon:
    """Phrases (tuples of lower-case words, split like the word stream) to {kind: value}."""

    entries: dict[tuple[str, ...], dict[str, str]]
    longest: int
    signals: frozenset[str]  # words that can only occur near a time expression's start (see SIGNAL_KINDS)

    def kind(self, word: str, kind: str) -> str | None:
        """The value of one word as `kind`, or None."""
        found = self.entries.get((word,))
        return found.get(kind) if found else None

    def match(self, words: list[str], i: int, kind: str) -> tuple[int, str] | None:
        """The longest phrase of `kind` starting at words[i], as (end index, value)."""
        for size in range(min(self.longest, len(words) - i), 0, -1):
            found = self.entries.get(tuple(words[i:i + size]))
            if found and kind in found:
                return i + size, found[kind]
        return None


def lexicon_path() -> Path:
    return Path(str(resources.files("accord.kb").joinpath("time", "time_words.tsv")))


def read_lexicon(path: Path) -> Lexicon:
    """Parse the word file; comment lines start with '#', the first other line is the header."""
    entries: dict[tuple[str, ...], dict[str, str]] = defaultdict(dict)
    with path.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if line.strip() and not line.startswith("#")),
                          delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        if header != HEADER:
            raise ValueError(f"{path}: expected header {HEADER}, got {header}")
        for number, row in enumerate(rows, 2):
            if len(row) != 3:
                raise ValueError(f"{path}: row {number} needs 3 tab-separated fields: {row}")
            word, kind, value = row
            entries[split_phrase(word)][kind] = value
    signals = frozenset(word for phrase, kinds in entries.items() if SIGNAL_KINDS & kinds.keys()
                        for word in phrase if word not in _FUNCTION_WORDS)
    return Lexicon(entries=dict(entries), longest=max(map(len, entries), default=1), signals=signals)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    return read_lexicon(lexicon_path())
