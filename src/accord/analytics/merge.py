"""When two reports are one real-world event: the merge rule.

Two event rows (from the same or different documents) are the same event when
  1. they have the same source and the same target actor: the same knowledge-base entry, or else the same
     country, sector, kind and name; a state is one actor however it is named ("the United States",
     "Washington", "the US government" all stand for the US state); a mutual event (one row per pair of
     parties, in the order its text names them) matches its parties in either order,
  2. they have the same CAMEO root and the same status (a planned meeting and a held one differ),
  3. their date ranges overlap; a date taken from the publication date rather than from the text is
     widened by one day each way, since reports often appear the day after, and
  4. they have the same place country, or at least one of them has no place.
Undated reports merge only within one story. The merged event keeps the most specific code reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlparse

ANCHOR_SLACK = timedelta(days=1)


@dataclass
class Report:
    """One event row with what the merge rule needs."""

    doc_pk: int
    event_id: str
    source_key: str
    target_key: str
    cameo: str
    cameo_root: str
    status: str
    date: str | None
    date_end: str | None
    date_basis: str
    place_country: str | None
    story_pk: int | None
    mutual: bool = False  # a mutual event: its source and target are in either order (rule 1)


@dataclass
class GroupSpan:
    """What a merged event needs to be compared with a new report."""

    pk: int
    date: str | None
    date_end: str | None
    place_country: str | None
    story_pks: set[int]


def report_span(report: Report) -> tuple[date, date] | None:
    if not report.date:
        return None
    first = date.fromisoformat(report.date)
    last = date.fromisoformat(report.date_end) if report.date_end else first
    if report.date_basis == "anchor":
        first, last = first - ANCHOR_SLACK, last + ANCHOR_SLACK
    return first, last


def same_event(group: GroupSpan, report: Report) -> bool:
    """Rules 3 and 4 (rules 1 and 2 select the candidate groups)."""
    if group.place_country and report.place_country and group.place_country != report.place_country:
        return False
    span = report_span(report)
    if span is None or not group.date:
        return report.story_pk is not None and report.story_pk in group.story_pks
    first = date.fromisoformat(group.date)
    last = date.fromisoformat(group.date_end) if group.date_end else first
    return span[0] <= last and first <= span[1]


def more_specific(code: str, than: str) -> bool:
    return (len(code), not code.endswith("0")) > (len(than), not than.endswith("0"))


GOVERNMENT_WORDS = frozenset({"government", "administration", "authorities", "cabinet", "state"})


def actor_key(kb_id: str | None, kind: str | None, country: str | None, sector: str | None, name: str | None) -> str:
    """The identity used by rule 1."""
    if kb_id and kb_id.startswith("country:"):
        return f"state:{kb_id.split(':')[1]}"  # "country:USA" and its capital "country:USA:government"
    if kb_id and kb_id.startswith("body:"):
        # a body entry is generic ("body:navy"): its country makes it one actor
        if kb_id[5:] in GOVERNMENT_WORDS and country:
            return f"state:{country}"  # "the US government"
        return f"{kb_id}:{country or ''}"
    if not kb_id and country and sector == "GOV" and name and name.lower().split()[-1] in GOVERNMENT_WORDS:
        return f"state:{country}"  # "the American administration"
    if kb_id:
        return kb_id
    if name is None:
        return ""
    return f"{kind or ''}:{country or ''}:{sector or ''}:{name.lower()}"


def source_of(doc: dict) -> str:
    """The outlet a report counts for in NumSources: its publisher, else its URL's host, else its id."""
    if doc.get("publisher"):
        return str(doc["publisher"]).strip().lower()
    if doc.get("url"):
        host = urlparse(doc["url"]).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return f"document:{doc['id']}"
