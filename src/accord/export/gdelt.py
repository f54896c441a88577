"""Merged events as GDELT 2.0 event records: the 61 tab-separated columns in GDELT's order, one line per
merged event, no header line unless asked for (GDELT's files have none), nothing quoted. Every field
is cleaned so the file loads with any reader's defaults (`pandas.read_csv(path, sep="\\t",
header=None)`, DuckDB's `read_csv`, `csv.reader(f, delimiter="\\t", quoting=csv.QUOTE_NONE)`): a run
of tabs, line breaks (CR, LF, U+2028...) or other control characters (NUL...) becomes one space, the
field is trimmed, and double quotes are dropped (a field opening with `"` makes quoting readers swallow
the tabs and lines after it); in SOURCEURL a double quote is written `%22`, the URL's own escape.

Which events: GDELT has no status column, so a row can only say that an event happened or is
intended. Planned events stay in: CAMEO codes intentions as events of their own (its 03x codes; a
planned meeting is 036, intent to meet). Negated ("had not consulted") and hypothetical ("could impose sanctions") events are left out, since their row would
read as an event that happened, and so is history the articles tell as background (status
historical) unless `historical`. `all_statuses` writes every event, whatever its status.

How accord fills the columns, where GDELT's own meaning cannot be matched exactly:

- GLOBALEVENTID is accord's merged-event number; SQLDATE, MonthYear, Year and FractionDate come from
  the event's date ((month * 30 + day) / 365, as GDELT computes it). They are never blank: an event
  without a date (its documents gave none: no dateline, publication date or `--published`) takes the
  day of DATEADDED, when its first report was ingested, as GDELT's own dates are the day of the
  report; `GdeltExport.added_dates` counts those rows.
  GDELT has no column for how precisely a date is known: an event the text dates only "in April" or
  "in 1999" has the first day of that month or year as its SQLDATE. The tables export
  (`accord export events --format csv|jsonl|parquet`) gives each event's `date_precision` (day, week,
  month, year, decade, century) beside the same GLOBALEVENTID (its `id`); a day-by-day analysis should
  keep only the events of precision `day`.
- Actor codes come from the first report's actors, in CAMEO's codes (accord.export.cameo_actors).
  Actor1Code is the actor's code (country and sector joined when the knowledge base gave none) with
  CAMEO's country code in front (ISO-3 except Romania ROM, Timor-Leste TMP, Montenegro MTN, Kosovo KSV);
  Actor1Name is the name upper-cased; Actor1CountryCode is the CAMEO country code. The code after the
  country is cut in three-letter parts: CAMEO type codes fill Type1-3Code in order (then the actor's
  sector, when it is a CAMEO type the code lacks), the first part on GDELT's known-group list is the
  KnownGroupCode ("EEC" of "IGOEUREEC"; EUR there is Europe, a region), religion codes fill
  Religion1-2Code. accord's sector REL has no CAMEO type: a religious actor has no type, and its role's
  religion ("Archbishop": CHR) in its code and Religion1Code. Ethnic codes stay blank: accord does not
  code them.
- IsRootEvent is 1 when the first report's sentence is the first sentence of its document.
- NumMentions, NumSources and NumArticles count every report accord merged, not only those of the
  first 15 minutes. AvgTone is the mean GDELT-style tone of the documents that report the event (each
  document's tone from VADER's public word list, as GDELT's V2Tone defines it; GDELT's own dictionary
  is not public, so values are comparable in kind, not in level); blank when no report has a tone.
- ActionGeo is the event's place. Type: 1 country, 2 US state, 3 US city or landmark, 4 other city,
  landmark or named area, 5 other first-level division. CountryCode is GDELT's FIPS 10-4 code,
  mapped from ISO-3 with GeoNames' country table (blank where it has none), except that places of
  the Gaza Strip are GZ and of the West Bank WE (accord.export.fips). ADM1Code is the FIPS country and
  the FIPS division of a city or division where GeoNames' admin1 code is a FIPS code ("CH22" for
  Beijing, "US" and the postal code in the US), else the FIPS country code alone, as GDELT writes at
  country precision (kb/geo/fips.tsv lists the countries whose GeoNames codes are not FIPS). Fullname
  is "Place, Country" (GDELT also names the state). FeatureID is the GeoNames id where GDELT has a
  GNS/GNIS id, the FIPS country code for a country and the ADM1 code for a division, as GDELT writes them.
- Actor1Geo and Actor2Geo are blank, with Type 0 as in GDELT's files: accord does not locate actors
  apart from the action.
- DATEADDED is when the first report was ingested (UTC); SOURCEURL is its URL, else the path or
  address it was read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from ..store.filters import UNREALISED_STATUSES
from . import ActorInfo, FirstReport, PlaceInfo, first_reports
from .cameo_actors import cameo_actor
from .fips import adm1_code, division, place_country
from .fips import fips_code as fips_code  # kept importable from here

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

GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
_NO_GEO = ["0", "", "", "", "", "", "", ""]


# Statuses a GDELT row cannot tell from an event that happened: left out unless all are asked for.
LEFT_OUT_STATUSES = UNREALISED_STATUSES


@dataclass(frozen=True)
class GdeltExport:
    """GDELT rows with what the user should be told about them."""

    rows: list[list[str]]
    left_out: int  # negated and hypothetical events not written
    added_dates: int  # rows whose SQLDATE is DATEADDED's day: the event had no date


def gdelt_export(
    db: Database,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    historical: bool = False,
    all_statuses: bool = False,
) -> GdeltExport:
    """The store's merged events (filtered as `db.events` filters them) as GDELT rows of 61 strings.
    Only events that occurred or are planned are written, unless `all_statuses`; history the articles
    tell as background (status historical) only with `historical` or `all_statuses`: GDELT records the
    day's events and has no column to mark the others."""
    found = db.events(dyad=dyad, since=since, until=until, historical=historical or all_statuses)
    events = found if all_statuses else keep_gdelt_statuses(found)
    firsts = first_reports(db, events)
    rows = [event_row(event, firsts.get(event.id)) for event in events]
    added = sum(1 for event in events if not event.date and _added_day(firsts.get(event.id)))
    return GdeltExport(rows, len(found) - len(events), added)


