"""The next check as a table of (headers, history, expected wait): the adaptive interval, the feed's TTL,
Cache-Control max-age, Expires and Retry-After after a fetch that worked; exponential backoff with
jitter, or Retry-After, after an error."""

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from accord.config import WatchSettings
from accord.sources.schedule import after_failure, after_success

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
SETTINGS = WatchSettings(min_interval=300, max_interval=86_400, max_backoff=43_200)


def every(seconds: float, n: int = 6) -> list[datetime]:
    return [NOW - timedelta(seconds=seconds * i) for i in range(n)]


def http_date(seconds: float) -> str:
    return format_datetime(NOW + timedelta(seconds=seconds), usegmt=True)


SUCCESS = [
    # (case, headers, history: previous interval, item dates, new items, feed TTL), expected wait, rule
    ("first fetch, nothing known", {}, (None, [], 0, None), 300, "adaptive interval"),
    ("items an hour apart: half the gap", {}, (None, every(3600), 3, None), 1800, "adaptive interval"),
    ("items seconds apart: the shortest interval", {}, (None, every(10), 3, None), 300, "adaptive interval"),
    ("items days apart: the longest interval", {}, (None, every(5 * 86_400), 1, None), 86_400, "adaptive interval"),
    ("undated, nothing new: grows by half", {}, (1000, [], 0, None), 1500, "adaptive interval"),
    ("undated, something new: halves", {}, (1000, [], 2, None), 500, "adaptive interval"),
    ("undated, nothing new, at the longest", {}, (86_400, [], 0, None), 86_400, "adaptive interval"),
    ("feed TTL longer than the interval", {}, (None, every(3600), 1, 3600), 3600, "feed TTL"),
    ("max-age longer", {"Cache-Control": "public, max-age=7200"}, (None, every(3600), 1, None), 7200,
     "Cache-Control max-age"),
    ("max-age shorter than the interval", {"Cache-Control": "max-age=60"}, (None, every(3600), 1, None), 1800,
     "adaptive interval"),
    ("no-cache, max-age=0", {"Cache-Control": "no-cache, max-age=0"}, (None, [], 0, None), 300, "adaptive interval"),
    ("Expires in three hours", {"Expires": http_date(10_800)}, (None, every(3600), 1, None), 10_800, "Expires"),
    ("Expires in the past", {"Expires": http_date(-600)}, (None, [], 0, None), 300, "adaptive interval"),
    ("a cache hint of ten years is capped", {"Cache-Control": "max-age=315360000"}, (None, [], 0, None), 86_400,
     "Cache-Control max-age"),
    ("Retry-After in seconds, beyond the cap", {"Retry-After": "120000"}, (None, [], 0, None), 120_000,
     "Retry-After"),
    ("Retry-After as an HTTP date", {"Retry-After": http_date(7200)}, (None, [], 0, None), 7200, "Retry-After"),
    ("the latest of all", {"Cache-Control": "max-age=4000", "Expires": http_date(5000), "Retry-After": "4500"},
     (None, every(3600), 1, 3600), 5000, "Expires"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "headers", "history", "wait", "rule"), SUCCESS, ids=[c[0] for c in SUCCESS])
def test_next_check_after_a_fetch_that_worked(case, headers, history, wait, rule):
    previous, dates, new, ttl = history
    plan = after_success(
        NOW, SETTINGS, headers, previous_interval=previous, published=dates, new_items=new, ttl_seconds=ttl
    )
    assert (plan.next_check_at - NOW).total_seconds() == pytest.approx(wait, abs=1)
    assert plan.reason == rule


FAILURE = [
    # (case, headers, failures in a row, lowest and highest wait, rule)
    ("first failure: up to the shortest interval", {}, 1, (150, 300), "backoff"),
    ("third failure: four times that", {}, 3, (600, 1200), "backoff"),
    ("many failures: the longest backoff", {}, 30, (21_600, 43_200), "backoff"),
    ("429 with Retry-After: honoured", {"Retry-After": "3600"}, 1, (3600, 3600), "Retry-After"),
    ("Retry-After shorter than the backoff", {"Retry-After": "5"}, 4, (1200, 2400), "backoff"),
    ("unreadable Retry-After is ignored", {"Retry-After": "soon"}, 1, (150, 300), "backoff"),
]


@pytest.mark.parametrize(("case", "headers", "failures", "bounds", "rule"), FAILURE, ids=[c[0] for c in FAILURE])
def test_next_check_after_an_error(case, headers, failures, bounds, rule):
    waits = set()
    for seed in range(20):
        plan = after_failure(NOW, SETTINGS, headers, failures=failures, previous_interval=None, rng=random.Random(seed))
        wait = (plan.next_check_at - NOW).total_seconds()
        assert bounds[0] - 1 <= wait <= bounds[1] + 1 and plan.reason == rule
        waits.add(round(wait))
    assert (len(waits) > 1) == (rule == "backoff")  # jitter spreads the retries of many watchers
