"""The public Python API in `accord/__init__.py`."""

import pytest

import accord

from .conftest import FIXTURES

pytestmark = pytest.mark.model


def test_extract_open_store_ingest(tmp_path):
    (ex,) = list(accord.extract([str(FIXTURES / "headered_sample.txt")]))
    assert ex.title == "Ministers Agree to Resume Talks in Geneva" and ex.anchor_date == "2025-05-12"
    with accord.open_store(str(tmp_path / "api.db")) as store:
        summary = accord.ingest([str(FIXTURES / "headered_sample.txt")], store)
        assert summary.counts() == {"read": 1, "new": 1, "unchanged": 0, "failed": 0}
        assert store.list_documents()[0]["id"] == "headered_sample"
