"""The merge passes: candidates that are part of another candidate's event are marked framed, and
what they add (a toll's victims, a meeting's pair, a protest's demand) goes to the event they join.

`merge` visits the candidates in text order and applies to each the first of `RULES` that fits it;
the order matters, as a rule may add participants a later candidate's rule reads. Then the protest
topic pass runs over the result.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..lookups import sentence_of
from .candidates import Candidate, Participants, unique
from .code import code_candidate
from .frames import governing_trigger, object_frame
from .index import DocIndex
from .knowledge import EventKnowledge

ByToken = dict[int, Candidate]
Rule = Callable[[EventKnowledge, Candidate, ByToken], bool]
# the dependencies a noun hangs by inside the phrase a verb acts on: its object, its prepositional
# phrases, a compound of either, a conjunct or an apposition of them
TOPIC_DEPS = frozenset({"dobj", "pobj", "prep", "pcomp", "compound", "nsubjpass", "attr", "oprd", "conj", "appos"})
MAX_TOPIC_STEPS = 4
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "conj", "acl"})  # "to demand", "demanding", "calling for", "saying"


def merge(know: EventKnowledge, index: DocIndex, candidates: list[Candidate]) -> None:
    """Apply the merge rules, then the protest topic pass, to one document's candidates in place."""
    by_token = {c.token.i: c for c in candidates}
    for c in candidates:
        for rule in RULES:
            if rule(know, c, by_token):
                break
    protest_topic(know, index, candidates)
    subordinate(know, candidates)


def compound(know: EventKnowledge, c: Candidate, by_token: ByToken) -> bool:
    """ "a [bomb] attack": the modifier is part of its head's trigger."""
    if c.token.dep_ != "compound" or c.token.head.i not in by_token:
        return False
    c.framed = True
    return True


def toll(know: EventKnowledge, c: Candidate, by_token: ByToken) -> bool:
    """ "shelled Juba, [killing] about 20 people": the killing is the shelling's toll, one event."""
    token = c.token
    if c.trigger.cameo[:2] not in know.violence_roots or token.dep_ != "advcl" or token.tag_ != "VBG":
        return False
    act = by_token.get(token.head.i)
    if act is None or act.trigger.cameo[:2] not in know.violence_roots:
        return False
    act.people = Participants(act.people.sources, unique(act.people.targets + c.people.targets))
    c.framed = True
    return True


def background(know: EventKnowledge, c: Candidate, by_token: ByToken) -> bool:
    """An event noun given as background ("after fifteen years of occupation", "closed its borders because
    of [fighting between X and Y]") is not the sentence's event: CAMEO codes what the actor did, and GDELT's
    noise comes from coding every noun. Its phrase still holds its own time and place."""
    if not _in_background(know, c.token):
        return False
    c.framed = c.background = True
    return True


def frame(know: EventKnowledge, c: Candidate, by_token: ByToken) -> bool:
    """An action under a frame trigger ("threatened to [impose] sanctions") is coded inside the frame."""
    governor = _governor(c, by_token)
    if governor is None or not know.frame_kind(governor.trigger.cameo):
        return False
    governor.inners.append(c)
    c.framed = True
    return True


def same_root(know: EventKnowledge, c: Candidate, by_token: ByToken) -> bool:
    """One event, not two: "hosted X for a meeting" is the hosting (the more specific code); "held a phone
    conversation" the conversation (same code: the noun is the better evidence); "met Blair on his first
    visit to London" the meeting (a noun in the verb's own prepositional phrase is the act's circumstance,
    the verb says what was done), but "injured in a grenade attack" the attack (a toll verb, kb/phrases.tsv
    kind accident-word, says what the act cost, the noun what was done)."""
    governor = _governor(c, by_token)
    if governor is None or c.token.pos_ == "VERB" or governor.trigger.cameo[:2] != c.trigger.cameo[:2]:
        return False
    circumstance = (
        c.token.dep_ == "pobj"
        and c.token.head.head.i == governor.token.i
        and governor.token.pos_ == "VERB"
        and governor.token.lemma_.lower() not in know.accident_words  # "injured in an attack": the attack
    )
    if circumstance or _more_specific(governor.trigger.cameo, c.trigger.cameo):
        keep, drop = governor, c
    else:
        keep, drop = c, governor
    if keep.trigger.cameo == drop.trigger.cameo:
        keep.mutual = keep.mutual or drop.mutual
    if keep.trigger.cameo in know.third_party and keep.people.sources:
        # "host a meeting between X and Y": the meeting's pair are the host's targets
        keep.people = Participants(
            keep.people.sources,
            unique(
                keep.people.targets
                + [a for a in drop.people.sources + drop.people.targets if a not in keep.people.sources]
            ),
        )
        keep.mutual = False
    else:
        keep.people = Participants(
            unique(keep.people.sources + drop.people.sources), unique(keep.people.targets + drop.people.targets)
        )
    drop.framed = True
    return True


