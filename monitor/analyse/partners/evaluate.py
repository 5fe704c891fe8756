"""Scoring against gold partners: matching predicted to gold organisations, micro
precision/recall/F1, the deterministic dev/held-out split, and gold rows joined to their text."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Sequence

from monitor.models import Partner
from monitor.paths import PROJECT_ROOT

from .text import norm_name

log = logging.getLogger(__package__)

DEFAULT_SPLIT = PROJECT_ROOT / "corpora" / "partners_split.json"


def _norm_acr(s: str | None) -> str:
    return norm_name(s).replace(" ", "")


# Spelling variants of one name: old spelling ("Soebroto"), "Klas"/"Kelas", spacing ("Sumberdaya").
_SPELLING = [(re.compile(r"oe"), "u"), (re.compile(r"\bklas\b"), "kelas"), (re.compile(r"dj"), "j"),
             (re.compile(r"tj"), "c"), (re.compile(r" "), "")]


def spelling_key(name: str | None) -> str:
    """A normalised name with old spelling, "Klas" and spacing folded (same name, other spelling)."""
    s = norm_name(name)
    for pat, rep in _SPELLING:
        s = pat.sub(rep, s)
    return s


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def same_org_other_length(pred: dict, gold: dict) -> bool:
    """The same organisation written at another length or granularity: one normalised name
    contains the other as whole words ("Kejaksaan" / "Kejaksaan Agung", "Dinas Sumber Daya Air" /
    "... Provinsi DKI Jakarta", "Universitas Indonesia" / "Fakultas Kedokteran Universitas
    Indonesia"), or the acronyms do. A diagnostic that tells convention errors from real misses."""
    if orgs_match(pred, gold):
        return True
    pn, gn = norm_name(pred.get("name")), norm_name(gold.get("name"))
    pa, ga = norm_name(pred.get("acronym")), norm_name(gold.get("acronym"))
    for a, b in ((pn, gn), (pa, ga), (pn, ga), (pa, gn)):
        if a and b and (_contains(a, b) or _contains(b, a)) and min(len(a), len(b)) >= 3:
            return True
    return False


def orgs_match(pred: dict, gold: dict) -> bool:
    """Names equal, acronyms equal, or one's acronym is the other's name (all normalised;
    spelling variants of a name are equal)."""
    pn, gn = norm_name(pred.get("name")), norm_name(gold.get("name"))
    pa, ga = _norm_acr(pred.get("acronym")), _norm_acr(gold.get("acronym"))
    if pn and pn == gn:
        return True
    if pn and spelling_key(pn) == spelling_key(gn):
        return True
    if pa and pa == ga:
        return True
    return bool((pa and pa == gn.replace(" ", "")) or (ga and ga == pn.replace(" ", "")))


def match_article(pred: Sequence[dict], gold: Sequence[dict], other_length: bool = False) -> list[tuple[int, int]]:
    """One-to-one greedy matching, exact name matches first; returns (pred index, gold index) pairs.

    ``other_length`` adds a last round that accepts the same organisation at another length
    (``same_org_other_length``)."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    rounds: tuple = (True, False, "length") if other_length else (True, False)
    for strict in rounds:
        for i, p in enumerate(pred):
            if i in used_p:
                continue
            for j, g in enumerate(gold):
                if j in used_g:
                    continue
                if strict == "length":
                    ok = same_org_other_length(p, g)
                else:
                    ok = norm_name(p.get("name")) == norm_name(g.get("name")) if strict else orgs_match(p, g)
                if ok:
                    pairs.append((i, j))
                    used_p.add(i)
                    used_g.add(j)
                    break
    return pairs


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 (rounded to 4 places) with the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def evaluate(gold_rows: Iterable[dict], predict_fn: Callable[[dict], Sequence[dict | Partner]],
             other_length: bool = False) -> dict:
    """Micro P/R/F1 of ``predict_fn(row)`` against each row's gold ``partners``.

    ``predict_fn`` gets the gold row (with whatever the caller put in it, e.g. ``text``) and
    returns Partner objects or dicts with name/acronym. The result also has ``by_type`` (a true
    positive and a miss count under the gold type, a false positive under the predicted type),
    ``other_length`` (the same figures when names at another length are accepted, see
    ``same_org_other_length``) and the per-article errors of the strict matching.
    """
    counts = {"strict": [0, 0, 0], "length": [0, 0, 0]}
    by_type: dict[str, list[int]] = {}
    errors = []
    n = 0
    for row in gold_rows:
        n += 1
        gold = row.get("partners") or []
        pred = [p.public() if isinstance(p, Partner) else p for p in predict_fn(row)]
        for mode in ("strict", "length"):
            pairs = match_article(pred, gold, other_length=mode == "length")
            c = counts[mode]
            c[0] += len(pairs)
            c[1] += len(pred) - len(pairs)
            c[2] += len(gold) - len(pairs)
            if mode == "length":
                continue
            mp = {i for i, _ in pairs}
            mg = {j for _, j in pairs}
            for _, j in pairs:
                by_type.setdefault(gold[j].get("type") or "other", [0, 0, 0])[0] += 1
            for i, p in enumerate(pred):
                if i not in mp:
                    by_type.setdefault(p.get("type") or "other", [0, 0, 0])[1] += 1
            for j, g in enumerate(gold):
                if j not in mg:
                    by_type.setdefault(g.get("type") or "other", [0, 0, 0])[2] += 1
            if len(pairs) < max(len(pred), len(gold)):
                errors.append({"corpus": row.get("corpus"), "id": row.get("id"),
                               "false_positives": [p for i, p in enumerate(pred) if i not in mp],
                               "false_negatives": [g for j, g in enumerate(gold) if j not in mg]})
    return {"articles": n, **prf(*counts["strict"]), "other_length": prf(*counts["length"]),
            "by_type": {t: prf(*c) for t, c in sorted(by_type.items())}, "errors": errors}


def article_hash(corpus: str, ident: str) -> str:
    """sha256 of ``corpus:id`` (hex): the order of every deterministic cut of annotated articles."""
    return hashlib.sha256(f"{corpus}:{ident}".encode("utf-8")).hexdigest()


def split_ids(rows: Iterable[dict], dev_size: int = 150) -> dict[str, list[list[str]]]:
    """Deterministic dev/held-out split: sha256("corpus:id") ascending, the first dev_size are dev."""
    keyed = sorted(rows, key=lambda r: article_hash(r["corpus"], r["id"]))
    return {"dev": [[r["corpus"], r["id"]] for r in keyed[:dev_size]],
            "heldout": [[r["corpus"], r["id"]] for r in keyed[dev_size:]]}


def load_split(path: str | os.PathLike | None = None) -> dict[str, set[tuple[str, str]]]:
    with open(Path(path) if path else DEFAULT_SPLIT, encoding="utf-8") as fh:
        data = json.load(fh)
    return {part: {tuple(k) for k in data[part]} for part in ("dev", "heldout")}


def gold_partner_rows(labels_path: str | os.PathLike, corpus_root: str | os.PathLike | None = None,
                      part: str | None = None, split_path: str | os.PathLike | None = None,
                      corpus: dict | None = None) -> list[dict]:
    """Gold rows with partners, joined to their article text and title (texts stay in memory)."""
    from monitor.analyse.corpus import load_corpus, read_labels

    rows = [r for r in read_labels(labels_path) if "partners" in r]
    if part:
        keep = load_split(split_path)[part]
        rows = [r for r in rows if (r["corpus"], r["id"]) in keep]
    corpus = corpus if corpus is not None else load_corpus(corpus_root)
    out = []
    for r in rows:
        art = corpus.get((r["corpus"], r["id"]))
        if art is None:
            log.warning("gold article %s/%s not in the corpus", r["corpus"], r["id"])
            continue
        out.append({**r, "text": art.text, "title": art.title})
    return out


SHARED_LABELS = Path("labels") / "issues.jsonl"  # inside the corpus directory
EXTRA_SET = PROJECT_ROOT / "corpora" / "partners_extra.jsonl"
ROUND2_SET = PROJECT_ROOT / "corpora" / "partners_round2.jsonl"

# name -> (where the gold comes from, what it is for)
GOLD_SETS = {
    "dev": "shared gold, dev half of corpora/partners_split.json (tuning)",
    "extra": "corpora/partners_extra.jsonl (tuned on; optimistic)",
    "round2_dev": "corpora/partners_round2.jsonl split=dev (tuning, recogniser training)",
    "heldout": "shared gold, held-out half of corpora/partners_split.json (report only)",
    "heldout_regional": "corpora/partners_round2.jsonl split=heldout_regional (report only)",
}


def gold_set(name: str, corpus_root: str | os.PathLike | None = None, corpus: dict | None = None) -> list[dict]:
    """The rows of one named gold set (see ``GOLD_SETS``), joined to their title and text
    (``corpus``: an already loaded ``load_corpus`` result, to load it once for several sets)."""
    from monitor.analyse.corpus import corpus_dir

    if name not in GOLD_SETS:
        raise ValueError(f"unknown gold set {name!r}; one of {', '.join(GOLD_SETS)}")
    root = corpus_dir(corpus_root)
    if name in ("dev", "heldout"):
        return gold_partner_rows(root / SHARED_LABELS, root, part=name, corpus=corpus)
    if name == "extra":
        return gold_partner_rows(EXTRA_SET, root, corpus=corpus)
    split = "dev" if name == "round2_dev" else "heldout_regional"
    rows = gold_partner_rows(ROUND2_SET, root, corpus=corpus)
    return [r for r in rows if r.get("split") == split]
