"""Migrations upgrade a store in place: a store made at revision 0002 (before date precision) opens, gains
`date_precision` on events and merged events, and has it filled from what its rows already hold."""

from datetime import UTC, datetime

from sqlalchemy import MetaData, inspect, select

from accord.store import Store

from .revisions import store_at

# date, date_end, date_basis -> the precision the upgrade fills in
ROWS = [
    ("2025-05-14", None, "anchor", "day"),
    ("2025-05-12", None, "text", "day"),
    ("2025-04-01", "2025-04-30", "text", "month"),
    ("2025-05-05", "2025-05-11", "text", "week"),  # an ISO week, Monday to Sunday
    ("2025-05-10", "2025-05-11", "text", "week"),  # a weekend
    ("2025-01-01", "2025-03-31", "text", "year"),  # a quarter
    ("2024-12-01", "2025-02-28", "text", "year"),  # a winter
    ("1999-01-01", "1999-12-31", "text", "year"),
    ("1990-01-01", "1999-12-31", "text", "decade"),
    ("2025-04-02", "2025-04-30", "text", None),  # no calendar period: not known
    (None, None, "anchor", None),  # undated
]


def _store_at_0002(url: str) -> None:
    """A store at revision 0002 holding one document, its events and one merged event per event."""
    engine = store_at(url, "0002")
    meta = MetaData()
    meta.reflect(engine)
    assert "date_precision" not in meta.tables["events"].c
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            meta.tables["runs"].insert(),
            [{"pk": 1, "started_at": now, "pipeline_version": "old", "inputs": [], "read": 1, "new": 1,
              "unchanged": 0, "failed": 0, "status": "done"}],
        )  # fmt: skip
        conn.execute(
            meta.tables["documents"].insert(),
            [{"pk": 1, "doc_key": "k" * 64, "id": "old", "sources": [], "categories": [], "text": "Text.",
              "warnings": [], "extraction": {}, "origin": "old.txt", "reader": "plain", "ingested_at": now,
              "pipeline_version": "old", "run_pk": 1}],
        )  # fmt: skip
        common = {"cameo": "111", "cameo_root": "11", "goldstein": -2.0, "quad_class": 3, "status": "occurred"}
        conn.execute(
            meta.tables["events"].insert(),
            [
                common | {"doc_pk": 1, "event_id": f"e{i}", "date": d, "date_end": e, "date_basis": basis,
                          "sentence_start": 0, "sentence_end": 5, "trigger_start": 0, "trigger_end": 4,
                          "trigger_text": "Text", "rule": "r", "confidence": 0.7}
                for i, (d, e, basis, _) in enumerate(ROWS)
            ],
        )  # fmt: skip
        conn.execute(
            meta.tables["event_groups"].insert(),
            [
                common | {"pk": i + 1, "source_key": "a", "target_key": "b", "date": d, "date_end": e,
                          "date_basis": basis, "num_mentions": 1, "num_sources": 1, "num_articles": 1}
                for i, (d, e, basis, _) in enumerate(ROWS)
            ],
        )  # fmt: skip
    engine.dispose()


def test_a_store_at_0002_upgrades_in_place_and_fills_date_precision(store_url):
    _store_at_0002(store_url)
    store = Store.open(store_url)  # opening migrates to the head revision
    try:
        for name in ("events", "event_groups"):
            assert "date_precision" in {c["name"] for c in inspect(store.engine).get_columns(name)}
        meta = MetaData()
        meta.reflect(store.engine)
        with store.engine.connect() as conn:
            events = meta.tables["events"]
            found = dict(conn.execute(select(events.c.event_id, events.c.date_precision)).all())
            groups = meta.tables["event_groups"]
            merged = dict(conn.execute(select(groups.c.pk, groups.c.date_precision)).all())
        assert found == {f"e{i}": row[3] for i, row in enumerate(ROWS)}
        assert merged == {i + 1: row[3] for i, row in enumerate(ROWS)}
        assert store.count("documents") == 1
    finally:
        store.close()
