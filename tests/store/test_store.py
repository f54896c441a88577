"""The store on SQLite and (when configured) PostgreSQL: migrations, idempotent ingest, batch
transactions, queries, failures."""

import shutil

import pytest
from sqlalchemy import inspect

from accord.config import Settings
from accord.ingestion import ingest
from accord.store import Store, tables
from accord.store.database import migrate

from ..conftest import FIXTURES


@pytest.fixture
def store(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (
        "headered_sample.txt",
        "article.html",
        "feed.rss",
        "feed.atom",
        "mixed.jsonl",
        "navigation_only.html",
        "bad_date_headered.txt",
    ):
        shutil.copy(FIXTURES / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_migrations_create_every_table_and_are_idempotent(store):
    names = set(inspect(store.engine).get_table_names())
    assert set(tables.metadata.tables) <= names
    assert "alembic_version" in names
    migrate(store.engine)  # again: nothing to do, no error


def test_ingest_then_reingest_changes_nothing(store, corpus, pipeline):
    settings = Settings(store_batch_size=3)
    first = ingest([str(corpus)], store, settings, pipeline)
    # headered 2 + html 1 + rss 2 + atom 1 + jsonl 3 = 9 documents; nav-only html, empty file,
    # the rss item without text and three bad jsonl lines fail.
    assert (first.read, first.new, first.unchanged, first.failed) == (9, 9, 0, 6)
    counts = {name: store.count(name) for name in ("documents", "sentences", "failures", "runs")}
    again = ingest([str(corpus)], store, settings, pipeline)
    assert (again.read, again.new, again.unchanged, again.failed) == (9, 0, 9, 6)
    assert store.count("documents") == counts["documents"] == 9
    assert store.count("sentences") == counts["sentences"] > 9
    assert store.count("failures") == 12  # every run records its failures
    assert store.count("runs") == 2


def test_failures_table_names_path_and_reason(store, corpus, pipeline):
    summary = ingest([str(corpus)], store, Settings(), pipeline)
    rows = store.failures(summary.run)
    by_origin = {r["origin"].rsplit("/", 1)[-1]: r["reason"] for r in rows}
    assert "empty file" in by_origin["empty.txt"]
    assert "no article text" in by_origin["navigation_only.html"]
    assert "not valid JSON" in by_origin["mixed.jsonl:2"]


def test_an_interrupted_batch_leaves_no_half_written_document_and_a_rerun_completes(
    store, corpus, pipeline, monkeypatch
):
    from accord.store import store as store_module

    settings = Settings(store_batch_size=2)
    calls = {"n": 0}
    real_child_rows = store_module.child_rows

    def child_rows_then_crash(doc_pk, contract):
        calls["n"] += 1
        if calls["n"] == 4:  # inside the second batch, after its first document row was inserted
            raise KeyboardInterrupt
        return real_child_rows(doc_pk, contract)

    monkeypatch.setattr(store_module, "child_rows", child_rows_then_crash)
    with pytest.raises(KeyboardInterrupt):
        ingest([str(corpus)], store, settings, pipeline)
    assert store.count("documents") == 2  # the first batch only
    docs_with_sentences = {r["pk"] for r in store.list_documents(100) if r is not None}
    assert len(docs_with_sentences) == 2
    with store.engine.connect() as conn:
        orphans = conn.execute(
            tables.sentences.select().where(
                ~tables.sentences.c.doc_pk.in_(tables.documents.select().with_only_columns(tables.documents.c.pk))
            )
        ).fetchall()
    assert orphans == []
    with store.engine.connect() as conn:
        runs = conn.execute(tables.runs.select()).fetchall()
    assert runs[0].status == "interrupted"

    monkeypatch.setattr(store_module, "child_rows", real_child_rows)
    rerun = ingest([str(corpus)], store, settings, pipeline)
    assert (rerun.new, rerun.unchanged) == (7, 2)
    assert store.count("documents") == 9


def test_queries_list_newest_first_and_find_by_id(store, corpus, pipeline):
    ingest([str(corpus)], store, Settings(), pipeline)
    listed = store.list_documents(limit=50)
    dates = [r["published"] for r in listed if r["published"]]
    assert dates == sorted(dates, reverse=True)
    assert listed[-1]["published"] is None  # undated last
    (found,) = store.find_documents("headered_sample")
    assert found["extraction"]["title"] == "Ministers Agree to Resume Talks in Geneva"
    assert found["extraction"]["schema"] == "accord/1"
    assert found["reader"] == "headered" and found["origin"].endswith("headered_sample.txt")
    assert store.find_documents(str(found["pk"]))[0]["doc_key"] == found["doc_key"]
    assert store.find_documents(found["doc_key"][:12])[0]["pk"] == found["pk"]
    assert store.find_documents("no-such-doc") == []


def test_bad_database_url_is_a_clear_error():
    from accord.errors import StoreError

    with pytest.raises(StoreError, match="cannot use database URL"):
        Store.open("nosuchdialect://x")
    with pytest.raises(StoreError, match="database /nonexistent-dir/x/y.db cannot be opened"):
        Store.open("sqlite:////nonexistent-dir/x/y.db")
