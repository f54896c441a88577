"""Extractions as the rows of six Parquet datasets (documents, actors, quotes, events, times, places), as
`accord spark extract` writes them: one extraction at a time, with no store.

The documents, actors, quotes and events tables have the columns of `accord export --format parquet`
(accord.export.tables.COLUMNS, same names and types) followed by columns of their own; times and places,
which the export has no table for, have the contract's fields. Every row also carries the document's
content key (`doc_key`, as the store keys it) and `month`, the publication month (`YYYY-MM` of
`published`, else of the anchor date) the datasets are partitioned by. What needs the whole corpus is
left for linking (`accord load` in the store, `accord spark link` on Spark): `story` is null, an event
row is one report (`id` is its number in its document, `num_mentions`, `num_sources` and
`num_articles` are 1, `avg_tone` is the document's tone), and an actor row is one actor of one document (`documents` 1, `events` the events of
that document it takes part in). The documents table keeps the whole contract object as JSON
(`extraction`), from which `accord load` stores the document exactly as an ingest would.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from typing import Any

from ..store.rows import tone_columns
from .tables import COLUMNS

TABLES = ("documents", "actors", "quotes", "events", "times", "places")
KEY_COLUMNS: tuple[tuple[str, type], ...] = (("doc_key", str), ("month", str))

_OWN: dict[str, tuple[tuple[str, type], ...]] = {
    "documents": (
        ("crawled", datetime),
        ("language", str),
        ("origin", str),
        ("reader", str),
        ("pipeline_version", str),
        ("extraction", str),
    ),
    "actors": (("document", str), ("actor", str), ("role", str), ("kb_id", str), ("mentions", int)),
    "quotes": (("quote", str), ("start", int), ("end", int)),
    "events": (
        ("event", str),
        ("source_code", str),
        ("target_code", str),
        ("sentence_start", int),
        ("sentence_end", int),
    ),
    "times": (
        ("document", str),
        ("id", str),
        ("start", int),
        ("end", int),
        ("text", str),
        ("type", str),
        ("value", str),
        ("range_start", date),
        ("range_end", date),
    ),
    "places": (
        ("document", str),
        ("id", str),
        ("start", int),
        ("end", int),
        ("text", str),
        ("name", str),
        ("country", str),
        ("feature", str),
        ("lat", float),
        ("lon", float),
        ("geonames_id", int),
    ),
}


def columns(table: str) -> tuple[tuple[str, type], ...]:
    """The (name, type) columns of a dataset: the export's columns of that kind, its own, then the keys."""
    return COLUMNS.get(table, ()) + _OWN[table] + KEY_COLUMNS


def month_of(contract: dict[str, Any]) -> str | None:
    """The publication month a document's rows are partitioned by: of `published`, else the anchor date."""
    when = contract.get("published") or contract.get("anchor_date")
    return when[:7] if when else None


def dataset_rows(
    key: str, contract: dict[str, Any], origin: str, reader: str, pipeline_version: str
) -> dict[str, list[tuple[Any, ...]]]:
    """One document's rows of every dataset, each a tuple in `columns(table)` order with dates as datetimes."""
    found = _rows(contract) | {
        "documents": [
            _document(contract)
            | {
                "crawled": contract.get("crawled"),
                "language": contract.get("language"),
                "origin": origin,
                "reader": reader,
                "pipeline_version": pipeline_version,
                "extraction": json.dumps(contract, ensure_ascii=False),
            }
        ]
    }
    keys = {"doc_key": key, "month": month_of(contract)}
    return {table: [_typed(row | keys, columns(table)) for row in found[table]] for table in TABLES}


def _document(c: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": c["id"],
        "title": c["title"],
        "url": c["url"],
        "publisher": c["publisher"],
        "published": c["published"],
        "anchor_date": c["anchor_date"],
        "num_actors": len(c["actors"]),
        "num_quotes": len(c["quotes"]),
        "num_events": len(c["events"]),
        "story": None,
    } | tone_columns(c.get("tone"))


