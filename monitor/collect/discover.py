"""Find article links: RSS/Atom feeds, sitemaps (incl. indexes and Google News), listing pages.

Nothing here does network access and nothing raises on bad input: results carry an `error`
(nothing usable) or a `warning` (usable, but the source was malformed). XML is checked with
defusedxml before any parser sees it, so entity-expansion ("billion laughs") and external
entity (XXE) documents are refused, never expanded.
"""

from __future__ import annotations

import email.utils
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeET
import feedparser
import soupsieve
from bs4 import BeautifulSoup, Tag

from monitor.collect.urls import canonicalize, same_site
from monitor.models import Page

log = logging.getLogger(__name__)


@dataclass
class Link:
    """A candidate article URL and what the source said about it."""

    url: str
    title: str = ""
    published: str | None = None  # ISO 8601, with the UTC offset when the source gave one
    source_kind: str = "listing"  # "feed", "sitemap", "sitemap_index" or "listing"
    guid: str | None = None  # feed entry id
    lastmod: str | None = None  # sitemap <lastmod>, ISO 8601
    raw_date: str | None = None  # the date text as found, when it could not be parsed


@dataclass
class Discovery:
    """What a feed, sitemap or listing page yielded."""

    links: list[Link] = field(default_factory=list)
    sitemaps: list[Link] = field(default_factory=list)  # children of a sitemap index
    next_url: str | None = None  # listing pagination
    title: str | None = None  # feed title
    warning: str | None = None  # malformed but partly parsed
    error: str | None = None  # nothing could be parsed


# --- dates --------------------------------------------------------------------------------

