"""Who takes part in an event: the actors a trigger's subject, object and prepositional phrases name.

The source is the trigger's subject (the agent of a passive, the owner or clause subject of an event
noun), the target its object or the actor after its own preposition (with/to/against/on … when its
lexicon row names none). A noun phrase names its conjuncts' actors too ("China and India"), and a
counted group names the people counted ("thousands of Kenyans").
"""

from __future__ import annotations

from spacy.tokens import Token

from ...kb import Trigger
from .candidates import Participants, unique
from .index import DocIndex
from .knowledge import EventKnowledge
from .status import is_condition

SUBJECTS = ("nsubj", "csubj")
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})
SUBJECT_CHAIN_DEPS = ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "acomp")  # a clause whose subject is above


def participants(know: EventKnowledge, index: DocIndex, token: Token, trigger: Trigger) -> Participants:
    """The sources and targets of the event `trigger` codes at `token`."""
    if token.pos_ in ("VERB", "AUX"):
        return _verb_participants(know, index, token, trigger)
    return _noun_participants(know, index, token, trigger)


def _verb_participants(know: EventKnowledge, index: DocIndex, token: Token, trigger: Trigger) -> Participants:
    if token.lemma_.lower() in know.topic_verbs:
        return _talk_participants(know, index, token, trigger)
    sources = subject_actors(know, index, token)
    targets: list[str] = []
    for child in token.children:
        if child.dep_ == "dobj":
            named = {child.lemma_.lower(), child.lower_} & trigger.objects
            if not named & know.means:  # "sent [troops] to" is how, not to whom
                found = np_actors(know, index, child)
                if named:  # "held [military] exercises": a modifier of the event's own object names no one
                    found = [a for a in found if _placed(know, index, a)]
                targets += found
            if not targets:  # "held talks with X", "demanded an admission by Moscow": on the object noun
                targets += prep_actors(know, index, child, trigger.prep)
                targets += [] if trigger.prep else prep_actors(know, index, child, "by")
        elif child.dep_ == "nsubjpass":  # "Rubio was criticised by Beijing"
            targets += np_actors(know, index, child)
        elif child.dep_ == "agent":
            sources += [a for g in child.children if g.dep_ == "pobj" for a in np_actors(know, index, g)]
    targets += prep_actors(know, index, token, trigger.prep)
    sources, targets = _shared_passive(know, index, token, sources, targets)
    if trigger.cameo[:2] == know.disapprove_root and not any(c.dep_ == "dobj" for c in token.children):
        grievance = [a for prep in know.grievance_preps for a in prep_actors(know, index, token, prep)]
        targets = grievance or targets  # complained to the UN over Israel's raids: Israel, not the UN
        if not targets:  # "Iran charged that Iraq had used chemical weapons": the accused
            targets = [
                a for clause in token.children if clause.dep_ == "ccomp" for a in clause_subjects(know, index, clause)
            ]
    return Participants(unique(sources), unique(targets))


def _shared_passive(
    know: EventKnowledge, index: DocIndex, token: Token, sources: list[str], targets: list[str]
) -> tuple[list[str], list[str]]:
    """Coordinated passive verbs share their patient and their agent: in "a journalist was abducted and
    tortured by agents", the journalist is tortured too, and the agents abducted him too."""
    passive = [c for c in token.children if c.dep_ in ("nsubjpass", "auxpass")]
    if not sources and passive:  # "was [abducted] and tortured by X": the last conjunct's agent
        for conj in (c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == "VBN"):
            sources = [
                a for g in conj.children if g.dep_ == "agent" for p in g.children for a in np_actors(know, index, p)
            ]
            if sources:
                break
    head = token.head
    if (
        not targets
        and token.dep_ == "conj"
        and token.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in token.children)
    ):  # "was abducted and [tortured]": the first conjunct's patient
        targets = [a for c in head.children if c.dep_ == "nsubjpass" for a in np_actors(know, index, c)]
    return sources, targets


def _talk_participants(know: EventKnowledge, index: DocIndex, token: Token, trigger: Trigger) -> Participants:
    """ "The two leaders discussed Afghanistan": talk is between the parties talking and the ones talked
    with; what it was about (the object, an "about" phrase) is no party. One party talking about something
    with nobody named is a statement, not a consultation: no participants, so no event."""
    sources = subject_actors(know, index, token)
    prep = None if trigger.prep in know.topic_preps else trigger.prep
    held = [a for child in token.children if child.dep_ == "dobj" for a in prep_actors(know, index, child, "with")]
    targets = [a for a in prep_actors(know, index, token, prep) + held if a not in sources]  # "discussed trade with"
    if len(unique(sources + targets)) < 2:
        return Participants([], [])
    return Participants(unique(sources), unique(targets))


