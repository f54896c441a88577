"""Dyad series: a pair's merged events per day, week or month, by QuadClass, with mean Goldstein and a
cooperation-conflict index.

    cooperation_index = (events of QuadClass 1 or 2 - events of QuadClass 3 or 4) / all events

It runs from -1 (only conflict) to 1 (only cooperation); each merged event counts once however many
articles reported it, so a story syndicated a hundred times does not swing the index. An event without
a date belongs to no period: it is left out of the series, and the series says how many were
(`Series.undated`), so that a pair's undated events are not lost without a word. Negated ("had not
consulted") and hypothetical ("could impose sanctions") events did not happen: they are not counted in any
period either (`Series.unrealised` says how many), so that "X did not attack Y" does not read as conflict.
Planned events count, as intentions are events of their own in CAMEO (036, intent to meet). A period's
`mean_tone` is the mean GDELT-style tone of the documents that report its events, each document once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, timedelta
from enum import Enum

from ..errors import BadFilter
from ..store.filters import UNREALISED_STATUSES
from .records import EventRecord, Records, SeriesPoint


class Period(str, Enum):
    """What a series counts by."""

    day = "day"
    week = "week"
    month = "month"


PERIODS = tuple(period.value for period in Period)


def period_of(day: date, by: str) -> tuple[str, date]:
    if by == "day":
        return day.isoformat(), day
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", day - timedelta(days=day.weekday())
    if by == "month":
        return f"{day.year}-{day.month:02d}", day.replace(day=1)
    raise BadFilter("by", f"must be one of {', '.join(PERIODS)}, not {by!r}")


class Series(Records[SeriesPoint]):
    """A dyad's periods, with how many of its events were left out of them: undated ones, and negated or
    hypothetical ones."""

    undated: int = 0
    unrealised: int = 0


def dyad_series(
    events: list[EventRecord], by: str = "month", tones: Mapping[int, Mapping[int, float]] | None = None
) -> Series:
    """The events per period (`by` day, week or month), oldest period first; undated events are
    counted in `undated`, negated and hypothetical ones in `unrealised`, neither in any period. `tones` gives each event's reporting documents' tones by
    document (store number), for the periods' mean tone (None without it)."""
    buckets: dict[str, list[EventRecord]] = defaultdict(list)
    starts: dict[str, date] = {}
    undated = unrealised = 0
    for event in events:
        if event.status in UNREALISED_STATUSES:
            unrealised += 1
            continue
        if not event.date:
            undated += 1
            continue
        label, start = period_of(date.fromisoformat(event.date), by)
        buckets[label].append(event)
        starts[label] = start
    points = Series()
    points.undated, points.unrealised = undated, unrealised
    for label in sorted(buckets, key=lambda k: starts[k]):
        group = buckets[label]
        quads = [sum(1 for e in group if e.quad_class == q) for q in (1, 2, 3, 4)]
        cooperative, conflictual = quads[0] + quads[1], quads[2] + quads[3]
        points.append(
            SeriesPoint(
                period=label,
                start=starts[label].isoformat(),
                events=len(group),
                verbal_cooperation=quads[0],
                material_cooperation=quads[1],
                verbal_conflict=quads[2],
                material_conflict=quads[3],
                mean_goldstein=round(sum(e.goldstein for e in group) / len(group), 2),
                cooperation_index=round((cooperative - conflictual) / len(group), 3),
                mean_tone=_mean_tone(group, tones),
            )
        )
    return points


def _mean_tone(group: list[EventRecord], tones: Mapping[int, Mapping[int, float]] | None) -> float | None:
    """The mean tone of the documents reporting any of the events, each document counted once."""
    documents: dict[int, float] = {}
    for event in group:
        documents.update((tones or {}).get(event.id, {}))
    return round(sum(documents.values()) / len(documents), 2) if documents else None
