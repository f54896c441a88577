"""Migrations on a store written by an earlier accord: 0003 renames the draft PLOVER types (DEMAND,
DISAPPROVE, INVESTIGATE, FIGHT) in place, in the event tables and in every stored extraction."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, update

from accord.config import Settings
from accord.ingestion import ingest
from accord.store import Store, tables
from accord.store.database import alembic_config

pytestmark = pytest.mark.model

DRAFT = {("09", "ACCUSE"): "INVESTIGATE", ("10", "REQUEST"): "DEMAND", ("11", "ACCUSE"): "DISAPPROVE"}
DRAFT[("19", "ASSAULT")] = "FIGHT"
DRAFT_NAMES = set(DRAFT.values())
ARTICLE = (
    "Paris, 3 March 2025\n\nFrance accused Iran of violating the nuclear deal on Monday. "
    "France demanded that Iran release the prisoners. Iranian troops fought with Iraqi forces near Basra on Monday. "
    "Germany investigated Russia over the poisoning. Chinese President Xi Jinping met Russian President "
    "Vladimir Putin in Moscow on Monday.\n"
)


def _names(store: Store) -> dict[str, set[tuple[str, str | None]]]:
    """(CAMEO root, PLOVER type) of every event row, merged event and stored extraction's event."""
    with store.engine.connect() as conn:
        found = {
            name: {(r.cameo_root, r.plover) for r in conn.execute(select(t.c.cameo_root, t.c.plover))}
            for name, t in (("events", tables.events), ("event_groups", tables.event_groups))
        }
        found["extraction"] = {
            (e["cameo_root"], e["plover"])
            for (extraction,) in conn.execute(select(tables.documents.c.extraction))
            for e in extraction["events"]
        }
    return found


def _as_written_before_0003(store: Store) -> None:
    """Take the store back to 0003's schema (later migrations undone), put the draft names back where the
    previous codebook wrote them and mark the store as 0002."""
    with store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
        for t in (tables.events, tables.event_groups):
            for (root, current), draft in DRAFT.items():
                conn.execute(update(t).where(t.c.cameo_root == root, t.c.plover == current).values(plover=draft))
        d = tables.documents
        for pk, extraction in conn.execute(select(d.c.pk, d.c.extraction)).all():
            for e in extraction["events"]:
                e["plover"] = DRAFT.get((e["cameo_root"], e["plover"]), e["plover"])
            conn.execute(update(d).where(d.c.pk == pk).values(extraction=extraction))
        command.stamp(cfg, "0002")


def _revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_a_store_with_draft_plover_names_gets_the_current_ones_when_it_opens(store_url, pipeline, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = Store.open(store_url)
    try:
        ingest([str(article)], store, Settings(), pipeline)
        current = _names(store)
        roots = {root for root, _ in current["events"]}
        assert {"09", "10", "11", "19"} <= roots
        _as_written_before_0003(store)
        old = _names(store)
        assert all(DRAFT_NAMES & {p for _, p in rows} for rows in old.values())
        assert _revision(store) == "0002"
    finally:
        store.close()

    reopened = Store.open(store_url)  # opening migrates
    try:
        assert _revision(reopened) == ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert _names(reopened) == current
        assert not any(DRAFT_NAMES & {p for _, p in rows} for rows in current.values())
    finally:
        reopened.close()


def test_downgrading_0003_restores_the_draft_names_by_cameo_root(store_url, pipeline, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    store = Store.open(store_url)
    try:
        ingest([str(article)], store, Settings(), pipeline)
        current = _names(store)
        with store.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        expected = {k: {(r, DRAFT.get((r, p), p)) for r, p in rows} for k, rows in current.items()}
        assert _names(store) == expected
    finally:
        store.close()
