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


def test_open_answers_questions_with_typed_records(tmp_path, pipeline):
    from accord.config import Settings
    from accord.ingestion import ingest

    from .conftest import FIXTURES

    db_path = tmp_path / "api.db"
    with accord.open_store(str(db_path)) as store:
        ingest(sorted(str(p) for p in (FIXTURES / "stories").glob("c*_report.txt")), store, Settings(), pipeline)
    db = accord.open(str(db_path))
    try:
        (sanctions,) = [e for e in db.events(dyad=("USA", "RUS"), code="163") if e.num_articles > 1]
        assert (sanctions.num_articles, sanctions.num_sources, sanctions.date) == (3, 3, "2025-10-22")
        assert sanctions.evidence == sanctions.evidence.strip() and "sanction" in sanctions.evidence.lower()
        series = db.dyad_series("USA", "RUS", by="day")
        assert series and series[0].period == "2025-10-22"
        frame = series.to_pandas()
        assert list(frame["period"]) == [p.period for p in series]
        assert all(q.document.startswith("c") for q in db.quotes(country="USA"))
        states = {a.name: a.events for a in db.actors(country="USA") if a.kind == "country"}
        assert states.get("United States", 0) >= 1  # merged events key a state as "state:USA"
        _filters_as_objects_or_keywords(db)
    finally:
        db.close()


def _filters_as_objects_or_keywords(db) -> None:
    """A filter object built once gives what its fields as keywords give, for a listing and its count."""
    from accord.store.filters import ActorFilter, EventFilter, QuoteFilter

    f = EventFilter(dyad="USA-RUS", code="163")
    assert [e.id for e in db.events(f)] == [e.id for e in db.events(dyad=("USA", "RUS"), code="163")]
    assert db.count_events(f) == db.count_events(dyad=("USA", "RUS"), code="163") == len(db.events(f))
    assert db.count_quotes(QuoteFilter(country="USA")) == len(db.quotes(country="USA"))
    assert db.count_actors(ActorFilter(country="USA")) == len(db.actors(country="USA"))
    assert db.count_stories() == len(db.stories()) and db.count_documents() == len(db.documents(limit=None))
    with pytest.raises(accord.errors.BadFilter, match="dyad: two sides joined by '-'"):
        db.events(dyad="USA")
