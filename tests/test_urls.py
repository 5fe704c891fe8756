"""canonicalize, url_host and check_destination. No test here resolves a real name:
check_destination always gets a fake resolver."""

from __future__ import annotations

import socket

import pytest

from monitor.collect.urls import (
    canonicalize,
    check_destination,
    same_site,
    url_host,
    url_origin,
)

# --- canonicalize -------------------------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    # case, default port, fragment, tracking params, sorted query
    ("HTTPS://WWW.SuaraNTB.com:443/2026/09/11/slug/?utm_source=fb&b=2&a=1&fbclid=X#komentar",
     "https://suarantb.com/2026/09/11/slug?a=1&b=2"),
    ("http://radarlombok.co.id:80/berita.html?gclid=1&mc_cid=2&mc_eid=3&_ga=4&igshid=5&yclid=6&spm=7&ref=wa",
     "http://radarlombok.co.id/berita.html"),
    ("https://example.id:8443/a", "https://example.id:8443/a"),  # non-default port kept
    ("https://example.id", "https://example.id/"),
    ("https://example.id/a//b/", "https://example.id/a/b"),
    ("https://example.id/a%7eb%2f", "https://example.id/a~b%2F"),
    # AMP variants
    ("https://example.id/berita/judul-berita?amp=1", "https://example.id/berita/judul-berita"),
    ("https://example.id/berita/judul-berita?amp", "https://example.id/berita/judul-berita"),
    ("https://example.id/amp/berita/judul-berita", "https://example.id/berita/judul-berita"),
    ("https://example.id/berita/judul-berita/amp/", "https://example.id/berita/judul-berita"),
    ("https://example.id/berita/judul-berita/amp", "https://example.id/berita/judul-berita"),
    ("https://amp.example.id/berita/judul-berita", "https://example.id/berita/judul-berita"),
    ("https://example.id/berita/12345.amp", "https://example.id/berita/12345"),
    ("https://example.id/berita/12345.amp.html", "https://example.id/berita/12345.html"),
    # mobile hosts
    ("https://m.detik.com/news/d-123/judul", "https://detik.com/news/d-123/judul"),
    ("https://mobile.example.co.id/x/", "https://example.co.id/x"),
    ("https://www.m.example.id/x", "https://example.id/x"),
    # short hosts are left alone
    ("https://m.id/x", "https://m.id/x"),
    # not http(s): returned as given
    ("mailto:redaksi@example.id", "mailto:redaksi@example.id"),
])
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


def test_canonicalize_variants_collapse_to_one_key() -> None:
    variants = [
        "https://www.example.id/2026/09/11/judul-berita/",
        "https://m.example.id/2026/09/11/judul-berita/?utm_medium=social",
        "https://example.id/2026/09/11/judul-berita/amp/",
        "https://amp.example.id/2026/09/11/judul-berita?amp=1#top",
        "HTTPS://EXAMPLE.ID:443/2026/09/11/judul-berita",
    ]
    assert len({canonicalize(v) for v in variants}) == 1


def test_canonicalize_prefers_same_site_html_canonical() -> None:
    page = "https://m.example.id/read/123?utm_source=x"
    assert canonicalize(page, "https://www.example.id/read/123/judul-lengkap/") == \
        "https://example.id/read/123/judul-lengkap"
    # relative canonical is resolved against the page
    assert canonicalize(page, "/read/123/judul") == "https://example.id/read/123/judul"
    # a subdomain of the same site counts as same site
    assert canonicalize("https://example.id/a", "https://regional.example.id/b") == \
        "https://regional.example.id/b"


@pytest.mark.parametrize("bad", ["https://aggregator.example.com/copied", "javascript:alert(1)", "  ", ""])
def test_canonicalize_ignores_foreign_or_bogus_canonical(bad: str) -> None:
    assert canonicalize("https://example.id/asli?fbclid=1", bad) == "https://example.id/asli"


def test_malformed_urls_do_not_raise() -> None:
    assert canonicalize("http://[::1") == "http://[::1"
    assert url_host("http://[::1") == "" and not same_site("http://[::1", "http://[::1")
    assert check_destination("http://[::1").startswith("refused: malformed URL")


def test_same_site() -> None:
    assert same_site("https://www.example.id/a", "https://m.example.id/b")
    assert not same_site("https://example.id/a", "https://notexample.id/a")


def test_url_host_and_origin() -> None:
    assert url_host("HTTP://Example.ID:80/x") == "example.id"
    assert url_host("https://www.example.id:8443/x") == "www.example.id:8443"
    assert url_host("http://127.0.0.1:8080/") == "127.0.0.1:8080"
    assert url_host("http://[::1]:8080/") == "[::1]:8080"
    assert url_origin("https://Example.id/a/b?c") == "https://example.id"


# --- check_destination --------------------------------------------------------------------

