"""The frame algebra: a candidate's final code, participants and status once the frames above its
action are applied ("threatened to impose sanctions" is a threat of sanctions, 1312; "said it would
lift" an intention). The innermost action decides the specific code; the frame (kb/frames.tsv) the
kind of event it becomes."""

from __future__ import annotations

from spacy.tokens import Token

from .candidates import Candidate, Coded, Participants, unique
from .frames import has_own_subject
from .index import DocIndex
from .knowledge import EventKnowledge
from .participants import clause_subjects, condition_subjects, np_actors, prep_actors
from .status import conditional_threat, event_status, infinitive_complement, stated_future

ASKING = ("demand", "appeal")  # frames whose target is the one asked, not the action's target
ATTEMPT = "attempt"  # the frame of kb/frames.tsv an attempted act takes ("tried to assassinate": 185)


def code_candidate(know: EventKnowledge, index: DocIndex, c: Candidate) -> Coded:
    """The candidate's code with its frame applied: the innermost action decides the specific code."""
    coded = Coded(
        c.trigger.cameo,
        Participants(list(c.people.sources), list(c.people.targets)),
        c.status,
        c.rule,
        c.mutual,
        c.token,
        c.trigger.cameo,
    )
    kind = know.frame_kind(coded.code)
    if kind and c.inners:
        _frame_action(know, index, c, kind, coded)
    elif kind:
        _frame_without_action(know, index, c, kind, coded)
    elif _attempted(know, c, coded):
        pass  # "tried to assassinate": an attempt made, not a plan
    elif stated_future(know, c.token) and not c.framed:
        _stated_future(know, c, coded)
    people = coded.people
    if coded.code[:2] == know.threaten_root and not people.targets:
        people.targets += condition_subjects(know, index, c.token)
        people.targets += [a for i in c.inners for a in condition_subjects(know, index, i.token)]
    if coded.status == "planned" and coded.code.startswith(know.meeting_root):
        coded.code = know.intent_to_meet  # "an expected meeting": CAMEO codes the stated intention
    targets = [t for t in unique(people.targets) if t not in people.sources or coded.symmetric]
    coded.people = Participants(unique(people.sources), targets)
    return coded


def _attempted(know: EventKnowledge, c: Candidate, coded: Coded) -> bool:
    """ "Tried to assassinate", "an assassination attempt", "a failed assassination": an act an attempt-word
    of kb/phrases.tsv governs or modifies is coded by the attempt frame when it has a row there (CAMEO codes
    an attempted assassination 185 apart from one carried out, 186); other attempts keep their code."""
    framed = know.kb.framed(ATTEMPT, coded.code)
    if framed is None or framed == coded.code or not attempted(know, c.token):
        return False
    coded.rule = f"{coded.rule}+{ATTEMPT}->{framed}"
    coded.code = framed
    if c.token.pos_ in ("VERB", "AUX"):  # "tried to assassinate": the attempt was made, as "tried" says
        coded.status = event_status(know, c.token.head)
    return True


def attempted(know: EventKnowledge, token: Token) -> bool:
    """Is the trigger an attempt: the infinitive of an attempt-word ("tried [to assassinate]", "an attempt [to
    kill]"), a noun an attempt-word modifies ("a failed [assassination]") or one naming what an attempt-word
    noun attempts ("an [assassination] attempt", "an attempt at [assassination]")?"""
    words = know.attempt_words
    head = token.head
    if token.pos_ in ("VERB", "AUX"):
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        return (infinitive_complement(token) or (token.dep_ == "acl" and to)) and _is_one(head, words)
    if any(c.dep_ == "amod" and _is_one(c, words) for c in token.children):
        return True
    if token.dep_ == "pobj" and head.head is not head:
        return _is_one(head.head, words)
    return token.dep_ == "compound" and _is_one(head, words)


def _is_one(token: Token, words: frozenset[str]) -> bool:
    return token.lemma_.lower() in words or token.lower_ in words


def _frame_action(know: EventKnowledge, index: DocIndex, c: Candidate, kind: str, coded: Coded) -> None:
    """The nearest action inside the frame gives the code ("threatened to [impose] sanctions": 1312), its
    participants fill the frame's, and an intention is planned."""
    inner_c = min(c.inners, key=lambda i: abs(i.token.i - c.token.i))
    inner = code_candidate(know, index, inner_c)
    coded.action, coded.action_code = inner.action, inner.action_code
    if kind == "intent" and conditional_threat(inner_c.token):
        kind = "threaten"
    coded.code = _framed(know, kind, inner.code, fallback=coded.code)
    people = coded.people
    people.sources = people.sources or inner.people.sources
    if kind in ASKING and has_own_subject(inner_c.token):
        people.targets += inner.people.sources  # "demanded that the US cancel": the US is asked
    elif kind in ASKING:
        people.targets += _clause_targets(know, index, c, kind)
    if not people.targets:
        # "urged Iran to free the hostages": Iran is asked, not the hostages; "rejected Turkey's request to
        # extradite a critic": Turkey's request is rejected, not the critic. The action's targets are the
        # frame's only when the frame names none of its own.
        people.targets += inner.people.targets
    if kind == "intent" and coded.status == "occurred":
        coded.status = "planned"
    coded.rule = f"{coded.rule}+{inner.rule}"
    coded.symmetric = inner.symmetric and kind == "intent"  # "agreed to a ceasefire" binds both sides


def _frame_without_action(know: EventKnowledge, index: DocIndex, c: Candidate, kind: str, coded: Coded) -> None:
    """A frame with no coded action below it keeps its own code; its clause still names the target."""
    coded.people.targets += _clause_targets(know, index, c, kind)
    # "threatened to resume attacks in Israel": no coded action below, but its clause says where
    coded.action = next((t for t in c.token.children if t.dep_ == "ccomp" or infinitive_complement(t)), coded.action)


def _stated_future(know: EventKnowledge, c: Candidate, coded: Coded) -> None:
    """ "will not accept" is a refusal, "will withdraw unless …" a threat (an ultimatum), "will allow" an
    intention: a stated future action is coded as the frame its shape implies (kb/frames.tsv)."""
    kind = "refuse" if coded.status == "negated" else "threaten" if conditional_threat(c.token) else "intent"
    framed = know.kb.framed(kind, coded.code) or (know.ultimatum if kind == "threaten" else None)
    if framed:
        coded.rule = f"{coded.rule}+{kind}->{framed}"
        coded.code, coded.status = framed, ("occurred" if kind == "refuse" else coded.status)


def _framed(know: EventKnowledge, kind: str, inner: str, fallback: str) -> str:
    """The code of an action of code `inner` inside a frame of `kind`."""
    if len(inner) == 3 and inner.endswith("0") and fallback != fallback[:2] + "0":
        return fallback  # "rejected an offer" (125) says more than an offer in general (030) would
    if inner[:2] in know.kept_roots[kind]:
        return inner
    return know.kb.framed(kind, inner) or fallback


def _clause_targets(know: EventKnowledge, index: DocIndex, c: Candidate, kind: str) -> list[str]:
    """A frame with no event below it still names its target there: "demanded that the US cancel
    the sale" (the clause's subject), "threatened to cut electricity to Nakhichevan" (its objects)."""
    if c.people.targets:
        return []
    out: list[str] = []
    for clause in (t for t in c.token.children if t.dep_ in ("xcomp", "ccomp")):
        if kind in ASKING and clause.dep_ == "ccomp":
            out += clause_subjects(know, index, clause)
        for child in clause.children:
            if child.dep_ == "dobj":
                out += np_actors(know, index, child)
        out += prep_actors(know, index, clause, None)
    return out
