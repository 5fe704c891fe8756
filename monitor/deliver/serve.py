"""Browse the database with Datasette: read-only, with metadata, facets and canned queries.

``monitor serve`` runs Datasette as a child process and owns it: Ctrl-C, SIGTERM or SIGHUP stop the
child and remove its temporary ``ogi-datasette-*`` folder (metadata), and on Linux the child also
gets SIGTERM if ``monitor`` itself is killed. Before starting, the ``articles_export`` view is
brought up to date: the rows and cells of ``monitor export`` (issue names as text, formula-like
cells neutralised), so Datasette's CSV of it agrees with the export.
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

from monitor.config import ISSUE_KEYS

log = logging.getLogger(__name__)

EXPORT_VIEW = "articles_export"
STOP_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class ServeError(Exception):
    """Datasette cannot be started (e.g. the port is taken): one line for the user."""


CANNED_QUERIES = {
    "this_week_per_issue": {
        "title": "Berita minggu ini per isu (this week per issue)",
        "description": "Articles stored in the last 7 days, counted per assigned issue.",
        "sql": """SELECT i.key AS issue, i.name_id AS isu, count(a.id) AS articles
FROM issues i LEFT JOIN article_issues ai ON ai.issue = i.key AND ai.assigned = 1
LEFT JOIN articles a ON a.id = ai.article_id AND a.first_seen >= datetime('now', '-7 days')
  AND a.duplicate_of IS NULL
GROUP BY i.key ORDER BY articles DESC""",
    },
    "most_active_partners": {
        "title": "Mitra paling aktif (most active partners)",
        "description": "Organisations named in the most articles over the last 30 days.",
        "sql": """SELECT p.name, p.acronym, p.type, count(*) AS articles, sum(ap.mentions) AS mentions
FROM article_partners ap JOIN partners p ON p.id = ap.partner_id JOIN articles a ON a.id = ap.article_id
WHERE a.first_seen >= datetime('now', '-30 days') AND a.duplicate_of IS NULL
GROUP BY p.id ORDER BY articles DESC, mentions DESC LIMIT 50""",
    },
    "new_organisations_to_review": {
        "title": "Organisasi baru untuk ditinjau (new organisations to review)",
        "description": "Organisations found in articles that are not in the gazetteer yet.",
        "sql": """SELECT p.name, p.acronym, p.type, count(*) AS articles, min(a.first_seen) AS first_seen
