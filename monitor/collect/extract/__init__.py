"""Article extraction from news pages: metadata, main text and Indonesian clean-up.

``extract_article`` never raises for bad input: broken markup, empty pages and non-HTML
bytes give an ``Article`` with empty text, which the caller records as "no article text".

How the body is found (generic, for never-seen sites):

1. The page is parsed with lxml; scripts, styles, navigation, forms' controls and blocks
   whose class/id words say boilerplate ("related", "baca-juga", "share", "komentar",
   "terpopuler", ...) are removed, as are inline "Baca juga:" link blocks.
2. The remaining tree is cut into lines at block elements and ``<br>``; each line keeps the
   length of its link text and the block that holds it.
3. Lines of running text score their container (readability-style: length and commas,
   halved per level up); the best container, scaled by its link density, wins, with
   siblings that score nearly as well.
4. Its lines, minus link lists and Indonesian boilerplate lines, are the paragraphs;
   when that finds too little text, trafilatura's extraction is used instead.
5. ``clean_paragraphs`` drops "BACA JUGA"/"Simak juga" lines, share/print widgets and
   trailing editor initials, and moves the dateline ("MATARAM - ", "Jakarta (ANTARA) -")
   into ``Article.dateline``.

Per-source ``ExtractionRules`` (CSS selectors, matched with soupsieve through bs4) win over
these heuristics where they match.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import lxml.html
from lxml import etree

from monitor.collect.dates import (
    DEFAULT_TZ,
    find_published,
    iter_text_dates,
    parse_indonesian_date,
    parse_machine_date,
    visible_text,
)
from monitor.models import Article

log = logging.getLogger(__name__)

RULE_ATTR = "data-ogi-rule"  # marks elements matched by per-source selectors


@dataclass
class ExtractionRules:
    """Per-source extraction config: CSS selectors that override the generic heuristics.

    ``default_tz`` is the source's zone for times the page writes without one.
    """

    title_selector: str | None = None
    date_selector: str | None = None
    body_selector: str | None = None
    author_selector: str | None = None
    remove_selectors: list[str] = field(default_factory=list)
    default_tz: str = DEFAULT_TZ


# ------------------------------------------------------------------------------ decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def looks_binary(data: bytes | str) -> bool:
    """True for input that is not text markup (NUL bytes, many control bytes, known magic)."""
    head = data[:2048] if isinstance(data, bytes) else data[:2048].encode("utf-8", "replace")
    if not head:
        return False
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if b"\x00" in head:
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))  # UTF-16 has NULs but is text
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOM, then strict UTF-8, the HTTP charset, <meta charset>, detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    # valid UTF-8 is almost never another encoding by accident, while declared charsets
    # are often stale (UTF-8 pages that still say iso-8859-1)
    candidates = ["utf-8"] + ([declared] if declared else [])
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    for enc in candidates:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:65536]).best()
        if best is not None:
            return data.decode(best.encoding, "replace")
    except Exception as exc:  # detection is best effort
        log.debug("charset detection failed: %s", exc)
    return data.decode("utf-8", "replace")


_LOCAL = threading.local()  # lxml parser objects must not be shared between threads


def _parser() -> lxml.html.HTMLParser:
    if not hasattr(_LOCAL, "parser"):
        _LOCAL.parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
    return _LOCAL.parser


def parse_html(html: str | bytes) -> etree._Element | None:
    """An lxml tree for ``html``, or None when there is nothing HTML-like to parse."""
    if isinstance(html, bytes):
        if looks_binary(html):
            return None
        html = decode_html(html)
    if not html or not html.strip() or looks_binary(html):
        return None
    html = _CONTROL.sub("", html)
    html = _XML_DECL.sub("", html, count=1)
    try:
        tree = lxml.html.document_fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        log.debug("unparseable page: %s", exc)
        return None
    return tree


# ---------------------------------------------------------------------------- metadata

_WS = re.compile(r"\s+")


def _norm(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


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


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


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
            text = _norm(el.text_content())
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


# ---------------------------------------------------------------------------- language

_ID_WORDS = frozenset(
    "yang dan di ke dari ini itu dengan untuk dalam tidak akan pada juga adalah oleh bahwa atau"
    " ada sudah karena saat telah tersebut kata para bisa lebih mereka kami kita ia sebagai hingga"
    " namun menjadi masih tak dia belum agar bagi secara seperti kepada sejak sangat".split()
)
_EN_WORDS = frozenset(
    "the and of to in is that for it with as was on be by are this from at have has which not"
    " an or said were but will their they been would who its after more about than".split()
)


def detect_language(text: str) -> str | None:
    """Language of ``text``: "id", "en", or None when too short or neither.

    Decided by the share of each language's commonest function words (stopwords).
    """
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if len(words) < 5:
        return None
    ids = sum(w in _ID_WORDS for w in words) / len(words)
    ens = sum(w in _EN_WORDS for w in words) / len(words)
    if max(ids, ens) < 0.06:
        return None
    return "id" if ids >= ens else "en"


# ---------------------------------------------------------------------- boilerplate rules

_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "button", "input", "select", "textarea", "option", "nav", "aside", "footer", "figure",
    "figcaption", "video", "audio", "map", "link", "meta", "head",
)  # fmt: skip
# class/id words that mark blocks which are never article text: exact words, and stems
# that also catch compounds ("jp-relatedposts", "sharedaddy", "commentlist", "widget_text")
_NEG_WORDS = frozenset(
    """baca bacajuga readalso alsoread latest terbaru mostread ad ads tag tags tagging nav navbar
    menu footer print pdf modal copyright caption credit gallery slider carousel author byline
    skip hidden parallax video tweet rating reaction reactions terkait""".split()
)
_NEG_STEMS = (
    "related", "rekomendasi", "recommend", "populer", "popular", "terpopuler", "trending", "share",
    "sharing", "social", "sosmed", "socmed", "comment", "komentar", "disqus", "sidebar", "widget",
    "banner", "advert", "iklan", "promo", "newsletter", "subscribe", "breadcrumb", "pagination",
    "paging", "pager", "sponsor", "outbrain", "taboola", "popup", "cookie", "twitter", "instagram",
    "tiktok", "printfriendly",
)  # fmt: skip


def _is_boilerplate_class(words: set[str]) -> bool:
    if words & {"content", "body", "article", "detail", "text", "isi"}:
        return False  # "article-share-content", "detail-text": the text's own wrapper
    return bool(words & _NEG_WORDS) or any(w.startswith(_NEG_STEMS) for w in words)


_CLASS_WORD = re.compile(r"[a-z]+")

_BLOCK_TAGS = frozenset(
    "p div section article main aside header footer nav ul ol li dl dt dd table thead tbody tfoot"
    " tr td th h1 h2 h3 h4 h5 h6 blockquote pre figure figcaption address center form fieldset hr"
    " details summary body html".split()
)
_CONTAINER_TAGS = frozenset("div section article main td body form blockquote center html".split())

# a line that is navigation/promo, not text (checked on lines up to 200 characters)
_JUNK_LINE = re.compile(
    r"^(?:"
    r"(?:baca|simak|lihat|tonton|cek|ikuti)\s*(?:juga|pula|video|selengkapnya|berita|artikel|di)\b"
    r"|(?:artikel|berita|postingan|tulisan)\s+(?:terkait|lainnya|terpopuler|pilihan)\b|terkait\s*:?$"
    r"|dalam\s+[\"“][^\"”]{1,40}[\"”]$"
    r"|(?:scroll|gulir)\s+(?:to|untuk)\s+(?:continue|lanjut)"
    r"|(?:editor|penulis|reporter|pewarta|redaktur|penyunting|fotografer|foto|sumber\s+foto|kontributor)\s*[:|]"
    r"|copyright\b|©|hak\s+cipta|all\s+rights\s+reserved"
    r"|halaman\s*(?:selanjutnya|berikutnya|sebelumnya|\d+\s*(?:dari|/))|show\s+all\b|tampilkan\s+semua"
    r"|ikuti\s+(?:perkembangan|kami|terus)|dapatkan\s+(?:update|informasi|berita)|download\s+aplikasi"
    r"|follow\s+(?:us|kami)|gabung\s+(?:di|ke)|\[?gambas:|tags?\s*:|topik\s*:"
    r")",
    re.I,
)
# short widget captions: a word like "Cetak" opens real sentences too ("Cetak biru ..."),
# so these count only as (nearly) the whole line
_WIDGET_LINE = re.compile(
    r"^(?:print|cetak|share|bagikan|tweet|komentar|iklan|advertisement|sponsored|\d+\s+(?:komentar|comments?)"
    r"|simpan\s+sebagai\s+pdf|exit\s+mobile\s+version|salin\s+tautan|copy\s+link)\b[\W\w]{0,25}$",
    re.I,
)
_INLINE_LABEL = re.compile(
    r"^\s*(?:baca|simak|lihat|tonton)\s+(?:juga|pula)\b|^\s*(?:artikel|berita)\s+terkait\b"
    r"|^\s*scroll\s+to\s+continue|^\s*advertisement\s*$",
    re.I,
)


def _class_words(el: etree._Element) -> set[str]:
    marks = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
    return set(_CLASS_WORD.findall(marks)) if marks.strip() else set()


def _remove(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def strip_boilerplate(root: etree._Element, keep: Iterable[etree._Element] = ()) -> None:
    """Remove non-text elements, boilerplate-classed blocks and inline "Baca juga" blocks.

    A block holding more than half of the page text or several long paragraphs is kept
    whatever its class says (themes wrap whole articles in "author-and-share" and the
    like); so are the ``keep`` elements and their ancestors.
    """
    protected = set()
    for el in keep:
        protected.add(el)
        protected.update(el.iterancestors())
    for el in list(root.iter(*_DROP_TAGS)):
        if el not in protected and el is not root:
            _remove(el)
    total = len(root.text_content()) or 1
    for el in list(root.iter(*_BLOCK_TAGS)):
        # inline elements keep their text whatever their class ("inner-link-tag" keyword links)
        if el in protected or el.tag in ("html", "body", "article", "main") or el.getparent() is None:
            continue
        if _is_boilerplate_class(_class_words(el)):
            if len(el.text_content()) < total * 0.5 and not _holds_article(el):
                _remove(el)
    _strip_inline_labels(root)


def _holds_article(el: etree._Element) -> bool:
    """True when ``el`` holds several long, link-free paragraphs: a wrapper of the article."""
    long_paras = 0
    for p in el.iter("p"):
        text = p.text_content()
        if len(text) > 120 and sum(len(a.text_content()) for a in p.iter("a")) < len(text) * 0.2:
            long_paras += 1
            if long_paras >= 3:
                return True
    return False


def _strip_inline_labels(root: etree._Element) -> None:
    """Remove "Baca juga: <a>..</a>" style blocks inside the text, with their link."""
    for el in list(root.iter()):
        if el.getparent() is None or not isinstance(el.tag, str) or el.tag in ("body", "html"):
            continue
        head = (el.text or "").lstrip()
        if not head or not _INLINE_LABEL.match(head):
            continue
        text = el.text_content()
        if len(text) > 300:
            continue
        target = el
        # climb while the parent holds nothing but this label block
        while target.getparent() is not None and target.getparent().tag not in ("body", "html"):
            parent = target.getparent()
            if _norm(parent.text_content()) != _norm(target.text_content()):
                break
            target = parent
        if len(_norm(text)) < 25:  # a bare "Baca juga:" label: its link follows as a sibling
            nxt = target.getnext()
            while nxt is not None and nxt.tag in ("a", "strong", "b", "em", "span") and len(nxt.text_content()) < 250:
                after = nxt.getnext()
                _remove(nxt)
                if target.tail and target.tail.strip(" :\n\t\xa0"):
                    break
                nxt = after
        _remove(target)


# ---------------------------------------------------------------------- body segmentation


@dataclass(slots=True)
class Line:
    """A run of text between block boundaries, with the length of its link text."""

    text: str
    links: int
    owner: etree._Element

    @property
    def link_density(self) -> float:
        return self.links / max(len(self.text), 1)


def segment(root: etree._Element) -> list[Line]:
    """Cut ``root`` into lines at block elements and ``<br>``."""
    lines: list[Line] = []
    buf: list[str] = []
    link = 0
    in_a = 0
    owners = [root]

    def flush() -> None:
        nonlocal link
        if buf:
            text = _norm("".join(buf))
            if text:
                lines.append(Line(text, min(link, len(text)), owners[-1]))
            buf.clear()
        link = 0

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el.tail:
                buf.append(el.tail)
            continue
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
                owners.append(el)
            elif tag == "br":
                flush()
            elif tag == "a":
                in_a += 1
            if el.text:
                buf.append(el.text)
                if in_a:
                    link += len(el.text.strip())
        else:
            if tag in _BLOCK_TAGS:
                flush()
                owners.pop()
            elif tag == "a":
                in_a -= 1
            if el.tail and el is not root:
                buf.append(el.tail)
                if in_a:
                    link += len(el.tail.strip())
    flush()
    return lines


def _is_text_line(line: Line) -> bool:
    return len(line.text) >= 25 and line.link_density < 0.34 and not is_junk_line(line.text)


def _good_paragraph(line: Line) -> bool:
    """A stand-alone paragraph worth taking from next to the chosen container."""
    text = line.text
    if is_junk_line(text):
        return False
    return (len(text) > 80 and line.link_density < 0.25) or (
        len(text) > 25 and line.links == 0 and _SENTENCE_END.search(text) is not None
    )


def score_containers(lines: list[Line]) -> dict[etree._Element, float]:
    """Text score of each element, scaled by its link density (see ``main_lines``)."""
    per_owner = Counter(line.owner for line in lines)
    has_blocks: dict[etree._Element, bool] = {}

    def container(el: etree._Element) -> etree._Element:
        while el.getparent() is not None:
            if el.tag in _CONTAINER_TAGS:
                if el not in has_blocks:
                    has_blocks[el] = any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el)
                if has_blocks[el] or per_owner[el] >= 3:
                    return el
            el = el.getparent()
        return el

    scores: Counter = Counter()
    chars: Counter = Counter()
    links: Counter = Counter()
    for line in lines:
        for anc in _ancestors(line.owner):
            chars[anc] += len(line.text)
            links[anc] += line.links
        if not _is_text_line(line):
            continue
        score = 1 + line.text.count(",") + min(len(line.text) // 100, 3)
        for level, anc in enumerate(_ancestors(container(line.owner))):
            if level > 3:
                break
            scores[anc] += score / (1 if level == 0 else level + 1)
    return {el: s * (1 - links[el] / max(chars[el], 1)) for el, s in scores.items()}


def main_lines(lines: list[Line]) -> list[Line]:
    """The lines of the best-scoring text container and its similar siblings.

    A line scores the element that contains it as text: a block holding several lines, or
    else the parent of the line's paragraph (a ``<p>``, or a ``<div>`` used as one).
    """
    final = score_containers(lines)
    per_owner = Counter(line.owner for line in lines)
    if not final:
        return []
    best = max(final, key=final.get)
    parent = best.getparent()
    chosen = {best}
    if parent is not None:
        threshold = max(10.0, final[best] * 0.2)
        for sib in parent:
            if sib is not best and final.get(sib, 0) >= threshold:
                chosen.add(sib)
    out = []
    for line in lines:
        owner = line.owner
        if parent is not None and (owner is parent or owner.getparent() is parent) and owner not in chosen:
            # text right beside the container: a lead line or a paragraph-like sibling
            if _good_paragraph(line) and (owner is parent or per_owner[owner] == 1):
                out.append(line)
            continue
        for anc in _ancestors(owner):
            if anc in chosen:
                out.append(line)
                break
            if anc is parent:
                break
    return out


def _ancestors(el: etree._Element) -> Iterable[etree._Element]:
    yield el
    yield from el.iterancestors()


# ------------------------------------------------------------------- Indonesian clean-up

# "MATARAM - ", "Mataram (ANTARA) - ", "Jakarta, CNN Indonesia -- ", "TEMPO.CO, Jakarta - ",
# "MATARAM.LombokJournal.com ~ ", "ISTANBUL, 23 Februari 2016 (Antara/PRNewswire) -"
_DATELINE = re.compile(
    r"^(?P<dl>(?:[A-Z0-9][\w.&'’/]*,?\s+|\([^()]{1,40}\),?\s+){0,7}(?:[A-Z0-9][\w.&'’/]*|\([^()]{1,40}\)))"
    r",?\s*(?:--?|–|—|~|:)\s+(?=\S)|^(?P<only>.{2,80}?)\s*(?:--?|–|—|~)\s*$"
)
# "(ant/adm)", "(kpl/pur/tch)", "(*)", "(red)" anywhere at the end; a lone "(FHM)" only after
# a finished sentence, so that "... Badan Pusat Statistik (BPS)" keeps its acronym
_INITIALS_END = re.compile(
    r"(?:^|\s|(?<=[.!?\"”’']))\((?:\*+|red|[A-Za-z]{2,6}(?:\s*/\s*[A-Za-z0-9]{1,4}){1,4})\)\s*$"
    r"|(?:^|(?<=[.!?\"”’']))\s*\([A-Za-z]{2,6}\)\s*$"
)
_SENTENCE_END = re.compile(r"[.!?\"”’')]$")


def _dateline_strength(dl: str) -> int:
    """2 for an unmistakable dateline (agency, site name, CAPS city), 1 for "Jakarta", 0 none."""
    tokens = re.findall(r"\([^()]*\)|[^\s,]+", dl)
    if not tokens or len(tokens) > 8:
        return 0
    if "(" in dl or re.search(r"\.(?:com|co\.id|id|net)\b", dl, re.I):
        return 2
    if re.fullmatch(r"[A-Z][A-Z.]{2,}", tokens[0]):  # "MATARAM", "TEMPO.CO"
        return 2
    # "Jakarta", "Mataram, NTB", "Jakarta, CNN Indonesia": a few capitalised words
    return 1 if len(tokens) <= 3 and all(t[0].isupper() for t in tokens) else 0


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """("MATARAM", rest) for "MATARAM - rest"; (None, paragraph) when there is no dateline."""
    dl, rest, _strength = _dateline(paragraph)
    return dl, rest


def _dateline(paragraph: str) -> tuple[str | None, str, int]:
    m = _DATELINE.match(paragraph)
    if not m:
        return None, paragraph, 0
    dl = (m.group("dl") or m.group("only") or "").strip(" ,")
    strength = _dateline_strength(dl) if dl else 0
    if not strength:
        return None, paragraph, 0
    return dl, paragraph[m.end() :].strip(), strength


def strip_initials(paragraph: str) -> str:
    """Drop trailing editor initials: "(ant/adm)", "(*)", "(red)", "(FHM)" after a sentence."""
    return _INITIALS_END.sub("", paragraph).rstrip()


_DATE_WORDS = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|diperbarui|dipublikasikan|diterbitkan|update[d]?|posted|published|on|at|pada|wib|wita|wit)\b"
    r"|[^\w]",
    re.I,
)


def is_date_line(text: str) -> bool:
    """True for a line that is a date and little else ("Kamis, 05 November 2015 | 11:13 WIB")."""
    rest, last = [], 0
    for td in iter_text_dates(text):
        rest.append(text[last : td.pos])
        last = td.end
    if not last:
        return False
    rest.append(text[last:])
    return len(_DATE_WORDS.sub("", " ".join(rest))) < 8


def is_junk_line(text: str) -> bool:
    """True for navigation/promo lines inside articles ("Baca juga: ...", "Editor: ...", ...)."""
    text = text.strip()
    return len(text) <= 200 and bool(_JUNK_LINE.match(text) or _WIDGET_LINE.match(text))


_LABEL_ONLY = re.compile(r"^(?:penulis|editor|reporter|pewarta|redaktur|penyunting|fotografer|sumber|kontributor)\s*:?$", re.I)


def _is_fragment(text: str) -> bool:
    """A short line that is no sentence: a label, section name or widget caption."""
    return len(text) < 40 and not _SENTENCE_END.search(text)


def clean_paragraphs(paragraphs: list[str], title: str = "") -> tuple[list[str], str | None]:
    """Indonesian news clean-up of body paragraphs; returns (paragraphs, dateline).

    Drops "Baca juga"-style lines, widget text, the headline repeated, byline labels
    ("Penulis" / ": Nama"), trailing editor initials, and short non-sentence lines at the
    edges; moves the dateline into the second value. Teaser/caption lines standing before an
    unmistakable dateline ("VIVA.co.id - ...") are dropped: the dateline opens the story.
    """
    title_key = _key(title)
    out: list[str] = []
    after_label = False
    for para in paragraphs:
        para = _norm(para)
        if after_label and para.startswith(":") and len(para) < 80:
            after_label = False
            continue
        after_label = bool(_LABEL_ONLY.match(para))
        if not para or after_label or is_junk_line(para):
            continue
        if title_key and _key(para) == title_key:
            continue
        if out and para == out[-1]:
            continue
        out.append(para)
    dateline = None
    for i, para in enumerate(out[:4]):
        dl, rest, strength = _dateline(para)
        if not dl or (i > 0 and strength < 2):
            continue
        if any(len(p) >= 250 for p in out[:i]):
            break  # real text before it: not the story's opening
        dateline = dl
        out = ([rest] if rest else []) + out[i + 1 :]
        break
    changed = True
    while out and changed:
        changed = False
        # editor initials: on the last paragraph, or standing alone as the last line
        stripped = strip_initials(out[-1])
        if stripped != out[-1]:
            out[-1:] = [stripped] if stripped else []
            changed = True
        for edge in (0, -1):
            if out and _is_fragment(out[edge]):
                del out[edge]
                changed = True
    return out, dateline


# ---------------------------------------------------------------------------- body


def _keep_line(line: Line) -> bool:
    """Lines of the chosen container that are text: not link lists, dates or counters."""
    text = line.text
    if line.link_density >= 0.5 and len(text) <= 200:
        return False
    if not re.search(r"[^\W\d_]{2}", text):  # "0", "1/3", "|": counters and separators
        return False
    if len(text) < 80 and is_date_line(text):
        return False
    return True


def _trafilatura_paragraphs(tree: etree._Element, url: str) -> list[str]:
    try:
        import trafilatura

        text = trafilatura.extract(tree, url=url, include_comments=False, include_tables=False, favor_precision=True)
    except Exception as exc:  # the fallback must not break extraction
        log.debug("trafilatura failed on %s: %s", url, exc)
        return []
    return [p for p in (text or "").split("\n") if p.strip()]


def body_paragraphs(tree: etree._Element, url: str = "", html: str | None = None) -> list[str]:
    """Main-text paragraphs of a page tree (the tree is modified: boilerplate is removed).

    When the container search finds under 200 characters, a fresh parse of ``html`` is
    tried for figure captions (photo pages), then for trafilatura's extraction.
    """
    body = tree.find(".//body")
    root = body if body is not None else tree
    marked = root.xpath(f".//*[@{RULE_ATTR}='body']")
    strip_boilerplate(root, keep=marked)
    if marked:
        paras = [ln.text for el in marked for ln in segment(el) if _keep_line(ln)]
        if paras:
            return paras
        log.info("body selector matched no text on %s; using the generic search", url)
    paras = [ln.text for ln in main_lines(segment(root)) if _keep_line(ln)]
    if sum(len(p) for p in paras) >= 200 or not html:
        return paras
    fresh = parse_html(html)
    if fresh is None:
        return paras
    # photo/video pages: their text is the captions; odd layouts: trafilatura's own search
    for alternative in (lambda: _captions(fresh), lambda: _trafilatura_paragraphs(fresh, url)):
        found = alternative()
        if sum(len(p) for p in found) >= 200:
            return found
    return paras


def _captions(tree: etree._Element) -> list[str]:
    out: list[str] = []
    for el in tree.iter("figcaption"):
        text = _norm(el.text_content())
        if len(text) >= 30 and text not in out and not any(a.tag == "a" for a in el.iterancestors()):
            out.append(text)
    return out


# ---------------------------------------------------------------------------- rules


def apply_rules(html: str, rules: ExtractionRules) -> str:
    """Remove ``remove_selectors`` and mark selector matches with ``data-ogi-rule``.

    CSS matching goes through bs4/soupsieve; the marked markup is then parsed by lxml like
    any page. A bad selector is logged and ignored.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")

    def select(selector: str | None) -> list:
        if not selector:
            return []
        try:
            return soup.select(selector)
        except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
            log.warning("bad selector %r: %s", selector, exc)
            return []

    for selector in rules.remove_selectors:
        for tag in select(selector):
            tag.decompose()
    for role, selector in (
        ("title", rules.title_selector),
        ("date", rules.date_selector),
        ("author", rules.author_selector),
        ("body", rules.body_selector),
    ):
        for tag in select(selector):
            tag[RULE_ATTR] = role
    return str(soup)


