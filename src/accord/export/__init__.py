"""Exports of a store to files other tools read: GDELT 2.0 event TSV, PLOVER/POLECAT-style JSON, and
CSV, JSON Lines or Parquet tables of events, quotes, actors and documents.

`write_export` picks the writer for a kind and format and says what it wrote (`Written`);
`first_reports` gathers what the GDELT and PLOVER writers need beyond a merged event's record (its first
report's actors, document and place).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from ..errors import UsageError

if TYPE_CHECKING:
    from ..analytics.records import EventRecord
    from ..api import Database

KINDS = ("events", "quotes", "actors", "documents")
TABLE_FORMATS = ("csv", "jsonl", "parquet")
EVENT_FORMATS = ("gdelt", "plover", "plover-jsonl")
FORMATS = EVENT_FORMATS + TABLE_FORMATS


@dataclass(frozen=True)
class Written:
    """What an export wrote: its rows, and for GDELT what the user should know about them (the
    negated and hypothetical events left out, the rows dated by the day they were added)."""

    rows: int
    left_out: int = 0
    added_dates: int = 0


@dataclass(frozen=True)
class ActorInfo:
    """The first report's actor as the document coded it."""

    code: str | None
    country: str | None
    sector: str | None
    kind: str | None
    role: str | None = None  # "Archbishop": gives a religious actor's CAMEO religion code


@dataclass(frozen=True)
class PlaceInfo:
    """The merged event's place with what the places table knows beyond the event's columns."""

    name: str
    country: str | None
    feature: str | None  # country | admin1 | city | other
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass(frozen=True)
class FirstReport:
    """What a merged event's first report adds to its record."""

    source: ActorInfo | None
    target: ActorInfo | None
    url: str | None
    origin: str | None
    ingested_at: datetime | None
    first_sentence: bool  # the report's sentence opens its document
    place: PlaceInfo | None


def _actor(row: dict, prefix: str) -> ActorInfo | None:
    """The source's (prefix s) or target's (t) actor from a first-report row, if the report has one."""
    if row[f"{prefix}_kind"] is None:
        return None
    return ActorInfo(
        row[f"{prefix}_code"],
        row[f"{prefix}_country"],
        row[f"{prefix}_sector"],
        row[f"{prefix}_kind"],
        row.get(f"{prefix}_role"),
    )


def first_reports(db: Database, events: list[EventRecord]) -> dict[int, FirstReport]:
    """For each merged event (by id): its first report's actors, document and sentence position, and
    the place row its place came from (any report's, since a later report may have added the place)."""
    ids = [event.id for event in events]
    rows = db.first_report_rows(ids)
    places: dict[int, list[PlaceInfo]] = {}
    for r in db.event_place_rows(ids):
        places.setdefault(r["group_pk"], []).append(
            PlaceInfo(r["name"], r["country"], r["feature"], r["lat"], r["lon"], r["geonames_id"])
        )
    found: dict[int, FirstReport] = {}
    for event in events:
        row = rows.get(event.id)
        if row is None:
            continue
        found[event.id] = FirstReport(
            source=_actor(row, "s"),
            target=_actor(row, "t"),
            url=row["url"],
            origin=row["origin"],
            ingested_at=row["ingested_at"],
            first_sentence=row["sentence_start"] is not None and row["sentence_start"] == row["opening"],
            place=_place_of(event, places.get(event.id, [])),
        )
    return found


def _place_of(event: EventRecord, candidates: list[PlaceInfo]) -> PlaceInfo | None:
    """The place row behind the event's place columns; without one, a place built from those columns."""
    if not event.place:
        return None
    for place in candidates:
        if place.name == event.place and place.country == event.place_country:
            return place
    return PlaceInfo(event.place, event.place_country, None, event.lat, event.lon, None)


def check_combination(kind: str, fmt: str, to_file: bool, header: bool = False) -> None:
    """Refuse a kind and format that do not go together, saying what to type instead."""
    if kind not in KINDS:
        raise UsageError(f"nothing to export called {kind!r}; choose one of {', '.join(KINDS)}")
    if fmt not in FORMATS:
        raise UsageError(f"no export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in EVENT_FORMATS and kind != "events":
        raise UsageError(f"--format {fmt} writes events only; for {kind} use csv, jsonl or parquet")
    if fmt == "parquet" and not to_file:
        raise UsageError("parquet is a binary file format and cannot go to standard output: give --out FILE.parquet")
    if header and fmt != "gdelt":
        raise UsageError("--header applies to --format gdelt only (csv always starts with its header)")


def write_export(
    db: Database,
    kind: str,
    fmt: str,
    path: str | None = None,
    stdout: TextIO | None = None,
    dyad: tuple[str, str] | None = None,
    since: str | None = None,
    until: str | None = None,
    header: bool = False,
    historical: bool = False,
    all_statuses: bool = False,
) -> Written:
    """Write `kind` in `fmt` to the file `path` (else to `stdout`, default sys.stdout) and say what was
    written. Everything is read before the file is opened, so a failed query leaves no file.
    Events the text dates as history (status historical) are written only with `historical`;
    `all_statuses` writes events of every status, also the negated and hypothetical ones GDELT's
    format leaves out (it has no column to tell them from events that happened)."""
    check_combination(kind, fmt, path is not None, header)
    historical = historical or all_statuses
    if fmt == "gdelt":
        from .gdelt import gdelt_export, write_gdelt

        found = gdelt_export(db, dyad, since, until, historical, all_statuses)
        count = _write_text(path, stdout, lambda out: write_gdelt(found.rows, out, header))
        return Written(count, found.left_out, found.added_dates)
    if fmt in ("plover", "plover-jsonl"):
        from .plover import plover_objects, write_plover

        objects = plover_objects(db, dyad, since, until, historical)
        return Written(_write_text(path, stdout, lambda out: write_plover(objects, out, lines=fmt == "plover-jsonl")))
    from .tables import table_rows, write_parquet, write_table

    table = table_rows(db, kind, dyad=dyad, since=since, until=until, historical=historical)
    if fmt == "parquet":
        assert path is not None  # check_combination refused parquet without a file
        return Written(write_parquet(table, kind, path))
    return Written(_write_text(path, stdout, lambda out: write_table(table, kind, fmt, out)))


def _write_text(path: str | None, stdout: TextIO | None, write: Callable[[TextIO], int]) -> int:
    if path is None:
        return write(stdout or sys.stdout)
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            return write(out)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
