"""``PartnerExtractor``: masks noise (HTML leftovers, "Baca juga" / video teasers) without
moving offsets, runs the spaCy pipeline built by ``build_nlp`` and folds the mentions into one
``Partner`` per organisation."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from monitor.models import Partner

from . import recognise, rules, units  # noqa: F401  (register the ogi_org_* factories)
from .gazetteer import load_config
from .mentions import Mention
from .resolve import fold_partners
from .tokenizer import OgiTokenizer

_NOISE_PATTERNS = [
    # teaser lines: "Baca juga: ...", "(Baca: ...)", "SIMAK JUGA - ...", "Simak Video '...':"
    re.compile(r"(?im)\(\s*(?:baca|lihat|simak)(?: juga)?\s*:[^)\n]{0,250}\)"),
    re.compile(r"(?im)^[ \t]*[\[(]?\s*(?:baca|simak|lihat|tonton|saksikan)(?: juga| pula)?\s*[:\-–][^\n]{0,250}"),
    re.compile(r"(?i)\b(?:baca juga|simak juga|lihat juga|tonton juga|saksikan juga|simak video|tonton video"
               r"|lihat video|saksikan video)\b[^\n]{0,250}"),
    re.compile(r"\[Gambas:[^\]]{0,60}\]"),
    # detik's stripped video teaser at the very end: ". : Title"
    re.compile(r"(?<=[.!?\"”])\s+:\s+[^\n]{0,200}$"),
    # HTML tags, comments and entities
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"</?[A-Za-z][^<>]{0,300}>"),
    re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});"),
]


def mask_noise(text: str) -> str:
    """Blank teasers and HTML leftovers with spaces so character offsets stay valid."""
    spans = [(m.start(), m.end()) for pat in _NOISE_PATTERNS for m in pat.finditer(text)]
    if not spans:
        return text
    chars = list(text)
    for a, b in spans:
        frag = text[a:b]
        # keep "&" of "&amp;" so "Ernst &amp; Young" still reads as one name
        chars[a:b] = "&" + " " * (b - a - 1) if frag.lower() == "&amp;" else " " * (b - a)
    return "".join(chars)


def build_nlp(gazetteer_path: str | os.PathLike | None = None) -> Language:
    """spacy.blank("id") with the fast tokenizer and the four partner components, configured by path."""
    path = str(Path(gazetteer_path).resolve()) if gazetteer_path else None
    load_config(path)  # fail early, with the file's name, on a bad gazetteer
    nlp = spacy.blank("id")
    nlp.tokenizer = OgiTokenizer(nlp.vocab)
    for comp in ("ogi_org_gazetteer", "ogi_org_units", "ogi_org_rules", "ogi_org_resolver"):
        nlp.add_pipe(comp, config={"gazetteer_path": path})
    return nlp


class PartnerExtractor:
    """Name the partner organisations of articles (codebook section 2)."""

    def __init__(self, gazetteer_path: str | os.PathLike | None = None):
        self.config = load_config(gazetteer_path)
        self.nlp = build_nlp(gazetteer_path)
        self.nlp.max_length = max(self.nlp.max_length, 2_000_000)

    @staticmethod
    def _compose(text: str, title: str) -> str:
        text = text or ""
        title = (title or "").strip()
        # IndoSum's "title" is the first sentence of the text: do not count it twice
        if not title or text.lstrip().startswith(title[:60]):
            return text
        return f"{title}\n\n{text}"

    def _prepare(self, text: str, title: str = "") -> Doc:
        """Masked text as a Doc; a prepended title is marked so open rules skip its Title Case."""
        composed = self._compose(text, title)
        doc = self.nlp.make_doc(mask_noise(composed))
        doc.user_data["ogi_body_start"] = len(composed) - len(text or "")
        return doc

    def extract(self, text: str, title: str = "") -> list[Partner]:
        """The organisations of one article, in order of first mention.

        ``first_offset`` is a character offset into ``title + "\\n\\n" + text`` when a title
        that is not the text's first sentence is given, else into ``text``.
        """
        return self.partners(self.nlp(self._prepare(text, title)))

    def extract_many(self, texts: Iterable[str | tuple[str, str]], batch_size: int = 64,
                     titles: Sequence[str] | None = None) -> list[list[Partner]]:
        """Batch extraction (nlp.pipe), one list per input in order.

        Items are texts or (text, title) pairs; ``titles`` may instead give one title per text.
        """
        items = list(texts)
        if titles is not None:
            if len(titles) != len(items):
                raise ValueError(f"{len(items)} texts but {len(titles)} titles")
            items = [(t[0] if isinstance(t, tuple) else t, ti) for t, ti in zip(items, titles)]
        prepared = (self._prepare(*t) if isinstance(t, tuple) else self._prepare(t) for t in items)
        return [self.partners(doc) for doc in self.nlp.pipe(prepared, batch_size=batch_size)]

    def mentions(self, text: str, title: str = "") -> list[Mention]:
        """Resolved mentions (for debugging and the review command)."""
        return list(self.nlp(self._prepare(text, title))._.ogi_mentions or [])

    @staticmethod
    def partners(doc: Doc) -> list[Partner]:
        """Fold a processed Doc's mentions into one Partner per organisation."""
        return fold_partners(doc)