def _rule_texts(tree: etree._Element, role: str) -> list[etree._Element]:
    return tree.xpath(f"//*[@{RULE_ATTR}='{role}']")


def _rule_date(tree: etree._Element, tz: str, now: datetime | None) -> str | None:
    for el in _rule_texts(tree, "date"):
        for value in (el.get("datetime"), el.get("content"), el.text_content()):
            if not value:
                continue
            cand = parse_machine_date(value, tz) if re.match(r"\s*\d{4}-\d\d-\d\d", value) else None
            dt = cand.dt if cand else parse_indonesian_date(value, tz, now)
            if dt:
                return dt.isoformat(timespec="seconds")
    return None


# ---------------------------------------------------------------------------- public API


def extract_article(
    html: str | bytes,
    url: str,
    rules: ExtractionRules | None = None,
    *,
    now: datetime | None = None,
) -> Article:
    """Extract title, time, authors, section/tags, image, text, language and canonical URL.

    ``rules`` (per-source selectors) win over the generic heuristics where they match.
    ``now`` bounds publication dates (none in the future; default: the current time).
    Never raises for bad input: the result then has empty text.
    """
    article = Article(url=url)
    try:
        return _extract(html, url, rules, now, article)
    except Exception:  # a broken page must not stop the pipeline; its text stays empty
        log.exception("extraction failed for %s", url)
        return article


