"""Migration 0006 upgrades a store in place: a store made at revision 0005 opens, its runs gain `pid` and
`host` (NULL for the runs it held), and a run it left `running` is marked `interrupted` by the next run."""

from datetime import UTC, datetime

from sqlalchemy import MetaData, inspect, select

from accord.store import Store, tables

from .revisions import store_at


def _store_at_0005(url: str) -> None:
    engine = store_at(url, "0005_document_tone")
    meta = MetaData()
    meta.reflect(engine)
    assert "pid" not in meta.tables["runs"].c
    with engine.begin() as conn:
        conn.execute(
            meta.tables["runs"].insert(),
            [{"started_at": datetime.now(UTC), "pipeline_version": "old", "inputs": ["a.txt"], "read": 3,
              "new": 1, "unchanged": 0, "failed": 0, "status": status} for status in ("finished", "running")],
        )  # fmt: skip
    engine.dispose()


def test_a_store_at_0005_gains_the_run_owner_and_its_stale_run_is_marked(store_url):
    _store_at_0005(store_url)
    with Store.open(store_url) as store:
        columns = {c["name"] for c in inspect(store.engine).get_columns("runs")}
        assert {"pid", "host"} <= columns
        r = tables.runs
        with store.engine.connect() as conn:
            old = conn.execute(select(r.c.status, r.c.pid, r.c.host, r.c.inputs).order_by(r.c.pk)).all()
        assert [tuple(row) for row in old] == [("finished", None, None, ["a.txt"]), ("running", None, None, ["a.txt"])]
        stale = store.mark_stale_runs()  # a run without an owner predates 0006: no process of it is alive
        assert len(stale) == 1
        run = store.start_run("new", [])
        with store.engine.connect() as conn:
            statuses = conn.execute(select(r.c.status).order_by(r.c.pk)).scalars().all()
            owner = conn.execute(select(r.c.pid, r.c.host).where(r.c.pk == run)).one()
        assert statuses == ["finished", "interrupted", "running"]
        assert owner.pid > 0 and owner.host
