"""Scoring the partner extractor on the named gold sets, whole or with parts switched off.

``load_gold_sets`` reads gold sets (``evaluate.GOLD_SETS``) once; ``score_sets`` runs one
extractor configuration over them and returns, per set, the strict figures, the figures with names at another length accepted, per
organisation type, and the time spent. ``ABLATIONS`` lists the configurations of the ablation
table in docs/partners.md: each candidate source and resolver step left out in turn.
"""

from __future__ import annotations

import os
import time
from typing import Callable, Iterable, Sequence

from .evaluate import evaluate, gold_set
from .extractor import PartnerExtractor
from .gazetteer import load_config

# name -> (what to disable, PartnerExtractor(disable=...); whether to add the trained recogniser).
# "full" is the default pipeline; the recogniser is off by default (it did not add F1, see
# docs/partners.md), so its row adds it instead of taking it away.
ABLATIONS: dict[str, tuple[tuple[str, ...], bool]] = {
    "full (default)": ((), False),
    "+ recogniser": ((), True),
    "- context (article region)": (("context",), False),
    "- named units and clubs": (("named",), False),
    "- rules (open names)": (("rules",), False),
    "- rules: open heads": (("rules.heads",), False),
    "- rules: English names": (("rules.english_names",), False),
    "- rules: numbered commands": (("rules.coded_units",), False),
    "- rules: national teams": (("rules.national_teams",), False),
    "- rules: foreign bodies": (("rules.foreign_bodies",), False),
    "- rules: definitions": (("rules.definitions",), False),
    "- rules: sub-units": (("rules.subunits",), False),
    "- units (regional bodies)": (("units", "context"), False),
    "- resolver: parents": (("resolver.parents",), False),
    "- resolver: title sub-units": (("resolver.title_subunits",), False),
    "- resolver: local acronyms": (("resolver.local_acronyms",), False),
    "- resolver: definitions": (("resolver.definitions",), False),
    "- resolver: sources": (("resolver.sources",), False),
    "gazetteer only": (("units", "context", "named", "rules"), False),
}


def load_gold_sets(sets: Iterable[str], corpus_dir: str | os.PathLike | None = None) -> dict[str, list[dict]]:
    """The rows of each named gold set joined to their texts, the corpus read once."""
    from monitor.analyse.corpus import load_corpus

    corpus = load_corpus(corpus_dir)
    return {name: gold_set(name, corpus_dir, corpus) for name in sets}


def score_sets(gold: dict[str, list[dict]], disable: Iterable[str] = (),
               gazetteer_path: str | os.PathLike | None = None,
               recogniser: str | os.PathLike | bool | None = None) -> dict[str, dict]:
    """Evaluate one configuration on each gold set ({name: rows}, see ``load_gold_sets``):
    {name: evaluate() result + seconds, gold and predicted counts}."""
    ex = PartnerExtractor(gazetteer_path, disable=tuple(disable), recogniser=recogniser)
    out = {}
    for name, rows in gold.items():
        t0 = time.perf_counter()
        preds = ex.extract_many([(r["text"], r["title"]) for r in rows])
        seconds = time.perf_counter() - t0
        by_id = {id(r): p for r, p in zip(rows, preds, strict=True)}
        res = evaluate(rows, lambda r, found=by_id: found[id(r)], other_length=True)
        res["seconds"] = round(seconds, 2)
        res["gold"] = res["tp"] + res["fn"]
        res["predicted"] = res["tp"] + res["fp"]
        out[name] = res
    return out


def run_evaluation(sets: Sequence[str], corpus_dir: str | os.PathLike | None = None,
                   gazetteer_path: str | os.PathLike | None = None, ablation: bool = False,
                   progress: Callable[[str], None] | None = None) -> dict[str, dict[str, dict]]:
    """{configuration: {set: result}} for the default pipeline, or every row of ``ABLATIONS``
    (the recogniser's row only when models/partners_ner holds a model)."""
    from .ner import DEFAULT_MODEL_DIR

    gold = load_gold_sets(sets, corpus_dir)
    variants = dict(ABLATIONS) if ablation else {"full (default)": ((), None)}
    if ablation and not (DEFAULT_MODEL_DIR / "meta.json").is_file():
        if progress:
            progress(f"no recogniser in {DEFAULT_MODEL_DIR}: its row is left out")
        variants.pop("+ recogniser")
    results = {}
    for n, (label, (off, recogniser)) in enumerate(variants.items(), 1):
        if progress and ablation:
            progress(f"[{n}/{len(variants)}] {label}")
        results[label] = score_sets(gold, off, gazetteer_path, recogniser)
    return results


