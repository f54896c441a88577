"""The per-document budget: a document still running past its seconds (or memory) becomes a Failure with
its reason, recorded by ingest in the summary, the failures table and the run's counts, and the batch
goes on. The clock is faked (one second a reading), so the test neither waits nor depends on load."""

import itertools
import sqlite3

import pytest

from accord.config import Settings
from accord.errors import OverBudget
from accord.ingestion import ingest_items
from accord.model import Document, Extraction, Failure
from accord.nlp import Pipeline, budget
from accord.store import Store
from accord.workers import _extract_in_zone

FILL = "The delegations discussed trade, energy and climate over a long lunch near the lake."
LONG = "\n\n".join([FILL] * 150)  # some fifteen windows of 1,000 characters


@pytest.fixture
def ticking(monkeypatch):
    """Every reading of the budget's clock is one second later than the last."""
    clock = itertools.count()
    monkeypatch.setattr(budget.time, "monotonic", lambda: float(next(clock)))


@pytest.fixture(scope="module")
def tight():
    # a short document reads the clock six times (start and five stages): ten seconds are enough for it,
    # not for a long one whose every window reads it too
    return Pipeline(Settings(window_chars=1000, doc_seconds=10, doc_mb=0, nlp_batch_size=16))


def documents():
    return [
        Document(id="before", text="Envoys met in Geneva.", origin="in/before.txt"),
        Document(id="huge", text=LONG, origin="in/huge.jsonl:2", reader="jsonl"),
        Document(id="after", text="Ministers signed the accord.", origin="in/after.txt"),
    ]


def test_budget_raises_past_its_seconds(ticking):
    b = budget.Budget(seconds=3, mb=0)
    b.check("one")
    b.check("two")
    b.check("three")
    with pytest.raises(OverBudget, match="time budget: 4 s at four, limit 3 s"):
        b.check("four")


def test_no_limit_when_zero(ticking):
    b = budget.Budget(seconds=0, mb=0)
    for _ in range(100):
        b.check("stage")


def test_memory_budget_counts_what_the_document_adds(monkeypatch):
    readings = iter([100.0, 150.0, 400.0])
    monkeypatch.setattr(budget, "resident_mb", lambda: next(readings))
    b = budget.Budget(seconds=0, mb=200)
    b.check("the actors stage")
    with pytest.raises(OverBudget, match="memory budget: 300 MB added at the quotes stage, limit 200 MB"):
        b.check("the quotes stage")


def test_an_over_budget_document_is_a_failure_and_the_others_go_on(tight, ticking):
    results = list(tight.results(documents(), "2025-01-01"))
    assert [type(r) for r in results] == [Extraction, Failure, Extraction]
    failure = results[1]
    assert failure.origin == "in/huge.jsonl:2" and failure.reader == "jsonl"
    assert "over the per-document time budget" in failure.reason and "ACCORD_DOC_SECONDS" in failure.reason
    assert [r.id for r in results if isinstance(r, Extraction)] == ["before", "after"]


def test_extract_raises_over_budget(tight, ticking):
    with pytest.raises(OverBudget, match="in/huge.jsonl:2"):
        list(tight.extract(documents(), "2025-01-01"))


def test_a_worker_returns_the_failure_in_its_place(tight, ticking):
    out = _extract_in_zone(tight, documents())
    assert [type(r) for r in out] == [Extraction, Failure, Extraction]


def test_ingest_records_the_failure_and_stores_the_rest(tight, ticking, tmp_path):
    path = tmp_path / "budget.db"
    store = Store.open(f"sqlite:///{path}")
    summary = ingest_items(documents(), store, Settings(workers=1), tight, "2025-01-01", inputs=["in"])
    store.close()
    assert (summary.read, summary.new, summary.failed) == (3, 2, 1)
    assert [f.origin for f in summary.failures] == ["in/huge.jsonl:2"]
    with sqlite3.connect(path) as conn:  # as any SQLite client reads it
        assert conn.execute("SELECT id FROM documents ORDER BY id").fetchall() == [("after",), ("before",)]
        origin, reason = conn.execute("SELECT origin, reason FROM failures").fetchone()
        assert origin == "in/huge.jsonl:2" and "time budget" in reason
        assert conn.execute("SELECT failed, new, status FROM runs").fetchone() == (1, 2, "finished")
