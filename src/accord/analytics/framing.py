"""Framing: each side's characterisation of a story or an event, from the quotations in the documents
that report it, grouped by the speaker's country ("very substantial framework" for the United States,
"preliminary consensus" for China). Identical quotations in syndicated copies are listed once."""

from __future__ import annotations

from collections import defaultdict

from .records import Framing, QuoteRecord

UNATTRIBUTED = "unattributed"


def framing(quotes: list[QuoteRecord]) -> Framing:
    sides: dict[str, list[QuoteRecord]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for quote in quotes:
        side = quote.country or UNATTRIBUTED
        key = (side, " ".join(quote.text.lower().split()))
        if key in seen:
            continue
        seen.add(key)
        sides[side].append(quote)
    ordered = dict(sorted(sides.items(), key=lambda kv: (kv[0] == UNATTRIBUTED, -len(kv[1]), kv[0])))
    return Framing(sides=ordered)
