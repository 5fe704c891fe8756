"""The whole cycle under faults: a fault-injecting source, kill -9, concurrent readers, bad sources.

Each test drives `run_cycle` (or `monitor run` in a child process) against servers on 127.0.0.1.
"""

from __future__ import annotations

import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from monitor.config import Settings, Source, load_settings, load_sources
from monitor.deliver.export import ExportFilter, write_csv
from monitor.deliver.serve import start_datasette
from monitor.demo.run import write_demo_config
from monitor.demo.site import serve_demo_site
from monitor.pipeline import run_cycle
from monitor.store import Store
from tests.httpfaults import FaultServer, Response

ARTICLE = """<html><head><title>{title}</title><meta property="og:type" content="article">
<meta property="article:published_time" content="2025-11-0{day}T10:00:00+08:00"></head>
<body><article><h1>{title}</h1><div class="entry-content">{body}</div></article></body></html>"""
PARA = ("<p>Pemerintah Kabupaten Lombok Barat mengumumkan hasil audit anggaran desa tahun ini dan meminta warga "
        "ikut mengawasi penggunaan dana desa agar pembangunan berjalan sesuai rencana bersama.</p>")


def article(n: int, title: str | None = None, paragraphs: int = 4) -> str:
    return ARTICLE.format(title=title or f"Berita nomor {n} tentang dana desa", day=1 + n % 9,
                          body=PARA * paragraphs)


def feed(srv: FaultServer, paths: list[str]) -> str:
    items = "".join(f"<item><title>t{p}</title><link>{srv.url(p)}</link></item>" for p in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'


def source_for(srv: FaultServer, sid: str = "faulty", **kw) -> Source:
    return Source(id=sid, name=sid, homepage=srv.url("/"), region="Nusa Tenggara Barat",
                  feeds=[srv.url("/feed/")], local=True, **kw)


def quick_settings(tmp_path: Path) -> Settings:
    s = Settings(db_path=tmp_path / "m.sqlite", log_file=None)
    s.fetch.per_host_delay = 0.0
    s.fetch.read_timeout = 1.0
    s.fetch.connect_timeout = 1.0
    s.fetch.retries = 1
    s.fetch.max_page_bytes = 200_000
    return s


def test_cycle_survives_every_fault_and_records_reasons(tmp_path: Path) -> None:
    with FaultServer() as srv:
        srv.robots("User-agent: *\nDisallow: /private/\n")
        good = [f"/ok/{n}" for n in range(3)]
        for n, p in enumerate(good):
            srv.route(p, body=article(n))
        faults = {
            "/e500": [Response(status=500)] * 3,
            "/e503": [Response(status=503, retry_after="0"), Response(body=article(10))],  # recovers
            "/e429": [Response(status=429, retry_after="9999")],
            "/slow": [Response(delay=3.0, body=article(11))] * 2,
            "/reset": [Response(reset=True)] * 2,
            "/trunc": [Response(body=article(12), truncate=True)] * 2,
            "/pdf": [Response(body=b"%PDF-1.4 ...", content_type="application/pdf")],
            "/big": [Response(body="<html><body>", stream_bytes=5_000_000)],
            "/loop1": [Response(status=302, location="/loop2")] * 5,
            "/loop2": [Response(status=302, location="/loop1")] * 5,
            "/elsewhere": [Response(status=302, location="http://10.0.0.1/x")],
            "/soft404": [Response(body="<html><head><title>404 Not Found</title></head><body><h1>Halaman tidak "
                                      "ditemukan</h1></body></html>")],
            "/private/secret": [Response(body=article(13))],
            "/cp1252": [Response(body=article(14, "Rapat \u201cterbuka\u201d DPRD \u2013 anggaran").encode("cp1252"),
                                 content_type="text/html")],
        }
        for path, responses in faults.items():
            srv.route(path, responses=responses)
        srv.gzip_bomb("/bomb", expanded_bytes=20_000_000)
        srv.route("/feed/", body=feed(srv, good + list(faults) + ["/bomb"]), content_type="application/rss+xml")
        settings = quick_settings(tmp_path)
        result = run_cycle(settings, [source_for(srv)], alerts=False, classify=False, partners=False)
    reasons = {f["url"].split(srv.origin)[-1]: f["reason"] for f in result.failures}
    store = Store(settings.db_path)
    titles = {t for (t,) in store.conn.execute("SELECT title FROM articles")}
    assert {f"Berita nomor {n} tentang dana desa" for n in range(3)} <= titles
    assert "Berita nomor 10 tentang dana desa" in titles  # 503 then success
    assert "Rapat \u201cterbuka\u201d DPRD \u2013 anggaran" in titles  # windows-1252 without a charset
    expect = {"/e500": "500", "/e429": "Retry-After", "/slow": "timeout", "/reset": "connection",
              "/trunc": "truncated", "/pdf": "content type", "/big": "exceeds", "/bomb": "exceeds",
              "/loop1": "redirect", "/elsewhere": "refused", "/soft404": "error page", "/private/secret": "robots"}
    for path, word in expect.items():
        assert path in reasons and word.lower() in reasons[path].lower(), (path, reasons.get(path))
    assert result.counts["robots_blocked"] == 1
    assert store.conn.execute("SELECT count(*) FROM fetch_log WHERE error IS NOT NULL").fetchone()[0] >= len(expect)
    assert store.integrity_ok()


def test_changed_markup_is_a_source_health_problem(tmp_path: Path) -> None:
    with FaultServer() as srv:
        paths = [f"/a/{n}" for n in range(3)]
        for p in paths:
            srv.route(p, body="<html><body><div class='app' data-props='{}'></div><script>render()</script></body></html>")
        srv.route("/feed/", body=feed(srv, paths), content_type="application/rss+xml")
        settings = quick_settings(tmp_path)
        result = run_cycle(settings, [source_for(srv)], alerts=False, classify=False, partners=False)
    assert "markup changed" in result.health["faulty"]
    row = Store(settings.db_path).conn.execute("SELECT status, problem FROM source_health").fetchone()
    assert row[0] == "problem" and "no text" in row[1]


def test_malformed_and_hostile_feeds_do_not_stop_other_sources(tmp_path: Path) -> None:
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            '<rss version="2.0"><channel><item><link>&lol2;</link></item></channel></rss>')
    with FaultServer() as bad, FaultServer() as good:
        bad.route("/feed/", body=bomb, content_type="application/rss+xml")
        bad.route("/sitemap.xml", body="<urlset><url><loc>", content_type="application/xml")
        good.route("/ok", body=article(1))
        good.route("/feed/", body=feed(good, ["/ok"]), content_type="application/rss+xml")
        settings = quick_settings(tmp_path)
        hostile = source_for(bad, "hostile", sitemaps=[bad.url("/sitemap.xml")])
        result = run_cycle(settings, [hostile, source_for(good, "good")], alerts=False, classify=False,
                           partners=False)
    reasons = " | ".join(f["reason"] for f in result.failures)
    assert "entit" in reasons.lower()  # entity expansion refused, with a reason
    assert result.per_source["good"]["new"] == 1


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slow_demo_run(tmp_path: Path, base: str, per_host_delay: float) -> tuple[Settings, list[str]]:
    """A demo configuration slowed down so that a cycle takes seconds, and its `monitor run` command."""
    cfg = write_demo_config(tmp_path, base)
    text = (cfg / "settings.toml").read_text(encoding="utf-8")
    (cfg / "settings.toml").write_text(text.replace("per_host_delay = 0.05", f"per_host_delay = {per_host_delay}"),
                                       encoding="utf-8")
    return load_settings(cfg / "settings.toml"), [sys.executable, "-m", "monitor.cli", "--config", str(cfg), "run",
                                                   "--no-alerts"]


