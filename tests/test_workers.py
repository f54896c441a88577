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


def test_a_bad_user_file_is_refused_before_any_worker_starts(tmp_path):
    from accord.errors import TableError

    bad = tmp_path / "bad.tsv"
    bad.write_text("name\taliases\tcountry\tsector\nA\tB\n")
    with pytest.raises(TableError, match="data line 2 has 2 fields"):
        ExtractionPool(Settings(actor_files=(str(bad),)), workers=2)


def test_a_worker_that_cannot_start_hands_back_its_message(capfd):
    from accord.errors import ModelNotInstalled

    docs = [Document(id="d1", text="Officials met in Geneva on Monday.", reader="test")]
    with ExtractionPool(Settings(model="no_such_model_package"), workers=2) as pool:
        with pytest.raises(ModelNotInstalled, match="no_such_model_package"):
            list(pool.extract(iter(docs)))
    assert "Traceback" not in capfd.readouterr().err
