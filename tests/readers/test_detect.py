import pytest

from accord.readers.detect import detect_format

CASES = [
    ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "x.txt", "feed"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', "x", "feed"),
    ("<!DOCTYPE html><html><body><p>Hi</p></body></html>", "page.txt", "html"),
    ("<html><head><title>t</title></head></html>", "x", "html"),
    ('{"id": "a", "text": "b"}\n{"id": "c", "text": "d"}\n', "x.txt", "jsonl"),
    ("{not json\n", "x.jsonl", "jsonl"),
    ("{not json\n", "x.txt", "plain"),
    (
        "Title\n\nPublished on October 27, 2025\n\nDocument Date: Fri, Dec 26 2025 01:46:38 am\n\nBody",
        "x.html",
        "headered",
    ),
    ("Just a story about talks.\n\nMore text.", "story.html", "plain"),
    ("A < B and C > D in plain prose.", "x", "plain"),
]


@pytest.mark.parametrize("text, name, expected", CASES)
def test_detects_format_by_content(text, name, expected):
    assert detect_format(text, name) == expected
