"""A fault-injecting HTTP server for tests, bound to 127.0.0.1 only.

Routes are programmed per path (exact path with query first, then the path alone)::

    with FaultServer() as srv:
        srv.route("/ok", body="<html>hi</html>")
        srv.route("/flaky", responses=[Response(status=503, retry_after="1"), Response(body="ok")])
        srv.redirect_chain("/r1", "/r2", "/ok")
        srv.gzip_bomb("/bomb", expanded_bytes=20_000_000)
        url = srv.url("/ok")
        ...
        assert srv.count("/flaky") == 2

Faults: status, headers, body, delay before the headers, Retry-After, redirects (chains and
loops), truncated bodies (Content-Length larger than the body, then close), connection reset
(RST), gzip bombs, any content type / charset, huge streamed bodies, robots.txt, and
ETag/Last-Modified with 304 answers to conditional requests. Every request is logged with
arrival and finish times and the number of requests in flight, so tests can measure spacing
and concurrency from the server's point of view.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterable
from urllib.parse import urlsplit

LOOPBACK = "127.0.0.1"


@dataclass
class Response:
    """One programmed answer. `body` may be str (encoded as UTF-8) or bytes."""

    status: int = 200
    body: bytes | str = b""
    content_type: str | None = "text/html; charset=utf-8"  # None: send no Content-Type
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent
    retry_after: str | None = None
    location: str | None = None  # Location header (relative paths are fine)
    truncate: bool = False  # announce more bytes than sent, then close
    reset: bool = False  # close with RST before answering
    gzip: bool = False  # gzip the body and send Content-Encoding: gzip
    stream_bytes: int = 0  # send this many filler bytes in chunks after `body`
    etag: str | None = None  # answer 304 when If-None-Match matches
    last_modified: str | None = None  # answer 304 when If-Modified-Since equals it

    def payload(self) -> bytes:
        data = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        return gzip.compress(data) if self.gzip else data


@dataclass
class LoggedRequest:
    """One request as the server saw it; times are `time.monotonic()` values."""

    path: str
    headers: dict[str, str]
    start: float
    end: float = 0.0
    in_flight: int = 0  # requests in progress on this server when this one arrived (incl. it)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "_Server"

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        fault: FaultServer = self.server.fault
        entry = fault._arrive(self.path, dict(self.headers.items()))
        try:
            self._answer(fault.next_response(self.path))
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size limits): expected in these tests
        finally:
            fault._leave(entry)

    def _answer(self, resp: Response) -> None:
        if resp.delay and self.server.fault._stopping.wait(resp.delay):
            return
        if resp.reset:
            # SO_LINGER 0 makes close() send RST instead of FIN.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        if self._not_modified(resp):
            self.send_response(304)
            for name, value in self._validators(resp):
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        payload = resp.payload()
        self.send_response(resp.status)
        if resp.content_type is not None:
            self.send_header("Content-Type", resp.content_type)
        if resp.gzip:
            self.send_header("Content-Encoding", "gzip")
        if resp.retry_after is not None:
            self.send_header("Retry-After", resp.retry_after)
        if resp.location is not None:
            self.send_header("Location", resp.location)
        for name, value in [*self._validators(resp), *resp.headers.items()]:
            self.send_header(name, value)
        declared = len(payload) + resp.stream_bytes + (1000 if resp.truncate else 0)
        self.send_header("Content-Length", str(declared))
        if resp.truncate or resp.stream_bytes:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(payload)
        chunk = b"x" * 65536
        left = resp.stream_bytes
        while left > 0:
            self.wfile.write(chunk[:left])
            left -= len(chunk)
        self.wfile.flush()
        if resp.truncate:
            self.connection.shutdown(socket.SHUT_RDWR)

    def _validators(self, resp: Response) -> list[tuple[str, str]]:
        pairs = []
        if resp.etag:
            pairs.append(("ETag", resp.etag))
        if resp.last_modified:
            pairs.append(("Last-Modified", resp.last_modified))
        return pairs

    def _not_modified(self, resp: Response) -> bool:
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if resp.etag and inm:
            return resp.etag in [t.strip() for t in inm.split(",")]
        return bool(resp.last_modified and ims and ims == resp.last_modified)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    fault: "FaultServer"

    def handle_error(self, request, client_address) -> None:
        """Clients that hang up (timeouts, size limits) are expected here: stay quiet about them."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class FaultServer:
    """A programmable HTTP server on 127.0.0.1 with an ephemeral port; use as a context manager."""

    def __init__(self) -> None:
        self._routes: dict[str, list[Response]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._in_flight = 0
        self.log: list[LoggedRequest] = []
        self._httpd = _Server((LOOPBACK, 0), _Handler)
        self._httpd.fault = self
        # A short poll interval makes shutdown (each test's teardown) quick.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), daemon=True)

    # --- lifecycle -------------------------------------------------------------------
    def start(self) -> "FaultServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "FaultServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- addresses -------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def host(self) -> str:
        """`127.0.0.1:PORT`, the form `monitor.collect.urls.url_host` gives."""
        return f"{LOOPBACK}:{self.port}"

    @property
    def origin(self) -> str:
        return f"http://{self.host}"

    def url(self, path: str = "/") -> str:
        return self.origin + path

    # --- programming -----------------------------------------------------------------
    def route(self, path: str, responses: Iterable[Response] | None = None, **kw: object) -> str:
        """Program `path`. With `responses`, answer them in turn (the last one repeats);
        otherwise answer `Response(**kw)` every time. Returns the full URL."""
        queue = list(responses) if responses is not None else [Response(**kw)]  # type: ignore[arg-type]
        with self._lock:
            self._routes[path] = queue
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.route(path, status=status, location=location, content_type=None)

    def redirect_chain(self, *paths: str, status: int = 301) -> str:
        """Each path redirects to the next; the last one must be routed separately."""
        for here, there in zip(paths, paths[1:]):
            self.redirect(here, there, status)
        return self.url(paths[0])

    def robots(self, text: str, status: int = 200) -> None:
        self.route("/robots.txt", status=status, body=text, content_type="text/plain")

    def gzip_bomb(self, path: str, expanded_bytes: int = 20_000_000) -> str:
        """A small gzip body (tens of KB) that inflates to `expanded_bytes` of zeros."""
        bomb = gzip.compress(b"\0" * expanded_bytes, compresslevel=9)
        return self.route(path, body=bomb, headers={"Content-Encoding": "gzip"})

    def next_response(self, raw_path: str) -> Response:
        with self._lock:
            queue = self._routes.get(raw_path) or self._routes.get(urlsplit(raw_path).path)
            if not queue:
                return Response(status=404, body="not found", content_type="text/plain")
            return queue.pop(0) if len(queue) > 1 else queue[0]

    # --- request log -----------------------------------------------------------------
    def _arrive(self, path: str, headers: dict[str, str]) -> LoggedRequest:
        with self._lock:
            self._in_flight += 1
            entry = LoggedRequest(path, headers, time.monotonic(), in_flight=self._in_flight)
            self.log.append(entry)
            return entry

    def _leave(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._in_flight -= 1
            entry.end = time.monotonic()

    def requests_for(self, path: str) -> list[LoggedRequest]:
        with self._lock:
            return [e for e in self.log if e.path == path or urlsplit(e.path).path == path]

    def count(self, path: str) -> int:
        return len(self.requests_for(path))

    def times(self, path: str | None = None) -> list[float]:
        """Arrival times of the requests for `path` (all paths when None)."""
        with self._lock:
            entries = list(self.log)
        return [e.start for e in entries if path is None or urlsplit(e.path).path == path]
