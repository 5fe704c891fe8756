"""The `monitor` command line: a thin layer over the functions the scheduler also calls.

Exit codes: 0 success, 1 failure of the work itself, 2 bad usage or configuration,
3 another cycle is already running, 130 interrupted.
"""

from __future__ import annotations

import csv
import itertools
import json
import logging
import os
import sys
from pathlib import Path
from typing import IO, Any, Iterator

import click

from monitor import __version__
from monitor.analyse.records import InputError, read_records, sniff_delimiter
from monitor.clock import ClockError
from monitor.config import (
    ISSUE_KEYS,
    ConfigError,
    GazetteerError,
    Settings,
    config_dir,
    load_issues,
    load_settings,
    load_sources,
)
from monitor.console import plural, print_summary, progress_printer
from monitor.store import StoreError

log = logging.getLogger("monitor")

EXIT_FAIL, EXIT_USAGE, EXIT_BUSY, EXIT_INTERRUPTED = 1, 2, 3, 130


def setup_logging(verbose: int, log_file: Path | None = None) -> None:
    level = logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    if log_file:
        from logging.handlers import RotatingFileHandler

        log_file.parent.mkdir(parents=True, exist_ok=True)
        fh = RotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
        fh.setLevel(logging.INFO)
        handlers.append(fh)
    logging.basicConfig(level=min(level, logging.INFO) if log_file else level, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    handlers[0].setLevel(level)


class Ctx:
    def __init__(self, config: str | None, db: str | None, verbose: int):
        if config and not Path(config).is_dir():
            raise click.BadParameter(f"config directory {config} does not exist", param_hint="--config")
        self.config_dir = config_dir(config)
        self.db_override = db
        self.verbose = verbose
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            s = load_settings(self.config_dir / "settings.toml")
            if self.db_override:
                s.db_path = Path(self.db_override)
            self._settings = s
        return self._settings

    def sources(self):
        return load_sources(self.config_dir / "sources.toml")

    def store(self, *, create: bool = False, readonly: bool = False):
        """The database; a missing one is an error unless ``create`` (only cycles create it)."""
        from monitor.store import Store

        return Store(self.settings.db_path, create=create, readonly=readonly)


class OutputFile(click.Path):
    """A file to write: its folder must exist and be writable (checked before any work is done)."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, writable=True)

    def convert(self, value, param, ctx):
        path = Path(super().convert(value, param, ctx))
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            self.fail(f"cannot write {path}: folder {folder} does not exist", param, ctx)
        if not os.access(folder, os.W_OK):
            self.fail(f"cannot write {path}: folder {folder} is not writable", param, ctx)
        return str(path)


def fail(message: str, code: int = EXIT_FAIL) -> None:
    click.secho(f"error: {message}", fg="red", err=True)
    sys.exit(code)


class Group(click.Group):
    """Turns configuration errors into one clear message per problem and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            click.secho("configuration error:", fg="red", err=True)
            for problem in exc.problems:
                click.echo(f"  {problem}", err=True)
            sys.exit(EXIT_USAGE)
        except (StoreError, ClockError, InputError, GazetteerError) as exc:
            fail(str(exc), EXIT_USAGE)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)


@click.group(cls=Group)
@click.version_option(__version__, prog_name="ogi-monitor")
@click.option("--config", "config", type=click.Path(file_okay=False), help="Config directory (default ./config).")
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite database (overrides settings.toml).")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, config: str | None, db: str | None, verbose: int) -> None:
    """ogi-monitor: regional news for Open Government Indonesia, tagged and linked."""
    ctx.obj = Ctx(config, db, verbose)
    setup_logging(verbose)


# ------------------------------------------------------------------ run / schedule / demo

@main.command()
@click.option("--no-alerts", is_flag=True, help="Collect and tag only.")
@click.pass_obj
def run(obj: Ctx, no_alerts: bool) -> None:
    """Run one full cycle: collect, extract, classify, partners, store, alerts."""
    import signal
    import threading

    from monitor.pipeline import CycleRunning, run_cycle

    settings = obj.settings
    setup_logging(obj.verbose, settings.log_file)
    sources = obj.sources()
    stop = threading.Event()
    # SIGTERM (systemd, kill) ends the cycle at the next article, recorded as interrupted.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        result = run_cycle(settings, sources, alerts=not no_alerts, progress=progress_printer(sys.stderr.isatty()),
                           stop=stop)
    except CycleRunning as exc:
        fail(str(exc), EXIT_BUSY)
    print_summary(result, settings.db_path)
    if result.status == "interrupted":
        sys.exit(EXIT_INTERRUPTED)
    if result.status == "failed":
        fail(f"every source failed ({plural(sum(s.enabled for s in sources), 'source')}): nothing was collected; "
             "check the network, then `monitor sources check --probe`")


