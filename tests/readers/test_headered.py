from dataclasses import asdict

from accord.model import Dateline

from ..conftest import FIXTURES
from .helpers import read_path


def test_seed_comes_out_exactly(seed_path):
    docs, failures = read_path(seed_path)
    assert failures == [] and len(docs) == 1
    doc = docs[0]
    assert doc.id == "000_332dcb7baf661790"
    assert doc.title == "Xi-Trump Relationship Seen as Cornerstone of China-US Cooperation"
    assert doc.published == "2025-10-27"
    assert doc.document_date == "2025-12-26T01:46:38"
    assert doc.categories == ["English", "International", "Snippets"]
    assert doc.publisher == "Rki.news"
    assert doc.sources == ["Anadolu Agency"]
    assert doc.dateline == Dateline(place="Beijing", date="2025-10-27")
    assert doc.url is None
    assert doc.language == "en"
    assert doc.reader == "headered"
    assert doc.text.startswith("The interactions and mutual respect")
    for header_bit in (
        "Published on",
        "Document Date",
        "Category:",
        "Show on website",
        "Click Here",
        "Rki.news",
        "Sources Anadolu",
        "---",
        "## ",
    ):
        assert header_bit not in doc.text
    assert doc.warnings == []


def test_seed_broken_paragraph_is_rejoined(seed_path):
    doc = read_path(seed_path)[0][0]
    assert "with US Secretary of State Marco Rubio ahead of an expected meeting" in doc.text
    assert doc.text.endswith("toward strengthening economic cooperation.")


def test_project_sample_headered():
    doc = read_path(FIXTURES / "headered_sample.txt")[0][0]
    assert asdict(doc) | {"text": None, "origin": None} == {
        "id": "headered_sample",
        "text": None,
        "origin": None,
        "reader": "headered",
        "title": "Ministers Agree to Resume Talks in Geneva",
        "url": "https://example.org/news/geneva-talks",
        "publisher": "Accord Test Wire",
        "sources": ["Test Agency", "Second Agency"],
        "published": "2025-05-12",
        "document_date": "2025-05-13T21:15:00",
        "crawled": None,  # only a web archive (WARC) gives one
        "categories": ["English", "Economy", "Trade"],
        "language": "en",
        "language_confidence": None,  # the pipeline detects the language, not the reader
        "stated_language": None,
        "dateline": {"place": "Geneva", "date": "2025-05-12"},
        "warnings": [],
    }
    assert doc.text.startswith("Trade envoys from two large economies")
    assert "lakeside villa and described the mood" in doc.text


def test_impossible_header_date_is_null_with_a_warning_and_the_document_is_kept():
    docs, failures = read_path(FIXTURES / "bad_date_headered.txt")
    assert failures == [] and len(docs) == 1
    doc = docs[0]
    assert doc.published is None
    assert any("published not read" in w and "Octember" in w for w in doc.warnings)
    assert doc.document_date == "2025-12-26T01:46:38"
    assert doc.dateline == Dateline("Brussels", "2025-10-03")
    assert doc.text.startswith("Officials met in Brussels")
