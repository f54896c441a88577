"""Revision 0007: a store made at 0005 (before language confidence) opens, gains the column, keeps its
documents (their confidence null: they were not judged), and takes new documents with theirs."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from accord.model import Extraction
from accord.store import Store

from .revisions import store_at


def _store_at_0005(url: str) -> None:
    engine = store_at(url, "0005_document_tone")
    with engine.begin() as conn:
        now = datetime.now(UTC)
        conn.execute(
            sa.text(
                "INSERT INTO runs (started_at, pipeline_version, inputs, read, new, unchanged, failed, status) "
                "VALUES (:now, 'old', '[]', 1, 1, 0, 0, 'finished')"
            ),
            {"now": now},
        )
        run_pk = conn.execute(sa.text("SELECT max(pk) FROM runs")).scalar_one()
        documents = sa.table(
            "documents",
            *(sa.column(n) for n in ("doc_key", "id", "sources", "categories", "text", "warnings", "origin")),
            *(sa.column(n) for n in ("reader", "ingested_at", "pipeline_version", "run_pk", "language")),
            sa.column("extraction", sa.JSON()),
        )
        contract = Extraction(id="old", text="Talks resumed in Geneva.").to_dict()
        del contract["language_confidence"]  # the contract before 0007
        conn.execute(
            sa.insert(documents).values(
                doc_key="k" * 64,
                id="old",
                sources="[]",
                categories="[]",
                text="Talks resumed in Geneva.",
                warnings="[]",
                origin="old.txt",
                reader="plain",
                ingested_at=now,
                pipeline_version="old",
                run_pk=run_pk,
                language="en",
                extraction=contract,
            )
        )
    engine.dispose()


def test_a_store_made_at_0005_gains_the_language_confidence_column(store_url, contract_validator):
    _store_at_0005(store_url)
    with Store.open(store_url) as store:
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("documents")}
        assert "language_confidence" in columns
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id, language, language_confidence FROM documents")).fetchall()
        assert [tuple(r) for r in rows] == [("old", "en", None)]
        (found,) = store.find_documents("old")
        contract_validator.validate(found["extraction"])  # the old contract, without the field, is still valid