@main.command()
@click.option("--once-now", is_flag=True, help="Also run one cycle immediately at start.")
@click.pass_obj
def schedule(obj: Ctx, once_now: bool) -> None:
    """Run the daily cycle on a schedule (APScheduler) until SIGTERM/SIGINT."""
    from monitor.deliver.schedule import run_scheduler

    settings = obj.settings
    setup_logging(max(obj.verbose, 1), settings.log_file)
    run_scheduler(settings, obj.config_dir, run_now=once_now)


@main.command()
@click.option("--dir", "out_dir", type=click.Path(file_okay=False), default="demo-output", show_default=True,
              help="Where the demo database, CSV and digest go (recreated).")
@click.option("--serve/--no-serve", default=False, help="Keep the demo site running and browse with Datasette.")
@click.pass_obj
def demo(obj: Ctx, out_dir: str, serve: bool) -> None:
    """Full cycle against a bundled local news site: no network needed."""
    from monitor.demo.run import run_demo

    run_demo(Path(out_dir), verbose=obj.verbose, serve=serve)


# ------------------------------------------------------------------ sources

@main.group()
def sources() -> None:
    """List and check configured news sources."""


@sources.command("list")
@click.pass_obj
def sources_list(obj: Ctx) -> None:
    """Show the configured sources."""
    for s in obj.sources():
        methods = [f"{len(s.feeds)} feed", f"{len(s.sitemaps)} sitemap", f"{len(s.listings)} listing"]
        flag = "" if s.verified else " (unverified)"
        state = "" if s.enabled else " [disabled]"
        click.echo(f"{s.id:24} {s.name} — {s.region} ({s.region_level}), {s.kind}; {', '.join(methods)}{flag}{state}")


@sources.command("check")
@click.option("--probe", is_flag=True, help="Also fetch each source's discovery URLs (needs network).")
@click.pass_obj
def sources_check(obj: Ctx, probe: bool) -> None:
    """Validate the configuration; with --probe, fetch each feed/sitemap/listing once."""
    problems = check_configuration(obj.config_dir)
    if problems:
        click.secho(f"configuration problems in {obj.config_dir}:", fg="red", err=True)
        for problem in problems:
            click.echo(f"  {problem}", err=True)
        sys.exit(EXIT_USAGE)
    settings = obj.settings
    srcs = obj.sources()
    click.echo(f"configuration OK: {obj.config_dir} (settings, {plural(len(srcs), 'source')}, issues, "
               "partners, alerts)")
    if not probe:
        return
    from monitor.collect.discover import discover
    from monitor.collect.fetch import Fetcher
    from monitor.pipeline import fetch_settings

    bad = 0
    with Fetcher(fetch_settings(settings, srcs)) as fetcher:
        for s in srcs:
            for url, kind in [(u, "feed") for u in s.feeds] + [(u, "sitemap") for u in s.sitemaps] + \
                             [(l.url, "listing") for l in s.listings]:
                page = fetcher.fetch(url, kind=kind)
                d = discover(page, kind)
                ok = page.ok and not d.error and d.links
                bad += not ok
                detail = f"{len(d.links)} links" if ok else (page.error or d.error or "no links")
                click.echo(f"{'ok ' if ok else 'BAD'} {s.id} {kind} {url}: {detail}")
    if bad:
        sys.exit(EXIT_FAIL)


