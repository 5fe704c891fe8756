"""Polite, defensive HTTP fetching.

`Fetcher.fetch` never raises on network or HTTP trouble: it returns a `Page` whose `error` says
what went wrong (the reasons are listed in docs/fetching.md). Politeness: robots.txt (via
protego, cached per origin), a per-host delay (raised by Crawl-delay), one request at a time
per host in `fetch_many`, and bounded retries that honour Retry-After. Safety: every request
and every redirect hop passes `monitor.collect.urls.check_destination` before any connection is made,
bodies are size-capped after decompression, and only HTML/XML is accepted.
"""

from __future__ import annotations

import email.utils
import logging
import queue
import random
import socket
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator, Literal, Mapping
from urllib.parse import urldefrag, urljoin

import requests
import urllib3.exceptions
from protego import Protego

from monitor.collect.bodies import (  # noqa: F401 - re-exported: callers import them from here
    BodyTooLarge,
    UnsupportedEncoding,
    _BodyDeadline,
    _Inflater,
    _sniffed_type,
    decode_body,
    gunzip_bounded,
    looks_like_markup,
    media_type,
    not_html_reason,
)
from monitor.collect.urls import Resolver, check_destination, url_host, url_origin
from monitor.models import Page

log = logging.getLogger(__name__)

Kind = Literal["article", "feed", "sitemap", "listing", "robots"]

DEFAULT_USER_AGENT = "ogi-monitor/0.1 (+https://github.com/ogi-monitor; open-government news monitor)"

MARKUP_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "application/xml", "text/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml",
})
# Types that feeds and sitemaps are often (wrongly) served with; accepted only if the body is XML.
LENIENT_XML_TYPES = frozenset({
    "text/plain", "application/octet-stream", "binary/octet-stream",
    "application/x-gzip", "application/gzip",
})
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
RETRY_CODES = frozenset({408, 429, 500, 502, 503, 504})
CHUNK = 64 * 1024


@dataclass
class FetchSettings:
    """Fetcher knobs; the defaults match config/settings.toml [fetch]."""

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0  # seconds
    read_timeout: float = 20.0  # seconds between two bytes
    total_timeout: float = 60.0  # wall clock for one response body (slow-drip servers)
    per_host_delay: float = 2.0  # seconds between requests to one host
    max_crawl_delay: float = 30.0  # robots Crawl-delay is honoured up to this
    max_bytes: int = 5_000_000  # decompressed body cap
    max_redirects: int = 5
    retries: int = 3  # extra attempts after the first, on 5xx/429/408 and network errors
    backoff_base: float = 1.0  # first retry waits about this (doubling, with jitter)
    backoff_max: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After makes us give up
    concurrency: int = 4  # hosts fetched in parallel by fetch_many
    allow_private: bool = False  # skip the private-address check everywhere (development only)
    respect_robots: bool = True
    # `host:port` (or origins like "http://127.0.0.1:8000") of sources marked local, e.g. the
    # demo site: requests to exactly these skip the private-address check; their redirects
    # to anywhere else are still checked.
    local_origins: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.local_origins = frozenset(
            url_host(o) if "://" in o else o.lower() for o in self.local_origins
        )

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "FetchSettings":
        """Build from a settings.toml [fetch] table; `max_page_bytes` means `max_bytes`,
        keys that are not fetch settings (e.g. `max_articles_per_source`) are ignored."""
        names = {f.name for f in fields(cls)}
        kwargs = {("max_bytes" if k == "max_page_bytes" else k): v for k, v in values.items()}
        unknown = set(kwargs) - names
        if unknown:
            log.debug("fetch settings: ignoring %s", ", ".join(sorted(unknown)))
        return cls(**{k: v for k, v in kwargs.items() if k in names})


@dataclass
class FetchRecord:
    """One attempt (a request and its redirect hops), reported to `on_fetch` for the fetch log.

    status is 0 when no HTTP answer was received (refused, blocked, network error);
    elapsed is the network time of the attempt's hops, without politeness waits.
    """

    url: str
    final_url: str
    status: int
    nbytes: int
    elapsed: float
    error: str | None
    kind: str
    attempt: int
    robots_blocked: bool = False


class Headers(dict):
    """Response headers with lowercase keys and case-insensitive lookups (still a plain dict)."""

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        super().__init__((k.lower(), v) for k, v in (items or {}).items())

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __setitem__(self, key: str, value: str) -> None:
        super().__setitem__(key.lower(), value)

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().get(key.lower(), default)

    def setdefault(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        return super().setdefault(key.lower(), default)


# --- small pure helpers -------------------------------------------------------------------

def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or an HTTP date), or None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


