"""Tests of the exports; `ingested` builds a small store from the project's demo articles."""

from __future__ import annotations

from pathlib import Path

from ..conftest import DEMO

# Two stories with China-United States events, and one where the United States and China meet in Geneva.
DEMO_ARTICLES = (
    DEMO / "headered" / "01_geneva_trade_talks.txt",
    DEMO / "html" / "02_busan_trump_xi_meeting.html",
    DEMO / "plain" / "05_kuala_lumpur_trade_talks.txt",
    DEMO / "feeds" / "demo_rss.xml",
)


def ingested(store_url: str, pipeline, paths=DEMO_ARTICLES):
    """A Database over a fresh store holding `paths`, ingested and linked the way `accord ingest` does."""
    from accord.api import open_database
    from accord.config import Settings
    from accord.ingestion import ingest
    from accord.store import Store

    store = Store.open(store_url)
    try:
        summary = ingest([str(Path(p)) for p in paths], store, Settings(store_batch_size=16), pipeline)
    finally:
        store.close()
    assert summary.failed == 0 and summary.new >= len(paths)
    return open_database(store_url)
