"""URL canonicalisation and address safety.

`canonicalize` turns the many spellings of one article URL (tracking parameters, AMP and
mobile variants, default ports, fragments...) into one key for deduplication.
`check_destination` decides, before any connection is made, whether a URL may be fetched:
only http(s) to public addresses, unless private addresses are explicitly allowed.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import Any, Callable
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

Resolver = Callable[..., list[tuple[Any, ...]]]

DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only identify the campaign, click or share, never the content.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "igshid", "igsh", "spm", "scm",
    "ref", "ref_src", "ref_url", "referrer", "share", "s_cid", "cmpid", "wt_mc", "ncid",
    "sr_share", "mkt_tok", "vero_id", "oly_enc_id", "oly_anon_id", "rb_clickid",
    "amp", "amp_js_v", "usqp", "outputtype", "__twitter_impression",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "at_")

# Host prefixes that serve the same articles as the main site.
_ALIAS_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")

_UNRESERVED_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _site_host(host: str) -> str:
    """The host without www./m./mobile./amp. prefixes (repeatedly: `www.m.x.id`)."""
    changed = True
    while changed:
        changed = False
        for prefix in _ALIAS_HOST_PREFIXES:
            # Keep at least a two-label host: "m.id" stays as it is.
            if host.startswith(prefix) and host.count(".") >= 2:
                host = host[len(prefix):]
                changed = True
    return host


def _normalise_escapes(part: str) -> str:
    """Decode %XX of unreserved characters and uppercase the other escapes (RFC 3986 6.2.2)."""
    def fix(match: re.Match[str]) -> str:
        char = chr(int(match.group(1), 16))
        return char if char in _UNRESERVED else "%" + match.group(1).upper()
    return _UNRESERVED_ESCAPE.sub(fix, part)


def _strip_amp_path(path: str) -> str:
    """Remove AMP markers from a path: `/amp/` segments, a trailing `/amp`, a `.amp` suffix."""
    segments = [s for s in path.split("/") if s.lower() != "amp"]
    path = "/".join(segments) or "/"
    if path.lower().endswith(".amp"):
        path = path[:-4]
    elif path.lower().endswith(".amp.html"):
        path = path[: -len(".amp.html")] + ".html"
    return path or "/"


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _authority(scheme: str, host: str, port: int | None) -> str:
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS.get(scheme):
        return f"{host}:{port}"
    return host


def _safe_port(parts: Any) -> int | None:
    try:
        return parts.port
    except ValueError:  # "host:abc" or out of range
        return None


def _hostname(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # malformed IPv6 literal
        return ""


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to one site: equal hosts after alias prefixes, or a subdomain."""
    ha, hb = _site_host(_hostname(a)), _site_host(_hostname(b))
    if not ha or not hb:
        return False
    return ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha)


def canonicalize(url: str, html_canonical: str | None = None) -> str:
    """The canonical form of an article URL, used as its identity.

    Lowercases scheme and host, drops default ports, credentials, fragments, tracking and AMP
    query parameters; sorts the remaining query parameters; removes AMP path markers and the
    `www.`/`m.`/`mobile.`/`amp.` host prefixes (so the desktop, mobile and AMP copies of one
    article get one key); removes a trailing slash except on the root path.
    When `html_canonical` (the page's rel=canonical or og:url, possibly relative) is an http(s)
    URL on the same site it is preferred; a canonical pointing at another site is ignored,
    since syndicated or hijacked pages may claim someone else's URL.
    """
    url = url.strip()
    try:
        if html_canonical and html_canonical.strip():
            candidate = urljoin(url, html_canonical.strip())
            if urlsplit(candidate).scheme.lower() in DEFAULT_PORTS and same_site(url, candidate):
                url = candidate
        parts = urlsplit(url)
    except ValueError:  # e.g. "http://[::1": nothing to normalise
        return url
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return url  # mailto:, javascript:, relative...: nothing sensible to normalise
    host = _site_host((parts.hostname or "").lower().rstrip("."))
    authority = _authority(scheme, host, _safe_port(parts))

    path = _strip_amp_path(_normalise_escapes(parts.path or "/"))
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"

    query_pairs = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    ]
    query = urlencode(sorted(query_pairs), quote_via=quote)
    return urlunsplit((scheme, authority, path, query, ""))


