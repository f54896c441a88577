"""A real HTTP server for the watcher's tests, on 127.0.0.1 only, in a thread: each path answers what the
test sets (a Route: status, headers, body, or a behaviour such as hanging or a conditional-GET feed),
and every request is recorded with its headers, and the most requests seen at once."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG_LIMIT = 20.0  # seconds a hanging route holds a request at most, so that no test can wait forever


@dataclass
class Route:
    """What a path answers: `body` with `status` and `headers`, or what `respond` returns for a request's
    headers; `hang` holds the request without answering; `huge` streams that many bytes."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    respond: Callable[[dict[str, str]], tuple[int, dict[str, str], bytes]] | None = None
    hang: bool = False
    huge: int = 0
    delay: float = 0.0  # seconds before answering (to see concurrency)
    gzip: bool = False


@dataclass
class Request:
    path: str
    headers: dict[str, str]


class TestServer:
    """`server.url(path)`, `server.routes[path] = Route(...)`, `server.requests`, `server.most_at_once`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.most_at_once = 0
        self._now = 0
        self._lock = threading.Lock()
        self.release = threading.Event()  # set to let hanging requests go
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def close(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with owner._lock:
                    owner.requests.append(Request(self.path, headers))
                    owner._now += 1
                    owner.most_at_once = max(owner.most_at_once, owner._now)
                try:
                    self._answer(owner.routes.get(self.path), headers)
                finally:
                    with owner._lock:
                        owner._now -= 1

            def _answer(self, route: Route | None, headers: dict[str, str]) -> None:
                if route is None:
                    self._send(404, {}, b"not here")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.hang:
                    owner.release.wait(HANG_LIMIT)
                    return
                if route.huge:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(route.huge))
                    self.end_headers()
                    chunk = b"".join(
                        b"<p>Paragraph %d: the envoys discussed trade in Geneva.</p>" % i for i in range(1200)
                    )
                    sent = 0
                    try:
                        while sent < route.huge:
                            part = chunk[: route.huge - sent]
                            self.wfile.write(part)
                            sent += len(part)
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the client stopped reading at its cap, as it should
                    return
                if route.respond is not None:
                    status, extra, body = route.respond(headers)
                else:
                    status, extra, body = route.status, dict(route.headers), route.body
                if route.gzip and "gzip" in headers.get("accept-encoding", ""):
                    body = gzip.compress(body)
                    extra = extra | {"Content-Encoding": "gzip"}
                self._send(status, extra, body)

            def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@contextmanager
def serving() -> Iterator[TestServer]:
    server = TestServer()
    try:
        yield server
    finally:
        server.close()
