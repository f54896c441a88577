"""One party, one participant: the actors a trigger's phrases name that are the same party are reduced to
one before the event's rows are written, so one action is not coded once per way of naming its party.

- Apposition: "the UAE Ambassador to Bahrain, Abdulridha Khori" is one person named twice, by role and by
  name. A role-only person (a title the text gives without a name) and the named actor right after it, with
  only a comma (and the role's own phrase, "to Bahrain") between, are one participant; the parse's own
  apposition (`appos`) is one participant too. The one with a country is kept (it says whose party it is).
- A place inside a participant's phrase is part of that participant ("Ambassador [to Bahrain]", "the
  envoy [of Qatar]"): it is not a second target.
- A place standing for its state ("Bahrain", "Washington") is not a target beside another target of
  that country: a visit to London and Downing Street, or to London and the UK's Prime Minister, is one
  event with the UK, and "extradited an aide of Hugo Chavez to Venezuela" one with Venezuela. A place of
  the source's own country stays ("Syrian forces struck Damascus" has a target): dropping it lost right
  dyads on the build and check halves alike.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Actor
from ..lookups import sentence_of
from .candidates import Participants
from .index import DocIndex
from .knowledge import EventKnowledge

MAX_GAP = 5  # tokens between a role and its name: ", " or " to the Kingdom of Bahrain ,"


def one_per_party(know: EventKnowledge, index: DocIndex, trigger: Token, people: Participants) -> Participants:
    """`people` with each party once: appositions merged, places of a participant's phrase and places of
    a participating country left out (the role prepositions are kb/phrases.tsv kind role-prep)."""
    sent = sentence_of(trigger)
    spans = _mention_spans(index, sent, people.sources + people.targets)
    sources = _without_appositions(know, index, spans, people.sources)
    targets = _without_appositions(know, index, spans, people.targets)
    taking_part = sources + targets
    targets = [
        t
        for t in targets
        if not _in_participant_phrase(know, index, spans, t, taking_part) and not _place_of_party(index, t, targets)
    ]
    return Participants(sources, targets)


def _mention_spans(index: DocIndex, sent: Span, ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Each actor's mentions in the sentence as token ranges [start, end)."""
    out: dict[str, list[tuple[int, int]]] = {a: [] for a in ids}
    for actor_id in out:
        start = None
        for token in sent:
            inside = actor_id in index.actors_at.get(token.i, ())
            if inside and start is None:
                start = token.i
            elif not inside and start is not None:
                out[actor_id].append((start, token.i))
                start = None
        if start is not None:
            out[actor_id].append((start, sent.end))
    return out


def _without_appositions(
    know: EventKnowledge, index: DocIndex, spans: dict[str, list[tuple[int, int]]], ids: list[str]
) -> list[str]:
    """`ids` with the second of each apposed pair dropped (or the first, when only the second has a country)."""
    kept = list(ids)
    for a in ids:
        for b in ids:
            if a == b or a not in kept or b not in kept or not _apposed(know, index, spans, a, b):
                continue
            drop = a if (_actor(index, b).country and not _actor(index, a).country) else b
            kept.remove(drop)
    return kept


def _apposed(know: EventKnowledge, index: DocIndex, spans: dict[str, list[tuple[int, int]]], a: str, b: str) -> bool:
    """Is `b` named in apposition right after `a` ("the UAE Ambassador to Bahrain, Abdulridha Khori")?"""
    doc = index.doc
    first, second = _actor(index, a), _actor(index, b)
    for a_start, a_end in spans.get(a, ()):
        for b_start, b_end in spans.get(b, ()):
            if b_start <= a_start:
                continue
            if any(doc[i].dep_ == "appos" and a_start <= doc[i].head.i < a_end for i in range(b_start, b_end)):
                return True  # the parse says so
            gap = doc[a_end:b_start]
            if not 1 <= len(gap) <= MAX_GAP or gap[-1].text != ",":
                continue
            if len(gap) > 1 and gap[0].lower_ not in know.role_preps:
                continue  # only the role's own phrase may come between
            if any(t.pos_ in ("CCONJ", "VERB", "AUX") for t in gap):
                continue
            if _role_only(first) != _role_only(second) and "person" in (first.kind, second.kind):
                return True
    return False


def _in_participant_phrase(
    know: EventKnowledge, index: DocIndex, spans: dict[str, list[tuple[int, int]]], target: str, taking_part: list[str]
) -> bool:
    """Is the place `target` named inside another participant's phrase ("the Ambassador [to Bahrain]")?"""
    if _actor(index, target).kind != "country":
        return False
    doc = index.doc
    for t_start, _t_end in spans.get(target, ()):
        prep = t_start - 1
        while prep >= 0 and doc[prep].pos_ == "DET":
            prep -= 1
        if prep < 1 or doc[prep].lower_ not in know.role_preps:
            continue
        for other in taking_part:
            if other != target and _actor(index, other).kind == "person":
                if any(end == prep for _start, end in spans.get(other, ())):
                    return True
    return False


def _place_of_party(index: DocIndex, target: str, targets: list[str]) -> bool:
    """Is `target` a place standing for a state another of whose actors is a target too?"""
    place = _actor(index, target)
    if place.kind != "country" or place.country is None:
        return False
    return any(other != target and _actor(index, other).country == place.country for other in targets)


def _role_only(actor: Actor) -> bool:
    """A person the text names by a title alone ("the UAE Ambassador"): no entry, a role, no name of their own."""
    role = actor.role
    return actor.kind == "person" and actor.kb_id is None and role is not None and actor.name.startswith(role)


def _actor(index: DocIndex, actor_id: str) -> Actor:
    return index.actors[actor_id]
