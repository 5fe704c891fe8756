"""Trend figures over stored articles, one definition for the digest, `monitor report` and Datasette.

Definitions:

- **Counted articles.** The articles :func:`monitor.deliver.export.build_query` selects for an
  :class:`~monitor.deliver.export.ExportFilter`, without syndicated copies (``duplicate_of`` set),
  so a story carried by three outlets counts once. An article counts under each issue assigned to
  it (``article_issues.assigned = 1``); "all issues" counts an article once.
- **Dates** are publication dates in the configured time zone (WITA by default); a time without
  an offset is UTC, as SQLite reads it. Weeks run Monday to Sunday; the first and last week of a
  period count only the days inside it.
- **Spike** (:func:`spikes`): a week in which an issue has at least ``SPIKE_MIN_ARTICLES`` (3)
  articles and more than ``SPIKE_FACTOR`` (2) times the mean of the ``SPIKE_BASELINE_WEEKS`` (4)
  whole weeks before it (those weeks may lie before the period; same filters otherwise). It is
  only judged when the database holds articles for the whole baseline: its earliest publication
  date is on or before the first baseline day (a new installation's first weeks are no spikes).

Datasette's canned queries (:func:`canned_queries`) compute the same tables in SQL; the tests
check that both agree on a database with known counts.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from monitor.config import ISSUE_KEYS
from monitor.deliver.export import ExportFilter, build_query, sql_literal
from monitor.deliver.wording import NO_REGION, local_moment

SPIKE_FACTOR = 2.0
SPIKE_MIN_ARTICLES = 3
SPIKE_BASELINE_WEEKS = 4
TOP_ORGANISATIONS = 10
STRONGEST_ARTICLES = 5


@dataclass
class Item:
    """One counted article."""

    id: int
    published: str | None
    day: dt.date | None  # local publication date
    source: str  # the outlet's name
    region: str | None
    title: str
    url: str
    issues: list[str]  # assigned, highest score first
    scores: dict[str, float]
    partners: list[tuple[int, str, str | None]] = field(default_factory=list)  # (id, name, acronym), most mentioned first
    duplicate_of: int | None = None


@dataclass
class OrgCount:
    id: int
    name: str
    acronym: str | None
    articles: int


@dataclass
class Week:
    start: dt.date  # Monday
    days: int  # days of the week inside the period (7 except at the edges)
    counts: dict[str, int]
    total: int  # articles with at least one of the issues

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)


@dataclass
class RegionRow:
    region: str
    counts: dict[str, int]
    total: int


@dataclass
class Spike:
    issue: str
    start: dt.date
    articles: int
    baseline: float  # mean articles per week over the baseline weeks

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)


# ------------------------------------------------------------------ loading

def local_day(iso: str | None, tz: ZoneInfo) -> dt.date | None:
    """The local calendar day of an ISO timestamp (see wording.local_moment)."""
    moment = local_moment(iso, tz)
    return moment.date() if moment else None


def items_from_rows(conn: sqlite3.Connection, rows: Sequence[Mapping], tz: ZoneInfo) -> list[Item]:
    """Items from :func:`build_query` rows (dicts), with their organisations from ``article_partners``."""
    names = dict(conn.execute("SELECT id, name FROM sources"))
    items = []
    for r in rows:
        issues = [s.strip() for s in (r.get("issues") or "").split(";") if s.strip()]
        scores = {k: float(r.get(f"score_{k}") or 0.0) for k in ISSUE_KEYS}
        items.append(Item(id=r["id"], published=r.get("published"), day=local_day(r.get("published"), tz),
                          source=names.get(r.get("source"), r.get("source")) or "", region=r.get("region"),
                          title=r.get("title") or "", url=r.get("url") or "", issues=issues, scores=scores,
                          duplicate_of=r.get("duplicate_of")))
    by_id = {i.id: i for i in items}
    ids = list(by_id)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for aid, pid, name, acronym in conn.execute(
                "SELECT ap.article_id, p.id, p.name, p.acronym FROM article_partners ap JOIN partners p "
                f"ON p.id = ap.partner_id WHERE ap.article_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY ap.article_id, ap.mentions DESC, p.name", chunk):
            by_id[aid].partners.append((pid, name, acronym))
    return items


def load_items(conn: sqlite3.Connection, f: ExportFilter) -> list[Item]:
    """The counted articles of a filter (copies left out whatever ``f.include_duplicates`` says)."""
    f = ExportFilter(**{**f.__dict__, "include_duplicates": False})
    sql, args = build_query(f)
    cur = conn.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return items_from_rows(conn, [dict(zip(cols, r)) for r in cur.fetchall()], ZoneInfo(f.timezone))


def utc_offset_minutes(tz: ZoneInfo, at: dt.datetime | None = None) -> int:
    at = at or dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    return int(at.astimezone(tz).utcoffset().total_seconds() // 60)


def coverage_start(conn: sqlite3.Connection, tz: ZoneInfo) -> dt.date | None:
    """The earliest local publication date in the database (any article): where baselines can start."""
    row = conn.execute(f"SELECT min({_local_date_sql('published', utc_offset_minutes(tz))}) FROM articles "
                       "WHERE published IS NOT NULL").fetchone()
    return dt.date.fromisoformat(row[0]) if row and row[0] else None


# ------------------------------------------------------------------ counting

def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def count_by_issue(items: Iterable[Item], issues: Sequence[str]) -> dict[str, int]:
    counts = dict.fromkeys(issues, 0)
    for item in items:
        for k in item.issues:
            if k in counts:
                counts[k] += 1
    return counts


def within(items: Iterable[Item], first: dt.date, last: dt.date) -> list[Item]:
    return [i for i in items if i.day is not None and first <= i.day <= last]


def daily_volume(items: Iterable[Item], issues: Sequence[str], first: dt.date, last: dt.date) -> dict[str, list[int]]:
    """Articles per issue per day from ``first`` to ``last`` (inclusive)."""
    n = (last - first).days + 1
    series = {k: [0] * n for k in issues}
    for item in within(items, first, last):
        for k in item.issues:
            if k in series:
                series[k][(item.day - first).days] += 1
    return series


def weekly_volume(items: Iterable[Item], issues: Sequence[str], since: dt.date, until: dt.date) -> list[Week]:
    """One row per Monday-to-Sunday week touching ``since..until``, counting only days inside it."""
    inside = within(items, since, until)
    weeks = []
    start = monday(since)
    while start <= until:
        first, last = max(start, since), min(start + dt.timedelta(days=6), until)
        these = within(inside, first, last)
        weeks.append(Week(start, (last - first).days + 1, count_by_issue(these, issues),
                          sum(1 for i in these if set(i.issues) & set(issues))))
        start += dt.timedelta(days=7)
    return weeks


def region_volume(items: Iterable[Item], issues: Sequence[str]) -> list[RegionRow]:
    """Articles per region (the outlet's region), most articles first."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(item.region or NO_REGION, []).append(item)
    rows = [RegionRow(region, count_by_issue(group, issues), sum(1 for i in group if set(i.issues) & set(issues)))
            for region, group in groups.items()]
    return sorted(rows, key=lambda r: (-r.total, r.region))


def top_organisations(items: Iterable[Item], n: int = TOP_ORGANISATIONS, issue: str | None = None) -> list[OrgCount]:
    """Organisations named in the most articles (of ``issue`` when given); ties by name."""
    counts: Counter[int] = Counter()
    labels: dict[int, tuple[str, str | None]] = {}
    for item in items:
        if issue is not None and issue not in item.issues:
            continue
        for pid, name, acronym in item.partners:
            counts[pid] += 1
            labels[pid] = (name, acronym)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], labels[kv[0]][0], kv[0]))
    return [OrgCount(pid, *labels[pid], c) for pid, c in ranked[:n]]


