"""Extraction in worker processes gives exactly what the in-process pipeline gives, in input order."""

import pytest

from accord.config import Settings
from accord.model import Document
from accord.workers import CHUNK, ExtractionPool

from .synthetic import article

pytestmark = pytest.mark.model


def test_pool_matches_the_in_process_pipeline_in_input_order(pipeline):
    docs = [
        Document(id=a["id"], text=a["text"], published=a["published"], reader="test")
        for a in map(article, range(CHUNK * 3 + 5))
    ]
    with ExtractionPool(Settings(), workers=2) as pool:
        pooled = list(pool.extract(iter(docs)))
    assert [d.id for d, _ in pooled] == [d.id for d in docs]
    local = list(pipeline.extract(docs))
    assert [x.to_dict() for _, x in pooled] == [x.to_dict() for x in local]


def test_pool_window_bounds_chunks_in_flight():
    with ExtractionPool(Settings(), workers=2) as pool:
        assert pool.window == 6
        assert list(pool.extract(iter([]))) == []
