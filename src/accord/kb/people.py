"""How news names office holders: the short forms of their names ("Rubio", "Xi", "King Salman") and
whether a title in the text ("foreign minister") fits an office they held.
"""

from __future__ import annotations

import re
from functools import cache

from .rows import Tenure, Title

# Surname-first naming (Xi Jinping -> "Xi") for these countries' people.
SURNAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "HKG", "MAC"})
ROYAL_ROLES = frozenset({"King", "Queen", "Emir", "Crown Prince", "Sheikh", "Prince", "Emperor", "Sultan"})
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "von", "van", "der", "de", "da", "di", "du", "la", "le"})
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
_ROMAN = re.compile(r"^[IVX]+$")


def role_words_fit(title: Title, tenure: Tenure) -> bool:
    """Do the words of a title and of an office's role overlap ("Secretary" and "Foreign Secretary")?"""
    said, held = (title.role or "").lower(), tenure.role.lower()
    return bool(said) and (said == held or said in held or held in said)


def title_fits(title: Title, tenure: Tenure) -> bool:
    """Does a title in the text fit an office held: by position ("foreign minister" fits India's
    External Affairs Minister), else by the words of the role ("Secretary" fits "Foreign Secretary")."""
    return role_words_fit(title, tenure) or bool(title.positions and tenure.position in title.positions)


@cache
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
            out.update(_surnames(words))
        if t.role in ROYAL_ROLES:
            out.add(words[0] if words[0] not in ("Sheikh", "King", "Prince") else words[1])
    return frozenset(out)


def _surnames(words: list[str]) -> set[str]:
    """The forms of a surname-last name's surname: "al-Assad" and "Assad", "Al Thani", "van der Leyen"."""
    last = words[-1]
    if words[-2] in ("Al", "al"):
        last = f"{words[-2]} {last}"  # dynasty names: "Al Thani", never a bare "Thani"
    out = {last}
    for prefix in ("al-", "el-", "Al-", "El-"):
        if last.startswith(prefix):
            out.add(last[len(prefix) :])
    if len(words) >= 3 and words[-2].lower() in _NAME_PARTICLES:
        out.add(" ".join(words[-2:]))
    return out
