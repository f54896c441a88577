"""Stories and merged events on the project's stories corpus (tests/fixtures/stories, plus the seed when
../shared is present): which documents form a story, and the exact NumMentions / NumArticles /
NumSources of the events reported several times. Runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from accord.analytics.duplicates import band_keys, signature
from accord.api import Database
from accord.config import Settings
from accord.ingestion import ingest
from accord.store import Store, tables

from .conftest import FIXTURES, SEED

pytestmark = pytest.mark.model
STORIES = FIXTURES / "stories"


@pytest.fixture
def db(store_url, pipeline):
    paths = sorted(str(p) for p in STORIES.glob("*.txt"))
    if SEED.exists():
        paths.append(str(SEED))
    store = Store.open(store_url)
    summary = ingest(paths, store, Settings(store_batch_size=8), pipeline)
    assert summary.failed == 0 and summary.new == len(paths)
    database = Database(store)
    yield database
    database.close()


def story_members(db: Database) -> list[set[str]]:
    return sorted(
        (set(d["id"] for d in db.story(s.id).documents) for s in db.stories() if s.num_documents > 1),
        key=lambda ids: sorted(ids),
    )


def one(db: Database, **filters):
    found = db.events(**filters)
    assert len(found) == 1, [(e.source, e.target, e.cameo, e.date, e.num_articles) for e in found]
    return found[0]


def counts(event) -> tuple[int, int, int]:
    return event.num_mentions, event.num_articles, event.num_sources


def test_copies_and_rewrites_form_stories_and_independent_reports_do_not(db):
    stories = story_members(db)
    assert {"a1_original", "a2_copy", "a3_copy", "a4_rewrite"} in stories
    assert {"b1_original", "b2_rewrite"} in stories
    assert not any(ids & {"c1_report", "c2_report", "c3_report"} for ids in stories)  # different wording
    relations = {
        d["id"]: d["relation"] for d in db.story(next(s.id for s in db.stories() if s.num_documents == 4)).documents
    }
    assert relations == {
        "a1_original": "first",
        "a2_copy": "duplicate",
        "a3_copy": "duplicate",
        "a4_rewrite": "near-duplicate",
    }


def test_seed_and_its_rewrite_are_one_story_with_merged_events(db):
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (../shared is absent)")
    assert {"000_332dcb7baf661790", "seed_rewrite"} in story_members(db)
    call = one(db, dyad=("Wang Yi", "Marco Rubio"), directed=True, code="041")
    assert counts(call) == (2, 2, 2) and call.date == "2025-10-27"
    talks = one(db, dyad=("Chinese delegation", "American delegation"), directed=True, code="046")
    assert counts(talks) == (2, 2, 2)
    assert (talks.date, talks.date_end, talks.place_country) == ("2025-10-25", "2025-10-26", "MYS")


def test_one_meeting_reported_by_four_outlets_is_one_event(db):
    meeting = one(
        db, dyad=("Xi Jinping", "Donald Trump"), directed=True, code="040", since="2025-10-30", until="2025-10-30"
    )
    assert counts(meeting) == (4, 4, 4)
    assert (meeting.status, meeting.place_country) == ("occurred", "KOR")
    assert {r.source for r in db.event(meeting.id).reports} == {"xinhua", "china daily", "the star", "the korea herald"}


def test_a_mutual_event_is_one_merged_event_found_in_either_order(db):
    """A meeting is one row per pair of parties, in the order each text names them; the outlets' reports
    merge whatever their order, and a directed query finds the meeting both ways."""
    when = {"code": "040", "since": "2025-10-30", "until": "2025-10-30"}
    forward = one(db, dyad=("Xi Jinping", "Donald Trump"), directed=True, **when)
    backward = one(db, dyad=("Donald Trump", "Xi Jinping"), directed=True, **when)
    assert forward.id == backward.id == one(db, dyad=("Donald Trump", "Xi Jinping"), **when).id


def test_a_rewrite_published_a_day_later_joins_the_same_event(db):
    summit = one(
        db, dyad=("Sanae Takaichi", "Donald Trump"), directed=True, code="040", since="2025-10-28", until="2025-10-28"
    )
    assert counts(summit) == (3, 2, 2)  # the original names the meeting twice


def test_three_independent_reports_of_one_sanction_merge(db):
    sanctions = one(db, dyad=("USA", "RUS"), directed=True, code="163", since="2025-10-22", until="2025-10-22")
    assert counts(sanctions) == (3, 3, 3)
    assert sanctions.source == "United States" and sanctions.story is not None
    # the British sanctions of a week earlier and the EU package the next day stay apart
    british = [e for e in db.events(code="163", since="2025-10-15", until="2025-10-15") if e.target_country == "RUS"]
    assert {e.source_country for e in british} == {"GBR"} and all(e.num_articles == 1 for e in british)
    assert one(db, dyad=("European Union", "Russia"), directed=True, code="163").date == "2025-10-23"


def test_a_later_phone_call_and_a_planned_meeting_stay_apart_from_the_held_meeting(db):
    call = one(db, dyad=("Xi Jinping", "Donald Trump"), directed=True, code="041", since="2025-11-01")
    assert (call.date, call.num_articles) == ("2025-11-24", 1)
    held = db.events(dyad=("Xi Jinping", "Donald Trump"), status="occurred", code="04")
    planned = db.events(dyad=("Xi Jinping", "Donald Trump"), status="planned")
    assert held and planned and not ({e.id for e in held} & {e.id for e in planned})


def test_linking_twice_changes_nothing(db):
    before = [e.to_dict() for e in db.events()]
    summary = db.link()
    assert (summary.documents, summary.reports) == (0, 0)
    assert [e.to_dict() for e in db.events()] == before


def test_copies_join_a_story_only_within_the_story_window(store_url, pipeline):
    from accord.ingestion import ingest_items
    from accord.model import Document

    text = (
        "Kenya and Tanzania signed a border agreement in Arusha on Friday. Officials from both countries "
        "said the agreement would settle a long dispute over fishing grounds in Lake Victoria."
    )
    docs = [
        Document(id=f"copy-{day}", text=text, published=day, publisher=f"outlet {n}", reader="test")
        for n, day in enumerate(["2025-03-07", "2025-03-08", "2025-03-20"])
    ]
    store = Store.open(store_url)
    ingest_items(docs, store, Settings(store_batch_size=2), pipeline)
    db = Database(store)
    try:
        groups = sorted(sorted(d["id"] for d in db.story(s.id).documents) for s in db.stories())
        assert groups == [["copy-2025-03-07", "copy-2025-03-08"], ["copy-2025-03-20"]]
    finally:
        db.close()


def test_a_merged_event_takes_the_precision_of_the_date_it_keeps(store_url, pipeline, tmp_path):
    """The first report is dated by its publication day; a later one dates the same sanctions "in May":
    the merged event keeps the text's date, and with it the precision `month` (issue 16)."""
    import json

    reports = [
        {"id": "first", "published": "2025-05-10", "publisher": "Wire A", "text": "France imposed sanctions on Russia."},
        {"id": "later", "published": "2025-05-12", "publisher": "Wire B", "text": "France imposed sanctions on Russia in May."},
    ]  # fmt: skip
    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    store = Store.open(store_url)
    ingest([str(path)], store, Settings(), pipeline)
    db = Database(store)
    try:
        d, e = tables.documents, tables.events
        with store.engine.connect() as conn:
            stored = set(conn.execute(select(d.c.id, e.c.date_precision).join(e, e.c.doc_pk == d.c.pk)).all())
        assert stored == {("first", "day"), ("later", "month")}  # each report as its text dates it
        (event,) = db.events()
        assert (event.date, event.date_end, event.date_basis, event.date_precision) == (
            "2025-05-01", "2025-05-31", "text", "month",
        )  # fmt: skip
        assert event.num_articles == 2
    finally:
        db.close()


