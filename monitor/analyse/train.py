"""Train, compare and evaluate issue classifiers; write the artifact and its model card.

Procedure (reproducible with ``seed``):
1. Labels: the shared labels, ours in ``corpora/labels/``, and analysts' corrections from SQLite.
2. Splits by source and time (``corpora/splits.toml``).
3. Candidates are fitted on train, their thresholds tuned on dev; the best dev macro-F1 wins.
   Features: stem uni+bigram TF-IDF (:mod:`monitor.analyse.features`), the issue-lexicon counts with
   terms that the training labels contradict left out, optionally LSA dimensions folded back
   into the n-gram weights. Every article is analysed once (one tokenising/stemming pass).
4. The winner is refitted on train + dev; per-issue thresholds come from 5-fold out-of-fold
   predictions on train + dev; it is evaluated once on test; the artifact and card are written.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

from monitor import clock
from monitor.analyse.classify import IssueModel, file_hash
from monitor.analyse.corpus import CorpusArticle, load_corpus, read_labels
from monitor.analyse.features import (
    Analysed,
    Lexicon,
    analyse,
    clean_input,
    passthrough,
    term_key,
)
from monitor.config import ISSUE_KEYS, load_issues
from monitor.paths import PROJECT_ROOT

log = logging.getLogger(__name__)

SHARED_LABELS = "labels/issues.jsonl"  # inside the corpus directory
OUR_LABELS = PROJECT_ROOT / "corpora" / "labels"
SPLITS_FILE = PROJECT_ROOT / "corpora" / "splits.toml"


@dataclass
class Example:
    key: tuple[str, str]
    doc: str
    issues: set[str]
    split: str = "train"
    source: str = ""
    origin: str = ""  # which label file


# ------------------------------------------------------------------ data

def label_files(corpus_root: Path) -> list[Path]:
    files = [corpus_root / SHARED_LABELS]
    files += [Path(p) for p in sorted(glob.glob(str(OUR_LABELS / "batch_*.jsonl")))]
    return [f for f in files if f.is_file()]


def assign_split(art: CorpusArticle, rules: dict) -> str:
    for split in ("test", "dev"):
        r = rules.get(split, {})
        if art.corpus == "indosum_dev" and art.source.lower() in {s.lower() for s in r.get("indosum_sources", [])}:
            return split
        if art.corpus in r.get("corpora", []):
            return split
        if art.corpus == "detik2026" and r.get("detik_from") and (art.date or "") >= r["detik_from"]:
            return split
    return "train"


def load_examples(corpus_root: Path, extra: Sequence[dict] = ()) -> list[Example]:
    """All labelled examples with their split. ``extra``: analysts' labels from SQLite."""
    corpus = load_corpus(corpus_root)
    rules = tomllib.loads(SPLITS_FILE.read_text(encoding="utf-8"))
    labels: dict[tuple[str, str], tuple[set[str], str]] = {}
    for path in label_files(corpus_root):
        for row in read_labels(path):
            bad = set(row["issues"]) - set(ISSUE_KEYS)
            if bad:
                raise ValueError(f"{path}: {row['corpus']}/{row['id']}: unknown issue keys {sorted(bad)}")
            labels[(row["corpus"], row["id"])] = (set(row["issues"]), path.name)
    out = []
    for key, (issues, origin) in labels.items():
        art = corpus.get(key)
        if art is None:
            log.warning("label for unknown article %s/%s skipped", *key)
            continue
        out.append(Example(key, clean_input(art.title, art.text), issues, assign_split(art, rules),
                           art.source, origin))
    for row in extra:
        out.append(Example(("store", str(row["article_id"])), clean_input(row["title"], row["text"]),
                           set(row["issues"]), "train", row.get("source") or "", "human_labels"))
    return out


def unlabelled_docs(corpus_root: Path, labelled: set[tuple[str, str]], limit: int = 6000) -> list[str]:
    return [clean_input(a.title, a.text) for k, a in load_corpus(corpus_root).items()
            if k not in labelled and len(a.text) > 200][:limit]


def matrix(examples: Sequence[Example], issues: Sequence[str]) -> np.ndarray:
    return np.array([[k in e.issues for k in issues] for e in examples], dtype=int)


# ------------------------------------------------------------------ metrics

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


# ------------------------------------------------------------------ candidates

