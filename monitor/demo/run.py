"""`monitor demo`: a full cycle against the bundled local news site, with no network.

It starts the demo site on 127.0.0.1, writes a demo configuration next to the output, runs one
cycle (collect, extract, classify, partners, store, alerts), runs a second cycle to show that
nothing is fetched twice, exports a tagged CSV, renders a digest and the report of the demo
articles' publication dates to files, and prints what to run next. The demo site deletes one
post on purpose (its sitemap still lists it): its 404 is explained in the summary instead of
being shown as a warning; every other failure still warns.
"""

from __future__ import annotations

import dataclasses
import logging
import shutil
from pathlib import Path

import click

from monitor.config import load_settings, load_sources
from monitor.console import plural, print_summary, progress_printer
from monitor.deliver.alerts import AlertRule, preview
from monitor.deliver.export import ExportFilter, export_csv
from monitor.demo.articles import DELETED
from monitor.paths import PROJECT_ROOT
from monitor.pipeline import run_cycle
from monitor.store import Store

DEMO_DIR = Path(__file__).resolve().parent

SETTINGS = """# Demo settings (written by `monitor demo`)
[database]
path = "{db}"

[general]
timezone = "Asia/Makassar"
log_file = "{log}"

[fetch]
per_host_delay = 0.05   # our own local site: no need to be slow
read_timeout = 10.0     # longer than the demo's slow page
connect_timeout = 5.0
retries = 1
concurrency = 2
"""

DEMO_RULES = [
    AlertRule(name="Demo: ringkasan semua isu", recipients=["analis@example.org"], mode="daily",
              issues=["anti_corruption_budget", "civic_space_democracy", "inclusive_public_services",
                      "access_to_justice", "gender_disability_inclusion", "energy_environment_resources"]),
]


DELETED_PATH = f"/{DELETED[0]}/"  # the post the demo site deletes on purpose (404)


def is_expected_failure(failure: dict, base_url: str) -> bool:
    """The demo's one deliberate fault: the deleted post answering 404."""
    return failure.get("url", "").rstrip("/") == (base_url + DELETED_PATH).rstrip("/") and failure.get(
        "reason") == "HTTP 404"


class DeletedPostIsExpected(logging.Filter):
    """Turns the pipeline's warning about the deleted demo post into an INFO record (it still goes
    to the log file; the console shows warnings only). Other warnings pass unchanged."""

    def __init__(self, base_url: str):
        super().__init__()
        self.url = (base_url + DELETED_PATH).rstrip("/")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING:
            message = record.getMessage()
            if f"{self.url}/: HTTP 404" in message or f"{self.url}: HTTP 404" in message:
                record.levelno, record.levelname = logging.INFO, "INFO"
        return True


def explain_expected(result, base_url: str) -> None:
    """One line saying that the 404 of the deleted post is the demo's deliberate fault."""
    for f in result.failures:
        if is_expected_failure(f, base_url):
            again = f" (kept as gone; re-checked after {f['next_check'][:10]})" if f.get("next_check") else ""
            click.echo(f"  expected: {f['url']} answers HTTP 404: the demo site deleted this post on purpose "
                       f"while its sitemap still lists it{again}")


def write_demo_config(out_dir: Path, base_url: str) -> Path:
    """A config directory for the demo: settings, the demo source on `base_url`, the project taxonomy."""
    cfg = out_dir / "config"
    cfg.mkdir(parents=True, exist_ok=True)
    (cfg / "settings.toml").write_text(
        SETTINGS.format(db=(out_dir / "monitor.sqlite").as_posix(), log=(out_dir / "monitor.log").as_posix()),
        encoding="utf-8")
    sources = (DEMO_DIR / "sources.toml").read_text(encoding="utf-8").replace("http://DEMO_HOST", base_url)
    (cfg / "sources.toml").write_text(sources, encoding="utf-8")
    for name in ("issues.toml", "partners.toml"):
        src = PROJECT_ROOT / "config" / name
        if src.is_file():
            shutil.copy(src, cfg / name)
    return cfg