def _rows(c: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    actors = {a["id"]: a for a in c["actors"]}
    places = {p["id"]: p for p in c["places"]}
    day = (c.get("published") or c.get("anchor_date") or "")[:10] or None
    tone = (c.get("tone") or {}).get("tone")
    involved: dict[str, int] = {}
    for e in c["events"]:
        for side in {e["source"], e["target"]} - {None}:
            involved[side] = involved.get(side, 0) + 1
    out: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for a in c["actors"]:
        out["actors"].append(
            {
                "key": a["kb_id"] or a["name"],
                "name": a["name"],
                "kind": a["kind"],
                "country": a["country"],
                "sector": a["sector"],
                "code": a["code"],
                "documents": 1,
                "events": involved.get(a["id"], 0),
                "document": c["id"],
                "actor": a["id"],
                "role": a["role"],
                "kb_id": a["kb_id"],
                "mentions": len(a["mentions"]),
            }
        )
    for q in c["quotes"]:
        speaker = q.get("speaker") or {}
        actor = actors.get(speaker.get("actor") or "", {})
        out["quotes"].append(
            {
                "text": q["text"],
                "kind": q["kind"],
                "speaker": actor.get("name"),
                "speaker_text": speaker.get("text"),
                "country": actor.get("country"),
                "cue": (q.get("cue") or {}).get("text"),
                "document": c["id"],
                "title": c["title"],
                "date": day,
                "story": None,
                "quote": q["id"],
                "start": q["start"],
                "end": q["end"],
            }
        )
    names = _cameo_names()
    for e in c["events"]:
        source, target = actors.get(e["source"] or "", {}), actors.get(e["target"] or "", {})
        place = places.get(e["place"] or "", {})
        sentence = e["sentence"]
        out["events"].append(
            {
                "id": int(e["id"].lstrip("e")) if e["id"].lstrip("e").isdigit() else None,
                "date": e["date"],
                "date_end": e["date_end"],
                "date_basis": e["date_basis"],
                "date_precision": e.get("date_precision"),
                "source": source.get("name"),
                "source_country": source.get("country"),
                "target": target.get("name"),
                "target_country": target.get("country"),
                "cameo": e["cameo"],
                "cameo_name": names.get(e["cameo"], ""),
                "plover": e["plover"],
                "plover_mode": e["plover_mode"],
                "quad_class": e["quad_class"],
                "goldstein": e["goldstein"],
                "status": e["status"],
                "place": place.get("name"),
                "place_country": place.get("country"),
                "lat": place.get("lat"),
                "lon": place.get("lon"),
                "num_mentions": 1,
                "num_sources": 1,
                "num_articles": 1,
                "avg_tone": tone,
                "story": None,
                "document": c["id"],
                "evidence": c["text"][sentence["start"] : sentence["end"]].strip() or None,
                "trigger": e["trigger"]["text"],
                "rule": e["rule"],
                "confidence": e["confidence"],
                "event": e["id"],
                "source_code": source.get("code"),
                "target_code": target.get("code"),
                "sentence_start": sentence["start"],
                "sentence_end": sentence["end"],
            }
        )
    for t in c["times"]:
        low, high = t.get("range") or (None, None)
        out["times"].append(
            {"document": c["id"], **{k: t[k] for k in ("id", "start", "end", "text", "type", "value")}}
            | {"range_start": _day(low), "range_end": _day(high)}
        )
    for p in c["places"]:
        out["places"].append({"document": c["id"], **p})
    return out


@cache
def _cameo_names() -> dict[str, str]:
    """CAMEO codes to their names, as the store's event listing gives them (loaded once per process)."""
    from ..kb import load_kb

    return {code: info.name for code, info in load_kb().cameo.items()}


def _day(value: str | None) -> str | None:
    """The date part of a range end ("2025-10-30T14:00" gives "2025-10-30"), which a date column holds."""
    return value[:10] if value else None


def _typed(row: dict[str, Any], cols: tuple[tuple[str, type], ...]) -> tuple[Any, ...]:
    """The row's values in column order, dates and times as datetimes (midnight for a date)."""
    return tuple(_datetime(row.get(name)) if kind in (date, datetime) else row.get(name) for name, kind in cols)


def _datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    for text in (value, value[:10]):
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            continue
    return None