FROM partners p JOIN article_partners ap ON ap.partner_id = p.id JOIN articles a ON a.id = ap.article_id
WHERE p.known = 0 GROUP BY p.id ORDER BY articles DESC LIMIT 100""",
    },
    "source_health": {
        "title": "Kesehatan sumber (source health)",
        "description": "Last check of each source; 'problem' means extraction or discovery failed.",
        "sql": "SELECT s.id, s.name, h.status, h.problem, h.pages, h.empty_pages, h.checked "
               "FROM sources s LEFT JOIN source_health h ON h.source_id = s.id ORDER BY h.status DESC, s.id",
    },
}


def _issue_legend(names: Mapping[str, str]) -> str:
    return "; ".join(f"{k} = {names.get(k, k)}" for k in ISSUE_KEYS)


def metadata(db_name: str, issue_names: Mapping[str, str] | None = None, utc_offset_minutes: int = 480) -> dict:
    """Datasette metadata: titles, descriptions, column labels, facets, FTS and canned queries.

    ``issue_names`` (key -> Indonesian name, from issues.toml) label the issue columns: Datasette
    has no labels for values, so column descriptions carry them, and the ``issues`` table's
    ``name_id`` is the label Datasette shows for ``article_issues.issue`` (a foreign key).
    The report's views (weekly volume, regions, organisations, spikes) are canned queries with
    the same definitions as ``monitor report`` (monitor.deliver.trends); ``utc_offset_minutes``
    is the configured zone's offset, which turns publication times into local dates.
    """
    from monitor.deliver.trends import canned_queries

    names = dict(issue_names or {})
    legend = _issue_legend(names)
    export_link = (f'<a href="{EXPORT_VIEW}.csv?_stream=on&amp;_size=max">{EXPORT_VIEW}.csv</a>')
    score_columns = {f"score_{k}": f"Skor model untuk isu {names.get(k, k)} ({k}), 0-1" for k in ISSUE_KEYS}
    return {
        "title": "ogi-monitor",
        "description_html": "Berita daerah yang ditandai isu Open Government Indonesia dan mitra yang terlibat. "
                            "Regional news tagged with the six OGI issues and the organisations involved. "
                            "Tren per isu, wilayah dan organisasi ada di kueri <em>volume_per_issue_per_week</em>, "
                            "<em>volume_per_region</em>, <em>top_organisations_per_issue</em> dan <em>spikes</em>; "
                            "laporan lengkap dengan grafik yang bisa dibuka tanpa internet dan dicetak: "
                            "<code>monitor report --since YYYY-MM-DD --until YYYY-MM-DD -o report.html</code>.",
        "databases": {db_name: {
            "tables": {
                "article_overview": {
                    "title": "Artikel (articles with issues and partners)",
                    "description_html": "One row per article; facet by issue, partner, source, region or date; "
                                        "search titles and text. Isu (issue keys): " + _html(legend) + ". "
                                        f"For a CSV like <code>monitor export</code> (issues as names, "
                                        f"Indonesian names in <code>isu</code>) use {export_link}.",
                    "facets": ["source", "region", "published_date", {"array": "issues"}, {"array": "partners"}],
                    "fts_table": "articles_fts", "fts_pk": "id",
                    "sort_desc": "published",
                    "columns": {"issues": "Isu OGI yang ditetapkan (assigned issues, codebook keys): " + legend,
                                "partners": "Canonical organisations named in the article",
                                "duplicate_of": "Id of the first copy when this is a syndicated duplicate",
                                "lead": "First paragraph"},
                },
                EXPORT_VIEW: {
                    "title": "Ekspor artikel (articles as `monitor export` writes them)",
                    "description_html": "The same columns and cells as <code>monitor export</code>: issues and "
                                        "partners separated by <code>; </code>, <code>isu</code> with the "
                                        "Indonesian issue names, formula-like cells prefixed with <code>'</code>. "
                                        f"Whole table as CSV: {export_link}.",
                    "facets": ["source", "region", "isu"],
                    "sort_desc": "published",
                    "columns": {"issues": "Isu OGI yang ditetapkan (codebook keys, '; '): " + legend,
                                "isu": "Nama isu dalam bahasa Indonesia (issues by their Indonesian names, '; ')",
                                "partners": "Organisations named in the article ('; ')",
                                "partner_types": "Their types, in the same order",
                                **score_columns},
                },
                "articles": {
                    "title": "Articles (full text)", "facets": ["source_id", "lang"], "sort_desc": "published",
                    "hidden": False,
                    "columns": {"url": "Canonical URL", "content_hash": "Hash of the normalised text",
                                "minhash": "Near-duplicate signature", "dateline": "Dateline kept out of the text"},
                },
                "article_issues": {"title": "Isu per artikel (issue tags with scores and evidence)",
                                   "facets": ["issue", "assigned", "model_version"],
                                   "columns": {"issue": "Isu (shown with its Indonesian name): " + legend,
                                               "score": "Model probability", "evidence": "Sentences and terms"}},
                "partners": {"title": "Partner organisations", "facets": ["type", "known"],
                             "columns": {"known": "1 when in the gazetteer"}},
                "article_partners": {"title": "Article-partner links", "columns": {"mentions": "Mentions in the article"}},
                "runs": {"title": "Collection runs", "sort_desc": "id", "facets": ["status"]},
                "fetch_log": {"title": "Fetch log", "sort_desc": "id", "facets": ["status", "kind"]},
                "outbox": {"title": "Alert outbox", "facets": ["rule"],
                           "columns": {"sent_at": "When the SMTP server accepted it (empty: queued)"}},
                "issues": {"title": "Enam isu OGI (the six OGI issues)", "label_column": "name_id",
                           "columns": {"name_id": "Nama isu (Indonesian name)", "name_en": "English name"}},
                "articles_fts": {"hidden": True}, "articles_fts_data": {"hidden": True},
                "articles_fts_idx": {"hidden": True}, "articles_fts_docsize": {"hidden": True},
                "articles_fts_config": {"hidden": True}, "http_cache": {"hidden": True},
                "alert_state": {"hidden": True},
            },
            "queries": {**CANNED_QUERIES, **canned_queries(names, utc_offset_minutes)},
        }},
        "about": "ogi-monitor", "license": "Article texts belong to their outlets",
    }


def _html(text: str) -> str:
    return html.escape(text, quote=False)


def datasette_command(db_path: Path, host: str, port: int, metadata_path: Path) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host, "--port", str(port),
            "--metadata", str(metadata_path), "--setting", "default_page_size", "50",
            "--setting", "sql_time_limit_ms", "3000", "--setting", "allow_download", "off"]


def write_metadata(db_path: Path, directory: Path, issue_names: Mapping[str, str] | None = None,
                   utc_offset_minutes: int = 480) -> Path:
    path = directory / "datasette-metadata.json"
    path.write_text(json.dumps(metadata(db_path.stem, issue_names, utc_offset_minutes), ensure_ascii=False, indent=1),
                    encoding="utf-8")
    return path


def ensure_export_view(conn, issue_names: Mapping[str, str]) -> bool:
    """Create or refresh the ``articles_export`` view; True when it changed."""
    from monitor.deliver.export import export_view_sql

    want = export_view_sql(issue_names, EXPORT_VIEW)
    have = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?", (EXPORT_VIEW,)).fetchone()
    if have and have[0] == want:
        return False
    conn.execute(f"DROP VIEW IF EXISTS {EXPORT_VIEW}")
    conn.execute(want)
    return True


def _prepare(db_path: Path, workdir: Path, config_dir: Path | None = None) -> Path:
    """Bring the schema, the issue names and the export view up to date; write the metadata file."""
    from monitor.config import load_issues, load_settings
    from monitor.deliver.trends import utc_offset_minutes
    from monitor.store import Store

    issues = load_issues(Path(config_dir) / "issues.toml" if config_dir else None)
    offset = utc_offset_minutes(load_settings(Path(config_dir) / "settings.toml" if config_dir else None).tz)
    names = {i.key: i.name_id for i in issues}
    store = Store(db_path, create=False)
    try:
        store.upsert_issues(issues)  # Datasette labels article_issues.issue with issues.name_id
        with store.transaction():
            ensure_export_view(store.conn, names)
    finally:
        store.close()
    return write_metadata(Path(db_path), workdir, names, offset)


def _die_with_parent():
    """preexec_fn (Linux): the child gets SIGTERM when ``monitor`` dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    parent = os.getpid()

    def preexec() -> None:
        prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before prctl
            os._exit(1)

    return preexec


