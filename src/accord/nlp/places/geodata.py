"""Readers for the project's geographic data files (src/accord/kb/geo/*.tsv, and the countries of
kb/countries.tsv as the knowledge base parsed them), through the knowledge base's one TSV reader."""

from __future__ import annotations

from ...kb import Country, builtin_countries, data_path
from ...kb.tables import read_rows, split_list


def _geo(name: str, header: list[str]) -> list[dict[str, str]]:
    return read_rows(data_path("geo", name), header)


def kb_countries() -> dict[str, Country]:
    """kb/countries.tsv by ISO-3 (the built-in file only, never the user's)."""
    return builtin_countries()


def capital_aliases(iso3: str) -> tuple[str, ...]:
    """Other names of a country's capital ("Peking" for Beijing), from kb/countries.tsv."""
    country = kb_countries().get(iso3)
    return country.capital_aliases if country else ()


def country_centres() -> dict[str, tuple[float, float]]:
    """ISO-3 -> a country's centre where countryinfo gives none or one far from it."""
    return {
        r["iso3"]: (float(r["lat"]), float(r["lon"]))
        for r in _geo("country_centres.tsv", ["iso3", "lat", "lon", "note"])
    }


def admin1_rows() -> list[dict]:
    """First-level divisions (states, provinces) with aliases and centres."""
    rows = _geo("admin1.tsv", ["country", "name", "aliases", "city", "lat", "lon"])
    return [{**r, "aliases": split_list(r["aliases"]), "lat": float(r["lat"]), "lon": float(r["lon"])} for r in rows]


def region_rows() -> list[dict]:
    """Named areas that are neither countries, divisions nor cities: regions, seas, disputed territories."""
    rows = _geo("regions.tsv", ["name", "aliases", "country", "lat", "lon"])
    return [
        {
            **r,
            "aliases": split_list(r["aliases"]),
            "country": r["country"] or None,
            "lat": float(r["lat"]),
            "lon": float(r["lon"]),
        }
        for r in rows
    ]


def demonym_rows() -> list[dict]:
    """Adjectives of regions, continents and divisions ("European", "Texan"); countries' are in countries.tsv."""
    rows = _geo("demonyms.tsv", ["demonym", "place", "country"])
    return [{**r, "country": r["country"] or None} for r in rows]


def not_places() -> list[str]:
    """Words the gazetteer must never take for a place name."""
    return [r["word"] for r in _geo("not_places.tsv", ["word", "note"])]
