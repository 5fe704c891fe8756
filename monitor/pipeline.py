"""One collection cycle: discover -> fetch -> extract -> dedupe -> classify -> partners -> store.

:func:`run_cycle` is the one function that both ``monitor run`` and the scheduler call. Every
article is stored in its own transaction together with its tags, partners and seen-URL entry,
so a crash or Ctrl-C at any point leaves a consistent database and the next cycle resumes:
URLs already stored are not fetched again unless their feed or sitemap reports an update.
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterator

from monitor.analyse.classify import ModelNotFound, load_model
from monitor.collect import dedupe
from monitor.collect.discover import Discovery, Link, discover
from monitor.collect.extract import (
    ExtractionRules,
    extract_article,
    is_error_page,
    join_pages,
    next_page_urls,
    page_kind,
)
from monitor.collect.fetch import ROBOTS_BLOCKED, Fetcher, FetchRecord, FetchSettings
from monitor.collect.urls import canonicalize, url_host
from monitor.config import Settings, Source, load_issues
from monitor.models import Article, Page
from monitor.store import PERMANENT_ERRORS, Store

log = logging.getLogger(__name__)

MAX_EXTRA_PAGES = 5  # pages joined for one multi-page article
MAX_CHILD_SITEMAPS = 10
MAX_ATTEMPTS = 3  # a URL that failed (transiently) this often in a row is left alone


def is_permanent_failure(status: int, reason: str) -> bool:
    """Whether a failed fetch will fail the same way tomorrow: 404/410, a redirect loop or too
    many redirects, a body over the size cap, a type that is not HTML. Timeouts, connection
    errors, 5xx, 429 and robots blocks are transient."""
    return status in (404, 410) or reason.startswith(PERMANENT_ERRORS)


class CycleRunning(RuntimeError):
    """Another cycle holds the lock on this database."""


@contextmanager
def cycle_lock(db_path: str | os.PathLike) -> Iterator[None]:
    """An exclusive, process-wide lock per database: never two cycles at once.

    ``flock`` is released by the kernel when the holder dies, so a killed cycle never leaves
    a stale lock behind.
    """
    path = Path(f"{db_path}.lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+")
    try:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip()
            raise CycleRunning(f"another cycle is running on {db_path} ({holder or 'unknown process'})") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        yield
    finally:
        fh.close()


@dataclass
class CycleResult:
    run_id: int
    counts: Counter = field(default_factory=Counter)
    per_source: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    per_issue: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)
    health: dict[str, str] = field(default_factory=dict)
    alerts: dict[str, int] = field(default_factory=dict)
    status: str = "ok"

    def summary(self) -> dict[str, Any]:
        return {"per_source": {k: dict(v) for k, v in self.per_source.items()},
                "per_issue": dict(self.per_issue), "failures": self.failures[:200],
                "health": self.health, "alerts": self.alerts}


def _earlier(a: str | None, b: str | None) -> bool:
    """Whether ISO time ``a`` is strictly before ``b`` (False when either is unknown)."""
    if not a or not b:
        return False
    try:
        return datetime.fromisoformat(a) < datetime.fromisoformat(b)
    except (TypeError, ValueError):
        return False


def fetch_settings(settings: Settings, sources: list[Source]) -> FetchSettings:
    f = settings.fetch
    local = frozenset(url_host(u) for s in sources if s.local
                      for u in [s.homepage, *s.feeds, *s.sitemaps, *(l.url for l in s.listings)])
    return FetchSettings(user_agent=f.user_agent, connect_timeout=f.connect_timeout, read_timeout=f.read_timeout,
                         per_host_delay=f.per_host_delay, max_bytes=f.max_page_bytes, max_redirects=f.max_redirects,
                         retries=f.retries, concurrency=f.concurrency, local_origins=local)


def rules_for(source: Source, settings: Settings) -> ExtractionRules:
    ex = source.extraction
    return ExtractionRules(title_selector=ex.title_selector, date_selector=ex.date_selector,
                           body_selector=ex.body_selector, author_selector=ex.author_selector,
                           remove_selectors=list(ex.remove_selectors), default_tz=settings.timezone)


class Cycle:
    """The state of one run; use :func:`run_cycle`."""

    def __init__(self, settings: Settings, sources: list[Source], store: Store, *,
                 classify: bool = True, partners: bool = True,
                 progress: Callable[[str, int, int], None] | None = None,
                 stop: threading.Event | None = None):
        self.settings = settings
        self.sources = [s for s in sources if s.enabled]
        self.store = store
        self.progress = progress or (lambda stage, done, total: None)
        self.stop = stop or threading.Event()
        self.model = None
        if classify:
            try:
                self.model = load_model(settings.model_dir)
            except ModelNotFound as exc:
                log.warning("%s; articles are stored untagged", exc)
        self.partner_extractor = None
        if partners:
            from monitor.analyse.partners import PartnerExtractor

            gazetteer = settings.config_dir / "partners.toml" if settings.config_dir else None
            self.partner_extractor = PartnerExtractor(gazetteer if gazetteer and gazetteer.is_file() else None)
        self._lock = threading.Lock()
        self.near = dedupe.NearDuplicateIndex()
        for article_id, sig in store.minhashes():
            self.near.add(article_id, sig)

    # ------------------------------------------------------------------ discovery
    def discover_source(self, fetcher: Fetcher, source: Source,
                        result: CycleResult) -> tuple[list[Link], list[tuple[str, str | None, str | None]]]:
        """The source's links, and the feed/sitemap validators to save once they are queued.

        Validators (ETag, Last-Modified) are saved only after the links are on the frontier:
        saved earlier, a crash in between would make the next 304 hide links never queued.
        """
        found: dict[str, Link] = {}
        validators: list[tuple[str, str | None, str | None]] = []

        def take(d: Discovery, where: str) -> None:
            if d.error and d.error != "not modified":
                with self._lock:
                    result.per_source[source.id]["discovery_failed"] += 1
                self.fail(result, source, where, f"discovery failed: {d.error}")
            elif d.warning:
                log.info("%s: %s: %s", source.id, where, d.warning)
            for link in d.links:
                known = found.setdefault(canonicalize(link.url), link)
                if known is not link and link.lastmod and not known.lastmod:
                    known.lastmod = link.lastmod  # a sitemap's lastmod for a link the feed gave first

        def conditional(url: str, kind: str) -> Page:
            etag, modified = self.store.http_validators(url)
            page = fetcher.fetch(url, etag=etag, last_modified=modified, kind=kind)
            if page.ok and not page.not_modified:
                validators.append((url, page.headers.get("etag"), page.headers.get("last-modified")))
            return page

        for url in source.feeds:
            take(discover(conditional(url, "feed"), "feed"), url)
        queue = list(source.sitemaps)
        children = 0
        while queue:
            url = queue.pop(0)
            d = discover(conditional(url, "sitemap"), "sitemap")
            take(d, url)
            for child in d.sitemaps[: max(0, MAX_CHILD_SITEMAPS - children)]:
                queue.append(child.url)
                children += 1
        for listing in source.listings:
            url: str | None = listing.url
            for _ in range(listing.max_pages):
                if not url or self.stop.is_set():
                    break
                d = discover(fetcher.fetch(url, kind="listing"), "listing", item_selector=listing.item_selector,
                             link_selector=listing.link_selector, next_selector=listing.next_selector,
                             featured_selector=listing.featured_selector, date_selector=listing.date_selector)
                take(d, url)
                url = d.next_url
        return list(found.values()), validators

    def wanted(self, source: Source, links: list[Link], result: CycleResult) -> list[Link]:
        """Put discovered links on the frontier and return what to fetch now.

        New links, and known ones whose feed/sitemap ``lastmod`` is newer than last time, become
        pending; pending and retryable failed URLs of earlier (interrupted) runs come back too,
        and gone ones (permanent failures) once their re-check time has come.
        """
        not_articles = {canonicalize(u) for u in [source.homepage, *(l.url for l in source.listings)]}
        entries = []
        for link in links:
            canon = canonicalize(link.url)
            if canon in not_articles:
                continue
            seen = self.store.seen(canon)
            if seen is not None and seen["status"] != "pending" and not (
                    link.lastmod and seen["lastmod"] and link.lastmod > seen["lastmod"]):
                if link.lastmod and not seen["lastmod"]:
                    self.store.note_lastmod(canon, link.lastmod)  # the baseline for later updates
                if seen["status"] not in ("failed", "gone"):
                    result.counts["unchanged"] += 1
                continue
            entries.append((canon, link.url, link.lastmod,
                            {"title": link.title, "published": link.published}))
        self.store.enqueue(source.id, entries)
        out = []
        for row in self.store.frontier(source.id, MAX_ATTEMPTS, self.settings.fetch.max_articles_per_source):
            hint = row["hint"]
            out.append(Link(url=row["fetch_url"], title=hint.get("title") or "", published=hint.get("published"),
                            lastmod=row["lastmod"]))
        return out

    # ------------------------------------------------------------------ articles
    def fail(self, result: CycleResult, source: Source, url: str, reason: str, *, seen: dict | None = None) -> None:
        """Count and log a failure; ``seen``: what :meth:`Store.mark_failed` recorded for the URL."""
        failure = {"source": source.id, "url": url, "reason": reason}
        note = ""
        if seen is not None:
            failure.update(attempts=seen["attempts"], permanent=seen["status"] == "gone")
            if seen["next_check"]:
                failure["next_check"] = seen["next_check"]
                note = f" (permanent, failure {seen['attempts']} in a row; next check after {seen['next_check']})"
        with self._lock:  # discovery threads report failures too
            result.counts["failed"] += 1
            result.per_source[source.id]["failed"] += 1
            result.failures.append(failure)
        log.warning("%s: %s: %s%s", source.id, url, reason, note)

    def extract_page(self, fetcher: Fetcher, page: Page, source: Source) -> Article:
        rules = rules_for(source, self.settings)
        article = extract_article(page.html, page.final_url or page.url, rules)
        extra = []
        for url in next_page_urls(page.html, page.final_url or page.url)[:MAX_EXTRA_PAGES]:
            more = fetcher.fetch(url, kind="article")
            if more.ok:
                extra.append(extract_article(more.html, more.final_url or url, rules))
        return join_pages(article, extra) if extra else article

    def handle(self, fetcher: Fetcher, source: Source, link: Link, page: Page, result: CycleResult) -> None:
        seen_url = canonicalize(link.url)
        if not page.ok:
            reason = page.error or f"HTTP {page.status}"
            if reason.startswith(ROBOTS_BLOCKED):
                result.counts["robots_blocked"] += 1
            # Permanent failures (404/410, redirect loops, oversized bodies, not HTML) are
            # re-checked only after a growing interval; network errors, 5xx and robots blocks
            # are retried next cycle, up to MAX_ATTEMPTS times in a row.
            seen = self.store.mark_failed(seen_url, source.id, reason,
                                          permanent=is_permanent_failure(page.status, reason))
            self.fail(result, source, link.url, reason, seen=seen)
            return
        result.counts["fetched"] += 1
        result.per_source[source.id]["fetched"] += 1
        if page_kind(page.html) == "page":
            # A home, section or static page listed by a sitemap: remembered, never stored.
            result.counts["skipped"] += 1
            self.store.mark_seen(seen_url, source.id, "skipped", lastmod=link.lastmod, error="not an article page")
            return
        article = self.extract_page(fetcher, page, source)
        problem = is_error_page(page.html, article) or (None if article.text.strip() else "no article text")
        if problem:
            result.per_source[source.id]["empty"] += 1
            seen = self.store.mark_failed(seen_url, source.id, problem, permanent=is_permanent_failure(0, problem))
            self.fail(result, source, link.url, problem, seen=seen)
            return
        canon = canonicalize(article.canonical_url or page.final_url or link.url)
        if url_host(canon) != url_host(page.final_url or link.url) and not source.local:
            canon = canonicalize(page.final_url or link.url)  # never trust a cross-site canonical
        if not article.published and link.published:
            article.published = link.published
        content_hash = dedupe.content_hash(article.text)
        signature = dedupe.signature(article.text)
        existing_id = self.store.article_id(canon)
        duplicate_of = supersedes = None
        if existing_id is None:
            duplicate_of = self.store.find_by_hash(content_hash) or self.near.find(signature)
            if duplicate_of is not None and _earlier(article.published, self.store.published(duplicate_of)):
                # The first publication heads the group, whatever order the copies were fetched in.
                supersedes, duplicate_of = duplicate_of, None
        tags = self.model.tag([(article.title, article.text)])[0] if self.model else None
        partners = self.partner_extractor.extract(article.text, article.title) if self.partner_extractor else None
        paragraphs = article.paragraphs
        record = {
            "url": canon, "source_id": source.id, "final_url": page.final_url, "title": article.title,
            "published": article.published, "author": article.author, "section": article.section,
            "tags": article.tags, "image": article.image, "lang": article.lang, "dateline": article.dateline,
            "text": article.text, "lead": paragraphs[0] if paragraphs else "", "content_hash": content_hash,
            "minhash": signature, "run_id": result.run_id,
        }
        if existing_id is None:  # an update keeps the duplicate link it had
            record["duplicate_of"] = duplicate_of
        article_id, created = self.store.save_article(record, seen_url=seen_url, lastmod=link.lastmod,
                                                      tags=tags, partners=partners, supersedes=supersedes)
        if supersedes is not None:
            self.near.remove(supersedes)
        if duplicate_of is None and existing_id is None:
            self.near.add(article_id, signature)
        kind = "duplicate" if duplicate_of else ("new" if created else "updated")
        result.counts[kind] += 1
        result.per_source[source.id][kind] += 1
        if tags and created and not duplicate_of:
            for issue in tags.issues:
                result.per_issue[issue] += 1

    # ------------------------------------------------------------------ the cycle
    def run(self, result: CycleResult) -> None:
        def on_fetch(rec: FetchRecord) -> None:
            self.store.log_fetch(result.run_id, rec)

        with Fetcher(fetch_settings(self.settings, self.sources), on_fetch=on_fetch) as fetcher:
            plan: list[tuple[Source, Link]] = []
            # Sources are discovered in parallel (each host keeps its own politeness delay).
            with ThreadPoolExecutor(max_workers=self.settings.fetch.concurrency,
                                    thread_name_prefix="discover") as pool:
                futures = {pool.submit(self.discover_source, fetcher, s, result): s for s in self.sources}
                for n, future in enumerate(as_completed(futures), 1):
                    source = futures[future]
                    try:
                        links, validators = future.result()
                    except Exception as exc:  # a broken source must not stop the others
                        log.exception("discovery of %s failed", source.id)
                        self.fail(result, source, source.homepage, f"discovery error: {exc}")
                        links, validators = [], []
                    result.counts["discovered"] += len(links)
                    result.per_source[source.id]["discovered"] += len(links)
                    plan += [(source, l) for l in self.wanted(source, links, result)]
                    for url, etag, modified in validators:  # the links are queued: now the 304s may come
                        self.store.save_http_validators(url, etag, modified)
                    self.progress("discover", n, len(self.sources))
                    if self.stop.is_set():
                        for f in futures:
                            f.cancel()
                        # sources still in flight finish, and their links are queued too
                        for f in futures:
                            if not f.cancelled() and f is not future:
                                try:
                                    more, _ = f.result()
                                    self.wanted(futures[f], more, result)
                                except Exception:  # noqa: BLE001 - stopping; failures are logged above
                                    pass
                        return
            by_url = {l.url: (s, l) for s, l in plan}
            done = 0
            for page in fetcher.fetch_many([l.url for _, l in plan], kind="article"):
                if self.stop.is_set():
                    break
                source, link = by_url[page.url]
                try:
                    self.handle(fetcher, source, link, page, result)
                except Exception as exc:  # one bad page must not end the cycle
                    log.exception("processing %s failed", link.url)
                    self.store.mark_seen(canonicalize(link.url), source.id, "failed", error=f"processing error: {exc}")
                    self.fail(result, source, link.url, f"processing error: {exc}")
                done += 1
                self.progress("articles", done, len(plan))
        self.check_health(result)

    def sources_without_anything(self, result: CycleResult) -> list[str]:
        """Sources that gave not a single page: every discovery URL failed, or every fetch did."""
        out = []
        for source in self.sources:
            c = result.per_source.get(source.id, Counter())
            discovery_dead = not c["discovered"] and c["discovery_failed"]
            fetches_dead = c["failed"] > c["discovery_failed"]
            if not c["fetched"] and (discovery_dead or fetches_dead):
                out.append(source.id)
        return out

    def check_health(self, result: CycleResult) -> None:
        """A source whose fetched pages all yield no text has changed its markup (or is broken)."""
        for source in self.sources:
            c = result.per_source.get(source.id, Counter())
            pages, empty = c["fetched"], c["empty"]
            if pages and empty == pages:
                status, problem = "problem", f"extraction yielded no text for all {pages} fetched pages: markup changed?"
            elif c["discovered"] == 0 and c["discovery_failed"]:
                status, problem = "problem", "discovery failed: no article links found"
            else:
                status, problem = "ok", None
            result.health[source.id] = problem or "ok"
            self.store.set_source_health(source.id, status, problem, pages, empty)
            if problem:
                log.warning("source %s: %s", source.id, problem)


def run_cycle(settings: Settings, sources: list[Source], *, store: Store | None = None, classify: bool = True,
              partners: bool = True, alerts: bool = True, alert_rules: list | None = None,
              progress: Callable[[str, int, int], None] | None = None,
              stop: threading.Event | None = None) -> CycleResult:
    """Run one full cycle under the database lock and record it in ``runs``.

    Raises :class:`CycleRunning` when another process is already running a cycle on the same
    database. Ctrl-C marks the run ``interrupted`` (what was stored stays stored) and re-raises.
    """
    if alerts:
        from monitor.deliver.alerts import load_alert_rules, load_smtp

        # A broken alerts.toml is reported before an hour of collecting, not after.
        alert_file = settings.config_dir / "alerts.toml" if settings.config_dir else None
        if alert_rules is None:
            alert_rules = load_alert_rules(alert_file)
        load_smtp(alert_file)
    with cycle_lock(settings.db_path):
        own_store = store is None
        store = store or Store(settings.db_path)
        try:
            store.upsert_sources(sources)
            store.upsert_issues(load_issues(settings.config_dir / "issues.toml" if settings.config_dir else None))
            result = CycleResult(run_id=store.start_run())
            cycle = Cycle(settings, sources, store, classify=classify, partners=partners, progress=progress,
                          stop=stop)
            try:
                cycle.run(result)
                if alerts:
                    from monitor.deliver.alerts import process_alerts

                    result.alerts = process_alerts(store, settings, rules=alert_rules, config_path=alert_file)
            except BaseException:
                result.status = "interrupted"
                store.finish_run(result.run_id, result.counts, result.summary(), status="interrupted")
                raise
            if stop is not None and stop.is_set():
                result.status = "interrupted"
            elif cycle.sources and len(cycle.sources_without_anything(result)) == len(cycle.sources):
                result.status = "failed"  # every source failed: nothing was collected
            store.finish_run(result.run_id, result.counts, result.summary(), status=result.status)
            return result
        finally:
            if own_store:
                store.close()
