"""Training data for the organisation-name recogniser (``ner_train.py``): BIO readers for the
shared Indonesian NER sets and the converter of our round-2 span annotations, to spaCy Docs whose
only entity label is ``ORG``.

Shared sets (``../shared/corpora/ner/``, one token a line, a blank line ends a sentence):
``token TAB label`` (nergrit, nerp, nerui, nerugm) or ``token SPACE POS SPACE label`` (idner2k).
Only the organisation label of each set becomes ``ORG``; every other label becomes ``O``.

Round 2 (``corpora/partners_round2.jsonl``): character spans into an article's title or text.
Every organisation of an article is annotated (with every word-bounded occurrence), so all other
tokens are ``O``. Nested or overlapping mentions keep the longest (``longest_non_overlapping``);
a mention whose edges fall inside a token is marked *missing* (neither ORG nor O) rather than
guessed. Articles are cut into paragraph- or sentence-sized Docs (``segments``) that never cut a
mention. Only ``split == "dev"`` lines are ever converted (``round2_rows``).

Everything here is a pure function of its inputs (no files are written except by ``write_docbin``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from .evaluate import article_hash

ORG = "ORG"

# set name -> the label its files give organisations (nerp: organisations *and* brands, lowercased)
ORG_LABELS: dict[str, str] = {
    "nergrit": "ORGANISATION",
    "nerp": "IND",
    "nerui": "ORGANIZATION",
    "nerugm": "ORGANIZATION",
    "idner2k": "ORG",
}
# set name -> (train, dev, test) file names in the shared ner/ folder
SHARED_FILES: dict[str, tuple[str, str, str]] = {
    "nergrit": ("nergrit_train.txt", "nergrit_valid.txt", "nergrit_test.txt"),
    "nerp": ("nerp_train.txt", "nerp_valid.txt", "nerp_test.txt"),
    "nerui": ("nerui_train.tsv", "nerui_dev.tsv", "nerui_test.tsv"),
    "nerugm": ("nerugm_train.tsv", "nerugm_dev.tsv", "nerugm_test.tsv"),
    "idner2k": ("idner2k_train.txt", "idner2k_dev.txt", "idner2k_test.txt"),
}
SPLITS = ("train", "dev", "test")

TokenSpan = tuple[int, int]  # [start, end) in tokens
CharSpan = tuple[int, int]  # [start, end) in characters


@dataclass(frozen=True)
class Sentence:
    """One BIO sentence: its tokens and the token spans of its organisations."""

    words: tuple[str, ...]
    orgs: tuple[TokenSpan, ...]

    def key(self) -> str:
        """Lowercased tokens joined by one space: the identity used to remove duplicates across splits
        (lowercased because nerp is)."""
        return " ".join(self.words).lower()


# ------------------------------------------------------------------ BIO readers

def bio_spans(labels: Sequence[str], org_label: str) -> list[TokenSpan]:
    """Token spans of ``org_label`` in BIO ``labels``; an ``I-`` without a preceding ``B-``/``I-`` of
    the same type starts a span (IOB1-style leftovers in the shared sets)."""
    spans: list[TokenSpan] = []
    start: int | None = None
    for i, label in enumerate(labels):
        prefix, _, kind = label.partition("-")
        inside = kind == org_label and prefix in ("B", "I")
        if start is not None and (not inside or prefix == "B"):
            spans.append((start, i))
            start = None
        if inside and start is None:
            start = i
    if start is not None:
        spans.append((start, len(labels)))
    return spans


def parse_bio(text: str, org_label: str) -> list[Sentence]:
    """Sentences of a BIO file's text: one token a line (``token TAB label`` or
    ``token SPACE POS SPACE label``; the token is the first field, the label the last), a blank line
    ends a sentence. Windows line ends are accepted; lines without a label are skipped."""
    sentences: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []

    def close() -> None:
        if words:
            sentences.append(Sentence(tuple(words), tuple(bio_spans(labels, org_label))))
        words.clear()
        labels.clear()

    for raw in text.splitlines():
        line = raw.strip("\r\n")
        if not line.strip():
            close()
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        token, label = fields[0].strip(), fields[-1].strip()
        if len(fields) < 2 or not token:
            continue
        words.append(token)
        labels.append(label)
    close()
    return sentences


def read_bio_file(path: str | os.PathLike, set_name: str) -> list[Sentence]:
    """The sentences of one shared file, organisations of ``set_name``'s label (``ORG_LABELS``)."""
    return parse_bio(Path(path).read_text(encoding="utf-8"), ORG_LABELS[set_name])


