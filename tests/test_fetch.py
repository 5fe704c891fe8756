"""Fetcher behaviour against the fault-injecting server on 127.0.0.1 (tests/httpfaults.py).

The Fetcher gets the test server's origin in `local_origins`, so exactly that origin skips the
private-address check; anything else (redirect targets, other names) is still checked, and
name lookups go to a resolver that fails loudly, so no test can reach a real network.
"""

from __future__ import annotations

import socket
import time
from typing import Iterator

import pytest
import urllib3.util.connection

try:
    from tests.httpfaults import FaultServer, Response
except ImportError:  # tests/ is not a package: pytest put it on sys.path
    from httpfaults import FaultServer, Response
from monitor.collect.fetch import (
    Fetcher,
    FetchRecord,
    FetchSettings,
    decode_body,
    looks_like_markup,
    parse_retry_after,
)

CP1252_TEXT = "Rp 5 juta – “kutipan” café"


def no_dns(host: str, *args: object, **kw: object) -> list:
    raise AssertionError(f"test tried to resolve {host!r}")


@pytest.fixture
def srv() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server


def make_fetcher(srv: FaultServer, records: list[FetchRecord] | None = None, **overrides: object) -> Fetcher:
    settings = dict(per_host_delay=0.0, retries=2, backoff_base=0.01, backoff_max=0.05,
                    connect_timeout=1.0, read_timeout=0.5, max_bytes=200_000,
                    local_origins={srv.host})
    settings.update(overrides)
    on_fetch = records.append if records is not None else None
    return Fetcher(FetchSettings(**settings), on_fetch, resolver=no_dns)


@pytest.fixture
def records() -> list[FetchRecord]:
    return []


# --- basics -------------------------------------------------------------------------------

def test_ok_page_with_user_agent_and_records(srv: FaultServer, records: list[FetchRecord]) -> None:
    url = srv.route("/berita/satu", body="<html><body>Halo NTB</body></html>")
    with make_fetcher(srv, records, user_agent="ogi-monitor/9.9 (+test)") as fetcher:
        page = fetcher.fetch(url)
    assert page.ok and page.error is None and page.status == 200
    assert page.final_url == url and "Halo NTB" in page.html
    assert page.encoding == "utf-8" and page.content_type.startswith("text/html")
    assert page.nbytes == len("<html><body>Halo NTB</body></html>")
    assert page.headers["Content-Type"] == page.headers["content-type"]
    assert srv.requests_for("/berita/satu")[0].headers["User-Agent"] == "ogi-monitor/9.9 (+test)"
    kinds = [(r.kind, r.url.rsplit("/", 1)[-1], r.status) for r in records]
    assert kinds == [("robots", "robots.txt", 404), ("article", "satu", 200)]
    assert records[-1].attempt == 1 and records[-1].nbytes == page.nbytes and not records[-1].robots_blocked


@pytest.mark.parametrize("url, reason", [
    ("http://[::1", "refused: malformed URL"), ("ftp://example.id/x", "refused: scheme 'ftp'"),
    ("not a url", "refused: scheme '(none)'"), ("http://user:pw@example.id/", "refused: credentials"),
])
def test_bad_urls_are_refused_not_raised(srv: FaultServer, url: str, reason: str) -> None:
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(url)
        assert page.status == 0 and page.error.startswith(reason)
        assert [p.error[:len(reason)] for p in fetcher.fetch_many([url])] == [reason]


def test_http_404_is_not_retried(srv: FaultServer) -> None:
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(srv.url("/hilang"))
    assert page.status == 404 and page.error == "HTTP 404" and not page.ok
    assert srv.count("/hilang") == 1


# --- retries ------------------------------------------------------------------------------

def test_503_with_retry_after_then_success(srv: FaultServer, records: list[FetchRecord]) -> None:
    url = srv.route("/sibuk", responses=[Response(status=503, retry_after="1"),
                                         Response(body="<html>akhirnya</html>")])
    with make_fetcher(srv, records) as fetcher:
        page = fetcher.fetch(url)
    assert page.ok and "akhirnya" in page.html
    first, second = srv.times("/sibuk")
    assert second - first >= 0.95  # Retry-After: 1 honoured, measured by the server
    assert [(r.attempt, r.status) for r in records if r.kind == "article"] == [(1, 503), (2, 200)]


