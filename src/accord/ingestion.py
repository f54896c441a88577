"""Ingest: read inputs, skip content already stored, extract the rest, write batch by batch.

Each batch is one transaction, so a run stopped at any point leaves only whole documents behind and a
rerun stores exactly what is missing ("unchanged" for the rest). At the end, documents not yet linked
are grouped into stories and their events merged (accord.linking).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .config import Settings
from .linking import LinkSummary, link
from .model import Document, Extraction, Failure
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
    linked: LinkSummary | None = None

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
    """Store Documents already read (and record Failures).

    Documents flow through one `nlp.pipe` stream (so worker processes start once), content already in
    the store is dropped before the NLP pass, and extractions are written in batches of
    `settings.batch_size`, each batch one transaction.
    """
    settings = settings or Settings()
    pipeline = pipeline or Pipeline(settings)
    summary = IngestSummary()
    summary.run = store.start_run(pipeline.version, inputs or [])
    in_flight: deque[tuple[str, Document]] = deque()
    seen: set[str] = set()

    def unseen(pending: list[tuple[str, Document]]) -> Iterator[Document]:
        known = store.known_keys(key for key, _ in pending)
        for key, document in pending:
            if key in known or key in seen:
                summary.unchanged += 1
                continue
            seen.add(key)
            in_flight.append((key, document))
            yield document

    def documents() -> Iterator[Document]:
        pending: list[tuple[str, Document]] = []
        for item in items:
            if isinstance(item, Failure):
                summary.failed += 1
                summary.failures.append(item)
                store.record_failures(summary.run, [item])
                if progress:
                    progress(summary, item.origin)
                continue
            summary.read += 1
            pending.append((doc_key(item), item))
            if len(pending) >= settings.batch_size:
                yield from unseen(pending)
                pending = []
        yield from unseen(pending)

    def write(batch: list[tuple[str, Document, Extraction]]) -> None:
        written = store.write_batch(summary.run, pipeline.version, batch)
        summary.new += written
        summary.unchanged += len(batch) - written
        if progress:
            progress(summary, batch[-1][1].origin)

    status = "interrupted"
    try:
        batch: list[tuple[str, Document, Extraction]] = []
        for extraction in pipeline.extract(documents(), published):
            key, document = in_flight.popleft()
            batch.append((key, document, extraction))
            if len(batch) >= settings.batch_size:
                write(batch)
                batch = []
        if batch:
            write(batch)
        status = "finished"
    finally:
        store.finish_run(summary.run, summary.counts(), status)
    summary.linked = link(store)  # stories and merged events for what this run (or an interrupted one) stored
    return summary
