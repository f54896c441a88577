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
from .status import conditional_threat, infinitive_complement, stated_future

ASKING = ("demand", "appeal")  # frames whose target is the one asked, not the action's target


def code_candidate(know: EventKnowledge, index: DocIndex, c: Candidate) -> Coded:
    """The candidate's code with its frame applied: the innermost action decides the specific code."""
    code, status, rule, symmetric = c.trigger.cameo, c.status, c.rule, c.mutual
    action: Token | None = c.token
    action_code = c.trigger.cameo
    sources, targets = list(c.people.sources), list(c.people.targets)
    kind = know.frame_kind(code)
    if kind and c.inners:
        inner_c = min(c.inners, key=lambda i: abs(i.token.i - c.token.i))
        inner = code_candidate(know, index, inner_c)
        action, action_code = inner.action, inner.action_code
        if kind == "intent" and conditional_threat(inner_c.token):
            kind = "threaten"
        code = _framed(know, kind, inner.code, fallback=code)
        sources = sources or inner.people.sources
        if kind in ASKING and has_own_subject(inner_c.token):
            targets += inner.people.sources  # "demanded that the US cancel": the US is asked
        elif kind in ASKING:
            targets += _clause_targets(know, index, c, kind)
        if not (kind in ASKING and targets):
            targets += inner.people.targets  # "urged Iran to free the hostages": Iran is asked, not the hostages
        if kind == "intent" and status == "occurred":
            status = "planned"
        rule = f"{rule}+{inner.rule}"
        symmetric = inner.symmetric and kind == "intent"  # "agreed to a ceasefire" binds both sides
    elif kind:
        targets += _clause_targets(know, index, c, kind)
        # "threatened to resume attacks in Israel": no coded action below, but its clause says where
        action = next((t for t in c.token.children if t.dep_ == "ccomp" or infinitive_complement(t)), action)
    elif stated_future(know, c.token) and not c.framed:
        kind = "refuse" if status == "negated" else "threaten" if conditional_threat(c.token) else "intent"
        framed = know.kb.framed(kind, code) or (know.ultimatum if kind == "threaten" else None)
        if framed:
            rule = f"{rule}+{kind}->{framed}"
            code, status = framed, ("occurred" if kind == "refuse" else status)
    if code[:2] == know.threaten_root and not targets:
        targets += condition_subjects(know, index, c.token)
        targets += [a for i in c.inners for a in condition_subjects(know, index, i.token)]
    if status == "planned" and code.startswith(know.meeting_root):
        code = know.intent_to_meet  # "an expected meeting": CAMEO codes the stated intention
    targets = [t for t in unique(targets) if t not in sources or symmetric]
    return Coded(code, Participants(unique(sources), targets), status, rule, symmetric, action, action_code)


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
