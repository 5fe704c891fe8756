"""Datasette over the database: a real server on 127.0.0.1, read-only, facets, search, canned queries,
Indonesian issue labels, a CSV that agrees with `monitor export`; `monitor serve` stopped by SIGTERM or
Ctrl-C (SIGINT) stops its Datasette child and removes its temporary folder.

The browser check (page load, a facet, a search, a screenshot) runs in headless Chromium when
/usr/bin/chromium exists (Debian's package; `.ci/run` does not install it) and skips otherwise.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from monitor.cli import main
from monitor.config import load_issues
from monitor.deliver.export import columns
from monitor.deliver.serve import start_datasette
from tests.helpers import free_port, sample_store, wait_for_datasette


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ds")
    db = tmp / "monitor.sqlite"
    sample_store(db).close()
    port = free_port()
    proc = start_datasette(db, port=port, workdir=tmp)
    base = f"http://127.0.0.1:{port}"
    wait_for_datasette(base, proc, tries=100)
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



def test_issue_labels_in_indonesian(datasette) -> None:
    base, _ = datasette
    names = {i.key: i.name_id for i in load_issues()}
    tagged = requests.get(base + "/monitor/article_issues.json?_labels=on&_shape=objects&assigned=1"
                          "&issue=anti_corruption_budget", timeout=10).json()["rows"]
    assert tagged[0]["issue"] == {"value": "anti_corruption_budget", "label": names["anti_corruption_budget"]}
    faceted = requests.get(base + "/monitor/article_issues.json?_facet=issue&assigned=1&_extra=facet_results",
                           timeout=10).json()["facet_results"]
    faceted = faceted.get("results", faceted)
    labels = {f["value"]: f["label"] for f in faceted["issue"]["results"]}
    assert labels["civic_space_democracy"] == "Perlindungan ruang kewargaan dan demokrasi"
    meta = requests.get(base + "/-/metadata.json", timeout=10).json()["databases"]["monitor"]["tables"]
    overview_issues = meta["article_overview"]["columns"]["issues"]
    assert "anti_corruption_budget = Antikorupsi dan pengelolaan anggaran" in overview_issues
    assert names["energy_environment_resources"] in meta["articles_export"]["columns"][
        "score_energy_environment_resources"]
    page = requests.get(base + "/monitor/article_overview", timeout=10).text
    assert "Akses terhadap keadilan" in page and "articles_export.csv?_stream=on" in page


def test_datasette_csv_agrees_with_monitor_export(datasette, tmp_path: Path) -> None:
    base, db = datasette
    r = requests.get(base + "/monitor/articles_export.csv?_stream=on&_size=max", timeout=10)
    assert r.ok, r.text[:300]
    served = list(csv.DictReader(io.StringIO(r.text)))
    out = tmp_path / "export.csv"
    cli = CliRunner().invoke(main, ["--db", str(db), "export", "-o", str(out)])
    assert cli.exit_code == 0, cli.output
    exported = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(served[0]) == list(exported[0]) == columns()
    assert sorted(served, key=lambda x: int(x["id"])) == sorted(exported, key=lambda x: int(x["id"]))
    by_id = {x["id"]: x for x in served}
    assert by_id["3"]["issues"] == "" and by_id["1"]["issues"] == "anti_corruption_budget"  # not JSON ("[]")
    assert by_id["2"]["title"].startswith("'=HYPERLINK")  # neutralised as in the export


# ------------------------------------------------------------------ stopping `monitor serve`

def _proc_stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) from /proc, or None when there is no such process."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _proc_stat(int(entry.name))
            if stat and stat[1] == pid:
                out.append(int(entry.name))
    return out


def _running(pid: int) -> bool:
    stat = _proc_stat(pid)
    return stat is not None and stat[0] != "Z"


def _answers(url: str) -> bool:
    try:
        requests.get(url, timeout=2)
        return True
    except requests.ConnectionError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux) to find the child process")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_stopping_serve_stops_datasette(tmp_path: Path, stop: signal.Signals) -> None:
    db = tmp_path / "monitor.sqlite"
    sample_store(db).close()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "monitor.cli", "--db", str(db), "serve", "--port", str(port)],
                            cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "TMPDIR": str(tmpdir)})
    child = None
    try:
        for _ in range(150):
            if proc.poll() is not None or _answers(base + "/-/versions.json"):
                break
            time.sleep(0.2)
        assert proc.poll() is None, (tmp_path / "serve.log").read_text()
        assert _answers(base + "/-/versions.json")
        (child,) = _children(proc.pid)
        assert b"datasette" in Path(f"/proc/{child}/cmdline").read_bytes()
        assert [p.name.startswith("ogi-datasette-") for p in tmpdir.iterdir()] == [True]

        proc.send_signal(stop)  # to `monitor` only, as a service manager or the terminal does
        assert proc.wait(timeout=30) == 0, (tmp_path / "serve.log").read_text()
        assert not _running(child)
        assert not _answers(base + "/-/versions.json")
        assert list(tmpdir.iterdir()) == []
        assert "Datasette stopped" in (tmp_path / "serve.log").read_text()
    finally:
        log.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        if child and _running(child):
            os.kill(child, signal.SIGKILL)


def test_serve_on_a_busy_port(tmp_path: Path) -> None:
    db = tmp_path / "monitor.sqlite"
    sample_store(db).close()
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(db), "serve", "--port", str(port)],
                              cwd=tmp_path, capture_output=True, text=True, timeout=60, check=False,
                              env={**os.environ, "TMPDIR": str(tmpdir)})
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        (f"error: cannot listen on 127.0.0.1:{port} (Address already in use); another server may be using the port: "
         "stop it or choose another with --port")]
    assert list(tmpdir.iterdir()) == []

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
