"""Turns command-line paths into raw inputs: files, folders (recursively), globs and "-" for stdin.

A WARC file is not read into memory here: its RawInput names the file, which the WARC reader streams
record by record, and the size limit applies to each record's page rather than to the whole archive.

Every path that cannot be read becomes a Failure naming the path and the reason; nothing is dropped
silently.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Failure
from ..sizes import byte_size, sizes_apart
from .warc import looks_warc

STDIN = "-"


@dataclass
class RawInput:
    """One input's bytes, before its format is known."""

    origin: str  # the path as the user will recognise it, or "<stdin>"
    stem: str  # file stem, "" for stdin
    data: bytes
    path: Path | None = None  # a WARC file to stream instead of `data` (which is then empty)
    max_bytes: int | None = None  # the size limit for one record of that WARC file


def iter_raw_inputs(paths: Iterable[str], max_bytes: int) -> Iterator[RawInput | Failure]:
    """The bytes of every file `paths` name (folders read recursively, globs expanded, "-" for standard
    input), in order; a missing, oversized or unreadable one as a Failure."""
    for path in paths:
        if path == STDIN:
            yield _read_stdin(max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            for child in walk(p):
                yield _read_file(child, max_bytes)
        elif p.exists():
            yield _read_file(p, max_bytes)
        elif glob.has_magic(path):
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield Failure(path, "no files match this pattern")
            for match in matches:
                m = Path(match)
                for child in walk(m) if m.is_dir() else [m]:
                    yield _read_file(child, max_bytes)
        else:
            yield Failure(path, "no such file or folder")


def count_files(paths: Iterable[str]) -> int | None:
    """How many files `paths` name (for a progress bar), or None when one of them is standard input."""
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        p = Path(path)
        if p.is_dir():
            total += sum(1 for _ in walk(p))
        elif p.exists():
            total += 1
        elif glob.has_magic(path):
            for match in glob.glob(path, recursive=True):
                m = Path(match)
                total += sum(1 for _ in walk(m)) if m.is_dir() else 1
    return total


def walk(folder: Path) -> Iterator[Path]:
    """Files under `folder` in a stable order, skipping hidden files and folders (".git", ".DS_Store")."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _read_file(path: Path, max_bytes: int) -> RawInput | Failure:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(512)
        if looks_warc(head):
            return RawInput(str(path), path.stem.removesuffix(".warc"), b"", path, max_bytes)
        if size > max_bytes:
            shown, limit = sizes_apart(size, max_bytes)
            return Failure(
                str(path),
                f"file is {shown}, over the size limit of {limit} (raise it with --max-bytes or ACCORD_MAX_BYTES)",
            )
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return Failure(str(path), f"cannot read: {exc.strerror or exc}")
    if len(data) > max_bytes:
        return Failure(str(path), f"file grew past the size limit of {byte_size(max_bytes)} while reading")
    return RawInput(str(path), path.stem, data)


def _read_stdin(max_bytes: int) -> RawInput | Failure:
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(
            "<stdin>",
            f"standard input is over the size limit of {byte_size(max_bytes)} "
            "(raise it with --max-bytes or ACCORD_MAX_BYTES)",
        )
    return RawInput("<stdin>", "", data)
