"""Feeds, sitemaps and listing pages: real saved pages from ../shared/fixtures/html, hostile XML,
and one fetch -> discover round trip over a local HTTP server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest

try:
    from tests.httpfaults import FaultServer
except ImportError:  # tests/ is not a package: pytest put it on sys.path
    from httpfaults import FaultServer
from monitor.collect.discover import (
    Link,
    discover,
    extract_listing_links,
    feed_links,
    is_article_path,
    iso_date,
    parse_feed,
    parse_sitemap,
    selector_problems,
    sniff_kind,
    wordpress_candidates,
    xml_safety_problem,
)
from monitor.collect.fetch import Fetcher, FetchSettings

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT_ROOT.parent / "shared" / "fixtures" / "html"
ANPANDU = FIXTURES / "anpandu"
LISTINGS = FIXTURES / "lombok-listings"
needs_shared = pytest.mark.skipif(
    not FIXTURES.is_dir(), reason=f"shared fixtures not found at {FIXTURES} (../shared is absent)")

# The four real RSS feeds among the anpandu front pages (kapanlagi is ISO-8859-1).
FEEDS = {
    "antara": "test/fixtures/websites/antara/antara-mainpage.html",
    "detik": "test/fixtures/websites/detik/detik-mainpage.html",
    "kapanlagi": "test/fixtures/websites/kapanlagi/kapanlagi-mainpage.html",
    "republika": "test/fixtures/websites/republika/republika-mainpage.html",
}

# Listing selectors per source, as they go into config/sources.toml. Page URLs from SOURCE.md.
LISTING_SELECTORS: dict[str, dict[str, str]] = {
    "radar_mandalika": {  # Newsup WordPress theme
        "url": "https://radarmandalika.id/category/lombok-tengah/",
        "item_selector": "article.small",
        "link_selector": ".entry-title a",
        "date_selector": ".mg-blog-date",
    },
    "radar_lombok": {  # tagDiv Newspaper theme
        "url": "https://radarlombok.co.id/daerah/lombok-tengah",
        "item_selector": ".td-ss-main-content .td_module_wrap",
        "link_selector": ".entry-title a",
        "date_selector": "time.entry-date",
    },
    "suara_ntb": {  # tagDiv with a cloud-template category loop and a featured grid on page 1
        "url": "https://suarantb.com/category/ntb/lombok-tengah/",
        "item_selector": ".tdb-category-loop-posts .tdb_module_loop",
        "featured_selector": ".td-big-grid-flex-post",
        "link_selector": ".entry-title a",
        "date_selector": "time.entry-date",
    },
    "pemkab_loteng": {  # lomboktengahkab.go.id (not WordPress)
        "url": "https://lomboktengahkab.go.id/berita",
        "item_selector": "article:has(.post-title)",
        "link_selector": ".post-title a",
        "date_selector": ".post-on",
    },
}
EXPECTED_ITEMS = {"radar_mandalika": 2, "radar_lombok": 2, "suara_ntb": 3, "pemkab_loteng": 2}


def gold_first_urls(path: str) -> list[str]:
    gold = json.loads((ANPANDU / "gold_from_tests.json").read_text(encoding="utf-8"))
    return list(gold[path]["urls_in_order"].values())


def listing_kwargs(name: str) -> dict[str, str]:
    return {k: v for k, v in LISTING_SELECTORS[name].items() if k != "url"}


# --- real feeds ---------------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("name", sorted(FEEDS))
def test_real_feeds_match_gold(name: str) -> None:
    result = parse_feed((ANPANDU / FEEDS[name]).read_bytes())
    assert result.error is None and result.warning is None  # leading newline is tolerated
    assert [link.url for link in result.links[:3]] == gold_first_urls(FEEDS[name])
    for link in result.links:
        assert link.source_kind == "feed" and link.title and link.url.startswith("http://")
        assert link.published and link.published[:4] == "2015" and link.published[19:] in ("+07:00", "+00:00")


@needs_shared
def test_feed_dates_keep_offset_and_guid() -> None:
    antara = parse_feed((ANPANDU / FEEDS["antara"]).read_bytes()).links[0]
    assert antara.published == "2015-11-05T14:56:43+07:00"
    assert antara.title == "29 penerbangan Bandara Internasional Lombok dibatalkan"
    detik = parse_feed((ANPANDU / FEEDS["detik"]).read_bytes()).links[0]
    assert detik.published == "2015-11-05T03:08:58+00:00"  # "GMT"
    assert detik.guid and detik.guid.startswith("http://inet.detik.com/read/2015/11/05/")


@needs_shared
def test_iso_8859_1_feed_as_bytes_and_as_decoded_text() -> None:
    raw = (ANPANDU / FEEDS["kapanlagi"]).read_bytes()
    assert b'encoding="iso-8859-1"' in raw[:100]
    from_bytes = parse_feed(raw)
    from_text = parse_feed(raw.decode("cp1252"))  # as Page.html would hold it
    assert [l.url for l in from_bytes.links] == [l.url for l in from_text.links]
    assert from_text.links[0].title == "Drama Adaptasi Webtoon 'Cheese In Trap' Rilis Teaser Perdana"


def test_latin1_feed_with_accents() -> None:
    feed = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>T</title>'
            '<item><title>Café Senggigi dibuka – “resmi”</title><link>https://x.id/cafe-senggigi-dibuka</link>'
            "<pubDate>Fri, 11 Sep 2026 08:00:00 +0800</pubDate></item></channel></rss>")
    for data in (feed.encode("cp1252"), feed):
        link = parse_feed(data).links[0]
        assert link.title == "Café Senggigi dibuka – “resmi”"
        assert link.published == "2026-09-11T08:00:00+08:00"


def test_atom_feed_relative_links() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Berita NTB</title>
<entry><title>Satu dua tiga</title><link href="/2026/09/11/satu-dua-tiga/"/><id>urn:uuid:1</id>
<updated>2026-09-11T13:27:48+08:00</updated></entry>
<entry><title>Tanpa link</title><id>https://x.id/dari-guid</id><updated>2026-09-10</updated></entry>
</feed>"""
    result = parse_feed(atom, base_url="https://x.id/feed/")
    assert result.title == "Berita NTB" and result.error is None and result.warning is None
    assert [(l.url, l.guid, l.published) for l in result.links] == [
        ("https://x.id/2026/09/11/satu-dua-tiga/", "urn:uuid:1", "2026-09-11T13:27:48+08:00"),
        ("https://x.id/dari-guid", "https://x.id/dari-guid", "2026-09-10"),  # no time invented
    ]


