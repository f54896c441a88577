"""Documents without a date are never lost without a word: ingest counts them and warns once per run with
how to give a date, and dyad series (`db.dyad_series`, `accord dyad`, `/api/dyads`, the dashboard) say
how many undated events they leave out. The corpus is tests/synthetic.py's STATUS_ARTICLES: four
undated France-Germany articles and one dated China-Japan article."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from accord.cli import app

from .export import ingested
from .synthetic import STATUS_ARTICLES, write_status_corpus
from .web.conftest import Client

pytestmark = pytest.mark.model
runner = CliRunner()
UNDATED = sum(1 for _, _, published in STATUS_ARTICLES if published is None)


def test_ingest_counts_undated_documents(store_url, pipeline, tmp_path):
    from accord.config import Settings
    from accord.ingestion import ingest
    from accord.store import Store

    path = write_status_corpus(tmp_path / "corpus")
    store = Store.open(store_url)
    try:
        first = ingest([str(path)], store, Settings(), pipeline)
        again = ingest([str(path)], store, Settings(), pipeline)
        dated = tmp_path / "dated.jsonl"
        dated.write_text(json.dumps({"id": "late", "text": "France praised Germany."}) + "\n", encoding="utf-8")
        given = ingest([str(dated)], store, Settings(), pipeline, published="2024-06-01")
    finally:
        store.close()
    assert (first.new, first.undated) == (len(STATUS_ARTICLES), UNDATED)
    assert (again.new, again.undated) == (0, 0)  # stored already: warned about on its own run
    assert (given.new, given.undated) == (1, 0)


def test_cli_ingest_warns_once_with_the_count_and_the_remedies(tmp_path):
    path = write_status_corpus(tmp_path / "corpus")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["--db", db, "ingest", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr.count("have no date") == 1
    assert f"{UNDATED} of the {len(STATUS_ARTICLES)} new documents have no date" in result.stderr
    for remedy in ("--published YYYY-MM-DD", "dateline", "`published` field in JSON Lines"):
        assert remedy in result.stderr
    quiet = runner.invoke(app, ["--db", db, "ingest", "--published", "2024-06-01", str(path)])
    assert quiet.exit_code == 0 and "have no date" not in quiet.stderr


@pytest.fixture
def db(store_url, pipeline, tmp_path):
    database = ingested(store_url, pipeline, [write_status_corpus(tmp_path / "corpus")])
    yield database
    database.close()


def test_dyad_series_count_what_they_leave_out(db, store_url, pipeline):
    from accord.web import create_app

    series = db.dyad_series("FRA", "DEU")
    events = db.events(dyad=("FRA", "DEU"))
    unrealised = [e for e in events if e.status in ("negated", "hypothetical")]
    assert list(series) == [] and series.undated + series.unrealised == len(events) == 4
    assert series.unrealised == len(unrealised)  # did not happen: in no period, whatever their date
    assert sum(1 for e in events if not e.date and e not in unrealised) == series.undated > 0
    dated = db.dyad_series("CHN", "JPN")
    assert [p.events for p in dated] == [1] and dated.undated == 0

    result = runner.invoke(app, ["--db", store_url, "dyad", "FRA", "DEU", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []
    assert f"{series.undated} events of FRA-DEU had no date" in result.stderr
    assert "left out of the series" in result.stderr
    assert f"{series.unrealised} negated or hypothetical events of FRA-DEU did not happen" in result.stderr
    quiet = runner.invoke(app, ["--db", store_url, "dyad", "CHN", "JPN", "--format", "json"])
    assert quiet.exit_code == 0 and "no date" not in quiet.stderr

    web_app = create_app(store_url, protect_reads=False, pipeline=pipeline)
    try:
        web = Client(web_app)
        answer = web.get("/api/dyads/FRA/DEU").json()
        assert (answer["items"], answer["undated"]) == ([], series.undated)
        page = web.get("/?a=FRA&b=DEU").text
        assert f"{series.undated} events without a date" in page
        assert 'id="undated"' not in web.get("/?a=CHN&b=JPN").text
    finally:
        web_app.state.web.close()
