"""The demo corpus the project ships: every file is read by the intended reader, nothing fails, and
every extraction follows the contract."""

import pytest

from accord.model import Document, Failure
from accord.readers import read_inputs

from .conftest import DEMO, check_offsets, round_trip

pytestmark = pytest.mark.model


def test_demo_corpus_reads_completely_and_validates(pipeline, contract_validator):
    items = list(read_inputs([str(DEMO)], 20_000_000))
    failures = [i for i in items if isinstance(i, Failure)]
    docs = [i for i in items if isinstance(i, Document)]
    assert failures == []
    assert 20 <= len(docs) <= 30
    by_reader = {}
    for d in docs:
        by_reader.setdefault(d.reader, 0)
        by_reader[d.reader] += 1
        folder = d.origin.split("/corpus/")[1].split("/")[0]
        expected = {"feeds": "feed"}.get(folder, folder)
        assert d.reader == expected, d.origin
        assert d.title, d.origin
    assert set(by_reader) == {"headered", "plain", "html", "feed", "jsonl"}
    for ex in pipeline.extract(docs, published="2025-12-01"):
        obj = round_trip(ex.to_dict())
        contract_validator.validate(obj)
        check_offsets(obj)
