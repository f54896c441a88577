"""Search filters match what was typed, literally: '%' and '_' (LIKE's wildcards) and '\\' (PostgreSQL's
default LIKE escape) find only quotations and actors that contain them, never everything, and a NUL in
a search is dropped rather than sent to the database."""

from __future__ import annotations

import json

import pytest

QUOTES = {
    "percent": '"Prices rose 5% this year in the capital," a spokesperson for France said on Monday.',
    "underscore": '"The file report_v2 is on the shared server now," a spokesperson for Kenya said on Monday.',
    "backslash": '"Save it under the folder C:\\\\temp before the vote," a spokesperson for Japan said on Monday.',
    "plain": '"We made real progress on the agenda today," a spokesperson for Germany said on Monday. '
    "France imposed sanctions on Russia on Monday.",
}


@pytest.fixture
def db(store_url, pipeline, tmp_path):
    from accord.api import open_database
    from accord.config import Settings
    from accord.ingestion import ingest
    from accord.store import Store

    corpus = tmp_path / "search.jsonl"
    lines = [
        {"id": name, "title": name, "text": text.replace("\\\\", "\\"), "published": "2024-03-04"}
        for name, text in QUOTES.items()
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with Store.open(store_url) as store:
        summary = ingest([str(corpus)], store, Settings(store_batch_size=16), pipeline)
    assert summary.failed == 0 and summary.new == len(QUOTES)
    database = open_database(store_url)
    yield database
    database.close()


def _documents(found) -> set[str]:
    return {quote.document for quote in found}


@pytest.mark.parametrize("term, document", [("%", "percent"), ("_", "underscore"), ("\\", "backslash")])
def test_a_wildcard_in_a_quote_search_matches_only_itself(db, term, document):
    assert _documents(db.quotes(search=term)) == {document}
    assert db.count_quotes(search=term) == 1


@pytest.mark.parametrize("term", ["%", "_", "\\", "%%", "_%_"])
def test_a_wildcard_in_a_name_search_matches_no_name_without_it(db, term):
    assert len(db.quotes()) == len(QUOTES)
    assert list(db.quotes(speaker=term)) == []
    assert list(db.actors(search=term)) == [] and db.count_actors(search=term) == 0


def test_a_nul_in_a_search_is_dropped(db):
    from accord.store.filters import QuoteFilter

    assert _documents(db.quotes(search="5%\x00")) == {"percent"}
    assert QuoteFilter.parse(search="\x00") == QuoteFilter()
    assert len(db.actors(search="Fra\x00nce")) == 1


@pytest.mark.parametrize("code", ["%", "_", "0_"])
def test_a_wildcard_in_a_cameo_code_matches_no_code(db, code):
    """The code filter is a prefix of digits: from the Python API (or the CLI) a wildcard matches none."""
    assert db.count_events() > 0
    assert list(db.events(code=code)) == [] and db.count_events(code=code) == 0
