"""The SQLite store: schema, migrations and the small API the pipeline writes through.

One file holds everything (sources, articles, tags, partners, fetch log, runs, outbox), so a
rerun after a crash resumes from what is there. WAL lets readers (export, Datasette) work while a
cycle writes; each article is written in one transaction, so none is ever half-stored.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import sqlite_utils

from monitor import clock

log = logging.getLogger(__name__)

SCHEMA_VERSION = 6

# A URL that failed permanently ('gone': 404/410, redirect loop, body over the size cap, a type
# that is not HTML) is fetched again only after these many days: 7 after the first failure, 14
# after the second in a row, then every 28. Transient failures ('failed') are retried next cycle.
RECHECK_DAYS: tuple[int, ...] = (7, 14, 28)
# Fetch errors (monitor.collect.fetch) that no retry tomorrow will cure.
PERMANENT_ERRORS: tuple[str, ...] = (
    "redirect loop", "too many redirects", "body exceeds", "content type ", "unsupported content encoding",
    "not an HTML page",
)
BUSY_TIMEOUT_MS = 30_000


def utcnow() -> str:
    """Now (the project clock, see monitor.clock) as stored: ISO to the second, UTC."""
    return clock.now_iso()


def _migrate_1(db: sqlite_utils.Database) -> None:
    db.execute("""
    CREATE TABLE IF NOT EXISTS sources (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, homepage TEXT, region TEXT, region_level TEXT,
        kind TEXT, updated TEXT)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS runs (
        id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT, status TEXT NOT NULL,
        pid INTEGER, discovered INTEGER DEFAULT 0, fetched INTEGER DEFAULT 0, new INTEGER DEFAULT 0,
        updated INTEGER DEFAULT 0, duplicate INTEGER DEFAULT 0, failed INTEGER DEFAULT 0,
        robots_blocked INTEGER DEFAULT 0, unchanged INTEGER DEFAULT 0, summary TEXT)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,              -- canonical URL
        source_id TEXT REFERENCES sources(id),
        final_url TEXT, title TEXT, published TEXT, author TEXT, section TEXT, tags TEXT,
        image TEXT, lang TEXT, dateline TEXT, text TEXT, lead TEXT,
        content_hash TEXT, minhash BLOB,
        duplicate_of INTEGER REFERENCES articles(id),
        first_seen TEXT NOT NULL, updated_at TEXT NOT NULL, run_id INTEGER REFERENCES runs(id))""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_published ON articles(published)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_source ON articles(source_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_hash ON articles(content_hash)")
    db.execute("""
    CREATE TABLE IF NOT EXISTS seen_urls (
        url TEXT PRIMARY KEY,                  -- canonical URL
        source_id TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL,
        status TEXT NOT NULL,                  -- pending | stored | skipped | failed | gone
        lastmod TEXT,                          -- what the feed/sitemap said last time
        article_id INTEGER REFERENCES articles(id), attempts INTEGER DEFAULT 0, last_error TEXT)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS http_cache (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked TEXT)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS fetch_log (
        id INTEGER PRIMARY KEY, run_id INTEGER REFERENCES runs(id), at TEXT NOT NULL,
        url TEXT NOT NULL, final_url TEXT, kind TEXT, status INTEGER, bytes INTEGER,
        elapsed REAL, error TEXT, robots_blocked INTEGER DEFAULT 0)""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_fetch_log_run ON fetch_log(run_id)")
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")


def _migrate_2(db: sqlite_utils.Database) -> None:
    db.execute("""
    CREATE TABLE IF NOT EXISTS issues (
        key TEXT PRIMARY KEY, name_id TEXT, name_en TEXT, description TEXT)""")
    from monitor.config import ISSUE_KEYS

    for key in ISSUE_KEYS:  # names are filled from issues.toml by upsert_issues
        db.execute("INSERT OR IGNORE INTO issues (key, name_id, name_en) VALUES (?, ?, ?)", (key, key, key))
    db.execute("""
    CREATE TABLE IF NOT EXISTS article_issues (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        issue TEXT NOT NULL REFERENCES issues(key),
        score REAL NOT NULL, assigned INTEGER NOT NULL, model_version TEXT, evidence TEXT,
        tagged_at TEXT NOT NULL, PRIMARY KEY (article_id, issue))""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_issues_issue ON article_issues(issue, assigned)")
    db.execute("""
    CREATE TABLE IF NOT EXISTS human_labels (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        issues TEXT NOT NULL, labeller TEXT, note TEXT, labelled_at TEXT NOT NULL)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS partners (
        id INTEGER PRIMARY KEY, key TEXT UNIQUE, name TEXT NOT NULL, acronym TEXT, type TEXT,
        region TEXT, known INTEGER NOT NULL DEFAULT 1)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS article_partners (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        partner_id INTEGER NOT NULL REFERENCES partners(id),
        mentions INTEGER NOT NULL, first_offset INTEGER, PRIMARY KEY (article_id, partner_id))""")
    db.execute("CREATE INDEX IF NOT EXISTS idx_article_partners_partner ON article_partners(partner_id)")


def _migrate_3(db: sqlite_utils.Database) -> None:
    db.execute("""
    CREATE TABLE IF NOT EXISTS outbox (
        id INTEGER PRIMARY KEY, dedupe_key TEXT NOT NULL UNIQUE, rule TEXT NOT NULL,
        recipients TEXT NOT NULL, subject TEXT NOT NULL, body_text TEXT NOT NULL, body_html TEXT NOT NULL,
        created TEXT NOT NULL, sent_at TEXT, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
        message_id TEXT)""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS alert_state (
        rule TEXT NOT NULL, subject_key TEXT NOT NULL, last_sent TEXT, last_article_id INTEGER,
        PRIMARY KEY (rule, subject_key))""")
    db.execute("""
    CREATE TABLE IF NOT EXISTS source_health (
        source_id TEXT PRIMARY KEY REFERENCES sources(id), checked TEXT, status TEXT, problem TEXT,
        pages INTEGER, empty_pages INTEGER)""")


def _migrate_4(db: sqlite_utils.Database) -> None:
    # One row per article with its issues and partners as JSON arrays: what analysts browse
    # (Datasette facets on the arrays) and what canned queries build on.
    db.execute("""
    CREATE VIEW IF NOT EXISTS article_overview AS
    SELECT a.id, a.title, a.url, a.published, substr(a.published, 1, 10) AS published_date,
           a.source_id AS source, s.region,
           (SELECT json_group_array(issue) FROM (SELECT issue FROM article_issues
               WHERE article_id = a.id AND assigned = 1 ORDER BY score DESC)) AS issues,
           (SELECT json_group_array(name) FROM (SELECT p.name FROM article_partners ap
               JOIN partners p ON p.id = ap.partner_id WHERE ap.article_id = a.id
               ORDER BY ap.mentions DESC)) AS partners,
           a.lead, a.duplicate_of, a.first_seen
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id""")


def _migrate_5(db: sqlite_utils.Database) -> None:
    # The frontier: discovered URLs wait as 'pending' (with the URL to fetch) until processed,
    # so a crash between discovery and fetching loses nothing even when the feed then says 304.
    db.execute("ALTER TABLE seen_urls ADD COLUMN fetch_url TEXT")
    db.execute("ALTER TABLE seen_urls ADD COLUMN hint TEXT")
    db.execute("CREATE INDEX IF NOT EXISTS idx_seen_frontier ON seen_urls(source_id, status)")


def _migrate_6(db: sqlite_utils.Database) -> None:
    # Permanent failures back off: 'gone' URLs carry the time they may be fetched again.
    # Existing ones (404/410, and permanent fetch errors recorded as 'failed') start at 7 days.
    db.execute("ALTER TABLE seen_urls ADD COLUMN next_check TEXT")
    permanent = " OR ".join("last_error LIKE ?" for _ in PERMANENT_ERRORS)
    db.execute(f"UPDATE seen_urls SET status='gone', attempts=1 WHERE status='failed' AND ({permanent})",
               [f"{p}%" for p in PERMANENT_ERRORS])
    db.execute("UPDATE seen_urls SET next_check=strftime('%Y-%m-%dT%H:%M:%S+00:00', last_seen, ?) "
               "WHERE status='gone'", (f"+{RECHECK_DAYS[0]} days",))


MIGRATIONS = {1: _migrate_1, 2: _migrate_2, 3: _migrate_3, 4: _migrate_4, 5: _migrate_5, 6: _migrate_6}


class StoreError(Exception):
    """The database file is missing, unreadable or not an SQLite database (one line, names the file)."""


MISSING_DB_HINT = "run `monitor run` (or `monitor demo`) first, or pass --db"


class Store:
    """The monitor's database. ``Store(path)`` opens (and creates or migrates) it.

    ``create=False`` refuses a missing file (commands that only read never create a database);
    a file that is not an SQLite database raises :class:`StoreError` either way.
    """

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False, create: bool = True):
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a folder, not a database file")
        if not self.path.exists() and (readonly or not create):
            raise StoreError(f"no database at {self.path}; {MISSING_DB_HINT}")
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        uri = f"file:{self.path}?mode=ro" if readonly else str(self.path)
        try:
            conn = sqlite3.connect(uri, uri=readonly, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not an SQLite database ({exc})") from None
        self.db = sqlite_utils.Database(conn)
        self.conn = conn
        # One connection is shared by the fetch threads' logging and the main thread.
        self._lock = threading.RLock()
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        elif not self.version:
            raise StoreError(f"{self.path} is an SQLite file but not an ogi-monitor database (no schema); "
                             f"{MISSING_DB_HINT}")

    # -------------------------------------------------------------- schema
    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        """Bring the schema to SCHEMA_VERSION, one migration per transaction."""
        current = self.version
        if current > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: schema version {current} is newer than this ogi-monitor "
                               f"({SCHEMA_VERSION}); upgrade ogi-monitor")
        for v in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                # Another process may have opened the same new file at the same moment: the
                # version is read again under the write lock, so each step runs exactly once.
                if self.version >= v:
                    continue
                MIGRATIONS[v](self.db)
                self.conn.execute(f"PRAGMA user_version = {v}")
            log.info("migrated %s to schema version %d", self.path, v)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, retried while another writer holds the lock."""
        with self._lock:
            with self._immediate():
                yield self.conn

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        if self.conn.in_transaction:  # nested use joins the outer transaction
            yield
            return
        for attempt in range(20):
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(min(0.05 * 2 ** attempt, 2.0))
        else:
            raise sqlite3.OperationalError(f"{self.path}: database stayed locked; another process is writing")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # -------------------------------------------------------------- sources
    def upsert_sources(self, sources: Iterable[Any]) -> None:
        with self.transaction():
            for s in sources:
                self.db["sources"].upsert({"id": s.id, "name": s.name, "homepage": s.homepage, "region": s.region,
                                           "region_level": s.region_level, "kind": s.kind, "updated": utcnow()},
                                          pk="id")

    def upsert_issues(self, issues: Iterable[Any]) -> None:
        with self.transaction():
            for i in issues:
                self.db["issues"].upsert({"key": i.key, "name_id": i.name_id, "name_en": i.name_en,
                                          "description": i.description}, pk="key")

    # -------------------------------------------------------------- runs and fetch log
    def start_run(self) -> int:
        # A run left 'running' by a killed process is marked as such, so reports stay honest.
        with self.transaction():
            self.conn.execute("UPDATE runs SET status='interrupted', finished=? WHERE status='running'",
                              (utcnow(),))
            cur = self.conn.execute("INSERT INTO runs (started, status, pid) VALUES (?, 'running', ?)",
                                    (utcnow(), os.getpid()))
            return cur.lastrowid

    def finish_run(self, run_id: int, counts: dict[str, int], summary: dict, status: str = "ok") -> None:
        cols = ("discovered", "fetched", "new", "updated", "duplicate", "failed", "robots_blocked", "unchanged")
        with self.transaction():
            self.db["runs"].update(run_id, {**{c: int(counts.get(c, 0)) for c in cols}, "status": status,
                                            "finished": utcnow(), "summary": json.dumps(summary, ensure_ascii=False)})

    def log_fetch(self, run_id: int | None, rec: Any) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO fetch_log (run_id, at, url, final_url, kind, status, bytes, elapsed, error, robots_blocked)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (run_id, utcnow(), rec.url, getattr(rec, "final_url", None), getattr(rec, "kind", None),
                 getattr(rec, "status", None), getattr(rec, "nbytes", None), getattr(rec, "elapsed", None),
                 getattr(rec, "error", None), int(bool(getattr(rec, "robots_blocked", False)))))

    # -------------------------------------------------------------- incremental state
    def http_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.conn.execute("SELECT etag, last_modified FROM http_cache WHERE url=?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_http_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self.transaction():
            self.conn.execute("INSERT INTO http_cache (url, etag, last_modified, checked) VALUES (?,?,?,?) "
                              "ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, "
                              "last_modified=excluded.last_modified, checked=excluded.checked",
                              (url, etag, last_modified, utcnow()))

    def seen(self, url: str) -> dict | None:
        cols = ("url", "status", "lastmod", "article_id", "attempts", "last_error", "next_check")
        row = self.conn.execute(f"SELECT {', '.join(cols)} FROM seen_urls WHERE url=?", (url,)).fetchone()
        return dict(zip(cols, row)) if row else None

    def mark_seen(self, url: str, source_id: str | None, status: str, *, lastmod: str | None = None,
                  article_id: int | None = None, error: str | None = None) -> None:
        with self.transaction():
            self._mark_seen(url, source_id, status, lastmod=lastmod, article_id=article_id, error=error)

    def _mark_seen(self, url, source_id, status, *, lastmod=None, article_id=None, error=None,
                   next_check=None) -> None:
        # attempts: how many times in a row the URL ended in this status (a pending URL has 0)
        now = utcnow()
        self.conn.execute(
            "INSERT INTO seen_urls (url, source_id, first_seen, last_seen, status, lastmod, article_id, attempts, "
            "last_error, next_check) VALUES (?,?,?,?,?,?,?,1,?,?) ON CONFLICT(url) DO UPDATE SET "
            "last_seen=excluded.last_seen, status=excluded.status, lastmod=COALESCE(excluded.lastmod, seen_urls.lastmod), "
            "article_id=COALESCE(excluded.article_id, seen_urls.article_id), "
            "attempts=CASE WHEN seen_urls.status=excluded.status THEN seen_urls.attempts+1 ELSE 1 END, "
            "last_error=excluded.last_error, next_check=excluded.next_check",
            (url, source_id, now, now, status, lastmod, article_id, error, next_check))

    def mark_failed(self, url: str, source_id: str | None, error: str, *, permanent: bool,
                    recheck_days: Sequence[int] = RECHECK_DAYS) -> dict:
        """Record a failed fetch or extraction: 'gone' when ``permanent``, else 'failed'.

        A permanent failure is not fetched again before ``next_check``: ``recheck_days[n-1]`` days
        (the last value once past the end) after its ``n``-th permanent failure in a row, measured
        with the project clock. Returns the URL's ``status``, ``attempts`` and ``next_check``.
        """
        status = "gone" if permanent else "failed"
        with self.transaction():
            row = self.conn.execute("SELECT status, attempts FROM seen_urls WHERE url=?", (url,)).fetchone()
            attempts = row[1] + 1 if row and row[0] == status else 1
            next_check = None
            if permanent:
                days = recheck_days[min(attempts, len(recheck_days)) - 1]
                next_check = (clock.now() + timedelta(days=days)).replace(microsecond=0).isoformat()
            self._mark_seen(url, source_id, status, error=error, next_check=next_check)
        return {"status": status, "attempts": attempts, "next_check": next_check}

    def enqueue(self, source_id: str, entries: Iterable[tuple[str, str, str | None, dict]]) -> int:
        """Add (canonical URL, fetch URL, lastmod, hint) to the frontier as 'pending'.

        New URLs are added; known ones become pending again only when ``lastmod`` is newer than
        what was stored (the source signals an update). A 'gone' URL waits for its ``next_check``
        whatever its lastmod says (some sitemaps stamp every URL with the current time): the
        frontier brings it back then. Returns how many are pending now.
        """
        now = utcnow()
        with self.transaction():
            for url, fetch_url, lastmod, hint in entries:
                self.conn.execute(
                    "INSERT INTO seen_urls (url, source_id, first_seen, last_seen, status, lastmod, attempts, fetch_url, "
                    "hint) VALUES (?,?,?,?, 'pending', ?, 0, ?, ?) ON CONFLICT(url) DO UPDATE SET "
                    "status='pending', attempts=0, lastmod=excluded.lastmod, fetch_url=excluded.fetch_url, "
                    "hint=excluded.hint, last_seen=excluded.last_seen "
                    "WHERE excluded.lastmod IS NOT NULL AND seen_urls.lastmod IS NOT NULL "
                    "AND excluded.lastmod > seen_urls.lastmod AND seen_urls.status NOT IN ('pending', 'gone')",
                    (url, source_id, now, now, lastmod, fetch_url, json.dumps(hint, ensure_ascii=False)))
        return self.conn.execute("SELECT count(*) FROM seen_urls WHERE source_id=? AND status='pending'",
                                 (source_id,)).fetchone()[0]

    def note_lastmod(self, url: str, lastmod: str) -> None:
        """Record the first lastmod a source gives for a URL stored without one."""
        with self.transaction():
            self.conn.execute("UPDATE seen_urls SET lastmod=? WHERE url=? AND lastmod IS NULL", (lastmod, url))

    def frontier(self, source_id: str, max_attempts: int, limit: int) -> list[dict]:
        """URLs of a source to fetch now: pending ones, then failed ones still worth a retry
        (fewer than ``max_attempts`` in a row) and gone ones whose ``next_check`` has come."""
        rows = self.conn.execute(
            "SELECT url, fetch_url, lastmod, hint, status FROM seen_urls WHERE source_id=? AND "
            "(status='pending' OR (status='failed' AND attempts < ?) OR (status='gone' AND next_check <= ?)) "
            "ORDER BY status!='pending', coalesce(lastmod, json_extract(hint, '$.published'), '') DESC, "
            "first_seen DESC LIMIT ?",
            (source_id, max_attempts, utcnow(), limit)).fetchall()
        return [{"url": r[0], "fetch_url": r[1] or r[0], "lastmod": r[2], "hint": json.loads(r[3] or "{}"),
                 "status": r[4]} for r in rows]

    # -------------------------------------------------------------- articles
    def article_id(self, url: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE url=?", (url,)).fetchone()
        return row[0] if row else None

    def find_by_hash(self, content_hash: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash=? AND duplicate_of IS NULL "
                                "ORDER BY id LIMIT 1", (content_hash,)).fetchone()
        return row[0] if row else None

    def published(self, article_id: int) -> str | None:
        row = self.conn.execute("SELECT published FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def minhashes(self) -> Iterator[tuple[int, bytes]]:
        yield from self.conn.execute("SELECT id, minhash FROM articles WHERE duplicate_of IS NULL "
                                     "AND minhash IS NOT NULL")

    def save_article(self, record: dict, *, seen_url: str, lastmod: str | None = None,
                     tags: Any = None, partners: list | None = None,
                     supersedes: int | None = None) -> tuple[int, bool]:
        """Insert or update one article with its tags and partners in one transaction.

        ``record`` has the ``articles`` columns (``url`` is the canonical URL). Returns
        ``(article_id, created)``. The seen-URL entry is written in the same transaction, so a
        crash leaves either the whole article or nothing. ``supersedes``: the id of a first copy
        that this (earlier-published) article replaces as the head of its duplicate group.
        """
        now = utcnow()
        with self.transaction():
            existing = self.conn.execute("SELECT id FROM articles WHERE url=?", (record["url"],)).fetchone()
            row = {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                   for k, v in record.items()}
            row["updated_at"] = now
            if existing:
                article_id = existing[0]
                self.db["articles"].update(article_id, row)
                created = False
            else:
                row["first_seen"] = now
                article_id = self.db["articles"].insert(row).last_pk
                created = True
            if supersedes is not None:
                self.conn.execute("UPDATE articles SET duplicate_of=? WHERE id=? OR duplicate_of=?",
                                  (article_id, supersedes, supersedes))
            if tags is not None:
                self._save_tags(article_id, tags)
            if partners is not None:
                self._save_partners(article_id, partners)
            self._mark_seen(seen_url, record.get("source_id"), "stored", lastmod=lastmod, article_id=article_id)
            if seen_url != record["url"]:
                self._mark_seen(record["url"], record.get("source_id"), "stored", lastmod=lastmod,
                                article_id=article_id)
        return article_id, created

    def save_tags(self, article_id: int, tags: Any) -> None:
        with self.transaction():
            self._save_tags(article_id, tags)

    def _save_tags(self, article_id: int, tags: Any) -> None:
        now = utcnow()
        self.conn.execute("DELETE FROM article_issues WHERE article_id=?", (article_id,))
        for issue, score in tags.scores.items():
            ev = tags.evidence.get(issue)
            evidence = json.dumps({"sentences": ev.sentences, "terms": ev.terms}, ensure_ascii=False) if ev else None
            self.conn.execute(
                "INSERT INTO article_issues (article_id, issue, score, assigned, model_version, evidence, tagged_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (article_id, issue, round(float(score), 4), int(issue in tags.issues), tags.model_version,
                 evidence, now))

    def _save_partners(self, article_id: int, partners: list) -> None:
        self.conn.execute("DELETE FROM article_partners WHERE article_id=?", (article_id,))
        for p in partners:
            key = p.key or f"unknown:{(p.acronym or p.name).lower()}"
            self.conn.execute(
                "INSERT INTO partners (key, name, acronym, type, region, known) VALUES (?,?,?,?,?,?) "
                "ON CONFLICT(key) DO UPDATE SET name=excluded.name, acronym=excluded.acronym, type=excluded.type, "
                "region=excluded.region, known=excluded.known",
                (key, p.name, p.acronym, p.type, p.region, int(p.known)))
            pid = self.conn.execute("SELECT id FROM partners WHERE key=?", (key,)).fetchone()[0]
            self.conn.execute(
                "INSERT INTO article_partners (article_id, partner_id, mentions, first_offset) VALUES (?,?,?,?) "
                "ON CONFLICT(article_id, partner_id) DO UPDATE SET mentions=article_partners.mentions+excluded.mentions",
                (article_id, pid, p.mentions, p.first_offset))

    def set_human_label(self, article_id: int, issues: list[str], labeller: str | None = None,
                        note: str | None = None) -> None:
        with self.transaction():
            if not self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone():
                raise KeyError(f"no article with id {article_id}")
            self.conn.execute(
                "INSERT INTO human_labels (article_id, issues, labeller, note, labelled_at) VALUES (?,?,?,?,?) "
                "ON CONFLICT(article_id) DO UPDATE SET issues=excluded.issues, labeller=excluded.labeller, "
                "note=excluded.note, labelled_at=excluded.labelled_at",
                (article_id, json.dumps(sorted(set(issues))), labeller, note, utcnow()))

    def human_labels(self) -> list[dict]:
        rows = self.conn.execute("SELECT h.article_id, h.issues, a.title, a.text, a.source_id, a.published "
                                 "FROM human_labels h JOIN articles a ON a.id = h.article_id").fetchall()
        return [{"article_id": r[0], "issues": json.loads(r[1]), "title": r[2], "text": r[3], "source": r[4],
                 "date": r[5]} for r in rows]

    def set_source_health(self, source_id: str, status: str, problem: str | None, pages: int, empty: int) -> None:
        with self.transaction():
            self.db["source_health"].upsert({"source_id": source_id, "checked": utcnow(), "status": status,
                                             "problem": problem, "pages": pages, "empty_pages": empty},
                                            pk="source_id")

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
