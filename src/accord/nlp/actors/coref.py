"""Within-document coreference: "He underlined" to the person last in subject position; "it", "they",
"its", "their" in a reported clause to the reporting subject ("Japan said it had halted aid"); and
collective phrases ("both nations", "the two leaders") to the two actors they stand for."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .references import SUBJECT_DEPS, Cues
from .resolve import ActorDraft, Resolver


def add_coreferences(doc: Doc, drafts: dict[tuple, ActorDraft], cues: Cues, resolver: Resolver) -> None:
    """Add pronouns and collective phrases as mentions of the actors in `drafts` they stand for."""
    persons = [d for d in drafts.values() if d.kind == "person"]
    sentence_starts = [s.start_char for s in doc.sents] if cues.pronouns else []
    for pronoun in cues.pronouns:
        antecedent = _antecedent(doc, persons, pronoun.idx, sentence_starts)
        if antecedent is not None:
            antecedent.mentions.append((pronoun.idx, pronoun.idx + len(pronoun)))
    _reported_pronouns(doc, [d for d in drafts.values() if d.kind != "person"])
    for phrase in cues.collectives:
        kind = resolver.kb.phrases["collective"].get(phrase.text.lower())
        start, end = phrase.start_char, phrase.end_char
        if kind == "persons":
            members = _two_leaders(persons, start, resolver.leader_roles)
        else:
            members = [_country_actor(drafts, iso, resolver) for iso in _two_countries(drafts, start)]
        if len(members) == 2:
            for member in members:
                member.mentions.append((start, end))


def _antecedent(doc: Doc, persons: list[ActorDraft], offset: int, sentence_starts: list[int]) -> ActorDraft | None:
    """The person last named as a subject in this or the previous two sentences, else the last named."""
    earlier_starts = [s for s in sentence_starts if s <= offset]
    window = earlier_starts[-3] if len(earlier_starts) >= 3 else 0
    best_subject, best_any = None, None
    for person in persons:
        for start, end in person.mentions:
            if start >= offset:
                continue
            if best_any is None or start > best_any[0]:
                best_any = (start, person)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and start >= window and span.root.dep_ in SUBJECT_DEPS:
                if best_subject is None or start > best_subject[0]:
                    best_subject = (start, person)
    chosen = best_subject or best_any
    return chosen[1] if chosen else None


def _two_leaders(persons: list[ActorDraft], offset: int, leader_roles: set[str]) -> list[ActorDraft]:
    """The two persons named last before `offset`, leaders first ("the two leaders")."""

    def last_before(p: ActorDraft) -> int:
        return max((s for s, _ in p.mentions if s < offset), default=-1)

    named = sorted((p for p in persons if last_before(p) >= 0), key=last_before, reverse=True)
    leaders = [p for p in named if p.role and p.role.lower() in leader_roles]
    return (leaders if len(leaders) >= 2 else named)[:2]


def _two_countries(drafts: dict[tuple, ActorDraft], offset: int) -> list[str]:
    weight: Counter[str] = Counter()
    for d in drafts.values():
        if d.country:
            weight[d.country] += sum(1 for s, _ in d.mentions if s < offset)
    top = [iso for iso, n in weight.most_common() if n > 0]
    return top[:2] if len(top) >= 2 else []


def _country_actor(drafts: dict[tuple, ActorDraft], iso: str, resolver: Resolver) -> ActorDraft:
    draft = resolver.country(iso)
    return drafts.setdefault(draft.key, draft)


# Closed-class pronouns and clause labels: grammar, not knowledge to extend.
GROUP_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj"})


def _reported_pronouns(doc: Doc, groups: list[ActorDraft]) -> None:
    """ "Syria says it is willing", "Bosnian Serbs said their forces": a group pronoun that is the subject
    (or the subject's owner) of a clause refers to the subject of the verb that clause hangs on, when
    that subject is a country, organisation or group. Only that configuration: it is nearly always right."""
    if not groups:
        return
    starts: dict[int, ActorDraft] = {}
    for draft in groups:
        for start, _end in draft.mentions:
            starts.setdefault(start, draft)
    for token in doc:
        if token.lower_ not in GROUP_PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        clause = token.head if token.dep_ != "poss" else token.head.head
        if token.dep_ == "poss" and token.head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if clause.dep_ not in CLAUSE_DEPS or clause.head is clause:
            continue
        subjects = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        subject = subjects[0]
        antecedent = None
        for t in subject.subtree:
            if t.idx in starts:
                antecedent = starts[t.idx]
                break
        if antecedent is not None and (token.idx, token.idx + len(token)) not in antecedent.mentions:
            antecedent.mentions.append((token.idx, token.idx + len(token)))
