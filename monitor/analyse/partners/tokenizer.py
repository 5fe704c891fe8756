"""``OgiTokenizer``, the regex tokenizer of the blank Indonesian pipeline, and ``_Toks``, the
plain-Python token lists it keeps on each Doc (``_tk(doc)``) for the components to index."""

from __future__ import annotations

import itertools
import operator
import re

from spacy.tokens import Doc


class _Toks:
    """Plain-Python views of a Doc's tokens, built once per Doc: rules index these lists
    instead of creating spaCy Token/Span objects in their loops."""

    __slots__ = ("text", "words", "idx", "_lower", "_positions", "_lowerset")

    def __init__(self, text: str, words: list[str], idx: list[int]):
        self.text = text
        self.words = words
        self.idx = idx
        self._lower: list[str] | None = None
        self._positions: dict[str, list[int]] | None = None
        self._lowerset: set[str] | None = None

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = [w.lower() for w in self.words]
        return self._lower

    @property
    def positions(self) -> dict[str, list[int]]:
        """Capitalised word -> its token indexes."""
        if self._positions is None:
            pos: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                if w[:1].isupper():
                    pos.setdefault(w, []).append(i)
            self._positions = pos
        return self._positions

    @property
    def lowercase_words(self) -> set[str]:
        if self._lowerset is None:
            self._lowerset = {w for w in self.words if w.islower()}
        return self._lowerset

    def span(self, start: int, end: int) -> str:
        """The exact text of tokens start..end-1."""
        if end <= start:
            return ""
        return self.text[self.idx[start]: self.idx[end - 1] + len(self.words[end - 1])]


def _tk(doc: Doc) -> _Toks:
    tk = doc.user_data.get("ogi_toks")
    if tk is None:
        tk = _Toks(doc.text, [t.text for t in doc], [t.idx for t in doc])
        doc.user_data["ogi_toks"] = tk
    return tk


_TOKEN_RE = re.compile(r"""
 (https?://[^\s<>"]+|www\.[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+
 |\d+(?:[.,]\d+)+|[^\W\d_]+\.\d+(?:\.\d+)*
 |[^\W_]+(?:\.[^\W_]+)*\.(?:com|co\.id|id|net|org|tv|news|co|info)\b
 |(?:[A-Za-z]\.){2,}|[A-Z]\.(?=\s+[A-Z])
 |[^\W_]+(?:-[^\W_]+)+
 |'s\b
 |[@\#]?\w+(?:'\w+)*
 |\s+
 |.)
 (\ (?=\S))?
""", re.X | re.S)
_HYPHENATED_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


class OgiTokenizer:
    """A regex tokenizer for ``spacy.blank("id")``, several times faster than the default
    rule-based one and just as good for names: words, numbers ("1.500", "5,8"), web addresses
    and domains ("CNNIndonesia.com"), initials ("R.T.") are tokens, every other punctuation mark
    is its own token, and a hyphenated word stays whole only when it is a reduplication or all
    lowercase ("Bangsa-Bangsa", "sehari-hari"; "Soekarno - Hatta", "e - KTP"). Whitespace other
    than one space before a word becomes a token, as in spaCy, so ``doc.text`` is the input
    exactly. The token texts and offsets are kept on the Doc for the components (``_tk``).

    The work is done by ``re.findall`` and C-level iterators; only hyphenated words are looked at
    one by one."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        pairs = _TOKEN_RE.findall(text)
        words = [w for w, _ in pairs]
        spaces = [bool(sp) for _, sp in pairs]
        if "-" in text:
            hyph = [i for i, w in enumerate(words) if "-" in w and _HYPHENATED_RE.fullmatch(w)]
            for i in reversed(hyph):
                parts = words[i].split("-")
                if all(p.isalpha() and p.islower() for p in parts) or \
                        (len(parts) == 2 and parts[0].lower() == parts[1].lower()):
                    continue
                split = [x for k, p in enumerate(parts) for x in ((p,) if k == 0 else ("-", p))]
                words[i:i + 1] = split
                spaces[i:i + 1] = [False] * (len(split) - 1) + [spaces[i]]
        idx = [0, *itertools.accumulate(map(operator.add, map(len, words), spaces))][:-1] if words else []
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["ogi_toks"] = _Toks(text, words, idx)
        return doc

    # spaCy calls these when a pipeline is saved or loaded; the tokenizer has no state
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "OgiTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "OgiTokenizer":
        return self