def topic(know: EventKnowledge, c: Candidate, by_token: ByToken) -> bool:
    """An event noun that is what another act is about is that act's topic, not a second event: "rejected
    the [withdrawal] agreement", "violated the [ceasefire]", "lifted [sanctions]", "claimed responsibility
    for the [attack]", "blamed X for the [bombing]". CAMEO codes the act (the rejection, the violation);
    the noun names the thing acted on, which happened (if at all) elsewhere and at another time. Harm done
    ("decried the looting") and what an act endorses ("welcomed the agreement") stay events
    (kb/conventions.tsv, topic-event-roots and endorsing-roots), unless the act ends or eases the harm
    ("lifted its [blockade]", "agreed to postpone the [protest]": yielding-roots), which is then its topic."""
    if c.token.pos_ not in ("NOUN", "PROPN"):
        return False
    act = _acting_verb(know, c.token, by_token)
    if act is None or act.trigger.cameo[:2] == c.trigger.cameo[:2] or act.trigger.cameo[:2] in know.endorsing_roots:
        return False
    if c.trigger.cameo[:2] in know.topic_event_roots and act.trigger.cameo[:2] not in know.yielding_roots:
        # harm done is reported as done: "decried the [looting]" (but "lifted the [blockade]" is the lifting);
        # its doer is its own, not the one who decries it ("Kenya condemned the attack on the embassy"); one
        # that names no victim keeps its participants, lest the harm be lost ("decried the looting"): coding it
        # with no participant at all lost more than it gained (conflict-news root F1)
        if c.people.targets and not any(o.dep_ == "poss" for o in c.token.children):
            c.people = Participants([a for a in c.people.sources if a not in act.people.sources], c.people.targets)
        return False
    c.framed = True
    if not act.people.targets:  # "lifted its blockade [of Yemen]": the topic names whom the act is on
        act.people = Participants(act.people.sources, [a for a in c.people.targets if a not in act.people.sources])
    return True


RULES: tuple[Rule, ...] = (compound, toll, background, frame, same_root, topic)


def protest_topic(know: EventKnowledge, index: DocIndex, candidates: list[Candidate]) -> None:
    """ "Students staged demonstrations to demand reforms": what a protest demands is its topic, not a
    second event (PLOVER manual, PROTEST); the demand's target becomes the protest's when it has none."""
    protests = {c.token.i: c for c in candidates if c.trigger.cameo[:2] == know.protest_root and not c.framed}
    if not protests:
        return
    for c in candidates:
        if c.framed or c.trigger.cameo[:2] not in know.protest_topic_roots or c.token.dep_ not in PURPOSE_DEPS:
            continue
        protest = _protest_of(c.token, protests)
        if protest is None:
            continue
        c.framed = True
        if not protest.people.targets:
            asked = code_candidate(know, index, c).people.targets
            protest.people = Participants(protest.people.sources, [a for a in asked if a not in protest.people.sources])