def spikes(weeks: Sequence[Week], history: Iterable[Item], issues: Sequence[str],
           coverage: dt.date | None) -> list[Spike]:
    """Spike weeks (module docstring); ``history`` holds the articles of the baseline weeks too."""
    history = list(history)
    out = []
    span = dt.timedelta(days=7 * SPIKE_BASELINE_WEEKS)
    for week in weeks:
        base_first = week.start - span
        if coverage is None or coverage > base_first:
            continue
        baseline = count_by_issue(within(history, base_first, week.start - dt.timedelta(days=1)), issues)
        for k in issues:
            n, mean = week.counts[k], baseline[k] / SPIKE_BASELINE_WEEKS
            if n >= SPIKE_MIN_ARTICLES and n > SPIKE_FACTOR * mean:
                out.append(Spike(k, week.start, n, mean))
    return sorted(out, key=lambda s: (s.start, ISSUE_KEYS.index(s.issue)))


def strongest(items: Iterable[Item], issue: str, n: int = STRONGEST_ARTICLES) -> list[Item]:
    """The ``n`` articles with the highest score for ``issue`` (newest first on a tie)."""
    tagged = [i for i in items if issue in i.issues]
    tagged.sort(key=lambda i: (-i.scores.get(issue, 0.0), -(i.day.toordinal() if i.day else 0), i.id))
    return tagged[:n]


