"""Indonesian text normalisation on spaCy's blank "id" pipeline.

Tokens are lowercased and reduced to their root with the Sastrawi stemmer, which strips the
Indonesian affixes (``di-...-kan``, ``me-...-i``, ``ber-``, ``-nya`` ...): "dikorupsikan",
"korupsinya" and "korupsi" all become "korupsi". Stems are cached per word form, which is what
makes this fast enough for batch classification (a news corpus has a few tens of thousands of
word forms; Sastrawi on each form costs tens of microseconds, a cache hit well under one).

The same normalisation is a registered spaCy component (``ogi_stemmer``) that writes the stem
into ``Token.norm_`` for pipelines that want it (e.g. matchers on ``NORM``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.tokens import Doc

_WORD = re.compile(r"^[a-z][a-z\-]*[a-z]$|^[a-z]$")
# Words the stemmer must leave alone: acronyms and terms whose "affix" is part of the root.
_KEEP = {"pemilu", "pilkada", "pilpres", "bansos", "pungli", "menteri", "kementerian", "pemerintah",
         "berita", "perempuan", "pengadilan", "penyandang", "pelayanan", "pendidikan", "kesehatan",
         "keadilan", "kejaksaan", "kepolisian", "pertambangan", "perikanan", "peradilan", "keuangan"}
STOPWORDS = frozenset(STOP_WORDS) | {"nya", "pun", "lah", "kah", "tersebut", "yakni", "ujar", "kata",
                                     "jelas", "tutur", "ungkap", "sebut", "katanya", "ujarnya"}

_nlp: Language | None = None


def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


_STEMMER = None
_STEMS: dict[str, str] = {}
_MAX_STEMS = 500_000


def stem(word: str) -> str:
    """The Sastrawi root of one lowercase word (cached)."""
    global _STEMMER
    cached = _STEMS.get(word)
    if cached is not None:
        return cached
    if word in _KEEP or len(word) <= 3 or not word.isalpha():
        result = word
    else:
        if _STEMMER is None:
            _STEMMER = _stemmer()
        result = _STEMMER.stem(word) or word
    if len(_STEMS) >= _MAX_STEMS:  # bound memory on endless streams of new word forms
        _STEMS.clear()
    _STEMS[word] = result
    return result


def prime_stem(word: str, root: str) -> None:
    """Seed the stem cache (a trained model ships the stems of its vocabulary)."""
    _STEMS[word] = root


def stem_table() -> dict[str, str]:
    """The cached word -> stem pairs where the stem differs from the word."""
    return {w: s for w, s in _STEMS.items() if w != s}


@Language.factory("ogi_stemmer")
def make_stemmer(nlp: Language, name: str) -> "StemmerComponent":
    return StemmerComponent()


class StemmerComponent:
    """Sets ``token.norm_`` to the stem of the lowercased token."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            low = token.lower_
            if low.isalpha():
                token.norm_ = stem(low)
        return doc


def blank_id() -> Language:
    """spaCy's blank Indonesian pipeline (tokeniser only), shared by the process."""
    global _nlp
    if _nlp is None:
        _nlp = spacy.blank("id")
        _nlp.max_length = 5_000_000
    return _nlp


# spaCy tokenises each whitespace-delimited chunk on its own, so the result for a chunk can be
# memoised: the output is identical to tokenising the whole text, at the cost of a dict lookup
# for every chunk seen before (most chunks of a news text are).
@lru_cache(maxsize=400_000)
def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    return tuple(t for t in (tok.lower_ for tok in blank_id().make_doc(chunk)) if _WORD.match(t))


@lru_cache(maxsize=400_000)
def _chunk_stems(chunk: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in _chunk_tokens(chunk) if t not in STOPWORDS)


def tokens(text: str) -> list[str]:
    """Lowercased word tokens of ``text`` (spaCy tokeniser; punctuation and numbers dropped)."""
    out: list[str] = []
    for chunk in text.split():
        out.extend(_chunk_tokens(chunk))
    return out


def analyze(text: str) -> list[str]:
    """Stems of the content words of ``text``: the classifier's analyzer."""
    out: list[str] = []
    for chunk in text.split():
        out.extend(_chunk_stems(chunk))
    return out


def analyze_many(texts: Iterable[str]) -> Iterator[list[str]]:
    for text in texts:
        yield analyze(text)


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def sentences(text: str) -> list[str]:
    """Sentences of a news text: split on paragraph breaks and sentence punctuation."""
    return [s.strip() for s in _SENT_SPLIT.split(text) if s and len(s.strip()) > 1]