def test_500_exhausts_retries(srv: FaultServer, records: list[FetchRecord]) -> None:
    url = srv.route("/rusak", status=500, body="oops")
    with make_fetcher(srv, records, retries=2) as fetcher:
        page = fetcher.fetch(url)
    assert page.error == "HTTP 500 after 2 retries" and page.status == 500
    assert srv.count("/rusak") == 3
    assert [r.attempt for r in records if r.kind == "article"] == [1, 2, 3]


def test_429_with_too_long_retry_after_gives_up(srv: FaultServer) -> None:
    url = srv.route("/pelan", status=429, retry_after="3600")
    with make_fetcher(srv, max_retry_after=5) as fetcher:
        started = time.monotonic()
        page = fetcher.fetch(url)
    assert page.status == 429
    assert page.error == "HTTP 429: Retry-After 3600s exceeds max_retry_after 5s"
    assert srv.count("/pelan") == 1 and time.monotonic() - started < 1


def test_parse_retry_after_forms() -> None:
    from datetime import datetime, timezone
    now = datetime(2026, 9, 11, 12, 0, 0, tzinfo=timezone.utc)
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Fri, 11 Sep 2026 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("Fri, 11 Sep 2026 11:00:00 GMT", now=now) == 0  # in the past
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


# --- network faults -----------------------------------------------------------------------

def test_read_timeout(srv: FaultServer) -> None:
    url = srv.route("/lambat", delay=2.0, body="<html>late</html>")
    with make_fetcher(srv, read_timeout=0.2, retries=0) as fetcher:
        started = time.monotonic()
        page = fetcher.fetch(url)
    assert page.error == "timeout after 0.2s" and page.status == 0
    assert time.monotonic() - started < 1.5


def test_timeout_is_retried_and_reported(srv: FaultServer) -> None:
    url = srv.route("/lambat", responses=[Response(delay=2.0), Response(body="<html>ok</html>")])
    with make_fetcher(srv, read_timeout=0.2, retries=1) as fetcher:
        page = fetcher.fetch(url)
    assert page.ok and srv.count("/lambat") == 2


def test_connection_refused() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = FetchSettings(per_host_delay=0, retries=1, backoff_base=0.01, connect_timeout=0.5,
                             local_origins={f"127.0.0.1:{port}"})
    with Fetcher(settings, resolver=no_dns) as fetcher:
        page = fetcher.fetch(f"http://127.0.0.1:{port}/x")
    # robots.txt was unreachable first: the host is skipped as unreachable (not as a robots rule)
    assert page.error == ("site unreachable (robots.txt unavailable: "
                          "connection refused (after 1 retries))")
    settings.respect_robots = False
    with Fetcher(settings, resolver=no_dns) as fetcher:
        page = fetcher.fetch(f"http://127.0.0.1:{port}/x")
    assert page.error == "connection refused (after 1 retries)" and page.status == 0


def test_connection_reset(srv: FaultServer) -> None:
    url = srv.route("/putus", reset=True)
    with make_fetcher(srv, retries=0) as fetcher:
        page = fetcher.fetch(url)
    assert page.error == "connection reset"
    assert page.status == 0


def test_truncated_body(srv: FaultServer) -> None:
    url = srv.route("/potong", body="<html>" + "x" * 5000, truncate=True)
    with make_fetcher(srv, retries=1) as fetcher:
        page = fetcher.fetch(url)
    assert page.error == "truncated body (after 1 retries)" and page.html == ""
    assert srv.count("/potong") == 2


# --- redirects ----------------------------------------------------------------------------

def test_redirect_chain_records_final_url(srv: FaultServer, records: list[FetchRecord]) -> None:
    srv.route("/akhir/", body="<html>tujuan</html>")
    start = srv.redirect_chain("/r1", "/r2", "/r3?x=1", "/akhir/")
    with make_fetcher(srv, records) as fetcher:
        page = fetcher.fetch(start)
    assert page.ok and page.final_url == srv.url("/akhir/") and page.url == start
    assert [srv.count(p) for p in ("/r1", "/r2", "/r3", "/akhir/")] == [1, 1, 1, 1]
    assert records[-1].final_url == srv.url("/akhir/") and records[-1].attempt == 1


