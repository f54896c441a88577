"""Extraction in worker processes: each worker holds its own Pipeline (model and knowledge base loaded
once), takes chunks of documents and sends back their extractions; the caller gets them in input order.

At most `window` chunks are in flight, so memory stays bounded however long the input is. A chunk that
makes the pipeline fail is retried one document at a time, so one bad document costs only itself; a
document over its budget (Settings.doc_seconds, doc_mb) comes back as a Failure with its reason.
The user's knowledge-base files are checked in the caller's process before any worker starts, and a
worker that still cannot start (a missing model) hands its AccordError back with its first chunk, so
the user reads the message, not a broken pool and a worker's traceback.
Workers end with the process that started them, however it ends (accord.orphans).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TYPE_CHECKING

from .config import Settings
from .errors import AccordError
from .kb import check_user_files
from .model import Document, Extraction, Failure
from .orphans import die_with_parent

if TYPE_CHECKING:
    from .nlp import Pipeline

CHUNK = 16  # documents per task: large enough to keep nlp.pipe batching, small enough to balance
CHUNK_CHARS = 20_000  # and at most this much text per task (a long document goes alone), so that a worker's
#                       peak memory is set by one batch of ordinary size, not by a run of long documents

_pipeline: Pipeline | None = None  # the worker process's own Pipeline
_published: str | None = None
_startup_error: AccordError | None = None  # why the worker could not make its Pipeline


def _start_worker(settings: Settings, published: str | None, parent_pid: int) -> None:
    global _pipeline, _published, _startup_error
    from .nlp import Pipeline

    die_with_parent(parent_pid)  # a killed ingest leaves no worker behind
    try:
        _pipeline = Pipeline(replace(settings, n_process=1))
    except AccordError as exc:  # an exception here would break the pool; report it with the first chunk
        _startup_error = exc
    _published = published


def _extract_chunk(documents: list[Document]) -> list[Extraction | Failure]:
    if _startup_error is not None:
        raise _startup_error
    if _pipeline is None:
        raise RuntimeError("_extract_chunk runs only in a worker process started by ExtractionPool")
    # spaCy's memory zone frees the strings and lexemes a chunk adds to the vocabulary, which otherwise
    # grow with every new word for the life of the worker
    with _pipeline.nlp.memory_zone():
        return _extract_in_zone(_pipeline, documents)


def _extract_in_zone(pipeline: Pipeline, documents: list[Document]) -> list[Extraction | Failure]:
    """Each document's extraction, or its failure: over its budget, or making the pipeline raise."""
    try:
        return list(pipeline.results(documents, _published))
    except Exception:  # find the document at fault; the others go through
        out: list[Extraction | Failure] = []
        for document in documents:
            try:
                out.extend(pipeline.results([document], _published))
            except Exception as exc:
                out.append(
                    Failure(
                        origin=document.origin,
                        reason=f"extraction failed: {type(exc).__name__}: {exc}",
                        reader=document.reader,
                    )
                )
        return out


class ExtractionPool:
    """`workers` processes extracting documents; use as a context manager."""

    def __init__(self, settings: Settings, workers: int, published: str | None = None):
        check_user_files(settings.actor_files)  # a bad file is a UsageError here, not in every worker
        self.workers = max(1, workers)
        self.window = self.workers * 3
        context = multiprocessing.get_context("spawn")  # no inherited locks, engines or threads
        self._executor = ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(settings, published, os.getpid()),
        )

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers, dropping chunks not yet started."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def extract(self, documents: Iterable[Document]) -> Iterator[tuple[Document, Extraction | Failure]]:
        """(document, its extraction or the failure) for every document, in input order."""
        pending: deque[tuple[list[Document], Future]] = deque()
        chunk: list[Document] = []

        def submit(docs: list[Document]) -> None:
            pending.append((docs, self._executor.submit(_extract_chunk, docs)))

        size = 0
        for document in documents:
            if chunk and size + len(document.text) > CHUNK_CHARS:
                submit(chunk)
                chunk, size = [], 0
            chunk.append(document)
            size += len(document.text)
            if len(chunk) >= CHUNK:
                submit(chunk)
                chunk, size = [], 0
            while len(pending) >= self.window:
                yield from self._collect(pending.popleft())
        if chunk:
            submit(chunk)
        while pending:
            yield from self._collect(pending.popleft())

    @staticmethod
    def _collect(item: tuple[list[Document], Future]) -> Iterator[tuple[Document, Extraction | Failure]]:
        docs, future = item
        try:
            results = future.result()
        except BrokenProcessPool:
            raise AccordError(
                "a worker process stopped abruptly (out of memory, killed, or started from a script without "
                'an `if __name__ == "__main__":` guard); documents already written are kept: run again to '
                "continue, or use one worker (--workers 1)"
            ) from None
        yield from zip(docs, results)
