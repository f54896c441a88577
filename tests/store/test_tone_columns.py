"""The documents' GDELT-style tone in the store: written with each document, and filled in place when a
store made before the tone columns (revision 0002) is opened."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from accord.config import Settings
from accord.ingestion import ingest
from accord.model import Extraction
from accord.nlp.tone import document_tone
from accord.store import Store
from accord.store.database import alembic_config

from .revisions import store_at

TONE_COLUMNS = ("tone", "tone_positive", "tone_negative", "tone_polarity", "tone_self_group", "word_count")
TEXTS = {
    "calm": "The ministers met in Geneva and agreed on a good plan for peace.",
    "grim": "The attack killed twelve people and the crisis deepened. We fear more war.",
}


def _tone_rows(engine) -> dict[str, dict]:
    with engine.connect() as conn:
        rows = conn.execute(sa.text(f"SELECT id, extraction, {', '.join(TONE_COLUMNS)} FROM documents"))
        return {r.id: dict(r._mapping) for r in rows}


def test_ingested_documents_store_their_tone(store_url, tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with Store.open(store_url) as store:
        ingest([str(folder)], store, Settings(), pipeline)
        rows = _tone_rows(store.engine)
    for name, text in TEXTS.items():
        tone = document_tone(text)
        row = rows[name]
        assert (row["tone"], row["tone_positive"], row["tone_negative"]) == (tone.tone, tone.positive, tone.negative)
        assert (row["tone_polarity"], row["tone_self_group"], row["word_count"]) == (
            tone.polarity,
            tone.self_group_density,
            tone.word_count,
        )
        extraction = row["extraction"] if isinstance(row["extraction"], dict) else json.loads(row["extraction"])
        assert extraction["tone"] == asdict(tone)
    assert rows["grim"]["tone"] < 0 < rows["calm"]["tone"]


def _store_at_0002(url: str) -> None:
    """A store as accord made it before the tone columns, holding two documents without tone."""
    engine = store_at(url, "0002")
    with engine.begin() as conn:
        now = datetime.now(UTC)
        conn.execute(
            sa.text(
                "INSERT INTO runs (started_at, pipeline_version, inputs, read, new, unchanged, failed, status) "
                "VALUES (:now, 'old', '[]', 2, 2, 0, 0, 'finished')"
            ),
            {"now": now},
        )
        run_pk = conn.execute(sa.text("SELECT max(pk) FROM runs")).scalar_one()
        documents = sa.table(
            "documents",
            *(sa.column(n) for n in ("doc_key", "id", "sources", "categories", "text", "warnings", "origin")),
            *(sa.column(n) for n in ("reader", "ingested_at", "pipeline_version", "run_pk")),
            sa.column("extraction", sa.JSON()),
        )
        for name, text in TEXTS.items():
            contract = Extraction(id=name, text=text, warnings=["an old warning"]).to_dict()
            del contract["tone"]  # the contract before tone
            conn.execute(
                sa.insert(documents).values(
                    doc_key=name * 8,
                    id=name,
                    sources="[]",
                    categories="[]",
                    text=text,
                    warnings="[]",
                    origin=f"{name}.txt",
                    reader="plain",
                    ingested_at=now,
                    pipeline_version="old",
                    run_pk=run_pk,
                    extraction=contract,
                )
            )
    engine.dispose()


def test_a_store_made_before_tone_upgrades_in_place(store_url, contract_validator):
    _store_at_0002(store_url)
    with Store.open(store_url) as store:
        with store.engine.connect() as conn:
            head = ScriptDirectory.from_config(alembic_config()).get_current_head()
            assert MigrationContext.configure(conn).get_current_revision() == head  # 0005 and every later one
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("documents")}
        assert set(TONE_COLUMNS) <= columns
        rows = _tone_rows(store.engine)
        (found,) = store.find_documents("grim")
    for name, text in TEXTS.items():
        tone = document_tone(text)
        assert rows[name]["tone"] == tone.tone and rows[name]["word_count"] == tone.word_count
    extraction = found["extraction"]
    contract_validator.validate(extraction)
    assert extraction["tone"] == asdict(document_tone(TEXTS["grim"]))
    assert list(extraction)[-2:] == ["tone", "warnings"] and extraction["warnings"] == ["an old warning"]
