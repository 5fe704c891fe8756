"""The bundled demo news site (monitor/demo): served pages, faults, feed, sitemaps, listings,
the demo source definition, and the test-only answer key agreeing with what is served.

Everything runs against a real server on 127.0.0.1 (no network); the slow page is set to a
fraction of a second so the module stays fast.
"""

from __future__ import annotations

import difflib
import fnmatch
import json
import socket
import time
import tomllib
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import requests
from bs4 import BeautifulSoup
from protego import Protego

from monitor.config import ISSUE_KEYS, load_sources
from monitor.demo import articles as data
from monitor.demo.site import DemoSite, serve_demo_site

ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = ROOT / "monitor" / "demo"
KEY = json.loads((DEMO_DIR / "answer_key.json").read_text(encoding="utf-8"))
ARTICLES = KEY["articles"]
SLOW = 0.3


@pytest.fixture(scope="module")
def demo():
    server, base = serve_demo_site(slow_seconds=SLOW)
    yield server, base
    server.shutdown()


@pytest.fixture(scope="module")
def base(demo) -> str:
    return demo[1]


@pytest.fixture(scope="module")
def http():
    with requests.Session() as s:
        yield s


@pytest.fixture(scope="module")
def source(base, tmp_path_factory):
    text = (DEMO_DIR / "sources.toml").read_text(encoding="utf-8").replace("http://DEMO_HOST", base)
    path = tmp_path_factory.mktemp("demo") / "sources.toml"
    path.write_text(text, encoding="utf-8")
    (src,) = load_sources(path)
    return src


def _slug(kind: str) -> str:
    """The one article of the key with a given fault."""
    found = [s for s, a in ARTICLES.items() if {
        "cp1252": a["charset"] == "cp1252", "multipage": a["pages"] == 2, "slow": a["slow"],
        "duplicate": a["duplicate_of"] is not None}[kind]]
    assert len(found) == 1, (kind, found)
    return found[0]


def _soup(resp: requests.Response) -> BeautifulSoup:
    return BeautifulSoup(resp.content, "lxml")


# ---------------------------------------------------------------- basic pages

def test_homepage_is_html_of_the_same_origin(http, base):
    r = http.get(base + "/")
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/html; charset=UTF-8"
    soup = _soup(r)
    links = [a["href"] for a in soup.select("a[href]")]
    internal = [u for u in links if u.startswith("http://127.0.0.1")]
    assert internal and all(u.startswith(base) for u in internal)
    assert soup.select_one('link[rel="alternate"][type="application/rss+xml"]')["href"] == base + "/feed/"
    assert len(soup.select("main#main article.post")) == data.PER_PAGE
    assert soup.select_one("a.next.page-numbers")["href"] == base + "/page/2/"


def test_article_page_markup(http, base):
    slug = "fitra-ntb-baru-tiga-daerah-di-ntb-yang-membuka-dokumen-apbd-secara-lengkap"
    key = ARTICLES[slug]
    r = http.get(base + key["path"])
    assert r.status_code == 200 and r.headers["Content-Type"] == "text/html; charset=UTF-8"
    soup = _soup(r)
    assert soup.select_one("article.post h1.entry-title").get_text() == key["title"]
    assert soup.select_one('meta[property="og:title"]')["content"].startswith(key["title"])
    assert soup.select_one('meta[property="og:url"]')["content"] == base + key["path"]
    assert soup.select_one('link[rel="canonical"]')["href"] == base + key["path"]
    assert soup.select_one('meta[property="article:published_time"]')["content"] == key["published"]
    assert soup.select_one("time.entry-date")["datetime"] == key["published"]
    graph = json.loads(soup.select_one('script[type="application/ld+json"]').string)["@graph"]
    news = [g for g in graph if g["@type"] == "NewsArticle"]
    assert news[0]["datePublished"] == key["published"] and news[0]["headline"] == key["title"]
    assert soup.select_one(".entry-meta .author.vcard .fn").get_text() == key["author"]
    content = soup.select_one("div.entry-content")
    text = content.get_text(" ", strip=True)
    assert content.select_one("figure.wp-block-image figcaption")
    assert content.select_one("p").get_text().startswith("MATARAM, Warta Rinjani ~ Forum Indonesia")
    assert "BACA JUGA:" in text and "Simpan Sebagai PDF" in text and "Terkait" in text
    paragraphs = [p.get_text() for p in content.select("div.entry-content > p")]
    assert paragraphs[-1].endswith("(lrp/ron)")
    assert soup.select_one("#comments #respond form")
    assert soup.select_one("footer#colophon")


