"""Within-document coreference: "He underlined" to the person last in subject position; "it", "they",
"its", "their" in a reported clause to the reporting subject ("Japan said it had halted aid"); and
collective phrases ("both nations", "the two leaders") to the two actors they stand for."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter

from spacy.tokens import Doc

from ..lookups import tokens_with
from .references import SUBJECT_DEPS, Cues
from .resolve import ActorDraft, Resolver


def add_coreferences(doc: Doc, drafts: dict[tuple, ActorDraft], cues: Cues, resolver: Resolver) -> None:
    """Add pronouns and collective phrases as mentions of the actors in `drafts` they stand for."""
    persons = [d for d in drafts.values() if d.kind == "person"]
    sentence_starts = [s.start_char for s in doc.sents] if cues.pronouns else []
    named = _PersonMentions(doc, persons)
    for pronoun in cues.pronouns:
        antecedent = named.antecedent(pronoun.idx, _window_start(sentence_starts, pronoun.idx))
        if antecedent is not None:
            mention = (pronoun.idx, pronoun.idx + len(pronoun))
            persons[antecedent].mentions.append(mention)
            named.add(mention, antecedent)
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


def _window_start(sentence_starts: list[int], offset: int) -> int:
    """Where the sentence two before the one at `offset` starts (0 near the beginning)."""
    earlier = bisect_right(sentence_starts, offset)
    return sentence_starts[earlier - 3] if earlier >= 3 else 0


class _PersonMentions:
    """The persons' mentions ordered by (start, person), so that the antecedent of a pronoun is found
    near it by bisection instead of by reading every mention of the document for every pronoun."""

    def __init__(self, doc: Doc, persons: list[ActorDraft]):
        self.doc = doc
        self.keys = sorted((start, n, end) for n, p in enumerate(persons) for start, end in p.mentions)
        self._subject: dict[tuple[int, int], bool] = {}

    def add(self, mention: tuple[int, int], person: int) -> None:
        """A mention found for person number `person` (a pronoun resolved to them)."""
        insort(self.keys, (mention[0], person, mention[1]))

    def antecedent(self, offset: int, window: int) -> int | None:
        """The person (by number) last named as a subject from `window` up to `offset`, else the last
        named before it; of two named at the same place, the first person."""
        keys = self.keys
        below = bisect_left(keys, (offset,))
        if below == 0:
            return None
        last_start = keys[below - 1][0]
        any_person = keys[bisect_left(keys, (last_start,))][1]
        k = below - 1
        while k >= 0 and keys[k][0] >= window:
            start, person, end = keys[k]
            group = k
            while group > 0 and keys[group - 1][0] == start:
                group -= 1
            for g in range(group, k + 1):  # the same start: the first person in order who is a subject
                if self._is_subject(keys[g][0], keys[g][2]):
                    return keys[g][1]
            k = group - 1
        return any_person

    def _is_subject(self, start: int, end: int) -> bool:
        found = self._subject.get((start, end))
        if found is None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            found = self._subject[(start, end)] = span is not None and span.root.dep_ in SUBJECT_DEPS
        return found


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
    for token in tokens_with(doc, LOWER=GROUP_PRONOUNS, DEP=("nsubj", "nsubjpass", "poss")):
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
