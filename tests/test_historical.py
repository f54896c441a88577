"""History told as background (status historical) across the read side: a store holding two 2005 reports
(tests/fixtures/history.jsonl), one recalling the 1989 sanctions on China. The historical event is kept,
left out of listings, dyad series and exports by default and listed on request; listings are newest first."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from .conftest import FIXTURES
from .export import ingested
from .web.conftest import Client

pytestmark = pytest.mark.model
HISTORY = FIXTURES / "history.jsonl"
# (date, CAMEO, status) of what the two reports tell, newest first
TODAY = [("2005-03-15", "112", "occurred"), ("2005-03-07", "111", "occurred")]
PAST = ("1989-01-01", "163", "historical")


def _told(events) -> list[tuple]:
    return [(e.date, e.cameo, e.status) for e in events]


@pytest.fixture
def db(store_url, pipeline):
    database = ingested(store_url, pipeline, paths=(HISTORY,))
    yield database
    database.close()


def test_the_database_leaves_history_out_unless_asked(db):
    assert _told(db.events()) == TODAY and db.count_events() == 2
    assert _told(db.events(historical=True)) == [*TODAY, PAST] and db.count_events(historical=True) == 3
    assert _told(db.events(status="historical")) == [PAST] and db.count_events(status="historical") == 1
    (past,) = db.events(status="historical")
    assert past.date_end == "1989-12-31" and past.rule.endswith("+occurred->historical")
    assert _told(db.events(status="occurred")) == TODAY
    assert [e.date for e in db.timeline(dyad=("USA", "CHN"))] == ["2005-03-15", "2005-03-07"]


def test_dyad_series_count_the_days_events_only(db):
    assert [(p.period, p.events) for p in db.dyad_series("USA", "CHN")] == [("2005-03", 2)]
    with_history = {p.period: p.events for p in db.dyad_series("USA", "CHN", historical=True)}
    assert (with_history["1989-01"], with_history["2005-03"], sum(with_history.values())) == (1, 2, 3)


def test_listings_are_newest_first_then_the_later_event_first(db):
    """By date, newest first; on the same date the later merged event (the higher number) first."""
    found = db.events(historical=True)
    keys = [(e.date, e.id) for e in found]
    assert keys == sorted(keys, reverse=True)


def test_gdelt_export_leaves_history_out_unless_asked(db):
    from accord.export import write_export

    def years(**options) -> list[str]:
        out = io.StringIO()
        write_export(db, "events", "gdelt", stdout=out, **options)
        return [line.split("\t")[3] for line in out.getvalue().splitlines()]

    assert years() == ["2005", "2005"]
    assert years(historical=True) == ["2005", "2005", "1989"]


def test_cli_events_and_export(db, store_url):
    from accord.cli import app

    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["--db", store_url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.stdout

    def statuses(*args: str) -> list[str]:
        return [e["status"] for e in json.loads(run("events", "--format", "json", *args))]

    assert statuses() == ["occurred", "occurred"]
    assert statuses("--historical") == ["occurred", "occurred", "historical"]
    assert statuses("--status", "historical") == ["historical"]
    assert len(run("export", "events", "--format", "gdelt").splitlines()) == 2
    assert len(run("export", "events", "--format", "gdelt", "--historical").splitlines()) == 3


def test_rest_api_and_events_page(db, store_url, pipeline):
    from accord.web import create_app

    app = create_app(store_url, protect_reads=False, pipeline=pipeline)
    try:
        web = Client(app)

        def statuses(query: str = "") -> list[str]:
            response = web.get(f"/api/events{query}")
            assert response.status_code == 200, response.text
            return [e["status"] for e in response.json()["items"]]

        assert statuses() == ["occurred", "occurred"]
        assert statuses("?historical=true") == ["occurred", "occurred", "historical"]
        assert statuses("?status=historical") == ["historical"]
        refused = web.get("/api/events?historical=maybe")
        assert refused.status_code == 422 and "historical: must be true or false" in refused.text
        assert [p["events"] for p in web.get("/api/dyads/USA/CHN").json()["items"]] == [2]
        page = web.get("/events").text
        assert "sanctions" not in page and 'name="historical"' in page
        assert "sanctions" in web.get("/events?historical=on").text
    finally:
        app.state.web.close()
