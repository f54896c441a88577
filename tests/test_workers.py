"""Extraction in worker processes gives exactly what the in-process pipeline gives, in input order."""

import pytest

from accord.config import Settings
from accord.model import Document, Failure
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


def _long_documents():
    """A short document, a long one of several 1,000-character windows (a quotation running over a
    window's end, a person named in full in the first window and by surname in the last), another short."""
    from .nlp.test_windows import long_text

    return [
        Document(id="a", text="Biden met Xi in Geneva on Monday.", origin="in/a.txt", reader="test"),
        Document(id="w", text=long_text(), origin="in/w.txt", reader="test"),
        Document(id="b", text="Officials met in Paris on Tuesday.", origin="in/b.txt", reader="test"),
    ]


def test_a_long_document_spread_over_the_workers_gives_what_one_process_gives():
    import json

    from accord.nlp import Pipeline

    settings = Settings(window_chars=1000)
    docs = _long_documents()
    serial = [x.to_dict() for x in Pipeline(settings).extract(docs, "2025-03-03")]
    with ExtractionPool(settings, workers=2, published="2025-03-03") as pool:
        assert pool._spread_verdict(docs[1]) is not None  # its windows go out as tasks of their own
        spread = list(pool.extract(iter(docs)))
    assert [d.id for d, _ in spread] == ["a", "w", "b"]
    assert any("parsed in 3 windows" in w for w in spread[1][1].warnings)
    assert json.dumps([x.to_dict() for _, x in spread], sort_keys=True) == json.dumps(serial, sort_keys=True)


def test_only_long_documents_in_a_language_accord_reads_are_spread():
    spanish = Document(id="es", text=("El gobierno anunció nuevas medidas para la economía del país. " * 40))
    docs = _long_documents()
    with ExtractionPool(Settings(window_chars=1000), workers=2) as pool:
        assert [pool._spread_verdict(d) is not None for d in docs] == [False, True, False]
        assert pool._spread_verdict(spanish) is None  # not parsed at all: it goes whole, as a chunk
    with ExtractionPool(Settings(window_chars=1000), workers=1) as one:
        assert one._spread_verdict(docs[1]) is None  # nothing to spread over


def test_a_spread_document_over_its_time_budget_is_a_failure_and_the_others_go_on():
    # a budget of a nanosecond is spent before any worker reads the first window
    settings = Settings(window_chars=1000, doc_seconds=1e-9, doc_mb=0)
    with ExtractionPool(settings, workers=2) as pool:
        out = list(pool.extract(iter(_long_documents()[1:2])))
    ((document, failure),) = out
    assert isinstance(failure, Failure) and failure.origin == "in/w.txt" and failure.reader == "test"
    assert "over the per-document time budget" in failure.reason and "at parsing window 1 of 3" in failure.reason


def test_the_writer_process_does_not_load_spacy():
    """`accord ingest` with workers: the process that reads and writes never needs spaCy (the workers
    parse), so importing what it runs leaves spaCy out — start-up the workers need not wait for."""
    import subprocess
    import sys

    code = "import sys, accord.cli, accord.ingestion, accord.workers; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
