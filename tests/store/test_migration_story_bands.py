"""Migration 0010 upgrades a store in place: the band keys it computes from the stored signatures are
the ones linking writes, so documents linked before the upgrade are found as story candidates after it;
the downgrade drops the table and keeps the rest."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from accord.api import Database
from accord.config import Settings
from accord.ingestion import ingest_items
from accord.model import Document
from accord.store import Store, tables
from accord.store.database import alembic_config

pytestmark = pytest.mark.model

TEXT = (
    "Chile and Peru signed a fisheries accord in Lima on Monday. Officials from both countries said "
    "the accord would end a long quarrel over anchovy catches along their maritime border."
)


def _doc(doc_id: str, day: str) -> Document:
    return Document(id=doc_id, text=TEXT, published=day, publisher=doc_id, reader="test")


def _bands(store: Store) -> list[tuple[int, int]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(tables.story_bands.c.key, tables.story_bands.c.doc_pk)).all()
    return sorted((key, doc_pk) for key, doc_pk in rows)


def _downgrade(store: Store, revision: str) -> None:
    cfg = alembic_config()
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)


def test_a_store_at_0009_gains_the_band_keys_linking_would_have_written(store_url, pipeline):
    with Store.open(store_url) as store:
        ingest_items([_doc("first", "2025-05-05"), _doc("other", "2025-05-06")], store, Settings(), pipeline)
        written = _bands(store)
        assert written
        _downgrade(store, "0009_alerts")
        assert "story_bands" not in set(inspect(store.engine).get_table_names())
        assert store.count("signatures") == 2 and store.count("stories") == 1
    with Store.open(store_url) as store:  # upgrades in place
        assert _bands(store) == written
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), tables.metadata) == []
        ingest_items([_doc("later", "2025-05-08")], store, Settings(), pipeline)
        db = Database(store)
        assert [s.num_documents for s in db.stories()] == [3]
