"""Tag articles with the six OGI issues: a trained multi-label model with evidence.

The model (see :mod:`monitor.analyse.train`) is a set of per-issue linear classifiers over stemmed
TF-IDF n-grams plus issue-lexicon prior features, with per-issue thresholds tuned on the dev
split. Because it is linear, every score decomposes into the contributions of the words of
the article: the evidence of a tag is the sentences and terms that contributed most.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import joblib
import numpy as np
from scipy import sparse

from monitor.analyse import textnorm
from monitor.analyse.features import Analysed, Lexicon, analyse, clean_input, ngrams
from monitor.collect.extract import language
from monitor.models import IssueScore, Tags

log = logging.getLogger(__name__)

MODEL_FILE = "issue_model.joblib"
# Fewer words (title and body together) than this: too short to say anything, no issue (97% of
# the shared corpora's headlines have at least this many). Any longer text is tagged when the
# language identifier counts it as Indonesian (see language_problem): short news is not dropped.
MIN_WORDS = 6


class ModelNotFound(FileNotFoundError):
    pass


@dataclass
class IssueModel:
    """Everything needed to tag an article; saved with joblib to ``models/``.

    Scores are ``sigmoid(coef . x + intercept)`` where ``x`` is the TF-IDF vector of the
    article's stem uni+bigrams followed by ``lexicon_weight * log(1 + lexicon hits)`` per issue.
    """

    issues: list[str]
    vectorizer: Any  # TfidfVectorizer(analyzer=features.passthrough) over features.grams
    lexicon_terms: dict[str, list[str]]
    lexicon_weight: float
    coef: np.ndarray  # (n_issues, n_features + n_issues)
    intercept: np.ndarray  # (n_issues,)
    thresholds: dict[str, float]
    version: str = ""
    stems: Any = field(default_factory=dict)  # textnorm.stem_table(): warm stem cache for fast start-up
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(getattr(self, "_lexicon", None), Lexicon):  # unpickled models bring theirs
            self._lexicon = Lexicon(self.lexicon_terms)
        self._names: np.ndarray | None = None
        self._thr = np.array([self.thresholds.get(k, 0.5) for k in self.issues])
        self._coef_t = np.ascontiguousarray(self.coef.T)  # sparse @ dense wants a contiguous operand
        self._idf = np.asarray(self.vectorizer.idf_, dtype=np.float64)

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        # The matched lexicon (its terms already normalised) is kept: loading then needs no
        # tokeniser, and the terms match exactly as in training.
        for k in ("_names", "_thr", "_coef_t", "_idf"):
            state.pop(k, None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def set_weights(self, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.coef, self.intercept = coef, intercept
        self._coef_t = np.ascontiguousarray(coef.T)

    @property
    def names(self) -> np.ndarray:
        """Feature names of the n-gram columns (built on first use: only evidence needs them)."""
        if self._names is None:
            self._names = np.asarray(self.vectorizer.get_feature_names_out())
        return self._names

    # ---------------------------------------------------------- scoring
    def features(self, docs: Sequence[str], analysed: Sequence[Analysed] | None = None) -> sparse.csr_matrix:
        """The feature matrix of cleaned documents (one analysis pass per document).

        The same matrix as ``hstack([vectorizer.transform(grams), lexicon_weight * lexicon
        counts])``, built in one go: sklearn's per-call validation costs more than the work
        when the collection cycle tags one article at a time.
        """
        if analysed is None:
            analysed = [analyse(d) for d in docs]
        vocab, idf = self.vectorizer.vocabulary_, self._idf
        n_vocab, n_lex = len(vocab), len(self.issues)
        sublinear = self.vectorizer.sublinear_tf
        indptr, indices, data = [0], [], []
        for a in analysed:
            counted = [(vocab[g], c) for g, c in Counter(a.grams).items() if g in vocab]
            if counted:
                f, c = zip(*counted)
                tf = np.asarray(c, dtype=np.float64)
                w = (np.log(tf) + 1.0 if sublinear else tf) * idf[list(f)]
                norm = np.sqrt(np.dot(w, w))
                indices.extend(f)
                data.extend((w / norm) if norm else w)
            for j, n in enumerate(self._lexicon.count_row(a.every, a.lights)):
                if n:
                    indices.append(n_vocab + j)
                    data.append(np.log1p(n) * self.lexicon_weight)
            indptr.append(len(indices))
        return sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                                  np.asarray(indptr, dtype=np.int64)), shape=(len(analysed), n_vocab + n_lex))

    def decision(self, X: sparse.csr_matrix) -> np.ndarray:
        return np.asarray(X @ self._coef_t) + self.intercept

    def predict_proba(self, docs: Sequence[str]) -> np.ndarray:
        return _sigmoid(self.decision(self.features(docs)))

    def tag(self, items: Iterable[tuple[str, str]], evidence: bool = True,
            problems: Sequence[str | None] | None = None) -> list[Tags]:
        """Tag (title, text) pairs.

        Defined results for inputs the model cannot judge: fewer than ``MIN_WORDS`` words, or
        text that is not Indonesian (see :func:`language_problem`), get all-zero scores and no
        issue. ``problems`` are those verdicts when the caller has them already (one per
        item). Evidence is computed only for the issues an article is tagged with.
        """
        items = list(items)
        if problems is None:
            problems = [language_problem(t, x) for t, x in items]
        docs = [clean_input(t, x) for t, x in items]
        usable, analysed = [], []
        for i, d in enumerate(docs):
            if problems[i] is None:
                usable.append(i)
                analysed.append(analyse(d))
        probs = np.zeros((len(docs), len(self.issues)))
        X = None
        if usable:
            X = self.features([docs[i] for i in usable], analysed)
            probs[usable] = _sigmoid(self.decision(X))
        assigned = probs >= self._thr
        row_of = {i: n for n, i in enumerate(usable)}
        out = []
        for i, doc in enumerate(docs):
            scores = {k: round(float(p), 4) for k, p in zip(self.issues, probs[i])}
            keys = [k for j, k in enumerate(self.issues) if assigned[i, j]]
            ev: dict[str, IssueScore] = {}
            if evidence and keys and X is not None:
                ev = self.explain_many(doc, X[row_of[i]], keys, scores)
            out.append(Tags(issues=keys, scores=scores, evidence=ev, model_version=self.version))
        return out

    # ---------------------------------------------------------- evidence
    def explain_many(self, doc: str, x: sparse.csr_matrix, issues: Sequence[str], scores: dict[str, float],
                     n_terms: int = 6, n_sentences: int = 2) -> dict[str, IssueScore]:
        """Per issue: the terms with the largest positive contributions to its score, the
        lexicon terms found, and the sentences whose n-grams contribute most.

        The article is analysed once for all issues: sentence scores are one sparse product of
        a (sentences x the article's n-grams) indicator matrix with the contributions.
        """
        x = x.tocsr()
        n_vocab = len(self.vectorizer.vocabulary_)
        keep = x.indices < n_vocab
        idx, vals = x.indices[keep], x.data[keep]
        rows = [self.issues.index(k) for k in issues]
        contrib = vals[:, None] * self.coef[rows][:, idx].T  # (n-grams of the article, issues)
        body = doc.split("\n", 1)[-1]
        sents = textnorm.sentences(body)[:200]
        local = {int(f): n for n, f in enumerate(idx)}
        vocab = self.vectorizer.vocabulary_
        r_ind, c_ind = [], []
        for r, sent in enumerate(sents):
            cols = {local[f] for f in (vocab.get(g) for g in ngrams(sent)) if f is not None and f in local}
            r_ind.extend([r] * len(cols))
            c_ind.extend(cols)
        S = sparse.csr_matrix((np.ones(len(r_ind)), (r_ind, c_ind)), shape=(len(sents), len(idx)))
        sent_scores = np.asarray(S @ np.clip(contrib, 0, None)) if len(sents) else np.zeros((0, len(rows)))
        hits = self._lexicon.hits(doc)
        surfaces = _Surfaces(doc)
        out = {}
        for c, issue in enumerate(issues):
            col = contrib[:, c]
            terms: list[str] = []
            for o in np.argsort(-col):
                if col[o] <= 0 or len(terms) >= n_terms:
                    break
                name = str(self.names[idx[o]])
                if not any(name in t or t in name for t in terms):
                    terms.append(name)
            words = [surfaces.ngram(t) for t in terms]
            for h in hits.get(issue, []):
                if len(words) >= n_terms + 2:
                    break
                w = surfaces.lexicon(h)
                if w not in words:
                    words.append(w)
            order = [r for r in np.argsort(-sent_scores[:, c], kind="stable") if sent_scores[r, c] > 0]
            sentences = [sents[r][:400] for r in order[:n_sentences]]
            out[issue] = IssueScore(issue=issue, score=scores[issue], sentences=sentences, terms=words)
        return out

    # ---------------------------------------------------------- persistence
    def save(self, directory: str | os.PathLike) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.stems = textnorm.stem_table()
        path = directory / MODEL_FILE
        joblib.dump(self, path, compress=("xz", 6))
        return path


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def language_problem(title: str | None, text: str | None) -> str | None:
    """Why an input cannot be tagged, or None when it can.

    "too short (N words; MIN_WORDS needed)" when title and body together have fewer than
    ``MIN_WORDS`` words; "not Indonesian (detected: xx)" when the language identifier
    (py3langid, :func:`monitor.collect.extract.language.identify`, the one that also sets the
    extractor's ``lang``) finds no Indonesian in the title and the start of the body (nor, for
    a longer text, in a window from its middle or end). Replaces a function-word share (at
    least 10% stopwords and 25 words), which dropped short Indonesian news: see
    ``bench/bench_langid.py``.
    """
    # Title once, then the body, markup removed (clean_input with no title starts with ". .").
    probe = clean_input("", f"{title or ''}\n{text or ''}").lstrip(". \n")
    guess = language.identify(probe)
    if guess.words < MIN_WORDS and (words := language.count_words(probe)) < MIN_WORDS:
        return f"too short ({words} word{'' if words == 1 else 's'}; {MIN_WORDS} needed)"
    if not guess.indonesian:
        return f"not Indonesian (detected: {guess.lang or 'no language'})"
    return None


def looks_indonesian(title: str | None, text: str | None) -> bool:
    """The input can be tagged: long enough, and Indonesian (see :func:`language_problem`)."""
    return language_problem(title, text) is None


class _Surfaces:
    """Readable forms of stem n-grams and lexicon terms: the first matching words of the text."""

    def __init__(self, doc: str):
        self.toks, self.stems, self.content = textnorm.aligned(doc)
        self._lights = [textnorm.light(t) for t in self.toks]

    def ngram(self, term: str) -> str:
        parts = term.split()
        c, st = self.content, self.stems
        n = len(parts)
        for p in range(len(c) - n + 1):
            if all(st[c[p + o]] == parts[o] for o in range(n)):
                return " ".join(self.toks[c[p]:c[p + n - 1] + 1])
        return term

    def lexicon(self, term: str) -> str:
        parts = term.split()
        n = len(parts)
        for i in range(len(self.toks) - n + 1):
            if all(self.stems[i + o] == parts[o] or self._lights[i + o] == parts[o] for o in range(n)):
                return " ".join(self.toks[i:i + n])
        return term


_MODEL_CACHE: dict[str, IssueModel] = {}


def model_path(model_dir: str | os.PathLike | None = None) -> Path:
    from monitor.paths import PROJECT_ROOT

    base = Path(model_dir) if model_dir else Path(os.environ.get("OGI_MODEL_DIR", PROJECT_ROOT / "models"))
    return base / MODEL_FILE


def load_model(model_dir: str | os.PathLike | None = None) -> IssueModel:
    """Load (once per process) the trained model from ``models/``."""
    path = model_path(model_dir)
    key = str(path.resolve())
    if key not in _MODEL_CACHE:
        if not path.is_file():
            raise ModelNotFound(f"no trained model at {path}; run `monitor train` first")
        # tag() checks the language of every input: load the identifier's model (about 1.5 s of
        # decompression, which releases the GIL) while the issue model and spaCy load.
        language.preload(background=True)
        model: IssueModel = joblib.load(path)
        # Warm the stemmer cache from the artifact so a fresh process classifies at full speed.
        if isinstance(model.stems, dict):  # older artifacts: only the changed stems
            textnorm.prime_stems((), model.stems)
        else:
            textnorm.prime_stems(*model.stems)
        # Build spaCy's tokenizer now (~1.5 s, once per process) rather than inside the first
        # tag() call: the few chunks the fast path leaves to it occur in nearly every article.
        textnorm.blank_id()
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
                     partners: bool = True, gazetteer: str | os.PathLike | None = None) -> dict[str, int]:
    """Tag (line, record, error) triples in batches and write one JSON line per input, in order.

    A bad input line gives a line with ``error`` and no issue instead of stopping the batch.
    """
    model = load_model(model_dir)
    extractor = None
    if partners:
        from monitor.analyse.partners import PartnerExtractor

        extractor = PartnerExtractor(gazetteer)
    stats = {"ok": 0, "errors": 0}
    with open(output, "w", encoding="utf-8") as out:
        batch: list[tuple[int, dict | None, str | None]] = []

        def flush() -> None:
            good = [(n, r) for n, r, e in batch if r is not None]
            texts = [(_field(r, "title"), _field(r, "text")) for _, r in good]
            problems = [language_problem(t, x) for t, x in texts]
            problem = dict(zip((n for n, _ in good), problems))
            tagged = (dict(zip((n for n, _ in good), model.tag(texts, evidence=evidence, problems=problems)))
                      if good else {})
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
                    elif problem.get(n):
                        row["warning"] = f"{problem[n]}: no issue"
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
