"""Feature extraction for the issue classifier: stemmed n-grams and issue-lexicon priors.

One pass of :func:`monitor.analyse.textnorm.analyze_all` over a document gives both views the model
needs: the stems of its content words (for the uni+bigram TF-IDF features) and the stems and
light forms of all its words (for the lexicon phrases, which may hold a stopword: "kekerasan
dalam rumah tangga").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import numpy as np
from scipy import sparse

from monitor.analyse.textnorm import analyze, analyze_all, light, stem, tokens

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
    """A document after one analysis pass: its n-grams, and the stems and light forms of all words."""

    grams: list[str]
    every: list[str]
    lights: list[str]


def analyse(doc: str) -> Analysed:
    content, every, lights = analyze_all(doc)
    return Analysed(grams(content), every, lights)


# A lexicon word is matched by its stem when it is a root ("korupsi" also matches "dikorupsi",
# "suap" matches "menyuap"), and as written (less inflectional endings) when it is a derived
# form: Sastrawi reduces "pengadaan" to "ada", "keterbukaan" to "buka" and "pengacara" to
# "acara", which as stems would match almost every article.
_STEM, _EXACT = 0, 1


def term_key(term: str) -> tuple[tuple[int, str], ...]:
    """How a lexicon term is matched: per word, (_STEM, stem) or (_EXACT, light form)."""
    out = []
    for word in tokens(term):
        root = stem(word)
        out.append((_STEM, root) if root == word else (_EXACT, light(word)))
    return tuple(out)


class Lexicon:
    """Per-issue term lists from config/issues.toml, matched on normalised words.

    Terms are indexed by their first word, so matching is one dict lookup per word of the
    text. ``counts`` gives log(1 + hits) per issue. Overlapping terms all count
    ("tambang" and "tambang ilegal").
    """

    def __init__(self, terms_by_issue: dict[str, Sequence[str]]):
        self.issues = list(terms_by_issue)
        self.terms: dict[tuple[tuple[int, str], ...], list[int]] = {}
        for j, issue in enumerate(self.issues):
            for term in terms_by_issue[issue]:
                key = term_key(term)
                if key and j not in self.terms.get(key, []):
                    self.terms.setdefault(key, []).append(j)
        self._index()

    def _index(self) -> None:
        self._first: tuple[dict, dict] = ({}, {})
        for key, js in sorted(self.terms.items(), key=lambda kv: -len(kv[0])):
            kind, word = key[0]
            self._first[kind].setdefault(word, []).append((key, js))

    def __getstate__(self) -> dict:
        return {"issues": self.issues, "terms": self.terms}

    def __setstate__(self, state: dict) -> None:
        self.issues, self.terms = state["issues"], state["terms"]
        self._index()

    def matches(self, every: Sequence[str], lights: Sequence[str]
                ) -> Iterator[tuple[int, tuple[tuple[int, str], ...], list[int]]]:
        """(position, term key, issue indices) of each term occurrence in an analysed text."""
        by_stem, by_light = self._first
        views = (every, lights)
        n = len(every)
        for i in range(n):
            for cands in (by_stem.get(every[i]), by_light.get(lights[i])):
                if not cands:
                    continue
                for key, js in cands:
                    k = len(key)
                    if k == 1 or (i + k <= n and all(views[kind][i + o] == w
                                                     for o, (kind, w) in enumerate(key[1:], 1))):
                        yield i, key, js

    def count_row(self, every: Sequence[str], lights: Sequence[str]) -> list[int]:
        row = [0] * len(self.issues)
        for _, _, js in self.matches(every, lights):
            for j in js:
                row[j] += 1
        return row

    def counts(self, analysed: Sequence[Analysed]) -> np.ndarray:
        """log(1 + hits) per issue for each analysed document."""
        rows = [self.count_row(a.every, a.lights) for a in analysed]
        return np.log1p(np.asarray(rows, dtype=np.float64).reshape(-1, len(self.issues)))

    def hits(self, text: str) -> dict[str, list[str]]:
        """The lexicon terms found in ``text``, per issue, in text order (as matched: stems or words)."""
        _, every, lights = analyze_all(text)
        found: dict[str, list[str]] = {}
        for _, key, js in self.matches(every, lights):
            for j in js:
                found.setdefault(self.issues[j], []).append(term_text(key))
        return found

    def features(self, texts: Iterable[str]) -> sparse.csr_matrix:
        return sparse.csr_matrix(self.counts([analyse(t) for t in texts]))


def term_text(key: tuple[tuple[int, str], ...]) -> str:
    return " ".join(w for _, w in key)