def check_configuration(folder: Path) -> list[str]:
    """Load each of the five configuration files the way the cycle does; one line per problem."""
    from monitor.analyse.partners import load_config
    from monitor.deliver.alerts import load_alert_rules, load_smtp

    checks = [("settings.toml", load_settings), ("sources.toml", load_sources), ("issues.toml", load_issues),
              ("partners.toml", load_config), ("alerts.toml", lambda f: (load_alert_rules(f), load_smtp(f)))]
    problems: list[str] = []
    for name, load in checks:
        path = folder / name
        if not path.is_file():
            problems.append(f"{path}: file not found")
            continue
        try:
            load(path)
        except ConfigError as exc:
            problems += exc.problems
        except (OSError, ValueError) as exc:  # GazetteerError is a ValueError
            problems.append(str(exc) if str(path) in str(exc) else f"{path}: {exc}")
    return problems


# ------------------------------------------------------------------ extract

def _html_inputs(paths: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(source label, path-or-URL) for each argument; folders expand to their HTML files."""
    for arg in paths:
        if arg.startswith(("http://", "https://")):
            yield arg, arg
            continue
        p = Path(arg)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in (".html", ".htm", ".xhtml", ".php", ".aspx", ""):
                    yield str(f), str(f)
        else:
            yield arg, arg


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=OutputFile(), help="JSONL file (default stdout).")
@click.option("--source", "source_id", help="Use this configured source's extraction selectors.")
@click.option("--url", "base_url", help="The page URL, for files (resolves relative links).")
@click.option("--allow-local", is_flag=True, help="Allow URLs on loopback/private addresses.")
@click.pass_obj
def extract(obj: Ctx, inputs: tuple[str, ...], output: str | None, source_id: str | None, base_url: str | None,
            allow_local: bool) -> None:
    """Extract articles from HTML files, folders of HTML files, or http(s) URLs as JSON lines.

    Keys: id (the URL or file path, so the output feeds `monitor classify`), source, url, title,
    published, author, text, lang (plus error when a page failed). Files that are not HTML
    (JSON, feeds, plain text) are refused with a reason; no date is ever invented.
    """
    from dataclasses import replace

    from monitor.collect.extract import extract_article
    from monitor.collect.fetch import Fetcher, not_html_reason
    from monitor.pipeline import fetch_settings, rules_for

    rules = None
    if source_id:
        match = [s for s in obj.sources() if s.id == source_id]
        if not match:
            fail(f"no source {source_id!r} in {obj.config_dir / 'sources.toml'}", EXIT_USAGE)
        rules = rules_for(match[0], obj.settings)
    out: IO[str] = open(output, "w", encoding="utf-8") if output else sys.stdout
    fetcher = None
    failures = inputs_seen = refused = 0
    try:
        for label, where in _html_inputs(inputs):
            inputs_seen += 1
            row: dict[str, Any] = {"id": label, "source": label}
            if where.startswith(("http://", "https://")):
                if fetcher is None:
                    fetcher = Fetcher(replace(fetch_settings(obj.settings, []), allow_private=allow_local))
                page = fetcher.fetch(where)
                if not page.ok:
                    failures += 1
                    row.update({"url": where, "error": page.error or f"HTTP {page.status}"})
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    continue
                html, url = page.html, page.final_url or where
            else:
                try:
                    html = Path(where).read_bytes()
                except OSError as exc:
                    failures += 1
                    row.update({"url": None, "error": f"cannot read: {exc.strerror}"})
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    continue
                reason = not_html_reason(html)
                if reason:
                    failures += 1
                    refused += 1
                    row.update({"url": None, "error": f"{where}: {reason}"})
                    click.echo(f"error: {where}: {reason}", err=True)
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    continue
                url = base_url or Path(where).resolve().as_uri()
            a = extract_article(html, url, rules)
            row.update({"url": a.canonical_url or url, "title": a.title, "published": a.published,
                        "author": a.author, "text": a.text, "lang": a.lang})
            if not a.text:
                row["error"] = "no article text found"
                failures += 1
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    finally:
        if fetcher:
            fetcher.close()
        if output:
            out.close()
    if failures:
        log.warning("%s gave no article", plural(failures, "input"))
    if refused and refused == inputs_seen:
        sys.exit(EXIT_USAGE)  # nothing given was an HTML page
    if failures and failures == inputs_seen:
        sys.exit(EXIT_FAIL)  # nothing could be extracted


# ------------------------------------------------------------------ classify / train / evaluate

@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=OutputFile(), help="JSONL output.")
@click.option("--batch-size", default=256, show_default=True)
@click.option("--no-evidence", is_flag=True, help="Skip evidence (faster).")
@click.option("--no-partners", is_flag=True, help="Skip partner extraction.")
@click.pass_obj
def classify(obj: Ctx, input_path: str, output: str, batch_size: int, no_evidence: bool, no_partners: bool) -> None:
    """Tag articles (JSONL or CSV with id, title, text) with issues, scores, partners, evidence."""
    from monitor.analyse.classify import ModelNotFound, classify_records

    records = read_records(input_path)
    head = next(records)  # raises InputError on an empty or unusable file, before the output exists
    gazetteer = obj.config_dir / "partners.toml"
    try:
        stats = classify_records(itertools.chain([head], records), output, model_dir=obj.settings.model_dir,
                                 batch_size=batch_size, evidence=not no_evidence, partners=not no_partners,
                                 gazetteer=gazetteer if gazetteer.is_file() else None)
    except ModelNotFound as exc:
        fail(str(exc))
    click.echo(f"classified {plural(stats['ok'], 'article')}, {plural(stats['errors'], 'bad input line')} "
               f"-> {output}", err=True)


@main.command()
@click.option("--corpus-dir", type=click.Path(file_okay=False), help="Shared corpora (default ../shared/corpora).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Model directory (default models/).")
@click.option("--seed", default=13, show_default=True)
@click.option("--with-db/--without-db", default=True, help="Include analysts' labels from the database.")
@click.pass_obj
def train(obj: Ctx, corpus_dir: str | None, out_dir: str | None, seed: int, with_db: bool) -> None:
    """Train the issue classifier; write models/issue_model.joblib and MODEL_CARD.md."""
    from monitor.analyse.corpus import corpus_dir as resolve_corpus
    from monitor.analyse.train import train as run_training
    from monitor.store import Store

    setup_logging(max(obj.verbose, 1))
    root = resolve_corpus(corpus_dir)
    if not root.is_dir():
        fail(f"corpus directory not found: {root} (use --corpus-dir)", EXIT_USAGE)
    extra = []
    if with_db and obj.settings.db_path.is_file():
        store = Store(obj.settings.db_path)
        extra = store.human_labels()
        store.close()
    out = Path(out_dir) if out_dir else obj.settings.model_dir
    report = run_training(root, out, seed=seed, extra_labels=extra)
    click.echo(f"model {report['version']} -> {report['artifact']}; held-out macro-F1: test "
               f"{report['test']['macro_f1']:.3f}, test2 {report['test2']['macro_f1']:.3f} (see {out / 'MODEL_CARD.md'})")


@main.command()
@click.option("--labels", "labels_path", type=click.Path(exists=True, dir_okay=False),
              help="A JSONL label file (corpus, id, issues); default: the test split of all labels.")
@click.option("--split", type=click.Choice(["train", "dev", "test", "test2", "all"]), default="test",
              show_default=True)
@click.option("--corpus-dir", type=click.Path(file_okay=False))
@click.pass_obj
def evaluate(obj: Ctx, labels_path: str | None, split: str, corpus_dir: str | None) -> None:
    """Print per-issue P/R/F1 and macro/micro F1 of the current model on a labelled set.

    The shipped model is fitted on every label (see models/MODEL_CARD.md for its held-out figures),
    so use --labels with a file of new labels to measure it on articles it has not seen.
    """
    from monitor.analyse.classify import load_model
    from monitor.analyse.corpus import corpus_dir as resolve_corpus
    from monitor.analyse.train import evaluate_model

    model = load_model(obj.settings.model_dir)
    report = evaluate_model(model, resolve_corpus(corpus_dir), labels_path=labels_path, split=split)
    click.echo(f"model {model.version}; {report['n']} articles")
    click.echo(f"{'issue':32} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
    for k in ISSUE_KEYS:
        r = report["per_issue"][k]
        click.echo(f"{k:32} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['support']:8d}")
    click.echo(f"{'macro F1':32} {'':6} {'':6} {report['macro_f1']:6.3f}")
    click.echo(f"{'micro F1':32} {'':6} {'':6} {report['micro_f1']:6.3f}")


@main.command()
@click.option("--all", "retag_all", is_flag=True, help="Also articles already tagged by this model version.")
@click.pass_obj
def retag(obj: Ctx, retag_all: bool) -> None:
    """Re-tag stored articles after a model change."""
    from monitor.analyse.classify import load_model, retag_store

    store = obj.store()
    model = load_model(obj.settings.model_dir)
    n = retag_store(store, model, only_stale=not retag_all, progress=progress_printer(sys.stderr.isatty()))
    click.echo(f"re-tagged {n} articles with {model.version}")


@main.command()
@click.argument("article_id", type=int, required=False)
@click.option("--issues", "issues_csv", help="Comma-separated issue keys ('' for none).")
@click.option("--import", "import_csv", type=click.Path(exists=True, dir_okay=False),
              help="CSV with columns article_id (or id), issues (';' or ',' separated), optional labeller, note.")
@click.option("--labeller", default=os.environ.get("USER", "analyst"))
@click.option("--note", default=None)
@click.pass_obj
def label(obj: Ctx, article_id: int | None, issues_csv: str | None, import_csv: str | None, labeller: str,
          note: str | None) -> None:
    """Record an analyst's issue label for a stored article (used by the next `monitor train`)."""

    store = obj.store()

    def parse(text: str) -> list[str]:
        keys = [k.strip() for k in text.replace(";", ",").split(",") if k.strip()]
        bad = [k for k in keys if k not in ISSUE_KEYS]
        if bad:
            raise click.BadParameter(f"unknown issue {bad}; expected some of {', '.join(ISSUE_KEYS)}")
        return keys

    if import_csv:
        n = errors = 0
        with open(import_csv, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter=sniff_delimiter(Path(import_csv)))
            fields = [f.strip().lower() for f in reader.fieldnames or []]
            if not ({"article_id", "id"} & set(fields)) or "issues" not in fields:
                found = ", ".join(repr(f) for f in reader.fieldnames or []) or "none"
                raise InputError(f"{import_csv}: found columns {found}; need `article_id` (or `id`) and `issues`, "
                                 "optionally `labeller` and `note`")
            reader.fieldnames = fields
            for line, row in enumerate(reader, 2):
                raw_id = (row.get("article_id") or row.get("id") or "").strip()
                if not raw_id.isdigit():
                    errors += 1
                    click.echo(f"{import_csv}:{line}: skipped (article id {raw_id!r} is not a number)", err=True)
                    continue
                try:
                    aid = int(raw_id)
                    store.set_human_label(aid, parse(row.get("issues") or ""), row.get("labeller") or labeller,
                                          row.get("note") or None)
                    n += 1
                except (ValueError, KeyError, click.BadParameter) as exc:
                    errors += 1
                    click.echo(f"{import_csv}:{line}: skipped ({exc})", err=True)
        click.echo(f"recorded {plural(n, 'label')} ({plural(errors, 'row')} skipped)")
        sys.exit(EXIT_FAIL if errors and not n else 0)
    if article_id is None or issues_csv is None:
        raise click.UsageError("give ARTICLE_ID and --issues, or --import FILE.csv")
    try:
        store.set_human_label(article_id, parse(issues_csv), labeller, note)
    except KeyError as exc:
        fail(str(exc).strip("'\""))
    click.echo(f"article {article_id}: labelled {parse(issues_csv) or 'no issue'}")


# ------------------------------------------------------------------ partners

@main.group()
def partners() -> None:
    """Partner organisations: review unknown ones found in stored articles."""


@partners.command("review")
@click.option("--top", default=30, show_default=True)
@click.pass_obj
def partners_review(obj: Ctx, top: int) -> None:
    """The most frequent organisations in stored articles that are not in the gazetteer.

    Prints each with its article count, then as a line ready to paste into the `org = [...]`
    list of config/partners.toml (check the name, type and region first).
    """
    import re
    from collections import Counter

    from monitor.analyse.partners import load_config
    from monitor.analyse.partners.review import infer_region

    store = obj.store()
    rows = store.conn.execute(
        "SELECT p.id, p.name, p.acronym, p.type, count(*) AS n, sum(ap.mentions) AS mentions FROM partners p "
        "JOIN article_partners ap ON ap.partner_id = p.id WHERE p.known = 0 GROUP BY p.id "
        "ORDER BY n DESC, mentions DESC LIMIT ?", (top,)).fetchall()
    if not rows:
        click.echo("no unknown organisations in stored articles")
        return
    gazetteer = obj.config_dir / "partners.toml"
    regions = load_config(gazetteer if gazetteer.is_file() else None).regions
    click.echo("Organisations found in stored articles but not in the gazetteer:")
    proposals = []
    for pid, name, acronym, typ, n, mentions in rows:
        where = Counter({(r, lvl): k for r, lvl, k in store.conn.execute(
            "SELECT s.region, s.region_level, count(*) FROM article_partners ap JOIN articles a ON a.id = ap.article_id "
            "LEFT JOIN sources s ON s.id = a.source_id WHERE ap.partner_id = ? GROUP BY s.region, s.region_level",
            (pid,))})
        region = infer_region(name, where, regions)
        proposals.append((name, acronym, typ, region))
        click.echo(f"  {plural(n, 'article'):>12}, {plural(mentions, 'mention'):>12}  {name}"
                   + (f" ({acronym})" if acronym else "") + f"  [{typ}; {region}]")
    click.echo("\nReady to add to config/partners.toml (inside org = [ ... ]; region from the name or the outlets):")
    for name, acronym, typ, region in proposals:
        key = re.sub(r"[^a-z0-9]+", "_", (acronym or name).lower()).strip("_")[:40]
        click.echo(f'{{ key = "{key}", name = "{name}", acronym = "{acronym or ""}", aliases = [], short = [], '
                   f'type = "{typ}", region = "{region}" }},')


@partners.command("train-recogniser")
@click.option("--output", type=click.Path(file_okay=False), help="Model folder (default models/partners_ner).")
@click.option("--corpus-dir", type=click.Path(file_okay=False), help="Shared corpora (default ../shared/corpora).")
@click.option("--config", "cfg", type=click.Path(dir_okay=False), help="spaCy config (default config/partners_ner.cfg).")
@click.option("--nerp/--no-nerp", default=True, show_default=True, help="Also train on NERP (lowercased; brands).")
@click.pass_obj
def partners_train_recogniser(obj: Ctx, output, corpus_dir, cfg, nerp: bool) -> None:
    """Train the organisation-name recogniser (spaCy NER, CPU): model, card.md and scores.json."""
    from monitor.analyse.partners.ner_train import train_for_cli

    setup_logging(max(obj.verbose, 1))
    code, message = train_for_cli(output, corpus_dir, cfg, nerp, config_dir=obj.config_dir)
    click.echo(message) if code == 0 else fail(message, code)


@partners.command("evaluate")
@click.option("--set", "sets", multiple=True,
              type=click.Choice(["dev", "extra", "round2_dev", "heldout", "heldout_regional"]),
              help="Gold set(s) to score (default: heldout and heldout_regional).")
@click.option("--ablation", is_flag=True, help="Also score with each component and resolver step left out.")
@click.option("--by-type", is_flag=True, help="Print P/R/F1 per organisation type.")
@click.option("--json", "json_out", type=OutputFile(), help="Write every figure (and the errors) as JSON.")
@click.option("--corpus-dir", type=click.Path(file_okay=False), help="Shared corpora (default ../shared/corpora).")
@click.pass_obj
def partners_evaluate(obj: Ctx, sets: tuple[str, ...], ablation: bool, by_type: bool, json_out: str | None,
                      corpus_dir: str | None) -> None:
    """Score partner extraction against the annotated gold sets (docs/partners.md, Evaluation).

    Prints gold, predicted and true-positive counts, precision, recall and F1, and the same with
    names written at another length accepted (a convention difference rather than a miss).
    """
    from monitor.analyse.corpus import corpus_dir as resolve_corpus
    from monitor.analyse.partners.ablation import report_lines, run_evaluation

    root = resolve_corpus(corpus_dir)
    if not root.is_dir():
        fail(f"corpus directory not found: {root} (use --corpus-dir)", EXIT_USAGE)
    sets = sets or ("heldout", "heldout_regional")
    gazetteer = obj.config_dir / "partners.toml"
    gazetteer_path = gazetteer if gazetteer.is_file() else None
    results = run_evaluation(sets, root, gazetteer_path, ablation, progress=lambda m: click.echo(m, err=True))
    for line in report_lines(results, sets, by_type, gazetteer_path):
        click.echo(line)
    if json_out:
        Path(json_out).write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        click.echo(f"\nwrote {json_out}")


# ------------------------------------------------------------------ export / serve

@main.command()
@click.option("-o", "--output", required=True, type=OutputFile())
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Local date (inclusive).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Local date (inclusive).")
@click.option("--issue", "issues", multiple=True, type=click.Choice(list(ISSUE_KEYS)))
@click.option("--partner", "partners_", multiple=True,
              help="Whole words of a partner's name or acronym (FITRA finds FITRA NTB); repeat for any of several.")
@click.option("--source", "sources_", multiple=True)
@click.option("--region", "regions", multiple=True,
              help="Region name or short form from partners.toml (NTB, Lotim, KLU...); repeat for any of several.")
@click.option("--min-score", type=click.FloatRange(0, 1))
@click.option("--query", help="Full-text search words (all required).")
@click.option("--no-duplicates", is_flag=True, help="Leave out syndicated copies.")
@click.option("--excel", is_flag=True, help="UTF-8 with BOM and CRLF, for Excel.")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]),
              help="File format (default: xlsx when -o ends in .xlsx, else csv).")