def url_host(url: str) -> str:
    """The lowercased `host[:port]` of a URL (port only when not the scheme's default).

    This is the key for per-host politeness (rate limits, serialisation) and for
    `local_origins`. `www.` is kept: it can be a different server.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return _authority(parts.scheme.lower(), _hostname(url), _safe_port(parts))


def url_origin(url: str) -> str:
    """`scheme://host[:port]` of a URL: the scope of a robots.txt file."""
    scheme = url.strip().split(":", 1)[0].lower() if ":" in url else ""
    return f"{scheme}://{url_host(url)}"


# --- address safety -----------------------------------------------------------------------

def parse_ipv4_number_form(host: str) -> ipaddress.IPv4Address | None:
    """Parse the IPv4 forms browsers and libc accept: `2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`.

    Returns None when `host` is not a numeric IPv4 host at all; raises ValueError when it looks
    numeric but is out of range (WHATWG URL "ends in a number" rule: such hosts are invalid).
    """
    labels = host.split(".")
    if labels and labels[-1] == "":
        labels = labels[:-1]
    if not labels or not re.fullmatch(r"(0[xX][0-9A-Fa-f]*|\d+)", labels[-1]):
        return None
    if len(labels) > 4:
        raise ValueError(f"invalid IPv4 address {host}")
    numbers = []
    for label in labels:
        if re.fullmatch(r"0[xX][0-9A-Fa-f]*", label):
            numbers.append(int(label[2:] or "0", 16))
        elif re.fullmatch(r"0[0-7]+", label):
            numbers.append(int(label, 8))
        elif re.fullmatch(r"\d+", label):
            numbers.append(int(label, 10))
        else:
            raise ValueError(f"invalid IPv4 address {host}")
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(f"invalid IPv4 address {host}")
    value = last
    for i, n in enumerate(head):
        value += n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not a public destination (e.g. "loopback"), or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip.teredo:
            embedded = ip.teredo[1]
        if embedded is not None:
            return address_problem(embedded)
    for attr, name in (
        ("is_unspecified", "unspecified"), ("is_loopback", "loopback"),
        ("is_link_local", "link-local"), ("is_multicast", "multicast"),
        ("is_private", "private"), ("is_reserved", "reserved"),
    ):
        if getattr(ip, attr):
            return name
    if not ip.is_global:  # e.g. 100.64.0.0/10 carrier-grade NAT
        return "non-global"
    return None


def _refuse_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    problem = address_problem(ip)
    return f"refused: private address {ip} ({problem})" if problem else None


def check_destination(
    url: str, allow_private: bool = False, resolver: Resolver = socket.getaddrinfo
) -> str | None:
    """Why `url` must not be fetched, or None when it may be.

    Refused: schemes other than http/https, credentials in the URL, a missing or malformed
    host, and (unless `allow_private`) `localhost`/`*.localhost` and any address that is
    loopback, private, link-local, multicast, reserved, unspecified or otherwise not global,
    in IPv4, IPv6, IPv4-mapped IPv6 and numeric forms such as `http://2130706433/`.
    Host names are resolved with `resolver` (same signature as `socket.getaddrinfo`) and
    refused if ANY resolved address is not public. Reasons start with "refused:".
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        return f"refused: malformed URL ({exc})"
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return f"refused: scheme {scheme or '(none)'!r} not http/https"
    if parts.username is not None or parts.password is not None:
        return "refused: credentials in URL"
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return "refused: URL has no host"
    if allow_private:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return f"refused: private address {host} (loopback)"
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address | None
        ip = ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone id
    except ValueError:
        try:
            ip = parse_ipv4_number_form(host)
        except ValueError as exc:
            return f"refused: {exc}"
    if ip is not None:
        return _refuse_ip(ip)
    try:
        infos = resolver(host, port or DEFAULT_PORTS[scheme], 0, socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        return f"refused: cannot resolve host {host} ({exc})"
    if not infos:
        return f"refused: cannot resolve host {host}"
    for info in infos:
        try:
            resolved = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        except (ValueError, IndexError, TypeError):
            return f"refused: host {host} resolved to an unparseable address"
        reason = _refuse_ip(resolved)
        if reason:
            return f"{reason} for host {host}"
    return None
