"""MODEL_CARD.md for the issue classifier, written by `monitor train` from its report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from monitor.config import ISSUE_KEYS

SHORT = {"anti_corruption_budget": "acb", "civic_space_democracy": "civic", "inclusive_public_services": "ips",
         "access_to_justice": "atj", "gender_disability_inclusion": "gdi", "energy_environment_resources": "eer"}


def _interval(report: dict) -> str:
    b = report.get("bootstrap_macro_f1")
    return f" (95% bootstrap interval {b['low']:.3f}-{b['high']:.3f})" if b else ""


def _table(report: dict, issues: Sequence[str]) -> str:
    lines = ["| issue | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for k in issues:
        r = report["per_issue"][k]
        lines.append(f"| {k} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['support']} |")
    lines.append(f"| **macro F1** | | | **{report['macro_f1']:.3f}**{_interval(report)} | {report['n']} articles |")
    lines.append(f"| **micro F1** | | | **{report['micro_f1']:.3f}** | |")
    return "\n".join(lines)


def _f1_row(name: str, report: dict, issues: Sequence[str]) -> str:
    """F1 per issue with the number of positives in brackets (an F1 over 2 positives says little)."""
    cells = [f"{report['per_issue'][k]['f1']:.2f} ({report['per_issue'][k]['support']})" for k in issues]
    return f"| {name} | {report['n']} | " + " | ".join(cells) + f" | {report['macro_f1']:.3f}{_interval(report)} |"


def _targets(report: dict, issues: Sequence[str]) -> str:
    lines = []
    for split in ("test", "test2"):
        r = report[split]
        low = [k for k in issues if r["per_issue"][k]["f1"] < 0.70]
        met = r["macro_f1"] >= 0.80 and not low
        lines.append(f"- {split}: macro-F1 {r['macro_f1']:.3f}{_interval(r)}; issues under 0.70: "
                     f"{', '.join(low) or 'none'} -> target (>= 0.80, none < 0.70) **{'met' if met else 'not met'}**")
    return "\n".join(lines)


def write_model_card(path: Path, report: dict) -> None:
    issues = list(ISSUE_KEYS)
    head = "| candidate | description | dev macro-F1 | test macro-F1 | test2 macro-F1 |"
    rows = [head, "|---|---|---|---|---|"]
    for c in report["comparison"]:
        rows.append(f"| {c['name']} | {c['description']} | {c['dev']['macro_f1']:.3f} | {c['test']['macro_f1']:.3f} "
                    f"| {c['test2']['macro_f1']:.3f} |")
    per_rows = ["| candidate | " + " | ".join(SHORT.get(k, k) for k in issues) + " |", "|---|" + "---|" * len(issues)]
    for c in report["comparison"]:
        per_rows.append(f"| {c['name']} | " + " | ".join(f"{c['dev']['per_issue'][k]['f1']:.2f}" for k in issues) + " |")
    regional_rows = ["| set | articles | " + " | ".join(f"{SHORT[k]} F1 (positives)" for k in issues) + " | macro F1 |",
                     "|---|---|" + "---|" * len(issues) + "---|"]
    for name, rep in (("test, regional articles", report["test"].get("regional")),
                      ("test2, regional desks", report["test2"].get("regional")),
                      ("all labels, out-of-fold, regional", report["cv_all_labels"].get("regional"))):
        if rep:
            regional_rows.append(_f1_row(name, rep, issues))
    curve = report.get("learning_curve") or []
    curve_rows = ["| training labels | test macro-F1 | test2 macro-F1 |", "|---|---|---|"] + [
        f"| {p['labels']:,} | {p['test']:.3f} | {p['test2']:.3f} |" for p in curve]
    dropped = report.get("lexicon_dropped") or []
    dropped_text = ("; ".join(f"{d['issue']}: \"{d['term']}\" ({d['articles']} articles, precision {d['precision']:.2f})"
                              for d in dropped) or "none")
    splits = "\n".join(f"- **{s}**: {v['n']} articles ({v['regional']} regional); positives {v['positives']}; "
                       f"top sources {v['sources']}" for s, v in report["splits"].items())
    card = f"""# Model card: OGI issue classifier

