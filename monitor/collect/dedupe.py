"""Exact and near-duplicate detection for syndicated news (press releases on many outlets).

* ``content_hash``: SHA-256 of the text after Unicode (NFKC), case and whitespace
  normalisation: the same article saved twice.
* ``signature`` / ``NearDuplicateIndex``: MinHash over word 2-shingles with LSH banding.
  Datelines, "Baca juga" lines and trailing editor initials are removed first (the same
  clean-up as extraction), so a press release re-published with another dateline, a
  "(red)" and a changed word or two keeps nearly all its shingles.

The MinHash is our own (numpy, ~60 lines) rather than datasketch's, so that stored
signatures do not depend on a library's hashing scheme: a signature is 4 bytes per
permutation behind a small header, for a SQLite BLOB column.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib
from collections import defaultdict
from typing import Hashable

import numpy as np

from monitor.collect.extract import clean_paragraphs

NUM_PERM = 128
SHINGLE = 2  # words per shingle: an edited word changes only two shingles
DEFAULT_THRESHOLD = 0.8
_SEED = 20240601
_MAGIC = b"OGM1"
_HEADER = struct.Struct("<4sHH")  # magic, num_perm, shingle size
_PRIME = np.uint64((1 << 61) - 1)
_MASK = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+", re.UNICODE)


def normalize(text: str) -> str:
    """NFKC, lower case, whitespace collapsed: what ``content_hash`` compares."""
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())


def content_hash(text: str) -> str:
    """Hex SHA-256 of the normalised text: equal for exact duplicates modulo case/spacing."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


def comparable_text(text: str) -> str:
    """The text without what outlets change when they re-publish: dateline, "Baca juga"
    lines, trailing editor initials (the extraction clean-up, applied again because stored
    texts may come from elsewhere)."""
    paragraphs, _dateline = clean_paragraphs((text or "").split("\n"))
    return " ".join(paragraphs)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word ``size``-grams of the comparable text (the whole text when it is shorter)."""
    words = _WORD.findall(normalize(comparable_text(text)))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(_SEED)
    # a < 2**31 and x < 2**32 keep a*x + b inside uint64
    a = rng.randint(1, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)
    b = rng.randint(0, 1 << 31, size=num_perm, dtype=np.int64).astype(np.uint64)
    return a, b


_PERMS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def minhash(text: str, num_perm: int = NUM_PERM, size: int = SHINGLE) -> np.ndarray:
    """The MinHash of ``text``'s shingles: ``num_perm`` uint32 minima (all 0xFFFFFFFF if empty)."""
    if num_perm not in _PERMS:
        _PERMS[num_perm] = _permutations(num_perm)
    a, b = _PERMS[num_perm]
    grams = shingles(text, size)
    if not grams:
        return np.full(num_perm, 0xFFFFFFFF, dtype=np.uint32)
    x = np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint64, count=len(grams))
    hashed = ((x[:, None] * a[None, :] + b[None, :]) % _PRIME) & _MASK
    return hashed.min(axis=0).astype(np.uint32)


def signature(text: str, num_perm: int = NUM_PERM) -> bytes:
    """A serialisable MinHash signature of ``text`` (``num_perm`` * 4 bytes + 8-byte header)."""
    return _HEADER.pack(_MAGIC, num_perm, SHINGLE) + minhash(text, num_perm).astype("<u4").tobytes()


def parse_signature(data: bytes) -> np.ndarray:
    """The MinHash values stored by ``signature``; ValueError for foreign bytes."""
    if len(data) < _HEADER.size:
        raise ValueError("not a MinHash signature")
    magic, num_perm, size = _HEADER.unpack_from(data)
    if magic != _MAGIC or size != SHINGLE or len(data) != _HEADER.size + 4 * num_perm:
        raise ValueError("not a MinHash signature of this version")
    return np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)


def jaccard(sig_a: np.ndarray | bytes, sig_b: np.ndarray | bytes) -> float:
    """Estimated Jaccard similarity of two signatures (share of equal minima)."""
    a = parse_signature(sig_a) if isinstance(sig_a, bytes) else sig_a
    b = parse_signature(sig_b) if isinstance(sig_b, bytes) else sig_b
    if len(a) != len(b):
        raise ValueError("signatures of different sizes")
    return float(np.mean(a == b))


def _lsh_params(threshold: float, num_perm: int, recall: float = 0.995) -> tuple[int, int]:
    """Bands and rows: the fewest candidates that still catch a pair at ``threshold`` with
    probability >= ``recall`` (candidates are verified, so extra ones cost only time)."""
    for rows in range(num_perm, 0, -1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= recall:
            return bands, rows
    return num_perm, 1


class NearDuplicateIndex:
    """An LSH index of MinHash signatures: which stored article is a near copy of this text?

    ``add`` and ``find`` take text or a signature from ``signature()``; candidates that
    share an LSH bucket are verified by their estimated Jaccard similarity, so ``find``
    answers only for similarity >= ``threshold``.
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands, self.rows = _lsh_params(threshold, num_perm)
        self._buckets: list[dict[bytes, set[Hashable]]] = [defaultdict(set) for _ in range(self.bands)]
        self._sigs: dict[Hashable, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._sigs

    def _sig(self, text_or_signature: str | bytes | np.ndarray) -> np.ndarray:
        if isinstance(text_or_signature, np.ndarray):
            sig = text_or_signature
        elif isinstance(text_or_signature, bytes):
            sig = parse_signature(text_or_signature)
        else:
            sig = minhash(text_or_signature, self.num_perm)
        if len(sig) != self.num_perm:
            raise ValueError(f"signature has {len(sig)} permutations, index uses {self.num_perm}")
        return sig

    def _band_keys(self, sig: np.ndarray) -> list[bytes]:
        r = self.rows
        return [sig[i * r : (i + 1) * r].tobytes() for i in range(self.bands)]

    def add(self, key: Hashable, text_or_signature: str | bytes | np.ndarray) -> None:
        """Index ``key`` (replacing an earlier entry under that key). Empty texts are skipped."""
        sig = self._sig(text_or_signature)
        if key in self._sigs:
            self.remove(key)
        if np.all(sig == 0xFFFFFFFF):
            return  # no words: nothing to be a duplicate of
        self._sigs[key] = sig
        for bucket, band in zip(self._buckets, self._band_keys(sig)):
            bucket[band].add(key)

    def remove(self, key: Hashable) -> None:
        """Forget ``key`` (no error when absent)."""
        sig = self._sigs.pop(key, None)
        if sig is None:
            return
        for bucket, band in zip(self._buckets, self._band_keys(sig)):
            keys = bucket.get(band)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del bucket[band]

    def similar(self, text_or_signature: str | bytes | np.ndarray) -> list[tuple[Hashable, float]]:
        """Indexed keys with estimated Jaccard >= threshold, most similar first."""
        sig = self._sig(text_or_signature)
        if np.all(sig == 0xFFFFFFFF):
            return []
        candidates: set[Hashable] = set()
        for bucket, band in zip(self._buckets, self._band_keys(sig)):
            candidates.update(bucket.get(band, ()))
        scored = [(key, float(np.mean(self._sigs[key] == sig))) for key in candidates]
        hits = [(k, s) for k, s in scored if s >= self.threshold]
        return sorted(hits, key=lambda ks: (-ks[1], str(ks[0])))

    def find(self, text_or_signature: str | bytes | np.ndarray) -> Hashable | None:
        """The key of the most similar indexed article at or above the threshold, or None."""
        hits = self.similar(text_or_signature)
        return hits[0][0] if hits else None
