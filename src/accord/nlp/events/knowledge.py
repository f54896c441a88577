"""What the event coder knows, as typed fields: the knowledge base with the event word lists
(kb/phrases.tsv) and coding conventions (kb/conventions.tsv) read out of it once per process, so the
rules name what they use ("the irregular sectors") instead of looking strings up in every call."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import UsageError
from ...kb import KnowledgeBase

FRAME_KINDS = (
    "appeal",
    "intent",
    "demand",
    "refuse",
    "threaten",
    "weigh",
    "claim",
)  # the frames code.py knows how to apply


@dataclass(frozen=True)
class EventKnowledge:
    """The knowledge base and the event coder's lists and conventions, built once per process."""

    kb: KnowledgeBase
    # word lists (kb/phrases.tsv)
    measure_nouns: frozenset[str]
    light_nouns: frozenset[str]  # "sent a [condolence] message": the modifier is the object
    quantity_nouns: frozenset[str]
    background_preps: frozenset[str]
    target_preps: frozenset[str]
    grievance_preps: tuple[str, ...]  # in the order they are looked for
    object_preps: frozenset[str]
    instrument_preps: frozenset[str]
    place_target_preps: frozenset[str]
    threat_conditions: frozenset[str]
    phone_words: frozenset[str]
    means: frozenset[str]
    instruments: dict[str, str]  # word -> the CAMEO code it refines violence to
    joint: dict[str, str]  # modifier -> the CAMEO code of a joint exercise
    peacekeeping: dict[str, str]  # word -> the CAMEO code of a deployment for peacekeeping
    place_preps: frozenset[str]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    conditions: frozenset[str]
    planning_verbs: frozenset[str]
    ready_adjectives: frozenset[str]
    planned_modifiers: frozenset[str]
    refusing_verbs: frozenset[str]
    comment_verbs: frozenset[str]
    claim_topics: dict[str, str]  # "blamed X [for] the attack": word -> the preposition of its topic
    claim_verbs: frozenset[str]  # "claimed that they had attacked": a claim of the claimer's own act
    accident_words: frozenset[str]  # a toll or a blast naming nobody may be an accident, not violence
    role_preps: frozenset[str]  # "Ambassador [to] Bahrain": a role's own phrase
    crowd_words: frozenset[str]  # "protesters", "rioters": a crowd in the street
    venues: frozenset[str]  # triggers whose "at"/"in" phrase is where they happened ("met X at Y")
    locatives: frozenset[str]  # prepositions that make a place a location, not a participant
    topic_verbs: frozenset[str]  # "discussed [Afghanistan]": the object is the topic, not a party
    topic_preps: frozenset[str]  # "talked [about] Afghanistan"
    when_marks: frozenset[str]  # "[when] England was in peril in 1940, …": a clause of the same time
    natural_causes: frozenset[str]  # "a tsunami [killed]": a trigger done by a natural force is no event
    subordinate_marks: frozenset[str]  # "[after] X fired on protesters": a clause of background or condition
    purpose_participles: frozenset[str]  # "a meeting [aimed] at establishing ties": a noun's purpose
    setting_preps: frozenset[str]  # "clashed [during] a rally": the act's setting, not what it acts on
    issue_preps: frozenset[str]  # "accused X [of] corruption": the phrase naming an event's topic (kb/topics.tsv)
    issue_verbs: frozenset[str]  # "[demanding] their release": the verb whose object is a protest's topic
    attempt_words: frozenset[str]  # "[tried] to assassinate": the act is an attempt (frame attempt)
    # coding conventions (kb/conventions.tsv)
    conventional_force: str
    unconventional_violence: str
    irregular_sectors: frozenset[str]
    international_sectors: frozenset[str]
    meeting_root: str
    intent_to_meet: str
    third_party: frozenset[str]
    general_violence: frozenset[str]
    mobilize_root: str
    violence_roots: frozenset[str]
    protest_root: str
    protest_topic_roots: frozenset[str]
    disapprove_root: str
    threaten_root: str
    conflict_quads: frozenset[int]
    ultimatum: str
    reported_obligation: str
    claimed_act: str  # the code of a claim of one's own act of violence (015)
    declined_act: str  # "declined to resign": the code of a refusal to act (120)
    statement: str
    unnamed_source_roots: frozenset[str]  # roots (or codes) whose event naming nobody is the place's (its source)
    unnamed_target_roots: frozenset[str]  # roots (or codes) whose event naming nobody is done to the place
    riot: str  # violence between a crowd and others
    security_sectors: frozenset[str]
    repression: str  # one-sided violence by security forces on a crowd
    crowd_protest_roots: frozenset[str]  # a crowd's demand, appeal or defiance is its protest
    crowd_protest: str
    topic_event_roots: frozenset[str]  # event nouns of these roots stay events inside an act's object
    endorsing_roots: frozenset[str]  # acts that affirm the event noun they are about ("welcomed the agreement")
    yielding_roots: frozenset[str]  # acts that end or ease the harm they are about
    history_days: int  # an event dated more than this before the anchor is historical
    frame_of_root: dict[str, str]  # CAMEO root (or code) -> the kind of frame its triggers are
    kept_roots: dict[str, frozenset[str]]  # frame kind -> roots an action inside it keeps ("intent to threaten")

    def frame_kind(self, cameo: str) -> str | None:
        """The kind of frame (intent, refuse, demand, appeal, threaten, weigh) a trigger of code `cameo` is,
        by its code (014) or its root (03), or None."""
        return self.frame_of_root.get(cameo[:3]) or self.frame_of_root.get(cameo[:2])

    @classmethod
    def of(cls, kb: KnowledgeBase) -> EventKnowledge:
        """Read the event lists and conventions out of a loaded knowledge base."""
        words = kb.phrases

        def listed(kind: str) -> frozenset[str]:
            return frozenset(words.get(kind, {}))

        def one(name: str) -> str:
            (value,) = _convention(kb, name)
            return value

        def many(name: str) -> frozenset[str]:
            return frozenset(_convention(kb, name))

        return cls(
            kb=kb,
            measure_nouns=listed("measure-noun"),
            light_nouns=listed("light-noun"),
            quantity_nouns=listed("quantity-noun"),
            background_preps=listed("background-prep"),
            target_preps=listed("target-prep"),
            grievance_preps=tuple(words.get("grievance-prep", {})),
            object_preps=listed("object-prep"),
            instrument_preps=listed("instrument-prep"),
            place_target_preps=listed("place-target-prep"),
            threat_conditions=listed("threat-condition"),
            phone_words=listed("phone"),
            means=listed("means"),
            instruments=dict(words.get("instrument", {})),
            joint=dict(words.get("joint", {})),
            peacekeeping=dict(words.get("peacekeeping", {})),
            place_preps=listed("place-prep"),
            future_aux=listed("future-aux"),
            hypothetical_aux=listed("hypothetical-aux"),
            conditions=listed("condition"),
            planning_verbs=listed("planning-verb"),
            ready_adjectives=listed("ready-adjective"),
            planned_modifiers=listed("planned-modifier"),
            refusing_verbs=listed("refusing-verb"),
            comment_verbs=listed("comment-verb"),
            claim_topics=dict(words.get("claim-topic", {})),
            claim_verbs=listed("claim-verb"),
            accident_words=listed("accident-word"),
            role_preps=listed("role-prep"),
            crowd_words=listed("crowd"),
            venues=listed("venue"),
            locatives=listed("locative"),
            topic_verbs=listed("topic-verb"),
            topic_preps=listed("topic-prep"),
            when_marks=listed("when-mark"),
            natural_causes=listed("natural-cause"),
            subordinate_marks=listed("subordinate-mark"),
            purpose_participles=listed("purpose-participle"),
            setting_preps=listed("setting-prep"),
            issue_preps=listed("issue-prep"),
            issue_verbs=listed("issue-verb"),
            attempt_words=listed("attempt-word"),
            conventional_force=one("conventional-force"),
            unconventional_violence=one("unconventional-violence"),
            irregular_sectors=many("irregular-sectors"),
            international_sectors=many("international-sectors"),
            meeting_root=one("meeting-root"),
            intent_to_meet=one("intent-to-meet"),
            third_party=many("third-party"),
            general_violence=many("general-violence"),
            mobilize_root=one("mobilize-root"),
            violence_roots=many("violence-roots"),
            protest_root=one("protest-root"),
            protest_topic_roots=many("protest-topic-roots"),
            disapprove_root=one("disapprove-root"),
            threaten_root=one("threaten-root"),
            conflict_quads=frozenset(int(q) for q in many("conflict-quads")),
            ultimatum=one("ultimatum"),
            reported_obligation=one("reported-obligation"),
            claimed_act=one("claimed-act"),
            declined_act=one("declined-act"),
            statement=one("statement"),
            unnamed_source_roots=many("unnamed-source-roots"),
            unnamed_target_roots=many("unnamed-target-roots"),
            riot=one("riot"),
            security_sectors=many("security-sectors"),
            repression=one("repression"),
            crowd_protest_roots=many("crowd-protest-roots"),
            crowd_protest=one("crowd-protest"),
            topic_event_roots=many("topic-event-roots"),
            endorsing_roots=many("endorsing-roots"),
            yielding_roots=many("yielding-roots"),
            history_days=int(one("history-days")),
            frame_of_root={root: kind for kind in FRAME_KINDS for root in many(f"frame-{kind}")},
            kept_roots={kind: frozenset(kb.conventions.get(f"kept-{kind}") or ()) for kind in FRAME_KINDS},
        )


def _convention(kb: KnowledgeBase, name: str) -> tuple[str, ...]:
    values = kb.conventions.get(name)
    if not values:
        raise UsageError(f"the knowledge base has no coding convention {name!r} (kb/conventions.tsv)")
    return values
