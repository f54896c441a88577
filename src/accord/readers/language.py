"""A cheap check that a text is English, from the share of common English function words."""

from __future__ import annotations

import re

_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on with as was by at it from his her he she they be have has "
    "are were said not this but an or will would its their who which been had".split()
)
_WORD = re.compile(r"[A-Za-z]+")


def looks_english(text: str, sample_chars: int = 5000) -> bool | None:
    """True/False for texts long enough to judge (>= 20 words), None otherwise."""
    words = _WORD.findall(text[:sample_chars].lower())
    if len(words) < 20:
        return None
    share = sum(1 for w in words if w in _FUNCTION_WORDS) / len(words)
    return share >= 0.12
