"""Every event and actor dev set is split into a build half and a check half by a hash of each item's id.

Build items may be read while developing; of the check half only the aggregate figures `make eval` prints
are looked at, never its items, so a rule written for one sentence shows up as a build figure rising while
the check figure does not. The split needs no stored list: the same id always falls in the same half.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HALVES = ("build", "check")


def half_of(item_id: str) -> str:
    """ "build" or "check" for an item id, fixed by the first byte of its SHA-256."""
    return HALVES[hashlib.sha256(item_id.encode("utf-8")).digest()[0] % 2]


def read_records(path: Path) -> list[dict]:
    """A JSON Lines dev set (lines split on "\\n" only: texts may hold U+2028)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def of_half(records: list[dict], half: str) -> list[dict]:
    return [r for r in records if half_of(str(r["id"])) == half]


@contextmanager
def half_files(path: Path) -> Iterator[dict[str, Path]]:
    """The dev set's two halves written as temporary gold files, for the shared scorers: half -> path."""
    records = read_records(path)
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for half in HALVES:
            files[half] = Path(tmp) / f"{half}.jsonl"
            with files[half].open("w", encoding="utf-8") as handle:
                for record in of_half(records, half):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        yield files
