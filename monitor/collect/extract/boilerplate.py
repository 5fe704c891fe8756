"""What is never article text: non-text elements, boilerplate blocks and lines.

``strip_boilerplate`` removes scripts, styles, navigation, forms' controls, blocks whose
class/id words say boilerplate ("related", "baca-juga", "share", "komentar", "terpopuler",
...) and inline "Baca juga:" link blocks from a tree; ``is_junk_line`` tells navigation and
promo lines ("Baca juga: ...", "Editor: ...", share/print widgets) from text.
"""

from __future__ import annotations

import re
from typing import Iterable

from lxml import etree

from monitor.collect.extract.text import _norm

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


def is_junk_line(text: str) -> bool:
    """True for navigation/promo lines inside articles ("Baca juga: ...", "Editor: ...", ...)."""
    text = text.strip()
    return len(text) <= 200 and bool(_JUNK_LINE.match(text) or _WIDGET_LINE.match(text))
