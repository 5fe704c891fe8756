"""Scoring extraction against gold: token F1 of the body, title and date agreement.

One place for the metrics and the gold-page loader, so that tests and
``bench/bench_extract.py`` score extraction the same way.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str | None) -> list[str]:
    """Lower-cased word tokens (letters/digits runs); punctuation and spacing are ignored."""
    return _TOKEN.findall((text or "").lower())


@dataclass(frozen=True)
class F1:
    """Bag-of-tokens precision, recall and F1 of a candidate against a reference."""

    precision: float
    recall: float
    f1: float


def token_prf(candidate: str | None, reference: str | None) -> F1:
    """Precision/recall/F1 over token multisets (the usual extraction-benchmark metric).

    Two empty texts score 1.0; one empty text scores 0.0.
    """
    cand, ref = Counter(tokens(candidate)), Counter(tokens(reference))
    if not cand and not ref:
        return F1(1.0, 1.0, 1.0)
    overlap = sum((cand & ref).values())
    if not overlap:
        return F1(0.0, 0.0, 0.0)
    p = overlap / sum(cand.values())
    r = overlap / sum(ref.values())
    return F1(p, r, 2 * p * r / (p + r))


def token_f1(candidate: str | None, reference: str | None) -> float:
    """The F1 of :func:`token_prf`."""
    return token_prf(candidate, reference).f1


def normalize_title(title: str | None) -> str:
    """A title reduced to its lower-cased word tokens, for "exact-ish" comparison."""
    return " ".join(tokens(title))


# ------------------------------------------------------------------ gold pages (tests, bench)


@dataclass(frozen=True)
class GoldPage:
    """A saved article page with what a correct extraction gives.

    ``path`` is relative to the fixtures' ``html`` folder; ``date`` is epoch milliseconds,
    ISO 8601 with time, or a bare ISO date (day precision); ``title``/``text`` are None where
    the gold has no such field.
    """

    name: str
    path: str
    url: str
    title: str | None
    date: str | None
    text: str | None


def load_gold_pages(html_dir: str | os.PathLike[str]) -> list[GoldPage]:
    """The article pages of ``shared/fixtures/html`` with gold: anpandu, fundus, htmldate."""
    root = Path(html_dir)
    pages: list[GoldPage] = []
    anpandu = root / "anpandu" / "gold_from_tests.json"
    if anpandu.exists():
        for rel, gold in json.loads(anpandu.read_text(encoding="utf-8")).items():
            if "content" not in gold:
                continue  # front pages and feeds: no article gold
            pages.append(
                GoldPage(Path(rel).name, f"anpandu/{rel}", gold["url"], gold["title"], str(gold["date"]), gold["content"])
            )
    for gold_file in sorted((root / "fundus").glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))["V1"]
        stem = gold_file.name[: -len(".gold.json")]
        meta = json.loads((root / "fundus" / f"{stem}.meta.info").read_text(encoding="utf-8"))
        body = "\n".join(p for s in gold["body"]["sections"] for p in s["paragraphs"])
        url = next(iter(meta.values()))["url"]
        pages.append(GoldPage(f"{stem}.html", f"fundus/{stem}.html", url, gold["title"], gold["publishing_date"], body))
    dates = root / "htmldate" / "gold_dates.json"
    if dates.exists():
        for url, gold in json.loads(dates.read_text(encoding="utf-8")).items():
            pages.append(GoldPage(gold["file"], f"htmldate/{gold['file']}", url, None, gold["date"], None))
    return pages


def _gold_datetime(value: str) -> datetime | None:
    if value.isdigit():
        return datetime.fromtimestamp(int(value) / 1000, timezone.utc)
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def date_matches(found: str | datetime | None, gold: str | int | None) -> bool:
    """Does an extracted publication time agree with the gold one?

    Gold with a time (epoch ms or ISO with offset) must be within a minute of ``found``
    (so a wrong UTC offset fails); a gold bare date must equal ``found``'s own local date.
    """
    if not found or not gold:
        return False
    gold = str(gold)
    if isinstance(found, str):
        try:
            found = datetime.fromisoformat(found)
        except ValueError:
            return False
    expected = _gold_datetime(gold)
    if expected is None:
        return False
    if len(gold) == 10 and not gold.isdigit():  # "2023-11-02": day precision
        return found.date() == expected.date()
    if found.tzinfo is None or expected.tzinfo is None:
        return False
    return abs((found - expected).total_seconds()) < 60


def title_matches(found: str | None, gold: str | None) -> bool:
    """Titles equal after lower-casing and dropping punctuation ("exact-ish")."""
    return bool(found) and bool(gold) and normalize_title(found) == normalize_title(gold)
