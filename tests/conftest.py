"""Shared fixtures: the real spaCy pipeline (loaded once), store URLs for SQLite and PostgreSQL, and
paths to the shared data, which tests skip cleanly without."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest

# One process per ingest unless a test asks for workers: each worker loads the model (seconds), and the
# worker path has its own tests (tests/test_workers.py).
os.environ.setdefault("ACCORD_WORKERS", "1")
# The compiled knowledge base, gazetteer and lexicons (accord.kb.compiled) of this session go to a folder of
# its own, built once by the first test that needs them, not to the user's cache folder.
if "ACCORD_CACHE_DIR" not in os.environ:
    os.environ["ACCORD_CACHE_DIR"] = tempfile.mkdtemp(prefix="accord-test-cache-")
    atexit.register(shutil.rmtree, os.environ["ACCORD_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_332dcb7baf661790.txt"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def pipeline():
    from accord.config import Settings
    from accord.nlp import Pipeline

    return Pipeline(Settings(nlp_batch_size=16))


@pytest.fixture(scope="session")
def contract_validator():
    from jsonschema import Draft202012Validator

    from accord.schema import contract_schema

    schema = contract_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (../shared is absent)")
    return SEED


def _postgres_url() -> str | None:
    return os.environ.get("ACCORD_TEST_DATABASE_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """A fresh, empty database for each test: a SQLite file always, PostgreSQL when configured."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = _postgres_url()
    if not base:
        pytest.skip("ACCORD_TEST_DATABASE_URL is not set (.ci/run sets it with a real PostgreSQL)")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options=-csearch_path%3D{schema}"
    with admin.connect() as conn:
        # a connection a test leaked would make this wait forever: fail loudly instead
        conn.execute(text("SET lock_timeout = '30s'"))
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def check_offsets(obj: dict) -> None:
    """Every span in a contract object must satisfy text[start:end] == span text."""
    text = obj["text"]
    spans = []
    for a in obj["actors"]:
        spans += a["mentions"]
    for q in obj["quotes"]:
        spans.append(q)
        spans += [s for s in (q["speaker"], q["cue"]) if s]
    for e in obj["events"]:
        spans.append(e["trigger"])
    spans += obj["times"] + obj["places"]
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"], s
    for s in obj["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text)
        assert text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]]


def round_trip(obj: dict) -> dict:
    return json.loads(json.dumps(obj, ensure_ascii=False))
