"""Browse the database with Datasette: read-only, with metadata, facets and canned queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

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


def metadata(db_name: str) -> dict:
    """Datasette metadata: titles, descriptions, column labels, facets, FTS and canned queries."""
    return {
        "title": "ogi-monitor",
        "description": "Berita daerah yang ditandai isu Open Government Indonesia dan mitra yang terlibat. "
                       "Regional news tagged with the six OGI issues and the organisations involved.",
        "databases": {db_name: {
            "tables": {
                "article_overview": {
                    "title": "Artikel (articles with issues and partners)",
                    "description": "One row per article; facet by issue, partner, source, region or date; "
                                   "search titles and text.",
                    "facets": ["source", "region", "published_date", {"array": "issues"}, {"array": "partners"}],
                    "fts_table": "articles_fts", "fts_pk": "id",
                    "sort_desc": "published",
                    "columns": {"issues": "Assigned OGI issues (codebook keys)",
                                "partners": "Canonical organisations named in the article",
                                "duplicate_of": "Id of the first copy when this is a syndicated duplicate",
                                "lead": "First paragraph"},
                },
                "articles": {
                    "title": "Articles (full text)", "facets": ["source_id", "lang"], "sort_desc": "published",
                    "hidden": False,
                    "columns": {"url": "Canonical URL", "content_hash": "Hash of the normalised text",
                                "minhash": "Near-duplicate signature", "dateline": "Dateline kept out of the text"},
                },
                "article_issues": {"title": "Issue tags with scores and evidence",
                                   "facets": ["issue", "assigned", "model_version"],
                                   "columns": {"score": "Model probability", "evidence": "Sentences and terms"}},
                "partners": {"title": "Partner organisations", "facets": ["type", "known"],
                             "columns": {"known": "1 when in the gazetteer"}},
                "article_partners": {"title": "Article-partner links", "columns": {"mentions": "Mentions in the article"}},
                "runs": {"title": "Collection runs", "sort_desc": "id", "facets": ["status"]},
                "fetch_log": {"title": "Fetch log", "sort_desc": "id", "facets": ["status", "kind"]},
                "outbox": {"title": "Alert outbox", "facets": ["rule"],
                           "columns": {"sent_at": "When the SMTP server accepted it (empty: queued)"}},
                "issues": {"title": "The six OGI issues"},
                "articles_fts": {"hidden": True}, "articles_fts_data": {"hidden": True},
                "articles_fts_idx": {"hidden": True}, "articles_fts_docsize": {"hidden": True},
                "articles_fts_config": {"hidden": True}, "http_cache": {"hidden": True},
                "alert_state": {"hidden": True},
            },
            "queries": CANNED_QUERIES,
        }},
        "about": "ogi-monitor", "license": "Article texts belong to their outlets",
    }


def datasette_command(db_path: Path, host: str, port: int, metadata_path: Path) -> list[str]:
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host, "--port", str(port),
            "--metadata", str(metadata_path), "--setting", "default_page_size", "50",
            "--setting", "sql_time_limit_ms", "3000", "--setting", "allow_download", "off"]


def write_metadata(db_path: Path, directory: Path) -> Path:
    path = directory / "datasette-metadata.json"
    path.write_text(json.dumps(metadata(db_path.stem), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def _prepare(db_path: Path, workdir: Path) -> Path:
    """Bring the schema (and its overview view) up to date; write the metadata file."""
    from monitor.store import Store

    Store(db_path).close()
    return write_metadata(Path(db_path), workdir)


def start_datasette(db_path: Path, host: str = "127.0.0.1", port: int = 8001,
                    workdir: Path | None = None) -> subprocess.Popen:
    """Start Datasette in a child process (tests and the demo use this)."""
    workdir = workdir or Path(tempfile.mkdtemp(prefix="ogi-datasette-"))
    meta = _prepare(db_path, workdir)
    return subprocess.Popen(datasette_command(db_path, host, port, meta), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def serve_datasette(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette in the foreground until Ctrl-C."""
    with tempfile.TemporaryDirectory(prefix="ogi-datasette-") as tmp:
        meta = _prepare(db_path, Path(tmp))
        print(f"Datasette on http://{host}:{port}/ (read-only; Ctrl-C to stop)", flush=True)
        try:
            subprocess.run(datasette_command(Path(db_path), host, port, meta), check=False)
        except KeyboardInterrupt:
            pass
