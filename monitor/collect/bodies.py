"""What a fetched body is and how to read it: media type sniffing, charset detection (WHATWG
aliases, mislabelled cp1252, broken UTF-8) and gzip/deflate decompression bounded by a size cap.

Pure functions over bytes, used by :mod:`monitor.collect.fetch` and by `monitor extract` on files.
"""

from __future__ import annotations

import codecs
import re
import zlib

import charset_normalizer


def media_type(content_type: str | None) -> str:
    """`text/html` from `text/HTML; charset=UTF-8`."""
    return (content_type or "").split(";", 1)[0].strip().lower()


_MARKUP_MARKERS = (b"<html", b"<!doctype html", b"<?xml", b"<rss", b"<feed", b"<urlset",
                   b"<sitemapindex", b"<head", b"<body", b"<rdf:rdf")


def looks_like_markup(body: bytes) -> bool:
    """Whether a body with no (or a generic) content type is HTML or XML."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and any(m in head for m in _MARKUP_MARKERS)


_HTML_TAG = re.compile(rb"<(!doctype html|html|head|body|div|p|article|main|section|h1|h2|span|table|meta)\b", re.I)


def not_html_reason(body: bytes) -> str | None:
    """Why a local file is not an HTML page (None when it is one), for `monitor extract`."""
    head = body[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head:
        return "the file is empty"
    if b"\x00" in head[:1024]:
        return "a binary file, not an HTML page"
    if head[:1] in (b"{", b"["):
        return "looks like JSON (lines), not an HTML page; `monitor classify` reads JSONL"
    lowered = head.lower()
    if re.search(rb"<(rss|feed|rdf:rdf|urlset|sitemapindex)\b", lowered):
        return "an RSS/Atom feed or a sitemap, not an article page; add it to sources.toml for `monitor run`"
    if not head.startswith(b"<") and not _HTML_TAG.search(lowered[:2048]) or not _HTML_TAG.search(lowered):
        return "plain text, not an HTML page (no HTML tags at the start)"
    return None


def _sniffed_type(body: bytes) -> str:
    head = body[:4096].lower()
    return "text/html" if b"<html" in head or b"<!doctype html" in head else "application/xml"


# --- charset detection --------------------------------------------------------------------

# WHATWG Encoding Standard: these labels mean windows-125x in browsers, and pages rely on it.
_WHATWG_ALIASES = {
    "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "latin1": "windows-1252",
    "latin-1": "windows-1252", "l1": "windows-1252", "ascii": "windows-1252",
    "us-ascii": "windows-1252", "cp819": "windows-1252", "ibm819": "windows-1252",
    "iso-8859-9": "windows-1254", "latin5": "windows-1254", "tis-620": "windows-874",
    "iso-8859-11": "windows-874", "gb2312": "gbk", "x-gbk": "gbk", "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8", "x-sjis": "shift_jis",
}
_SINGLE_BYTE = ("windows", "cp12", "cp8", "iso8859", "latin", "koi8", "mac", "tis620")
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)


def _codec(label: str | None) -> str | None:
    """The display name (`utf-8`, `windows-1252`...) for a charset label, None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    if name.startswith("cp125") or name == "cp874":
        return "windows-" + name[2:]
    return {"utf-8": "utf-8", "utf_8": "utf-8"}.get(name, name)


def _declared_charset(body: bytes, content_type: str) -> str | None:
    """The charset label from the HTTP header, else <meta>, else the XML declaration."""
    match = _HEADER_CHARSET.search(content_type or "")
    if match:
        return match.group(1)
    head = body[:8192]
    match = _META_CHARSET.search(head) or _XML_DECL.match(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _is_single_byte(codec: str) -> bool:
    return codec.replace("-", "").replace("_", "").startswith(_SINGLE_BYTE)


def _strict_utf8(body: bytes) -> str | None:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _broken_utf8(body: bytes) -> tuple[str, str]:
    """Bytes labelled UTF-8 that don't decode: mostly UTF-8 with a few bad bytes, or legacy text."""
    text = body.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    if good > bad:
        return text, "utf-8"
    return body.decode("cp1252", "replace"), "windows-1252"


def decode_body(body: bytes, content_type: str = "") -> tuple[str, str]:
    """Decode a response body; returns (text, encoding used).

    Order: byte-order mark, HTTP charset, <meta charset>/http-equiv, XML declaration, then
    charset_normalizer. Labels follow WHATWG (iso-8859-1 and ascii mean windows-1252).
    Mislabelled pages: a page labelled UTF-8 that is not valid UTF-8 is decoded as
    windows-1252 (unless it is mostly valid UTF-8); a page labelled with a single-byte legacy
    charset that is valid UTF-8 with non-ASCII bytes is decoded as UTF-8 (a server default
    header is the usual cause; valid multi-byte UTF-8 doesn't happen by chance).
    """
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, "replace"), enc
    codec = _codec(_declared_charset(body, content_type))
    if codec == "utf-8":
        text = _strict_utf8(body)
        return (text, "utf-8") if text is not None else _broken_utf8(body)
    if codec and _is_single_byte(codec):
        text = _strict_utf8(body)
        if text is not None and not text.isascii():
            return text, "utf-8"
    if codec and not codec.startswith("utf-16"):  # a utf-16 label without a BOM is a lie
        return body.decode(codec, "replace"), codec
    text = _strict_utf8(body)
    if text is not None:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(body).best()
    guessed = _codec(best.encoding) if best else None
    if guessed and not _is_single_byte(guessed):
        return body.decode(guessed, "replace"), guessed
    # Among single-byte code pages the detector can't tell cp1250 from cp1252 on short
    # Indonesian/English text; windows-1252 is what undeclared Latin pages here use.
    try:
        return body.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        if guessed:
            return body.decode(guessed, "replace"), guessed
        return body.decode("cp1252", "replace"), "windows-1252"


# --- bounded decompression ----------------------------------------------------------------

class BodyTooLarge(Exception):
    """The (decompressed) body passed the byte limit."""


class UnsupportedEncoding(Exception):
    """A Content-Encoding we did not ask for and cannot decode (br, zstd...)."""


class _BodyDeadline(Exception):
    """The body took longer than total_timeout to arrive."""


class _Inflater:
    """Streaming gzip/deflate decoder that never produces more than `limit` bytes in total."""

    def __init__(self, limit: int) -> None:
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib, auto-detected
        self._left = limit

    def feed(self, data: bytes) -> bytes:
        out = bytearray()
        while data and not self._z.eof:
            out += self._z.decompress(data, self._left - len(out) + 1)
            if len(out) > self._left:
                raise BodyTooLarge
            data = self._z.unconsumed_tail
        self._left -= len(out)
        return bytes(out)


def gunzip_bounded(data: bytes, limit: int) -> bytes:
    """Decompress gzip `data`, raising BodyTooLarge past `limit` bytes (sitemap.xml.gz)."""
    return _Inflater(limit).feed(data)