def _copies(ids_and_days: list[tuple[str, str | None]]):
    from accord.model import Document

    text = (
        "Ghana and Togo agreed on Tuesday to patrol their shared border together. Ministers from both "
        "countries said the patrols would begin next month and cover the crossings near Aflao."
    )
    return [
        Document(id=doc_id, text=text, published=day, publisher=f"outlet {n}", reader="test")
        for n, (doc_id, day) in enumerate(ids_and_days)
    ]


def _stories(db: Database) -> list[list[str]]:
    return sorted(sorted(d["id"] for d in db.story(s.id).documents) for s in db.stories())


def test_a_copy_linked_in_a_later_pass_finds_its_story_on_either_side_of_its_day(store_url, pipeline):
    """Linking holds no index between passes: the candidates come from the store's band keys, so a
    copy dated before or after an already linked document joins it within the window either side."""
    from accord.ingestion import ingest_items

    store = Store.open(store_url)
    db = Database(store)
    try:
        ingest_items(_copies([("mid", "2025-03-10")]), store, Settings(), pipeline)
        ingest_items(_copies([("before", "2025-03-04"), ("after", "2025-03-16")]), store, Settings(), pipeline)
        ingest_items(_copies([("far", "2025-03-30"), ("undated", None)]), store, Settings(), pipeline)
        # "far" is 14 days after "after": a story of its own; "undated" joins the latest day's window, "far"
        assert _stories(db) == [["after", "before", "mid"], ["far", "undated"]]
        with store.engine.connect() as conn:
            bands = conn.execute(select(tables.story_bands.c.doc_pk)).all()
        assert len(bands) == 5 * len(set(band_keys(signature(_copies([("x", None)])[0].text))))
    finally:
        db.close()
