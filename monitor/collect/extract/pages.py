"""Multi-page articles: find the further pages (``next_page_urls``), join them (``join_pages``)."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from monitor.collect.extract.language import detect_language
from monitor.collect.extract.parse import parse_html
from monitor.collect.extract.text import _key, _norm
from monitor.models import Article

_PAGE_PARAMS = ("page", "p", "halaman", "hal", "pg", "paged")
_SHOW_ALL_PARAMS = {("page", "all"), ("single", "1"), ("showpage", "all"), ("view", "all"), ("all", "1")}
_NEXT_TEXT = re.compile(r"^\s*(?:halaman\s+)?(?:selanjutnya|berikutnya|next|lanjut)\b|^\s*halaman\s+\d+\s*$", re.I)


def _article_base(url: str) -> tuple[str, str, str, int]:
    """(host, path without a page suffix, query without page params, page number)."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    page = 1
    m = re.search(r"/(\d{1,2})$", path)
    if m and len(path) - len(m.group(0)) > 20:  # "/slug/2" (detik); short paths are ids
        page, path = int(m.group(1)), path[: -len(m.group(0))]
    query = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _PAGE_PARAMS and value.isdigit():
            page = int(value)
        elif (key.lower(), value.lower()) not in _SHOW_ALL_PARAMS:
            query.append((key, value))
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    return host, path, urlencode(query), page


def next_page_urls(html: str | bytes, url: str) -> list[str]:
    """URLs of the further pages of a multi-page article, in reading order.

    A "show all on one page" link (kompas ``?page=all``, detik ``?single=1``) is returned
    alone; otherwise the numbered / rel=next / "Halaman selanjutnya" links to later pages
    of the same article (same host and path). Call again on each fetched page: pages that
    list only a "next" link reveal the rest one at a time. Never raises.
    """
    try:
        tree = parse_html(html)
    except Exception:  # same contract as extract_article: bad markup gives no pages
        return []
    if tree is None:
        return []
    host, path, _query, current = _article_base(url)
    show_all: list[str] = []
    pages: dict[int, str] = {}
    for a in tree.iter("a", "link"):
        href = a.get("href")
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            continue
        absolute = urljoin(url, href.strip()).split("#")[0]
        a_host, a_path, _q, page = _article_base(absolute)
        if a_host != host or a_path != path:
            continue
        query = {(k.lower(), v.lower()) for k, v in parse_qsl(urlsplit(absolute).query)}
        if query & _SHOW_ALL_PARAMS:
            show_all.append(absolute)
            continue
        text = _norm(a.text_content()) if a.tag == "a" else ""
        rel = (a.get("rel") or "").lower()
        if page > current and (rel == "next" or text.isdigit() or _NEXT_TEXT.match(text) or page == current + 1):
            pages.setdefault(page, absolute)
    if show_all and current == 1:
        return [show_all[0]]
    return [pages[p] for p in sorted(pages)]


def join_pages(first: Article, rest: list[Article]) -> Article:
    """One article from its pages: first page's metadata, all pages' text in order.

    Paragraphs already seen are skipped, so a "show all" page (which repeats page 1) joins
    cleanly; a page's leading dateline is not repeated.
    """
    seen = {_key(p) for p in first.paragraphs}
    paragraphs = list(first.paragraphs)
    tags = list(first.tags)
    for page in rest:
        for para in page.paragraphs:
            key = _key(para)
            if key and key not in seen:
                seen.add(key)
                paragraphs.append(para)
        tags.extend(t for t in page.tags if t not in tags)
    joined = replace(first, text="\n".join(paragraphs), tags=tags)
    if not joined.lang:
        joined.lang = detect_language(joined.text)
    return joined