def _noun_participants(know: EventKnowledge, index: DocIndex, token: Token, trigger: Trigger) -> Participants:
    owner = [c for c in token.children if c.dep_ == "poss"]
    sources = np_actors(know, index, owner[0]) if owner else []
    if not sources and (not owner or owner[0].pos_ == "PRON"):
        # "Iraqi forces have begun [their] assault": a pronoun owner no actor was found for is, as a rule,
        # the clause's subject; an owner that is no actor and no pronoun ("Saturday's rally") names no one
        sources = _governing_subject(know, index, token)
    targets = prep_actors(know, index, token, trigger.prep)
    info = know.kb.cameo.get(trigger.cameo)
    if not trigger.prep and info is not None and info.quad_class in know.conflict_quads:
        targets += prep_actors(know, index, token, "of")  # "the blockade of Serbia"
    holders = [token] + ([token.head] if token.dep_ == "compound" else [])  # "a mediation effort between"
    between = [
        a
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ == "between"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for a in np_actors(know, index, pobj)
    ]
    if between and trigger.cameo in know.third_party:  # "Qatar's mediation between X and Y": X and Y are targets
        targets = between + targets
    elif between:  # "a meeting between the two leaders": the pair, not the clause's subject
        sources, targets = between, []
    return Participants(unique(sources), unique(targets))


def _placed(know: EventKnowledge, index: DocIndex, actor_id: str) -> bool:
    """Does the actor say whose it is: a country, or an international organisation?"""
    actor = index.actors.get(actor_id)
    return actor is not None and bool(actor.country or actor.sector in know.international_sectors)


def subject_actors(know: EventKnowledge, index: DocIndex, verb: Token) -> list[str]:
    """The actors the verb's subject names, looking up through the clauses that share it; a passive clause
    shares none."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            return np_actors(know, index, subjects[0])
        if token.dep_ != "conj" and any(c.dep_ == "nsubjpass" for c in token.children):
            return []  # "after villagers [were murdered]", "who [was detained]": a passive clause's subject is
            # its patient, and its doer is its own (the agent), not the subject of the clause above; a
            # coordinated one ("attacked and the town was taken") still shares the first one's doer
        if token.dep_ not in SUBJECT_CHAIN_DEPS or token.head is token:
            return []
        if token.dep_ == "relcl":
            return np_actors(know, index, token.head)
        if token.dep_ == "acl" and token.head.dep_ in ("dobj", "attr") and token.head.head is not token.head:
            token = token.head.head  # "X issued a declaration [demanding] …": X demands
            continue
        token = token.head
    return []


def _governing_subject(know: EventKnowledge, index: DocIndex, noun: Token) -> list[str]:
    """ "Wang made the remarks during a phone conversation with Rubio": the noun's clause subject."""
    token = noun
    for _ in range(5):
        if token.head is token:
            return []
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return subject_actors(know, index, token)
    return []


def prep_actors(know: EventKnowledge, index: DocIndex, token: Token, prep: str | None) -> list[str]:
    """Actors after the trigger's own preposition, or after any target preposition when it has none. A
    meeting's or a visit's "at"/"in" phrase is its venue, not a party, even when the place is a government
    seat that elsewhere stands for the government ("met Blair [at] 10 Downing Street"; kb/phrases.tsv kinds
    venue and locative)."""
    out: list[str] = []
    wanted = {prep} if prep else know.target_preps
    if not prep and (token.lemma_.lower() in know.venues or token.lower_ in know.venues):
        wanted = wanted - know.locatives
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in wanted:  # "provided aid [to] Jordan": dative
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                out += np_actors(know, index, pobj)
    return out


def clause_subjects(
    know: EventKnowledge, index: DocIndex, clause: Token, deps: tuple[str, ...] = ("nsubj", "nsubjpass")
) -> list[str]:
    """The actors a clause's subject names ("that [the US] cancel the sale")."""
    return [a for subject in clause.children if subject.dep_ in deps for a in np_actors(know, index, subject)]


def condition_subjects(know: EventKnowledge, index: DocIndex, verb: Token) -> list[str]:
    """ "threatened to stop the talks if the United States goes ahead": the one the threat is aimed at."""
    verbs = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    return [
        a
        for v in verbs
        for clause in v.children
        if is_condition(clause, know.threat_conditions)
        for a in clause_subjects(know, index, clause, SUBJECTS)
    ]


def np_actors(know: EventKnowledge, index: DocIndex, token: Token) -> list[str]:
    """Actors named by the noun phrase headed by `token`, its conjuncts included ("China and India")."""
    heads, frontier = [token], [token]
    while frontier:  # follow the chain of conjuncts: "Hungarian, Romanian and Polish officials"
        frontier = [c for t in frontier for c in t.children if c.dep_ == "conj"]
        heads += frontier
    actors_at = index.actors_at
    out: list[str] = []
    for head in heads:
        found = list(actors_at.get(head.i, ()))
        if not found and head.lemma_.lower() in know.quantity_nouns:
            # "thousands of Kenyans", "a group of Chechen refugees": the people counted
            found = [
                a
                for of in head.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for pobj in of.children
                if pobj.dep_ == "pobj"
                for a in actors_at.get(pobj.i, ())
            ]
        if not found:
            # the head may sit outside a mention that covers its modifiers ("the Chinese side"),
            # never inside a clause or phrase hanging on it ("an admission that Soviet forces killed Poles")
            for t in _phrase(head):
                if t.i in actors_at and t.dep_ not in ("relcl", "acl", "prep", "pobj"):
                    found = list(actors_at[t.i])
                    break
        out += found
    return out


def _phrase(head: Token) -> list[Token]:
    """`head`'s subtree in order, without the clauses hanging on it ("an admission [that Soviet forces …]")."""
    frontier = [head]
    out = []
    while frontier:
        token = frontier.pop()
        out.append(token)
        frontier += [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    return sorted(out, key=lambda t: t.i)