def evidence_sentence(conn: sqlite3.Connection, article_id: int, issue: str) -> str | None:
    """The first evidence sentence stored for an article's issue, if any."""
    row = conn.execute("SELECT evidence FROM article_issues WHERE article_id = ? AND issue = ?",
                       (article_id, issue)).fetchone()
    if not row or not row[0]:
        return None
    sentences = json.loads(row[0]).get("sentences") or []
    return sentences[0] if sentences else None


# ------------------------------------------------------------------ the same views in SQL (Datasette)

def _local_date_sql(expr: str, offset_minutes: int) -> str:
    return f"date({expr}, '{offset_minutes:+d} minutes')"


def _tagged_cte(offset_minutes: int, clipped: bool = True) -> str:
    day = _local_date_sql("a.published", offset_minutes)
    clip = (f"\n    AND (ifnull(:since, '') = '' OR {day} >= :since) AND (ifnull(:until, '') = '' OR {day} <= :until)"
            if clipped else "")
    return f"""SELECT a.id, {day} AS day, coalesce(s.region, {sql_literal(NO_REGION)}) AS region, ai.issue
  FROM articles a JOIN article_issues ai ON ai.article_id = a.id AND ai.assigned = 1
  LEFT JOIN sources s ON s.id = a.source_id
  WHERE a.duplicate_of IS NULL AND a.published IS NOT NULL{clip}"""


def _issue_columns(names: Mapping[str, str], alias: str = "t") -> str:
    return ",\n  ".join(f"count(CASE WHEN {alias}.issue = {sql_literal(k)} THEN 1 END) AS \"{names.get(k, k)}\""
                        for k in ISSUE_KEYS)


def _issue_order(expr: str) -> str:
    return "CASE " + expr + " " + " ".join(f"WHEN {sql_literal(k)} THEN {n}" for n, k in enumerate(ISSUE_KEYS)) + " END"


PERIOD_NOTE = ("Tanggal terbit (WITA) :since dan :until dalam bentuk YYYY-MM-DD, kosongkan untuk semua. "
               "Salinan berita sindikasi tidak dihitung. Angka yang sama ada di `monitor report`.")


