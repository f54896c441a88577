"""Read inputs through the pipeline without a store: the one function `accord extract` and the Spark
job's executors (accord.spark) both run, so a document gives the same extraction either way."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .model import Document, Extraction, Failure, Skipped

if TYPE_CHECKING:
    from .nlp import Pipeline

# a document with its extraction, an input or document that failed, or a part of an input passed over
Outcome = tuple[Document, Extraction] | Failure | Skipped


def extract_items(
    pipeline: Pipeline, items: Iterable[Document | Failure | Skipped], published: str | None = None
) -> Iterator[Outcome]:
    """Every item read from the inputs, the documents through `pipeline`: (document, extraction) for
    each document extracted, a Failure for one over its budget, and the readers' Failures and Skipped as
    they are (yielded as soon as the documents read before them are done)."""
    others: deque[Failure | Skipped] = deque()
    in_flight: deque[Document] = deque()

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Document):
                in_flight.append(item)
                yield item
            else:
                others.append(item)

    for result in pipeline.results(documents(), published):
        document = in_flight.popleft()
        yield result if isinstance(result, Failure) else (document, result)
        while others:
            yield others.popleft()
    while others:
        yield others.popleft()
