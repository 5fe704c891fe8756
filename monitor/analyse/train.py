"""Train, compare and evaluate issue classifiers; write the artifact and its model card.

Procedure (reproducible with ``seed``):
1. Labels: the shared labels, ours in ``corpora/labels/``, and analysts' corrections from SQLite.
2. Splits by source and time (``corpora/splits.toml``): train, dev, test (outlets and periods
   never trained on) and test2 (a random sample of the clickid2019 news desks drawn before any
   model saw it).
3. Candidates are fitted on train, their thresholds tuned on dev; the best dev macro-F1 wins.
   Features: stem uni+bigram TF-IDF (:mod:`monitor.analyse.features`), the issue-lexicon counts with
   terms that the training labels contradict left out, optionally LSA dimensions folded back
   into the n-gram weights; learners: logistic regression, a Platt-scaled linear SVM, or the
   average of both (logits averaged, so the model stays linear and keeps its evidence).
4. Held-out figures: the winner is refitted on train + dev with per-issue thresholds from
   out-of-fold predictions grouped by outlet (folds never split an outlet, so a threshold must
   hold on outlets it was not tuned on); it is evaluated once on test and test2, with bootstrap
   intervals and the regional articles reported apart.
5. The shipped model is fitted on every label (train + dev + test + test2), its thresholds from
   outlet-grouped out-of-fold predictions over all of them.
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, KFold
from sklearn.svm import LinearSVC

from monitor import clock
from monitor.analyse.classify import IssueModel, file_hash
from monitor.analyse.corpus import CorpusArticle, clickid_desk, load_corpus, read_labels
from monitor.analyse.features import (
    Analysed,
    Lexicon,
    analyse,
    clean_input,
    passthrough,
    term_key,
)
from monitor.analyse.metrics import (
    apply_thresholds,
    bootstrap_macro_f1,
    prf,
    tune_thresholds,
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
    regional: bool = False  # a regional desk or a regional outlet (reported apart in the card)


# ------------------------------------------------------------------ data

SPLITS = ("train", "dev", "test", "test2")
SELECTION_TOLERANCE = 0.005
# Regional text among the labels: clickid2019's regional desks and the Ciletuh set (small outlets
# of Sukabumi and West Java).
REGIONAL_CORPORA = {"ciletuh"}


def label_files(corpus_root: Path) -> list[Path]:
    """The shared labels, our batches and our second test set (audit files are not labels)."""
    files = [corpus_root / SHARED_LABELS]
    files += [Path(p) for p in sorted(glob.glob(str(OUR_LABELS / "batch_*.jsonl")))]
    files += [Path(p) for p in sorted(glob.glob(str(OUR_LABELS / "test*.jsonl")))]
    return [f for f in files if f.is_file()]


def assign_split(art: CorpusArticle, rules: dict, origin: str = "") -> str:
    if origin in rules.get("test2", {}).get("label_files", []):
        return "test2"
    for split in ("test", "dev"):
        r = rules.get(split, {})
        if art.corpus == "indosum_dev" and art.source.lower() in {s.lower() for s in r.get("indosum_sources", [])}:
            return split
        if art.corpus in r.get("corpora", []):
            return split
        if art.corpus == "detik2026" and r.get("detik_from") and (art.date or "") >= r["detik_from"]:
            return split
        if art.corpus == "clickid2019" and art.source.lower() in {s.lower() for s in r.get("clickid_outlets", [])}:
            return split
    return "train"


def is_regional(art: CorpusArticle) -> bool:
    return art.corpus in REGIONAL_CORPORA or (art.corpus == "clickid2019" and clickid_desk(art.category) == "regional")


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
        out.append(Example(key, clean_input(art.title, art.text), issues, assign_split(art, rules, origin),
                           art.source, origin, is_regional(art)))
    for row in extra:
        out.append(Example(("store", str(row["article_id"])), clean_input(row["title"], row["text"]),
                           set(row["issues"]), "train", row.get("source") or "", "human_labels"))
    return out


def unlabelled_docs(corpus_root: Path, labelled: set[tuple[str, str]], limit: int = 6000) -> list[str]:
    return [clean_input(a.title, a.text) for k, a in load_corpus(corpus_root).items()
            if k not in labelled and len(a.text) > 200][:limit]


def matrix(examples: Sequence[Example], issues: Sequence[str]) -> np.ndarray:
    return np.array([[k in e.issues for k in issues] for e in examples], dtype=int)


# ------------------------------------------------------------------ candidates

@dataclass
class Candidate:
    name: str
    description: str
    lexicon_weight: float = 0.0
    learner: str = "lr"  # lr | svm | ens (mean logit of lr and svm)
    C: float = 4.0
    C_lr: float = 4.0  # the LR half of an ensemble
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
    Candidate("tfidf_lexprune_ens", "as tfidf_lexprune_svm, averaged (logits) with the same features' "
              "logistic regression", lexicon_weight=1.0, learner="ens", C=1.0, C_lr=4.0, lexicon_prune=0.1),
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
    if cand.learner == "ens":
        # The mean of the two models' logits: still one linear model (evidence keeps working).
        c1, b1 = _fit_binary(X, y, Candidate("", "", learner="lr", C=cand.C_lr), seed, weights)
        c2, b2 = _fit_binary(X, y, Candidate("", "", learner="svm", C=cand.C), seed, weights)
        return (c1 + c2) / 2, (b1 + b2) / 2
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
          candidates: Sequence[Candidate] = CANDIDATES, progress: Callable[[str], None] = log.info,
          learning_curve: bool = True, per_split: int | None = None, unlabelled_limit: int = 6000) -> dict:
    """Run selection, held-out evaluation and the final fit on every label; write the artifact,
    ``training_report.json`` and ``MODEL_CARD.md``. Returns the report.

    ``per_split`` keeps a seeded random sample of at most that many examples per split (a quick
    run of the whole procedure, e.g. in tests); ``unlabelled_limit`` bounds the unlabelled texts.
    """
    from monitor.analyse.model_card import write_model_card

    np.random.seed(seed)
    issues = list(ISSUE_KEYS)
    lexicon_terms = {i.key: i.lexicon for i in load_issues()}
    examples = load_examples(corpus_root, extra_labels)
    by = {s: [e for e in examples if e.split == s] for s in SPLITS}
    if per_split:
        rng = np.random.default_rng(seed)
        by = {s: [v[i] for i in sorted(rng.permutation(len(v))[:per_split])] for s, v in by.items()}
        examples = [e for s in SPLITS for e in by[s]]
    progress(f"{len(examples)} labelled examples: " + ", ".join(f"{s} {len(v)}" for s, v in by.items()))
    labelled = {e.key for e in examples}
    unl = [analyse(d) for d in unlabelled_docs(corpus_root, labelled, limit=unlabelled_limit)]
    Y = {s: matrix(v, issues) for s, v in by.items()}
    docs = {s: [analyse(e.doc) for e in v] for s, v in by.items()}  # one analysis pass per article

    def fit(ds, y, cand, thresholds=None):
        return fit_model(ds, y, cand, lexicon_terms, seed, unlabelled=unl, thresholds=thresholds)

    # 1. Selection: fit on train, thresholds on dev.
    comparison = []
    for cand in candidates:
        progress(f"candidate {cand.name}")
        m = fit(docs["train"], Y["train"], cand)
        p_dev = predict(m, docs["dev"])
        th = tune_thresholds(Y["dev"], p_dev, issues)
        row = {"name": cand.name, "description": cand.description, "thresholds": th,
               "dev": prf(Y["dev"], apply_thresholds(p_dev, th, issues), issues)}
        for split in ("test", "test2"):
            row[split] = prf(Y[split], apply_thresholds(predict(m, docs[split]), th, issues), issues)
        comparison.append(row)
        progress(f"  dev macro-F1 {row['dev']['macro_f1']:.3f}  test {row['test']['macro_f1']:.3f}  "
                 f"test2 {row['test2']['macro_f1']:.3f}")
    # The first (simplest, fastest) candidate within SELECTION_TOLERANCE of the best dev macro-F1:
    # differences that small are noise on a dev set of this size.
    top = max(r["dev"]["macro_f1"] for r in comparison)
    best = next(r for r in comparison if r["dev"]["macro_f1"] >= top - SELECTION_TOLERANCE)
    cand = next(c for c in candidates if c.name == best["name"])

    # 2. Held-out figures: refit on train + dev, thresholds from outlet-grouped out-of-fold predictions.
    progress(f"selected {cand.name}; refitting on train + dev for the held-out figures")
    sel_ex = by["train"] + by["dev"]
    sel_docs, sel_y = docs["train"] + docs["dev"], np.vstack([Y["train"], Y["dev"]])
    sel_oof = grouped_oof(sel_docs, sel_y, sel_ex, lambda ds, y: fit(ds, y, cand), seed)
    sel_th = tune_thresholds(sel_y, sel_oof, issues)
    held_model = fit(sel_docs, sel_y, cand, sel_th)
    held_out = {}
    for split in ("test", "test2"):
        pred = apply_thresholds(predict(held_model, docs[split]), sel_th, issues)
        rep = prf(Y[split], pred, issues)
        rep["bootstrap_macro_f1"] = bootstrap_macro_f1(Y[split], pred, issues, seed=seed)
        regional = np.array([e.regional for e in by[split]], dtype=bool)
        if regional.any():
            rep["regional"] = prf(Y[split][regional], pred[regional], issues)
            rep["regional"]["bootstrap_macro_f1"] = bootstrap_macro_f1(Y[split][regional], pred[regional], issues,
                                                                       seed=seed)
        held_out[split] = rep
        progress(f"  {split}: macro-F1 {rep['macro_f1']:.3f} {rep['bootstrap_macro_f1']}")
    curve = []
    if learning_curve:
        curve = learning_curve_on(docs, Y, by, lambda ds, y: fit(ds, y, cand), seed, progress)

    # 3. The shipped model: every label, thresholds from outlet-grouped out-of-fold predictions.
    progress("final fit on every label (train + dev + test + test2)")
    all_ex = [e for s in SPLITS for e in by[s]]
    all_docs = [d for s in SPLITS for d in docs[s]]
    all_y = np.vstack([Y[s] for s in SPLITS])
    all_oof = grouped_oof(all_docs, all_y, all_ex, lambda ds, y: fit(ds, y, cand), seed)
    thresholds = tune_thresholds(all_y, all_oof, issues)
    final = fit(all_docs, all_y, cand, thresholds)
    oof_pred = apply_thresholds(all_oof, thresholds, issues)
    oof_report = prf(all_y, oof_pred, issues)
    regional = np.array([e.regional for e in all_ex], dtype=bool)
    oof_report["regional"] = prf(all_y[regional], oof_pred[regional], issues)

    # The version changes with the labels, the lexicon or the candidate's settings (re-tagging
    # stored articles keys on it).
    label_digest = hashlib.sha256(json.dumps([sorted((e.key, sorted(e.issues)) for e in examples),
                                              final.lexicon_terms, repr(cand)]).encode())
    final.version = f"{cand.name}-{label_digest.hexdigest()[:8]}-s{seed}"
    final.meta.update({"trained": clock.now_iso(), "candidate": cand.name, "seed": seed,
                       "n_examples": {s: len(v) for s, v in by.items()}, "fitted_on": list(SPLITS)})
    path = final.save(out_dir)
    # never a machine path in the committed report: relative to the project, else the file name
    shown = path.resolve().relative_to(PROJECT_ROOT) if path.resolve().is_relative_to(PROJECT_ROOT) else path.name
    report = {"version": final.version, "artifact": str(shown), "artifact_sha256": file_hash(path),
              "artifact_bytes": path.stat().st_size, "comparison": comparison, "selected": cand.name,
              "selection_thresholds": sel_th, "thresholds": thresholds,
              "test": held_out["test"], "test2": held_out["test2"], "cv_all_labels": oof_report,
              "learning_curve": curve,
              "splits": {s: {"n": len(v), "positives": {k: int(Y[s][:, j].sum()) for j, k in enumerate(issues)},
                             "regional": sum(e.regional for e in v), "sources": _top_sources(v)}
                         for s, v in by.items()},
              "label_files": [p.name for p in label_files(corpus_root)] + (["human_labels"] if extra_labels else []),
              "unlabelled_used": len(unl), "seed": seed,
              "lexicon_dropped": final.meta.get("lexicon_dropped", [])}
    (out_dir / "training_report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    write_model_card(out_dir / "MODEL_CARD.md", report)
    return report


def grouped_oof(docs: Sequence[Analysed], y: np.ndarray, examples: Sequence[Example],
                fit: Callable[[Sequence[Analysed], np.ndarray], IssueModel], seed: int, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities with folds that never split an outlet (thresholds tuned on them
    must hold on outlets they were not tuned on). Falls back to plain folds with too few outlets."""
    groups = np.array([f"{e.key[0]}:{e.source.lower()}" for e in examples])
    if len(set(groups)) >= folds:
        # Large outlets would make very unequal folds: split each outlet into chunks of at most
        # a fifth of the data, keeping every chunk within one fold.
        cap = max(1, len(groups) // (folds * 2))
        chunk = np.zeros(len(groups), dtype=int)
        rng = np.random.default_rng(seed)
        for g in set(groups):
            rows = np.flatnonzero(groups == g)
            rng.shuffle(rows)
            chunk[rows] = np.arange(len(rows)) // cap
        splitter = GroupKFold(folds).split(docs, groups=[f"{g}#{c}" for g, c in zip(groups, chunk)])
    else:
        splitter = KFold(folds, shuffle=True, random_state=seed).split(docs)
    oof = np.zeros(y.shape)
    for tr, te in splitter:
        m = fit([docs[i] for i in tr], y[tr])
        oof[te] = predict(m, [docs[i] for i in te])
    return oof


def learning_curve_on(docs: dict, Y: dict, by: dict, fit: Callable, seed: int,
                      progress: Callable[[str], None]) -> list[dict]:
    """Macro-F1 on test and test2 against the number of training labels (random subsets of
    train + dev, thresholds tuned on out-of-fold predictions of the subset)."""
    issues = list(ISSUE_KEYS)
    pool_docs = docs["train"] + docs["dev"]
    pool_y = np.vstack([Y["train"], Y["dev"]])
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(pool_docs))
    sizes = [n for n in (1000, 2000, 3000, 4000, 5000, 6000) if n < len(order)] + [len(order)]
    out = []
    for n in sizes:
        rows = order[:n]
        ds, y = [pool_docs[i] for i in rows], pool_y[rows]
        oof = np.zeros(y.shape)
        for tr, te in KFold(3, shuffle=True, random_state=seed).split(ds):
            oof[te] = predict(fit([ds[i] for i in tr], y[tr]), [ds[i] for i in te])
        th = tune_thresholds(y, oof, issues)
        m = fit(ds, y)
        point = {"labels": int(n)}
        for split in ("test", "test2"):
            point[split] = prf(Y[split], apply_thresholds(predict(m, docs[split]), th, issues), issues)["macro_f1"]
        progress(f"  learning curve {n}: test {point['test']:.3f} test2 {point['test2']:.3f}")
        out.append(point)
    return out


def _top_sources(examples: Sequence[Example]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in examples:
        name = f"{e.key[0]}:{e.source.lower()}"
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: -kv[1])[:12])


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
