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

from . import context, named, recognise, rules, units  # noqa: F401  (register the ogi_org_* factories)
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


# The candidate sources in order, then the resolver; ``disable`` names them without the prefix.
COMPONENTS = ("ogi_org_gazetteer", "ogi_org_units", "ogi_org_context", "ogi_org_named", "ogi_org_rules",
              "ogi_org_resolver")


def build_nlp(gazetteer_path: str | os.PathLike | None = None, disable: Iterable[str] = (),
              recogniser: str | os.PathLike | bool | None = None) -> Language:
    """spacy.blank("id") with the fast tokenizer and the partner components, configured by path.

    ``disable``: components left out, by short name ("context", "rules", ...), and resolver steps
    as "resolver.<step>" (``RESOLVER_STEPS``) and rule families as "rules.<step>" (``RULE_STEPS``),
    for ablations; the resolver itself always runs.
    ``recogniser``: the trained recogniser as a last candidate source: a model folder, True for
    models/partners_ner, False for none, None for the default (``USE_RECOGNISER_BY_DEFAULT``).
    """
    path = str(Path(gazetteer_path).resolve()) if gazetteer_path else None
    load_config(path)  # fail early, with the file's name, on a bad gazetteer
    disable = list(disable)
    off = {d for d in disable if "." not in d}
    # the components whose steps can be skipped one by one ("rules.heads", "resolver.parents")
    steps = {c: [d.split(".", 1)[1] for d in disable if d.startswith(c + ".")] for c in ("rules", "resolver")}
    unknown = off - {c.removeprefix("ogi_org_") for c in COMPONENTS[:-1]}
    if unknown:
        raise ValueError(f"unknown partner component(s): {', '.join(sorted(unknown))}")
    model = _recogniser_path(recogniser)
    nlp = spacy.blank("id")
    nlp.tokenizer = OgiTokenizer(nlp.vocab)
    for comp in COMPONENTS:
        short = comp.removeprefix("ogi_org_")
        if short == "resolver" and model is not None:
            from . import learned  # noqa: F401  (registers ogi_org_recogniser; imports spaCy NER)

            nlp.add_pipe("ogi_org_recogniser", config={"gazetteer_path": path, "model_path": model})
        if short in off:
            continue
        config = {"gazetteer_path": path} | ({"skip": steps[short]} if short in steps else {})
        nlp.add_pipe(comp, config=config)
    return nlp


# Whether PartnerExtractor() uses models/partners_ner when it exists: the ablation in
# docs/partners.md decides (the recogniser must add F1 on the gold sets to be on by default).
USE_RECOGNISER_BY_DEFAULT = False


def _recogniser_path(recogniser: str | os.PathLike | bool | None) -> str | None:
    from .ner import DEFAULT_MODEL_DIR

    if recogniser is False:
        return None
    if recogniser is None:
        return str(DEFAULT_MODEL_DIR) if USE_RECOGNISER_BY_DEFAULT and (DEFAULT_MODEL_DIR / "meta.json").is_file() \
            else None
    return str(DEFAULT_MODEL_DIR if recogniser is True else Path(recogniser).resolve())


class PartnerExtractor:
    """Name the partner organisations of articles (codebook section 2)."""

    def __init__(self, gazetteer_path: str | os.PathLike | None = None, disable: Iterable[str] = (),
                 recogniser: str | os.PathLike | bool | None = None):
        self.config = load_config(gazetteer_path)
        self.nlp = build_nlp(gazetteer_path, disable, recogniser)
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
