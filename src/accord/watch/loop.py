"""The watcher: rounds until stopped. Between rounds it sleeps until the next source is due (waking at
least every `WAKE` seconds to see sources added meanwhile); `stop` ends it after the round in hand. One
pool of worker processes serves every round, and one robots.txt cache."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime

from ..alerts.notify import Echo
from ..config import Settings
from ..nlp import Pipeline
from ..sources.robots import RobotsCache
from ..store import Store
from ..store.sources import next_due
from ..workers import ExtractionPool
from .round import RoundSummary, run_round

WAKE = 60.0  # seconds: the longest sleep between looks at the sources


def watch(
    store: Store,
    settings: Settings,
    *,
    once: bool = False,
    stop: threading.Event | None = None,
    pipeline: Pipeline | None = None,
    report: Callable[[RoundSummary], None] | None = None,
    echo: Echo | None = None,
) -> list[RoundSummary]:
    """Run rounds until `stop` is set (or one round with `once`); each round's summary goes to `report`,
    each alert notification to `echo` as it is raised.
    Returns the summaries of the rounds that found something due (only the last few are kept)."""
    stop = stop or threading.Event()
    pool = ExtractionPool(settings, settings.workers) if pipeline is None and settings.workers > 1 else None
    robots = RobotsCache()
    done: list[RoundSummary] = []
    try:
        while not stop.is_set():
            summary = run_round(store, settings, pipeline=pipeline, pool=pool, stop=stop, robots=robots, echo=echo)
            if summary.sources:
                done = [*done[-9:], summary]
                if report:
                    report(summary)
            if once:
                break
            due = next_due(store)
            wait = WAKE if due is None else (due - datetime.now(UTC)).total_seconds()
            stop.wait(min(WAKE, max(0.0, wait)))
    finally:
        if pool is not None:
            pool.close()
    return done
