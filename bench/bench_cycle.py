"""Load benchmark of a whole cycle: a local site of N sources x M articles on 127.0.0.1.

Prints the cycle time against the politeness bound (per-host delay x pages per host, plus the
processing time the cycle spent on articles), peak memory, and the second cycle's requests
(no article may be fetched again).

    python bench/bench_cycle.py                       # 50 sources x 200 articles (the target)
    python bench/bench_cycle.py --sources 5 --articles 40 --delay 0.05   # a quick run

Each source is its own HTTP server (its own host:port), serving robots.txt, an RSS feed of its
articles and the articles: Indonesian text generated from templates with per-article details,
so that no two articles are near-duplicates.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor import pipeline  # noqa: E402
from monitor.config import Settings, Source  # noqa: E402
from monitor.pipeline import run_cycle  # noqa: E402
from monitor.store import Store  # noqa: E402

PLACES = ["Mataram", "Praya", "Selong", "Gerung", "Tanjung", "Sumbawa Besar", "Taliwang", "Dompu", "Bima", "Woha"]
TOPICS = [
    ("Dana desa {n} di {p} diaudit Inspektorat", "Inspektorat memeriksa penggunaan dana desa senilai Rp{x} juta "
     "untuk pembangunan jalan dan irigasi. Kepala desa diminta menyerahkan laporan pertanggungjawaban."),
    ("Puskesmas {p} tambah layanan malam ke-{n}", "Dinas Kesehatan menambah {x} tenaga kesehatan agar warga bisa "
     "berobat pada malam hari. Antrean pasien BPJS selama ini mengular sejak subuh."),
    ("Warga {p} tolak tambang pasir nomor {n}", "Sekitar {x} warga mendatangi kantor desa menolak izin tambang pasir "
     "yang dinilai merusak sumber air dan lahan pertanian."),
    ("Bawaslu {p} temukan {x} pemilih ganda (laporan {n})", "Bawaslu meminta KPU memperbaiki daftar pemilih dan "
     "membuka posko pengaduan bagi warga yang namanya tidak terdaftar."),
    ("Festival budaya {p} hari ke-{n} dipadati pengunjung", "Sebanyak {x} pengunjung menikmati tari tradisional, "
     "kuliner khas dan pameran kerajinan tenun di alun-alun."),
]
FILLER = ("Menurut keterangan pejabat setempat, kegiatan ini akan dievaluasi setiap bulan bersama perangkat desa, "
          "tokoh masyarakat dan perwakilan pemuda agar hasilnya dapat dirasakan langsung oleh warga {p}. "
          "Catatan lapangan nomor {n}-{k} menyebutkan {x} keluarga ikut serta dalam pertemuan tersebut.")


def article_html(source: int, n: int, base: str) -> bytes:
    rnd = random.Random(source * 100_000 + n)
    title_t, lead_t = TOPICS[(source + n) % len(TOPICS)]
    p = rnd.choice(PLACES)
    vals = dict(n=f"{source}{n:04d}", p=p, x=rnd.randint(10, 9000))
    paras = [lead_t.format(**vals)] + [FILLER.format(k=k, **{**vals, "x": rnd.randint(10, 9000)}) for k in range(5)]
    body = "".join(f"<p>{x}</p>" for x in paras)
    title = title_t.format(**vals)
    day = 1 + n % 27
    return (f"<html><head><title>{title}</title><meta property='og:type' content='article'>"
            f"<meta property='article:published_time' content='2025-10-{day:02d}T08:00:00+08:00'>"
            f"<link rel='canonical' href='{base}/berita/{n}/'></head><body><article><h1>{title}</h1>"
            f"<div class='entry-content'>{body}</div></article></body></html>").encode("utf-8")


class Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, index: int, articles: int):
        super().__init__(("127.0.0.1", 0), Handler)
        self.index, self.articles = index, articles
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.requests: Counter = Counter()
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    server: Site

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        s, path = self.server, self.path
        kind = "robots" if path == "/robots.txt" else "feed" if path.startswith("/feed") else "article"
        with s.lock:
            s.requests[kind] += 1
        if kind == "robots":
            body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
        elif kind == "feed":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.end_headers()
                return
            items = "".join(f"<item><title>b{n}</title><link>{s.base}/berita/{n}/</link></item>"
                            for n in range(s.articles))
            body = f"<?xml version='1.0'?><rss version='2.0'><channel><title>s</title>{items}</channel></rss>".encode()
            ctype = "application/rss+xml"
        else:
            try:
                n = int(path.strip("/").split("/")[-1])
            except ValueError:
                self.send_error(404)
                return
            body, ctype = article_html(s.index, n, s.base), "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if kind == "feed":
            self.send_header("ETag", '"v1"')
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sources", type=int, default=50)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--delay", type=float, default=0.1, help="per-host delay (s)")
    ap.add_argument("--no-classify", action="store_true")
    args = ap.parse_args()
    sites = [Site(i, args.articles) for i in range(args.sources)]
    for s in sites:
        threading.Thread(target=s.serve_forever, daemon=True).start()
    sources = [Source(id=f"s{i:02d}", name=f"Sumber {i}", homepage=s.base + "/", region="Nusa Tenggara Barat",
                      feeds=[s.base + "/feed/"], local=True) for i, s in enumerate(sites)]
    tmp = Path(tempfile.mkdtemp(prefix="ogi-bench-"))
    settings = Settings(db_path=tmp / "bench.sqlite", log_file=None)
    settings.fetch.per_host_delay = args.delay
    settings.fetch.concurrency = args.sources  # every host in parallel: the bound is per host
    settings.fetch.max_articles_per_source = args.articles

    processing = [0.0]
    original = pipeline.Cycle.handle

    def timed(self, *a, **kw):
        t = time.perf_counter()
        try:
            return original(self, *a, **kw)
        finally:
            processing[0] += time.perf_counter() - t

    pipeline.Cycle.handle = timed
    original_init = pipeline.Cycle.__init__

    def timed_init(self, *a, **kw):  # loading the model and the partner pipeline is processing too
        t = time.perf_counter()
        original_init(self, *a, **kw)
        processing[0] += time.perf_counter() - t

    pipeline.Cycle.__init__ = timed_init
    t0 = time.perf_counter()
    first = run_cycle(settings, sources, alerts=False, classify=not args.no_classify)
    wall = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages_per_host = args.articles + 2  # robots.txt, feed, articles
    politeness = args.delay * pages_per_host
    bound = politeness + processing[0]
    first_requests = sum((s.requests for s in sites), Counter())
    for s in sites:
        s.requests.clear()
    t1 = time.perf_counter()
    second = run_cycle(settings, sources, alerts=False, classify=not args.no_classify)
    wall2 = time.perf_counter() - t1
    second_requests = sum((s.requests for s in sites), Counter())
    stored = Store(settings.db_path).conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    print(f"sources x articles      : {args.sources} x {args.articles} (per-host delay {args.delay}s)")
    print(f"first cycle             : {wall:.1f} s; new {first.counts['new']}, duplicate {first.counts['duplicate']}, "
          f"failed {first.counts['failed']}; stored {stored}")
    print(f"  politeness bound      : {politeness:.1f} s (delay x {pages_per_host} pages per host, hosts in parallel)")
    print(f"  processing (in cycle) : {processing[0]:.1f} s (model loading, extract, dedupe, classify, partners, "
          "store)")
    print(f"  bound = sum           : {bound:.1f} s -> cycle / bound = {wall / bound:.2f} (target <= 1.2)")
    print(f"  requests              : {dict(first_requests)}")
    print(f"peak memory (RSS)       : {rss_mb:.0f} MB (target < 500)")
    print(f"second cycle            : {wall2:.1f} s; requests {dict(second_requests)}; "
          f"article refetches {second_requests['article']} (target 0); new {second.counts['new']}")
    for s in sites:
        s.shutdown()


if __name__ == "__main__":
    main()
