"""Feature extraction for the issue classifier: stemmed n-grams and issue-lexicon priors."""

from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

from .textnorm import analyze, stem, tokens

_TAGS = re.compile(r"<[^>]{0,300}>")


def clean_input(title: str, text: str, max_chars: int = 20_000) -> str:
    """The text the model reads: title (twice, it carries the topic) then the body, tags removed.

    Very long inputs are cut: the topic of a news article is settled in its first pages, and a
    bound keeps a 1 MB input from stalling a batch.
    """
    title = _TAGS.sub(" ", title or "")
    body = _TAGS.sub(" ", text or "")[:max_chars]
    return f"{title}. {title}.\n{body}"


def ngrams(text: str) -> list[str]:
    """Stem unigrams and bigrams (bigrams joined with a space): the classifier's analyzer."""
    stems = analyze(text)
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


class Lexicon:
    """Per-issue term lists from config/issues.toml, matched on stems.

    Each term (one or more words) is stemmed word by word the same way as the text, so
    "penyandang disabilitas" also matches "penyandang-penyandang disabilitasnya" after
    normalisation. ``features`` gives log(1 + hits) per issue.
    """

    def __init__(self, terms_by_issue: dict[str, Sequence[str]]):
        self.issues = list(terms_by_issue)
        self.terms: dict[tuple[str, ...], list[int]] = {}
        for j, issue in enumerate(self.issues):
            for term in terms_by_issue[issue]:
                key = tuple(stem(t) for t in tokens(term))
                if key:
                    self.terms.setdefault(key, []).append(j)
        self.max_len = max((len(k) for k in self.terms), default=1)

    def hits(self, text: str) -> dict[str, list[str]]:
        """The lexicon terms found in ``text``, per issue (surface stems)."""
        toks = [stem(t) for t in tokens(text)]
        found: dict[str, list[str]] = {}
        for n in range(1, self.max_len + 1):
            for i in range(len(toks) - n + 1):
                key = tuple(toks[i:i + n])
                for j in self.terms.get(key, ()):
                    found.setdefault(self.issues[j], []).append(" ".join(key))
        return found

    def features(self, texts: Iterable[str]) -> sparse.csr_matrix:
        rows = []
        for text in texts:
            h = self.hits(text)
            rows.append([math.log1p(len(h.get(i, ()))) for i in self.issues])
        return sparse.csr_matrix(np.asarray(rows, dtype=np.float64).reshape(-1, len(self.issues)))
