"""Settings: read from the environment once, never changed afterwards; command-line options go in when
it is built."""

import dataclasses

import pytest

from accord.config import DEFAULT_BATCH_SIZE, Settings, db_url_from
from accord.errors import UsageError


def test_settings_are_frozen():
    settings = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.workers = 4  # type: ignore[misc]
    changed = dataclasses.replace(settings, workers=settings.workers + 1)
    assert changed.workers == settings.workers + 1 and changed.model == settings.model


@pytest.mark.parametrize(
    "env, nlp, store",
    [
        ({}, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_SIZE),
        ({"ACCORD_BATCH_SIZE": "8"}, 8, 8),
        ({"ACCORD_BATCH_SIZE": "8", "ACCORD_NLP_BATCH_SIZE": "32"}, 32, 8),
        ({"ACCORD_STORE_BATCH_SIZE": "500"}, DEFAULT_BATCH_SIZE, 500),
    ],
)
def test_nlp_and_store_batch_sizes_have_their_own_variables(monkeypatch, env, nlp, store):
    for name in ("ACCORD_BATCH_SIZE", "ACCORD_NLP_BATCH_SIZE", "ACCORD_STORE_BATCH_SIZE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert (settings.nlp_batch_size, settings.store_batch_size) == (nlp, store)


def test_every_variable_becomes_a_field(monkeypatch):
    monkeypatch.setenv("ACCORD_KB_DIR", "/tmp/kb")
    monkeypatch.setenv("ACCORD_API_TOKEN", "secret")
    monkeypatch.setenv("ACCORD_API_READ_TOKEN", "yes")
    monkeypatch.setenv("ACCORD_DB", "sqlite:///x.db")
    settings = Settings()
    assert (settings.kb_dir, settings.api_token, settings.protect_reads) == ("/tmp/kb", "secret", True)
    assert settings.db_url == db_url_from(None) == "sqlite:///x.db"


@pytest.mark.parametrize(
    "cache, xdg, expected",
    [
        ("/srv/accord-cache", "/xdg", "/srv/accord-cache"),
        (None, "/xdg", "/xdg/accord"),
        (None, None, "{home}/.cache/accord"),
        ("off", "/xdg", None),
    ],
)
def test_the_cache_folder_follows_the_environment(monkeypatch, tmp_path, cache, xdg, expected):
    monkeypatch.setenv("HOME", str(tmp_path))
    for name, value in (("ACCORD_CACHE_DIR", cache), ("XDG_CACHE_HOME", xdg)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert Settings().cache_dir == (expected.format(home=tmp_path) if expected else None)


def test_a_bad_number_is_a_usage_error(monkeypatch):
    monkeypatch.setenv("ACCORD_STORE_BATCH_SIZE", "many")
    with pytest.raises(UsageError, match="ACCORD_STORE_BATCH_SIZE must be a whole number"):
        Settings()


def test_for_cli_puts_options_over_the_environment(monkeypatch):
    monkeypatch.setenv("ACCORD_WORKERS", "3")
    monkeypatch.delenv("ACCORD_STATEMENT_EVENTS", raising=False)
    settings = Settings.for_cli(db="sqlite:///y.db", max_bytes=10, actors=["a.tsv"], statements=True)
    assert (settings.db_url, settings.max_bytes, settings.actor_files) == ("sqlite:///y.db", 10, ("a.tsv",))
    assert settings.statement_events and settings.workers == 3
    assert Settings.for_cli(workers=2).workers == 2
    monkeypatch.delenv("ACCORD_WORKERS")
    assert Settings.for_cli().workers >= 1 and Settings().workers == 1


@pytest.mark.parametrize(
    "options, message",
    [
        ({"max_bytes": 0}, "--max-bytes must be positive"),
        ({"workers": 0}, "--workers must be at least 1"),
    ],
)
def test_for_cli_refuses_bad_options(options, message):
    with pytest.raises(UsageError, match=message):
        Settings.for_cli(**options)