def canned_queries(issue_names: Mapping[str, str] | None = None, offset_minutes: int = 480) -> dict[str, dict]:
    """Datasette canned queries for the report's views: weekly volume, regions, organisations, spikes."""
    names = {k: (issue_names or {}).get(k, k) for k in ISSUE_KEYS}
    tagged = _tagged_cte(offset_minutes)
    return {
        "volume_per_issue_per_week": {
            "title": "Volume mingguan per isu (weekly volume per issue)",
            "description": "Berita per isu per minggu (Senin-Minggu); 'semua' menghitung setiap berita sekali. "
                           + PERIOD_NOTE,
            "sql": f"""WITH RECURSIVE tagged AS ({tagged}),
bounds AS (SELECT date(coalesce(nullif(ifnull(:since, ''), ''), min(day)), 'weekday 0', '-6 days') AS first,
  coalesce(nullif(ifnull(:until, ''), ''), max(day)) AS last FROM tagged),
weeks(start) AS (SELECT first FROM bounds WHERE first IS NOT NULL
  UNION ALL SELECT date(start, '+7 days') FROM weeks, bounds WHERE date(start, '+7 days') <= bounds.last)
SELECT w.start AS minggu_mulai, date(w.start, '+6 days') AS minggu_akhir,
  {_issue_columns(names)},
  count(DISTINCT t.id) AS semua
FROM weeks w LEFT JOIN tagged t ON date(t.day, 'weekday 0', '-6 days') = w.start
GROUP BY w.start ORDER BY w.start""",
        },
        "volume_per_region": {
            "title": "Berita per wilayah (articles per region)",
            "description": "Berita per isu menurut wilayah sumbernya. " + PERIOD_NOTE,
            "sql": f"""WITH tagged AS ({tagged})
SELECT t.region AS wilayah,
  {_issue_columns(names)},
  count(DISTINCT t.id) AS semua
FROM tagged t GROUP BY t.region ORDER BY semua DESC, wilayah""",
        },
        "top_organisations_per_issue": {
            "title": "Organisasi teratas per isu (top organisations per issue)",
            "description": f"Organisasi yang disebut dalam berita terbanyak, {TOP_ORGANISATIONS} teratas per isu. "
                           + PERIOD_NOTE,
            "sql": f"""WITH tagged AS ({tagged}),
counted AS (SELECT t.issue, p.id AS pid, p.name, p.acronym, count(DISTINCT t.id) AS berita
  FROM tagged t JOIN article_partners ap ON ap.article_id = t.id JOIN partners p ON p.id = ap.partner_id
  GROUP BY t.issue, p.id),
ranked AS (SELECT *, row_number() OVER (PARTITION BY issue ORDER BY berita DESC, name, pid) AS peringkat FROM counted)
SELECT r.issue, i.name_id AS isu, r.peringkat, r.name AS organisasi, coalesce(r.acronym, '') AS singkatan, r.berita
FROM ranked r LEFT JOIN issues i ON i.key = r.issue
WHERE r.peringkat <= {TOP_ORGANISATIONS} ORDER BY {_issue_order('r.issue')}, r.peringkat""",
        },
        "spikes": {
            "title": "Lonjakan pemberitaan (spikes)",
            "description": f"Minggu dengan sedikitnya {SPIKE_MIN_ARTICLES} berita pada satu isu dan lebih dari "
                           f"{SPIKE_FACTOR:g} kali rata-rata {SPIKE_BASELINE_WEEKS} minggu sebelumnya (dinilai hanya "
                           "bila basis data sudah berisi berita sejak awal minggu-minggu pembanding itu). " + PERIOD_NOTE,
            "sql": f"""WITH tagged AS ({tagged}),
history AS ({_tagged_cte(offset_minutes, clipped=False)}),
coverage AS (SELECT min({_local_date_sql('published', offset_minutes)}) AS first FROM articles
  WHERE published IS NOT NULL),
weekly AS (SELECT issue, date(day, 'weekday 0', '-6 days') AS start, count(*) AS n FROM tagged GROUP BY issue, start),
judged AS (SELECT w.*, (SELECT count(*) FROM history h WHERE h.issue = w.issue
    AND h.day >= date(w.start, '-{7 * SPIKE_BASELINE_WEEKS} days') AND h.day < w.start) / {float(SPIKE_BASELINE_WEEKS)}
    AS baseline FROM weekly w, coverage c WHERE c.first <= date(w.start, '-{7 * SPIKE_BASELINE_WEEKS} days'))
SELECT j.start AS minggu_mulai, date(j.start, '+6 days') AS minggu_akhir, j.issue, i.name_id AS isu,
  j.n AS berita, j.baseline AS rata_rata_sebelumnya
FROM judged j LEFT JOIN issues i ON i.key = j.issue
WHERE j.n >= {SPIKE_MIN_ARTICLES} AND j.n > {SPIKE_FACTOR} * j.baseline
ORDER BY j.start, {_issue_order('j.issue')}""",
        },
    }
