"""accord: political event data from news articles, offline, with evidence for every row.

The public Python API: `extract` runs the pipeline over paths; `open` opens a database for questions
(`db.events(dyad=("CHN", "USA"))`, `db.quotes(speaker="Wang Yi")`, `db.dyad_series("CHN", "USA")`);
`open_store` opens (and migrates) the store itself and `ingest` stores inputs in it. Heavy modules load
on first use, so `import accord` is cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .version import __version__

__all__ = ["__version__", "extract", "open", "open_store", "ingest"]

if TYPE_CHECKING:
    from .api import Database
    from .config import Settings
    from .ingestion import IngestSummary
    from .model import Extraction
    from .store import Store


def extract(
    paths: Iterable[str], published: str | None = None, settings: Settings | None = None
) -> Iterator[Extraction]:
    """Extractions for every document readable in `paths`; unreadable inputs and documents over their
    budget are skipped here (use `accord.readers.read_inputs` and `Pipeline.results` to see them as
    Failures)."""
    from .config import Settings
    from .model import Document, Extraction
    from .nlp import Pipeline
    from .readers import read_inputs

    settings = settings or Settings()
    docs = (d for d in read_inputs(list(paths), settings.max_bytes) if isinstance(d, Document))
    return (r for r in Pipeline(settings).results(docs, published) if isinstance(r, Extraction))


def open(url: str | None = None) -> Database:  # noqa: A001 - accord.open(...) is the documented entry point
    """A database opened for questions: a SQLAlchemy URL or a SQLite file path (default: ACCORD_DB or
    accord.db). The schema is migrated on open."""
    from .api import open_database

    return open_database(url)


def open_store(url: str | None = None) -> Store:
    """Open the store at `url` (default: ACCORD_DB or sqlite:///accord.db), migrating its schema."""
    from .config import db_url_from
    from .store import Store

    return Store.open(db_url_from(url))


def ingest(
    paths: Iterable[str], store: Store, published: str | None = None, settings: Settings | None = None
) -> IngestSummary:
    """Read, extract and store `paths`; content already stored is left unchanged."""
    from .ingestion import ingest as run

    return run(paths, store, settings, published=published)
