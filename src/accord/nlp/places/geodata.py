"""Readers for the project's geographic data files (src/accord/kb/geo/*.tsv and kb/countries.tsv)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...errors import UsageError


def _kb_dir() -> Path:
    return Path(str(resources.files("accord.kb")))


def read_tsv(path: Path, header: list[str]) -> list[dict[str, str]]:
    """Rows of a tab-separated file: '#' comment lines, then `header`, then rows."""
    rows: list[dict[str, str]] = []
    seen_header = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not seen_header:
                if cells != header:
                    raise UsageError(f"{path}: expected header {header}, found {cells}")
                seen_header = True
                continue
            cells += [""] * (len(header) - len(cells))
            rows.append({name: cells[n].strip() for n, name in enumerate(header)})
    return rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _geo(name: str, header: list[str]) -> list[dict[str, str]]:
    return read_tsv(_kb_dir() / "geo" / name, header)


@lru_cache(maxsize=1)
def kb_countries() -> dict[str, dict]:
    """kb/countries.tsv by ISO-3: name, aliases, demonyms, capital, capital_aliases."""
    header = ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases"]
    out: dict[str, dict] = {}
    for r in read_tsv(_kb_dir() / "countries.tsv", header):
        out[r["iso3"]] = {"name": r["name"], "aliases": _split(r["aliases"]), "demonyms": _split(r["demonyms"]),
                          "capital": r["capital"], "capital_aliases": _split(r["capital_aliases"])}
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, frozenset[str]]:
    """ISO-3 -> folded names of its capital."""
    from .gazetteer import fold

    return {iso3: frozenset(fold(n) for n in [row["capital"], *row["capital_aliases"]] if n)
            for iso3, row in kb_countries().items()}


def capital_aliases(iso3: str) -> list[str]:
    row = kb_countries().get(iso3)
    return row["capital_aliases"] if row else []


def country_centres() -> dict[str, tuple[float, float]]:
    return {r["iso3"]: (float(r["lat"]), float(r["lon"]))
            for r in _geo("country_centres.tsv", ["iso3", "lat", "lon", "note"])}


def admin1_rows() -> list[dict]:
    rows = _geo("admin1.tsv", ["country", "name", "aliases", "city", "lat", "lon"])
    return [{**r, "aliases": _split(r["aliases"]), "lat": float(r["lat"]), "lon": float(r["lon"])} for r in rows]


def region_rows() -> list[dict]:
    rows = _geo("regions.tsv", ["name", "aliases", "country", "lat", "lon"])
    return [{**r, "aliases": _split(r["aliases"]), "country": r["country"] or None,
             "lat": float(r["lat"]), "lon": float(r["lon"])} for r in rows]


def demonym_rows() -> list[dict]:
    rows = _geo("demonyms.tsv", ["demonym", "place", "country"])
    return [{**r, "country": r["country"] or None} for r in rows]


def not_places() -> list[str]:
    return [r["word"] for r in _geo("not_places.tsv", ["word", "note"])]

