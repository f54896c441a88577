"""The knowledge base's row types, one per kind of file, each built from a TSV row by field name
(`from_row`), so a column added to a file cannot shift the others.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .tables import split_list

Fields = Mapping[str, str]
ALL_SECTORS = frozenset({"*"})


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    capital_aliases: tuple[str, ...]

    @property
    def adjective(self) -> str:
        return self.demonyms[0] if self.demonyms else self.name

    @classmethod
    def from_row(cls, r: Fields) -> Country:
        """A countries.tsv row."""
        return cls(
            iso3=r["iso3"],
            iso2=r["iso2"],
            name=r["name"],
            aliases=split_list(r["aliases"]),
            demonyms=split_list(r["demonyms"]),
            capital=r["capital"] or None,
            capital_aliases=split_list(r["capital_aliases"]),
        )


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    sector: str
    code: str
    country: str | None

    @classmethod
    def from_row(cls, r: Fields) -> Organization:
        """An organizations.tsv row."""
        return cls(
            id=r["id"],
            name=r["name"],
            aliases=split_list(r["aliases"]),
            sector=r["sector"],
            code=r["code"],
            country=r["country"] or None,
        )


@dataclass(frozen=True)
class Body:
    name: str
    aliases: tuple[str, ...]
    country: str | None  # None: the country comes from context ("Foreign Ministry")
    sector: str

    @classmethod
    def from_row(cls, r: Fields) -> Body:
        """A bodies.tsv row."""
        return cls(name=r["name"], aliases=split_list(r["aliases"]), country=r["country"] or None, sector=r["sector"])


@dataclass(frozen=True)
class Tenure:
    """One person in one office for one stretch of time."""

    name: str
    aliases: tuple[str, ...]
    country: str | None  # ISO-3, or None for an organisation's head (see org)
    org: str | None  # organisation id for heads of IGOs
    position: str  # HOS, HOG, FM, HEAD
    role: str
    start: date
    end: date | None

    @property
    def kb_id(self) -> str:
        return "person:" + re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @classmethod
    def from_row(cls, r: Fields) -> Tenure:
        """An officials/*.tsv row; ValueError for a date that is not YYYY-MM-DD."""
        start = date.fromisoformat(r["start"])
        end = date.fromisoformat(r["end"]) if r["end"] else None
        country, org = (None, r["country"][4:]) if r["country"].startswith("org:") else (r["country"], None)
        return cls(
            name=r["name"],
            aliases=split_list(r["aliases"]),
            country=country,
            org=org,
            position=r["position"],
            role=r["role"],
            start=start,
            end=end,
        )


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    plover: str | None
    plover_mode: str | None

    @classmethod
    def from_row(cls, r: Fields) -> CameoCode:
        """A cameo.tsv row; ValueError for a Goldstein value or QuadClass that is not a number."""
        goldstein, quad_class = float(r["goldstein"]), int(r["quad_class"])
        return cls(
            code=r["code"],
            name=r["name"],
            goldstein=goldstein,
            root=r["root"],
            quad_class=quad_class,
            plover=r["plover"] or None,
            plover_mode=r["plover_mode"] or None,
        )


@dataclass(frozen=True)
class Trigger:
    """A word that signals an event: a verb or event noun, with the particle, object and
    preposition it needs, and the CAMEO code it gives."""

    lemma: str
    pos: str  # VERB | NOUN
    particle: str | None
    objects: frozenset[str]
    prep: str | None
    cameo: str
    symmetric: bool
    note: str

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.objects) + bool(self.prep)

    @classmethod
    def from_row(cls, r: Fields) -> Trigger:
        """A triggers.tsv row: words lower-cased, the part of speech upper-cased."""
        return cls(
            lemma=r["lemma"].lower(),
            pos=r["pos"].upper(),
            particle=r["particle"].lower() or None,
            objects=frozenset(o.lower() for o in split_list(r["object"])),
            prep=r["prep"].lower() or None,
            cameo=r["cameo"],
            symmetric=r["symmetric"] == "1",
            note=r["note"],
        )


@dataclass(frozen=True)
class Unnamed:
    """How a code's unnamed participants are filled (kb/participants.tsv)."""

    target_place: str  # "1": the event's place; "action": only a framed action's place; "0": never
    target_home: frozenset[str] | None  # sectors acting at home; None = never, ALL_SECTORS = any
    source_place: bool

    @classmethod
    def from_row(cls, r: Fields) -> Unnamed:
        """A participants.tsv row; ValueError for a target_place other than 0, 1 or action."""
        home = r["target_home"]
        sectors = ALL_SECTORS if home == "any" else frozenset(split_list(home)) or None
        if r["target_place"] not in ("0", "1", "action"):
            raise ValueError("target_place must be 0, 1 or action")
        return cls(target_place=r["target_place"], target_home=sectors, source_place=r["source_place"] == "1")


@dataclass(frozen=True)
class Title:
    phrase: str
    sector: str
    role: str | None
    kind: str  # title | group | body
    positions: tuple[str, ...] = ()  # offices the title names: HOS, HOG, FM, HEAD

    @classmethod
    def from_row(cls, r: Fields) -> Title:
        """A titles.tsv row, its phrase lower-cased."""
        return cls(
            phrase=r["phrase"].lower(),
            sector=r["sector"],
            role=r["role"] or None,
            kind=r["kind"],
            positions=split_list(r["position"]),
        )
