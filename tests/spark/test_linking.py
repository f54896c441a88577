"""`accord spark link` writes the stories and merged events the store's linking gives the same documents
after `accord load`: the same documents grouped into the same stories (with the same similarities and
relations), the same reports merged into the same events (with the same codes, dyads, dates, places and
counts), whatever the linking batch."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.config import Settings
from accord.loading import load
from accord.store import Store

pytestmark = [pytest.mark.spark, pytest.mark.model]

STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "stories"
EVENT_FIELDS = (
    "source_key",
    "target_key",
    "source_name",
    "target_name",
    "source_country",
    "target_country",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "status",
    "date",
    "date_end",
    "date_basis",
    "date_precision",
    "place_name",
    "place_country",
    "lat",
    "lon",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_event_id",
)
FOLLOW_UP = (
    "The United States imposed sanctions on Russia's two biggest oil companies, Rosneft and Lukoil, on Wednesday. "
    "Oil prices rose on Thursday as traders weighed the move."
)
SPARK_NAMES = {"source_name": "source", "target_name": "target", "place_name": "place", "first_event_id": "first_event"}


def _body(name: str) -> str:
    """A story fixture's article text, without its header."""
    return (STORIES / name).read_text(encoding="utf-8").split("\nSources", 1)[1].split("\n", 1)[1].strip()


@pytest.fixture(scope="module")
def linked(spark, tmp_path_factory):
    """The stories corpus (copies and a rewrite the same day, a rewrite the next day, one event told
    three ways, a planned meeting beside a held one) with, as JSON Lines, a copy two weeks later, undated
    copies (of a recent and of an old document, one twice), a line repeated in a second file, and in a
    file stored first a copy published the same day as the copies and a report of the sanctions the day
    after: extracted and linked on Spark. The output folder and `accord spark link`'s result."""
    folder = tmp_path_factory.mktemp("link-corpus")
    for path in STORIES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    extra = [
        {"id": "late-copy", "title": "Xi meets Trump", "published": "2025-11-15", "text": _body("a1_original.txt")},
        {"id": "undated-c1", "title": "Sanctions", "text": _body("c1_report.txt")},
        {"id": "undated-c1-again", "title": "Sanctions again", "text": _body("c1_report.txt")},
        {"id": "undated-s4", "title": "Phone call", "text": _body("s4_xi_trump_phone_call.txt")},
    ]
    (folder / "extra.jsonl").write_text("".join(json.dumps(item) + "\n" for item in extra))
    stored_first = [  # its file sorts first, so these are stored first, though published with or after others
        {"id": "followup", "title": "Oil sanctions, a day on", "published": "2025-10-23", "text": FOLLOW_UP},
        {"id": "wire-copy", "title": "Xi and Trump meet", "published": "2025-10-30", "text": _body("a2_copy.txt")},
    ]
    (folder / "0-first.jsonl").write_text("".join(json.dumps(item) + "\n" for item in stored_first))
    (folder / "repeat.jsonl").write_text(json.dumps(extra[0]) + "\n")
    out = tmp_path_factory.mktemp("link-out") / "datasets"
    extracted = CliRunner().invoke(app, ["spark", "extract", str(folder), "--out", str(out)])
    assert extracted.exit_code == 0, extracted.output
    result = CliRunner().invoke(app, ["spark", "link", str(out)])
    return out, result


def _rows(out: Path, name: str) -> list[dict]:
    return ds.dataset(str(out / name), format="parquet", partitioning="hive").to_table().to_pylist()


def _day(value) -> str | None:
    return value.isoformat()[:10] if value is not None else None


def _spark_links(out: Path) -> tuple[dict, dict]:
    """Stories keyed by their first document's content key, merged events by their reports."""
    stories = {
        s["story"]: (
            s["title"],
            _day(s["first_date"]),
            _day(s["last_date"]),
            s["num_documents"],
            sorted((d["doc_key"], d["similarity"], d["relation"]) for d in s["documents"]),
        )
        for s in _rows(out, "stories")
    }
    events = {}
    for e in _rows(out, "merged_events"):
        values = {name: e[SPARK_NAMES.get(name, name)] for name in EVENT_FIELDS}
        values |= {"date": _day(e["date"]), "date_end": _day(e["date_end"]), "first": e["first_doc_key"]}
        values |= {
            "story": e["story"],
            "members": sorted((m["doc_key"], m["event"], m["source"]) for m in e["members"]),
        }
        events[frozenset(m[:2] for m in values["members"])] = values
    return stories, events


