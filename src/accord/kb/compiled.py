"""The compiled-knowledge cache: what a process builds from the data files before it can extract (the
knowledge base, the gazetteer, the actor lexicon's phrase patterns, the time words, the language
detector) is built once and kept in the user's cache folder, so a new process or worker loads it in a
fraction of a second instead of parsing the TSV files and GeoNames again.

An entry is a pickle of plain structures and accord's own row types, filed under a key that hashes
everything it was built from: accord's version and source code, Python's version, every built-in data
file, and what the caller adds (the user's knowledge-base files, the spaCy model, the versions of the
packages whose data it reads). A changed file makes a new key, so the entry is rebuilt; an entry is
never read by another version of accord. Each file carries a checksum of its contents: a truncated or
corrupt file is rebuilt, not trusted. A cache folder that cannot be written is no error: the entry is
built in memory and the run goes on. An entry is loaded only from a file the user owns, since loading a
pickle runs what it names. The folder is Settings.cache_dir (ACCORD_CACHE_DIR, else
$XDG_CACHE_HOME/accord, else ~/.cache/accord; "off" builds everything in memory).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import BinaryIO, TypeVar, cast

from ..version import __version__

T = TypeVar("T")

FORMAT = b"accord-compiled-1\n"  # changed when the file layout below changes
_DIGEST_SIZE = 32
_PIECE = 1 << 20
KEEP = 3  # entries of one name kept in the folder (others are from older data, code or user files)
_PACKAGE = Path(__file__).resolve().parent.parent  # src/accord
_DATA = Path(__file__).resolve().parent  # src/accord/kb


def cache_folder() -> Path | None:
    """Where compiled entries are kept (Settings.cache_dir), or None when the cache is off."""
    from ..config import Settings  # a Settings per call: the cache has callers that hold none

    folder = Settings().cache_dir
    return Path(folder) if folder else None


def load_compiled(name: str, build: Callable[[], T], key: Iterable[str] = ()) -> T:
    """What `build()` returns, loaded from the cache when an entry for `name` and this key is there and
    intact, else built and (if the folder can be written) stored for the next process. `key` holds what
    the entry depends on beyond accord's code and built-in data files (which are always part of it)."""
    digest = entry_key(name, key)
    folder = cache_folder()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest[:32]}.pickle"
    found = _load(path, digest)
    if found is not None:
        return cast(T, found[0])
    value = build()
    _store(path, digest, value)
    return value


def entry_key(name: str, parts: Iterable[str] = ()) -> str:
    """The hex key of an entry: its name, the caller's parts and what every entry depends on."""
    h = hashlib.sha256()
    for part in (FORMAT.decode(), __version__, sys.version, code_digest(), data_digest(), name, *parts):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


@cache
def code_digest() -> str:
    """A hash of accord's source files: a change to the code that builds an entry makes a new key even
    when the version number stays the same (as it does between releases)."""
    return files_digest(sorted(_PACKAGE.rglob("*.py")), _PACKAGE)


@cache
def data_digest() -> str:
    """A hash of every built-in data file (kb/ and its folders, all but Python sources)."""
    files = sorted(p for p in _DATA.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc"))
    return files_digest(files, _DATA)


def files_digest(paths: Iterable[Path], root: Path | None = None) -> str:
    """A hash of the files' names (relative to `root`, else as given) and contents, in the order given."""
    h = hashlib.sha256()
    for path in paths:
        label = str(path.relative_to(root)) if root else str(path)
        data = path.read_bytes()
        h.update(f"{label}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
        h.update(data)
    return h.hexdigest()


def _load(path: Path, digest: str) -> tuple[object] | None:
    """(the value,) stored at `path` for `digest`, or None if the file is missing, of another key,
    truncated, corrupt or unreadable: anything but a good entry means build again. The file is read
    twice, in pieces (checksum, then unpickling), so it is never held whole in memory."""
    head = FORMAT + digest.encode() + b"\n"
    try:
        with open(path, "rb") as f:
            if hasattr(os, "getuid") and os.fstat(f.fileno()).st_uid != os.getuid():
                return None  # a pickle is loaded as code would be: only the user's own files are
            if f.read(len(head)) != head:
                return None
            checksum = f.read(_DIGEST_SIZE)
            h = hashlib.blake2b(digest_size=_DIGEST_SIZE)
            while piece := f.read(_PIECE):
                h.update(piece)
            if h.digest() != checksum:
                return None
            f.seek(len(head) + _DIGEST_SIZE)
            collecting = gc.isenabled()
            gc.disable()  # hundreds of thousands of new objects, none of them garbage: collecting halves the speed
            try:
                return (pickle.load(f),)
            finally:
                if collecting:
                    gc.enable()
    except Exception:  # unreadable, or a checksum that matches a pickle that will not load (a class since removed)
        return None


class _Checksummed:
    """A file being written that keeps the checksum of what goes through it."""

    def __init__(self, out: BinaryIO):
        self.out = out
        self.hash = hashlib.blake2b(digest_size=_DIGEST_SIZE)

    def write(self, data: bytes) -> int:
        self.hash.update(data)
        return self.out.write(data)


def _store(path: Path, digest: str, value: object) -> None:
    """Write the entry atomically (a whole file or none: processes starting together may race to write
    it); any failure to write leaves the cache as it was and the run goes on with the value in memory."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            head = FORMAT + digest.encode() + b"\n"
            out.write(head + bytes(_DIGEST_SIZE))  # the checksum, once the payload is written
            payload = _Checksummed(out)
            pickle.dump(value, payload, protocol=pickle.HIGHEST_PROTOCOL)
            out.seek(len(head))
            out.write(payload.hash.digest())
        os.replace(tmp, path)
        tmp = None
        _prune(path)
    except Exception:  # read-only or full disk, a folder we may not write: the cache is an optimisation
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(path: Path) -> None:
    """Keep the KEEP newest entries of this name (older ones were built from other data or code)."""
    name = path.name.rsplit("-", 1)[0]
    entries = []
    for p in path.parent.glob(f"{name}-*.pickle"):
        try:
            if p.name.rsplit("-", 1)[0] == name:
                entries.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, old in sorted(entries, reverse=True)[KEEP:]:
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass
