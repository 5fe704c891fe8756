"""Scores of multi-label issue tagging: per-issue P/R/F1, thresholds, bootstrap intervals."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np


def prf(y_true: np.ndarray, y_pred: np.ndarray, issues: Sequence[str]) -> dict[str, Any]:
    """Per-issue precision/recall/F1 and support, plus macro and micro F1."""
    per = {}
    tp_all = fp_all = fn_all = 0
    for j, k in enumerate(issues):
        t, p = y_true[:, j].astype(bool), y_pred[:, j].astype(bool)
        tp, fp, fn = int((t & p).sum()), int((~t & p).sum()), int((t & ~p).sum())
        tp_all, fp_all, fn_all = tp_all + tp, fp_all + fp, fn_all + fn
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[k] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": int(t.sum())}
    micro_p = tp_all / (tp_all + fp_all) if tp_all + fp_all else 0.0
    micro_r = tp_all / (tp_all + fn_all) if tp_all + fn_all else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    macro = float(np.mean([per[k]["f1"] for k in issues]))
    return {"per_issue": per, "macro_f1": round(macro, 3), "micro_f1": round(micro, 3), "n": int(len(y_true))}


def tune_thresholds(y: np.ndarray, probs: np.ndarray, issues: Sequence[str]) -> dict[str, float]:
    """Per issue, the threshold maximising F1 (ties go to the one nearest 0.5)."""
    grid = np.round(np.arange(0.10, 0.91, 0.025), 3)
    out = {}
    for j, k in enumerate(issues):
        best = (-1.0, 0.0, 0.5)
        for t in grid:
            p = probs[:, j] >= t
            tp = int((p & (y[:, j] == 1)).sum())
            f1 = 2 * tp / (p.sum() + y[:, j].sum()) if p.sum() + y[:, j].sum() else 0.0
            cand = (round(f1, 4), -abs(t - 0.5), float(t))
            if cand > best:
                best = cand
        out[k] = best[2]
    return out


def apply_thresholds(probs: np.ndarray, thresholds: dict[str, float], issues: Sequence[str]) -> np.ndarray:
    return np.column_stack([probs[:, j] >= thresholds[k] for j, k in enumerate(issues)]).astype(int)



def bootstrap_macro_f1(y: np.ndarray, pred: np.ndarray, issues: Sequence[str], *, rounds: int = 1000,
                       seed: int = 0) -> dict[str, float]:
    """95% percentile interval of macro-F1 over articles resampled with replacement."""
    rng = np.random.default_rng(seed)
    n = len(y)
    scores = []
    for _ in range(rounds):
        rows = rng.integers(0, n, n)
        scores.append(prf(y[rows], pred[rows], issues)["macro_f1"])
    lo, hi = np.percentile(scores, [2.5, 97.5])
    return {"low": round(float(lo), 3), "high": round(float(hi), 3), "rounds": rounds}
