"""The ``ogi_org_named`` component: bodies that carry their own name after a generic head.

Codebook section 2 writes an organisation under its full official name; a named unit is a
different body from the generic head it starts with ("LBH Pelita Umat Mataram" is not the bare
"LBH", "Pondok Pesantren At-Taqwa Cikampak" is one school), and a club is an organisation only
under its own name, never a different body that shares a word with it ("PS Hanura Sumbawa" is a
football club, not Partai Hanura; "PSS Sumbawa" is not PSS Sleman; "Persebi Bima" is a club).
The head words, club prefixes and the words that look like club names but are not come from the
``[named]`` table of partners.toml.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import LEVEL_WORDS, PartnerConfig, Region, load_config
from .mentions import Mention, _candidates, _caps
from .text import clean_name, norm_name
from .tokenizer import _tk

MAX_OWN_NAME = 4  # tokens of a unit's own name after its head ("Pelita Umat", "At-Taqwa")


@Language.factory("ogi_org_named", default_config={"gazetteer_path": None})
def make_named_component(nlp: Language, name: str, gazetteer_path: str | None) -> "NamedComponent":
    return NamedComponent(load_config(gazetteer_path))


class NamedComponent:
    """Sports clubs and named units ("LBH X", "Pondok Pesantren Y") as their own organisations."""

    def __init__(self, cfg: PartnerConfig):
        self.cfg = cfg
        self.regions: dict[str, Region] = {}
        for form, reg in cfg.regions:
            self.regions.setdefault(form.lower(), reg)
        self.max_region = max((len(f.split()) for f, _ in cfg.regions), default=1)
        self.heads = {tuple(h.split()): full for h, full in cfg.named_heads.items()}
        self.head_starts: dict[str, list[tuple[str, ...]]] = {}
        for head in self.heads:
            self.head_starts.setdefault(head[0], []).append(head)

    # -- token tests

    def _region_end(self, doc: Doc, i: int) -> tuple[int, Region] | None:
        """A region written from token i ("Sumbawa Barat", "NTB"): (end, region)."""
        tk = _tk(doc)
        for length in range(min(self.max_region, len(doc) - i), 0, -1):
            words = tk.words[i:i + length]
            if not all(w[:1].isupper() for w in words):
                continue
            written = " ".join(words)
            reg = self.regions.get(written.lower())
            if reg is not None and reg.written_as(written):
                return i + length, reg
        return None

    def _name_word(self, doc: Doc, j: int) -> bool:
        tk = _tk(doc)
        w = tk.words[j]
        # a weekday is a stop word, except in the market-day names of places ("Pasar Minggu")
        stop = w in self.cfg.stop_words and not (j > 0 and tk.words[j - 1] == "Pasar")
        return (w[:1].isupper() and (w.isalpha() or w.isupper()) and not stop
                and tk.lower[j] not in LEVEL_WORDS and tk.lower[j] not in self.cfg.title_words)

    def _own_name(self, doc: Doc, i: int) -> int:
        """End of the capitalised own name starting at token i (hyphens written without spaces join)."""
        tk = _tk(doc)
        n = len(doc)
        j = i
        while j < n and j - i < MAX_OWN_NAME + 2:
            if self._name_word(doc, j):
                j += 1
            elif tk.words[j] == "-" and j > i and j + 1 < n and self._name_word(doc, j + 1) and \
                    tk.idx[j] == tk.idx[j - 1] + len(tk.words[j - 1]) and tk.idx[j + 1] == tk.idx[j] + 1:
                j += 2  # "At-Taqwa"
            else:
                break
        return j

    # -- components

    def __call__(self, doc: Doc) -> Doc:
        if _caps(doc):
            return doc  # capitalisation tells nothing in a shouting article
        cands = _candidates(doc)
        cands.extend(self._clubs(doc))
        cands.extend(self._named_units(doc))
        return doc

    def _is_club_word(self, doc: Doc, i: int) -> bool:
        """"Persebi", "Persidom", "PSIM": a club's own word (not "Persatuan", "Persero"...)."""
        tk = _tk(doc)
        w = tk.words[i]
        low = tk.lower[i]
        if low in self.cfg.not_club_words or not w.isalpha():
            return False
        if w in self.cfg.club_prefixes:
            return True
        return (w.startswith(("Pers", "PS")) and 4 <= len(w) <= 10 and w[1:].islower() != w.isupper()
                and low not in tk.lowercase_words)

    def _clubs(self, doc: Doc) -> list[Mention]:
        tk = _tk(doc)
        out = []
        n = len(doc)
        i = 0
        words = tk.words
        prefixes = self.cfg.club_prefixes
        while i < n:
            w = words[i]
            if not (w in prefixes or w.startswith(("Pers", "PS"))) or not self._is_club_word(doc, i):
                i += 1
                continue
            # "PS Hanura Sumbawa", "Persebi Bima", "PSS Sumbawa": club word, own words, a region
            j = i + 1
            end = None
            while j < n and j - i <= 3:
                found = self._region_end(doc, j)
                if found:
                    end = found[0]
                    region = found[1]
                    break
                if not self._name_word(doc, j):
                    break
                j += 1
            if end is None or (tk.words[i] in self.cfg.club_prefixes and end - i < 2):
                i += 1
                continue
            name = clean_name(tk.span(i, end))
            acronym = tk.words[i] if tk.words[i] not in self.cfg.club_prefixes else None
            out.append(Mention(i, end, "club:" + norm_name(name), name, acronym, "other", region.name, False, "club"))
            i = end
        return out

    def _named_units(self, doc: Doc) -> list[Mention]:
        tk = _tk(doc)
        out = []
        n = len(doc)
        starts = self.head_starts
        for i in [i for i, w in enumerate(tk.lower) if w in starts]:
            for head in starts[tk.lower[i]]:
                full, typ = self.heads[head]
                k = i + len(head)
                if k >= n or tuple(tk.lower[i:k]) != head:
                    continue
                written_head = tk.span(i, k)
                if not written_head[:1].isupper() or (len(head) == 1 and written_head != written_head.upper()
                                                      and len(written_head) <= 4):
                    continue
                lookup_head = written_head
                if k + 2 < n and tk.words[k] == "(" and tk.words[k + 2] == ")":
                    lookup_head = tk.words[k + 1]  # "Lembaga Bantuan Hukum (LBH) Apik NTB"
                    k += 3
                if self._region_end(doc, k):
                    continue  # "LBH Mataram": a chapter, the units component names it
                end = self._own_name(doc, k)
                if end == k:
                    continue
                own_end = end
                found = self._region_end(doc, end)
                if found:
                    end = found[0]
                else:  # the run ends with the region: "LBH Pelita Umat Mataram"
                    for r in (2, 1):
                        tail = self._region_end(doc, end - r) if end - r > k else None
                        if tail and tail[0] == end:
                            own_end, found = end - r, tail
                            break
                own = tk.span(k, own_end)
                region = tk.span(own_end, end)
                known = self.cfg.by_form.get(norm_name(f"{written_head} {own}")) or \
                    self.cfg.by_form.get(norm_name(f"{lookup_head} {own}"))
                base = known.name if known else f"{full} {own}"
                name = clean_name(f"{base} {region}")
                mtype = known.type if known else typ
                acronym = clean_name(f"{lookup_head} {own} {region}")
                out.append(Mention(i, end, "named:" + norm_name(name), name, acronym, mtype,
                                   found[1].name if found else None, False, "named"))
        return out