def gdelt_rows(
    db: Database,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    historical: bool = False,
    all_statuses: bool = False,
) -> list[list[str]]:
    """The rows of `gdelt_export`."""
    return gdelt_export(db, dyad, since, until, historical, all_statuses).rows


def keep_gdelt_statuses(events: list[EventRecord]) -> list[EventRecord]:
    """The events a GDELT row can stand for: all but the negated and hypothetical ones."""
    return [event for event in events if event.status not in LEFT_OUT_STATUSES]


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
        *_date_fields(event.date or _added_day(first)),
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
        _source_url(first),
    ]
    return [clean_field(value) for value in row]


def _added_day(first: FirstReport | None) -> str | None:
    """The UTC day (YYYY-MM-DD) the event's first report was ingested: DATEADDED's day."""
    stamp = _timestamp(first.ingested_at) if first else ""
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}" if stamp else None


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


def split_actor_code(
    code: str | None, country: str | None, sector: str | None, role: str | None = None
) -> tuple[str, list[str]]:
    """The CAMEO known-group code and the CAMEO type codes inside an accord actor code."""
    actor = cameo_actor(code, country, sector, role)
    return actor.group, list(actor.types)


def _actor_fields(name: str | None, country: str | None, info: ActorInfo | None) -> list[str]:
    if not name and info is None:
        return [""] * 10
    country = country or (info.country if info else None) or ""
    sector = info.sector if info else None
    code = (info.code if info else None) or (country + (sector or ""))
    actor = cameo_actor(code, country, sector, info.role if info else None)
    religions = (list(actor.religions) + ["", ""])[:2]
    types = (list(actor.types) + ["", "", ""])[:3]
    return [actor.code, (name or "").upper(), actor.country, actor.group, "", *religions, *types]


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
    where = None if kind == GEO_COUNTRY else division(place.name, place.country, place.feature, place.geonames_id)
    fips = place_country(place.name, place.country, where, place.lat, place.lon)
    adm1 = adm1_code(fips, place.country, where)
    if kind == GEO_COUNTRY:
        feature_id = fips
    elif kind in (GEO_US_STATE, GEO_WORLD_STATE) and adm1 != fips:
        feature_id = adm1
    else:
        feature_id = str(place.geonames_id) if place.geonames_id is not None else ""
    return [str(kind), _fullname(place, kind), fips, adm1, "", _number(place.lat), _number(place.lon), feature_id]


def _fullname(place: PlaceInfo, kind: int) -> str:
    country = country_name(place.country)
    if kind == GEO_COUNTRY:
        return country or place.name
    return f"{place.name}, {country}" if country and country != place.name else place.name


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


# Runs of whitespace (tab, CR, LF, U+2028...) and control characters (NUL...): each becomes one space.
_BREAKS = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")


def clean_field(value: str) -> str:
    """A field no reader can misread: no tab, line break, control character or double quote inside,
    no blank at either end (a tab or line break would shift every later column, a quote opening a
    field makes quoting readers swallow what follows)."""
    return _BREAKS.sub(" ", value.replace('"', "")).strip()


def _source_url(first: FirstReport | None) -> str:
    """SOURCEURL: the first report's URL (a double quote in it written %22, as in a URL), else the path
    or address it was read from."""
    if first is None:
        return ""
    if first.url:
        return first.url.replace('"', "%22")
    return first.origin or ""