# --- politeness state ---------------------------------------------------------------------

class HostLimiter:
    """Spaces requests per host: the next one starts no earlier than `delay` after the previous
    one finished (or, while it is still running, started), and not before a Retry-After hold.
    Thread-safe; start slots are reserved under the lock, so concurrent callers queue up."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._last: dict[str, float] = {}  # latest start reservation or finish time
        self._hold: dict[str, float] = {}  # Retry-After: nothing before this time

    def wait(self, host: str, delay: float) -> None:
        """Block until a request to `host` may start, and reserve that slot."""
        with self._lock:
            now = time.monotonic()
            start = now
            if host in self._last:
                start = max(start, self._last[host] + delay)
            start = max(start, self._hold.get(host, 0.0))
            self._last[host] = start
        if start > now:
            time.sleep(start - now)

    def done(self, host: str) -> None:
        """The request to `host` has finished (the delay counts from now)."""
        with self._lock:
            self._last[host] = max(self._last.get(host, 0.0), time.monotonic())

    def hold(self, host: str, seconds: float) -> None:
        """No request to `host` before `seconds` from now (Retry-After)."""
        with self._lock:
            self._hold[host] = max(self._hold.get(host, 0.0), time.monotonic() + seconds)


ROBOTS_BLOCKED = "blocked by robots.txt"


@dataclass
class RobotsRules:
    """What one origin's robots.txt says; `parser` None means allow or deny all."""

    parser: Protego | None = None
    deny_all: bool = False
    note: str = ""

    def allows(self, url: str, agent: str) -> bool:
        if self.deny_all:
            return False
        return self.parser is None or self.parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str) -> float | None:
        return self.parser.crawl_delay(agent) if self.parser is not None else None


# --- the fetcher --------------------------------------------------------------------------

@dataclass
class _Hop:
    """The outcome of one HTTP exchange."""

    status: int = 0
    headers: Headers = field(default_factory=Headers)
    location: str | None = None
    body: bytes = b""
    error: str | None = None
    retry: bool = False
    retry_after: float | None = None
    elapsed: float = 0.0


@dataclass
class _Outcome:
    page: Page
    retry: bool = False
    retry_after: float | None = None  # the limiter already holds the host this long


def _exception_chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [a for a in e.args if isinstance(a, BaseException)]
        todo += [x for x in (getattr(e, "reason", None), e.__cause__, e.__context__)
                 if isinstance(x, BaseException)]


def _fmt_seconds(seconds: float) -> str:
    return f"{seconds:g}s"


def network_reason(exc: BaseException, settings: FetchSettings) -> str:
    """A short, stable reason for a requests/urllib3/socket exception."""
    chain = list(_exception_chain(exc))
    text = " ".join(str(e) for e in chain)
    # Before timeouts: urllib3's NewConnectionError subclasses ConnectTimeoutError.
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "Connection refused" in text:
        return "connection refused"
    if any(isinstance(e, ConnectionResetError) for e in chain) or "Connection reset" in text:
        return "connection reset"
    if any(isinstance(e, requests.ConnectTimeout) or (
            isinstance(e, urllib3.exceptions.ConnectTimeoutError)
            and not isinstance(e, urllib3.exceptions.NewConnectionError)) for e in chain):
        return f"timeout after {_fmt_seconds(settings.connect_timeout)}"
    if any(isinstance(e, (requests.Timeout, urllib3.exceptions.ReadTimeoutError, socket.timeout))
           for e in chain):
        return f"timeout after {_fmt_seconds(settings.read_timeout)}"
    if any(isinstance(e, urllib3.exceptions.IncompleteRead) for e in chain):
        return "truncated body"
    if "RemoteDisconnected" in text or "without response" in text:
        return "connection closed without response"
    if any(isinstance(e, (socket.gaierror, urllib3.exceptions.NameResolutionError)) for e in chain):
        return "DNS lookup failed"
    if any(isinstance(e, requests.exceptions.SSLError) for e in chain):
        return f"TLS error: {exc}"
    if any(isinstance(e, urllib3.exceptions.ProtocolError) for e in chain):
        return "truncated body"
    return f"network error: {type(exc).__name__}: {exc}"


