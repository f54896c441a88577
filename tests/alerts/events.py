"""Merged events written straight into a real store, for the alert tests that need no NLP: each is one
document reporting one event, linked as the linker links it (event_groups with its member)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert, select, update

from accord.store import Store, tables

_numbers = itertools.count(1)


def _run(conn) -> int:
    found = conn.execute(select(tables.runs.c.pk).limit(1)).scalar()
    if found:
        return found
    row = {"started_at": datetime.now(UTC), "pipeline_version": "test", "inputs": [], "status": "finished"}
    return conn.execute(insert(tables.runs).values(**row)).inserted_primary_key[0]


def add_event(store: Store, **fields: Any) -> int:
    """A merged event (CHN -> USA, 190 Use conventional military force, occurred, by default) reported
    by one new document; `fields` are event_groups columns to change. Returns its number."""
    n = next(_numbers)
    sentence = fields.pop("sentence", f"China attacked the United States in report {n}.")
    title = fields.pop("title", f"Report {n}")
    text = f"{sentence} Officials said more on report {n}."
    group = {
        "source_key": "country:CHN",
        "target_key": "country:USA",
        "source_name": "China",
        "target_name": "United States",
        "source_country": "CHN",
        "target_country": "USA",
        "cameo": "190",
        "cameo_root": "19",
        "goldstein": -10.0,
        "quad_class": 4,
        "plover": "ASSAULT",
        "status": "occurred",
        "date": "2025-10-30",
        "date_basis": "text",
        "date_precision": "day",
        "num_mentions": 1,
        "num_sources": 1,
        "num_articles": 1,
    } | fields
    with store.engine.begin() as conn:
        doc = {
            "doc_key": f"key-{n}",
            "id": f"report-{n}",
            "title": title,
            "url": f"https://news.example/{n}",
            "publisher": "Example Wire",
            "sources": [],
            "published": "2025-10-30",
            "categories": [],
            "text": text,
            "warnings": [],
            "extraction": {},
            "origin": f"report-{n}.txt",
            "reader": "plain",
            "ingested_at": datetime.now(UTC),
            "pipeline_version": "test",
            "run_pk": _run(conn),
        }
        doc_pk = conn.execute(insert(tables.documents).values(**doc)).inserted_primary_key[0]
        event = {
            "doc_pk": doc_pk,
            "event_id": "e1",
            "cameo": group["cameo"],
            "cameo_root": group["cameo_root"],
            "goldstein": group["goldstein"],
            "quad_class": group["quad_class"],
            "status": group["status"],
            "date_basis": group["date_basis"],
            "sentence_start": 0,
            "sentence_end": len(sentence),
            "trigger_start": 0,
            "trigger_end": 5,
            "trigger_text": sentence[:5],
            "rule": "test",
            "confidence": 0.9,
        }
        conn.execute(insert(tables.events).values(**event))
        group_pk = conn.execute(
            insert(tables.event_groups).values(first_doc_pk=doc_pk, first_event_id="e1", **group)
        ).inserted_primary_key[0]
        conn.execute(insert(tables.event_members).values(group_pk=group_pk, doc_pk=doc_pk, event_id="e1", source="x"))
    return group_pk


def set_articles(store: Store, group_pk: int, articles: int) -> None:
    """Give a merged event more articles, as a later linking pass would."""
    with store.engine.begin() as conn:
        conn.execute(
            update(tables.event_groups).where(tables.event_groups.c.pk == group_pk).values(num_articles=articles)
        )
