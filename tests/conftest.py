"""Shared pytest fixtures.

* ``shared_dir``: the read-only ``../shared`` folder beside the project (real corpora and
  saved pages); tests using it skip, with the reason, when it is absent.
* ``serve_dir``: serves a folder over real HTTP on 127.0.0.1 (a ``http.server`` in a
  thread) and gives back its base URL; servers stop at the end of the session.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``PROJECT_ROOT.parent / "shared"``; skips the test when it is not there."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data folder {SHARED_DIR} is absent (fixtures and corpora live there)")
    return SHARED_DIR


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass  # keep test output clean


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """A function ``serve(folder) -> "http://127.0.0.1:PORT"`` serving ``folder`` read-only.

    One server per folder for the whole session, on a free port, stopped at session end.
    """
    servers: dict[Path, tuple[http.server.ThreadingHTTPServer, str]] = {}

    def serve(folder: Path) -> str:
        folder = Path(folder).resolve()
        if folder not in servers:
            handler = functools.partial(_QuietHandler, directory=str(folder))
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, name=f"serve {folder.name}", daemon=True).start()
            servers[folder] = (server, f"http://127.0.0.1:{server.server_address[1]}")
        return servers[folder][1]

    yield serve
    for server, _url in servers.values():
        server.shutdown()
        server.server_close()
