"""Which GDELT rows are written and how they are dated, read back as a GDELT user reads them (pandas'
`read_csv` with its defaults): negated and hypothetical events only with `--all-statuses`, and no
row without SQLDATE, an undated event taking the day it was added."""

from __future__ import annotations

import io

import pandas
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.export import Written, write_export

from ..synthetic import write_status_corpus
from . import ingested

pytestmark = pytest.mark.model
runner = CliRunner()
SQLDATE, MONTHYEAR, YEAR, FRACTIONDATE, EVENTCODE, DATEADDED = 1, 2, 3, 4, 26, 59


@pytest.fixture
def db(store_url, pipeline, tmp_path):
    """A store of STATUS_ARTICLES: four undated articles with one event of each status, one dated."""
    database = ingested(store_url, pipeline, [write_status_corpus(tmp_path / "corpus")])
    yield database
    database.close()


def export(db, out, *options: str):
    url = db.store.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["--db", url, "export", "events", "--format", "gdelt", "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    return result


def test_statuses_in_the_store(db):
    """The corpus gives what the other tests rely on: an event of each status, four of them undated."""
    events = db.events()
    assert sorted(e.status for e in events) == ["hypothetical", "negated", "occurred", "occurred", "planned"]
    assert sum(1 for e in events if not e.date) == 4


def test_negated_and_hypothetical_events_are_left_out_by_default(db, tmp_path):
    result = export(db, tmp_path / "events.tsv")
    frame = pandas.read_csv(tmp_path / "events.tsv", sep="\t", header=None)
    written = {e.id: e for e in db.events() if e.status in ("occurred", "planned")}
    assert frame.shape == (3, 61)
    assert sorted(frame[0]) == sorted(written)
    assert "wrote 3 events (gdelt)" in result.stderr
    assert "left out 2 negated or hypothetical events" in result.stderr and "--all-statuses" in result.stderr

    everything = export(db, tmp_path / "all.tsv", "--all-statuses")
    frame = pandas.read_csv(tmp_path / "all.tsv", sep="\t", header=None)
    assert frame.shape == (5, 61) and sorted(frame[0]) == sorted(e.id for e in db.events())
    assert {"040", "163"} <= {f"{code:03d}" for code in frame[EVENTCODE]}  # pandas reads the codes as numbers
    assert "wrote 5 events" in everything.stderr and "left out" not in everything.stderr


def test_no_row_without_sqldate(db, tmp_path):
    result = export(db, tmp_path / "events.tsv", "--all-statuses")
    frame = pandas.read_csv(tmp_path / "events.tsv", sep="\t", header=None)
    for column in (SQLDATE, MONTHYEAR, YEAR, FRACTIONDATE, DATEADDED):
        assert frame[column].notna().all() and frame[column].dtype.kind in "if"
    dates = {e.id: e.date for e in db.events()}
    for _, row in frame.iterrows():
        added = str(row[DATEADDED])
        day = (dates[row[0]] or f"{added[:4]}-{added[4:6]}-{added[6:8]}").replace("-", "")
        assert str(row[SQLDATE]) == day and str(row[MONTHYEAR]) == day[:6] and str(row[YEAR]) == day[:4]
        assert row[FRACTIONDATE] == pytest.approx(int(day[:4]) + (int(day[4:6]) * 30 + int(day[6:])) / 365, abs=1e-4)
    dated = [row for _, row in frame.iterrows() if dates[row[0]]]
    assert len(dated) == 1 and str(dated[0][SQLDATE]).startswith("202405")
    assert "4 rows had no event date; SQLDATE is the day they were added" in result.stderr


def test_write_export_says_what_it_wrote(db):
    out = io.StringIO()
    assert write_export(db, "events", "gdelt", stdout=out) == Written(rows=3, left_out=2, added_dates=2)
    assert write_export(db, "events", "gdelt", stdout=io.StringIO(), all_statuses=True) == Written(5, 0, 4)
    assert len(out.getvalue().splitlines()) == 3
    # the tables have a status column: every status but historical is written, as before
    assert write_export(db, "events", "csv", stdout=io.StringIO()) == Written(5)
