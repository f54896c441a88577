"""Whether an event happened: occurred, planned ("will attend", "expected meeting", "plans to meet",
"is ready to sign"), negated ("did not meet") or hypothetical ("would … if"). The words that say so
(auxiliaries, planning verbs, conditions …) are data: kb/phrases.tsv."""

from __future__ import annotations

from spacy.tokens import Token

from ..lookups import sentence_of
from .knowledge import EventKnowledge

REPORTED_FUTURE = "would"  # "said it would allow": a plan when no condition is in sight


def infinitive_complement(token: Token) -> bool:
    """ "agreed [to lift]", and the infinitive spaCy attaches as a purpose clause: "have sworn [to fight]"."""
    return token.dep_ == "xcomp" or (
        token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    )


def event_status(know: EventKnowledge, token: Token) -> str:
    """The status of the event whose trigger is `token`: occurred, planned, negated or hypothetical."""
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "negated"
    head = token.head
    if infinitive_complement(token) and head.lemma_.lower() in know.refusing_verbs:
        return "negated"
    if in_condition(know, token):
        return "hypothetical"  # "… if Israel attacks": the condition of a threat has not happened
    aux = _auxiliaries(token)
    if aux & know.hypothetical_aux:
        # "would" with a condition is hypothetical; reported "said it would allow" is a plan
        if any(t.lower_ in know.conditions for t in sentence_of(token)) or aux & (
            know.hypothetical_aux - {REPORTED_FUTURE}
        ):
            return "hypothetical"
        return "planned"
    if aux & know.future_aux or ("going" in aux and any(c.lower_ == "to" for c in children)):
        return "planned"
    if _planned_by_head(know, token):
        return "planned"
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "amod" and c.lower_ in know.planned_modifiers for c in children):
            return "planned"
        if token.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head is not token:
            return event_status(know, head)  # "would tighten the blockade", "did not impose sanctions"
        if any(c.lower_ in know.future_aux for c in head.children if head.pos_ in ("VERB", "AUX")):
            return "planned"
    return "occurred"


def in_condition(know: EventKnowledge, token: Token) -> bool:
    """Is the token in an "if"/"unless" clause ("if the United States goes ahead with the deployment")?"""
    clause = token
    for _ in range(8):  # up to the clause's verb, through "decides to [attack]" and "X and [Y]"
        if clause.pos_ in ("VERB", "AUX") and clause.dep_ not in ("xcomp", "conj"):
            break
        if clause.head is clause:
            return False
        clause = clause.head
    return is_condition(clause, know.conditions)


def is_condition(clause: Token, marks: frozenset[str]) -> bool:
    """Is `clause` an adverbial clause marked as a condition ("if the United States goes ahead")?"""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def stated_future(know: EventKnowledge, token: Token) -> bool:
    """A verb in the future or the future-in-the-past ("will lift", "said it would lift", "is ready to lift",
    "plans to lift"), negated or not: the shape CAMEO codes as an intention or a threat."""
    if token.pos_ in ("NOUN", "PROPN"):  # "would tighten [the blockade]", "will extend [the curfew]"
        return token.dep_ == "dobj" and token.head.pos_ == "VERB" and stated_future(know, token.head)
    if token.pos_ not in ("VERB", "AUX"):
        return False
    aux = _auxiliaries(token)
    if aux & (know.future_aux | {REPORTED_FUTURE}) or (
        "going" in aux and any(c.lower_ == "to" for c in token.children)
    ):
        return True
    return _planned_by_head(know, token)


def conditional_threat(token: Token) -> bool:
    """ "… unless the Kremlin closed its base", "… or face penalties": a stated action with a condition."""
    for t in token.subtree:
        if t.lower_ == "unless" or (t.lower_ == "face" and any(c.lower_ == "or" for c in t.head.children)):
            return True
    return any(c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children) for c in token.head.children)


def _planned_by_head(know: EventKnowledge, token: Token) -> bool:
    """ "plans [to lift]", "is ready [to lift]": an infinitive under a planning verb or a readiness adjective."""
    head = token.head
    return infinitive_complement(token) and (
        head.lemma_.lower() in know.planning_verbs or head.lower_ in know.ready_adjectives
    )


def _auxiliaries(token: Token) -> set[str]:
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if infinitive_complement(token):
        aux |= {c.lower_ for c in token.head.children if c.dep_ in ("aux", "auxpass")}
        if token.head.dep_ == "acomp":  # "is ready to contribute": the copula's auxiliaries
            aux |= {c.lower_ for c in token.head.head.children if c.dep_ in ("aux", "auxpass")}
    return aux
