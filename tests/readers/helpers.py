"""Reading helpers for reader tests: run the real readers on a path or on bytes."""

from pathlib import Path

from accord.model import Document, Failure
from accord.readers import read_bytes, read_inputs
from accord.readers.sources import RawInput


def read_path(path: Path | str, max_bytes: int = 20_000_000) -> tuple[list[Document], list[Failure]]:
    items = list(read_inputs([str(path)], max_bytes))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


def read_data(data: bytes, name: str = "input.txt") -> tuple[list[Document], list[Failure]]:
    items = list(read_bytes(RawInput(name, Path(name).stem, data)))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]
