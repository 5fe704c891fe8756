"""The ``ogi_org_recogniser`` component: organisation names from the trained recogniser
(``ner.Recogniser``, models/partners_ner) as the last candidate source, behind the gazetteer,
the regional units and the rules.

A learned span is only a guess: it never overrides or overlaps a candidate that an earlier
component found, and it must look like a name the codebook counts (capitalised, not a region, a
title, a generic description, an event or a bare short word). Its type comes from its head word
("Universitas" -> academic, "PT" -> business, ...), else ``other``.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import PartnerConfig, load_config
from .lexicon import _EN_HEADS
from .mentions import Mention, _candidates, _caps
from .ner import Recogniser
from .text import clean_name, norm_name
from .tokenizer import _tk

_END_TYPES = {"university": "academic", "institute": "academic", "college": "academic", "school": "academic",
              "party": "political_party", "inc": "business", "ltd": "business", "corporation": "business",
              "company": "business", "group": "business", "bank": "business"}

_LOADED: dict[str, Recogniser] = {}


def _recogniser(path: str | None) -> Recogniser:
    """One loaded model per path and process (building a pipeline must not reload it)."""
    key = path or ""
    if key not in _LOADED:
        _LOADED[key] = Recogniser.load(path)
    return _LOADED[key]


@Language.factory("ogi_org_recogniser", default_config={"gazetteer_path": None, "model_path": None,
                                                       "min_mentions": 1})
def make_recogniser_component(nlp: Language, name: str, gazetteer_path: str | None, model_path: str | None,
                              min_mentions: int) -> "RecogniserComponent":
    return RecogniserComponent(load_config(gazetteer_path), _recogniser(model_path), min_mentions)


class RecogniserComponent:
    """Add the recogniser's ORG spans that no earlier component covers and that pass the filters."""

    def __init__(self, cfg: PartnerConfig, recogniser: Recogniser, min_mentions: int = 1):
        self.cfg = cfg
        self.recogniser = recogniser
        self.min_mentions = min_mentions
        self.region_forms = {norm_name(f) for f, _ in cfg.regions}
        self.head_type: dict[str, str] = {}
        for h in cfg.open_heads:
            for w in h.words:
                self.head_type.setdefault(w.lower(), h.type)

    def __call__(self, doc: Doc) -> Doc:
        return self._add(doc, self.recogniser.spans([doc.text])[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Batch the recogniser over the texts (what nlp.pipe calls)."""
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: list[Doc]) -> Iterator[Doc]:
        for doc, spans in zip(batch, self.recogniser.spans([d.text for d in batch]), strict=True):
            yield self._add(doc, spans)

    def _token_span(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """Token indexes of a character span, or None when it does not fall on token edges."""
        tk = _tk(doc)
        try:
            i = tk.idx.index(start)
        except ValueError:
            return None
        j = i
        while j < len(tk.words) and tk.idx[j] + len(tk.words[j]) <= end:
            j += 1
        return (i, j) if j > i and tk.idx[j - 1] + len(tk.words[j - 1]) == end else None

    def _looks_like_name(self, doc: Doc, s: int, e: int, caps: bool) -> bool:
        tk = _tk(doc)
        words = tk.words[s:e]
        text = norm_name(" ".join(words))
        if not words or not (caps or words[0][:1].isupper() or words[0][:1].isdigit()):
            return False
        if text in self.region_forms or text in self.cfg.not_orgs or tk.lower[s] in self.cfg.title_words:
            return False
        if any(text.startswith(p) for p in self.cfg.not_org_prefixes) or any(w in self.cfg.event_words for w in words):
            return False
        if len(words) == 1 and (len(words[0]) <= 3 or words[0].isupper() and text in self.cfg.by_form):
            return False  # a bare short word is an initial or an acronym the gazetteer decided on
        return not (s > 0 and tk.words[s - 1] in self.cfg.landmark_words)

    def _type(self, words: list[str]) -> str:
        first = " ".join(words[:2]).lower()
        for key in (first, words[0].lower()):
            if key in self.head_type:
                return self.head_type[key]
        last = words[-1].lower().rstrip(".")
        if last in _EN_HEADS:
            return _END_TYPES.get(last, "other")
        return "other"

    def _add(self, doc: Doc, spans: list[tuple[int, int, str]]) -> Doc:
        cands = _candidates(doc)
        caps = _caps(doc)
        covered = [False] * (len(doc) + 1)
        for c in cands:
            for k in range(max(0, c.start - 1), min(len(doc), c.end + 1)):
                covered[k] = True  # a learned span touching a found name is its boundary guess
        tk = _tk(doc)
        found: list[tuple[int, int]] = []
        for a, b, _ in spans:
            tok = self._token_span(doc, a, b)
            if tok is None or any(covered[tok[0]:tok[1]]) or not self._looks_like_name(doc, *tok, caps):
                continue
            found.append(tok)
        counts: dict[str, int] = {}
        for s, e in found:
            key = norm_name(tk.span(s, e))
            counts[key] = counts.get(key, 0) + 1
        for s, e in found:
            name = clean_name(tk.span(s, e))
            key = norm_name(name)
            if counts[key] < self.min_mentions or not key:
                continue
            cands.append(Mention(s, e, "unk:" + key, name, None, self._type(tk.words[s:e]), None, False,
                                 "recogniser"))
        return doc