def format_row(label: str, res: dict) -> str:
    """One line of the evaluation table: counts, strict P/R/F1 and F1 with other lengths accepted."""
    ol = res["other_length"]
    return (f"{label:<30} {res['articles']:>5} {res['gold']:>5} {res['predicted']:>5} {res['tp']:>5} "
            f"{res['precision']:>6.3f} {res['recall']:>6.3f} {res['f1']:>6.3f}   "
            f"{ol['precision']:>6.3f} {ol['recall']:>6.3f} {ol['f1']:>6.3f}")


TABLE_HEADER = (f"{'':<30} {'arts':>5} {'gold':>5} {'pred':>5} {'TP':>5} {'P':>6} {'R':>6} {'F1':>6}   "
                f"{'P~':>6} {'R~':>6} {'F1~':>6}   (~ names at another length accepted)")


def error_kinds(res: dict, known_names: set[str]) -> dict[str, dict[str, int]]:
    """Sort the errors of an ``evaluate`` result into kinds, counted per organisation type:

    - ``other_length``: a prediction and a gold organisation that are the same body written at
      another length or granularity (one false positive and one miss, a naming convention);
    - ``missed_known`` / ``missed_unknown``: gold organisations not found, whose name the
      gazetteer lists / does not list (the long tail);
    - ``spurious``: predictions with no gold counterpart at any length.
    """
    from .evaluate import match_article
    from .text import norm_name

    kinds: dict[str, dict[str, int]] = {k: {} for k in ("other_length", "missed_known", "missed_unknown", "spurious")}

    def add(kind: str, typ: str | None) -> None:
        kinds[kind][typ or "other"] = kinds[kind].get(typ or "other", 0) + 1

    for e in res["errors"]:
        fp, fn = e["false_positives"], e["false_negatives"]
        pairs = match_article(fp, fn, other_length=True)
        for _, j in pairs:
            add("other_length", fn[j].get("type"))
        used_p = {i for i, _ in pairs}
        used_g = {j for _, j in pairs}
        for j, g in enumerate(fn):
            if j not in used_g:
                known = norm_name(g.get("name")) in known_names
                add("missed_known" if known else "missed_unknown", g.get("type"))
        for i, p in enumerate(fp):
            if i not in used_p:
                add("spurious", p.get("type"))
    return kinds


def report_lines(results: dict[str, dict], sets: Iterable[str], by_type: bool,
                 gazetteer_path: str | os.PathLike | None = None) -> list[str]:
    """The printed report of ``monitor partners evaluate``: per set, one table row per
    configuration, then (``by_type``) the default pipeline's errors by kind and its per-type figures."""
    known_names = set(load_config(gazetteer_path).by_form)
    lines = []
    for name in sets:
        lines += ["", name, TABLE_HEADER]
        lines += [format_row(label, res[name]) for label, res in results.items()]
        if not by_type:
            continue
        full = next(iter(results.values()))[name]
        lines.append("  errors of the default pipeline by kind and type:")
        for kind, per_type in error_kinds(full, known_names).items():
            detail = ", ".join(f"{t} {n}" for t, n in sorted(per_type.items(), key=lambda kv: -kv[1]))
            lines.append(f"    {kind:<15} {sum(per_type.values()):>4}  ({detail})")
        lines.append("  by type (default pipeline):")
        for typ, r in full["by_type"].items():
            lines.append(f"    {typ:<16} TP {r['tp']:>4} FP {r['fp']:>4} FN {r['fn']:>4}  "
                         f"P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
    return lines
