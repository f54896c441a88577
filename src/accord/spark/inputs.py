"""The paths a Spark job reads, from what the user named: files, folders (every file under them), globs,
and text files listing paths one a line. A URI with a scheme (hdfs://, s3a://, gs://) is left to the
cluster's Hadoop file systems, which also expand its folders and globs; file:// is a local path."""

from __future__ import annotations

import glob
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..model import Failure
from ..readers.sources import walk
from ..readers.warc import looks_warc

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
MAX_LISTING_BYTES = 16 * 1024 * 1024  # a listing bigger than this is an input, not a list of inputs


@dataclass
class Inputs:
    """Local files (read by the executors from the same path) and remote URIs (read through Hadoop)."""

    local: list[str] = field(default_factory=list)
    remote: list[str] = field(default_factory=list)
    missing: list[Failure] = field(default_factory=list)


def expand(names: list[str]) -> Inputs:
    """Every input the names stand for, in order, each once; a name matching nothing is a Failure."""
    found = Inputs()
    seen: set[str] = set()
    for name in names:
        _add(name, found, seen, listing_allowed=True)
    if not found.local and not found.remote:
        reasons = "; ".join(f"{f.origin}: {f.reason}" for f in found.missing) or "no inputs given"
        raise UsageError(f"nothing to read: {reasons}")
    return found


def _add(name: str, found: Inputs, seen: set[str], listing_allowed: bool) -> None:
    if name.startswith("file://"):
        name = name.removeprefix("file://")
    elif _SCHEME.match(name):
        if name not in seen:
            seen.add(name)
            found.remote.append(name)
        return
    path = Path(name)
    if path.is_dir():
        files = list(walk(path))
    elif path.is_file():
        if listing_allowed and _is_listing(path):
            for line in path.read_text(encoding="utf-8").splitlines():
                entry = line.strip()
                if entry and not entry.startswith("#"):
                    _add(entry, found, seen, listing_allowed=False)
            return
        files = [path]
    elif glob.has_magic(name):
        files = []
        for match in sorted(glob.glob(name, recursive=True)):
            files.extend(walk(Path(match)) if Path(match).is_dir() else [Path(match)])
        if not files:
            found.missing.append(Failure(name, "no files match this pattern"))
    else:
        found.missing.append(Failure(name, "no such file or folder"))
        return
    for file in files:
        key = str(file.resolve())
        if key not in seen:
            seen.add(key)
            found.local.append(key)


def _is_listing(path: Path) -> bool:
    """Whether a file lists inputs: text (not a web archive or JSON Lines) whose every line is a path
    that exists or a URI."""
    try:
        if path.stat().st_size > MAX_LISTING_BYTES:
            return False
        data = path.read_bytes()
    except OSError:
        return False
    if looks_warc(data[:512]) or b"\x00" in data[:8192]:
        return False
    try:
        lines = [ln.strip() for ln in data.decode("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    except UnicodeDecodeError:
        return False
    if not lines or lines[0].startswith("{"):
        return False
    return all(_SCHEME.match(ln) or Path(ln).exists() or glob.has_magic(ln) for ln in lines)
