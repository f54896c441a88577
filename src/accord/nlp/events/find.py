"""Candidate events from the trigger lexicon (kb/triggers.tsv): each verb or event noun whose
particle, object and preposition conditions hold, the most specific row winning, refined by the
instrument its clause names and by "joint"; and the obligations a speaker reports ("said X must")."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...kb import Trigger
from .candidates import Candidate, Participants
from .index import DocIndex
from .knowledge import EventKnowledge
from .participants import clause_subjects, participants, subject_actors
from .status import event_status, infinitive_complement

NOT_AN_EVENT = "-"  # a lexicon row for a use of the word that is no event ("released a statement")
OBJECT_DEPS = ("dobj", "attr", "oprd", "nsubjpass")
_TRIGGER_POS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}  # part of speech -> lexicon column
INSTRUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
DECLINE_COMMENT = "011"  # CAMEO 011 "decline comment": a refusal to comment, not a refusal of an act


def find_candidates(know: EventKnowledge, index: DocIndex) -> list[Candidate]:
    """Every trigger in the document with its participants and status, then the reported obligations."""
    doc = index.doc
    found = [c for c in (_candidate(know, index, doc[i]) for i in _lexicon_words(know, doc)) if c is not None]
    taken = {c.token.i for c in found}
    return found + _obligations(know, index, taken) + _claimed_acts(know, index, found, taken)


def _lexicon_words(know: EventKnowledge, doc: Doc) -> list[int]:
    """The tokens whose lemma or word has trigger rows for its part of speech, in text order: only they can
    be triggers (`_trigger`), found from one array of the tokens' attributes without a Token for each."""
    strings, triggers = doc.vocab.strings, know.kb.triggers
    out = []
    for i, (pos, lemma, lower) in enumerate(doc.to_array(["POS", "LEMMA", "LOWER"]).tolist()):
        kind = _TRIGGER_POS.get(strings[pos])
        if kind and ((strings[lemma].lower(), kind) in triggers or (strings[lower], kind) in triggers):
            out.append(i)
    return out


def _candidate(know: EventKnowledge, index: DocIndex, token: Token) -> Candidate | None:
    if token.i in index.actors_at:
        return None  # a word inside an actor's name ("Amnesty International") is not an event
    trigger = _trigger(know, token)
    if trigger is None or _natural_cause(know, token) or _claimed_topic(know, token):
        return None
    trigger = _instrument(know, token, trigger)
    trigger = _joint(know, token, trigger)
    trigger = _peacekeeping(know, token, trigger)
    return Candidate(token, trigger, participants(know, index, token, trigger), event_status(know, token))


def _trigger(know: EventKnowledge, token: Token) -> Trigger | None:
    """The most specific lexicon row that fits the token, or None (also for a row saying "no event")."""
    pos = _TRIGGER_POS.get(token.pos_)
    if pos is None:
        return None
    triggers = know.kb.triggers
    rows = triggers.get((token.lemma_.lower(), pos)) or triggers.get((token.lower_, pos))
    if not rows:
        return None
    fitting = [row for row in (_declined_act(know, token, r) for r in rows) if _fits(know, token, row)]
    if not fitting:
        return None
    best = max(fitting, key=lambda row: row.specificity)
    return None if best.cameo == NOT_AN_EVENT else best


