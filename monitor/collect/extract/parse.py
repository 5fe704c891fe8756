"""From bytes to an lxml tree: binary sniffing, charset decoding and parsing.

``parse_html`` returns None, never raises, when there is nothing HTML-like to parse.
"""

from __future__ import annotations

import logging
import re
import threading

import lxml.html
from lxml import etree

log = logging.getLogger(__name__)


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
