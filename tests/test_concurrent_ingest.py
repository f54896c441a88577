"""Two `accord ingest` processes writing the same documents into one store at the same time both finish:
every document is stored once, and what one stored the other counts as unchanged (issue 17, item 2)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from accord.store import tables

from .synthetic import write_corpus

pytestmark = pytest.mark.model
DOCUMENTS = 240
SUMMARY = re.compile(r"read (\d+), new (\d+), unchanged (\d+), failed (\d+)")


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["ACCORD_WORKERS"] = "1"
    env["ACCORD_STORE_BATCH_SIZE"] = "8"  # many small transactions: many chances to collide
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent / "src")
    return env


def test_two_processes_ingesting_the_same_files_both_finish_and_store_each_document_once(tmp_path, store_url):
    corpus = write_corpus(tmp_path / "corpus", DOCUMENTS, per_file=40)
    command = [sys.executable, "-m", "accord", "--db", store_url, "ingest", str(corpus)]
    processes = [
        subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment())
        for _ in range(2)
    ]
    results = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in processes]
    for code, stderr in results:
        assert code == 0, stderr
        assert "Traceback" not in stderr, stderr
    counts = [tuple(map(int, SUMMARY.search(stderr).groups())) for _, stderr in results]  # type: ignore[union-attr]
    assert all(read == DOCUMENTS and failed == 0 for read, _, _, failed in counts), counts
    assert sum(new for _, new, _, _ in counts) == DOCUMENTS, counts
    assert sum(unchanged for _, _, unchanged, _ in counts) == DOCUMENTS, counts

    engine = create_engine(store_url)
    with engine.connect() as conn:
        stored = conn.execute(select(func.count()).select_from(tables.documents)).scalar_one()
        keys = conn.execute(select(func.count(tables.documents.c.doc_key.distinct()))).scalar_one()
        in_stories = conn.execute(select(func.count()).select_from(tables.story_documents)).scalar_one()
        statuses = set(conn.execute(select(tables.runs.c.status)).scalars())
    engine.dispose()
    assert stored == keys == DOCUMENTS
    assert in_stories == DOCUMENTS  # linked once each, by one process or the other
    assert statuses == {"finished"}