def test_redirect_loop(srv: FaultServer) -> None:
    start = srv.redirect_chain("/a", "/b", "/a")
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(start)
    assert page.error == "redirect loop"
    assert srv.count("/a") == 1 and srv.count("/b") == 1


def test_too_many_redirects(srv: FaultServer) -> None:
    srv.route("/h7", body="<html>never</html>")
    start = srv.redirect_chain(*[f"/h{i}" for i in range(8)])
    with make_fetcher(srv, max_redirects=5) as fetcher:
        page = fetcher.fetch(start)
    assert page.error == "too many redirects (>5)"
    assert srv.count("/h6") == 0  # stopped before following the sixth redirect


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every address urllib3 opens a socket to, in order."""
    opened: list[tuple[str, int]] = []
    real = urllib3.util.connection.create_connection

    def spy(address: tuple[str, int], *args: object, **kw: object) -> socket.socket:
        opened.append(address)
        return real(address, *args, **kw)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", spy)
    return opened


def test_redirect_to_private_address_refused_before_connecting(
        srv: FaultServer, connections: list[tuple[str, int]], records: list[FetchRecord]) -> None:
    start = srv.redirect("/keluar", "http://10.0.0.1/admin")
    with make_fetcher(srv, records, allow_private=False) as fetcher:
        page = fetcher.fetch(start)
    assert page.error == "refused: private address 10.0.0.1 (private)"
    assert page.final_url == "http://10.0.0.1/admin" and page.status == 302
    assert connections and all(host == "127.0.0.1" for host, _ in connections)
    assert records[-1].error == page.error


def test_redirect_to_name_resolving_private_refused(srv: FaultServer,
                                                    connections: list[tuple[str, int]]) -> None:
    start = srv.redirect("/keluar", "http://intranet.example/rahasia")
    asked: list[str] = []

    def resolver(host: str, port: object, *a: object, **k: object) -> list[tuple]:
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.5", port))]

    settings = FetchSettings(per_host_delay=0, retries=0, local_origins={srv.host})
    with Fetcher(settings, resolver=resolver) as fetcher:
        page = fetcher.fetch(start)
    assert page.error == "refused: private address 192.168.1.5 (private) for host intranet.example"
    assert asked == ["intranet.example"]
    assert all(host == "127.0.0.1" for host, _ in connections)


def test_loopback_server_refused_when_not_marked_local(srv: FaultServer,
                                                      connections: list[tuple[str, int]]) -> None:
    url = srv.route("/x", body="<html>x</html>")
    with make_fetcher(srv, local_origins=set()) as fetcher:
        page = fetcher.fetch(url)
        assert not fetcher.allowed(url)  # robots.txt could not be fetched either
    assert page.error == "refused: private address 127.0.0.1 (loopback)"
    assert connections == [] and srv.log == []


def test_local_origin_does_not_cover_other_ports(srv: FaultServer) -> None:
    with FaultServer() as other:
        other.route("/x", body="<html>other</html>")
        start = srv.redirect("/ke-lain", other.url("/x"))
        with make_fetcher(srv) as fetcher:
            page = fetcher.fetch(start)
        assert page.error == "refused: private address 127.0.0.1 (loopback)"
        assert other.log == []


# --- content checks -----------------------------------------------------------------------

def test_wrong_content_type_not_downloaded(srv: FaultServer) -> None:
    url = srv.route("/laporan.pdf", body=b"%PDF-1.7" + b"x" * 100_000, content_type="application/pdf")
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(url)
    assert page.error == "content type application/pdf not HTML/XML" and page.status == 200
    assert page.nbytes == 0


def test_missing_content_type_is_sniffed(srv: FaultServer) -> None:
    html_url = srv.route("/tanpa-tipe", body="\n<!DOCTYPE html><html><p>ok</p></html>", content_type=None)
    bin_url = srv.route("/biner", body=b"\x89PNG\r\n\x1a\n....", content_type=None)
    with make_fetcher(srv) as fetcher:
        assert fetcher.fetch(html_url).ok
        assert fetcher.fetch(bin_url).error == "content type missing not HTML/XML"


def test_feed_served_as_text_plain_is_accepted_for_feeds_only(srv: FaultServer) -> None:
    url = srv.route("/feed", body='<?xml version="1.0"?><rss version="2.0"></rss>',
                    content_type="text/plain")
    with make_fetcher(srv) as fetcher:
        assert fetcher.fetch(url, kind="feed").ok
        assert fetcher.fetch(url, kind="article").error == "content type text/plain not HTML/XML"


def test_max_body_size(srv: FaultServer) -> None:
    url = srv.route("/besar", body="<html>", stream_bytes=2_000_000)
    with make_fetcher(srv, max_bytes=100_000) as fetcher:
        page = fetcher.fetch(url)
    assert page.error == "body exceeds 100000 bytes" and page.html == ""


def test_gzip_bomb_stops_at_limit(srv: FaultServer) -> None:
    url = srv.gzip_bomb("/bom", expanded_bytes=30_000_000)
    with make_fetcher(srv, max_bytes=100_000) as fetcher:
        page = fetcher.fetch(url)
    assert page.error == "body exceeds 100000 bytes"


def test_gzip_page_is_decoded(srv: FaultServer) -> None:
    url = srv.route("/gz", body="<html>terkompresi " + "ya " * 1000 + "</html>", gzip=True)
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(url)
    assert page.ok and page.html.startswith("<html>terkompresi") and page.nbytes > 3000


# --- charsets -----------------------------------------------------------------------------

@pytest.mark.parametrize("content_type, body, encoding", [
    ("text/html; charset=utf-8", f"<html><p>{CP1252_TEXT}</p></html>".encode("cp1252"), "windows-1252"),
    ("text/html", f"<html><p>{CP1252_TEXT}</p></html>".encode("cp1252"), "windows-1252"),
    ("text/html; charset=ISO-8859-1", f"<html><p>{CP1252_TEXT}</p></html>".encode("cp1252"), "windows-1252"),
    ("text/html", f'<html><head><meta charset="windows-1252"></head><p>{CP1252_TEXT}</p>'.encode("cp1252"),
     "windows-1252"),
    ("text/html", ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
                   f"</head><p>{CP1252_TEXT}</p>").encode("cp1252"), "windows-1252"),
    ("text/html; charset=iso-8859-1", f"<html><p>{CP1252_TEXT}</p></html>".encode("utf-8"), "utf-8"),
    ("text/html", f"<html><p>{CP1252_TEXT}</p></html>".encode("utf-8"), "utf-8"),
    ("text/xml", f'<?xml version="1.0" encoding="ISO-8859-1"?><rss><t>{CP1252_TEXT}</t></rss>'.encode("cp1252"),
     "windows-1252"),
])
def test_charsets_over_http(srv: FaultServer, content_type: str, body: bytes, encoding: str) -> None:
    url = srv.route("/teks", body=body, content_type=content_type)
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(url)
    assert page.ok and CP1252_TEXT in page.html
    assert page.encoding == encoding


def test_decode_body_edge_cases() -> None:
    assert decode_body(b"\xef\xbb\xbf<p>x</p>", "text/html; charset=latin1") == ("<p>x</p>", "utf-8")
    text, enc = decode_body("<p>ok ✓ é</p>".encode("utf-8") + b"\xff", "text/html; charset=utf-8")
    assert enc == "utf-8" and "✓" in text  # mostly UTF-8 with one bad byte stays UTF-8
    assert decode_body(b"<p>x</p>", "text/html; charset=no-such-charset") == ("<p>x</p>", "utf-8")
    assert looks_like_markup(b"  \n<?xml version='1.0'?><urlset/>")
    assert not looks_like_markup(b"%PDF-1.4")


# --- conditional GET ----------------------------------------------------------------------

def test_conditional_get_etag_304(srv: FaultServer) -> None:
    url = srv.route("/feed", body="<rss></rss>", content_type="application/rss+xml", etag='"v42"',
                    last_modified="Fri, 11 Sep 2026 05:00:00 GMT")
    with make_fetcher(srv) as fetcher:
        first = fetcher.fetch(url, kind="feed")
        assert first.ok and first.headers["etag"] == '"v42"'
        again = fetcher.fetch(url, etag=first.headers["ETag"], kind="feed")
        by_date = fetcher.fetch(url, last_modified=first.headers["last-modified"], kind="feed")
    assert again.status == 304 and again.not_modified and again.error is None and again.html == ""
    assert again.headers["etag"] == '"v42"'
    assert by_date.not_modified
    sent = srv.requests_for("/feed")
    assert sent[1].headers["If-None-Match"] == '"v42"'
    assert sent[2].headers["If-Modified-Since"] == "Fri, 11 Sep 2026 05:00:00 GMT"


def test_304_without_validators_keeps_ours(srv: FaultServer) -> None:
    url = srv.route("/feed", status=304, content_type=None)
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(url, etag='"old"', last_modified="Thu, 10 Sep 2026 00:00:00 GMT")
    assert page.not_modified and page.headers["etag"] == '"old"'
    assert page.headers["last-modified"] == "Thu, 10 Sep 2026 00:00:00 GMT"


# --- robots.txt and politeness ------------------------------------------------------------

def test_robots_disallow_blocks_without_fetching(srv: FaultServer, records: list[FetchRecord]) -> None:
    srv.robots("User-agent: *\nDisallow: /admin/\n\nUser-agent: ogi-monitor\nDisallow: /internal/\n")
    for path in ("/admin/x", "/internal/y", "/berita/z"):
        srv.route(path, body="<html>x</html>")
    with make_fetcher(srv, records) as fetcher:
        internal = fetcher.fetch(srv.url("/internal/y"))
        admin = fetcher.fetch(srv.url("/admin/x"))  # our group replaces "*": allowed
        ok = fetcher.fetch(srv.url("/berita/z"))
        assert not fetcher.allowed(srv.url("/internal/zz")) and fetcher.allowed(srv.url("/"))
    assert internal.error == "blocked by robots.txt" and internal.status == 0
    assert admin.ok and ok.ok
    assert srv.count("/internal/y") == 0 and srv.count("/robots.txt") == 1
    blocked = [r for r in records if r.robots_blocked]
    assert len(blocked) == 1 and blocked[0].url.endswith("/internal/y")


def test_robots_redirect_hop_checked(srv: FaultServer) -> None:
    srv.robots("User-agent: *\nDisallow: /private/\n")
    start = srv.redirect("/buka", "/private/data")
    srv.route("/private/data", body="<html>x</html>")
    with make_fetcher(srv) as fetcher:
        page = fetcher.fetch(start)
    assert page.error == "blocked by robots.txt" and srv.count("/private/data") == 0


def test_robots_5xx_disallows_4xx_allows(srv: FaultServer) -> None:
    srv.robots("down", status=503)
    srv.route("/x", body="<html>x</html>")
    with make_fetcher(srv, retries=0) as fetcher:
        assert fetcher.fetch(srv.url("/x")).error == \
            "site unreachable (robots.txt unavailable: HTTP 503)"
    assert srv.count("/x") == 0
    srv.robots("forbidden", status=403)
    with make_fetcher(srv) as fetcher:
        assert fetcher.fetch(srv.url("/x")).ok


def test_robots_ignored_when_disabled(srv: FaultServer) -> None:
    srv.robots("User-agent: *\nDisallow: /\n")
    url = srv.route("/x", body="<html>x</html>")
    with make_fetcher(srv, respect_robots=False) as fetcher:
        assert fetcher.fetch(url).ok and fetcher.allowed(url)
    assert srv.count("/robots.txt") == 0


def test_robots_sitemaps(srv: FaultServer) -> None:
    srv.robots("User-agent: *\nAllow: /\nSitemap: https://example.id/news-sitemap.xml\n"
               "Sitemap: /sitemap_index.xml\n")
    with make_fetcher(srv) as fetcher:
        assert fetcher.robots_sitemaps(srv.url("/berita/")) == [
            "https://example.id/news-sitemap.xml", srv.url("/sitemap_index.xml")]


def test_crawl_delay_spaces_requests(srv: FaultServer) -> None:
    srv.robots("User-agent: *\nCrawl-delay: 0.3\n")
    urls = [srv.route(f"/p{i}", body="<html>x</html>") for i in range(3)]
    with make_fetcher(srv, per_host_delay=0.0) as fetcher:
        assert all(fetcher.fetch(u).ok for u in urls)
    arrivals = srv.times()  # robots.txt, then the three pages
    gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
    assert len(gaps) == 3 and min(gaps) >= 0.29, gaps


def test_crawl_delay_is_capped(srv: FaultServer) -> None:
    srv.robots("User-agent: *\nCrawl-delay: 3600\n")
    urls = [srv.route(f"/p{i}", body="<html>x</html>") for i in range(2)]
    with make_fetcher(srv, max_crawl_delay=0.2) as fetcher:
        assert all(fetcher.fetch(u).ok for u in urls)
    first, second = srv.times("/p0")[0], srv.times("/p1")[0]
    assert 0.19 <= second - first < 2


def test_per_host_delay_spaces_requests(srv: FaultServer) -> None:
    urls = [srv.route(f"/p{i}", body="<html>x</html>") for i in range(3)]
    with make_fetcher(srv, per_host_delay=0.2, respect_robots=False) as fetcher:
        pages = list(fetcher.fetch_many(urls))
    assert len(pages) == 3 and all(p.ok for p in pages)
    arrivals = srv.times()
    assert min(b - a for a, b in zip(arrivals, arrivals[1:])) >= 0.19


def test_fetch_many_serialises_per_host_and_parallelises_hosts(srv: FaultServer) -> None:
    with FaultServer() as other:
        mine = [srv.route(f"/s{i}", body="<html>a</html>", delay=0.2) for i in range(3)]
        theirs = [other.route(f"/o{i}", body="<html>b</html>", delay=0.2) for i in range(3)]
        settings = FetchSettings(per_host_delay=0.0, retries=0, concurrency=4, respect_robots=False,
                                 local_origins={srv.host, other.host})
        with Fetcher(settings, resolver=no_dns) as fetcher:
            pages = list(fetcher.fetch_many(mine + theirs))
        assert sorted(p.url for p in pages) == sorted(mine + theirs) and all(p.ok for p in pages)
        # one at a time on each host...
        assert max(e.in_flight for e in srv.log) == 1 and max(e.in_flight for e in other.log) == 1
        # ...but the two hosts overlapped
        assert any(a.start < b.end and b.start < a.end for a in srv.log for b in other.log)


def test_fetch_many_stops_when_closed_early(srv: FaultServer) -> None:
    urls = [srv.route(f"/q{i}", body="<html>x</html>") for i in range(10)]
    with make_fetcher(srv, per_host_delay=0.05, respect_robots=False) as fetcher:
        pages = fetcher.fetch_many(urls)
        next(pages)
        pages.close()
        time.sleep(0.2)
    assert len(srv.log) < 10


def test_on_fetch_failure_does_not_break_fetching(srv: FaultServer) -> None:
    url = srv.route("/x", body="<html>x</html>")

    def broken(record: FetchRecord) -> None:
        raise RuntimeError("database is locked")

    settings = FetchSettings(per_host_delay=0, local_origins={srv.host})
    with Fetcher(settings, broken, resolver=no_dns) as fetcher:
        assert fetcher.fetch(url).ok


def test_settings_from_config_mapping() -> None:
    settings = FetchSettings.from_mapping({
        "user_agent": "ua/1", "connect_timeout": 5.0, "read_timeout": 7.0, "per_host_delay": 2.0,
        "max_page_bytes": 1234, "max_redirects": 4, "retries": 1, "concurrency": 2,
        "max_articles_per_source": 200, "local_origins": ["http://127.0.0.1:8000"],
    })
    assert settings.max_bytes == 1234 and settings.read_timeout == 7.0 and settings.concurrency == 2
    assert settings.local_origins == frozenset({"127.0.0.1:8000"})
