"""Codes CAMEO tells apart by what an event is about, not how it is done (kb/topics.tsv): an accusation of
corruption (1121) or of espionage (1125), a rally for a leader's resignation (1411) or against a tax
(1412). Once an event's code is final, a code that is a parent there is refined to the child whose words
the event's topic names; the rule says which word ("+topic:corruption->1121").

The topic is the phrase of an issue preposition after the trigger ("accused X [of] corruption", "rioted
[over] the election results"), the object or clause of an issue verb ("[demanding] their release",
"[calling for] his resignation"; the trigger's own, when it is one: "protested the new tax"); for an event noun
also those of the verb it is the object of ("staged a protest [against] the law")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .candidates import Coded
from .knowledge import EventKnowledge

MODIFIER_DEPS = frozenset({"compound", "amod", "dobj", "nmod"})  # words that modify a topic's head word
CLAUSE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj", "ccomp"})  # a verb beside the trigger


def refine_topic(know: EventKnowledge, coded: Coded, tokens: list[Token]) -> None:
    """Refine `coded` to the child code (kb/topics.tsv) its topic names, if its code is a parent there."""
    rows = know.kb.topics.get(coded.code)
    if not rows:
        return
    best: tuple[int, str, str] | None = None  # (score, word, child); the first of equal scores wins
    for head in _topic_heads(know, tokens):
        found = _match(rows, head)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is not None:
        _, word, child = best
        coded.rule = f"{coded.rule}+topic:{word}->{child}"
        coded.code = child


def _topic_heads(know: EventKnowledge, tokens: list[Token]) -> Iterator[Token]:
    """The head words of the phrases that may name the event's topic, nearest first."""
    for token in dict.fromkeys(tokens):
        yield from _around(know, token, own=True)
        if token.pos_ in ("NOUN", "PROPN"):  # "staged a protest against", "went on hunger strike demanding"
            verb = token.head.head if token.dep_ == "pobj" else token.head
            if token.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX") and verb is not token:
                yield from _around(know, verb, own=False)


def _around(know: EventKnowledge, token: Token, own: bool) -> Iterator[Token]:
    """Topic heads among a word's dependents: its issue prepositions' objects and the object and clause of an
    issue verb, the word itself ("protested [the tax]") or one beside it; for the trigger, also those of its
    object ("accused the minister [of] fraud", "blocked streets [demanding] elections")."""
    if own and token.lemma_.lower() in know.issue_verbs:
        yield from (c for c in token.children if c.dep_ in ("dobj", "ccomp"))
    objects = [c for c in token.children if own and c.dep_ == "dobj"]
    for word in [token, *objects]:
        yield from _prep_objects(know, word)
        for verb in (c for c in word.children if c.dep_ in CLAUSE_DEPS and c.lemma_.lower() in know.issue_verbs):
            yield from (c for c in verb.children if c.dep_ in ("dobj", "ccomp"))
            yield from _prep_objects(know, verb)


def _prep_objects(know: EventKnowledge, token: Token) -> Iterator[Token]:
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in know.issue_preps):
        yield from (c for c in prep.children if c.dep_ in ("pobj", "pcomp"))


def _match(rows: dict[str, str], head: Token) -> tuple[int, str, str] | None:
    """The best row word the topic phrase under `head` names, with its score: a phrase of n words n + 1,
    the head word 2, a word modifying it 1."""
    heads = {head.lemma_.lower(), head.lower_}
    modifiers = {w for c in head.children if c.dep_ in MODIFIER_DEPS for w in (c.lemma_.lower(), c.lower_)}
    subtree = list(head.subtree)
    texts = (" " + " ".join(t.lower_ for t in subtree) + " ", " " + " ".join(t.lemma_.lower() for t in subtree) + " ")
    best: tuple[int, str, str] | None = None
    for word, child in rows.items():
        if " " in word:
            score = len(word.split()) + 1 if any(f" {word} " in text for text in texts) else 0
        else:
            score = 2 if word in heads else 1 if word in modifiers else 0
        if score and (best is None or score > best[0]):
            best = (score, word, child)
    return best
