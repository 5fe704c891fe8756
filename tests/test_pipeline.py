"""Whole cycles against the bundled demo site on 127.0.0.1: stored once, incremental, resumable."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from monitor.config import load_settings, load_sources
from monitor.demo.run import write_demo_config
from monitor.demo.site import serve_demo_site
from monitor.pipeline import CycleRunning, cycle_lock, run_cycle
from monitor.store import Store

KEY = json.loads((Path(__file__).resolve().parent.parent / "monitor" / "demo" / "answer_key.json").read_text())
ARTICLES = KEY["articles"]


@pytest.fixture(scope="module")
def site():
    server, base = serve_demo_site(slow_seconds=0.3)
    yield base
    server.shutdown()


def setup(tmp_path: Path, base: str):
    cfg = write_demo_config(tmp_path, base)
    return load_settings(cfg / "settings.toml"), load_sources(cfg / "sources.toml")


@pytest.fixture(scope="module")
def first_run(site, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cycle")
    settings, sources = setup(tmp, site)
    result = run_cycle(settings, sources, alerts=False)
    return settings, sources, result


def test_first_cycle_stores_every_article_once(first_run, site) -> None:
    settings, _, result = first_run
    store = Store(settings.db_path)
    n = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n == len(ARTICLES)
    assert result.counts["new"] + result.counts["duplicate"] == len(ARTICLES)
    assert result.counts["skipped"] >= 1  # static pages listed by the page sitemap
    # the deleted post: recorded with its reason, final (not retried)
    assert [f["reason"] for f in result.failures] == ["HTTP 404"]
    gone = store.conn.execute("SELECT count(*) FROM seen_urls WHERE status='gone'").fetchone()[0]
    assert gone == 1
    run = store.conn.execute("SELECT status, new, failed FROM runs").fetchone()
    assert run[0] == "ok" and run[2] == 1
    logged = store.conn.execute("SELECT count(*), sum(error IS NOT NULL) FROM fetch_log").fetchone()
    assert logged[0] > len(ARTICLES) and logged[1] >= 1


def test_article_fields_against_the_answer_key(first_run, site) -> None:
    settings, _, _ = first_run
    store = Store(settings.db_path)
    rows = {r[0]: r[1:] for r in store.conn.execute(
        "SELECT url, title, published, text, duplicate_of, dateline FROM articles")}
    by_path = {(site.replace("http://", "") + a["path"]).rstrip("/"): a for a in ARTICLES.values()}
    matched = 0
    for url, (title, published, text, dup, dateline) in rows.items():
        a = by_path.get(url.replace("http://", "").rstrip("/"))
        if a is None:
            continue
        matched += 1
        assert title == a["title"]
        if len(a["published"]) > 10:  # the same instant (the page may state another offset)
            assert datetime.fromisoformat(published) == datetime.fromisoformat(a["published"]), url
        else:
            assert published.startswith(a["published"]), url
        assert "BACA JUGA" not in text.upper() and "Simpan Sebagai PDF" not in text
        if a["charset"] != "utf-8":
            assert "\ufffd" not in text and any(ch in text for ch in "“”–’")
        if a["pages"] > 1:
            assert len(text.split("\n")) >= 6
    assert matched == len(ARTICLES)
    # the syndicated copy points at the first publication
    copies = [(a["path"], a["duplicate_of"]) for a in ARTICLES.values() if a["duplicate_of"]]
    assert copies
    for path, original in copies:
        (dup,) = [r[3] for u, r in rows.items() if u.rstrip("/").endswith(path.rstrip("/"))]
        (orig_id,) = [i for (i,) in store.conn.execute("SELECT id FROM articles WHERE url LIKE ?",
                                                          ("%" + ARTICLES[original]["path"].rstrip("/") + "%",))]
        assert dup == orig_id


def test_tags_and_partners_stored(first_run) -> None:
    settings, _, _ = first_run
    store = Store(settings.db_path)
    tagged = store.conn.execute("SELECT count(DISTINCT article_id) FROM article_issues").fetchone()[0]
    assert tagged == len(ARTICLES)
    assigned = store.conn.execute("SELECT count(*) FROM article_issues WHERE assigned=1").fetchone()[0]
    assert assigned >= 25
    evidence = store.conn.execute("SELECT evidence FROM article_issues WHERE assigned=1 LIMIT 1").fetchone()[0]
    assert json.loads(evidence)["sentences"]
    assert store.conn.execute("SELECT count(*) FROM article_partners").fetchone()[0] >= 60


def test_second_cycle_fetches_no_article_again(first_run) -> None:
    settings, sources, _ = first_run
    second = run_cycle(settings, sources, alerts=False)
    assert second.counts["new"] == 0 and second.counts["fetched"] == 0
    store = Store(settings.db_path)
    articles_fetched = store.conn.execute("SELECT count(*) FROM fetch_log WHERE run_id=? AND kind='article'",
                                          (second.run_id,)).fetchone()[0]
    assert articles_fetched == 0
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)


def test_interrupted_cycle_resumes_from_the_frontier(site, tmp_path: Path) -> None:
    settings, sources = setup(tmp_path, site)
    stop = threading.Event()
    seen = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "articles":
            seen.append(done)
            if done == 5:
                stop.set()

    first = run_cycle(settings, sources, alerts=False, stop=stop, progress=progress)
    assert first.status == "interrupted"
    store = Store(settings.db_path)
    stored = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored < len(ARTICLES)
    pending = store.conn.execute("SELECT count(*) FROM seen_urls WHERE status='pending'").fetchone()[0]
    assert pending > 0
    second = run_cycle(settings, sources, alerts=False)  # the feed now answers 304: the frontier remembers
    assert second.status == "ok"
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(ARTICLES)
    assert store.conn.execute("SELECT status FROM runs ORDER BY id").fetchall() == [("interrupted",), ("ok",)]


def test_lock_stops_a_second_cycle_in_another_process(tmp_path: Path) -> None:
    db = tmp_path / "m.sqlite"
    code = ("import sys, time; from monitor.pipeline import cycle_lock\n"
            f"with cycle_lock({str(db)!r}):\n    print('locked', flush=True); time.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(CycleRunning, match="another cycle is running"):
            with cycle_lock(db):
                pass
    finally:
        holder.kill()
        holder.wait()
    with cycle_lock(db):  # released by the kernel when the holder died
        pass


# ---------------------------------------------------------------------- failures: permanent ones back off

PAGE = """<html><head><title>Pemkab Lombok Barat umumkan audit dana desa</title></head><body><article>
<h1>Pemkab Lombok Barat umumkan audit dana desa</h1><div class="date">Senin, 30 November 2026 - 09:00 WITA</div>
<div class="entry-content">{}</div></article></body></html>""".format(
    "<p>Pemerintah Kabupaten Lombok Barat mengumumkan hasil audit anggaran desa dan meminta warga ikut "
    "mengawasi penggunaan dana desa agar pembangunan berjalan sesuai rencana bersama.</p>" * 4)


def _sitemap(srv, paths: list[str], n: int, fixed: tuple[str, ...] = ()) -> str:
    # a sitemap that stamps URLs with the time of the request (newer lastmod each cycle), but ``fixed``
    stamp = f"2026-12-{1 + n:02d}T00:00:00+08:00"
    urls = "".join(f"<url><loc>{srv.url(p)}</loc><lastmod>{'2026-11-30T00:00:00+08:00' if p in fixed else stamp}"
                   "</lastmod></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def test_permanent_failures_are_rechecked_only_after_a_growing_interval(tmp_path: Path, monkeypatch) -> None:
    from monitor.config import Settings, Source
    from tests.httpfaults import FaultServer, Response

    with FaultServer() as srv:
        srv.route("/berita/audit-dana-desa/", body=PAGE)
        srv.route("/loop-a/", status=302, location="/loop-b/", content_type=None)  # a redirect loop
        srv.route("/loop-b/", status=302, location="/loop-a/", content_type=None)
        srv.route("/foto-besar/", body="<html><body>", stream_bytes=400_000)  # over the 200 kB cap
        srv.route("/sibuk/", status=503)  # transient: retried next cycle, up to MAX_ATTEMPTS in a row
        # "/dihapus/" is not routed: 404
        paths = ["/berita/audit-dana-desa/", "/loop-a/", "/foto-besar/", "/sibuk/", "/dihapus/"]
        srv.route("/sitemap.xml", responses=[Response(body=_sitemap(srv, paths, n, fixed=("/sibuk/", "/berita/audit-dana-desa/")),
                                                      content_type="application/xml")
                                             for n in range(20)])
        settings = Settings(db_path=tmp_path / "m.sqlite", log_file=None)
        settings.fetch.per_host_delay = 0.0
        settings.fetch.retries = 0
        settings.fetch.max_page_bytes = 200_000
        source = Source(id="lobar", name="lobar", homepage=srv.url("/"), region="Nusa Tenggara Barat",
                        sitemaps=[srv.url("/sitemap.xml")], local=True)
        permanent = ["/loop-a/", "/foto-besar/", "/dihapus/"]

        def cycle(at: str) -> dict[str, int]:
            monkeypatch.setenv("OGI_NOW", at)
            before = {p: srv.count(p) for p in paths}
            run_cycle(settings, [source], alerts=False, classify=False, partners=False)
            return {p: srv.count(p) - before[p] for p in paths}

        first = cycle("2026-12-01T06:00:00+08:00")
        assert first == {p: 1 for p in paths}
        for day in ("2026-12-02T06:00:00+08:00", "2026-12-03T06:00:00+08:00", "2026-12-07T06:00:00+08:00"):
            again = cycle(day)
            assert all(again[p] == 0 for p in permanent), (day, again)
        # the transient failure was retried in cycles 2 and 3, then left alone
        assert srv.count("/sibuk/") == 3
        assert srv.count("/loop-b/") == 1
        # 7 days after the first failure: each permanent failure is requested once more
        assert cycle("2026-12-08T06:30:00+08:00") == {p: 1 if p in permanent else 0 for p in paths}
        # ... and now waits 14 days
        for day in ("2026-12-09T06:00:00+08:00", "2026-12-21T06:00:00+08:00"):
            assert all(v == 0 for v in cycle(day).values()), day
        assert cycle("2026-12-22T07:00:00+08:00") == {p: 1 if p in permanent else 0 for p in paths}

    store = Store(settings.db_path)
    rows = {urlsplit(url).path.rstrip("/") + "/": rest for url, *rest in store.conn.execute(
        "SELECT url, status, attempts, last_error, next_check FROM seen_urls")}
    assert rows["/loop-a/"][:3] == ["gone", 3, "redirect loop"]
    assert rows["/foto-besar/"][:3] == ["gone", 3, "body exceeds 200000 bytes"]
    assert rows["/dihapus/"][:3] == ["gone", 3, "HTTP 404"]
    # third permanent failure in a row, on 2026-12-21 23:00 UTC: next check 28 days later
    assert {r[3] for p, r in rows.items() if p in permanent} == {"2027-01-18T23:00:00+00:00"}
    assert rows["/sibuk/"][:3] == ["failed", 3, "HTTP 503"]
    assert rows["/berita/audit-dana-desa/"][0] == "stored"
