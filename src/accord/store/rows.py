"""Flattens a contract object into rows of the store's tables, and gives each document its content key."""

from __future__ import annotations

import functools
import hashlib
import json
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, CursorResult

from ..model import Document
from . import tables

_KEY_FIELDS = (
    "id",
    "text",
    "title",
    "url",
    "publisher",
    "sources",
    "published",
    "document_date",
    "categories",
    "language",
    "dateline",
)


def doc_key(doc: Document) -> str:
    """SHA-256 of what a reader produced: the same content read twice gives the same key."""
    payload = {name: getattr(doc, name) for name in _KEY_FIELDS}
    if doc.dateline is not None:
        payload["dateline"] = [doc.dateline.place, doc.dateline.date]
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def document_row(contract: dict[str, Any]) -> dict[str, Any]:
    """The documents table's row of a contract object (without provenance and key)."""
    dateline = contract.get("dateline") or {}
    return {
        "id": contract["id"],
        "title": contract["title"],
        "url": contract["url"],
        "publisher": contract["publisher"],
        "sources": contract["sources"],
        "published": contract["published"],
        "document_date": contract["document_date"],
        "categories": contract["categories"],
        "language": contract["language"],
        "language_confidence": contract.get("language_confidence"),
        "dateline_place": dateline.get("place"),
        "dateline_date": dateline.get("date"),
        "anchor_date": contract["anchor_date"],
        "text": contract["text"],
        "warnings": contract["warnings"],
        "extraction": contract,
    } | tone_columns(contract.get("tone"))


def tone_columns(tone: dict[str, Any] | None) -> dict[str, Any]:
    """The documents table's tone columns from a contract's `tone` object (all null without one)."""
    tone = tone or {}
    return {
        "tone": tone.get("tone"),
        "tone_positive": tone.get("positive"),
        "tone_negative": tone.get("negative"),
        "tone_polarity": tone.get("polarity"),
        "tone_self_group": tone.get("self_group_density"),
        "word_count": tone.get("word_count"),
    }


def child_rows(doc_pk: int, c: dict[str, Any]) -> dict[Any, list[dict[str, Any]]]:
    """Rows for every child table of one document, keyed by table."""
    rows: dict[Any, list[dict[str, Any]]] = {t: [] for t in tables.DOCUMENT_CHILDREN}
    for idx, s in enumerate(c["sentences"]):
        rows[tables.sentences].append({"doc_pk": doc_pk, "idx": idx, "start_char": s["start"], "end_char": s["end"]})
    for a in c["actors"]:
        rows[tables.actors].append(
            {
                "doc_pk": doc_pk,
                "actor_id": a["id"],
                "name": a["name"],
                "kind": a["kind"],
                "country": a["country"],
                "sector": a["sector"],
                "role": a["role"],
                "code": a["code"],
                "kb_id": a["kb_id"],
            }
        )
        for m in a["mentions"]:
            rows[tables.mentions].append(
                {
                    "doc_pk": doc_pk,
                    "actor_id": a["id"],
                    "start_char": m["start"],
                    "end_char": m["end"],
                    "text": m["text"],
                }
            )
    for q in c["quotes"]:
        speaker, cue = q.get("speaker") or {}, q.get("cue") or {}
        rows[tables.quotes].append(
            {
                "doc_pk": doc_pk,
                "quote_id": q["id"],
                "start_char": q["start"],
                "end_char": q["end"],
                "text": q["text"],
                "kind": q["kind"],
                "speaker_actor": speaker.get("actor"),
                "speaker_start": speaker.get("start"),
                "speaker_end": speaker.get("end"),
                "speaker_text": speaker.get("text"),
                "cue_start": cue.get("start"),
                "cue_end": cue.get("end"),
                "cue_text": cue.get("text"),
            }
        )
    for e in c["events"]:
        rows[tables.events].append(
            {
                "doc_pk": doc_pk,
                "event_id": e["id"],
                "cameo": e["cameo"],
                "cameo_root": e["cameo_root"],
                "goldstein": e["goldstein"],
                "quad_class": e["quad_class"],
                "plover": e["plover"],
                "plover_mode": e["plover_mode"],
                "source": e["source"],
                "target": e["target"],
                "status": e["status"],
                "date": e["date"],
                "date_end": e["date_end"],
                "date_basis": e["date_basis"],
                "date_precision": e.get("date_precision"),
                "place": e["place"],
                "sentence_start": e["sentence"]["start"],
                "sentence_end": e["sentence"]["end"],
                "trigger_start": e["trigger"]["start"],
                "trigger_end": e["trigger"]["end"],
                "trigger_text": e["trigger"]["text"],
                "quote": e["quote"],
                "rule": e["rule"],
                "confidence": e["confidence"],
            }
        )
    for t in c["times"]:
        rng = t.get("range") or [None, None]
        rows[tables.times].append(
            {
                "doc_pk": doc_pk,
                "time_id": t["id"],
                "start_char": t["start"],
                "end_char": t["end"],
                "text": t["text"],
                "type": t["type"],
                "value": t["value"],
                "range_start": rng[0],
                "range_end": rng[1],
            }
        )
    for p in c["places"]:
        rows[tables.places].append(
            {
                "doc_pk": doc_pk,
                "place_id": p["id"],
                "start_char": p["start"],
                "end_char": p["end"],
                "text": p["text"],
                "name": p["name"],
                "country": p["country"],
                "feature": p["feature"],
                "lat": p["lat"],
                "lon": p["lon"],
                "geonames_id": p["geonames_id"],
            }
        )
    return rows


def inserted_pk(result: CursorResult[Any]) -> int:
    """The primary key an INSERT of one row created."""
    key = result.inserted_primary_key
    assert key is not None, "not the result of a one-row INSERT"
    return key[0]


def insert_if_absent(conn: Connection, table: Table, row: dict[str, Any], key: str) -> int | None:
    """Insert `row` unless a row with the same unique `key` column exists (committed by another writer
    meanwhile, say); returns the new row's primary key, or None when it was already there. One statement
    (INSERT ... ON CONFLICT DO NOTHING) on SQLite and PostgreSQL alike, so two writers never collide."""
    if conn.dialect.name not in _DIALECTS:  # no ON CONFLICT: writers rely on take_write_lock alone
        return inserted_pk(conn.execute(table.insert(), row))
    return conn.execute(_insert_if_absent(conn.dialect.name, table, key), row).scalar_one_or_none()


_DIALECTS = {"sqlite": sqlite, "postgresql": postgresql}


@functools.cache
def _insert_if_absent(dialect: str, table: Table, key: str):
    """The statement, built once per table (its values are bound when it runs)."""
    return _DIALECTS[dialect].insert(table).on_conflict_do_nothing(index_elements=[key]).returning(*table.primary_key)
