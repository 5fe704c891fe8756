"""Tag articles with the six OGI issues: a trained multi-label model with evidence.

The model (see :mod:`monitor.train`) is a set of per-issue linear classifiers over stemmed
TF-IDF n-grams plus issue-lexicon prior features, with per-issue thresholds tuned on the dev
split. Because it is linear, every score decomposes into the contributions of the words of
the article: the evidence of a tag is the sentences and terms that contributed most.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import joblib
import numpy as np
from scipy import sparse

from . import textnorm
from .features import Lexicon, clean_input, ngrams
from .models import IssueScore, Tags

log = logging.getLogger(__name__)

MODEL_FILE = "issue_model.joblib"
MIN_WORDS = 25  # below this there is not enough text to tag (defined result: no issue)


class ModelNotFound(FileNotFoundError):
    pass


@dataclass
class IssueModel:
    """Everything needed to tag an article; saved with joblib to ``models/``."""

    issues: list[str]
    vectorizer: Any  # TfidfVectorizer(analyzer=ngrams)
    lexicon_terms: dict[str, list[str]]
    lexicon_weight: float
    coef: np.ndarray  # (n_issues, n_features + n_issues)
    intercept: np.ndarray  # (n_issues,)
    thresholds: dict[str, float]
    version: str = ""
    stems: dict[str, str] = field(default_factory=dict)  # warm stem cache for fast start-up
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lexicon = Lexicon(self.lexicon_terms)
        self._names = np.asarray(self.vectorizer.get_feature_names_out())

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_lexicon", None)
        state.pop("_names", None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    # ---------------------------------------------------------- scoring
    def features(self, docs: Sequence[str]) -> sparse.csr_matrix:
        X = self.vectorizer.transform(docs)
        L = self._lexicon.features(docs) * self.lexicon_weight
        return sparse.hstack([X, L], format="csr")

    def predict_proba(self, docs: Sequence[str]) -> np.ndarray:
        X = self.features(docs)
        z = X @ self.coef.T + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def tag(self, items: Iterable[tuple[str, str]], evidence: bool = True) -> list[Tags]:
        """Tag (title, text) pairs. Inputs too short to judge get all-zero scores and no issue."""
        items = list(items)
        docs = [clean_input(t, x) for t, x in items]
        usable = [i for i, d in enumerate(docs) if len(d.split()) >= MIN_WORDS]
        probs = np.zeros((len(docs), len(self.issues)))
        if usable:
            probs[usable] = self.predict_proba([docs[i] for i in usable])
            X = self.features([docs[i] for i in usable]) if evidence else None
        out = []
        row_of = {i: n for n, i in enumerate(usable)}
        for i, doc in enumerate(docs):
            scores = {k: round(float(p), 4) for k, p in zip(self.issues, probs[i])}
            assigned = [k for k in self.issues if scores[k] >= self.thresholds[k]]
            ev = {}
            if evidence and i in row_of:
                for k in assigned:
                    ev[k] = self.explain(doc, X[row_of[i]], k, scores[k])
            out.append(Tags(issues=assigned, scores=scores, evidence=ev, model_version=self.version))
        return out

    # ---------------------------------------------------------- evidence
    def explain(self, doc: str, x: sparse.csr_matrix, issue: str, score: float,
                n_terms: int = 6, n_sentences: int = 2) -> IssueScore:
        """The terms with the largest positive contributions, and the sentences holding most of them."""
        j = self.issues.index(issue)
        w = self.coef[j]
        n_vocab = len(self._names)
        x = x.tocsr()
        idx, vals = x.indices, x.data
        contrib = vals * w[idx]
        order = np.argsort(-contrib)
        weights: dict[str, float] = {}
        terms: list[str] = []
        for o in order:
            if contrib[o] <= 0:
                break
            f = idx[o]
            if f >= n_vocab:  # a lexicon prior feature
                continue
            name = str(self._names[f])
            weights[name] = float(contrib[o])
            if len(terms) < n_terms and not any(name in t or t in name for t in terms):
                terms.append(name)
        hits = self._lexicon.hits(doc).get(issue, [])
        for h in hits:
            if len(terms) >= n_terms + 2:
                break
            if h not in terms:
                terms.append(h)
        # Sentence score: the summed contribution of the n-grams it contains.
        scored = []
        body = doc.split("\n", 1)[-1]
        for sent in textnorm.sentences(body)[:200]:
            grams = set(ngrams(sent))
            s = sum(weights.get(g, 0.0) for g in grams)
            if s > 0:
                scored.append((s, sent))
        scored.sort(key=lambda t: -t[0])
        sentences = [s[:400] for _, s in scored[:n_sentences]]
        surface = [_surface(t, doc) for t in terms]
        return IssueScore(issue=issue, score=score, sentences=sentences, terms=surface)

    # ---------------------------------------------------------- persistence
    def save(self, directory: str | os.PathLike) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.stems = textnorm.stem_table()
        path = directory / MODEL_FILE
        joblib.dump(self, path, compress=("xz", 6))
        return path


def _surface(term: str, doc: str) -> str:
    """A readable form of a stem n-gram: the first word form in the text that stems to it."""
    parts = term.split()
    toks = textnorm.tokens(doc[:20000])
    stems = [textnorm.stem(t) for t in toks]
    n = len(parts)
    for i in range(len(stems) - n + 1):
        if stems[i:i + n] == parts:
            return " ".join(toks[i:i + n])
    return term


_MODEL_CACHE: dict[str, IssueModel] = {}


def model_path(model_dir: str | os.PathLike | None = None) -> Path:
    from .corpus import PROJECT_ROOT

    base = Path(model_dir) if model_dir else Path(os.environ.get("OGI_MODEL_DIR", PROJECT_ROOT / "models"))
    return base / MODEL_FILE


def load_model(model_dir: str | os.PathLike | None = None) -> IssueModel:
    """Load (once per process) the trained model from ``models/``."""
    path = model_path(model_dir)
    key = str(path.resolve())
    if key not in _MODEL_CACHE:
        if not path.is_file():
            raise ModelNotFound(f"no trained model at {path}; run `monitor train` first")
        model: IssueModel = joblib.load(path)
        # Warm the stemmer cache from the artifact so a fresh process classifies at full speed.
        for word, s in model.stems.items():
            textnorm.prime_stem(word, s)
        _MODEL_CACHE[key] = model
    return _MODEL_CACHE[key]


def file_hash(path: str | os.PathLike) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def tags_to_json(tags: Tags) -> dict[str, Any]:
    """The `issues`, `scores` and `evidence` fields of `monitor classify` output."""
    return {
        "issues": tags.issues,
        "scores": tags.scores,
        "evidence": {k: {"score": v.score, "sentences": v.sentences, "terms": v.terms}
                     for k, v in tags.evidence.items()},
    }


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)
