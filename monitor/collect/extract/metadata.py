"""Article metadata from the untouched page tree: title, authors, section, tags, image, URL.

Sources, best first: JSON-LD objects (articles first, through ``@graph``), ``<meta>`` tags
(Open Graph, Twitter, Dublin Core, site-specific names), then the page itself (``<h1>``,
byline elements, breadcrumbs). The publication time is found by :mod:`monitor.collect.dates`.
Pure functions over lxml trees; nothing here modifies the tree.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from monitor.collect.dates import iter_text_dates
from monitor.collect.extract.text import _key, _norm


def _meta_map(tree: etree._Element) -> dict[str, list[str]]:
    """<meta> values by lower-cased property/name/itemprop."""
    out: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                out.setdefault(key, []).append(_norm(content))
    return out


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in meta.get(key, []):
            if value:
                return value
    return None


def _jsonld_objects(tree: etree._Element) -> list[dict]:
    """JSON-LD objects of the page (flattened through @graph and lists), articles first."""
    found: list[dict] = []

    def walk(obj: object) -> None:
        if isinstance(obj, list):
            for x in obj:
                walk(x)
        elif isinstance(obj, dict):
            found.append(obj)
            if "@graph" in obj:
                walk(obj["@graph"])

    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        try:
            walk(json.loads(script.text or "", strict=False))
        except ValueError:
            continue

    def is_article(o: dict) -> bool:
        kind = o.get("@type", "")
        kind = " ".join(map(str, kind)) if isinstance(kind, list) else str(kind)
        return "Article" in kind or "Posting" in kind or "Report" in kind

    return sorted(found, key=lambda o: not is_article(o))


def _ld_value(objs: list[dict], key: str) -> object | None:
    for obj in objs:
        if obj.get(key):
            return obj[key]
    return None


def _names(value: object) -> list[str]:
    """Names from a JSON-LD person/organisation value (string, dict or list of them)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return _names(name) if name else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_TITLE_SEPS = re.compile(r"\s+(?:\||-|–|—|::|»|·)\s+")


def _site_words(url: str, meta: dict[str, list[str]]) -> set[str]:
    host = urlsplit(url).hostname or ""
    parts = [p for p in host.split(".") if p not in ("www", "com", "co", "id", "net", "org", "go", "ac", "or")]
    words = {p.lower() for p in parts if len(p) > 2}
    site = _first(meta, "og:site_name", "application-name")
    if site:
        words.add(re.sub(r"\W", "", site.lower()))
    return words


def _is_site_part(part: str, site: set[str]) -> bool:
    squashed = re.sub(r"\W", "", part.lower())
    return any(w and (w in squashed or squashed in w) for w in site) if squashed else True


def clean_title(title: str, site: set[str]) -> str:
    """A headline without the site name glued before or after it ("X - Kompas.com")."""
    title = _norm(title)
    m = re.match(r"^([\w.]+\.(?:com|co\.id|id|net))\s*:\s+", title, re.I)
    if m and _is_site_part(m.group(1), site):
        title = title[m.end() :]
    parts = _TITLE_SEPS.split(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and _is_site_part(parts[-1], site):
        parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], site):
        parts.pop(0)
    longest = max(parts, key=len)
    # keep "A - B" headlines; drop only short section labels next to a long headline
    if all(p is longest or len(p.split()) <= 3 for p in parts) and len(longest.split()) >= 4:
        return longest
    return " - ".join(parts)


def _title(tree: etree._Element, url: str, meta: dict[str, list[str]], ld: list[dict]) -> str:
    site = _site_words(url, meta)
    raw = _first(meta, "og:title", "twitter:title")
    ld_head = _ld_value(ld, "headline")
    if not raw and isinstance(ld_head, str):
        raw = _norm(ld_head)
    if not raw:
        node = tree.find(".//title")
        raw = _norm(node.text_content()) if node is not None else ""
    cleaned = clean_title(raw, site) if raw else ""
    key = _key(cleaned)
    for h1 in tree.iter("h1"):
        text = _norm(h1.text_content())
        # the on-page headline, when the meta title is that headline plus site decoration
        if len(text.split()) >= 3 and key and (_key(text) in _key(raw) or key in _key(text)):
            return text if len(_key(text)) <= len(_key(raw)) else cleaned
    if cleaned:
        return cleaned
    for h1 in tree.iter("h1"):
        text = _norm(h1.text_content())
        if len(text.split()) >= 2:
            return text
    return ""


