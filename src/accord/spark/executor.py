"""What runs on a Spark executor: inputs through `accord.extraction.extract_items`, the function
`accord extract` runs, into plain rows of the Parquet datasets.

The spaCy model and knowledge base are loaded once per Python worker process (a module-level cache),
by the first partition that needs them, and reused by every later partition the worker runs (Spark
reuses its Python workers); they are never pickled or broadcast. Rows are (table, values) pairs:
one of accord.export.datasets.TABLES with a tuple in its columns' order, "failures" with (origin,
reason, reader), or "skipped" with (reason,).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..export.datasets import dataset_rows
from ..extraction import extract_items
from ..model import Document, Failure, Skipped
from ..readers import read_bytes, read_inputs
from ..readers.sources import RawInput
from ..store.rows import doc_key

if TYPE_CHECKING:
    from ..nlp import Pipeline

Row = tuple[str, tuple[Any, ...]]
ITEMS_PER_ZONE = 256  # documents parsed in one spaCy memory zone, so the vocabulary does not grow for ever

_cached: tuple[Settings, Pipeline] | None = None


def pipeline_for(settings: Settings) -> Pipeline:
    """This process's Pipeline for `settings`, made the first time and kept for the process's life."""
    global _cached
    if _cached is None or _cached[0] != settings:
        from ..nlp import Pipeline

        _cached = (settings, Pipeline(settings))
    return _cached[1]


def extract_paths(paths: Iterable[str], settings: Settings, published: str | None) -> Iterator[Row]:
    """mapPartitions over local paths: every file read by the readers and extracted."""
    for path in paths:
        yield from _rows(read_inputs([path], settings.max_bytes), settings, published)


def extract_files(files: Iterable[tuple[str, bytes]], settings: Settings, published: str | None) -> Iterator[Row]:
    """mapPartitions over (path, content) pairs, as SparkContext.binaryFiles gives remote files."""
    for path, data in files:
        if len(data) > settings.max_bytes and not data.startswith((b"WARC/", b"\x1f\x8b")):
            yield "failures", (path, f"file is over the size limit of {settings.max_bytes} bytes", None)
            continue
        stem = Path(path.rsplit("/", 1)[-1]).stem.removesuffix(".warc")
        yield from _rows(read_bytes(RawInput(path, stem, data, max_bytes=settings.max_bytes)), settings, published)


def _rows(items: Iterable[Document | Failure | Skipped], settings: Settings, published: str | None) -> Iterator[Row]:
    pipeline = pipeline_for(settings)
    stream = iter(items)
    while chunk := list(itertools.islice(stream, ITEMS_PER_ZONE)):
        with pipeline.nlp.memory_zone():  # rows are plain values before the zone's strings are freed
            try:
                rows = list(_outcome_rows(pipeline, chunk, published))
            except Exception:  # find the document at fault, as accord.workers does; the others go through
                rows = [row for item in chunk for row in _alone(pipeline, item, published)]
        yield from rows


def _alone(pipeline: Pipeline, item: Document | Failure | Skipped, published: str | None) -> list[Row]:
    try:
        return list(_outcome_rows(pipeline, [item], published))
    except Exception as exc:
        return [("failures", (item.origin, f"extraction failed: {type(exc).__name__}: {exc}", item.reader))]


def _outcome_rows(
    pipeline: Pipeline, chunk: list[Document | Failure | Skipped], published: str | None
) -> Iterator[Row]:
    for outcome in extract_items(pipeline, chunk, published):
        if isinstance(outcome, Skipped):
            yield "skipped", (outcome.reason,)
        elif isinstance(outcome, Failure):
            yield "failures", (outcome.origin, outcome.reason, outcome.reader)
        else:
            document, extraction = outcome
            tables = dataset_rows(
                doc_key(document), extraction.to_dict(), document.origin, document.reader, pipeline.version
            )
            for table, rows in tables.items():
                for row in rows:
                    yield table, row
