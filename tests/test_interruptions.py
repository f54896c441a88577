"""A killed or terminated ingest leaves nothing behind (issue 17, item 8): its worker processes end with it
even after `kill -9`, SIGTERM stops it cleanly (documents in hand written, run `interrupted`, exit 143),
and a run left `running` by a killed process is marked `interrupted` by the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from accord.store import tables

from .synthetic import write_corpus

pytestmark = pytest.mark.model
DOCUMENTS = 1200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("interrupted"), DOCUMENTS)


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ACCORD_WORKERS", None)
    env["ACCORD_STORE_BATCH_SIZE"] = "8"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent / "src")
    return env


def start_ingest(db: Path, inputs: Path, workers: int = 2) -> subprocess.Popen:
    command = [sys.executable, "-m", "accord", "--db", str(db), "ingest", str(inputs), "--workers", str(workers)]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment(), start_new_session=True
    )


def query(db: Path, statement):
    engine = create_engine(f"sqlite:///{db}")
    try:
        with engine.connect() as conn:
            return conn.execute(statement).all()
    finally:
        engine.dispose()


def stored(db: Path) -> int:
    try:
        return query(db, select(func.count()).select_from(tables.documents))[0][0]
    except Exception:  # not created yet
        return 0


def wait_for_documents(db: Path, process: subprocess.Popen, at_least: int = 16) -> None:
    deadline = time.monotonic() + 600
    while stored(db) < at_least:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the ingest stored nothing in 10 minutes"
        time.sleep(0.2)


def children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Whether `pid` exists and has not ended (a zombie waiting for its exit status to be read has)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2 :].split()[0] != "Z"


def runs(db: Path) -> list[tuple]:
    r = tables.runs
    return query(db, select(r.c.pk, r.c.status, r.c.new).order_by(r.c.pk))


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_workers_end_when_the_ingest_is_killed_and_the_next_run_marks_its_run_interrupted(tmp_path, corpus):
    db = tmp_path / "killed.db"
    process = start_ingest(db, corpus)
    wait_for_documents(db, process)
    workers = children(process.pid)
    assert len(workers) >= 2, workers  # the two workers (and multiprocessing's resource tracker)
    os.kill(process.pid, signal.SIGKILL)  # the parent alone, as `kill -9 PID` does
    process.wait()
    deadline = time.monotonic() + 15
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(running(pid) for pid in workers), [pid for pid in workers if running(pid)]
    assert [status for _, status, _ in runs(db)] == ["running"]  # killed: nobody could mark it

    after = start_ingest(db, corpus / "part-0000.jsonl", workers=1)
    _, stderr = after.communicate(timeout=600)
    assert after.returncode == 0, stderr
    assert "run 1 was left running by a process that is gone; marked interrupted" in stderr
    assert [status for _, status, _ in runs(db)] == ["interrupted", "finished"]


def test_sigterm_writes_what_is_in_hand_marks_the_run_interrupted_and_exits_143(tmp_path, corpus):
    db = tmp_path / "terminated.db"
    process = start_ingest(db, corpus)
    wait_for_documents(db, process)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "terminated" in stderr, stderr
    [(_, status, new)] = runs(db)
    assert status == "interrupted"
    assert 0 < new == stored(db) < DOCUMENTS  # what it stored is kept, and counted
    no_sentences = query(
        db,
        select(func.count())
        .select_from(tables.documents)
        .where(~tables.documents.c.pk.in_(select(tables.sentences.c.doc_pk))),
    )[0][0]
    assert no_sentences == 0  # whole documents only


def test_a_running_run_of_a_live_process_is_left_alone(tmp_path):
    from accord.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'live.db'}") as store:
        mine = store.start_run("test", [])
        assert store.mark_stale_runs() == []  # this process is alive
        with store.engine.begin() as conn:
            conn.execute(tables.runs.update().where(tables.runs.c.pk == mine).values(pid=2**22 + 12345))
        assert store.mark_stale_runs() == [mine]  # no such process