def _extract(html: str | bytes, url: str, rules: ExtractionRules | None, now: datetime | None, article: Article) -> Article:
    if isinstance(html, bytes):
        if looks_binary(html):
            log.info("not HTML: %s", url)
            return article
        html = decode_html(html)
    if not isinstance(html, str) or looks_binary(html):
        return article
    html = _CONTROL.sub("", html)  # lxml refuses them in text; they are never content
    tz = rules.default_tz if rules else DEFAULT_TZ
    if rules is not None and any(
        [rules.title_selector, rules.date_selector, rules.body_selector, rules.author_selector, rules.remove_selectors]
    ):
        html = apply_rules(html, rules)
    tree = parse_html(html)
    if tree is None:
        return article
    meta = _meta_map(tree)
    ld = _jsonld_objects(tree)

    rule_title = [_norm(el.text_content()) for el in _rule_texts(tree, "title")]
    article.title = next((t for t in rule_title if t), "") or _title(tree, url, meta, ld)
    article.published = _rule_date(tree, tz, now) or find_published(tree, url, default_tz=tz, now=now)
    rule_authors = [a for el in _rule_texts(tree, "author") for a in split_authors(el.text_content())]
    article.author = rule_authors or _authors(tree, meta, ld)
    article.section = _section(tree, meta, ld)
    article.tags = _tags(meta, ld)
    article.image = _image(tree, url, meta, ld)
    article.canonical_url = _canonical(tree, url, meta)

    paragraphs, article.dateline = clean_paragraphs(body_paragraphs(tree, url, html), article.title)
    article.text = "\n".join(paragraphs)
    article.lang = detect_language(article.text or article.title)
    if not article.text:
        log.info("no article text: %s", url)
    return article


# ------------------------------------------------------------------- multi-page articles

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


# ---------------------------------------------------------------------------- error pages

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
