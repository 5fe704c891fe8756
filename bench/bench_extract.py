#!/usr/bin/env python
"""Benchmark: our ``extract_article`` against plain trafilatura on the shared gold pages.

    python bench/bench_extract.py [--html-dir ../shared/fixtures/html] [--rounds 5] [--per-page]

For each extractor, on the same in-memory page bytes: body token F1 against the gold text
(pages with body gold), title accuracy (exact after lower-casing and dropping punctuation),
date accuracy at day level (both extractors; gold read in WIB, the outlets' zone) and, for
ours, at the minute with the right UTC offset (trafilatura returns no time), and speed in
pages per second (best of ``--rounds`` full passes, after a warm-up pass).

trafilatura runs with its default settings, twice: ``bare_extraction(html, url=url,
with_metadata=True)`` (metadata on, so that titles and dates can be compared: the same job as
ours) and ``extract(html, url=url)`` (text only).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
import warnings
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from monitor.collect.extract import ExtractionRules, extract_article  # noqa: E402
from monitor.collect.extract.evaluate import (  # noqa: E402
    GoldPage,
    date_matches,
    load_gold_pages,
    title_matches,
    token_f1,
)

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 2, 1, tzinfo=timezone.utc)  # after the newest page: fixed, not the clock
RULES = ExtractionRules(default_tz="Asia/Jakarta")  # per-source config: Jakarta outlets


@dataclass
class Result:
    title: str | None
    date: str | None
    text: str


def ours(html: bytes, url: str) -> Result:
    art = extract_article(html, url, RULES, now=NOW)
    return Result(art.title, art.published, art.text)


def plain_trafilatura(html: bytes, url: str) -> Result:
    from trafilatura import bare_extraction

    doc = bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Result(None, None, "")
    return Result(doc.title, doc.date, doc.text or "")


def trafilatura_text_only(html: bytes, url: str) -> Result:
    from trafilatura import extract

    return Result(None, None, extract(html, url=url) or "")


def gold_day(gold: str) -> date | None:
    if gold.isdigit():
        return datetime.fromtimestamp(int(gold) / 1000, WIB).date()
    try:
        parsed = datetime.fromisoformat(gold)
    except ValueError:
        return None
    return parsed.astimezone(WIB).date() if parsed.tzinfo else parsed.date()


def same_day(found: str | None, gold: str | None) -> bool:
    """The found date's calendar day (in its own zone, or as given) is the gold day in WIB."""
    if not found or not gold:
        return False
    try:
        return datetime.fromisoformat(found).date() == gold_day(gold)
    except ValueError:
        return False


def run(name: str, fn: Callable[[bytes, str], Result], pages: list[tuple[GoldPage, bytes]], rounds: int) -> dict:
    for page, html in pages:  # warm-up: imports, caches
        fn(html, page.url)
    best = float("inf")
    results: list[Result] = []
    for _ in range(rounds):
        start = time.perf_counter()
        results = [fn(html, page.url) for page, html in pages]
        best = min(best, time.perf_counter() - start)
    f1 = {p.name: token_f1(r.text, p.text) for (p, _h), r in zip(pages, results) if p.text is not None}
    titled = [(p, r) for (p, _h), r in zip(pages, results) if p.title]
    dated = [(p, r) for (p, _h), r in zip(pages, results) if p.date]
    return {
        "name": name,
        "f1": f1,
        "mean_f1": statistics.mean(f1.values()),
        "title_acc": sum(title_matches(r.title, p.title) for p, r in titled) / len(titled),
        "day_acc": sum(same_day(r.date, p.date) for p, r in dated) / len(dated),
        "time_acc": sum(date_matches(r.date, p.date) for p, r in dated) / len(dated),
        "pps": len(pages) / best,
        "n": len(pages),
        "n_f1": len(f1),
        "n_title": len(titled),
        "n_date": len(dated),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--html-dir", type=Path, default=ROOT.parent / "shared" / "fixtures" / "html")
    parser.add_argument("--rounds", type=int, default=5, help="timed passes; the fastest counts")
    parser.add_argument("--per-page", action="store_true", help="print each page's body F1")
    args = parser.parse_args(argv)

    logging.basicConfig(level=logging.ERROR)
    warnings.filterwarnings("ignore")
    if not args.html_dir.is_dir():
        print(f"no gold pages: {args.html_dir} is absent", file=sys.stderr)
        return 2
    gold = load_gold_pages(args.html_dir)
    pages = [(p, (args.html_dir / p.path).read_bytes()) for p in gold]

    mine = run("ours (monitor.collect.extract)", ours, pages, args.rounds)
    theirs = run("trafilatura bare_extraction", plain_trafilatura, pages, args.rounds)
    text_only = run("trafilatura extract", trafilatura_text_only, pages, args.rounds)

    if args.per_page:
        print(f"{'page':34s} {'ours':>6s} {'traf':>6s}")
        for name in mine["f1"]:
            print(f"{name:34s} {mine['f1'][name]:6.3f} {theirs['f1'][name]:6.3f}")
        print()
    print(
        f"{len(pages)} pages from {args.html_dir} ({mine['n_f1']} with body gold, {mine['n_title']} with title, "
        f"{mine['n_date']} with date); speed = best of {args.rounds} passes"
    )
    header = f"{'extractor':28s} {'body F1':>8s} {'title':>7s} {'date/day':>9s} {'date/min+tz':>12s} {'pages/s':>8s}"
    print(header)
    for r in (mine, theirs, text_only):
        meta = "      -         -            -" if r is text_only else (
            f"{r['title_acc']:7.1%} {r['day_acc']:9.1%} {r['time_acc']:12.1%}"
        )
        print(f"{r['name']:28s} {r['mean_f1']:8.3f} {meta} {r['pps']:8.1f}")
    for r in (theirs, text_only):
        print(
            f"ratios ours / {r['name']}: F1 {mine['mean_f1'] / r['mean_f1']:.3f}, "
            f"speed {mine['pps'] / r['pps']:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
