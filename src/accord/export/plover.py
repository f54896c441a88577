"""Merged events as PLOVER/POLECAT-style JSON: one object per event with its PLOVER type and mode, the
actor and recipient (POLECAT's "Actor" and "Recipient"), the location, GDELT-style counts, the CAMEO
coding it came from, and the evidence of its first report.

`date_precision` (day, week, month, year, decade, century) is accord's, not PLOVER's: an event the
text dates "in April" has the month's first day as its date and `month` as its precision.
PLOVER's `context` is omitted: accord does not code it. A missing actor, recipient or location is null.
Events of the CAMEO categories PLOVER drops (01 statements, 02 appeals) have no PLOVER type and are not
exported here; the CAMEO and GDELT exports keep them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from . import ActorInfo, FirstReport, first_reports

if TYPE_CHECKING:
    from ..analytics.records import EventRecord
    from ..api import Database


def plover_objects(
    db: Database,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    historical: bool = False,
) -> list[dict[str, Any]]:
    """The store's merged events (filtered as `db.events` filters them, so historical ones only with
    `historical`) that PLOVER has a type for."""
    events = [e for e in db.events(dyad=dyad, since=since, until=until, historical=historical) if e.plover]
    firsts = first_reports(db, events)
    return [plover_object(event, firsts.get(event.id)) for event in events]


def write_plover(objects: Iterable[dict[str, Any]], out: TextIO, lines: bool = False) -> int:
    """A JSON array, or with `lines` one object per line (JSON Lines); returns how many objects."""
    objects = list(objects)
    if lines:
        for obj in objects:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(objects, ensure_ascii=False, indent=2) + "\n")
    return len(objects)


def plover_object(event: EventRecord, first: FirstReport | None) -> dict[str, Any]:
    place = first.place if first else None
    location = None
    if event.place:
        location = {
            "name": event.place,
            "country": event.place_country,
            "lat": event.lat,
            "lon": event.lon,
            "geonames_id": place.geonames_id if place else None,
        }
    return {
        "event_id": event.id,
        "event_date": event.date,
        "event_date_end": event.date_end,
        "date_precision": event.date_precision,
        "event_type": event.plover,
        "mode": event.plover_mode,
        "actor": _party(event.source, event.source_country, first.source if first else None),
        "recipient": _party(event.target, event.target_country, first.target if first else None),
        "location": location,
        "num_mentions": event.num_mentions,
        "num_sources": event.num_sources,
        "num_articles": event.num_articles,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "status": event.status,
        "story_id": event.story,
        "evidence": {
            "sentence": event.evidence.strip() if event.evidence else None,
            "trigger": event.trigger,
            "document": event.document,
            "url": first.url if first else None,
        },
    }


def _party(name: str | None, country: str | None, info: ActorInfo | None) -> dict[str, Any] | None:
    if not name and info is None:
        return None
    return {
        "name": name,
        "country": country or (info.country if info else None),
        "sector": info.sector if info else None,
        "code": info.code if info else None,
    }