_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "pebruari": 2,
    "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6,
    "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8, "august": 8, "agu": 8,
    "aug": 8, "agt": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "october": 10,
    "okt": 10, "oct": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12,
    "december": 12, "des": 12, "dec": 12,
}
_DMY_WORDS = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b")
_DMY_SLASH = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def iso_date(value: str | None) -> str | None:
    """ISO 8601 from an ISO/W3C, RFC 822 or Indonesian/English "11 September 2026" or
    "11/09/2026" (day first) date; keeps the UTC offset when there is one. None if unparseable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value).isoformat()
        return datetime.fromisoformat(value).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        match = _DMY_WORDS.search(value)
        if match and match.group(2).lower() in _MONTHS:
            day, month, year = int(match.group(1)), _MONTHS[match.group(2).lower()], int(match.group(3))
            return date(year, month, day).isoformat()
        match = _DMY_SLASH.search(value)
        if match:
            return date(int(match.group(3)), int(match.group(2)), int(match.group(1))).isoformat()
    except ValueError:
        pass
    return None


# --- XML safety ---------------------------------------------------------------------------

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_XML_DECL_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])[\w.:-]+([\"'])", re.I)


def _as_xml_bytes(data: bytes | str) -> bytes:
    """Bytes an XML parser can take: leading whitespace/BOM before `<?xml` removed (common in
    real feeds, and fatal to expat), and a decoded str re-labelled as UTF-8."""
    if isinstance(data, str):
        data = _XML_DECL_ENCODING.sub(r"\g<1>utf-8\g<2>", data.lstrip("\ufeff \t\r\n"), count=1)
        return data.encode("utf-8")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.lstrip(b" \t\r\n")


def xml_safety_problem(data: bytes | str) -> str | None:
    """Why an XML document must not be parsed (entity declarations, external entities), or None.

    Uses defusedxml (entities and external references forbidden, a DTD itself allowed: RSS 0.91
    has one). A document too malformed for defusedxml is refused if it declares any entity.
    """
    raw = _as_xml_bytes(data)
    try:
        SafeET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            return f"refused: XML external entity {exc.name!r} ({exc.sysid or exc.pubid})"
        return f"refused: XML entity declaration {exc.name!r} (possible entity expansion attack)"
    except (defusedxml.ExternalReferenceForbidden, defusedxml.DTDForbidden) as exc:
        return f"refused: XML external reference ({type(exc).__name__})"
    except defusedxml.DefusedXmlException as exc:
        return f"refused: unsafe XML ({type(exc).__name__})"
    except (ParseError, ValueError):
        if _ENTITY_DECL.search(raw):
            return "refused: XML entity declaration in a malformed document"
    return None


# --- feeds --------------------------------------------------------------------------------

def _entry_published(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = iso_date(entry.get(key))
        if parsed:
            return parsed
    for key in ("published_parsed", "updated_parsed"):
        struct = entry.get(key)
        if struct:  # feedparser's fallback is UTC; the original offset is lost
            return datetime(*struct[:6], tzinfo=timezone.utc).isoformat()
    return None


def _entry_url(entry: Any, base_url: str | None) -> str | None:
    url = entry.get("link")
    if not url:
        guid = entry.get("id") or ""
        url = guid if guid.startswith(("http://", "https://")) else None
    if not url:
        return None
    return urljoin(base_url, url.strip()) if base_url else url.strip()


def parse_feed(data: bytes | str, base_url: str | None = None) -> Discovery:
    """Entries of an RSS 0.9x/1.0/2.0 or Atom feed, in feed order.

    `data` is the body (bytes, or the decoded `Page.html`). Malformed feeds give what
    feedparser could recover plus a `warning`; a feed with no usable entry gives `error`.
    """
    problem = xml_safety_problem(data)
    if problem:
        log.warning("feed %s: %s", base_url or "", problem)
        return Discovery(error=problem)
    raw = _as_xml_bytes(data)
    headers = {"content-type": "application/xml"}  # let the XML declaration decide the charset
    if base_url:
        headers["content-location"] = base_url
    try:
        # A file object: feedparser treats str/bytes as a URL or path to open.
        parsed = feedparser.parse(io.BytesIO(raw), response_headers=headers)
    except Exception as exc:  # feedparser is lenient, but a crash must not stop the run
        log.warning("feed %s: parser crashed: %r", base_url or "", exc)
        return Discovery(error=f"feed parser failed: {exc!r}")
    links = []
    for entry in parsed.entries:
        url = _entry_url(entry, base_url)
        if not url:
            continue
        links.append(Link(url=url, title=" ".join((entry.get("title") or "").split()),
                          published=_entry_published(entry), source_kind="feed",
                          guid=entry.get("id")))
    result = Discovery(links=links, title=parsed.feed.get("title"))
    reason = f"{type(parsed.get('bozo_exception')).__name__}: {parsed.get('bozo_exception')}"
    if parsed.get("bozo") and links:
        result.warning = f"malformed feed ({reason})"
    elif not links:
        result.error = f"not a feed ({reason})" if parsed.get("bozo") else "feed has no entries"
    return result


# --- sitemaps -----------------------------------------------------------------------------

def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(elem: Element, *path: str) -> str | None:
    """Text of the first descendant following local names `path` (namespace-agnostic)."""
    current: Element | None = elem
    for name in path:
        current = next((c for c in current if _local(c.tag) == name), None) if current is not None else None
    if current is None or current.text is None:
        return None
    return current.text.strip() or None


def parse_sitemap(data: bytes | str, base_url: str | None = None) -> Discovery:
    """URLs of a sitemap (<urlset>), or child sitemaps of a <sitemapindex> (in `sitemaps`).

    <lastmod> goes to `Link.lastmod`; Google News <news:publication_date> and <news:title>
    go to `published` and `title`.
    """
    problem = xml_safety_problem(data)
    if problem:
        log.warning("sitemap %s: %s", base_url or "", problem)
        return Discovery(error=problem)
    try:
        root = SafeET.fromstring(_as_xml_bytes(data), forbid_entities=True, forbid_external=True)
    except (ParseError, ValueError, defusedxml.DefusedXmlException) as exc:
        return Discovery(error=f"not a sitemap: malformed XML ({exc})")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        return Discovery(error=f"not a sitemap: root element <{kind}>")
    result = Discovery()
    for item in root:
        loc = _child_text(item, "loc")
        if _local(item.tag) not in ("url", "sitemap") or not loc:
            continue
        url = urljoin(base_url, loc) if base_url else loc
        lastmod = _child_text(item, "lastmod")
        link = Link(url=url, lastmod=iso_date(lastmod) or lastmod,
                    source_kind="sitemap_index" if kind == "sitemapindex" else "sitemap")
        if kind == "sitemapindex":
            result.sitemaps.append(link)
            continue
        raw_published = _child_text(item, "news", "publication_date")
        link.published = iso_date(raw_published)
        link.raw_date = raw_published if raw_published and not link.published else None
        link.title = " ".join((_child_text(item, "news", "title") or "").split())
        result.links.append(link)
    if not result.links and not result.sitemaps:
        result.warning = "sitemap has no entries"
    return result


# --- listing pages ------------------------------------------------------------------------

# Path segments of navigation pages, never articles.
_NON_ARTICLE_SEGMENTS = frozenset({
    "category", "categories", "kategori", "tag", "tags", "topik", "topic", "author", "penulis",
    "page", "halaman", "label", "search", "cari", "feed", "rss", "wp-content", "wp-admin",
    "wp-json", "wp-login.php", "login", "register", "indeks", "index", "kanal", "about",
    "tentang", "tentang-kami", "kontak", "contact", "redaksi", "pedoman-media-siber",
    "privacy-policy", "kebijakan-privasi", "disclaimer", "iklan", "advertise", "comments",
})
_NEXT_TEXTS = frozenset({"next", "next »", "next ›", "»", "›", "berikutnya", "selanjutnya",
                         "older posts", "halaman berikutnya", "load more"})
_ELLIPSIS = ("…", "...")
_PAGINATED = re.compile(r"(/page/|/halaman/)(\d+)/?$|[?&](page|paged|halaman|p)=(\d+)", re.I)


def is_article_path(path: str) -> bool:
    """Whether a URL path looks like an article: a last segment of 3+ words (`-`/`.`
    separated), or a numeric id of 5+ digits below some section; never a path with a
    category/tag/author/page/... navigation segment."""
    segments = [s for s in path.lower().split("/") if s]
    if not segments or any(s in _NON_ARTICLE_SEGMENTS for s in segments):
        return False
    last = re.sub(r"\.(html?|php|aspx?)$", "", segments[-1])
    words = [w for w in re.split(r"[-.+]", last) if w]  # not "_": section names use it
    if len(words) >= 3 and re.search(r"[a-z]", last):
        return True
    has_id = any(re.fullmatch(r"(d-)?\d{5,}", s) for s in segments)
    return has_id and len(segments) >= 2


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def _anchor_title(anchor: Tag) -> str:
    """The anchor's text, or its title attribute when the text is empty or cut short."""
    text = _text(anchor)
    attr = " ".join(str(anchor.get("title") or "").split())
    if attr and (not text or (text.endswith(_ELLIPSIS) and len(attr) > len(text))):
        return attr
    return text