@dataclass
class Candidate:
    name: str
    description: str
    lexicon_weight: float = 0.0
    learner: str = "lr"  # lr | svm
    C: float = 4.0
    self_training: bool = False
    # Lexicon terms found in at least `prune_min_docs` training articles of which fewer than
    # `lexicon_prune` carry the term's issue are left out of the prior features (the labels of
    # the training fold only): "wartawan" (reporters, in every "kata dia kepada wartawan")
    # is not evidence of civic space.
    lexicon_prune: float = 0.0
    prune_min_docs: int = 5
    # Latent semantic features: the TF-IDF vector projected on the top `lsa` singular vectors
    # of labelled + unlabelled articles. A projection is linear, so the fitted weights fold
    # back into one coefficient per n-gram (the model stays linear and evidence still works).
    lsa: int = 0
    lsa_scale: float = 1.0
    params: dict = field(default_factory=dict)  # TfidfVectorizer settings


CANDIDATES = [
    Candidate("tfidf_lr", "stemmed uni+bigram TF-IDF, logistic regression per issue (baseline)"),
    Candidate("tfidf_lex_svm", "TF-IDF + issue-lexicon prior features (all config terms), linear SVM with "
              "Platt scaling from 3-fold decision values", lexicon_weight=1.0, learner="svm", C=1.0),
    Candidate("tfidf_lexprune_svm", "as tfidf_lex_svm, lexicon terms with train precision < 0.1 (>= 5 articles) "
              "left out", lexicon_weight=1.0, learner="svm", C=1.0, lexicon_prune=0.1),
    Candidate("tfidf_lexprune_lsa_svm", "as tfidf_lexprune_svm plus 100 LSA dimensions (folded into the "
              "n-gram weights)", lexicon_weight=1.0, learner="svm", C=1.0, lexicon_prune=0.1, lsa=100),
]

VECTORIZER_DEFAULTS = dict(min_df=2, max_df=0.5, sublinear_tf=True, max_features=60000)


def make_vectorizer(params: dict | None = None) -> TfidfVectorizer:
    """TF-IDF over documents given as lists of stem n-grams (:func:`monitor.analyse.features.analyse`)."""
    return TfidfVectorizer(analyzer=passthrough, dtype=np.float32, **{**VECTORIZER_DEFAULTS, **(params or {})})


def prune_lexicon(terms: dict[str, list[str]], docs: Sequence[Analysed], y: np.ndarray, issues: Sequence[str],
                  min_precision: float, min_docs: int = 5) -> tuple[dict[str, list[str]], list[dict]]:
    """Leave out lexicon terms that the training labels contradict (see Candidate.lexicon_prune)."""
    lex = Lexicon(terms)
    docs_with: dict[tuple, set[int]] = {}
    for n, a in enumerate(docs):
        for _, key, _ in lex.matches(a.every, a.lights):
            docs_with.setdefault(key, set()).add(n)
    kept: dict[str, list[str]] = {}
    dropped = []
    for j, issue in enumerate(issues):
        kept[issue] = []
        for term in terms.get(issue, []):
            rows = sorted(docs_with.get(term_key(term), ()))
            precision = float(y[rows, j].mean()) if rows else 1.0
            if len(rows) >= min_docs and precision < min_precision:
                dropped.append({"issue": issue, "term": term, "articles": len(rows), "precision": round(precision, 3)})
            else:
                kept[issue].append(term)
    return kept, dropped


def _fit_binary(X, y, cand: Candidate, seed: int, weights=None) -> tuple[np.ndarray, float]:
    """One issue: (coef, intercept) of a model whose sigmoid is the probability."""
    if cand.learner == "svm":
        svm = LinearSVC(C=cand.C, class_weight="balanced", random_state=seed, max_iter=5000)
        # Platt scaling on out-of-fold decision values keeps the model linear:
        # p = sigmoid(a * (w.x + b) + c) = sigmoid((a w).x + (a b + c)).
        dec = np.zeros(X.shape[0])
        for tr, te in KFold(3, shuffle=True, random_state=seed).split(X):
            m = LinearSVC(C=cand.C, class_weight="balanced", random_state=seed, max_iter=5000)
            m.fit(X[tr], y[tr], sample_weight=None if weights is None else weights[tr])
            dec[te] = m.decision_function(X[te])
        platt = LogisticRegression(C=100.0).fit(dec.reshape(-1, 1), y)
        svm.fit(X, y, sample_weight=weights)
        a, c = platt.coef_[0, 0], platt.intercept_[0]
        return a * svm.coef_[0], a * svm.intercept_[0] + c
    lr = LogisticRegression(C=cand.C, class_weight="balanced", max_iter=3000, solver="liblinear",
                            random_state=seed)
    lr.fit(X, y, sample_weight=weights)
    return lr.coef_[0], float(lr.intercept_[0])