def test_not_found_redirects_and_head(http, base):
    r = http.get(base + KEY["not_found"][0])
    assert r.status_code == 404 and r.headers["Content-Type"].startswith("text/html")
    assert "tidak ditemukan" in r.text
    assert http.get(base + "/no/such/page/").status_code == 404
    r = http.get(base + "/feed", allow_redirects=False)
    assert r.status_code == 301 and r.headers["Location"] == base + "/feed/"
    site = DemoSite(base)
    post = site.by_slug[next(iter(ARTICLES))]
    r = http.get(f"{base}/?p={post.post_id}", allow_redirects=False)
    assert r.status_code == 301 and r.headers["Location"] == post.url
    h = http.head(base + "/")
    assert h.status_code == 200 and int(h.headers["Content-Length"]) > 1000 and h.content == b""


def test_static_assets(http, base):
    soup = _soup(http.get(base + "/"))
    for sel, attr in (('link[rel="stylesheet"]', "href"), ("img.td-retina-data", "src")):
        r = http.get(soup.select_one(sel)[attr])
        assert r.status_code == 200 and r.content
    r = http.get(base + "/wp-content/uploads/warta-rinjani-og.png")
    assert r.headers["Content-Type"] == "image/png" and r.content.startswith(b"\x89PNG")
    assert http.get(base + "/wp-content/../site.py").status_code == 404


# ---------------------------------------------------------------- feed, sitemaps, robots

