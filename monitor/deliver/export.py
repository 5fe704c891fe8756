"""Export stored articles with their tags and partners to CSV or Excel (.xlsx), filtered, streamed row by row.

The CSV columns are a public contract: same names, same order; new columns are only ever appended
(``isu``, the Indonesian issue names, is the latest). ``monitor serve`` offers the same rows as the
``articles_export`` view (:func:`export_view_sql`), so Datasette's CSV and ``monitor export`` agree.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from monitor.config import ISSUE_KEYS

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BASE_COLUMNS = ["id", "published", "source", "region", "title", "url"]
TAIL_COLUMNS = ["issues", "partners", "partner_types", "lead", "duplicate_of"]
ADDED_COLUMNS = ["isu"]  # appended after the original columns: assigned issues by their Indonesian names
DELIMITERS = (",", ";")
DECIMALS = (".", ",")
FORMATS = ("csv", "xlsx")
XLSX_MAX_CELL = 32_767  # Excel's limit on the characters in one cell


def columns() -> list[str]:
    return BASE_COLUMNS + [f"score_{k}" for k in ISSUE_KEYS] + TAIL_COLUMNS + ADDED_COLUMNS


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
    partners: Sequence[str] = field(default_factory=list)  # a word of the name or acronym ("FITRA", "DPRD")
    sources: Sequence[str] = field(default_factory=list)
    regions: Sequence[str] = field(default_factory=list)  # stored region names (see resolve_regions)
    min_score: float | None = None
    query: str | None = None
    include_duplicates: bool = True
    timezone: str = "Asia/Makassar"
    keywords: Sequence[str] = field(default_factory=list)  # any of these phrases (full-text)
    after_id: int | None = None  # only articles stored after this one (alert cursors) ...
    up_to_id: int | None = None  # ... and not after this one
    first_seen_from: str | None = None  # UTC ISO bounds on when we stored the article
    first_seen_to: str | None = None
    # key -> Indonesian name for the ``isu`` column; None: the database's ``issues`` table (each cycle and
    # ``monitor serve`` fill it from issues.toml), the key where it has no name
    issue_names: Mapping[str, str] | None = None


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


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# Characters that separate words in organisation names ("Kemenko Polkam/BPN", "FITRA-NTB", "(LBH)").
_NAME_PUNCT = ",./()[]-'\"&:;!?+*#\t\n\r"


def _name_words(text: str) -> list[str]:
    return text.lower().translate({ord(c): " " for c in _NAME_PUNCT}).split()


def _sql_name_words(expr: str) -> str:
    """SQL for `` <lowercased expr with punctuation as spaces> `` (padded: every word is `` word ``)."""
    out = f"lower({expr})"
    for ch in _NAME_PUNCT:
        lit = f"char({ord(ch)})" if ch in "\t\n\r" else sql_literal(ch)
        out = f"replace({out}, {lit}, ' ')"
    return f"(' ' || {out} || ' ')"


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def partner_condition(partners: Sequence[str]) -> tuple[str, list]:
    """SQL (on ``p``, a partners row) matching any of the queries.

    A query matches a partner when each of its words is a whole word of the partner's name or
    acronym, case-insensitively: "FITRA" finds "FITRA NTB", "LBH" finds "LBH Mataram", "DPRD" finds
    "DPRD Kabupaten Lombok Timur", "fitra ntb" finds "FITRA NTB"; "KPK" does not find "KPKNL".
    """
    haystack = _sql_name_words("p.name || ' ' || coalesce(p.acronym, '')")
    conds, args = [], []
    for query in partners:
        words = _name_words(query)
        if not words:
            raise ValueError(f"--partner {query!r} has no words to match")
        conds.append("(" + " AND ".join(f"{haystack} LIKE ? ESCAPE '\\'" for _ in words) + ")")
        args += [f"% {_like_escape(w)} %" for w in words]
    return " OR ".join(conds), args


def _select_sql(issue_names: Mapping[str, str] | None) -> str:
    score_cols = ",\n".join(
        f"(SELECT score FROM article_issues WHERE article_id = a.id AND issue = '{k}') AS score_{k}" for k in ISSUE_KEYS)
    if issue_names is None:
        name_expr = "coalesce((SELECT i.name_id FROM issues i WHERE i.key = article_issues.issue), issue)"
    else:
        names = " ".join(f"WHEN {sql_literal(k)} THEN {sql_literal(v)}" for k, v in issue_names.items())
        name_expr = f"CASE issue {names} ELSE issue END" if names else "issue"
    return f"""
    SELECT a.id, a.published, a.source_id AS source, s.region, a.title, a.url,
    {score_cols},
    (SELECT group_concat(issue, '; ') FROM (SELECT issue FROM article_issues
        WHERE article_id = a.id AND assigned = 1 ORDER BY score DESC, issue)) AS issues,
    (SELECT group_concat(name, '; ') FROM (SELECT p.name FROM article_partners ap JOIN partners p ON p.id = ap.partner_id
        WHERE ap.article_id = a.id ORDER BY ap.mentions DESC, p.name)) AS partners,
    (SELECT group_concat(type, '; ') FROM (SELECT p.type FROM article_partners ap JOIN partners p ON p.id = ap.partner_id
        WHERE ap.article_id = a.id ORDER BY ap.mentions DESC, p.name)) AS partner_types,
    a.lead, a.duplicate_of,
    (SELECT group_concat(name, '; ') FROM (SELECT {name_expr} AS name FROM article_issues
        WHERE article_id = a.id AND assigned = 1 ORDER BY score DESC, issue)) AS isu
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id
    """


def build_query(f: ExportFilter) -> tuple[str, list]:
    sql = _select_sql(f.issue_names)
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
        cond, cond_args = partner_condition(f.partners)
        where.append("EXISTS (SELECT 1 FROM article_partners ap JOIN partners p ON p.id = ap.partner_id "
                     f"WHERE ap.article_id = a.id AND ({cond}))")
        args += cond_args
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


def export_view_sql(issue_names: Mapping[str, str], name: str = "articles_export") -> str:
    """``CREATE VIEW``: every article as ``monitor export`` writes it (same columns, names, neutralisation).

    Datasette serves it, so its CSV (``articles_export.csv``) has the same cells as the export's.
    """
    inner, args = build_query(ExportFilter(issue_names=issue_names))
    assert not args
    prefixes = ", ".join(f"char({ord(p)})" if p in "\t\r" else sql_literal(p) for p in FORMULA_PREFIXES)
    cols = ",\n  ".join(f"CASE WHEN typeof({c}) = 'text' AND substr({c}, 1, 1) IN ({prefixes}) "
                        f"THEN '''' || {c} ELSE {c} END AS {c}" for c in columns())
    return f"CREATE VIEW {name} AS SELECT\n  {cols}\nFROM ({inner.strip()})"


# ------------------------------------------------------------------ regions

@dataclass
class _RegionForm:
    written: str  # the form as the gazetteer writes it ("Lotim")
    region: str  # the region's canonical name ("Lombok Timur")
    names: set[str] = field(default_factory=set)  # stored names it stands for
    suggest: bool = True  # offered as a close match ("Kab. Lotim" is not)


def _region_table(gazetteer: str | os.PathLike | None) -> dict[str, _RegionForm]:
    """Written form (lowercase) -> the region names a source may store for it.

    Forms come from the gazetteer's [[province]] and [[kabkota]] tables (names, short forms and
    aliases: NTB, Lotim, Loteng, Lobar, KLU, KSB...), also with "Kota"/"Kabupaten" in front.
    Sources store a province by its name and a kabupaten/kota by its name, "Kota <name>" or
    "Kabupaten <name>" (a bare name that is both, like Bima, is the kabupaten, as in the gazetteer).
    """
    from monitor.analyse.partners import load_config

    path = Path(gazetteer) if gazetteer and Path(gazetteer).is_file() else None
    table: dict[str, _RegionForm] = {}

    def add(form: str, region: str, names: Iterable[str], suggest: bool = True) -> None:
        table.setdefault(form.lower(), _RegionForm(form, region, suggest=suggest)).names.update(names)

    for form, reg in load_config(path).regions:
        if reg.level == "province":
            for f in (form, reg.short):
                add(f, reg.name, [reg.name])
            continue
        kota, kab = f"Kota {reg.name}", f"Kabupaten {reg.name}"
        is_kota, is_kab = reg.level in ("kota", "both"), reg.level in ("kabupaten", "both")
        add(form, reg.name, [reg.name] + [kota] * is_kota + [kab] * is_kab)
        if is_kota:
            add(f"Kota {form}", kota, [kota] if is_kab else [kota, reg.name], suggest=False)
        if is_kab:
            for prefix in ("Kabupaten", "Kab.", "Kab"):
                add(f"{prefix} {form}", kab, [kab, reg.name], suggest=False)
    return table


def resolve_regions(values: Sequence[str], stored: Iterable[str],
                    gazetteer: str | os.PathLike | None = None) -> list[str]:
    """Map what a user types (NTB, Lotim, "Kota Mataram", a stored name) to stored region names.

    ``stored`` are the region names the database's sources use (accepted as written, whatever the
    gazetteer says). An unknown value raises ValueError naming the close matches.
    """
    stored = sorted({s for s in stored if s})
    stored_by_lower = {s.lower(): s for s in stored}
    table = _region_table(gazetteer)
    out: list[str] = []
    for value in values:
        key = " ".join(value.split()).lower()
        names: set[str] = set()
        if key in stored_by_lower:
            names.add(stored_by_lower[key])
        if key in table:
            names |= table[key].names
        if not names:
            raise ValueError(unknown_region_message(value, table, stored))
        out += sorted(names - set(out))
    return out


def unknown_region_message(value: str, table: Mapping[str, _RegionForm], stored: Sequence[str]) -> str:
    forms = {k: f.written for k, f in table.items() if f.suggest} | {s.lower(): s for s in stored}
    close = difflib.get_close_matches(" ".join(value.split()).lower(), list(forms), n=5, cutoff=0.6)

    def show(k: str) -> str:
        form = table.get(k)
        return f"{form.written} ({form.region})" if form and form.region.lower() != k else forms[k]

    msg = f"unknown region {value!r}"
    msg += ("; did you mean " + ", ".join(show(k) for k in close) + "?") if close else \
        " (not a region, short form or alias in the gazetteer, nor a region of this database's sources)."
    if stored:
        msg += " Regions in this database: " + ", ".join(stored)
    return msg


def stored_regions(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT region FROM sources WHERE region IS NOT NULL ORDER BY 1")]


# ------------------------------------------------------------------ rows and writers

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


def _check_csv_options(delimiter: str, decimal: str) -> None:
    if delimiter not in DELIMITERS:
        raise ValueError(f"--delimiter {delimiter!r}: expected one of {' '.join(DELIMITERS)}")
    if decimal not in DECIMALS:
        raise ValueError(f"--decimal {decimal!r}: expected one of {' '.join(DECIMALS)}")
    if decimal == delimiter:
        raise ValueError(f"--decimal {decimal!r} is also the column delimiter; use --delimiter ';' with --decimal ','")


def write_csv(conn: sqlite3.Connection, out: IO[str], f: ExportFilter, *, excel: bool = False,
              delimiter: str = ",", decimal: str = ".") -> int:
    """Write the header and rows to ``out``; returns the number of rows. ``excel`` adds a UTF-8 BOM.

    ``delimiter`` ";" and ``decimal`` "," suit Excel with Indonesian (and most European) settings.
    """
    _check_csv_options(delimiter, decimal)
    if excel:
        out.write("\ufeff")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n" if excel else "\n")
    writer.writerow(columns())
    n = 0
    for row in iter_rows(conn, f):
        if decimal != ".":
            row = [str(v).replace(".", decimal) if isinstance(v, float) else v for v in row]
        writer.writerow(row)
        n += 1
    return n


def _connect(db_path: str):
    """A read-only connection (safe while a cycle writes: WAL); a missing or foreign file raises StoreError."""
    from monitor.store import Store

    return Store(db_path, readonly=True).conn


def _target_and_part(path: str | os.PathLike) -> tuple[Path, Path]:
    """``path`` and the temporary file beside it that is written first and replaces it when complete."""
    target = Path(path)
    return target, target.with_name(f".{target.name}.part")


def export_csv(db_path: str, path: str, f: ExportFilter, *, excel: bool = False,
               delimiter: str = ",", decimal: str = ".") -> int:
    """Export to a CSV file through a read-only connection.

    Rows go to a temporary file beside ``path`` that replaces it only when complete, so a bad
    filter or a failure half-way never leaves a truncated or emptied export behind.
    """
    build_query(f)  # bad filters fail here, before any file is touched
    _check_csv_options(delimiter, decimal)
    conn = _connect(db_path)
    target, tmp = _target_and_part(path)
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            n = write_csv(conn, out, f, excel=excel, delimiter=delimiter, decimal=decimal)
        os.replace(tmp, target)
        return n
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)


def _local_datetime(value: object, tz: ZoneInfo) -> object:
    """An ISO timestamp as a naive date-time in ``tz`` (Excel has no time zones); other values unchanged."""
    if not isinstance(value, str):
        return value
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return parsed.astimezone(tz).replace(tzinfo=None) if parsed.tzinfo else parsed


XLSX_WIDTHS = {"id": 7, "published": 17, "source": 14, "region": 18, "title": 60, "url": 40, "issues": 30,
               "partners": 40, "partner_types": 20, "lead": 60, "duplicate_of": 12, "isu": 40}


def write_xlsx(conn: sqlite3.Connection, path: str | os.PathLike, f: ExportFilter) -> int:
    """Write one sheet ("articles") in openpyxl's write-only (streaming) mode; returns the number of rows.

    Same columns and cells as the CSV, except: numbers are numbers, ``published`` is an Excel
    date-time in the export's time zone, characters Excel refuses are dropped and a cell keeps at
    most 32,767 characters.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    tz = ZoneInfo(f.timezone)
    cols = columns()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("articles")
    for i, name in enumerate(cols, 1):
        ws.column_dimensions[get_column_letter(i)].width = XLSX_WIDTHS.get(name, 11)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in cols:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    published = cols.index("published")
    n = 0
    for row in iter_rows(conn, f):
        values: list[object] = []
        for i, v in enumerate(row):
            if i == published and isinstance(v, str):
                v = _local_datetime(v, tz)
                if isinstance(v, dt.datetime):
                    cell = WriteOnlyCell(ws, value=v)
                    cell.number_format = "yyyy-mm-dd hh:mm"
                    v = cell
            if isinstance(v, str):
                v = ILLEGAL_CHARACTERS_RE.sub("", v)[:XLSX_MAX_CELL]
            values.append(v)
        ws.append(values)
        n += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{n + 1}"
    wb.save(path)
    return n


def export_xlsx(db_path: str, path: str, f: ExportFilter) -> int:
    """Export to an .xlsx file (streamed), replacing ``path`` only when complete, like :func:`export_csv`."""
    build_query(f)
    conn = _connect(db_path)
    target, tmp = _target_and_part(path)
    try:
        n = write_xlsx(conn, tmp, f)
        os.replace(tmp, target)
        return n
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)


def export_format(path: str, fmt: str | None = None) -> str:
    """``fmt`` when given, else xlsx for a path ending in .xlsx and csv otherwise."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"--format {fmt!r}: expected one of {', '.join(FORMATS)}")
        return fmt
    return "xlsx" if Path(path).suffix.lower() == ".xlsx" else "csv"


def to_string(conn: sqlite3.Connection, f: ExportFilter, **csv_options) -> str:
    buf = io.StringIO()
    write_csv(conn, buf, f, **csv_options)
    return buf.getvalue()
