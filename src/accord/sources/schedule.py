"""When to check a source again, as good pollers decide it.

After a fetch that worked, the next check is the latest of: the source's adaptive interval (half the
median gap between its latest item dates, or, when its items carry no dates or the server said 304, the
previous interval grown by half when nothing was new and halved when something was; always within the
configured bounds), the
feed's TTL, `Cache-Control: max-age`, `Expires` and `Retry-After` (the cache hints are capped at the
longest interval; Retry-After is honoured as given). After an error, it is the later of an exponential
backoff with jitter (the shortest interval doubled for each failure in a row, up to the longest backoff,
then scaled by a random factor between 0.5 and 1) and Retry-After. Pure functions: the time, the
headers, the history and the random source are given.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from ..config import WatchSettings

RECENT_ITEMS = 20  # the item dates the publishing rate is judged from
GROW, SHRINK = 1.5, 0.5  # the interval's change after a fetch with nothing new / something new (undated items)


@dataclass(frozen=True)
class Schedule:
    """The next check, the adaptive interval to remember, and which rule set the time."""

    next_check_at: datetime
    interval_seconds: float
    reason: str


def after_success(
    now: datetime,
    settings: WatchSettings,
    headers: Mapping[str, str],
    *,
    previous_interval: float | None,
    published: Sequence[datetime] = (),
    new_items: int = 0,
    ttl_seconds: float | None = None,
) -> Schedule:
    """The next check after a fetch that worked (a 200 or a 304)."""
    interval = adaptive_interval(settings, previous_interval, published, new_items)
    waits = {"adaptive interval": interval} | server_hints(now, headers, ttl_seconds, settings.max_interval)
    reason, wait = max(waits.items(), key=lambda pair: pair[1])
    return Schedule(now + timedelta(seconds=wait), interval, reason)


def after_failure(
    now: datetime,
    settings: WatchSettings,
    headers: Mapping[str, str],
    *,
    failures: int,
    previous_interval: float | None,
    rng: random.Random,
) -> Schedule:
    """The next check after an error: exponential backoff with jitter for `failures` in a row, or
    Retry-After when it asks for longer."""
    backoff = min(settings.max_backoff, settings.min_interval * 2 ** max(0, failures - 1))
    backoff *= rng.uniform(0.5, 1.0)
    waits = {"backoff": backoff}
    retry = retry_after(now, headers)
    if retry is not None:
        waits["Retry-After"] = retry
    reason, wait = max(waits.items(), key=lambda pair: pair[1])
    interval = previous_interval or settings.min_interval
    return Schedule(now + timedelta(seconds=wait), interval, reason)


def adaptive_interval(
    settings: WatchSettings, previous: float | None, published: Sequence[datetime], new_items: int
) -> float:
    """How often the source seems to publish, as an interval within the bounds (see the module)."""
    dates = sorted({d for d in published if d is not None}, reverse=True)[:RECENT_ITEMS]
    if len(dates) >= 2:
        gaps = [(a - b).total_seconds() for a, b in zip(dates, dates[1:], strict=False)]
        interval = statistics.median(gaps) / 2
    elif previous is None:
        interval = settings.min_interval
    else:
        interval = previous * (SHRINK if new_items else GROW)
    return min(settings.max_interval, max(settings.min_interval, interval))


def server_hints(now: datetime, headers: Mapping[str, str], ttl_seconds: float | None, cap: float) -> dict[str, float]:
    """Seconds to wait that the server asked for, by what asked: the feed's TTL, max-age and Expires
    (capped at `cap`), and Retry-After (not capped)."""
    lower = {k.lower(): v for k, v in headers.items()}
    hints: dict[str, float] = {}
    if ttl_seconds:
        hints["feed TTL"] = ttl_seconds
    max_age = cache_max_age(lower.get("cache-control", ""))
    if max_age is not None:
        hints["Cache-Control max-age"] = max_age
    expires = _http_date(lower.get("expires"))
    if expires is not None:
        hints["Expires"] = (expires - now).total_seconds()
    hints = {name: min(cap, wait) for name, wait in hints.items() if wait > 0}
    retry = retry_after(now, lower)
    if retry is not None:
        hints["Retry-After"] = retry
    return hints


def cache_max_age(value: str) -> float | None:
    """The max-age of a Cache-Control header, in seconds (None when it gives none)."""
    for part in value.split(","):
        name, _, number = part.strip().partition("=")
        if name.strip().lower() == "max-age":
            try:
                return float(number.strip().strip('"'))
            except ValueError:
                return None
    return None


def retry_after(now: datetime, headers: Mapping[str, str]) -> float | None:
    """Retry-After in seconds from `now`: given as seconds or as an HTTP date (None when absent or unreadable)."""
    lower = {k.lower(): v for k, v in headers.items()}
    value = (lower.get("retry-after") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    when = _http_date(value)
    return max(0.0, (when - now).total_seconds()) if when is not None else None


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when