@click.option("--delimiter", type=click.Choice([",", ";"]), help="CSV column separator (default ,).")
@click.option("--decimal", type=click.Choice([".", ","]), help="CSV decimal mark of the scores (default .).")
@click.pass_obj
def export(obj: Ctx, output: str, since, until, issues, partners_, sources_, regions, min_score, query,
           no_duplicates, excel, fmt, delimiter, decimal) -> None:
    """Export tagged articles to CSV or Excel .xlsx (streamed; formula-like cells neutralised).

    For Excel with Indonesian settings write .xlsx, or a CSV with --delimiter ';' --decimal ','.
    """
    from monitor.deliver.export import (
        ExportFilter,
        export_csv,
        export_format,
        export_xlsx,
        resolve_regions,
        stored_regions,
    )

    s = obj.settings
    obj.store(readonly=True).close()  # a missing or non-SQLite file: one line, exit 2
    try:
        fmt = export_format(output, fmt)
        if fmt == "xlsx" and (excel or delimiter or decimal):
            raise ValueError("--excel, --delimiter and --decimal are CSV options; an .xlsx file needs none")
        if regions:
            store = obj.store(readonly=True)
            try:
                regions = resolve_regions(regions, stored_regions(store.conn), obj.config_dir / "partners.toml")
            finally:
                store.close()
        names = {i.key: i.name_id for i in load_issues(obj.config_dir / "issues.toml")}
        f = ExportFilter(since=since.date() if since else None, until=until.date() if until else None,
                         issues=issues, partners=partners_, sources=sources_, regions=regions, min_score=min_score,
                         query=query, include_duplicates=not no_duplicates, timezone=s.timezone, issue_names=names)
        if fmt == "xlsx":
            n = export_xlsx(str(s.db_path), output, f)
        else:
            n = export_csv(str(s.db_path), output, f, excel=excel, delimiter=delimiter or ",",
                           decimal=decimal or ".")
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    click.echo(f"exported {plural(n, 'article')} -> {output}")


