"""One extraction as rows of the Spark datasets: the export's columns first (names from
accord.export.tables.COLUMNS), the actors, places and sentences of an event resolved by their ids,
dates typed, and every row keyed by the document's content key and publication month."""

from datetime import datetime

from accord.export.datasets import TABLES, columns, dataset_rows, month_of
from accord.export.tables import COLUMNS
from accord.model import Actor, Event, Extraction, Mention, Place, SentenceRef, Span, TimeExpr

TEXT = "France met Germany in Geneva on Monday."


def _contract() -> dict:
    ex = Extraction(id="d1", text=TEXT, title="Talks", published="2025-10-30", anchor_date="2025-10-30")
    ex.sentences = [SentenceRef(0, len(TEXT))]
    ex.actors = [
        Actor("a1", "France", "country", "FRA", code="FRA", mentions=[Mention(0, 6, "France")]),
        Actor("a2", "Germany", "country", "DEU", code="DEU", kb_id="DEU", mentions=[Mention(11, 18, "Germany")]),
    ]
    ex.places = [Place("p1", 22, 28, "Geneva", "Geneva", "CHE", "city", 46.2, 6.1, 2660646)]
    ex.times = [TimeExpr("t1", 32, 38, "Monday", "DATE", "2025-10-27", ["2025-10-27", "2025-10-27"])]
    ex.events = [
        Event(
            "e1",
            "040",
            "04",
            1.0,
            1,
            "CONSULT",
            "meet",
            "a1",
            "a2",
            "occurred",
            "2025-10-27",
            "2025-10-27",
            "text",
            "day",
            "p1",
            SentenceRef(0, len(TEXT)),
            Span(7, 10, "met"),
            None,
            "meet+mutual",
            0.9,
        )
    ]
    return ex.to_dict()


def test_rows_follow_the_columns_and_resolve_ids():
    rows = dataset_rows("k" * 64, _contract(), "in.warc@0", "warc", "accord-test")
    assert set(rows) == set(TABLES)
    for table, found in rows.items():
        assert all(len(row) == len(columns(table)) for row in found), table
    for kind, cols in COLUMNS.items():
        assert columns(kind)[: len(cols)] == cols  # the export's columns, in its order, come first
    (event,) = [dict(zip([n for n, _ in columns("events")], r)) for r in rows["events"]]
    assert (event["id"], event["event"], event["source"], event["target_country"]) == (1, "e1", "France", "DEU")
    assert (event["place"], event["lat"], event["evidence"], event["trigger"]) == ("Geneva", 46.2, TEXT, "met")
    assert event["date"] == datetime(2025, 10, 27) and event["story"] is None and event["num_articles"] == 1
    assert (event["doc_key"], event["month"]) == ("k" * 64, "2025-10")
    actors = [dict(zip([n for n, _ in columns("actors")], r)) for r in rows["actors"]]
    assert [(a["key"], a["events"], a["mentions"]) for a in actors] == [("France", 1, 1), ("DEU", 1, 1)]
    (time,) = [dict(zip([n for n, _ in columns("times")], r)) for r in rows["times"]]
    assert time["range_start"] == datetime(2025, 10, 27)
    (document,) = [dict(zip([n for n, _ in columns("documents")], r)) for r in rows["documents"]]
    assert (document["num_events"], document["num_actors"], document["reader"]) == (1, 2, "warc")


def test_the_month_is_of_the_publication_else_the_anchor():
    assert month_of({"published": "2025-10-30T08:00:00", "anchor_date": "2025-09-01"}) == "2025-10"
    assert month_of({"published": None, "anchor_date": "2025-09-01"}) == "2025-09"
    assert month_of({"published": None, "anchor_date": None}) is None
