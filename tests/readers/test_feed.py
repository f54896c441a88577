from ..conftest import FIXTURES
from .helpers import read_path


def test_rss_one_document_per_item_with_full_content():
    docs, failures = read_path(FIXTURES / "feed.rss")
    assert [d.id for d in docs] == ["feed-1", "feed-2"]
    first, second = docs
    assert first.title == "Leaders sign a river treaty"
    assert first.text.startswith("Two neighbouring leaders signed a treaty")  # content:encoded, not the summary
    assert '"This ends a long dispute," one of them said.' in first.text
    assert first.dateline.place == "Vienna" and first.dateline.date == "2025-07-08"
    assert first.published == "2025-07-08T10:30:00"
    assert first.url == "https://example.org/river-treaty"
    assert first.publisher == "Test Wire World"
    assert first.categories == ["Diplomacy"]
    assert first.origin.endswith("feed.rss#item-1")
    assert second.text == "Foreign ministers held a phone call on Wednesday about grain exports."
    assert len(failures) == 1 and failures[0].origin.endswith("#item-3") and "no text" in failures[0].reason


def test_atom_entries():
    docs, failures = read_path(FIXTURES / "feed.atom")
    assert failures == []
    (doc,) = docs
    assert doc.title == "Ministers meet at the General Assembly"
    assert doc.published == "2025-09-23T15:00:00"
    assert doc.publisher == "Accord Test Diplomacy"
    assert doc.dateline.place == "New York" and doc.dateline.date == "2025-09-23"
    assert doc.text == (
        "Foreign ministers met on the sidelines of the General Assembly on Tuesday.\n\nThey agreed to keep talking."
    )
    assert doc.categories == ["UN"]
