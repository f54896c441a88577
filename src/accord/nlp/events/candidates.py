"""The event coder's working records: a candidate trigger with its participants, and the code a
candidate ends up with once its frame is applied."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...kb import Trigger


@dataclass
class Participants:
    """Actor ids on each side of an event."""

    sources: list[str]
    targets: list[str]


@dataclass
class Candidate:
    """A trigger found in the text, before frames are resolved. The merge passes update it in place."""

    token: Token
    trigger: Trigger
    people: Participants
    status: str
    inners: list[Candidate] = field(default_factory=list)
    framed: bool = False  # coded as part of another candidate's event
    background: bool = False  # "since their meeting in Busan on Oct. 30": not coded, but its phrase is its own
    mutual: bool = False

    def __post_init__(self) -> None:
        self.mutual = self.mutual or self.trigger.symmetric

    @property
    def rule(self) -> str:
        """The lexicon row that fired, as the event's rule says it ("verb:meet->040")."""
        return f"{self.trigger.pos.lower()}:{self.trigger.note or self.trigger.lemma}->{self.trigger.cameo}"


@dataclass
class Coded:
    """A candidate with its final code, participants and status."""

    code: str
    people: Participants
    status: str
    rule: str
    symmetric: bool
    action: Token | None = None  # the innermost action of a framed event ("threatened to [shell]")
    action_code: str = ""
    filled: bool = False  # a participant came from a convention (kb/participants.tsv), not the text


def unique(items: list[str]) -> list[str]:
    """`items` without repeats, in first-seen order."""
    return list(dict.fromkeys(items))