def _run_started(db: Path, proc: subprocess.Popen) -> bool:
    """The child has opened the database and recorded a running cycle."""
    if proc.poll() is not None or not db.exists():
        return proc.poll() is not None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        n = conn.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
        conn.close()
        return n > 0
    except sqlite3.Error:
        return False


@pytest.mark.slow
def test_kill_minus_9_at_random_points_loses_nothing(tmp_path: Path) -> None:
    server, base = serve_demo_site(slow_seconds=0.5)
    try:
        settings, cmd = slow_demo_run(tmp_path, base, per_host_delay=0.15)
        rng = random.Random(2026)
        for _ in range(4):
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            started = time.time()
            while time.time() - started < 60 and not _run_started(settings.db_path, proc):
                time.sleep(0.05)
            time.sleep(rng.uniform(0.0, 4.0))  # a random point of the cycle
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            conn = sqlite3.connect(settings.db_path)
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            # no article half-written: every stored article has its text, its seen entry and its six tags
            half = conn.execute("SELECT count(*) FROM articles a WHERE a.text = '' OR NOT EXISTS "
                                "(SELECT 1 FROM seen_urls s WHERE s.article_id = a.id) OR "
                                "(SELECT count(*) FROM article_issues i WHERE i.article_id = a.id) != 6").fetchone()[0]
            assert half == 0
            conn.close()
        final = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert final.returncode == 0, final.stderr[-2000:]
        conn = sqlite3.connect(settings.db_path)
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (39, 39)
        statuses = [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")]
        assert statuses[-1] == "ok" and set(statuses[:-1]) <= {"interrupted", "ok"}
    finally:
        server.shutdown()


def test_readers_never_see_database_locked_while_a_cycle_writes(tmp_path: Path) -> None:
    server, base = serve_demo_site(slow_seconds=0)
    errors: list[str] = []
    done = threading.Event()
    try:
        cfg = write_demo_config(tmp_path, base)
        settings, sources = load_settings(cfg / "settings.toml"), load_sources(cfg / "sources.toml")
        Store(settings.db_path).close()
        port = _free_port()
        datasette = start_datasette(settings.db_path, port=port, workdir=tmp_path)
        ds = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                requests.get(ds + "/-/versions.json", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.2)

        def browse_loop() -> None:
            while not done.is_set():
                try:
                    r = requests.get(ds + "/monitor/article_overview.json?_search=desa", timeout=30)
                    if r.status_code != 200 or "locked" in r.text:
                        errors.append(f"datasette {r.status_code}: {r.text[:200]}")
                except requests.RequestException as exc:
                    errors.append(str(exc))
                time.sleep(0.05)

        def read_loop() -> None:
            reads = 0
            while not done.is_set() or reads < 3:
                try:
                    conn = sqlite3.connect(f"file:{settings.db_path}?mode=ro", uri=True, timeout=30)
                    write_csv(conn, io.StringIO(), ExportFilter())
                    conn.execute("SELECT count(*) FROM article_overview").fetchone()
                    conn.close()
                    reads += 1
                except sqlite3.Error as exc:
                    errors.append(str(exc))
                time.sleep(0.01)

        readers = [threading.Thread(target=read_loop) for _ in range(3)] + [threading.Thread(target=browse_loop)]
        for t in readers:
            t.start()
        run_cycle(settings, sources, alerts=False)
        done.set()
        for t in readers:
            t.join(timeout=60)
    finally:
        done.set()
        server.shutdown()
        datasette.terminate()
        datasette.wait(timeout=10)
    assert errors == []


def sitemap(srv: FaultServer, entries: list[tuple[str, str]]) -> str:
    urls = "".join(f"<url><loc>{srv.url(p)}</loc><lastmod>{m}</lastmod></url>" for p, m in entries)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def test_updates_follow_lastmod_and_copies_stay_copies(tmp_path: Path) -> None:
    with FaultServer() as srv:
        same = article(1, "Siaran pers Diskominfotik NTB")
        srv.route("/a", body=same.replace("2025-11-02", "2025-11-01"))  # the first publication
        srv.route("/b", body=same.replace("2025-11-02", "2025-11-05"))  # a syndicated copy
        srv.route("/feed/", body=feed(srv, ["/a", "/b"]), content_type="application/rss+xml")
        settings = quick_settings(tmp_path)
        source = source_for(srv, sitemaps=[srv.url("/sitemap.xml")])
        run = lambda: run_cycle(settings, [source], alerts=False, classify=False, partners=False)  # noqa: E731

        srv.route("/sitemap.xml", body=sitemap(srv, []), content_type="application/xml")
        first = run()
        assert (first.counts["new"], first.counts["duplicate"]) == (1, 1)
        # the sitemap now gives a lastmod: a baseline, not an update
        srv.route("/sitemap.xml", body=sitemap(srv, [("/b", "2025-11-06T00:00:00+00:00")]),
                  content_type="application/xml")
        assert run().counts["fetched"] == 0
        # a newer lastmod: the copy is fetched again and stays a copy of the first publication
        srv.route("/sitemap.xml", body=sitemap(srv, [("/b", "2025-11-07T00:00:00+00:00")]),
                  content_type="application/xml")
        third = run()
        assert third.counts["fetched"] == 1 and third.counts["updated"] == 1
    store = Store(settings.db_path)
    rows = dict(store.conn.execute("SELECT url, duplicate_of FROM articles"))
    (a_id,) = [i for (i,) in store.conn.execute("SELECT id FROM articles WHERE url LIKE '%/a'")]
    assert [d for u, d in rows.items() if u.endswith("/b")] == [a_id]


def test_sigterm_during_monitor_run_is_recorded_and_resumed(tmp_path: Path) -> None:
    server, base = serve_demo_site(slow_seconds=0.2)
    try:
        settings, cmd = slow_demo_run(tmp_path, base, per_host_delay=0.2)
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started = time.time()
        while time.time() - started < 60 and not _run_started(settings.db_path, proc):
            time.sleep(0.05)
        time.sleep(1.5)
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 130 and "interrupted" in out
        conn = sqlite3.connect(settings.db_path)
        assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr[-2000:]
        conn = sqlite3.connect(settings.db_path)
        assert conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone() == (39, 39)
    finally:
        server.shutdown()
