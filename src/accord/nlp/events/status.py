"""Whether an event happened: occurred, planned ("will attend", "expected meeting", "plans to meet",
"is ready to sign"), negated ("did not meet") or hypothetical ("would … if")."""

from __future__ import annotations

from spacy.tokens import Token

from ..lookups import sentence_of

FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
CONDITIONS = frozenset({"if", "unless", "provided", "otherwise"})
PLANNING_VERBS = frozenset({"plan", "intend", "expect", "hope", "aim", "prepare", "want", "seek", "propose",
                            "schedule", "set", "agree", "promise", "pledge", "vow", "offer", "decide", "try",
                            "threaten", "swear"})
READY_ADJECTIVES = frozenset({"ready", "prepared", "willing", "determined", "eager", "keen", "poised", "set"})
PLANNED_MODIFIERS = frozenset({"expected", "upcoming", "planned", "proposed", "scheduled", "future", "next",
                               "forthcoming", "possible", "potential", "anticipated"})
REFUSING_VERBS = frozenset({"refuse", "decline", "fail", "reject"})


def infinitive_complement(token: Token) -> bool:
    """"agreed [to lift]", and the infinitive spaCy attaches as a purpose clause: "have sworn [to fight]"."""
    return token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children))


def event_status(token: Token) -> str:
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "negated"
    head = token.head
    if infinitive_complement(token) and head.lemma_.lower() in REFUSING_VERBS:
        return "negated"
    if in_condition(token):
        return "hypothetical"  # "… if Israel attacks": the condition of a threat has not happened
    aux = _auxiliaries(token)
    if aux & HYPOTHETICAL_AUX:
        # "would" with a condition is hypothetical; reported "said it would allow" is a plan
        if any(t.lower_ in CONDITIONS for t in sentence_of(token)) or aux & (HYPOTHETICAL_AUX - {"would"}):
            return "hypothetical"
        return "planned"
    if aux & FUTURE_AUX or ("going" in aux and any(c.lower_ == "to" for c in children)):
        return "planned"
    if infinitive_complement(token) and (head.lemma_.lower() in PLANNING_VERBS or head.lower_ in READY_ADJECTIVES):
        return "planned"
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in children):
            return "planned"
        if token.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head is not token:
            return event_status(head)  # "would tighten the blockade", "did not impose sanctions"
        if any(c.lower_ in FUTURE_AUX for c in head.children if head.pos_ in ("VERB", "AUX")):
            return "planned"
    return "occurred"


def in_condition(token: Token) -> bool:
    """Is the token in an "if"/"unless" clause ("if the United States goes ahead with the deployment")?"""
    clause = token
    for _ in range(8):  # up to the clause's verb, through "decides to [attack]" and "X and [Y]"
        if clause.pos_ in ("VERB", "AUX") and clause.dep_ not in ("xcomp", "conj"):
            break
        if clause.head is clause:
            return False
        clause = clause.head
    return is_condition(clause)


def is_condition(clause: Token, marks=CONDITIONS) -> bool:
    """Is `clause` an adverbial clause marked as a condition ("if the United States goes ahead")?"""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


def stated_future(token: Token) -> bool:
    """A verb in the future or the future-in-the-past ("will lift", "said it would lift", "is ready to lift",
    "plans to lift"), negated or not: the shape CAMEO codes as an intention or a threat."""
    if token.pos_ in ("NOUN", "PROPN"):  # "would tighten [the blockade]", "will extend [the curfew]"
        return token.dep_ == "dobj" and token.head.pos_ == "VERB" and stated_future(token.head)
    if token.pos_ not in ("VERB", "AUX"):
        return False
    aux = _auxiliaries(token)
    if aux & (FUTURE_AUX | {"would"}) or ("going" in aux and any(c.lower_ == "to" for c in token.children)):
        return True
    head = token.head
    return infinitive_complement(token) and (head.lemma_.lower() in PLANNING_VERBS or head.lower_ in READY_ADJECTIVES)


def conditional_threat(token: Token) -> bool:
    """"… unless the Kremlin closed its base", "… or face penalties": a stated action with a condition."""
    for t in token.subtree:
        if t.lower_ == "unless" or (t.lower_ == "face" and any(c.lower_ == "or" for c in t.head.children)):
            return True
    return any(c.dep_ == "advcl" and any(g.lower_ == "unless" for g in c.children) for c in token.head.children)


def _auxiliaries(token: Token) -> set[str]:
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if infinitive_complement(token):
        aux |= {c.lower_ for c in token.head.children if c.dep_ in ("aux", "auxpass")}
        if token.head.dep_ == "acomp":  # "is ready to contribute": the copula's auxiliaries
            aux |= {c.lower_ for c in token.head.head.children if c.dep_ in ("aux", "auxpass")}
    return aux
