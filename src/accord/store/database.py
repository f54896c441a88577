"""Opening a store: engine from a SQLAlchemy URL, SQLite tuned for one writer and many readers,
and the schema brought up to date by Alembic migrations on every open."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ..errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def make_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}") from None
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"the driver for {url!r} is not installed ({exc.name}); install accord with the 'postgres' extra"
        ) from None
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


# PostgreSQL advisory lock key of accord's writers ("accord" in ASCII): any number, the same in all of them
WRITE_LOCK = 0x6163636F7264


def take_write_lock(conn: Connection) -> None:
    """Make the transaction just begun on `conn` the only writing one until it ends, so that what it
    reads before writing (which documents are stored, which are linked) stays true while it writes:
    BEGIN IMMEDIATE on SQLite (a second writer waits up to the busy timeout), a transaction-scoped
    advisory lock on PostgreSQL. Concurrent ingests into one store are thereby safe; readers never wait."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK})


def migrate(engine: Engine) -> None:
    """Apply any migrations the database lacks (a no-op when it is current). Two processes opening a new
    store at once take turns: the second finds it current."""
    cfg = alembic_config()
    head = ScriptDirectory.from_config(cfg).get_current_head()
    try:
        with engine.connect() as probe:  # the usual case, a current store, without taking the write lock
            if MigrationContext.configure(probe).get_current_revision() == head:
                return
        with engine.begin() as connection:
            take_write_lock(connection)
            if MigrationContext.configure(connection).get_current_revision() == head:
                return
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise StoreError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: {exc.orig}"
        ) from None
