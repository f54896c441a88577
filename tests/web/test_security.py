"""The token policy comes from Settings (ACCORD_API_TOKEN, ACCORD_API_READ_TOKEN), arguments over it."""

import pytest

from accord.config import Settings
from accord.errors import UsageError
from accord.web.security import Tokens


def test_tokens_come_from_the_settings():
    assert Tokens.from_settings(Settings(api_token="s", protect_reads=True)) == Tokens("s", True)
    assert Tokens.from_settings(Settings(api_token="s"), token="t", protect_reads=False) == Tokens("t", False)


def test_protected_reads_without_a_token_are_refused():
    with pytest.raises(UsageError, match="ACCORD_API_READ_TOKEN=1 protects reads"):
        Tokens.from_settings(Settings(api_token=None, protect_reads=True))


def test_the_token_policy_reads_the_environment_through_settings(monkeypatch):
    monkeypatch.setenv("ACCORD_API_TOKEN", "env-secret")
    monkeypatch.setenv("ACCORD_API_READ_TOKEN", "1")
    assert Tokens.from_settings(Settings()) == Tokens("env-secret", True)
