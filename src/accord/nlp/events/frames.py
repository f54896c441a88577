"""Framed events: an action inside an intention, a demand, an appeal, a refusal or a threat.

"Libya offered to hand over the suspects" is one event, an intention to release (0353), not a
handover; "threatened to impose sanctions" is a threat of sanctions (1312). The frame is the
closest event trigger above the action in the parse; the code comes from kb/frames.tsv, and which
roots are frames of which kind from kb/conventions.tsv.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from .status import infinitive_complement

# the dependencies an action hangs by under its frame: "agreed [to lift]", "demanded [that X lift]",
# "demanded [a truce]", "an offer [for talks]", "its demand [that Israel ease]"
FRAMED_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acl", "nsubjpass"})
MAX_STEPS = 4


def governing_trigger(token: Token, triggers: Mapping[int, object]) -> Token | None:
    """The closest event trigger above `token` along framing dependencies, or None."""
    current = token
    for _ in range(MAX_STEPS):
        if (current.dep_ not in FRAMED_DEPS and not infinitive_complement(current)) or current.head is current:
            return None
        current = current.head
        if current.i in triggers:
            return current
    return None


def object_frame(token: Token, triggers: Mapping[int, object]) -> Token | None:
    """ "The ILO reiterated its demand today that Israel ease …": the clause hangs on the verb, the frame
    is that verb's object."""
    if token.dep_ != "ccomp":
        return None
    for sibling in token.head.children:
        if sibling.dep_ == "dobj" and sibling.i in triggers:
            return sibling
    return None


def has_own_subject(token: Token) -> bool:
    """Does the clause name its own subject ("demanded that [the US] cancel")?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