def test_malformed_feed_returns_what_parses_with_warning() -> None:
    broken = (b"<rss version='2.0'><channel><item><title>Satu &nbsp; berita</title>"
              b"<link>https://x.id/satu-berita-ini</link></item><item><title>dua")
    result = parse_feed(broken)
    assert [l.url for l in result.links] == ["https://x.id/satu-berita-ini"]
    assert result.error is None and result.warning and result.warning.startswith("malformed feed")


@pytest.mark.parametrize("data", [b"", b"not xml at all", b"\x00\x01\x02", "<html><body>404</body></html>"])
def test_broken_feed_is_an_error_not_an_exception(data: bytes | str) -> None:
    result = parse_feed(data)
    assert result.links == [] and result.error


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<ROOT><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://x.id/a-b-c</link>
<loc>https://x.id/a-b-c</loc></item></channel></ROOT>"""


@pytest.mark.parametrize("root", [b"rss", b"urlset"])
def test_billion_laughs_refused(root: bytes) -> None:
    doc = BILLION_LAUGHS.replace(b"ROOT", root)
    result = parse_feed(doc) if root == b"rss" else parse_sitemap(doc)
    assert result.links == []
    assert result.error == "refused: XML entity declaration 'lol' (possible entity expansion attack)"


def test_external_entity_refused_even_in_malformed_xml() -> None:
    xxe = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url></urlset>'
    assert parse_sitemap(xxe).error == "refused: XML external entity 'x' (file:///etc/passwd)"
    assert xml_safety_problem(b"junk" + xxe) == "refused: XML entity declaration in a malformed document"
    # a DTD without entities (RSS 0.91) is fine
    rss091 = (b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
              b'"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>'
              b"<title>t</title><item><title>a b c</title><link>https://x.id/a-b-c</link></item></channel></rss>")
    assert xml_safety_problem(rss091) is None and len(parse_feed(rss091).links) == 1


