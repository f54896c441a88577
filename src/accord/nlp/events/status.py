"""Whether an event happened: occurred, planned ("will attend", "expected meeting", "plans to meet"),
negated ("did not meet") or hypothetical ("would … if")."""

from __future__ import annotations

from spacy.tokens import Token

FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
PLANNING_VERBS = frozenset({"plan", "intend", "expect", "hope", "aim", "prepare", "want", "seek", "propose",
                            "schedule", "set", "agree", "promise", "pledge", "vow", "offer", "decide", "try"})
PLANNED_MODIFIERS = frozenset({"expected", "upcoming", "planned", "proposed", "scheduled", "future", "next",
                               "forthcoming", "possible", "potential", "anticipated"})
REFUSING_VERBS = frozenset({"refuse", "decline", "fail", "reject"})


def event_status(token: Token) -> str:
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "det" and c.lower_ == "no" for c in children):
        return "negated"
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in REFUSING_VERBS:
        return "negated"
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    if token.dep_ == "xcomp":
        aux |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX:
        sentence = token.sent
        if any(t.lower_ == "if" for t in sentence) or "would" in aux:
            return "hypothetical"
    if aux & FUTURE_AUX or ("going" in aux and any(c.lower_ == "to" for c in children)):
        return "planned"
    if token.dep_ == "xcomp" and head.lemma_.lower() in PLANNING_VERBS:
        return "planned"
    if token.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "amod" and c.lower_ in PLANNED_MODIFIERS for c in children):
            return "planned"
        if any(c.lower_ in FUTURE_AUX for c in head.children if head.pos_ in ("VERB", "AUX")):
            return "planned"
    return "occurred"