@main.command()
@click.option("--since", required=True, type=click.DateTime(["%Y-%m-%d"]), help="First publication date (local).")
@click.option("--until", required=True, type=click.DateTime(["%Y-%m-%d"]), help="Last publication date (inclusive).")
@click.option("--region", "regions", multiple=True,
              help="Region name or short form from partners.toml (NTB, Lotim, KLU...); repeat for any of several.")
@click.option("--issue", "issues", multiple=True, type=click.Choice(list(ISSUE_KEYS)),
              help="Only this issue; repeat for several (default: all six).")
@click.option("-o", "--output", required=True, type=OutputFile(), help="The HTML file to write.")
@click.option("--csv-dir", type=click.Path(file_okay=False), help="Also write the report's tables as CSV files here.")
@click.option("--delimiter", type=click.Choice([",", ";"]), default=",", help="CSV column separator (default ,).")
@click.option("--decimal", type=click.Choice([".", ","]), default=".", help="CSV decimal mark (default .).")
@click.pass_obj
def report(obj: Ctx, since, until, regions, issues, output, csv_dir, delimiter, decimal) -> None:
    """A self-contained HTML report in Indonesian: weekly volume per issue, regions, organisations,
    spikes and the strongest articles, for articles published SINCE..UNTIL (see docs/reports.md)."""
    from monitor.deliver.export import resolve_regions, stored_regions
    from monitor.deliver.report import write_report

    s = obj.settings
    store = obj.store(readonly=True)  # a missing or non-SQLite file: one line, exit 2
    try:
        if regions:
            regions = resolve_regions(regions, stored_regions(store.conn), obj.config_dir / "partners.toml")
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    finally:
        store.close()
    names = {i.key: i.name_id for i in load_issues(obj.config_dir / "issues.toml")}
    try:
        r = write_report(s.db_path, output, since.date(), until.date(), issues=issues, regions=regions,
                         timezone=s.timezone, issue_names=names, csv_dir=csv_dir, delimiter=delimiter,
                         decimal=decimal)
    except ValueError as exc:
        fail(str(exc), EXIT_USAGE)
    except OSError as exc:
        fail(f"cannot write the report: {exc}")
    click.echo(f"report of {plural(r.total, 'article')} ({since:%Y-%m-%d}..{until:%Y-%m-%d}) -> {output}")
    if csv_dir:
        click.echo(f"tables as CSV -> {csv_dir}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8001, show_default=True)
@click.pass_obj
def serve(obj: Ctx, host: str, port: int) -> None:
    """Browse the database with Datasette (read-only, with facets and canned queries).

    Ctrl-C (or SIGTERM) stops Datasette and removes its temporary files.
    """
    from monitor.deliver.serve import ServeError, serve_datasette

    obj.store(readonly=True).close()  # a missing or non-SQLite file: one line, exit 2
    try:
        code = serve_datasette(obj.settings.db_path, host=host, port=port, config_dir=obj.config_dir)
    except ServeError as exc:
        fail(str(exc), EXIT_USAGE)
    if code:
        fail(f"Datasette exited with status {code}")
    click.echo("Datasette stopped", err=True)


# ------------------------------------------------------------------ alerts

@main.group()
def alerts() -> None:
    """Email alerts and digests (rules in config/alerts.toml)."""


@alerts.command("preview")
@click.option("--rule", "rule_name", help="Only this rule.")
@click.option("--html", "html_out", type=OutputFile(),
              help="Also write the HTML (charts included, opens offline) to this file.")
@click.option("--days", default=7, show_default=True,
              help="Digests of the articles collected in the last this many days.")
@click.pass_obj
def alerts_preview(obj: Ctx, rule_name: str | None, html_out: str | None, days: int) -> None:
    """Render the messages the rules would send now, without sending or queueing them."""
    from monitor.deliver.alerts import load_alert_rules, preview

    rules = load_alert_rules(obj.config_dir / "alerts.toml")
    if rule_name:
        rules = [r for r in rules if r.name == rule_name]
        if not rules:
            fail(f"no alert rule {rule_name!r}", EXIT_USAGE)
    store = obj.store()
    messages = preview(store, obj.settings, rules, days=days)
    if not messages:
        click.echo("nothing to send")
    for m in messages:
        click.echo(f"--- {m.rule} -> {', '.join(m.recipients)}\nSubject: {m.subject}\n\n{m.body_text}\n")
    if html_out and messages:
        Path(html_out).write_text("\n<hr>\n".join(m.body_html for m in messages), encoding="utf-8")
        click.echo(f"HTML written to {html_out}")


@alerts.command("send")
@click.pass_obj
def alerts_send(obj: Ctx) -> None:
    """Queue due alerts and send the outbox now (also done at the end of every cycle)."""
    from monitor.deliver.alerts import process_alerts
    from monitor.pipeline import CycleRunning, cycle_lock

    try:
        with cycle_lock(obj.settings.db_path):  # never alongside a cycle's own sending
            store = obj.store()
            stats = process_alerts(store, obj.settings, config_path=obj.config_dir / "alerts.toml")
    except CycleRunning as exc:
        fail(f"{exc}; it sends the alerts itself", EXIT_BUSY)
    click.echo(", ".join(f"{k} {v}" for k, v in stats.items()) or "nothing to do")


if __name__ == "__main__":  # pragma: no cover
    main()
