"""Migration 0009 upgrades a store in place: a store made at revision 0008 with merged events in it opens
with the alerts and notifications tables, matching tables.py, an alert added then tells of new events
only, and the downgrade drops both tables and keeps the rest."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from accord.alerts import Alert, add_alert, fire
from accord.config import Settings
from accord.store import Store, tables
from accord.store.database import alembic_config, head_revision

from ..alerts.events import add_event
from .revisions import store_at


def test_a_store_at_0008_gains_alerts_and_tells_only_of_new_events(store_url, tmp_path):
    with Store(store_at(store_url, "0008_sources")) as old_store:  # not migrated further
        old = add_event(old_store)  # a merged event stored at 0008
    with Store.open(store_url) as store:
        names = set(inspect(store.engine).get_table_names())
        assert {"alerts", "notifications"} <= names
        with store.engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert context.get_current_revision() == head_revision()  # 0009 and every later one
            assert compare_metadata(context, tables.metadata) == []  # the migration made exactly tables.py
        _, existing = add_alert(store, Alert.parse(dyad="CHN-USA"))
        assert existing == 1
        new = add_event(store)
        raised = fire(store, Settings(alerts_file=str(tmp_path / "a.jsonl")))
        assert [n.event for n in raised] == [new] and old != new


def test_the_downgrade_drops_the_alert_tables_only(store_url):
    with Store.open(store_url) as store:
        add_event(store)
        add_alert(store, Alert.parse(dyad="CHN-USA"))
        cfg = alembic_config()
        with store.engine.begin() as connection:
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0008_sources")
        names = set(inspect(store.engine).get_table_names())
        assert "alerts" not in names and "notifications" not in names
        assert store.count("event_groups") == 1 and store.count("documents") == 1
