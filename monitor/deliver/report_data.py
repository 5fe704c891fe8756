"""The figures of `monitor report` (:class:`Report`) and its tables, also written as CSV files.

The articles are those of ``monitor export`` for the same filters (publication dates ``since`` to
``until`` in the configured zone, ``--region``, ``--issue``), restricted to articles with at least
one of the report's issues and without syndicated copies; what is counted, weeks and spikes are
defined in :mod:`monitor.deliver.trends`.

CSV files (UTF-8 with a byte-order mark so Excel reads the names right; ``delimiter`` and
``decimal`` as for ``monitor export``):

=========================  ============================================================
file                       columns
=========================  ============================================================
ringkasan_isu.csv          issue, isu, berita (a last row "Semua berita": articles counted once)
volume_mingguan.csv        minggu_mulai, minggu_akhir, hari_dalam_periode, one column per issue, semua
wilayah.csv                wilayah, one column per issue, semua
organisasi_per_isu.csv     issue, isu, peringkat, organisasi, singkatan, berita
lonjakan.csv               minggu_mulai, minggu_akhir, issue, isu, berita, rata_rata_sebelumnya
berita_terkuat.csv         issue, isu, peringkat, id, terbit, sumber, wilayah, judul, url, skor, keyakinan, bukti
=========================  ============================================================

Issue columns are headed by the issues' Indonesian names; the same tables are Datasette's canned
queries (:func:`monitor.deliver.trends.canned_queries`).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from monitor.config import ISSUE_KEYS
from monitor.deliver import trends, wording
from monitor.deliver.export import (
    ExportFilter,
    _check_csv_options,
    neutralise,
    stored_regions,
)
from monitor.deliver.trends import Item, OrgCount, RegionRow, Spike, Week

CSV_FILES = ("ringkasan_isu.csv", "volume_mingguan.csv", "wilayah.csv", "organisasi_per_isu.csv", "lonjakan.csv",
             "berita_terkuat.csv")


@dataclass
class Report:
    since: dt.date
    until: dt.date
    issues: list[str]
    names: dict[str, str]  # issue key -> Indonesian name
    timezone: str
    generated: dt.datetime
    regions: list[str] = field(default_factory=list)  # stored region names filtered on (empty: all)
    items: list[Item] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)
    weeks: list[Week] = field(default_factory=list)
    region_rows: list[RegionRow] = field(default_factory=list)
    organisations: dict[str, list[OrgCount]] = field(default_factory=dict)
    spikes: list[Spike] = field(default_factory=list)
    judged_from: dt.date | None = None  # the first week start for which spikes could be judged
    strongest: dict[str, list[Item]] = field(default_factory=dict)
    evidence: dict[tuple[int, str], str] = field(default_factory=dict)
    source: str = ""  # the database file's name

    @property
    def total(self) -> int:
        return len(self.items)


def build_report(conn: sqlite3.Connection, since: dt.date, until: dt.date, *, issues: Sequence[str] = (),
                 regions: Sequence[str] = (), timezone: str = "Asia/Makassar",
                 issue_names: Mapping[str, str] | None = None, now: dt.datetime | None = None) -> Report:
    """Every figure of the report. ``regions`` are stored region names (see export.resolve_regions)."""
    from monitor import clock

    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    issues = [k for k in ISSUE_KEYS if k in issues] or list(ISSUE_KEYS)
    names = {k: (issue_names or {}).get(k, k) for k in ISSUE_KEYS}
    tz = ZoneInfo(timezone)
    # The baseline of the first weeks' spikes lies before `since`: load from there, count from `since`.
    history_from = trends.monday(since) - dt.timedelta(days=7 * trends.SPIKE_BASELINE_WEEKS)
    f = ExportFilter(since=history_from, until=until, issues=issues, regions=list(regions), timezone=timezone,
                     issue_names=names)
    history = trends.load_items(conn, f)
    items = trends.within(history, since, until)
    stored = {r.lower() for r in stored_regions(conn)}
    shown = [r for r in regions if r.lower() in stored] or list(regions)  # the names this database uses
    report = Report(since, until, issues, names, timezone, (now or clock.now()).astimezone(tz),
                    regions=shown, items=items)
    report.totals = trends.count_by_issue(items, issues)
    report.weeks = trends.weekly_volume(items, issues, since, until)
    report.region_rows = trends.region_volume(items, issues)
    report.organisations = {k: trends.top_organisations(items, trends.TOP_ORGANISATIONS, issue=k) for k in issues}
    coverage = trends.coverage_start(conn, tz)
    report.spikes = trends.spikes(report.weeks, history, issues, coverage)
    if coverage is not None:
        first = trends.monday(coverage) + dt.timedelta(days=7 * trends.SPIKE_BASELINE_WEEKS)
        report.judged_from = first if coverage == trends.monday(coverage) else first + dt.timedelta(days=7)
    for k in issues:
        report.strongest[k] = trends.strongest(items, k)
        for item in report.strongest[k]:
            sentence = trends.evidence_sentence(conn, item.id, k)
            if sentence:
                report.evidence[(item.id, k)] = sentence
    return report


# ------------------------------------------------------------------ tables (shared by CSV and HTML)

def summary_rows(r: Report) -> list[list]:
    return [[k, r.names[k], r.totals[k]] for k in r.issues] + [["", "Semua berita", r.total]]


def week_rows(r: Report) -> list[list]:
    return [[w.start.isoformat(), w.end.isoformat(), w.days, *(w.counts[k] for k in r.issues), w.total]
            for w in r.weeks]


def region_rows(r: Report) -> list[list]:
    return [[row.region, *(row.counts[k] for k in r.issues), row.total] for row in r.region_rows]


def organisation_rows(r: Report) -> list[list]:
    return [[k, r.names[k], n, o.name, o.acronym or "", o.articles]
            for k in r.issues for n, o in enumerate(r.organisations[k], 1)]


def spike_rows(r: Report) -> list[list]:
    return [[s.start.isoformat(), s.end.isoformat(), s.issue, r.names[s.issue], s.articles, s.baseline]
            for s in r.spikes]


def strongest_rows(r: Report) -> list[list]:
    tz = ZoneInfo(r.timezone)
    return [[k, r.names[k], n, i.id, _iso_local(i.published, tz), i.source, i.region or "", i.title, i.url,
             round(i.scores.get(k, 0.0), 4), wording.confidence(i.scores.get(k)), r.evidence.get((i.id, k), "")]
            for k in r.issues for n, i in enumerate(r.strongest[k], 1)]


def _iso_local(iso: str | None, tz: ZoneInfo) -> str:
    """'2026-11-20 09:00' in ``tz`` (a naive time is UTC); '' when unknown."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def tables(r: Report) -> dict[str, tuple[list[str], list[list]]]:
    """CSV file name -> (header, rows)."""
    issue_cols = [r.names[k] for k in r.issues]
    return {
        "ringkasan_isu.csv": (["issue", "isu", "berita"], summary_rows(r)),
        "volume_mingguan.csv": (["minggu_mulai", "minggu_akhir", "hari_dalam_periode", *issue_cols, "semua"],
                                week_rows(r)),
        "wilayah.csv": (["wilayah", *issue_cols, "semua"], region_rows(r)),
        "organisasi_per_isu.csv": (["issue", "isu", "peringkat", "organisasi", "singkatan", "berita"],
                                   organisation_rows(r)),
        "lonjakan.csv": (["minggu_mulai", "minggu_akhir", "issue", "isu", "berita", "rata_rata_sebelumnya"],
                         spike_rows(r)),
        "berita_terkuat.csv": (["issue", "isu", "peringkat", "id", "terbit", "sumber", "wilayah", "judul", "url",
                                "skor", "keyakinan", "bukti"], strongest_rows(r)),
    }


def write_csvs(r: Report, folder: str | os.PathLike, *, delimiter: str = ",", decimal: str = ".") -> list[Path]:
    """Write the tables into ``folder`` (created if missing); returns the files written."""
    _check_csv_options(delimiter, decimal)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (header, rows) in tables(r).items():
        path = folder / name
        tmp = path.with_name(f".{name}.part")
        with open(tmp, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, delimiter=delimiter)
            writer.writerow(header)
            for row in rows:
                writer.writerow([str(v).replace(".", decimal) if isinstance(v, float) else neutralise(v) for v in row])
        os.replace(tmp, path)
        written.append(path)
    return written
