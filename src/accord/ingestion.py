"""Ingest: read inputs, skip content already stored, extract the rest, write batch by batch.

Each batch is one transaction, so a run stopped at any point leaves only whole documents behind and a
rerun stores exactly what is missing ("unchanged" for the rest). At the end, documents not yet linked
are grouped into stories and their events merged (accord.linking).
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from .alerts import Notification, fire
from .alerts.notify import Echo
from .config import Settings
from .linking import LinkSummary, link
from .model import Document, Extraction, Failure, Skipped
from .nlp.language import SUPPORTED
from .nlp.loader import pipeline_version
from .readers import read_inputs
from .store import Store, doc_key
from .workers import ExtractionPool

if TYPE_CHECKING:
    from .nlp import Pipeline  # spaCy: imported only where extraction runs in this process


@dataclass
class IngestSummary:
    """What an ingest did: counts, the failures with their reasons, its run number and the linking after it.
    `undated` counts the new documents that gave no date at all (no dateline, publication or document
    date, and no `published` fallback): their events have no date. `languages` counts the documents
    extracted and stored by their detected language; only those in `supported` were run through the
    extractors, the others are stored with empty lists and a warning (accord.nlp.language). `skipped`
    counts by reason the parts of inputs that are not articles (WARC request, metadata and revisit
    records, responses that are not HTML pages): neither read nor failed."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    undated: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    run: int | None = None
    linked: LinkSummary | None = None
    stopped: bool = False  # asked to stop (SIGTERM): the documents in hand were written, the run is interrupted
    stale_runs: list[int] = field(default_factory=list)  # runs left `running` by a dead process, marked interrupted
    notifications: list[Notification] = field(default_factory=list)  # alerts raised after linking (accord.alerts)

    @property
    def not_extracted(self) -> dict[str, int]:
        """The documents stored without extraction, by language: those in a language accord does not read."""
        return {code: n for code, n in sorted(self.languages.items()) if code not in SUPPORTED}

    def counts(self) -> dict[str, int]:
        """The four counts, as the run's row in the store records them."""
        return {"read": self.read, "new": self.new, "unchanged": self.unchanged, "failed": self.failed}


class RecentKeys:
    """The content keys of the last documents sent for extraction: a repeat within a run is caught here
    before the NLP pass, one further back by the store (it is already written); memory stays bounded."""

    def __init__(self, size: int = 50_000):
        self._order: deque[str] = deque()
        self._keys: set[str] = set()
        self._size = size

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def add(self, key: str) -> None:
        """Remember `key`, forgetting the oldest one beyond the size."""
        self._order.append(key)
        self._keys.add(key)
        if len(self._order) > self._size:
            self._keys.discard(self._order.popleft())


# (document, its extraction or the failure) for every document, in input order: ExtractionPool.extract
# or, in this process, a Pipeline's through `_paired`.
Extract = Callable[[Iterable[Document]], Iterator[tuple[Document, Extraction | Failure]]]

# Called as documents are done (stored, found unchanged or failed), with the inputs they came from.
Progress = Callable[[IngestSummary, list[str]], None]


def ingest(
    paths: Iterable[str],
    store: Store,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    published: str | None = None,
    progress: Progress | None = None,
    stop: threading.Event | None = None,
    echo: Echo | None = None,
) -> IngestSummary:
    """Read `paths` (files, folders, globs, "-") and store what is new; see `ingest_items`."""
    settings = settings or Settings()
    paths = list(paths)
    return ingest_items(
        read_inputs(paths, settings.max_bytes), store, settings, pipeline, published, progress, paths, stop, echo
    )


