"""What `monitor demo` prints: the deliberate 404 explained (not a warning), singular/plural right."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.demo.run import DELETED_PATH, DeletedPostIsExpected


@pytest.fixture(scope="module")
def demo_output(tmp_path_factory) -> subprocess.CompletedProcess:
    out = tmp_path_factory.mktemp("demo-console") / "demo"
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "demo", "--dir", str(out)], capture_output=True,
                          text=True, timeout=300, cwd=Path(__file__).resolve().parent.parent)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


@pytest.mark.slow
def test_demo_explains_the_deleted_post_instead_of_warning(demo_output) -> None:
    assert "HTTP 404" not in demo_output.stderr and "WARNING" not in demo_output.stderr
    lines = [line for line in demo_output.stdout.splitlines() if "HTTP 404" in line]
    assert len(lines) == 1 and DELETED_PATH in lines[0]
    assert "deleted this post on purpose" in lines[0] and "re-checked after" in lines[0]


@pytest.mark.slow
def test_demo_counts_partners_in_good_english(demo_output) -> None:
    assert "(1 partners)" not in demo_output.stdout
    assert "(1 partner)" in demo_output.stdout and "(2 partners)" in demo_output.stdout


def test_only_the_deleted_post_loses_its_warning() -> None:
    base = "http://127.0.0.1:8000"
    quiet = DeletedPostIsExpected(base)

    def record(msg: str, level: int = logging.WARNING) -> logging.LogRecord:
        return logging.LogRecord("monitor.pipeline", level, __file__, 1, "%s", (msg,), None)

    deleted = record(f"demo: {base}{DELETED_PATH}: HTTP 404")
    assert quiet.filter(deleted) and deleted.levelno == logging.INFO
    for msg in (f"demo: {base}/berita-lain/: HTTP 404", f"demo: {base}{DELETED_PATH}: HTTP 500",
                f"demo: {base}{DELETED_PATH}: redirect loop"):
        other = record(msg)
        assert quiet.filter(other) and other.levelno == logging.WARNING, msg
