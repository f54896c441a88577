"""A database file that cannot be used is one line and exit 2, not a traceback; a store nobody may write
to is still read (issue 17, item 4).

Read-only is tested for real: the commands run in a subprocess that may not write the folder (the folder
chmod'ed, and the subprocess run as `nobody` through setpriv when the tests run as root, whom file modes do
not stop),
and in-process a store opened read-only is shown to refuse writes by SQLite's own `mode=ro`, which holds
for root too. Limits: a read-only bind mount or an immutable file (chattr +i) are not tried."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from alembic import command

from accord.errors import StoreError
from accord.model import Failure
from accord.store import Store, tables
from accord.store.database import alembic_config, make_engine

SRC = Path(__file__).resolve().parents[2] / "src"
NOBODY = 65534


def accord(db: Path, *args: str, as_reader: bool = False) -> subprocess.CompletedProcess:
    """`accord --db DB ARGS` in a subprocess; with `as_reader`, one that may not write DB's folder."""
    env = dict(os.environ, PYTHONPATH=str(SRC), HOME=str(db.parent))
    prefix: list[str] = []
    if as_reader and os.geteuid() == 0:  # root writes whatever the modes say: read as nobody
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot read as a user the folder's mode stops")
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return subprocess.run(
        [*prefix, sys.executable, "-m", "accord", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=db.parent,
        timeout=300,
    )


def a_store(path: Path, failures: int = 10) -> Path:
    """A real store holding one run and `failures` failure rows (enough rows to span many pages)."""
    with Store.open(f"sqlite:///{path}") as store:
        run = store.start_run("test", ["inputs"])
        store.record_failures(run, [Failure(f"input-{i}", "unreadable " * 30, "plain") for i in range(failures)])
        store.finish_run(run, {"read": failures, "new": 0, "unchanged": 0, "failed": failures})
    return path


def one_line_exit_2(result: subprocess.CompletedProcess, path: Path, problem: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert str(path) in lines[0] and problem in lines[0], lines[0]


@pytest.mark.parametrize("command", [["docs"], ["events"], ["export", "events"], ["ingest", "missing.txt"]])
def test_a_file_that_is_not_a_database_is_one_line_and_exit_2(tmp_path, command):
    db = tmp_path / "garbage.db"
    db.write_bytes(bytes(range(256)) * 40)
    one_line_exit_2(accord(db, *command), db, "is not a SQLite database")


@pytest.mark.parametrize("command", [["docs"], ["events"], ["export", "documents", "--format", "csv"]])
def test_a_truncated_store_is_one_line_and_exit_2(tmp_path, command):
    db = a_store(tmp_path / "truncated.db", failures=3000)
    os.truncate(db, db.stat().st_size // 2)
    one_line_exit_2(accord(db, *command), db, "is corrupted")


@pytest.fixture
def shelf():
    """A folder any user may enter (pytest's own are root's alone), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="accord-shelf-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


@pytest.fixture
def read_only_folder(shelf):
    """A folder holding a store, which the reading subprocess may not write to."""
    a_store(shelf / "accord.db")
    assert not list(shelf.glob("accord.db-*"))  # closed cleanly: no WAL files left to read through
    shelf.chmod(0o555)
    (shelf / "accord.db").chmod(0o444)
    return shelf


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_store_in_a_read_only_folder_is_read(read_only_folder):
    db = read_only_folder / "accord.db"
    before = digest(db)
    listing = accord(db, "docs", "--format", "json", as_reader=True)
    assert listing.returncode == 0, listing.stderr
    assert listing.stdout.strip() == "[]"
    assert accord(db, "events", as_reader=True).returncode == 0
    exported = accord(db, "export", "documents", "--format", "csv", as_reader=True)
    assert exported.returncode == 0, exported.stderr
    assert len(pd.read_csv(io.StringIO(exported.stdout))) == 0  # a header and no rows, as a reader sees it
    assert digest(db) == before and sorted(p.name for p in read_only_folder.iterdir()) == ["accord.db"]


def test_a_read_only_store_that_needs_an_upgrade_says_so(shelf):
    folder = shelf
    db = folder / "accord.db"
    engine = make_engine(f"sqlite:///{db}")
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0005_document_tone")
    engine.dispose()
    folder.chmod(0o555)
    db.chmod(0o444)
    try:
        before = digest(db)
        result = accord(db, "docs", as_reader=True)
        one_line_exit_2(result, db, "needs an upgrade")
        assert "read-only" in result.stderr and digest(db) == before
    finally:
        folder.chmod(0o755)


def test_a_store_opened_read_only_cannot_write_even_as_root(tmp_path):
    db = a_store(tmp_path / "ro.db")
    with Store.open(f"sqlite:///{db}", read_only=True) as store:
        assert store.count("failures") == 10
        with pytest.raises(StoreError, match="is read-only"):
            store.start_run("test", [])
        assert store.count("runs") == 1


def test_reading_a_writable_old_store_upgrades_it_first(tmp_path):
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}")
    cfg = alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0005_document_tone")
    engine.dispose()
    with Store.open(f"sqlite:///{db}", read_only=True) as store:
        assert store.count("runs") == 0
        assert "pid" in {c.name for c in tables.runs.c}