class FakeResolver:
    """getaddrinfo stand-in: a fixed name -> addresses table; records the names asked."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str, port: object, *args: object, **kw: object) -> list[tuple]:
        self.asked.append(host)
        if host not in self.table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port))
                for a in self.table[host]]


@pytest.fixture
def resolver() -> FakeResolver:
    return FakeResolver({
        "public.example": ["93.184.216.34"],
        "dual.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
        "rebind.example": ["93.184.216.34", "10.0.0.7"],
        "intranet.example": ["192.168.1.5"],
        "v6local.example": ["fd00::1"],
        "metadata.example": ["169.254.169.254"],
    })


@pytest.mark.parametrize("url", [
    "https://public.example/berita/1",
    "http://dual.example/",
    "https://93.184.216.34/x",
    "https://[2606:2800:220:1:248:1893:25c8:1946]/",
])
def test_public_destinations_pass(url: str, resolver: FakeResolver) -> None:
    assert check_destination(url, resolver=resolver) is None


@pytest.mark.parametrize("url, fragment", [
    ("ftp://public.example/file", "scheme 'ftp'"),
    ("file:///etc/passwd", "scheme 'file'"),
    ("javascript:alert(1)", "scheme 'javascript'"),
    ("//public.example/x", "scheme '(none)'"),
    ("https://user:pass@public.example/", "credentials in URL"),
    ("https://user@public.example/", "credentials in URL"),
    ("http:///nohost", "no host"),
    ("http://localhost/", "private address localhost"),
    ("http://api.LOCALHOST./", "private address api.localhost"),
    ("http://127.0.0.1:8000/", "private address 127.0.0.1 (loopback)"),
    ("http://127.5.6.7/", "private address 127.5.6.7 (loopback)"),
    ("http://10.0.0.1/", "private address 10.0.0.1 (private)"),
    ("http://172.16.5.4/", "private address 172.16.5.4 (private)"),
    ("http://192.168.0.1/", "private address 192.168.0.1 (private)"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 (link-local)"),
    ("http://100.64.0.1/", "100.64.0.1 (non-global)"),
    ("http://0.0.0.0/", "0.0.0.0 (unspecified)"),
    ("http://224.0.0.251/", "224.0.0.251 (multicast)"),
    ("http://240.0.0.1/", "240.0.0.1"),
    ("http://[::1]/", "private address ::1 (loopback)"),
    ("http://[::]/", "(unspecified)"),
    ("http://[fe80::1%25eth0]/", "fe80::1 (link-local)"),
    ("http://[fd12:3456::1]/", "(private)"),
    ("http://[ff02::1]/", "(multicast)"),
    ("http://[::ffff:127.0.0.1]/", "(loopback)"),  # IPv4-mapped
    ("http://[::ffff:10.1.2.3]/", "(private)"),
    ("http://[2002:c0a8:0101::1]/", "(private)"),  # 6to4 wrapping 192.168.1.1
    # numeric forms browsers and libc accept
    ("http://2130706433/", "private address 127.0.0.1"),
    ("http://0x7f000001/", "private address 127.0.0.1"),
    ("http://0x7f.1/", "private address 127.0.0.1"),
    ("http://0177.0.0.1/", "private address 127.0.0.1"),
    ("http://127.1/", "private address 127.0.0.1"),
    ("http://012.0.0.1/", "private address 10.0.0.1"),
    ("http://3232235777/", "private address 192.168.1.1"),
    ("http://256.0.0.1/", "invalid IPv4 address"),
    ("http://1.2.3.4.5/", "invalid IPv4 address"),
    ("http://intranet.example/", "private address 192.168.1.5 (private) for host intranet.example"),
    ("http://v6local.example/", "fd00::1"),
    ("http://metadata.example/", "169.254.169.254 (link-local)"),
    ("http://rebind.example/", "10.0.0.7"),  # ANY private record refuses
    ("http://unknown.example/", "cannot resolve host unknown.example"),
    ("http://bad:port/", "malformed URL"),
])
def test_refused_destinations(url: str, fragment: str, resolver: FakeResolver) -> None:
    reason = check_destination(url, resolver=resolver)
    assert reason is not None and reason.startswith("refused:"), reason
    assert fragment in reason


def test_ip_literals_and_refused_schemes_are_not_resolved(resolver: FakeResolver) -> None:
    for url in ("http://10.0.0.1/", "http://2130706433/", "http://[::1]/", "ftp://public.example/",
                "http://u:p@public.example/", "http://localhost/"):
        check_destination(url, resolver=resolver)
    assert resolver.asked == []
    check_destination("https://public.example:8443/", resolver=resolver)
    assert resolver.asked == ["public.example"]


def test_allow_private_keeps_scheme_and_credential_checks(resolver: FakeResolver) -> None:
    assert check_destination("http://127.0.0.1:8000/", allow_private=True, resolver=resolver) is None
    assert check_destination("http://localhost/", allow_private=True, resolver=resolver) is None
    assert check_destination("http://intranet.example/", allow_private=True, resolver=resolver) is None
    assert resolver.asked == []  # nothing to decide, so no lookup
    assert "scheme" in check_destination("gopher://127.0.0.1/", allow_private=True)
    assert "credentials" in check_destination("http://a:b@127.0.0.1/", allow_private=True)


def test_resolver_returning_garbage_is_refused() -> None:
    def weird(host: str, port: object, *a: object, **k: object) -> list[tuple]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("not-an-ip", 80))]
    assert "unparseable" in check_destination("http://odd.example/", resolver=weird)

    def empty(host: str, port: object, *a: object, **k: object) -> list[tuple]:
        return []
    assert "cannot resolve" in check_destination("http://odd.example/", resolver=empty)
