"""Scoring against gold partners: matching predicted to gold organisations, micro
precision/recall/F1, the deterministic dev/held-out split, and gold rows joined to their text."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Callable, Iterable, Sequence

from monitor.models import Partner
from monitor.paths import PROJECT_ROOT

from .text import norm_name

log = logging.getLogger(__package__)

DEFAULT_SPLIT = PROJECT_ROOT / "corpora" / "partners_split.json"


def _norm_acr(s: str | None) -> str:
    return norm_name(s).replace(" ", "")


def orgs_match(pred: dict, gold: dict) -> bool:
    """Names equal, acronyms equal, or one's acronym is the other's name (all normalised)."""
    pn, gn = norm_name(pred.get("name")), norm_name(gold.get("name"))
    pa, ga = _norm_acr(pred.get("acronym")), _norm_acr(gold.get("acronym"))
    if pn and pn == gn:
        return True
    if pa and pa == ga:
        return True
    return bool((pa and pa == gn.replace(" ", "")) or (ga and ga == pn.replace(" ", "")))


def match_article(pred: Sequence[dict], gold: Sequence[dict]) -> list[tuple[int, int]]:
    """One-to-one greedy matching, exact name matches first; returns (pred index, gold index) pairs."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for strict in (True, False):
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            for j, g in enumerate(gold):
                if j in used_g:
                    continue
                ok = norm_name(p.get("name")) == norm_name(g.get("name")) if strict else orgs_match(p, g)
                if ok:
                    pairs.append((i, j))
                    used_p.add(i)
                    used_g.add(j)
                    break
    return pairs


def evaluate(gold_rows: Iterable[dict], predict_fn: Callable[[dict], Sequence[dict | Partner]]) -> dict:
    """Micro P/R/F1 of ``predict_fn(row)`` against each row's gold ``partners``.

    ``predict_fn`` gets the gold row (with whatever the caller put in it, e.g. ``text``) and
    returns Partner objects or dicts with name/acronym. The result also lists per-article errors.
    """
    tp = fp = fn = 0
    errors = []
    n = 0
    for row in gold_rows:
        n += 1
        gold = row.get("partners") or []
        pred = [p.public() if isinstance(p, Partner) else p for p in predict_fn(row)]
        pairs = match_article(pred, gold)
        tp += len(pairs)
        fp += len(pred) - len(pairs)
        fn += len(gold) - len(pairs)
        mp = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        if len(pairs) < max(len(pred), len(gold)):
            errors.append({"corpus": row.get("corpus"), "id": row.get("id"),
                           "false_positives": [p for i, p in enumerate(pred) if i not in mp],
                           "false_negatives": [g for j, g in enumerate(gold) if j not in mg]})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"articles": n, "tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4), "errors": errors}


def split_ids(rows: Iterable[dict], dev_size: int = 150) -> dict[str, list[list[str]]]:
    """Deterministic dev/held-out split: sha256("corpus:id") ascending, the first dev_size are dev."""
    keyed = sorted(rows, key=lambda r: hashlib.sha256(f"{r['corpus']}:{r['id']}".encode()).hexdigest())
    return {"dev": [[r["corpus"], r["id"]] for r in keyed[:dev_size]],
            "heldout": [[r["corpus"], r["id"]] for r in keyed[dev_size:]]}


def load_split(path: str | os.PathLike | None = None) -> dict[str, set[tuple[str, str]]]:
    with open(Path(path) if path else DEFAULT_SPLIT, encoding="utf-8") as fh:
        data = json.load(fh)
    return {part: {tuple(k) for k in data[part]} for part in ("dev", "heldout")}


def gold_partner_rows(labels_path: str | os.PathLike, corpus_root: str | os.PathLike | None = None,
                      part: str | None = None, split_path: str | os.PathLike | None = None) -> list[dict]:
    """Gold rows with partners, joined to their article text and title (texts stay in memory)."""
    from monitor.analyse.corpus import load_corpus, read_labels

    rows = [r for r in read_labels(labels_path) if "partners" in r]
    if part:
        keep = load_split(split_path)[part]
        rows = [r for r in rows if (r["corpus"], r["id"]) in keep]
    corpus = load_corpus(corpus_root)
    out = []
    for r in rows:
        art = corpus.get((r["corpus"], r["id"]))
        if art is None:
            log.warning("gold article %s/%s not in the corpus", r["corpus"], r["id"])
            continue
        out.append({**r, "text": art.text, "title": art.title})
    return out
