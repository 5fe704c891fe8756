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
from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
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


# Sastrawi only changes a word through one of these prefixes (its plain prefixes di-/ke-/se-,
# the be-/te-/me-/pe-/ku-/kau- disambiguation rules and the -er-/-el-/-em-/-in- infix rules)
# or suffixes (-lah/-kah/-tah/-pun, -ku/-mu/-nya, -i/-kan/-an/-is/-isme/-isasi); otherwise its
# result is the word itself. Checking that first skips its costly search (~0.1 ms) for about
# half of all new word forms, names and loan words mostly (verified on all 56k word forms of
# the shared corpora: no difference).
_MAY_PREFIX = re.compile(r"(?:di|ke|se|be|te|me|pe|ku|ka|[bcdfghjklmnpqrstvwxyz](?:er|el|em|in)[aiueo])")
_MAY_SUFFIX = re.compile(r"(?:i|an|is|isme|lah|kah|tah|pun|ku|mu|nya)$")


def _may_have_affix(word: str) -> bool:
    return bool(_MAY_PREFIX.match(word) or _MAY_SUFFIX.search(word))


def stem(word: str) -> str:
    """The Sastrawi root of one lowercase word (cached)."""
    global _STEMMER
    cached = _STEMS.get(word)
    if cached is not None:
        return cached
    if word in _KEEP or len(word) <= 3 or not word.isalpha() or not _may_have_affix(word):
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


def stem_table() -> tuple[list[str], dict[str, str]]:
    """The stem cache, compactly: (words that are their own stem, word -> stem where it differs).

    A trained model ships it so that a fresh process does not run Sastrawi again on the word
    forms seen in training: Sastrawi costs ~0.1 ms per new word form (most of it spent failing
    to find a prefix in words that are already roots or names), a cache hit well under 1 us.
    """
    same = sorted(w for w, s in _STEMS.items() if w == s)
    return same, {w: s for w, s in _STEMS.items() if w != s}


def prime_stems(same: Iterable[str], changed: dict[str, str]) -> None:
    """Load a table from :func:`stem_table` into the cache."""
    for w in same:
        _STEMS.setdefault(w, w)
    for w, s in changed.items():
        _STEMS.setdefault(w, s)


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
#
# Most chunks are one plain word with optional quotes or brackets around it and a comma, colon
# or similar after it; spaCy's blank "id" tokeniser always gives that word, so those skip spaCy.
# So do a word ending a sentence ("korupsi." or "Mataram.") unless spaCy keeps it whole as an
# abbreviation ("dll.", "dr.": its special cases; "PhD." and single letters never match), and
# chunks without any letter (numbers, dashes: nothing survives the word filter). Left to spaCy:
# digits mixed with letters, non-ASCII letters, inner punctuation, and words starting with a
# currency code that the "id" tokeniser splits off ("USDA" -> "USD", "A"). Checked against spaCy
# on all 141k distinct chunks of the shared corpora (tests/test_classify.py checks a sample).
_FAST_CHUNK = re.compile(r"[\"'(\[“‘]*(?!USD|Rp|IDR|RMB|SGD)([A-Za-z]+)[\"')\]”’,;:!?]*")
_DOT_CHUNK = re.compile(r"[\"'(\[“‘]*(?!USD|Rp|IDR|RMB|SGD)([A-Z]?[a-z]{2,})\.[\"')\]”’,;:!?]*")
_NO_LETTER = re.compile(r"[^A-Za-z\u00C0-\uFFFF]*")
_special_cases: frozenset[str] | None = None


def _spacy_chunk_tokens(chunk: str) -> tuple[str, ...]:
    return tuple(t for t in (tok.lower_ for tok in blank_id().make_doc(chunk)) if _WORD.match(t))


def _is_special(word_with_dot: str) -> bool:
    global _special_cases
    if _special_cases is None:
        _special_cases = frozenset(k.lower() for k in blank_id().tokenizer.rules)
    return word_with_dot in _special_cases


