"""Datasette over the database: a real server on 127.0.0.1, read-only, facets, search, canned queries.

The browser check (page load, a facet, a search, a screenshot) runs in headless Chromium when
/usr/bin/chromium exists (Debian's package; `.ci/run` does not install it) and skips otherwise.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from monitor.deliver.serve import start_datasette
from tests.helpers import sample_store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ds")
    db = tmp / "monitor.sqlite"
    sample_store(db).close()
    port = free_port()
    proc = start_datasette(db, port=port, workdir=tmp)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if requests.get(base + "/-/versions.json", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("datasette did not start: " + proc.stderr.read().decode()[-2000:])
    yield base, db
    proc.terminate()
    proc.wait(timeout=10)


def test_overview_with_facets(datasette) -> None:
    base, _ = datasette
    r = requests.get(base + "/monitor/article_overview.json?_shape=objects&_extra=facet_results", timeout=10)
    data = r.json()
    assert len(data["rows"]) == 4
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    assert {"source", "region", "published_date", "issues", "partners"} <= set(facets)
    issue_values = {f["value"]: f["count"] for f in facets["issues"]["results"]}
    assert issue_values["anti_corruption_budget"] == 2


def test_full_text_search_and_canned_queries(datasette) -> None:
    base, _ = datasette
    hits = requests.get(base + "/monitor/article_overview.json?_search=taliwang&_shape=objects", timeout=10).json()
    assert [h["title"] for h in hits["rows"]] == ["Festival kuliner Mataram"]
    for name in ("this_week_per_issue", "most_active_partners", "new_organisations_to_review", "source_health"):
        r = requests.get(f"{base}/monitor/{name}.json?_shape=objects", timeout=10)
        assert r.ok, name
    partners = requests.get(base + "/monitor/most_active_partners.json?_shape=objects", timeout=10).json()["rows"]
    assert partners[0]["acronym"] == "KPK" and partners[0]["articles"] == 1  # the syndicated copy counts once


def test_read_only(datasette) -> None:
    base, db = datasette
    r = requests.post(base + "/monitor/-/query", data={"sql": "DELETE FROM articles"}, timeout=10)
    assert r.status_code in (400, 403, 404, 405)
    r = requests.get(base + "/monitor/-/query.json", params={"sql": "DELETE FROM articles"}, timeout=10)
    assert r.status_code >= 400 or "error" in r.text.lower()
    import sqlite3

    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 4


def test_scraped_html_is_escaped(datasette) -> None:
    base, _ = datasette
    page = requests.get(base + "/monitor/article_overview", timeout=10).text
    assert "=HYPERLINK" in page and "<script>alert" not in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(not CHROMIUM, reason="headless Chromium not installed (apt-get install chromium)")
def test_in_headless_chromium(datasette, tmp_path: Path) -> None:
    base, _ = datasette
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]

    def dom(url: str) -> str:
        out = subprocess.run([CHROMIUM, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=60)
        return out.stdout

    page = dom(base + "/monitor/article_overview")
    assert "KPK periksa dana desa di Lombok Timur" in page and "Festival kuliner Mataram" in page
    faceted = dom(base + "/monitor/article_overview?_facet_array=issues&issues__arraycontains=civic_space_democracy")
    assert "Bawaslu awasi pilkada" in faceted and "Festival kuliner Mataram" not in faceted
    searched = dom(base + "/monitor/article_overview?_search=dana+desa")
    assert "KPK periksa dana desa" in searched and "Festival kuliner" not in searched
    shot = tmp_path / "overview.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1280,900", f"--screenshot={shot}", base + "/monitor/article_overview"],
                   capture_output=True, timeout=60)
    assert shot.is_file() and shot.stat().st_size > 10_000
