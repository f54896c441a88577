"""Migration 0008 upgrades a store in place: a store at 0007 with a document opens with empty `sources` and
`seen_items` tables, its document untouched; downgrading drops the two tables and keeps the document."""

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import MetaData, inspect, select

from accord.store import Store, tables
from accord.store.database import alembic_config
from accord.store.sources import add_source, list_sources

from .revisions import store_at


def _store_at_0007(url: str) -> None:
    engine = store_at(url, "0007_language_confidence")
    meta = MetaData()
    meta.reflect(engine)
    assert "sources" not in meta.tables
    with engine.begin() as conn:
        run = conn.execute(
            meta.tables["runs"].insert().values(started_at=datetime.now(UTC), pipeline_version="old", inputs=[],
                                                read=1, new=1, unchanged=0, failed=0, status="finished")
        ).inserted_primary_key[0]  # fmt: skip
        conn.execute(
            meta.tables["documents"].insert().values(doc_key="k" * 64, id="old-doc", sources=[], categories=[],
                                                     text="Old text.", warnings=[], extraction={}, origin="a.txt",
                                                     reader="plain", ingested_at=datetime.now(UTC),
                                                     pipeline_version="old", run_pk=run)
        )  # fmt: skip
    engine.dispose()


def test_a_store_at_0007_gains_the_source_tables_and_keeps_its_documents(store_url):
    _store_at_0007(store_url)
    with Store.open(store_url) as store:
        names = set(inspect(store.engine).get_table_names())
        assert {"sources", "seen_items"} <= names
        assert list_sources(store) == []
        source = add_source(store, "http://127.0.0.1:9/feed", "feed", "Wire", ["World"])
        assert (source.pk, source.status, source.categories) == (1, "active", ["World"])
        with store.engine.connect() as conn:
            assert conn.execute(select(tables.documents.c.id)).scalars().all() == ["old-doc"]


def test_0008_downgrades_to_0007_dropping_only_its_tables(store_url):
    _store_at_0007(store_url)
    with Store.open(store_url) as store:
        add_source(store, "http://127.0.0.1:9/feed", "feed")
        cfg = alembic_config()
        with store.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0007_language_confidence")
        names = set(inspect(store.engine).get_table_names())
        assert "sources" not in names and "seen_items" not in names
        with store.engine.connect() as conn:
            assert conn.execute(select(tables.documents.c.id)).scalars().all() == ["old-doc"]
