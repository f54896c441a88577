"""When and where an event happened: the time expression and the place in the event's own clause.

The date comes from a DATE or TIME expression governed by the trigger's clause ("Over the weekend,
the delegations concluded talks") or by a clause of the same time hanging on it ("when X happened in
1940"), else the anchor date with date_basis "anchor"; its precision is the calendar period the
expression names ("in April" is a `month`, accord/precision.py), and the anchor date is a `day`. The
place is a toponym in the clause ("talks in Malaysia"), else none: a Beijing dateline does not put
Malaysia talks in Beijing, so the dateline is never a default.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ...model import Extraction
from ...precision import precision_of

DATED_TYPES = ("DATE", "TIME")
CLAUSE_HEADS = ("VERB", "AUX")
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})


@dataclass
class Setting:
    """An event's date or date range (with where it came from: "text" or "anchor", and how precisely it
    is known: "day", "month", …) and place id."""

    date: str | None
    date_end: str | None
    date_basis: str
    place: str | None
    date_precision: str | None = None


class SettingFinder:
    """Indexes one document's times and places by token, then answers per trigger."""

    def __init__(
        self,
        ex: Extraction,
        doc: Doc,
        place_preps: AbstractSet[str],
        when_marks: AbstractSet[str] = frozenset(),
        triggers: AbstractSet[int] = frozenset(),
    ):
        self.place_preps = place_preps  # prepositions that introduce a place: "in", "near", … (kb/phrases.tsv)
        self.when_marks = when_marks  # words opening a clause of the same time: "when", "while" (kb/phrases.tsv)
        self.anchor = ex.anchor_date
        self.triggers = triggers  # other events' words: their phrases hold their own time and place
        self.times = _by_token(doc, [(t.id, t.start, t.end, t) for t in ex.times if t.type in DATED_TYPES and t.range])
        # a place named as a place ("the city of Basra"), not as a modifier ("the Iraqi city", "U.S. futures")
        self.places = _by_token(doc, [(p.id, p.start, p.end, p) for p in ex.places if not _modifier(doc, p)])

    def __call__(self, trigger: Token) -> Setting:
        clause = _clause_of(trigger)
        when = self._time(trigger, clause)
        where = self._place(trigger, clause)
        if when is None:
            return Setting(self.anchor, None, "anchor", where, "day" if self.anchor else None)
        first, last = when.range
        return Setting(first, last if last != first else None, "text", where, precision_of(when.value))

    def _time(self, trigger: Token, clause: Token):
        """A time in the trigger's phrase, else in its clause, else in a clause of the same time hanging on
        it ("[when England was in peril in 1940], Churchill refused …")."""
        at_the_time = [c for c in clause.children if c.dep_ == "advcl" and self._same_time(c)]
        for head in (trigger, clause, *at_the_time):
            found = _first_indexed(head, self.times, self.triggers)
            if found is not None:
                return found
        return None

    def _same_time(self, clause: Token) -> bool:
        return any(c.dep_ in ("advmod", "mark") and c.lower_ in self.when_marks for c in clause.children)

    def _place(self, trigger: Token, clause: Token) -> str | None:
        """A toponym after in/at/near… within the trigger's phrase ("a meeting between Xi and Trump in
        South Korea"), else within its clause."""
        for head in (trigger, clause):
            for prep in _below(head, self.triggers):
                if prep.dep_ == "prep" and prep.lower_ in self.place_preps:
                    found = _first_indexed(prep, self.places, self.triggers)
                    if found is not None:
                        return found.id
        return None


def _clause_of(token: Token) -> Token:
    """The verb whose clause the token sits in (itself when it is a verb)."""
    current = token
    for _ in range(6):
        if current.pos_ in CLAUSE_HEADS or current.head is current:
            return current
        current = current.head
    return current


def _below(head: Token, blocked: AbstractSet[int]):
    """`head`'s subtree breadth first, not descending into another verb's clause or another event's phrase."""
    frontier = [head]
    while frontier:
        nxt = []
        for token in frontier:
            yield token
            nxt += [
                c
                for c in token.children
                if c.i not in blocked and not (c.pos_ in CLAUSE_HEADS and c.dep_ not in ("aux", "auxpass"))
            ]
        frontier = nxt


def _first_indexed(head: Token, index: dict[int, object], blocked: AbstractSet[int]):
    """The first indexed item (time or place) below `head`, nearest first."""
    return next((index[t.i] for t in _below(head, blocked) if t.i in index and t is not head), None)


def _by_token(doc: Doc, items: list[tuple]) -> dict[int, object]:
    out: dict[int, object] = {}
    for _, start, end, item in items:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            out.setdefault(token.i, item)
    return out


def _modifier(doc: Doc, place) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is None or span.root.dep_ in MODIFIER_DEPS