def start_datasette(db_path: Path, host: str = "127.0.0.1", port: int = 8001,
                    workdir: Path | None = None, config_dir: Path | None = None) -> subprocess.Popen:
    """Start Datasette in a child process (tests and the demo use this); the caller stops it."""
    workdir = workdir or Path(tempfile.mkdtemp(prefix="ogi-datasette-"))
    meta = _prepare(db_path, workdir, config_dir)
    return subprocess.Popen(datasette_command(db_path, host, port, meta), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def check_port(host: str, port: int) -> None:
    """Raise ServeError when ``host:port`` cannot be listened on (another server has it)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"--host {host!r}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Datasette's server does
        try:
            sock.bind(address)
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port} ({exc.strerror}); another server may be using "
                             "the port: stop it or choose another with --port") from None


class _Stop(Exception):
    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)


def stop_process(proc: subprocess.Popen | None, timeout: float = 10.0) -> None:
    """SIGTERM, then SIGKILL after ``timeout`` seconds; always reaps the child."""
    if proc is None:
        return
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            log.warning("Datasette (pid %d) did not stop within %.0f s; killing it", proc.pid, timeout)
            proc.kill()
    proc.wait()


def serve_datasette(db_path: Path, host: str = "127.0.0.1", port: int = 8001,
                    config_dir: Path | None = None) -> int:
    """Run Datasette in the foreground until Ctrl-C, SIGTERM or SIGHUP; returns its exit status.

    Stopping on request returns 0. Whatever ends the wait, the child is stopped and reaped and the
    temporary folder removed before returning.
    """
    check_port(host, port)
    signals = [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]
    if hasattr(signal, "SIGHUP") and signal.getsignal(signal.SIGHUP) is signal.SIG_IGN:
        signals.remove(signal.SIGHUP)  # started with nohup: closing the terminal must not stop it
    main_thread = threading.current_thread() is threading.main_thread()

    def on_signal(signum, _frame) -> None:
        raise _Stop(signum)

    previous = {sig: signal.signal(sig, on_signal) for sig in signals} if main_thread else {}
    tmp: Path | None = None
    proc: subprocess.Popen | None = None
    try:
        tmp = Path(tempfile.mkdtemp(prefix="ogi-datasette-"))
        meta = _prepare(Path(db_path), tmp, config_dir)
        # Its own session: Ctrl-C reaches only `monitor`, which stops the child itself. The preexec_fn
        # takes no locks (prctl resolved beforehand), so it is safe even if other threads exist.
        proc = subprocess.Popen(datasette_command(Path(db_path), host, port, meta), start_new_session=True,
                                preexec_fn=_die_with_parent(),  # noqa: PLW1509
                                env={**os.environ, "PYTHONUNBUFFERED": "1"})
        print(f"Datasette on http://{host}:{port}/ (read-only; Ctrl-C to stop)", flush=True)
        return proc.wait()
    except (_Stop, KeyboardInterrupt) as exc:
        log.info("stopping Datasette (%s)", exc or "SIGINT")
        return 0
    finally:
        for sig in previous:  # a second Ctrl-C must not cut the clean-up short
            signal.signal(sig, signal.SIG_IGN)
        try:
            stop_process(proc)
            if tmp:
                shutil.rmtree(tmp, ignore_errors=True)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
