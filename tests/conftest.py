"""Shared pytest fixtures.

* ``shared_dir``: the read-only ``../shared`` folder beside the project (real corpora and
  saved pages); tests using it skip, with the reason, when it is absent.
* "Now" is fixed for the whole session (``OGI_NOW``, read by ``monitor.clock``): the tests and
  every ``monitor`` command they start see the same instant, whatever hour CI starts.
  ``TEST_NOW`` may be set to run the suite at another instant (e.g. 00:30 or 21:59 WITA).
* ``serve_dir``: serves a folder over real HTTP on 127.0.0.1 (a ``http.server`` in a
  thread) and gives back its base URL; servers stop at the end of the session.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Callable, Iterator

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = PROJECT_ROOT.parent / "shared"

# 13:48 WITA: the hour at which the wall-clock scheduler test used to fail.
FIXED_NOW = os.environ.get("TEST_NOW", "2026-12-06T13:48:00+08:00")


def pytest_configure(config: pytest.Config) -> None:
    os.environ["OGI_NOW"] = FIXED_NOW


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


class Inbox:
    """An aiosmtpd handler keeping each message (raw and parsed); it can refuse the next N DATA commands."""

    def __init__(self) -> None:
        self.raw: list[bytes] = []
        self.messages: list = []
        self.refuse = 0

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook name
        if self.refuse:
            self.refuse -= 1
            return "421 Service not available, closing transmission channel"
        import email
        from email import policy

        self.raw.append(envelope.content)
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture()
def smtp():
    """A real SMTP server (aiosmtpd) on 127.0.0.1: (inbox, SmtpConfig pointing at it)."""
    from aiosmtpd.controller import Controller

    from monitor.deliver.alerts import SmtpConfig
    from tests.helpers import free_port

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, SmtpConfig(host="127.0.0.1", port=controller.port, security="none",
                            sender="ogi-monitor <monitor@example.org>")
    controller.stop()
