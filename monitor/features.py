"""Feature extraction for the issue classifier: stemmed n-grams and issue-lexicon priors.

One pass of :func:`monitor.textnorm.analyze_both` over a document gives both views the model
needs: the stems of its content words (for the uni+bigram TF-IDF features) and the stems of all
its words (for the lexicon phrases, which may hold a stopword: "kekerasan dalam rumah tangga").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

from .textnorm import analyze, analyze_both, stem, tokens

_TAGS = re.compile(r"<[^>]{0,300}>")


def clean_input(title: str, text: str, max_chars: int = 20_000) -> str:
    """The text the model reads: title (twice, it carries the topic) then the body, tags removed.

    Very long inputs are cut: the topic of a news article is settled in its first pages, and a
    bound keeps a 1 MB input from stalling a batch.
    """
    title = _TAGS.sub(" ", title or "")
    body = _TAGS.sub(" ", (text or "")[:max_chars * 2])[:max_chars]
    return f"{title}. {title}.\n{body}"


def grams(stems: Sequence[str]) -> list[str]:
    """Stem unigrams and bigrams (bigrams joined with a space)."""
    return list(stems) + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def ngrams(text: str) -> list[str]:
    """Stem unigrams and bigrams of a text: the classifier's n-gram analyzer."""
    return grams(analyze(text))


def passthrough(items: list[str]) -> list[str]:
    """Vectorizer analyzer for documents that are already lists of n-grams."""
    return items


@dataclass
class Analysed:
    """A document after one analysis pass: its n-grams and the stems of all its words."""

    grams: list[str]
    every: list[str]


def analyse(doc: str) -> Analysed:
    content, every = analyze_both(doc)
    return Analysed(grams(content), every)


class Lexicon:
    """Per-issue term lists from config/issues.toml, matched on stems.

    Each term (one or more words) is stemmed word by word the same way as the text, so
    "penyandang disabilitas" also matches "penyandang-penyandang disabilitasnya" after
    normalisation. Terms are indexed by their first stem, so matching is one dict lookup per
    word of the text. ``counts`` gives log(1 + hits) per issue.
    """

    def __init__(self, terms_by_issue: dict[str, Sequence[str]]):
        self.issues = list(terms_by_issue)
        self.terms: dict[tuple[str, ...], list[int]] = {}
        for j, issue in enumerate(self.issues):
            for term in terms_by_issue[issue]:
                key = tuple(stem(t) for t in tokens(term))
                if key and j not in self.terms.get(key, []):
                    self.terms.setdefault(key, []).append(j)
        self._index()

    def _index(self) -> None:
        self._first: dict[str, list[tuple[tuple[str, ...], list[int]]]] = {}
        for key, js in sorted(self.terms.items(), key=lambda kv: -len(kv[0])):
            self._first.setdefault(key[0], []).append((key, js))
        self.max_len = max((len(k) for k in self.terms), default=1)

    def __getstate__(self) -> dict:
        return {"issues": self.issues, "terms": self.terms}

    def __setstate__(self, state: dict) -> None:
        self.issues, self.terms = state["issues"], state["terms"]
        self._index()

    def matches(self, every: Sequence[str]) -> Iterable[tuple[int, tuple[str, ...], list[int]]]:
        """(position, term stems, issue indices) of each term occurrence in a stem sequence."""
        first = self._first
        n = len(every)
        for i, s in enumerate(every):
            cands = first.get(s)
            if cands is None:
                continue
            for key, js in cands:
                k = len(key)
                if k == 1 or (i + k <= n and tuple(every[i:i + k]) == key):
                    yield i, key, js

    def count_row(self, every: Sequence[str]) -> list[int]:
        row = [0] * len(self.issues)
        for _, _, js in self.matches(every):
            for j in js:
                row[j] += 1
        return row

    def counts(self, analysed: Sequence[Sequence[str]]) -> np.ndarray:
        """log(1 + hits) per issue for each stem sequence (from :func:`analyse`)."""
        rows = [self.count_row(e) for e in analysed]
        return np.log1p(np.asarray(rows, dtype=np.float64).reshape(-1, len(self.issues)))

    def hits(self, text: str) -> dict[str, list[str]]:
        """The lexicon terms found in ``text``, per issue (stem phrases, in text order)."""
        found: dict[str, list[str]] = {}
        for _, key, js in self.matches(analyze_both(text)[1]):
            for j in js:
                found.setdefault(self.issues[j], []).append(" ".join(key))
        return found

    def features(self, texts: Iterable[str]) -> sparse.csr_matrix:
        return sparse.csr_matrix(self.counts([analyze_both(t)[1] for t in texts]))