def _store_links(db: Path) -> tuple[dict, dict]:
    """The same from a store, by content keys rather than the store's row ids."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        key = dict(conn.execute("SELECT pk, doc_key FROM documents").fetchall())
        in_story: dict[int, list] = {}
        for r in conn.execute("SELECT * FROM story_documents"):
            in_story.setdefault(r["story_pk"], []).append((key[r["doc_pk"]], r["similarity"], r["relation"]))
        story_key, stories = {}, {}
        for s in conn.execute("SELECT * FROM stories"):
            story_key[s["pk"]] = key[s["first_doc_pk"]]
            stories[key[s["first_doc_pk"]]] = (
                s["title"],
                s["first_date"],
                s["last_date"],
                s["num_documents"],
                sorted(in_story[s["pk"]]),
            )
        members: dict[int, list] = {}
        for m in conn.execute("SELECT * FROM event_members"):
            members.setdefault(m["group_pk"], []).append((key[m["doc_pk"]], m["event_id"], m["source"]))
        events = {}
        for g in conn.execute("SELECT * FROM event_groups"):
            values = {name: g[name] for name in EVENT_FIELDS}
            values |= {"first": key[g["first_doc_pk"]], "story": story_key[g["story_pk"]]}
            values["members"] = sorted(members[g["pk"]])
            events[frozenset(m[:2] for m in values["members"])] = values
    return stories, events


def test_stories_and_merged_events_are_those_the_store_links(linked, tmp_path):
    out, result = linked
    assert result.exit_code == 0, result.output
    db = tmp_path / "loaded.db"
    loaded = CliRunner().invoke(app, ["--db", str(db), "load", str(out)])
    assert loaded.exit_code == 0 and "read 25, new 24, unchanged 1" in loaded.stderr, loaded.output
    spark_stories, spark_events = _spark_links(out)
    store_stories, store_events = _store_links(db)
    assert spark_stories == store_stories
    assert spark_events == store_events
    # what the comparison covers: copies and rewrites across days, undated documents, merges and not
    relations = [sorted(d[2] for d in s[4]) for s in spark_stories.values()]
    assert ["duplicate", "duplicate", "duplicate", "first", "near-duplicate"] in relations
    assert any(s[1] is None and len(s[4]) == 2 for s in spark_stories.values())  # two undated copies
    assert any(s[1] is not None and s[1] != s[2] for s in spark_stories.values())  # a story over two days
    assert sum(len(s[4]) == 1 for s in spark_stories.values()) >= 10
    assert max(e["num_sources"] for e in spark_events.values()) >= 3
    by_dyad: dict[tuple, set] = {}
    for e in spark_events.values():
        by_dyad.setdefault((e["source_key"], e["target_key"], e["cameo_root"]), set()).add(e["status"])
    assert any(len(statuses) > 1 for statuses in by_dyad.values())  # the planned meeting beside the held one
    stories, events = len(spark_stories), len(spark_events)
    reports = sum(e["num_mentions"] for e in spark_events.values())
    assert f"linked 24 documents: stories {stories}, merged events {events} from {reports} reports" in result.stderr


def test_the_linking_batch_is_followed(linked, spark, tmp_path):
    """The store merges reports a batch of documents at a time, in row order within a batch: with a
    batch of three documents (which changes the report that starts the sanctions event), Spark still
    gives what the store gives."""
    from accord.spark.linking import link

    out, _ = linked
    copy = tmp_path / "datasets"
    shutil.copytree(out / "documents", copy / "documents")
    link(spark, str(copy), batch=3)
    for name, batch in (("batched", 3), ("whole", 200)):
        store = Store.open(f"sqlite:///{tmp_path / name}.db")
        try:
            load(str(copy), store, Settings(), link_batch=batch)
        finally:
            store.close()
    batched = _store_links(tmp_path / "batched.db")
    assert batched != _store_links(tmp_path / "whole.db")
    assert _spark_links(copy) == batched


def test_columns_and_types(linked):
    out, _ = linked
    stories = ds.dataset(str(out / "stories"), format="parquet", partitioning="hive").schema
    assert stories.names == [
        "story",
        "title",
        "first_document",
        "first_date",
        "last_date",
        "num_documents",
        "documents",
        "month",
    ]
    assert pa.types.is_timestamp(stories.field("first_date").type) and stories.field("first_date").type.tz is None
    assert stories.field("num_documents").type == pa.int64()
    events = ds.dataset(str(out / "merged_events"), format="parquet", partitioning="hive").schema
    for name in ("num_mentions", "num_sources", "num_articles", "quad_class"):
        assert events.field(name).type == pa.int64(), name
    assert pa.types.is_timestamp(events.field("date").type) and events.field("date").type.tz is None
    member = events.field("members").type.value_type
    assert [member.field(i).name for i in range(member.num_fields)] == ["doc_key", "document", "event", "source"]


def test_a_folder_without_datasets_is_a_usage_error(spark, tmp_path):
    result = CliRunner().invoke(app, ["spark", "link", str(tmp_path)])
    assert result.exit_code == 2 and "no documents dataset" in result.stderr
    assert "Traceback" not in result.stderr