def _http_url(href: Any, base_url: str) -> str | None:
    if not href:
        return None
    try:
        url = urljoin(base_url, str(href).strip())
        scheme = urlsplit(url).scheme
    except ValueError:  # malformed, e.g. "http://[oops"
        return None
    return url.split("#", 1)[0] if scheme in ("http", "https") else None


_ITEM_LINK = "h1 a[href], h2 a[href], h3 a[href], h4 a[href], h5 a[href], h6 a[href], " \
             ".entry-title a[href], a[href][title]"


def _item_anchor(item: Tag, link_selector: str | None) -> Tag | None:
    if item.name == "a" and item.get("href"):  # the item selector picked the links themselves
        return item
    if link_selector:
        found = item.select_one(link_selector)
        if found is not None and found.name != "a":
            found = found.find("a", href=True)
        return found
    return item.select_one(_ITEM_LINK) or item.find("a", href=True)


def _item_date(item: Tag, date_selector: str | None) -> tuple[str | None, str | None]:
    """(ISO date, raw text when unparsed) from a `time[datetime]` or the `date_selector` element."""
    node = item.select_one(date_selector) if date_selector else item.select_one("time[datetime], time")
    if node is None:
        return None, None
    raw = str(node.get("datetime") or "") or _text(node)
    parsed = iso_date(raw) or iso_date(_text(node))
    return parsed, (None if parsed else raw or None)


