"""Linking: after documents are stored, group near-duplicates into stories and merge the reports of
one real-world event into one event with its counts (GDELT's NumMentions, NumSources, NumArticles).

Linking works on whatever is not linked yet, one batch per transaction, so it can run after every
ingest, resume after an interruption, and never count a report twice; each batch holds the store's
write lock, so two ingests linking at once take turns instead of linking a document twice.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .analytics.duplicates import STORY_WINDOW_DAYS, band_keys, closest, from_bytes, relation, signature, to_bytes
from .analytics.merge import GroupSpan, Report, actor_key, more_specific, same_event, source_of
from .model import is_mutual
from .store import Store
from .store import links as sql
from .store.database import take_write_lock

BATCH = 200


@dataclass
class LinkSummary:
    """What one linking pass did: documents linked, stories started, reports read, merged events made."""

    documents: int = 0
    new_stories: int = 0
    reports: int = 0
    new_events: int = 0


def link(store: Store, batch: int = BATCH, stop: threading.Event | None = None) -> LinkSummary:
    """Link every stored document not yet linked, `batch` at a time, each batch one transaction; when
    `stop` is set, after the batch in hand (the next pass links the rest)."""
    summary = LinkSummary()
    while not (stop is not None and stop.is_set()):
        with store.engine.begin() as conn:
            take_write_lock(conn)  # another ingest linking at the same time waits for this batch
            docs = sql.unlinked_documents(conn, batch)
            if not docs:
                return summary
            # undated documents come last in a batch: the latest dated day is asked once, when the first one comes
            latest_day = functools.cache(lambda conn=conn: sql.latest_linked_day(conn))
            stories = {doc["pk"]: _place_in_story(conn, doc, latest_day, summary) for doc in docs}
            _merge_events(conn, docs, stories, summary)
            summary.documents += len(docs)
    return summary


def _place_in_story(conn, doc: dict, latest_day: Callable[[], str | None], summary: LinkSummary) -> int:
    """Put a document in the story of the closest linked document of its window (a new story if none)."""
    minhash = signature(doc["text"] or "")
    keys = band_keys(minhash)
    since, until, undated = _window(doc["day"], latest_day)
    candidates = ((pk, from_bytes(blob)) for pk, blob in sql.story_candidates(conn, keys, since, until, undated))
    match = closest(minhash, candidates)
    story_pk = sql.story_of(conn, match[0]) if match else None
    if match is None or story_pk is None:
        story_pk = sql.new_story(conn, doc)
        sql.add_to_story(conn, story_pk, doc, 1.0, "first")
        summary.new_stories += 1
    else:
        sql.add_to_story(conn, story_pk, doc, match[1], relation(match[1]))
    sql.save_signature(conn, doc["pk"], to_bytes(minhash), keys)
    return story_pk


def _window(day: str | None, latest_day: Callable[[], str | None]) -> tuple[str | None, str | None, bool]:
    """The linked documents a new one is compared with, as (since, until, with undated ones): a dated
    document's are those within STORY_WINDOW_DAYS either side of its day; an undated one's (undated
    documents are linked last) are the undated ones and those of the latest linked day's window."""
    if day is not None:
        current = date.fromisoformat(day[:10])
        return _shift(current, -STORY_WINDOW_DAYS), _shift(current, STORY_WINDOW_DAYS), False
    latest = latest_day()
    if latest is None:
        return None, None, True  # no dated document is linked: the undated ones only
    return _shift(date.fromisoformat(latest[:10]), -STORY_WINDOW_DAYS), None, True


def _shift(day: date, days: int) -> str:
    return (day + timedelta(days=days)).isoformat()


def _merge_events(conn, docs: list[dict], stories: dict[int, int], summary: LinkSummary) -> None:
    by_pk = {doc["pk"]: doc for doc in docs}
    touched: set[int] = set()
    for row in sql.reports_of(conn, list(by_pk)):
        report = Report(
            doc_pk=row["doc_pk"],
            event_id=row["event_id"],
            source_key=actor_key(row["s_kb"], row["s_kind"], row["s_country"], row["s_sector"], row["s_name"]),
            target_key=actor_key(row["t_kb"], row["t_kind"], row["t_country"], row["t_sector"], row["t_name"]),
            cameo=row["cameo"],
            cameo_root=row["cameo_root"],
            status=row["status"],
            date=row["date"],
            date_end=row["date_end"],
            date_basis=row["date_basis"],
            place_country=row["place_country"],
            story_pk=stories.get(row["doc_pk"]),
            mutual=is_mutual(row["rule"]),
        )
        group = _matching_group(conn, report)
        if group is None:
            group_pk = sql.new_group(conn, _group_values(row, report))
            summary.new_events += 1
        else:
            group_pk = group["pk"]
            sql.update_group(conn, group_pk, _refinements(group, row, report))
        sql.add_member(conn, group_pk, report.doc_pk, report.event_id, source_of(by_pk[report.doc_pk]))
        touched.add(group_pk)
        summary.reports += 1
    sql.recount(conn, touched)


def _matching_group(conn, report: Report) -> dict | None:
    dyads = [(report.source_key, report.target_key)]
    if report.mutual:  # "Xi met Trump" and "Trump met Xi" report one meeting
        dyads.append((report.target_key, report.source_key))
    groups = [g for s, t in dyads for g in sql.candidate_groups(conn, s, t, report.cameo_root, report.status)]
    for group in groups:
        # the group's stories matter only when a date is missing (merge rule: undated within one story)
        stories = sql.group_stories(conn, group["pk"]) if not (report.date and group["date"]) else set()
        span = GroupSpan(group["pk"], group["date"], group["date_end"], group["place_country"], stories)
        if same_event(span, report):
            return group
    return None


def _group_values(row: dict, report: Report) -> dict:
    return {
        "source_key": report.source_key,
        "target_key": report.target_key,
        "source_name": row["s_name"],
        "target_name": row["t_name"],
        "source_country": row["s_country"],
        "target_country": row["t_country"],
        "cameo": row["cameo"],
        "cameo_root": row["cameo_root"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "status": row["status"],
        "date": row["date"],
        "date_end": row["date_end"],
        "date_basis": row["date_basis"],
        "date_precision": row["date_precision"],
        "place_name": row["place_name"],
        "place_country": row["place_country"],
        "lat": row["lat"],
        "lon": row["lon"],
        "first_doc_pk": row["doc_pk"],
        "first_event_id": row["event_id"],
        "story_pk": report.story_pk,
    }


def _refinements(group: dict, row: dict, report: Report) -> dict:
    """What a new report adds to a merged event: a more specific code, a date from the text rather than
    the publication date (with that date's precision), a place where there was none."""
    values: dict = {}
    if more_specific(row["cameo"], group["cameo"]):
        values |= {
            "cameo": row["cameo"],
            "goldstein": row["goldstein"],
            "quad_class": row["quad_class"],
            "plover": row["plover"],
            "plover_mode": row["plover_mode"],
        }
    if group["date_basis"] == "anchor" and row["date_basis"] == "text":
        values |= {
            "date": row["date"],
            "date_end": row["date_end"],
            "date_basis": "text",
            "date_precision": row["date_precision"],
        }
    if not group["place_country"] and row["place_country"]:
        values |= {
            "place_name": row["place_name"],
            "place_country": row["place_country"],
            "lat": row["lat"],
            "lon": row["lon"],
        }
    return values
