"""The knowledge base: countries, organisations, government bodies, office holders and titles, read
from the TSV files in this folder (written by the project) plus any files the user adds.

A user file is any TSV with one of the headers in `HEADERS`; its kind is recognised from the header, so
one folder can hold all kinds. The knowledge base is built once and kept compiled in the user's cache
folder (`compiled`), rebuilt when any file changes, and loaded once per process (`load_kb` is cached).
This module finds the files and loads them; `tables` reads a TSV file, `rows` holds the row types,
`knowledge` the KnowledgeBase and its indexes, `people` how names are shortened and titles fit offices.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from ..config import Settings
from ..errors import UsageError
from .compiled import files_digest, load_compiled
from .knowledge import HEADERS, KnowledgeBase, strip_the
from .people import ROYAL_ROLES, SURNAME_FIRST, role_words_fit, short_names, title_fits
from .rows import (
    ALL_SECTORS,
    Body,
    CameoCode,
    Country,
    Organization,
    Tenure,
    Title,
    Trigger,
    Unnamed,
)
from .tables import Table, read_table

__all__ = [
    "ALL_SECTORS",
    "HEADERS",
    "ROYAL_ROLES",
    "SURNAME_FIRST",
    "Body",
    "CameoCode",
    "Country",
    "KnowledgeBase",
    "Organization",
    "Tenure",
    "Title",
    "Trigger",
    "Unnamed",
    "builtin_countries",
    "builtin_files",
    "builtin_table",
    "check_user_files",
    "data_path",
    "load_kb",
    "role_words_fit",
    "short_names",
    "strip_the",
    "title_fits",
    "user_files",
]


def data_path(*parts: str) -> Path:
    """A file or folder in the package's data folder (this one): data_path("geo", "admin1.tsv")."""
    return Path(str(resources.files(__package__).joinpath(*parts)))


def builtin_files() -> list[Path]:
    """The project's knowledge-base files: *.tsv here and in officials/ (geo/ and time/ belong to the place and time taggers)."""
    root = resources.files(__package__)
    files = [Path(str(p)) for p in root.iterdir() if p.name.endswith(".tsv")]
    officials = root.joinpath("officials")
    if officials.is_dir():
        files += [Path(str(p)) for p in officials.iterdir() if p.name.endswith(".tsv")]
    return sorted(files)


@cache
def builtin_table(path: Path) -> Table | None:
    """A built-in file, parsed once per process however many knowledge bases and readers use it."""
    return read_table(path)


@lru_cache(maxsize=1)
def builtin_countries() -> dict[str, Country]:
    """The built-in countries.tsv by ISO-3, from the same parse the knowledge base loads (the gazetteer
    indexes these names, without the user's files)."""
    table = builtin_table(data_path("countries.tsv"))
    countries = [Country.from_row(row.fields) for row in table.rows()] if table else []
    return {c.iso3: c for c in countries}


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


def check_user_files(extra: tuple[str, ...] = ()) -> None:
    """Read the user's files (ACCORD_KB_DIR and `extra`) as `load_kb` would, without the built-in ones,
    so a malformed file is a UsageError naming its line here: ingest calls this in its own process
    before starting workers, whose failure to load would otherwise be a broken pool, not a message."""
    scratch = KnowledgeBase()
    for path in user_files(extra):
        scratch.add_file(path)


@lru_cache(maxsize=8)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The built-in knowledge base plus the user's files; later files add to or override earlier ones.
    Compiled once into the cache (accord.kb.compiled), keyed by every file's contents, the user's included."""
    users = user_files(extra)
    return load_compiled("knowledge-base", lambda: _build_kb(users), [files_digest(users)])


def _build_kb(users: list[Path]) -> KnowledgeBase:
    kb = KnowledgeBase()
    for table in map(builtin_table, builtin_files()):
        if table is not None:
            kb.add_table(table)
    for path in users:
        kb.add_file(path)
    return kb
