"""Bad inputs, each its own case: none raises, each is either read (with a warning) or refused with a
reason, and a batch holding all of them still reads every good file."""

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.model import Document, Failure
from accord.readers import read_inputs

from ..conftest import FIXTURES
from .helpers import read_data

CASES = [
    # name, bytes, "document" or "failure", text that must appear in the warning or reason
    ("empty file", b"", "failure", "empty file"),
    ("whitespace only", b"  \n\n\t ", "failure", "empty file"),
    ("binary", b"\x00\x01\x02\x03" * 64, "failure", "binary file"),
    ("pdf", b"%PDF-1.4 binary stuff", "failure", "PDF"),
    ("latin-1 text", "Les ministres à Genève ont signé.".encode("latin-1"), "document", "Windows-1252"),
    ("windows-1252 text", "The minister’s “deal” was signed.".encode("cp1252"), "document", "Windows-1252"),
    ("html without article", (FIXTURES / "navigation_only.html").read_bytes(), "failure", "no article text"),
    ("impossible header date", (FIXTURES / "bad_date_headered.txt").read_bytes(), "document", "Octember"),
    ("malformed xml feed", b'<?xml version="1.0"?><rss><channel><item><title>x', "failure", "feed is malformed"),
    (
        "header with no body",
        b"Published on May 1, 2025\nDocument Date: Thu, May 1 2025 01:00:00 am\n---\n",
        "failure",
        "no body text",
    ),
]


@pytest.mark.parametrize("name, data, outcome, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_is_read_or_refused_with_a_reason(name, data, outcome, words):
    docs, failures = read_data(data, f"{name.replace(' ', '_')}.txt")
    if outcome == "document":
        assert len(docs) == 1 and failures == []
        assert any(words in w for w in docs[0].warnings), docs[0].warnings
    else:
        assert docs == [] and len(failures) == 1
        assert words in failures[0].reason
        assert ".txt" in failures[0].origin


def test_one_batch_with_every_bad_input_still_reads_the_good_files(tmp_path):
    for name, data, _, _ in CASES:
        (tmp_path / f"{name.replace(' ', '_')}.txt").write_bytes(data)
    (tmp_path / "huge.txt").write_bytes(b"word " * 300_000)
    shutil.copy(FIXTURES / "mixed.jsonl", tmp_path / "mixed.jsonl")
    shutil.copy(FIXTURES / "article.html", tmp_path / "good.html")
    items = list(read_inputs([str(tmp_path)], max_bytes=1_000_000))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert {d.id for d in docs} >= {"good", "latin-1_text", "windows-1252_text", "impossible_header_date", "j-1"}
    assert any(f.origin.endswith("huge.txt") and "size limit of 1,000,000 bytes" in f.reason for f in failures)
    assert any(f.origin.endswith("mixed.jsonl:2") for f in failures)
    assert all(f.reason for f in failures)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise(data):
    docs, failures = read_data(data)
    assert len(docs) + len(failures) >= 1
    for doc in docs:
        assert doc.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=2000), st.sampled_from(["x.txt", "x.html", "x.jsonl", "x.xml"]))
def test_arbitrary_text_never_raises(text, name):
    docs, failures = read_data(text.encode("utf-8"), name)
    assert len(docs) + len(failures) >= 1 or not text.strip()