# --- sitemaps -----------------------------------------------------------------------------

SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://suarantb.com/post-sitemap1.xml</loc><lastmod>2026-09-11T13:27:48+07:00</lastmod></sitemap>
  <sitemap><loc>https://suarantb.com/post-sitemap2.xml</loc></sitemap>
</sitemapindex>"""

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://suarantb.com/2026/09/11/belasan-pejabat-utama-polresta-loteng-dirotasi/</loc>
       <lastmod>2026-09-11</lastmod></url>
  <url><loc> https://suarantb.com/2026/09/09/sambut-penonton-motogp/ </loc></url>
</urlset>"""

NEWS_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://radarlombok.co.id/17-penerbangan-bizam-dibatalkan.html</loc>
    <lastmod>2026-09-07T10:30:00+08:00</lastmod>
    <news:news>
      <news:publication><news:name>Radar Lombok</news:name><news:language>id</news:language></news:publication>
      <news:publication_date>2026-09-07T10:19:30+08:00</news:publication_date>
      <news:title>17 Penerbangan Bizam Dibatalkan – “Cuaca”</news:title>
    </news:news>
  </url>
</urlset>"""


def test_sitemap_index_lists_children() -> None:
    result = parse_sitemap(SITEMAP_INDEX)
    assert result.links == [] and result.error is None
    assert [(s.url, s.lastmod, s.source_kind) for s in result.sitemaps] == [
        ("https://suarantb.com/post-sitemap1.xml", "2026-09-11T13:27:48+07:00", "sitemap_index"),
        ("https://suarantb.com/post-sitemap2.xml", None, "sitemap_index"),
    ]


def test_urlset_with_lastmod() -> None:
    result = parse_sitemap(URLSET)
    assert [(l.url, l.lastmod) for l in result.links] == [
        ("https://suarantb.com/2026/09/11/belasan-pejabat-utama-polresta-loteng-dirotasi/", "2026-09-11"),
        ("https://suarantb.com/2026/09/09/sambut-penonton-motogp/", None),
    ]


def test_google_news_sitemap() -> None:
    (link,) = parse_sitemap(NEWS_SITEMAP).links
    assert link.title == "17 Penerbangan Bizam Dibatalkan – “Cuaca”"
    assert link.published == "2026-09-07T10:19:30+08:00" and link.lastmod == "2026-09-07T10:30:00+08:00"


@pytest.mark.parametrize("data, fragment", [
    (b"<urlset><url><loc>https://x.id/a</loc>", "malformed XML"),
    (b"<html><body>hi</body></html>", "root element <html>"),
])
def test_bad_sitemaps(data: bytes, fragment: str) -> None:
    result = parse_sitemap(data)
    assert result.links == [] and fragment in (result.error or "")


# --- listing pages ------------------------------------------------------------------------

@needs_shared
@pytest.mark.parametrize("name", sorted(LISTING_SELECTORS))
def test_listing_selectors(name: str) -> None:
    html = (LISTINGS / f"{name}.html").read_text(encoding="utf-8")
    links, next_url = extract_listing_links(html, LISTING_SELECTORS[name]["url"], **listing_kwargs(name))
    assert len(links) == EXPECTED_ITEMS[name]
    for link in links:
        assert link.url.startswith("https://") and link.title and link.source_kind == "listing"
        assert link.published is None or link.published.startswith("2026-09"), link
    # suara_ntb's second featured item has no date in its markup
    assert sum(1 for l in links if l.published) == len(links) - (name == "suara_ntb")
    assert next_url is None  # the excerpts have no pagination


@needs_shared
def test_listing_details() -> None:
    def links(name: str, url: str | None = None) -> list[Link]:
        html = (LISTINGS / f"{name}.html").read_text(encoding="utf-8")
        return extract_listing_links(html, url or LISTING_SELECTORS[name]["url"], **listing_kwargs(name))[0]

    # the truncated anchor text gives way to the full title attribute
    assert links("radar_lombok")[1].title == \
        "Jelang MotoGP 2026, Puma Jatanras Polda NTB Petakan Titik Rawan di Mandalika"
    assert links("radar_lombok")[0].published == "2026-09-07T10:19:30+08:00"
    assert [l.published for l in links("radar_mandalika")] == ["2026-09-11", "2026-09-05"]
    assert links("pemkab_loteng")[0].published == "2026-09-11"
    # page 2 of a tagDiv category repeats page 1's featured grid: skipped
    page2 = links("suara_ntb", "https://suarantb.com/category/ntb/lombok-tengah/page/2/")
    assert [l.url for l in page2] == [
        "https://suarantb.com/2026/09/09/sambut-penonton-motogp-mandalika-bizam-akan-dipercantik/"]


@needs_shared
@pytest.mark.parametrize("name", sorted(LISTING_SELECTORS))
def test_listing_heuristic_without_selectors(name: str) -> None:
    html = (LISTINGS / f"{name}.html").read_text(encoding="utf-8")
    links, _ = extract_listing_links(html, LISTING_SELECTORS[name]["url"])
    with_selectors, _ = extract_listing_links(html, LISTING_SELECTORS[name]["url"], **listing_kwargs(name))
    assert [l.url for l in links] == [l.url for l in with_selectors]
    assert all(len(l.title.split()) >= 3 for l in links)


@needs_shared
@pytest.mark.parametrize("name, base", [
    ("kompas", "http://www.kompas.com/"), ("liputan6", "http://www.liputan6.com/"),
    ("okezone", "http://www.okezone.com/"), ("tempo", "http://www.tempo.co/"),
    ("tempoen", "http://en.tempo.co/"), ("viva", "http://www.viva.co.id/"),
])
def test_heuristic_on_html_front_pages_finds_gold_in_order(name: str, base: str) -> None:
    folder = "tempo-english" if name == "tempoen" else name
    path = f"test/fixtures/websites/{folder}/{name}-mainpage.html"
    from monitor.collect.fetch import decode_body
    html, _ = decode_body((ANPANDU / path).read_bytes())
    urls = [l.url for l in extract_listing_links(html, base)[0]]
    gold = gold_first_urls(path)
    assert all(g in urls for g in gold)
    positions = [urls.index(g) for g in gold]
    assert positions == list(range(positions[0], positions[0] + 3))  # consecutive, in order


def test_heuristic_skips_navigation_and_short_anchors() -> None:
    html = """<nav><a href="/category/politik/">Politik Hukum Dan Kriminal</a>
    <a href="/tag/lombok-tengah/">Lombok Tengah Hari Ini</a><a href="/author/budi/">Oleh Budi Santoso Saja</a>
    <a href="/page/2/">Halaman dua berikutnya ya</a><a href="https://other.id/2026/09/11/berita-lain-di-sana/">Berita lain di sana</a></nav>
    <h2><a href="/2026/09/11/bupati-resmikan-pasar-baru/">Bupati Resmikan Pasar Baru</a></h2>
    <a href="/2026/09/11/bupati-resmikan-pasar-baru/#respond">2 komentar</a>
    <a href="/2026/09/11/dua-kata/">Baca</a>
    <a class="next page-numbers" href="/page/2/">Next</a>"""
    links, next_url = extract_listing_links(html, "https://x.id/")
    assert [(l.url, l.title) for l in links] == [
        ("https://x.id/2026/09/11/bupati-resmikan-pasar-baru/", "Bupati Resmikan Pasar Baru")]
    assert next_url == "https://x.id/page/2/"


def test_item_selector_defaults() -> None:
    html = """<ul><li><a href="/foto/x.jpg">img</a><h3><a href="/a/satu-dua-tiga">Satu dua tiga</a></h3></li>
    <li><a class="t" href="/b/empat-lima-enam" title="Empat lima enam tujuh">Empat lima…</a></li></ul>
    <div class="links"><a href="/c/tujuh-delapan-sembilan">Tujuh delapan sembilan</a></div>"""
    links, _ = extract_listing_links(html, "https://x.id/", item_selector="li")
    assert [(l.url, l.title) for l in links] == [
        ("https://x.id/a/satu-dua-tiga", "Satu dua tiga"),
        ("https://x.id/b/empat-lima-enam", "Empat lima enam tujuh")]
    links, _ = extract_listing_links(html, "https://x.id/", item_selector=".links a")
    assert [l.url for l in links] == ["https://x.id/c/tujuh-delapan-sembilan"]


def test_next_selector_and_garbage_html() -> None:
    html = '<div class="pagination"><a class="nxt" href="?page=3">»</a></div>'
    assert extract_listing_links(html, "https://x.id/berita?page=2", next_selector=".pagination .nxt")[1] == \
        "https://x.id/berita?page=3"
    assert extract_listing_links("", "https://x.id/") == ([], None)
    assert extract_listing_links("<<<>>>\x00", "https://x.id/", item_selector="article") == ([], None)


@pytest.mark.parametrize("path, expected", [
    ("/2026/09/11/bupati-resmikan-pasar/", True), ("/read/2437019/london-love-story", True),
    ("/news/d-7561234/judul", True), ("/berita.html", False), ("/2026/09/", False),
    ("/category/ntb/lombok-tengah/", False), ("/tag/a-b-c/", False), ("/", False),
    ("/food_and_living", False),
])
def test_is_article_path(path: str, expected: bool) -> None:
    assert is_article_path(path) is expected


@pytest.mark.parametrize("value, expected", [
    ("Thu, 05 Nov 2015 14:56:43 +0700", "2015-11-05T14:56:43+07:00"),
    ("2026-09-11T13:27:48+07:00", "2026-09-11T13:27:48+07:00"), ("2026-09-11", "2026-09-11"),
    ("2026-09-11T06:27:48Z", "2026-09-11T06:27:48+00:00"), ("11 September 2026", "2026-09-11"),
    ("Jumat, 5 Agustus 2026", "2026-08-05"), ("11/09/2026", "2026-09-11"), ("kemarin", None), ("", None),
])
def test_iso_date(value: str, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_feed_autodiscovery_and_wordpress_candidates() -> None:
    html = ('<head><link rel="alternate" type="application/rss+xml" href="/feed/">'
            '<link rel="alternate" type="application/rss+xml" href="https://x.id/category/ntb/feed/">'
            '<link rel="stylesheet" href="/s.css"></head>')
    assert feed_links(html, "https://x.id/") == ["https://x.id/feed/", "https://x.id/category/ntb/feed/"]
    guess = wordpress_candidates("https://suarantb.com/", "/category/ntb/lombok-tengah/")
    assert guess["feeds"][0] == "https://suarantb.com/category/ntb/lombok-tengah/feed/"
    assert "https://suarantb.com/wp-sitemap.xml" in guess["sitemaps"]


# --- fetch -> discover over a local server ------------------------------------------------

@pytest.fixture
def site() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server


@needs_shared
def test_fetch_then_discover_over_http(site: FaultServer) -> None:
    kapanlagi = (ANPANDU / FEEDS["kapanlagi"]).read_bytes()
    site.robots("User-agent: *\nDisallow: /wp-admin/\nSitemap: /sitemap_index.xml\n")
    site.route("/feed/", body=kapanlagi, content_type="application/rss+xml")  # charset from the XML declaration
    site.route("/feed-plain/", body=kapanlagi, content_type="text/plain")
    site.route("/category/ntb/lombok-tengah/", content_type="text/html; charset=UTF-8",
               body=(LISTINGS / "suara_ntb.html").read_bytes())
    site.route("/sitemap_index.xml", body=SITEMAP_INDEX, content_type="application/xml")
    site.route("/news-sitemap.xml", body=NEWS_SITEMAP, content_type="text/xml; charset=utf-8")
    site.route("/bom.xml", body=BILLION_LAUGHS.replace(b"ROOT", b"rss"), content_type="application/rss+xml")

    def no_dns(host: str, *a: object, **k: object) -> list:
        raise AssertionError(f"test tried to resolve {host!r}")

    settings = FetchSettings(per_host_delay=0, retries=0, local_origins={site.host})
    with Fetcher(settings, resolver=no_dns) as fetcher:
        pages = {p.url.removeprefix(site.origin): p for p in fetcher.fetch_many(
            [site.url("/feed/"), site.url("/feed-plain/"), site.url("/news-sitemap.xml"),
             site.url("/sitemap_index.xml"), site.url("/bom.xml")], kind="feed")}
        listing = fetcher.fetch(site.url("/category/ntb/lombok-tengah/"), kind="listing")

    feed = discover(pages["/feed/"], "feed")
    assert pages["/feed/"].encoding == "windows-1252" and feed.error is None
    assert [l.url for l in feed.links[:3]] == gold_first_urls(FEEDS["kapanlagi"])
    assert [l.url for l in discover(pages["/feed-plain/"]).links] == [l.url for l in feed.links]
    assert discover(pages["/news-sitemap.xml"]).links[0].title.startswith("17 Penerbangan Bizam")
    assert len(discover(pages["/sitemap_index.xml"], "sitemap").sitemaps) == 2
    assert discover(pages["/bom.xml"]).error.startswith("refused: XML entity declaration")

    found = discover(listing, "listing", **listing_kwargs("suara_ntb"))
    assert [l.title for l in found.links] == [
        "Belasan Pejabat Utama Polresta Loteng Dirotasi",
        "Loteng Implementasikan Program Puskesmas Inklusif",
        "Sambut Penonton MotoGP Mandalika, BIZAM akan Dipercantik"]
    assert sniff_kind(listing.html) == "html" and sniff_kind(pages["/feed/"].html) == "feed"
    assert site.count("/robots.txt") == 1


def test_invalid_selectors_are_reported() -> None:
    from monitor.models import Page
    (problem,) = selector_problems(item_selector="article.small", link_selector="a[")
    assert problem.startswith("invalid link_selector 'a[': Malformed attribute selector")
    with pytest.raises(ValueError, match="invalid item_selector"):
        extract_listing_links("<p>x</p>", "https://x.id/", item_selector="div >> p")
    page = Page(url="https://x.id/", final_url="https://x.id/", status=200, html="<p>x</p>")
    assert discover(page, "listing", item_selector="div >> p").error.startswith("invalid item_selector")


def test_discover_passes_fetch_errors_through() -> None:
    from monitor.models import Page
    assert discover(Page(url="u", final_url="u", status=0, error="timeout after 10s")).error == \
        "timeout after 10s"
    assert discover(Page(url="u", final_url="u", status=304, not_modified=True)).error == "not modified"
