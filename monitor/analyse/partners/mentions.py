"""``Mention``, one candidate organisation span, and the per-Doc state the components share:
the candidate list and resolved mentions (Doc extensions), the all-caps flag, the body start,
context windows, and the rule that an open guess running past a known name loses."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .text import is_all_caps
from .tokenizer import _tk


@dataclass
class Mention:
    """One candidate organisation span in a Doc."""

    start: int  # token indexes
    end: int
    ident: str  # gazetteer key, derived key or "unk:<normalised name>"
    name: str
    acronym: str | None
    type: str
    region: str | None
    known: bool
    source: str  # gazetteer | unit | context | generic | subunit | definition | open | local | club | recogniser
    key: str | None = None
    written_short: str | None = None  # the short form as the article writes it
    parent: "Mention | None" = None
    is_media: bool = False
    board: bool = False  # a party's or association's board: the parent is listed only if the board is dropped

    @property
    def length(self) -> int:
        return self.end - self.start


_PRIORITY = {"gazetteer": 4, "unit": 4, "subunit": 4, "context": 4, "generic": 4, "definition": 2, "open": 1,
             "open_end": 1, "local": 3, "club": 3, "named": 3, "recogniser": 0}

for _name in ("ogi_candidates", "ogi_mentions", "ogi_caps"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _candidates(doc: Doc) -> list[Mention]:
    if doc._.ogi_candidates is None:
        doc._.ogi_candidates = []
    return doc._.ogi_candidates


def _caps(doc: Doc) -> bool:
    tk = _tk(doc)
    if doc._.ogi_caps is None:
        doc._.ogi_caps = is_all_caps(tk.text)
    return doc._.ogi_caps


def _after_landmark(doc: Doc, start: int, landmarks: frozenset[str]) -> bool:
    """The span follows a place or event word ("Jalan", "Stasiun", "Piala Dunia")."""
    tk = _tk(doc)
    if start == 0:
        return False
    if tk.words[start - 1] in landmarks:
        return True
    return start >= 2 and f"{tk.words[start - 2]} {tk.words[start - 1]}" in landmarks


def _body_start(doc: Doc) -> int:
    """Character offset where the article body starts (after a prepended title)."""
    return doc.user_data.get("ogi_body_start", 0)


def _window(doc: Doc, start: int, end: int, chars: int = 40) -> str:
    tk = _tk(doc)
    a = tk.idx[start]
    b = tk.idx[end - 1] + len(tk.words[end - 1])
    return tk.text[max(0, a - chars): b + chars]


def _drop_extended_guesses(cands: list[Mention]) -> list[Mention]:
    """An open guess that runs past a known name it starts with or cuts into loses
    ("Partai Golkar Airlangga Hartarto" -> "Partai Golkar")."""
    known = [m for m in cands if m.known]

    def loses(o: Mention) -> bool:
        if o.source in ("club", "named"):
            return False  # a club or named unit under its own name contains a known word by design
        for k in known:
            if o.source == "open_end" and k.start == o.start and o.end - k.end >= 2:
                continue  # "Gelora Lombok FC" is a club; "BRI Group" is still BRI
            if k.start < o.end and o.start < k.end:  # overlap
                if k.start == o.start and o.end > k.end:
                    return True
                if not (o.start <= k.start and k.end <= o.end):  # partial overlap
                    return True
        return False
    return [m for m in cands if m.known or not loses(m)]
