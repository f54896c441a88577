"""A real HTTP server on 127.0.0.1 (a free port) for the webhook tests: it answers each POST as the test
scripts it (a status code, or "hang": no answer until the test ends) and records every request."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

HANG_LIMIT = 30.0  # seconds a hanging answer waits at most, so a broken test never hangs for ever


@dataclass
class Received:
    """One POST as the server read it."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    answered: int | None  # the status sent back; None: left hanging


@dataclass
class Hook:
    """The server's script and record: `answers` are used in order, then `then` for every later POST."""

    url: str
    answers: list[int | str] = field(default_factory=list)
    then: int | str = 200
    received: list[Received] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_answer(self) -> int | str:
        with self.lock:
            return self.answers.pop(0) if self.answers else self.then

    def delivered(self) -> list[dict[str, Any]]:
        """The bodies the server answered with a success: what the receiver actually accepted."""
        return [r.body for r in self.received if r.answered is not None and 200 <= r.answered < 300]


def _handler(hook: Hook) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"null")
            answer = hook.next_answer()
            record = Received(self.path, dict(self.headers), body, None)
            with hook.lock:
                hook.received.append(record)
            if answer == "hang":
                hook.release.wait(HANG_LIMIT)
                return
            assert isinstance(answer, int)
            record.answered = answer
            self.send_response(answer)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def webhook(answers: list[int | str] | None = None, then: int | str = 200) -> Iterator[Hook]:
    """A webhook endpoint at http://127.0.0.1:<free port>/hook, served in a thread while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    hook = Hook(f"http://127.0.0.1:{server.server_address[1]}/hook", list(answers or []), then)
    server.RequestHandlerClass = _handler(hook)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield hook
    finally:
        hook.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
