"""``Recogniser``: the trained organisation-name recogniser (spaCy NER, label ``ORG``, CPU) as a
candidate source of organisation spans behind the gazetteer and the rules.

Trained by ``ner_train.train_recogniser`` (``monitor partners train-recogniser``) into
``models/partners_ner/``; ``card.md`` there gives its data and measured figures.

    rec = Recogniser.load()               # models/partners_ner; RecogniserMissing if absent
    rec.spans(["Kepala Dinas Kesehatan NTB ..."])   # -> [[(13, 26, "Dinas Kesehatan NTB")], ...]
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from monitor.paths import PROJECT_ROOT

DEFAULT_MODEL_DIR = PROJECT_ROOT / "models" / "partners_ner"
ORG = "ORG"


class RecogniserMissing(FileNotFoundError):
    """No trained recogniser in the folder asked for."""


class Recogniser:
    """ORG spans of texts from a trained spaCy pipeline (tokenizer + tok2vec + ner only)."""

    def __init__(self, nlp, batch_size: int = 32, n_process: int = 1):
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, batch_size: int = 32) -> "Recogniser":
        """The model in ``path`` (default ``models/partners_ner``). Raises ``RecogniserMissing`` with the
        command that trains one when the folder or its model files are absent."""
        import spacy

        folder = Path(path) if path else DEFAULT_MODEL_DIR
        if not (folder / "meta.json").is_file() or not (folder / "ner").is_dir():
            raise RecogniserMissing(f"no organisation recogniser in {folder}: train one with "
                                    "`monitor partners train-recogniser` (needs ../shared/corpora)")
        nlp = spacy.load(folder, exclude=[p for p in _pipe_names(folder) if p not in ("tok2vec", "ner")])
        return cls(nlp, batch_size=batch_size)

    def spans(self, texts: Iterable[str]) -> list[list[tuple[int, int, str]]]:
        """For each text, its ORG spans as (character start, character end, text), in text order."""
        out: list[list[tuple[int, int, str]]] = []
        for doc in self.nlp.pipe((t or "" for t in texts), batch_size=self.batch_size, n_process=self.n_process):
            out.append([(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == ORG])
        return out


def _pipe_names(folder: Path) -> list[str]:
    import json

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return list(meta.get("pipeline", []))
