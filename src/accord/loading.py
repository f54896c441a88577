"""Load the Parquet datasets `accord spark extract` wrote into the store, then link them.

Each document is stored from the contract object its `documents` row keeps, under the content key the
row carries (the one ingest gives the same input), with the row's origin, reader and pipeline version,
so a document stored by ingest, or by an earlier load, is left unchanged and loading twice changes
nothing. Stories and merged events are then built by accord.linking, as after an ingest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import UsageError
from .linking import BATCH, LinkSummary, link
from .store import Store

LOADED_COLUMNS = ["doc_key", "origin", "reader", "pipeline_version", "extraction"]


@dataclass
class LoadSummary:
    """What a load did: documents read from the datasets, stored as new, already in the store; its run
    number and the linking after it."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    run: int | None = None
    linked: LinkSummary | None = None


def load(folder: str, store: Store, settings: Settings | None = None, link_batch: int = BATCH) -> LoadSummary:
    """Store every document of the `documents` dataset under `folder` that the store lacks (in the
    dataset's order: its files by path, each file's rows in order), and link, `link_batch` documents a
    transaction."""
    settings = settings or Settings()
    batches = _batches(folder, settings.store_batch_size)
    summary = LoadSummary()
    first = next(batches, None)
    version = first[0][3] if first else "unknown"
    summary.run = store.start_run(version, [folder])
    status = "interrupted"
    try:
        for batch in _chain(first, batches):
            items = [(key, origin, reader, json.loads(contract)) for key, origin, reader, _, contract in batch]
            by_version: dict[str, list[tuple[str, str, str, dict[str, Any]]]] = {}
            for row, item in zip(batch, items):
                by_version.setdefault(row[3], []).append(item)
            for row_version, group in by_version.items():
                written = store.write_contracts(summary.run, row_version, group)
                summary.new += written
                summary.unchanged += len(group) - written
            summary.read += len(batch)
        status = "finished"
    finally:
        counts = {"read": summary.read, "new": summary.new, "unchanged": summary.unchanged, "failed": 0}
        store.finish_run(summary.run, counts, status)
    summary.linked = link(store, batch=link_batch)
    return summary


def _chain(first, rest) -> Iterator[list[tuple[str, str, str, str, str]]]:
    if first:
        yield first
    yield from rest


def _batches(folder: str, size: int) -> Iterator[list[tuple[str, str, str, str, str]]]:
    """The documents dataset's (doc_key, origin, reader, pipeline_version, extraction) rows, in batches."""
    try:
        import pyarrow.dataset as ds
    except ModuleNotFoundError:
        raise UsageError("accord load reads Parquet and needs pyarrow: pip install 'accord[parquet]'") from None
    where = f"{folder.rstrip('/')}/documents"
    if "://" not in where and not Path(where).is_dir():
        raise UsageError(
            f"{folder} holds no documents dataset (no {where}): give the --out folder of accord spark extract"
        )
    try:
        dataset = ds.dataset(where, format="parquet", partitioning="hive")
        missing = [name for name in LOADED_COLUMNS if name not in dataset.schema.names]
        if missing:
            raise UsageError(f"{where} is not a dataset accord spark extract wrote: no column {', '.join(missing)}")
        for record_batch in dataset.to_batches(columns=LOADED_COLUMNS, batch_size=size):
            columns = [record_batch.column(name).to_pylist() for name in LOADED_COLUMNS]
            yield list(zip(*columns))
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise UsageError(f"cannot read {where}: {exc}") from None
