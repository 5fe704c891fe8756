"""What a cycle shows on the terminal: progress bars per stage and the run summary.

Shared by the command line and the demo, so that neither imports the other.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click


def progress_printer(enabled: bool):
    """A tqdm bar per stage on a terminal; nothing otherwise."""
    from tqdm import tqdm

    bars: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if not enabled:
            return
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=stage, unit="src" if stage == "discover" else "page",
                                     leave=False, file=sys.stderr)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def print_summary(result, db_path: Path) -> None:
    c = result.counts
    click.echo(f"run {result.run_id} {result.status}: discovered {c['discovered']}, fetched {c['fetched']}, "
               f"new {c['new']}, updated {c['updated']}, duplicate {c['duplicate']}, unchanged {c['unchanged']}, "
               f"not articles {c['skipped']}, failed {c['failed']}, blocked by robots {c['robots_blocked']}")
    for source, counts in sorted(result.per_source.items()):
        click.echo(f"  {source}: new {counts['new']}, duplicate {counts['duplicate']}, failed {counts['failed']}")
    if result.per_issue:
        click.echo("  new articles per issue: " + ", ".join(f"{k} {v}" for k, v in sorted(result.per_issue.items())))
    for problem in [f"{k}: {v}" for k, v in result.health.items() if v != "ok"]:
        click.secho(f"  source health: {problem}", fg="yellow")
    for f in result.failures[:15]:
        click.echo(f"  failed: {f['url']}: {f['reason']}")
    if len(result.failures) > 15:
        click.echo(f"  ... {len(result.failures) - 15} more failures (table fetch_log / runs in {db_path})")
    if result.alerts:
        click.echo("  alerts: " + ", ".join(f"{k} {v}" for k, v in result.alerts.items()))


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """'1 article', '2 articles' (English messages of the command line)."""
    return f"{n:,} {noun if n == 1 else plural_form or noun + 's'}"
