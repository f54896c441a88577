"""Merged events as PLOVER JSON, with the field names and shapes of the PLOVER manual's data-fields chapter
(manual draft 2.0, tables 6.1, 6.2, 6.5 and 6.6) and POLECAT's event types and quad categories: a JSON
array, or JSON Lines (one event a line) as the manual suggests.

Fields of the manual, as accord fills them:

- `id`: the store's merged-event number (an integer; the manual asks only that it be unique in the set).
- `date`, `enddate`: YYYY-MM-DD; null when neither the text nor the document dates the event (the manual
  requires a date; accord does not invent one). `date_precision` (day, week, month, year, decade, century)
  is accord's, not PLOVER's: an event the text dates "in April" has the month's first day as its `date`
  and `month` as its precision.
- `event`: a list holding the one PLOVER type (one of the 16 of the manual and POLECAT, kb/plover.tsv).
- `mode`: a list holding the PLOVER mode, or empty. `context`: the PLOVER contexts of the event's CAMEO
  code, as the CAMEO to PLOVER conversion table (2021) gives them (kb/plover_contexts.tsv: 094 "military",
  "legal"; 0354 "economic"), an empty list for a code it gives none. accord reads no context from the
  text beyond its CAMEO code, so a protest about elections is not marked "elections".
- `quadcode`: the manual's number of the type's quad category (1 verbal cooperation … 4 material conflict).
- `actor`, `recipient`: lists of entities. An entity has the manual's `code` (the 3-letter country, ISO 3166
  with Kosovo KOS, or for an international actor UNO, EUR, IGO, NGO, MNC or IMG, manual table 5.1) and
  `sector` (PLOVER's sector codes, kb/plover_actors.tsv: CAMEO's media MED is JRN, since PLOVER's MED is
  health), and beside them `name` (accord's name for the actor; the manual has only the extracted text and
  a Wikidata name) and `cameo_code` (the CAMEO actor code). A mutual event ("X met Y", "X and Y fought",
  accord's rule ending `+mutual`) is one object with both parties as `actor` and `recipient` empty, as the
  manual codes reciprocal meetings and two-sided fighting. Otherwise each side holds its one actor, or is
  empty when the text names none; coordinated actors ("X and Y accused Z") stay one object per actor as
  accord codes them, not one compound actor.
- `eventloc`: the manual's location object with `resolvedplace`, `country` (name), `countrycode`, `lat`,
  `lon`, `geonameid` and `resolution` (1 country, 2 province, 4 city, null otherwise); null without a place.
- `eventtext`: the trigger words, a list of one. `text`: the sentence the event was coded from.
- `citeinfo`: `citation` (the document's id in the store) and `url` of the first report.

POLECAT's and accord's fields beside them:

- `quad_category`: the quad category as POLECAT's Quad Code writes it ("VERBAL COOPERATION", "MATERIAL
  COOPERATION", "VERBAL CONFLICT", "MATERIAL CONFLICT"; CONCEDE is verbal cooperation, SANCTION material
  conflict).
- `cameo`, `cameo_quad_class` (CAMEO's QuadClass of the code, which differs from the PLOVER quad for
  CONCEDE: CAMEO puts all of 08 in material cooperation), `goldstein`.
- `status` (occurred, planned, negated, hypothetical, historical), `num_mentions`, `num_sources`,
  `num_articles` (GDELT's counts over the documents that report the event), `story_id`.

The manual's `eventscale` is not written: PLOVER's scores are derived from ICEWS, and the Goldstein value
is CAMEO's, kept under its own name. Events of the CAMEO categories PLOVER drops (01 statements, 02
appeals) have no PLOVER type and are not exported here; the CAMEO and GDELT exports keep them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from ..kb import load_kb
from ..lines import json_line
from ..model import is_mutual
from . import ActorInfo, FirstReport, first_reports
from .plover_vocabulary import PloverVocabulary

if TYPE_CHECKING:
    from ..analytics.records import EventRecord
    from ..api import Database

RESOLUTION = {"country": 1, "admin1": 2, "city": 4}  # the manual's resolution of accord's place features


def plover_objects(
    db: Database,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    historical: bool = False,
) -> list[dict[str, Any]]:
    """The store's merged events (filtered as `db.events` filters them, so historical ones only with
    `historical`) that PLOVER has a type for, one object each."""
    events = [e for e in db.events(dyad=dyad, since=since, until=until, historical=historical) if e.plover]
    firsts = first_reports(db, events)
    vocabulary = PloverVocabulary.from_kb(load_kb())
    return [plover_object(event, firsts.get(event.id), vocabulary) for event in events]


def write_plover(objects: Iterable[dict[str, Any]], out: TextIO, lines: bool = False) -> int:
    """A JSON array, or with `lines` one object per line (JSON Lines); returns how many objects."""
    objects = list(objects)
    if lines:
        for obj in objects:
            out.write(json_line(obj) + "\n")
    else:
        out.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
    return len(objects)


def plover_object(event: EventRecord, first: FirstReport | None, vocabulary: PloverVocabulary) -> dict[str, Any]:
    """One merged event (with a PLOVER type) as a PLOVER record; the module docstring lists the fields."""
    assert event.plover is not None  # plover_objects exports only events PLOVER has a type for
    quad_category, quadcode = vocabulary.quad(event.plover)
    source = _entity(event.source, event.source_country, first.source if first else None, vocabulary)
    target = _entity(event.target, event.target_country, first.target if first else None, vocabulary)
    sides = [s for s in (source, target) if s is not None]
    if is_mutual(event.rule) and len(sides) == 2:
        actor, recipient = sides, []
    else:
        actor, recipient = [source] if source else [], [target] if target else []
    return {
        "id": event.id,
        "date": event.date,
        "enddate": event.date_end,
        "date_precision": event.date_precision,
        "event": [event.plover],
        "mode": [event.plover_mode] if event.plover_mode else [],
        "context": vocabulary.context(event.cameo),
        "quad_category": quad_category,
        "quadcode": quadcode,
        "actor": actor,
        "recipient": recipient,
        "eventloc": _eventloc(event, first, vocabulary),
        "eventtext": [event.trigger] if event.trigger else [],
        "text": event.evidence.strip() if event.evidence else None,
        "citeinfo": {"citation": event.document, "url": first.url if first else None},
        "cameo": event.cameo,
        "cameo_quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "status": event.status,
        "num_mentions": event.num_mentions,
        "num_sources": event.num_sources,
        "num_articles": event.num_articles,
        "story_id": event.story,
    }


def _entity(
    name: str | None, country: str | None, info: ActorInfo | None, vocabulary: PloverVocabulary
) -> dict[str, Any] | None:
    """One side of the event as a PLOVER entity, or None when the text names nobody there."""
    if not name and info is None:
        return None
    cameo_code = info.code if info else None
    sector = info.sector if info else None
    return {
        "code": vocabulary.entity_code(country or (info.country if info else None), cameo_code, sector),
        "sector": vocabulary.sector(sector),
        "name": name,
        "cameo_code": cameo_code,
    }


def _eventloc(event: EventRecord, first: FirstReport | None, vocabulary: PloverVocabulary) -> dict[str, Any] | None:
    if not event.place:
        return None
    place = first.place if first else None
    return {
        "resolvedplace": event.place,
        "country": vocabulary.country_name(event.place_country),
        "countrycode": vocabulary.country(event.place_country),
        "lat": event.lat,
        "lon": event.lon,
        "geonameid": place.geonames_id if place else None,
        "resolution": RESOLUTION.get(place.feature or "") if place else None,
    }