def read_shared_set(ner_dir: str | os.PathLike, set_name: str) -> dict[str, list[Sentence]]:
    """``{"train": [...], "dev": [...], "test": [...]}`` of one shared set."""
    return {split: read_bio_file(Path(ner_dir) / name, set_name)
            for split, name in zip(SPLITS, SHARED_FILES[set_name])}


def drop_overlap(sentences: Iterable[Sentence], held: set[str]) -> list[Sentence]:
    """``sentences`` without those whose ``key()`` is in ``held`` (the shared sets repeat sentences
    across sets: an idner2k training sentence may be an NER-UGM test sentence)."""
    return [s for s in sentences if s.key() not in held]


def sentence_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """A Doc of the sentence's tokens (a space after each) whose entities are its ORG spans, every
    other token O."""
    words = list(sentence.words)
    doc = Doc(vocab, words=words, spaces=[True] * (len(words) - 1) + [False])
    doc.set_ents([Span(doc, s, e, label=ORG) for s, e in sentence.orgs], default="outside")
    return doc


# ------------------------------------------------------------------ round-2 span annotations

def longest_non_overlapping(spans: Iterable[CharSpan]) -> list[CharSpan]:
    """The longest spans first, each kept unless it overlaps one already kept; sorted by start.
    ("Majelis Ulama Indonesia (MUI) Kota Sukabumi" wins over the "MUI" inside it.) Ties in length
    go to the earlier span; empty spans are dropped."""
    kept: list[CharSpan] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if end > start and all(end <= a or start >= b for a, b in kept):
            kept.append((start, end))
    return sorted(kept)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def segments(text: str, spans: Sequence[CharSpan], max_chars: int = 600) -> list[CharSpan]:
    """Character ranges of ``text`` to turn into Docs: paragraphs (split at line breaks), and a
    paragraph longer than ``max_chars`` cut at sentence ends; no cut falls inside a span. Ranges
    are stripped of surrounding whitespace; blank ones are dropped."""
    def inside(pos: int) -> bool:
        return any(a < pos < b for a, b in spans)

    cuts = {0, len(text)}
    for m in re.finditer(r"\n+", text):
        if not inside(m.start()):
            cuts.update((m.start(), m.end()))
    bounds = sorted(cuts)
    pieces: list[CharSpan] = []
    for a, b in zip(bounds, bounds[1:]):
        if b - a > max_chars:
            inner = [m.end() for m in _SENTENCE_END.finditer(text, a, b) if not inside(m.end())]
            edges = [a]
            for pos in inner:  # cut greedily once a piece reaches a third of max_chars
                if pos - edges[-1] >= max_chars // 3:
                    edges.append(pos)
            edges.append(b)
            pieces.extend(zip(edges, edges[1:]))
        else:
            pieces.append((a, b))
    out = []
    for a, b in pieces:
        chunk = text[a:b]
        if chunk.strip():
            a2 = a + len(chunk) - len(chunk.lstrip())
            out.append((a2, a2 + len(chunk.strip())))
    return out


