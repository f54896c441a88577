"""PLOVER JSON as a PLOVER or POLECAT user reads it (`json.load` of the array, `json.loads` of each JSON
Lines line): the manual's field names and shapes, the 16 current event types with POLECAT's quad
categories, actors as lists of entities with a 3-letter code and a PLOVER sector, one object for a
mutual event, and agreement with the database."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from accord.cli import app
from accord.export import plover as plover_module
from accord.export.plover_vocabulary import PloverVocabulary
from accord.kb import load_kb

from . import ingested

pytestmark = pytest.mark.model
runner = CliRunner()
README = Path(__file__).resolve().parents[2] / "README.md"

QUADS = {
    "VERBAL COOPERATION": (1, {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}),
    "MATERIAL COOPERATION": (2, {"COOPERATE", "AID", "RETREAT"}),
    "VERBAL CONFLICT": (3, {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}),
    "MATERIAL CONFLICT": (4, {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}),
}
TYPES = {t for _, types in QUADS.values() for t in types}
DRAFT_NAMES = {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
# CAMEO code -> PLOVER contexts, as the 2021 CAMEO to PLOVER conversion table gives them
CONTEXTS = {
    "036": ["diplomatic"],
    "041": [],
    "0354": ["economic"],
    "091": ["crime", "corruption"],
    "094": ["military", "legal"],
    "1124": ["military", "legal"],
    "0863": ["humanitarian"],
    "173": ["legal"],
}
PLOVER_SECTORS = "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC"

_TEXT = {"type": ["string", "null"]}
_CODE = {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"}
_ENTITY = {
    "type": "object",
    "additionalProperties": False,
    "required": ["code", "sector", "name", "cameo_code"],
    "properties": {
        "code": _CODE,
        "sector": {"enum": [*PLOVER_SECTORS.split(), None]},
        "name": _TEXT,
        "cameo_code": _TEXT,
    },
}
_DAY = {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "id": {"type": "integer", "minimum": 1},
        "date": _DAY,
        "enddate": _DAY,
        "date_precision": {"enum": [None, "day", "week", "month", "year", "decade", "century"]},
        "event": {"type": "array", "minItems": 1, "maxItems": 1, "items": {"enum": sorted(TYPES)}},
        "mode": {"type": "array", "maxItems": 1, "items": {"type": "string"}},
        "context": {"type": "array", "items": {"type": "string", "pattern": "^[a-z_]+$"}},
        "quad_category": {"enum": list(QUADS)},
        "quadcode": {"enum": [1, 2, 3, 4]},
        "actor": {"type": "array", "items": _ENTITY},
        "recipient": {"type": "array", "maxItems": 1, "items": _ENTITY},
        "eventloc": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "required": ["resolvedplace", "country", "countrycode", "lat", "lon", "geonameid", "resolution"],
            "properties": {
                "resolvedplace": {"type": "string"},
                "country": _TEXT,
                "countrycode": _CODE,
                "lat": {"type": ["number", "null"]},
                "lon": {"type": ["number", "null"]},
                "geonameid": {"type": ["integer", "null"]},
                "resolution": {"enum": [1, 2, 4, None]},
            },
        },
        "eventtext": {"type": "array", "maxItems": 1, "items": {"type": "string"}},
        "text": {"type": "string", "minLength": 1},
        "citeinfo": {
            "type": "object",
            "additionalProperties": False,
            "required": ["citation", "url"],
            "properties": {"citation": {"type": "string"}, "url": _TEXT},
        },
        "cameo": {"type": "string", "pattern": r"^(0[3-9]|1\d|20)\d{0,2}$"},
        "cameo_quad_class": {"enum": [1, 2, 3, 4]},
        "goldstein": {"type": "number", "minimum": -10, "maximum": 10},
        "status": {"enum": ["occurred", "planned", "negated", "hypothetical", "historical"]},
        "num_mentions": {"type": "integer", "minimum": 1},
        "num_sources": {"type": "integer", "minimum": 1},
        "num_articles": {"type": "integer", "minimum": 1},
        "story_id": {"type": ["integer", "null"]},
    },
}
SCHEMA["required"] = list(SCHEMA["properties"])
FIELDS = SCHEMA["required"]

# Written for these tests: accusations (11), an investigation (09), a demand (10), two-sided fighting (19,
# mutual), a meeting (04, mutual), a news agency and the UN as actors, and a concession (08).
ARTICLE = (
    "Paris, 3 March 2025\n\n"
    "France accused Iran of violating the nuclear deal on Monday. "
    "France demanded that Iran release the prisoners. "
    "Iranian troops fought with Iraqi forces near Basra on Monday. "
    "Germany investigated Russia over the poisoning. "
    "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow on Monday. "
    "Reuters criticized the Iranian government. "
    "The United Nations condemned Israel. "
    "Turkey bowed to pressure from the European Union.\n"
)


def export(db, *args: str):
    url = db.store.engine.url.render_as_string(hide_password=False)
    result = runner.invoke(app, ["--db", url, "export", "events", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def coded(tmp_path, pipeline):
    article = tmp_path / "coded.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    database = ingested(f"sqlite:///{tmp_path / 'coded.db'}", pipeline, [article])
    yield database
    database.close()


def _loaded(db, tmp_path, name: str = "events.json") -> list[dict]:
    """The export as a user loads it: the array file with json.load."""
    out = tmp_path / name
    export(db, "--format", "plover", "--out", str(out))
    with out.open(encoding="utf-8") as handle:
        return json.load(handle)


def test_plover_json_validates_and_matches_the_database(db, tmp_path):
    objects = _loaded(db, tmp_path)
    events = [e for e in db.events() if e.plover]
    assert len(objects) == len(events) > 0
    vocabulary = PloverVocabulary.from_kb(load_kb())
    validator = Draft202012Validator(SCHEMA)
    for obj, event in zip(objects, events):
        validator.validate(obj)
        assert list(obj) == FIELDS
        assert obj["id"] == event.id and obj["date"] == event.date and obj["enddate"] == event.date_end
        assert obj["date_precision"] == event.date_precision
        assert obj["event"] == [event.plover] and obj["mode"] == ([event.plover_mode] if event.plover_mode else [])
        assert obj["context"] == vocabulary.context(event.cameo)  # from the event's CAMEO code
        assert obj["cameo"] == event.cameo and obj["goldstein"] == event.goldstein
        assert obj["cameo_quad_class"] == event.quad_class and obj["status"] == event.status
        assert (obj["num_mentions"], obj["num_sources"], obj["num_articles"]) == (
            event.num_mentions,
            event.num_sources,
            event.num_articles,
        )
        names = {e["name"] for e in obj["actor"] + obj["recipient"] if e["name"]}
        assert {n for n in (event.source, event.target) if n} == names
        assert obj["text"] == event.evidence.strip() and obj["eventtext"] == [event.trigger]
        assert obj["citeinfo"]["citation"] == event.document
    assert any(e["sector"] == "GOV" for o in objects for e in o["actor"])
    assert any(o["citeinfo"]["url"] for o in objects)
    assert any(o["eventloc"] and o["eventloc"]["geonameid"] for o in objects)


def test_only_current_type_names_with_their_quad_categories(db, coded, tmp_path):
    objects = _loaded(db, tmp_path, "demo.json") + _loaded(coded, tmp_path, "coded.json")
    for obj in objects:
        (kind,) = obj["event"]
        assert kind in TYPES and kind not in DRAFT_NAMES
        number, types = QUADS[obj["quad_category"]]
        assert kind in types and obj["quadcode"] == number
    by_root = {o["cameo"][:2]: o["event"][0] for o in objects}
    assert by_root["09"] == by_root["11"] == "ACCUSE" and by_root["10"] == "REQUEST" and by_root["19"] == "ASSAULT"
    concede = [o for o in objects if o["event"] == ["CONCEDE"]]
    assert concede and all(o["quad_category"] == "VERBAL COOPERATION" and o["quadcode"] == 1 for o in concede)
    assert all(o["cameo_quad_class"] == 2 for o in concede)  # CAMEO counts all of 08 as material cooperation
    for name in ("demo.json", "coded.json"):
        raw = (tmp_path / name).read_text(encoding="utf-8")
        assert not any(f'"{draft}"' in raw for draft in DRAFT_NAMES)


def test_actors_are_lists_of_entities_with_plover_codes_and_sectors(coded, tmp_path):
    objects = _loaded(coded, tmp_path)
    entities = [e for o in objects for e in o["actor"] + o["recipient"]]
    assert entities and all(isinstance(o["actor"], list) and isinstance(o["recipient"], list) for o in objects)
    assert all(re.fullmatch("[A-Z]{3}", e["code"]) for e in entities)
    reuters = next(e for e in entities if e["name"] == "Reuters")
    assert reuters["code"] == "GBR" and reuters["sector"] == "JRN" and "MED" in reuters["cameo_code"]  # media
    assert not any(e["sector"] == "MED" for e in entities)  # PLOVER's MED is health: nobody here
    un = next(e for e in entities if e["name"] == "United Nations")
    assert un["code"] == "UNO" and un["sector"] == "GOV"
    eu = next(e for e in entities if e["name"] == "European Union")
    assert eu["code"] == "EUR"


def test_a_mutual_event_is_one_object_with_both_parties_as_actor(coded, tmp_path):
    out = tmp_path / "events.jsonl"
    export(coded, "--format", "plover-jsonl", "--out", str(out))
    with out.open(encoding="utf-8") as handle:
        objects = [json.loads(line) for line in handle]
    mutual = [e for e in coded.events() if e.plover and e.rule and e.rule.endswith("+mutual")]
    assert {e.cameo[:2] for e in mutual} >= {"04", "19"}
    assert len(objects) == len([e for e in coded.events() if e.plover])  # no mirrored pair
    for event in mutual:
        (obj,) = [o for o in objects if o["id"] == event.id]
        assert obj["recipient"] == []
        assert [e["name"] for e in obj["actor"]] == [event.source, event.target]
    meeting = next(o for o in objects if o["event"] == ["CONSULT"])
    assert {e["name"] for e in meeting["actor"]} == {"Xi Jinping", "Vladimir Putin"}
    assert {e["code"] for e in meeting["actor"]} == {"CHN", "RUS"}
    fight = next(o for o in objects if o["cameo"].startswith("19"))
    assert fight["event"] == ["ASSAULT"] and {e["code"] for e in fight["actor"]} == {"IRN", "IRQ"}
    directed = next(o for o in objects if o["cameo"].startswith("11") and o["actor"][0]["name"] == "Reuters")
    assert len(directed["actor"]) == len(directed["recipient"]) == 1


def test_plover_jsonl_holds_the_same_objects(db, tmp_path):
    array = json.loads(export(db, "--format", "plover", "--dyad", "CHN-USA").stdout)
    out = tmp_path / "events.jsonl"
    export(db, "--format", "plover-jsonl", "--dyad", "CHN-USA", "--out", str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == array and len(array) == len([e for e in db.events(dyad=("CHN", "USA")) if e.plover]) > 0


def test_every_field_is_documented_in_the_module_and_the_readme():
    readme = README.read_text(encoding="utf-8")
    for field in FIELDS:
        assert f"`{field}`" in plover_module.__doc__, field
        assert f"`{field}`" in readme, field


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
        assert exported and all(o["event"] and o["event"][0] in TYPES for o in exported)
        assert not any(o["cameo"].startswith("02") for o in exported)
        gdelt = export(database, "--format", "gdelt").stdout
        assert any(row.split("\t")[26].startswith("02") for row in gdelt.splitlines() if row.strip())
    finally:
        database.close()


@pytest.mark.parametrize("cameo", sorted(CONTEXTS))
def test_a_cameo_code_has_the_contexts_of_the_conversion_table(cameo):
    assert PloverVocabulary.from_kb(load_kb()).context(cameo) == CONTEXTS[cameo]
