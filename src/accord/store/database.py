"""Opening a store: engine from a SQLAlchemy URL, SQLite tuned for one writer and many readers,
and the schema brought up to date by Alembic migrations on every open.

A store opened read-only (the reading commands) never writes: SQLite files are opened with `mode=ro`
(and, in a folder nobody may write to, `immutable=1`, since WAL's shared-memory file cannot be created
there), PostgreSQL sessions are READ ONLY, and no migration runs on such a connection. A SQLite file that
is not a database, or is corrupted, read-only or unreadable, is a StoreError naming the file, what is
wrong and what to do, wherever the error surfaces (accord.store.damage)."""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from ..errors import StoreError
from .damage import translate_errors

MIGRATIONS = Path(__file__).with_name("migrations")
# How long one statement waits for another process's lock on a SQLite file before SQLite gives up.
BUSY_TIMEOUT_SECONDS = 30.0
# How long opening a store keeps trying while other processes hold it (one may be migrating a large store).
OPEN_WAIT_SECONDS = 300.0


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def make_engine(url: str, read_only: bool = False, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> Engine:
    """An engine for `url`; with `read_only`, one whose connections cannot write. On SQLite a statement
    meeting another process's lock waits up to `busy_timeout` seconds."""
    try:
        path = sqlite_path(url)
        if path is not None and read_only:
            engine = create_engine(url, creator=lambda: _read_only_sqlite(path))
        elif url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": busy_timeout})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            engine = create_engine(url, pool_pre_ping=True)
            if read_only:
                event.listen(engine, "connect", _postgres_read_only)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"cannot use database URL {url!r}: {exc}") from None
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"the driver for {url!r} is not installed ({exc.name}); install accord with the 'postgres' extra"
        ) from None
    translate_errors(engine, path)
    return engine


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL (None for another database, or SQLite in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    if parsed.database.startswith("file:"):  # already a URI: the caller chose its mode
        return None
    return parsed.database


def _read_only_sqlite(path: str) -> sqlite3.Connection:
    uri = f"file:{quote(os.path.abspath(path))}?mode=ro"
    if not _exists(path):
        raise StoreError(f"no database at {path}: `accord ingest` creates one, or give another --db")
    conn = sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_READONLY_DIRECTORY":
            conn.close()
            raise
        # a WAL store in a folder we may not write to: its shared-memory file cannot be made, so read the
        # file as it is (nobody can be writing to it: a writer would need that file too)
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=30, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _exists(path: str) -> bool:
    """Whether the file exists; a StoreError when the folders on its way may not be entered."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return False
    except PermissionError:
        raise StoreError(
            f"the database {path} cannot be read (permission denied): give read access to the file and its folders"
        ) from None
    return True


def _postgres_read_only(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    dbapi_connection.commit()


def writable(url: str) -> bool:
    """Whether this process may write the store: for a SQLite file, the file (when it exists) and its
    folder; any other database is assumed writable (the server says otherwise if it is not)."""
    path = sqlite_path(url)
    if path is None:
        return True
    folder = os.path.dirname(os.path.abspath(path))
    return os.access(folder, os.W_OK) and (not os.path.exists(path) or os.access(path, os.W_OK))


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


def current_revision(engine: Engine) -> str | None:
    """The store's Alembic revision (None: an empty database)."""
    with engine.connect() as probe:
        return MigrationContext.configure(probe).get_current_revision()


def head_revision() -> str | None:
    """The revision this version of accord writes."""
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def migrate(engine: Engine, wait: float = OPEN_WAIT_SECONDS) -> None:
    """Apply any migrations the database lacks (a no-op when it is current). Two processes opening a new
    store at once take turns: the second finds it current. While another process holds a SQLite file
    locked (SQLite answers "database is locked" after its busy timeout, or at once when waiting could
    deadlock), opening tries again with growing pauses for up to `wait` seconds."""
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        try:
            _migrate_once(engine)
            return
        except OperationalError as exc:
            remaining = deadline - time.monotonic()
            if not _locked(exc) or remaining <= 0:
                raise StoreError(_cannot_open(engine, exc, waited=wait if _locked(exc) else None)) from None
            time.sleep(min(remaining, pause * random.uniform(0.5, 1.5)))
            pause = min(pause * 2, 2.0)
        except DBAPIError as exc:
            raise StoreError(_cannot_open(engine, exc)) from None


def _migrate_once(engine: Engine) -> None:
    if current_revision(engine) == head_revision():  # the usual case, without taking the write lock
        return
    cfg = alembic_config()
    with engine.begin() as connection:
        take_write_lock(connection)
        if MigrationContext.configure(connection).get_current_revision() == head_revision():
            return
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")


def _locked(exc: DBAPIError) -> bool:
    """Whether SQLite refused because another connection holds the file (SQLITE_BUSY or SQLITE_LOCKED)."""
    name = getattr(exc.orig, "sqlite_errorname", "")
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc.orig)


def _cannot_open(engine: Engine, exc: DBAPIError, waited: float | None = None) -> str:
    message = f"cannot open the database {engine.url.render_as_string(hide_password=True)}: {exc.orig}"
    if waited is not None:
        message += f" (another process held it for {waited:g} s; try again when it has finished)"
    return message


def open_read_only(url: str) -> Engine:
    """An engine that cannot write, over a store at the current revision. A store that needs a migration
    (or a SQLite file not yet made) is migrated first when this process may write it; when it may not,
    a StoreError says so."""
    engine = make_engine(url, read_only=True)
    path = sqlite_path(url)
    missing = path is not None and not _exists(path)
    try:
        revision = None if missing else current_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(_cannot_open(engine, exc)) from None
    if revision == head_revision():
        return engine
    engine.dispose()
    shown = path or make_url(url).render_as_string(hide_password=True)
    if not writable(url):
        what = "does not exist" if missing else f"needs an upgrade to this accord version (from {revision})"
        raise StoreError(
            f"{shown} {what}, and it is read-only here: run accord once with write access to the file and its "
            "folder, or give another --db"
        )
    writer = make_engine(url)
    try:
        migrate(writer)
    finally:
        writer.dispose()
    return make_engine(url, read_only=True)