@lru_cache(maxsize=400_000)
def _chunk_tokens(chunk: str) -> tuple[str, ...]:
    m = _FAST_CHUNK.fullmatch(chunk)
    if m:
        return (m.group(1).lower(),)
    if _NO_LETTER.fullmatch(chunk):
        return ()
    m = _DOT_CHUNK.fullmatch(chunk)
    if m and not _is_special(m.group(1).lower() + "."):
        return (m.group(1).lower(),)
    return _spacy_chunk_tokens(chunk)


# Inflectional endings (clitics and particles) that never change what a word means.
_INFLECTION = re.compile(r"(?:nya|lah|kah|pun|ku|mu)$")


def light(word: str) -> str:
    """``word`` without an inflectional ending: "wartawannya" -> "wartawan" (no stemming)."""
    m = _INFLECTION.search(word)
    return word[:m.start()] if m and m.start() >= 4 else word


@lru_cache(maxsize=400_000)
def _chunk_stems(chunk: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(stems of the content words, stems of all words, light forms of all words) of one chunk."""
    toks = _chunk_tokens(chunk)
    every = tuple(stem(t) for t in toks)
    lights = tuple(light(t) for t in toks)
    if not any(t in STOPWORDS for t in toks):
        return every, every, lights
    return tuple(s for t, s in zip(toks, every) if t not in STOPWORDS), every, lights


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
        out.extend(_chunk_stems(chunk)[0])
    return out


def analyze_all(text: str) -> tuple[list[str], list[str], list[str]]:
    """(stems of the content words, stems of every word, light forms of every word), one pass.

    The first is what the n-gram features read; the other two are what lexicon phrases are
    matched on (a phrase such as "kekerasan dalam rumah tangga" keeps its stopword).
    """
    content: list[str] = []
    every: list[str] = []
    lights: list[str] = []
    for chunk in text.split():
        c, e, li = _chunk_stems(chunk)
        content.extend(c)
        every.extend(e)
        lights.extend(li)
    return content, every, lights


def aligned(text: str) -> tuple[list[str], list[str], list[int]]:
    """(tokens, stems of every token, indices of the content tokens): to map stems back to words."""
    toks: list[str] = []
    stems: list[str] = []
    for chunk in text.split():
        toks.extend(_chunk_tokens(chunk))
        stems.extend(_chunk_stems(chunk)[1])
    content = [i for i, t in enumerate(toks) if t not in STOPWORDS]
    return toks, stems, content


def analyze_many(texts: Iterable[str]) -> Iterator[list[str]]:
    for text in texts:
        yield analyze(text)


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# Titles and abbreviations that end with a full stop inside an Indonesian sentence:
# "Kepala Dinas ESDM NTB, Ir. Samsudin, mengatakan ..." is one sentence.
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:Ir|Dr|dr|drg|Drs|Dra|Prof|H|Hj|KH|St|No|Tn|Ny|Sdr|Jl|Kec|Kab|Kel|Rp|dkk|dll|dsb|tsb|yth|Bpk|Pdt|"
    r"S\.H|S\.E|S\.T|S\.Pd|S\.Sos|S\.Kom|M\.Si|M\.H|M\.M|M\.Pd|M\.T|Ph\.D|[A-Z])\.)$")


def sentences(text: str) -> list[str]:
    """Sentences of a news text: split on paragraph breaks and sentence punctuation.

    A full stop after a title or abbreviation ("Ir.", "Dr.", "H.", "S.H.", an initial) does not
    end the sentence; a paragraph break always does.
    """
    out: list[str] = []
    for paragraph in text.split("\n"):
        carry = ""
        for part in _SENT_SPLIT.split(paragraph):
            piece = f"{carry} {part.strip()}".strip() if carry else part.strip()
            if _NO_BREAK_AFTER.search(piece):
                carry = piece
                continue
            carry = ""
            if len(piece) > 1:
                out.append(piece)
        if len(carry) > 1:
            out.append(carry)
    return out
