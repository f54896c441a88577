"""The compiled-knowledge cache: an entry is built once and then loaded; a changed file, a damaged entry
or a folder that cannot be written means building again, never a crash; and extraction from a warm
cache is byte for byte what a cold build gives, the user's own knowledge-base files included."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from accord.config import Settings
from accord.kb import compiled, load_kb

from ..conftest import ROOT
from ..synthetic import write_corpus


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value: object):
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(folder))
    return folder


def test_an_entry_is_built_once_then_loaded(cache_dir):
    build = Builder({"names": ["Paris", "Lyon"], "rows": [(1, 2.5, None)]})
    assert compiled.load_compiled("thing", build, ["k"]) == build.value
    assert compiled.load_compiled("thing", build, ["k"]) == build.value
    assert build.calls == 1
    assert len(list(cache_dir.glob("thing-*.pickle"))) == 1


def test_another_key_is_another_entry(cache_dir):
    first, second = Builder("first"), Builder("second")
    assert compiled.load_compiled("thing", first, ["a"]) == "first"
    assert compiled.load_compiled("thing", second, ["b"]) == "second"
    assert compiled.load_compiled("thing", first, ["a"]) == "first"
    assert (first.calls, second.calls) == (1, 1)


def test_a_changed_file_is_read_again(cache_dir, tmp_path):
    words = tmp_path / "words.tsv"

    def load() -> list[str]:
        key = [compiled.files_digest([words])]
        return compiled.load_compiled("words", lambda: words.read_text().split()[1:], key)

    words.write_text("word\nalpha\n")
    assert load() == ["alpha"]
    words.write_text("word\nbeta\n")
    assert load() == ["beta"]


@pytest.fixture
def data_copy(tmp_path, monkeypatch, request) -> Path:
    """The built-in data files copied to a folder the cache reads instead of the package's."""
    copy = tmp_path / "kb"
    shutil.copytree(compiled._DATA, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    monkeypatch.setattr(compiled, "_DATA", copy)
    compiled.data_digest.cache_clear()
    request.addfinalizer(compiled.data_digest.cache_clear)  # runs before the monkeypatch is undone
    return copy


def test_a_changed_builtin_data_file_makes_another_key(data_copy):
    before = compiled.entry_key("knowledge-base")
    countries = data_copy / "countries.tsv"
    countries.write_text(countries.read_text(encoding="utf-8").replace("Paris", "Lutetia"), encoding="utf-8")
    compiled.data_digest.cache_clear()
    assert compiled.entry_key("knowledge-base") != before


def _entry(cache_dir: Path, name: str) -> Path:
    [path] = cache_dir.glob(f"{name}-*.pickle")
    return path


def _unloadable(path: Path, name: str) -> None:
    """An entry whose checksum is right but whose pickle names a class that does not exist."""
    payload = b"cno_such_module_for_accord\nThing\n)\x81."
    digest = compiled.entry_key(name)
    checksum = hashlib.blake2b(payload, digest_size=32).digest()
    path.write_bytes(compiled.FORMAT + digest.encode() + b"\n" + checksum + payload)


@pytest.mark.parametrize("damage", ["truncated", "one byte changed", "empty", "not ours", "unloadable"])
def test_a_damaged_entry_is_built_again(cache_dir, damage):
    build = Builder(list(range(5000)))
    compiled.load_compiled("thing", build)
    path = _entry(cache_dir, "thing")
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "one byte changed":
        path.write_bytes(data[:-100] + bytes([data[-100] ^ 0x01]) + data[-99:])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "not ours":
        path.write_bytes(pickle.dumps(["something else"]))
    else:
        _unloadable(path, "thing")
    assert compiled.load_compiled("thing", build) == build.value
    assert build.calls == 2
    assert compiled.load_compiled("thing", build) == build.value  # the rebuilt entry is whole again
    assert build.calls == 2


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_an_entry_owned_by_someone_else_is_not_loaded(cache_dir):
    build = Builder("value")
    compiled.load_compiled("thing", build)
    os.chown(_entry(cache_dir, "thing"), 54321, -1)
    assert compiled.load_compiled("thing", build) == "value"
    assert build.calls == 2


def test_a_folder_that_cannot_be_written_builds_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ACCORD_CACHE_DIR", str(blocker / "cache"))
    build = Builder({"k": "v"})
    assert compiled.load_compiled("thing", build) == {"k": "v"}
    assert compiled.load_compiled("thing", build) == {"k": "v"}
    assert build.calls == 2


def test_an_entry_path_taken_by_a_folder_builds_in_memory(cache_dir):
    (cache_dir / f"thing-{compiled.entry_key('thing')[:32]}.pickle").mkdir(parents=True)
    build = Builder("value")
    assert compiled.load_compiled("thing", build) == "value"
    assert compiled.load_compiled("thing", build) == "value"
    assert build.calls == 2
    assert not list(cache_dir.glob(".thing-*"))  # no temporary file left behind


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("ACCORD_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Settings().cache_dir is None
    build = Builder("value")
    compiled.load_compiled("thing", build)
    compiled.load_compiled("thing", build)
    assert build.calls == 2
    assert not list(tmp_path.rglob("*.pickle"))


def test_only_the_newest_entries_of_a_name_are_kept(cache_dir):
    for n in range(compiled.KEEP + 3):
        compiled.load_compiled("thing", Builder(n), [str(n)])
        path = next(p for p in cache_dir.glob("thing-*.pickle") if p.name.startswith("thing-"))
        os.utime(path, (n, n))  # ensure distinct ages however coarse the file system's clock
    compiled.load_compiled("other", Builder("x"))
    assert len(list(cache_dir.glob("thing-*.pickle"))) <= compiled.KEEP
    assert len(list(cache_dir.glob("other-*.pickle"))) == 1
    newest = compiled.entry_key("thing", [str(compiled.KEEP + 2)])[:32]
    assert (cache_dir / f"thing-{newest}.pickle").exists()


def test_the_knowledge_base_loads_from_its_entry_as_built(cache_dir):
    built = load_kb.__wrapped__()
    loaded = load_kb.__wrapped__()  # a second process would do this: no lru_cache between the two
    assert loaded is not built
    assert vars(loaded) == vars(built)
    assert len(list(cache_dir.glob("knowledge-base-*.pickle"))) == 1


# --- extraction from a cold and a warm cache, in fresh processes as workers start ----------------

OFFICIAL = (
    "name\taliases\tcountry\tposition\trole\tstart\tend\nZorbo Quintain\t\tFRA\t{position}\t{role}\t2024-01-01\t\n"
)
STORY = (
    "President Zorbo Quintain of France met the German chancellor in Berlin on Monday, officials said. "
    '"We agreed on the budget," Quintain told reporters in Paris. '
    "Quintain has taken tentative steps to enhance political freedoms."
)


def _extract(corpus: Path, user_file: Path, cache: str) -> str:
    env = {**os.environ, "ACCORD_CACHE_DIR": cache, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run(
        [sys.executable, "-m", "accord", "extract", str(corpus), "--actors", str(user_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def _entries(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_ino for p in folder.glob("*.pickle")}


@pytest.mark.model
def test_a_warm_cache_extracts_exactly_what_a_cold_build_does(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", 12)
    (corpus / "story.jsonl").write_text(json.dumps({"id": "story", "text": STORY, "published": "2024-03-04"}) + "\n")
    user_file = tmp_path / "mine.tsv"
    user_file.write_text(OFFICIAL.format(position="HOS", role="President"), encoding="utf-8")
    cache = tmp_path / "cache"

    cold = _extract(corpus, user_file, str(cache))
    built = _entries(cache)
    assert {name.rsplit("-", 1)[0] for name in built} >= {
        "knowledge-base",
        "gazetteer",
        "actor-patterns",
        "time-words",
        "language-detector",
    }
    warm = _extract(corpus, user_file, str(cache))
    assert _entries(cache) == built  # loaded, not written again
    assert warm == cold
    assert _extract(corpus, user_file, "off") == cold  # built in memory, no cache at all
    assert _role(cold, "person:zorbo-quintain") == "President"  # the user's file is read
    assert "+target:home" in cold  # a convention whose row reads 'any sector' (compared by value, not identity)

    user_file.write_text(OFFICIAL.format(position="HOG", role="Prime Minister"), encoding="utf-8")
    changed = _extract(corpus, user_file, str(cache))
    assert _role(changed, "person:zorbo-quintain") == "Prime Minister"
    kinds = [name.rsplit("-", 1)[0] for name in _entries(cache)]
    assert kinds.count("knowledge-base") == 2  # the changed file made an entry of its own


def _role(jsonl: str, kb_id: str) -> str | None:
    story = next(obj for obj in map(json.loads, jsonl.splitlines()) if obj["id"] == "story")
    return next(a["role"] for a in story["actors"] if a["kb_id"] == kb_id)
