"""The per-document index the event coder's passes read: the document's actors by token and by id,
and its reported quotations by offset. Built once per document and passed explicitly, so that no
component keeps the current document's state between calls."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc

from ...model import Actor, Extraction

REPORTED = ("indirect", "direct")  # quotation kinds an event can be reported in


@dataclass(frozen=True)
class DocIndex:
    """One document's extraction and parse, with its actors and quotations indexed."""

    ex: Extraction
    doc: Doc
    actors_at: Mapping[int, tuple[str, ...]]  # token index -> ids of the actors whose mentions cover it
    actors: Mapping[str, Actor]  # id -> actor, as the actor extractor found them
    quotes: tuple[tuple[int, int, str], ...]  # (start, end, id) of the direct and indirect quotations
    quote_finder: _QuoteFinder

    @classmethod
    def build(cls, ex: Extraction, doc: Doc) -> DocIndex:
        """Index a document whose actors and quotations have been extracted."""
        quotes = tuple((q.start, q.end, q.id) for q in ex.quotes if q.kind in REPORTED)
        actors = {a.id: a for a in ex.actors}
        return cls(ex, doc, _actors_by_token(ex, doc), actors, quotes, _QuoteFinder(quotes))

    def quote_at(self, offset: int) -> str | None:
        """The first reported quotation that holds the character at `offset`, or None."""
        return self.quote_finder.first_at(offset)

    def sector(self, actor_id: str) -> str | None:
        """The actor's CAMEO sector, or None (also for an id the document does not know)."""
        actor = self.actors.get(actor_id)
        return actor.sector if actor is not None else None


def _actors_by_token(ex: Extraction, doc: Doc) -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for actor in ex.actors:
        for m in actor.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                ids = out.setdefault(token.i, [])
                if actor.id not in ids:
                    ids.append(actor.id)
    return {i: tuple(ids) for i, ids in out.items()}


class _QuoteFinder:
    """The quotations ordered by start, so that those holding an offset are found by bisection (a long
    document has thousands)."""

    def __init__(self, quotes: tuple[tuple[int, int, str], ...]):
        self._items = sorted((start, n, end, quote) for n, (start, end, quote) in enumerate(quotes))
        self._starts = [item[0] for item in self._items]
        self._longest = max((end - start for start, end, _ in quotes), default=0)

    def first_at(self, offset: int) -> str | None:
        """The first quotation, in the document's order, holding the character at `offset`."""
        lo = bisect_left(self._starts, offset - self._longest)
        hi = bisect_right(self._starts, offset)
        holding = [(n, quote) for _, n, end, quote in self._items[lo:hi] if offset < end]
        return min(holding)[1] if holding else None