_AUTHOR_PREFIX = re.compile(
    r"^\s*(?:oleh|by|penulis|reporter|wartawan|pewarta|editor|author|kontributor|laporan)\s*[:\-]?\s*", re.I
)


def split_authors(text: str) -> list[str]:
    """Author names from a byline ("Oleh A dan B", "Penulis: A, B - detikNews")."""
    text = _AUTHOR_PREFIX.sub("", _norm(text))
    text = re.split(r"\s+[-|–]\s+|\s+\|\s*", text)[0]  # "Fino Yurio Kristo - detikinet"
    out = []
    for name in re.split(r"\s*(?:,|&|;|\bdan\b|\band\b)\s*", text):
        name = _AUTHOR_PREFIX.sub("", name).strip(" .:-")
        if 2 <= len(name) <= 60 and not re.search(r"https?:|www\.|@|\.com\b|\d{3,}", name):
            out.append(name)
    return out


def _byline_text(el: etree._Element) -> str:
    """A byline's text up to the first date written in it ("Oleh A Senin, 23 November 2026 ...")."""
    text = _norm(el.text_content())
    for td in iter_text_dates(text):
        # "Senin, " before the date goes with it
        return re.sub(r"[\s,|\-–]*\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)?[\s,]*$", "",
                      text[: td.pos], flags=re.I).strip()
    return text


def _authors(tree: etree._Element, meta: dict[str, list[str]], ld: list[dict]) -> list[str]:
    names = _names(_ld_value(ld, "author"))
    if not names:
        for key in ("author", "dtk:author", "parsely-author", "article:author", "byl", "dc.creator"):
            for value in meta.get(key, []):
                if not re.match(r"https?://", value):
                    names.append(value)
            if names:
                break
    if not names:
        for el in tree.xpath(
            "//*[contains(@class,'author') or contains(@class,'byline') or contains(@class,'penulis')"
            " or contains(@class,'reporter') or @rel='author' or @itemprop='author']"
        ):
            # an author block may hold the avatar, name and date: its link to the author's page is the name
            link = el.xpath(
                ".//a[@rel='author' or contains(@href,'/author/') or contains(@href,'/penulis/')][normalize-space()]"
            )
            text = _byline_text(link[0] if link else el)
            if 2 <= len(text) <= 80:
                names.append(text)
                break
    out: list[str] = []
    for name in names:
        for part in split_authors(name):
            if part.lower() not in (o.lower() for o in out):
                out.append(part)
    return out[:6]


def _tags(meta: dict[str, list[str]], ld: list[dict]) -> list[str]:
    values = meta.get("article:tag", [])
    if not values:
        kw = _ld_value(ld, "keywords")
        values = kw if isinstance(kw, list) else [kw] if isinstance(kw, str) else []
    if not values:
        values = meta.get("news_keywords", []) or meta.get("keywords", [])
    out: list[str] = []
    for value in values:
        for tag in str(value).split(","):
            tag = _norm(tag)
            if tag and len(tag) <= 60 and tag.lower() not in (t.lower() for t in out):
                out.append(tag)
    return out[:30]


def _section(tree: etree._Element, meta: dict[str, list[str]], ld: list[dict]) -> str | None:
    value = _first(meta, "article:section", "og:section", "articlesection", "dtk:kanal", "section")
    if not value:
        sec = _ld_value(ld, "articleSection")
        value = sec[0] if isinstance(sec, list) and sec else sec if isinstance(sec, str) else None
    if not value:
        crumbs = tree.xpath(
            "//*[contains(@class,'breadcrumb')]//a | //*[@itemtype='https://schema.org/BreadcrumbList']//a"
        )
        names = [_norm(a.text_content()) for a in crumbs]
        names = [n for n in names if n and n.lower() not in ("home", "beranda", "index")]
        value = names[-1] if names else None
    return _norm(value) or None


def _image(tree: etree._Element, url: str, meta: dict[str, list[str]], ld: list[dict]) -> str | None:
    value = _first(meta, "og:image", "og:image:url", "twitter:image", "twitter:image:src", "thumbnailurl")
    if not value:
        img = _ld_value(ld, "image")
        if isinstance(img, list) and img:
            img = img[0]
        if isinstance(img, dict):
            img = img.get("url")
        value = img if isinstance(img, str) else None
    if not value:
        link = tree.find(".//link[@rel='image_src']")
        value = link.get("href") if link is not None else None
    return urljoin(url, value.strip()) if value else None


def _canonical(tree: etree._Element, url: str, meta: dict[str, list[str]]) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return urljoin(url, link.get("href").strip())
    value = _first(meta, "og:url")
    return urljoin(url, value) if value else None
