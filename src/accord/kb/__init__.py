"""The knowledge base: countries, organisations, government bodies, office holders and titles, read
from the TSV files in this folder (written by the project) plus any files the user adds.

A user file is any TSV with one of the headers below; its kind is recognised from the header, so one
folder can hold all kinds. Files are read once per process (`load_kb` is cached).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..config import Settings
from ..errors import UsageError

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
    "participants": ["code", "target_place", "target_home", "source_place"],
}
# Surname-first naming (Xi Jinping -> "Xi") for these countries' people.
SURNAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "HKG", "MAC"})
ROYAL_ROLES = frozenset({"King", "Queen", "Emir", "Crown Prince", "Sheikh", "Prince", "Emperor", "Sultan"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "von", "van", "der", "de", "da", "di", "du", "la", "le"})
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
_ROMAN = re.compile(r"^[IVX]+$")


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


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...]
    sector: str
    code: str
    country: str | None


@dataclass(frozen=True)
class Body:
    name: str
    aliases: tuple[str, ...]
    country: str | None  # None: the country comes from context ("Foreign Ministry")
    sector: str


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


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    root: str
    quad_class: int
    plover: str | None
    plover_mode: str | None


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


@dataclass(frozen=True)
class Unnamed:
    """How a code's unnamed participants are filled (kb/participants.tsv)."""

    target_place: str  # "1": the event's place; "action": only a framed action's place; "0": never
    target_home: frozenset[str] | None  # sectors acting at home; None = never, ALL_SECTORS = any
    source_place: bool


ALL_SECTORS = frozenset({"*"})


@dataclass(frozen=True)
class Title:
    phrase: str
    sector: str
    role: str | None
    kind: str  # title | group | body
    positions: tuple[str, ...] = ()  # offices the title names: HOS, HOG, FM, HEAD


class KnowledgeBase:
    """Indexes over the loaded rows; all lookups are by exact surface form."""

    def __init__(self):
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
        self.unnamed: dict[str, Unnamed] = {}  # CAMEO code prefix -> how to fill unnamed participants
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

    def holders(self, country: str, title: Title, day: date) -> list[Tenure]:
        """Who held the office `title` names ("President", "foreign minister") for `country` on `day`."""
        held = [t for t in self._tenures_by_country.get(country, []) if t.holds_on(day)]
        by_words = [t for t in held if role_words_fit(title, t)]
        return by_words or [t for t in held if title_fits(title, t)]

    # --- loading ------------------------------------------------------------------------------

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

    def add_file(self, path: Path | str, text: str | None = None) -> None:
        text = Path(path).read_text(encoding="utf-8") if text is None else text
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        if not lines:
            return
        header = lines[0].split("\t")
        kind = next((k for k, h in HEADERS.items() if header == h), None)
        if kind is None:
            raise UsageError(f"{path}: the first line must be one of these tab-separated headers: "
                             + "; ".join("\t".join(h).replace("\t", " TAB ") for h in HEADERS.values()))
        for number, row in enumerate(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE), start=2):
            if len(row) != len(header):
                raise UsageError(f"{path}: data line {number} has {len(row)} fields, expected {len(header)}")
            getattr(self, f"_add_{kind}")(dict(zip(header, (v.strip() for v in row))), path, number)
        self.sources.append(str(path))

    def _add_countries(self, r: dict, path, number) -> None:
        c = Country(r["iso3"], r["iso2"], r["name"], _list(r["aliases"]), _list(r["demonyms"]),
                    r["capital"] or None, _list(r["capital_aliases"]))
        self.countries[c.iso3] = c
        for surface in (c.name, *c.aliases):
            self.country_names[surface] = c.iso3
            if surface.startswith("the "):
                self.country_names[surface[4:]] = c.iso3
        for surface in c.demonyms:
            if c.iso3 not in self.demonyms[surface]:
                self.demonyms[surface].append(c.iso3)
        for surface in (c.capital, *c.capital_aliases):
            if surface:
                self.capitals[surface] = c.iso3

    def _add_organizations(self, r: dict, path, number) -> None:
        o = Organization(r["id"], r["name"], _list(r["aliases"]), r["sector"], r["code"], r["country"] or None)
        self.organizations[o.id] = o
        for surface in (o.name, *o.aliases):
            self.org_names[strip_the(surface)] = o.id

    def _add_bodies(self, r: dict, path, number) -> None:
        b = Body(r["name"], _list(r["aliases"]), r["country"] or None, r["sector"])
        for surface in (b.name, *b.aliases):
            self.bodies[strip_the(surface)] = b
            self._bodies_lower.setdefault(strip_the(surface).lower(), b)

    def _add_officials(self, r: dict, path, number) -> None:
        try:
            start = date.fromisoformat(r["start"])
            end = date.fromisoformat(r["end"]) if r["end"] else None
        except ValueError as exc:
            raise UsageError(f"{path}: data line {number}: {exc}") from None
        country, org = (None, r["country"][4:]) if r["country"].startswith("org:") else (r["country"], None)
        t = Tenure(r["name"], _list(r["aliases"]), country, org, r["position"], r["role"], start, end)
        self.tenures.append(t)
        if country:
            self._tenures_by_country[country].append(t)
        for surface in (t.name, *t.aliases):
            if t not in self.person_names[surface]:
                self.person_names[surface].append(t)
        for short in short_names(t):
            if t not in self.short_names[short]:
                self.short_names[short].append(t)

    def _add_titles(self, r: dict, path, number) -> None:
        self.titles[r["phrase"].lower()] = Title(r["phrase"].lower(), r["sector"], r["role"] or None, r["kind"],
                                                 _list(r["position"]))

    def _add_cameo(self, r: dict, path, number) -> None:
        try:
            goldstein, quad = float(r["goldstein"]), int(r["quad_class"])
        except ValueError as exc:
            raise UsageError(f"{path}: data line {number}: {exc}") from None
        self.cameo[r["code"]] = CameoCode(r["code"], r["name"], goldstein, r["root"], quad,
                                          r["plover"] or None, r["plover_mode"] or None)

    def _add_triggers(self, r: dict, path, number) -> None:
        t = Trigger(r["lemma"].lower(), r["pos"].upper(), r["particle"].lower() or None,
                    frozenset(o.lower() for o in _list(r["object"])), r["prep"].lower() or None, r["cameo"],
                    r["symmetric"] == "1", r["note"])
        self.triggers[(t.lemma, t.pos)].append(t)

    def _add_frames(self, r: dict, path, number) -> None:
        self.frames[r["frame"]][r["inner"]] = r["cameo"]

    def _add_participants(self, r: dict, path, number) -> None:
        home = r["target_home"]
        sectors = ALL_SECTORS if home == "any" else frozenset(_list(home)) or None
        if r["target_place"] not in ("0", "1", "action"):
            raise UsageError(f"{path}: data line {number}: target_place must be 0, 1 or action")
        self.unnamed[r["code"]] = Unnamed(r["target_place"], sectors, r["source_place"] == "1")

    def _add_cues(self, r: dict, path, number) -> None:
        (self.cue_verbs if r["kind"] == "verb" else self.cue_phrases).add(r["cue"].lower())

    def _add_phrases(self, r: dict, path, number) -> None:
        self.phrases[r["kind"]][r["phrase"].lower()] = r["value"]


