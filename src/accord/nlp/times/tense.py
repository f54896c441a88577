"""The tense of the clause a time expression sits in, read from the dependency parse: the resolver
uses it to pick the Monday or the October before or after the anchor."""

from __future__ import annotations

from spacy.tokens import Doc, Token

PAST, PRESENT, FUTURE = "past", "present", "future"
_FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "could", "may", "might", "should", "must",
                         "can", "ca"})
_FUTURE_GOVERNORS = frozenset({"plan", "schedule", "expect", "intend", "set", "due", "go", "hope", "aim",
                               "prepare", "propose", "agree", "want", "seek", "vow", "pledge", "promise",
                               "threaten", "decide"})
_VERB_POS = frozenset({"VERB", "AUX"})


def _governing_verb(token: Token) -> Token | None:
    for _ in range(10):
        if token.pos_ in _VERB_POS and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxes}
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes):
        return PAST
    if verb.tag_ == "VBN" and any(aux.lemma_ == "have" for aux in auxes):
        return PAST
    infinitive = verb.tag_ == "VB" and "to" in words
    if (infinitive or verb.tag_ == "VBN") and verb.head is not verb and depth < 3:
        governor = verb.head
        if governor.lemma_ in _FUTURE_GOVERNORS or (infinitive and governor.lemma_ == "be"):
            return FUTURE
        if governor.pos_ in _VERB_POS:
            return _verb_tense(governor, depth + 1)
    if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxes):
        return PRESENT
    if verb.tag_ == "VBG" and verb.dep_ == "ROOT":
        return PRESENT
    return None


def clause_tense(doc: Doc, token_index: int) -> str:
    """"past", "present" or "future" for the clause governing the token; "past" when unclear, as
    news mostly reports what happened."""
    verb = _governing_verb(doc[token_index])
    if verb is None:
        return PAST
    return _verb_tense(verb) or PAST