def ingest_items(
    items: Iterable[Document | Failure | Skipped],
    store: Store,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    published: str | None = None,
    progress: Progress | None = None,
    inputs: list[str] | None = None,
    stop: threading.Event | None = None,
    echo: Echo | None = None,
    pool: ExtractionPool | None = None,
) -> IngestSummary:
    """Store Documents already read (and record Failures).

    Content already in the store is dropped before the NLP pass. Extraction runs in
    `settings.workers` worker processes (each with its own pipeline), or in this process when a
    `pipeline` is given or one worker is asked for; this process is the one writer, storing
    extractions in batches of `settings.store_batch_size`, each batch one transaction.

    When `stop` is set (the CLI sets it on SIGTERM), the documents already extracted are written, the run
    is marked `interrupted`, linking is left to the next run, and the summary says `stopped`. Runs left
    `running` by a process that is gone are marked `interrupted` first (`stale_runs`).

    After linking, the store's alerts are fired (accord.alerts.fire): the notifications raised are in
    `notifications`, and `echo` is called with each as it is raised.
    A `pool` already started (`accord watch` keeps one for all its rounds) is used instead of starting
    one, and left open.
    """
    settings = settings or Settings()
    own_pool = None
    extract: Extract
    if pipeline is None and pool is not None:
        version = pipeline_version(settings)
        extract = pool.extract
    elif pipeline is None and settings.workers > 1:
        own_pool = ExtractionPool(settings, settings.workers, published)
        version = pipeline_version(settings)
        extract = own_pool.extract
    else:
        from .nlp import Pipeline

        local = pipeline or Pipeline(settings)
        version = local.version
        extract = partial(_paired, local, published=published)
    summary = IngestSummary(stale_runs=store.mark_stale_runs())
    run = summary.run = store.start_run(version, inputs or [])
    seen = RecentKeys()

    def unseen(pending: list[tuple[str, Document]]) -> Iterator[tuple[str, Document]]:
        known = store.known_keys(key for key, _ in pending)
        done = []
        for key, document in pending:
            if key in known or key in seen:
                summary.unchanged += 1
                done.append(document.origin)
                continue
            seen.add(key)
            yield key, document
        if progress and done:
            progress(summary, done)

    def documents() -> Iterator[tuple[str, Document]]:
        pending: list[tuple[str, Document]] = []
        for item in items:
            if isinstance(item, Failure):
                fail(item)
                continue
            if isinstance(item, Skipped):
                summary.skipped[item.reason] = summary.skipped.get(item.reason, 0) + 1
                continue
            summary.read += 1
            pending.append((doc_key(item), item))
            if len(pending) >= settings.store_batch_size:
                yield from unseen(pending)
                pending = []
        yield from unseen(pending)

    def fail(failure: Failure) -> None:
        summary.failed += 1
        summary.failures.append(failure)
        store.record_failures(run, [failure])
        if progress:
            progress(summary, [failure.origin])

    def extracted() -> Iterator[tuple[str, Document, Extraction | Failure]]:
        keys: deque[str] = deque()

        def keyed() -> Iterator[Document]:
            for key, document in documents():
                keys.append(key)
                yield document

        for document, result in extract(keyed()):
            yield keys.popleft(), document, result

    def write(batch: list[tuple[str, Document, Extraction]]) -> None:
        written = store.write_batch(run, version, batch)
        summary.undated += undated(batch)
        for _, _, extraction in batch:
            language = extraction.language or "und"
            summary.languages[language] = summary.languages.get(language, 0) + 1
        summary.new += written
        summary.unchanged += len(batch) - written
        if progress:
            progress(summary, [document.origin for _, document, _ in batch])

    status = "interrupted"
    try:
        batch: list[tuple[str, Document, Extraction]] = []
        for key, document, result in extracted():
            if isinstance(result, Failure):  # read, but the pipeline could not process it
                fail(result)
            else:
                batch.append((key, document, result))
            if len(batch) >= settings.store_batch_size:
                write(batch)
                batch = []
            if stop is not None and stop.is_set():
                summary.stopped = True
                break
        if batch:
            write(batch)
        status = "interrupted" if summary.stopped else "finished"
    finally:
        store.finish_run(run, summary.counts(), status)
        if own_pool is not None:
            own_pool.close()
    if not summary.stopped:  # stories and merged events for what this run (or an interrupted one) stored
        summary.linked = link(store, stop=stop)
        summary.notifications = fire(store, settings, echo=echo)
    return summary


def undated(batch: list[tuple[str, Document, Extraction]]) -> int:
    """How many of a batch's extractions have no anchor date: the document, its dateline and the
    `published` fallback gave none, so nothing in it can be dated."""
    return sum(1 for _, _, extraction in batch if extraction.anchor_date is None)


def _paired(
    pipeline: Pipeline, documents: Iterable[Document], published: str | None = None
) -> Iterator[tuple[Document, Extraction | Failure]]:
    """The pipeline's extractions (or failures: a document over its budget) paired with their
    documents, as ExtractionPool.extract gives them."""
    in_flight: deque[Document] = deque()

    def queued() -> Iterator[Document]:
        for document in documents:
            in_flight.append(document)
            yield document

    for result in pipeline.results(queued(), published):
        yield in_flight.popleft(), result
