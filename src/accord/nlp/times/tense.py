"""The tense of the clause a time expression sits in, read from the dependency parse: the resolver
uses it to pick the Monday or the October before or after the anchor."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lookups import sentence_of

PAST, PRESENT, FUTURE = "past", "present", "future"
_FUTURE_AUX = frozenset({"will", "'ll", "wo", "shall", "would", "'d", "may", "might", "should", "must"})
# Verbs and nouns whose complement happens later: "plans to meet Monday", "an agreement to buy it in January".
_FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "schedule",
        "expect",
        "intend",
        "set",
        "due",
        "go",
        "hope",
        "aim",
        "prepare",
        "propose",
        "agree",
        "want",
        "seek",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "decide",
        "agreement",
        "decision",
        "proposal",
        "offer",
        "deal",
        "bid",
        "commitment",
        "intention",
        "deadline",
        "order",
        "request",
        "ultimatum",
    }
)
_PLANNING_VERBS = frozenset({"plan", "schedule"})  # "plans a rally on Saturday": the rally is ahead
# Present-tense verbs that describe a state or a report rather than a scheduled event.
_STATIVE_VERBS = frozenset(
    {
        "be",
        "have",
        "say",
        "tell",
        "report",
        "know",
        "think",
        "believe",
        "seem",
        "remain",
        "show",
        "indicate",
        "suggest",
        "include",
        "mean",
        "own",
        "hold",
        "need",
        "want",
        "follow",
        "compare",
        "reflect",
        "represent",
        "exceed",
    }
)
# Words just before an expression that put it ahead of the clause's event: "until Tuesday", "as early as
# Tuesday"; and those that mark a deadline, which a past-tense clause does not put behind the anchor.
_AHEAD_SIGNALS = (("until",), ("till",), ("as", "soon", "as"), ("as", "early", "as"))
_DEADLINE_SIGNALS = frozenset({"by", "through", "before"})
_VERB_POS = frozenset({"VERB", "AUX"})


def _governing_verb(token: Token) -> tuple[Token | None, bool]:
    """The nearest verb above `token`, and whether the way up passed through a noun ("Tuesday's
    declaration") rather than reaching the verb directly ("met Tuesday", "met on Tuesday")."""
    through_noun = False
    start = token
    for _ in range(10):
        if token.pos_ in _VERB_POS and token.dep_ not in ("aux", "auxpass"):
            return token, through_noun
        if token is not start and token.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            through_noun = True
        if token.head is token:
            return None, through_noun
        token = token.head
    return None, through_noun


def _verb_tense(verb: Token, depth: int = 0) -> str | None:
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxes}
    if verb.lemma_ in _PLANNING_VERBS and verb.tag_ != "VBD" and (auxes or verb.tag_ != "VBN"):
        return FUTURE  # "has scheduled a news conference Thursday"
    perfect = any(aux.lemma_ == "have" for aux in auxes)  # "has met", "may have been", "have been searching"
    if perfect or verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxes) and not words & _FUTURE_AUX:
        return PAST
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.tag_ == "VBN" and not auxes:  # a participle clause: "the decision, announced Wednesday"
        return PAST
    infinitive = verb.tag_ == "VB" and "to" in words
    if infinitive and verb.head is not verb and depth < 3:
        governor = verb.head
        if governor.lemma_ in _FUTURE_GOVERNORS or governor.lemma_ == "be":
            return FUTURE
        if governor.pos_ in _VERB_POS:
            return _verb_tense(governor, depth + 1)
    if verb.tag_ in ("VBZ", "VBP") or any(aux.tag_ in ("VBZ", "VBP") for aux in auxes):
        return PRESENT
    if verb.tag_ == "VBG" and verb.dep_ == "ROOT":
        return PRESENT
    return None


def _timetable(verb: Token) -> bool:
    """ "The talks resume Monday": a simple present of an event verb, in a sentence that reports nothing
    in the past, describes a scheduled event."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_ in _STATIVE_VERBS:
        return False
    if any(child.dep_ in ("aux", "auxpass") for child in verb.children):
        return False
    return not any(token.tag_ == "VBD" for token in sentence_of(verb))


def signal_tense(tense: str, preceding: list[str]) -> str:
    """Adjust the clause tense by the words right before the expression (lower case, in order)."""
    if any(tuple(preceding[-len(signal) :]) == signal for signal in _AHEAD_SIGNALS):
        return FUTURE
    if preceding and preceding[-1] in _DEADLINE_SIGNALS and tense == PAST:
        return PRESENT
    return tense


def clause_tense(doc: Doc, token_index: int) -> str:
    """ "past", "present" or "future" for the clause governing the token; "past" when unclear, as
    news mostly reports what happened."""
    verb, through_noun = _governing_verb(doc[token_index])
    if verb is None:
        return PAST
    tense = _verb_tense(verb) or PAST
    if tense == PRESENT and not through_noun and _timetable(verb):
        return FUTURE
    return tense
