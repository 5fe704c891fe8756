"""Is a fetched page an article? ``is_error_page`` (error and soft-404 pages served with 200)
and ``page_kind`` (what the page declares itself: article or other page)."""

from __future__ import annotations

import re

from monitor.collect.dates import visible_text
from monitor.collect.extract.metadata import _first, _jsonld_objects, _meta_map
from monitor.collect.extract.parse import parse_html
from monitor.collect.extract.text import _norm
from monitor.models import Article

_ERROR_TITLE = re.compile(
    r"\b(?:404|410|500|502|503)\b.*\b(?:not\s+found|error|gone|unavailable)\b|\berror\s+(?:404|500|503)\b"
    r"|^\s*(?:404|not\s+found)\b|page\s+not\s+found|halaman\s+(?:tidak|tak)\s+(?:ditemukan|tersedia|dapat\s+ditemukan)"
    r"|(?:berita|artikel|konten)\s+(?:tidak|tak)\s+(?:ditemukan|tersedia)|internal\s+server\s+error"
    r"|service\s+unavailable|access\s+denied|^\s*forbidden\b|attention\s+required|just\s+a\s+moment"
    r"|^\s*(?:oops|maaf)\b.{0,60}(?:tidak|not)|under\s+maintenance|sedang\s+(?:dalam\s+)?perbaikan",
    re.I,
)
# said by the page body of an error page; the bare "404"/"not found" count only in a short text
_ERROR_PHRASE = re.compile(
    r"halaman\s+yang\s+anda\s+(?:cari|tuju|minta|akses)\s+(?:tidak|tak|belum)"
    r"|page\s+(?:you\s+(?:are\s+looking\s+for|requested)|could\s+not\s+be\s+found|does\s+not\s+exist)"
    r"|(?:berita|artikel|halaman|konten)\s+(?:tidak|tak)\s+(?:ditemukan|tersedia)"
    r"|checking\s+your\s+browser|enable\s+javascript\s+and\s+cookies",
    re.I,
)
_ERROR_SHORT = re.compile(r"\b404\b|not\s+found|error", re.I)


def is_error_page(html: str | bytes, article: Article) -> str | None:
    """A reason when a 200 response is really an error or soft-404 page, else None.

    Looks at the page title, headline(s) and text: "404 Not Found", "Halaman tidak
    ditemukan", "Page not found", challenge pages ("Just a moment..."); an article with
    real text is never an error page because its headline or text mentions such words.
    """
    try:
        tree = parse_html(html)
    except Exception:
        tree = None
    titles = [article.title]
    if tree is not None:
        node = tree.find(".//title")
        if node is not None:
            titles.append(_norm(node.text_content()))
        titles.extend(_norm(h.text_content()) for h in tree.iter("h1"))
    text = article.text or ""
    # a headline may mention "tidak tersedia"; an error page has a title like it and little text
    if len(text) < 1000:
        for title in titles:
            if title and len(title) < 150 and _ERROR_TITLE.search(title):
                return f"error page: title {title[:80]!r}"
    if len(text) < 400:
        m = _ERROR_PHRASE.search(text) or (_ERROR_SHORT.search(text) if len(text) < 200 else None)
        if not m and len(text) < 200 and tree is not None:
            m = _ERROR_PHRASE.search(visible_text(tree)[:20000])
        if m:
            return f"error page: says {m.group(0)!r}"
    if not text:
        return None if tree is not None else "not an HTML page"
    return None


_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "liveblogposting", "report", "socialmediaposting"}
_NON_ARTICLE_TYPES = {"website", "webpage", "collectionpage", "aboutpage", "contactpage", "profilepage",
                      "searchresultspage", "itempage", "organization", "profile"}


def page_kind(html: str | bytes) -> str | None:
    """"article" or "page" as the page declares itself (JSON-LD @type, og:type), else None.

    Lets the pipeline skip home, category and static pages ("Tentang Kami", "Redaksi") that a
    sitemap or listing may list next to the articles: an article declaration wins; a page that
    only declares itself a website or web page is not an article.
    """
    tree = parse_html(html)
    if tree is None:
        return None
    types: set[str] = set()
    for obj in _jsonld_objects(tree):
        t = obj.get("@type")
        for name in t if isinstance(t, list) else [t]:
            if isinstance(name, str):
                types.add(name.lower())
    og = (_first(_meta_map(tree), "og:type") or "").lower()
    if types & _ARTICLE_TYPES or og == "article":
        return "article"
    if (types and types <= _NON_ARTICLE_TYPES) or og in _NON_ARTICLE_TYPES:
        return "page"
    return None
