"""`monitor report`: the trend tables of a period as one self-contained HTML file and as CSV files.

:mod:`monitor.deliver.report_data` computes every figure and the CSV tables,
:mod:`monitor.deliver.report_html` draws the page; this module writes both.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from monitor.deliver.export import _check_csv_options
from monitor.deliver.report_data import CSV_FILES, Report, build_report, write_csvs
from monitor.deliver.report_html import render_html

__all__ = ["CSV_FILES", "Report", "build_report", "write_csvs", "write_report"]


def write_report(db_path: str | os.PathLike, output: str | os.PathLike, since: dt.date, until: dt.date, *,
                 issues: Sequence[str] = (), regions: Sequence[str] = (), timezone: str = "Asia/Makassar",
                 issue_names: Mapping[str, str] | None = None, csv_dir: str | os.PathLike | None = None,
                 delimiter: str = ",", decimal: str = ".", now: dt.datetime | None = None) -> Report:
    """Build the report from the database (read-only) and write the HTML (and the CSV files)."""
    from monitor.store import Store

    _check_csv_options(delimiter, decimal)
    store = Store(db_path, readonly=True)
    try:
        report = build_report(store.conn, since, until, issues=issues, regions=regions, timezone=timezone,
                              issue_names=issue_names, now=now)
    finally:
        store.close()
    report.source = Path(db_path).name
    target = Path(output)
    tmp = target.with_name(f".{target.name}.part")
    try:
        tmp.write_text(render_html(report), encoding="utf-8")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    if csv_dir:
        write_csvs(report, csv_dir, delimiter=delimiter, decimal=decimal)
    return report
