"""accord's actor codes as CAMEO writes them, for the GDELT export: CAMEO country codes where they differ
from ISO-3 (Romania ROM, Timor-Leste TMP), and an actor code cut into its type, known-group and religion
parts by CAMEO's own code lists (kb/codes/cameo_actors.tsv).

accord's tables keep ISO-3 countries and its own sector REL (religious); CAMEO has no REL type, so a
religious actor's type columns stay empty and its religion, where its role names one, is a religion code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..kb import data_path
from ..kb.tables import read_rows


@dataclass(frozen=True)
class CameoCodebook:
    """The CAMEO code lists of kb/codes/cameo_actors.tsv."""

    countries: dict[str, str]  # ISO-3 -> CAMEO country code, where they differ
    types: frozenset[str]
    known_groups: frozenset[str]
    religions: frozenset[str]
    role_religions: dict[str, str]  # role word -> religion code


@dataclass(frozen=True)
class CameoActor:
    """An actor's GDELT actor columns: code, country, known group, religions and types."""

    code: str
    country: str
    group: str
    religions: tuple[str, ...]
    types: tuple[str, ...]


@lru_cache(maxsize=1)
def codebook() -> CameoCodebook:
    """kb/codes/cameo_actors.tsv, read once."""
    rows = read_rows(data_path("codes", "cameo_actors.tsv"), ["kind", "code", "value", "label"])

    def codes(kind: str) -> frozenset[str]:
        return frozenset(r["code"] for r in rows if r["kind"] == kind)

    return CameoCodebook(
        countries={r["value"]: r["code"] for r in rows if r["kind"] == "country"},
        types=codes("type"),
        known_groups=codes("knowngroup"),
        religions=codes("religion"),
        role_religions={r["value"]: r["code"] for r in rows if r["kind"] == "role-religion"},
    )


def cameo_country(iso3: str | None) -> str:
    """CAMEO's country code for an ISO-3 code: the same code except where CAMEO's differs ("ROU" -> "ROM")."""
    if not iso3:
        return ""
    return codebook().countries.get(iso3, iso3)


def role_religion(role: str | None) -> str:
    """The CAMEO religion code a role names ("Archbishop", "former Imam"), or ""."""
    if not role:
        return ""
    words = role.lower().split()
    book = codebook()
    return book.role_religions.get(" ".join(words)) or (book.role_religions.get(words[-1], "") if words else "")


def cameo_actor(code: str | None, country: str | None, sector: str | None, role: str | None = None) -> CameoActor:
    """An accord actor (its code, ISO-3 country, sector and role) in CAMEO's codes.

    The code's leading ISO country becomes CAMEO's; the rest is read in three-letter parts: CAMEO type
    codes fill the types in order (the actor's sector after them when it is a CAMEO type the code lacks),
    the first CAMEO known group is the known group, religion codes are religions. A sector that is no CAMEO
    type (REL) is dropped from the code, and the religion the role names is added to it."""
    book = codebook()
    rest = code or country or ""
    iso = country or ""
    if iso and rest.startswith(iso):
        rest = rest[len(iso) :]
    parts = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if sector and sector not in book.types:
        parts = [p for p in parts if p != sector]
    religion = role_religion(role)
    if religion and religion not in parts:
        parts.append(religion)
    types: list[str] = []
    religions: list[str] = []
    group = ""
    for part in parts:
        if part in book.known_groups:
            group = group or part
        elif part in book.types:
            if part not in types:
                types.append(part)
        elif part in book.religions and part not in religions:
            religions.append(part)
    if sector in book.types and sector not in types:
        types.append(sector)
    country_code = cameo_country(iso)
    return CameoActor(country_code + "".join(parts), country_code, group, tuple(religions[:2]), tuple(types[:3]))