def fit_model(docs: Sequence[Analysed], y: np.ndarray, cand: Candidate, lexicon_terms: dict[str, list[str]],
              seed: int, unlabelled: Sequence[Analysed] = (), thresholds: dict[str, float] | None = None) -> IssueModel:
    """Fit one candidate on analysed documents (:func:`monitor.analyse.features.analyse`)."""
    issues = list(ISSUE_KEYS)
    vec = make_vectorizer(cand.params)
    vec.fit([a.grams for a in docs] + [a.grams for a in unlabelled])  # IDF from labelled + unlabelled text
    vec.stop_words_ = None  # the pruned-terms set is large and unused at prediction time
    terms = {k: list(v) for k, v in lexicon_terms.items()}
    dropped: list[dict] = []
    if cand.lexicon_weight and cand.lexicon_prune:
        terms, dropped = prune_lexicon(terms, docs, y, issues, cand.lexicon_prune, cand.prune_min_docs)
    lex = Lexicon(terms)
    n_vocab = len(vec.vocabulary_)
    proj = None
    if cand.lsa:
        unl_X = vec.transform([a.grams for a in unlabelled]) if len(unlabelled) else None
        base_X = vec.transform([a.grams for a in docs])
        fit_X = sparse.vstack([base_X, unl_X]) if unl_X is not None else base_X
        proj = TruncatedSVD(cand.lsa, random_state=seed).fit(fit_X).components_.T.astype(np.float32) * cand.lsa_scale

    def feats(ds: Sequence[Analysed]) -> sparse.csr_matrix:
        X = vec.transform([a.grams for a in ds])
        L = lex.counts(ds) * cand.lexicon_weight if cand.lexicon_weight else np.zeros((X.shape[0], len(issues)))
        blocks = [X, sparse.csr_matrix(L.astype(np.float32))]
        if proj is not None:
            blocks.append(sparse.csr_matrix(np.asarray(X @ proj)))
        return sparse.hstack(blocks, format="csr")

    def fit_all(X, Y, weights=None) -> tuple[np.ndarray, np.ndarray]:
        coefs, inters = [], []
        for j in range(len(issues)):
            c, b = _fit_binary(X, Y[:, j], cand, seed, weights)
            coefs.append(c)
            inters.append(b)
        W = np.vstack(coefs)
        if proj is not None:  # fold the LSA weights back into the n-gram weights
            W = np.hstack([W[:, :n_vocab] + W[:, n_vocab + len(issues):] @ proj.T, W[:, n_vocab:n_vocab + len(issues)]])
        return W.astype(np.float32), np.asarray(inters, dtype=np.float32)

    X = feats(docs)
    coef, inter = fit_all(X, y)
    model = IssueModel(issues, vec, terms, cand.lexicon_weight, coef, inter, thresholds or {k: 0.5 for k in issues})
    model.meta["lexicon_dropped"] = dropped
    if cand.self_training and len(unlabelled):
        # One round: confident predictions on unlabelled articles join as half-weight examples.
        P = _sigmoid(model.decision(model.features((), unlabelled)))
        confident = ((P > 0.9) | (P < 0.05)).all(axis=1)
        Xu = feats([a for a, ok in zip(unlabelled, confident) if ok])
        yu = (P[confident] > 0.5).astype(int)
        X2 = sparse.vstack([X, Xu], format="csr")
        w = np.concatenate([np.ones(X.shape[0]), np.full(Xu.shape[0], 0.5)])
        model.set_weights(*fit_all(X2, np.vstack([y, yu]), w))
        model.meta["self_training_added"] = int(confident.sum())
    return model


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def predict(model: IssueModel, docs: Sequence[Analysed]) -> np.ndarray:
    """Probabilities for analysed documents (what :meth:`IssueModel.predict_proba` gives for texts)."""
    return _sigmoid(model.decision(model.features((), docs)))


# ------------------------------------------------------------------ the whole procedure

