"""Durability under the worst interruption: an ingest of 2,000 documents killed with SIGKILL partway,
then run again, ends with exactly what an uninterrupted run stores; and readers keep answering while an
ingest writes."""

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
DOCUMENTS = 2000


def counts(db: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        out = {
            name: conn.execute(select(func.count()).select_from(tables.metadata.tables[name])).scalar_one()
            for name in (
                "documents",
                "events",
                "quotes",
                "actors",
                "sentences",
                "stories",
                "event_groups",
                "event_members",
                "story_documents",
            )
        }
        # no half-written document: every document has its sentences
        out["documents_without_sentences"] = conn.execute(
            select(func.count())
            .select_from(tables.documents)
            .where(~tables.documents.c.pk.in_(select(tables.sentences.c.doc_pk)))
        ).scalar_one()
    engine.dispose()
    return out


def ingest_command(db: Path, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "accord", "--db", str(db), "ingest", str(corpus), "--workers", "2"]


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("ACCORD_WORKERS", None)
    return env


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("synthetic"), DOCUMENTS)


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return counts(db)["documents"]
    except Exception:  # the schema is being created
        return 0


def test_sigkill_partway_then_rerun_stores_exactly_what_an_uninterrupted_run_does(tmp_path, corpus):
    whole = tmp_path / "whole.db"
    subprocess.run(ingest_command(whole, corpus), check=True, capture_output=True, env=environment())
    expected = counts(whole)
    assert expected["documents"] == DOCUMENTS and expected["documents_without_sentences"] == 0

    killed = tmp_path / "killed.db"
    process = subprocess.Popen(
        ingest_command(killed, corpus),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment(),
        start_new_session=True,
    )
    deadline = time.monotonic() + 600
    while stored_documents(killed) < DOCUMENTS // 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)  # the writer and its workers, without a chance to clean up
    process.wait()
    partial = counts(killed)
    assert 0 < partial["documents"] < DOCUMENTS, partial
    assert partial["documents_without_sentences"] == 0

    rerun = subprocess.run(ingest_command(killed, corpus), capture_output=True, text=True, env=environment())
    assert rerun.returncode == 0, rerun.stderr
    assert f"unchanged {partial['documents']}" in rerun.stderr
    assert counts(killed) == expected


def test_queries_keep_answering_while_an_ingest_writes(tmp_path, corpus):
    from accord.api import open_database

    db = tmp_path / "busy.db"
    subprocess.run(
        ingest_command(db, corpus / "part-0000.jsonl"), check=True, capture_output=True, env=environment()
    )  # the schema and a first document exist before the reader starts
    process = subprocess.Popen(
        ingest_command(db, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment()
    )
    database = open_database(f"sqlite:///{db}")
    queries, errors, seen = 0, [], set()
    try:
        while process.poll() is None:
            try:
                seen.add(len(database.store.list_documents(limit=5)))
                database.events(limit=20)
                database.quotes(search="progress", limit=20)
                database.actors(limit=10)
                seen.add(database.store.count("documents"))
                queries += 1
            except Exception as exc:  # any error at all fails the test
                errors.append(repr(exc))
    finally:
        database.close()
    assert process.returncode == 0, process.stderr.read()
    assert errors == []
    assert queries > 20 and max(seen) > 100  # the reader saw the store grow while it asked
