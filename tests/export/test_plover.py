"""PLOVER/POLECAT-style JSON: every object validates against the documented fields, agrees with the
database, and the JSON Lines variant holds the same objects one per line."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from accord.cli import app

from . import ingested

pytestmark = pytest.mark.model
runner = CliRunner()

_TEXT = {"type": ["string", "null"]}
_PARTY = {
    "type": ["object", "null"],
    "additionalProperties": False,
    "required": ["name", "country", "sector", "code"],
    "properties": {
        "name": _TEXT,
        "country": {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"},
        "sector": _TEXT,
        "code": _TEXT,
    },
}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "event_id",
        "event_date",
        "event_date_end",
        "date_precision",
        "event_type",
        "mode",
        "actor",
        "recipient",
        "location",
        "num_mentions",
        "num_sources",
        "num_articles",
        "cameo",
        "goldstein",
        "quad_class",
        "status",
        "story_id",
        "evidence",
    ],
    "properties": {
        "event_id": {"type": "integer", "minimum": 1},
        "event_date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "event_date_end": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "date_precision": {"enum": [None, "day", "week", "month", "year", "decade", "century"]},
        "event_type": {"type": "string", "pattern": "^[A-Z]+$"},
        "mode": _TEXT,
        "context": {"type": "string"},
        "actor": _PARTY,
        "recipient": _PARTY,
        "location": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "required": ["name", "country", "lat", "lon", "geonames_id"],
            "properties": {
                "name": {"type": "string"},
                "country": _TEXT,
                "lat": {"type": ["number", "null"]},
                "lon": {"type": ["number", "null"]},
                "geonames_id": {"type": ["integer", "null"]},
            },
        },
        "num_mentions": {"type": "integer", "minimum": 1},
        "num_sources": {"type": "integer", "minimum": 1},
        "num_articles": {"type": "integer", "minimum": 1},
        "cameo": {"type": "string", "pattern": r"^\d{2,4}$"},
        "goldstein": {"type": "number", "minimum": -10, "maximum": 10},
        "quad_class": {"type": "integer", "enum": [1, 2, 3, 4]},
        "status": {"enum": ["occurred", "planned", "negated", "hypothetical", "historical"]},
        "story_id": {"type": ["integer", "null"]},
        "evidence": {
            "type": "object",
            "additionalProperties": False,
            "required": ["sentence", "trigger", "document", "url"],
            "properties": {
                "sentence": {"type": "string", "minLength": 1},
                "trigger": {"type": "string"},
                "document": {"type": "string"},
                "url": _TEXT,
            },
        },
    },
}


def export(db, *args: str):
    url = db.store.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["--db", url, "export", "events", *args])
    assert result.exit_code == 0, result.output
    return result


def test_plover_json_validates_and_matches_the_database(db):
    result = export(db, "--format", "plover")
    objects = json.loads(result.stdout)
    events = [e for e in db.events() if e.plover]
    assert len(objects) == len(events) > 0
    validator = Draft202012Validator(SCHEMA)
    for obj, event in zip(objects, events):
        validator.validate(obj)
        assert "context" not in obj  # accord does not code PLOVER's context
        assert obj["event_id"] == event.id and obj["event_date"] == event.date
        assert obj["date_precision"] == event.date_precision
        assert obj["event_type"] == event.plover and obj["mode"] == event.plover_mode
        assert obj["cameo"] == event.cameo and obj["goldstein"] == event.goldstein
        assert obj["quad_class"] == event.quad_class and obj["status"] == event.status
        assert (obj["num_mentions"], obj["num_sources"], obj["num_articles"]) == (
            event.num_mentions,
            event.num_sources,
            event.num_articles,
        )
        for party, name, country in (
            ("actor", event.source, event.source_country),
            ("recipient", event.target, event.target_country),
        ):
            if name:
                assert obj[party]["name"] == name and obj[party]["country"] == country
        assert obj["evidence"]["sentence"] == event.evidence.strip()
        assert obj["evidence"]["document"] == event.document
    assert any(o["actor"] and o["actor"]["sector"] == "GOV" for o in objects)
    assert any(o["evidence"]["url"] for o in objects)
    assert f"wrote {len(events)} events" in result.stderr


def test_plover_jsonl_holds_the_same_objects(db, tmp_path):
    array = json.loads(export(db, "--format", "plover", "--dyad", "CHN-USA").stdout)
    out = tmp_path / "events.jsonl"
    export(db, "--format", "plover-jsonl", "--dyad", "CHN-USA", "--out", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == array and len(array) == len([e for e in db.events(dyad=("CHN", "USA")) if e.plover]) > 0


def test_categories_plover_drops_are_not_exported(tmp_path, pipeline):
    """CAMEO 02 (appeal) has no PLOVER type: the PLOVER export leaves it out, the GDELT export keeps it."""
    article = tmp_path / "appeal.txt"
    article.write_text(
        "Paris, 3 March 2025\n\nFrance urged Iran to resume talks on Monday. "
        "Israeli jets bombed targets in Lebanon on Monday.\n",
        encoding="utf-8",
    )
    database = ingested(f"sqlite:///{tmp_path / 'a.db'}", pipeline, [article])
    try:
        cameo = {e.cameo[:2] for e in database.events()}
        assert {"02", "19"} <= cameo or {"02", "18"} <= cameo or {"02", "20"} <= cameo, cameo
        exported = json.loads(export(database, "--format", "plover").stdout)
        assert exported and all(o["event_type"] for o in exported)
        assert not any(o["cameo"].startswith("02") for o in exported)
        gdelt = export(database, "--format", "gdelt").stdout
        assert any(row.split("\t")[26].startswith("02") for row in gdelt.splitlines() if row.strip())
    finally:
        database.close()