def _is_later_page(url: str) -> bool:
    match = _PAGINATED.search(url)
    return bool(match) and int(match.group(2) or match.group(4)) > 1


def _next_url(soup: BeautifulSoup, base_url: str, next_selector: str | None) -> str | None:
    if next_selector:
        candidates = soup.select(next_selector)
    else:
        candidates = soup.select("link[rel~=next], a[rel~=next], a.next, .nav-previous a")
        candidates += [a for a in soup.find_all("a", href=True)
                       if _text(a).lower() in _NEXT_TEXTS or str(a.get("aria-label", "")).lower()
                       in ("next", "next-page", "halaman berikutnya")]
    for node in candidates:
        if node.name not in ("a", "link"):
            node = node.find("a", href=True) or node
        url = _http_url(node.get("href"), base_url)
        if url and url != base_url and same_site(url, base_url):
            return url
    return None


def extract_listing_links(
    html: str,
    base_url: str,
    item_selector: str | None = None,
    link_selector: str | None = None,
    next_selector: str | None = None,
    *,
    featured_selector: str | None = None,
    date_selector: str | None = None,
) -> tuple[list[Link], str | None]:
    """Article links of a listing (category, tag, index) page and the next page's URL.

    With `item_selector` (CSS, from the source config) each matching element is one article:
    its link is `link_selector` inside it (default: the first heading link or titled link),
    its date a `time[datetime]` or `date_selector`. `featured_selector` items (a featured
    grid on top of page 1) are taken only on the first page, since later pages repeat them.
    Without selectors, a heuristic keeps same-site links whose path looks like an article
    (see `is_article_path`) and whose text has at least three words.
    Links are deduplicated by canonical URL, in page order.
    Raises ValueError for an invalid CSS selector (a config error; see `selector_problems`).
    """
    problems = selector_problems(item_selector=item_selector, link_selector=link_selector,
                                 next_selector=next_selector, featured_selector=featured_selector,
                                 date_selector=date_selector)
    if problems:
        raise ValueError("; ".join(problems))
    soup = BeautifulSoup(html or "", "lxml")
    if item_selector:
        selector = item_selector
        if featured_selector and not _is_later_page(base_url):
            selector = f"{featured_selector}, {item_selector}"
        links = _links_from_items(soup.select(selector), base_url, link_selector, date_selector)
    else:
        links = _links_by_heuristic(soup, base_url)
    return links, _next_url(soup, base_url, next_selector)


def selector_problems(**selectors: str | None) -> list[str]:
    """Messages for the CSS selectors that don't compile (check source config at load time)."""
    problems = []
    for name, selector in selectors.items():
        if selector:
            try:
                soupsieve.compile(selector)
            except (soupsieve.SelectorSyntaxError, TypeError) as exc:
                problems.append(f"invalid {name} {selector!r}: {str(exc).splitlines()[0]}")
    return problems


def _links_from_items(items: Iterable[Tag], base_url: str, link_selector: str | None,
                      date_selector: str | None) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for item in items:
        anchor = _item_anchor(item, link_selector)
        url = _http_url(anchor.get("href"), base_url) if anchor is not None else None
        if url is None or canonicalize(url) in seen:
            continue
        seen.add(canonicalize(url))
        published, raw_date = _item_date(item, date_selector)
        links.append(Link(url=url, title=_anchor_title(anchor), published=published,
                          raw_date=raw_date, source_kind="listing"))
    return links


