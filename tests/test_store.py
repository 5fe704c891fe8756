"""The SQLite store: schema, idempotent upserts, FTS sync, transactions, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from monitor.models import IssueScore, Partner, Tags
from monitor.store import SCHEMA_VERSION, Store


def record(url: str, text: str = "Isi berita tentang dana desa.", **kw) -> dict:
    return {"url": url, "source_id": None, "title": kw.pop("title", "Judul"), "text": text, "lead": text,
            "published": "2026-11-20T10:00:00+08:00", "content_hash": kw.pop("content_hash", url), **kw}


def test_schema_wal_fk_and_version(tmp_path: Path) -> None:
    s = Store(tmp_path / "m.sqlite")
    assert s.version == SCHEMA_VERSION
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {"articles", "seen_urls", "fetch_log", "runs", "article_issues", "partners", "outbox"} <= set(
        s.db.table_names())
    assert "article_overview" in s.db.view_names()
    s.close()
    # reopening migrates nothing and keeps data
    assert Store(tmp_path / "m.sqlite").version == SCHEMA_VERSION


def test_newer_schema_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this ogi-monitor"):
        Store(path)


def test_upsert_is_idempotent_and_fts_in_sync(tmp_path: Path) -> None:
    s = Store(tmp_path / "m.sqlite")
    tags = Tags(issues=["anti_corruption_budget"], scores={"anti_corruption_budget": 0.9, "access_to_justice": 0.1},
                evidence={"anti_corruption_budget": IssueScore("anti_corruption_budget", 0.9, ["Kalimat."], ["korupsi"])},
                model_version="v1")
    partners = [Partner("Komisi Pemberantasan Korupsi", "KPK", "government", mentions=2, key="kpk")]
    a1, created1 = s.save_article(record("https://x.id/a", "Kasus korupsi dana desa"), seen_url="https://x.id/a",
                                  tags=tags, partners=partners)
    a2, created2 = s.save_article(record("https://x.id/a", "Kasus korupsi dana desa diperbarui"),
                                  seen_url="https://x.id/a?utm_source=x", tags=tags, partners=partners)
    assert (a1, created1, created2) == (a2, True, False)
    assert s.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert s.conn.execute("SELECT count(*) FROM article_issues WHERE article_id=?", (a1,)).fetchone()[0] == 2
    assert s.conn.execute("SELECT mentions FROM article_partners").fetchone()[0] == 2
    hits = s.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'diperbarui'").fetchall()
    assert hits == [(a1,)]
    assert s.seen("https://x.id/a")["status"] == "stored"
    assert s.seen("https://x.id/a?utm_source=x")["article_id"] == a1


def test_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    s = Store(tmp_path / "m.sqlite")

    class Boom(Tags):
        @property
        def scores(self):  # noqa: D401 - raises in the middle of the article's transaction
            raise RuntimeError("crash while saving tags")

        @scores.setter
        def scores(self, value):
            pass

    with pytest.raises(RuntimeError):
        s.save_article(record("https://x.id/b"), seen_url="https://x.id/b", tags=Boom([], {}))
    assert s.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    assert s.seen("https://x.id/b") is None
    assert s.integrity_ok()


def test_interrupted_run_is_marked(tmp_path: Path) -> None:
    s = Store(tmp_path / "m.sqlite")
    r1 = s.start_run()
    r2 = s.start_run()  # the first was left 'running' by a killed process
    status = dict(s.conn.execute("SELECT id, status FROM runs").fetchall())
    assert status == {r1: "interrupted", r2: "running"}


def test_human_label_requires_article(tmp_path: Path) -> None:
    s = Store(tmp_path / "m.sqlite")
    with pytest.raises(KeyError):
        s.set_human_label(99, ["access_to_justice"])
    aid, _ = s.save_article(record("https://x.id/c"), seen_url="https://x.id/c")
    s.set_human_label(aid, ["access_to_justice", "access_to_justice"], "ani")
    assert s.human_labels()[0]["issues"] == ["access_to_justice"]


def test_concurrent_writer_waits_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite"
    s = Store(path)
    other = sqlite3.connect(path, timeout=0.1, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")

    import threading

    def release() -> None:
        import time

        time.sleep(0.5)
        other.execute("COMMIT")

    threading.Thread(target=release).start()
    aid, created = s.save_article(record("https://x.id/d"), seen_url="https://x.id/d")
    assert created and s.article_id("https://x.id/d") == aid


# ---------------------------------------------------------------------- failed URLs and the frontier


def test_permanent_failures_wait_a_growing_interval(tmp_path: Path, monkeypatch) -> None:
    s = Store(tmp_path / "m.sqlite")
    url = "https://x.id/loop"
    s.enqueue("x", [(url, url, None, {})])
    monkeypatch.setenv("OGI_NOW", "2026-12-01T08:00:00+08:00")
    assert [r["url"] for r in s.frontier("x", 3, 10)] == [url]
    got = s.mark_failed(url, "x", "redirect loop", permanent=True)
    assert got == {"status": "gone", "attempts": 1, "next_check": "2026-12-08T00:00:00+00:00"}
    assert s.frontier("x", 3, 10) == []
    monkeypatch.setenv("OGI_NOW", "2026-12-08T07:59:59+08:00")
    assert s.frontier("x", 3, 10) == []
    monkeypatch.setenv("OGI_NOW", "2026-12-08T08:00:00+08:00")
    assert [r["url"] for r in s.frontier("x", 3, 10)] == [url]
    # a newer lastmod does not cut the wait short (sitemaps that stamp every URL "now")
    s.mark_failed(url, "x", "redirect loop", permanent=True)
    s.enqueue("x", [(url, url, "2026-12-08T09:00:00+08:00", {})])
    seen = s.seen(url)
    assert (seen["status"], seen["attempts"], seen["last_error"]) == ("gone", 2, "redirect loop")
    assert seen["next_check"] == "2026-12-22T00:00:00+00:00"  # 14 days
    assert s.mark_failed(url, "x", "HTTP 404", permanent=True)["next_check"] == "2027-01-05T00:00:00+00:00"  # 28
    assert s.mark_failed(url, "x", "HTTP 404", permanent=True)["next_check"] == "2027-01-05T00:00:00+00:00"
    # a transient failure counts its own streak and is retried at once, up to max_attempts
    assert s.mark_failed(url, "x", "HTTP 503", permanent=False) == {"status": "failed", "attempts": 1,
                                                                     "next_check": None}
    assert [r["url"] for r in s.frontier("x", 3, 10)] == [url]
    s.mark_failed(url, "x", "HTTP 503", permanent=False)
    s.mark_failed(url, "x", "HTTP 503", permanent=False)
    assert s.frontier("x", 3, 10) == []


def test_migration_6_gives_old_failures_a_recheck_time(tmp_path: Path) -> None:
    import sqlite_utils

    from monitor.store import MIGRATIONS

    path = tmp_path / "old.sqlite"
    db = sqlite_utils.Database(path)
    for v in range(1, 6):
        MIGRATIONS[v](db)
    db.execute("PRAGMA user_version = 5")
    rows = [("https://x.id/404", "gone", "HTTP 404"), ("https://x.id/loop", "failed", "redirect loop"),
            ("https://x.id/big", "failed", "body exceeds 5000000 bytes"), ("https://x.id/503", "failed", "HTTP 503")]
    for url, status, error in rows:
        db.execute("INSERT INTO seen_urls (url, source_id, first_seen, last_seen, status, attempts, last_error) "
                   "VALUES (?, 'x', ?, ?, ?, 2, ?)", (url, "2026-11-01T00:00:00+00:00", "2026-11-30T10:00:00+00:00",
                                                       status, error))
    db.conn.commit()
    db.close()
    s = Store(path)
    assert s.version == SCHEMA_VERSION
    got = {u: (r["status"], r["attempts"], r["next_check"]) for u, *_ in rows for r in [s.seen(u)]}
    week = "2026-12-07T10:00:00+00:00"
    assert got == {"https://x.id/404": ("gone", 2, week), "https://x.id/loop": ("gone", 1, week),
                   "https://x.id/big": ("gone", 1, week), "https://x.id/503": ("failed", 2, None)}


def test_several_processes_open_a_new_database_at_once(tmp_path: Path) -> None:
    """Each migration step runs once even when processes race to create the same file."""
    import subprocess
    import sys

    db = tmp_path / "new.sqlite"
    script = ("import sys, time; from monitor.store import Store, SCHEMA_VERSION\n"
              "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
              "s = Store(sys.argv[1]); assert s.version == SCHEMA_VERSION; s.close()\n")
    import time

    start = time.time() + 2.0
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), str(start)], stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
