"""The KnowledgeBase: indexes over the rows of every kind of file, how each kind's rows go into them,
and the lookups the extractors make. A file's kind is recognised from its header (HEADERS).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..errors import UsageError
from .people import role_words_fit, short_names, title_fits
from .rows import (
    Body,
    CameoCode,
    Country,
    Fields,
    Organization,
    Tenure,
    Title,
    Trigger,
    Unnamed,
)
from .tables import Table, parse_table, split_list

HEADERS = {
    "countries": ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases"],
    "organizations": ["id", "name", "aliases", "sector", "code", "country"],
    "bodies": ["name", "aliases", "country", "sector"],
    "officials": ["name", "aliases", "country", "position", "role", "start", "end"],
    "titles": ["phrase", "sector", "role", "kind", "position"],
    "phrases": ["phrase", "kind", "value"],
    "cues": ["cue", "kind"],
    "cameo": ["code", "name", "goldstein", "root", "quad_class", "plover", "plover_mode"],
    "triggers": ["lemma", "pos", "particle", "object", "prep", "cameo", "symmetric", "note"],
    "frames": ["frame", "inner", "cameo"],
    "topics": ["parent", "topic", "cameo"],
    "participants": ["code", "target_place", "target_home", "source_place"],
    "conventions": ["convention", "value"],
    "plover": ["type", "quad_category"],
    "plover_actors": ["kind", "accord", "plover"],
    "plover_contexts": ["cameo", "contexts"],
}
QUAD_CATEGORIES = ("VERBAL COOPERATION", "MATERIAL COOPERATION", "VERBAL CONFLICT", "MATERIAL CONFLICT")
PLOVER_ACTOR_KINDS = ("sector", "country", "organization", "international")


def strip_the(surface: str) -> str:
    """A surface form without a leading "the " ("the Kremlin" -> "Kremlin")."""
    return surface[4:] if surface.lower().startswith("the ") else surface


class KnowledgeBase:
    """Indexes over the loaded rows; all lookups are by exact surface form."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.country_names: dict[str, str] = {}  # surface -> iso3
        self.demonyms: dict[str, list[str]] = defaultdict(list)  # surface -> [iso3]
        self.capitals: dict[str, str] = {}  # surface -> iso3
        self.organizations: dict[str, Organization] = {}
        self.org_names: dict[str, str] = {}  # surface -> org id
        self.bodies: dict[str, Body] = {}  # surface -> body
        self._bodies_lower: dict[str, Body] = {}  # lower-case surface -> body
        self.tenures: list[Tenure] = []
        self._tenures_by_country: dict[str, list[Tenure]] = defaultdict(list)
        self.person_names: dict[str, list[Tenure]] = defaultdict(list)  # full name or alias -> tenures
        self.short_names: dict[str, list[Tenure]] = defaultdict(list)  # surname (or royal given name)
        self.titles: dict[str, Title] = {}
        self.phrases: dict[str, dict[str, str]] = defaultdict(dict)  # kind -> phrase -> value
        self.cameo: dict[str, CameoCode] = {}
        self.triggers: dict[tuple[str, str], list[Trigger]] = defaultdict(list)  # (lemma, pos) -> rows
        self.frames: dict[str, dict[str, str]] = defaultdict(dict)  # frame -> inner code prefix -> code
        self.topics: dict[str, dict[str, str]] = defaultdict(dict)  # parent code -> topic word -> child (kb/topics.tsv)
        self.unnamed: dict[str, Unnamed] = {}  # CAMEO code prefix -> how to fill unnamed participants
        self.conventions: dict[str, tuple[str, ...]] = {}  # coding convention -> its codes (kb/conventions.tsv)
        self.plover_types: dict[str, str] = {}  # PLOVER event type -> its quad category (kb/plover.tsv)
        self.plover_actors: dict[str, dict[str, str]] = defaultdict(dict)  # kind -> accord's value -> PLOVER's
        self.plover_contexts: dict[str, list[str]] = {}  # CAMEO code -> its PLOVER contexts (kb/plover_contexts.tsv)
        self.cue_verbs: set[str] = set()  # lemmas of reporting verbs ("say", "emphasize")
        self.cue_phrases: set[str] = set()  # multi-word cues ("according to")
        self.sources: list[str] = []

    # --- lookups ------------------------------------------------------------------------------

    def country(self, iso3: str | None) -> Country | None:
        return self.countries.get(iso3) if iso3 else None

    def body(self, surface: str) -> Body | None:
        """The government body a surface form names, "the" and letter case aside."""
        surface = strip_the(surface)
        return self.bodies.get(surface) or self._bodies_lower.get(surface.lower())

    def org_id(self, surface: str) -> str | None:
        return self.org_names.get(strip_the(surface))

    def people(self, surface: str) -> list[Tenure]:
        return self.person_names.get(surface, [])

    def position_sector(self, position: str) -> str:
        """The CAMEO sector of an office (HOS, FM, DM …): the one sector the titles naming it share
        ("defence minister" and "secretary of defense" are MIL), else GOV."""
        sectors = {t.sector for t in self.titles.values() if position in t.positions}
        return sectors.pop() if len(sectors) == 1 else "GOV"

    def holders(self, country: str, title: Title, day: date) -> list[Tenure]:
        """Who held the office `title` names ("President", "foreign minister") for `country` on `day`."""
        held = [t for t in self._tenures_by_country.get(country, []) if t.holds_on(day)]
        by_words = [t for t in held if role_words_fit(title, t)]
        return by_words or [t for t in held if title_fits(title, t)]

    def framed(self, frame: str, inner: str) -> str | None:
        """The code of `inner` (a CAMEO code) inside a frame (intent, refuse, demand, appeal, threaten):
        the row with the longest prefix of `inner`, or None."""
        rows = self.frames.get(frame, {})
        for n in range(len(inner), 1, -1):
            if inner[:n] in rows:
                return rows[inner[:n]]
        return None

    def unnamed_rule(self, code: str) -> Unnamed | None:
        """The participants row with the longest prefix of `code`, or None."""
        for n in range(len(code), 1, -1):
            if code[:n] in self.unnamed:
                return self.unnamed[code[:n]]
        return None

    # --- loading ------------------------------------------------------------------------------

    def add_file(self, path: Path | str, text: str | None = None) -> None:
        """Add a file of any kind (its text may be given); a malformed file is a UsageError naming it."""
        text = Path(path).read_text(encoding="utf-8") if text is None else text
        table = parse_table(text, path)
        if table is not None:
            self.add_table(table)

    def add_table(self, table: Table) -> None:
        """Add the rows of a parsed file, by the kind its header says."""
        header = list(table.header)
        kind = next((k for k, h in HEADERS.items() if header == h), None)
        if kind is None:
            raise UsageError(
                f"{table.path}: the first line must be one of these tab-separated headers: "
                + "; ".join("\t".join(h).replace("\t", " TAB ") for h in HEADERS.values())
            )
        add_row: Callable[[Fields, str, int], None] = getattr(self, f"_add_{kind}")
        for row in table.rows():
            add_row(row.fields, table.path, row.number)
        self.sources.append(table.path)

    def _add_countries(self, r: Fields, path: str, number: int) -> None:
        c = Country.from_row(r)
        self.countries[c.iso3] = c
        for surface in (c.name, *c.aliases):
            self.country_names[surface] = c.iso3
            if surface.startswith("the "):
                self.country_names[surface[4:]] = c.iso3
        for surface in c.demonyms:
            if c.iso3 not in self.demonyms[surface]:
                self.demonyms[surface].append(c.iso3)
        for capital in (c.capital, *c.capital_aliases):
            if capital:
                self.capitals[capital] = c.iso3

    def _add_organizations(self, r: Fields, path: str, number: int) -> None:
        o = Organization.from_row(r)
        self.organizations[o.id] = o
        for surface in (o.name, *o.aliases):
            self.org_names[strip_the(surface)] = o.id

    def _add_bodies(self, r: Fields, path: str, number: int) -> None:
        b = Body.from_row(r)
        for surface in (b.name, *b.aliases):
            self.bodies[strip_the(surface)] = b
            self._bodies_lower.setdefault(strip_the(surface).lower(), b)

    def _add_officials(self, r: Fields, path: str, number: int) -> None:
        try:
            t = Tenure.from_row(r)
        except ValueError as exc:
            raise _refused(path, number, exc) from None
        self.tenures.append(t)
        if t.country:
            self._tenures_by_country[t.country].append(t)
        for surface in (t.name, *t.aliases):
            if t not in self.person_names[surface]:
                self.person_names[surface].append(t)
        for short in short_names(t):
            if t not in self.short_names[short]:
                self.short_names[short].append(t)

    def _add_titles(self, r: Fields, path: str, number: int) -> None:
        title = Title.from_row(r)
        self.titles[title.phrase] = title

    def _add_cameo(self, r: Fields, path: str, number: int) -> None:
        try:
            self.cameo[r["code"]] = CameoCode.from_row(r)
        except ValueError as exc:
            raise _refused(path, number, exc) from None

    def _add_triggers(self, r: Fields, path: str, number: int) -> None:
        t = Trigger.from_row(r)
        self.triggers[(t.lemma, t.pos)].append(t)

    def _add_frames(self, r: Fields, path: str, number: int) -> None:
        self.frames[r["frame"]][r["inner"]] = r["cameo"]

    def _add_topics(self, r: Fields, path: str, number: int) -> None:
        for word in split_list(r["topic"]):
            self.topics[r["parent"]][word.lower()] = r["cameo"]

    def _add_participants(self, r: Fields, path: str, number: int) -> None:
        try:
            self.unnamed[r["code"]] = Unnamed.from_row(r)
        except ValueError as exc:
            raise _refused(path, number, exc) from None

    def _add_conventions(self, r: Fields, path: str, number: int) -> None:
        self.conventions[r["convention"]] = split_list(r["value"])

    def _add_plover(self, r: Fields, path: str, number: int) -> None:
        if r["quad_category"] not in QUAD_CATEGORIES:
            raise _refused(path, number, ValueError(f"quad_category must be one of {', '.join(QUAD_CATEGORIES)}"))
        self.plover_types[r["type"]] = r["quad_category"]

    def _add_plover_actors(self, r: Fields, path: str, number: int) -> None:
        if r["kind"] not in PLOVER_ACTOR_KINDS:
            raise _refused(path, number, ValueError(f"kind must be one of {', '.join(PLOVER_ACTOR_KINDS)}"))
        self.plover_actors[r["kind"]][r["accord"]] = r["plover"]

    def _add_plover_contexts(self, r: Fields, path: str, number: int) -> None:
        self.plover_contexts[r["cameo"]] = list(split_list(r["contexts"]))

    def _add_cues(self, r: Fields, path: str, number: int) -> None:
        (self.cue_verbs if r["kind"] == "verb" else self.cue_phrases).add(r["cue"].lower())

    def _add_phrases(self, r: Fields, path: str, number: int) -> None:
        self.phrases[r["kind"]][r["phrase"].lower()] = r["value"]


def _refused(path: str, number: int, exc: ValueError) -> UsageError:
    """The error for a row holding a value its kind cannot take (a date, a number, a code)."""
    return UsageError(f"{path}: data line {number}: {exc}")
