"""Export stored articles with their tags and partners to CSV, filtered, streamed row by row."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator, Sequence
from zoneinfo import ZoneInfo

from monitor.config import ISSUE_KEYS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BASE_COLUMNS = ["id", "published", "source", "region", "title", "url"]
TAIL_COLUMNS = ["issues", "partners", "partner_types", "lead", "duplicate_of"]


def columns() -> list[str]:
    return BASE_COLUMNS + [f"score_{k}" for k in ISSUE_KEYS] + TAIL_COLUMNS


def neutralise(value: object) -> object:
    """Defuse spreadsheet formula injection: text starting with = + - @ tab or CR gets a quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass
class ExportFilter:
    since: dt.date | None = None  # local dates, inclusive
    until: dt.date | None = None
    issues: Sequence[str] = field(default_factory=list)
    partners: Sequence[str] = field(default_factory=list)
    sources: Sequence[str] = field(default_factory=list)
    regions: Sequence[str] = field(default_factory=list)
    min_score: float | None = None
    query: str | None = None
    include_duplicates: bool = True
    timezone: str = "Asia/Makassar"
    keywords: Sequence[str] = field(default_factory=list)  # any of these phrases (full-text)
    after_id: int | None = None  # only articles stored after this one (alert cursors) ...
    up_to_id: int | None = None  # ... and not after this one
    first_seen_from: str | None = None  # UTC ISO bounds on when we stored the article
    first_seen_to: str | None = None


def fts_query(text: str) -> str:
    """Turn user words into a safe FTS5 query: every word a quoted term, all required."""
    words = re.findall(r"[\w-]+", text, flags=re.UNICODE)
    if not words:
        raise ValueError(f"--query {text!r} has no searchable words")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def fts_any(phrases: Sequence[str]) -> str:
    """An FTS5 query matching any of the phrases."""
    parts = []
    for phrase in phrases:
        words = re.findall(r"[\w-]+", phrase, flags=re.UNICODE)
        if words:
            parts.append('"' + " ".join(w.replace('"', '""') for w in words) + '"')
    if not parts:
        raise ValueError(f"keywords {list(phrases)!r} have no searchable words")
    return " OR ".join(parts)


def build_query(f: ExportFilter) -> tuple[str, list]:
    score_cols = ",\n".join(
        f"(SELECT score FROM article_issues WHERE article_id = a.id AND issue = '{k}') AS score_{k}" for k in ISSUE_KEYS)
    sql = f"""
    SELECT a.id, a.published, a.source_id AS source, s.region, a.title, a.url,
    {score_cols},
    (SELECT group_concat(issue, '; ') FROM (SELECT issue FROM article_issues
        WHERE article_id = a.id AND assigned = 1 ORDER BY score DESC)) AS issues,
    (SELECT group_concat(name, '; ') FROM (SELECT p.name FROM article_partners ap JOIN partners p ON p.id = ap.partner_id
        WHERE ap.article_id = a.id ORDER BY ap.mentions DESC, p.name)) AS partners,
    (SELECT group_concat(type, '; ') FROM (SELECT p.type FROM article_partners ap JOIN partners p ON p.id = ap.partner_id
        WHERE ap.article_id = a.id ORDER BY ap.mentions DESC, p.name)) AS partner_types,
    a.lead, a.duplicate_of
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    """
    where, args = [], []
    tz = ZoneInfo(f.timezone)
    if f.since:
        where.append("julianday(a.published) >= julianday(?)")
        args.append(dt.datetime.combine(f.since, dt.time(0), tz).isoformat())
    if f.until:
        where.append("julianday(a.published) < julianday(?)")
        args.append(dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time(0), tz).isoformat())
    if f.issues:
        bad = set(f.issues) - set(ISSUE_KEYS)
        if bad:
            raise ValueError(f"unknown issue {sorted(bad)}; expected one of {', '.join(ISSUE_KEYS)}")
        marks = ",".join("?" * len(f.issues))
        cond = f"issue IN ({marks}) AND assigned = 1"
        args += list(f.issues)
        if f.min_score is not None:
            cond += " AND score >= ?"
            args.append(f.min_score)
        where.append(f"EXISTS (SELECT 1 FROM article_issues WHERE article_id = a.id AND {cond})")
    elif f.min_score is not None:
        where.append("EXISTS (SELECT 1 FROM article_issues WHERE article_id = a.id AND score >= ?)")
        args.append(f.min_score)
    if f.partners:
        conds = []
        for p in f.partners:
            conds.append("(lower(p.name) LIKE ? OR lower(p.acronym) = ?)")
            args += [f"%{p.lower()}%", p.lower()]
        where.append("EXISTS (SELECT 1 FROM article_partners ap JOIN partners p ON p.id = ap.partner_id "
                     f"WHERE ap.article_id = a.id AND ({' OR '.join(conds)}))")
    if f.sources:
        where.append(f"a.source_id IN ({','.join('?' * len(f.sources))})")
        args += list(f.sources)
    if f.regions:
        where.append(f"lower(s.region) IN ({','.join('?' * len(f.regions))})")
        args += [r.lower() for r in f.regions]
    if f.query:
        where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(fts_query(f.query))
    if f.keywords:
        where.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        args.append(fts_any(f.keywords))
    if f.after_id is not None:
        where.append("a.id > ?")
        args.append(f.after_id)
    if f.up_to_id is not None:
        where.append("a.id <= ?")
        args.append(f.up_to_id)
    if f.first_seen_from:
        where.append("a.first_seen >= ?")
        args.append(f.first_seen_from)
    if f.first_seen_to:
        where.append("a.first_seen < ?")
        args.append(f.first_seen_to)
    if not f.include_duplicates:
        where.append("a.duplicate_of IS NULL")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.published DESC, a.id DESC"
    return sql, args


def iter_rows(conn: sqlite3.Connection, f: ExportFilter) -> Iterator[list]:
    """The export rows, one at a time (a cursor, never the whole result in memory)."""
    sql, args = build_query(f)
    cur = conn.execute(sql, args)
    while True:
        batch = cur.fetchmany(500)
        if not batch:
            return
        for row in batch:
            yield [neutralise(v) for v in row]


def write_csv(conn: sqlite3.Connection, out: IO[str], f: ExportFilter, *, excel: bool = False) -> int:
    """Write the header and rows to ``out``; returns the number of rows. ``excel`` adds a UTF-8 BOM."""
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns())
    n = 0
    for row in iter_rows(conn, f):
        writer.writerow(row)
        n += 1
    return n


def export_csv(db_path: str, path: str, f: ExportFilter, *, excel: bool = False) -> int:
    """Export to a file through a read-only connection (safe while a cycle writes: WAL).

    Rows go to a temporary file beside ``path`` that replaces it only when complete, so a bad
    filter or a failure half-way never leaves a truncated or emptied export behind.
    """
    build_query(f)  # bad filters fail here, before any file is touched
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = write_csv(conn, out, f, excel=excel)
        os.replace(tmp, target)
        return n
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)


def to_string(conn: sqlite3.Connection, f: ExportFilter) -> str:
    buf = io.StringIO()
    write_csv(conn, buf, f)
    return buf.getvalue()
