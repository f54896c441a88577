"""Sending a notification: one line appended to a JSON Lines file, and a JSON POST to a webhook with a
timeout and bounded retries. Neither raises: each says whether it worked and, if not, why, so a failing
channel is recorded and retried later and never stops an ingest or a watch."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

from ..lines import json_line
from ..version import __version__

MAX_RETRY_AFTER = 30.0  # seconds: a longer Retry-After waits for the next round instead


@dataclass
class Outcome:
    """How one channel went: delivered or not, the reason when not, and whether to try again later."""

    ok: bool
    error: str | None = None


def append_line(path: str, message: dict[str, Any]) -> Outcome:
    """Append `message` as one JSON line to `path` (its folder made if missing), in a single write to a
    file opened for appending, so lines of processes writing at once never interleave."""
    data = (json_line(message) + "\n").encode("utf-8")
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
    except OSError as exc:
        return Outcome(False, f"{path}: {exc.strerror or exc}")
    return Outcome(True)


@dataclass
class Webhooks:
    """Posts notifications to webhooks for one delivery round: each POST within `timeout` seconds, up to
    `retries` more after a failure (waiting `backoff` seconds, doubled each time). A webhook that failed
    every try is not tried again in the same round, so one dead endpoint costs a round one timeout's
    worth of retries, not one per notification."""

    timeout: float
    retries: int
    backoff: float
    down: dict[str, str] = field(default_factory=dict)  # URL -> why it failed this round
    _client: httpx.Client | None = None

    def post(self, url: str, message: dict[str, Any]) -> Outcome | None:
        """POST `message`; None when the webhook already failed this round (not tried)."""
        if url in self.down:
            return None
        wait = self.backoff
        error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(wait)
                wait *= 2
            error, retry_after = self._once(url, message)
            if not error:
                return Outcome(True)
            if retry_after is None:  # a refusal that asking again at once will not change
                break
            wait = max(wait, retry_after)
            if wait > MAX_RETRY_AFTER:
                break
        self.down[url] = error
        return Outcome(False, error)

    def _once(self, url: str, message: dict[str, Any]) -> tuple[str, float | None]:
        """One POST: ("", _) when it worked, else the reason and how long to wait before retrying (0: the
        backoff; None: do not retry in this round)."""
        try:
            answer = self.client.post(
                url,
                content=json_line(message).encode("utf-8"),
                headers={"Content-Type": "application/json", "X-Accord-Notification": str(message["id"])},
            )
        except httpx.TimeoutException:
            return f"{url}: no answer within {self.timeout:g} s", 0.0
        except httpx.HTTPError as exc:
            return f"{url}: {type(exc).__name__}: {exc}", 0.0
        if answer.is_success:
            return "", None
        reason = f"{url}: HTTP {answer.status_code} {answer.reason_phrase}".rstrip()
        if answer.status_code in (408, 425, 429) or answer.status_code >= 500:
            return reason, _retry_after(answer.headers.get("Retry-After"))
        return reason, None

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(
                timeout=self.timeout, follow_redirects=False, headers={"User-Agent": f"accord/{__version__} (alerts)"}
            )
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


def _retry_after(value: str | None) -> float:
    """Retry-After in seconds (0 when absent or an HTTP date, which the backoff then stands in for)."""
    try:
        return max(0.0, float(value)) if value else 0.0
    except ValueError:
        return 0.0