def train(corpus_root: Path, out_dir: Path, seed: int = 13, extra_labels: Sequence[dict] = (),
          candidates: Sequence[Candidate] = CANDIDATES, progress: Callable[[str], None] = log.info) -> dict:
    """Run the selection and final fit; write the artifact and MODEL_CARD.md. Returns the report."""
    np.random.seed(seed)
    issues = list(ISSUE_KEYS)
    lexicon_terms = {i.key: i.lexicon for i in load_issues()}
    examples = load_examples(corpus_root, extra_labels)
    by = {s: [e for e in examples if e.split == s] for s in ("train", "dev", "test")}
    progress(f"{len(examples)} labelled examples: " + ", ".join(f"{s} {len(v)}" for s, v in by.items()))
    labelled = {e.key for e in examples}
    unl = [analyse(d) for d in unlabelled_docs(corpus_root, labelled)]
    Y = {s: matrix(v, issues) for s, v in by.items()}
    docs = {s: [analyse(e.doc) for e in v] for s, v in by.items()}  # one analysis pass per article

    comparison = []
    for cand in candidates:
        progress(f"candidate {cand.name}")
        m = fit_model(docs["train"], Y["train"], cand, lexicon_terms, seed, unlabelled=unl)
        p_dev = predict(m, docs["dev"])
        th = tune_thresholds(Y["dev"], p_dev, issues)
        dev = prf(Y["dev"], apply_thresholds(p_dev, th, issues), issues)
        test = prf(Y["test"], apply_thresholds(predict(m, docs["test"]), th, issues), issues)
        comparison.append({"name": cand.name, "description": cand.description, "dev": dev, "test": test,
                           "thresholds": th})
        progress(f"  dev macro-F1 {dev['macro_f1']:.3f}  test macro-F1 {test['macro_f1']:.3f}")
    best = max(comparison, key=lambda r: r["dev"]["macro_f1"])
    cand = next(c for c in candidates if c.name == best["name"])
    progress(f"selected {cand.name}; refitting on train + dev")

    full_docs = docs["train"] + docs["dev"]
    full_y = np.vstack([Y["train"], Y["dev"]])
    oof = np.zeros(full_y.shape)
    for tr, te in KFold(5, shuffle=True, random_state=seed).split(full_docs):
        m = fit_model([full_docs[i] for i in tr], full_y[tr], cand, lexicon_terms, seed, unlabelled=unl)
        oof[te] = predict(m, [full_docs[i] for i in te])
    thresholds = tune_thresholds(full_y, oof, issues)
    final = fit_model(full_docs, full_y, cand, lexicon_terms, seed, unlabelled=unl, thresholds=thresholds)
    p_test = predict(final, docs["test"])
    test_report = prf(Y["test"], apply_thresholds(p_test, thresholds, issues), issues)
    oof_report = prf(full_y, apply_thresholds(oof, thresholds, issues), issues)

    # The version changes with the labels, the lexicon or the candidate's settings (re-tagging
    # stored articles keys on it).
    label_digest = hashlib.sha256(json.dumps([sorted((e.key, sorted(e.issues)) for e in examples),
                                              final.lexicon_terms, repr(cand)]).encode())
    final.version = f"{cand.name}-{label_digest.hexdigest()[:8]}-s{seed}"
    final.meta.update({"trained": clock.now_iso(),
                       "candidate": cand.name, "seed": seed,
                       "n_examples": {s: len(v) for s, v in by.items()}})
    path = final.save(out_dir)
    report = {"version": final.version, "artifact": str(path), "artifact_sha256": file_hash(path),
              "artifact_bytes": path.stat().st_size, "comparison": comparison, "selected": cand.name,
              "thresholds": thresholds, "test": test_report, "cv_train_dev": oof_report,
              "splits": {s: {"n": len(v), "positives": {k: int(Y[s][:, j].sum()) for j, k in enumerate(issues)},
                             "sources": _top_sources(v)} for s, v in by.items()},
              "label_files": [p.name for p in label_files(corpus_root)] + (["human_labels"] if extra_labels else []),
              "unlabelled_used": len(unl), "seed": seed,
              "lexicon_dropped": final.meta.get("lexicon_dropped", [])}
    (out_dir / "training_report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    write_model_card(out_dir / "MODEL_CARD.md", report)
    return report


def _top_sources(examples: Sequence[Example]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in examples:
        name = f"{e.key[0]}:{e.source.lower()}"
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1])[:12])


def _table(report: dict, issues: Sequence[str]) -> str:
    lines = ["| issue | precision | recall | F1 | support |", "|---|---|---|---|---|"]
    for k in issues:
        r = report["per_issue"][k]
        lines.append(f"| {k} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['support']} |")
    lines.append(f"| **macro F1** | | | **{report['macro_f1']:.3f}** | |")
    lines.append(f"| **micro F1** | | | **{report['micro_f1']:.3f}** | |")
    return "\n".join(lines)