def role_words_fit(title: Title, tenure: Tenure) -> bool:
    said, held = (title.role or "").lower(), tenure.role.lower()
    return bool(said) and (said == held or said in held or held in said)


def title_fits(title: Title, tenure: Tenure) -> bool:
    """Does a title in the text fit an office held: by position ("foreign minister" fits India's
    External Affairs Minister), else by the words of the role ("Secretary" fits "Foreign Secretary")."""
    return role_words_fit(title, tenure) or bool(title.positions and tenure.position in title.positions)


@lru_cache(maxsize=None)
def short_names(t: Tenure) -> frozenset[str]:
    """How news shortens a person's name: the surname ("Rubio"; "Xi" for Xi Jinping), "al-Assad" and
    "Assad", and for royals the given name ("King Salman")."""
    out: set[str] = set()
    for full in (t.name, *t.aliases):
        if " of " in full:
            continue  # "Harald of Norway" shortens to nothing useful
        words = [w for w in full.split() if w not in _SUFFIXES and not _ROMAN.match(w)]
        if len(words) < 2:
            continue
        if t.country in SURNAME_FIRST:
            out.add(words[0])
        else:
            last = words[-1]
            if words[-2] in ("Al", "al"):
                last = f"{words[-2]} {last}"  # dynasty names: "Al Thani", never a bare "Thani"
            out.add(last)
            for prefix in ("al-", "el-", "Al-", "El-"):
                if last.startswith(prefix):
                    out.add(last[len(prefix):])
            if len(words) >= 3 and words[-2].lower() in _NAME_PARTICLES:
                out.add(" ".join(words[-2:]))
        if t.role in ROYAL_ROLES:
            out.add(words[0] if words[0] not in ("Sheikh", "King", "Prince") else words[1])
    return out


def _list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def strip_the(surface: str) -> str:
    return surface[4:] if surface.lower().startswith("the ") else surface


def builtin_files() -> list[Path]:
    root = resources.files(__package__)
    files = [Path(str(p)) for p in root.iterdir() if p.name.endswith(".tsv")]
    officials = root.joinpath("officials")
    if officials.is_dir():
        files += [Path(str(p)) for p in officials.iterdir() if p.name.endswith(".tsv")]
    return sorted(files)


def user_files(extra: tuple[str, ...]) -> list[Path]:
    """Files named with --actors, and every .tsv in ACCORD_KB_DIR (a folder of the user's own files)."""
    paths: list[Path] = []
    folder = Settings().kb_dir  # ACCORD_KB_DIR; not yet a parameter: load_kb() has callers without Settings
    for item in ([folder] if folder else []) + list(extra):
        p = Path(item)
        if p.is_dir():
            paths += sorted(p.rglob("*.tsv"))
        elif p.is_file():
            paths.append(p)
        else:
            raise UsageError(f"knowledge-base file or folder not found: {item}")
    return paths


@lru_cache(maxsize=8)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The built-in knowledge base plus the user's files; later files add to or override earlier ones."""
    kb = KnowledgeBase()
    for path in builtin_files() + user_files(extra):
        kb.add_file(path)
    return kb
