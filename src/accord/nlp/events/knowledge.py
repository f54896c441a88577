"""What the event coder knows, as typed fields: the knowledge base with the event word lists
(kb/phrases.tsv) and coding conventions (kb/conventions.tsv) read out of it once per process, so the
rules name what they use ("the irregular sectors") instead of looking strings up in every call."""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import UsageError
from ...kb import KnowledgeBase


@dataclass(frozen=True)
class EventKnowledge:
    """The knowledge base and the event coder's lists and conventions, built once per process."""

    kb: KnowledgeBase
    # word lists (kb/phrases.tsv)
    measure_nouns: frozenset[str]
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
    statement: str

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
            measure_nouns=listed("measure-noun"), quantity_nouns=listed("quantity-noun"),
            background_preps=listed("background-prep"), target_preps=listed("target-prep"),
            grievance_preps=tuple(words.get("grievance-prep", {})), object_preps=listed("object-prep"),
            instrument_preps=listed("instrument-prep"), place_target_preps=listed("place-target-prep"),
            threat_conditions=listed("threat-condition"), phone_words=listed("phone"), means=listed("means"),
            instruments=dict(words.get("instrument", {})), joint=dict(words.get("joint", {})),
            conventional_force=one("conventional-force"), unconventional_violence=one("unconventional-violence"),
            irregular_sectors=many("irregular-sectors"), international_sectors=many("international-sectors"),
            meeting_root=one("meeting-root"), intent_to_meet=one("intent-to-meet"), third_party=many("third-party"),
            general_violence=many("general-violence"), mobilize_root=one("mobilize-root"),
            violence_roots=many("violence-roots"), protest_root=one("protest-root"),
            protest_topic_roots=many("protest-topic-roots"), disapprove_root=one("disapprove-root"),
            threaten_root=one("threaten-root"), conflict_quads=frozenset(int(q) for q in many("conflict-quads")),
            ultimatum=one("ultimatum"), reported_obligation=one("reported-obligation"), statement=one("statement"),
        )


def _convention(kb: KnowledgeBase, name: str) -> tuple[str, ...]:
    values = kb.conventions.get(name)
    if not values:
        raise UsageError(f"the knowledge base has no coding convention {name!r} (kb/conventions.tsv)")
    return values