def _links_by_heuristic(soup: BeautifulSoup, base_url: str) -> list[Link]:
    best: dict[str, tuple[tuple[bool, int], Link]] = {}  # canonical URL -> (score, link)
    base_key = canonicalize(base_url)
    for anchor in soup.find_all("a", href=True):
        url = _http_url(anchor.get("href"), base_url)
        if url is None or not same_site(url, base_url) or not is_article_path(urlsplit(url).path):
            continue
        key = canonicalize(url)
        if key == base_key:
            continue
        title = _anchor_title(anchor)
        in_heading = anchor.find_parent(["h1", "h2", "h3", "h4", "h5", "h6"]) is not None
        score = (in_heading, len(title.split()) if len(title.split()) >= 3 else 0)
        if key not in best:
            best[key] = (score, Link(url=url, title=title, source_kind="listing"))
        elif score > best[key][0]:
            best[key] = (score, Link(url=best[key][1].url, title=title, source_kind="listing"))
    return [link for score, link in best.values() if score[1] > 0]


# --- dispatch and feed discovery ---------------------------------------------------------

def sniff_kind(text: str | bytes) -> str:
    """"feed", "sitemap" or "html" from the first elements of a document."""
    head = (text[:2048].decode("utf-8", "replace") if isinstance(text, bytes) else text[:2048]).lower()
    if re.search(r"<(urlset|sitemapindex)\b", head):
        return "sitemap"
    if re.search(r"<(rss|feed|rdf:rdf)\b", head):
        return "feed"
    return "html"


def discover(page: Page, kind: str | None = None, **selectors: str | None) -> Discovery:
    """Links from a fetched page: as a "feed", "sitemap" or "listing" (`kind`; sniffed when
    None or anything else, e.g. "html"). A failed or 304 page gives its error / "not modified".

    `selectors` are `extract_listing_links` keyword arguments from the source config.
    """
    if page.error or page.not_modified:
        return Discovery(error=page.error or "not modified")
    base = page.final_url or page.url
    if kind not in ("feed", "sitemap", "listing"):
        kind = sniff_kind(page.html)
    if kind == "feed":
        return parse_feed(page.html, base)
    if kind == "sitemap":
        return parse_sitemap(page.html, base)
    try:
        links, next_url = extract_listing_links(page.html, base, **selectors)
    except ValueError as exc:
        log.error("listing %s: %s", base, exc)
        return Discovery(error=str(exc))
    return Discovery(links=links, next_url=next_url,
                     warning=None if links else "no article links found")


_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


def feed_links(html: str, base_url: str) -> list[str]:
    """Feed URLs a page announces with <link rel="alternate" type="application/rss+xml">."""
    soup = BeautifulSoup(html or "", "lxml")
    urls = []
    for node in soup.select("link[rel~=alternate][href]"):
        if str(node.get("type", "")).lower() in _FEED_TYPES:
            url = _http_url(node.get("href"), base_url)
            if url and url not in urls:
                urls.append(url)
    return urls


def wordpress_candidates(site_url: str, category_path: str | None = None) -> dict[str, list[str]]:
    """Conventional feed and sitemap URLs of a WordPress site (to try, most specific first).

    `category_path` like "/category/ntb/lombok-tengah/" adds that category's feed.
    """
    root = site_url.rstrip("/")
    feeds = [f"{root}/feed/"]
    if category_path:
        feeds.insert(0, f"{root}/{category_path.strip('/')}/feed/")
    sitemaps = [f"{root}/news-sitemap.xml", f"{root}/sitemap_index.xml",
                f"{root}/wp-sitemap.xml", f"{root}/sitemap.xml"]
    return {"feeds": feeds, "sitemaps": sitemaps}