def write_model_card(path: Path, report: dict) -> None:
    issues = list(ISSUE_KEYS)
    rows = ["| candidate | description | dev macro-F1 | dev micro-F1 | test macro-F1 (train-only fit) |",
            "|---|---|---|---|---|"]
    for c in report["comparison"]:
        rows.append(f"| {c['name']} | {c['description']} | {c['dev']['macro_f1']:.3f} | {c['dev']['micro_f1']:.3f} "
                    f"| {c['test']['macro_f1']:.3f} |")
    short = {"anti_corruption_budget": "acb", "civic_space_democracy": "civic", "inclusive_public_services": "ips",
             "access_to_justice": "atj", "gender_disability_inclusion": "gdi", "energy_environment_resources": "eer"}
    per_rows = ["| candidate | " + " | ".join(short.get(k, k) for k in issues) + " |",
                "|---|" + "---|" * len(issues)]
    for c in report["comparison"]:
        per_rows.append(f"| {c['name']} | " + " | ".join(f"{c['dev']['per_issue'][k]['f1']:.2f}" for k in issues) + " |")
    dropped = report.get("lexicon_dropped") or []
    dropped_text = ("; ".join(f"{d['issue']}: \"{d['term']}\" ({d['articles']} articles, precision {d['precision']:.2f})"
                              for d in dropped) or "none")
    splits = "\n".join(f"- **{s}**: {v['n']} articles; positives {v['positives']}; top sources {v['sources']}"
                       for s, v in report["splits"].items())
    card = f"""# Model card: OGI issue classifier

Version `{report['version']}` · artifact `{Path(report['artifact']).name}` ({report['artifact_bytes']:,} bytes,
sha256 `{report['artifact_sha256'][:16]}…`) · seed {report['seed']} · written by `monitor train`.

## Task
Multi-label tagging of Indonesian news articles with the six issues of Open Government Indonesia,
as defined in the annotation codebook (`../shared/annotation/CODEBOOK.md`, section 1).

## Data
Label files: {', '.join(report['label_files'])}. Texts are read from the shared corpora.
Splits by source and time (`corpora/splits.toml`): the test split holds outlets and a period
never used for training or tuning.

{splits}

{report['unlabelled_used']} unlabelled shared articles contribute to the TF-IDF vocabulary and IDF and to
the LSA dimensions (their texts only: no label or prediction of theirs is used).

## Candidates (fitted on train, thresholds tuned on dev, selected by dev macro-F1)
{chr(10).join(rows)}

Selected: **{report['selected']}**. The test column is shown for information only; it played no
part in the choice (each candidate's test figure uses its train-only fit and dev thresholds).

Dev F1 per issue (thresholds tuned on dev):

{chr(10).join(per_rows)}

## Final model
Refitted on train + dev. Per-issue thresholds from 5-fold out-of-fold predictions on train + dev:
{json.dumps(report['thresholds'])}

The model is linear: every score is `sigmoid(w . x + b)` over the TF-IDF n-grams and the six
lexicon counts (LSA weights, where used, are folded back into the n-gram weights), so evidence
is the n-grams and sentences with the largest contributions. Lexicon terms left out by the
training labels of the final fit (config/issues.toml, `lexicon_prune`): {dropped_text}.

### Held-out test split (outlets and period never seen in training)
{_table(report['test'], issues)}

### 5-fold cross-validation on train + dev (out-of-fold)
{_table(report['cv_train_dev'], issues)}

## Intended use and limits
Triage for analysts: every tag carries its probability and the sentences and terms behind it.
The training news is national (2016-2018, 2023, 2026); regional NTB outlets are not in the
labelled data, so expect lower recall on local vocabulary until analysts' corrections
(`monitor label`) are fed back with `monitor train`. Texts shorter than 25 words, and texts that
are not Indonesian (fewer than 10% Indonesian function words), get no issue and zero scores.
Access to justice and gender/disability have the fewest labelled examples (143 and 152
positives in all splits): their scores are the least reliable. See docs/classifier.md.
"""
    path.write_text(card, encoding="utf-8")


def evaluate_model(model: IssueModel, corpus_root: Path, *, labels_path: str | None = None,
                   split: str = "test") -> dict:
    """P/R/F1 of ``model`` on a label file, or on one split of all the labels."""
    issues = list(model.issues)
    if labels_path:
        corpus = load_corpus(corpus_root)
        rows = [r for r in read_labels(labels_path) if (r["corpus"], r["id"]) in corpus]
        docs = [clean_input(corpus[(r["corpus"], r["id"])].title, corpus[(r["corpus"], r["id"])].text) for r in rows]
        y = np.array([[k in r["issues"] for k in issues] for r in rows], dtype=int)
    else:
        examples = [e for e in load_examples(corpus_root) if split == "all" or e.split == split]
        docs = [e.doc for e in examples]
        y = matrix(examples, issues)
    probs = model.predict_proba(docs)
    return prf(y, apply_thresholds(probs, model.thresholds, issues), issues)