class Fetcher:
    """Fetches pages politely and safely; see the module docstring and docs/fetching.md.

    `on_fetch` receives a FetchRecord for every attempt (robots.txt fetches included).
    `resolver` (socket.getaddrinfo's signature) is used by the address check; tests inject one.
    Use as a context manager, or call `close()`, to release connections.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        on_fetch: Callable[[FetchRecord], None] | None = None,
        *,
        resolver: Resolver = socket.getaddrinfo,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.on_fetch = on_fetch
        self._resolver = resolver
        self._limiter = HostLimiter()
        self._robots: dict[str, RobotsRules] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._local_logged: set[str] = set()
        # Robots groups are matched on the product token ("ogi-monitor"), not the full header.
        self._agent = self.settings.user_agent.split("/", 1)[0].split()[0].lower()
        if self.settings.allow_private:
            log.warning("fetcher: private-address checks are disabled (allow_private)")

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP sessions of all threads."""
        with self._guard:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    # --- public API ----------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url` (fetched once per origin and cached).

        Always True when `respect_robots` is off. False when robots.txt could not be fetched
        (5xx, 429, network error, refused address): RFC 9309 treats an unreachable robots.txt
        as "disallow all". A 4xx robots.txt means no rules: allow all.
        """
        if not self.settings.respect_robots:
            return True
        return self._robots_for(url).allows(url, self._agent)

    def robots_sitemaps(self, url: str) -> list[str]:
        """The `Sitemap:` URLs in the robots.txt of `url`'s origin (fetched if not cached)."""
        parser = self._robots_for(url).parser
        base = url_origin(url) + "/"
        return [urljoin(base, s.strip()) for s in parser.sitemaps] if parser is not None else []

    def fetch(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: Kind = "article",
    ) -> Page:
        """GET `url` with retries; never raises for network/HTTP problems (see Page.error).

        With `etag`/`last_modified` the request is conditional (If-None-Match /
        If-Modified-Since) and a 304 gives `Page(not_modified=True)`; the validators to store
        next time are in `page.headers["etag"]` / `page.headers["last-modified"]`.
        """
        started = time.monotonic()
        url = url.strip()
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            attempt += 1
            outcome = self._attempt(url, headers, kind, attempt)
            if not outcome.retry or attempt > self.settings.retries:
                break
            if outcome.retry_after is not None:
                log.info("retrying %s after Retry-After %.1fs", url, outcome.retry_after)
                continue  # the host limiter waits it out
            wait = min(self.settings.backoff_max, self.settings.backoff_base * 2 ** (attempt - 1))
            wait *= random.uniform(0.5, 1.0)  # jitter: don't retry in lockstep with others
            log.info("retrying %s in %.2fs after: %s", url, wait, outcome.page.error)
            time.sleep(wait)
        page = outcome.page
        if outcome.retry and attempt > 1:
            page.error = (f"{page.error} after {attempt - 1} retries" if page.error.startswith("HTTP ")
                          else f"{page.error} (after {attempt - 1} retries)")
        if page.not_modified:
            # Some servers omit validators on 304; keep the ones we have.
            if etag:
                page.headers.setdefault("etag", etag)
            if last_modified:
                page.headers.setdefault("last-modified", last_modified)
        page.elapsed = time.monotonic() - started
        return page

    def fetch_many(self, urls: Iterable[str], **kw: Any) -> Iterator[Page]:
        """Fetch many URLs, `concurrency` hosts in parallel, one request at a time per host.

        Pages are yielded as they complete (not in input order); `kw` goes to `fetch`.
        Closing the iterator early stops further requests.
        """
        groups: dict[str, list[str]] = {}
        for url in urls:
            groups.setdefault(url_host(url), []).append(url)
        total = sum(len(g) for g in groups.values())
        if not total:
            return
        results: queue.Queue[Page] = queue.Queue()
        stop = threading.Event()

        def run(batch: list[str]) -> None:
            for url in batch:
                if stop.is_set():
                    return
                try:
                    page = self.fetch(url, **kw)
                except Exception as exc:  # a bug must not hang the consumer
                    log.exception("fetch of %s crashed", url)
                    page = Page(url=url, final_url=url, status=0, error=f"internal error: {exc!r}")
                results.put(page)

        workers = max(1, min(self.settings.concurrency, len(groups)))
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="fetch")
        try:
            for batch in groups.values():
                pool.submit(run, batch)
            for _ in range(total):
                yield results.get()
        finally:
            stop.set()
            pool.shutdown(wait=False, cancel_futures=True)

    # --- one attempt: a request and its redirects ----------------------------------
    def _attempt(self, url: str, headers: dict[str, str], kind: str, attempt: int) -> _Outcome:
        hop_url, visited, redirects = url, {urldefrag(url)[0]}, 0
        hop = _Hop()
        elapsed = 0.0
        while True:
            refusal = self._refusal(hop_url)
            if refusal:
                hop = _Hop(status=hop.status, error=refusal)
                break
            if kind != "robots" and self.settings.respect_robots:
                rules = self._robots_for(hop_url)
                if not rules.allows(hop_url, self._agent):
                    if rules.deny_all:  # robots.txt unreachable: a connection failure, not a robots rule
                        error = f"site unreachable ({rules.note})"
                    else:
                        error = ROBOTS_BLOCKED
                    log.info("%s: %s", error, hop_url)
                    return self._report(url, hop_url, kind, attempt, _Hop(error=error), elapsed,
                                        robots_blocked=not rules.deny_all)
            hop = self._exchange(hop_url, headers, kind)
            elapsed += hop.elapsed
            if hop.location is None:
                break
            target = urldefrag(urljoin(hop_url, hop.location))[0]
            redirects += 1
            if target in visited:
                hop.error = "redirect loop"
                break
            if redirects > self.settings.max_redirects:
                hop.error = f"too many redirects (>{self.settings.max_redirects})"
                break
            visited.add(target)
            hop_url = target
        if hop.retry_after is not None:
            self._limiter.hold(url_host(hop_url), hop.retry_after)
        outcome = self._report(url, hop_url, kind, attempt, hop, elapsed)
        outcome.retry_after = hop.retry_after
        return outcome

    def _report(self, url: str, final_url: str, kind: str, attempt: int, hop: _Hop,
                elapsed: float, robots_blocked: bool = False) -> _Outcome:
        page = Page(url=url, final_url=final_url, status=hop.status, headers=hop.headers,
                    nbytes=len(hop.body), error=hop.error, elapsed=elapsed)
        if hop.status == 304 and hop.error is None:
            page.not_modified = True
        elif hop.error is None:
            content_type = hop.headers.get("content-type") or _sniffed_type(hop.body)
            page.content_type = content_type
            page.html, page.encoding = decode_body(hop.body, content_type)
        if self.on_fetch is not None:
            record = FetchRecord(url, final_url, hop.status, page.nbytes, elapsed, page.error,
                                 kind, attempt, robots_blocked)
            try:
                self.on_fetch(record)
            except Exception:  # the fetch log must not break fetching
                log.exception("on_fetch callback failed for %s", url)
        return _Outcome(page, retry=hop.retry)

    def _refusal(self, url: str) -> str | None:
        host = url_host(url)
        if host in self.settings.local_origins:
            if host not in self._local_logged:
                self._local_logged.add(host)
                log.info("address check skipped for %s: source marked local", host)
            return check_destination(url, allow_private=True)  # scheme and credentials still count
        reason = check_destination(url, self.settings.allow_private, self._resolver)
        if reason:
            log.warning("not fetching %s: %s", url, reason)
        return reason

    # --- one HTTP exchange ---------------------------------------------------------
    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            # Environment proxies would connect on our behalf and bypass the address check.
            session.trust_env = False
            session.headers.update({
                "User-Agent": self.settings.user_agent,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",  # what _Inflater can decode
                "Accept-Language": "id,en;q=0.8",
            })
            self._local.session = session
            with self._guard:
                self._sessions.append(session)
        return session

    def _host_delay(self, url: str) -> float:
        delay = self.settings.per_host_delay
        rules = self._robots.get(url_origin(url))
        crawl_delay = rules.crawl_delay(self._agent) if rules else None
        if crawl_delay:
            delay = max(delay, min(float(crawl_delay), self.settings.max_crawl_delay))
        return delay

    def _exchange(self, url: str, headers: dict[str, str], kind: str) -> _Hop:
        host = url_host(url)
        self._limiter.wait(host, self._host_delay(url))
        started = time.monotonic()
        try:
            resp = self._session().get(
                url, headers=headers, stream=True, allow_redirects=False,
                timeout=(self.settings.connect_timeout, self.settings.read_timeout))
        except requests.RequestException as exc:
            hop = _Hop(error=network_reason(exc, self.settings), retry=True)
        else:
            with resp:
                hop = self._read_response(resp, kind)
        finally:
            self._limiter.done(host)
        hop.elapsed = time.monotonic() - started
        return hop

    def _read_response(self, resp: requests.Response, kind: str) -> _Hop:
        hop = _Hop(status=resp.status_code, headers=Headers(resp.headers))
        status = hop.status
        if status in REDIRECT_CODES and hop.headers.get("location"):
            hop.location = hop.headers["location"].strip()
            return hop
        if status == 304:
            return hop
        if status in RETRY_CODES:
            hop.retry_after = parse_retry_after(hop.headers.get("retry-after"))
            if hop.retry_after is not None and hop.retry_after > self.settings.max_retry_after:
                hop.error = (f"HTTP {status}: Retry-After {hop.retry_after:.0f}s exceeds "
                             f"max_retry_after {self.settings.max_retry_after:g}s")
                hop.retry_after = None  # giving up: don't hold the host back for it
            else:
                hop.error, hop.retry = f"HTTP {status}", True
            return hop
        if not 200 <= status < 300:
            hop.error = f"HTTP {status}"
            return hop
        declared = media_type(hop.headers.get("content-type"))
        if kind != "robots" and not self._type_acceptable(declared, kind):
            hop.error = f"content type {declared} not HTML/XML"
            return hop
        try:
            hop.body = self._read_body(resp)
            if kind in ("feed", "sitemap") and hop.body[:2] == b"\x1f\x8b":
                hop.body = gunzip_bounded(hop.body, self.settings.max_bytes)  # sitemap.xml.gz
        except BodyTooLarge:
            hop.error = f"body exceeds {self.settings.max_bytes} bytes"
        except _BodyDeadline:
            hop.error = f"timeout after {_fmt_seconds(self.settings.total_timeout)} (whole body)"
        except zlib.error:
            hop.error = "corrupt compressed body"
        except UnsupportedEncoding as exc:
            hop.error = str(exc)
        except (urllib3.exceptions.HTTPError, requests.RequestException, OSError) as exc:
            hop.error, hop.retry = network_reason(exc, self.settings), True  # mid-body: transient
        if hop.error is None and kind != "robots" and (not declared or declared in LENIENT_XML_TYPES):
            if not looks_like_markup(hop.body):
                hop.error = f"content type {declared or 'missing'} not HTML/XML"
        return hop

    def _type_acceptable(self, declared: str, kind: str) -> bool:
        if not declared or declared in MARKUP_TYPES or declared.endswith("+xml"):
            return True
        return kind in ("feed", "sitemap") and declared in LENIENT_XML_TYPES

    def _read_body(self, resp: requests.Response) -> bytes:
        """Stream the body, decompressing ourselves so the cap applies to decoded bytes."""
        limit = self.settings.max_bytes
        coding = (resp.headers.get("content-encoding") or "identity").strip().lower()
        inflater = _Inflater(limit) if coding in ("gzip", "x-gzip", "deflate") else None
        if inflater is None and coding not in ("identity", ""):
            raise UnsupportedEncoding(f"unsupported content encoding {coding}")
        deadline = time.monotonic() + self.settings.total_timeout
        body = bytearray()
        raw = resp.raw
        while True:
            chunk = raw.read(CHUNK, decode_content=False)
            if not chunk:
                break
            body += inflater.feed(chunk) if inflater else chunk
            if len(body) > limit:
                raise BodyTooLarge
            if time.monotonic() > deadline:
                raise _BodyDeadline
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and raw.tell() < int(declared):
            raise urllib3.exceptions.IncompleteRead(raw.tell(), int(declared) - raw.tell())
        return bytes(body)

    # --- robots.txt ----------------------------------------------------------------
    def _robots_for(self, url: str) -> RobotsRules:
        origin = url_origin(url)
        with self._guard:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one fetch per origin even when several threads ask at once
            rules = self._robots.get(origin)
            if rules is None:
                rules = self._load_robots(origin)
                self._robots[origin] = rules
            return rules

    def _load_robots(self, origin: str) -> RobotsRules:
        page = self.fetch(origin + "/robots.txt", kind="robots")
        if page.ok:
            return RobotsRules(parser=Protego.parse(page.html), note="robots.txt")
        if 400 <= page.status < 500 and page.status != 429 and page.error == f"HTTP {page.status}":
            return RobotsRules(note=f"robots.txt {page.status}: allow all")
        log.warning("robots.txt of %s unavailable (%s): not crawling it this run", origin, page.error)
        return RobotsRules(deny_all=True, note=f"robots.txt unavailable: {page.error}")