def _claimed_topic(know: EventKnowledge, token: Token) -> bool:
    """Is the event noun what an accusation or a claim is about ("blamed Hamas for [the attack]", "claimed
    responsibility for the Farah and Ghazni [attacks]"; kb/phrases.tsv, claim-topic)? It is coded by the
    accusation or claim, and is no event of its own whose doer would be the speaker."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = token
    for _ in range(4):  # "the Farah and the Ghazni [attacks]": up to the first conjunct
        if noun.dep_ != "conj" or noun.head is noun:
            break
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head is prep:
        return False
    holder = prep.head
    return know.claim_topics.get(holder.lemma_.lower()) == prep.lower_


def _natural_cause(know: EventKnowledge, token: Token) -> bool:
    """Is the trigger's doer a natural force, a disaster or a disease ("a tsunami killed 43 people",
    "was struck by an earthquake"; kb/phrases.tsv kind natural-cause)? Then it is no political event."""
    doers = [c for c in token.children if c.dep_ in ("nsubj", "csubj")]
    doers += [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(d.lemma_.lower() in know.natural_causes or d.lower_ in know.natural_causes for d in doers)


def _fits(know: EventKnowledge, token: Token, row: Trigger) -> bool:
    if row.cameo.startswith(DECLINE_COMMENT) and not _refuses_comment(know, token):
        return False
    if row.particle and not any(c.dep_ == "prt" and c.lower_ == row.particle for c in token.children):
        return False
    if row.objects and not (_object_lemmas(know, token) & row.objects):
        return False
    if row.prep:
        # a verb needs the preposition as its own prep/agent; a noun, anywhere among its dependents
        return any(
            c.lower_ == row.prep and (token.pos_ != "VERB" or c.dep_ in ("prep", "agent", "dative"))
            for c in token.children
        )
    return True


def _declined_act(know: EventKnowledge, token: Token, row: Trigger) -> Trigger:
    """ "Declined to [resign]" refuses an act, as "refused to" does: a "decline comment" row (011) of a verb
    whose infinitive is an act, not a comment, codes the refusal (kb/conventions.tsv declined-act)."""
    if not row.cameo.startswith(DECLINE_COMMENT) or _refuses_comment(know, token):
        return row
    return replace(row, cameo=know.declined_act, note="declined to act")


def _refuses_comment(know: EventKnowledge, token: Token) -> bool:
    """Is a "decline comment" trigger a refusal to comment? "declined to [comment]" and a bare "declined" are;
    "declined to [resign]" refuses an act of the subject's own (kb/phrases.tsv, comment-verb)."""
    acts = [c for c in token.children if c.pos_ in ("VERB", "AUX") and infinitive_complement(c)]
    return not acts or any(c.lemma_.lower() in know.comment_verbs for c in acts)


def _object_lemmas(know: EventKnowledge, token: Token) -> set[str]:
    """The direct object's head, looking through "two days of [talks]", "a [condolence] message" and compounds."""
    lemmas: set[str] = set()
    for child in token.children:
        if token.pos_ == "VERB" and child.dep_ == "prep" and child.lower_ in know.object_preps:
            # "spoke by phone with": the instrument stands in for an object
            for pobj in (p for p in child.children if p.dep_ == "pobj"):
                lemmas |= {pobj.lemma_.lower(), pobj.lower_}
        if child.dep_ in OBJECT_DEPS or (token.pos_ != "VERB" and child.dep_ == "compound"):
            lemmas.add(child.lemma_.lower())
            lemmas.add(child.lower_)
            if token.pos_ == "VERB" and child.lemma_.lower() in know.light_nouns:
                lemmas |= {c.lemma_.lower() for c in child.children if c.dep_ == "compound"}
            if child.lemma_.lower() in know.measure_nouns:
                for of in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                    for pobj in (c for c in of.children if c.dep_ == "pobj"):
                        lemmas |= {pobj.lemma_.lower(), pobj.lower_}
    return lemmas


def _instrument(know: EventKnowledge, token: Token, trigger: Trigger) -> Trigger:
    """ "Killed by a roadside bomb" is a bombing (1833), not armed combat (190): the instrument named in
    the clause refines the general violence codes (kb/phrases.tsv, kind instrument)."""
    if trigger.cameo not in know.general_violence:
        return trigger
    words = know.instruments
    doc = token.doc
    codes = []
    for child in token.children:  # the subject, the agent and "in/by/with" phrases: who or what did it
        if child.dep_ in INSTRUMENT_DEPS or (child.dep_ == "prep" and child.lower_ in know.instrument_preps):
            for t in child.subtree:
                pair = f"{doc[t.i - 1].lower_} {t.lower_}" if t.i > 0 else ""
                codes += [words[w] for w in (pair, t.lower_) if w in words]
    if not codes:
        return trigger
    code = max(codes, key=len)  # the most specific: "suicide bomber" is 1831, not 183
    return replace(trigger, cameo=code, note=f"{trigger.note or trigger.lemma}; by {code}")