def span_doc(make_doc, text: str, spans: Sequence[CharSpan]) -> tuple[Doc, int]:
    """``make_doc(text)`` with ORG entities at the character ``spans`` (non-overlapping), every other
    token O; a span not on token edges is marked missing (its expanded tokens get no label).
    Returns the Doc and the number of such misaligned spans."""
    doc = make_doc(text)
    ents: list[Span] = []
    missing: list[Span] = []
    for start, end in spans:
        span = doc.char_span(start, end, label=ORG)
        if span is not None:
            ents.append(span)
            continue
        wide = doc.char_span(start, end, alignment_mode="expand")
        if wide is not None and len(wide):
            missing.append(wide)
    # an expanded missing span may touch a neighbouring entity: drop those entities from the gold too
    ents = [e for e in ents if not any(e.start < m.end and m.start < e.end for m in missing)]
    doc.set_ents(ents, missing=missing, default="outside")
    return doc, len(missing)


def round2_rows(path: str | os.PathLike, split: str = "dev") -> list[dict]:
    """The lines of ``partners_round2.jsonl`` with this ``split`` (only ``"dev"`` may be trained or
    tuned on; ``"heldout_regional"`` is for final reports)."""
    from monitor.analyse.corpus import read_labels

    return [row for row in read_labels(path) if row.get("split") == split]


def holdout_keys(keys: Iterable[tuple[str, str]], fraction: float = 0.15) -> set[tuple[str, str]]:
    """The first ``round(fraction * n)`` article keys by ascending ``article_hash``."""
    ordered = sorted(set(keys), key=lambda k: article_hash(*k))
    return set(ordered[: round(fraction * len(ordered))])


def article_segments(row: Mapping, title: str, text: str) -> Iterator[tuple[str, list[CharSpan]]]:
    """(segment text, its ORG char spans relative to the segment) for one annotated article.

    The title is its own segment unless the text starts with it (IndoSum's "title" is the text's
    first sentence, whose mentions the text carries too)."""
    by_field: dict[str, list[CharSpan]] = {"title": [], "text": []}
    for partner in row.get("partners", []):
        for m in partner.get("mentions", []):
            by_field.setdefault(m["field"], []).append((int(m["start"]), int(m["end"])))
    fields = [("text", text)]
    if title.strip() and not text.lstrip().startswith(title.strip()):
        fields.insert(0, ("title", title))
    for field, value in fields:
        spans = longest_non_overlapping(by_field.get(field, []))
        for a, b in segments(value, spans):
            local = [(s - a, e - a) for s, e in spans if a <= s and e <= b]
            yield value[a:b], local


def round2_docs(make_doc, rows: Iterable[Mapping], articles: Mapping[tuple[str, str], object]
                ) -> tuple[list[Doc], dict[str, int]]:
    """Docs of the annotated articles in ``rows`` (texts from ``articles``, e.g.
    ``monitor.analyse.corpus.load_corpus``: objects with ``.title`` and ``.text``) and counts
    ``{"articles", "docs", "spans", "misaligned", "missing_articles"}``."""
    docs: list[Doc] = []
    counts = {"articles": 0, "docs": 0, "spans": 0, "misaligned": 0, "missing_articles": 0}
    for row in rows:
        if row.get("split") != "dev":
            raise ValueError(f"round-2 row {row.get('corpus')}:{row.get('id')} is not in the dev split")
        art = articles.get((row["corpus"], row["id"]))
        if art is None:
            counts["missing_articles"] += 1
            continue
        counts["articles"] += 1
        for chunk, spans in article_segments(row, getattr(art, "title", "") or "", art.text or ""):
            doc, bad = span_doc(make_doc, chunk, spans)
            docs.append(doc)
            counts["spans"] += len(spans)
            counts["misaligned"] += bad
    counts["docs"] = len(docs)
    return docs, counts


def write_docbin(docs: Iterable[Doc], path: str | os.PathLike) -> int:
    """Save ``docs`` as a DocBin (entities only); returns how many were written."""
    db = DocBin(attrs=["ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n
