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


def _empty_result(issues: Sequence[str]) -> dict[str, Any]:
    return {"issues": [], "scores": {k: 0.0 for k in issues}, "partners": [], "evidence": {}}


def classify_records(records: Iterable[tuple[int, dict | None, str | None]], output: str | os.PathLike, *,
                     model_dir: str | os.PathLike | None = None, batch_size: int = 256, evidence: bool = True,
                     partners: bool = True) -> dict[str, int]:
    """Tag (line, record, error) triples in batches and write one JSON line per input, in order.

    A bad input line gives a line with ``error`` and no issue instead of stopping the batch.
    """
    model = load_model(model_dir)
    extractor = None
    if partners:
        from .partners import PartnerExtractor

        extractor = PartnerExtractor()
    stats = {"ok": 0, "errors": 0}
    with open(output, "w", encoding="utf-8") as out:
        batch: list[tuple[int, dict | None, str | None]] = []

        def flush() -> None:
            good = [(n, r) for n, r, e in batch if r is not None]
            texts = [(_field(r, "title"), _field(r, "text")) for _, r in good]
            tagged = dict(zip((n for n, _ in good), model.tag(texts, evidence=evidence))) if good else {}
            found = {}
            if extractor and good:
                found = dict(zip((n for n, _ in good), extractor.extract_many([t for _, t in texts],
                                                                              titles=[t for t, _ in texts])))
            for n, rec, err in batch:
                row: dict[str, Any] = {"id": rec.get("id") if rec else None}
                if rec is None:
                    row.update(_empty_result(model.issues), error=err)
                    stats["errors"] += 1
                else:
                    row.update(tags_to_json(tagged[n]))
                    row["partners"] = [p.public() for p in found.get(n, [])]
                    row = {k: row[k] for k in ("id", "issues", "scores", "partners", "evidence")}
                    if not (_field(rec, "text") or _field(rec, "title")):
                        row["warning"] = "empty text: no issue"
                    stats["ok"] += 1
                out.write(dumps(row) + "\n")
            batch.clear()

        for item in records:
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
    return stats


def _field(rec: dict, key: str) -> str:
    value = rec.get(key)
    return value if isinstance(value, str) else ("" if value is None else str(value))


def retag_store(store: Any, model: IssueModel, *, only_stale: bool = True, batch_size: int = 256,
                progress: Any = None) -> int:
    """Re-tag stored articles (those tagged by another model version, or all)."""
    where = ""
    args: tuple = ()
    if only_stale:
        where = ("WHERE NOT EXISTS (SELECT 1 FROM article_issues ai WHERE ai.article_id = a.id "
                 "AND ai.model_version = ?)")
        args = (model.version,)
    ids = [r[0] for r in store.conn.execute(f"SELECT a.id FROM articles a {where} ORDER BY a.id", args)]
    done = 0
    for start in range(0, len(ids), batch_size):
        chunk = ids[start:start + batch_size]
        marks = ",".join("?" * len(chunk))
        rows = store.conn.execute(f"SELECT id, title, text FROM articles WHERE id IN ({marks}) ORDER BY id",
                                  chunk).fetchall()
        tags = model.tag([(r[1] or "", r[2] or "") for r in rows])
        with store.transaction():
            for (article_id, _, _), t in zip(rows, tags):
                store.save_tags(article_id, t)
        done += len(rows)
        if progress:
            progress("retag", done, len(ids))
    return done
