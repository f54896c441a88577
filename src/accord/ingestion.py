"""Ingest: read inputs, skip content already stored, extract the rest, write batch by batch.

Each batch is one transaction, so a run stopped at any point leaves only whole documents behind and a
rerun stores exactly what is missing ("unchanged" for the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .config import Settings
from .model import Document, Failure
from .nlp import Pipeline
from .readers import read_inputs
from .store import Store, doc_key


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    run: int | None = None

    def counts(self) -> dict[str, int]:
        return {"read": self.read, "new": self.new, "unchanged": self.unchanged, "failed": self.failed}


Progress = Callable[[IngestSummary, str], None]


def ingest(paths: Iterable[str], store: Store, settings: Settings | None = None,
           pipeline: Pipeline | None = None, published: str | None = None,
           progress: Progress | None = None) -> IngestSummary:
    """Read `paths` (files, folders, globs, "-") and store what is new."""
    settings = settings or Settings()
    paths = list(paths)
    return ingest_items(read_inputs(paths, settings.max_bytes), store, settings, pipeline, published,
                        progress, inputs=paths)


def ingest_items(items: Iterable[Document | Failure], store: Store, settings: Settings | None = None,
                 pipeline: Pipeline | None = None, published: str | None = None,
                 progress: Progress | None = None, inputs: list[str] | None = None) -> IngestSummary:
    """Store Documents already read (and record Failures), batch by batch."""
    settings = settings or Settings()
    pipeline = pipeline or Pipeline(settings)
    summary = IngestSummary()
    summary.run = store.start_run(pipeline.version, inputs or [])
    batch: list[tuple[str, Document]] = []
    status = "interrupted"
    try:
        for item in items:
            if isinstance(item, Failure):
                summary.failed += 1
                summary.failures.append(item)
                store.record_failures(summary.run, [item])
                if progress:
                    progress(summary, item.origin)
                continue
            summary.read += 1
            batch.append((doc_key(item), item))
            if len(batch) >= settings.batch_size:
                _flush(batch, store, pipeline, published, summary, progress)
                batch = []
        _flush(batch, store, pipeline, published, summary, progress)
        status = "finished"
    finally:
        store.finish_run(summary.run, summary.counts(), status)
    return summary


def _flush(batch: list[tuple[str, Document]], store: Store, pipeline: Pipeline, published: str | None,
           summary: IngestSummary, progress: Progress | None) -> None:
    if not batch:
        return
    known = store.known_keys(key for key, _ in batch)
    todo: list[tuple[str, Document]] = []
    seen: set[str] = set()
    for key, document in batch:
        if key in known or key in seen:
            summary.unchanged += 1
        else:
            seen.add(key)
            todo.append((key, document))
    extractions = list(pipeline.extract((document for _, document in todo), published))
    items = [(key, document, ex) for (key, document), ex in zip(todo, extractions)]
    written = store.write_batch(summary.run, pipeline.version, items)
    summary.new += written
    summary.unchanged += len(items) - written
    if progress:
        progress(summary, batch[-1][1].origin)
