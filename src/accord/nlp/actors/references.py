"""What the recogniser hands on: references to actors, each of a kind that says how it resolves, and the
anaphoric cues the coreference step follows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from spacy.tokens import Span, Token

from ...kb import Title

# Dependency labels of a clause's subject: a pronoun cue is one, and a capital that is one acts.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


class RefKind(StrEnum):
    """What a reference's words name, which decides how the resolver turns it into an actor.

    | kind        | the text                                              | example                               |
    |-------------|-------------------------------------------------------|---------------------------------------|
    | person      | a person's name, with the titles and nationality before or after it | "Chinese Foreign Minister Wang Yi" |
    | person-body | a person's name and the government the person heads   | "the Bush administration"             |
    | office      | a title with a nationality and no name: its holder    | "Montenegro's prime minister"         |
    | group       | a group noun, with or without a nationality           | "Chinese and US delegations", "police" |
    | body        | a government body, generic or proper                  | "China's Foreign Ministry", "Kremlin" |
    | org         | an organisation the knowledge base knows              | "NATO", "the Arab League"             |
    | unknown-org | an organisation only spaCy found                      | "the Karen National Union"            |
    | country     | a country acting on its own                           | "China agreed", "talks with Iran"     |
    | capital     | a capital standing for its country's government       | "Washington said"                     |
    | noun-group  | a nationality and the noun it modifies                | "Iraqi youths", "US-led coalition"    |
    | people      | a plural demonym used as a noun: a people             | "the Palestinians", "Bosnian Serbs"   |
    """

    PERSON = "person"
    PERSON_BODY = "person-body"
    OFFICE = "office"
    GROUP = "group"
    BODY = "body"
    ORG = "org"
    UNKNOWN_ORG = "unknown-org"
    COUNTRY = "country"
    CAPITAL = "capital"
    NOUN_GROUP = "noun-group"
    PEOPLE = "people"


@dataclass
class Reference:
    """One mention of an actor in the text, with what the words around it say about the actor."""

    start: int  # character offsets of the mention
    end: int
    kind: RefKind
    head: Span
    countries: list[str] = field(default_factory=list)  # ISO-3 of nationality modifiers
    titles: list[Title] = field(default_factory=list)
    org: str | None = None  # organisation id (an IGO head's affiliation, or the org itself)
    former: bool = False
    name: str | None = None  # a person's name as written
    governs: Span | None = None  # "administration" in "the Bush administration"


@dataclass
class Cues:
    """Anaphoric phrases for the coreference step."""

    collectives: list[Span] = field(default_factory=list)
    pronouns: list[Token] = field(default_factory=list)
