"""Extraction in worker processes: each worker holds its own Pipeline (model and knowledge base loaded
once), takes chunks of documents and sends back their extractions; the caller gets them in input order.

At most `window` chunks are in flight, so memory stays bounded however long the input is. A chunk that
makes the pipeline fail is retried one document at a time, so one bad document costs only itself; a
document over its budget (Settings.doc_seconds, doc_mb) comes back as a Failure with its reason.

A long document (longer than Settings.window_chars, in a language accord extracts from) is spread over
the workers: each of its parse windows is a task of its own, parsed by whichever worker is free and sent
back as bytes (accord.nlp.transfer); once all are parsed, one worker joins them and runs the extractors,
exactly as the pipeline does in one process, so the Extraction is the same. Its budget's clock starts
when its windows are handed out and every task checks it; at most `workers` long documents are in
flight, since the caller holds each one's parsed windows until they are joined.
The user's knowledge-base files are checked in the caller's process before any worker starts, and a
worker that still cannot start (a missing model) hands its AccordError back with its first chunk, so
the user reads the message, not a broken pool and a worker's traceback.
Workers end with the process that started them, however it ends (accord.orphans).
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple, ParamSpec, TypeVar

from .config import Settings
from .errors import AccordError, OverBudget
from .kb import check_user_files
from .model import Document, Extraction, Failure
from .nlp.chunks import split_for_parsing
from .nlp.language import Verdict, judge
from .orphans import die_with_parent

if TYPE_CHECKING:
    from .nlp import Pipeline

CHUNK = 16  # documents per task: large enough to keep nlp.pipe batching, small enough to balance
CHUNK_CHARS = 8_000  # and at most this much text per task (a long document goes alone), so that a worker's
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


def _load_malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, which hands the heap's free pages back to the system (None elsewhere)."""
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_malloc_trim = _load_malloc_trim()
_P = ParamSpec("_P")
_R = TypeVar("_R")


def _gives_back_free_memory(task: Callable[_P, _R]) -> Callable[_P, _R]:
    """A worker task that, when done, hands the memory it freed back to the system: glibc keeps a parse's
    freed blocks, scattered over the heap, and a worker's resident memory crept up with every task (a
    worker replayed in one process: 570-605 MB after 4,000 Reuters stories, 280-295 MB with this)."""

    @functools.wraps(task)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return task(*args, **kwargs)
        finally:
            if _malloc_trim is not None:
                _malloc_trim(0)

    return run


def _worker_pipeline() -> Pipeline:
    if _startup_error is not None:
        raise _startup_error
    if _pipeline is None:
        raise RuntimeError("this task runs only in a worker process started by ExtractionPool")
    return _pipeline


@_gives_back_free_memory
def _extract_chunk(documents: list[Document]) -> list[Extraction | Failure]:
    pipeline = _worker_pipeline()
    # spaCy's memory zone frees the strings and lexemes a chunk adds to the vocabulary, which otherwise
    # grow with every new word for the life of the worker
    with pipeline.nlp.memory_zone():
        return _extract_in_zone(pipeline, documents)


@_gives_back_free_memory
def _parse_window(text: str, k: int, count: int, started: float) -> bytes | str:
    """Window `k` of `count` of a long document parsed in this worker, as bytes; or, as a str, why not
    (over the document's budget, whose clock started at `started`, or the parser failed). A window whose
    document is already over its time budget is not parsed."""
    from .nlp.transfer import window_to_bytes  # spaCy: workers have it, the writer never imports it

    pipeline = _worker_pipeline()
    budget = pipeline.budget(started)
    stage = f"parsing window {k} of {count}"
    try:
        budget.check(stage)
        with pipeline.nlp.memory_zone():
            doc = pipeline.parse_window(text)
            budget.check(stage)
            return window_to_bytes(doc)
    except OverBudget as exc:
        return str(exc)
    except Exception as exc:  # one document's failure, not the batch's
        return _failed(exc)


