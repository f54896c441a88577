"""Linking: after documents are stored, group near-duplicates into stories and merge the reports of
one real-world event into one event with its counts (GDELT's NumMentions, NumSources, NumArticles).

Linking works on whatever is not linked yet, one batch per transaction, so it can run after every
ingest, resume after an interruption, and never count a report twice; each batch holds the store's
write lock, so two ingests linking at once take turns instead of linking a document twice.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, timedelta

from .analytics.duplicates import STORY_WINDOW_DAYS, StoryIndex, from_bytes, relation, signature, to_bytes
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
    window = StoryWindow()
    expected: int | None = None  # documents linked when this pass last committed
    while not (stop is not None and stop.is_set()):
        with store.engine.begin() as conn:
            take_write_lock(conn)  # another ingest linking at the same time waits for this batch
            linked = sql.linked_count(conn)
            if expected is not None and linked != expected:  # another process linked documents meanwhile
                window = StoryWindow()
            docs = sql.unlinked_documents(conn, batch)
            if not docs:
                return summary
            expected = linked + len(docs)
            stories = {}
            for doc in docs:
                window.move_to(conn, doc["day"])
                stories[doc["pk"]] = _place_in_story(conn, window.index, doc, summary)
            _merge_events(conn, docs, stories, summary)
            summary.documents += len(docs)
    return summary


class StoryWindow:
    """The documents a new one is compared with: those already linked within STORY_WINDOW_DAYS of its
    day (documents are linked in date order), loaded from the store as the day advances."""

    def __init__(self) -> None:
        self.index = StoryIndex()
        self._loaded_until: str | None = None  # signatures of linked documents up to this day are in
        self._undated_loaded = False

    def move_to(self, conn, day: str | None) -> None:
        """Make the index hold the linked documents within the window of `day` (None: the undated ones)."""
        if day is None:
            if not self._undated_loaded:  # undated documents come last and are compared with each other
                for doc_pk, blob, doc_day in sql.signatures_between(conn, None, None):
                    self.index.add(doc_pk, from_bytes(blob), doc_day)
                self._undated_loaded = True
            return
        current = date.fromisoformat(day[:10])
        start = (current - timedelta(days=STORY_WINDOW_DAYS)).isoformat()
        self.index.forget_before(start)
        if self._loaded_until is None or self._loaded_until < day:
            # load a window ahead at once, so the store is asked once a week rather than once a day
            ahead = (current + timedelta(days=STORY_WINDOW_DAYS)).isoformat()
            before_start = (current - timedelta(days=STORY_WINDOW_DAYS + 1)).isoformat()
            low = self._loaded_until if self._loaded_until and self._loaded_until >= before_start else before_start
            for doc_pk, blob, doc_day in sql.signatures_between(conn, low, ahead):
                self.index.add(doc_pk, from_bytes(blob), doc_day)
            self._loaded_until = ahead


def _place_in_story(conn, index: StoryIndex, doc: dict, summary: LinkSummary) -> int:
    minhash = signature(doc["text"] or "")
    sql.save_signature(conn, doc["pk"], to_bytes(minhash))
    match = index.closest(minhash)
    story_pk = sql.story_of(conn, match[0]) if match else None
    if match is None or story_pk is None:
        story_pk = sql.new_story(conn, doc)
        sql.add_to_story(conn, story_pk, doc, 1.0, "first")
        summary.new_stories += 1
    else:
        sql.add_to_story(conn, story_pk, doc, match[1], relation(match[1]))
    index.add(doc["pk"], minhash, doc["day"])
    return story_pk


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