def subordinate(know: EventKnowledge, candidates: list[Candidate]) -> None:
    """An event in a clause that only gives another clause its background, condition or purpose is not the
    sentence's news when the sentence has news of its own: "Japan lifted the ban [after the talks ended]",
    "threatened to shell the bases [if Damascus did not meet the demands]", "provided 6 million euros [to
    support projects]". Its phrase keeps its own time and place (background). Kept: a sentence whose only
    events are such clauses (then they are all it reports), harm done (kb/conventions.tsv topic-event-roots:
    "vowed an inquiry after seven people were murdered" reports the murders), and the act behind a toll
    ("twelve were killed after bombers struck": the toll, an accident-word, is no news of its own)."""
    live = [c for c in candidates if not c.framed]
    sub = {c.token.i: _subordinate(know, c.token) for c in live}
    # the sentences with news of their own: a live event in no such clause, and no accident-word
    news = {
        sentence_of(o.token).start
        for o in live
        if not sub[o.token.i] and o.token.lemma_.lower() not in know.accident_words
    }
    for c in live:
        if not sub[c.token.i] or c.trigger.cameo[:2] in know.topic_event_roots:
            continue
        if sentence_of(c.token).start in news:  # never c itself: c is in such a clause
            c.framed = c.background = True


def _subordinate(know: EventKnowledge, token: Token) -> bool:
    """Does the trigger head, or sit in, a clause of background or condition (opened by a subordinate-mark
    of kb/phrases.tsv: "after", "if", "until" …) or of purpose (an infinitive: "to support")?"""
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in know.subordinate_marks for c in clause.children
    ):
        return True
    if clause.dep_ in ("advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return True
    # "a meeting aimed at [establishing] ties", "measures designed to [bolster] ties": a noun's purpose
    above = clause.head.head if clause.dep_ == "pcomp" else clause.head if clause.dep_ == "xcomp" else None
    return above is not None and above.dep_ == "acl" and above.lower_ in know.purpose_participles


def _protest_of(token: Token, protests: ByToken) -> Candidate | None:
    """The protest a purpose clause hangs on: its head, a sibling subject or object, or the object's verb."""
    head = token.head
    protest = protests.get(head.i) or next(
        (protests[k.i] for k in head.children if k.i in protests and k.dep_ in ("dobj", "nsubj")), None
    )
    if protest is None and head.dep_ == "dobj":  # "blocked roads [calling for …]": hung on the object
        protest = protests.get(head.head.i)
    return protest


def _governor(c: Candidate, by_token: ByToken) -> Candidate | None:
    """The candidate whose trigger frames or governs this one's, or None."""
    head = governing_trigger(c.token, by_token) or object_frame(c.token, by_token)
    return by_token[head.i] if head is not None else None


def _acting_verb(know: EventKnowledge, token: Token, by_token: ByToken) -> Candidate | None:
    """The verb trigger whose object phrase holds `token` ("rejected [the EU withdrawal agreement]",
    "claimed responsibility [for the attack]"), or None; an event noun met first, or a phrase that is the
    act's setting ("clashed [during] a rally", kb/phrases.tsv kind setting-prep), ends the walk."""
    current = token
    for _ in range(MAX_TOPIC_STEPS):
        if current.dep_ not in TOPIC_DEPS or current.head is current:
            return None
        if current.dep_ == "prep" and current.lower_ in know.setting_preps:
            return None
        current = current.head
        found = by_token.get(current.i)
        if found is not None:
            return found if found.trigger.pos == "VERB" else None
    return None


def _more_specific(code: str, other: str) -> bool:
    """0871 over 087 over 080: a longer code, or one that is not its root's general code."""
    return (len(code), not code.endswith("0")) > (len(other), not other.endswith("0"))


def _in_background(know: EventKnowledge, token: Token) -> bool:
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    current = token
    for _ in range(4):
        if current.dep_ == "pobj" and (
            current.head.lower_ in know.background_preps or _complex_prep(current.head) in know.background_preps
        ):
            return True
        if current.dep_ == "pobj" and current.head.dep_ == "prep" and current.head.head.dep_ == "appos":
            return True  # "Pakistan, a key ally in [the war] against terrorism, …": a description of an actor
        if current.dep_ not in ("pobj", "prep") or current.head is current:
            return False
        current = current.head
    return False


def _complex_prep(prep: Token) -> str:
    """The words of a complex preposition that ends in `prep` ("in response to", "in the wake of"), or ""."""
    noun = prep.head
    if prep.dep_ != "prep" or noun.dep_ != "pobj" or noun.pos_ != "NOUN" or not 0 < prep.i - noun.head.i <= 4:
        return ""
    return prep.doc[noun.head.i : prep.i + 1].text.lower()