def _joint(know: EventKnowledge, token: Token, trigger: Trigger) -> Trigger:
    """ "Joint military exercises" are cooperation (062), not a show of force (150): PLOVER codes joint
    operations COOPERATE and single-country exercises MOBILIZE (kb/phrases.tsv, kind joint)."""
    if trigger.cameo[:2] != know.mobilize_root:
        return trigger
    heads = [token] + [c for c in token.children if c.dep_ == "dobj"]  # "held [joint] exercises"
    words = [c.lower_ for h in heads for c in h.children if c.dep_ in ("amod", "compound")]
    code = next((know.joint[w] for w in words if w in know.joint), None)
    if code is None:
        return trigger
    return replace(trigger, cameo=code, symmetric=True, note=f"joint {trigger.note or trigger.lemma}")


def _peacekeeping(know: EventKnowledge, token: Token, trigger: Trigger) -> Trigger:
    """ "Sent 300 troops to the UN peacekeeping mission", "the deployment of NATO peacekeeping troops": a
    deployment for peacekeeping is military protection given (CAMEO 074), not a show of force (15); the
    trigger's phrase, its subject aside, says so (kb/phrases.tsv, kind peacekeeping)."""
    if trigger.cameo[:2] != know.mobilize_root:
        return trigger
    words = [t.lower_ for c in token.children if c.dep_ not in ("nsubj", "nsubjpass") for t in c.subtree]
    code = next((know.peacekeeping[w] for w in words if w in know.peacekeeping), None)
    if code is None:
        return trigger
    return replace(trigger, cameo=code, note=f"{trigger.note or trigger.lemma}; peacekeeping")


def _obligations(know: EventKnowledge, index: DocIndex, taken: set[int]) -> list[Candidate]:
    """ "The Red Cross said US forces must ensure security": a reported obligation is a demand of the
    speaker on the clause's subject (CAMEO 10), framed like "demanded that US forces ensure"."""
    out = []
    doc = index.doc
    strings = doc.vocab.strings
    for i, dep in enumerate(doc.to_array(["DEP"]).tolist()):
        if strings[dep] != "ccomp":
            continue
        token = doc[i]
        if (
            any(c.lower_ == "must" and c.dep_ == "aux" for c in token.children)
            and token.head.lemma_.lower() in know.kb.cue_verbs
            and token.head.i not in taken
        ):
            verb = token.head
            trigger = Trigger(
                verb.lemma_.lower(), "VERB", None, frozenset(), None, know.reported_obligation, False, "said X must"
            )
            sources = subject_actors(know, index, verb)
            targets = clause_subjects(know, index, token)
            out.append(Candidate(verb, trigger, Participants(sources, targets), "occurred"))
            taken.add(verb.i)
    return out


def _claimed_acts(know: EventKnowledge, index: DocIndex, found: list[Candidate], taken: set[int]) -> list[Candidate]:
    """ "The Houthis claimed that they had attacked the airport": a claim (kb/phrases.tsv claim-verb) whose
    clause is the claimer's own act of violence, its subject a pronoun or the claimer, is a claim of
    responsibility (CAMEO 015, kb/conventions.tsv claimed-act), which frames the act (merge.frame). A claim
    that another did it ("claimed that the army had shelled the town") is no claim of responsibility."""
    out = []
    for c in found:
        clause, verb = c.token, c.token.head
        if clause.dep_ != "ccomp" or c.trigger.cameo[:2] not in know.violence_roots or verb.i in taken:
            continue
        if verb.lemma_.lower() not in know.claim_verbs:
            continue
        doers = [s for s in clause.children if s.dep_ == "nsubj"]
        claimers = subject_actors(know, index, verb)
        if not doers or not (doers[0].pos_ == "PRON" or (c.people.sources and set(c.people.sources) <= set(claimers))):
            continue
        trigger = Trigger(
            verb.lemma_.lower(), "VERB", None, frozenset(), None, know.claimed_act, False, "claimed X did"
        )
        out.append(Candidate(verb, trigger, Participants(claimers, []), "occurred"))
        taken.add(verb.i)
    return out
