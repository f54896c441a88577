"""The exports' shared fixture: a store holding the demo articles, on SQLite and (in CI) PostgreSQL."""

import pytest

from . import ingested


@pytest.fixture
def db(store_url, pipeline):
    database = ingested(store_url, pipeline)
    yield database
    database.close()