def run_demo(out_dir: Path, *, verbose: int = 0, serve: bool = False, slow_seconds: float = 2.0) -> dict:
    """Run the whole demo; returns figures for tests. Prints a human summary."""
    from monitor.demo.site import serve_demo_site

    out_dir = Path(out_dir)
    marker = out_dir / ".ogi-demo"
    if out_dir.exists() and any(out_dir.iterdir()) and not marker.exists():
        raise click.UsageError(f"{out_dir} exists and was not made by `monitor demo`; choose another --dir")
    if out_dir.exists():
        for name in ("monitor.sqlite", "monitor.sqlite-wal", "monitor.sqlite-shm", "monitor.sqlite.lock",
                     "articles.csv", "digest.html", "digest.txt", "report.html"):
            (out_dir / name).unlink(missing_ok=True)
    out_dir.mkdir(parents=True, exist_ok=True)
    marker.write_text("made by `monitor demo`; the demo may recreate this folder's files\n", encoding="utf-8")
    server, base_url = serve_demo_site(slow_seconds=slow_seconds)
    try:
        cfg = write_demo_config(out_dir, base_url)
        settings = load_settings(cfg / "settings.toml")
        sources = load_sources(cfg / "sources.toml")
        click.echo(f"Demo site: {base_url}  (a local replay of a regional news site)")
        click.echo("Cycle 1: collecting, extracting, tagging, linking partners ...")
        progress = progress_printer(click.get_text_stream("stderr").isatty())
        quiet = DeletedPostIsExpected(base_url)
        pipeline_log = logging.getLogger("monitor.pipeline")
        pipeline_log.addFilter(quiet)
        try:
            first = run_cycle(settings, sources, alert_rules=DEMO_RULES, progress=progress)
            shown = [f for f in first.failures if not is_expected_failure(f, base_url)]
            print_summary(dataclasses.replace(first, failures=shown), settings.db_path)
            explain_expected(first, base_url)
            click.echo("Cycle 2 (incremental: nothing is fetched again unless the site signals an update) ...")
            second = run_cycle(settings, sources, alert_rules=DEMO_RULES)
        finally:
            pipeline_log.removeFilter(quiet)
        c = second.counts
        click.echo(f"  new {c['new']}, updated {c['updated']}, unchanged {c['unchanged']}, failed {c['failed']}")
    finally:
        server.shutdown()
        server.server_close()

    store = Store(settings.db_path)
    rows = store.conn.execute(
        "SELECT a.id, a.title, a.duplicate_of, (SELECT group_concat(issue, ', ') FROM article_issues "
        "WHERE article_id = a.id AND assigned = 1), (SELECT count(*) FROM article_partners WHERE article_id = a.id) "
        "FROM articles a ORDER BY a.id").fetchall()
    click.echo("\nArticles and their issues:")
    for aid, title, dup, issues, npartners in rows:
        mark = f" [copy of #{dup}]" if dup else ""
        click.echo(f"  #{aid:<3} {(title or '')[:70]:70}  {issues or '-'}  ({plural(npartners, 'partner')}){mark}")
    csv_path = out_dir / "articles.csv"
    n = export_csv(str(settings.db_path), str(csv_path), ExportFilter(timezone=settings.timezone))
    messages = preview(store, settings, DEMO_RULES, days=1)
    digest_html, digest_txt = out_dir / "digest.html", out_dir / "digest.txt"
    if messages:
        digest_html.write_text(messages[0].body_html, encoding="utf-8")
        digest_txt.write_text(f"Subject: {messages[0].subject}\n\n{messages[0].body_text}", encoding="utf-8")
    queued = store.conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    span = store.conn.execute("SELECT min(published), max(published) FROM articles "
                              "WHERE published IS NOT NULL").fetchone()
    store.close()
    report_path, report_span = None, None
    if span[0]:
        from monitor.deliver.report import write_report
        from monitor.deliver.trends import local_day
        from monitor.deliver.wording import issue_names

        report_span = (local_day(span[0], settings.tz), local_day(span[1], settings.tz))
        report_path = out_dir / "report.html"
        write_report(settings.db_path, report_path, *report_span, timezone=settings.timezone,
                     issue_names=issue_names(cfg / "issues.toml"))
    db = settings.db_path
    click.echo(f"\nDatabase: {db}")
    click.echo(f"Tagged CSV: {csv_path} ({n} articles)")
    if messages:
        click.echo(f"Digest: {digest_html} and {digest_txt}")
    if report_path:
        click.echo(f"Report: {report_path} (articles published {report_span[0]}..{report_span[1]})")
    click.echo(f"Alert outbox: {queued} message(s) queued (no SMTP server configured in the demo)")
    click.echo("\nNext:")
    click.echo(f"  monitor --db {db} serve                      # browse in Datasette")
    click.echo(f"  monitor --db {db} export -o ntb.csv --issue anti_corruption_budget --excel")
    click.echo(f"  monitor --db {db} alerts preview --days 1    # render alerts without sending")
    if report_span:
        click.echo(f"  monitor --db {db} report --since {report_span[0]} --until {report_span[1]} --region NTB "
                   "-o report.html --csv-dir report-csv")
    click.echo(f"  monitor --db {db} label 3 --issues anti_corruption_budget  # correct a tag (used by `monitor train`)")
    click.echo("  monitor demo --serve                          # the demo again, then Datasette stays open")
    if serve:
        from monitor.deliver.serve import serve_datasette

        serve_datasette(db)
    return {"first": first, "second": second, "csv_rows": n, "db": db, "csv": csv_path,
            "digest": digest_html if messages else None, "report": report_path}