def test_feed_parses_and_lists_valid_article_urls(http, base):
    r = http.get(base + "/feed/")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/rss+xml; charset=UTF-8"
    feed = feedparser.parse(r.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20" and len(feed.entries) == data.FEED_SIZE
    expected = {a["path"] for a in ARTICLES.values() if a["in_feed"]}
    paths = set()
    for entry in feed.entries:
        assert entry.link.startswith(base + "/")
        paths.add(urlsplit(entry.link).path)
        assert entry.published_parsed is not None
        key = next(a for a in ARTICLES.values() if a["path"] == urlsplit(entry.link).path)
        assert parsedate_to_datetime(entry.published) == datetime.fromisoformat(key["published"])
        assert entry.title == key["title"]
    assert paths == expected
    for entry in feed.entries:
        assert http.get(entry.link).status_code == 200


def test_sitemaps(http, base):
    r = http.get(base + "/sitemap_index.xml")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/xml; charset=UTF-8"
    index = BeautifulSoup(r.content, "xml")
    children = [loc.text for loc in index.select("sitemap > loc")]
    assert children == [base + "/post-sitemap.xml", base + "/page-sitemap.xml"]
    posts = BeautifulSoup(http.get(children[0]).content, "xml")
    urls = {u.loc.text: u.lastmod.text for u in posts.select("url")}
    expected = {base + a["path"] for a in ARTICLES.values() if a["in_post_sitemap"]} | {base + KEY["not_found"][0]}
    assert set(urls) == expected
    assert all(datetime.fromisoformat(v).tzinfo is not None for v in urls.values())
    pages = BeautifulSoup(http.get(children[1]).content, "xml")
    assert {urlsplit(loc.text).path for loc in pages.select("url > loc")} == set(KEY["non_articles"])
    news = BeautifulSoup(http.get(base + "/news-sitemap.xml").content, "xml")
    items = news.find_all("url")
    assert len(items) == data.NEWS_SITEMAP_SIZE
    for item in items:
        key = next(a for a in ARTICLES.values() if base + a["path"] == item.loc.text)
        assert key["in_news_sitemap"]
        assert item.find("publication_date").text == key["published"]
        assert item.find("title").text == key["title"]


@pytest.mark.parametrize("path", ["/feed/", "/sitemap_index.xml", "/post-sitemap.xml", "/page-sitemap.xml",
                                  "/news-sitemap.xml", "/robots.txt"])
def test_conditional_get(http, base, path):
    r = http.get(base + path)
    etag, last_modified = r.headers["ETag"], r.headers["Last-Modified"]
    assert etag.startswith('"') and parsedate_to_datetime(last_modified).tzinfo is not None
    r304 = http.get(base + path, headers={"If-None-Match": etag})
    assert r304.status_code == 304 and r304.content == b"" and r304.headers["ETag"] == etag
    assert http.get(base + path, headers={"If-None-Match": '"stale"'}).status_code == 200
    assert http.get(base + path, headers={"If-Modified-Since": last_modified}).status_code == 304
    older = parsedate_to_datetime(last_modified) - timedelta(days=1)
    assert http.get(base + path, headers={"If-Modified-Since": older.strftime("%a, %d %b %Y %H:%M:%S GMT")}).status_code == 200
    assert http.get(base + path, headers={"If-None-Match": '"stale"', "If-Modified-Since": last_modified}).status_code == 200


def test_robots(http, base):
    r = http.get(base + "/robots.txt")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/plain")
    rp = Protego.parse(r.text)
    assert rp.can_fetch(base + "/feed/", "ogi-monitor") and rp.can_fetch(base + next(iter(ARTICLES.values()))["path"], "x")
    assert not rp.can_fetch(base + "/wp-admin/options.php", "ogi-monitor")
    assert rp.crawl_delay("ogi-monitor") == 0
    assert set(rp.sitemaps) == {base + "/sitemap_index.xml", base + "/news-sitemap.xml"}


# ---------------------------------------------------------------- listings and the source file

def _crawl_listing(http, listing) -> list[str]:
    found, url, pages = [], listing.url, 0
    while url and pages < listing.max_pages:
        r = http.get(url)
        assert r.status_code == 200, url
        soup = _soup(r)
        items = soup.select(listing.item_selector)
        assert items, url
        for item in items:
            found.append(item.select_one(listing.link_selector)["href"])
            assert item.select_one(listing.date_selector).get_text(strip=True)
        nxt = soup.select_one(listing.next_selector)
        url = nxt["href"] if nxt else None
        pages += 1
    assert url is None, f"{listing.url}: more pages than max_pages"
    return found


def test_sources_toml_loads_and_listings_cover_every_article(http, base, source):
    assert source.id == "demo-warta-rinjani" and source.local and source.kind == "media"
    assert source.homepage == base + "/"
    for url in source.feeds + source.sitemaps:
        assert http.get(url).status_code == 200
    listed: set[str] = set()
    for listing in source.listings:
        listed.update(urlsplit(u).path for u in _crawl_listing(http, listing))
    assert listed == {a["path"] for a in ARTICLES.values()}
    only_listed = {a["path"] for a in ARTICLES.values() if a["listing_only"]}
    assert len(only_listed) >= 5
    issues_only_listed = {i for a in ARTICLES.values() if a["listing_only"] for i in a["issues"]}
    assert len(issues_only_listed) >= 4  # listing discovery matters for most issues


def test_source_extraction_selectors(http, base, source):
    ex = source.extraction
    for slug, key in ARTICLES.items():
        r = http.get(base + key["path"])
        soup = _soup(r)
        for sel in (ex.title_selector, ex.body_selector, ex.author_selector, ex.date_selector):
            assert len(soup.select(sel)) == 1, (slug, sel)
        assert soup.select_one(ex.title_selector).get_text() == key["title"]
        date_el = soup.select_one(ex.date_selector)
        assert date_el.get_text(strip=True).startswith(key["shown_date"])
        assert (date_el.get("datetime") == key["published"]) == (key["date_in_page"] == "machine")
        for sel in ex.remove_selectors:
            for el in soup.select(sel):
                el.decompose()
        body = soup.select_one(ex.body_selector).get_text(" ", strip=True)
        assert "Simpan Sebagai PDF" not in body and "Terkait" not in body and "Bagikan" not in body


# ---------------------------------------------------------------- faults

def test_cp1252_page_bytes_without_charset(http, base):
    key = ARTICLES[_slug("cp1252")]
    r = http.get(base + key["path"])
    assert r.status_code == 200
    assert r.headers["Content-Type"] == "text/html"  # no charset parameter
    raw = r.content
    assert b"charset" not in raw.lower()
    for byte in (b"\x93", b"\x94", b"\x91", b"\x92", b"\x96", b"\x97", b"\x85"):  # “ ” ‘ ’ – — …
        assert byte in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert key["title"] in text and "“Tersangka" in text and "memaafkan – semua" in text
    assert "\x93" in raw.decode("latin-1")  # what a client defaulting to ISO-8859-1 would get


def test_multipage_article(http, base):
    key = ARTICLES[_slug("multipage")]
    url = base + key["path"]
    one = _soup(http.get(url))
    assert one.select_one('link[rel="next"]')["href"] == url + "?page=2"
    nxt = one.select_one('.page-links a[rel="next"]')
    assert nxt["href"] == url + "?page=2" and "Halaman 2" in nxt.get_text()
    r2 = http.get(url + "?page=2")
    assert r2.status_code == 200
    two = _soup(r2)
    assert two.select_one('link[rel="prev"]')["href"] == url
    first = " ".join(p.get_text() for p in one.select("div.entry-content > p"))
    second = " ".join(p.get_text() for p in two.select("div.entry-content > p"))
    assert "(bnh/ron)" in second and "(bnh/ron)" not in first
    assert first.startswith("MATARAM, Warta Rinjani ~") and "Warta Rinjani ~" not in second
    words = sum(len(p.get_text().split()) for s in (one, two)
                for p in s.select("div.entry-content > p") if not p.get_text().startswith("BACA JUGA"))
    assert words == key["words"]


def test_slow_page_is_slow_and_configurable(demo, http):
    server, base = demo
    key = ARTICLES[_slug("slow")]
    start = time.monotonic()
    assert http.get(base + key["path"], timeout=5).status_code == 200
    assert time.monotonic() - start >= SLOW
    server.slow_seconds = 0
    try:
        start = time.monotonic()
        assert http.get(base + key["path"], timeout=5).status_code == 200
        assert time.monotonic() - start < SLOW
    finally:
        server.slow_seconds = SLOW
    with pytest.raises(requests.exceptions.ReadTimeout):
        requests.get(base + key["path"], timeout=SLOW / 3)


def test_syndicated_duplicate(http, base):
    dup = ARTICLES[_slug("duplicate")]
    orig = ARTICLES[dup["duplicate_of"]]
    assert dup["title"] != orig["title"] and dup["issues"] == orig["issues"]

    def body(path: str) -> str:
        soup = _soup(http.get(base + path))
        paras = [p.get_text() for p in soup.select("div.entry-content > p") if not p.get_text().startswith("BACA JUGA")]
        return " ".join(paras)

    a, b = body(orig["path"]), body(dup["path"])
    assert a != b and a.startswith("MATARAM, Warta Rinjani ~") and b.startswith("Mataram – ")
    assert difflib.SequenceMatcher(None, a, b).ratio() > 0.95


def test_text_dated_pages_have_no_machine_date(http, base):
    from monitor.collect.dates import find_published

    text_dated = {s: a for s, a in ARTICLES.items() if a["date_in_page"] != "machine"}
    assert {a["date_in_page"] for a in text_dated.values()} == {"text_dash", "text_wib", "text_paren", "text_pukul"}
    for slug, key in text_dated.items():
        r = http.get(base + key["path"])
        soup = _soup(r)
        assert not soup.select('meta[property="article:published_time"]')
        assert "datePublished" not in r.text
        assert not soup.select("article.post time")
        assert key["shown_date"] in soup.select_one("header.entry-header").get_text()
        found = find_published(r.content, base + key["path"], now=datetime(2026, 1, 1).astimezone())
        if key["date_precision"] == "day":
            assert found[:10] == key["published"]
        else:
            assert datetime.fromisoformat(found) == datetime.fromisoformat(key["published"])
        assert not key["in_feed"] and not key["in_news_sitemap"]  # no machine date anywhere else either


# ---------------------------------------------------------------- the answer key

def test_answer_key_agrees_with_the_site(base):
    site = DemoSite(base)
    assert set(ARTICLES) == set(site.by_slug) and len(ARTICLES) >= 32
    feed = {p.art.slug for p in site.feed_posts()}
    smap = {p.art.slug for p in site.sitemap_posts()}
    news = {p.art.slug for p in site.news_sitemap_posts()}
    for slug, key in ARTICLES.items():
        post = site.by_slug[slug]
        assert key["path"] == post.path and key["title"] == post.art.title
        published = post.published.date().isoformat() if key["date_precision"] == "day" else post.published.isoformat()
        assert key["published"] == published
        assert key["shown_date"] == post.shown_date() and key["date_in_page"] == post.art.date_style
        assert key["words"] == post.word_count() and 180 <= key["words"] <= 400, slug
        assert 4 <= len(post.art.paragraphs) <= 8, slug
        assert key["in_feed"] == (slug in feed) and key["in_post_sitemap"] == (slug in smap)
        assert key["in_news_sitemap"] == (slug in news)
        assert key["listing_only"] == (slug not in feed and slug not in smap)
        assert key["charset"] == post.art.charset and key["slow"] == post.art.slow
        assert key["pages"] == (2 if post.art.page_break else 1)
        assert set(key["issues"]) <= set(ISSUE_KEYS) and len(set(key["issues"])) == len(key["issues"])
        text = post.art.title + "\n" + "\n".join(post.paragraphs())
        for org in key["partners"]:
            assert org["type"] in ("government", "civil_society", "international", "academic", "business",
                                   "political_party", "media", "other")
            assert any(w in text for w in org["as_written"]), (slug, org["name"])
        assert not post.art.comments or post.machine_dated  # comment <time>s would date text-only pages
    counts = {k: sum(k in a["issues"] for a in ARTICLES.values()) for k in ISSUE_KEYS}
    assert counts == KEY["issue_counts"] and min(counts.values()) >= 4
    assert sum(len(a["issues"]) == 2 for a in ARTICLES.values()) >= 4
    assert len(KEY["no_issue"]) >= 6 and all(not ARTICLES[s]["issues"] for s in KEY["no_issue"])
    for kind in ("cp1252", "multipage", "slow", "duplicate"):
        _slug(kind)


def test_answer_key_is_not_shipped_with_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["monitor"]
    assert not any(fnmatch.fnmatch("demo/answer_key.json", p) for p in patterns)
    assert any(fnmatch.fnmatch("demo/sources.toml", p) for p in patterns)


def test_calendar_shift_keeps_weekdays_consistent():
    site = DemoSite("http://127.0.0.1:9", newest=date(2027, 3, 3))
    plain = DemoSite("http://127.0.0.1:9")
    assert site.posts[0].published.date() == date(2027, 3, 3)
    shift = site.posts[0].published - plain.posts[0].published
    assert shift.days > 0 and shift.seconds == 0
    assert all(a.published - b.published == shift for a, b in zip(site.posts, plain.posts))
    for post in site.posts:
        weekday = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"][post.published.weekday()]
        if "{hari}" in " ".join(post.art.paragraphs):
            assert weekday in " ".join(post.paragraphs())
        assert "{hari" not in " ".join(post.paragraphs())
        if post.art.date_style in ("machine", "text_dash", "text_paren"):
            assert post.shown_date().startswith(weekday)


# ---------------------------------------------------------------- server behaviour

def test_quiet_server_and_clean_shutdown(capfd):
    server, base = serve_demo_site(slow_seconds=0.5)
    slow_path = ARTICLES[_slug("slow")]["path"]
    assert requests.get(base + "/").status_code == 200
    assert requests.get(base + "/missing/").status_code == 404
    with pytest.raises(requests.exceptions.ReadTimeout):  # the client hangs up mid-wait
        requests.get(base + slow_path, timeout=0.1)
    with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))) as sock:
        sock.sendall(b"GARBAGE\r\n\r\n")
        sock.recv(1024)
    time.sleep(0.6)  # let the abandoned slow request finish writing into a closed socket
    server.shutdown()
    server.shutdown()  # idempotent
    assert not server._thread.is_alive()
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(base + "/", timeout=1)
    out, err = capfd.readouterr()
    assert err == "" and out == ""
