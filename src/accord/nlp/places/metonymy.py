"""Places that stand for a government ("Washington said", "Beijing accused Tokyo"): a country or
national capital that is the subject of a speech or stance verb. They stay in `ex.places`; the
events code asks this helper which of them to treat as actors."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ...kb import load_kb
from ...model import Extraction, Place
from . import geodata
from .gazetteer import fold, load_gazetteer
from ..lookups import text_of

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


@lru_cache(maxsize=1)
def _actor_verbs() -> frozenset[str]:
    return frozenset(load_kb().cue_verbs | geodata.actor_verbs())


def places_used_as_actors(ex: Extraction, doc: Doc) -> set[int]:
    """Start offsets of the places in `ex.places` used as actors; the dateline's place never is one."""
    capitals = geodata.capitals()
    dateline = fold(ex.dateline.place.split(",")[0]) if ex.dateline and ex.dateline.place else None
    verbs = _actor_verbs()
    demonyms = load_gazetteer().demonyms
    found: set[int] = set()
    for place in ex.places:
        if place.text in demonyms or not _can_act(place, capitals):
            continue
        if dateline and fold(place.text) == dateline and not text_of(doc)[:place.start].strip(" \"'“‘(\n"):
            continue  # the dateline at the head of the text
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ == "conj" and head.head is not head:
            head = head.head  # "Washington and Beijing agreed"
        if head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in verbs:
            found.add(place.start)
    return found


def _can_act(place: Place, capitals: dict[str, frozenset[str]]) -> bool:
    if place.feature == "country":
        return True
    return place.feature == "city" and place.country is not None and fold(place.name) in capitals.get(place.country, ())