@_gives_back_free_memory
def _extract_windows(document: Document, parsed: list[bytes], verdict: Verdict, started: float) -> Extraction | Failure:
    """A long document's Extraction from its parsed windows (bytes, in order), as the pipeline makes it
    in one process; a Failure over its budget or if the extractors' input cannot be built."""
    from .nlp.transfer import window_from_bytes

    pipeline = _worker_pipeline()
    with pipeline.nlp.memory_zone():
        budget = pipeline.budget(started)
        try:
            windows = []
            for k in range(len(parsed)):
                windows.append(window_from_bytes(pipeline.nlp.vocab, parsed[k]))
                parsed[k] = b""  # each window's bytes go as soon as it is read
            return pipeline.extract_windows(document, windows, _published, budget, verdict)
        except OverBudget as exc:
            return Failure(origin=document.origin, reason=str(exc), reader=document.reader)
        except Exception as exc:
            return Failure(origin=document.origin, reason=_failed(exc), reader=document.reader)


def _failed(exc: Exception) -> str:
    return f"extraction failed: {type(exc).__name__}: {exc}"


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
                out.append(Failure(origin=document.origin, reason=_failed(exc), reader=document.reader))
        return out


class _Chunk(NamedTuple):
    """Documents sent to one worker as one task."""

    documents: list[Document]
    future: Future


class _Spread(NamedTuple):
    """A long document whose windows are parsed as tasks of their own, each by any worker."""

    document: Document
    verdict: Verdict
    started: float
    windows: list[Future]


class ExtractionPool:
    """`workers` processes extracting documents; use as a context manager."""

    def __init__(self, settings: Settings, workers: int, published: str | None = None):
        check_user_files(settings.actor_files)  # a bad file is a UsageError here, not in every worker
        self.settings = settings
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
        pending: deque[_Chunk | _Spread] = deque()
        chunk: list[Document] = []
        size = 0

        def submit(docs: list[Document]) -> None:
            pending.append(_Chunk(docs, self._executor.submit(_extract_chunk, docs)))

        def spread_in_flight() -> int:
            return sum(isinstance(item, _Spread) for item in pending)

        for document in documents:
            verdict = self._spread_verdict(document)
            if verdict is not None:
                if chunk:
                    submit(chunk)
                    chunk, size = [], 0
                while spread_in_flight() >= self.workers:
                    yield from self._collect(pending.popleft())
                pending.append(self._spread(document, verdict))
            else:
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

    def _spread_verdict(self, document: Document) -> Verdict | None:
        """The language verdict of a document to spread over the workers (long, in a language accord
        extracts from, and more than one worker to spread over); None for any other."""
        if self.workers < 2 or len(document.text) <= self.settings.window_chars:
            return None
        verdict = judge(document, self.settings.languages)
        return verdict if verdict.supported else None

    def _spread(self, document: Document, verdict: Verdict) -> _Spread:
        """Hand out a long document's parse windows, one task each, its budget's clock started now."""
        windows = split_for_parsing(document.text, self.settings.window_chars)
        started = time.monotonic()
        futures = [
            self._executor.submit(_parse_window, text, k, len(windows), started)
            for k, text in enumerate(windows, start=1)
        ]
        return _Spread(document, verdict, started, futures)

    def _collect(self, item: _Chunk | _Spread) -> Iterator[tuple[Document, Extraction | Failure]]:
        if isinstance(item, _Chunk):
            yield from zip(item.documents, _result(item.future))
            return
        document, verdict, started, futures = item
        parsed: list[bytes] = []
        for future in futures:
            window = _result(future)
            if isinstance(window, str):  # over budget or failed: the windows not yet started are not parsed
                for rest in futures:
                    rest.cancel()
                yield document, Failure(origin=document.origin, reason=window, reader=document.reader)
                return
            parsed.append(window)
        futures.clear()
        finished = self._executor.submit(_extract_windows, document, parsed, verdict, started)
        yield document, _result(finished)


def _result(future: Future):
    """A task's result; a worker that died takes the pool with it, and the user reads why."""
    try:
        return future.result()
    except BrokenProcessPool:
        raise AccordError(
            "a worker process stopped abruptly (out of memory, killed, or started from a script without "
            'an `if __name__ == "__main__":` guard); documents already written are kept: run again to '
            "continue, or use one worker (--workers 1)"
        ) from None