Version `{report['version']}` · artifact `{Path(report['artifact']).name}` ({report['artifact_bytes']:,} bytes,
sha256 `{report['artifact_sha256'][:16]}…`) · seed {report['seed']} · written by `monitor train`.

## Task
Multi-label tagging of Indonesian news articles with the six issues of Open Government Indonesia,
as defined in the annotation codebook (`../shared/annotation/CODEBOOK.md`, section 1).

## Data
Label files: {', '.join(report['label_files'])}. Texts are read from the shared corpora; how each
batch was chosen is in `corpora/README.md`, label consistency in `docs/label_audit.md`.
Splits (`corpora/splits.toml`): **test** holds outlets and periods never used for training or
tuning; **test2** is a uniform random sample of the clickid2019 news and regional desks, drawn
before any model saw it; dev is for selection and thresholds only.

{splits}

Regional articles: clickid2019's regional desks (Kompas Regional, Sindonews Daerah, Tribunnews
Regional, Okezone's provincial desks...) and the Ciletuh set (small West Java outlets).
{report['unlabelled_used']} unlabelled shared articles contribute to the TF-IDF vocabulary and IDF and to
the LSA dimensions (their texts only).

## Candidates (fitted on train, thresholds tuned on dev, selected by dev macro-F1)
{chr(10).join(rows)}

Selected: **{report['selected']}**. The test columns are for information only; they played no part
in the choice (each candidate's figure uses its train-only fit and dev thresholds).

Dev F1 per issue (thresholds tuned on dev):

{chr(10).join(per_rows)}

## Held-out figures
The selected candidate refitted on train + dev; per-issue thresholds from 5-fold out-of-fold
predictions on train + dev whose folds never split an outlet (so a threshold has to hold on
outlets it was not tuned on): {json.dumps(report['selection_thresholds'])}.

### Test (outlets and periods never seen in training)
{_table(report['test'], issues)}

### Test2 (random sample of clickid2019 news and regional desks)
{_table(report['test2'], issues)}

### Regional text
{chr(10).join(regional_rows)}

### Against the targets (macro-F1 >= 0.80 on both test sets, no issue under 0.70)
{_targets(report, issues)}

### Learning curve (random subsets of train + dev; thresholds from 3-fold out-of-fold predictions)
{chr(10).join(curve_rows) if curve else "not run"}

## The shipped model
Fitted on **every label** (train + dev + test + test2). Its per-issue thresholds come from 5-fold
out-of-fold predictions over all labels, folds grouped by outlet: {json.dumps(report['thresholds'])}.
Its own figures can only be out-of-fold (no label is left to test it on):

{_table(report['cv_all_labels'], issues)}

The model is linear: every score is `sigmoid(w . x + b)` over the TF-IDF n-grams and the six
lexicon counts (LSA weights and the LR half of an ensemble are folded into the same weights), so
evidence is the n-grams and sentences with the largest contributions. Lexicon terms left out by
the training labels of the final fit (config/issues.toml, `lexicon_prune`): {dropped_text}.

## Intended use and limits
Triage for analysts: every tag carries its probability and the sentences and terms behind it.
The labelled news is national and regional Indonesian news of 2016-2019, 2023 and 2026; NTB
outlets are not in the labels, so expect lower recall on local vocabulary until analysts'
corrections (`monitor label`) are fed back with `monitor train`. The 2019 clickid texts lost the
words of in-article links (names, often): the model learns topics, not those names. Texts that
are too short or not Indonesian get no issue and zero scores. See docs/classifier.md.
"""
    path.write_text(card, encoding="utf-8")
